"""The one schema: Document in, Extraction out, shared by every face.

The field names are those of the evaluation contract (``FORMAT.md``): what
``geoevents extract`` writes, what the store keeps and what the API returns are
the same records, serialised by :meth:`to_dict` and read back by ``from_dict``.
Character offsets are Python ``str`` indices into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, Literal

EventStatus = Literal["occurred", "planned", "negated", "hypothetical", "reported"]
EVENT_STATUSES: tuple[str, ...] = ("occurred", "planned", "negated", "hypothetical", "reported")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from a dict, ignoring unknown keys (forward compatible)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Span:
    """A stretch of document text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        # Explicit, not dataclasses.asdict: this runs for every stored row and asdict deep-copies.
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Document:
    """One article. ``id`` is the caller's id or a hash of the content (stable)."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date or datetime with offset; None when unknown
    url: str | None = None
    source: str | None = None
    language: str | None = None

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

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV MIL BUS IGO ...
    code: str | None = None  # e.g. RUSGOV, IGOCST, UKRCVL
    wikidata: str | None = None
    kind: str | None = None  # person, country, organisation, agent, pronoun, metonym
    # PLOVER sector codes, primary first (PLOVER manual, "Sector Codes"); when not given
    # (an actor re-coded after the actors stage), derived from the CAMEO sector
    plover_sectors: list[str] | None = None

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

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO3
    feature: str | None = None  # country, admin1, city, region ...
    metonymic: bool = False  # "Moscow said": listed, never an event location

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

    start: int
    end: int
    text: str
    type: str  # DATE TIME DURATION SET
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return _from_dict(cls, data)


@dataclass(slots=True)
class Quote:
    """A direct quotation or reported claim, with its speaker and cue word."""

    start: int
    end: int
    text: str
    direct: bool
    speaker: Actor | None = None
    cue: Span | None = None

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

    source: Actor | None
    target: Actor | None
    cameo: str  # CAMEO event code as a string, leading zero kept
    plover: str | None  # PLOVER 2021 category; None for CAMEO 01-02 statements
    mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    status: str = "occurred"
    location: Place | None = None
    evidence: Span | None = None
    confidence: float = 0.5
    trigger: Span | None = None  # the predicate words that matched the lexicon

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "plover": self.plover, "mode": self.mode, "cameo": self.cameo,
            "quad_class": self.quad_class, "goldstein": self.goldstein,
            "date": self.date, "status": self.status,
            "location": self.location.to_dict() if self.location else None,
            "evidence": {"start": self.evidence.start, "end": self.evidence.end,
                         "text": self.evidence.text} if self.evidence else None,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_dict() if self.trigger else None,
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
        )
