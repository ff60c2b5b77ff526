"""The CAMEO verb dictionary of PETRARCH2, compiled into a matcher over the spaCy parse.

The file (``data/petrarch2/CAMEO.2.0.txt``, MIT, Open Event Data Alliance; descended from
TABARI's CAMEO verb file) holds synonym sets (``&CEASEFIRE``), verb blocks (WordNet-style
synonym sets of verbs with a default code) and, per block, coded phrase patterns::

    ---  ACCUSE   [112]  ---
    ACCUSE
    +POINT_FINGER {+POINTS_FINGER ...} [112]
    - * (OF &CRIME)                                   [112]   # ACCUSE
    - $ TROOP * (TOWARD RETREAT)                      [0874]  # MOVE

Syntax (``dictionaries.rst`` of PETRARCH2): ``*`` is the verb; words before it are looked
for in front of the verb (its subject, auxiliaries), words after it in its object phrase;
``(PREP X)`` is a prepositional phrase, ``{A B}`` consecutive words with ``B`` the head,
``&NAME`` any member of a synonym set; ``$``, ``+``, ``%`` and ``^`` mark source, target and
other roles, which the role finder reads from the parse instead. ``[---]`` is the null code:
that phrase is no event. ``[042:043]`` pairs the code of the event with the code of its
mirror (roles reversed), ``[112:112]`` is one act done by each party to the other ("EXCHANGE
* ACCUSATIONS"); a pattern with only the second (``[:111]``: "FACE * CRITICISM")
states the object's party acting on the subject. A pattern belongs to its block and applies
to every verb in it.

Matching is on lemmas and lower-cased words, so the regular forms that PETRARCH generated
(``-S``, ``-ED``, ``-ING``, plurals) come for free; the most specific pattern wins (most
elements, then most words), and a verb with no matching pattern takes its own code or its
block's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from geoevents.errors import DataFileError

ROLE_MARKS = frozenset({"$", "+", "%", "^"})
# Dependents whose subtrees are other clauses: a pattern's words are not looked for there.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "xcomp", "csubj", "mark",
                         "punct", "cc"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass"})
_CODE = re.compile(r"\[([^\]]*)\]")



@dataclass(frozen=True, slots=True)
class Phrase:
    """Alternatives of consecutive words; the last word of each is the phrase's head."""

    alternatives: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        return max(len(a) for a in self.alternatives)


