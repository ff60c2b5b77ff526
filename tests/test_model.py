import json

import pytest

from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Span, Timex


def _extraction() -> Extraction:
    putin = Actor(0, 5, "Putin", name="Vladimir Putin", country="RUS", sector="GOV", code="RUSGOV")
    bishkek = Place(10, 17, "Bishkek", name="Bishkek", geonameid=1528675, lat=42.87, lon=74.59,
                    country="KGZ", feature="city")
    return Extraction(
        id="d1",
        events=[Event(source=putin, target=None, cameo="042", plover="CONSULT", mode="visit",
                      quad_class=1, goldstein=1.9, date="2025-11-26", location=bishkek,
                      evidence=Span(0, 17, "Putin in Bishkek"), confidence=0.8)],
        actors=[putin], places=[bishkek],
        timexes=[Timex(20, 29, "Wednesday", "DATE", "2025-11-26")],
        quotes=[Quote(30, 40, "«We do»", True, speaker=putin, cue=Span(41, 47, "stated"))],
    )


def test_model_extraction_round_trips_through_json():
    ex = _extraction()
    again = Extraction.from_dict(json.loads(ex.to_json()))
    assert again.to_dict() == ex.to_dict()
    assert again.events[0].location.geonameid == 1528675
    assert again.quotes[0].speaker.code == "RUSGOV"


@pytest.mark.parametrize("field", ["events", "actors", "timexes", "quotes", "places"])
def test_model_extraction_has_every_format_field(field):
    assert field in Extraction(id="x").to_dict()


def test_model_event_keeps_cameo_leading_zero():
    d = _extraction().events[0].to_dict()
    assert d["cameo"] == "042" and d["evidence"]["start"] == 0 and d["evidence"]["end"] == 17


def test_model_content_id_is_stable_and_content_sensitive():
    a = Document.content_id("text", "title")
    assert a == Document.content_id("text", "title")
    assert a != Document.content_id("text2", "title")
