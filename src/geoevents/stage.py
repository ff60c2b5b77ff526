"""The stage interface: what every extraction stage reads and writes.

A stage is a callable ``stage(ctx)`` that reads the parsed document and the
mentions of the stages it ``requires`` and writes only its own key
(``assigns``) on the context. Stages never import each other's internals: what
one stage needs from another travels through the context.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from spacy.tokens import Doc, Span

from geoevents.model import Actor, Document, Event, Place, Quote, Timex

STAGE_KEYS = ("actors", "timexes", "places", "quotes", "events")


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
    # Free-form notes a stage publishes for later stages, under its own name
    # (e.g. ``extras["time"]["sentence_dates"]``); never written by others.
    extras: dict[str, dict[str, Any]] = field(default_factory=dict)
    _sent_starts: list[int] | None = None
    _sents: list[Span] | None = None

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

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Actor mentions that lie inside [start, end)."""
        return [a for a in self.actors if a.start >= start and a.end <= end]

    def sentence_at(self, char: int) -> Span:
        """The spaCy sentence containing a character offset."""
        if self._sents is None or self._sent_starts is None:
            # once per document: a long document has many sentences and many lookups
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start_char for s in self._sents]
        i = max(0, bisect_right(self._sent_starts, char) - 1)
        return self._sents[i]


class Stage(Protocol):
    """What the pipeline calls. Implementations are plain classes."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[str]

    def __call__(self, ctx: StageContext) -> None: ...
