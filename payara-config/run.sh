#!/usr/bin/env bash
# The README's run command: builds the EAR, provisions Payara with the embedded H2 database and demo data,
# starts it, deploys, waits until the application really answers, and prints where to open it and how to
# log in. Running it again redeploys and keeps the data (H2 files under $KAOWU_DATA_DIR, default ~/.kaowu).
#
#   payara-config/run.sh            build, start, deploy
#   payara-config/stop.sh           stop the server
#
# KAOWU_PORTBASE=N moves every port (HTTP = N+80, admin = N+48); default HTTP 8080, admin 4848.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
domain=kaowu
asadmin="$here/target/payara6/bin/asadmin"

cd "$root"
echo "[1/4] Building (./mvnw package, tests skipped; the first build downloads Payara into ~/.m2)..."
./mvnw -q -B -DskipTests -DskipITs package

if [ ! -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then
    echo "Note: fonts-wqy-zenhei is not installed; PDFs (registration form) need it: apt-get install -y fonts-wqy-zenhei" >&2
fi

echo "[2/4] Provisioning Payara domain '$domain' (H2, demo data)..."
portbase_args=()
if [ -n "${KAOWU_PORTBASE:-}" ]; then portbase_args=(--portbase "$KAOWU_PORTBASE"); fi
bash "$here/provision.sh" --domain "$domain" --db h2 --demo true "${portbase_args[@]}"

domain_xml="$here/target/payara6/glassfish/domains/$domain/config/domain.xml"
port_of() {
    sed -n "s/.*<network-listener[^>]*port=\"\([0-9]*\)\"[^>]*name=\"$1\".*/\1/p;s/.*<network-listener[^>]*name=\"$1\"[^>]*port=\"\([0-9]*\)\".*/\1/p" "$domain_xml" | head -n1
}
admin_port="$(port_of admin-listener)"
http_port="$(port_of http-listener-1)"
base_url="http://localhost:$http_port/"

echo "[3/4] Starting the server and deploying..."
if ! "$asadmin" list-domains 2>/dev/null | grep -q "^$domain running"; then
    "$asadmin" start-domain "$domain" >/dev/null 2>&1
fi
# undeploy, then deploy: "deploy --force" over the copy a restarted server has just loaded fails here
# ("Cannot create scratch directory"); a plain undeploy removes the generated files first
if "$asadmin" --port "$admin_port" list-applications 2>/dev/null | grep -q "^kaowu "; then
    "$asadmin" --port "$admin_port" undeploy kaowu >/dev/null
fi
"$asadmin" --port "$admin_port" deploy --name kaowu "$root/ear/target/kaowu.ear" >/dev/null

echo "[4/4] Waiting for the application to answer..."
for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$base_url" 2>/dev/null \
            && [[ "$(curl -fsS "${base_url}health" 2>/dev/null)" == *'"status":"UP"'* ]]; then
        log="$here/target/payara6/glassfish/domains/$domain/logs/server.log"
        echo
        echo "考试报名系统 is running: $base_url"
        echo "  Admin portal:  ${base_url}admin/login"
        echo "  Health:        ${base_url}health"
        echo "  Demo logins (staff at /admin/login, candidates at /login):"
        grep -ho '\[kaowu-demo\] login [A-Z_]*: .*' "$log" 2>/dev/null | sort -u | sed -e 's/\[kaowu-demo\] login /    /' -e 's/]]$//' || true
        echo "  Candidates register themselves at ${base_url}register"
        echo "  Stop with: payara-config/stop.sh"
        exit 0
    fi
    sleep 2
done
echo "The application did not answer within 4 minutes; see $here/target/payara6/glassfish/domains/$domain/logs/server.log" >&2
exit 1
