#!/usr/bin/env bash
# Throughput benchmark of `extract` and `ingest` (issue: ingest at scale).
#
#   scripts/bench_ingest.sh [MB ...]        default: 100
#
# For each size, writes a synthetic corpus (examples/gen_corpus.rs) to
# target/bench/corpus-<MB>mb.jsonl if missing, then runs in a release build:
#   extract --stats on 1 job and on all cores (events written to /dev/null)
#   ingest  --stats on 1 job and on all cores, each into a fresh database
# and prints MB/s, sentences/s and events/s (from --stats) with peak RSS (GNU time, when
# installed). Extraction-only speed-up is all cores over 1 job.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100)
cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
cores=$(nproc 2>/dev/null || echo 1)
mkdir -p target/bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # label, command...
    local label=$1
    shift
    local rss="-"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
        rss="$(( $(tail -1 "$work/rss") / 1024 )) MB"
    else
        "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    fi
    local line
    line=$(grep '^throughput:' "$work/err" | sed 's/^throughput: //')
    printf '%-22s %s; peak RSS %s\n' "$label" "$line" "$rss"
}

for mb in "${sizes[@]}"; do
    corpus=target/bench/corpus-${mb}mb.jsonl
    [ -f "$corpus" ] || target/release/examples/gen_corpus "$corpus" --mb "$mb"
    echo "== corpus $corpus ($(du -h "$corpus" | cut -f1) on disk), $cores cores"
    run "extract, 1 job" target/release/geokg extract --stats -j 1 "$corpus"
    run "extract, $cores jobs" target/release/geokg extract --stats -j "$cores" "$corpus"
    for jobs in 1 "$cores"; do
        rm -f "$work"/bench.db*
        run "ingest, $jobs job(s)" target/release/geokg --db "$work/bench.db" ingest -q --stats -j "$jobs" "$corpus"
    done
done
