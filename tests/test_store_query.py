"""Reading back: Extractions round-trip exactly; event and quote filters."""

from __future__ import annotations

from datetime import datetime

import pytest

from geoevents.errors import InputError
from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Span, Timex
from geoevents.store import Store, StoredItem, content_hash

TEXT = ("Lavrov met Wang Yi in Beijing on Tuesday. Japarov said: \u00abRussia is our ally.\u00bb "
        "Tokayev will visit Moscow next month.")
LAVROV = Actor(0, 6, "Lavrov", "Sergey Lavrov", "RUS", "GOV", "RUSGOV", "Q80137", "person")
WANG = Actor(11, 18, "Wang Yi", "Wang Yi", "CHN", "GOV", "CHNGOV", None, "person")
JAPAROV = Actor(42, 49, "Japarov", "Sadyr Japarov", "KGZ", "GOV", "KGZGOV", None, "person")
TOKAYEV = Actor(78, 85, "Tokayev", "Kassym-Jomart Tokayev", "KAZ", "GOV", "KAZGOV", None, "person")
MOSCOW_ACTOR = Actor(97, 103, "Moscow", "Russia", "RUS", "GOV", "RUSGOV", None, "metonym")
BEIJING = Place(22, 29, "Beijing", "Beijing", 1816670, 39.91, 116.40, "CHN", "city")


def _events() -> list[Event]:
    return [
        Event(source=LAVROV, target=WANG, cameo="040", plover="CONSULT", mode="meet", quad_class=1,
              goldstein=1.0, date="2025-11-25", location=BEIJING, evidence=Span(0, 41, TEXT[0:41]),
              trigger=Span(7, 10, "met"), confidence=0.8),
        Event(source=JAPAROV, target=MOSCOW_ACTOR, cameo="051", plover="SUPPORT", quad_class=1,
              goldstein=3.4, date="2025-11-26", status="reported", evidence=Span(42, 77, TEXT[42:77])),
        Event(source=TOKAYEV, target=MOSCOW_ACTOR, cameo="042", plover="CONSULT", date="2025-12",
              status="planned", evidence=Span(78, 115, TEXT[78:115])),
        Event(source=TOKAYEV, target=None, cameo="010", plover=None, date=None),
    ]


EXTRACTION = Extraction(
    id="q1", events=_events(), actors=[LAVROV, WANG, JAPAROV, TOKAYEV, MOSCOW_ACTOR],
    timexes=[Timex(33, 40, "Tuesday", "DATE", "2025-11-25"),
             Timex(104, 114, "next month", "DATE", "2025-12")],
    quotes=[Quote(57, 76, "Russia is our ally.", True, speaker=JAPAROV, cue=Span(50, 54, "said"))],
    places=[BEIJING, Place(97, 103, "Moscow", "Moscow", 524901, 55.75, 37.62, "RUS", "city", True)],
    pipeline_version="test-1",
)


@pytest.fixture
def store(tmp_path):
    document = Document(id="q1", text=TEXT, published="2025-11-26", title="Diplomacy roundup",
                        url="https://example.org/q1", source="example")
    with Store(tmp_path / "q.duckdb") as s:
        s.write([StoredItem(document, EXTRACTION, content_hash(document), datetime(2025, 11, 26))])
        yield s


def test_store_extraction_round_trips_exactly(store):
    assert store.extraction("q1") == EXTRACTION
    assert store.extraction("missing") is None
    assert store.document("q1").url == "https://example.org/q1"


@pytest.mark.parametrize("table", ["events", "actors", "timexes", "quotes", "places"])
def test_store_rows_are_tagged_with_document_and_version(store, table):
    rows = store.connection.execute(f"SELECT DISTINCT doc_id, pipeline_version FROM {table}").fetchall()
    count = store.connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    assert rows == [("q1", "test-1")]
    assert count == len(getattr(EXTRACTION, table))


@pytest.mark.parametrize(("filters", "cameos"), [
    ({}, ["040", "051", "042", "010"]),
    ({"actor": "RUS"}, ["040"]),
    ({"actor": "KAZGOV"}, ["042", "010"]),
    ({"actor": "japarov"}, ["051"]),
    ({"target": "RUS"}, ["051", "042"]),
    ({"target": "CHN"}, ["040"]),
    ({"type": "CONSULT"}, ["040", "042"]),
    ({"type": "consult"}, ["040", "042"]),
    ({"type": "05"}, ["051"]),
    ({"since": "2025-11-26"}, ["051", "042"]),
    ({"until": "2025-11-25"}, ["040"]),
    ({"since": "2025-12-15", "until": "2025-12-20"}, ["042"]),
    ({"status": "planned"}, ["042"]),
    ({"actor": "KAZ", "type": "CONSULT", "status": "planned"}, ["042"]),
    ({"limit": 2}, ["040", "051"]),
    ({"doc_id": "other"}, []),
])
def test_store_events_filters(store, filters, cameos):
    assert [e.event.cameo for e in store.events(**filters)] == cameos


def test_store_events_keep_the_full_record(store):
    [stored] = store.events(type="040")
    assert stored.event == EXTRACTION.events[0]
    assert stored.to_dict()["doc_id"] == "q1" and stored.to_dict()["trigger"]["text"] == "met"


@pytest.mark.parametrize(("filters", "message"), [
    ({"since": "last week"}, "--since"),
    ({"until": "2025-13-01"}, "--until"),
    ({"type": "HUGS"}, "--type"),
    ({"status": "rumoured"}, "--status"),
])
def test_store_events_bad_filter_is_a_clear_error(store, filters, message):
    with pytest.raises(InputError, match=message):
        store.events(**filters)


@pytest.mark.parametrize(("filters", "count"), [
    ({"speaker": "Japarov"}, 1), ({"speaker": "KGZ"}, 1), ({"speaker": "Lavrov"}, 0),
    ({"text": "ally"}, 1), ({}, 1),
])
def test_store_quotes_filters(store, filters, count):
    found = store.quotes(**filters)
    assert len(found) == count
    if found:
        assert found[0].quote == EXTRACTION.quotes[0]


def test_store_documents_lists_counts(store):
    [info] = store.documents()
    assert (info.doc_id, info.events, info.quotes, info.chars) == ("q1", 4, 1, len(TEXT))
    assert info.title == "Diplomacy roundup"


def test_store_meta_records_schema_version(store):
    from geoevents.store import SCHEMA_VERSION

    assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
