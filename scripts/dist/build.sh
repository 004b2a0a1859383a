#!/usr/bin/env bash
# make dist: the Linux one-folder bundle (PyInstaller), its tarball, the .deb, and the NSIS script compiled
# against the bundle's layout. Usage: scripts/dist/build.sh PYTHON (the .venv-dist interpreter, see Makefile).
# The bundle is reused when nothing it is built from changed: its key is the sha256 of the lock file, the spec,
# the launcher and every tracked file of acceptance_app/, resources/ and forms/ (content, not times).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${1:?usage: build.sh PYTHON}
VERSION=$("$PY" -c 'import acceptance_app; print(acceptance_app.__version__)')
BUNDLE=dist/acceptance-app
key=$( { cat scripts/dist/lock.txt scripts/dist/acceptance_app.spec scripts/dist/launcher.py;
         git ls-files -z acceptance_app resources forms | xargs -0 cat; } | sha256sum | cut -c1-16)

if [ -f "$BUNDLE/.build-key" ] && [ "$(cat "$BUNDLE/.build-key")" = "$key" ]; then
  echo "bundle $BUNDLE is up to date (key $key)"
else
  start=$(date +%s)
  rm -rf "$BUNDLE" build/pyinstaller
  "$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    scripts/dist/acceptance_app.spec
  echo "$key" > "$BUNDLE/.build-key"
  echo "bundle built in $(( $(date +%s) - start )) s (key $key)"
fi

TAR=dist/acceptance-app-$VERSION-linux-x86_64.tar.gz
DEB=dist/acceptance-app_${VERSION}_amd64.deb
packed=$( { echo "$key"; cat scripts/dist/build.sh scripts/dist/build_deb.sh scripts/dist/acceptance-app.desktop \
            scripts/dist/acceptance-app-mime.xml resources/icons/*; } | sha256sum | cut -c1-16)
if [ -f "$TAR" ] && [ -f "$DEB" ] && [ "$(cat dist/.packed-key 2>/dev/null)" = "$packed" ]; then
  echo "tarball and .deb are up to date: $TAR, $DEB"
  scripts/dist/check_nsis.sh "$VERSION" "$BUNDLE"
  exit 0
fi

# Tarball: the bundle with the desktop entry, the icon and the MIME type beside it.
stage=build/tarball/acceptance-app-$VERSION
rm -rf build/tarball && mkdir -p "$stage"
cp -a "$BUNDLE"/. "$stage"/
rm -f "$stage/.build-key"
cp scripts/dist/acceptance-app.desktop scripts/dist/acceptance-app-mime.xml resources/icons/acceptance-app.png "$stage"/
tar -C build/tarball -czf "$TAR" "acceptance-app-$VERSION"
echo "tarball: $TAR ($(du -h "$TAR" | cut -f1))"

scripts/dist/build_deb.sh "$VERSION" "$BUNDLE"
echo "$packed" > dist/.packed-key
scripts/dist/check_nsis.sh "$VERSION" "$BUNDLE"
