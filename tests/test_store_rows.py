"""Flattening records into store rows: date ranges, content hashes, event columns."""

from __future__ import annotations

from datetime import date

import pytest

from geoevents.model import Actor, Document, Event, Place, Quote, Span
from geoevents.store.rows import content_hash, date_interval, event_row, quote_row
from geoevents.store.schema import TABLES, arrow_schema, create_statements


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2025-11-26", date(2025, 11, 26), date(2025, 11, 26)),
    ("2025-11-26T14:30", date(2025, 11, 26), date(2025, 11, 26)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("2025-W48", date(2025, 11, 24), date(2025, 11, 30)),
    ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025-02-30", None, None),
    ("PRESENT_REF", None, None),
    (None, None, None),
])
def test_rows_date_interval_covers_the_timex_value(value, first, last):
    assert date_interval(value) == (first, last)


@pytest.mark.parametrize("change", [
    {"text": "Lavrov met Wang Yi in Beijing."},
    {"published": "2025-11-27"},
    {"title": "Another headline"},
])
def test_rows_content_hash_changes_with_any_field_but_not_the_id(change):
    base = Document(id="a", text="Lavrov met Wang Yi in Moscow.", published="2025-11-26", title="T")
    same_but_other_id = Document(**{**base.to_dict(), "id": "b"})
    changed = Document(**{**base.to_dict(), **change})
    assert content_hash(base) == content_hash(same_but_other_id)
    assert content_hash(base) != content_hash(changed)


def test_rows_event_row_has_exactly_the_event_table_columns():
    source = Actor(0, 6, "Lavrov", "Sergey Lavrov", "RUS", "GOV", "RUSGOV", None, "person")
    event = Event(source=source, target=None, cameo="040", plover="CONSULT", date="2025-11",
                  location=Place(22, 28, "Moscow", "Moscow", 524901, 55.75, 37.62, "RUS", "city"),
                  evidence=Span(0, 29, "Lavrov met Wang Yi in Moscow."))
    row = event_row(event)
    tagged = {"doc_id", "pipeline_version", "position"}
    assert set(row) | tagged == {c.name for c in TABLES["events"]}
    assert row["source_code"] == "RUSGOV" and row["target_code"] is None
    assert (row["date_from"], row["date_to"]) == (date(2025, 11, 1), date(2025, 11, 30))
    assert row["location_geonameid"] == 524901 and row["evidence_start"] == 0


def test_rows_quote_row_has_exactly_the_quote_table_columns():
    quote = Quote(10, 30, "We are partners", True,
                  speaker=Actor(0, 6, "Lavrov", "Sergey Lavrov", "RUS", "GOV", "RUSGOV"),
                  cue=Span(32, 36, "said"))
    row = quote_row(quote)
    tagged = {"doc_id", "pipeline_version", "position"}
    assert set(row) | tagged == {c.name for c in TABLES["quotes"]}
    assert row["speaker_code"] == "RUSGOV" and row["cue_text"] == "said"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_schema_declares_each_table_once_with_matching_arrow_schema(table):
    statements = [s for s in create_statements() if s.startswith(f"CREATE TABLE IF NOT EXISTS {table} ")]
    assert len(statements) == 1
    assert arrow_schema(table).names == [c.name for c in TABLES[table]]


def test_schema_reference_in_docs_matches_the_code():
    from pathlib import Path

    from geoevents.store.schema import markdown_reference

    doc = (Path(__file__).resolve().parent.parent / "docs" / "store.md").read_text(encoding="utf-8")
    assert markdown_reference() in doc