@dataclass(frozen=True, slots=True)
class PrepGroup:
    """``(PREP X)``: a preposition (or particle) of the verb or its object, with X under it."""

    preps: tuple[str, ...]
    phrase: Phrase | None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    before: tuple[Phrase, ...]
    after: tuple[Phrase, ...]
    preps: tuple[PrepGroup, ...]
    code: str | None  # None: the null code [---], no event
    line: int
    verb: str | None = None  # the verb of the block the pattern was written for (its comment)
    # the code of a pattern that states the event with the roles reversed ("[:111]"): "X faced
    # criticism from Y" is Y criticising X (PETRARCH2's paired codes, source:target order)
    reverse: str | None = None
    # "[112:112]": the act and its mirror are one code, done by each party to the other
    # ("EXCHANGE * ACCUSATIONS", "EXCHANGE * FIRE")
    mutual: bool = False

    @property
    def only_prepositions(self) -> bool:
        """A pattern of bare prepositions ("* (FOR)") says little more than the verb."""
        return not self.before and not self.after and all(g.phrase is None for g in self.preps)

    @property
    def weight(self) -> tuple[int, int]:
        elements = len(self.before) + len(self.after) + len(self.preps)
        words = sum(p.size for p in (*self.before, *self.after)) + sum(
            1 + (g.phrase.size if g.phrase else 0) for g in self.preps)
        return elements, words


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One verb of a block: its lemma, the words that must stand after/before it, its code."""

    lemma: str
    after: tuple[str, ...]  # "+BRING_OUT": "out"
    before: tuple[str, ...]  # "WIRE_+TAP": "wire"
    code: str | None  # own code; None with has_code: the null code
    has_code: bool
    block: int


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str | None
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DictionaryMatch:
    code: str | None  # None: the dictionary says this is no event
    pattern: VerbPattern | None  # None: the verb's or its block's default
    block: str
    form: VerbForm

    @property
    def reverse(self) -> str | None:
        """The code of the event the phrase states with its roles reversed, if that is all
        it states (the object acts on the subject: "received a loan from", "faced criticism")."""
        return self.pattern.reverse if self.pattern is not None and self.code is None else None


def _code(text: str) -> tuple[bool, str | None]:
    """``[042:043]`` -> (True, "042"); ``[---]`` -> (True, None); no code -> (False, None)."""
    m = _CODE.search(text)
    if m is None:
        return False, None
    value = m.group(1).strip().split(":")[0].strip()
    if not value or value.startswith("-"):
        return True, None
    return True, value


def _reverse_code(text: str) -> str | None:
    """``[:111]`` -> "111": a pattern coded only for the reversed roles; else None."""
    m = _CODE.search(text)
    if m is None or ":" not in m.group(1):
        return None
    primary, _, second = (part.strip() for part in m.group(1).partition(":"))
    if primary and not primary.startswith("-"):
        return None  # "[042:043]": the pattern's own event is coded; its mirror is not ours
    return second if second and not second.startswith("-") else None


def _mutual_code(text: str) -> bool:
    """``[112:112]`` -> True: the pattern codes the same act both ways."""
    m = _CODE.search(text)
    if m is None or ":" not in m.group(1):
        return False
    primary, _, second = (part.strip() for part in m.group(1).partition(":"))
    return bool(primary) and not primary.startswith("-") and primary == second


_HYPHENATED = re.compile(r"(?<![A-Za-z-])[A-Za-z]+(?:-[A-Za-z]+)+(?![A-Za-z-])")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in text.lower().strip("_").split("_") if w)


def _tokenise(text: str, where: str) -> list[str]:
    """Pattern text -> elements: ``*``, role marks, words, ``&SET``, ``{...}`` and ``(...)``."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "{(":
            close = "}" if ch == "{" else ")"
            depth, j = 0, i
            while j < len(text):
                if text[j] in "{(":
                    depth += 1
                elif text[j] in "})":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= len(text) or text[j] != close:
                raise DataFileError(f"{where}: unbalanced {ch!r} in pattern {text.strip()!r}")
            out.append(text[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "{(":
            j += 1
        out.append(text[i:j])
        i = j
    return out


class CameoDictionary:
    """Verb forms indexed by lemma, with their blocks' patterns."""

    def __init__(self) -> None:
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.blocks: list[VerbBlock] = []
        self.forms: dict[str, list[VerbForm]] = {}
        self.inflections: dict[int, dict[str, str]] = {}  # block -> written form -> lemma
        # words written with an inner hyphen ("CEASE-FIRE", "SIT-IN"), which spaCy splits
        self.hyphenated: set[str] = set()

    # ------------------------------------------------------------------ reading
    @classmethod
    def parse(cls, text: str, origin: str) -> CameoDictionary:
        self = cls()
        lines = text.splitlines()
        section = "synsets"
        current_set: str | None = None
        for n, raw in enumerate(lines, start=1):
            where = f"{origin} line {n}"
            line = raw.split("#", 1)[0].rstrip() if not raw.startswith("#") else ""
            if raw.startswith("####### VERB PATTERNS"):
                section = "verbs"
                continue
            if raw.startswith("######## TRANSFORMATIONS"):
                break
            if not line.strip():
                current_set = None
                continue
            self.hyphenated.update(w.lower() for w in _HYPHENATED.findall(line))
            if section == "synsets":
                if line.startswith("&"):
                    current_set = line.strip().rstrip("_")
                    self.synsets.setdefault(current_set, ())
                elif line.startswith("+") and current_set is not None:
                    self.synsets[current_set] += (_words(line[1:].strip()),)
                continue
            stripped = line.strip()
            if stripped.startswith("---"):
                name = stripped.strip("-").strip()
                _, code = _code(name)
                self.blocks.append(VerbBlock(_CODE.sub("", name).strip(), code))
            elif stripped.startswith("-"):
                if not self.blocks:
                    raise DataFileError(f"{where}: pattern before the first verb block")
                pattern = self._pattern(stripped[1:], n, where)
                if pattern is not None:
                    comment = raw.split("#", 1)[1].split() if "#" in raw else []
                    written_for = comment[0].strip(",").lower() if comment else ""
                    if written_for.replace("_", "").isalpha():
                        pattern = replace(pattern, verb=written_for)
                    self.blocks[-1].patterns.append(pattern)
            else:
                if not self.blocks:
                    raise DataFileError(f"{where}: verb before the first verb block")
                self._forms(stripped, len(self.blocks) - 1)
        if not self.forms:
            raise DataFileError(f"{origin}: no verbs found")
        self._lemmatise_pattern_verbs()
        return self

    def _lemmatise_pattern_verbs(self) -> None:
        """A pattern's comment names its verb inflected as in the text it was written from
        ("# RALLIED"): map it to the block's lemma, or drop it when no verb of the block has it."""
        for k, block in enumerate(self.blocks):
            own = self.inflections.get(k, {})
            for n, pattern in enumerate(block.patterns):
                if pattern.verb is None:
                    continue
                block.patterns[n] = replace(pattern, verb=own.get(pattern.verb))

    def _forms(self, text: str, block: int) -> None:
        has_code, code = _code(text)
        main = _CODE.sub("", text).split("{", 1)[0].strip()
        if not main:
            return
        words = main.split("_")
        verb_at = next((k for k, w in enumerate(words) if w.startswith("+")), 0)
        lemma = words[verb_at].lstrip("+").lower()
        if not lemma.isalpha():
            return
        form = VerbForm(lemma, tuple(w.lower() for w in words[verb_at + 1:] if w),
                        tuple(w.lower() for w in words[:verb_at] if w), code, has_code, block)
        self.forms.setdefault(lemma, []).append(form)
        own = self.inflections.setdefault(block, {})
        own.setdefault(main.lower().replace("+", ""), lemma)
        own.setdefault(lemma, lemma)
        braces = _CODE.sub("", text).split("{", 1)
        if len(braces) > 1:
            for written in braces[1].split("}", 1)[0].split():
                own.setdefault(written.lower().replace("+", ""), lemma)

    def _phrase(self, element: str, where: str) -> Phrase | None:
        """A word, ``&SET`` or ``{A B}`` element; None when it only marks a role."""
        if element in ROLE_MARKS:
            return None
        if element.startswith("{"):
            parts = [p for p in element[1:-1].split() if p not in ROLE_MARKS]
            alts: list[tuple[str, ...]] = [()]
            for part in parts:
                options = self._options(part, where)
                if options is None:
                    return None
                alts = [a + o for a in alts for o in options]
            alts = [a for a in alts if a]
            return Phrase(tuple(alts)) if alts else None
        options = self._options(element, where)
        return Phrase(tuple(options)) if options else None

    def _options(self, word: str, where: str) -> list[tuple[str, ...]] | None:
        if word.startswith("&"):
            members = self.synsets.get(word.rstrip("_"))
            if members is None:  # PETRARCH ignores a pattern with an undefined set
                return None
            return list(members)
        w = _words(word)
        return [w] if w else None

    def _pattern(self, text: str, line: int, where: str) -> VerbPattern | None:
        has_code, code = _code(text)
        if not has_code:
            raise DataFileError(f"{where}: pattern without a [code]")
        body = _CODE.sub("", text).strip()
        elements = _tokenise(body, where)
        if "*" not in elements:
            return None
        star = elements.index("*")
        before: list[Phrase] = []
        after: list[Phrase] = []
        preps: list[PrepGroup] = []
        for k, element in enumerate(elements):
            if element == "*":
                continue
            if element.startswith("("):
                inner = _tokenise(element[1:-1], where)
                if not inner:
                    continue
                names = tuple(p for p in inner[0].lower().split("/") if p)
                rest = [e for e in inner[1:] if e not in ROLE_MARKS]
                phrase = None
                if rest:
                    joined = "{" + " ".join(e.strip("{}") for e in rest) + "}" if len(rest) > 1 \
                        else rest[0]
                    phrase = self._phrase(joined, where)
                    if phrase is None:
                        return None  # an undefined synonym set: the pattern is ignored
                preps.append(PrepGroup(names, phrase))
                continue
            phrase = self._phrase(element, where)
            if phrase is None:
                if element not in ROLE_MARKS:
                    return None
                continue
            (before if k < star else after).append(phrase)
        return VerbPattern(tuple(before), tuple(after), tuple(preps), code, line,
                           reverse=_reverse_code(text), mutual=_mutual_code(text))

    # ------------------------------------------------------------------ matching
    def match(self, token: Token) -> DictionaryMatch | None:
        """The dictionary's reading of a verb token, or None when the verb is not listed."""
        forms = self.forms.get(token.lemma_.lower())
        if not forms:
            return None
        form = _best_form(forms, token)
        if form is None:
            return None
        context = _Context(token)
        best: VerbPattern | None = None
        best_block = form.block
        for f in forms:
            if not _form_fits(f, token):
                continue
            for pattern in self.blocks[f.block].patterns:
                if pattern.verb is not None and pattern.verb != f.lemma:
                    # TABARI wrote each pattern for one verb, named in its comment; PETRARCH2
                    # pooled them in synonym blocks, where "announce * measures [130]" also
                    # made "explain the measures" a threat
                    continue
                if best is not None and pattern.weight <= best.weight:
                    continue
                if context.fits(pattern):
                    best, best_block = pattern, f.block
        block = self.blocks[best_block]
        if best is not None:
            return DictionaryMatch(best.code, best, block.name, form)
        code = form.code if form.has_code else self.blocks[form.block].code
        return DictionaryMatch(code, None, self.blocks[form.block].name, form)


def _form_fits(form: VerbForm, token: Token) -> bool:
    doc = token.doc
    for k, word in enumerate(form.after, start=1):
        kids = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod", "dobj")}
        nxt = doc[token.i + k].lower_ if token.i + k < len(doc) else ""
        if word not in kids and word != nxt:
            return False
    for k, word in enumerate(reversed(form.before), start=1):
        if token.i - k < 0 or doc[token.i - k].lower_ != word:
            return False
    return True


def _best_form(forms: list[VerbForm], token: Token) -> VerbForm | None:
    """The most specific form that fits ("bring out" before "bring")."""
    fitting = [f for f in forms if _form_fits(f, token)]
    if not fitting:
        return None
    return max(fitting, key=lambda f: len(f.after) + len(f.before))


# Particles of English phrasal verbs that the parser also labels adverbs ("hit back at")
ADVERB_PARTICLES = frozenset({"back", "out", "off", "down", "up", "away"})


def particles_of(verb: Token) -> list[Token]:
    """The verb's particles: "called off", "hit out at", and "out" or "away" that the parser
    labels a preposition when a phrase follows ("walked out of the talks", "backed away from
    the deal": "out of" is the particle and its preposition)."""
    return [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.tag_ == "RP")
            # "hit back at": the particle the parser reads as an adverb right after the verb
            or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES)
            or (c.dep_ == "prep" and c.lower_ in ("out", "away") and c.i == verb.i + 1
                and any(g.dep_ == "prep" for g in c.children))]


OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative", "nsubjpass", "nsubj:pass", "acomp"})
PREP_DEPS = frozenset({"prep", "agent", "prt", "dative", "advmod"})
SMALL_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp"})
PASSIVE_DEPS = frozenset({"nsubjpass", "nsubj:pass", "auxpass"})


class _Context:
    """The words around a verb that patterns are matched against.

    As in PETRARCH, a pattern's noun is the head of a phrase: a noun after the verb is the
    head of one of its objects (the passive subject included), a prepositional phrase's
    noun the head of the preposition's object; the words of a ``{A B}`` phrase stand right
    before that head. Words before the verb are looked for in its subject and auxiliaries,
    and in a passive in its "by" or "in" phrase, where the active's subject stands.
    """

    def __init__(self, verb: Token) -> None:
        self.verb = verb
        heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        # an adjective of a small clause ("held X responsible", "declared the vote void") is
        # a word after the verb in its phrase, whatever clause label the parser gives it
        heads += [c for c in verb.children if c.pos_ == "ADJ" and c.dep_ in SMALL_CLAUSE_DEPS
                  and c.i > verb.i]
        heads += [cc for c in heads for cc in c.conjuncts]
        # a particle stands right after the verb in its phrase ("hit out at", "called off"):
        # TABARI writes it as the pattern's first word after the verb ("* OUT (AT)")
        heads += particles_of(verb)
        self.heads = heads
        preps = [c for c in verb.children if c.dep_ in PREP_DEPS]
        preps += [g for h in heads for g in h.children if g.dep_ == "prep"]
        # "called his counterpart on Monday": a date says when, it is no "* (ON)" phrase
        self.preps = [p for p in preps if not time_adjunct(p)]
        before: list[Token] = []
        for child in verb.children:
            if child.i < verb.i and child.dep_ not in CLAUSE_DEPS and child.dep_ not in OBJECT_DEPS:
                before.extend(child.subtree)
        if any(c.dep_ in PASSIVE_DEPS for c in verb.children):
            # a passive's doer or cause stands after it ("were killed in a crash", "was hit
            # by mortar fire"): the words the active voice puts before the verb ("CRASH *")
            for child in verb.children:
                if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "in"):
                    before.extend(g for g in child.children if g.dep_ == "pobj")
        self.before = before

    def fits(self, pattern: VerbPattern) -> bool:
        for phrase in pattern.after:
            if not any(_phrase_at(phrase, h) for h in self.heads):
                return False
        for phrase in pattern.before:
            if not any(_phrase_at(phrase, t) for t in self.before):
                return False
        return all(self._prep_in(group) for group in pattern.preps)

    def _prep_in(self, group: PrepGroup) -> bool:
        for t in self.preps:
            if t.lower_ not in group.preps:
                continue
            if group.phrase is None:
                return True
            objects = [g for g in t.children if g.dep_ in ("pobj", "pcomp")]
            objects += [cc for g in objects for cc in g.conjuncts]
            if any(_phrase_at(group.phrase, g) for g in objects):
                return True
        return False


def time_adjunct(prep: Token) -> bool:
    """Whether a preposition's objects are all dates or times ("on Monday", "for two weeks")."""
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _phrase_at(phrase: Phrase, head: Token) -> bool:
    """Whether ``head`` is the last word of one of the phrase's alternatives."""
    doc = head.doc
    for alt in phrase.alternatives:
        if not _word_is(head, alt[-1]):
            continue
        start = head.i - len(alt) + 1
        if start >= 0 and all(_word_is(doc[start + k], w) for k, w in enumerate(alt[:-1])):
            return True
    return False


# A number in a pattern stands for any number ("GIVE * {TWO WEEKS}" [139]: an ultimatum of
# six weeks is one as well)
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())


def _word_is(token: Token, word: str) -> bool:
    if word in NUMBER_WORDS and token.like_num:
        return True
    return token.lower_ == word or token.lemma_.lower() == word


@lru_cache(maxsize=4)
def load_dictionary(path: str | None = None) -> CameoDictionary:
    """The shipped CAMEO verb dictionary, or a user's file in the same format."""
    if path:
        p = Path(path)
        if not p.is_file():
            raise DataFileError(f"{p}: CAMEO verb dictionary not found")
        return CameoDictionary.parse(p.read_text(encoding="utf-8"), str(p))
    ref = resources.files("geoevents.events").joinpath("data", "petrarch2", "CAMEO.2.0.txt")
    try:
        text = ref.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("events/data/petrarch2/CAMEO.2.0.txt: data file missing") from None
    return CameoDictionary.parse(text, "events/data/petrarch2/CAMEO.2.0.txt")
