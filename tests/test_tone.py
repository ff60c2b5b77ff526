"""Tone on GDELT's AvgTone scale (% positive minus % negative words, VADER lexicon): tone.py,
the pipeline's document and event tones, the store's columns and filters, the v1 -> v2 upgrade."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoevents.errors import InputError, StoreError
from geoevents.model import Actor, Document, Event, Extraction, Span
from geoevents.store import Store, StoredItem, content_hash
from geoevents.store.filters import event_filters
from geoevents.store.schema import SCHEMA_VERSION, TABLES
from geoevents.tone import NEUTRAL_IN_NEWS, tone, tone_counts

from .conftest import make_doc


@pytest.mark.parametrize("text", [
    "The ministers praised the successful talks and welcomed the new agreement.",
    "Both leaders expressed hope for a lasting peace and thanked each other for their support.",
    "The donors pledged generous help to rebuild the schools.",
])
def test_tone_positive_text_is_above_zero(text):
    assert tone(text) > 0


@pytest.mark.parametrize("text", [
    "Troops killed dozens of civilians in a brutal attack on the village.",
    "The minister condemned the violence and warned of a deepening crisis.",
    "Protesters accused the government of corruption and fraud.",
])
def test_tone_negative_text_is_below_zero(text):
    assert tone(text) < 0


@pytest.mark.parametrize("text", [
    "The delegation arrived in Bishkek on Tuesday.",
    "The committee will meet in Geneva next month to review the report.",
    "The United Nations Security Council met on Monday.",  # names are not rated
])
def test_tone_neutral_text_is_near_zero(text):
    assert abs(tone(text)) < 1


def test_tone_is_gdelts_percentage_difference():
    text = "The ministers praised the agreement but condemned the attack."
    positive, negative, words = tone_counts(text)
    assert (positive, negative, words) == (2, 2, 9)
    assert tone("good talks were held") == pytest.approx(100 * 1 / 4)
    assert tone("Officials praised the good and helpful talks") == pytest.approx(100 * 3 / 7)


@pytest.mark.parametrize("text, expected", [("good great excellent", 100.0), ("bad awful terrible", -100.0),
                                            ("", None), ("1234 — 5678", None)])
def test_tone_scale_bounds_and_empty_text(text, expected):
    assert tone(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "not", "the", "war", "peace", "Hope", "talks", ".", "no"]),
                max_size=30))
def test_tone_stays_on_the_scale(words):
    value = tone(" ".join(words))
    assert value is None or -100 <= value <= 100


@pytest.mark.parametrize("plain, negated", [
    ("The talks were helpful.", "The talks were not helpful."),
    ("The reform succeeded.", "The reform never succeeded."),
    ("The plan is bad.", "The plan isn't bad."),
])
def test_tone_negation_counts_on_the_other_side(plain, negated):
    assert tone(plain) * tone(negated) < 0


def test_tone_capitalised_words_inside_a_sentence_are_names():
    assert tone("Officials expressed hope on Monday.") > 0
    assert tone("Officials in Hope, Arkansas, met on Monday.") == 0
    assert tone("Hope was expressed by officials.") > 0  # at the start of a sentence: a word


def test_tone_news_neutral_words_are_not_rated():
    assert {"shares", "interest", "crude", "like", "well"} <= NEUTRAL_IN_NEWS
    assert tone("Shares of crude producers rose as well, like interest rates.") == 0


# -- the pipeline: document tone and event tone ----------------------------------------------


@pytest.mark.parametrize("text, sign", [
    ("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing five civilians in a "
     "brutal attack, Ukraine's foreign ministry said.", -1),
    ("Kazakhstan and Uzbekistan signed a landmark agreement on water sharing in Tashkent on Friday, "
     "and both presidents praised the friendly and successful talks.", 1),
])
def test_tone_pipeline_gives_document_and_event_tones(pipeline, text, sign):
    extraction = pipeline.extract_one(make_doc(text))
    assert extraction.tone is not None and extraction.tone * sign > 0
    assert extraction.events, "the sentence reports an event"
    for event in extraction.events:
        assert event.tone == tone(text[event.evidence.start:event.evidence.end])
    assert extraction.to_dict()["tone"] == extraction.tone
    assert Extraction.from_dict(extraction.to_dict()).events[0].tone == extraction.events[0].tone


# -- the store: columns, filters, the upgrade of a version-1 store ----------------------------


def _item(doc_id: str, evidence: str) -> StoredItem:
    document = Document(id=doc_id, text=evidence, published="2025-11-26")
    rus = Actor(0, 6, "Russia", country="RUS", code="RUS")
    event = Event(rus, None, "010", None, evidence=Span(0, len(evidence), evidence), tone=tone(evidence))
    extraction = Extraction(doc_id, events=[event], pipeline_version="v", tone=tone(evidence))
    return StoredItem(document, extraction, content_hash(document), datetime(2025, 11, 26))


TEXTS = {"pos": "Russia praised the successful and friendly talks.",
         "neg": "Russia condemned the brutal attack and the killing.",
         "flat": "Russia said the delegation arrived on Tuesday."}


@pytest.fixture
def tone_db(tmp_path):
    path = tmp_path / "tone.duckdb"
    with Store(path) as store:
        store.write([_item(k, v) for k, v in TEXTS.items()])
    return path


def test_tone_stored_in_documents_and_events(tone_db):
    with Store(tone_db, read_only=True) as store:
        docs = dict(store.connection.execute("SELECT doc_id, tone FROM documents").fetchall())
        events = dict(store.connection.execute("SELECT doc_id, tone FROM events").fetchall())
    assert docs == {k: tone(v) for k, v in TEXTS.items()} == events
    assert docs["pos"] > 0 > docs["neg"]


@pytest.mark.parametrize("filters, expected", [
    ({"min_tone": 1}, {"pos"}), ({"max_tone": -1}, {"neg"}),
    ({"min_tone": -1, "max_tone": 1}, {"flat"}),
    ({"min_tone": -100, "max_tone": 100}, {"pos", "neg", "flat"}),
])
def test_tone_filters_in_the_store(tone_db, filters, expected):
    with Store(tone_db, read_only=True) as store:
        assert {e.doc_id for e in store.events(**filters)} == expected


@pytest.mark.parametrize("value", [101, -100.5, "warm", float("nan")])
def test_tone_filter_refuses_values_off_the_scale(value):
    with pytest.raises(InputError, match=r"--min-tone .*-100 to 100"):
        event_filters(min_tone=value)  # as the CLI names it
    with pytest.raises(InputError, match=r": min_tone .*-100 to 100"):
        event_filters(min_tone=value, prefix="")  # as the HTTP API names it


def _make_version_1_store(path) -> None:
    """A store as geoevents wrote it before the tone columns (schema version 1)."""
    con = duckdb.connect(str(path))
    for table, columns in TABLES.items():
        body = ", ".join(f"{c.name} {c.sql}" for c in columns if c.name not in ("tone", "date_basis"))
        con.execute(f"CREATE TABLE {table} ({body})")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (doc_id, text, content_hash, pipeline_version) "
                "VALUES ('old', 'Russia praised the talks.', 'h', 'v0')")
    con.close()


def test_tone_version_1_store_is_refused_read_only_and_upgraded_for_writing(tmp_path):
    assert SCHEMA_VERSION == 3
    path = tmp_path / "v1.duckdb"
    _make_version_1_store(path)
    with pytest.raises(StoreError, match=r"schema version 1.*geoevents recode --db"):
        Store(path, read_only=True)
    with Store(path) as store:
        meta = store.meta()
        assert meta["schema_version"] == "3" and "upgraded_from_1" in meta
        assert store.connection.execute("SELECT doc_id, tone FROM documents").fetchall() == [("old", None)]
        store.write([_item("new", TEXTS["pos"])])
        assert [e.doc_id for e in store.events(min_tone=1)] == ["new"]
    with Store(path, read_only=True) as store:  # upgraded for good
        assert store.counts()["documents"] == 2
