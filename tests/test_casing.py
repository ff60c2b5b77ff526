"""A wire archive's capital after "U.S." is read as the word it is, offsets unchanged."""

from __future__ import annotations

import pytest

from geoevents.casing import decapitalise
from geoevents.model import Document


@pytest.mark.parametrize(("text", "read"), [
    ("Lima thanked the U.S. And Quito for the loan", "Lima thanked the U.S. and Quito for the loan"),
    ("U.S. Officials said on Monday", "U.S. officials said on Monday"),
    ("the U.S. Has asked Quito", "the U.S. has asked Quito"),
    ("after U.S. Raids on the port", "after U.S. raids on the port"),
])
def test_casing_lowers_a_function_word_or_plural_after_the_abbreviation(text: str, read: str) -> None:
    assert decapitalise(text) == read
    assert len(decapitalise(text)) == len(text)


@pytest.mark.parametrize("text", [
    "exports to the U.S. The ministry said",     # a new sentence may follow
    "the U.S. Trade Representative",             # a name
    "U.S. Forces Korea said",                    # a plural that starts a name
    "U.S. May retail sales",                     # the month
    "Peru and Chile met in Lima",                # no abbreviation
])
def test_casing_leaves_names_and_sentence_starts_alone(text: str) -> None:
    assert decapitalise(text) == text


def test_casing_keeps_a_wire_sentence_whole_and_its_event_in_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the capital after "U.S." had ended the sentence there, so the warning lost what it was
    text = "Peru warned the U.S. And Brazil against meddling in its border dispute with Chile."
    out = pipeline.extract_one(Document(id="wire-case", text=text, published="1987-03-01"))
    warnings = [e for e in out.events if e.plover == "THREATEN"]
    assert warnings and all(e.source.country == "PER" for e in warnings)
    assert any("meddling" in e.evidence.text for e in warnings)
