#!/usr/bin/env bash
# Stops everything infra/run.sh started: its supervisor first (it would restart what stops), the identity server, every
# instance of the services and the web app, Kafka, and PostgreSQL if infra/ started it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$here/lib/services.sh"
stop_apps
"$here/infra-down.sh" "$@"
