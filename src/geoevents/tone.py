"""Tone of a text on GDELT's AvgTone scale, from the VADER sentiment lexicon.

GDELT 2.0 defines a document's tone as the percentage of its words that are positive minus
the percentage that are negative: from -100 (every word negative) to +100 (every word
positive), usually between -10 and +10 for news. geoevents computes the same quantity with
the lexicon of VADER (Hutto & Gilbert 2014; the ``vaderSentiment`` package, MIT, already
used by the events stage): ~7,500 words rated by human judges from -4 to +4. A word counts
as positive when its rating is above 0, negative when below; the count is binary, as in
GDELT, not weighted by the rating. Three rules keep it honest on news text:

- **negation**: a rated word within three words after a negator (VADER's list: *not*,
  *never*, *without*, *n't*..., and *no*) counts on the other side ("not helpful" is
  negative); negators themselves are not counted;
- **names**: a capitalised word that does not begin a sentence is part of a name
  ("United Nations", "Security Council", "Hope, Arkansas") and is not rated;
- **news-neutral words**: ``NEUTRAL_IN_NEWS`` lists words VADER rates that news uses as
  plain terms (finance: *shares*, *interest*, *credit*, *crude*; function words: *like*,
  *well*, *respectively*); they are not rated.

Every word counts in the denominator. The document tone is the tone of the whole text; the
event tone is the tone of the event's evidence sentence (docs/events.md, "Tone").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Words VADER rates but news uses as neutral terms (its topic, not the writer's judgment).
# fmt: off
NEUTRAL_IN_NEWS: frozenset[str] = frozenset({
    # finance and trade: instruments and quantities
    "share", "shares", "shared", "securities", "security", "interest", "interests", "credit",
    "credits", "creditor", "creditors", "treasury", "assets", "asset",
    "outstanding", "value", "values", "worth", "crude", "natural", "pay", "paid", "payment",
    "demand", "demands", "party", "parties", "energy", "reserve", "reserves", "fund", "funds",
    # function words and fixed phrases ("like Peru", "as well", "respectively", "a number of")
    "like", "well", "respectively", "number", "certain", "special", "please", "yes", "want",
    "reach", "reached", "allow", "allowed", "united", "l",
})
# fmt: on

#: Negators besides VADER's own list (which lacks "no").
EXTRA_NEGATORS: frozenset[str] = frozenset({"no"})
NEGATION_WINDOW = 3

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: characters after which a capitalised word begins a sentence (or a quotation, a bracket)
_OPENERS = frozenset(".!?:;\"“”'‘([—–-")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's word ratings and negators, read from the installed package (no download)."""
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    lexicon = {w: float(v) for w, v in SentimentIntensityAnalyzer().lexicon.items() if _WORD.fullmatch(w)}
    return lexicon, frozenset(NEGATE) | EXTRA_NEGATORS


def _is_negator(word: str, negators: frozenset[str]) -> bool:
    return word in negators or word.endswith("n't")


def _begins_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins the text, a paragraph, a sentence or a quotation."""
    i, newlines = start - 1, 0
    while i >= 0 and text[i].isspace():
        newlines += text[i] == "\n"
        i -= 1
    return i < 0 or newlines >= 2 or text[i] in _OPENERS


def tone_counts(text: str) -> tuple[int, int, int]:
    """(positive words, negative words, all words) of ``text``, by the rules above."""
    lexicon, negators = _lexicon()
    positive = negative = words = 0
    since_negator = NEGATION_WINDOW + 1
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        words += 1
        if _is_negator(word, negators):
            since_negator = 0
            continue
        since_negator += 1
        rating = lexicon.get(word)
        if not rating or word in NEUTRAL_IN_NEWS:
            continue
        if match.group()[0].isupper() and not _begins_sentence(text, match.start()):
            continue  # inside a name
        if since_negator <= NEGATION_WINDOW:
            rating = -rating
        if rating > 0:
            positive += 1
        else:
            negative += 1
    return positive, negative, words


def tone(text: str | None) -> float | None:
    """% positive words - % negative words, -100..+100 (GDELT's AvgTone scale), rounded to
    4 decimals; None for a text without words."""
    if not text:
        return None
    positive, negative, words = tone_counts(text)
    if not words:
        return None
    return round(100.0 * (positive - negative) / words, 4)
