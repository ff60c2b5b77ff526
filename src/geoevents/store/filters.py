"""Filters for listing events and quotes, turned into SQL ``WHERE`` clauses with parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geoevents.errors import InputError
from geoevents.model import EVENT_STATUSES, PLOVER_CATEGORIES

_CODE = re.compile(r"[A-Z0-9]{3,}")


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


def add_event_type(where: Where, value: str) -> None:
    """A PLOVER category (CONSULT) or a CAMEO code prefix (04, 042)."""
    value = value.strip()
    if value.upper() in PLOVER_CATEGORIES:
        where.add("plover = ?", value.upper())
    elif value.isdigit():
        where.add("cameo LIKE ? || '%'", value)
    else:
        raise InputError(f"--type {value!r}: expected a PLOVER category ({', '.join(PLOVER_CATEGORIES)}) "
                         f"or a CAMEO code prefix like 04")


def _tone(option: str, value: float | str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not -100 <= number <= 100:  # also refuses NaN
        raise InputError(f"{option} {value!r}: expected a tone from -100 to 100 (GDELT's AvgTone scale)")
    return number


def event_filters(*, actor: str | None = None, target: str | None = None, type: str | None = None,
                  since: str | date | None = None, until: str | date | None = None,
                  status: str | None = None, doc_id: str | None = None,
                  min_tone: float | None = None, max_tone: float | None = None) -> Where:
    """Dates filter on the event's own date: events whose date range overlaps [since, until].
    ``min_tone``/``max_tone`` bound the event's tone (``Event.tone``, -100..+100), inclusive;
    events without a tone are left out when either is given."""
    where = Where()
    if actor:
        add_actor(where, "source", actor)
    if target:
        add_actor(where, "target", target)
    if type:
        add_event_type(where, type)
    if since:
        where.add("date_to >= ?", _day("--since", since))
    if until:
        where.add("date_from <= ?", _day("--until", until))
    if status:
        if status not in EVENT_STATUSES:
            raise InputError(f"--status {status!r}: expected one of {', '.join(EVENT_STATUSES)}")
        where.add("status = ?", status)
    if doc_id:
        where.add("doc_id = ?", doc_id)
    if min_tone is not None:
        where.add("tone >= ?", _tone("min_tone", min_tone))
    if max_tone is not None:
        where.add("tone <= ?", _tone("max_tone", max_tone))
    return where


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
