"""How long the actors stage adds per article (spaCy parsing excluded).

Builds a ~1,000-word article from the seed text, parses it once, then runs the actors
stage on fresh contexts and reports wall-clock median, 95th percentile and minimum, and
the median CPU time of the process (stable when other jobs share the cores), in ms.

    python benchmarks/actors_speed.py [--words 1000] [--runs 50]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from geoevents.actors.lexicon import build_lexicon, data_dir
from geoevents.actors.stage import ActorsStage
from geoevents.model import Document
from geoevents.nlp import load_model
from geoevents.stage import StageContext

SEED = Path(__file__).resolve().parent.parent / "src" / "geoevents" / "examples" / "seed.jsonl"


def article(words: int) -> str:
    seed = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])["text"]
    paragraphs = seed.split("\n\n")
    out: list[str] = []
    while sum(len(p.split()) for p in out) < words:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    t0 = time.perf_counter()
    lexicon = build_lexicon(data_dir())
    build_ms = (time.perf_counter() - t0) * 1000
    text = article(args.words)
    document = Document(id="bench", text=text, published="2025-11-26")
    doc = load_model()(text)
    stage = ActorsStage(lexicon)
    stage(StageContext(document=document, doc=doc))  # warm caches
    times, cpu, mentions = [], [], 0
    for _ in range(args.runs):
        ctx = StageContext(document=document, doc=doc)
        t, c = time.perf_counter(), time.process_time()
        stage(ctx)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        mentions = len(ctx.actors)
    times.sort()
    print(json.dumps({"words": len(text.split()), "mentions": mentions, "runs": args.runs,
                      "median_ms": round(statistics.median(times), 2),
                      "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
                      "min_ms": round(times[0], 2),
                      # CPU time of this process: what the stage costs when cores are shared
                      "median_cpu_ms": round(statistics.median(cpu), 2),
                      "dictionary_build_ms": round(build_ms, 1),
                      "dictionary_phrases": len(lexicon.entries)}))


if __name__ == "__main__":
    main()
