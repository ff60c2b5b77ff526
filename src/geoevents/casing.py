"""Wire copy's capital after an abbreviation, read as the word it is.

Some wire archives (Reuters-21578 among them) capitalise the word after every full stop, the
stops of an abbreviation too: "the U.S. And China", "U.S. Officials said", "the U.S. Has
asked". The parser then reads "U.S. And China" as one name and "U.S. Raids" as a proper
noun, and the coordination, the verb or the event noun is lost. ``decapitalise`` lower-cases
such a word for parsing. It changes that one letter and nothing else, so every offset into
the result is an offset into the original text (as ``wrap.unwrap``'s are).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# Country abbreviations that stand inside a sentence far more often than at its end, and the
# capitalised word after one with the first character that follows it.
_AFTER_ABBREVIATION = re.compile(r"\b(?:U\.S|U\.K|U\.N)\. ([A-Z][a-z]+)\b\s*(\S?)")
# Stop words that open sentences (determiners, pronouns, prepositions, adverbs, subordinators):
# after "U.S." they may begin the next sentence, so they keep their capital. "May" may be
# the month ("U.S. May housing starts").
_OPENERS = frozenset("""
    a an the this that these those there here he she it its his her they their them we our
    you your i my me us in on at by for from with without within after before during since
    until while when where why how what which who whom whose if as but so yet although though
    because however meanwhile moreover nevertheless otherwise still also then thus therefore
    indeed perhaps often sometimes never always once both each either every neither no none
    nothing some someone something such all any another many much more most other others
    several few first last next only even just about above across against along among around
    behind below beneath beside between beyond down into like near off onto out over per
    through throughout toward towards under up upon via whether may""".split())
# spaCy's English stop words less the openers: conjunctions, the infinitive's "to",
# auxiliaries and common verbs, none of which begins a sentence or a name
_FUNCTION_WORDS = frozenset(STOP_WORDS - _OPENERS) | {"says", "said", "saying"}


def decapitalise(text: str) -> str:
    """The text with the word after "U.S.", "U.K." or "U.N." in lower case where it is a
    function word ("U.S. And China") or a plural common noun ("U.S. Officials said"): same
    length, same offsets. A plural followed by a capitalised word starts a name ("U.S. Forces
    Korea") and keeps its capital."""
    if "U." not in text:
        return text
    chars: list[str] | None = None
    for match in _AFTER_ABBREVIATION.finditer(text):
        word, following = match.group(1), match.group(2)
        lower = word.lower()
        plural = lower.endswith("s") and not lower.endswith("ss") and not following.isupper()
        if lower in _FUNCTION_WORDS or plural:
            if chars is None:
                chars = list(text)
            chars[match.start(1)] = lower[0]
    return "".join(chars) if chars is not None else text
