"""Actors stage (first version): NER mentions of countries coded by name."""

from __future__ import annotations

from geoevents.model import Actor
from geoevents.stage import StageContext

# A first honest cut; the full dictionary lives in actors/data (see issue 3).
_COUNTRIES = {"russia": "RUS", "kyrgyzstan": "KGZ", "kazakhstan": "KAZ", "ukraine": "UKR",
              "china": "CHN", "united states": "USA", "the united states": "USA"}


class ActorsStage:
    name = "actors"
    requires: tuple[str, ...] = ()
    assigns = "actors"

    def __call__(self, ctx: StageContext) -> None:
        for ent in ctx.doc.ents:
            if ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
                code = _COUNTRIES.get(ent.text.lower())
                ctx.actors.append(Actor(ent.start_char, ent.end_char, ent.text, name=ent.text,
                                        country=code, code=code, kind=ent.label_.lower()))


def make_actors_stage() -> ActorsStage:
    return ActorsStage()
