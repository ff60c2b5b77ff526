"""The seed article with an extraction written by hand (what the events stage should find).

``seed_pairs()`` is also used by the API, web and export tests, so they do not
depend on the state of the extraction stages. The last test runs the real
pipeline on the seed and checks the relations question end to end.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pandas as pd
import pytest

from geoevents.analysis import memory_store, relation_events, relations
from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Span, Timex
from geoevents.tone import tone

from .conftest import SEED

PEOPLE = {"Vladimir Putin": ("RUSGOV", "RUS"), "Putin": ("RUSGOV", "RUS"),
          "Sadyr Japarov": ("KGZGOV", "KGZ"), "Japarov": ("KGZGOV", "KGZ"),
          "Donald Trump": ("USAGOV", "USA"), "Kassym-Jomart Tokayev": ("KAZGOV", "KAZ"),
          "Kyrgyzstan": ("KGZ", "KGZ"), "Russia": ("RUS", "RUS"), "Moscow": ("RUSGOV", "RUS"),
          "he": ("KGZGOV", "KGZ"), "Collective Security Treaty Organization": ("IGOCST", None),
          "Ukraine": ("UKR", "UKR")}
PLACES = {"Bishkek": (1528675, 42.87, 74.59, "KGZ", "city"),
          "Washington": (4140963, 38.895, -77.036, "USA", "city"),
          "Moscow": (524901, 55.752, 37.616, "RUS", "city"),
          "Kazakhstan": (1522867, 48.0, 68.0, "KAZ", "country")}
# (evidence, source mention, target mention, cameo, plover, quad, goldstein, date, status, place)
EVENTS = [
    ("President Vladimir Putin held talks with Kyrgyz President Sadyr Japarov on Wednesday",
     "Vladimir Putin", "Sadyr Japarov", "040", "CONSULT", 1, 1.0, "2025-11-26", "occurred", None),
    ("Japarov welcomed Putin in Bishkek", "Japarov", "Putin", "043", "CONSULT", 1, 2.8, None, "occurred",
     "Bishkek"),
    ("he participated in a summit in Washington with U.S. President Donald Trump", "he", "Donald Trump",
     "042", "CONSULT", 1, 1.9, None, "occurred", "Washington"),
    ("Putin complimented Japarov", "Putin", "Japarov", "051", "SUPPORT", 1, 3.4, None, "occurred", None),
    ("Agreements related to trade, energy, and migration were signed during the meeting", "Putin",
     "Japarov", "057", "AGREE", 1, 8.0, None, "occurred", None),
    ("Putin is on a three-day visit, which commenced on Tuesday", "Putin", "Kyrgyzstan", "042", "CONSULT",
     1, 1.9, "2025-11-25", "occurred", None),
    ("His prior visit in October 2023", "Putin", "Kyrgyzstan", "042", "CONSULT", 1, 1.9, "2023-10",
     "occurred", None),
    ("the full-scale invasion of Ukraine in 2022", "Putin", "Ukraine", "190", "ASSAULT", 4, -10.0, "2022",
     "occurred", None),
    ("a summit of the Moscow-led Collective Security Treaty Organization (CSTO) is planned for Thursday",
     "Collective Security Treaty Organization", None, "036", "AGREE", 1, 4.0, "2025-11-27", "planned", None),
]
TIMEXES = [("Wednesday", "2025-11-26"), ("Tuesday", "2025-11-25"), ("October 2023", "2023-10"),
           ("2022", "2022"), ("Thursday", "2025-11-27"), ("2026", "2026")]


def seed_document() -> Document:
    return Document.from_dict(json.loads(SEED.read_text(encoding="utf-8").splitlines()[0]))


def _actor(text: str, name: str, at: int) -> Actor:
    code, country = PEOPLE[name]
    sector = code[3:] if len(code) > 3 else None
    kind = "pronoun" if name == "he" else "organisation" if code.startswith("IGO") else \
        "country" if len(code) == 3 else "person"
    return Actor(at, at + len(name), text[at:at + len(name)], name=name, country=country, sector=sector,
                 code=code, kind=kind)


def _place(text: str, name: str, at: int) -> Place:
    gid, lat, lon, country, feature = PLACES[name]
    return Place(at, at + len(name), name, name=name, geonameid=gid, lat=lat, lon=lon, country=country,
                 feature=feature)


def seed_extraction(document: Document) -> Extraction:
    text = document.text
    events = []
    for evidence, src, tgt, cameo, plover, quad, gold, date, status, place in EVENTS:
        start = text.index(evidence)
        span = Span(start, start + len(evidence), evidence)
        source = _actor(text, src, text.find(src, start)) if text.find(src, start) >= 0 else \
            _actor(text, src, text.index(src))
        target = None
        if tgt:
            at = text.find(tgt, start)
            target = _actor(text, tgt, at if at >= 0 else text.index(tgt))
        location = _place(text, place, text.index(place, start)) if place else None
        events.append(Event(source=source, target=target, cameo=cameo, plover=plover, quad_class=quad,
                            goldstein=gold, date=date, status=status, location=location, evidence=span,
                            confidence=0.8, tone=tone(evidence)))  # as the pipeline gives them
    actors = sorted({(a.start, a.text): a for e in events for a in (e.source, e.target) if a}.values(),
                    key=lambda a: a.start)
    places = [_place(text, name, text.index(name)) for name in PLACES]
    timexes = [Timex(text.index(t), text.index(t) + len(t), t, "DATE", v) for t, v in TIMEXES]
    quote_text = ("«We appreciate that under your leadership, [Kyrgyzstan] has become a stable and "
                  "dependable partner,»")
    q_start = text.index(quote_text)
    cue = text.index("stating")
    quotes = [Quote(q_start, q_start + len(quote_text), quote_text, True,
                    speaker=_actor(text, "Putin", text.index("Putin complimented")),
                    cue=Span(cue, cue + len("stating"), "stating"))]
    return Extraction(id=document.id, events=events, actors=actors, timexes=timexes, quotes=quotes,
                      places=places, pipeline_version="hand-made", tone=tone(text))


def seed_pairs() -> list[tuple[Document, Extraction]]:
    document = seed_document()
    return [(document, seed_extraction(document))]


def test_seed_extraction_offsets_point_at_their_text():
    document, extraction = seed_pairs()[0]
    for item in [*extraction.actors, *extraction.places, *extraction.timexes, *extraction.quotes]:
        assert document.text[item.start:item.end] == item.text
    for event in extraction.events:
        assert document.text[event.evidence.start:event.evidence.end] == event.evidence.text


@pytest.fixture(scope="module")
def seed_con():
    return memory_store(seed_pairs())


def test_relations_seed_answers_the_headline_question(seed_con):
    frame = relations(seed_con, "KGZ", "RUS,USA,CHN", by="month")
    nov = frame[frame["period"] == pd.Timestamp("2025-11-01")].set_index("partner")
    assert nov.loc["RUS", "cooperation"] == 5  # talks, welcome, praise, agreements, visit
    assert nov.loc["USA", "events"] == 1 and nov.loc["USA", "placed_by_published"] == 1
    assert nov.loc["CHN", "events"] == 0
    oct23 = frame[frame["period"] == pd.Timestamp("2023-10-01")].set_index("partner")
    assert oct23.loc["RUS", "events"] == 1


def test_relation_events_seed_evidence_points_into_the_article(seed_con):
    behind = relation_events(seed_con, "KGZ", ["USA"])
    assert list(behind["evidence_text"]) == [EVENTS[2][0]]
    assert behind.iloc[0]["location_name"] == "Washington"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("geoevents")
    assert exe, "geoevents is not installed (pip install -e .)"
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from datetime import UTC, datetime

    from geoevents.store import Store, StoredItem, content_hash

    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    with Store(path) as store:
        store.write([StoredItem(d, e, content_hash(d), datetime.now(UTC).replace(tzinfo=None))
                     for d, e in seed_pairs()])
    return path


def test_relations_cli_prints_table_events_and_png(seed_db, tmp_path):
    png = tmp_path / "kgz.png"
    run = _cli("relations", "KGZ", "--with", "RUS,USA,CHN", "--by", "month", "--events", "--png", str(png),
               "--db", str(seed_db))
    assert run.returncode == 0, run.stderr
    assert "2025-11" in run.stdout and "RUS" in run.stdout and "USA" in run.stdout
    assert "he participated in a summit" in run.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("args, message", [
    (["relations", "KGZ", "--with", "RUS", "--by", "fortnight"], "choose one of"),
    (["relations", "K!Z", "--with", "RUS"], "not a country"),
    (["relations", "KGZ", "--with", "RUS", "--db", "/nonexistent/x.duckdb"], "does not exist"),
])
def test_relations_cli_bad_input_is_one_line(seed_db, args, message):
    if "--db" not in args:
        args = [*args, "--db", str(seed_db)]
    run = _cli(*args)
    assert run.returncode != 0
    assert message in run.stderr and "Traceback" not in run.stderr


@pytest.mark.slow
def test_relations_seed_through_the_real_pipeline(pipeline, tmp_path):
    """With the seed ingested by the pipeline, KGZ's relations show RUS and USA events in 2025-11."""
    document = seed_document()
    extraction = pipeline.extract_one(document)
    frame = relations(memory_store([(document, extraction)]), "KGZ", "RUS,USA,CHN")
    nov = frame[frame["period"] == pd.Timestamp("2025-11-01")].set_index("partner")
    assert nov.loc["RUS", "cooperation"] >= 2
    assert nov.loc["USA", "events"] >= 1
