#!/bin/sh
# run.sh BUILD: run the whole test suite; the last line is "N passed, N failed".
# LW_VALGRIND=1 runs it under valgrind (memcheck, leak check).
set -u
build=${1:-build}
cd "$(dirname "$0")/.."
if [ "${LW_VALGRIND:-0}" = 1 ]; then
	exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		"$build/lwtest" --build "$build" --no-slow
fi
exec "$build/lwtest" --build "$build"
