"""The same extraction on a Dask cluster, written as a Parquet dataset partitioned by month.

The client reads the inputs (``geoevents.sources.iter_documents``) and cuts them into
partitions of ``partition_size`` documents; each Dask worker runs ``Pipeline.extract`` on a
partition with one ``Pipeline`` per worker process (loaded on its first partition, then kept)
and writes the partition's Parquet files itself, so results never travel back through the
client. ``out_dir`` must therefore be a path every worker can write (local disk for a
``LocalCluster``, a shared file system for a real cluster). The client keeps at most a few
partitions per worker in flight, so memory stays flat however large the input.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from geoevents.config import Config, load_config
from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.scaleout.parquet import DATASETS, MARKER, to_tables, write_partition
from geoevents.sources import SourceOptions, iter_documents

DEFAULT_PARTITION_SIZE = 100
IN_FLIGHT_PER_WORKER = 2

# One pipeline per worker process, keyed by its settings: loaded on the first partition.
_WORKER_PIPELINES: dict[str, Any] = {}


@dataclass
class ScaleoutSummary:
    """What a Dask ingest did."""

    documents: int = 0
    events: int = 0
    skipped: int = 0
    duplicates: int = 0
    partitions: int = 0
    files: int = 0
    workers: int = 0
    seconds: float = 0.0
    pipeline_version: str | None = None
    skip_reasons: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents ({self.skipped} not extracted, {self.duplicates} "
                f"repeated ids dropped), {self.events} events, {self.partitions} partitions on "
                f"{self.workers} workers, {self.files} Parquet files, {self.seconds:.1f} s "
                f"({rate:.1f} documents/s)")


def _worker_pipeline(config: Config) -> Any:
    from geoevents.pipeline import Pipeline

    key = json.dumps(asdict(config), sort_keys=True, default=str)
    if key not in _WORKER_PIPELINES:
        _WORKER_PIPELINES[key] = Pipeline(config.replace(n_process=1))
    return _WORKER_PIPELINES[key]


def extract_partition(documents: list[Document], config: Config, out_dir: str,
                      index: int) -> dict[str, Any]:
    """Run on a worker: extract one partition and write its Parquet files."""
    pipeline = _worker_pipeline(config)
    extractions = list(pipeline.extract(documents))
    files = write_partition(to_tables(zip(documents, extractions, strict=True)), out_dir, index)
    skipped = [e.skipped for e in extractions if e.skipped]
    return {"documents": len(documents), "events": sum(len(e.events) for e in extractions),
            "skipped": skipped, "files": files, "pipeline_version": pipeline.version}


def _partitions(documents: Iterable[Document], size: int,
                summary: ScaleoutSummary) -> Iterator[list[Document]]:
    seen: set[str] = set()
    batch: list[Document] = []
    for document in documents:
        if document.id in seen:  # the first copy of a repeated id wins
            summary.duplicates += 1
            continue
        seen.add(document.id)
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def prepare_output(out_dir: Path) -> None:
    """Create ``out_dir``, or clear an earlier geoevents dataset there; refuse other content."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: not a directory")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not (out_dir / MARKER).is_file():
            raise InputError(f"{out_dir}: directory is not empty and holds no geoevents dataset; "
                             f"give an empty or new directory")
        for name in DATASETS:
            shutil.rmtree(out_dir / name, ignore_errors=True)
        (out_dir / MARKER).unlink()
    out_dir.mkdir(parents=True, exist_ok=True)


def _client(scheduler: str | None):  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    # Dask logs every start and stop at INFO; show them only when geoevents' own logging does
    logging.getLogger("distributed").setLevel(max(logging.getLogger().level, logging.WARNING))

    if scheduler is None:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except OSError as err:
        raise InputError(f"--scheduler {scheduler}: cannot connect ({err})") from None


def ingest_dask(inputs: Iterable[str | Path], options: SourceOptions | None, out_dir: str | Path,
                scheduler: str | None = None, config: Config | None = None, *,
                partition_size: int = DEFAULT_PARTITION_SIZE,
                progress: Callable[[int, int | None], None] | None = None) -> ScaleoutSummary:
    """Extract every input document on a Dask cluster into a Parquet dataset at ``out_dir``.

    ``scheduler=None`` starts a local cluster of 2 single-threaded worker processes;
    otherwise it is the address of a running scheduler (``tcp://host:8786``).
    """
    from distributed import as_completed

    config = config or load_config()
    options = options or SourceOptions()
    out = Path(out_dir).resolve()
    inputs = [str(i) for i in inputs]
    prepare_output(out)
    # written first, so a failed run's partial output is recognised (and replaced) next time
    _write_marker(out, {"status": "running", "inputs": inputs})
    summary = ScaleoutSummary()
    started = time.perf_counter()
    client, cluster = _client(scheduler)
    try:
        summary.workers = len(client.scheduler_info().get("workers", {})) or 1
        limit = max(1, summary.workers * IN_FLIGHT_PER_WORKER)
        running = as_completed()

        def collect(future: Any) -> None:
            result = future.result()
            summary.documents += result["documents"]
            summary.events += result["events"]
            summary.files += result["files"]
            summary.skipped += len(result["skipped"])
            summary.skip_reasons.update(r.split(" (")[0] for r in result["skipped"])
            summary.pipeline_version = result["pipeline_version"]
            if progress:
                progress(result["documents"], None)

        for index, batch in enumerate(_partitions(iter_documents(inputs, options), partition_size,
                                                  summary)):
            running.add(client.submit(extract_partition, batch, config, str(out), index,
                                      key=f"geoevents-partition-{index}-{id(summary)}", pure=False))
            summary.partitions += 1
            while running.count() >= limit:
                collect(next(running))
        for future in running:
            collect(future)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    _write_marker(out, {"status": "completed", "pipeline_version": summary.pipeline_version,
                        "inputs": inputs, "documents": summary.documents, "events": summary.events,
                        "partitions": summary.partitions,
                        "partitioned_by": "month (publication, YYYY-MM)", "datasets": list(DATASETS)})
    return summary


def _write_marker(out: Path, marker: dict[str, Any]) -> None:
    (out / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
