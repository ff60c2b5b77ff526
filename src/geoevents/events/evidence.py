"""The evidence of an event: the clause that states it, at most 500 characters."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from geoevents.events.frames import CLAUSE_DEPS, Frame
from geoevents.model import Span
from geoevents.stage import StageContext

MAX_EVIDENCE = 500


def _clause_tokens(frame: Frame) -> list[Token]:
    top = frame.clause
    keep: list[Token] = []
    # an event noun's own relative clause describes the event ("a visit, which began on ...")
    own = {frame.trigger.i} if frame.trigger.pos_ in ("NOUN", "PROPN") else set()
    stack = [top]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        for c in tok.children:
            if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and tok.i not in own \
                    and not _contains(c, frame.trigger) and c.dep_ != "acl" \
                    and not (tok.i == top.i and _shared_object(top, c)):
                continue
            if c.dep_ in ("advcl", "relcl", "parataxis") and not _contains(c, frame.trigger) \
                    and tok.i not in own:
                continue
            stack.append(c)
    return keep


def _shared_object(verb: Token, conj: Token) -> bool:
    """"killed or wounded 15,000 guards": an object-less verb and the coordinated verb that
    holds the object they share (no subject of its own) state one act."""
    return conj.dep_ == "conj" and not any(c.dep_ in ("dobj", "obj") for c in verb.children) \
        and any(c.dep_ in ("dobj", "obj") for c in conj.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in conj.children)


def _contains(head: Token, tok: Token) -> bool:
    return head.left_edge.i <= tok.i <= head.right_edge.i


def evidence_span(ctx: StageContext, frame: Frame, sent: SpacySpan) -> Span:
    """The clause that states the event (at most MAX_EVIDENCE characters)."""
    toks = sorted(_clause_tokens(frame), key=lambda t: t.i)
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    start_tok, end_tok = toks[0], toks[-1]
    start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
    if end - start > MAX_EVIDENCE:
        start = max(sent.start_char, frame.trigger.idx - MAX_EVIDENCE // 2)
        end = min(sent.end_char, start + MAX_EVIDENCE)
    return Span(start, end, ctx.text[start:end])
