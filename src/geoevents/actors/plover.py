"""PLOVER sector codes beside the CAMEO ones.

PLOVER (manual, chapter "Country Names and Sector Codes", section "Sector Codes") keeps most
CAMEO sector codes but: renames CAMEO's media ``MED`` to ``JRN`` and its health ``HLH`` to
``MED`` (note 4); drops the ICEWS insurgent/separatist split, both being ``REB`` (note 3);
files unarmed civil-society bodies under ``SOC``; gives an executive officer ``GOV`` first and
the office's domain second (the Minister of Foreign Affairs is ``GOV``, so a defence minister
is ``GOV`` then ``MIL``); and adds ``PRE`` to whatever else an actor of a partially recognised
entity receives (section "Partially recognized (disputed) entities"). The list's first code is
the primary sector, the others PLOVER's secondary field.

International bodies (IGO, NGO, IMG, MNC) go in PLOVER's country field, not its sectors;
their sector list holds what the body is (an NGO is civil society ``SOC``, a transnational
militarised group ``REB``, a multinational ``BUS``), empty for an IGO.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# CAMEO sector -> PLOVER sector (PLOVER manual, Sector Codes table and notes 3-4).
_CAMEO_TO_PLOVER = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "RAD": "CVL", "MOD": "CVL",
    "SET": "CVL", "PKO": "MIL", "HRI": "SOC", "ENV": "SOC", "DEV": "SOC", "NGO": "SOC",
    "IMG": "REB", "MNC": "BUS", "IGO": "", "INT": "",
}
PLOVER_SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC".split())
# The manual's list of partially recognised entities, by the phrase that names them and the
# country that claims them (it is these words, not a country code, that mark an actor PRE).
PARTIALLY_RECOGNISED = {
    "abkhazia": "GEO", "abkhaz": "GEO", "south ossetia": "GEO", "south ossetian": "GEO",
    "luhansk people's republic": "UKR", "donetsk people's republic": "UKR",
    "nagorno-karabakh": "AZE", "artsakh": "AZE", "northern cyprus": "CYP",
    "turkish republic of northern cyprus": "CYP", "transnistria": "MDA", "transnistrian": "MDA",
    "somaliland": "SOM", "western sahara": "MAR", "sahrawi": "MAR", "polisario": "MAR",
}
_EXECUTIVE_WORDS = ("minist", "secretary", "cabinet")


def plover_sectors(sector: str | None, extra: Iterable[str] = (), *, phrase: str = "",
                   partially_recognised: bool = False) -> list[str]:
    """PLOVER sectors (primary first) for a CAMEO sector, its other codes and the words used.

    ``extra``: every CAMEO sector code of the dictionary entry in its order (``GOV MIL`` for a
    Phoenix ``GOVMIL`` defence minister); ``phrase``: the agent or office words, which tell an
    executive office ("defence minister") from a soldier, and a party from other opposition.
    """
    extra = tuple(extra or ())
    codes = [c for c in (*extra, sector) if c] if extra else [sector] if sector else []
    if sector in ("MIL", "COP") and "GOV" not in codes and any(w in phrase.lower() for w in _EXECUTIVE_WORDS):
        codes.insert(0, "GOV")  # an executive office over the armed forces or the police
    if "party" in phrase.lower() and sector in ("OPP", "GOV", "PTY"):
        codes.insert(0, "PTY")  # note 1: PTY, with GOV or OPP beside it
    out: list[str] = []
    for code in codes:
        mapped = _CAMEO_TO_PLOVER.get(code, code)
        if mapped and mapped in PLOVER_SECTORS and mapped not in out:
            out.append(mapped)
    if sector == "ELI" and out and out[0] != "ELI":  # a former official: ELI first
        out.remove("ELI")
        out.insert(0, "ELI")
    if partially_recognised and "PRE" not in out:
        out.append("PRE")
    return out


_PRE_NAMES = sorted(map(re.escape, PARTIALLY_RECOGNISED), key=len, reverse=True)
_PRE_PATTERN = re.compile(r"\b(?:" + "|".join(_PRE_NAMES) + r")\b", re.IGNORECASE)


def partially_recognised(text: str) -> str | None:
    """The claiming country when ``text`` names a partially recognised entity, else None."""
    m = _PRE_PATTERN.search(text)
    return PARTIALLY_RECOGNISED[m.group(0).lower()] if m else None
