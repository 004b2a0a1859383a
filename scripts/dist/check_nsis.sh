#!/usr/bin/env bash
# Compiles the NSIS installer script against the Linux bundle's layout (Debian's `nsis`): a syntax and layout
# check of scripts/dist/installer.nsi, not a Windows installer (the executables inside are Linux ones; the real
# installer is built on Windows by scripts/build-windows.ps1). Usage: check_nsis.sh VERSION BUNDLE_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:?version}
BUNDLE=${2:?bundle folder}
command -v makensis >/dev/null || { echo "makensis missing: apt-get install nsis" >&2; exit 1; }
out=build/nsis/installer-layout-check.exe
mkdir -p build/nsis
makensis -V2 -WX -NOCD -DCHECK_ONLY -DVERSION="$VERSION" -DBUNDLE="$BUNDLE" -DGUI_EXE=acceptance-app \
  -DCLI_EXE=acceptance-app -DOUTFILE="$out" -DICON=resources/icons/acceptance-app.ico scripts/dist/installer.nsi
echo "nsis: scripts/dist/installer.nsi compiles against $BUNDLE ($(du -h "$out" | cut -f1) uncompressed check build)"
rm -f "$out"
