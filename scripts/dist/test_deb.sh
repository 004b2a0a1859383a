#!/usr/bin/env bash
# make test-dist, second half: install the .deb with apt (as root, or through sudo), run the smoke test from the
# installed path, then remove the package again (the machine is left as it was).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${1:?usage: test_deb.sh PYTHON DEB}
DEB=${2:?usage: test_deb.sh PYTHON DEB}
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "installing the .deb needs root (or sudo): skipped; the bundle's smoke test ran" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
$SUDO apt-get install -y -qq --no-install-recommends "./$DEB" >/dev/null
echo "installed $DEB with apt in $(( $(date +%s) - start )) s: $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB' acceptance-app)"
status=0
"$PY" scripts/dist/smoke_test.py /usr/bin/acceptance-app || status=$?
desktop-file-validate /usr/share/applications/acceptance-app.desktop 2>/dev/null || \
  { command -v desktop-file-validate >/dev/null && { echo "desktop entry invalid" >&2; status=1; }; }
$SUDO apt-get remove -y -qq acceptance-app >/dev/null
exit $status
