#!/usr/bin/env bash
# The benchmark: how fast Mejora writes, propagates and rebuilds, beside plain PostgreSQL and Kafka baselines
# measured in the same run. It never touches the demo's or the tests' data: the four services run on ports
# 18080-18083 against the *_bench databases (wiped at the start) and a second Kafka broker on port 19092 with its
# own state in infra/.run/bench (wiped too). Everything it starts is stopped when it ends.
#   infra/bench.sh            default size, within 20 minutes on 2 cores
#   infra/bench.sh --quick    small sizes for development, about 3 minutes
#   infra/bench.sh --full     rebuild at 1M events (longer)
# For work on one part: MEJORA_BENCH_PHASES="rebuild" (sections, comma-separated), MEJORA_BENCH_APPS="reporting"
# (the apps to start), MEJORA_BENCH_REBUILD_SIZES="10000,100000" (total events at each rebuild).
# MEJORA_BENCH_BASE_PORT moves the apps to other ports (base .. base+5: gateway, plan, evaluation, reporting, web app,
# identity server) if 18080-18085 are taken.
# Results: infra/benchmarks/results/<UTC timestamp>.md and .csv, and the table on stdout.
set -euo pipefail
case ${1:-} in
  "" | --quick | --full) ;;
  *) echo "usage: $0 [--quick|--full]" >&2 && exit 2 ;;
esac
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export MEJORA_ROOT=${MEJORA_ROOT:-$(cd "$here/.." && pwd)}
export MEJORA_STATE_DIR=$MEJORA_ROOT/infra/.run/bench
# MEJORA_BENCH_KAFKA_PORT and MEJORA_BENCH_DB_SET let two benchmarks run side by side (another broker, *_<set>
# databases made by `infra/postgres.sh reset <set>`).
bench_kafka=${MEJORA_BENCH_KAFKA_PORT:-19092}
bench_db_set=${MEJORA_BENCH_DB_SET:-bench}
export MEJORA_KAFKA_PORT=$bench_kafka MEJORA_KAFKA_CONTROLLER_PORT=$((bench_kafka + 1)) \
  MEJORA_KAFKA_BOOTSTRAP=localhost:$bench_kafka
base=${MEJORA_BENCH_BASE_PORT:-18080}
export MEJORA_GATEWAY_PORT=$base MEJORA_PLAN_PORT=$((base + 1)) MEJORA_EVALUATION_PORT=$((base + 2)) \
  MEJORA_REPORTING_PORT=$((base + 3)) MEJORA_WEB_PORT=$((base + 4)) MEJORA_IDP_PORT=$((base + 5))
export MEJORA_GATEWAY_URL=http://localhost:$MEJORA_GATEWAY_PORT MEJORA_PUBLIC_URL=http://localhost:$MEJORA_GATEWAY_PORT
# The broker's jars are the same for both brokers: reuse the main download when it is complete and current.
main_libs=$MEJORA_ROOT/infra/.run/kafka/libs
if [[ -z ${MEJORA_KAFKA_LIBS:-} && $(cat "$main_libs/.complete" 2>/dev/null) == "$(sha1sum <"$MEJORA_ROOT/infra/kafka/pom.xml" | cut -c1-40)" ]]; then
  export MEJORA_KAFKA_LIBS=$main_libs
fi
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
# C2 on (unlike run.sh, which favours start-up): a benchmark measures the steady state.
: "${MEJORA_SERVICE_JAVA_OPTS:=-Xms256m -Xmx512m -XX:+UseSerialGC}"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$here/lib/services.sh"
# MEJORA_BENCH_APPS="reporting" starts only those (with MEJORA_BENCH_PHASES=rebuild, all the rebuild needs).
if [[ -n ${MEJORA_BENCH_APPS:-} ]]; then
  read -ra MEJORA_APPS <<<"$MEJORA_BENCH_APPS"
fi
cd "$MEJORA_ROOT"
bench_log() { echo "[bench] $*" >&2; }

mkdir -p "$MEJORA_PIDS" "$MEJORA_LOGS" "$MEJORA_STATE_DIR/keys"
stop_all() {
  stop_apps
  "$here/kafka.sh" stop || true
}
# A previous run that was killed may have left its services or broker behind.
stop_all
trap stop_all EXIT

"$here/postgres.sh" start
bench_log "wiping the bench broker's data"
rm -rf "$MEJORA_KAFKA_DIR/data"
"$here/kafka.sh" start

