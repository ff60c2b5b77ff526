"""Measure every dev set and the blind check; write `tests/quality_baseline.json`.

    python scripts/quality_baseline.py                      # re-measure, keep the floors
    python scripts/quality_baseline.py --set-floors "why"   # floors = measured - margin

Floors only move down with `--set-floors` and a reason, which is appended to the file's
`changes` list (the quality gate in `tests/test_quality_gate.py` reads the floors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BASELINE = ROOT / "tests" / "quality_baseline.json"
MARGIN = 0.02  # floors sit this far under the measured figure

# gold set -> (file under ../shared, scorer task, the figures that are gated)
SETS = {
    "seed": ("gold/seed.jsonl", "events", ["precision", "recall"]),
    "seed-timex": ("gold/seed.jsonl", "timex", ["value_f1"]),
    "seed-places": ("gold/seed.jsonl", "places", ["f1", "accuracy_161km"]),
    "seed-quotes": ("gold/seed.jsonl", "quotes", ["recall", "speaker_accuracy"]),
    "events-plover-gsr-dev": ("gold/events-plover-gsr-dev.jsonl", "events", ["f1"]),
    "timex-meantime-dev": ("gold/timex-meantime-dev.jsonl", "timex", ["relaxed.f1", "value_f1"]),
    "quotes-polnear-dev": ("gold/quotes-polnear-dev.jsonl", "quotes",
                           ["f1", "direct_recall", "speaker_accuracy"]),
    "places-trnews-dev": ("gold/places-trnews-dev.jsonl", "places", ["f1", "accuracy_161km"]),
    "actors-dev": ("gold/actors-dev.jsonl", "actors", ["country_accuracy", "sector_accuracy"]),
    "events-reuters-blind": ("gold/blind/events-reuters-blind.json", "events-blind",
                             ["precision", "recall", "f1"]),
}


def get(figures: dict, key: str) -> float:  # type: ignore[type-arg]
    value: object = figures
    for part in key.split("."):
        value = value[part]  # type: ignore[index]
    return float(value)  # type: ignore[arg-type]


def run(cmd: list[str]) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def measure(name: str, gold_rel: str, task: str, tmp: Path) -> dict:  # type: ignore[type-arg]
    gold = SHARED / gold_rel
    out = tmp / f"{name}.out.jsonl"
    geo = [sys.executable, "-m", "geoevents"]
    if task == "actors":
        run([*geo, "resolve-actors", str(gold), "-o", str(out)])
    elif task == "events-blind":
        docs = tmp / "blind-docs.jsonl"
        docs.write_text(run([sys.executable, str(SHARED / "eval" / "blind.py"), str(gold), "--docs"]))
        run([*geo, "extract", str(docs), "-o", str(out)])
    else:
        run([*geo, "extract", str(gold), "-o", str(out)])
    if task == "events-blind":
        text = run([sys.executable, str(SHARED / "eval" / "blind.py"), str(gold), str(out)])
    else:
        text = run([sys.executable, str(SHARED / "eval" / "score.py"), task, str(gold), str(out)])
    return json.loads(text.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set-floors", metavar="REASON", help="reset floors to measured - margin")
    args = parser.parse_args()
    old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    sets: dict = {}  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as d:
        for name, (gold_rel, task, keys) in SETS.items():
            figures = measure(name, gold_rel, task, Path(d))
            measured = {k: round(get(figures, k), 4) for k in keys}
            floors = old.get("sets", {}).get(name, {}).get("floors")
            if args.set_floors or not floors:
                floors = {k: round(max(0.0, v - MARGIN), 4) for k, v in measured.items()}
            sets[name] = {"gold": gold_rel, "task": task,
                          "sha256": hashlib.sha256((SHARED / gold_rel).read_bytes()).hexdigest(),
                          "measured": measured, "floors": floors}
            print(name, measured, "floors", floors, flush=True)
    changes = old.get("changes", [])
    if args.set_floors:
        changes.append({"date": dt.date.today().isoformat(), "reason": args.set_floors})
    BASELINE.write_text(json.dumps({"changes": changes, "sets": sets}, indent=1) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    main()
