#!/usr/bin/env bash
# Loads demo data from the seeds through the gateway, as users would (see infra/demo/README.md), once: a system
# that already holds the demo's plans is left alone, so a second run changes nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/../lib/env.sh
source "$here/../lib/env.sh"
gateway=http://localhost:${MEJORA_GATEWAY_PORT:-8080}

# The people directory of reminders (reporting-service): every demo user with <user>@demo.mejora.local, registered
# by an ADMIN of their institution; idempotent, so it runs on every start (the mails land in infra/mail.sh's GreenMail).
while IFS=$'\t' read -r user institution roles name _; do
  [[ -z $user || $user == \#* || $roles == PLATFORM_ADMIN ]] && continue
  roles_json=$(printf '"%s",' ${roles//,/ })
  curl -fsS -o /dev/null -X PUT "$gateway/api/reports/notifications/people/$user" \
    -H "Authorization: Bearer $("$MEJORA_ROOT/infra/token.sh" demo-admin "$institution" ADMIN)" \
    -H 'Content-Type: application/json' \
    --data-binary "{\"name\":\"$name\",\"email\":\"$user@demo.mejora.local\",\"language\":\"es\",\"roles\":[${roles_json%,}]}" ||
    die "demo data: registering $user for notifications failed"
done <"$here/users.tsv"
log "demo data: demo users registered for notifications (<user>@demo.mejora.local)"

# The demo's first plan is the mark that it was loaded (the store may hold other events, e.g. individual plans).
loaded=$(PGPASSWORD=$MEJORA_DB_PASSWORD_PLAN psql -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" -U plan -d plan -tAc \
  "select count(*) from domain_event_entry where payload_type like '%PlanCreated'
     and convert_from(payload, 'UTF8') like '%\"institutionId\":\"alcaldia-calica\"%'" 2>/dev/null || echo 0)
if ((loaded > 0)); then
  log "demo data: already loaded; nothing to do"
  exit 0
fi

token() { "$MEJORA_ROOT/infra/token.sh" "$@"; }

# call <token> <method> <path> [curl args...] -> prints the response body; stops the load on an HTTP error
call() {
  local bearer=$1 method=$2 path=$3
  shift 3
  curl -fsS -X "$method" "$gateway$path" -H "Authorization: Bearer $bearer" -H 'Accept-Language: es' "$@" ||
    die "demo data: $method $path failed"
}
post_json() { call "$1" POST "$2" -H 'Content-Type: application/json' --data-binary "$3"; }
field() { sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }

# Seed 001: ALCALDIA MUNICIPAL DE CALICA, elaborated, reviewed, approved and in execution.
# Three different people sign (separation of duties); each signature prints the position of the signer's token.
owner=$(token lhernandez alcaldia-calica PLAN_OWNER "LUZ-ANDREA HERNÁNDEZ TEJEDOR" 3600 \
  "Directora de Planeación Estratégica")
reviewer=$(token jlamprea alcaldia-calica PLAN_REVIEWER "Javier Lamprea" 3600 "Profesional de apoyo")
approver=$(token ccruz alcaldia-calica PLAN_APPROVER "Ing. CESAR AUGUSTO CRUZ GONZALEZ" 3600 \
  "Secretario de Planeación")
plan001=$(call "$owner" POST "/api/plans/imports?fileName=plan-001-GEM-FM014.tsv&kind=AUDIT&period=2021" \
  -H 'Content-Type: text/tab-separated-values' --data-binary "@$here/plan-001-GEM-FM014.tsv" | field planId)
post_json "$owner" "/api/plans/$plan001/submission" '{}' >/dev/null
post_json "$reviewer" "/api/plans/$plan001/review" '{}' >/dev/null
post_json "$approver" "/api/plans/$plan001/approval" '{}' >/dev/null
post_json "$approver" "/api/plans/$plan001/execution" '{}' >/dev/null
log "demo data: seed 001 plan $plan001 (alcaldia-calica), approved and in execution"

# Seed 003: the CAF self-assessment plan, in draft.
caf=$(token cperez inm-migracion PLAN_OWNER "Responsable Plan de Mejora")
plan003=$(call "$caf" POST "/api/plans/imports?fileName=plan-003-CAF.tsv&kind=CAF_SELF_ASSESSMENT&period=2023" \
  -H 'Content-Type: text/tab-separated-values' --data-binary "@$here/plan-003-CAF.tsv" | field planId)
log "demo data: seed 003 plan $plan003 (inm-migracion), in draft"

# Seed 004: UPME's yearly evaluation of three servants, walked through P-TH-10 and consolidated by HR.
hr=$(token talento upme HR "Coordinadora de Talento Humano")
boss=$(token jgomez upme SUPERVISOR "Jorge Gómez")
cycle=$(post_json "$hr" /api/cycles '{"year":2026,
  "stages":[{"stage":"FORMULATION","deadline":"2026-03-31"},{"stage":"SELF_EVALUATION_I","deadline":"2026-07-31"},
            {"stage":"SELF_EVALUATION_II","deadline":"2027-02-28"}],
  "scale":[{"name":"No satisfactorio","minScore":0,"maxScore":65},{"name":"Satisfactorio","minScore":65,"maxScore":90},
           {"name":"Sobresaliente","minScore":90,"maxScore":100}],
  "goalsWeight":80,"competenciesWeight":20,"thresholdLevel":"Satisfactorio",
  "competencies":["Orientación a resultados","Trabajo en equipo"]}' | field cycleId)
assigned=$(call "$hr" POST "/api/cycles/$cycle/assignments" -H 'Content-Type: text/csv' --data-binary \
  $'servantId,servantName,supervisorId,supervisorName\nana,Ana Pérez,jgomez,Jorge Gómez\nbeto,Beto Ruiz,jgomez,Jorge Gómez\ncarla,Carla Díaz,jgomez,Jorge Gómez\n')
evaluation_of() { grep -o "\"servantId\":\"$1\",\"evaluationId\":\"[^\"]*\"\|\"evaluationId\":\"[^\"]*\",\"servantId\":\"$1\"" <<<"$assigned" | field evaluationId; }

goals='{"goals":[{"description":"Elaborar el informe de demanda","deliverable":"Informe publicado","weight":60,"agreedPercentI":50,"agreedPercentII":100},
                 {"description":"Actualizar el sistema de información","deliverable":"Sistema actualizado","weight":40,"agreedPercentI":40,"agreedPercentII":100}]}'
compliance() { echo "{\"compliance\":[{\"goalNumber\":1,\"compliancePercent\":$1,\"evidence\":\"Acta de entrega\"},{\"goalNumber\":2,\"compliancePercent\":$2,\"evidence\":\"Notas de versión\"}]}"; }
ratings() { echo "{\"ratings\":[{\"competency\":\"Orientación a resultados\",\"score\":$1},{\"competency\":\"Trabajo en equipo\",\"score\":$2}]}"; }

# walk <servant> <name> <II goal 1 %> <II goal 2 %> <competency 1> <competency 2>
walk() {
  local servant evaluation path
  servant=$(token "$1" upme SERVANT "$2")
  evaluation=$(evaluation_of "$1")
  [[ -n $evaluation ]] || die "demo data: no evaluation for $1"
  path=/api/evaluations/$evaluation
  post_json "$servant" "$path/goals/submit" "$goals" >/dev/null
  post_json "$boss" "$path/goals/approve" '{}' >/dev/null
  post_json "$servant" "$path/goals/accept" '{}' >/dev/null
  post_json "$servant" "$path/self-evaluations/I/submit" "$(compliance 50 40)" >/dev/null
  post_json "$boss" "$path/self-evaluations/I/approve" '{}' >/dev/null
  post_json "$servant" "$path/self-evaluations/I/accept" '{}' >/dev/null
  post_json "$servant" "$path/self-evaluations/II/submit" "$(compliance "$3" "$4")" >/dev/null
  post_json "$boss" "$path/self-evaluations/II/approve" '{}' >/dev/null
  post_json "$boss" "$path/competencies" "$(ratings "$5" "$6")" >/dev/null
  post_json "$servant" "$path/final-result/accept" '{}' >/dev/null
}
walk ana "Ana Pérez" 100 100 90 90
walk beto "Beto Ruiz" 80 70 70 80
walk carla "Carla Díaz" 50 40 50 60
post_json "$hr" "/api/cycles/$cycle/consolidate" '{}' >/dev/null
log "demo data: UPME cycle $cycle (upme): ana Sobresaliente, beto Satisfactorio, carla under the threshold"
log "demo data: plan-service opens carla's individual improvement plan from the evaluation event"
