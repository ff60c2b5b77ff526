"""The one schema: Document in, Extraction out, shared by every face.

The field names are those of the evaluation contract (``FORMAT.md``): what
``geoevents extract`` writes, what the store keeps and what the API returns are
the same records, serialised by :meth:`to_dict` and read back by ``from_dict``.
Character offsets are Python ``str`` indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal

EventStatus = Literal["occurred", "planned", "negated", "hypothetical", "reported"]
EVENT_STATUSES: tuple[str, ...] = ("occurred", "planned", "negated", "hypothetical", "reported")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def col(default: Any = MISSING, *, doc: str, sql: str | None = None, stored: bool = True) -> Any:
    """A model field with what the store needs to know about it.

    ``doc`` describes the column(s) made from the field (``docs/store.md``); ``sql`` overrides
    the DuckDB type derived from the Python type (``store/schema.py``, ``SQL_TYPES``);
    ``stored=False`` keeps the field out of the store's columns (it stays in the JSON record).
    """
    return field(default=default, metadata={"doc": doc, "sql": sql, "stored": stored})


_START = "start offset into documents.text (str index)"
_END = "end offset, exclusive"
_TEXT = "the mention as written"


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from a dict, ignoring unknown keys (forward compatible)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Span:
    """A stretch of document text: ``text == doc.text[start:end]``."""

    start: int = col(doc=_START)
    end: int = col(doc=_END)
    text: str = col(doc="the text itself")

    def to_dict(self) -> dict[str, Any]:
        # Explicit, not dataclasses.asdict: this runs for every stored row and asdict deep-copies.
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Document:
    """One article. ``id`` is the caller's id or a hash of the content (stable)."""

    id: str = col(doc="Document.id: the caller's id or a content hash", sql="VARCHAR PRIMARY KEY")
    text: str = col(doc="the full text; all offsets index into it", sql="VARCHAR NOT NULL")
    title: str | None = col(None, doc="Document.title")
    # ISO date or datetime with offset; None when unknown
    published: str | None = col(None, doc="Document.published as given (ISO date or datetime)")
    url: str | None = col(None, doc="Document.url")
    source: str | None = col(None, doc="Document.source (outlet or feed)")
    language: str | None = col(None, doc="ISO 639-1 code when given or detected as not extracted")

    @staticmethod
    def content_id(text: str, title: str | None = None, url: str | None = None) -> str:
        """A stable id from the content: the same article read twice gets the same id."""
        h = hashlib.sha1()
        for part in (url or "", title or "", text):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "title": self.title, "published": self.published,
                "url": self.url, "source": self.source, "language": self.language}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Actor:
    """A mention of someone who acts, and what it resolves to (CAMEO-style code)."""

    start: int = col(doc=_START)
    end: int = col(doc=_END)
    text: str = col(doc=_TEXT)
    name: str | None = col(None, doc="canonical name")
    country: str | None = col(None, doc="ISO3")  # ISO 3166-1 alpha-3
    sector: str | None = col(None, doc="GOV, MIL, BUS, IGO...")
    code: str | None = col(None, doc="CAMEO-style code (RUSGOV, IGOCST, UKRCVL...)")
    wikidata: str | None = col(None, doc="Wikidata QID")
    kind: str | None = col(None, doc="person, country, organisation, agent, pronoun, metonym")
    # PLOVER sector codes, primary first (PLOVER manual, "Sector Codes"); when not given
    # (an actor re-coded after the actors stage), derived from the CAMEO sector. Kept in the
    # JSON records only: a column would change the store's schema version.
    plover_sectors: list[str] | None = col(None, doc="PLOVER sector codes", stored=False)

    def __post_init__(self) -> None:
        if self.plover_sectors is None:
            from geoevents.actors.plover import plover_sectors
            self.plover_sectors = plover_sectors(self.sector)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name,
                "country": self.country, "sector": self.sector, "code": self.code,
                "wikidata": self.wikidata, "kind": self.kind, "plover_sectors": self.plover_sectors}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Place:
    """A toponym mention resolved (where possible) to GeoNames."""

    start: int = col(doc=_START)
    end: int = col(doc=_END)
    text: str = col(doc=_TEXT)
    name: str | None = col(None, doc="resolved place name")
    geonameid: int | None = col(None, doc="GeoNames id", sql="BIGINT")
    lat: float | None = col(None, doc="latitude")
    lon: float | None = col(None, doc="longitude")
    country: str | None = col(None, doc="ISO3")
    feature: str | None = col(None, doc="country, admin1, city, region...")
    # "Moscow said": listed, never an event location
    metonymic: bool = col(False, doc="used as an actor ('Moscow said'); never an event location")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name,
                "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon, "country": self.country,
                "feature": self.feature, "metonymic": self.metonymic}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Timex:
    """A TIMEX3 temporal expression; ``value`` is None when it cannot be anchored."""

    start: int = col(doc=_START)
    end: int = col(doc=_END)
    text: str = col(doc=_TEXT)
    type: str = col(doc="TIMEX3 type: DATE TIME DURATION SET")
    value: str | None = col(None, doc="normalised value; NULL when unanchorable")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Quote:
    """A direct quotation or reported claim, with its speaker and cue word."""

    start: int = col(doc=_START)
    end: int = col(doc=_END)
    text: str = col(doc=_TEXT)
    direct: bool = col(doc="direct quotation (true) or reported speech")
    speaker: Actor | None = col(None, doc="speaker")
    cue: Span | None = col(None, doc="cue word (said, told...)")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "direct": self.direct,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        q = _from_dict(cls, data)
        if isinstance(q.speaker, dict):
            q.speaker = Actor.from_dict(q.speaker)
        if isinstance(q.cue, dict):
            q.cue = Span.from_dict(q.cue)
        return q


