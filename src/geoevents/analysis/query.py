"""Shared pieces of the analysis SQL: parties, periods, the filtered event rows.

Analysis reads the store's ``events`` and ``documents`` tables (see
``store/schema.py``). A *party* is an ISO3 country (``KGZ``) or a CAMEO actor
code prefix (``RUSGOV``, ``IGOCST``); an event belongs to a party when its
actor's country equals it or its actor code starts with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import duckdb

from geoevents.errors import InputError
from geoevents.store.filters import coded_sql, statement_sql

PERIODS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "quarter": "quarter",
                           "year": "year"}
#: pandas frequency of each period, for filling empty periods with zeros.
PANDAS_FREQ: dict[str, str] = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS",
                               "year": "YS"}
#: For ``by="auto"``: the finest period that keeps a span within this many periods.
AUTO_MAX_PERIODS = 36
AUTO_MIN_PERIODS = 12
#: Days in each period, roughly, for counting periods in a span.
PERIOD_DAYS: dict[str, float] = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31, "year": 365.25}
#: Statuses left out unless asked for: they assert nothing happened.
EXCLUDED_BY_DEFAULT: tuple[str, ...] = ("negated", "hypothetical")
UNDATED_CHOICES: tuple[str, ...] = ("published", "exclude")

_PARTY = re.compile(r"^[A-Z][A-Z0-9]{2,14}$")


def parse_party(token: str) -> str:
    """``'kgz '`` -> ``'KGZ'``; anything that is not a country or actor code is an error."""
    party = token.strip().upper()
    if not _PARTY.match(party):
        raise InputError(f"{token!r}: not a country (ISO3 such as KGZ) or actor code (such as RUSGOV)")
    return party


def parse_parties(text: str | list[str]) -> list[str]:
    """``'RUS,USA, chn'`` -> ``['RUS', 'USA', 'CHN']`` (order kept, duplicates dropped)."""
    tokens = text.split(",") if isinstance(text, str) else [t for x in text for t in x.split(",")]
    parties: list[str] = []
    for token in tokens:
        if token.strip():
            party = parse_party(token)
            if party not in parties:
                parties.append(party)
    if not parties:
        raise InputError(f"{text!r}: no partner given (e.g. RUS,USA,CHN)")
    return parties


def periods_in(first: date, last: date, by: str) -> int:
    """How many ``by`` periods the span [first, last] touches (about: months count as 30.44 days)."""
    return int(((last - first).days + 1) / PERIOD_DAYS[by]) + 1


def auto_period(first: date | None, last: date | None, max_periods: int = AUTO_MAX_PERIODS,
                events: int | None = None) -> str:
    """The finest period (day, week, month, quarter, year) giving at most ``max_periods``
    periods over [first, last]: a decade by year, a year by month, a month by day. With
    ``events``, few events get fewer periods (no fewer than 12), so that a handful of events
    over half a year is plotted by month, not as thirty weeks of mostly zeros."""
    if first is None or last is None:
        return "month"
    if events is not None:
        max_periods = min(max_periods, max(AUTO_MIN_PERIODS, events))
    for by in ("day", "week", "month", "quarter"):
        if periods_in(first, last, by) <= max_periods:
            return by
    return "year"


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise InputError(f"--by {by!r}: choose one of {', '.join(PERIODS)}")
    return by


def party_match(role: str, party: str) -> str:
    """SQL that is true when the ``role`` actor (source/target) belongs to ``party``."""
    # parse_party guarantees [A-Z0-9] only, so inlining as a literal is safe.
    if len(party) == 3:
        return f"({role}_country = '{party}' OR starts_with({role}_code, '{party}'))"
    return f"starts_with({role}_code, '{party}')"


@dataclass(frozen=True)
class EventFilter:
    """Which events count: statuses, undated handling and a date window."""

    include_statuses: tuple[str, ...] | None = None  # None: all but EXCLUDED_BY_DEFAULT
    undated: str = "published"  # place undated events by publication date, or "exclude"
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive
    statements: bool = True  # False: leave out CAMEO 01-02 (statements, appeals)
    uncoded: bool = True  # False: leave out events with neither actor coded

    def __post_init__(self) -> None:
        if self.undated not in UNDATED_CHOICES:
            raise InputError(f"undated={self.undated!r}: choose one of {', '.join(UNDATED_CHOICES)}")
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", value):
                raise InputError(f"{name}={value!r}: expected an ISO date such as 2025-11-01")

    def status_sql(self) -> str:
        if self.include_statuses is None:
            excluded = ", ".join(f"'{s}'" for s in EXCLUDED_BY_DEFAULT)
            return f"coalesce(status, 'occurred') NOT IN ({excluded})"
        allowed = ", ".join("'" + s.replace("'", "") + "'" for s in self.include_statuses)
        return f"coalesce(status, 'occurred') IN ({allowed})"

    def scope_sql(self, alias: str = "") -> str:
        """SQL on an events row (``alias.``-qualified when given) for ``statements``/``uncoded``."""
        parts = []
        if not self.statements:
            parts.append(statement_sql(f"{alias}.cameo" if alias else "cameo"))
        if not self.uncoded:
            parts.append(coded_sql(alias))
        return " AND ".join(parts) or "TRUE"

    def window_sql(self, day: str) -> str:
        parts = []
        if self.start:
            parts.append(f"{day} >= DATE '{_pad(self.start, first=True)}'")
        if self.end:
            parts.append(f"{day} <= DATE '{_pad(self.end, first=False)}'")
        return " AND ".join(parts) or "TRUE"


def _pad(value: str, first: bool) -> str:
    """'2025' -> '2025-01-01' (start) or '2025-12-31' (end); '2025-11' likewise."""
    if len(value) == 4:
        return f"{value}-01-01" if first else f"{value}-12-31"
    if len(value) == 7:
        if first:
            return f"{value}-01"
        year, month = int(value[:4]), int(value[5:])
        import calendar

        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    # duckdb_tables() is several times faster than information_schema on a busy store.
    row = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()
    return bool(row and row[0])


def event_key_sql(con: duckdb.DuckDBPyConnection) -> tuple[str, str, str]:
    """(join clause, event key, report key) for events aliased ``e``.

    The event key is one per real-world event when event groups exist (else one per
    row); the report key is the article, with near-duplicate copies counted as one.
    """
    joins, key, report = [], "e.doc_id || ':' || e.position::VARCHAR", "e.doc_id"
    if has_table(con, "event_group_members"):
        joins.append("LEFT JOIN event_group_members g ON g.doc_id = e.doc_id AND g.position = e.position")
        key = f"coalesce('g' || g.group_id::VARCHAR, {key})"
    if has_table(con, "document_fingerprints"):
        joins.append("LEFT JOIN document_fingerprints f ON f.doc_id = e.doc_id")
        report = "coalesce(f.duplicate_of, e.doc_id)"
    return " ".join(joins), key, report
