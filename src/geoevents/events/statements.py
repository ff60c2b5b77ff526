"""Statements that are acts: what a reported statement does to the actor it is about.

PLOVER codes speech by what it does: a statement whose content criticises or blames an actor
is ACCUSE (CAMEO 111 "criticize or denounce"), one that praises or endorses it is SUPPORT
(CAMEO 051 "praise or endorse"); a bare CAMEO 010 is what remains when the content is no
act. The content's tone is judged with VADER (Hutto & Gilbert 2014, the
``vaderSentiment`` package, MIT): a valence lexicon of ~7,500 words rated by human judges,
with its rules for negation, intensifiers and contrast, built for short social and news
text. Only the content is judged (the reported clause or the quotation), not the speaker's
framing.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from geoevents.events.frames import content_tokens

# Compound valence at or beyond which the content is taken as an evaluation. VADER's own
# guidance calls |compound| >= 0.05 non-neutral; a judgment strong enough to be an act of
# criticism or praise needs clearly more. Praise needs more still: news prose is full of
# positive words that praise no one ("the best price", "a good settlement"); at 0.5 the
# statements coded as praise on wire copy were spurious (measured on Reuters articles, see
# docs/events.md), at 0.75 they are rarer and criticism is unchanged.
CRITICISM_AT = -0.4
PRAISE_AT = 0.75
CRITICISE = "111"  # CAMEO: criticize or denounce -> PLOVER ACCUSE
PRAISE = "051"  # CAMEO: praise or endorse -> PLOVER SUPPORT


@lru_cache(maxsize=1)
def _analyzer():  # type: ignore[no-untyped-def]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    """VADER's compound valence of a text, from -1 (most negative) to +1."""
    return float(_analyzer().polarity_scores(text)["compound"])


def content_text(content: Token) -> str:
    """The words of a reported clause (a contrasted report hung on it is another's)."""
    return "".join(t.text_with_ws for t in content_tokens(content)).strip()


def statement_act(text: str) -> str | None:
    """The CAMEO code of the act a statement's content performs, or None for a bare statement."""
    score = valence(text)
    if score <= CRITICISM_AT:
        return CRITICISE
    if score >= PRAISE_AT:
        return PRAISE
    return None