@dataclass(slots=True)
class Event:
    """Who did what to whom, when and where, with the sentence that says so."""

    source: Actor | None = col(doc="source actor")
    target: Actor | None = col(doc="target actor")
    cameo: str = col(doc="CAMEO event code, leading zero kept ('042')")
    plover: str | None = col(doc="PLOVER 2021 category; NULL for CAMEO 01-02 statements")
    mode: str | None = col(None, doc="PLOVER mode")
    quad_class: int | None = col(None, doc="QuadClass 1-4")
    goldstein: float | None = col(None, doc="Goldstein score, -10..10")
    date: str | None = col(
        None, doc="when it happened, TIMEX3 value (2025-11-26, 2025-11, 2025-W48): the event's own "
                  "date when the text gives one, else its report's publication day (`date_basis`)")
    date_basis: str | None = col(
        None, doc="where `date` comes from: 'text' (a date the text gives the event), 'published' "
                  "(none in the text: the day the report was published, the story date GDELT, "
                  "ICEWS and PETRARCH give such events) or NULL (no date at all)")
    status: str = col("occurred", doc="occurred, planned, negated, hypothetical or reported")
    location: Place | None = col(None, doc="location")
    evidence: Span | None = col(None, doc="supporting sentence")
    confidence: float = col(0.5, doc="0..1")
    trigger: Span | None = col(None, doc="trigger, the predicate words that matched the lexicon")
    tone: float | None = col(None, doc="tone of the evidence sentence on GDELT's AvgTone scale, -100..+100: "
                                       "% positive minus % negative words (VADER lexicon; tone.py)")

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "plover": self.plover, "mode": self.mode, "cameo": self.cameo,
            "quad_class": self.quad_class, "goldstein": self.goldstein,
            "date": self.date, "date_basis": self.date_basis, "status": self.status,
            "location": self.location.to_dict() if self.location else None,
            "evidence": {"start": self.evidence.start, "end": self.evidence.end,
                         "text": self.evidence.text} if self.evidence else None,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "tone": self.tone,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        e = _from_dict(cls, data)
        for name, typ in (("source", Actor), ("target", Actor), ("location", Place),
                          ("evidence", Span), ("trigger", Span)):
            value = getattr(e, name)
            if isinstance(value, dict):
                if typ is Span:
                    value = Span(value["start"], value["end"], value.get("text", ""))
                else:
                    value = typ.from_dict(value)
                setattr(e, name, value)
        return e


ALERT_SERIES: tuple[str, ...] = ("cooperation", "conflict", "goldstein")
ALERT_SCOPES: tuple[str, ...] = ("dyad", "country")


