"""What ``geoevents ingest --engine dask`` and ``geoevents events --parquet`` run (kept here so
the store's CLI module needs only a few lines)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import typer

from geoevents.config import Config
from geoevents.errors import InputError
from geoevents.scaleout.dask_engine import ingest_dask
from geoevents.sources import SourceOptions

ENGINES = ("local", "dask")


def check_engine_options(engine: str, scheduler: str | None, parquet: Path | None) -> None:
    """One-line errors for option combinations that cannot work."""
    if engine not in ENGINES:
        raise InputError(f"--engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if engine == "dask" and parquet is None:
        raise InputError("--engine dask writes a Parquet dataset: give --parquet DIR")
    if engine == "local" and (scheduler or parquet):
        raise InputError("--scheduler and --parquet need --engine dask")


def dask_ingest(paths: Sequence[str], options: SourceOptions, config: Config, parquet: Path,
                scheduler: str | None, progress: Callable[[int, int | None], None] | None = None) -> None:
    """Run the Dask ingest and print its one-line summary."""
    summary = ingest_dask(paths, options, parquet, scheduler=scheduler, config=config, progress=progress)
    typer.echo(f"wrote {parquet}: {summary.line()}")
    if summary.skip_reasons:
        reasons = ", ".join(f"{r} {n}" for r, n in summary.skip_reasons.most_common())
        typer.echo(f"geoevents: warning: {summary.skipped} document(s) not extracted ({reasons})", err=True)
    if options.problems:
        typer.echo(f"geoevents: warning: {len(options.problems)} input(s) or record(s) skipped "
                   f"(first: {options.problems[0]})", err=True)
    typer.echo(f"query it: geoevents events --parquet {parquet}, or in DuckDB: SELECT * FROM "
               f"read_parquet('{parquet}/events/**/*.parquet', hive_partitioning = true)")
