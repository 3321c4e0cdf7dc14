#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, Kafka, the local identity server, the four services, the web
# app, and demo data from the seeds.
# Waits until every service is healthy, prints the URLs, and stays in the foreground: Ctrl-C (or infra/stop.sh
# from another terminal) stops everything it started. With --detach it returns once the system is up.
# A supervisor (infra/lib/supervise.sh) restarts a service that exits or stops answering its liveness probe.
#
#   MEJORA_INSTANCES=2 infra/run.sh    two instances of plan-, evaluation-, reporting-service and the web app
#                                      (instance k on its base port + 10·k); the gateway balances between them
#   infra/run.sh --restart plan        restarts every instance of one app in turn, from its jar, without a build
#   infra/run.sh --restart plan-1      restarts one instance
#   infra/run.sh --restart plan --build  rebuilds that app's module first
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$here/lib/services.sh"
cd "$MEJORA_ROOT"

detach=false restart=() build=false
while (($#)); do
  case $1 in
    --detach) detach=true ;;
    --restart) [[ -n ${2:-} ]] || die "usage: $0 --restart APP|UNIT [--build]"; restart+=("$2"); shift ;;
    --build) build=true ;;
    *) die "usage: $0 [--detach] | --restart APP|UNIT [--build]" ;;
  esac
  shift
done

