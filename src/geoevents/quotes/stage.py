"""Quotes stage (first version): nothing yet beyond the interface."""

from __future__ import annotations

from geoevents.stage import StageContext


class QuotesStage:
    name = "quotes"
    requires = ("actors",)
    assigns = "quotes"

    def __call__(self, ctx: StageContext) -> None:
        return None


def make_quotes_stage() -> QuotesStage:
    return QuotesStage()
