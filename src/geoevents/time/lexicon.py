"""The time stage's word lists and recognition grammar, loaded once per process.

``data/lexicon.toml`` holds calendar words and fixed TIMEX3 values;
``data/patterns.toml`` holds the regular-expression grammar, whose placeholders
({MONTH}, {WEEKDAY}, ...) are filled from the lexicon before compiling.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from geoevents.errors import DataFileError

_DATA = "geoevents.time"


def _read(name: str) -> dict[str, Any]:
    path = resources.files(_DATA).joinpath("data", name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise DataFileError(f"time/data/{name}: cannot be read ({err})") from None
    if not data:
        raise DataFileError(f"time/data/{name}: is empty")
    return data


@dataclass(frozen=True)
class Pattern:
    name: str
    type: str
    regex: re.Pattern[str]
    # The same pattern without IGNORECASE, for text whose ASCII capitals are lowered
    # (`fold_case`): about twice as fast. None when the pattern has case-sensitive parts
    # ("May" the month, "GMT").
    folded: re.Pattern[str] | None = None


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
# The only characters outside ASCII that IGNORECASE matches to ASCII letters (U+0130,
# U+0131, U+017F, U+212A): a text with one of them is matched with the original patterns.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def fold_case(text: str) -> str | None:
    """The text with ASCII capitals lowered (same length, same offsets), on which a
    pattern's `folded` form matches exactly where its IGNORECASE form matches the text;
    None when the text has a character that makes the two differ."""
    if _FOLDS_TO_ASCII.search(text):
        return None
    return text.translate(_ASCII_LOWER)


def _case_free(source: str) -> bool:
    """A pattern with no capital letter of its own and no case-sensitive group."""
    if "(?-i" in source:
        return False
    bare = re.sub(r"\\[A-Za-z]", "", source)
    bare = re.sub(r"\(\?P<[^>]+>", "", bare)
    return not re.search("[A-Z]", bare)


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    ordinal_words: dict[str, int]
    units: dict[str, str]
    fixed: dict[str, tuple[str, str]]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    anaphoric: frozenset[str]


def _alternation(words: list[str], capitalised: bool = False) -> str:
    words = sorted(set(words), key=len, reverse=True)
    if capitalised:
        forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
        # Month/weekday names only when capitalised ("May" the month, not "may").
        return "(?-i:" + "|".join(re.escape(f) for f in forms) + r")\.?"
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _read("lexicon.toml")
    try:
        return Lexicon(
            months={k: int(v) for k, v in data["months"].items()},
            weekdays={k: int(v) for k, v in data["weekdays"].items()},
            numbers={k: float(v) for k, v in data["numbers"].items()},
            ordinals={k: int(v) for k, v in data["ordinals"].items()},
            ordinal_words={k: int(v) for k, v in data["ordinal_words"].items()},
            units=dict(data["units"]),
            fixed={k: (v[0], v[1]) for k, v in data["fixed"].items()},
            parts_of_day=dict(data["parts_of_day"]),
            seasons=dict(data["seasons"]),
            anaphoric=frozenset(data["anaphoric"]["phrases"]),
        )
    except (KeyError, IndexError, TypeError, ValueError) as err:
        raise DataFileError(f"time/data/lexicon.toml: malformed ({err!r})") from None


@lru_cache(maxsize=1)
def grammar() -> tuple[Pattern, ...]:
    lex = lexicon()
    # Weekday abbreviations ("Mon") are left out: too ambiguous in running text.
    fills = {
        "MONTH": _alternation([m for m in lex.months if len(m) > 3 or m == "may"], capitalised=True),
        "WEEKDAY": _alternation(list(lex.weekdays), capitalised=True),
        "NUM": _alternation([n for n in lex.numbers if n not in ("a", "an", "half")]),
        "UNIT": _alternation([u for u in lex.units]),
        "PART": _alternation(list(lex.parts_of_day)),
        "SEASON": _alternation(list(lex.seasons)),
        "ORD": _alternation([o for o in lex.ordinals]),
        "ORDWORD": _alternation(list(lex.ordinal_words)),
    }
    patterns = []
    for entry in _read("patterns.toml").get("pattern", []):
        try:
            source = entry["regex"]
            for key, value in fills.items():
                source = source.replace("{" + key + "}", f"(?:{value})")
            patterns.append(Pattern(entry["name"], entry.get("type", "DATE"),
                                    re.compile(source, re.IGNORECASE),
                                    re.compile(source) if _case_free(source) else None))
        except (KeyError, re.error) as err:
            raise DataFileError(f"time/data/patterns.toml: pattern {entry.get('name')!r} "
                                f"is malformed ({err})") from None
    if not patterns:
        raise DataFileError("time/data/patterns.toml: no [[pattern]] entries")
    return tuple(patterns)
