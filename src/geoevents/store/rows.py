"""Documents and Extractions flattened into column batches (Arrow tables) for bulk insert."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyarrow as pa

from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Timex
from geoevents.store.dates import date_interval, published_day
from geoevents.store.schema import TABLES, arrow_schema, extraction_row, model_row

__all__ = ["Batch", "StoredItem", "actor_row", "content_hash", "date_interval", "document_row",
           "event_row", "place_row", "published_day", "quote_row", "timex_row"]


def content_hash(document: Document) -> str:
    """A hash of everything extraction depends on except the id (text, date, title...)."""
    fields = document.to_dict()
    fields.pop("id", None)
    return hashlib.sha1(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _record(record: dict[str, Any] | None, item: Event | Quote) -> str:
    return json.dumps(record or item.to_dict(), ensure_ascii=False)


def event_row(event: Event, record: dict[str, Any] | None = None) -> dict[str, Any]:
    """The events table's columns; ``record`` is ``event.to_dict()`` when already made."""
    return {**model_row("events", event), "record": _record(record, event)}


def actor_row(actor: Actor) -> dict[str, Any]:
    return model_row("actors", actor)


def place_row(place: Place) -> dict[str, Any]:
    return model_row("places", place)


def timex_row(timex: Timex) -> dict[str, Any]:
    return model_row("timexes", timex)


def quote_row(quote: Quote, record: dict[str, Any] | None = None) -> dict[str, Any]:
    return {**model_row("quotes", quote), "record": _record(record, quote)}


def document_row(document: Document) -> dict[str, Any]:
    """The documents table's columns that come from the Document (not the bookkeeping)."""
    return model_row("documents", document)


@dataclass
class StoredItem:
    """One document to write with its extraction and bookkeeping."""

    document: Document
    extraction: Extraction
    content_hash: str
    ingested_at: datetime


class Batch:
    """Rows for every table, gathered column-wise and turned into Arrow tables."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def add(self, item: StoredItem, run_id: int, now: datetime) -> None:
        doc, ex = item.document, item.extraction
        version = ex.pipeline_version or ""
        self.rows["documents"].append({
            **document_row(doc), "content_hash": item.content_hash,
            "skipped": ex.skipped, **extraction_row(ex), "pipeline_version": version, "run_id": run_id,
            "ingested_at": item.ingested_at, "extracted_at": now,
        })
        record = ex.to_dict()  # serialised once: nested records reuse its parts
        self.rows["extractions"].append({"doc_id": doc.id, "pipeline_version": version,
                                         "record": json.dumps(record, ensure_ascii=False)})
        tag = {"doc_id": doc.id, "pipeline_version": version}
        for table, items, to_row in (("actors", ex.actors, actor_row), ("places", ex.places, place_row),
                                     ("timexes", ex.timexes, timex_row)):
            self.rows[table].extend({**tag, "position": i, **to_row(x)} for i, x in enumerate(items))
        for table, items, nested_row in (("events", ex.events, event_row), ("quotes", ex.quotes, quote_row)):
            self.rows[table].extend({**tag, "position": i, **nested_row(x, record[table][i])}
                                    for i, x in enumerate(items))

    def table(self, name: str) -> pa.Table:
        # Arrow's own row conversion: several times faster than a Python loop per column.
        return pa.Table.from_pylist(self.rows[name], schema=arrow_schema(name))
