#!/usr/bin/env bash
# Extract every dev gold set in ../shared/gold and print score.py's figures, one line per set.
# Usage: scripts/eval.sh [GOLD_DIR] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
gold="${1:-$here/../shared/gold}"
out="${2:-$here/.eval}"
score="$gold/../eval/score.py"
mkdir -p "$out"
declare -A task=([seed]="events timex quotes places" [events-plover-gsr-dev]=events
                 [timex-meantime-dev]=timex [quotes-polnear-dev]=quotes [places-trnews-dev]=places)
for name in seed events-plover-gsr-dev timex-meantime-dev quotes-polnear-dev places-trnews-dev; do
  [ -f "$gold/$name.jsonl" ] || continue
  geoevents extract "$gold/$name.jsonl" -o "$out/$name.out.jsonl"
  for t in ${task[$name]}; do
    printf '%-24s %-7s ' "$name" "$t"
    python "$score" "$t" "$gold/$name.jsonl" "$out/$name.out.jsonl"
  done
done
if [ -f "$gold/actors-dev.jsonl" ]; then
  geoevents resolve-actors "$gold/actors-dev.jsonl" -o "$out/actors-dev.out.jsonl"
  printf '%-24s %-7s ' actors-dev actors
  python "$score" actors "$gold/actors-dev.jsonl" "$out/actors-dev.out.jsonl"
fi
