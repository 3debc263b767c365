#!/usr/bin/env bash
# Vendor the dashboard's third-party static files from the npm registry into
# src/eventcoder/web/static/vendor/ (run by a developer; the result is committed, nothing is
# fetched at run time).
#   world-atlas (ISC): countries-110m.json, Natural Earth 1:110m country shapes (public domain)
#   topojson-client (ISC): topojson-client.min.js
set -euo pipefail
WORLD_ATLAS_VERSION="${WORLD_ATLAS_VERSION:-2.0.2}"
TOPOJSON_CLIENT_VERSION="${TOPOJSON_CLIENT_VERSION:-3.1.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/eventcoder/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$dest"
cd "$tmp"
npm pack --silent "world-atlas@$WORLD_ATLAS_VERSION" "topojson-client@$TOPOJSON_CLIENT_VERSION" >/dev/null
mkdir wa tc
tar -xzf "world-atlas-$WORLD_ATLAS_VERSION.tgz" -C wa
tar -xzf "topojson-client-$TOPOJSON_CLIENT_VERSION.tgz" -C tc
cp wa/package/countries-110m.json "$dest/countries-110m.json"
cp wa/package/LICENSE "$dest/world-atlas.LICENSE.txt"
cp tc/package/dist/topojson-client.min.js "$dest/topojson-client.min.js"
cp tc/package/LICENSE "$dest/topojson-client.LICENSE.txt"
cat > "$dest/README.md" <<TXT
# Vendored static files (do not edit; regenerate with scripts/vendor_web_assets.sh)

- countries-110m.json: npm world-atlas@$WORLD_ATLAS_VERSION (ISC, world-atlas.LICENSE.txt); the shapes are
  Natural Earth 1:110m Admin 0 countries, public domain (https://www.naturalearthdata.com/).
- topojson-client.min.js: npm topojson-client@$TOPOJSON_CLIENT_VERSION (ISC, topojson-client.LICENSE.txt).
TXT
ls -la "$dest"
