"""Places stage (first version): GPE/LOC entities, unresolved."""

from __future__ import annotations

from geoevents.model import Place
from geoevents.stage import StageContext


class PlacesStage:
    name = "places"
    requires = ("actors",)
    assigns = "places"

    def __call__(self, ctx: StageContext) -> None:
        for ent in ctx.doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                ctx.places.append(Place(ent.start_char, ent.end_char, ent.text, name=ent.text))


def make_places_stage() -> PlacesStage:
    return PlacesStage()
