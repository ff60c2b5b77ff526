"""The predicate lexicon (``data/lexicon.tsv``): which words state which CAMEO event.

Entries are indexed once by (part of speech, lemma); a token is matched by one dictionary
look-up and a check of the few constraints on its dependents. The most specific entry wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from geoevents.errors import DataFileError
from geoevents.events.dictionary import (
    CameoDictionary,
    DictionaryMatch,
    load_dictionary,
    particles_of,
    time_adjunct,
)
from geoevents.events.ontology import cameo_types

KINDS = ("verb", "noun", "adj")
# Named-entity types of dates and times: their words are never predicates.
TEMPORAL_ENTITIES = frozenset({"DATE", "TIME"})
FLAGS = frozenset({"govern", "transparent", "report", "future", "negate", "light",
                   "agentof", "mutual", "exposure", "resignation", "blame"})
# Flags of entries made from the CAMEO verb dictionary (not allowed in lexicon files):
# "cameo" a pattern matched, "default" only the verb's or its block's code applies, "reverse"
# the pattern states the event with the roles reversed (the object's party acts on the subject).
DICTIONARY_FLAGS = frozenset({"cameo", "default"})
REVERSED_FLAGS = frozenset({"cameo", "reverse"})
CONSTRAINT_KEYS = frozenset({"obj", "prt", "prep", "mod", "comp", "clause", "view", "control",
                             "score", "subj", "purpose"})
# Modals of obligation, intent and the future: a complement clause with one states what is to
# be done ("agreed that their countries should cooperate"), not how things are
COMMITMENT_MODALS = frozenset({"must", "should", "shall", "will", "would", "ought", "'ll", "wo"})
_POS = {"verb": {"VERB", "AUX"}, "noun": {"NOUN", "PROPN"}, "adj": {"ADJ", "VERB"}}
# Nouns that measure another ("a package of sanctions"): the measured noun is the object
MEASURE_NOUNS = {"package", "set", "series", "round", "wave", "raft", "range", "number", "list",
                 # counts in words: "thousands of troops", "hundreds of soldiers"
                 "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score",
                 "scores",
                 # spans of time: "months of talks", "weeks of negotiations"
                 "hour", "day", "week", "month", "year"}
# Nouns of intent whose "for" object is the act intended ("plans for tariffs")
PLAN_OBJECTS = {"plan", "proposal"}
OBJECT_DEPS = {"dobj", "obj", "attr", "dative", "oprd"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "acl", "acomp"}  # acomp: "pleaded guilty"


@dataclass(frozen=True, slots=True)
class Constraint:
    key: str  # obj prt prep mod comp
    name: str  # preposition for prep; "" otherwise
    lemmas: frozenset[str]  # empty: any word


@dataclass(frozen=True, slots=True)
class LexEntry:
    kind: str
    lemma: str
    constraints: tuple[Constraint, ...]
    cameo: str | None  # None: the word only passes on its complement's event
    flags: frozenset[str]
    note: str = ""
    block: str | None = None  # the CAMEO dictionary verb block an entry was read from

    def has(self, flag: str) -> bool:
        return flag in self.flags


def _parse_constraint(text: str, where: str) -> Constraint:
    key, _, value = text.partition(":")
    if key not in CONSTRAINT_KEYS:
        raise DataFileError(f"{where}: unknown constraint {text!r}")
    name = ""
    if key == "prep":
        name, _, value = value.partition("=")
    lemmas = frozenset(v for v in value.split("|") if v)
    return Constraint(key, name, lemmas)


def parse_lexicon(text: str, origin: str) -> list[LexEntry]:
    """Entries of a lexicon file; a malformed line raises DataFileError naming it."""
    known = cameo_types()
    entries: list[LexEntry] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 5
        kind, lemma, constraints, code, flags = (c.strip() for c in cols[:5])
        where = f"{origin} line {n}"
        if kind not in KINDS or not lemma:
            raise DataFileError(f"{where}: kind must be one of {', '.join(KINDS)} and lemma set")
        if code != "-" and code not in known:
            raise DataFileError(f"{where}: unknown CAMEO code {code!r}")
        flag_set = frozenset(f for f in flags.split(",") if f)
        if flag_set - FLAGS:
            raise DataFileError(f"{where}: unknown flag(s) {', '.join(sorted(flag_set - FLAGS))}")
        entries.append(LexEntry(
            kind, lemma.lower(),
            tuple(_parse_constraint(c, where) for c in constraints.split()),
            None if code == "-" else code, flag_set, cols[5].strip()))
    if not entries:
        raise DataFileError(f"{origin}: no lexicon entries")
    return entries


# Flags of a verb entry that its -ing noun keeps (the others are about the verb's clause)
GERUND_FLAGS = frozenset({"mutual", "resignation"})
# The CAMEO.2.0 verb blocks of causing something to happen, and the two verbs of causing
# in its MAKE block (whose other verb, "make", is a light verb: "made a visit")
CAUSING_BLOCKS = frozenset({"PROMPT", "FUEL", "PROVOKE"})
CAUSING_VERBS = frozenset({"cause", "induce"})


class Lexicon:
    """Entries indexed by (kind, lemma) for constant-time matching.

    With a CAMEO verb ``dictionary``, the hand entries are overrides: a verb they don't
    list is coded by the dictionary's most specific pattern, or its verb/block default.
    """

    def __init__(self, entries: list[LexEntry], dictionary: CameoDictionary | None = None) -> None:
        self.entries = entries
        self.dictionary = dictionary
        self._weapons: dict[str, list[tuple[str, ...]]] | None = None  # by last word
        self._hyphenated: frozenset[str] | None = None
        self._index: dict[tuple[str, str], list[LexEntry]] = {}
        for e in entries:
            self._index.setdefault((e.kind, e.lemma), []).append(e)
        for bucket in self._index.values():
            # most specific first: more constraints, then constraints naming their words
            bucket.sort(key=lambda e: (-len(e.constraints), -sum(1 for c in e.constraints if c.lemmas)))

    def is_weapon(self, token: Token) -> bool:
        """Whether a word ends a phrase of the CAMEO dictionary's &WEAPON set ("bomb",
        "missile", "tear gas", "improvised explosive device") or of its &AIRCRAFT set
        ("drone", "warplane", "helicopter"), which its patterns use as attackers
        ("&AIRCRAFT * RAIDS" [195])."""
        if self._weapons is None:
            self._weapons = {}
            for name in ("&WEAPON", "&AIRCRAFT"):
                sets = self.dictionary.synsets.get(name, ()) if self.dictionary is not None else ()
                for phrase in sets:
                    if phrase:
                        self._weapons.setdefault(phrase[-1], []).append(phrase)
        doc = token.doc
        ending = self._weapons.get(token.lemma_.lower(), []) + self._weapons.get(token.lower_, [])
        for phrase in ending:
            start = token.i - len(phrase) + 1
            if start >= 0 and all(doc[start + k].lemma_.lower() == w or doc[start + k].lower_ == w
                                  for k, w in enumerate(phrase)):
                return True
        return False

    @property
    def hyphenated(self) -> frozenset[str]:
        """Words of the lexicon and the CAMEO dictionary written with an inner hyphen."""
        if self._hyphenated is None:
            words = {e.lemma for e in self.entries} | {
                w for e in self.entries for c in e.constraints for w in c.lemmas}
            if self.dictionary is not None:
                words |= self.dictionary.hyphenated
            self._hyphenated = frozenset(w for w in words if "-" in w.strip("-"))
        return self._hyphenated

    def join_hyphenated(self, doc: Doc) -> None:
        """spaCy's tokenizer splits "cease-fire" into "cease", "-", "fire": where the joined
        word is one the lexicon or the CAMEO dictionary lists (its ``+CEASE-FIRE``, ``SIT-IN``),
        the last part, the phrase's head, takes it as its lemma so that the entries match."""
        known = self.hyphenated
        for tok in doc:
            if tok.i < 2 or tok.is_punct:
                continue
            parts = [tok.lemma_.lower()]
            j = tok.i
            while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ \
                    and not doc[j - 2].whitespace_ and not doc[j - 2].is_punct:
                parts.insert(0, doc[j - 2].lower_)
                j -= 2
                joined = "-".join(parts)
                if joined in known:
                    tok.lemma_ = joined
                    break

    def codes(self) -> set[str]:
        return {e.cameo for e in self.entries if e.cameo}

    def match(self, token: Token) -> LexEntry | None:
        """The most specific entry whose head and constraints fit the token, or None."""
        if token.pos_ == "VERB":
            self._repair_lemma(token)
        hand = self._hand(token)
        if hand is not None and self._phrasal_of_its_own(token, hand):
            return self._from_dictionary(token)
        if hand is not None and hand.cameo and self.dictionary is not None \
                and token.pos_ == "VERB" and self._dictionary_denies(token):
            return self._reversed(token)
        if hand is not None or self.dictionary is None or token.pos_ != "VERB":
            return hand
        cache = token.doc.user_data.setdefault("geoevents.cameo_dictionary", {})
        if token.i not in cache:
            cache[token.i] = self._from_dictionary(token)
        return cache[token.i]

    def _repair_lemma(self, token: Token) -> None:
        """spaCy's rule lemmatiser reads "staged" as "stag" and "waged" as "wag" (its verb
        index has both readings): where only the reading with a final "e" is a verb of the
        lexicon or the CAMEO dictionary, it is the token's lemma."""
        word, lemma = token.lower_, token.lemma_.lower()
        if word.endswith("ed") and word[:-2] == lemma:
            other = word[:-1]
        elif word.endswith("ing") and word[:-3] == lemma:
            other = lemma + "e"
        else:
            return
        if not self._is_verb(lemma) and self._is_verb(other):
            token.lemma_ = other

    def _is_verb(self, lemma: str) -> bool:
        return ("verb", lemma) in self._index or (
            self.dictionary is not None and lemma in self.dictionary.forms)

    def _phrasal_of_its_own(self, token: Token, hand: LexEntry) -> bool:
        """Whether the verb with its particle is a phrasal verb the CAMEO dictionary lists
        in a block of its own ("+BACK_DOWN" under RETREAT [080]) and the hand entry, written
        for the bare verb ("back" [051]), names no particle."""
        if self.dictionary is None or token.pos_ != "VERB" or any(c.key == "prt" for c in hand.constraints):
            return False
        found = self._dictionary_match(token)
        if found is None or not found.form.after:
            return False
        particles = {c.lower_ for c in particles_of(token)}
        return all(word in particles for word in found.form.after)  # not "ask for", "meet with"

    def _dictionary_denies(self, token: Token) -> bool:
        """Whether a pattern of the CAMEO dictionary that names the verb's context codes it
        [---], no event ("killed in an accident", "died in a crash", "crash victims"): the
        dictionary's own exclusions hold over a hand entry for the bare verb."""
        found = self._dictionary_match(token)
        if found is None or found.pattern is None or found.code is not None:
            return False
        pattern = found.pattern
        return bool(pattern.before or pattern.after) or any(g.phrase is not None for g in pattern.preps)

    def _reversed(self, token: Token) -> LexEntry | None:
        """The event a dictionary pattern states with the roles reversed ("[:111]": "faced
        criticism"), coded as that act of the other party; None for the null code."""
        found = self._dictionary_match(token)
        if found is None or found.reverse is None:
            return None
        code = known_code(found.reverse)
        if code is None or code.startswith("01") or found.pattern is None:
            return None
        return LexEntry("verb", token.lemma_.lower(), (), code, REVERSED_FLAGS,
                        f"CAMEO.2.0 line {found.pattern.line}, roles reversed")

    def dictionary_pattern(self, token: Token) -> LexEntry | None:
        """The CAMEO dictionary's entry for the verb only where one of its patterns names the
        verb's context ("CARRY_OUT * RAID [190]"), never a block default: what a hand light
        verb ("carry out", "launch") states when its object is no event noun of the lexicon."""
        if self.dictionary is None or token.pos_ != "VERB":
            return None
        entry = self._from_dictionary(token)
        return entry if entry is not None and not entry.has("default") else None

    def dictionary_reading(self, token: Token) -> LexEntry | None:
        """The CAMEO dictionary's entry for the verb, its block's default included, whatever
        the hand lexicon says."""
        if self.dictionary is None or token.pos_ != "VERB":
            return None
        return self._from_dictionary(token)

    def causes(self, token: Token) -> bool:
        """Whether the verb is one of causing in the CAMEO dictionary (its PROMPT, FUEL and
        PROVOKE blocks, and CAUSE and INDUCE of its MAKE block): what it brings about
        ("sparked protests", "could trigger attacks") is not its subject's act."""
        if self.dictionary is None or token.pos_ != "VERB":
            return False
        found = self._dictionary_match(token)
        if found is None:
            return False
        return found.block in CAUSING_BLOCKS or (found.block == "MAKE" and found.form.lemma in CAUSING_VERBS)

    def _dictionary_match(self, token: Token) -> DictionaryMatch | None:
        """The dictionary's reading of the verb, matched once per token of a parse."""
        assert self.dictionary is not None
        cache = token.doc.user_data.setdefault("geoevents.cameo_match", {})
        if token.i not in cache:
            cache[token.i] = self.dictionary.match(token)
        return cache[token.i]  # type: ignore[no-any-return]

    def _from_dictionary(self, token: Token) -> LexEntry | None:
        found = self._dictionary_match(token)
        if found is not None and found.code is None:
            return self._reversed(token)
        if found is None:
            return None
        code = known_code(found.code)
        if code is None or code.startswith("01"):
            return None  # statements come from the speech verbs of the hand lexicon (report)
        where = f"CAMEO.2.0 line {found.pattern.line}" if found.pattern else f"CAMEO.2.0 {found.block}"
        weak = found.pattern is None or found.pattern.only_prepositions
        flags = DICTIONARY_FLAGS if weak else frozenset({"cameo"})
        if found.pattern is not None and found.pattern.mutual:
            flags |= {"mutual"}  # "[112:112]": coordinated parties act on each other
        # a bare preposition the pattern names ("STAND * (BY)" [051]) introduces the party
        # the act is aimed at, as a hand entry's prep constraint does ("stood by Minsk")
        preps = tuple(Constraint("prep", p, frozenset()) for g in found.pattern.preps
                      if g.phrase is None for p in g.preps) if found.pattern else ()
        return LexEntry("verb", token.lemma_.lower(), preps, code, flags, where, found.block)

    def _hand(self, token: Token) -> LexEntry | None:
        if token.ent_type_ in TEMPORAL_ENTITIES:
            return None  # "in March": a month, not a march
        lemma = token.lemma_.lower()
        for kind in KINDS:
            if token.pos_ not in _POS[kind]:
                continue
            for entry in self._index.get((kind, lemma), ()):
                if all(_holds(c, token) for c in entry.constraints):
                    return entry
        if token.pos_ == "NOUN" and token.lower_.endswith("ing"):
            return self._gerund(token)
        return None

    def _gerund(self, token: Token) -> LexEntry | None:
        """A verb's -ing noun with its "of" object states what the verb states with that
        object: "the lifting of sanctions" is "lift sanctions" (085), not sanctions imposed.
        Only verb entries that name their object are used: the bare verb says too little."""
        objs = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
        objs += [cc for o in objs for cc in o.conjuncts]
        if not objs:
            return None
        stem = token.lower_[:-3]
        verbs = [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
        for verb in verbs:
            for entry in self._index.get(("verb", verb), ()):
                if not entry.cameo or len(entry.constraints) != 1:
                    continue
                wanted = entry.constraints[0]
                if wanted.key == "obj" and wanted.lemmas and any(_lemma(o) in wanted.lemmas for o in objs):
                    return LexEntry("noun", token.lemma_.lower(), (), entry.cameo,
                                    entry.flags & GERUND_FLAGS, f"noun of: {verb} {entry.note}".strip())
        return None


def known_code(code: str) -> str | None:
    """A dictionary code as a code of ``cameo.tsv``: unknown sub-codes become their parent."""
    known = cameo_types()
    while code and code not in known:
        code = code[:-1]
    return code if len(code) >= 2 else None


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def objects_of(token: Token) -> list[Token]:
    """Direct objects (or the passive subject, which is the object of the action)."""
    out = [c for c in token.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    out += [cc for c in out for cc in c.conjuncts]
    if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":  # "the agreement signed by"
        out.append(token.head)
    return out


def _holds(c: Constraint, token: Token) -> bool:
    kids = list(token.children)
    if c.key == "obj":
        objs = objects_of(token)
        # an amount passes on what it measures: "300 mln dlrs in tariffs", "a set of sanctions"
        objs += [g for o in objs if o.like_num or any(k.like_num for k in o.children)
                 or _lemma(o) in MEASURE_NOUNS
                 for p in o.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                 for g in p.children if g.dep_ == "pobj"]
        # a plan for a measure is the measure, planned: "announced plans for tariffs"
        objs += [g for o in objs if _lemma(o) in PLAN_OBJECTS for p in o.children
                 if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]
        objs += [g for o in list(objs) if o.like_num or any(k.like_num for k in o.children)
                 for p in o.children if p.dep_ == "prep" and p.lower_ == "in"
                 for g in p.children if g.dep_ == "pobj"]
        # a light object with "of": "a demand for the release" -> also its pobj
        return bool(objs) if not c.lemmas else any(_lemma(o) in c.lemmas for o in objs)
    if c.key == "prt":
        return any(_lemma(k) in c.lemmas for k in particles_of(token))
    if c.key == "prep":
        # a two-word preposition hangs its second word on its first ("out of", "away from")
        kids = kids + [g for k in kids if k.dep_ == "prep" for g in k.children if g.dep_ == "prep"]
        if c.name == "for":
            # "called for a court case to be opened": the parser makes "for" the mark of the
            # infinitive clause it introduces; the clause's subject is the preposition's object
            for clause in kids:
                if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                                  for m in clause.children):
                    subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
                    if subjects and (not c.lemmas or _lemma(subjects[0]) in c.lemmas):
                        return True
        for k in kids:
            if k.dep_ not in ("prep", "agent", "dative") or (c.name and _lemma(k) != c.name):
                continue
            if time_adjunct(k):
                continue  # "called his counterpart on Monday": when, not whom ("called on X")
            if not c.lemmas:
                return True
            if any(_lemma(g) in c.lemmas for g in k.children if g.dep_ in ("pobj", "pcomp")):
                return True
        return False
    if c.key == "mod":
        return any(k.dep_ in MODIFIER_DEPS and _lemma(k) in c.lemmas for k in kids) or (
            token.i > 0 and _lemma(token.doc[token.i - 1]) in c.lemmas)
    if c.key == "clause":  # a finite clause with its own subject: "agreed (that) X must"
        return any(k.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in k.children)
                   and (not c.lemmas or _lemma(k) in c.lemmas) for k in kids)
    if c.key == "view":  # a finite clause stating how things are: "agreed that the talks failed"
        return any(k.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in k.children)
                   and not any(g.dep_ == "aux" and g.lower_ in COMMITMENT_MODALS for g in k.children)
                   for k in kids)
    if c.key == "subj":  # the doer's head word, up the chain of "voted to strike"
        tok = token
        for _ in range(4):
            subj = next((k for k in tok.children if k.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return _lemma(_counted(subj)) in c.lemmas
            if tok.dep_ not in ("xcomp", "conj") or tok.head == tok:
                return False
            tok = tok.head
        return False
    if c.key == "score":  # a match result beside the verb: "beat Croatia 2-1"
        return any(k.like_num and k.i + 2 < len(token.doc) and token.doc[k.i + 1].text in ("-", "–")
                   and token.doc[k.i + 2].like_num for k in token.subtree)
    if c.key == "control":  # "told Japan to open", "wants Japan to open": a to-infinitive
        # whose doer is another party (the verb's object or the clause's own subject)
        other_doer = any(g.dep_ in OBJECT_DEPS for g in kids)
        return any(k.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                         for a in k.children)
                   and (other_doer or any(g.dep_ == "nsubj" for g in k.children))
                   and (not c.lemmas or _lemma(k) in c.lemmas) for k in kids)
    if c.key == "purpose":  # "gathered in Lima to protest": a to-infinitive of purpose
        # "gave the envoys 72 hours to leave": the parser may hang it on the span of time
        kids = kids + [g for k in kids if k.dep_ == "npadvmod" for g in k.children
                       if g.dep_ in ("relcl", "acl")]
        return any(k.dep_ in ("advcl", "xcomp", "relcl", "acl") and _lemma(k) in c.lemmas
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in k.children) for k in kids)
    if c.key == "comp":
        if not c.lemmas:  # an object predicate ("called the move illegal") is one too
            return any(k.dep_ in ("xcomp", "ccomp", "oprd") for k in kids)
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        # "pleaded guilty Monday to ...": the parser may hang an adjective right after the
        # verb on a later word; it is still the verb's complement
        return any(k.dep_ in COMPLEMENT_DEPS and _lemma(k) in c.lemmas for k in kids) or (
            after is not None and after.pos_ == "ADJ" and _lemma(after) in c.lemmas)
    return False


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None, dictionary: str | None = "",
                 ) -> Lexicon:
    """The shipped lexicon, or a user's file (same format) when a path is given.

    ``dictionary``: "" for the shipped CAMEO verb dictionary, a path for a user's file in
    the same format, None for none (the hand lexicon alone).
    """
    cameo = None if dictionary is None else load_dictionary(dictionary or None)
    if path:
        p = Path(path)
        if not p.is_file():
            raise DataFileError(f"{p}: lexicon file not found")
        return Lexicon(parse_lexicon(p.read_text(encoding="utf-8"), str(p)), cameo)
    text = resources.files("geoevents.events").joinpath("data", "lexicon.tsv").read_text(
        encoding="utf-8")
    return Lexicon(parse_lexicon(text, "events/data/lexicon.tsv"), cameo)


# Heads that count what their "of" phrase names ("thousands of workers", "a group of
# protesters"): the doer is the counted noun.
_COUNTING_HEADS = {"hundred", "thousand", "million", "dozen", "score", "ten", "number", "group",
                   "crowd", "band"}


def _counted(subject: Token) -> Token:
    """The noun a counting subject counts ("thousands of protesters" -> protesters)."""
    if subject.like_num or subject.lemma_.lower() in _COUNTING_HEADS:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                noun = next((k for k in prep.children if k.dep_ == "pobj"), None)
                if noun is not None:
                    return noun
    return subject
