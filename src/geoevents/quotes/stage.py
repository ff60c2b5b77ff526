"""Quotes stage: direct quotes and reported speech, with speaker and cue.

Direct quotes come from quotation marks (``marks``), joined across an interrupting
attribution and attributed (``direct``); reported speech comes from cues and their
content clauses in the parse (``reported``). Where both find the same words, one
quote is kept: the direct one when it is most of the content, the reported one when
the quotation is a phrase inside a longer reported clause.

Publishes ``ctx.extras["quotes"].reported_spans`` (a ``QuoteSpans``): (start, end) spans of all
quoted or reported content, for later stages (events inside them are "reported").
"""

from __future__ import annotations

from geoevents.model import Quote, Span
from geoevents.quotes.direct import DirectQuote, TokenIndex, attribute, join_interrupted
from geoevents.quotes.lexicon import CueLexicon, load_cues
from geoevents.quotes.marks import find_quoted_spans
from geoevents.quotes.reported import Claim, reported_claims
from geoevents.quotes.speaker import resolve_speaker
from geoevents.stage import QuoteSpans, StageContext

MIN_UNATTRIBUTED_WORDS = 4  # shorter quoted phrases without a cue are titles or scare quotes


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


class QuotesStage:
    name = "quotes"
    requires = ("actors",)
    assigns = "quotes"

    def __init__(self, lexicon: CueLexicon | None = None) -> None:
        self.lexicon = lexicon or load_cues()

    def __call__(self, ctx: StageContext) -> None:
        text = ctx.text
        index = TokenIndex(ctx.doc)
        marked = find_quoted_spans(text)
        spans = join_interrupted(marked, text, index, self.lexicon)
        directs = [attribute(q, text, index, self.lexicon, spans, marked) for q in spans]
        claims = [c for c in (_within_paragraph(c, text) for c in reported_claims(ctx.doc, self.lexicon))
                  if c is not None]
        directs, claims = self._merge(directs, claims, text)
        _continue_speakers(directs, claims, text)
        quotes = [self._direct_quote(ctx, d) for d in directs]
        quotes += [self._reported_quote(ctx, c) for c in claims]
        quotes.sort(key=lambda q: (q.start, q.end))
        ctx.quotes.extend(quotes)
        ctx.extras["quotes"] = QuoteSpans([(q.start, q.end) for q in quotes])

    @staticmethod
    def _merge(directs: list[DirectQuote], claims: list[Claim],
               text: str) -> tuple[list[DirectQuote], list[Claim]]:
        kept_directs: list[DirectQuote] = []
        dropped_claims: set[int] = set()
        for d in directs:
            d_len = d.end - d.start
            inside_longer_claim = False
            for k, c in enumerate(claims):
                ov = _overlap(d.start, d.end, c.start, c.end)
                if not ov:
                    continue
                c_len = c.end - c.start
                if ov >= 0.5 * c_len:  # the claim is (mostly) this quotation
                    dropped_claims.add(k)
                    # a cue among the quoted words ("I think") is the speaker's own
                    # attribution, not the writer's: it never names who is quoted (a
                    # transcript's "NAME:" label is the writer's, wherever the marks fall)
                    own = d.start <= c.cue_start < d.end and text[c.cue_start:c.cue_end] != ":"
                    if d.cue is None and not own:
                        d.cue, d.speaker = (c.cue_start, c.cue_end), c.speaker
                elif ov >= 0.9 * d_len:  # a quoted phrase inside longer reported content
                    inside_longer_claim = True
            if inside_longer_claim:
                continue
            if d.cue is None and len(text[d.start:d.end].split()) < MIN_UNATTRIBUTED_WORDS:
                continue
            kept_directs.append(d)
        kept_claims = [c for k, c in enumerate(claims) if k not in dropped_claims]
        return kept_directs, _dedupe_claims(kept_claims)

    @staticmethod
    def _direct_quote(ctx: StageContext, d: DirectQuote) -> Quote:
        text = ctx.text
        speaker = resolve_speaker(ctx, d.speaker) if d.speaker is not None else None
        cue = Span(d.cue[0], d.cue[1], text[d.cue[0]:d.cue[1]]) if d.cue else None
        return Quote(d.start, d.end, text[d.start:d.end], direct=True, speaker=speaker, cue=cue)

    @staticmethod
    def _reported_quote(ctx: StageContext, c: Claim) -> Quote:
        text = ctx.text
        speaker = resolve_speaker(ctx, c.speaker) if c.speaker is not None else None
        cue = Span(c.cue_start, c.cue_end, text[c.cue_start:c.cue_end])
        return Quote(c.start, c.end, text[c.start:c.end], direct=False, speaker=speaker, cue=cue)


def _continue_speakers(directs: list[DirectQuote], claims: list[Claim], text: str) -> None:
    """An unattributed quotation goes on in the voice attributed last before it: news
    writing attributes a run of quotations once, and names every new speaker (AP style).

    The voice carries on within a paragraph (``..., she said. "You went on television
    ..."``) and into the next paragraph when the attribution closes the one before
    (``"...," he said.`` / ``"Right now, ..."``).
    """
    voices = [(d.cue[0], max(d.end, d.cue[1], d.speaker.idx + len(d.speaker.text)), d.speaker)
              for d in directs if d.speaker is not None and d.cue is not None]
    voices += [(c.cue_start, max(c.end, c.cue_end, c.speaker.idx + len(c.speaker.text)), c.speaker)
               for c in claims if c.speaker is not None]
    for d in sorted(directs, key=lambda q: q.start):
        if d.speaker is not None or d.cue is not None:
            continue
        before = [v for v in voices if v[0] < d.start]
        if not before:
            continue
        cue_at, until, speaker = max(before, key=lambda v: v[0])
        same_paragraph = "\n" not in text[cue_at:d.start]
        closes_previous = until <= d.start and not any(ch.isalnum() for ch in text[until:d.start])
        if same_paragraph or closes_previous:
            d.speaker = speaker
            voices.append((d.start, d.end, speaker))  # a run of quotations goes on


def _within_paragraph(claim: Claim, text: str) -> Claim | None:
    """Content never runs across a paragraph break: keep the part nearest the cue."""
    content = text[claim.start:claim.end]
    if "\n" not in content:
        return claim
    pieces, offset = [], claim.start
    for piece in content.split("\n"):
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((offset + lead, offset + len(piece.rstrip())))
        offset += len(piece) + 1
    if not pieces:
        return None
    start, end = pieces[0] if claim.cue_start < claim.start else pieces[-1]
    return Claim(start, end, claim.cue_start, claim.cue_end, claim.speaker)


def _dedupe_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per content span (two cues can report the same clause)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for c in claims:
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        out.append(c)
    return out


def make_quotes_stage() -> QuotesStage:
    return QuotesStage()
