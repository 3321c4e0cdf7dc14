# shellcheck shell=bash
# Shared settings and helpers for the infra scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# Every setting can be overridden from the environment. This file deliberately
# sets no shell options, so it is safe to source from any script.

: "${MEJORA_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${MEJORA_STATE_DIR:=$MEJORA_ROOT/infra/.run}"

: "${MEJORA_START_POSTGRES:=true}"
: "${MEJORA_DB_HOST:=localhost}"
: "${MEJORA_DB_PORT:=5432}"
: "${MEJORA_DB_PASSWORD_PLAN:=plan}"
: "${MEJORA_DB_PASSWORD_EVALUATION:=evaluation}"
: "${MEJORA_DB_PASSWORD_REPORTING:=reporting}"
# The web app's sessions (Spring Session JDBC), so that any instance serves a signed-in user.
: "${MEJORA_DB_PASSWORD_WEB:=web}"
# Superuser URL for an existing server (MEJORA_START_POSTGRES=false); empty = only check connectivity.
: "${MEJORA_DB_ADMIN_URL:=}"

: "${MEJORA_START_KAFKA:=true}"
: "${MEJORA_KAFKA_PORT:=9092}"
: "${MEJORA_KAFKA_CONTROLLER_PORT:=9093}"
: "${MEJORA_KAFKA_BOOTSTRAP:=localhost:$MEJORA_KAFKA_PORT}"
: "${MEJORA_TOPIC_PARTITIONS:=6}"
: "${MEJORA_KAFKA_DIR:=$MEJORA_STATE_DIR/kafka}"
: "${MEJORA_KAFKA_LIBS:=$MEJORA_KAFKA_DIR/libs}"

# The mail server (infra/mail.sh, GreenMail) the services send notifications through; any SMTP server in production.
: "${MEJORA_START_MAIL:=true}"
: "${MEJORA_SMTP_HOST:=localhost}"
: "${MEJORA_SMTP_PORT:=3025}"
: "${MEJORA_MAIL_API_PORT:=8085}"
: "${MEJORA_MAIL_DIR:=$MEJORA_STATE_DIR/mail}"

export MEJORA_ROOT MEJORA_STATE_DIR MEJORA_START_POSTGRES MEJORA_DB_HOST MEJORA_DB_PORT \
  MEJORA_DB_PASSWORD_PLAN MEJORA_DB_PASSWORD_EVALUATION MEJORA_DB_PASSWORD_REPORTING MEJORA_DB_PASSWORD_WEB \
  MEJORA_DB_ADMIN_URL MEJORA_START_KAFKA MEJORA_KAFKA_PORT MEJORA_KAFKA_CONTROLLER_PORT \
  MEJORA_KAFKA_BOOTSTRAP MEJORA_TOPIC_PARTITIONS MEJORA_KAFKA_DIR MEJORA_KAFKA_LIBS
export MEJORA_START_MAIL MEJORA_SMTP_HOST MEJORA_SMTP_PORT MEJORA_MAIL_API_PORT MEJORA_MAIL_DIR

# Arrays cannot be exported: scripts that need them source this file.
# shellcheck disable=SC2034
{
  # Each owns a database role and the databases <name>, <name>_test, ... (web: the web app's sessions).
  MEJORA_SERVICES=(plan evaluation reporting web)
  MEJORA_DB_SUFFIXES=("" _test _system _bench)
  # The producers' checkpoint topics, and the dead-letter topic of plan-service's intake of evaluation events.
  MEJORA_KAFKA_TOPICS=(mejora.plan.events mejora.evaluation.events mejora.plan.checkpoints mejora.evaluation.checkpoints
    mejora.evaluation.events.plan-service.dlt)
}

# A log line that cannot be written (e.g. the terminal's pipe is gone on Ctrl-C) must not abort a start or a stop.
log() { echo "[infra] $*" >&2 || true; }
die() { echo "[infra] ERROR: $*" >&2; exit 1; }
is_true() { case ${1,,} in true | 1 | yes | on) return 0 ;; *) return 1 ;; esac; }

# Succeeds as soon as host:port accepts a TCP connection; fails after timeout_s.
wait_for_port() {
  local host=$1 port=$2 deadline=$((SECONDS + ${3:-30}))
  until timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# Serialises concurrent start/stop of one service (e.g. two test runs calling infra-up).
# The lock lives on fd 9: anything daemonised while holding it must get `9>&-`,
# or the daemon inherits the lock and keeps it forever.
take_lock() {
  mkdir -p "$MEJORA_STATE_DIR"
  exec 9>"$MEJORA_STATE_DIR/$1.lock"
  flock -w 180 9 || die "timed out waiting for $MEJORA_STATE_DIR/$1.lock"
}

mejora_java() { echo "${JAVA_HOME:+$JAVA_HOME/bin/}java"; }

# The project's wrapper pins the Maven version once it exists; fall back to the system mvn.
mejora_mvn() {
  if [[ -x $MEJORA_ROOT/mvnw ]]; then "$MEJORA_ROOT/mvnw" "$@"; else mvn "$@"; fi
}

# Runs a Kafka CLI class (TopicCommand, ProducerPerformance, ConsumerPerformance,
# ConsoleProducer, ...) on the broker's classpath; logs go to stderr at WARN.
#   kafka_tool org.apache.kafka.tools.ProducerPerformance --topic t --num-records 1000 ...
kafka_tool() {
  # return, not die: this may run in an interactive shell that sourced env.sh
  [[ -e $MEJORA_KAFKA_LIBS/.complete ]] || { log "Kafka jars missing: run infra/kafka.sh fetch"; return 1; }
  # shellcheck disable=SC2086  # MEJORA_KAFKA_TOOL_OPTS holds several JVM flags
  "$(mejora_java)" ${MEJORA_KAFKA_TOOL_OPTS:--Xmx512m} \
    -Dlog4j2.configurationFile="$MEJORA_ROOT/infra/kafka/tools-log4j2.properties" \
    -cp "$MEJORA_KAFKA_LIBS/*" "$@"
}
# Copies the jars a small pom of infra/ names (infra/kafka, infra/mail) from Maven Central into a folder, only when
# the pom has changed; the stamp is written last, so an interrupted download is retried, not left half-filled.
#   fetch_jars <what> <pom> <libs folder> <the pom's property for the folder> <log>
fetch_jars() {
  local what=$1 pom=$2 libs=$3 property=$4 fetch_log=$5 stamp
  stamp=$(sha1sum <"$pom" | cut -c1-40)
  [[ $(cat "$libs/.complete" 2>/dev/null) == "$stamp" ]] && return
  log "downloading $what (Maven Central) into $libs"
  mkdir -p "$(dirname "$libs")" "$(dirname "$fetch_log")"
  rm -rf "$libs.tmp"
  if ! mejora_mvn -B -q -f "$pom" dependency:copy-dependencies "-D$property=$libs.tmp" >"$fetch_log" 2>&1; then
    tail -n 20 "$fetch_log" >&2
    die "$what download failed (full log: $fetch_log)"
  fi
  rm -rf "$libs"
  mv "$libs.tmp" "$libs"
  echo "$stamp" >"$libs/.complete"
}

# Stops a server this project started: SIGTERM, then SIGKILL if it is still there after the grace period.
#   stop_server <pid> <what> <grace seconds>
stop_server() {
  local pid=$1 what=$2 grace=$3
  log "stopping $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((grace * 2))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$what ignored SIGTERM for $grace s: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  log "$what stopped"
}
export -f log die is_true wait_for_port take_lock mejora_java mejora_mvn kafka_tool fetch_jars stop_server
