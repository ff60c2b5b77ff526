"""Language detection (py3langid), cautious on short texts.

A document is only declared non-English when the detector is confident and the
text is long enough to judge: a misdetected headline-sized English text would
otherwise silently lose its events. Text written mostly in a script other than Latin
(Chinese, Japanese, Arabic, Cyrillic, Greek ...) cannot be English: it is judged by
its letters, not its spaces (Chinese has none between words), and whatever language
the detector names for it is taken.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MIN_WORDS = 8
MIN_LETTERS = 10  # letters of a non-Latin script, for texts without spaces between words
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _non_latin_letters(sample: str) -> int:
    """How many letters of ``sample`` are not Latin script, when they are most of its letters."""
    letters = [ch for ch in sample if ch.isalpha()]
    other = sum(1 for ch in letters if not unicodedata.name(ch, "LATIN").startswith("LATIN"))
    return other if other * 2 > len(letters) else 0


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence); (None, 0.0) when the text is too short to judge."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS and _non_latin_letters(sample) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def is_foreign(text: str, accepted: list[str] | tuple[str, ...] = ("en",)) -> str | None:
    """The detected language when it is confidently not one of ``accepted``, else None."""
    lang, prob = detect_language(text)
    if lang is None or lang in accepted:
        return None
    if prob >= MIN_CONFIDENCE or _non_latin_letters(text[:SAMPLE_CHARS]) >= MIN_LETTERS:
        return lang
    return None
