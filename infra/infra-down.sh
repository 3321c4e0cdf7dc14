#!/usr/bin/env bash
# Stops the mail server and Kafka, then PostgreSQL (only if infra started it, unless --force).
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
"$here/mail.sh" stop
"$here/kafka.sh" stop
"$here/postgres.sh" stop "$@"
