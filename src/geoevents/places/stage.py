"""Places stage: toponyms found, resolved to GeoNames, flagged when metonymic.

Writes ``ctx.places`` (document order) and publishes for later stages, under
``ctx.extras["places"]``, a ``PlaceIndex`` (contract in docs/places.md):

- ``location_for_token(i) -> Place | None``: the non-metonymic place that stands as a
  location ("talks in Bishkek", "visit to Moscow") nearest to token ``i`` in its sentence;
- ``dateline: Place | None``: the place of the article's dateline ("BISHKEK (Reuters) -");
- ``place_at(start, end) -> Place | None``: the place mention overlapping a character span.
"""

from __future__ import annotations

from collections import Counter

from geoevents.model import Place
from geoevents.places.gazetteer import Gazetteer, load_gazetteer
from geoevents.places.location import Located, find_dateline, location_finder
from geoevents.places.metonymy import is_metonymic, metonym_spans
from geoevents.places.names import name_key
from geoevents.places.recognise import Mention, find_mentions
from geoevents.places.resolve import resolve
from geoevents.stage import PlaceIndex, StageContext


class PlacesStage:
    name = "places"
    requires = ("actors",)
    assigns = "places"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, ctx: StageContext) -> None:
        gaz = self.gazetteer
        mentions = find_mentions(ctx.doc, gaz, ctx.text)
        chosen = resolve(gaz, mentions, ctx.text, _demonyms(ctx, gaz, mentions))
        placed: list[Located] = []
        metonyms = metonym_spans(ctx)
        for m, entry in zip(mentions, chosen, strict=True):
            if entry is None:
                place = Place(m.start, m.end, m.text, name=m.text)
            else:
                place = Place(m.start, m.end, m.text, name=entry.name, geonameid=entry.geonameid,
                              lat=entry.lat, lon=entry.lon, country=entry.country,
                              feature=entry.feature)
            place.metonymic = is_metonymic(ctx.doc, metonyms, entry, m.start, m.end,
                                           m.tok_start, m.tok_end)
            placed.append(Located(place, m.tok_start, m.tok_end))
            ctx.places.append(place)

        def place_at(start: int, end: int) -> Place | None:
            for p in ctx.places:
                if min(end, p.end) > max(start, p.start):
                    return p
            return None

        ctx.extras["places"] = PlaceIndex(location_for_token=location_finder(ctx.doc, placed),
                                          dateline=find_dateline(ctx.text, placed), place_at=place_at)


def _demonyms(ctx: StageContext, gaz: Gazetteer, mentions: list[Mention]) -> Counter[str]:
    """Countries the text names by their people's adjective or noun, outside any place
    mention ("the Peruvian province of Loreto", "Lebanese troops in Tripoli"): the actors
    stage's country for an actor mention whose words include a demonym."""
    counts: Counter[str] = Counter()
    for actor in ctx.actors:
        if not actor.country or any(m.start < actor.end and actor.start < m.end for m in mentions):
            continue
        words = ctx.text[actor.start:actor.end].replace("'s", " ").split()
        if any(name_key(w) in gaz.demonyms for w in words):
            counts[actor.country] += 1
    return counts


def make_places_stage() -> PlacesStage:
    return PlacesStage()
