"""Language detection (py3langid), cautious on short texts.

A document is only declared non-English when the detector is confident and the
text is long enough to judge: a misdetected headline-sized English text would
otherwise silently lose its events.
"""

from __future__ import annotations

from functools import lru_cache

MIN_WORDS = 8
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence); (None, 0.0) when the text is too short to judge."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def is_foreign(text: str, accepted: list[str] | tuple[str, ...] = ("en",)) -> str | None:
    """The detected language when it is confidently not one of ``accepted``, else None."""
    lang, prob = detect_language(text)
    if lang is not None and lang not in accepted and prob >= MIN_CONFIDENCE:
        return lang
    return None
