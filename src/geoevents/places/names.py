"""Name keys: how a place name is normalised before it is looked up."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def name_key(text: str) -> str:
    """Lower case, accents and curly quotes folded, whitespace collapsed ("Québec" -> "quebec")."""
    if text.isascii():
        return " ".join(text.split()).lower()
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _SPACE.sub(" ", folded).strip().lower()


def undotted(key: str) -> str:
    """The key without full stops ("u.s." -> "us", "st. john's" -> "st john's")."""
    return key.replace(".", "")


def is_latin(text: str) -> bool:
    """Whether a name is written in Latin script (other scripts are never in English text)."""
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F:
            return False
    return True
