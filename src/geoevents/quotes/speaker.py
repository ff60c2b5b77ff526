"""Who is speaking: the subject of a cue, found in the dependency parse, and its actor.

The speaker span is the noun phrase of the subject up to its head (so appositions
and relative clauses after the name are left out); the actors stage's mention at
that place gives the resolution (a pronoun mention carries its antecedent's code).
"""

from __future__ import annotations

from spacy.tokens import Token

from geoevents.model import Actor
from geoevents.stage import StageContext

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
# Dependencies through which a cue without its own subject shares its head's subject.
_SHARES_HEAD_SUBJECT = ("advcl", "xcomp", "conj", "acl", "pcomp", "prep", "ccomp", "dep")
_NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")


def _temporal(token: Token) -> bool:
    """A time stamp or date ("12:15 p.m.", "Monday") is never who speaks."""
    return token.ent_type_ in ("TIME", "DATE") or token.is_space


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj") and child.pos_ != "SCONJ" \
                and not _temporal(child):
            if child.dep_ == "nsubjpass":  # "it was reported by X": the agent speaks
                for other in verb.children:
                    if other.dep_ == "agent":
                        pobj = [t for t in other.children if t.dep_ == "pobj"]
                        if pobj:
                            return pobj[0]
            return child
    return None


def subject_of(cue: Token, max_hops: int = 3) -> Token | None:
    """The subject of the cue, or of the clause it hangs from ("..., saying", "who said")."""
    token = cue
    for _ in range(max_hops + 1):
        subj = _own_subject(token)
        if subj is not None:
            return subj  # "Putin, who said": the speaker mention is "who" (resolved below)
        if token.dep_ == "relcl" and token.head.pos_ in _NOMINAL_POS:
            return token.head
        if token.dep_ == "acl" and token.head.pos_ in _NOMINAL_POS and cue.tag_ == "VBG":
            # "a statement saying ...": the statement's author, if the clause names one
            noun = token.head
            owner = [t for t in noun.children if t.dep_ in ("poss", "compound")]
            if owner:
                return owner[0]
            token = noun.head if noun.dep_ in ("dobj", "pobj") else noun
            continue
        if token.dep_ in _SHARES_HEAD_SUBJECT and token.head.i != token.i:
            token = token.head
            continue
        break
    return None


def noun_phrase(head: Token) -> tuple[int, int]:
    """Character span of the phrase a subject head stands for, without trailing clauses."""
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head.text)
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.dep_ == "cc" or _temporal(left)):
        left = left.doc[left.i + 1]
    right = head
    for t in head.rights:  # "Rep. Smith of Maryland": keep flat names, stop at clauses
        if t.dep_ in ("compound", "flat", "case") and t.i == right.i + 1:
            right = t
        else:
            break
    return left.idx, right.idx + len(right.text)


def resolve_speaker(ctx: StageContext, head: Token) -> Actor:
    """An Actor for the speaker: the span in the text, resolved through the actors stage."""
    start, end = noun_phrase(head)
    text = ctx.text
    actor = ctx.actor_at(head.idx, head.idx + len(head.text)) or ctx.actor_at(start, end)
    if actor is None and head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        antecedent = head.head.head  # "Putin, who said": who stands for Putin
        a_start, a_end = noun_phrase(antecedent)
        actor = ctx.actor_at(antecedent.idx, antecedent.idx + len(antecedent.text)) or \
            ctx.actor_at(a_start, a_end)
        if actor is None:
            return Actor(start, end, text[start:end], name=text[a_start:a_end])
    if actor is None:
        return Actor(start, end, text[start:end])
    return Actor(start, end, text[start:end], name=actor.name, country=actor.country,
                 sector=actor.sector, code=actor.code, wikidata=actor.wikidata, kind=actor.kind)
