"""Documents and Extractions flattened into column batches (Arrow tables) for bulk insert."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pyarrow as pa

from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Timex
from geoevents.store.schema import TABLES, arrow_schema


def content_hash(document: Document) -> str:
    """A hash of everything extraction depends on except the id (text, date, title...)."""
    fields = document.to_dict()
    fields.pop("id", None)
    return hashlib.sha1(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def date_interval(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day a TIMEX3 date value covers; (None, None) when it has no days."""
    if not value:
        return None, None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=min(6, (date.max - monday).days))
        if m := _QUARTER.match(value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    except (ValueError, OverflowError):  # 2025-02-30, week 60, 9999-W53: not a real day
        return None, None
    return None, None


def _prefixed(role: str, item: object | None, keys: tuple[str, ...]) -> dict[str, Any]:
    return {f"{role}_{k}": getattr(item, k) if item is not None else None for k in keys}


_ACTOR_KEYS = ("code", "name", "country", "sector", "kind", "text", "start", "end")
_SPAN_KEYS = ("text", "start", "end")


def event_row(event: Event, record: dict[str, Any] | None = None) -> dict[str, Any]:
    """The events table's columns; ``record`` is ``event.to_dict()`` when already made."""
    date_from, date_to = date_interval(event.date)
    place = event.location
    return {
        **_prefixed("source", event.source, _ACTOR_KEYS),
        **_prefixed("target", event.target, _ACTOR_KEYS),
        "cameo": event.cameo, "plover": event.plover, "mode": event.mode,
        "quad_class": event.quad_class, "goldstein": event.goldstein,
        "date": event.date, "date_from": date_from, "date_to": date_to, "status": event.status,
        **_prefixed("location", place, ("geonameid", "lat", "lon", "country")),
        "location_name": (place.name or place.text) if place else None,
        **_prefixed("evidence", event.evidence, _SPAN_KEYS),
        **_prefixed("trigger", event.trigger, _SPAN_KEYS),
        "confidence": event.confidence,
        "record": json.dumps(record or event.to_dict(), ensure_ascii=False),
    }


def _mention(item: Actor | Place | Timex | Quote) -> dict[str, Any]:
    return {"char_start": item.start, "char_end": item.end, "text": item.text}


def actor_row(actor: Actor) -> dict[str, Any]:
    return {**_mention(actor), "name": actor.name, "country": actor.country, "sector": actor.sector,
            "code": actor.code, "wikidata": actor.wikidata, "kind": actor.kind}


def place_row(place: Place) -> dict[str, Any]:
    return {**_mention(place), "name": place.name, "geonameid": place.geonameid, "lat": place.lat,
            "lon": place.lon, "country": place.country, "feature": place.feature,
            "metonymic": place.metonymic}


def timex_row(timex: Timex) -> dict[str, Any]:
    return {**_mention(timex), "type": timex.type, "value": timex.value}


def quote_row(quote: Quote, record: dict[str, Any] | None = None) -> dict[str, Any]:
    speaker = quote.speaker
    return {**_mention(quote), "direct": quote.direct,
            "speaker_name": speaker.name if speaker else None,
            "speaker_code": speaker.code if speaker else None,
            "speaker_country": speaker.country if speaker else None,
            **_prefixed("speaker", speaker, _SPAN_KEYS), **_prefixed("cue", quote.cue, _SPAN_KEYS),
            "record": json.dumps(record or quote.to_dict(), ensure_ascii=False)}


def published_day(published: str | None) -> date | None:
    if published and (m := _DAY.match(published.strip())):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


@dataclass
class StoredItem:
    """One document to write with its extraction and bookkeeping."""

    document: Document
    extraction: Extraction
    content_hash: str
    ingested_at: datetime


class Batch:
    """Rows for every table, gathered column-wise and turned into Arrow tables."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def add(self, item: StoredItem, run_id: int, now: datetime) -> None:
        doc, ex = item.document, item.extraction
        version = ex.pipeline_version or ""
        self.rows["documents"].append({
            "doc_id": doc.id, "title": doc.title, "published": doc.published,
            "published_date": published_day(doc.published), "url": doc.url, "source": doc.source,
            "language": doc.language, "text": doc.text, "content_hash": item.content_hash,
            "skipped": ex.skipped, "pipeline_version": version, "run_id": run_id,
            "ingested_at": item.ingested_at, "extracted_at": now,
        })
        record = ex.to_dict()  # serialised once: nested records reuse its parts
        self.rows["extractions"].append({"doc_id": doc.id, "pipeline_version": version,
                                         "record": json.dumps(record, ensure_ascii=False)})
        tag = {"doc_id": doc.id, "pipeline_version": version}
        for table, items, to_row in (("actors", ex.actors, actor_row), ("places", ex.places, place_row),
                                     ("timexes", ex.timexes, timex_row)):
            self.rows[table].extend({**tag, "position": i, **to_row(x)} for i, x in enumerate(items))
        for table, items, nested_row in (("events", ex.events, event_row), ("quotes", ex.quotes, quote_row)):
            self.rows[table].extend({**tag, "position": i, **nested_row(x, record[table][i])}
                                    for i, x in enumerate(items))

    def table(self, name: str) -> pa.Table:
        # Arrow's own row conversion: several times faster than a Python loop per column.
        return pa.Table.from_pylist(self.rows[name], schema=arrow_schema(name))
