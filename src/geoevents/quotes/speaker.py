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


_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "today", "yesterday",
                       "tomorrow", "tonight"})


def _temporal(token: Token) -> bool:
    """A time stamp or date ("12:15 p.m.", "Monday") is never who speaks. A name the
    recogniser swept into a date ("Last week Stumpf") is still a name."""
    if token.is_space:
        return True
    if token.ent_type_ not in ("TIME", "DATE"):
        return False
    return token.pos_ != "PROPN" or token.lower_ in _CALENDAR


def _colon_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ":" for t in a.doc[lo + 1:hi])


def _run_in_head(token: Token) -> bool:
    words = [t for t in token.subtree if t.is_alpha]
    return bool(words) and all(t.is_upper for t in words) and sum(len(t) for t in words) > 3


def _own_subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                and c.pos_ != "SCONJ" and not _temporal(c)]
    if len(subjects) > 1:
        # two subjects is a misparse of a phrase fronted before the clause: a headline's
        # rubric ("The Latest: Trump urges ..."), a run-in head in capitals, a time ("The
        # first time she saw him, she was ..."); the subject is the one next to the verb
        subjects = [c for c in subjects if not _colon_between(c, verb) and not _run_in_head(c)] \
            or subjects
        subjects.sort(key=lambda c: abs(verb.i - c.i))
    for child in subjects[:1]:
        if child.dep_ == "nsubjpass":  # "it was reported by X": the agent speaks
            for other in verb.children:
                if other.dep_ == "agent":
                    pobj = [t for t in other.children if t.dep_ == "pobj"]
                    if pobj:
                        return pobj[0]
        return _named_apposition(child)
    return None


def _named_apposition(subject: Token) -> Token:
    """'With a week to go, Jane Doe, a campaign adviser, called': a common noun whose
    apposition is a person's name stands for that person (or the parse took a phrase
    before the name for the subject)."""
    if subject.pos_ == "NOUN" and subject.ent_type_ not in ("PERSON", "ORG", "NORP"):
        for child in subject.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                return child
    return subject


_FINITE = ("VBD", "VBZ", "VBP")
# Verbs whose object is the understood subject of their infinitive ("forced Stumpf to
# admit", "asked him to explain"), as English grammars list object control.
_OBJECT_CONTROL = frozenset({"force", "ask", "tell", "urge", "persuade", "press", "pressure",
                             "invite", "encourage", "order", "compel", "require", "challenge",
                             "call", "push", "lead", "get", "prompt", "allow"})
_SKIPPED_BEFORE_VERB = ("ADV", "PART", "AUX")


def _word_before(verb: Token) -> Token | None:
    """The noun just before a finite verb the parse gave no subject: every finite clause
    has one, and in news prose it stands right before the verb ("... the Washington Post
    Trump said", "DuVernay both documents")."""
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].pos_ in _SKIPPED_BEFORE_VERB
                                    or verb.doc[i].lower_ in ("both", "also")):
        i -= 1
    if i < verb.sent.start:
        return None
    word = verb.doc[i]
    if word.pos_ in ("PROPN", "NOUN", "PRON") and word.tag_ not in ("WDT", "WP") and \
            not _temporal(word) and word.dep_ not in ("dobj", "attr"):
        return word
    return None


def _attribution_before(token: Token) -> Token | None:
    """'The senator said, not even pausing to explain ...': the parse made the participle
    the head (or a sibling) of the attribution before it, a parataxis; the participle
    shares the attribution's subject."""
    candidates = [c for c in token.children if c.dep_ == "parataxis" and c.i < token.i]
    if token.dep_ in ("advcl", "xcomp", "conj") and token.head.i > token.i:
        doc = token.doc
        candidates += [c for c in token.head.children if c.dep_ == "parataxis"
                       and c.right_edge.i < token.i
                       and all(t.is_punct for t in doc[c.right_edge.i + 1:token.i])]
    for child in candidates:
        subj = _own_subject(child)
        if subj is not None:
            return subj
    return None


def _clause_of(noun: Token) -> Token:
    """The verb whose argument a noun phrase is ("unleashed a series of tweets")."""
    token = noun
    for _ in range(4):
        if token.dep_ in ("pobj", "prep", "dobj", "conj", "appos", "compound") and token.head.i != token.i:
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                return token
        else:
            break
    return noun


def _depicted(noun: Token) -> Token:
    """'footage of Clinton asking': the one shown in a picture or recording does the asking."""
    if not _agentive(noun):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = [t for t in prep.children if t.dep_ == "pobj" and _agentive(t)]
                if pobj:
                    return pobj[0]
    return noun


def _agentive(noun: Token) -> bool:
    """A noun that can itself be the one speaking: a name, a pronoun, "one"."""
    return noun.pos_ in ("PROPN", "PRON", "NUM") or noun.ent_type_ in ("PERSON", "ORG", "NORP")


def subject_of(cue: Token, max_hops: int = 3) -> Token | None:
    """The subject of the cue, or of the clause it hangs from ("..., saying", "who said")."""
    token = cue
    for _ in range(max_hops + 1):
        subj = _own_subject(token)
        if subj is not None:
            return subj  # "Putin, who said": the speaker mention is "who" (resolved below)
        subj = _attribution_before(token)
        if subj is not None:
            return subj
        if token.dep_ == "relcl" and token.head.pos_ in _NOMINAL_POS:
            return token.head
        if token.dep_ == "acl" and token.head.pos_ in _NOMINAL_POS and cue.tag_ == "VBG":
            noun = token.head
            if _agentive(noun):  # "footage of Clinton asking, ...": Clinton asks
                return noun
            # "a statement saying ...": the statement's author, if the clause names one
            owner = [t for t in noun.children if t.dep_ in ("poss", "compound")]
            if owner:
                return owner[0]
            token = _clause_of(noun)
            continue
        if token.dep_ == "xcomp" and (token.head.lemma_.lower() in _OBJECT_CONTROL
                                      or token.tag_ == "VBG"):
            # object control ("forced Stumpf to admit", "asked him to explain") and
            # small clauses ("left many nations feeling that ..."): the object of the
            # governing verb is who does the saying
            objects = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i
                       and c.pos_ in ("PROPN", "PRON", "NOUN")]
            if objects:
                return _depicted(objects[0])
        if token.dep_ in _SHARES_HEAD_SUBJECT and token.head.i != token.i:
            token = token.head
            continue
        break
    if cue.tag_ in _FINITE:
        return _word_before(cue)
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
