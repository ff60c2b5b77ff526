"""Resolve a free-standing actor string ("Kyrgyz President Sadyr Japarov") at a date."""

from __future__ import annotations

import datetime as dt

from geoevents.actors.lexicon import Lexicon, get_lexicon
from geoevents.actors.mentions import Mention, compose, find_atoms, guess_names_after_titles
from geoevents.actors.plover import partially_recognised, plover_sectors
from geoevents.model import Actor
from geoevents.stage import parse_published


def as_date(value: str | dt.date | None) -> dt.date:
    """The date roles are looked up at: the given date, else today."""
    if isinstance(value, dt.date):
        return value
    return parse_published(value) or dt.date.today()


def to_actor(text: str, mention: Mention, start: int = 0) -> Actor:
    surface = text[mention.start:mention.end]
    plover = plover_sectors(mention.sector, mention.sectors, phrase=mention.role or surface,
                            partially_recognised=partially_recognised(surface) is not None)
    return Actor(start + mention.start, start + mention.end, surface,
                 name=mention.name, country=mention.country, sector=mention.sector,
                 code=mention.code, wikidata=mention.wikidata, kind=mention.kind,
                 plover_sectors=plover)


def _main(mentions: list[Mention]) -> Mention:
    """The mention a phrase is about: the widest one, the last on a tie (English heads are last)."""
    return max(reversed(mentions), key=lambda m: m.end - m.start)


def resolve_string(text: str, date: str | dt.date | None = None, lexicon: Lexicon | None = None) -> Actor:
    """The actor a string names, coded at ``date`` (ISO) or today's roles when None."""
    lex = lexicon or get_lexicon()
    atoms = guess_names_after_titles(text, find_atoms(text, lex), lex)
    mentions = compose(text, atoms, lex, as_date(date))
    if not mentions:
        return Actor(0, len(text), text)
    actor = to_actor(text, _main(mentions))
    if actor.country is None and actor.sector not in ("IGO", "NGO", "IMG"):
        # "a Russian military base and a Kyrgyz court": keep the first country named
        countries = [m.country for m in mentions if m.country]
        actor.country = countries[0] if countries else partially_recognised(text)
    if actor.plover_sectors is not None and "PRE" not in actor.plover_sectors and partially_recognised(text):
        actor.plover_sectors.append("PRE")  # "the Transnistrian government": GOV and PRE
    return actor
