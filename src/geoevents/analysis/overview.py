"""What a store holds, for a landing page that fits any collection.

:func:`overview` answers, for the events a filter keeps: how many documents, sources and
events there are, over which span; which countries and country pairs are the most
active; how the events spread over time by QuadClass; and the defaults every view
starts from (the span, the most active country and its main partners, a period that
gives a readable number of points), so that no view opens on a hard-coded country.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pandas as pd

from geoevents.analysis.query import EventFilter, auto_period
from geoevents.store.filters import coded_sql, statement_sql

#: The day an event is placed on: its own date, else its article's publication date.
DAY_SQL = "coalesce(e.date_from, d.published_date)"


def _scoped(flt: EventFilter) -> str:
    """Events (``e``, joined to documents ``d``) kept by the filter, with their day."""
    return f"""
        SELECT e.doc_id, e.position, e.source_country, e.target_country, e.location_country,
               e.quad_class, e.goldstein, e.location_lat, {DAY_SQL} AS day,
               e.date_from IS NULL AS undated
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE {flt.status_sql()} AND {flt.scope_sql("e")} AND {flt.window_sql(DAY_SQL)}
          {"AND e.date_from IS NOT NULL" if flt.undated == "exclude" else ""}"""


def coverage(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> dict[str, Any]:
    """Counts and spans: documents, sources, events in all and kept, and what the filter hides."""
    [(documents, skipped, sources, pub_first, pub_last)] = con.execute("""
        SELECT count(*), count(*) FILTER (WHERE skipped IS NOT NULL), count(DISTINCT source),
               min(published_date), max(published_date) FROM documents""").fetchall()
    [(events, statements, uncoded)] = con.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE NOT ({statement_sql()})),
               count(*) FILTER (WHERE NOT {coded_sql()}) FROM events""").fetchall()
    [(shown, placed, undated, first, last)] = con.execute(f"""
        WITH ev AS ({_scoped(flt)})
        SELECT count(*), count(*) FILTER (WHERE location_lat IS NOT NULL),
               count(*) FILTER (WHERE undated), min(day), max(day) FROM ev""").fetchall()
    return {"documents": int(documents), "extracted": int(documents - skipped), "skipped": int(skipped),
            "sources": int(sources), "published_first": pub_first, "published_last": pub_last,
            "events": int(events), "shown": int(shown), "placed": int(placed), "undated": int(undated),
            "first": first, "last": last,
            "statements": int(statements), "statements_hidden": not flt.statements,
            "uncoded": int(uncoded), "uncoded_hidden": not flt.uncoded}


def top_countries(con: duckdb.DuckDBPyConnection, flt: EventFilter, top: int = 10) -> pd.DataFrame:
    """Countries by events they take part in (as source, target or place); each event counts once."""
    return con.execute(f"""
        WITH ev AS ({_scoped(flt)}), roles AS (
          SELECT doc_id, position, source_country AS country, 'source' AS role FROM ev
          UNION ALL SELECT doc_id, position, target_country, 'target' FROM ev
          UNION ALL SELECT doc_id, position, location_country, 'place' FROM ev)
        SELECT country, count(DISTINCT doc_id || ':' || position) AS events,
               count(*) FILTER (WHERE role = 'source') AS as_source,
               count(*) FILTER (WHERE role = 'target') AS as_target,
               count(*) FILTER (WHERE role = 'place') AS as_place
        FROM roles WHERE country IS NOT NULL
        GROUP BY country ORDER BY events DESC, country LIMIT {int(top)}""").df()


def top_dyads(con: duckdb.DuckDBPyConnection, flt: EventFilter, top: int = 10) -> pd.DataFrame:
    """Pairs of different countries (either direction) by events between them."""
    return con.execute(f"""
        WITH ev AS ({_scoped(flt)})
        SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM ev WHERE source_country IS NOT NULL AND target_country IS NOT NULL
          AND source_country <> target_country
        GROUP BY ALL ORDER BY events DESC, a, b LIMIT {int(top)}""").df()


def timeline(con: duckdb.DuckDBPyConnection, flt: EventFilter, by: str) -> pd.DataFrame:
    """Events per period and QuadClass (0 when the event has none); only periods with events."""
    return con.execute(f"""
        WITH ev AS ({_scoped(flt)})
        SELECT date_trunc('{by}', day)::DATE AS period, coalesce(quad_class, 0) AS quad_class,
               count(*) AS events
        FROM ev WHERE day IS NOT NULL GROUP BY ALL ORDER BY period, quad_class""").df()


def partners_of(dyads: pd.DataFrame, country: str, limit: int = 3) -> list[str]:
    """The countries ``country`` has the most events with, in ``dyads`` (from :func:`top_dyads`)."""
    rows = dyads[(dyads["a"] == country) | (dyads["b"] == country)]
    partners = [b if a == country else a for a, b in zip(rows["a"], rows["b"], strict=True)]
    return partners[:limit]


def overview(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, top: int = 10
             ) -> dict[str, Any]:
    """Coverage, top countries and dyads, a timeline and the views' defaults, as plain data."""
    flt = flt or EventFilter()
    cover = coverage(con, flt)
    countries = top_countries(con, flt, top)
    dyads = top_dyads(con, flt, max(top, 50))
    first: date | None = cover["first"]
    last: date | None = cover["last"]
    by = auto_period(first, last, events=cover["shown"])
    # The relations view opens on the country with the most events with other countries.
    if not dyads.empty:
        weight = pd.concat([dyads[["a", "events"]].rename(columns={"a": "c"}),
                            dyads[["b", "events"]].rename(columns={"b": "c"})])
        totals = weight.groupby("c")["events"].sum().sort_values(ascending=False, kind="stable")
        best = totals[totals == totals.iloc[0]].index.min()  # ties: alphabetical, stable
        country: str | None = str(best)
        partners = partners_of(dyads, str(best))
    else:
        country = str(countries["country"].iloc[0]) if not countries.empty else None
        partners = []
    return {
        "coverage": cover,
        "countries": countries,
        "dyads": dyads.head(top),
        "timeline": {"by": by, "series": timeline(con, flt, by)},
        "defaults": {"country": country, "partners": partners, "by": by,
                     "since": first, "until": last},
    }
