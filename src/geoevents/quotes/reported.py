"""Reported speech: a cue (verb, noun or "according to") and its content clause.

The content is the cue's clausal complement (the ``ccomp`` subtree), not the whole
sentence: "Officials say [the talks will resume]". "According to X, CLAUSE" and
"CLAUSE, according to X" give the clause without the source phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from geoevents.quotes.lexicon import CueLexicon
from geoevents.quotes.speaker import subject_of

_CONTENT_DEPS = ("ccomp",)
_VERBAL_POS = ("VERB", "AUX")
_TRIM = set(".,;:!?-–—―()[]") | {"--", "..."}
_QUOTE_CHARS = set("\"“”«»‘’'")


@dataclass(slots=True)
class Claim:
    """Reported content with its cue and (maybe) the head of its speaker phrase."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: Token | None


def trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of tokens without edge punctuation (a balanced quote mark stays)."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].text in _TRIM or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and toks[-1].text in _TRIM:
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_tokens(token: Token, without: Token | None = None) -> list[Token]:
    if without is None:
        return list(token.subtree)
    skip = {t.i for t in without.subtree}
    toks = [t for t in token.subtree if t.i not in skip]
    # keep the longest contiguous run: the clause on one side of the removed phrase
    runs: list[list[Token]] = [[]]
    for t in toks:
        if runs[-1] and t.i != runs[-1][-1].i + 1:
            runs.append([])
        runs[-1].append(t)
    return max(runs, key=len)


def _is_clause(token: Token) -> bool:
    if token.pos_ in _VERBAL_POS:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "cop", "aux") for c in token.children)


def _without_other_cues(head: Token, lexicon: CueLexicon) -> list[Token]:
    """The content subtree up to a coordinated cue ("that A and suggested that B" -> A)."""
    tokens = list(head.subtree)
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ in _VERBAL_POS and (
                lexicon.is_clause_verb(child.lemma_) or lexicon.is_stance_verb(child.lemma_)) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            cut = child.left_edge.i
            while cut - 1 > head.i and head.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return [t for t in tokens if t.i < cut]
    return tokens


def _verb_claims(verb: Token, lexicon: CueLexicon) -> Iterator[Claim]:
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS and _is_clause(child):
            span = trimmed(_without_other_cues(child, lexicon))
            if span:
                yield Claim(*span, verb.idx, verb.idx + len(verb.text), subject_of(verb))
            return
    # "The talks failed, he said": the cue hangs from the clause it reports
    if verb.dep_ == "parataxis" and verb.head.pos_ in _VERBAL_POS:
        span = trimmed(_subtree_tokens(verb.head, without=verb))
        if span:
            yield Claim(*span, verb.idx, verb.idx + len(verb.text), subject_of(verb))


_OBJECT_DEPS = ("dobj", "xcomp", "oprd", "attr", "ccomp", "dative")
_OBJECT_PREPS = ("as", "to", "for", "of", "on", "about")
_BARE_PRONOUNS = {"it", "this", "that", "them", "him", "her", "so", "one", "what"}


def _stance_claims(verb: Token) -> Iterator[Claim]:
    """'criticized the plan', 'wants to triple it', 'called Russia a “strategic ally”'."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return  # "a summit is planned for Thursday": the content is the subject, not a claim
    parts: list[Token] = []
    for child in verb.rights:
        if child.dep_ in _OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS):
            parts.append(child)
        elif child.dep_ in ("prt", "neg", "advmod") and not parts:
            continue
        elif parts or child.dep_ in ("punct", "cc", "conj", "advcl"):
            break
    if not parts or not any(p.dep_ != "prep" or any(c.dep_ == "pobj" for c in p.children) for p in parts):
        return
    tokens = [t for p in parts for t in p.subtree]
    span = trimmed(sorted(tokens, key=lambda t: t.i))
    if span is None or (len(tokens) == 1 and tokens[0].lower_ in _BARE_PRONOUNS):
        return
    yield Claim(*span, verb.idx, verb.idx + len(verb.text), subject_of(verb))


def _gap_relative_claims(verb: Token) -> Iterator[Claim]:
    """'a figure Japarov indicated has tripled': the noun's predicate is the content."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i <= verb.i:
        return
    if any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return
    predicate = noun.head
    tokens = [t for t in predicate.subtree if t.i > verb.right_edge.i]
    span = trimmed(tokens)
    if span:
        yield Claim(*span, verb.idx, verb.idx + len(verb.text), subject_of(verb))


def _first_noun(doc: Doc, i: int) -> list[Token]:
    """The head noun of the phrase starting at token ``i``, when the parse gave the
    source phrase no object ("according to show insiders", with "show" read as a verb)."""
    j = i
    while j < len(doc) and j < i + 6 and not doc[j].is_punct:
        if doc[j].pos_ in ("NOUN", "PROPN", "PRON"):
            while j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN"):
                j += 1
            return [doc[j]]
        j += 1
    return []


