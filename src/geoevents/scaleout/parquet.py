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

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa

from geoevents.model import Actor, Document, Event, Extraction
from geoevents.stage import parse_published
from geoevents.store import date_interval

UNKNOWN_MONTH = "unknown"
MARKER = "_geoevents.json"
DATASETS = ("events", "documents")


def _actor_fields(role: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{role}_{name}", kind) for name, kind in (
        ("code", pa.string()), ("name", pa.string()), ("country", pa.string()),
        ("sector", pa.string()), ("kind", pa.string()), ("text", pa.string()),
        ("start", pa.int32()), ("end", pa.int32()))]


EVENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("position", pa.int32()), ("published", pa.string()),
    ("pipeline_version", pa.string()),
    *_actor_fields("source"), *_actor_fields("target"),
    ("cameo", pa.string()), ("plover", pa.string()), ("mode", pa.string()),
    ("quad_class", pa.int32()), ("goldstein", pa.float64()),
    ("date", pa.string()), ("date_from", pa.date32()), ("date_to", pa.date32()),
    ("status", pa.string()),
    ("location_name", pa.string()), ("location_geonameid", pa.int64()),
    ("location_lat", pa.float64()), ("location_lon", pa.float64()), ("location_country", pa.string()),
    ("evidence_start", pa.int32()), ("evidence_end", pa.int32()), ("evidence_text", pa.string()),
    ("trigger_text", pa.string()), ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
    ("confidence", pa.float64()),
    ("record", pa.string()),
    ("month", pa.string()),
])

DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("published", pa.string()), ("title", pa.string()),
    ("url", pa.string()), ("source", pa.string()), ("language", pa.string()),
    ("skipped", pa.string()), ("pipeline_version", pa.string()), ("events", pa.int32()),
    ("extraction", pa.string()),
    ("month", pa.string()),
])


def publication_month(document: Document) -> str:
    day = parse_published(document.published)
    return f"{day.year:04d}-{day.month:02d}" if day else UNKNOWN_MONTH


def _actor(role: str, actor: Actor | None) -> dict[str, Any]:
    keys = ("code", "name", "country", "sector", "kind", "text", "start", "end")
    return {f"{role}_{k}": getattr(actor, k) if actor is not None else None for k in keys}


def event_row(document: Document, extraction: Extraction, position: int, event: Event,
              month: str) -> dict[str, Any]:
    date_from, date_to = date_interval(event.date)
    place, evidence, trigger = event.location, event.evidence, event.trigger
    return {
        "doc_id": document.id, "position": position, "published": document.published,
        "pipeline_version": extraction.pipeline_version,
        **_actor("source", event.source), **_actor("target", event.target),
        "cameo": event.cameo, "plover": event.plover, "mode": event.mode,
        "quad_class": event.quad_class, "goldstein": event.goldstein,
        "date": event.date, "date_from": date_from, "date_to": date_to, "status": event.status,
        "location_name": (place.name or place.text) if place else None,
        "location_geonameid": place.geonameid if place else None,
        "location_lat": place.lat if place else None, "location_lon": place.lon if place else None,
        "location_country": place.country if place else None,
        "evidence_start": evidence.start if evidence else None,
        "evidence_end": evidence.end if evidence else None,
        "evidence_text": evidence.text if evidence else None,
        "trigger_text": trigger.text if trigger else None,
        "trigger_start": trigger.start if trigger else None,
        "trigger_end": trigger.end if trigger else None,
        "confidence": event.confidence,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
        "month": month,
    }


def document_row(document: Document, extraction: Extraction, month: str) -> dict[str, Any]:
    return {
        "doc_id": document.id, "published": document.published, "title": document.title,
        "url": document.url, "source": document.source, "language": document.language,
        "skipped": extraction.skipped, "pipeline_version": extraction.pipeline_version,
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
