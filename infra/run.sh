#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, Kafka, the local identity server, the four services, the web
# app, and demo data from the seeds.
# Waits until every service is healthy, prints the URLs, and stays in the foreground: Ctrl-C (or infra/stop.sh
# from another terminal) stops everything it started. With --detach it returns once the system is up.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$here/lib/services.sh"
cd "$MEJORA_ROOT"
detach=false
[[ ${1:-} == --detach ]] && detach=true
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

for app in "${MEJORA_APPS[@]}"; do
  if [[ $app == web ]]; then
    await_ready idp 120 || { stop_apps; die "the local identity server did not start"; }
  fi
  if pid=$(app_pid "$app"); then
    log "$app already running (pid $pid)"
    continue
  fi
  # shellcheck disable=SC2086  # the options are several words
  nohup "$(mejora_java)" $MEJORA_SERVICE_JAVA_OPTS -jar "${MEJORA_JARS[$app]}" \
    >"$MEJORA_LOGS/$app.log" 2>&1 9>&- &
  echo $! >"$MEJORA_PIDS/$app.pid"
done

# Stops everything even when the terminal's pipe is gone (Ctrl-C on `infra/run.sh | tee` kills tee first).
shut_down() {
  trap '' PIPE INT TERM
  set +e
  stop_apps
  "$here/infra-down.sh"
  exit 0
}
if ! $detach; then
  trap shut_down INT TERM
fi

for app in "${MEJORA_APPS[@]}"; do
  await_ready "$app" 240 || { stop_apps; die "$app did not start"; }
  log "$app healthy on port ${MEJORA_PORTS[$app]}"
done
log "system healthy in $((SECONDS - t0)) s"

"$here/demo/load-demo-data.sh"

cat <<MSG

  Mejora is running.
    Open in a browser:                       http://localhost:$MEJORA_GATEWAY_PORT  (demo users listed at sign-in, password "demo")
    Gateway (the only entry for front ends): http://localhost:$MEJORA_GATEWAY_PORT/api
    API documentation:                       http://localhost:$MEJORA_GATEWAY_PORT/swagger-ui.html
    Health / metrics of each service:        http://localhost:<port>/actuator/health, /actuator/prometheus
      plan $MEJORA_PLAN_PORT, evaluation $MEJORA_EVALUATION_PORT, reporting $MEJORA_REPORTING_PORT, gateway $MEJORA_GATEWAY_PORT,
      web app $MEJORA_WEB_PORT, local identity server $MEJORA_IDP_PORT
    A token for a demo user:  infra/token.sh lhernandez alcaldia-calica PLAN_OWNER "Luz Andrea Hernández Tejedor"
    Try:  curl -H "Authorization: Bearer \$(infra/token.sh auditor1 alcaldia-calica AUDITOR)" \\
            http://localhost:$MEJORA_GATEWAY_PORT/api/reports/plans/<planId>/history
    Logs: $MEJORA_LOGS   Stop: Ctrl-C here, or infra/stop.sh

MSG

$detach && exit 0
# Stay in the foreground until Ctrl-C, infra/stop.sh, or a service dies.
while true; do
  for app in "${MEJORA_APPS[@]}"; do
    if ! app_pid "$app" >/dev/null; then
      log "$app stopped; stopping the rest"
      shut_down
    fi
  done
  sleep 2
done
