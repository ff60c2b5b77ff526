"""Finding temporal expressions: spaCy's DATE/TIME entities, corrected, plus a grammar.

spaCy's entities are the start. They are cut where they run over two expressions
(a line break, "between April and June", "June 17, two days"), trimmed of words
outside the expression ("just two weeks"), and dropped when they are not times
at all (ages, bare counts, decimals). The regular-expression grammar in
``data/patterns.toml`` adds what spaCy misses (clock times with zones, "recently",
"weekly", "three-day") and extends what it cuts short ("this year", "Friday
morning"); overlapping candidates are joined into one span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from geoevents.time.lexicon import fold_case, grammar, lexicon
from geoevents.time.normalise import Anchor, normalise

_LEX = lexicon()
_LEADING = re.compile(
    r"^(?:between|from|just|only|since|until|till|through|by|as\s+of|of|on|in|at|and|or|to|"
    r"the\s+age\s+of|as\s+early\s+as|as\s+late\s+as|as\s+soon\s+as|no\s+later\s+than|no\s+earlier\s+than|not\s+until|"
    r"before|after)\s+", re.IGNORECASE)
# The dot of "a.m." / "p.m." belongs to the expression.
_TRAILING = re.compile(r"(?:\s+(?:and|or|to|through|until|of|in|on|-|–))+$|(?<!\b[ap]\.m)[\s,.;:(\-–]+$",
                       re.IGNORECASE)
# "the quarter ended Dec. 31": a period and the day it ends are two expressions.
_RANGE = re.compile(r"\s+(?:and|to|through|until|till|or|ended|ending|-|–)\s+|\s*[-–]\s*(?=[A-Z\d])")
_COMMA = re.compile(r",\s+")
# Before a month name: "2005 June 6, 2005" or "six years February 20, 2009" (a headline
# run into its dateline) are two expressions; each side must read on its own.
_MONTH_NAMES = sorted({m.capitalize() for m in _LEX.months if len(m) > 3 or m == "may"},
                     key=len, reverse=True)
_BEFORE_MONTH = re.compile(r"(?<=[\w.])\s+(?=(?-i:" + "|".join(_MONTH_NAMES) + r")\b)")
_NOT_TIME = re.compile(
    r"^(?:\d{1,3}|\d+[.,]\d+(?:[.,]\d+)*|\d+(?:\.\d+){2,}|(?:about|around|nearly|some|almost)\s+"
    r"(?:a\s+)?(?:quarter|half|third)|the\s+age\s+of.*|aged?\s+\d+|\d+\s+years?\s+old|"
    r"\d+-years?-old)$",
    re.IGNORECASE)
_BARE_YEAR = re.compile(r"^\d{4}$")
_PROBE = Anchor(ref=None)


@dataclass
class Candidate:
    start: int
    end: int
    hint: str  # TIMEX3 type suggested by the source (spaCy label or grammar type)
    from_grammar: bool = False


def _parses(text: str) -> bool:
    return normalise(text, _PROBE)[0] is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop words outside the expression at either end of [start, end)."""
    while True:
        piece = text[start:end]
        m = _LEADING.match(piece)
        if m and m.end() < len(piece):
            start += m.end()
            continue
        m = _TRAILING.search(piece)
        if m and m.start() > 0:
            end = start + m.start()
            continue
        if piece.endswith(")") and piece.count(")") > piece.count("("):
            end -= 1
            continue
        lead = len(piece) - len(piece.lstrip())
        if lead:
            start += lead
            continue
        return start, end


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an entity where it holds two expressions; keep it whole otherwise."""
    pieces: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        s, e = _trim(text, start + line.start(), start + line.end())
        if e > s:
            pieces.append((s, e))
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        out.extend(_split_on(text, s, e, _RANGE) or _split_on(text, s, e, _COMMA)
                   or _split_on(text, s, e, _BEFORE_MONTH) or [(s, e)])
    return out


def _split_on(text: str, s: int, e: int, sep: re.Pattern[str]) -> list[tuple[int, int]] | None:
    piece = text[s:e]
    cuts = list(sep.finditer(piece))
    if not cuts:
        return None
    bounds, prev = [], 0
    for cut in cuts:
        bounds.append((prev, cut.start()))
        prev = cut.end()
    bounds.append((prev, len(piece)))
    parts = [piece[a:b] for a, b in bounds]
    if sep is _BEFORE_MONTH and parts[0].strip().lower().rstrip(".") in _LEX.weekdays:
        return None
    if sep is _COMMA:
        # "March 01, 2008" and "Monday, March 3" are one date.
        if any(_BARE_YEAR.match(p.strip()) for p in parts[1:]) or \
                parts[0].strip().lower() in _LEX.weekdays:
            return None
    if sep is _BEFORE_MONTH and re.search(r"\b(?:of|in|on|and|or|to|by|from|since)$", parts[0].strip()):
        return None
    if not all(_parses(p) or _BARE_YEAR.match(p.strip()) for p in parts):
        return None
    out = []
    for a, b in bounds:
        ts, te = _trim(text, s + a, s + b)
        if te > ts:
            out.append((ts, te))
    return out


# Words before a month named alone that make it a time ("in May", "since March", "early June",
# "the end of May", "last August"); without one, a lone month name is a person or a word
# ("Theresa May", "Mrs May urged", "the March on Washington").
_MONTH_CONTEXT = frozenset({
    "in", "on", "by", "since", "until", "till", "from", "through", "to", "during", "before",
    "after", "early", "mid", "late", "last", "next", "this", "that", "each", "every", "of",
    "between", "around", "throughout", "for", "as", "into", "within", "earlier", "later",
    "past", "previous", "following", "coming", "when", "'s", "’s",
    # a determiner before a month that modifies a noun: "their January sales", "the May poll"
    "the", "a", "an", "its", "their", "his", "her", "our"})
_LIST_WORDS = frozenset({"and", "or", ",", "-", "–", "to", "through"})


# Month names that are also names or words ("Theresa May", "June Sarpong", "the March on
# Rome"); the others are times wherever they stand alone ("Norway's October output").
_NAME_MONTHS = frozenset({"March", "April", "May", "June", "August"})


def _lone_month_not_time(doc: Doc, text: str, start: int, end: int) -> bool:
    """A month that is also a name, named alone with no word of time before it (nor a month
    it is listed with). ``text`` is the document's (``Doc.text`` joins every token anew)."""
    if text[start:end] not in _NAME_MONTHS:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    first = span.start
    if first == 0 or doc[first].is_sent_start:
        return True  # opening a sentence: "May told MPs", "March organisers said"
    prev = doc[first - 1]
    if prev.lower_ in _MONTH_CONTEXT:
        return False
    # the words just before it in its sentence (token flags, not Span.sent: that walks the
    # document's sentences on every call)
    window = max(0, first - 4)
    for i in range(first - 1, window, -1):
        if doc[i].is_sent_start:
            window = i
            break
    if prev.lower_ in _LIST_WORDS and any(t.text in _MONTH_NAMES for t in doc[window:first - 1]):
        return False  # "April and May", "June to August"
    return True


