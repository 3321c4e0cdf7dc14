#!/usr/bin/env bash
# Starts (or just checks, see MEJORA_START_*) PostgreSQL, Kafka and the mail server; safe to re-run.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
t0=$SECONDS
"$here/postgres.sh" start
"$here/kafka.sh" start
"$here/mail.sh" start
log "infra up in $((SECONDS - t0)) s: PostgreSQL $MEJORA_DB_HOST:$MEJORA_DB_PORT, Kafka $MEJORA_KAFKA_BOOTSTRAP, SMTP $MEJORA_SMTP_HOST:$MEJORA_SMTP_PORT"
