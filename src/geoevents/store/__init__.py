"""The embedded DuckDB store: documents, their extractions, and every row's pipeline version.

    from geoevents.ingest import ingest      # sources -> pipeline -> store (above the store)
    from geoevents.store import Store
    with Store("geoevents.duckdb") as store:
        ingest(store, documents, pipeline)
        for stored in store.events(actor="RUS", type="CONSULT"):
            print(stored.event.cameo, stored.doc_id)

Tables and columns: ``docs/store.md`` (generated from ``schema.TABLES``).
"""

from __future__ import annotations

from geoevents.store.records import DocumentInfo, IngestSummary, StoredEvent, StoredQuote
from geoevents.store.rows import StoredItem, content_hash, date_interval
from geoevents.store.schema import SCHEMA_VERSION, TABLES
from geoevents.store.store import WRITE_BATCH, Store

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "WRITE_BATCH",
    "DocumentInfo",
    "IngestSummary",
    "Store",
    "StoredEvent",
    "StoredItem",
    "StoredQuote",
    "content_hash",
    "date_interval",
]
