"""Actor networks for a period: who acted on whom, how often, how cooperatively.

Nodes are countries (``level="country"``: only actors with a country, so sector-only
codes such as GOV, BUS or MED and organisations without one stay out) or actor codes
(``level="actor"``); edges are directed source -> target with counts of events,
cooperation and conflict and the Goldstein mean.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from geoevents.analysis.query import EventFilter
from geoevents.errors import InputError

LEVELS: tuple[str, ...] = ("country", "actor")


def network(con: duckdb.DuckDBPyConnection, *, level: str = "country", flt: EventFilter | None = None,
            min_events: int = 1, limit: int = 500) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, edges). nodes: id, label, events, cooperation, conflict; edges: source, target, ..."""
    if level not in LEVELS:
        raise InputError(f"level={level!r}: choose one of {', '.join(LEVELS)}")
    flt = flt or EventFilter()
    if level == "country":
        src, tgt = "e.source_country", "e.target_country"
        src_label, tgt_label = src, tgt
    else:
        src, tgt = "e.source_code", "e.target_code"
        src_label = "coalesce(e.source_name, e.source_code)"
        tgt_label = "coalesce(e.target_name, e.target_code)"
    undated = "AND e.date_from IS NOT NULL" if flt.undated == "exclude" else ""
    day = "coalesce(e.date_from, d.published_date)"
    edges = con.execute(f"""
        SELECT {src} AS source, {tgt} AS target,
               any_value({src_label}) AS source_label, any_value({tgt_label}) AS target_label,
               count(*) AS events,
               count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
               round(avg(e.goldstein), 3) AS goldstein_mean
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}
          AND {flt.status_sql()} AND {flt.scope_sql("e")} {undated} AND {flt.window_sql(day)}
        GROUP BY ALL HAVING count(*) >= {int(min_events)}
        ORDER BY events DESC, source, target LIMIT {int(limit)}
    """).df()
    labels: dict[str, str] = {}
    for row in edges.itertuples():
        labels.setdefault(row.source, row.source_label)
        labels.setdefault(row.target, row.target_label)
    stats = pd.concat([
        edges[["source", "events", "cooperation", "conflict"]].rename(columns={"source": "id"}),
        edges[["target", "events", "cooperation", "conflict"]].rename(columns={"target": "id"}),
    ]).groupby("id", as_index=False).sum()
    stats["label"] = stats["id"].map(labels)
    nodes = stats[["id", "label", "events", "cooperation", "conflict"]].sort_values(
        ["events", "id"], ascending=[False, True]).reset_index(drop=True)
    return nodes, edges.drop(columns=["source_label", "target_label"])
