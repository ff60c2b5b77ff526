"""Sentence relevance: does a sentence report a political event at all?

A small trained model (``data/relevance/``, trained by ``scripts/train_relevance.py``; data,
split and measured figures in ``data/relevance/MODEL.md``): logistic regression over hashed
word unigrams and bigrams of a normalised token stream. It answers with a probability; the
events stage decides what to do with it (the shipped ``threshold`` in ``meta.json`` is the one
chosen when the model was measured).

Per issue 13 point 6, sentences about markets, company results, sports and culture are not
political events, while trade measures taken by governments (tariffs, quotas, sanctions,
trade talks and agreements) are; the training data is chosen to say so.

The featuriser below is the single definition used both to train and to score, so the
training script imports it from here.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from geoevents.errors import DataFileError

FEATURE_VERSION = 1

# Tokens: words (with inner apostrophes/hyphens), numbers, single symbols.
_TOKEN = re.compile(r"[a-z]+(?:['’\-][a-z]+)*|\d+(?:[.,:/]\d+)*|[$%£€¥]")

# Spelling variants of the same word across news styles (1987 wire shorthand against
# today's house styles) mapped to one form, so that the model learns topics, not style.
_VARIANTS = {
    "mln": "million", "mn": "million", "bln": "billion", "bn": "billion",
    "dlrs": "dollars", "dlr": "dollar", "$": "dollars", "pct": "percent", "%": "percent",
    "£": "pounds", "€": "euros", "¥": "yen", "stg": "pounds", "cts": "cents",
    "govt": "government",
}


def tokens(text: str) -> list[str]:
    """The normalised token stream: lower case, style variants merged, numbers as ``<num>``."""
    if not isinstance(text, str):
        raise TypeError(f"relevance: expected a sentence as a string, got {type(text).__name__}")
    out: list[str] = []
    for tok in _TOKEN.findall(text.lower()):
        if tok[0].isdigit():
            tok = "<num>"
        else:
            tok = _VARIANTS.get(tok, tok)
        out.append(tok)
    return out


def feature_strings(text: str) -> list[str]:
    """Unigrams and bigrams (with sentence boundaries) of :func:`tokens`."""
    toks = tokens(text)
    feats = [f"w={t}" for t in toks]
    padded = ["<s>", *toks, "</s>"]
    feats.extend(f"b={a}|{b}" for a, b in itertools.pairwise(padded))
    return feats


def feature_indices(text: str, n_bits: int) -> list[int]:
    """Hashed feature indices (CRC-32, stable across runs and platforms), deduplicated."""
    mask = (1 << n_bits) - 1
    return sorted({zlib.crc32(f.encode("utf-8")) & mask for f in feature_strings(text)})


@dataclass(frozen=True)
class RelevanceModel:
    """Logistic regression over hashed binary features."""

    weights: np.ndarray  # float32, 2**n_bits
    bias: float
    n_bits: int
    threshold: float
    meta: dict

    def score(self, text: str) -> float:
        """The model's log-odds that ``text`` reports a political event."""
        idx = feature_indices(text, self.n_bits)
        return self.bias + float(self.weights[idx].sum()) if idx else self.bias

    def probability(self, text: str) -> float:
        """Probability in [0, 1] that ``text`` (one sentence) reports a political event."""
        return _sigmoid(self.score(text))

    def probabilities(self, texts: Iterable[str]) -> list[float]:
        """:meth:`probability` for each sentence of ``texts``, in order."""
        weights = self.weights
        n_bits = self.n_bits
        bias = self.bias
        out: list[float] = []
        for text in texts:
            idx = feature_indices(text, n_bits)
            out.append(_sigmoid(bias + float(weights[idx].sum()) if idx else bias))
        return out

    def relevant(self, text: str) -> bool:
        """Whether ``text`` scores at or above the shipped threshold."""
        return self.probability(text) >= self.threshold


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@lru_cache(maxsize=1)
def load_relevance_model() -> RelevanceModel:
    """The shipped relevance model, loaded once from the package data."""
    return read_relevance_model(resources.files("geoevents.events").joinpath("data", "relevance"))


def read_relevance_model(folder: Traversable | Path) -> RelevanceModel:
    """A relevance model from a folder holding ``meta.json`` and ``weights.npy``."""
    meta_file = folder.joinpath("meta.json")
    weights_file = folder.joinpath("weights.npy")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{meta_file}: relevance model missing (run scripts/train_relevance.py)"
                            ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataFileError(f"{meta_file}: not a JSON model description ({err})") from None
    try:
        with weights_file.open("rb") as fh:
            weights = np.load(fh, allow_pickle=False)
    except FileNotFoundError:
        raise DataFileError(f"{weights_file}: relevance model weights missing "
                            "(run scripts/train_relevance.py)") from None
    except ValueError as err:
        raise DataFileError(f"{weights_file}: not a NumPy weight array ({err})") from None
    try:
        n_bits = int(meta["n_bits"])
        bias = float(meta["bias"])
        threshold = float(meta["threshold"])
        version = int(meta["feature_version"])
    except (KeyError, TypeError, ValueError) as err:
        raise DataFileError(f"{meta_file}: missing or bad field {err}") from None
    if version != FEATURE_VERSION:
        raise DataFileError(f"{meta_file}: model built for feature version {version}, "
                            f"this code computes version {FEATURE_VERSION}; retrain it")
    if weights.shape != (1 << n_bits,):
        raise DataFileError(f"{weights_file}: {weights.shape} weights, expected {1 << n_bits}")
    return RelevanceModel(weights=weights.astype(np.float32), bias=bias, n_bits=n_bits,
                          threshold=threshold, meta=meta)
