#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory: one role and one database per service, as
# infra/postgres.sh creates them locally. The passwords come from the compose environment (no defaults).
set -euo pipefail
# web: the web app's sessions.
for service in plan evaluation reporting web; do
  var="MEJORA_DB_PASSWORD_${service^^}"
  password=${!var:?$var must be set}
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$service" -v pw="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"role" OWNER :"role";
SQL
done
