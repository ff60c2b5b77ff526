"""Time stage (first version): DATE/TIME entities, unnormalised."""

from __future__ import annotations

from geoevents.model import Timex
from geoevents.stage import StageContext


class TimeStage:
    name = "time"
    requires: tuple[str, ...] = ()
    assigns = "timexes"

    def __call__(self, ctx: StageContext) -> None:
        for ent in ctx.doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                ctx.timexes.append(Timex(ent.start_char, ent.end_char, ent.text, ent.label_))


def make_time_stage() -> TimeStage:
    return TimeStage()
