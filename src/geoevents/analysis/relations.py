"""Dyadic time series: how one country's relations with each partner move over time.

For every period and partner: event counts per QuadClass (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict), Goldstein sum
and mean, and how many events were placed by their article's publication date
because the text gave no date. Events reported by several articles count once
(their event group) unless ``weighted``, when each report counts.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from geoevents.analysis.dyads import dyad_index_current
from geoevents.analysis.query import (
    PANDAS_FREQ,
    EventFilter,
    check_period,
    event_key_sql,
    parse_parties,
    parse_party,
    party_match,
    periods_in,
)
from geoevents.errors import InputError

COUNT_COLUMNS: tuple[str, ...] = ("events", "verbal_cooperation", "material_cooperation",
                                  "verbal_conflict", "material_conflict", "cooperation", "conflict")
NORMALISE_CHOICES: tuple[str, ...] = ("events", "articles")


def _partner_case(country: str, partners: list[str], directed: bool) -> tuple[str, str]:
    """SQL for the partner an event belongs to, and its direction ('out' = country acts)."""
    whens = []
    for p in partners:
        out = f"({party_match('source', country)} AND {party_match('target', p)})"
        inward = f"({party_match('source', p)} AND {party_match('target', country)})"
        whens.append(f"WHEN {out} THEN '{p}'" if directed else f"WHEN {out} OR {inward} THEN '{p}'")
    direction = f"CASE WHEN {party_match('source', country)} THEN 'out' ELSE 'in' END"
    return f"CASE {' '.join(whens)} END", direction


def _is_country(party: str) -> bool:
    from geoevents.store.export import iso3_to_fips

    return party in iso3_to_fips()


def dyad_events_sql(con: duckdb.DuckDBPyConnection, country: str, partners: list[str], *,
                    directed: bool = False, flt: EventFilter | None = None) -> str:
    """SQL for the matching events, one row per real-world event, with its day and weight.

    Columns: partner, direction, day, placed_by_published, quad_class, goldstein,
    reports, doc_id, position (and the event key when events are grouped). Uses the
    sorted dyad index when it is current and every party is a country; otherwise
    scans the events table.
    """
    flt = flt or EventFilter()
    join, key, report = event_key_sql(con)
    if "event_group_members" in join:
        aggregate = f"""
        SELECT key, any_value(partner) AS partner, any_value(direction) AS direction,
               min(day) AS day, bool_and(placed_by_published) AS placed_by_published,
               any_value(quad_class) AS quad_class, avg(goldstein) AS goldstein,
               count(DISTINCT report) AS reports, min(doc_id) AS doc_id, min(position) AS position
        FROM dated
        WHERE day IS NOT NULL AND {flt.window_sql("day")}
        GROUP BY key
        """
    else:  # every row is its own event, reported once: no grouping needed
        aggregate = f"""
        SELECT partner, direction, day, placed_by_published, quad_class, goldstein,
               1 AS reports, doc_id, position
        FROM dated
        WHERE day IS NOT NULL AND {flt.window_sql("day")}
        """
    if all(_is_country(p) for p in [country, *partners]) and dyad_index_current(con):
        partner_list = ", ".join(f"'{p}'" for p in partners)
        scope = flt.scope_sql("x")
        scope_join = ("" if scope == "TRUE" else  # the index has no codes: ask the events table
                      f"AND EXISTS (SELECT 1 FROM events x WHERE x.doc_id = e.doc_id "
                      f"AND x.position = e.position AND {scope})")
        return f"""
        WITH dated AS (
          SELECT e.doc_id, e.position, e.partner, e.direction, e.day, e.placed_by_published,
                 e.quad_class, e.goldstein, {key} AS key, {report} AS report
          FROM dyad_index e {join}
          WHERE e.party = '{country}' AND e.partner IN ({partner_list}) {scope_join}
            {"AND e.direction = 'out'" if directed else ""}
            {"AND NOT e.placed_by_published" if flt.undated == "exclude" else ""}
            AND {flt.status_sql()} AND {flt.window_sql("e.day")}
        ) {aggregate}
        """
    partner_sql, direction_sql = _partner_case(country, partners, directed)
    all_parties = [country, *partners]
    # Cheap pre-filter on both actors before the CASE, so big stores scan little.
    pre = " AND ".join(
        "(" + " OR ".join(party_match(role, p) for p in all_parties) + ")" for role in ("source", "target"))
    undated = "AND m.date_from IS NOT NULL" if flt.undated == "exclude" else ""
    day = "coalesce(m.date_from, d.published_date)"
    return f"""
    WITH matched AS (
      SELECT e.doc_id, e.position, e.date_from, e.quad_class, e.goldstein,
             {partner_sql} AS partner, {direction_sql} AS direction, {key} AS key, {report} AS report
      FROM events e {join}
      WHERE {pre} AND {flt.status_sql()} AND {flt.scope_sql("e")}
    ), dated AS (
      SELECT m.*, {day} AS day, m.date_from IS NULL AS placed_by_published
      FROM matched m LEFT JOIN documents d ON d.doc_id = m.doc_id
      WHERE m.partner IS NOT NULL {undated}
    ) {aggregate}
    """


def relations(con: duckdb.DuckDBPyConnection, country: str, partners: list[str] | str, *,
              by: str = "month", weighted: bool = False, normalise: str | None = None,
              directed: bool = False, flt: EventFilter | None = None,
              fill: bool = True, max_fill: int | None = None) -> pd.DataFrame:
    """One row per (period, partner) with counts, cooperation/conflict and Goldstein.

    ``weighted`` counts every report of an event (article), not the event once.
    ``normalise`` = "events" or "articles" adds ``volume`` (all events, or all
    articles published, in the period) and ``*_share`` columns = count / volume.
    ``fill`` adds zero rows for periods in range without events, unless the range
    holds more than ``max_fill`` periods (then only periods with events are listed,
    so forty years by month is not five hundred rows of zeros per partner).
    """
    check_period(by)
    country = parse_party(country)
    partner_list = parse_parties(partners)
    if normalise is not None and normalise not in NORMALISE_CHOICES:
        raise InputError(f"normalise={normalise!r}: choose one of {', '.join(NORMALISE_CHOICES)}")
    flt = flt or EventFilter()
    weight = "reports" if weighted else "1"
    sql = f"""
    WITH ev AS ({dyad_events_sql(con, country, partner_list, directed=directed, flt=flt)})
    SELECT date_trunc('{by}', day)::DATE AS period, partner,
           sum({weight}) AS events,
           sum(CASE WHEN quad_class = 1 THEN {weight} ELSE 0 END) AS verbal_cooperation,
           sum(CASE WHEN quad_class = 2 THEN {weight} ELSE 0 END) AS material_cooperation,
           sum(CASE WHEN quad_class = 3 THEN {weight} ELSE 0 END) AS verbal_conflict,
           sum(CASE WHEN quad_class = 4 THEN {weight} ELSE 0 END) AS material_conflict,
           sum(goldstein * {weight}) AS goldstein_sum,
           sum(CASE WHEN goldstein IS NOT NULL THEN {weight} ELSE 0 END) AS scored,
           sum(CASE WHEN placed_by_published THEN {weight} ELSE 0 END) AS placed_by_published
    FROM ev GROUP BY ALL ORDER BY period, partner
    """
    frame = con.execute(sql).df()
    if fill and max_fill is not None and not frame.empty:
        first, last = pd.Timestamp(frame["period"].min()).date(), pd.Timestamp(frame["period"].max()).date()
        fill = periods_in(first, last, by) <= max_fill
    frame = _finish(frame, partner_list, by, fill)
    if normalise:
        frame = _normalise(con, frame, by, normalise, flt)
    return frame


def _finish(frame: pd.DataFrame, partners: list[str], by: str, fill: bool) -> pd.DataFrame:
    ints = ["events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
            "material_conflict", "placed_by_published", "scored"]
    frame["period"] = pd.to_datetime(frame["period"])
    if fill and not frame.empty:
        periods = pd.date_range(frame["period"].min(), frame["period"].max(), freq=PANDAS_FREQ[by])
        if by == "week":  # date_trunc('week') is ISO Monday, as W-MON
            periods = pd.date_range(frame["period"].min(), frame["period"].max(), freq="7D")
        full = pd.MultiIndex.from_product([periods, partners], names=["period", "partner"])
        frame = frame.set_index(["period", "partner"]).reindex(full).reset_index()
        frame[ints] = frame[ints].fillna(0)
        frame["goldstein_sum"] = frame["goldstein_sum"].fillna(0.0)
    for column in ints:
        frame[column] = frame[column].astype("int64")
    frame["cooperation"] = frame["verbal_cooperation"] + frame["material_cooperation"]
    frame["conflict"] = frame["verbal_conflict"] + frame["material_conflict"]
    frame["goldstein_sum"] = frame["goldstein_sum"].astype(float).round(3)
    frame["goldstein_mean"] = (frame["goldstein_sum"] / frame["scored"].where(frame["scored"] > 0)).round(3)
    columns = ["period", "partner", *COUNT_COLUMNS, "goldstein_sum", "goldstein_mean", "placed_by_published"]
    order = {p: i for i, p in enumerate(partners)}
    frame = frame.sort_values(["period", "partner"], key=lambda s: s.map(order) if s.name == "partner" else s)
    return frame[columns].reset_index(drop=True)


def _normalise(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, by: str, normalise: str,
               flt: EventFilter) -> pd.DataFrame:
    if normalise == "events":
        sql = f"""
        SELECT date_trunc('{by}', coalesce(e.date_from, d.published_date))::DATE AS period, count(*) AS volume
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE {flt.status_sql()} {"AND e.date_from IS NOT NULL" if flt.undated == "exclude" else ""}
        GROUP BY ALL
        """
    else:
        sql = f"""SELECT date_trunc('{by}', published_date)::DATE AS period, count(*) AS volume
                  FROM documents WHERE published_date IS NOT NULL GROUP BY ALL"""
    volume = con.execute(sql).df()
    volume["period"] = pd.to_datetime(volume["period"])
    frame = frame.merge(volume, on="period", how="left")
    frame["volume"] = frame["volume"].fillna(0).astype("int64")
    for column in ("events", "cooperation", "conflict"):
        frame[f"{column}_share"] = (frame[column] / frame["volume"].where(frame["volume"] > 0)).round(4)
    return frame


def relation_events(con: duckdb.DuckDBPyConnection, country: str, partners: list[str] | str, *,
                    directed: bool = False, flt: EventFilter | None = None,
                    limit: int = 1000) -> pd.DataFrame:
    """The events behind a relations table: day, partner, codes, evidence and article."""
    country = parse_party(country)
    partner_list = parse_parties(partners)
    sql = f"""
    WITH ev AS ({dyad_events_sql(con, country, partner_list, directed=directed, flt=flt)})
    SELECT ev.day, ev.partner, ev.placed_by_published, ev.reports,
           e.source_code, e.source_name, e.cameo, e.plover, e.quad_class, e.goldstein,
           e.target_code, e.target_name, e.status, e.date, e.location_name,
           e.evidence_text, e.evidence_start, e.evidence_end, e.doc_id, e.position,
           d.title, d.url, d.published
    FROM ev JOIN events e ON e.doc_id = ev.doc_id AND e.position = ev.position
    LEFT JOIN documents d ON d.doc_id = e.doc_id
    ORDER BY ev.day, ev.partner, e.doc_id, e.position
    LIMIT {int(limit)}
    """
    frame = con.execute(sql).df()
    frame["day"] = pd.to_datetime(frame["day"])
    return frame
