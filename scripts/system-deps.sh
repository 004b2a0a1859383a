#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need, only where something is missing.
# Runs apt-get as root, or through sudo; prints what to install by hand if neither is possible.
#   scripts/system-deps.sh            # run the app (Qt libraries, python3-venv)
#   scripts/system-deps.sh --test     # also Xvfb, xdotool (real key presses), poppler-utils, SoftHSM2, PostgreSQL
#   scripts/system-deps.sh --dist     # also what make dist needs: binutils (PyInstaller), nsis (makensis)
set -euo pipefail

RUNTIME="libegl1 libgl1 libx11-6 libbrotli1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
 libxcb-shape0 libxcb-util1 libxcb-xkb1 libx11-xcb1 libxcb-randr0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
 python3-venv ca-certificates"
TEST="xvfb xauth xdotool poppler-utils softhsm2 opensc postgresql"
DIST="binutils nsis desktop-file-utils"

wanted="$RUNTIME"
[ "${1:-}" = "--test" ] && wanted="$RUNTIME $TEST"
[ "${1:-}" = "--dist" ] && wanted="$RUNTIME $DIST"

command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian system: install Qt's X11/EGL libraries yourself"; exit 0; }
missing=""
for pkg in $wanted; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "These Debian packages are missing; install them as root:$missing" >&2; exit 1
fi
echo "installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
