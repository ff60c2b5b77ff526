"""Events stage (first version): nothing yet beyond the interface."""

from __future__ import annotations

from geoevents.stage import StageContext


class EventsStage:
    name = "events"
    requires = ("actors", "timexes", "places")
    assigns = "events"

    def __call__(self, ctx: StageContext) -> None:
        return None


def make_events_stage() -> EventsStage:
    return EventsStage()
