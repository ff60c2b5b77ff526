"""Filters for listing events and quotes, turned into SQL ``WHERE`` clauses with parameters.

Error messages name each filter as the caller knows it: ``--since`` on the command line
(``prefix="--"``, the default), ``since`` as an HTTP query parameter (``prefix=""``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geoevents.errors import InputError
from geoevents.model import EVENT_STATUSES, PLOVER_CATEGORIES

_CODE = re.compile(r"[A-Z0-9]{3,}")
_ISO3 = re.compile(r"[A-Z]{3}")

#: CAMEO roots of statements and appeals (make a public statement, appeal), hidden by the
#: dashboard unless asked for: most of what a news collection yields, and rarely the news.
STATEMENT_ROOTS: tuple[str, ...] = ("01", "02")
QUAD_CLASSES: tuple[int, ...] = (1, 2, 3, 4)

#: Sort keys of the events listing: the SQL each sorts by, on events ``e`` joined to documents ``d``.
EVENT_SORTS: dict[str, str] = {
    "date": "coalesce(e.date_from, d.published_date)",
    "source": "e.source_code",
    "target": "e.target_code",
    "event": "e.cameo",
    "quad_class": "e.quad_class",
    "goldstein": "e.goldstein",
    "status": "e.status",
    "place": "e.location_name",
    "confidence": "e.confidence",
    "article": "d.title",
}


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(f"({c})" for c in self.clauses)) if self.clauses else ""


def _day(option: str, value: str | date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{option} {value!r}: expected a date like 2025-11-26") from None


def add_actor(where: Where, role: str, value: str) -> None:
    """Codes and ISO3 ('RUS', 'RUSGOV', 'IGOCST') match as a prefix; other text matches names."""
    value = value.strip()
    if _CODE.fullmatch(value):
        where.add(f"{role}_code LIKE ? || '%' OR {role}_country = ?", value, value)
    else:
        where.add(f"{role}_name ILIKE '%' || ? || '%' OR {role}_text ILIKE '%' || ? || '%'",
                  value, value)


def add_event_type(where: Where, value: str, option: str = "--type") -> None:
    """A PLOVER category (CONSULT) or a CAMEO code prefix (04, 042)."""
    value = value.strip()
    if value.upper() in PLOVER_CATEGORIES:
        where.add("plover = ?", value.upper())
    elif value.isdigit():
        where.add("cameo LIKE ? || '%'", value)
    else:
        raise InputError(f"{option} {value!r}: expected a PLOVER category ({', '.join(PLOVER_CATEGORIES)}) "
                         f"or a CAMEO code prefix like 04")


def _tone(option: str, value: float | str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not -100 <= number <= 100:  # also refuses NaN
        raise InputError(f"{option} {value!r}: expected a tone from -100 to 100 (GDELT's AvgTone scale)")
    return number


def parse_quad_classes(value: str | int | list[int] | tuple[int, ...], option: str = "--quad-class"
                       ) -> list[int]:
    """``'1,2'`` -> ``[1, 2]``; each must be a QuadClass 1..4."""
    items = value.split(",") if isinstance(value, str) else [value] if isinstance(value, int) else value
    classes: list[int] = []
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        if not text.isdigit() or int(text) not in QUAD_CLASSES:
            raise InputError(f"{option} {value!r}: expected QuadClass numbers 1-4, comma-separated "
                             f"(1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                             f"4 material conflict)")
        if int(text) not in classes:
            classes.append(int(text))
    return classes


def statement_sql(column: str = "cameo") -> str:
    """SQL true for an event that is not a statement or appeal (CAMEO roots 01-02)."""
    roots = ", ".join(f"'{r}'" for r in STATEMENT_ROOTS)
    return f"coalesce(substr({column}, 1, 2), '') NOT IN ({roots})"


def coded_sql(alias: str = "") -> str:
    """SQL true for an event with at least one coded actor (source or target)."""
    a = f"{alias}." if alias else ""
    return f"({a}source_code IS NOT NULL OR {a}target_code IS NOT NULL)"


def event_filters(*, actor: str | None = None, target: str | None = None, type: str | None = None,
                  since: str | date | None = None, until: str | date | None = None,
                  status: str | None = None, doc_id: str | None = None, country: str | None = None,
                  place: str | None = None, quad_class: str | list[int] | None = None,
                  goldstein_min: float | None = None, goldstein_max: float | None = None,
                  text: str | None = None, statements: bool = True, uncoded: bool = True,
                  min_tone: float | None = None, max_tone: float | None = None,
                  prefix: str = "--") -> Where:
    """Dates filter on the event's own date: events whose date range overlaps [since, until].

    ``country`` (ISO3) matches either actor's country or the place's; ``place`` the place's
    name; ``text`` the evidence sentence. ``statements=False`` leaves out CAMEO 01-02
    (statements, appeals); ``uncoded=False`` events with neither actor coded.
    ``min_tone``/``max_tone`` bound the event's tone (``Event.tone``, -100..+100), inclusive;
    events without a tone are left out when either is given. Messages name
    each filter with ``prefix`` (``--since`` for the CLI, ``since`` for the HTTP API).
    """
    def opt(name: str) -> str:
        return prefix + (name.replace("_", "-") if prefix else name)

    where = Where()
    if actor:
        add_actor(where, "source", actor)
    if target:
        add_actor(where, "target", target)
    if type:
        add_event_type(where, type, opt("type"))
    if since:
        where.add("date_to >= ?", _day(opt("since"), since))
    if until:
        where.add("date_from <= ?", _day(opt("until"), until))
    if status:
        if status not in EVENT_STATUSES:
            raise InputError(f"{opt('status')} {status!r}: expected one of {', '.join(EVENT_STATUSES)}")
        where.add("status = ?", status)
    if doc_id:
        where.add("doc_id = ?", doc_id)
    if country:
        code = country.strip().upper()
        if not _ISO3.fullmatch(code):
            raise InputError(f"{opt('country')} {country!r}: expected an ISO3 country code such as KGZ")
        where.add("source_country = ? OR target_country = ? OR location_country = ?", code, code, code)
    if place:
        where.add("location_name ILIKE '%' || ? || '%'", place.strip())
    if quad_class not in (None, "", []):
        classes = parse_quad_classes(quad_class, opt("quad_class"))  # type: ignore[arg-type]
        if classes:
            where.add(f"quad_class IN ({', '.join('?' * len(classes))})", *classes)
    for name, bound, op in (("goldstein_min", goldstein_min, ">="), ("goldstein_max", goldstein_max, "<=")):
        if bound is not None:
            if not -10 <= bound <= 10:
                raise InputError(f"{opt(name)} {bound!r}: the Goldstein scale runs from -10 to 10")
            where.add(f"goldstein {op} ?", float(bound))
    if goldstein_min is not None and goldstein_max is not None and goldstein_min > goldstein_max:
        raise InputError(f"{opt('goldstein_min')} {goldstein_min} is above {opt('goldstein_max')} "
                         f"{goldstein_max}")
    if text:
        where.add("evidence_text ILIKE '%' || ? || '%'", text.strip())
    if min_tone is not None:
        where.add("tone >= ?", _tone(opt("min_tone"), min_tone))
    if max_tone is not None:
        where.add("tone <= ?", _tone(opt("max_tone"), max_tone))
    if not statements:
        where.add(statement_sql())
    if not uncoded:
        where.add(coded_sql())
    return where


def event_order(sort: str | None, prefix: str = "--") -> str:
    """``'-date'`` -> an ORDER BY list, newest first; ties in document order. Keys: EVENT_SORTS."""
    sort = (sort or "-date").strip()
    descending = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in EVENT_SORTS:
        raise InputError(f"{prefix}sort {sort!r}: expected one of {', '.join(EVENT_SORTS)} "
                         f"(a leading '-' sorts descending)")
    direction = "DESC" if descending else "ASC"
    return f"{EVENT_SORTS[key]} {direction} NULLS LAST, e.doc_id, e.position"


def quote_filters(*, speaker: str | None = None, doc_id: str | None = None,
                  text: str | None = None) -> Where:
    where = Where()
    if speaker:
        speaker = speaker.strip()
        if _CODE.fullmatch(speaker):
            where.add("speaker_code LIKE ? || '%' OR speaker_country = ?", speaker, speaker)
        else:
            where.add("speaker_name ILIKE '%' || ? || '%' OR speaker_text ILIKE '%' || ? || '%'",
                      speaker, speaker)
    if text:
        where.add("text ILIKE '%' || ? || '%'", text)
    if doc_id:
        where.add("doc_id = ?", doc_id)
    return where


def events_query(*, limit: int | None = None, **filters: Any) -> tuple[str, list[Any]]:
    """The one events listing (store and Parquet datasets alike): rows of
    ``(doc_id, position, pipeline_version, record)`` ordered by date, filtered as ``event_filters``."""
    where = event_filters(**filters)
    sql = (f"SELECT doc_id, position, pipeline_version, record FROM events {where.sql()} "
           f"ORDER BY date_from NULLS LAST, doc_id, position")
    params = list(where.params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return sql, params
