#!/usr/bin/env bash
# Turns the Payara installation unpacked by the build (payara-config/target/payara6) into a kaowu domain:
# creates the domain, applies asadmin/common.asadmin plus the database's file, then stops it again.
# Idempotent: a stamp of the inputs is kept in the domain, and nothing happens when it still matches, so
# running it before every start costs nothing. A changed input re-creates the domain (data lives outside
# the domain: H2 files under $KAOWU_DATA_DIR, or PostgreSQL).
#
#   provision.sh --domain NAME [--portbase N] [--db h2|postgresql] [--demo true|false] [--captcha-fixed WORD]
#
# --captcha-fixed makes every CAPTCHA's answer WORD: for the test domain's browser tests only, never in
# production.
#
# PostgreSQL connection: PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD (defaults 127.0.0.1 5432 kaowu postgres "").
# Mail: KAOWU_MAIL_HOST KAOWU_MAIL_PORT KAOWU_MAIL_USER KAOWU_MAIL_FROM (defaults localhost 25 kaowu noreply@kaowu.local).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
payara_home="${KAOWU_PAYARA_HOME:-$here/target/payara6}"
asadmin="$payara_home/bin/asadmin"

domain="" portbase="" db="h2" demo="false" captcha_fixed=""
while [ $# -gt 0 ]; do
    case "$1" in
        --domain) domain="$2"; shift 2 ;;
        --portbase) portbase="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --demo) demo="$2"; shift 2 ;;
        --captcha-fixed) captcha_fixed="$2"; shift 2 ;;
        *) echo "provision.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -n "$domain" ] || { echo "provision.sh: --domain is required" >&2; exit 2; }
case "$db" in h2|postgresql) ;; *) echo "provision.sh: --db must be h2 or postgresql" >&2; exit 2 ;; esac
[ -x "$asadmin" ] || { echo "provision.sh: no Payara at $payara_home; build first (./mvnw package)" >&2; exit 1; }

data_dir="${KAOWU_DATA_DIR:-$HOME/.kaowu}"
mkdir -p "$data_dir"

declare -A vars=(
    [DEMO]="$demo"
    [H2_FILE]="$data_dir/$domain/kaowu"
    [PGHOST]="${PGHOST:-127.0.0.1}"
    [PGPORT]="${PGPORT:-5432}"
    [PGDATABASE]="${PGDATABASE:-kaowu}"
    [PGUSER]="${PGUSER:-postgres}"
    [MAIL_HOST]="${KAOWU_MAIL_HOST:-localhost}"
    [MAIL_PORT]="${KAOWU_MAIL_PORT:-25}"
    [MAIL_USER]="${KAOWU_MAIL_USER:-kaowu}"
    [MAIL_FROM]="${KAOWU_MAIL_FROM:-noreply@kaowu.local}"
)
# asadmin --property separates with ':' and '=': escape them. Payara's pool refuses to connect without a
# password property at all; with trust authentication the server never asks for it, so any word will do.
password="${PGPASSWORD:-trust-auth-unused}"
escaped="${password//:/\\:}"
vars[PGPASSWORD_PROPERTY]=":password=${escaped//=/\\=}"

commands="$(mktemp)"
trap 'rm -f "$commands"' EXIT
cat "$here/asadmin/$db.asadmin" "$here/asadmin/common.asadmin" > "$commands"
if [ -n "$captcha_fixed" ]; then
    echo "create-system-properties kaowu.captcha.fixed=$captcha_fixed" >> "$commands"
fi
for key in "${!vars[@]}"; do
    value="${vars[$key]//\\/\\\\}"
    value="${value//&/\\&}"
    value="${value//|/\\|}"
    sed -i "s|@$key@|$value|g" "$commands"
done

domain_dir="$payara_home/glassfish/domains/$domain"
stamp="$( (cat "$commands" "$here/provision.sh"; echo "$portbase"; ls "$here/target/drivers") | sha256sum | cut -d' ' -f1)"
if [ -f "$domain_dir/kaowu.stamp" ] && [ "$(cat "$domain_dir/kaowu.stamp")" = "$stamp" ]; then
    exit 0
fi

echo "provision.sh: (re)creating domain $domain ($db, demo=$demo)"
if [ -d "$domain_dir" ]; then
    "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
    "$asadmin" delete-domain "$domain" >/dev/null
fi
create_args=(--nopassword=true)
if [ -n "$portbase" ]; then create_args+=(--portbase "$portbase"); fi
"$asadmin" create-domain "${create_args[@]}" "$domain" >/dev/null
# JDBC drivers the server does not bundle (PostgreSQL) go into the domain's lib folder
cp "$here"/target/drivers/*.jar "$domain_dir/lib/"
mkdir -p "$domain_dir/tmp"

admin_port="$(sed -n 's/.*<network-listener[^>]*name="admin-listener"[^>]*port="\([0-9]*\)".*/\1/p;s/.*<network-listener[^>]*port="\([0-9]*\)"[^>]*name="admin-listener".*/\1/p' "$domain_dir/config/domain.xml" | head -n1)"
"$asadmin" start-domain "$domain" >/dev/null 2>&1
# multimode carries on after a failed command and still exits 0: read its report instead
log="$domain_dir/logs/provision.log"
if ! "$asadmin" --port "$admin_port" multimode --file "$commands" > "$log" 2>&1 || grep -qE "^Command .* failed|not found" "$log"; then
    "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
    cat "$log" >&2
    echo "provision.sh: configuring domain $domain failed (see above)" >&2
    exit 1
fi
"$asadmin" stop-domain "$domain" >/dev/null
echo "$stamp" > "$domain_dir/kaowu.stamp"
echo "provision.sh: domain $domain ready (admin port $admin_port)"
