#!/usr/bin/env bash
# The fault suite at full size: a mixed write burst through the gateway (plans, actions, follow-ups, evaluations
# whose results require individual improvement plans) and, in turn, kill -9 of each service, of one instance of a
# pair, of the Kafka broker, and a PostgreSQL restart; after each recovery it checks that no acknowledged command
# was lost, nothing was applied twice, every required individual plan was opened exactly once and reporting equals
# the producers (GET /api/reports/reconciliation), and prints the table of faults × outcomes.
#
# It runs infra/system-tests' ChaosIT (the build runs a small size of it) with processes of its own: the service
# jars on free ports, a Kafka broker of its own (killing it harms nobody), the databases *_chaos_<set>. It never
# touches infra/run.sh's system or the tests' data.
#
#   infra/chaos.sh                       every fault, two instances of plan-, evaluation- and reporting-service
#   infra/chaos.sh --instances 1         every fault, one instance of each
#   infra/chaos.sh --instances plan=2,evaluation=2,reporting=1
#   infra/chaos.sh --faults none --instances 1   only the write mix's throughput (then again with --instances 2)
#   infra/chaos.sh --clients 8 --burst-seconds 40 --restart-postgres
#
# PostgreSQL is restarted only when infra/ started the cluster (its marker in $MEJORA_STATE_DIR) or with
# --restart-postgres: on a shared server a restart would break everybody else's work. The table is also written to
# infra/system-tests/target/chaos-report.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib/env.sh
source "$here/lib/env.sh"
cd "$MEJORA_ROOT"

faults=none,plan,evaluation,reporting,gateway,plan-1,evaluation-1,reporting-1,kafka,postgres
instances=2 clients=6 burst=30 restart_postgres=false
while (($#)); do
  case $1 in
    --faults) faults=${2:?}; shift ;;
    --instances) instances=${2:?}; shift ;;
    --clients) clients=${2:?}; shift ;;
    --burst-seconds) burst=${2:?}; shift ;;
    --restart-postgres) restart_postgres=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) die "unknown option $1 (see $0 --help)" ;;
  esac
  shift
done
[[ $instances =~ ^[1-9]$|^([a-z]+=[1-9],?)+$ ]] || die "--instances: 1-9, or per service, e.g. plan=2,evaluation=2,reporting=1"

export MEJORA_TEST_DB_SET=${MEJORA_TEST_DB_SET:-chaos}
log "fault suite: faults $faults; $instances instance(s) of each service; $clients clients, $burst s bursts"
rm -rf infra/system-tests/target/failsafe-reports
"$here/test.sh" -pl infra/system-tests -am -Dit.test=ChaosIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dmejora.chaos.faults="$faults" -Dmejora.chaos.instances="$instances" \
  -Dmejora.chaos.clients="$clients" -Dmejora.chaos.burst-seconds="$burst" \
  -Dmejora.chaos.restart-postgres="$restart_postgres" || status=$?
[[ ! -f infra/system-tests/target/chaos-report.md ]] || cat infra/system-tests/target/chaos-report.md
exit "${status:-0}"
