"""Finding quoted stretches of text from quotation marks alone (no parse).

Marks are classified by their context rather than their glyph, because news text
mixes styles and gets them wrong (a paragraph opened with ``”``, a straight ``"``
closing a curly ``“``). Pairing is tolerant: a mark that cannot be paired is
dropped and scanning goes on, so one stray mark never costs the whole document.
A quote left open at the end of a paragraph continues when the next paragraph
opens with a quotation mark (the newspaper convention for multi-paragraph quotes).
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPENERS = "“„«"
DOUBLE_CLOSERS = "”»"
DOUBLE_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'
SINGLE_OPENERS = "‘‹"
SINGLE_CLOSERS = "’›"
SINGLE_MARKS = SINGLE_OPENERS + SINGLE_CLOSERS + "'"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
# Characters after which a mark reads as opening, and before which it reads as closing.
_OPEN_AFTER = "([{—–―-/:;,"
_CLOSE_BEFORE = ".,;:!?)]}—–―-…/"


@dataclass(slots=True)
class QuotedSpan:
    """A stretch from an opening mark to its closing mark (both included)."""

    start: int
    end: int
    double: bool  # quoted with double marks (or guillemets) rather than single ones

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def _width(text: str, i: int) -> int:
    """2 for a doubled apostrophe ('' or ``), which typewriter text uses as a double mark."""
    return 2 if text[i:i + 2] in ("''", "``", "’’", "‘‘") else 1


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``text[i]``, judged by its neighbours."""
    w = _width(text, i)
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + w] if i + w < len(text) else "\n"
    can_open = (prev.isspace() or prev in _OPEN_AFTER or prev in ALL_MARKS) and not nxt.isspace()
    can_close = (not prev.isspace()) and (nxt.isspace() or nxt in _CLOSE_BEFORE or nxt in ALL_MARKS)
    return can_open, can_close


def _mark_role(text: str, i: int) -> str | None:
    """'open', 'close' or None (not a quotation mark here, e.g. an apostrophe)."""
    ch = text[i]
    can_open, can_close = _flanks(text, i)
    if ch in SINGLE_MARKS and _width(text, i) == 1:
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isalnum() and nxt.isalnum():
            return None  # don’t, Putin’s: an apostrophe
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if can_open and can_close:  # glued on both sides: trust the glyph
        if ch in DOUBLE_OPENERS or ch in SINGLE_OPENERS:
            return "open"
        if ch in DOUBLE_CLOSERS or ch in SINGLE_CLOSERS:
            return "close"
        return "either"
    return None  # spaces on both sides: a stray mark


def _next_paragraph_opens(text: str, pos: int) -> int | None:
    """Index of the quotation mark that opens the paragraph starting after ``pos``."""
    j = pos
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in ALL_MARKS and _mark_role(text, j) in ("open", "either"):
        return j
    return None


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Top-level quoted spans in document order; nested quotes stay inside their parent."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None  # outermost open quote
    open_double = True
    inner_open: list[int] = []  # nested marks of the other family inside the open quote
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                nxt = _next_paragraph_opens(text, i)
                family_ok = nxt is not None and \
                    (text[nxt] in DOUBLE_MARKS or _width(text, nxt) == 2) == open_double
                if family_ok and nxt is not None:
                    inner_open.clear()
                    i = nxt + _width(text, nxt)
                    continue
                open_at = None  # unclosed at paragraph end: drop it, keep scanning
                inner_open.clear()
            i += 1
            continue
        if ch not in ALL_MARKS:
            i += 1
            continue
        role = _mark_role(text, i)
        width = _width(text, i)
        is_double = ch in DOUBLE_MARKS or width == 2
        if role is None:
            i += 1
            continue
        if open_at is None:
            if role in ("open", "either"):
                open_at, open_double = i, is_double
                inner_open.clear()
        elif is_double == open_double:
            if role in ("close", "either"):
                spans.append(QuotedSpan(open_at, i + width, open_double))
                open_at = None
                inner_open.clear()
            else:  # a second opener: the first one was never closed
                open_at = i
                inner_open.clear()
        else:  # the other family inside an open quote: nesting
            if role == "open":
                inner_open.append(i)
            elif role == "close" and inner_open:
                inner_open.pop()
            elif role == "either":
                if inner_open:
                    inner_open.pop()
                else:
                    inner_open.append(i)
        i += width
    return spans
