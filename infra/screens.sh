#!/usr/bin/env bash
# Regenerates the screenshots of the README's "Screens" section: runs only the browser tests (*BrowserIT) against a
# freshly started whole system, as infra/test.sh does, and copies every screenshot they take into
# gateway/web-app/docs/screens/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export MEJORA_SCREENSHOTS_DIR=${MEJORA_SCREENSHOTS_DIR:-$here/../gateway/web-app/docs/screens}
exec "$here/test.sh" -pl infra/system-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  '-Dit.test=*BrowserIT' -Dfailsafe.failIfNoSpecifiedTests=false "$@"
