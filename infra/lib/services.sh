# shellcheck shell=bash
# The apps of a local run: the local identity server, the four services and the web app; where their jars, pids
# and logs are. Sourced by run.sh, stop.sh, chaos.sh and the supervisor. The web app reads the identity server's
# discovery document when it starts, so run.sh starts it once the identity server is up.
#
# A unit is one process of an app: `plan` is instance 0, `plan-1` instance 1 (MEJORA_INSTANCES=2). Instance k of an
# app listens on its base port + 10·k and has the pid and log files <unit>.pid, <unit>.log.

MEJORA_APPS=(idp plan evaluation reporting gateway web)
# The apps that run as MEJORA_INSTANCES processes; the gateway and the identity server run once.
MEJORA_SCALED_APPS=(plan evaluation reporting web)
: "${MEJORA_INSTANCES:=1}"
# How long a unit may take to become ready (many JVMs starting at once on two cores take minutes).
: "${MEJORA_START_TIMEOUT_S:=300}"
[[ $MEJORA_INSTANCES =~ ^[1-9]$ ]] || die "MEJORA_INSTANCES must be 1-9, not '$MEJORA_INSTANCES'"
export MEJORA_INSTANCES MEJORA_START_TIMEOUT_S
declare -A MEJORA_JARS=(
  [plan]=plan-service/plan-app/target/plan-app-0.1.0-SNAPSHOT.jar
  [evaluation]=evaluation-service/evaluation-app/target/evaluation-app-0.1.0-SNAPSHOT.jar
  [reporting]=reporting-service/target/reporting-service-0.1.0-SNAPSHOT.jar
  [gateway]=gateway/gateway-app/target/gateway-app-0.1.0-SNAPSHOT.jar
  [idp]=infra/local-idp/target/local-idp-0.1.0-SNAPSHOT.jar
  [web]=gateway/web-app/target/web-app-0.1.0-SNAPSHOT.jar
)
# The Maven module of each app, for a restart that rebuilds one (run.sh --restart APP --build).
declare -A MEJORA_MODULES=(
  [plan]=plan-service/plan-app [evaluation]=evaluation-service/evaluation-app [reporting]=reporting-service
  [gateway]=gateway/gateway-app [idp]=infra/local-idp [web]=gateway/web-app
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
export MEJORA_SERVICE_JAVA_OPTS
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
export MEJORA_WEB_DB_PASSWORD=${MEJORA_WEB_DB_PASSWORD:-$MEJORA_DB_PASSWORD_WEB}
export MEJORA_LOCAL_RUN=${MEJORA_LOCAL_RUN:-true}
export MEJORA_BIND_ADDRESS=${MEJORA_BIND_ADDRESS:-127.0.0.1}
MEJORA_PIDS=$MEJORA_STATE_DIR/pids
MEJORA_LOGS=$MEJORA_STATE_DIR/logs

is_scaled() { [[ " ${MEJORA_SCALED_APPS[*]} " == *" $1 "* ]]; }
# plan-1 -> plan; plan -> plan
unit_app() { echo "${1%-[0-9]}"; }
unit_index() { [[ $1 =~ -([0-9])$ ]] && echo "${BASH_REMATCH[1]}" || echo 0; }
unit_port() {
  local app
  app=$(unit_app "$1")
  echo $((MEJORA_PORTS[$app] + 10 * $(unit_index "$1")))
}
# The units of one app (plan -> plan plan-1 with two instances), or of every app in start order.
app_units() {
  local app=$1 k
  echo "$app"
  if is_scaled "$app"; then
    for ((k = 1; k < MEJORA_INSTANCES; k++)); do echo "$app-$k"; done
  fi
}
all_units() {
  local app
  for app in "${MEJORA_APPS[@]}"; do app_units "$app"; done
}
# Comma-separated URLs of an app's instances: the gateway balances between them.
app_urls() {
  local unit urls=()
  for unit in $(app_units "$1"); do urls+=("http://localhost:$(unit_port "$unit")"); done
  (IFS=,; echo "${urls[*]}")
}
export MEJORA_PLAN_URLS=${MEJORA_PLAN_URLS:-$(app_urls plan)}
export MEJORA_EVALUATION_URLS=${MEJORA_EVALUATION_URLS:-$(app_urls evaluation)}
export MEJORA_REPORTING_URLS=${MEJORA_REPORTING_URLS:-$(app_urls reporting)}
export MEJORA_WEB_URLS=${MEJORA_WEB_URLS:-$(app_urls web)}

# Starts one unit in the background from its jar (no build), on its own port, with its own pid and log files.
start_unit() {
  local unit=$1 app port
  app=$(unit_app "$unit")
  port=$(unit_port "$unit")
  mkdir -p "$MEJORA_PIDS" "$MEJORA_LOGS"
  [[ -f $MEJORA_ROOT/${MEJORA_JARS[$app]} ]] || { log "${MEJORA_JARS[$app]} is missing: run infra/run.sh once"; return 1; }
  # The log of the previous process is kept once, so that the cause of a restart can still be read.
  [[ ! -s $MEJORA_LOGS/$unit.log ]] || mv -f "$MEJORA_LOGS/$unit.log" "$MEJORA_LOGS/$unit.log.1"
  # shellcheck disable=SC2086  # the options are several words
  (cd "$MEJORA_ROOT" && exec env "MEJORA_${app^^}_PORT=$port" MEJORA_INSTANCE="$unit" \
    nohup "$(mejora_java)" $MEJORA_SERVICE_JAVA_OPTS -jar "${MEJORA_JARS[$app]}" \
    >"$MEJORA_LOGS/$unit.log" 2>&1 9>&- 8>&- </dev/null) &
  echo $! >"$MEJORA_PIDS/$unit.pid"
  # Its end is the supervisor's business, not a job-control message of this shell.
  disown "$!" 2>/dev/null || true
}

# Succeeds once the unit answers ready; fails (with its log) if it dies or is not ready in time.
await_ready() {
  local unit=$1 deadline=$((SECONDS + ${2:-$MEJORA_START_TIMEOUT_S}))
  until curl -fsS -m 3 "http://localhost:$(unit_port "$unit")/actuator/health/readiness" >/dev/null 2>&1; do
    app_pid "$unit" >/dev/null || { tail -30 "$MEJORA_LOGS/$unit.log" >&2; log "$unit died; see $MEJORA_LOGS/$unit.log"; return 1; }
    ((SECONDS < deadline)) || { log "$unit not healthy after ${2:-$MEJORA_START_TIMEOUT_S} s; see $MEJORA_LOGS/$unit.log"; return 1; }
    sleep 1
  done
}

# The pid of a running unit (or of the supervisor: app_pid supervisor).
app_pid() {
  local file=$MEJORA_PIDS/$1.pid pid
  [[ -f $file ]] && pid=$(<"$file") && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Stops one unit: TERM, up to 30 s for a graceful end, then KILL.
stop_unit() {
  local unit=$1 pid
  if pid=$(app_pid "$unit"); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$MEJORA_PIDS/$unit.pid"
}

stop_supervisor() {
  local pid
  if pid=$(app_pid supervisor); then
    log "stopping the supervisor (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$MEJORA_PIDS/supervisor.pid"
}

# Stops the supervisor first (it would restart what stops), then every unit that has a pid file, whatever
# MEJORA_INSTANCES says now.
stop_apps() {
  local app file unit pid
  stop_supervisor
  for app in web gateway reporting evaluation plan idp; do
    for file in "$MEJORA_PIDS/$app.pid" "$MEJORA_PIDS/$app"-[0-9].pid; do
      [[ -f $file ]] || continue
      unit=$(basename "$file" .pid)
      if pid=$(app_pid "$unit"); then
        log "stopping $unit (pid $pid)"
        kill "$pid" 2>/dev/null || true
      fi
    done
  done
  for file in "$MEJORA_PIDS"/*.pid; do
    [[ -f $file ]] || continue
    unit=$(basename "$file" .pid)
    if pid=$(app_pid "$unit"); then
      for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  done
}
