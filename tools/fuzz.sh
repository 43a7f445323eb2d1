#!/bin/sh
# fuzz.sh BUILD SECONDS: run every fuzz target for SECONDS each, on its seed
# corpus (fuzz/seeds/TARGET) copied to a working corpus, with the
# dictionary fuzz/lapwing.dict. Prints each target's exec/s and findings.
set -eu
build=$1
secs=$2
export LAPWING_KB="$build/lapwing.kb"
status=0
for t in "$build"/fuzz/fuzz_*; do
	case "$t" in *.log|*-crash-*|*-leak-*|*-timeout-*|*-oom-*) continue ;; esac
	[ -x "$t" ] || continue
	name=$(basename "$t")
	corpus="$build/fuzz/corpus-$name"
	mkdir -p "$corpus"
	[ -d "fuzz/seeds/$name" ] && cp -n fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null || true
	echo "== $name: $secs s"
	if ! "$t" -max_total_time="$secs" -dict=fuzz/lapwing.dict -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$build/fuzz/$name-" "$corpus" \
		> "$build/fuzz/$name.log" 2>&1; then
		echo "   FINDING: see $build/fuzz/$name.log"
		status=1
	fi
	grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" \
		"$build/fuzz/$name.log" | sed 's/^/   /'
done
exit $status