@dataclass(slots=True)
class Alert:
    """A shift in a relationship: one series broke from its own recent baseline (docs/alerts.md).

    ``country_b`` is None for a country's overall profile (all its partners together). Dates
    are ISO days; ``events`` are ``{"doc_id", "position"}`` references to the stored events
    behind the shift (one per real-world event, its first report), ``documents`` the ids of
    every article reporting them.
    """

    key: str = col(doc="scope:country_a:country_b:series:period:period_start:direction, unique; "
                       "an alert is raised once per key", sql="VARCHAR PRIMARY KEY")
    scope: str = col(doc="dyad (two countries, events in either direction) or country (one country "
                         "with every partner)")
    country_a: str = col(doc="ISO3; for a dyad the first of the two in alphabetical order")
    country_b: str | None = col(doc="ISO3 of the other country; NULL for a country's profile")
    series: str = col(doc="cooperation or conflict (events per article published) or goldstein "
                          "(mean Goldstein score of the events)")
    period: str = col(doc="week or day: the series' period")
    period_start: str = col(doc="first day of the period in which the shift was detected", sql="DATE")
    window_start: str = col(doc="first day of the shifted window (one or two periods)", sql="DATE")
    window_end: str = col(doc="last day of the shifted window", sql="DATE")
    direction: str = col(doc="up or down")
    observed: float = col(doc="the series over the window: events per article, or mean Goldstein")
    baseline: float = col(doc="the same over the baseline periods just before the window")
    effect: float = col(doc="rate ratio observed / baseline (counts; baseline count +0.5 when 0) "
                            "or observed - baseline (goldstein)")
    p_value: float = col(doc="the test's p-value, corrected for the two windows tried")
    events_count: int = col(doc="events in the window that the series counts (one per real-world event)")
    volume: int = col(doc="articles published in the window (near-duplicates once)")
    baseline_start: str = col(doc="first day of the baseline", sql="DATE")
    baseline_events: int = col(doc="events counted over the baseline")
    baseline_volume: int = col(doc="articles published over the baseline")
    events: list[dict[str, Any]] | None = col(None, doc="the events behind the shift: JSON list of "
                                                      "{doc_id, position}", sql="JSON")
    documents: list[str] | None = col(None, doc="JSON list of the ids of the articles reporting them",
                                      sql="JSON")
    raised_at: str | None = col(None, doc="UTC, when the alert was first raised", sql="TIMESTAMP")

    @property
    def parties(self) -> str:
        """``'JPN USA'`` for a dyad, ``'USA *'`` for a country's profile."""
        return f"{self.country_a} {self.country_b or '*'}"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alert:
        return _from_dict(cls, data)


#: How ``Extraction.skipped`` begins for a document whose extraction raised an error: it is
#: stored as failed with the reason, counted apart from documents skipped on purpose, and
#: tried again by the next ingest.
FAILED_PREFIX = "extraction failed"


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document: the output record of ``extract``."""

    id: str
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    pipeline_version: str | None = None
    skipped: str | None = None  # why the document was not extracted (not English, failed ...)
    # Fields given with col() are columns of the store's ``documents`` table (store/schema.py).
    tone: float | None = col(None, doc="tone of the document text on GDELT's AvgTone scale, -100..+100: "
                                       "% positive minus % negative words (VADER lexicon; tone.py)")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "events": [e.to_dict() for e in self.events],
            "actors": [a.to_dict() for a in self.actors],
            "timexes": [t.to_dict() for t in self.timexes],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "pipeline_version": self.pipeline_version,
        }
        if self.skipped:
            out["skipped"] = self.skipped
        out["tone"] = self.tone
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            id=data["id"],
            events=[Event.from_dict(e) for e in data.get("events") or []],
            actors=[Actor.from_dict(a) for a in data.get("actors") or []],
            timexes=[Timex.from_dict(t) for t in data.get("timexes") or []],
            quotes=[Quote.from_dict(q) for q in data.get("quotes") or []],
            places=[Place.from_dict(p) for p in data.get("places") or []],
            pipeline_version=data.get("pipeline_version"),
            skipped=data.get("skipped"),
            tone=data.get("tone"),
        )
