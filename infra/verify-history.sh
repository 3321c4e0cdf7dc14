#!/usr/bin/env bash
# Checks that a producer's history holds (README, "Tamper-evident history"): recomputes every aggregate's SHA-256
# chain from the event store, checks the signed checkpoints and every record on the topics.
#   infra/verify-history.sh plan|evaluation [--aggregate ID]... [--institution ID] [--public-key JWK_OR_PEM]
#       the local run's database and Kafka (MEJORA_DB_HOST/PORT, MEJORA_<SERVICE>_DB_URL, MEJORA_KAFKA_BOOTSTRAP)
#   infra/verify-history.sh --jdbc URL [--user U] [--password P] [--kafka BOOTSTRAP --topic T [--checkpoint-topic T]] ...
#   infra/verify-history.sh --file HISTORY.json [--public-key JWK_OR_PEM]
#       one plan's or evaluation's downloaded history (GET .../history/proof), offline
# Exit 0: the history holds. 1: it does not; the last line names the aggregate and sequence of the first break.
# 2: it could not be checked.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

jar=$MEJORA_ROOT/infra/history-verifier/target/history-verifier-exec.jar
if [[ ! -s $jar || -n $(find "$MEJORA_ROOT/infra/history-verifier/src" "$MEJORA_ROOT/infra/event-envelope/src" \
  -newer "$jar" -type f -print -quit) ]]; then
  log "building the verifier"
  (cd "$MEJORA_ROOT" && mejora_mvn -B -q -o -pl infra/history-verifier -am -DskipTests package) >&2 \
    || die "the verifier did not build"
fi

args=("$@")
case ${1:-} in
  plan | evaluation)
    service=$1
    shift
    upper=${service^^}
    url_var=MEJORA_${upper}_DB_URL
    password_var=MEJORA_DB_PASSWORD_${upper}
    export MEJORA_VERIFY_DB_PASSWORD=${MEJORA_VERIFY_DB_PASSWORD:-${!password_var}}
    args=(--jdbc "${!url_var:-jdbc:postgresql://$MEJORA_DB_HOST:$MEJORA_DB_PORT/$service}" --user "$service"
      --kafka "$MEJORA_KAFKA_BOOTSTRAP" --topic "mejora.$service.events"
      --checkpoint-topic "mejora.$service.checkpoints" "$@")
    ;;
  "" | -h | --help)
    sed -n '2,10p' "${BASH_SOURCE[0]}" | cut -c3-
    exit 2
    ;;
esac
exec "$(mejora_java)" -Xmx1g -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$jar" "${args[@]}"
