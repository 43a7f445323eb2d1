#!/bin/sh
# run.sh: the README's entry point on a fresh Debian machine.
#   ./run.sh demo    install what is missing, build, ingest the bundled examples
#                    into build/demo.db and print a table of their events
#   ./run.sh test    install what is missing, build, run the whole test suite
# Any other arguments are passed to make (./run.sh asan, ./run.sh bench).
set -eu
cd "$(dirname "$0")"
if ! command -v make >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq make gcc libc6-dev >/dev/null
	else
		echo "run.sh: make and a C compiler are missing; run:" >&2
		echo "  sudo apt-get install -y make gcc libc6-dev" >&2
		exit 1
	fi
fi
exec make "${@:-demo}"