# One app (or one instance) again, while the rest keeps running: the supervisor restarts it with the environment
# the system was started with; this waits until it is ready again.
restart_units() {
  local target unit app units=() old
  app_pid supervisor >/dev/null || die "no supervisor runs: start the system with infra/run.sh"
  for target in "${restart[@]}"; do
    app=$(unit_app "$target")
    [[ -n ${MEJORA_JARS[$app]:-} ]] || die "no such app: $target (one of ${MEJORA_APPS[*]}, or e.g. plan-1)"
    if [[ $target == "$app" ]]; then
      for unit in "$MEJORA_PIDS/$app.pid" "$MEJORA_PIDS/$app"-[0-9].pid; do
        [[ -f $unit ]] && units+=("$(basename "$unit" .pid)")
      done
    else
      units+=("$target")
    fi
    if $build; then
      log "building ${MEJORA_MODULES[$app]} (skipping tests)"
      mejora_mvn -B -q -DskipTests package -pl "${MEJORA_MODULES[$app]}" -am
    fi
  done
  ((${#units[@]})) || die "nothing of ${restart[*]} runs"
  # In turn: with two instances the other one keeps serving meanwhile.
  for unit in "${units[@]}"; do
    old=$(app_pid "$unit" || true)
    log "restarting $unit"
    touch "$MEJORA_PIDS/$unit.restart"
    local deadline=$((SECONDS + 60))
    until [[ ! -e $MEJORA_PIDS/$unit.restart ]] && new=$(app_pid "$unit") && [[ $new != "$old" ]]; do
      ((SECONDS < deadline)) || die "the supervisor did not restart $unit; see $MEJORA_LOGS/supervisor.log"
      sleep 0.5
    done
    await_ready "$unit" || die "$unit did not start again"
    log "$unit ready again on port $(unit_port "$unit") (pid $new)"
  done
}
if ((${#restart[@]})); then
  restart_units
  exit 0
fi

t0=$SECONDS
"$here/infra-up.sh"

log "building the services (skipping tests)"
mejora_mvn -B -q -DskipTests package \
  -pl plan-service/plan-app,evaluation-service/evaluation-app,reporting-service,gateway/gateway-app,infra/local-idp,gateway/web-app -am

# The local key pair that signs demo tokens; the gateway and every service trust its public half.
mkdir -p "$MEJORA_PIDS" "$MEJORA_LOGS"
"$here/token.sh" admin local ADMIN >/dev/null # makes the local key pair on first use
export MEJORA_JWT_PUBLIC_KEY=${MEJORA_JWT_PUBLIC_KEY:-file:$MEJORA_STATE_DIR/keys/jwt-public.pem}
export MEJORA_JWT_PRIVATE_KEY=${MEJORA_JWT_PRIVATE_KEY:-file:$MEJORA_STATE_DIR/keys/jwt-private.pem}
# Each producer signs the checkpoints of its hash chain with a key pair of its own, made on first use; the public
# half (history-<service>-public.pem) is what an auditor pins: infra/verify-history.sh --public-key FILE.
for producer in plan evaluation; do
  key=$MEJORA_STATE_DIR/keys/history-$producer.pem
  if [[ ! -s $key ]]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key.new" 2>/dev/null)
    mv "$key.new" "$key"
  fi
  [[ -s $MEJORA_STATE_DIR/keys/history-$producer-public.pem ]] \
    || openssl pkey -in "$key" -pubout -out "$MEJORA_STATE_DIR/keys/history-$producer-public.pem"
done
export MEJORA_PLAN_HISTORY_KEY=${MEJORA_PLAN_HISTORY_KEY:-file:$MEJORA_STATE_DIR/keys/history-plan.pem}
export MEJORA_EVALUATION_HISTORY_KEY=${MEJORA_EVALUATION_HISTORY_KEY:-file:$MEJORA_STATE_DIR/keys/history-evaluation.pem}

mapfile -t units < <(all_units)
for unit in "${units[@]}"; do
  if [[ $(unit_app "$unit") == web ]]; then
    await_ready idp || { stop_apps; die "the local identity server did not start"; }
  fi
  if pid=$(app_pid "$unit"); then
    log "$unit already running (pid $pid)"
    continue
  fi
  start_unit "$unit"
done

# Stops everything even when the terminal's pipe is gone (Ctrl-C on `infra/run.sh | tee` kills tee first).
shut_down() {
  trap '' PIPE INT TERM
  set +e
  [[ -z ${tail_pid:-} ]] || kill "$tail_pid" 2>/dev/null
  stop_apps
  "$here/infra-down.sh"
  exit 0
}
if ! $detach; then
  trap shut_down INT TERM
fi

for unit in "${units[@]}"; do
  await_ready "$unit" || { stop_apps; die "$unit did not start"; }
  log "$unit healthy on port $(unit_port "$unit")"
done
log "system healthy in $((SECONDS - t0)) s ($MEJORA_INSTANCES instance(s) of ${MEJORA_SCALED_APPS[*]})"

# The supervisor outlives this script with --detach; infra/stop.sh stops it first.
stop_supervisor
nohup "$here/lib/supervise.sh" "${units[@]}" >>"$MEJORA_LOGS/supervisor.log" 2>&1 9>&- </dev/null &
echo $! >"$MEJORA_PIDS/supervisor.pid"

"$here/demo/load-demo-data.sh"

cat <<MSG

  Mejora is running.
    Open in a browser:                       http://localhost:$MEJORA_GATEWAY_PORT  (demo users listed at sign-in, password "demo")
    Gateway (the only entry for front ends): http://localhost:$MEJORA_GATEWAY_PORT/api
    API documentation:                       http://localhost:$MEJORA_GATEWAY_PORT/swagger-ui.html
    Health / metrics of each service:        http://localhost:<port>/actuator/health, /actuator/prometheus
      plan $MEJORA_PLAN_URLS, evaluation $MEJORA_EVALUATION_URLS, reporting $MEJORA_REPORTING_URLS,
      gateway $MEJORA_GATEWAY_PORT, web app $MEJORA_WEB_URLS, local identity server $MEJORA_IDP_PORT
    A token for a demo user:  infra/token.sh lhernandez alcaldia-calica PLAN_OWNER "Luz Andrea Hernández Tejedor"
    Try:  curl -H "Authorization: Bearer \$(infra/token.sh auditor1 alcaldia-calica AUDITOR)" \\
            http://localhost:$MEJORA_GATEWAY_PORT/api/reports/plans/<planId>/history
    Logs: $MEJORA_LOGS (supervisor.log: restarts)   Restart one app: infra/run.sh --restart plan
    Stop: Ctrl-C here, or infra/stop.sh

MSG

$detach && exit 0
# Stay in the foreground until Ctrl-C or infra/stop.sh (which stops the supervisor); show what the supervisor does.
tail -n 0 -F "$MEJORA_LOGS/supervisor.log" 2>/dev/null &
tail_pid=$!
while app_pid supervisor >/dev/null; do
  sleep 2
done
log "the supervisor stopped; stopping the rest"
shut_down
