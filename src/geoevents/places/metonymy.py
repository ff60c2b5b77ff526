"""Metonymy: a place name standing for a government ("Moscow said", "Ottawa has publicly said").

A place is metonymic when the actors stage marks an actor mention of kind "metonym" over
it, or, as a fallback of our own, when it is a capital city (or a country's seat of
government) that is the subject of a verb wanting an agent (data/metonymy_verbs.txt).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from geoevents.errors import DataFileError
from geoevents.places.gazetteer import Entry
from geoevents.stage import StageContext

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@lru_cache(maxsize=1)
def agent_verbs() -> frozenset[str]:
    path = resources.files("geoevents.places").joinpath("data", "metonymy_verbs.txt")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(f"{path}: cannot read ({err.strerror})") from None
    verbs = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    if not verbs:
        raise DataFileError(f"{path}: no verbs")
    return verbs


def metonym_spans(ctx: StageContext) -> list[tuple[int, int]]:
    """Spans of the actor mentions of kind "metonym" ("Moscow said", "the Kremlin")."""
    return [(a.start, a.end) for a in ctx.actors if a.kind == "metonym"]


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Some span covers at least half of [start, end)."""
    return any(min(end, e) - max(start, s) >= (end - start) / 2 for s, e in spans)


def agent_subject(doc: Doc, tok_start: int, tok_end: int) -> bool:
    """Whether the span is (the head of) the subject of an agentive verb."""
    verbs = agent_verbs()
    for tok in doc[tok_start:tok_end]:
        if tok.dep_ not in SUBJECT_DEPS:
            continue
        head = tok.head
        # "Moscow has publicly said": the head is the verb; "Moscow and Beijing said" too.
        if head.lemma_.lower() in verbs:
            return True
    # A conjunct subject: "Washington and Moscow agreed".
    first = doc[tok_start]
    if first.dep_ == "conj" and first.head.dep_ in SUBJECT_DEPS and first.head.head.lemma_.lower() in verbs:
        return True
    return False


def is_metonymic(doc: Doc, metonyms: list[tuple[int, int]], entry: Entry | None, start: int,
                 end: int, tok_start: int, tok_end: int) -> bool:
    """Whether a place mention stands for a government (see the module doc)."""
    if covered(metonyms, start, end):
        return True
    if entry is None or not (entry.feature == "city" and entry.capital):
        return False
    return agent_subject(doc, tok_start, tok_end)
