# shellcheck shell=bash
# The apps of a local run: the local identity server, the four services and the web app; where their jars, pids
# and logs are. Sourced by run.sh and stop.sh. The web app reads the identity server's discovery document when it
# starts, so run.sh starts it once the identity server is up.

MEJORA_APPS=(idp plan evaluation reporting gateway web)
declare -A MEJORA_JARS=(
  [plan]=plan-service/plan-app/target/plan-app-0.1.0-SNAPSHOT.jar
  [evaluation]=evaluation-service/evaluation-app/target/evaluation-app-0.1.0-SNAPSHOT.jar
  [reporting]=reporting-service/target/reporting-service-0.1.0-SNAPSHOT.jar
  [gateway]=gateway/gateway-app/target/gateway-app-0.1.0-SNAPSHOT.jar
  [idp]=infra/local-idp/target/local-idp-0.1.0-SNAPSHOT.jar
  [web]=gateway/web-app/target/web-app-0.1.0-SNAPSHOT.jar
)
: "${MEJORA_PLAN_PORT:=8081}"
: "${MEJORA_EVALUATION_PORT:=8082}"
: "${MEJORA_REPORTING_PORT:=8083}"
: "${MEJORA_GATEWAY_PORT:=8080}"
: "${MEJORA_IDP_PORT:=9000}"
: "${MEJORA_WEB_PORT:=8084}"
: "${MEJORA_SERVICE_JAVA_OPTS:=-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
# A service out of memory exits at once, so that it is restarted, rather than linger unable to answer.
case " $MEJORA_SERVICE_JAVA_OPTS " in *" -XX:+ExitOnOutOfMemoryError "*) ;; *) MEJORA_SERVICE_JAVA_OPTS+=" -XX:+ExitOnOutOfMemoryError" ;; esac
declare -A MEJORA_PORTS=(
  [plan]=$MEJORA_PLAN_PORT [evaluation]=$MEJORA_EVALUATION_PORT
  [reporting]=$MEJORA_REPORTING_PORT [gateway]=$MEJORA_GATEWAY_PORT
  [idp]=$MEJORA_IDP_PORT [web]=$MEJORA_WEB_PORT
)
export MEJORA_PLAN_PORT MEJORA_EVALUATION_PORT MEJORA_REPORTING_PORT MEJORA_GATEWAY_PORT MEJORA_IDP_PORT MEJORA_WEB_PORT
export MEJORA_IDP_URL=${MEJORA_IDP_URL:-http://localhost:$MEJORA_IDP_PORT}
export MEJORA_WEB_URL=${MEJORA_WEB_URL:-http://localhost:$MEJORA_WEB_PORT}
export MEJORA_PLAN_URL=${MEJORA_PLAN_URL:-http://localhost:$MEJORA_PLAN_PORT}
export MEJORA_EVALUATION_URL=${MEJORA_EVALUATION_URL:-http://localhost:$MEJORA_EVALUATION_PORT}
export MEJORA_REPORTING_URL=${MEJORA_REPORTING_URL:-http://localhost:$MEJORA_REPORTING_PORT}
# The services' database passwords are the published ones of env.sh, which only a local run may use
# (mejora.local-run); the services listen on loopback, reached through the gateway only.
export MEJORA_PLAN_DB_PASSWORD=${MEJORA_PLAN_DB_PASSWORD:-$MEJORA_DB_PASSWORD_PLAN}
export MEJORA_EVALUATION_DB_PASSWORD=${MEJORA_EVALUATION_DB_PASSWORD:-$MEJORA_DB_PASSWORD_EVALUATION}
export MEJORA_REPORTING_DB_PASSWORD=${MEJORA_REPORTING_DB_PASSWORD:-$MEJORA_DB_PASSWORD_REPORTING}
export MEJORA_LOCAL_RUN=${MEJORA_LOCAL_RUN:-true}
export MEJORA_BIND_ADDRESS=${MEJORA_BIND_ADDRESS:-127.0.0.1}
MEJORA_PIDS=$MEJORA_STATE_DIR/pids
MEJORA_LOGS=$MEJORA_STATE_DIR/logs

# Succeeds once the app answers ready; fails (with its log) if it dies or is not ready in time.
await_ready() {
  local app=$1 deadline=$((SECONDS + ${2:-240}))
  until curl -fsS "http://localhost:${MEJORA_PORTS[$app]}/actuator/health/readiness" >/dev/null 2>&1; do
    app_pid "$app" >/dev/null || { tail -30 "$MEJORA_LOGS/$app.log" >&2; log "$app died; see $MEJORA_LOGS/$app.log"; return 1; }
    ((SECONDS < deadline)) || { log "$app not healthy after ${2:-240} s; see $MEJORA_LOGS/$app.log"; return 1; }
    sleep 1
  done
}

app_pid() {
  local file=$MEJORA_PIDS/$1.pid pid
  [[ -f $file ]] && pid=$(<"$file") && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop_apps() {
  local app pid
  for app in web gateway reporting evaluation plan idp; do
    if pid=$(app_pid "$app"); then
      log "stopping $app (pid $pid)"
      kill "$pid" 2>/dev/null || true
    fi
  done
  for app in "${MEJORA_APPS[@]}"; do
    if pid=$(app_pid "$app"); then
      for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$MEJORA_PIDS/$app.pid"
  done
}
