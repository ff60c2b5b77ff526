"""Throughput of the full pipeline against bare spaCy, with 1 and 2 processes, and with the store.

    python benchmarks/throughput.py [--n 2000] [--processes 1 2] [--batch-size 32] [--repeat 3]
                                    [--no-store] [--modes spacy extract store]

On the first ``--n`` Reuters-21578 articles that have text (a fixed sample), each measurement
runs in a fresh interpreter so its peak RSS is its own:

- ``spacy``: bare spaCy, the same model with all its default components, ``nlp.pipe`` with the
  same batch size and number of processes: the floor any spaCy-based pipeline pays;
- ``extract``: ``Pipeline.extract`` (parse + all stages), no store;
- ``spacy-mp+stages`` (2+ processes only): the alternative design, spaCy's own ``n_process``
  parsing with the stages run in the parent process;
- ``store``: ``geoevents.ingest.ingest`` into a new DuckDB file (extract + bulk insert).

Model and data loading is not timed (a long-running ingest pays it once): the pipeline extracts,
and the store writes, one warm-up document first. Starting worker processes is timed.

The machine may be shared, and a run of the same command can take 20% longer than the one
before it. So each measurement is repeated ``--repeat`` times (default 3), the modes taking
turns (spacy, extract, store, spacy, extract, store...) so that a slow spell hits all of them.
Each target ratio is computed per round, from modes that ran back to back, and the median
over the rounds is checked against the target (its range is printed too); the throughput
table shows each mode's best run, the one least disturbed by other load. Every run is printed.
Prints articles/s, words/s, peak RSS of the main process and of the largest worker, the
ratios the targets are stated in, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from geoevents.store import WRITE_BATCH

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578.jsonl"
MODES = ("spacy", "extract", "spacy-mp+stages", "store")
TARGETS = (  # (label, numerator, denominator, minimum)
    ("pipeline / bare spaCy, 1 process", ("extract", 1), ("spacy", 1), 0.75),
    ("pipeline 2 processes / 1 process", ("extract", 2), ("extract", 1), 1.6),
    ("store / extract-only, 1 process", ("store", 1), ("extract", 1), 0.9),
    ("store / extract-only, 2 processes", ("store", 2), ("extract", 2), 0.9),
)
RSS_LIMIT_MB = 1536


def load_sample(path: Path, n: int) -> list:  # list[Document]
    from geoevents.sources import SourceOptions, iter_documents

    docs = (d for d in iter_documents([path], SourceOptions()) if d.text.strip())
    return list(islice(docs, n))


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(mode: str, processes: int, n: int, batch_size: int, corpus: Path,
            store_batch: int) -> dict:
    """One measurement, in this (fresh) process."""
    from geoevents.config import load_config
    from geoevents.ingest import ingest
    from geoevents.model import Document
    from geoevents.pipeline import Pipeline

    docs = load_sample(corpus, n)
    texts = [d.text for d in docs]
    config = load_config().replace(batch_size=batch_size, n_process=processes)
    warm_up = Document(id="warm-up", text="Putin met Japarov in Bishkek on Monday.",
                       published="2025-11-26")
    if mode == "spacy":
        from geoevents.nlp import load_model

        nlp = load_model(config.model)
        nlp("warm up")
        cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            pass
        seconds = time.perf_counter() - start
    elif mode == "spacy-mp+stages":
        pipeline = Pipeline(config.replace(n_process=1))
        pipeline.extract_one(warm_up)
        cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
        start = time.perf_counter()
        todo = [d for d in docs if pipeline.skip_reason(d) is None]
        parsed = pipeline.nlp.pipe((d.text for d in todo), batch_size=batch_size, n_process=processes)
        for document, spacy_doc in zip(todo, parsed, strict=True):
            pipeline.run_stages(document, spacy_doc)
        seconds = time.perf_counter() - start
    elif mode == "extract":
        pipeline = Pipeline(config)
        pipeline.extract_one(warm_up)
        cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
        start = time.perf_counter()
        for _ in pipeline.extract(docs):
            pass
        seconds = time.perf_counter() - start
        pipeline.close()
    elif mode == "store":
        from geoevents.store import Store

        pipeline = Pipeline(config)
        pipeline.extract_one(warm_up)
        with tempfile.TemporaryDirectory() as tmp:
            with Store(Path(tmp) / "warm-up.duckdb") as scratch:  # first-write imports, DuckDB set-up
                ingest(scratch, [warm_up], pipeline)
            store = Store(Path(tmp) / "bench.duckdb")
            cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
            start = time.perf_counter()
            summary = ingest(store, docs, pipeline, batch_size=store_batch)
            seconds = time.perf_counter() - start
            store.close()
            if summary.new != len({d.id for d in docs}):
                raise SystemExit(f"store: {summary.new} documents stored, expected {len(docs)}")
        pipeline.close()
    else:
        raise SystemExit(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
    return {"mode": mode, "processes": processes, "docs": len(docs),
            "words": sum(len(t.split()) for t in texts), "seconds": seconds,
            "cpu_main": _cpu_seconds(resource.RUSAGE_SELF) - cpu_before,
            "cpu_workers": _cpu_seconds(resource.RUSAGE_CHILDREN),
            "rss_main_mb": _peak_mb(resource.RUSAGE_SELF),
            "rss_worker_mb": _peak_mb(resource.RUSAGE_CHILDREN) if processes > 1 else None}


def run_child(mode: str, processes: int, args: argparse.Namespace) -> dict | None:
    command = [sys.executable, __file__, "--measure", mode, "--processes", str(processes),
               "--n", str(args.n), "--batch-size", str(args.batch_size), "--corpus", str(args.corpus),
               "--store-batch", str(args.store_batch)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  {mode} x{processes}: failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _rate(found: dict) -> float:
    return found["docs"] / found["seconds"]


def _row(found: dict, run: str) -> str:
    worker = found["rss_worker_mb"]
    return (f"{found['mode']:<17}{found['processes']:>5}{run:>5}{found['docs']:>6}{found['seconds']:>9.1f}"
            f"{found['docs'] / found['seconds']:>12.1f}{found['words'] / found['seconds']:>10.0f}"
            f"{found['cpu_main']:>11.1f}{found['cpu_workers']:>14.1f}"
            f"{found['rss_main_mb']:>13.0f}{(f'{worker:.0f}' if worker else '-'):>15}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (the first N with text)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=32, help="documents per spaCy batch")
    parser.add_argument("--store-batch", type=int, default=WRITE_BATCH,
                        help="documents per store transaction (geoevents ingest --batch-size)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each measurement, interleaved; figures use the best")
    parser.add_argument("--no-store", action="store_true", help="skip the store measurement")
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure(args.measure, args.processes[0], args.n, args.batch_size, args.corpus,
                                 args.store_batch)))
        return
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus}: corpus not found (--corpus FILE)")
    modes = list(args.modes)
    if "store" in modes and args.no_store:
        modes.remove("store")
    load_before = os.getloadavg()
    print(f"{args.n} Reuters-21578 articles, spaCy batch size {args.batch_size}, store batch "
          f"{args.store_batch}, cores {os.cpu_count()}, "
          f"load average before {load_before[0]:.2f}")
    runs: dict[tuple[str, int], list[dict | None]] = {}  # every run, by round
    header = (f"{'mode':<17}{'proc':>5}{'run':>5}{'docs':>6}{'seconds':>9}"
              f"{'articles/s':>12}{'words/s':>10}{'CPU main s':>11}{'CPU workers s':>14}"
              f"{'RSS main MB':>13}{'RSS worker MB':>15}")
    print(header)
    rounds = max(1, args.repeat)
    for processes in args.processes:
        for run in range(1, rounds + 1):
            for mode in modes:
                if mode == "spacy-mp+stages" and processes == 1:
                    continue
                found = run_child(mode, processes, args)
                runs.setdefault((mode, processes), []).append(found)
                if found is not None:
                    print(_row(found, str(run)), flush=True)
    print(f"load average after {os.getloadavg()[0]:.2f} (on {os.cpu_count()} cores)")
    results = {key: min((r for r in found if r), key=lambda r: r["seconds"])
               for key, found in runs.items() if any(found)}  # the best run of each
    print(f"\nbest of {rounds} run(s) each:")
    print(header)
    for found in results.values():
        print(_row(found, "best"))
    print(f"\nratios: the median over the {rounds} round(s) of each round's ratio (the modes of a round "
          f"ran back to back), its range, and the ratio of the best runs")
    for label, top, bottom, minimum in TARGETS:
        rounds_of = zip(runs.get(top, []), runs.get(bottom, []), strict=False)  # a mode may be absent
        paired = [_rate(a) / _rate(b) for a, b in rounds_of if a and b]
        if not paired:
            continue
        median = statistics.median(paired)
        print(f"{label:<36} {median:5.2f}  (range {min(paired):.2f}-{max(paired):.2f}, best runs "
              f"{_rate(results[top]) / _rate(results[bottom]):.2f}; target >= {minimum}: "
              f"{'met' if median >= minimum else 'NOT met'})")
    alt, ours = results.get(("spacy-mp+stages", 2)), results.get(("extract", 2))
    if alt and ours:
        print(f"{'worker pool / spaCy n_process, 2 proc':<36} {alt['seconds'] / ours['seconds']:5.2f}")
    if results:
        per_worker = max(r["rss_worker_mb"] or r["rss_main_mb"] for r in results.values()
                         if r["mode"] != "spacy")
        print(f"{'peak RSS per worker':<36} {per_worker:5.0f} MB  (target < {RSS_LIMIT_MB} MB: "
              f"{'met' if per_worker < RSS_LIMIT_MB else 'NOT met'})")


if __name__ == "__main__":
    main()
