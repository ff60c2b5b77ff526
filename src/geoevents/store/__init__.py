"""The embedded DuckDB store: documents, their extractions, and every row's pipeline version.

    from geoevents.ingest import ingest      # sources -> pipeline -> store (above the store)
    from geoevents.store import Store
    with Store("geoevents.duckdb") as store:
        ingest(store, documents, pipeline)
        for stored in store.events(actor="RUS", type="CONSULT"):
            print(stored.event.cameo, stored.doc_id)

Tables and columns: ``docs/store.md`` (generated from ``schema.TABLES``).

The names below load on first use (PEP 562): importing ``geoevents.store`` or one of its
light modules (``filters``, ``export``) does not load DuckDB, pyarrow and numpy, so the
command line starts fast (``benchmarks/cli_startup.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Documents per write transaction. Each transaction costs ~0.1 s of fixed SQL work (inserts
#: into seven tables, grouping queries, the commit), so small batches slow a one-process ingest
#: measurably (64: ~1.6 ms per document, 256: ~0.4 ms; extraction takes ~40 ms).
WRITE_BATCH = 256

_LAZY: dict[str, str] = {
    "DocumentInfo": "records", "IngestSummary": "records", "StoredEvent": "records",
    "StoredQuote": "records", "StoredItem": "rows", "content_hash": "rows", "date_interval": "rows",
    "SCHEMA_VERSION": "schema", "TABLES": "schema", "Store": "store",
}

if TYPE_CHECKING:
    from geoevents.store.records import DocumentInfo, IngestSummary, StoredEvent, StoredQuote
    from geoevents.store.rows import StoredItem, content_hash, date_interval
    from geoevents.store.schema import SCHEMA_VERSION, TABLES
    from geoevents.store.store import Store


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'geoevents.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"geoevents.store.{module}"), name)
    globals()[name] = value
    return value


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
