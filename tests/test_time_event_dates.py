"""Event dates through the whole pipeline: an event is dated by its own clause only."""

from __future__ import annotations

import json

import duckdb
import pytest

from .conftest import make_doc


@pytest.mark.parametrize(("text", "date", "basis"), [
    # the year modifies the strikes' relative clause, not the condemnation: no date of its
    # own, so the event takes the publication day (2025-11-26), marked as such
    ("Russia condemned the American air strikes on Syria, which began in 2015.", "2025-11-26",
     "published"),
    # the month modifies the noun "visit", not the criticism
    ("Germany criticised the January visit of the Chinese delegation to Taiwan.", "2025-11-26",
     "published"),
    ("On Tuesday, Germany criticised the visit of the Chinese delegation to Taiwan.", "2025-11-25",
     "text"),
    ("Ukraine and Russia will hold talks tonight in Istanbul.", "2025-11-26", "text"),
])
def test_time_event_date_comes_from_the_events_own_clause(pipeline, text, date, basis):
    events = pipeline.extract_one(make_doc(text)).events
    assert events, text
    assert {(e.date, e.date_basis) for e in events} == {(date, basis)}


def test_time_event_without_date_or_publication_day_stays_undated(pipeline):
    events = pipeline.extract_one(make_doc(
        "Chile criticised the Peruvian fishing fleet.", published=None)).events
    assert events
    assert {(e.date, e.date_basis) for e in events} == {(None, None)}


def test_time_undated_event_is_stored_without_own_days(pipeline):
    """The publication day stands in for the date in the record; the store's own-date
    columns stay empty, so views still tell the text's dates apart (placed by publication)."""
    from geoevents.store.rows import event_row

    events = pipeline.extract_one(make_doc(
        "Chile criticised the Peruvian fishing fleet. Peru expelled two Chilean diplomats on "
        "Monday.")).events
    rows = [event_row(e) for e in events]
    assert [(r["date"], r["date_basis"]) for r in rows] == [
        ("2025-11-26", "published"), ("2025-11-24", "text")]
    assert (rows[0]["date_from"], rows[0]["date_to"]) == (None, None)
    assert str(rows[1]["date_from"]) == str(rows[1]["date_to"]) == "2025-11-24"
    assert json.loads(rows[0]["record"])["date_basis"] == "published"


def test_time_version_2_store_upgrades_and_keeps_its_event_dates(tmp_path):
    """A store written before `date_basis` (schema version 2) opens for writing with the
    column added empty; its events keep their own dates and the date filters still work."""
    from datetime import datetime

    from geoevents.model import Actor, Event, Extraction, Span
    from geoevents.store import Store, StoredItem, content_hash

    text = "Chile expelled two Peruvian diplomats on Monday."
    doc = make_doc(text, doc_id="old")
    chl = Actor(0, 5, "Chile", country="CHL", code="CHL")
    event = Event(chl, None, "166", "SANCTION", date="2025-11-24", evidence=Span(0, len(text), text))
    item = StoredItem(doc, Extraction("old", events=[event], pipeline_version="v"),
                      content_hash(doc), datetime(2025, 11, 26))
    path = tmp_path / "v2.duckdb"
    with Store(path) as store:
        store.write([item])
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE events DROP COLUMN date_basis")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        assert store.meta()["schema_version"] == "3" and "upgraded_from_2" in store.meta()
        assert store.connection.execute(
            "SELECT date, date_basis, date_from FROM events").fetchall()[0][:2] == ("2025-11-24", None)
        assert [e.doc_id for e in store.events(since="2025-11-24", until="2025-11-24")] == ["old"]
