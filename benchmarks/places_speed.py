"""How fast the places stage is: gazetteer load from the disk cache, and places per article.

    python benchmarks/places_speed.py [--repeat 50]

Prints the cached gazetteer load time (measured in a fresh interpreter, the way a CLI run
pays it) and the median time the places stage takes on a 1,000-word article (the seed
article repeated, parsed once by spaCy; parsing is not counted).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from importlib import resources

LOAD_SNIPPET = """
import time
from geoevents.places import gazetteer
t, c = time.perf_counter(), time.process_time()
gaz = gazetteer.load_gazetteer()
print(time.perf_counter() - t, time.process_time() - c, len(gaz))
"""


def gazetteer_load_seconds() -> tuple[float, float, int]:
    """(wall, CPU) seconds of a cached load, best of three fresh interpreters, and the size."""
    # The first run builds the cache if it is missing; later runs are what users see.
    runs = []
    for _ in range(4):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], check=True,
                             capture_output=True, text=True).stdout.split()
        runs.append((float(out[0]), float(out[1]), int(out[2])))
    return min(r[0] for r in runs[1:]), min(r[1] for r in runs[1:]), runs[-1][2]


def thousand_word_article() -> str:
    seed = resources.files("geoevents").joinpath("examples", "seed.jsonl").read_text(encoding="utf-8")
    text = json.loads(seed.splitlines()[0])["text"]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out: list[str] = []
    while sum(len(p.split()) for p in out) < 1000:
        out.append(paragraphs[len(out) % len(paragraphs)])
    words = " ".join(out).split()[:1000]
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    load_s, load_cpu, size = gazetteer_load_seconds()
    print(f"gazetteer: {size} entries, cached load {load_s * 1000:.0f} ms wall, "
          f"{load_cpu * 1000:.0f} ms CPU (best of 3)")

    from geoevents.actors.stage import make_actors_stage
    from geoevents.model import Document
    from geoevents.nlp import load_model
    from geoevents.places.stage import make_places_stage
    from geoevents.stage import StageContext

    text = thousand_word_article()
    document = Document(id="bench", text=text, published="2025-11-26")
    doc = load_model()(text)
    actors, places = make_actors_stage(), make_places_stage()
    base = StageContext(document=document, doc=doc)
    actors(base)
    places(StageContext(document=document, doc=doc, actors=base.actors))  # warm the gazetteer
    wall, cpu = [], []
    found = 0
    for _ in range(args.repeat):
        ctx = StageContext(document=document, doc=doc, actors=base.actors)
        t, c = time.perf_counter(), time.process_time()
        places(ctx)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        found = len(ctx.places)
    print(f"places stage on a {len(text.split())}-word article ({len(doc)} tokens, {found} places): "
          f"wall median {statistics.median(wall) * 1000:.2f} ms (best {min(wall) * 1000:.2f}), "
          f"CPU median {statistics.median(cpu) * 1000:.2f} ms over {args.repeat} runs")


if __name__ == "__main__":
    main()
