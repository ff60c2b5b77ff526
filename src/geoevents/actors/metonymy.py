"""Is a capital or seat of government acting ("Moscow warned") or a place ("in Moscow")?

Decided from the dependency parse: subjects, agents of passives, possessors and the
objects of verbs or of relational prepositions ("talks with Beijing", "sanctions on
Moscow") act; objects of locative prepositions ("visit to Moscow", "in Beijing") and
other modifiers are places. Seats of government ("the Kremlin", "the White House") act
unless they are clearly a location ("at the White House").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "iobj", "dative", "csubj"})
_LOCATIVE = frozenset({"in", "at", "to", "into", "near", "inside", "outside", "around", "across",
                       "through", "via", "toward", "towards", "from", "within", "throughout",
                       "outskirts", "beyond", "of", "over", "under", "between", "for"})
_RELATIONAL = frozenset({"with", "against", "on", "by", "than", "like", "upon"})


def _governing(tok: Token) -> Token:
    """Climb coordination and apposition: "Moscow and Beijing said" -> the first conjunct."""
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
    return tok


def acts(doc: Doc, start: int, end: int, seat: str) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return seat == "seat"
    tok = _governing(span.root)
    dep = tok.dep_
    if dep in ("compound", "amod", "nmod") and tok.head.dep_ in ("nsubj", "nsubjpass") \
            and seat == "seat":
        return True  # "a Kremlin spokesman said"
    if dep == "pobj":
        prep = tok.head.lower_
        if prep in _RELATIONAL or (prep == "by" and tok.head.dep_ == "agent"):
            return True
        if seat == "seat":
            return prep not in ("in", "at", "to", "into", "inside", "outside", "near", "from")
        return False
    if dep in _ACTING_DEPS:
        if dep == "dobj" and seat == "capital" and tok.head.lemma_ in ("visit", "leave", "reach",
                                                                       "enter", "tour", "flee"):
            return False
        return True
    if dep == "agent":
        return True
    return seat == "seat" and dep in ("compound", "ROOT", "npadvmod", "attr")
