"""Time stage: TIMEX3 expressions recognised, normalised and published for event dating.

Recognition (``recognise``) joins spaCy's DATE/TIME entities with the grammar in
``data/patterns.toml``; normalisation (``normalise``) anchors each expression to
the publication date, taking the direction of bare weekdays and months from the
governing verb (``tense``). Event-dating helpers go to ``ctx.extras["time"]``
(contract in ``dating``'s docstring and ``docs/time.md``).
"""

from __future__ import annotations

import re

from geoevents.model import Timex
from geoevents.stage import StageContext
from geoevents.time.calendar import reference_date
from geoevents.time.dating import EventDating, publish
from geoevents.time.normalise import Anchor, day_value, normalise
from geoevents.time.recognise import recognise
from geoevents.time.tense import direction_of

_PERIOD = re.compile(r"^P")


class TimeStage:
    name = "time"
    requires: tuple[str, ...] = ()
    assigns = "timexes"

    def __call__(self, ctx: StageContext) -> None:
        doc = ctx.doc
        ref = ctx.reference_date
        if ref is None and ctx.document.published:
            ref = reference_date(ctx.document.published, ctx.text)
        previous: str | None = None
        roots, token_ranges = [], []
        for cand in recognise(doc):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            anchor = Anchor(ref=ref, direction=direction_of(span.root), previous=previous)
            text = ctx.text[cand.start:cand.end]
            kind, value = normalise(text, anchor)
            if kind is None:
                if cand.from_grammar:
                    continue
                kind = cand.hint if cand.hint in ("DATE", "TIME") else "DATE"
            if cand.hint == "SET" and value and _PERIOD.match(value):
                kind = "SET"
            ctx.timexes.append(Timex(cand.start, cand.end, text, kind, value))
            roots.append(span.root)
            token_ranges.append((span.start, span.end))
            day = day_value(value) if kind in ("DATE", "TIME") else None
            if day:
                previous = day
        dating = EventDating(doc, ctx.timexes, roots)
        ctx.extras["time"] = publish(dating, ref.isoformat() if ref else None, token_ranges)


def make_time_stage() -> TimeStage:
    return TimeStage()
