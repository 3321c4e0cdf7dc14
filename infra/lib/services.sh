# shellcheck shell=bash
# The four services of a local run: where their jars, pids and logs are. Sourced by run.sh and stop.sh.

MEJORA_APPS=(plan evaluation reporting gateway)
declare -A MEJORA_JARS=(
  [plan]=plan-service/plan-app/target/plan-app-0.1.0-SNAPSHOT.jar
  [evaluation]=evaluation-service/evaluation-app/target/evaluation-app-0.1.0-SNAPSHOT.jar
  [reporting]=reporting-service/target/reporting-service-0.1.0-SNAPSHOT.jar
  [gateway]=gateway/gateway-app/target/gateway-app-0.1.0-SNAPSHOT.jar
)
: "${MEJORA_PLAN_PORT:=8081}"
: "${MEJORA_EVALUATION_PORT:=8082}"
: "${MEJORA_REPORTING_PORT:=8083}"
: "${MEJORA_GATEWAY_PORT:=8080}"
: "${MEJORA_SERVICE_JAVA_OPTS:=-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
declare -A MEJORA_PORTS=(
  [plan]=$MEJORA_PLAN_PORT [evaluation]=$MEJORA_EVALUATION_PORT
  [reporting]=$MEJORA_REPORTING_PORT [gateway]=$MEJORA_GATEWAY_PORT
)
export MEJORA_PLAN_PORT MEJORA_EVALUATION_PORT MEJORA_REPORTING_PORT MEJORA_GATEWAY_PORT
export MEJORA_PLAN_URL=${MEJORA_PLAN_URL:-http://localhost:$MEJORA_PLAN_PORT}
export MEJORA_EVALUATION_URL=${MEJORA_EVALUATION_URL:-http://localhost:$MEJORA_EVALUATION_PORT}
export MEJORA_REPORTING_URL=${MEJORA_REPORTING_URL:-http://localhost:$MEJORA_REPORTING_PORT}
MEJORA_PIDS=$MEJORA_STATE_DIR/pids
MEJORA_LOGS=$MEJORA_STATE_DIR/logs

app_pid() {
  local file=$MEJORA_PIDS/$1.pid pid
  [[ -f $file ]] && pid=$(<"$file") && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop_apps() {
  local app pid
  for app in gateway reporting evaluation plan; do
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
