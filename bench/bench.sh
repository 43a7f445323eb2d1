#!/usr/bin/env bash
# lapwing throughput benchmark. See bench/README.md.
#
#   bench/bench.sh [--mb N] [--runs R] [--seed S] [--warmup W] [--corpus-only] [extra.jsonl ...]
#
# Environment: CC (default gcc) builds the generator; LAPWING (default
# build/lapwing) is the binary under test; BENCH_TIMER=hyperfine|date|python|time
# forces a timer.
set -euo pipefail

usage() {
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
}

MB=120
RUNS=5
SEED=1
WARMUP=1
CORPUS_ONLY=0
EXTRA=()
while (($#)); do
    case "$1" in
    --mb) MB=${2:?--mb needs a value}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
    --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
    --warmup) WARMUP=${2:?--warmup needs a value}; shift 2 ;;
    --corpus-only) CORPUS_ONLY=1; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; EXTRA+=("$@"); break ;;
    -*) echo "bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) EXTRA+=("$1"); shift ;;
    esac
done
[[ $MB =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "bench.sh: --mb wants a number" >&2; exit 2; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --runs wants a positive integer" >&2; exit 2; }
[[ $SEED =~ ^[0-9]+$ ]] || { echo "bench.sh: --seed wants an unsigned integer" >&2; exit 2; }
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "bench.sh: --warmup wants an integer" >&2; exit 2; }

# Extra files are named relative to the caller's directory.
EXTRA_ABS=()
for f in ${EXTRA[@]+"${EXTRA[@]}"}; do
    [[ -r $f ]] || { echo "bench.sh: cannot read $f" >&2; exit 2; }
    EXTRA_ABS+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

LAPWING=${LAPWING:-build/lapwing}
if ((!CORPUS_ONLY)) && [[ ! -x $LAPWING ]]; then
    echo "bench.sh: $LAPWING not found; run 'make' first (or use --corpus-only)" >&2
    exit 1
fi

OUT=build/bench
GEN=$OUT/gencorpus
JSONL=$OUT/corpus.jsonl
TXT=$OUT/corpus.txt
STAMP=$OUT/corpus.stamp
DB=$OUT/bench.db
mkdir -p "$OUT"

fsize() { wc -c <"$1" | tr -d ' '; }

# ---------------------------------------------------------------- timer
pick_timer() {
    if [[ -n ${BENCH_TIMER:-} ]]; then echo "$BENCH_TIMER"; return; fi
    if command -v hyperfine >/dev/null && { command -v python3 >/dev/null || command -v jq >/dev/null; }; then
        echo hyperfine
    elif [[ $(date +%N 2>/dev/null) =~ ^[0-9]+$ ]]; then
        echo date
    elif command -v python3 >/dev/null; then
        echo python
    else
        echo time
    fi
}
TIMER=$(pick_timer)

# The runs write their output to /dev/null. Some containers make it a
# regular file (on tmpfs): every byte written is then copied into memory,
# which cost 12% of `code`'s time on one such machine. Say so.
if [[ ! -c /dev/null ]]; then
    echo "bench.sh: warning: /dev/null is not a character device here; the times" \
        "include writing the output into a file" >&2
fi

now() {
    case $TIMER in
    date) date +%s.%N ;;
    *) python3 -c 'import time; print("%.6f" % time.time())' ;;
    esac
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/lapwing-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# run_timed PREPARE CMD: runs CMD (a shell string) WARMUP+RUNS times, running
# PREPARE (untimed, may be empty) before each; writes one wall-clock seconds
# value per timed run to $TMP/times. Returns non-zero if any run failed.
run_timed() {
    local prep=$1 cmd=$2 i st t0 t1
    : >"$TMP/times"
    if [[ $TIMER == hyperfine ]]; then
        local args=(--runs "$RUNS" --warmup "$WARMUP" --style none --export-json "$TMP/hf.json")
        [[ -n $prep ]] && args+=(--prepare "$prep")
        hyperfine "${args[@]}" "$cmd" >/dev/null || return 1
        if command -v python3 >/dev/null; then
            python3 -c 'import json,sys
for t in json.load(open(sys.argv[1]))["results"][0]["times"]: print("%.6f" % t)' "$TMP/hf.json" >"$TMP/times"
        else
            jq -r '.results[0].times[]' "$TMP/hf.json" >"$TMP/times"
        fi
        return 0
    fi
    for ((i = 0; i < WARMUP + RUNS; i++)); do
        [[ -n $prep ]] && eval "$prep"
        st=0
        if [[ $TIMER == time ]]; then
            # the command's own stderr shares the file; the last "real" line is time's
            /usr/bin/time -p sh -c "$cmd" 2>"$TMP/time.err" || st=$?
            ((st == 0)) || cat "$TMP/time.err" >&2
            t0=0
            t1=$(awk '$1 == "real" { v = $2 } END { print v + 0 }' "$TMP/time.err")
        else
            t0=$(now)
            eval "$cmd" || st=$?
            t1=$(now)
        fi
        ((st == 0)) || { echo "    run failed (exit $st): $cmd" >&2; return 1; }
        ((i < WARMUP)) && continue
        awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$TMP/times"
    done
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Table rows: label|input bytes|median seconds or FAILED
ROWS=()
FAILED=0

# bench LABEL INPUT_FILE PREPARE CMD
bench() {
    local label=$1 input=$2 prep=$3 cmd=$4 bytes med
    bytes=$(fsize "$input")
    echo
    echo "== $label"
    echo "   \$ $cmd"
    if ! run_timed "$prep" "$cmd"; then
        echo "   FAILED"
        ROWS+=("$label|$bytes|FAILED")
        FAILED=1
        return 0
    fi
    awk '{ printf "   run %d: %8.3f s\n", NR, $1 }' "$TMP/times"
    med=$(median "$TMP/times")
    awk -v m="$med" -v b="$bytes" 'BEGIN { printf "   median %.3f s  ->  %.1f MB/s  (%.1f MB input)\n", m, (m > 0 ? b / 1e6 / m : 0), b / 1e6 }'
    ROWS+=("$label|$bytes|$med")
}

q() { printf '%q' "$1"; }

# ---------------------------------------------------------------- corpus
CC=${CC:-gcc}
if [[ ! -x $GEN || bench/gencorpus.c -nt $GEN ]]; then
    echo "building $GEN with $CC -O2"
    # shellcheck disable=SC2086 # CC may carry flags, e.g. CC="ccache gcc"
    $CC -std=c11 -O2 -o "$GEN" bench/gencorpus.c
fi

want="mb=$MB seed=$SEED gen=$(cksum <bench/gencorpus.c | awk '{ print $1 }')"
if [[ -f $JSONL && -f $TXT && -f $STAMP && $(cat "$STAMP") == "$want" ]]; then
    echo "corpus up to date ($want)"
else
    rm -f "$STAMP"
    echo "generating $MB MB corpus, seed $SEED"
    t0=$(date +%s.%N 2>/dev/null || date +%s)
    "$GEN" --mb "$MB" --seed "$SEED" --format jsonl --text-out "$TXT" >"$JSONL"
    t1=$(date +%s.%N 2>/dev/null || date +%s)
    awk -v a="$t0" -v b="$t1" -v n="$(fsize "$JSONL")" \
        'BEGIN { d = b - a; printf "generated in %.2f s (%.0f MB/s of JSONL)\n", d, (d > 0 ? n / 1e6 / d : 0) }'
    echo "$want" >"$STAMP"
fi
DOCS=$(wc -l <"$JSONL" | tr -d ' ')
printf 'corpus: %s (%s documents, %.1f MB), %s (texts only, %.1f MB)\n' \
    "$JSONL" "$DOCS" "$(fsize "$JSONL" | awk '{ print $1 / 1e6 }')" "$TXT" "$(fsize "$TXT" | awk '{ print $1 / 1e6 }')"
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
echo "cores: $NCPU (lapwing code's default -j: one thread per core)"
echo "timer: $TIMER, $RUNS runs (+$WARMUP warmup) per benchmark, wall clock; locale for wc: ${LC_ALL:-${LC_CTYPE:-${LANG:-C}}}"

# ---------------------------------------------------------------- benchmarks
bench "wc -w (reference)" "$TXT" "" "wc -w $(q "$TXT") >/dev/null"

if ((!CORPUS_ONLY)); then
    L=$(q "$LAPWING")
    bench "lapwing text layer (-j 1)" "$JSONL" "" "$L code -j 1 --input jsonl --stop-after text < $(q "$JSONL") > /dev/null"
    bench "lapwing end to end (-j 1)" "$JSONL" "" "$L code -j 1 --input jsonl < $(q "$JSONL") > /dev/null"
    bench "lapwing end to end (-j $NCPU)" "$JSONL" "" "$L code --input jsonl < $(q "$JSONL") > /dev/null"
    for f in ${EXTRA_ABS[@]+"${EXTRA_ABS[@]}"}; do
        bench "end to end: $(basename "$f")" "$f" "" "$L code --input jsonl < $(q "$f") > /dev/null"
    done
    if "$LAPWING" ingest --help >/dev/null 2>&1; then
        D=$(q "$DB")
        bench "lapwing ingest -j 2" "$JSONL" "rm -rf $D $D-*" "$L ingest -j 2 --db $D < $(q "$JSONL") > /dev/null"
        DBSIZE=0
        for p in "$DB" "$DB"-*; do
            [[ -e $p ]] || continue
            if [[ -d $p ]]; then
                s=$(find "$p" -type f -exec cat {} + | wc -c | tr -d ' ')
            else
                s=$(fsize "$p")
            fi
            DBSIZE=$((DBSIZE + s))
        done
    else
        echo
        echo "== lapwing ingest: skipped ('$LAPWING ingest --help' does not exit 0)"
    fi
fi

# ---------------------------------------------------------------- summary
echo
echo "summary (MB = 10^6 bytes of the input file; median of $RUNS runs)"
printf '%-34s %10s %10s %10s\n' "benchmark" "input MB" "median s" "MB/s"
for row in "${ROWS[@]}"; do
    IFS='|' read -r label bytes med <<<"$row"
    if [[ $med == FAILED ]]; then
        printf '%-34s %10.1f %10s %10s\n' "$label" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "FAILED" "-"
    else
        awk -v l="$label" -v b="$bytes" -v m="$med" \
            'BEGIN { printf "%-34s %10.1f %10.3f %10.1f\n", l, b / 1e6, m, (m > 0 ? b / 1e6 / m : 0) }'
    fi
done
if [[ -n ${DBSIZE:-} ]]; then
    awk -v d="$DBSIZE" -v t="$(fsize "$TXT")" -v j="$(fsize "$JSONL")" \
        'BEGIN { printf "ingest database: %.1f MB = %.2f x input text (%.2f x JSONL)\n", d / 1e6, d / t, d / j }'
fi
exit "$FAILED"
