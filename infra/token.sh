#!/usr/bin/env bash
# Prints a signed RS256 JWT for a demo user, accepted by the gateway in a local run and in tests: no identity
# server needed. The key pair lives in $MEJORA_STATE_DIR/keys (infra/.run/keys) and is made on first use; the
# gateway trusts its public half (MEJORA_JWT_PUBLIC_KEY, by default that same file).
#
#   infra/token.sh <userId> <institution> <ROLE[,ROLE...]> ["Display Name"] [ttl-seconds] ["Position"]
#   infra/token.sh lhernandez alcaldia-calica PLAN_OWNER "Luz Andrea Hernández Tejedor"
#   infra/token.sh ccruz alcaldia-calica PLAN_APPROVER "Cesar Cruz" 3600 "Secretario de Planeación"
# The position (claim "position") is what a signature prints under the name.
#   curl -H "Authorization: Bearer $(infra/token.sh auditor1 alcaldia-calica AUDITOR)" localhost:8080/api/...
set -euo pipefail

usage() {
  echo "usage: $0 <userId> <institution> <ROLE[,ROLE...]> [\"Display Name\"] [ttl-seconds] [\"Position\"]" >&2
  echo "roles: $known_roles" >&2
  exit 2
}
known_roles="SERVANT SUPERVISOR HR PLAN_OWNER PLAN_REVIEWER PLAN_APPROVER AUDITOR OVERSIGHT ADMIN PLATFORM_ADMIN"
(($# >= 3 && $# <= 6)) || usage
user=$1 institution=$2 roles=$3 name=${4:-$1} ttl=${5:-3600} position=${6:-}
[[ -n $user && -n $institution ]] || usage
[[ $roles =~ ^[A-Z_]+(,[A-Z_]+)*$ ]] || { echo "roles must look like PLAN_OWNER or HR,ADMIN" >&2; exit 2; }
for role in ${roles//,/ }; do
  [[ " $known_roles " == *" $role "* ]] || { echo "unknown role $role; roles: $known_roles" >&2; exit 2; }
done
[[ $ttl =~ ^-?[0-9]+$ ]] || { echo "ttl-seconds must be a number (negative: already expired)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

root=${MEJORA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
keys=${MEJORA_STATE_DIR:-$root/infra/.run}/keys
private=$keys/jwt-private.pem
public=$keys/jwt-public.pem

if [[ ! -s $private ]]; then
  mkdir -p "$keys"
  # Made aside and moved in place, so two first calls at once never leave half a key behind.
  tmp=$(mktemp -d "$keys/.new.XXXXXX")
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/private.pem" 2>/dev/null)
  openssl pkey -in "$tmp/private.pem" -pubout -out "$tmp/public.pem"
  if [[ ! -s $private ]]; then
    mv "$tmp/public.pem" "$public"
    mv "$tmp/private.pem" "$private"
  fi
  rm -rf "$tmp"
fi
[[ -s $public ]] || openssl pkey -in "$private" -pubout -out "$public"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# JSON string literal: quotes and backslashes escaped; UTF-8 (e.g. "Hernández") passes through unchanged.
json() {
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

now=$(date +%s)
# Issued a minute ago (clock skew); an expired token (negative ttl) was issued before it expired.
issued=$((now - 60 + (ttl < 0 ? ttl : 0)))
role_list=$(printf '%s' "$roles" | sed 's/[A-Z_]*/"&"/g')
header='{"alg":"RS256","typ":"JWT"}'
position_claim=
[[ -n $position ]] && position_claim=",\"position\":$(json "$position")"
claims=$(printf '{"iss":%s,"aud":%s,"sub":%s,"preferred_username":%s,"name":%s,"institution":%s,"roles":[%s]%s,"iat":%d,"nbf":%d,"exp":%d,"jti":"%s"}' \
  "$(json "${MEJORA_JWT_ISSUER:-mejora-local}")" "$(json "${MEJORA_JWT_AUDIENCE:-mejora}")" \
  "$(json "$user")" "$(json "$user")" "$(json "$name")" "$(json "$institution")" "$role_list" "$position_claim" \
  "$issued" "$issued" $((now + ttl)) "$(openssl rand -hex 16)")
input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
signature=$(printf '%s' "$input" | openssl dgst -sha256 -sign "$private" -binary | b64url)
printf '%s.%s\n' "$input" "$signature"