def recognise(doc: Doc) -> list[Candidate]:
    """Candidate temporal expressions of a parsed document, in text order, not overlapping."""
    text = doc.text
    found: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        for s, e in _split(text, ent.start_char, ent.end_char):
            if not _NOT_TIME.match(text[s:e]) or _BARE_YEAR.match(text[s:e]):
                found.append(Candidate(s, e, ent.label_))
    folded = fold_case(text)
    for pattern in grammar():
        matches = pattern.folded.finditer(folded) if pattern.folded and folded is not None \
            else pattern.regex.finditer(text)
        for m in matches:
            if m.end() > m.start():
                # A range is two expressions, one at each end.
                pieces = _split(text, m.start(), m.end()) if pattern.name.endswith("_range") \
                    else [_trim(text, m.start(), m.end())]
                for s, e in pieces:
                    if e > s:
                        found.append(Candidate(s, e, pattern.type, from_grammar=True))
    return [c for c in _join(found) if not _lone_month_not_time(doc, text, c.start, c.end)]


def _join(found: list[Candidate]) -> list[Candidate]:
    found.sort(key=lambda c: (c.start, -c.end))
    joined: list[Candidate] = []
    for cand in found:
        if joined and cand.start < joined[-1].end:
            last = joined[-1]
            last.end = max(last.end, cand.end)
            if cand.hint == "SET" and cand.from_grammar:
                last.hint = "SET"
            last.from_grammar = last.from_grammar and cand.from_grammar
            continue
        joined.append(Candidate(cand.start, cand.end, cand.hint, cand.from_grammar))
    return joined
