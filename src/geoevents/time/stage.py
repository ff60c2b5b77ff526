"""Time stage: TIMEX3 expressions recognised, normalised and published for event dating.

Recognition (``recognise``) joins spaCy's DATE/TIME entities with the grammar in
``data/patterns.toml``; normalisation (``normalise``) anchors each expression to
the publication date, taking the direction of bare weekdays and months from the
governing verb (``tense``). Event-dating helpers go to ``ctx.extras["time"]``
(contract in ``dating``'s docstring and ``docs/time.md``).
"""

from __future__ import annotations

import itertools
import re

from geoevents.model import Timex
from geoevents.stage import StageContext
from geoevents.time.calendar import reference_date
from geoevents.time.dating import EventDating, publish
from geoevents.time.normalise import Anchor, day_value, normalise
from geoevents.time.recognise import recognise
from geoevents.time.tense import direction_of

_PERIOD = re.compile(r"^P")
_CLOCK_NO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}.*)$")
_DAY_AFTER_CLOCK = re.compile(r"^\.?,?\s+(?:on\s+)?$", re.IGNORECASE)
_DAY_WORD = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday)\b", re.IGNORECASE)


def _clock_days(text: str, timexes: list[Timex]) -> None:
    """A clock time followed by its day ("at 9 a.m. on Tuesday") is on that day.

    TimeML gives the clock time the calendar date of the day expression that
    follows it; without this the time would take the day anchored before it.
    """
    for here, after in itertools.pairwise(timexes):
        if here.type != "TIME" or not here.value or _DAY_WORD.search(here.text):
            continue
        clock = _CLOCK_NO_DAY.match(here.value)
        day = day_value(after.value) if after.type == "DATE" else None
        if clock and day and _DAY_AFTER_CLOCK.match(text[here.end:after.start]):
            here.value = day + clock[1]


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
        last_date: str | None = None
        roots, token_ranges = [], []
        for cand in recognise(doc):
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            anchor = Anchor(ref=ref, direction=direction_of(span.root), previous=previous,
                            last_date=last_date)
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
            if kind in ("DATE", "TIME") and value and value[:4].isdigit():
                last_date = value
        _clock_days(ctx.text, ctx.timexes)
        dating = EventDating(doc, ctx.timexes, roots, token_ranges)
        ctx.extras["time"] = publish(dating, ref.isoformat() if ref else None, token_ranges)


def make_time_stage() -> TimeStage:
    return TimeStage()
