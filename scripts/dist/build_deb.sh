#!/usr/bin/env bash
# The .deb: the one-folder bundle under /opt/acceptance-app, `acceptance-app` on the PATH, the desktop entry,
# the icon in the hicolor theme and the .acpkg MIME type (dpkg's triggers refresh the desktop, icon and MIME
# caches: no maintainer scripts). Usage: build_deb.sh VERSION BUNDLE_DIR  ->  dist/acceptance-app_VERSION_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:?version}
BUNDLE=${2:?bundle folder}
root=build/deb/root
rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/mime/packages" "$root/usr/share/doc/acceptance-app"
cp -a "$BUNDLE" "$root/opt/acceptance-app"
rm -f "$root/opt/acceptance-app/.build-key"
ln -s /opt/acceptance-app/acceptance-app "$root/usr/bin/acceptance-app"  # the bootloader finds _internal by realpath
install -m 644 scripts/dist/acceptance-app.desktop "$root/usr/share/applications/"
install -m 644 scripts/dist/acceptance-app-mime.xml "$root/usr/share/mime/packages/acceptance-app.xml"
for size in 48 128; do
  install -D -m 644 "resources/icons/acceptance-app-$size.png" "$root/usr/share/icons/hicolor/${size}x$size/apps/acceptance-app.png"
done
install -D -m 644 resources/icons/acceptance-app.png "$root/usr/share/icons/hicolor/256x256/apps/acceptance-app.png"
cat > "$root/usr/share/doc/acceptance-app/copyright" <<'TEXT'
acceptance_app: proprietary. Bundled: CPython (PSF License), Qt 6 and PySide6 (LGPL-3.0), ReportLab (BSD),
pyHanko (MIT), SQLAlchemy and Alembic (MIT), Pillow (MIT-CMU), pillow-heif (BSD-3; libheif LGPL-3, x265 GPL-2),
cryptography (Apache-2.0/BSD), Noto Sans SC (SIL Open Font License 1.1, /opt/acceptance-app/_internal/acceptance_app/_data/resources/fonts/OFL.txt).
TEXT
find "$root" -type d -exec chmod 755 {} +
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# Depends: what the bundle loads from the system and does not carry (found with ldd over every library in the
# bundle: libc, OpenGL/EGL through glvnd, libxcb; fontconfig's configuration in /etc/fonts). glibc >= 2.36:
# the bundle carries Debian 12's libstdc++ and libpython, built against it.
cat > "$root/DEBIAN/control" <<TEXT
Package: acceptance-app
Version: $VERSION
Architecture: amd64
Maintainer: acceptance_app developers <acceptance-app@localhost>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.36), libgl1, libegl1, libxcb1, libfontconfig1
Section: misc
Priority: optional
Description: 联合竣工验收 — offline joint completion acceptance for inspectors
 Checklists, findings and rectification, opinions and notices as PDFs with
 PAdES signatures, signed exchange packages between laptops. A frozen
 one-folder build (Python, Qt and the libraries inside /opt/acceptance-app).
TEXT
DEB=dist/acceptance-app_${VERSION}_amd64.deb
# xz at level 6 is dpkg-deb's default; gzip would be about 30 % larger and little faster to install.
dpkg-deb --root-owner-group -Zxz --build "$root" "$DEB" >/dev/null
echo "deb: $DEB ($(du -h "$DEB" | cut -f1), installed $((installed_kb / 1024)) MB)"
