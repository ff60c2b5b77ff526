"""Quotation-mark scanning: every style, nesting, unbalanced marks, multi-paragraph quotes."""

from __future__ import annotations

import pytest

from geoevents.quotes.marks import find_quoted_spans


def _quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ('The envoy said "we will not retreat" on Monday.', ['"we will not retreat"']),
    ("The envoy said “we will not retreat” on Monday.", ["“we will not retreat”"]),
    ("Le ministre a dit «nous resterons» hier.", ["«nous resterons»"]),
    ("She called it ‘a fair deal’ at the summit.", ["‘a fair deal’"]),
    ("''We are ready,'' the general said.", ["''We are ready,''"]),
])
def test_marks_find_each_quotation_style(text, expected):
    assert _quoted(text) == expected


@pytest.mark.parametrize("text", [
    "Kazakhstan’s leader said the country’s exports doubled.",
    "The ministers’ meeting ended and the envoys’ cars left.",
    "Don't say the talks weren't useful.",
])
def test_marks_ignore_apostrophes(text):
    assert _quoted(text) == []


def test_marks_single_quote_with_apostrophes_inside():
    text = "The headline read ‘Minsk’s new partner’ yesterday."
    assert _quoted(text) == ["‘Minsk’s new partner’"]


def test_marks_keep_nested_quote_inside_outer_quote():
    text = "“He told me ‘never again’ twice,” the diplomat recalled."
    assert _quoted(text) == ["“He told me ‘never again’ twice,”"]


@pytest.mark.parametrize(("text", "expected"), [
    # an opener that is never closed is dropped, the next quote is still found
    ("He said “the deal is off. Later she said “we disagree” firmly.", ["“we disagree”"]),
    # a stray closer is ignored
    ("Prices rose” sharply. The bank said “inflation is easing” today.", ["“inflation is easing”"]),
    # a curly closer used as an opener at the start of a paragraph
    ("”Nobody wants this war.” ― Anna Petrova", ["”Nobody wants this war.”"]),
    # a straight mark closing a curly opener
    ('The spokesman said “talks will resume" on Friday.', ['“talks will resume"']),
])
def test_marks_survive_unbalanced_and_mixed_marks(text, expected):
    assert _quoted(text) == expected


def test_marks_unclosed_quote_stops_at_paragraph_end():
    text = "He said “we will see.\n\nThe weather in Astana was cold."
    assert _quoted(text) == []


def test_marks_join_multi_paragraph_quote():
    text = ("The president said: “Our borders are secure.\n\n"
            "“Our partners can rely on us,” he added.\n\nThe talks ended.")
    assert _quoted(text) == ["“Our borders are secure.\n\n“Our partners can rely on us,”"]
