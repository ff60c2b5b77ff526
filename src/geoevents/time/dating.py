"""Event dating: which temporal expression governs a clause, for the events stage.

Published by the time stage as ``ctx.extras["time"]``, a ``geoevents.stage.TimeIndex`` (see
``docs/time.md``):

- ``date_for_token(i: int) -> str | None``: ``i`` is a token index in ``ctx.doc``
  (an event's predicate). Returns the date value (``"2025-11-26"``, ``"2025-11"``
  or ``"2025"``) of the DATE or TIME expression that governs the token's clause,
  or None. A timex governs the token when its dependency path reaches the token
  itself (``visit on Friday``, ``Friday's summit``), a relative clause on it (``a
  visit, which began on Tuesday``) or the first verb above the token (``held talks
  ... on Wednesday``); a verb coordinated with that verb shares its timex when it
  has none of its own. A noun's modifier dates that noun only (``seeking his
  extradition over the publication of documents in 2010`` gives ``seeking`` no
  date). TIME values count by their day (never more precise than ``YYYY-MM-DD``);
  a week or weekend gives its month; durations, sets, quarters, seasons and vague
  references (PAST_REF...) never count.
- ``sentence_date: dict[int, str]``: sentence start char -> the date value of the
  sentence's main date (the one attached to its root verb, else its first one).
  Sentences without a date are absent.
- ``document_date: str | None``: the publication date used as anchor (ISO), or None.
- ``timex_tokens: list[tuple[int, int]]``: for each ``ctx.timexes[k]``, its token
  range [start, end) in ``ctx.doc`` (same order).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from geoevents.model import Timex
from geoevents.stage import TimeIndex
from geoevents.time.tense import governing_verb

_EVENT_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DAY_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})T")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
# Dependency labels of a word that introduces a noun's modifier ("talks on Friday").
_PREP = {"prep", "agent", "case"}


def event_date(timex: Timex) -> str | None:
    """A timex's value as an event date: a day, month or year, else None.

    Never more precise than a day (a TIME counts by its day); a week or a weekend
    gives the month it falls in (the month of its Thursday, or of its Saturday).
    """
    if not timex.value or timex.type not in ("DATE", "TIME"):
        return None
    m = _DAY_PREFIX.match(timex.value)
    if m:
        return m[1]
    m = _WEEK.match(timex.value)
    if m:
        try:
            day = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 4)
        except ValueError:
            return None
        return day.isoformat()[:7]
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

    def __init__(self, doc: Doc, timexes: list[Timex], roots: list[Token],
                 ranges: list[tuple[int, int]] | None = None) -> None:
        self._doc = doc
        inside = {i for start, end in (ranges or []) for i in range(start, end)}
        # (root token, chain of governors, clause verb, date value, the word the timex
        # modifies) of each dated timex
        self._dated: list[tuple[Token, list[Token], Token | None, str, Token | None]] = []
        for timex, root in zip(timexes, roots, strict=True):
            value = event_date(timex)
            if value:
                chain, verb = _chain(root)
                self._dated.append((root, chain, verb, value, _modified(chain, inside)))
        self.sentence_date: dict[int, str] = {}
        for root, _chain_tokens, verb, value, _ in self._dated:
            sent = root.sent
            key = sent.start_char
            if verb is not None and verb == sent.root:
                self.sentence_date[key] = value
            else:
                self.sentence_date.setdefault(key, value)
        # A date attached to the sentence root wins over an earlier one elsewhere.
        for root, _chain_tokens, verb, value, _ in self._dated:
            if verb is not None and verb == root.sent.root:
                self.sentence_date[root.sent.start_char] = value
                break

    def date_for_token(self, i: int) -> str | None:
        if not 0 <= i < len(self._doc):
            return None
        token = self._doc[i]
        clause = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
        best: tuple[int, str] | None = None
        for root, chain, _verb, value, modified in self._dated:
            if root.sent.start != token.sent.start or modified is None:
                continue
            score = None
            if modified == token:
                score = 0
            elif modified.dep_ in ("relcl", "acl") and modified.head == token:
                score = 5  # "a visit, which began on Tuesday": the clause is about the noun
            elif clause is not None and modified == clause:
                score = 10 + len(chain)
            elif clause is not None and _coordinated(modified, clause):
                score = 20 + len(chain)
            elif clause is not None and modified.dep_ in ("nsubj", "nsubjpass") \
                    and modified.head == clause and _after_noun(root, modified) and len(value) > 4:
                # "talks last week between the two sides failed": the subject event's own
                # day, week or month is the time of what it did (a year is background)
                score = 30 + len(chain)
            if score is not None and (best is None or score < best[0]):
                best = (score, value)
        return best[1] if best else None


def _after_noun(root: Token, noun: Token) -> bool:
    """A timex written after its noun ("talks on Monday", "talks last week"), not before it
    ("the 1955 charter")."""
    return root.i > noun.i


def _modified(chain: list[Token], inside: set[int]) -> Token | None:
    """The word a timex modifies: its first governor outside prepositions and other timexes.

    A noun's modifier ("the publication of the documents in 2010", "the January
    visit") dates that noun only. A prepositional phrase on a verb's direct object
    ("held talks on Wednesday") or on the object of its preposition ("arrived for talks on
    Wednesday") is the verb's: the parser attaches such phrases to either, and the object
    of a support verb names the same event.
    """
    via_prep = False
    for k, tok in enumerate(chain):
        if tok.i in inside:
            continue
        if tok.dep_ in _PREP or tok.pos_ == "ADP":
            via_prep = True
            continue
        if tok.pos_ in ("VERB", "AUX") or not via_prep:
            return tok
        verb = chain[k + 1] if k + 1 < len(chain) else None
        if tok.dep_ in ("dobj", "attr") and verb is not None and verb.pos_ in ("VERB", "AUX") \
                and tok.head == verb:
            return verb
        verb = chain[k + 2] if k + 2 < len(chain) else None
        if tok.dep_ == "pobj" and verb is not None and verb.pos_ in ("VERB", "AUX") \
                and tok.head.dep_ == "prep" and tok.head.head == verb:
            # "moved its troops into the border towns on Tuesday", "arrived for talks on
            # Wednesday": a time phrase hung on the object of the verb's own preposition
            return verb
        return tok
    return None


def _coordinated(a: Token, b: Token) -> bool:
    """Two coordinated verbs share a time when the second is elliptical: it shares the
    first's subject ("recalled its envoy on Monday and expelled ...") or its auxiliary ("were
    killed and dozens wounded Friday"). A full clause with its own subject and finite verb
    ("Bolivia offered to mediate, and the OAS called a meeting for Friday") has its own."""
    conj = a if a.dep_ == "conj" and a.head == b else b if b.dep_ == "conj" and b.head == a else None
    if conj is None:
        return False
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children)
    finite = conj.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") for c in conj.children)
    return not (own_subject and finite)


def publish(dating: EventDating, document_date: str | None,
            timex_tokens: list[tuple[int, int]]) -> TimeIndex:
    return TimeIndex(date_for_token=dating.date_for_token, sentence_date=dating.sentence_date,
                     document_date=document_date, timex_tokens=timex_tokens)
