"""Pronouns and "the country" resolved to the mention they stand for.

A light Hobbs-style ranking over the spaCy parse: a pronoun prefers the subject of the
clause that governs it ("Japarov welcomed Putin ... after he participated": he is
Japarov), then the subject of the previous sentence, then the nearest compatible
mention. A non-possessive pronoun never takes an argument of its own verb
("Japarov welcomed him": him is not Japarov).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD, IDX, POS, SENT_START
from spacy.tokens import Doc

from geoevents.actors.mentions import Mention

_HUMAN = {"he": "M", "him": "M", "his": "M", "himself": "M",
          "she": "F", "her": "F", "hers": "F", "herself": "F"}
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_ITS = frozenset({"its", "itself"})
_POSSESSIVE = frozenset({"his", "her", "hers", "its", "their", "theirs"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_ANAPHOR = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself|[Tt]hey|[Tt]hem|"
                      r"[Tt]heir|[Tt]heirs|[Tt]hemselves|[Ii]ts|[Ii]tself|[Ii]t|[Tt]he (?:country|nation))\b")
# "It" names something only as the subject of an act: not the "it" of "it is likely that",
# "it was not known", "it seems"
_DUMMY_IT_HEADS = frozenset({"be", "seem", "appear", "remain", "know", "expect", "believe",
                             "understand", "report", "say", "think", "take", "make", "look"})
_WINDOW = 3  # sentences back
_STATE_BODIES = frozenset({"GOV", "MIL", "LEG", "JUD"})


def _compatible(pronoun: str, m: Mention) -> bool:
    if pronoun in _HUMAN:
        return m.human and (m.gender is None or m.gender == _HUMAN[pronoun])
    if pronoun in _PLURAL:  # plural agents only: "they" after a country is too often a people
        return m.kind in ("agent", "pronoun") and m.number == "pl"
    if pronoun in _ITS or pronoun == "it":
        return (m.kind in ("country", "metonym", "organisation") and m.seat != "demonym") \
            or (m.kind == "agent" and not m.human and m.number == "sg")
    # the country / the nation: a country named, or the one whose government, military body,
    # legislature or courts are named ("Greece's defence ministry said the country would ...")
    return (m.kind in ("country", "metonym") and m.seat != "demonym") or (
        m.kind == "agent" and bool(m.country) and m.sector in _STATE_BODIES and not m.human)


class _Parse:
    """The parse as plain arrays: reading spaCy Token objects one by one is the slow part."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        arr = doc.to_array([IDX, DEP, HEAD, POS, SENT_START])
        self.idx = arr[:, 0].tolist()
        self.dep = arr[:, 1].tolist()
        self.head = (numpy.arange(len(arr)) + arr[:, 2].astype("int64")).tolist() if len(arr) else []
        self.pos = arr[:, 3].tolist()
        starts = arr[:, 4] == 1
        if len(starts):
            starts[0] = True
        self.sent = (numpy.cumsum(starts) - 1).tolist()
        self.subject_ids = {strings[d] for d in _SUBJECT}
        self.root_id = strings["ROOT"]
        self.pron_id = strings["PRON"]
        self.verb_ids = {strings["VERB"], strings["AUX"]}

    def token_at(self, char: int) -> int:
        """The token containing character ``char``."""
        return max(0, bisect_right(self.idx, char) - 1)

    def ancestors(self, i: int) -> set[int]:
        out: set[int] = set()
        while self.head[i] != i and self.head[i] not in out:
            i = self.head[i]
            out.add(i)
        return out


@dataclass(slots=True)
class _Candidate:
    """A mention with the parse facts ranking needs."""

    mention: Mention
    token: int
    sent: int
    subject: bool
    head: int
    main_clause: bool  # its head is the sentence root


def _candidate(m: Mention, i: int, parse: _Parse) -> _Candidate:
    head = parse.head[i]
    return _Candidate(m, i, parse.sent[i], parse.dep[i] in parse.subject_ids, head,
                      parse.dep[head] == parse.root_id)


