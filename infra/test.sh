#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine, with nothing started by hand: every unit, aggregate, service and
# system test against a real PostgreSQL and a real Kafka broker. Where a Docker engine runs, the tests start them
# with Testcontainers; otherwise this script starts the local servers once for the run and stops what it started.
# Extra arguments go to Maven, e.g. infra/test.sh -pl plan-service/plan-app -am
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
cd "$MEJORA_ROOT"

if [[ -z ${MEJORA_TEST_INFRA:-} ]]; then
  if docker info >/dev/null 2>&1; then MEJORA_TEST_INFRA=testcontainers; else MEJORA_TEST_INFRA=local; fi
fi
export MEJORA_TEST_INFRA
log "test infrastructure: $MEJORA_TEST_INFRA"

# The tests run a broker of their own, on other ports and with their own data, beside any other: infra/run.sh's
# system (of this checkout or another) or a shared one. Sharing the run's topics would feed test events into the
# running system's projections and its events into the tests'. MEJORA_TEST_KAFKA_PORT/_CONTROLLER_PORT choose the
# ports; the Kafka jars already fetched are reused.
if [[ $MEJORA_TEST_INFRA == local ]] && is_true "$MEJORA_START_KAFKA"; then
  MEJORA_KAFKA_PORT=${MEJORA_TEST_KAFKA_PORT:-29092}
  MEJORA_KAFKA_CONTROLLER_PORT=${MEJORA_TEST_KAFKA_CONTROLLER_PORT:-29093}
  MEJORA_KAFKA_BOOTSTRAP=localhost:$MEJORA_KAFKA_PORT
  MEJORA_KAFKA_DIR=$MEJORA_STATE_DIR/kafka-test
  export MEJORA_KAFKA_PORT MEJORA_KAFKA_CONTROLLER_PORT MEJORA_KAFKA_BOOTSTRAP MEJORA_KAFKA_DIR
  log "the tests' own Kafka broker: $MEJORA_KAFKA_BOOTSTRAP ($MEJORA_KAFKA_DIR)"
fi

# A mail server this checkout did not start holds the SMTP port: the tests get their own GreenMail on other ports.
mail_status=0
[[ $MEJORA_TEST_INFRA != local ]] || "$here/mail.sh" status >/dev/null 2>&1 || mail_status=$?
if [[ $MEJORA_TEST_INFRA == local && $mail_status == 4 ]] && is_true "$MEJORA_START_MAIL"; then
  MEJORA_SMTP_PORT=${MEJORA_TEST_SMTP_PORT:-23025}
  MEJORA_MAIL_API_PORT=${MEJORA_TEST_MAIL_API_PORT:-28085}
  MEJORA_MAIL_DIR=$MEJORA_STATE_DIR/mail-test
  export MEJORA_SMTP_PORT MEJORA_MAIL_API_PORT MEJORA_MAIL_DIR
  log "the mail server on the SMTP port is not this checkout's: the tests use their own on $MEJORA_SMTP_PORT"
fi

kafka_was_up=true
mail_was_up=true
postgres_was_up=true
# Set before anything starts, so that a failure half-way (e.g. a database reset) stops what was started too.
stop_what_we_started() {
  if [[ $MEJORA_TEST_INFRA == local && $mail_was_up == false ]]; then
    "$here/mail.sh" stop || true
  fi
  if [[ $MEJORA_TEST_INFRA == local && $kafka_was_up == false ]]; then
    "$here/kafka.sh" stop || true
  fi
  # Only a server that was down when the tests began: infra/run.sh's system may be using it.
  # postgres.sh stops the cluster only if infra/ started it in the first place.
  if [[ $MEJORA_TEST_INFRA == local && $postgres_was_up == false ]]; then
    "$here/postgres.sh" stop || true
  fi
}
trap stop_what_we_started EXIT
if [[ $MEJORA_TEST_INFRA == local ]]; then
  "$here/kafka.sh" status >/dev/null 2>&1 || kafka_was_up=false
  "$here/postgres.sh" status >/dev/null 2>&1 || postgres_was_up=false
  "$here/mail.sh" status >/dev/null 2>&1 || mail_was_up=false
  new_broker=false
  if is_true "$MEJORA_START_KAFKA" && [[ ! -e $MEJORA_KAFKA_DIR/data/meta.properties ]]; then new_broker=true; fi
  "$here/infra-up.sh"
  # A new broker has empty topics: databases left by an earlier run would hold projections of events it never had
  # and offsets beyond its ends. The suite starts from empty ones instead.
  if [[ $new_broker == true ]]; then
    if [[ -n ${MEJORA_TEST_DB_SET:-} ]]; then "$here/postgres.sh" reset "$MEJORA_TEST_DB_SET"
    else "$here/postgres.sh" reset test system; fi
  fi
fi

as_root=""
[[ $(id -u) -eq 0 ]] || as_root=sudo
# The browser tests (*BrowserIT) drive Debian's Chromium through its chromedriver: installed here when missing, so
# Selenium never downloads a browser at run time.
if [[ -z ${MEJORA_CHROMEDRIVER:-} ]] && { ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; }; then
  log "installing chromium and chromium-driver (apt-get)"
  $as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium chromium-driver >/dev/null ||
    die "cannot install chromium and chromium-driver; install them (or set MEJORA_CHROMIUM and MEJORA_CHROMEDRIVER)"
fi

# The operations files' validators (infra/ops-check): yamllint from Debian's package, and promtool taken out of
# Debian's prometheus package without installing the server that comes with it. Without them their checks are
# skipped, never failed.
ops_tools=$MEJORA_STATE_DIR/tools
if ! command -v yamllint >/dev/null 2>&1; then
  log "installing yamllint (apt-get)"
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq yamllint >/dev/null 2>&1 ||
    { $as_root apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq yamllint >/dev/null; } ||
    log "WARNING: yamllint not installed; the YAML check is skipped"
fi
if ! command -v promtool >/dev/null 2>&1 && [[ ! -x $ops_tools/usr/bin/promtool ]]; then
  log "taking promtool out of Debian's prometheus package"
  debs=$(mktemp -d)
  (cd "$debs" && apt-get download prometheus >/dev/null 2>&1 && dpkg-deb -x prometheus_*.deb "$ops_tools") ||
    log "WARNING: promtool not found; the Prometheus rules check is skipped"
  rm -rf "$debs"
fi
[[ ! -x $ops_tools/usr/bin/promtool ]] || export PATH=$ops_tools/usr/bin:$PATH

t0=$SECONDS
mejora_mvn -B verify "$@"
log "test suite passed in $((SECONDS - t0)) s"
