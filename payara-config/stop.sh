#!/usr/bin/env bash
# Stops the server started by payara-config/run.sh. The data stays (H2 files under $KAOWU_DATA_DIR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
asadmin="$here/target/payara6/bin/asadmin"
if [ -x "$asadmin" ] && [ -d "$here/target/payara6/glassfish/domains/kaowu" ]; then
    "$asadmin" stop-domain kaowu
else
    echo "No kaowu domain here: nothing to stop."
fi
