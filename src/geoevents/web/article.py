"""An article as segments of text, each with the annotations covering it.

Annotations may overlap (an actor inside an event's evidence, inside a quote),
so the text is cut at every annotation boundary and each piece lists the kinds
covering it. Templates render the pieces with escaping; nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from geoevents.model import Document, Event, Extraction

KINDS: tuple[str, ...] = ("evidence", "quote", "actor", "place", "timex")


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids where events' evidence starts

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


@dataclass
class EventView:
    index: int
    event: Event
    source: str
    target: str
    date: str
    evidence: str


def _actor_label(actor: Any) -> str:
    if actor is None:
        return "—"
    return f"{actor.code or '?'} ({actor.name or actor.text})"


def annotate(document: Document, extraction: Extraction | None) -> dict[str, Any]:
    text = document.text
    spans: list[tuple[int, int, str, str, int | None]] = []
    events: list[EventView] = []
    if extraction:
        for i, e in enumerate(extraction.events):
            if e.evidence and 0 <= e.evidence.start < e.evidence.end <= len(text):
                spans.append((e.evidence.start, e.evidence.end, "evidence",
                              f"event {i + 1}: {e.cameo} {e.plover or ''}".strip(), i))
            events.append(EventView(
                i, e, _actor_label(e.source), _actor_label(e.target),
                f"{e.date} (publication date: no date in the text)" if e.date_basis == "published"
                else e.date or f"{document.published or '?'} (publication date: no date in the text)",
                text[e.evidence.start:e.evidence.end] if e.evidence else ""))
        for q in extraction.quotes:
            speaker = f" — {q.speaker.name or q.speaker.text}" if q.speaker else ""
            spans.append((q.start, q.end, "quote", f"quote{speaker}", None))
        for a in extraction.actors:
            spans.append((a.start, a.end, "actor", f"actor {a.code or '?'} {a.name or ''}".strip(), None))
        for p in extraction.places:
            spans.append((p.start, p.end, "place",
                          f"place {p.name or p.text}" + (" (metonymic)" if p.metonymic else ""), None))
        for t in extraction.timexes:
            spans.append((t.start, t.end, "timex", f"date {t.type} {t.value or 'unanchored'}", None))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments: list[Segment] = []
    anchored: set[int] = set()
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        seg = Segment(text[start:end])
        for kind in KINDS:
            if any(s[2] == kind for s in covering):
                seg.kinds.append(kind)
        seg.labels = [s[3] for s in covering]
        seg.events = sorted({s[4] for s in covering if s[4] is not None})
        fresh = [i for i in seg.events if i not in anchored]
        seg.anchors = [f"ev-{i}" for i in fresh]
        anchored.update(fresh)
        segments.append(seg)
    counts = {kind: sum(1 for s in spans if s[2] == kind) for kind in KINDS}
    return {"segments": segments, "events": events, "counts": counts,
            "quotes": extraction.quotes if extraction else [],
            "pipeline_version": extraction.pipeline_version if extraction else None,
            "skipped": extraction.skipped if extraction else None}