def _according_claims(doc: Doc, lexicon: CueLexicon) -> Iterator[Claim]:
    for phrase in lexicon.phrases:
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if doc[i].lower_ != phrase[0] or tuple(t.lower_ for t in doc[i:i + n]) != phrase:
                continue
            inside = range(i, i + n)
            top = next((t for t in doc[i:i + n] if t.head.i not in inside or t.head.i == t.i), doc[i])
            last = doc[i + n - 1]
            sources = [t for t in last.children if t.dep_ == "pobj"] or _first_noun(doc, i + n)
            # the clause the phrase modifies: its head, raised to the nearest verb
            anchor = top.head
            hops = 0
            while anchor.pos_ not in _VERBAL_POS and anchor.head.i != anchor.i and hops < 3:
                anchor, hops = anchor.head, hops + 1
            if anchor.i == top.i:
                continue
            while anchor.dep_ in ("aux", "auxpass") and anchor.head.i != anchor.i:
                anchor = anchor.head
            blocker = top
            while blocker.head.i != anchor.i and blocker.head.i != blocker.i:
                blocker = blocker.head
            span = trimmed(_subtree_tokens(anchor, without=blocker))
            if span:
                yield Claim(*span, doc[i].idx, last.idx + len(last.text), sources[0] if sources else None)


def _noun_owner(noun: Token) -> Token | None:
    """Whose statement, warning or argument it is: the possessor ("his warning"), the
    source after "from" or "by" ("warnings from his attorney"), else the subject of the
    verb the noun is the object of ("issued a statement", "persisted in arguments")."""
    owner = next((t for t in noun.children if t.dep_ in ("poss", "compound")), None)
    if owner is not None:
        return owner
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    phrase = noun
    while phrase.dep_ == "conj" and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.dep_ in ("dobj", "attr"):
        return subject_of(phrase.head)
    if phrase.dep_ == "pobj" and phrase.head.dep_ == "prep" and phrase.head.head.pos_ in _VERBAL_POS:
        return subject_of(phrase.head.head)
    return None


def _noun_claims(token: Token, lexicon: CueLexicon) -> Iterator[Claim]:
    for child in token.children:
        if child.dep_ in ("acl", "ccomp") and any(t.dep_ == "mark" and t.lower_ == "that"
                                                   for t in child.children):
            span = trimmed(list(child.subtree))
            if not span:
                continue
            yield Claim(*span, token.idx, token.idx + len(token.text), _noun_owner(token))


_MAX_LABEL_WORDS = 6


def _names_someone(label: list[Token], text: str) -> bool:
    """A person or organisation ("Sanders", "Rush Limbaugh"), or a transcript's
    upper-case speaker whose name appears in the article ("PENCE" -> "Pence")."""
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in label):
        return True
    # a headline's name the recogniser missed ("Sanders: ...") that the article names
    # elsewhere: a person's surname, or an organisation's whole name
    last = label[-1]
    if last.pos_ in ("PROPN", "NOUN") and last.text[:1].isupper():
        words = " ".join(t.text for t in label)
        for e in last.doc.ents:
            if (e.label_ == "PERSON" and e[-1].text == last.text) or \
                    (e.label_ in ("PERSON", "ORG") and e.text == words):
                return True
    if len(label) == 1 and label[0].text.isupper() and len(label[0].text) > 2:
        return label[0].text.title() in text
    return False


def _colon_claims(doc: Doc) -> Iterator[Claim]:
    """'Sanders: Clinton needs to ...', 'PENCE: Well, look ...': a name, a colon, the words.

    Headlines and transcripts attribute this way; the label before the colon must be a
    short name at the start of a paragraph with no lower-case verb in it.
    """
    text = doc.text
    para_start = 0
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            para_start = token.i
        if token.text != ":" or token.i - para_start > _MAX_LABEL_WORDS + 1:
            continue
        label = [t for t in doc[para_start:token.i] if not t.is_punct and not t.is_space]
        if not label or len(label) > _MAX_LABEL_WORDS:
            continue
        if any(t.pos_ in _VERBAL_POS and t.text.islower() for t in label):
            continue
        names = [t for t in label if t.pos_ in ("PROPN", "NOUN")]
        if not names or not _names_someone(label, text):
            continue
        head = names[0]
        while head.i + 1 < token.i and doc[head.i + 1].pos_ == "PROPN":
            head = doc[head.i + 1]
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end < 0 else line_end
        rest = [t for t in doc[token.i + 1:] if t.idx < line_end]
        span = trimmed(rest)
        if span and span[1] - span[0] > 10:
            yield Claim(*span, token.idx, token.idx + 1, head)


def reported_claims(doc: Doc, lexicon: CueLexicon) -> list[Claim]:
    """Every cue with a content clause, in document order."""
    claims: list[Claim] = []
    for token in doc:
        if token.pos_ in _VERBAL_POS and lexicon.is_clause_verb(token.lemma_):
            found = list(_verb_claims(token, lexicon)) or list(_gap_relative_claims(token))
            if not found and lexicon.is_stance_verb(token.lemma_):
                found = list(_stance_claims(token))
            claims.extend(found)
        elif token.pos_ == "VERB" and lexicon.is_stance_verb(token.lemma_):
            claims.extend(_stance_claims(token))
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns:
            claims.extend(_noun_claims(token, lexicon))
    claims.extend(_according_claims(doc, lexicon))
    claims.extend(_colon_claims(doc))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
