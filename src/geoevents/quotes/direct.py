"""Direct quotes: quoted spans joined across their attribution, with cue and speaker.

Attribution is looked for, in order: a speech verb outside the quote in the
sentences the quote touches (nearest first); the verb that governs a partial quote
("referred to Russia as a “...”"); a dash and a name after the quote ("”...” ― Ann
Lee"); and, conservatively, an adjacent short sentence ("He added:" before, or
"X said." after).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from geoevents.quotes.lexicon import CueLexicon
from geoevents.quotes.marks import QuotedSpan
from geoevents.quotes.speaker import subject_of

_DASHES = "―—–"
_MAX_GAP_WORDS = 40  # longest attribution (with the speaker's title) that may interrupt a quote
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class DirectQuote:
    start: int
    end: int
    cue: tuple[int, int] | None = None
    speaker: Token | None = None


class TokenIndex:
    """Character offset -> token, and tokens in a character range."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts = [t.idx for t in doc]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            out.append(self.doc[i])
            i += 1
        return out

    def sentence_range(self, start: int, end: int) -> tuple[int, int]:
        """Character range of the sentences overlapping [start, end)."""
        toks = self.tokens_in(start, end)
        if not toks:
            return start, end
        return toks[0].sent.start_char, toks[-1].sent.end_char


def _is_cue_verb(token: Token, lexicon: CueLexicon) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if lexicon.is_speech_verb(token.lemma_):
        return True
    # "as X put it, “...”": the idiom attributes the quotation that follows
    return token.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)


def _gap_is_attribution(text: str, tokens: list[Token], lexicon: CueLexicon) -> bool:
    """The text between two quotes is an attribution (it may run on: "X said of ...")."""
    if "\n" in text or len(_WORD.findall(text)) > _MAX_GAP_WORDS:
        return False
    if text.strip()[-1:] not in (",", ".", ":", ";"):  # '..., arguing that he will bring a “'
        return False
    return any(_is_cue_verb(t, lexicon) for t in tokens)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _own_attribution(span: QuotedSpan, text: str, index: TokenIndex, lexicon: CueLexicon) -> bool:
    """A quotation in a new sentence followed by its own attribution (“A,” said X. “B,”
    Y said.) is another speaker's, not the first one continuing."""
    after = re.match(r"[^.\n“\"]*", text[span.end:])
    tail = after.group(0) if after else ""
    if not tail.strip() or _word_count(tail) > _MAX_GAP_WORDS:
        return False
    return any(_is_cue_verb(t, lexicon) for t in index.tokens_in(span.end, span.end + len(tail)))


def join_interrupted(spans: list[QuotedSpan], text: str, index: TokenIndex,
                     lexicon: CueLexicon) -> list[QuotedSpan]:
    """“A,” he said, “B.” -> one span from the first opening to the last closing mark.

    A short quoted title inside the attribution ("said on “Fox and Friends.”") does
    not stop the join.
    """
    out: list[QuotedSpan] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        if out:
            prev = out[-1]
            inner_end = text[prev.start:prev.end].rstrip("”\"»’' ")
            # up to two short titles may sit in the gap before the continuing fragment
            for j in range(i, min(i + 3, len(spans))):
                nxt = spans[j]
                continues = (inner_end[-1:] in ",—–-:" if inner_end else False) or \
                    text[nxt.start + 1:nxt.start + 2].islower()
                gap = text[prev.end:nxt.start]
                if continues and _gap_is_attribution(gap, index.tokens_in(prev.end, nxt.start), lexicon) \
                        and not (gap.strip()[-1:] == "." and _own_attribution(nxt, text, index, lexicon)):
                    out[-1] = QuotedSpan(prev.start, nxt.end, prev.double)
                    i = j + 1
                    break
                if _word_count(text[nxt.start:nxt.end]) >= 4:
                    break
            if out[-1] is not prev:
                continue
        out.append(span)
        i += 1
    return out


def _nearest_cue(candidates: list[Token], start: int, end: int) -> Token | None:
    def distance(t: Token) -> int:
        if start <= t.idx < end:
            return -1  # the attribution that interrupts a joined quote is its own
        return start - (t.idx + len(t.text)) if t.idx < start else t.idx - end
    return min(candidates, key=distance) if candidates else None


def _governing_verb(inside: list[Token], start: int, end: int) -> Token | None:
    """The verb outside a partial quote that its words hang from."""
    for t in inside:
        head = t.head
        if head.idx < start or head.idx >= end:
            for _ in range(4):
                if head.pos_ in ("VERB", "AUX") and (head.idx < start or head.idx >= end):
                    return head
                if head.head.i == head.i:
                    break
                head = head.head
            return None
    return None


def _dash_speaker(text: str, index: TokenIndex, end: int) -> tuple[tuple[int, int], Token] | None:
    """'”...” ― Ann Lee': the name after a dash that follows the quote."""
    j = end
    while j < len(text) and text[j].isspace() and text[j] != "\n":  # also a no-break space
        j += 1
    if j >= len(text) or text[j] not in _DASHES:
        return None
    after = index.tokens_in(j + 1, min(len(text), j + 80))
    names = []
    for t in after:
        if t.is_space and not names:
            continue
        if t.pos_ == "PROPN" or (names and t.text == "."):
            names.append(t)
        else:
            break
    if not names:
        return None
    head = names[-1] if names[-1].pos_ == "PROPN" else names[-2] if len(names) > 1 else names[0]
    return (j, j + 1), head


