"""Regression: mentions of one name with different candidate lists must resolve."""

from __future__ import annotations

import pytest

from geoevents.places.gazetteer import load_gazetteer
from geoevents.places.names import name_key
from geoevents.places.recognise import Mention
from geoevents.places.resolve import resolve


@pytest.mark.parametrize("name", ["Mexico", "Florida"])
def test_resolve_same_name_with_different_candidates_does_not_fail(name):
    gaz = load_gazetteer()
    every = gaz.lookup(name_key(name))
    assert len(every) > 1, "the name must be ambiguous for this test"
    text = f"{name} and {name}."
    second = len(name) + 5
    mentions = [
        Mention(0, len(name), name, 0, 1, candidates=list(every)),
        # The same surface form restricted to one sense, as a cue word would restrict it.
        Mention(second, second + len(name), name, 2, 3, candidates=[every[0]]),
    ]
    chosen = resolve(gaz, mentions, text)
    assert len(chosen) == 2 and all(entry is not None for entry in chosen)
