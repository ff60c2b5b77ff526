"""The dyad index: events by (country, partner, day), sorted, so relations skip most of the store.

A relations query touches the events of a handful of dyads among millions of
rows. DuckDB skips row groups by their min/max values, which only helps when
rows are clustered, and the events table is in ingest order. ``dyad_index``
holds each event twice (as seen from its source and from its target), sorted
by (party, partner, day), with just the columns relations need; a query for one
country then reads one or two row groups instead of scanning everything.

The index is a cache: it records the store state it was built from, and
``relations`` uses it only while that state is current (otherwise it scans
the events table, which gives the same answer, slower). Rebuild it after
ingesting with :func:`build_dyad_index` (``geoevents regroup`` does).
"""

from __future__ import annotations

import duckdb

from geoevents.analysis.query import has_table
from geoevents.store.groups import register_write_hook


def store_state(con: duckdb.DuckDBPyConnection) -> str:
    """A fingerprint of the events and documents a derived table was built from."""
    [(events, docs, last)] = con.execute(
        "SELECT (SELECT count(*) FROM events), count(*), max(extracted_at) FROM documents").fetchall()
    return f"{events}|{docs}|{last}"


_ROWS_SQL = """
        WITH ev AS (
          SELECT e.doc_id, e.position, e.source_country AS s, e.target_country AS t, e.quad_class,
                 e.goldstein, coalesce(e.status, 'occurred') AS status,
                 coalesce(e.date_from, d.published_date) AS day, e.date_from IS NULL AS placed_by_published
          FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
          WHERE e.source_country IS NOT NULL AND e.target_country IS NOT NULL
            AND e.source_country <> e.target_country {only}
        )
        SELECT * FROM (
          SELECT s AS party, t AS partner, 'out' AS direction, day, placed_by_published,
                 CAST(quad_class AS TINYINT) AS quad_class, goldstein, status, doc_id, position FROM ev
          UNION ALL
          SELECT t AS party, s AS partner, 'in' AS direction, day, placed_by_published,
                 CAST(quad_class AS TINYINT) AS quad_class, goldstein, status, doc_id, position FROM ev
        ) ORDER BY party, partner, day
"""


def _record_state(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS derived_state (name VARCHAR PRIMARY KEY, state VARCHAR)")
    con.execute("INSERT OR REPLACE INTO derived_state VALUES ('dyad_index', ?)", [store_state(con)])


def build_dyad_index(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)build ``dyad_index`` from the whole store, sorted; returns its row count."""
    con.execute("CREATE OR REPLACE TABLE dyad_index AS " + _ROWS_SQL.format(only=""))
    _record_state(con)
    [(rows,)] = con.execute("SELECT count(*) FROM dyad_index").fetchall()
    return int(rows)


def update_dyad_index(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Replace the rows of these (new or re-extracted) documents; cheap, keeps the index current.

    Appended rows are not in sorted order, so queries read them in full; a
    rebuild (``geoevents regroup``) sorts everything again. Without an index
    yet, nothing is done: relations scan the events table until one is built.
    """
    if not doc_ids or not has_table(con, "dyad_index"):
        return
    con.execute("DELETE FROM dyad_index WHERE list_contains(?, doc_id)", [doc_ids])
    con.execute("INSERT INTO dyad_index " + _ROWS_SQL.format(only="AND list_contains($ids, e.doc_id)"),
                {"ids": doc_ids})
    _record_state(con)


def dyad_index_current(con: duckdb.DuckDBPyConnection) -> bool:
    if not has_table(con, "dyad_index") or not has_table(con, "derived_state"):
        return False
    rows = con.execute("SELECT state FROM derived_state WHERE name = 'dyad_index'").fetchall()
    return bool(rows) and rows[0][0] == store_state(con)


# the store refreshes the index in each write transaction (store/groups.py)
register_write_hook(update_dyad_index)
