#!/usr/bin/env bash
# The local run's supervisor (started by infra/run.sh, stopped by infra/stop.sh): restarts a unit that exits, or
# that stops answering its liveness probe (/actuator/health/liveness) three times in a row once it had started,
# with a back-off per unit (2 s doubling to 60 s, back to 2 s once it has stayed up for two minutes).
# `infra/run.sh --restart UNIT` asks it for a restart by touching $MEJORA_PIDS/UNIT.restart.
#   infra/lib/supervise.sh UNIT...
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/env.sh
source "$here/env.sh"
# shellcheck source=SCRIPTDIR/services.sh
source "$here/services.sh"

: "${MEJORA_SUPERVISE_INTERVAL_S:=2}"
: "${MEJORA_LIVENESS_TIMEOUT_S:=3}"
: "${MEJORA_LIVENESS_FAILURES:=3}"

say() { echo "$(date -u +%FT%TZ) [supervisor] $*"; }

units=("$@")
declare -A started_at backoff next_try failures ready restarted
for unit in "${units[@]}"; do
  started_at[$unit]=$SECONDS backoff[$unit]=2 next_try[$unit]=0 failures[$unit]=0 ready[$unit]=false restarted[$unit]=false
done

running=true
trap 'running=false' TERM INT

restart() {
  local unit=$1 why=$2
  if ((SECONDS < next_try[$unit])); then return; fi
  say "$unit $why: restarting (back-off ${backoff[$unit]} s)"
  # A wedged process may never act on TERM: it gets KILL at once.
  [[ $why != "stopped answering" ]] || { pid=$(app_pid "$unit") && kill -9 "$pid" 2>/dev/null; }
  stop_unit "$unit"
  if start_unit "$unit"; then
    say "$unit started again (pid $(cat "$MEJORA_PIDS/$unit.pid"))"
  else
    say "$unit could not be started"
  fi
  started_at[$unit]=$SECONDS failures[$unit]=0 ready[$unit]=false restarted[$unit]=true
  next_try[$unit]=$((SECONDS + backoff[$unit]))
  backoff[$unit]=$((backoff[$unit] * 2 > 60 ? 60 : backoff[$unit] * 2))
}

say "supervising ${units[*]}"
while $running; do
  for unit in "${units[@]}"; do
    $running || break
    port=$(unit_port "$unit")
    if [[ -e $MEJORA_PIDS/$unit.restart ]]; then
      rm -f "$MEJORA_PIDS/$unit.restart"
      next_try[$unit]=0 backoff[$unit]=2
      restart "$unit" "asked for"
      continue
    fi
    if ! app_pid "$unit" >/dev/null; then
      restart "$unit" "exited"
      continue
    fi
    if curl -fsS -m "$MEJORA_LIVENESS_TIMEOUT_S" "http://localhost:$port/actuator/health/liveness" >/dev/null 2>&1; then
      failures[$unit]=0
      if [[ ${ready[$unit]} == false ]]; then
        ready[$unit]=true
        [[ ${restarted[$unit]} == false ]] || say "$unit live again on port $port"
      fi
      # Up for two minutes: the next failure is restarted at once again.
      ((SECONDS - started_at[$unit] < 120)) || backoff[$unit]=2
    elif [[ ${ready[$unit]} == true ]]; then
      failures[$unit]=$((failures[$unit] + 1))
      say "$unit did not answer its liveness probe (${failures[$unit]}/$MEJORA_LIVENESS_FAILURES)"
      ((failures[$unit] < MEJORA_LIVENESS_FAILURES)) || restart "$unit" "stopped answering"
    elif ((SECONDS - started_at[$unit] > MEJORA_START_TIMEOUT_S)); then
      restart "$unit" "not live ${MEJORA_START_TIMEOUT_S} s after its start"
    fi
  done
  sleep "$MEJORA_SUPERVISE_INTERVAL_S" & wait $! 2>/dev/null
done
say "stopped"
