"""Alignment: one country against several partners, period by period.

Built on :func:`relations`: for each period and partner, cooperation and
conflict, their difference (``net``), the Goldstein mean, and the partner's
share of the country's cooperation with all the partners listed
(``cooperation_share``, 0..1; NaN when there was no cooperation at all).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from geoevents.analysis.query import EventFilter
from geoevents.analysis.relations import relations


def alignment(con: duckdb.DuckDBPyConnection, country: str, partners: list[str] | str, *,
              by: str = "month", weighted: bool = False, flt: EventFilter | None = None,
              max_fill: int | None = None) -> pd.DataFrame:
    """Columns: period, partner, events, cooperation, conflict, net, goldstein_mean, cooperation_share."""
    frame = relations(con, country, partners, by=by, weighted=weighted, flt=flt, max_fill=max_fill)
    frame["net"] = frame["cooperation"] - frame["conflict"]
    total = frame.groupby("period")["cooperation"].transform("sum")
    frame["cooperation_share"] = (frame["cooperation"] / total.where(total > 0)).round(4)
    return frame[["period", "partner", "events", "cooperation", "conflict", "net", "goldstein_mean",
                  "cooperation_share"]]


def lean(con: duckdb.DuckDBPyConnection, country: str, partners: list[str] | str, *,
         weighted: bool = False, flt: EventFilter | None = None) -> pd.DataFrame:
    """Over the whole window: one row per partner, sorted by share of cooperation (largest first)."""
    frame = relations(con, country, partners, by="year", weighted=weighted, flt=flt, fill=False)
    columns = ["events", "cooperation", "conflict", "goldstein_sum"]
    totals = frame.groupby("partner", sort=False)[columns].sum().reset_index()
    all_coop = totals["cooperation"].sum()
    totals["net"] = totals["cooperation"] - totals["conflict"]
    totals["cooperation_share"] = (totals["cooperation"] / all_coop).round(4) if all_coop else float("nan")
    return totals.sort_values("cooperation_share", ascending=False, na_position="last").reset_index(drop=True)
