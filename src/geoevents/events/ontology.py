"""CAMEO event codes with Goldstein score, QuadClass and PLOVER category (``data/cameo.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from geoevents.errors import DataFileError


@dataclass(frozen=True, slots=True)
class EventType:
    """One CAMEO event code and what it means in the other scales."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None  # None for CAMEO 01-02 statements and appeals
    mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def _data_lines(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file beside this module, without comments and header."""
    path = resources.files("geoevents.events").joinpath("data", name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"events/data/{name}: data file missing") from None
    rows = [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    if len(rows) < 2:
        raise DataFileError(f"events/data/{name}: no rows")
    return rows[1:]


@lru_cache(maxsize=1)
def cameo_types() -> dict[str, EventType]:
    """Every CAMEO code in ``data/cameo.tsv``, by code."""
    types: dict[str, EventType] = {}
    for n, row in enumerate(_data_lines("cameo.tsv"), start=2):
        row += [""] * (6 - len(row))
        code, name, goldstein, quad, plover, mode = (c.strip() for c in row[:6])
        try:
            types[code] = EventType(code, name, float(goldstein), int(quad),
                                    plover or None, mode or None)
        except ValueError:
            raise DataFileError(f"events/data/cameo.tsv: row {n} is malformed: {row!r}") from None
    return types


def event_type(code: str) -> EventType:
    """The type of a CAMEO code; unknown sub-codes fall back to their parent."""
    types = cameo_types()
    key = code
    while key not in types and len(key) > 2:
        key = key[:-1]
    if key not in types:
        raise DataFileError(f"CAMEO code {code!r} is not in events/data/cameo.tsv")
    return types[key]


@lru_cache(maxsize=1)
def _planned_codes() -> dict[str, str]:
    return {row[0].strip(): row[1].strip() for row in _data_lines("future.tsv") if len(row) >= 2}


def planned_code(code: str) -> str:
    """How an announced (future) action is coded: intent (03x) or threat (13x) per PLOVER."""
    table = _planned_codes()
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return code


# CAMEO.2.0's CANCEL block (abort, cease, discontinue, end, halt, quit, stop, suspend,
# terminate) codes what is ended by what it was: ending attacks, shelling or fighting
# de-escalates ("* ATTACK [0871]", "* SHELL [087]"), ending aid reduces it ("* AID [162]"),
# ending talks halts negotiations ("* TALKS [164]"), ending material cooperation or other
# ties (intents, meetings, diplomatic or material cooperation) reduces relations
# ("* MATERIAL [160]", "* FLIGHTS [160]"). Keyed by the ended act's CAMEO root.
_CESSATION_CODES = {"18": "087", "19": "087", "20": "087", "07": "162", "06": "160",
                    "05": "160", "04": "160", "03": "160"}


def cessation_code(code: str) -> str | None:
    """The CAMEO code of ending an act of this code ("stopped shelling", "ceased providing
    aid"), or None when ending it is no act of its own (the act is then not happening)."""
    if code.startswith("046"):
        return "164"
    return _CESSATION_CODES.get(code[:2])
