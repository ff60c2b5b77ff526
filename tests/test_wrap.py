"""Hard-wrapped text: line breaks inside paragraphs are read as spaces, offsets unchanged."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from geoevents.wrap import is_hard_wrapped, unwrap

WIRE = ("Japan's trade minister said on Tuesday that Tokyo would not\n"
        "accept new American tariffs on its semiconductors, and warned\n"
        "that \"any such step would be met with a firm response from\n"
        "our government,\" according to officials in Tokyo.\n"
        "    The United States imposed the tariffs last month after\n"
        "accusing Japan of dumping chips on world markets below cost,\n"
        "a charge that Japanese officials have repeatedly rejected.\n")


def _wrap_in_place(text: str, width: int = 65) -> str:
    """Spaces turned into line breaks at about ``width``: same length, same offsets."""
    chars = list(text)
    line_start = 0
    for i, ch in enumerate(chars):
        if ch == "\n":
            line_start = i + 1
        elif ch == " " and i - line_start >= width:
            chars[i] = "\n"
            line_start = i + 1
    return "".join(chars)


def test_wrap_unwraps_wire_text_keeping_offsets() -> None:
    assert is_hard_wrapped(WIRE)
    flat = unwrap(WIRE)
    assert len(flat) == len(WIRE)
    assert "from our government" in flat and "Tokyo would not accept" in flat
    assert "\n    The United States" in flat  # the paragraph break stays


@pytest.mark.parametrize("text", [
    "One line only, nothing to unwrap.",
    "Title\n\nA short paragraph.\n\nAnother one.",
    textwrap.dedent("""\
        - apples
        - pears
        - plums
        - figs
        """),
])
def test_wrap_leaves_unwrapped_text_alone(text: str) -> None:
    assert unwrap(text) == text


def test_wrap_seed_article_wrapped_in_place_gives_the_same_quotes_and_events(
        pipeline, seed_document, seed_extraction) -> None:  # type: ignore[no-untyped-def]
    wrapped = dataclasses.replace(seed_document, text=_wrap_in_place(seed_document.text))
    assert wrapped.text != seed_document.text and is_hard_wrapped(wrapped.text)
    out = pipeline.extract_one(wrapped)
    spans = {(q.start, q.end) for q in seed_extraction.quotes}
    assert {(q.start, q.end) for q in out.quotes} == spans
    events = {(e.cameo, e.source.code if e.source else None, e.date) for e in seed_extraction.events}
    again = {(e.cameo, e.source.code if e.source else None, e.date) for e in out.events}
    assert len(events & again) >= 0.9 * len(events)


def test_wrap_detects_an_even_number_of_lines() -> None:
    # a median between two line widths (a half) is still a wrap width
    text = WIRE + "It added that talks would resume in Geneva next week, with\n"
    assert is_hard_wrapped(text) and unwrap(text) != text


def test_wrap_leaves_one_sentence_a_line_alone() -> None:
    text = ("Apple unveils new Macs at WWDC 2005\n"
            "June 6, 2005\n"
            "Apple Computer announced on Monday that it will move its computers to Intel chips.\n"
            "The company said the first machines would ship by June next year.\n"
            "Analysts said the move had been expected for some time by the industry.\n"
            "Shares of the company rose two percent in early trading on the news.\n")
    assert not is_hard_wrapped(text) and unwrap(text) == text


def test_wrap_reads_a_word_per_line_dump_as_one_paragraph() -> None:
    text = "abcd\n" * 2000
    flat = unwrap(text)
    assert len(flat) == len(text) and flat.count("\n") == 1  # only the final break stays
    assert unwrap("abcd\n" * 50) == "abcd\n" * 50  # a short list is left alone
