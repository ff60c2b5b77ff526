"""Event dates through the whole pipeline: an event is dated by its own clause only."""

from __future__ import annotations

import pytest

from .conftest import make_doc


@pytest.mark.parametrize(("text", "date"), [
    # the year modifies the strikes' relative clause, not the condemnation
    ("Russia condemned the American air strikes on Syria, which began in 2015.", None),
    # the month modifies the noun "visit", not the criticism
    ("Germany criticised the January visit of the Chinese delegation to Taiwan.", None),
    ("On Tuesday, Germany criticised the visit of the Chinese delegation to Taiwan.", "2025-11-25"),
    ("Ukraine and Russia will hold talks tonight in Istanbul.", "2025-11-26"),
])
def test_time_event_date_comes_from_the_events_own_clause(pipeline, text, date):
    events = pipeline.extract_one(make_doc(text)).events
    assert events, text
    assert {e.date for e in events} == {date}


def test_time_event_date_never_finer_than_a_day(pipeline):
    events = pipeline.extract_one(make_doc("Israel struck Gaza at 15:30 UTC on Monday.")).events
    assert events and all(e.date == "2025-11-24" for e in events)
