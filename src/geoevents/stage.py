"""The stage interface: what every extraction stage reads and writes.

A stage is a callable ``stage(ctx)`` that reads the parsed document and the
mentions of the stages it ``requires`` and writes only its own key
(``assigns``) on the context. Stages never import each other's internals: what
one stage needs from another travels through the context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

from spacy.tokens import Doc

from geoevents.model import Actor, Document, Event, Place, Quote, Timex

STAGE_KEYS = ("actors", "timexes", "places", "quotes", "events")

T = TypeVar("T")


# -- what stages publish for later stages (``ctx.extras[stage name]``) ------------------------


@dataclass(frozen=True)
class TimeIndex:
    """Published by the time stage as ``ctx.extras["time"]`` (docs/time.md)."""

    #: the TIMEX3 date value of the event whose predicate is token ``i`` (its own date on the
    #: dependency path), None when the text gives none
    date_for_token: Callable[[int], str | None]
    #: sentence start char -> the date value that sentence is about
    sentence_date: dict[int, str]
    #: the publication date (ISO) relative expressions are anchored to
    document_date: str | None
    #: (first token, end token) of each timex, in ``ctx.timexes`` order
    timex_tokens: list[tuple[int, int]]


@dataclass(frozen=True)
class PlaceIndex:
    """Published by the places stage as ``ctx.extras["places"]`` (docs/places.md)."""

    #: the place an event whose predicate is token ``i`` happened at, when the syntax says
    location_for_token: Callable[[int], Place | None]
    #: the dateline's place ("KYIV, Nov 26 (Reuters) -"), if any
    dateline: Place | None
    #: the place mention overlapping [start, end), if any
    place_at: Callable[[int, int], Place | None]


@dataclass(frozen=True)
class ActorCoder:
    """Published by the actors stage as ``ctx.extras["actors"]`` (docs/actors.md)."""

    #: the same actor coded at another date (a known person's role then)
    code_at: Callable[[Actor, str | dt.date | None], Actor]
    #: the date the stage coded people at (ISO)
    date: str


@dataclass(frozen=True)
class QuoteSpans:
    """Published by the quotes stage as ``ctx.extras["quotes"]`` (docs/quotes.md)."""

    #: (start, end) character spans of all quotations and reported claims
    reported_spans: list[tuple[int, int]]

    def covers(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.reported_spans)


def parse_published(value: str | None) -> dt.date | None:
    """The publication date as a date (time zone kept as written), or None."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


@dataclass
class StageContext:
    """One document on its way through the stages."""

    document: Document
    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # What a stage publishes for later stages, under its own name, as one of the typed
    # objects above (``extras["time"]`` is a TimeIndex); never written by others.
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def reference_date(self) -> dt.date | None:
        """The publication date relative expressions are anchored to."""
        return parse_published(self.document.published)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor mention that covers most of [start, end), if any."""
        best, best_overlap = None, 0
        for actor in self.actors:
            overlap = min(end, actor.end) - max(start, actor.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
        return best

    def published(self, stage: str, kind: type[T]) -> T | None:
        """What ``stage`` published for later stages, when it ran and published a ``kind``."""
        value = self.extras.get(stage)
        return value if isinstance(value, kind) else None


class Stage(Protocol):
    """What the pipeline calls. Implementations are plain classes."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[str]

    def __call__(self, ctx: StageContext) -> None: ...
