#!/usr/bin/env bash
# Local PostgreSQL for Mejora: roles plan/evaluation/reporting and their 12 databases.
#   infra/postgres.sh start|stop [--force]|restart [--force]|status|reset SET...
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

# Present only if this script started the cluster, so `stop` never takes down a
# server somebody else was already running.
MARKER=$MEJORA_STATE_DIR/postgres.started-by-infra

as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }
as_postgres() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

ensure_installed() {
  command -v pg_ctlcluster >/dev/null && command -v psql >/dev/null && return
  log "PostgreSQL missing: installing it with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Prints "version name port status" of the newest local cluster.
newest_cluster() {
  pg_lsclusters -h | sort -k1,1V | tail -n1 | awk '{print $1, $2, $3, $4}'
}

# Prints "version name port status" of the newest local cluster, creating one if none exists.
cluster() {
  if [[ -z $(pg_lsclusters -h) ]]; then
    local ver
    ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
    log "no PostgreSQL cluster: creating $ver/main"
    as_root pg_createcluster "$ver" main >/dev/null
  fi
  newest_cluster
}

wait_ready() {
  local deadline=$((SECONDS + 60))
  until pg_isready -q -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" -t 2; do
    ((SECONDS < deadline)) || die "PostgreSQL not ready on $MEJORA_DB_HOST:$MEJORA_DB_PORT after 60 s"
    sleep 0.5
  done
}

start_local() {
  ensure_installed
  local ver name port status
  read -r ver name port status < <(cluster)
  if [[ $port != "$MEJORA_DB_PORT" ]]; then
    log "PostgreSQL $ver/$name: changing port $port -> $MEJORA_DB_PORT"
    as_root pg_conftool "$ver" "$name" set port "$MEJORA_DB_PORT"
    [[ $status != online* ]] || as_root pg_ctlcluster "$ver" "$name" restart 9>&-
  fi
  if [[ $status == online* ]]; then
    log "PostgreSQL $ver/$name already running on port $MEJORA_DB_PORT"
  else
    log "starting PostgreSQL $ver/$name on port $MEJORA_DB_PORT"
    as_root pg_ctlcluster "$ver" "$name" start 9>&-
    touch "$MARKER"
  fi
  wait_ready
}

# Runs SQL as a superuser: the postgres OS user on a server infra/ runs, else MEJORA_DB_ADMIN_URL.
#   admin_psql SQL [psql options...]
admin_psql() {
  local sql=$1
  shift
  if is_true "$MEJORA_START_POSTGRES"; then
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$MEJORA_DB_PORT" -d postgres "$@" <<<"$sql" >/dev/null
  else
    psql -X -q -v ON_ERROR_STOP=1 -d "$MEJORA_DB_ADMIN_URL" "$@" <<<"$sql" >/dev/null
  fi
}

# Idempotent: creates what is missing, re-applies passwords and owners.
ensure_roles_and_dbs() {
  local sql="" svc sfx pw
  for svc in "${MEJORA_SERVICES[@]}"; do
    pw=MEJORA_DB_PASSWORD_${svc^^}
    sql+="SELECT format('CREATE ROLE %I LOGIN', '$svc') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$svc')
\\gexec
ALTER ROLE $svc WITH LOGIN PASSWORD :'pw_$svc';
"
    for sfx in "${MEJORA_DB_SUFFIXES[@]}"; do
      sql+="SELECT format('CREATE DATABASE %I OWNER %I', '$svc$sfx', '$svc') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$svc$sfx')
\\gexec
ALTER DATABASE $svc$sfx OWNER TO $svc;
"
    done
    set -- "$@" -v "pw_$svc=${!pw}"
  done
  admin_psql "$sql" "$@"
  log "roles and databases ensured: ${MEJORA_SERVICES[*]} (+ _test, _system, _bench)"
}

# Logs in over TCP with each service's password, exactly as the services will.
check_logins() {
  local svc pw failed=()
  for svc in "${MEJORA_SERVICES[@]}"; do
    pw=MEJORA_DB_PASSWORD_${svc^^}
    PGPASSWORD=${!pw} PGCONNECT_TIMEOUT=5 psql -X -qtA -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" \
      -U "$svc" -d "${svc}_test" -c 'select 1' >/dev/null 2>&1 || failed+=("$svc")
  done
  [[ ${#failed[@]} -eq 0 ]] || { log "password login over TCP failed for: ${failed[*]}"; return 1; }
}

# Debian's pg_hba.conf already allows scram over 127.0.0.1/::1; other setups may not.
allow_password_auth() {
  local hba roles
  hba=$(as_postgres psql -X -qtA -p "$MEJORA_DB_PORT" -d postgres -c 'show hba_file')
  roles=$(IFS=,; echo "${MEJORA_SERVICES[*]}")
  log "adding scram-sha-256 rules for $roles at the top of $hba"
  as_root sed -i "1i host all $roles 127.0.0.1/32 scram-sha-256\\
host all $roles ::1/128 scram-sha-256" "$hba"
  as_postgres psql -X -qtA -p "$MEJORA_DB_PORT" -d postgres -c 'select pg_reload_conf()' >/dev/null
}

start() {
  take_lock postgres
  if is_true "$MEJORA_START_POSTGRES"; then
    start_local
    ensure_roles_and_dbs
    check_logins || { allow_password_auth && check_logins; } || die "password auth over TCP does not work"
  else
    wait_ready
    if [[ -n $MEJORA_DB_ADMIN_URL ]]; then
      ensure_roles_and_dbs
      check_logins || die "password auth over TCP does not work on $MEJORA_DB_HOST:$MEJORA_DB_PORT"
    else
      check_logins || log "WARNING: roles/databases may be missing; set MEJORA_DB_ADMIN_URL to create them"
    fi
  fi
  log "PostgreSQL ready at $MEJORA_DB_HOST:$MEJORA_DB_PORT"
}

stop() {
  take_lock postgres
  command -v pg_lsclusters >/dev/null || { log "PostgreSQL not installed"; return; }
  local ver name port status
  read -r ver name port status < <(newest_cluster)
  if [[ ${1:-} != --force && ! -e $MARKER ]]; then
    log "PostgreSQL $ver/$name left running: not started by infra (use stop --force)"
  elif [[ $status == online* ]]; then
    log "stopping PostgreSQL $ver/$name"
    as_root pg_ctlcluster "$ver" "$name" stop
  else
    log "PostgreSQL $ver/$name already stopped"
  fi
  rm -f "$MARKER"
}

# Restarts the whole server (every connection drops), only one infra/ started unless --force: the fault the chaos
# suite injects. pg_ctlcluster's own restart was seen to find the old server still there after a long shutdown
# checkpoint and leave the cluster down, so this waits for the old server to be gone before it starts a new one.
restart() {
  take_lock postgres
  local ver name port status
  read -r ver name port status < <(newest_cluster)
  [[ ${1:-} == --force || -e $MARKER ]] ||
    die "PostgreSQL $ver/$name not started by infra: not restarting it (use restart --force)"
  log "restarting PostgreSQL $ver/$name"
  [[ $status != online* ]] || as_root pg_ctlcluster --mode fast "$ver" "$name" stop 9>&-
  local deadline=$((SECONDS + 120))
  until [[ $(pg_lsclusters -h "$ver" "$name" | awk '{print $4}') == down ]] &&
    ! pg_isready -q -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" -t 1; do
    ((SECONDS < deadline)) || die "PostgreSQL $ver/$name still running 120 s after its stop"
    sleep 0.5
  done
  as_root pg_ctlcluster "$ver" "$name" start 9>&-
  wait_ready
  log "PostgreSQL $ver/$name restarted"
}

# Drops and recreates the services' databases of the given sets (e.g. `test system` gives plan_test, ...), for a
# test run whose Kafka broker is new: projections and publishing positions must describe the topics they run on.
reset() {
  (($#)) || die "usage: $0 reset SET..."
  take_lock postgres
  local sql="" svc set db
  for set in "$@"; do
    [[ $set =~ ^[a-z0-9_]+$ ]] || die "not a database set name: $set"
    for svc in "${MEJORA_SERVICES[@]}"; do
      db=${svc}_$set
      sql+="DROP DATABASE IF EXISTS $db WITH (FORCE);
CREATE DATABASE $db OWNER $svc;
"
    done
  done
  is_true "$MEJORA_START_POSTGRES" || [[ -n $MEJORA_DB_ADMIN_URL ]] ||
    die "cannot reset databases without MEJORA_DB_ADMIN_URL on a server infra/ does not run"
  admin_psql "$sql"
  log "databases reset: sets $*"
}

status() {
  command -v pg_lsclusters >/dev/null && pg_lsclusters
  if pg_isready -q -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" -t 2; then
    log "PostgreSQL accepting connections at $MEJORA_DB_HOST:$MEJORA_DB_PORT"
  else
    log "PostgreSQL not reachable at $MEJORA_DB_HOST:$MEJORA_DB_PORT"
    return 3
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop "${2:-}" ;;
  restart) restart "${2:-}" ;;
  status) status ;;
  reset) shift; reset "$@" ;;
  *) die "usage: $0 start|stop [--force]|restart [--force]|status|reset SET..." ;;
esac
