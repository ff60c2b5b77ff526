"""An in-memory database in the store's schema, filled from Documents and Extractions.

Analysis runs SQL over the store's ``events`` and ``documents`` tables. This
builds the same tables in memory from records already at hand (``geoevents
extract`` output, tests), using the store's own row flattening so both paths
see identical columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import duckdb

from geoevents.model import Document, Extraction
from geoevents.store.rows import Batch, StoredItem, content_hash
from geoevents.store.schema import TABLES, create_statements


def memory_store(pairs: Iterable[tuple[Document, Extraction]]) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection holding ``pairs`` in the store's tables."""
    con = duckdb.connect(":memory:")
    for statement in create_statements():
        con.execute(statement)
    add_to_memory_store(con, pairs)
    return con


def add_to_memory_store(con: duckdb.DuckDBPyConnection,
                        pairs: Iterable[tuple[Document, Extraction]]) -> None:
    """Append documents and their extractions (ids must be new)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    batch = Batch()
    for document, extraction in pairs:
        batch.add(StoredItem(document, extraction, content_hash(document), now), run_id=0, now=now)
    for table in TABLES:
        if table in ("meta", "runs") or not batch.rows[table]:
            continue
        arrow = batch.table(table)  # noqa: F841  (read by DuckDB's replacement scan)
        con.execute(f"INSERT INTO {table} SELECT * FROM arrow")
