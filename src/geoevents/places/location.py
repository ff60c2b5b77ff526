"""Where an event happened: the dateline, and the place in a predicate's clause or sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

from geoevents.model import Place
from geoevents.nlp import PLACE_NOUNS, in_noun_clause

# "BISHKEK (Reuters) -", "WASHINGTON —", "EDMONTON, Alberta –", "LONDON, Nov 26 (Reuters) -".
DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])"
    r"(?:,\s*[A-Z][A-Za-z.\- ]{1,30}?)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—:]")
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "through", "throughout", "around",
                      "within", "on"})
# "to" marks a location only after movement or visit words ("visit to Moscow").
TO_HEADS = frozenset({"visit", "trip", "travel", "go", "come", "arrive", "fly", "journey", "return",
                      "move", "deploy", "send", "tour", "head", "invite", "invitation", "mission"})
# "of" marks the place acted upon after these ("the invasion of Ukraine").
OF_HEADS = frozenset({"invasion", "occupation", "annexation", "bombing", "shelling", "siege",
                      "capture", "liberation", "blockade", "bombardment", "destruction"})
# A place as the object of these verbs is where the act happens ("to visit Kazakhstan").
OBJECT_HEADS = frozenset({"visit", "tour", "enter", "reach", "invade", "occupy", "annex", "bomb",
                          "shell", "attack", "besiege", "host"})
MAX_TREE_DISTANCE = 6
# "a broadcast monitored in Madrid", "the agency, received in Nicosia, said": where a broadcast or
# a wire was picked up (the BBC Monitoring convention of wire copy) is no place of its events
PICKED_UP = frozenset({"monitor", "receive", "hear", "intercept"})


@dataclass
class Located:
    """A place mention with its token span in the spaCy doc."""

    place: Place
    tok_start: int
    tok_end: int


def find_dateline(text: str, placed: list[Located]) -> Place | None:
    """The place named in the article's dateline, if it opens with one."""
    m = DATELINE.match(text[:200])
    if not m:
        return None
    start, end = m.start("place"), m.end("place")
    for item in placed:
        if start <= item.place.start < end:
            return item.place
    return None


def _is_locative(tok: Token) -> bool:
    """Whether a place's head token stands as a location ("in Bishkek", "visit to Moscow")."""
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN":
        return True  # "the Bishkek talks"
    if tok.dep_ == "pobj":
        prep = tok.head
        word = prep.lower_
        if word in LOCATIVE:
            return True
        if word == "to" and prep.head.lemma_.lower() in TO_HEADS:
            return True
        if word == "of" and prep.head.lemma_.lower() in OF_HEADS:
            return True
        if word == "of" and prep.head.lemma_.lower() in PLACE_NOUNS and _is_locative(prep.head):
            return True  # "in the northern city of Kano": where the city stands is where
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in OBJECT_HEADS:
        return True
    if tok.dep_ == "conj":  # "in Bishkek and Osh"
        return _is_locative(tok.head)
    return False


def _modifies_named_place(tok: Token, heads: set[int]) -> bool:
    """Whether a place word modifies a noun whose "of" phrase is another place
    ("the Caribbean island of Grenada", "the Andean city of Cusco")."""
    if tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.i in heads for g in c.children) for c in tok.head.children)


def _where_picked_up(head: Token) -> bool:
    """"monitored in London": the place a report was received at."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "in" and prep.head.tag_ == "VBN" \
        and prep.head.lemma_.lower() in PICKED_UP


def _governs(top: Token, tok: Token) -> bool:
    """Whether ``tok`` lies in ``top``'s own clause: its subtree, not below another verb."""
    while tok.i != top.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i != top.i and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return False
    return True


def _path_length(a: Token, b: Token) -> int:
    depth = {}
    t, d = a, 0
    while True:
        depth[t.i] = d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    t, d = b, 0
    while t.i not in depth:
        if t.head.i == t.i:
            return 99
        t, d = t.head, d + 1
    return d + depth[t.i]


def location_finder(doc: Doc, placed: list[Located]) -> Callable[[int], Place | None]:
    """``location_for_token(i)``: the non-metonymic place standing as a location nearest (in the
    parse tree) to token ``i`` within its sentence, or None."""
    if placed:
        flags = doc.to_array([SENT_START])
        sentence_starts = [i for i, f in enumerate(flags.tolist()) if f == 1 or i == 0]
    else:
        sentence_starts = [0]

    def sentence_of(i: int) -> int:
        return sentence_starts[bisect_right(sentence_starts, i) - 1]

    by_sentence: dict[int, list[tuple[Token, Place]]] = {}
    for item in placed:
        if item.place.metonymic:
            continue
        head = doc[item.tok_start:item.tok_end].root
        if not _is_locative(head) or _where_picked_up(head):
            continue
        by_sentence.setdefault(sentence_of(head.i), []).append((head, item.place))
    heads = {doc[item.tok_start:item.tok_end].root.i for item in placed}
    for key, options in by_sentence.items():
        # "the Caribbean island of Grenada": the place the noun's "of" names is where, its
        # modifier only the wider region it lies in
        by_sentence[key] = [(head, place) for head, place in options
                            if not _modifies_named_place(head, heads)]

    def location_for_token(token_i: int) -> Place | None:
        if not 0 <= token_i < len(doc) or not by_sentence:
            return None
        options = by_sentence.get(sentence_of(token_i))
        if not options:
            return None
        tok = doc[token_i]
        above = {t.i for t in tok.ancestors} | {token_i}
        options = [(head, place) for head, place in options if not in_noun_clause(head, tok, above)]
        if not options:
            return None
        # A place inside the predicate's own clause (its subtree) comes before the others in
        # the sentence; then the nearest in the parse tree, then in the text.
        scored = [(not _governs(tok, head), _path_length(tok, head), abs(head.i - token_i), place)
                  for head, place in options]
        _, dist, _, place = min(scored, key=lambda s: (s[0], s[1], s[2]))
        return place if dist <= MAX_TREE_DISTANCE else None

    return location_for_token
