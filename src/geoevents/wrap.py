"""Hard-wrapped text (wire copy, e-mail, plain-text archives) made parseable.

Reuters-style plain text breaks lines inside sentences at a fixed width and marks paragraphs
with a line break plus indentation (or a blank line). A parser reads every line break as a
boundary: sentences split mid-clause and quotations that wrap a line are lost. ``unwrap``
replaces the line breaks that only wrap a paragraph by spaces. It changes no character but
those, one for one, so every offset into the result is an offset into the original text.
Thousands of lines too short for prose (a word list, a table dump) are read the same way:
a line break per word is no sentence boundary and doubles the cost of parsing.
"""

from __future__ import annotations

import re
import statistics

# A document is taken as hard-wrapped when it has this many lines at least and its typical
# line is a wrapped line: long, yet no longer than a terminal or wire column.
MIN_LINES = 4
MIN_WIDTH, MAX_WIDTH = 40, 100
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
_SINGLE_BREAK = re.compile(r"(?<=\S)\n(?=\S)")
LIST_MIN_LINES = 1000
LIST_MAX_WIDTH = 20
_SOFT_BREAK = re.compile(r"(?<=\S)\n(?=[^\s])")


def is_hard_wrapped(text: str) -> bool:
    """Whether most lines of a text end where a column did, not where a paragraph did."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_LINES:
        return False
    widths = [len(line.rstrip()) for line in lines]
    median = statistics.median(widths)
    if not MIN_WIDTH <= median <= MAX_WIDTH or max(widths) > MAX_WIDTH + 20:
        return False
    full = sum(1 for w in widths if w >= 0.6 * median)
    # a wrapped line ends mid-sentence; text written one sentence (or title) a line ends
    # most lines with a full stop, a question mark or a closing quote
    open_ended = sum(1 for line in lines if not _SENTENCE_END.search(line))
    return full >= 0.6 * len(lines) and open_ended >= 0.5 * len(lines)


def is_line_list(text: str) -> bool:
    """Thousands of lines too short for prose (a word list, a table dump): their line breaks
    are no sentence boundaries worth parsing, and parsed as such they cost twice the time."""
    if text.count("\n") < LIST_MIN_LINES:
        return False
    widths = [len(line) for line in text.split("\n") if line.strip()]
    return bool(widths) and statistics.median(widths) < LIST_MAX_WIDTH


def unwrap(text: str) -> str:
    """The text with in-paragraph line breaks as spaces (same length, same offsets).

    A line break stays when the next line is indented or blank (a paragraph), and when the
    line before is short (a heading, a list item, the last line of a paragraph).
    """
    if "\n" not in text:
        return text
    if is_line_list(text):
        return _SINGLE_BREAK.sub(" ", text)
    if not is_hard_wrapped(text):
        return text
    widths = [len(line.rstrip()) for line in text.split("\n") if line.strip()]
    short = 0.6 * statistics.median(widths)

    def soft(m: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, m.start()) + 1
        return " " if m.start() - line_start >= short else "\n"

    return _SOFT_BREAK.sub(soft, text)
