#!/usr/bin/env bash
# GreenMail's standalone mail server, run from its Maven Central jar (like kafka.sh runs the broker): SMTP on
# MEJORA_SMTP_PORT (3025) without authentication, and its REST API on MEJORA_MAIL_API_PORT (8085), where tests and
# developers read what was delivered: GET /api/user/<address>/messages/INBOX.
#   infra/mail.sh start|stop|status|fetch
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

MDIR=$MEJORA_MAIL_DIR
PIDFILE=$MDIR/greenmail.pid
POM=$MEJORA_ROOT/infra/mail/pom.xml
LIBS=$MDIR/libs

fetch() {
  fetch_jars GreenMail "$POM" "$LIBS" mejora.mail.libs "$MDIR/fetch.log"
}

server_pid() {
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  # A stale pid file may point at a recycled pid: only trust it if it is our server.
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "greenmail.smtp.port=$MEJORA_SMTP_PORT" && echo "$pid"
}

api_ready() {
  curl -fsS "http://localhost:$MEJORA_MAIL_API_PORT/api/service/readiness" >/dev/null 2>&1
}

start() {
  local pid port
  take_lock mail
  if ! is_true "$MEJORA_START_MAIL"; then
    log "MEJORA_START_MAIL=false: using the SMTP server at $MEJORA_SMTP_HOST:$MEJORA_SMTP_PORT"
    return
  fi
  fetch
  if pid=$(server_pid); then
    log "GreenMail already running (pid $pid)"
    return
  fi
  for port in "$MEJORA_SMTP_PORT" "$MEJORA_MAIL_API_PORT"; do
    ! wait_for_port localhost "$port" 0 || die "port $port is taken by a process this script did not start"
  done
  log "starting GreenMail: SMTP on $MEJORA_SMTP_PORT, REST API on $MEJORA_MAIL_API_PORT (log: $MDIR/greenmail.log)"
  rm -f "$PIDFILE"
  # setsid: the server outlives the caller's process group; the inner shell's pid is handed on to the JVM.
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PIDFILE" \
    "$(mejora_java)" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MEJORA_SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MEJORA_MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.verbose=false \
    -jar "$LIBS/greenmail-standalone-2.1.3.jar" </dev/null >"$MDIR/greenmail.log" 2>&1 9>&- &
  local deadline=$((SECONDS + 60))
  until server_pid >/dev/null && api_ready; do
    if [[ -s $PIDFILE ]] && ! kill -0 "$(<"$PIDFILE")" 2>/dev/null; then
      tail -n 10 "$MDIR/greenmail.log" >&2
      die "GreenMail exited during startup (see $MDIR/greenmail.log)"
    fi
    ((SECONDS < deadline)) || die "GreenMail did not answer on port $MEJORA_MAIL_API_PORT within 60 s"
    sleep 0.5
  done
  log "GreenMail running (pid $(server_pid)): SMTP localhost:$MEJORA_SMTP_PORT, mail at http://localhost:$MEJORA_MAIL_API_PORT/api/user/<address>/messages/INBOX"
}

stop() {
  take_lock mail
  local pid
  if ! pid=$(server_pid); then
    log "GreenMail not running"
    rm -f "$PIDFILE"
    return
  fi
  stop_server "$pid" GreenMail 20
  rm -f "$PIDFILE"
}

status() {
  if pid=$(server_pid); then
    log "GreenMail running (pid $pid): SMTP $MEJORA_SMTP_PORT, REST API $MEJORA_MAIL_API_PORT"
  elif wait_for_port localhost "$MEJORA_SMTP_PORT" 0; then
    log "port $MEJORA_SMTP_PORT open, but not by a GreenMail this script started"
    return 4
  else
    log "GreenMail not running"
    return 3
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  fetch) take_lock mail && fetch ;;
  *) die "usage: $0 start|stop|status|fetch" ;;
esac