for service in "${MEJORA_SERVICES[@]}"; do
  password_var=MEJORA_DB_PASSWORD_${service^^}
  bench_log "recreating the schema of ${service}_$bench_db_set"
  PGPASSWORD=${!password_var} PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 \
    -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" -U "$service" -d "${service}_$bench_db_set" \
    -c 'drop schema public cascade; create schema public'
  export "MEJORA_${service^^}_DB_URL=jdbc:postgresql://$MEJORA_DB_HOST:$MEJORA_DB_PORT/${service}_$bench_db_set"
  export "MEJORA_${service^^}_DB_USER=$service" "MEJORA_${service^^}_DB_PASSWORD=${!password_var}"
done

missing=false
for app in "${MEJORA_APPS[@]}"; do [[ -f ${MEJORA_JARS[$app]} ]] || missing=true; done
if $missing; then
  bench_log "building the service jars (skipping tests)"
  mejora_mvn -B -q -DskipTests package \
    -pl plan-service/plan-app,evaluation-service/evaluation-app,reporting-service,gateway/gateway-app,infra/local-idp,gateway/web-app -am
fi
bench=$MEJORA_ROOT/infra/benchmarks
if [[ ! -d $bench/target/lib || -n $(find "$bench/src/main" "$bench/pom.xml" -newer "$bench/target/lib" -print -quit) ]]; then
  bench_log "building the benchmark driver"
  # -am: on a fresh clone the project's own modules are in no local repository yet.
  mejora_mvn -B -q -DskipTests package -pl infra/benchmarks -am
  touch "$bench/target/lib"
fi

# The bench's own key pair for the tokens the driver signs, to the gateway and to each service directly.
keys=$MEJORA_STATE_DIR/keys
if [[ ! -s $keys/jwt-private.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
fi
export MEJORA_JWT_PUBLIC_KEY=file:$keys/jwt-public.pem MEJORA_BENCH_JWT_PRIVATE_KEY=$keys/jwt-private.pem
# The identity server signs with the same key and knows the one user whose screens are timed.
export MEJORA_JWT_PRIVATE_KEY=file:$keys/jwt-private.pem MEJORA_IDP_USERS=file:$MEJORA_STATE_DIR/idp-users.tsv
printf 'bench-screens\tbench-screens\tPLAN_OWNER,PLAN_REVIEWER,PLAN_APPROVER,ADMIN\tBench Screens\n' >"$MEJORA_STATE_DIR/idp-users.tsv"

for app in "${MEJORA_APPS[@]}"; do
  ! wait_for_port localhost "${MEJORA_PORTS[$app]}" 0 ||
    die "port ${MEJORA_PORTS[$app]} ($app) is taken by another process; set MEJORA_BENCH_BASE_PORT to another base"
done
# A machine shared with other work may need longer for six JVMs to start side by side.
start_timeout=${MEJORA_BENCH_START_TIMEOUT:-300}
# Each service runs from a copy: other work in this tree may repackage a jar while the benchmark runs.
mkdir -p "$MEJORA_STATE_DIR/jars"
for app in "${MEJORA_APPS[@]}"; do
  cp "${MEJORA_JARS[$app]}" "$MEJORA_STATE_DIR/jars/$app.jar"
done
for app in "${MEJORA_APPS[@]}"; do
  # The web app reads the identity server's discovery document when it starts.
  [[ $app == web ]] && { await_ready idp "$start_timeout" || die "the identity server did not start"; }
  # shellcheck disable=SC2086  # the options are several words
  nohup "$(mejora_java)" $MEJORA_SERVICE_JAVA_OPTS -jar "$MEJORA_STATE_DIR/jars/$app.jar" \
    >"$MEJORA_LOGS/$app.log" 2>&1 9>&- &
  echo $! >"$MEJORA_PIDS/$app.pid"
done
t0=$SECONDS
for app in "${MEJORA_APPS[@]}"; do
  deadline=$((SECONDS + start_timeout))
  until curl -fsS "http://localhost:${MEJORA_PORTS[$app]}/actuator/health/readiness" >/dev/null 2>&1; do
    app_pid "$app" >/dev/null || { tail -30 "$MEJORA_LOGS/$app.log" >&2; die "$app died; see $MEJORA_LOGS/$app.log"; }
    ((SECONDS < deadline)) || die "$app not healthy after $start_timeout s; see $MEJORA_LOGS/$app.log"
    sleep 1
  done
  bench_log "$app healthy on port ${MEJORA_PORTS[$app]}"
done
bench_log "system up in $((SECONDS - t0)) s; starting the driver"

MEJORA_BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
export MEJORA_BENCH_COMMIT
# The driver runs from a copy too, so rebuilding the module during a run cannot change it underneath.
driver=$MEJORA_STATE_DIR/driver
rm -rf "$driver" && mkdir -p "$driver" && cp -r "$bench/target/classes" "$bench/target/lib" "$driver/"
"$(mejora_java)" -Xms256m -Xmx1g -XX:+UseSerialGC -cp "$driver/classes:$driver/lib/*" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.mejora.bench.Benchmark "$@"
