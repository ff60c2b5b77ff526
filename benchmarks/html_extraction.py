"""Article-body extraction benchmark for geoevents' HTML reader.

Runs ``geoevents.sources.iter_documents`` (the same path as ``geoevents ingest``:
gzip detection, sniffing, trafilatura extraction) on every page of the Article
Extraction Benchmark corpus (181 gzipped HTML pages with reference bodies in
``ground-truth.json``) and prints the mean token-level F1 of the extracted text
against the reference ``articleBody``.

Token-level F1, as in the benchmark's own evaluation: both texts are split on
whitespace into bags of tokens; precision = shared tokens / extracted tokens,
recall = shared tokens / reference tokens. A page with no extracted body scores 0.

Usage: python benchmarks/html_extraction.py [CORPUS_DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from geoevents.errors import InputError
from geoevents.sources import SourceOptions, iter_documents

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "html-aeb"


def token_f1(extracted: str, reference: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the bags of whitespace tokens of the two texts."""
    got, want = Counter(extracted.split()), Counter(reference.split())
    shared = sum((got & want).values())
    if not shared:
        return 0.0, 0.0, 0.0
    precision, recall = shared / sum(got.values()), shared / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def extracted_body(page: Path) -> str:
    """The text geoevents reads from one page; empty when it finds no article."""
    try:
        docs = list(iter_documents([page], SourceOptions(on_error="stop")))
    except InputError:
        return ""
    return docs[0].text if docs else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    scores: dict[str, tuple[float, float, float]] = {}
    started = time.perf_counter()
    for page_id, reference in sorted(truth.items()):
        page = args.corpus / "html" / f"{page_id}.html.gz"
        scores[page_id] = token_f1(extracted_body(page), reference["articleBody"])
    seconds = time.perf_counter() - started
    precision, recall, f1 = (statistics.fmean(s[i] for s in scores.values()) for i in range(3))
    print(f"pages {len(scores)}  precision {precision:.3f}  recall {recall:.3f}  "
          f"mean token F1 {f1:.3f}  ({seconds:.0f} s)")
    for page_id, score in sorted(scores.items(), key=lambda kv: kv[1][2])[:args.worst]:
        print(f"  {score[2]:.3f}  P {score[0]:.3f}  R {score[1]:.3f}  {truth[page_id]['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
