"""Extractions as a Parquet dataset partitioned by publication month, and reading it back.

Layout (Hive partitioning, readable in place by DuckDB, pyarrow, Polars, Spark...)::

    DIR/events/month=2025-11/part-00003-0.parquet     one row per event
    DIR/documents/month=2025-11/part-00003-0.parquet  one row per document, full Extraction JSON
    DIR/_geoevents.json                               what wrote the dataset (pipeline version...)

``month`` is the document's publication month (``YYYY-MM``, or ``unknown``); it lives in the
directory names only. Event columns use the same names as the DuckDB store's ``events`` table
(``source_code``, ``plover``, ``date_from``...), so the same filters work on both; ``record``
holds ``Event.to_dict()`` and ``documents.extraction`` holds ``Extraction.to_dict()``.

    SELECT month, plover, count(*) FROM read_parquet('DIR/events/**/*.parquet',
                                                    hive_partitioning = true) GROUP BY ALL
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa

from geoevents.model import Document, Event, Extraction
from geoevents.stage import parse_published
from geoevents.store.rows import document_row as store_document_row
from geoevents.store.rows import event_row as store_event_row
from geoevents.store.schema import EXTRACTION_COLUMNS, TABLES, arrow_type, extraction_row

UNKNOWN_MONTH = "unknown"
MARKER = "_geoevents.json"
DATASETS = ("events", "documents")


_TAGS = ("doc_id", "pipeline_version", "position")


def _event_schema() -> pa.Schema:
    """The store's ``events`` columns (``store/schema.py``, from ``model.Event``), plus
    ``published`` and the ``month`` partition."""
    own = [(c.name, arrow_type(c)) for c in TABLES["events"] if c.name not in _TAGS]
    return pa.schema([("doc_id", pa.string()), ("position", pa.int32()), ("published", pa.string()),
                      ("pipeline_version", pa.string()), *own, ("month", pa.string())])


def _document_schema() -> pa.Schema:
    """The Document's columns of the store's ``documents`` table but the text (kept in
    ``extraction``), with the extraction's bookkeeping and the ``month`` partition."""
    columns = {c.name: arrow_type(c) for c in TABLES["documents"] if c.value is not None}
    own = [(name, kind) for name, kind in columns.items()
           if name not in ("doc_id", "published", "published_date", "text")]
    from_extraction = [(c.name, arrow_type(c)) for c in TABLES["documents"] if c.name in EXTRACTION_COLUMNS]
    return pa.schema([("doc_id", pa.string()), ("published", pa.string()), *own,
                      ("skipped", pa.string()), *from_extraction, ("pipeline_version", pa.string()),
                      ("events", pa.int32()),
                      ("extraction", pa.string()), ("month", pa.string())])


EVENT_SCHEMA = _event_schema()
DOCUMENT_SCHEMA = _document_schema()


def publication_month(document: Document) -> str:
    day = parse_published(document.published)
    return f"{day.year:04d}-{day.month:02d}" if day else UNKNOWN_MONTH


def event_row(document: Document, extraction: Extraction, position: int, event: Event,
              month: str) -> dict[str, Any]:
    return {"doc_id": document.id, "position": position, "published": document.published,
            "pipeline_version": extraction.pipeline_version, **store_event_row(event), "month": month}


def document_row(document: Document, extraction: Extraction, month: str) -> dict[str, Any]:
    return {
        **store_document_row(document),
        "skipped": extraction.skipped, **extraction_row(extraction),
        "pipeline_version": extraction.pipeline_version,
        "events": len(extraction.events), "extraction": extraction.to_json(), "month": month,
    }


def _table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.table({f.name: pa.array([r[f.name] for r in rows], type=f.type) for f in schema},
                    schema=schema)


def to_tables(pairs: Iterable[tuple[Document, Extraction]]) -> dict[str, pa.Table]:
    """Arrow tables of events and documents for a batch of extracted documents."""
    events: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for document, extraction in pairs:
        month = publication_month(document)
        documents.append(document_row(document, extraction, month))
        events.extend(event_row(document, extraction, i, e, month)
                      for i, e in enumerate(extraction.events))
    return {"events": _table(events, EVENT_SCHEMA), "documents": _table(documents, DOCUMENT_SCHEMA)}


def write_partition(tables: dict[str, pa.Table], out_dir: str | Path, index: int) -> int:
    """Write one partition's tables under ``out_dir``; returns the number of files written."""
    import pyarrow.dataset as ds

    written: list[str] = []
    for name, table in tables.items():
        if table.num_rows == 0:
            continue
        ds.write_dataset(
            table, str(Path(out_dir) / name), format="parquet",
            partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            basename_template=f"part-{index:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            file_visitor=lambda f: written.append(f.path))
    return len(written)


def parquet_glob(out_dir: str | Path, dataset: str = "events") -> str:
    """The glob DuckDB's ``read_parquet`` takes for one of the datasets."""
    if dataset not in DATASETS:
        raise ValueError(f"dataset {dataset!r}: expected one of {', '.join(DATASETS)}")
    return str(Path(out_dir) / dataset / "**" / "*.parquet")


def read_sql(out_dir: str | Path, dataset: str = "events") -> str:
    """A DuckDB table expression over the dataset (for ``FROM``), months as a column."""
    glob = parquet_glob(out_dir, dataset).replace("'", "''")
    return f"read_parquet('{glob}', hive_partitioning = true)"
