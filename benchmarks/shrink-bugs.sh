#!/usr/bin/env bash
# Shrinks the first failing seeds of every bundled seeded bug and prints one Markdown row per shrink:
# before -> after for fault steps, client ops, events, simulated time, clients, nodes; candidate runs; wall time.
# Usage: benchmarks/shrink-bugs.sh [SEEDS_PER_BUG] [JOBS]   (from the repository root; builds ./madjep if needed)
set -euo pipefail
per_bug="${1:-3}"
jobs="${2:-2}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| bug | seed | fault steps | client ops | events | simulated | clients | nodes | runs | wall | 1-minimal |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for bug in $(./madjep sim list | awk '/expected invalid/ {print prev} {prev=$1}'); do
  # sweep exits 1 when it finds failing seeds: that is what it is asked for here.
  seeds=$( (./madjep sim sweep "$bug" --seeds 1..40 --jobs "$jobs" || true) \
    | sed -n 's/^seed \([0-9]*\): .*INVALID.*/\1/p' | head -n "$per_bug")
  for seed in $seeds; do
    log="$out/$bug-$seed.log"
    ./madjep sim shrink "$bug" --seed "$seed" --jobs "$jobs" --out "$out/$bug-$seed.toml" >"$log"
    row() { awk -v k="$1" '$0 ~ "^  "k" " {print $(NF-1) " -> " $NF}' "$log"; }
    runs=$(sed -n 's/^shrunk in .* wall, \([0-9]*\) runs.*/\1/p' "$log")
    wall=$(sed -n 's/^shrunk in \(.*\) wall,.*/\1/p' "$log")
    minimal=$(grep -q '^1-minimal: yes' "$log" && echo yes || echo no)
    ./madjep sim run "$out/$bug-$seed.toml" --store "$out/store" >/dev/null && replay=passes || replay=fails
    [ "$replay" = fails ] || minimal="$minimal (REPLAY PASSES)"
    echo "| $bug | $seed | $(row 'fault steps') | $(row 'client ops') | $(row events) | $(row simulated) |" \
      "$(row clients) | $(row nodes) | $runs | $wall | $minimal |"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
