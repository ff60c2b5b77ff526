"""Querying a Parquet dataset in place with DuckDB, with the same filters as the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from geoevents.errors import InputError
from geoevents.scaleout.parquet import MARKER, read_sql
from geoevents.store.filters import events_query
from geoevents.store.records import StoredEvent


def check_dataset(out_dir: str | Path) -> Path:
    path = Path(out_dir)
    if not (path / MARKER).is_file():
        raise InputError(f"{path}: not a geoevents Parquet dataset (no {MARKER}); "
                         f"write one with 'geoevents ingest --engine dask --parquet {path}'")
    return path


def connect(out_dir: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with views ``events`` and ``documents`` over the dataset."""
    path = check_dataset(out_dir)
    con = duckdb.connect(":memory:")
    for name in ("events", "documents"):
        if any((path / name).glob("**/*.parquet")):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM {read_sql(path, name)}")
    return con


def query_events(out_dir: str | Path, *, actor: str | None = None, target: str | None = None,
                 type: str | None = None, since: str | date | None = None,
                 until: str | date | None = None, status: str | None = None,
                 doc_id: str | None = None, min_tone: float | None = None,
                 max_tone: float | None = None, limit: int | None = None) -> list[StoredEvent]:
    """Events from the dataset, ordered and filtered as ``Store.events``."""
    con = connect(out_dir)
    try:
        if not con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'events'").fetchone()[0]:
            return []
        sql, params = events_query(actor=actor, target=target, type=type, since=since, until=until,
                                   status=status, doc_id=doc_id, min_tone=min_tone, max_tone=max_tone,
                                   limit=limit)
        rows = con.execute(sql, params).fetchall()
    finally:
        con.close()
    return [StoredEvent.from_row(r) for r in rows]