def _inside(token: Token, spans: list[QuotedSpan]) -> bool:
    return any(q.start <= token.idx < q.end for q in spans)


def _adjacent_name(cue: Token, spans: list[QuotedSpan]) -> Token | None:
    """The noun phrase right before or right after a cue, outside the quotation marks:
    '..., the city's police chief John Smith said' or '..., said Smith'. The inverted and
    plain attribution orders of news writing put the speaker next to the verb."""
    doc = cue.doc
    if cue.i > 0:
        prev = doc[cue.i - 1]
        if prev.pos_ in ("PROPN", "NOUN", "PRON") and not _inside(prev, spans):
            return prev
    j = cue.i + 1
    if j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN", "PRON", "DET") and not _inside(doc[j], spans):
        while j + 1 < len(doc) and doc[j + 1].pos_ in ("PROPN", "NOUN") and \
                not _inside(doc[j + 1], spans):
            j += 1
        if doc[j].pos_ in ("PROPN", "NOUN", "PRON"):
            return doc[j]
    return None


def _speaker(cue: Token, spans: list[QuotedSpan]) -> Token | None:
    """The cue's subject; never a word of the quotation itself ("“We will ...,” X said")."""
    subj = subject_of(cue)
    if subj is not None and not _inside(subj, spans):
        return subj
    return _adjacent_name(cue, spans)


def attribute(quote: QuotedSpan, text: str, index: TokenIndex, lexicon: CueLexicon,
              all_spans: list[QuotedSpan], marked: list[QuotedSpan] | None = None) -> DirectQuote:
    """Cue and speaker for one direct quote (both None when nothing is recoverable).

    ``all_spans`` are the quotes after ``join_interrupted``; ``marked`` the spans between
    quotation marks before joining, so that the attribution interrupting a joined quote
    (“A,” he said, “B.”) is read as outside the quotation.
    """
    marked = marked if marked is not None else all_spans
    start, end = quote.start, quote.end
    s_start, s_end = index.sentence_range(start, end)
    quoted = [q for q in marked if q.end > s_start and q.start < s_end]

    def outside(t: Token) -> bool:
        return not any(q.start <= t.idx < q.end for q in quoted)

    region = [t for t in index.tokens_in(s_start, s_end) if outside(t)]
    cue = _nearest_cue([t for t in region if _is_cue_verb(t, lexicon)], start, end)
    if cue is not None:
        return DirectQuote(start, end, (cue.idx, cue.idx + len(cue.text)), _speaker(cue, marked))
    dash = _dash_speaker(text, index, end)
    if dash is not None:
        return DirectQuote(start, end, dash[0], dash[1])
    verb = _governing_verb(index.tokens_in(start, end), start, end)
    if verb is not None and (lexicon.is_speech_verb(verb.lemma_) or lexicon.is_stance_verb(verb.lemma_)):
        subj = subject_of(verb)
        if subj is not None:
            return DirectQuote(start, end, (verb.idx, verb.idx + len(verb.text)), subj)
    return _adjacent_attribution(quote, index, lexicon, all_spans, marked, s_start, s_end)


_MAX_CUE_POSITION = 10  # words before the cue in an attribution sentence after the quote


def _adjacent_attribution(quote: QuotedSpan, index: TokenIndex, lexicon: CueLexicon,
                          all_spans: list[QuotedSpan], marked: list[QuotedSpan],
                          s_start: int, s_end: int) -> DirectQuote:
    """A 'He added:' sentence just before, or an 'X said, ...' sentence right after the quote.

    After the quote, the attribution must follow on the same line and open its sentence
    ("“... can we?” the senator said, turning to the crowd": the parser ends a sentence at a
    quoted question, news writing does not).
    """
    doc = index.doc
    first = index.tokens_in(s_start, s_end)
    if first and first[0].i > 0:
        sent = doc[first[0].i - 1].sent
        if sent.text.rstrip().endswith(":"):
            cue = next((t for t in sent if _is_cue_verb(t, lexicon)), None)
            if cue is not None and not any(q.start < sent.end_char and q.end > sent.start_char
                                           for q in all_spans):
                return DirectQuote(quote.start, quote.end, (cue.idx, cue.idx + len(cue.text)),
                                   subject_of(cue))
    after = index.tokens_in(s_end, s_end + 3)
    if after:
        sent = after[-1].sent
        if sent.start_char >= s_end and "\n" not in doc.text[quote.end:sent.start_char]:
            words = [t for t in sent if not t.is_punct and not t.is_space]
            cue = next((t for t in words[:_MAX_CUE_POSITION + 1] if _is_cue_verb(t, lexicon)), None)
            if cue is not None:
                subj = _speaker(cue, marked)
                if subj is not None and subj.sent == sent:
                    return DirectQuote(quote.start, quote.end, (cue.idx, cue.idx + len(cue.text)), subj)
    return DirectQuote(quote.start, quote.end)