def _score(c: _Candidate, ancestors: set[int], pronoun_head: int, sent_gap: int, size: int) -> float:
    recency = c.mention.end / max(1, size)  # tie-break: the nearer one
    if sent_gap == 0:
        if c.subject and c.head in ancestors and c.head != pronoun_head:
            return 100 + recency  # subject of the clause governing the pronoun
        return (60 if c.subject else 40) + recency
    return (80 if c.subject and c.main_clause else 55 if c.subject else 30) - 10 * sent_gap + recency


def _subject_countries(verb: int, pool: list[_Candidate]) -> set[str]:
    """Countries of the mentions that are the subject of a verb (resolved pronouns too)."""
    if verb < 0:
        return set()
    return {c.mention.country for c in pool
            if c.subject and c.head == verb and c.mention.country}


def _clause_verb(i: int, parse: _Parse) -> int:
    """The verb of the clause a word stands in (the word itself if it has none above)."""
    seen = 0
    while parse.pos[i] not in parse.verb_ids and parse.head[i] != i and seen < 20:
        i, seen = parse.head[i], seen + 1
    return i


def resolve_pronouns(doc: Doc, mentions: list[Mention], text: str) -> list[Mention]:
    """New mentions (kind "pronoun") for pronouns and "the country" with an antecedent.

    ``text`` is the document text (``doc.text`` is rebuilt from tokens on every access).
    """
    size = len(text)
    taken = bytearray(size + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    parse: _Parse | None = None
    anaphors: list[tuple[int, int, str, int]] = []
    for match in _ANAPHOR.finditer(text):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        parse = parse or _Parse(doc)
        word = match.group(0).lower()
        word = "country" if word.startswith("the ") else word
        i = parse.token_at(end - 1)  # "the country": its head noun
        if word not in ("country", *_POSSESSIVE) and parse.pos[i] != parse.pron_id:
            continue
        if word == "it" and (doc[i].dep_ != "nsubj" or doc[i].head.lemma_ in _DUMMY_IT_HEADS
                             or any(c.dep_ == "auxpass" for c in doc[i].head.children)):
            continue
        anaphors.append((start, end, word, i))
    if not anaphors or parse is None:
        return []
    pool = sorted((_candidate(m, parse.token_at(m.head_end - 1), parse) for m in mentions),
                  key=lambda c: c.mention.end)
    ends = [c.mention.end for c in pool]
    resolved: list[Mention] = []
    for start, end, word, i in anaphors:
        p_sent = parse.sent[i]
        window = 1 if word in _PLURAL else _WINDOW
        pronoun_head = parse.head[i]
        # a subject, or a possessor ("the government returned the country's mines"), may be
        # the clause subject's own country
        subject_anaphor = parse.dep[i] in parse.subject_ids or doc[i].dep_ == "poss"
        clause_verb = _clause_verb(i, parse) if word == "country" else -1
        ancestors: set[int] | None = None
        best, best_score = None, float("-inf")
        for k in range(bisect_right(ends, start) - 1, -1, -1):
            c = pool[k]
            gap = p_sent - c.sent
            if gap > window:
                break
            m = c.mention
            if not _compatible(word, m):
                continue
            if gap == 0 and word not in _POSSESSIVE and word != "country" and c.head == pronoun_head:
                continue  # binding: "Japarov welcomed him" - him is someone else
            if word == "country" and not subject_anaphor and m.country \
                    and m.country in _subject_countries(clause_verb, pool):
                continue  # "Luxembourg will send aid to the country": another country
            if word == "country":
                score = m.end / size + (0 if m.kind == "country" else -0.001)
            else:
                if ancestors is None and gap == 0:
                    ancestors = parse.ancestors(i)
                score = _score(c, ancestors or set(), pronoun_head, gap, size)
            if score > best_score:
                best, best_score = m, score
        if best is None:
            continue
        if word == "country" and best.kind == "agent":
            # the country of a state body named, not the body
            mention = Mention(start, end, "pronoun", None, best.country, None, best.country,
                              None, best.country, start, end, "sg", None, False, None)
        else:
            mention = Mention(start, end, "pronoun", best.name, best.country, best.sector, best.code,
                              best.wikidata, best.entity, start, end, best.number, best.gender,
                              best.human, best.seat, sectors=best.sectors, role=best.role)
        resolved.append(mention)
        insert_at = bisect_right(ends, end)
        pool.insert(insert_at, _candidate(mention, i, parse))
        ends.insert(insert_at, end)
    return resolved
