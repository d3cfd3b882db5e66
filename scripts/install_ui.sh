#!/usr/bin/env bash
# Install the query editor (YASGUI, @zazuko/yasgui 4.6.x, MIT) for the diplograph server.
#
#   scripts/install_ui.sh
#
# Runs `npm ci` with the committed package-lock.json (needs npm and the npm registry, once),
# then copies the built files into server/static/vendor/yasgui/ (gitignored). At run time the
# server loads nothing from the network. Without these files, `/` serves a basic query page.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/server/static/vendor/yasgui"
PKG="$ROOT/node_modules/@zazuko/yasgui"

command -v npm >/dev/null || { echo "install_ui.sh: npm is not installed (Debian: apt-get install npm)" >&2; exit 1; }

cd "$ROOT"
npm ci --ignore-scripts --no-audit --no-fund

for f in yasgui.min.js yasgui.min.css; do
    [ -f "$PKG/build/$f" ] || { echo "install_ui.sh: $PKG/build/$f is missing" >&2; exit 1; }
done

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$PKG/build/yasgui.min.js" "$PKG/build/yasgui.min.css" "$DEST/"
VERSION="$(node -p "require('$PKG/package.json').version")"

# The npm package ships no LICENSE file; its package.json declares MIT. Keep the notice.
if [ -f "$PKG/LICENSE" ]; then
    cp "$PKG/LICENSE" "$DEST/LICENSE"
else
    cat > "$DEST/LICENSE" <<LICENSE
@zazuko/yasgui $VERSION — https://github.com/zazuko/Yasgui (fork of TriplyDB/Yasgui)
License: MIT (as declared in its package.json: "license": "MIT").

The MIT License

Copyright (c) Triply B.V. and the Yasgui contributors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
LICENSE
fi
echo "$VERSION" > "$DEST/VERSION"

# The world map's shapes (Natural Earth 1:110m countries as TopoJSON, npm package world-atlas,
# ISC licence; Natural Earth itself is public domain): drawn on the server by server/worldmap.py.
ATLAS="$ROOT/node_modules/world-atlas"
ATLAS_DEST="$ROOT/server/static/vendor/world-atlas"
if [ -f "$ATLAS/countries-110m.json" ]; then
    rm -rf "$ATLAS_DEST"
    mkdir -p "$ATLAS_DEST"
    cp "$ATLAS/countries-110m.json" "$ATLAS/LICENSE" "$ATLAS_DEST/"
    node -p "require('$ATLAS/package.json').version" > "$ATLAS_DEST/VERSION"
else
    echo "install_ui.sh: world-atlas is missing: the pages will have no world map" >&2
fi

# The bundle must not pull anything from a CDN: fail loudly if it ever starts to.
if grep -Eq '(cdn\.jsdelivr|unpkg\.com|cdnjs|fonts\.googleapis)' "$DEST/yasgui.min.js" "$DEST/yasgui.min.css"; then
    echo "install_ui.sh: warning: the YASGUI bundle references a CDN" >&2
fi
echo "installed @zazuko/yasgui $VERSION into ${DEST#$ROOT/}"
