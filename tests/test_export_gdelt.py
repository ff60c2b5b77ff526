"""The GDELT export filled as far as the data allows: AvgTone, actor and action geography,
SOURCEURL, and the counts of events, merged reports and rows (store/export.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.analysis import memory_store
from geoevents.model import Actor, Document, Event, Extraction, Place, Span
from geoevents.store.countries import country_centres, iso3_to_fips
from geoevents.store.export import GDELT_COLUMNS, export_events
from geoevents.store.groups import update_groups

from .test_analysis_seed import seed_pairs

KHARKIV = dict(name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25, country="UKR", feature="city")
SHELLING = "Russian forces shelled Kharkiv on Monday."


def _actor(text: str, mention: str, code: str, country: str | None, sector: str | None = None) -> Actor:
    at = text.index(mention)
    return Actor(at, at + len(mention), mention, name=mention, country=country, sector=sector, code=code)


def _event(text: str, sentence: str, source: Actor | None, target: Actor | None, cameo: str,
           place: bool = False) -> Event:
    at = text.index(sentence)
    location = None
    if place:
        k = text.index("Kharkiv")
        location = Place(k, k + 7, "Kharkiv", **KHARKIV)
    return Event(source, target, cameo, None, date="2025-11-24", location=location,
                 evidence=Span(at, at + len(sentence), sentence))


def _pairs() -> list[tuple[Document, Extraction]]:
    t1 = (f"{SHELLING} Kyrgyzstan's president held talks with Russia's president. "
          "Russia warned the West. The United Nations condemned Russia.")
    d1 = Document(id="g1", text=t1, published="2025-11-24", url="https://news.example/g1")
    e1 = [
        _event(t1, SHELLING, _actor(t1, "Russian forces", "RUSMIL", "RUS", "MIL"),
               _actor(t1, "Kharkiv", "UKR", "UKR"), "190", place=True),
        _event(t1, "Kyrgyzstan's president held talks with Russia's president",
               _actor(t1, "Kyrgyzstan's president", "KGZGOV", "KGZ", "GOV"),
               _actor(t1, "Russia's president", "RUSGOV", "RUS", "GOV"), "040"),
        _event(t1, "Russia warned the West", _actor(t1, "Russia warned", "RUS", "RUS"), None, "130"),
        _event(t1, "The United Nations condemned Russia", _actor(t1, "United Nations", "IGOUNO", None, "IGO"),
               _actor(t1, "Russia.", "RUS", "RUS"), "111"),
    ]
    t2 = f"{SHELLING} China criticised Taiwan."
    d2 = Document(id="g2", text=t2, published="2025-11-24")  # no URL
    e2 = [
        _event(t2, SHELLING, _actor(t2, "Russian forces", "RUSMIL", "RUS", "MIL"),
               _actor(t2, "Kharkiv", "UKR", "UKR"), "190", place=True),
        _event(t2, "China criticised Taiwan", _actor(t2, "China", "CHN", "CHN"),
               _actor(t2, "Taiwan", "TWN", "TWN"), "111"),
    ]
    # tones written by the test: AvgTone must be the mean of the two articles' tones
    return [(d1, Extraction("g1", events=e1, pipeline_version="t", tone=-2.0)),
            (d2, Extraction("g2", events=e2, pipeline_version="t", tone=-4.0))]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    con = memory_store(_pairs())
    update_groups(con, ["g1", "g2"])
    path = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    result = export_events(con, path, "gdelt")
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
            for line in path.read_text(encoding="utf-8").splitlines()]
    return result, {(r["Actor1Code"], r["EventCode"]): r for r in rows}


def _geo(row: dict[str, str], prefix: str) -> tuple[str, ...]:
    return tuple(row[f"{prefix}_{f}"] for f in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code",
                                                "Lat", "Long", "FeatureID"))


def test_export_gdelt_counts_events_merged_reports_and_rows(exported):
    result, rows = exported
    assert (result.events, result.rows, result.merged_rows, result.merged_events) == (6, 5, 1, 2)
    assert len(rows) == 5
    line = result.line("events.tsv")
    assert line.startswith("6 events written to events.tsv as 5 GDELT rows")
    assert "2 events are reports of 1 event reported more than once" in line and "other 4 events" in line


def test_export_gdelt_avgtone_is_the_mean_tone_of_the_reporting_articles(exported):
    _, rows = exported
    shelling = rows[("RUSMIL", "190")]
    assert (shelling["NumArticles"], shelling["AvgTone"]) == ("2", "-3.0")
    assert rows[("KGZGOV", "040")]["AvgTone"] == "-2.0" and rows[("CHN", "111")]["AvgTone"] == "-4.0"
    assert all(r["AvgTone"] for r in rows.values())


def test_export_gdelt_action_geo_is_the_place(exported):
    _, rows = exported
    shelling = rows[("RUSMIL", "190")]
    assert _geo(shelling, "ActionGeo") == ("4", "Kharkiv, Ukraine", "UP", "", "", "49.98", "36.25", "706483")
    # the target is in the place's country: its geography is the place; the source's is its country
    assert _geo(shelling, "Actor2Geo") == _geo(shelling, "ActionGeo")
    lat, lon = country_centres()["RUS"]
    assert _geo(shelling, "Actor1Geo") == ("1", "Russia", "RS", "RS", "", f"{lat:.1f}", f"{lon:.1f}", "RS")


def test_export_gdelt_action_geo_falls_back_to_the_events_country(exported):
    _, rows = exported
    russia = _geo(rows[("RUS", "130")], "Actor1Geo")
    assert russia[:3] == ("1", "Russia", "RS")
    assert _geo(rows[("RUS", "130")], "ActionGeo") == russia  # one actor, one country
    assert _geo(rows[("IGOUNO", "111")], "ActionGeo") == russia  # the IGO has no country
    assert set(_geo(rows[("KGZGOV", "040")], "ActionGeo")) == {""}  # two countries, no place: unknown


def test_export_gdelt_actor_geo_is_the_actors_country(exported):
    _, rows = exported
    talks = rows[("KGZGOV", "040")]
    lat, lon = country_centres()["KGZ"]
    assert _geo(talks, "Actor1Geo") == ("1", "Kyrgyzstan", "KG", "KG", "", f"{lat:.1f}", f"{lon:.1f}", "KG")
    assert _geo(talks, "Actor2Geo")[:3] == ("1", "Russia", "RS")
    assert set(_geo(rows[("IGOUNO", "111")], "Actor1Geo")) == {""}  # no country, no geography
    assert _geo(rows[("CHN", "111")], "Actor2Geo")[:3] == ("1", "Taiwan", "TW")


def test_export_gdelt_sourceurl_is_the_url_or_empty_never_the_id(exported):
    _, rows = exported
    assert rows[("RUSMIL", "190")]["SOURCEURL"] == "https://news.example/g1"
    assert rows[("CHN", "111")]["SOURCEURL"] == ""  # g2 has no URL


def test_export_gdelt_every_row_with_an_actor_country_has_its_geography(tmp_path):
    con = memory_store([*seed_pairs(), *_pairs()])
    update_groups(con, [d.id for d, _ in seed_pairs()] + ["g1", "g2"])
    path = tmp_path / "all.tsv"
    result = export_events(con, path, "gdelt")
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in path.read_text().splitlines()]
    assert len(rows) == result.rows > 5
    fips = iso3_to_fips()
    for row in rows:
        assert row["AvgTone"] != ""
        for n in ("1", "2"):
            if row[f"Actor{n}CountryCode"] in fips:
                geo = _geo(row, f"Actor{n}Geo")
                assert geo[0] in ("1", "2", "3", "4", "5") and geo[2] and geo[5] and geo[6], row
    located = sum(1 for r in rows if r["ActionGeo_Type"])
    assert located > sum(1 for r in rows if r["ActionGeo_FeatureID"].isdigit())  # countries fill the gaps


@pytest.mark.parametrize("iso3", sorted(set(iso3_to_fips()) - {"ATA", "BVT", "ANT"}))
def test_export_country_centres_cover_every_fips_country(iso3):
    lat, lon = country_centres()[iso3]
    assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_export_cli_says_why_events_and_rows_differ(tmp_path):
    from .test_api_http import make_store

    db = make_store(tmp_path / "x.duckdb")
    src = Path(__file__).resolve().parent.parent / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    out = tmp_path / "out.tsv"
    run = subprocess.run([sys.executable, "-m", "geoevents", "export", "--format", "gdelt", "-o", str(out),
                          "--db", str(db)], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr
    rows = len(out.read_text(encoding="utf-8").splitlines())
    assert f"9 events written to {out} as {rows} GDELT rows (one row per real-world event" in run.stdout
    assert rows < 9 and "reported more than once" in run.stdout
    csv_run = subprocess.run([sys.executable, "-m", "geoevents", "export", "--format", "csv", "-o",
                              str(tmp_path / "e.csv"), "--db", str(db), "--max-tone", "0"],
                             capture_output=True, text=True, timeout=300, env=env)
    assert csv_run.returncode == 0, csv_run.stderr
    assert "one row per event" in csv_run.stdout


def test_export_own_schema_has_event_and_document_tone(tmp_path):
    import csv

    con = memory_store(_pairs())
    path = tmp_path / "events.csv"
    result = export_events(con, path, "csv", filters={"max_tone": 100})
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert result.rows == len(rows) == 0  # the test's events have no tone of their own: filtered out
    export_events(con, path, "csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 6 and {r["doc_id"]: r["doc_tone"] for r in rows} == {"g1": "-2.0", "g2": "-4.0"}
    assert all(r["tone"] == "" for r in rows)
