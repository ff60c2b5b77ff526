"""Coding conventions for parties the text leaves implicit (domestic event coding)."""

from __future__ import annotations

from geoevents.model import Actor, Place

# Words that make a demonym group an ethnic group ("the Kurdish minority", "the Tamil community").
ETHNIC_GROUP_WORDS = {"ethnic", "population", "minority", "minorities", "community",
                      "communities"}


def resident(actor: Actor | None, country: str | None, text: str) -> Actor | None:
    """An ethnic group is coded by where it lives ("ethnic Albanians in Serbia" -> SRB), as
    CAMEO codes minorities, when the event's place says where that is."""
    if actor is None or not country or actor.country == country:
        return actor
    if actor.kind == "organisation" or (actor.code or "")[:3] in ("IGO", "NGO", "MNC"):
        return actor  # "the European Community" is a body, not a community of people
    before = text[max(0, actor.start - 8):actor.start].lower()
    words = set(actor.text.split())  # lower case only: "the Community" is the EC
    if not words & ETHNIC_GROUP_WORDS and not before.rstrip().endswith("ethnic"):
        return actor
    sector = actor.sector if actor.sector not in (None, "GOV") else "CVL"
    return Actor(actor.start, actor.end, actor.text, name=actor.name, country=country,
                 sector=sector, code=f"{country}{sector}", wikidata=None, kind=actor.kind)


def domestic_target(source: Actor, location: Place | None) -> Actor | None:
    """An event with no target named is aimed at the authorities where it happens (the
    place's country, else the actor's own): the convention of domestic event coding, where a
    protest's default target is the government. Used for all but cooperative categories,
    and for those too when the clause names the place."""
    return party_of_place(source, location, "GOV", "country")


def unidentified_attacker(victim: Actor, location: Place | None) -> Actor | None:
    """Unidentified armed forces (CAMEO and PLOVER sector UAF) where an attack happened.

    Only where the text places it: a victim's own country is no guess at an unnamed
    attacker (a ship of a country at war is hit by the other side)."""
    if location is None or not location.country:
        return None
    return party_of_place(victim, location, "UAF", "agent")


def party_of_place(other: Actor, location: Place | None, sector: str, kind: str) -> Actor | None:
    """An unnamed party of the event's place's country (else of the other party's country),
    anchored on the place's mention (else the other party's)."""
    country = (location.country if location is not None else None) or other.country
    if not country:
        return None
    anchor = location or other
    return Actor(anchor.start, anchor.end, anchor.text, name=None, country=country,
                 sector=sector, code=f"{country}{sector}", kind=kind)
