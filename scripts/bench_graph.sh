#!/usr/bin/env bash
# Benchmark of the graph commands on a synthetic database (issue: graph questions).
#
#   scripts/bench_graph.sh [DB] [EVENTS] [ACTORS]
#
# Builds DB (default target/bench/synthetic-1m.db) with examples/gen_synthetic_db.rs if it
# does not exist, then times, in a release build, each command three times and reports the
# best wall-clock time and the peak RSS (GNU time when installed, else bash's `time`):
#   - export --actor HUB --hops 2 --format dot   (the most connected actor: the worst case)
#   - export --actor TAIL --hops 2 --format dot  (an actor with a handful of events)
#   - stats
#   - events --actor HUB --limit 100
#   - path TAIL OTHER
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-target/bench/synthetic-1m.db}
events=${2:-1000000}
actors=${3:-20000}
cargo build --release --quiet --example gen_synthetic_db
cargo build --release --quiet
if [ ! -f "$db" ]; then
    mkdir -p "$(dirname "$db")"
    target/release/examples/gen_synthetic_db "$db" --events "$events" --actors "$actors"
fi
geokg=(target/release/geokg --db "$db")
hub=$("${geokg[@]}" query --format csv \
    "SELECT a.name FROM actors a JOIN edge_stats e ON e.source_id = a.id
     GROUP BY a.id ORDER BY SUM(e.events) DESC, a.name LIMIT 1" | sed -n 2p)
tail=$("${geokg[@]}" query --format csv \
    "SELECT a.name FROM actors a JOIN edge_stats e ON e.source_id = a.id
     GROUP BY a.id HAVING SUM(e.events) BETWEEN 3 AND 10 ORDER BY a.name LIMIT 2" | sed -n 2,3p)
tail1=$(echo "$tail" | sed -n 1p)
tail2=$(echo "$tail" | sed -n 2p)
"${geokg[@]}" stats | sed -n 1,6p
echo "hub actor: $hub; tail actors: $tail1, $tail2"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() {
    local name=$1
    shift
    local best="" rss="-"
    for _ in 1 2 3; do
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%e %M" -o "$out/time" "$@" >"$out/stdout" 2>"$out/stderr"
            read -r secs kb <"$out/time"
            rss="$((kb / 1024)) MB"
        else
            local start end
            start=$(date +%s.%N)
            "$@" >"$out/stdout" 2>"$out/stderr"
            end=$(date +%s.%N)
            secs=$(awk "BEGIN { print $end - $start }")
        fi
        if [ -z "$best" ] || awk "BEGIN { exit !($secs < $best) }"; then best=$secs; fi
    done
    printf '%-36s %6.2f s   peak RSS %s\n' "$name" "$best" "$rss"
}

measure "export --hops 2 (hub) to DOT" "${geokg[@]}" export --actor "$hub" --hops 2 --format dot -o "$out/hub.dot"
measure "export --hops 2 (tail) to DOT" "${geokg[@]}" export --actor "$tail1" --hops 2 --format dot -o "$out/tail.dot"
measure "stats" "${geokg[@]}" stats
measure "events --actor (hub) --limit 100" "${geokg[@]}" events --actor "$hub" --limit 100
measure "path (tail to tail)" "${geokg[@]}" path "$tail1" "$tail2"
