"""Event dating: which temporal expression governs a clause, for the events stage.

Published by the time stage as ``ctx.extras["time"]`` (see ``docs/time.md``):

- ``date_for_token(i: int) -> str | None``: ``i`` is a token index in ``ctx.doc``
  (an event's predicate). Returns the date value (``"2025-11-26"``, ``"2025-11"``
  or ``"2025"``) of the DATE or TIME expression that governs the token's clause,
  or None. A timex governs the token when its dependency path reaches the token
  itself (``visit on Friday``, ``Friday's summit``) or the first verb above the
  token (``held talks ... on Wednesday``); a verb coordinated with that verb shares
  its timex when it has none of its own. TIME values count by their day; durations,
  sets, weeks, quarters, seasons and vague references (PAST_REF...) never count.
- ``sentence_date: dict[int, str]``: sentence start char -> the date value of the
  sentence's main date (the one attached to its root verb, else its first one).
  Sentences without a date are absent.
- ``document_date: str | None``: the publication date used as anchor (ISO), or None.
- ``timex_tokens: list[tuple[int, int]]``: for each ``ctx.timexes[k]``, its token
  range [start, end) in ``ctx.doc`` (same order).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from geoevents.model import Timex
from geoevents.time.tense import governing_verb

_EVENT_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DAY_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})T")


def event_date(timex: Timex) -> str | None:
    """A timex's value as an event date: a day, month or year, else None."""
    if not timex.value or timex.type not in ("DATE", "TIME"):
        return None
    m = _DAY_PREFIX.match(timex.value)
    if m:
        return m[1]
    return timex.value if _EVENT_DATE.match(timex.value) else None


def _chain(root: Token) -> tuple[list[Token], Token | None]:
    """Tokens from a timex's head up to (and including) the first verb above it."""
    chain: list[Token] = []
    current = root
    for _ in range(30):
        if current.head.i == current.i:
            return chain, None
        current = current.head
        chain.append(current)
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return chain, current
    return chain, None


class EventDating:
    """Dating helpers over one parsed document and its timexes."""

    def __init__(self, doc: Doc, timexes: list[Timex], roots: list[Token]) -> None:
        self._doc = doc
        # (root token, chain of governors, clause verb, date value) of each dated timex
        self._dated: list[tuple[Token, list[Token], Token | None, str]] = []
        for timex, root in zip(timexes, roots, strict=True):
            value = event_date(timex)
            if value:
                chain, verb = _chain(root)
                self._dated.append((root, chain, verb, value))
        self.sentence_date: dict[int, str] = {}
        for root, _chain_tokens, verb, value in self._dated:
            sent = root.sent
            key = sent.start_char
            if verb is not None and verb == sent.root:
                self.sentence_date[key] = value
            else:
                self.sentence_date.setdefault(key, value)
        # A date attached to the sentence root wins over an earlier one elsewhere.
        for root, _chain_tokens, verb, value in self._dated:
            if verb is not None and verb == root.sent.root:
                self.sentence_date[root.sent.start_char] = value
                break

    def date_for_token(self, i: int) -> str | None:
        if not 0 <= i < len(self._doc):
            return None
        token = self._doc[i]
        clause = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
        best: tuple[int, str] | None = None
        for root, chain, verb, value in self._dated:
            if root.sent.start != token.sent.start:
                continue
            score = None
            if token in chain:
                score = chain.index(token)
            elif clause is not None and verb == clause:
                score = 10 + len(chain)
            elif clause is not None and verb is not None and _coordinated(verb, clause):
                score = 20 + len(chain)
            if score is not None and (best is None or score < best[0]):
                best = (score, value)
        return best[1] if best else None


def _coordinated(a: Token, b: Token) -> bool:
    return (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a)


def publish(dating: EventDating, document_date: str | None,
            timex_tokens: list[tuple[int, int]]) -> dict[str, object]:
    date_for_token: Callable[[int], str | None] = dating.date_for_token
    return {"date_for_token": date_for_token, "sentence_date": dating.sentence_date,
            "document_date": document_date, "timex_tokens": timex_tokens}
