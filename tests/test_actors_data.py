"""The actor dictionary files: loading, malformed rows, the Wikidata importer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.actors.lexicon import build_lexicon, data_dir, get_lexicon
from geoevents.actors.resolve import resolve_string
from geoevents.actors.wikidata import import_wikidata
from geoevents.errors import DataFileError, InputError


def test_lexicon_covers_un_members_and_organisations():
    lex = get_lexicon()
    assert len(lex.countries) >= 195
    assert len({o.code for o in lex.organisations.values() if o.sector in ("IGO", "NGO")}) >= 80
    assert all(role.start is None or role.end is None or role.start <= role.end
               for person in lex.people.values() for role in person.roles)


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


@pytest.mark.parametrize(("file", "line", "message"), [
    ("people.tsv", "Nobody Known\t\t\t\tXXX\tpresident\tGOV\t2020-01-01\t", "unknown country"),
    ("people.tsv", "Nobody Known\t\t\t\tRUS\tpresident\tGOV\t2020-13-01\t", "not an ISO date"),
    ("people.tsv", "Nobody Known\t\t\t\tRUS\tpresident\tBOSS\t2020-01-01\t", "unknown sector"),
    ("people.tsv", "Nobody Known\tRUS\tpresident", "expected 9 tab-separated fields"),
    ("organisations.tsv", "igo\tSome Body\t\t\t", "should be a country"),
    ("agents.tsv", "chieftain\tGOV\tboss\t", "type 'boss'"),
    ("agents.tsv", "chieftains\tGOV\tgroup\tmaybe", "generic 'maybe'"),
    ("agents.tsv", "Chieftains\tPTY\tgroup\tN", "n (a name, matched capitalised)"),
    ("countries.tsv", "RU\tRuritania\t\t\t\t\t", "not an ISO 3166-1"),
    # a change written one column early lands in the Wikidata column
    ("organisations.tsv", "SYRREB\tSome Front\tSF\t2024-12-08:SYRGOV\t", "Wikidata item id"),
])
def test_lexicon_malformed_row_names_file_and_line(data_copy, file, line, message):
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    lineno = len((text + line).splitlines())
    with pytest.raises(DataFileError) as err:
        build_lexicon(data_copy)
    assert f"{file}:{lineno}:" in str(err.value) and message in str(err.value)


def test_lexicon_wrong_header_is_reported(data_copy):
    path = data_copy / "cities.tsv"
    path.write_text("# note\ncountry\tcity\nKAZ\tAlmaty\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cities.tsv:2: header"):
        build_lexicon(data_copy)


def _binding(name: str, qid: str, position: str, start: str, end: str | None, **extra: str) -> dict:
    row = {"person": {"type": "uri", "value": f"http://www.wikidata.org/entity/{qid}"},
           "personLabel": {"type": "literal", "xml:lang": "en", "value": name},
           "positionLabel": {"type": "literal", "xml:lang": "en", "value": position},
           "start": {"type": "literal", "value": f"{start}T00:00:00Z",
                     "datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}}
    if end:
        row["end"] = {"type": "literal", "value": f"{end}T00:00:00Z",
                      "datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}
    for key, value in extra.items():
        row[key] = {"type": "uri" if value.startswith("http") else "literal", "value": value}
    return row


@pytest.fixture()
def sparql_file(tmp_path: Path) -> Path:
    results = {"head": {"vars": ["person", "personLabel", "positionLabel", "start", "end", "iso3"]},
               "results": {"bindings": [
                   _binding("Aigul Testova", "Q900001", "Minister of Defence of Kyrgyzstan",
                            "2018-02-01", "2021-03-01", iso3="KGZ",
                            gender="http://www.wikidata.org/entity/Q6581072"),
                   _binding("Aigul Testova", "Q900001", "Prime Minister of Kyrgyzstan",
                            "2021-03-01", None, iso3="KGZ"),
                   _binding("Ruslan Probov", "Q900002", "Minister of Foreign Affairs",
                            "2015-01-01", "2017-01-01", country="http://www.wikidata.org/entity/Q232"),
                   _binding("Nobody Placeless", "Q900003", "Mayor", "2015-01-01", None),
               ]}}
    path = tmp_path / "query.json"
    path.write_text(json.dumps(results), encoding="utf-8")
    return path


def test_wikidata_import_writes_dated_roles(data_copy, sparql_file):
    lex = build_lexicon(data_copy)
    result = import_wikidata(sparql_file, data_copy / "people-wikidata.tsv", lex)
    assert (result.rows, result.people, result.skipped) == (3, 2, 1)
    refreshed = build_lexicon(data_copy)
    testova = refreshed.people["Aigul Testova"]
    assert testova.wikidata == "Q900001" and testova.gender == "F"
    cases = [("Aigul Testova", "2019-05-01", "KGZMIL"), ("Aigul Testova", "2023-05-01", "KGZGOV"),
             ("Testova", "2023-05-01", "KGZGOV"), ("Ruslan Probov", "2016-01-01", "KAZGOV"),
             ("Ruslan Probov", "2020-01-01", "KAZELI")]
    for text, date, code in cases:
        assert resolve_string(text, date, lexicon=refreshed).code == code


@pytest.mark.parametrize("content", ["not json", '{"results": {}}', "[1, 2]"])
def test_wikidata_import_rejects_malformed_results(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        import_wikidata(path, tmp_path / "out.tsv", get_lexicon())


def test_wikidata_import_cli(tmp_path, sparql_file):
    out = tmp_path / "people-test.tsv"
    proc = subprocess.run([sys.executable, "-m", "geoevents", "actors", "import", "wikidata",
                           str(sparql_file), "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "3 roles of 2 people" in proc.stdout
    assert "Aigul Testova\tTestova\tQ900001\tF\tKGZ" in out.read_text(encoding="utf-8")


@pytest.mark.issue(13)
def test_holders_named_needs_exactly_one_office_holder_on_the_date():
    import datetime as dt

    from geoevents.actors.lexicon import Lexicon, Person, Role

    lex = Lexicon()
    minister = Role("GBR", "minister", "GOV", dt.date(2000, 1, 1), dt.date(2005, 1, 1))
    lex.people["Ann Smith"] = Person("Ann Smith", "Ann Smith", None, None, [minister])
    lex.people["Bob Smith"] = Person("Bob Smith", "Bob Smith", None, None,
                                     [Role("USA", "senator", "LEG", dt.date(2003, 1, 1), None)])
    assert lex.holders_named("Smith", dt.date(2001, 6, 1)) == ["Ann Smith"]
    assert sorted(lex.holders_named("Smith", dt.date(2004, 6, 1))) == ["Ann Smith", "Bob Smith"]
    assert lex.holders_named("Smith", dt.date(1990, 1, 1)) == []


def test_without_initials_drops_middle_initials_only():
    from geoevents.actors.lexicon import without_initials

    assert without_initials("Clayton K. Yeutter") == "Clayton Yeutter"
    assert without_initials("George H. W. Bush") == "George Bush"
    assert without_initials("Vladimir Putin") is None
