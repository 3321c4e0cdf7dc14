#!/usr/bin/env bash
# Loads demo data from the seeds through the gateway, as users would type it, once: a system whose plan store
# already holds events is left alone, so a second run changes nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/../lib/env.sh
source "$here/../lib/env.sh"
gateway=http://localhost:${MEJORA_GATEWAY_PORT:-8080}

events=$(PGPASSWORD=$MEJORA_DB_PASSWORD_PLAN psql -h "$MEJORA_DB_HOST" -p "$MEJORA_DB_PORT" -U plan -d plan -tAc \
  "select count(*) from domain_event_entry" 2>/dev/null || echo 0)
if ((events > 0)); then
  log "demo data: the plan store already holds $events events; nothing loaded"
  exit 0
fi

token() { "$MEJORA_ROOT/infra/token.sh" "$@"; }

# post <token> <path> <json> -> prints the response body, fails on an HTTP error
post() {
  curl -fsS -X POST "$gateway$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -H 'Accept-Language: es' --data-binary "$3"
}

calica=$(token lhernandez alcaldia-calica PLAN_OWNER "Luz Andrea Hernández Tejedor")
plan001=$(post "$calica" /api/plans '{
  "kind": "AUDIT",
  "title": "Plan de mejoramiento - Gestión Estratégica",
  "institutionName": "ALCALDIA MUNICIPAL DE CALICA",
  "auditedProcess": "Gestión Estratégica",
  "procedures": "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
  "responsible": "Directora de Planeación Estratégica",
  "subscriptionDate": "2021-09-21",
  "formatCode": "GEM-FM014",
  "formatVersion": "02",
  "period": "2021"}')
log "demo data: seed 001 plan $plan001"

migracion=$(token cperez inm-migracion PLAN_OWNER "Responsable Plan de Mejora Institucional")
plan003=$(post "$migracion" /api/plans '{
  "kind": "CAF_SELF_ASSESSMENT",
  "title": "Plan de mejora institucional (CAF) 2023",
  "institutionName": "Instituto Nacional de Migración",
  "period": "2023"}')
log "demo data: seed 003 plan $plan003"
