"""Held-back synthetic stories: does the events stage find each story's PLOVER category?

The check of issue 13 on data not tuned on: the fifth of the NGEC-2025 synthetic PLOVER
stories (``../shared/resources/plover-synthetic/``, MIT) whose titles
``scripts/train_relevance.py`` holds back (same seed, same title split). Each story's lede
(its first two sentences) is extracted as a document; figures:

- label found: share of stories with a scored event (PLOVER category set, status not negated
  or hypothetical) of the story's own category;
- label share: share of scored events that have the story's category (a story's later
  sentences may report other acts, so this is a lower bound on precision);
- per category: found / stories.

    python scripts/eval_stories.py [--shared ../shared] [--out /tmp/stories.out.jsonl]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from train_relevance import HELD_OUT_FRACTION, SEED, split_sentences  # noqa: E402

LEDE = 2


def held_back_ledes(shared: Path) -> list[dict]:  # type: ignore[type-arg]
    path = shared / "resources" / "plover-synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    df = pd.read_csv(path)
    titles = sorted(df["title"].unique())
    random.Random(SEED).shuffle(titles)  # the split of train_relevance.load_stories
    held = set(titles[:round(len(titles) * HELD_OUT_FRACTION)])
    docs = []
    for k, (title, text, label) in enumerate(zip(df["title"], df["text"], df["label"], strict=True)):
        if title not in held:
            continue
        sents = [s for para in re.split(r"\n\s*\n", str(text)) for s in split_sentences(para)]
        docs.append({"id": f"story-{k}", "text": " ".join(sents[:LEDE]), "published": "2023-10-19",
                     "label": label})
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    docs = held_back_ledes(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stories.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        out = args.out or Path(tmp) / "out.jsonl"
        subprocess.run([sys.executable, "-m", "geoevents", "extract", str(src), "-o", str(out)],
                       check=True, capture_output=True)
        results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    label = {d["id"]: d["label"] for d in docs}
    found, total = collections.Counter(), collections.Counter()
    events = same = 0
    for r in results:
        want = label[r["id"]]
        total[want] += 1
        scored = [e for e in r["events"]
                  if e["plover"] and e["status"] not in ("negated", "hypothetical")]
        events += len(scored)
        same += sum(e["plover"] == want for e in scored)
        found[want] += any(e["plover"] == want for e in scored)
    n = sum(total.values())
    print(f"held-back story ledes: {n} stories, {len(set(label.values()))} categories")
    print(f"label found {sum(found.values()) / n:.3f}; label share of scored events "
          f"{same / max(1, events):.3f} ({same}/{events})")
    print(" ".join(f"{k} {found[k]}/{total[k]}" for k in sorted(total)))


if __name__ == "__main__":
    main()
