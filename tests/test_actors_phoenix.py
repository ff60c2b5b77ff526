"""The converted Phoenix dictionaries, composition for the long tail, PLOVER sectors, user tables."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.actors.lexicon import build_lexicon, data_dir, get_lexicon
from geoevents.actors.plover import plover_sectors
from geoevents.actors.resolve import resolve_string
from geoevents.actors.stage import ActorsStage
from geoevents.nlp import load_model
from geoevents.stage import StageContext

from .conftest import make_doc

ROOT = Path(__file__).resolve().parent.parent


def _converter():
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# -- dated roles through converted Phoenix entries ---------------------------------------

def test_actors_phoenix_leader_before_and_after_leaving_office():
    # Aznar is not in the curated people.tsv: his roles come from Phoenix.Countries
    assert "Aznar" not in (data_dir() / "people.tsv").read_text(encoding="utf-8")
    person = get_lexicon().people["Jose Maria Aznar"]
    assert person.roles and all(r.title == "" for r in person.roles)
    assert resolve_string("Jose Maria Aznar", "2000-06-01").code == "ESPGOV"
    assert resolve_string("Spanish Prime Minister Jose Maria Aznar", "2003-06-01").code == "ESPGOV"
    assert resolve_string("Jose Maria Aznar", "2010-06-01").code == "ESPELI"


def test_actors_phoenix_curated_roles_win_where_they_overlap():
    # Phoenix keeps Putin in office with no end; the curated table's dated roles decide
    # from 2000 on, Phoenix's only before the first curated role
    lex = get_lexicon()
    putin = lex.people["Vladimir Putin"]
    first_curated = min(r.start for r in putin.roles if r.title)
    assert all(r.start is None or r.start < first_curated for r in putin.roles if not r.title)
    assert resolve_string("Vladimir Putin", "2010-01-01").code == "RUSGOV"
    # Gordon Brown: Phoenix's earlier office fills the time before the curated premiership
    assert resolve_string("Gordon Brown", "2005-01-01").code == "GBRGOV"
    assert resolve_string("Gordon Brown", "2015-01-01").code == "GBRELI"


def test_actors_phoenix_converter_round_trip(tmp_path):
    """A small dictionary in Phoenix's format, converted and loaded: dates, defaults, agents."""
    source = tmp_path / "phoenix"
    source.mkdir()
    (source / "Phoenix.Countries.actors.txt").write_text(
        "# comment\nFREEDONIA_  [USA]\n+FREEDONIAN_\n"
        "RUFUS_FIREFLY_  # CountryInfo.txt\n+FIREFLY_\n\t[USAELI 19200101-331231]\n"
        "\t[USAGOV 340101-19371231]\n\t[USAGOV 150101-160101]\n\t[USAELI]\n", encoding="utf-8")
    (source / "Phoenix.International.actors.txt").write_text(
        "GRAND_FENWICK_LEAGUE_ [IGOUNO] # test\n", encoding="utf-8")
    (source / "Phoenix.MilNonState.actors.txt").write_text(
        "SYLVANIAN_LIBERATION_FRONT_(SLF)_ [USAREB] # test\n", encoding="utf-8")
    (source / "Phoenix.agents.txt").write_text(
        "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\nMARTIAN_SOLDIER [~MIL]\nSPACE_MINIST [~GOVMIL]\n",
        encoding="utf-8")
    out = tmp_path / "data"
    shutil.copytree(data_dir(), out)
    for name in ("phoenix-actors.tsv", "phoenix-agents.tsv"):
        (out / name).unlink()
    assert _converter().main(["--source", str(source), "--out", str(out)]) == 0
    lex = build_lexicon(out)
    firefly = lex.people["Rufus Firefly"]
    assert resolve_string("Rufus Firefly", "1936-05-01", lexicon=lex).code == "USAGOV"
    assert resolve_string("Firefly", "1937-12-31", lexicon=lex).code == "USAGOV"  # inclusive end
    assert resolve_string("Rufus Firefly", "1940-01-01", lexicon=lex).code == "USAELI"
    # YYMMDD years up to 30 are 20xx, as TABARI reads them; YYYYMMDD dates mix in
    assert [r.start.year for r in firefly.roles if r.start] == [1920, 1934, 2015]
    assert resolve_string("Rufus Firefly", "2015-06-01", lexicon=lex).code == "USAGOV"
    assert resolve_string("the Sylvanian Liberation Front", "2020-01-01", lexicon=lex).code == "USAREB"
    assert resolve_string("SLF", "2020-01-01", lexicon=lex).code == "USAREB"
    soldiers = resolve_string("Russian martian soldiers", "2020-01-01", lexicon=lex)
    assert soldiers.code == "RUSMIL"
    minister = resolve_string("the Russian space ministry", "2020-01-01", lexicon=lex)
    assert minister.code == "RUSMIL" and minister.plover_sectors == ["GOV", "MIL"]
    # the converter is deterministic: a second run writes the same bytes
    before = (out / "phoenix-actors.tsv").read_bytes()
    _converter().main(["--source", str(source), "--out", str(out)])
    assert (out / "phoenix-actors.tsv").read_bytes() == before


# -- agents: nationality + agent noun -----------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    ("Iraqi soldiers", "IRQMIL"),
    ("ordinary Uzbeks", "UZBCVL"),
    ("Ukrainians", "UKRCVL"),
    ("Indian farmers", "INDAGR"),
    ("Nigerian police", "NGACOP"),
    ("Mexican drug cartel", "MEXCRM"),
    ("Hezbollah", "LBNREB"),
    ("the Revolutionary Armed Forces of Colombia", "COLREB"),
])
def test_actors_agents_give_sectors(text, code):
    assert resolve_string(text, "2021-01-01").code == code


@pytest.mark.parametrize(("text", "code"), [
    # British spellings of names the dictionaries list in American ones, and the reverse
    ("the Organisation of American States", "IGOOAS"),
    ("the North Atlantic Treaty Organisation", "IGONAT"),
    ("the Organization of American States", "IGOOAS"),
])
def test_actors_one_key_for_british_and_american_spellings(text, code):
    assert resolve_string(text, "2019-01-01").code == code


def test_actors_people_in_general_need_a_nationality():
    assert resolve_string("a man walking his dog", "2021-01-01").code is None
    assert resolve_string("Afghan men", "2021-01-01").code == "AFGCVL"


# -- nationality + role + unknown name; firms ------------------------------------------

@pytest.fixture(scope="module")
def run():
    nlp = load_model()
    stage = ActorsStage()

    def _run(text: str, published: str = "2021-05-01"):
        ctx = StageContext(document=make_doc(text, published), doc=nlp(text))
        stage(ctx)
        return ctx
    return _run


def test_actors_nationality_role_and_unknown_name(run):
    actor = resolve_string("Peruvian Foreign Minister Ana Ruiz", "2021-05-01")
    assert (actor.country, actor.sector, actor.name) == ("PER", "GOV", "Ana Ruiz")
    ctx = run("Peruvian Foreign Minister Ana Ruiz met her Chilean counterpart on Monday. "
              "Ruiz said the talks went well.")
    later = [a for a in ctx.actors if a.text == "Ruiz"]
    assert later and all(a.code == "PERGOV" for a in later)


def test_actors_agent_mention_ends_before_its_complement(run):
    # Phoenix lists "EMBASSY_IN" and "AMBASSADOR_TO": the preposition starts the next phrase
    ctx = run("Police stormed the Peruvian embassy in Santiago. Chile's ambassador to Bolivia "
              "was recalled.")
    texts = {a.text: a.code for a in ctx.actors}
    assert texts.get("Peruvian embassy") == "PERGOV"
    assert texts.get("Chile's ambassador") == "CHLGOV"
    assert not any(t.split()[-1] in ("in", "to") for t in texts)
    # a mission "in" a place is another state's; "of" names whose it is
    codes = {a.text: a.code for a in run("Protesters gathered outside the embassy in Lima.").actors}
    assert codes.get("embassy") == "GOV"
    codes = {a.text: a.code for a in run("Protesters gathered outside the embassy of Bolivia.").actors}
    assert codes.get("embassy of Bolivia") == "BOLGOV"


def test_actors_name_in_apposition_to_a_role_holds_it(run):
    # the news style "the foreign minister, Ana Ruiz," names the holder even where the
    # statistical NER misses the name; her surname later is her, not a namesake elsewhere
    ctx = run("Peru's foreign minister, Ana Ruiz, met her Chilean counterpart on Monday. "
              "Chile's president invited Ruiz to return next month.", "2024-03-04")
    codes = {a.text: a.code for a in ctx.actors}
    assert codes.get("Ana Ruiz") == "PERGOV"
    assert codes.get("Ruiz") == "PERGOV"
    # a clause after the comma is no name: one capitalised word, or none closed by a comma
    ctx = run("The minister, Peru said, would resign.")
    assert not [a for a in ctx.actors if a.kind == "person"]


@pytest.mark.parametrize(("text", "published", "code"), [
    ("President Ronald Reagan met reporters on Monday. Reagan said the talks went well.",
     "1987-03-19", "USAGOV"),
    ("Spanish Prime Minister Jose Maria Aznar arrived in Rabat. Aznar said both sides agreed.",
     "2001-05-01", "ESPGOV"),
])
def test_actors_bare_surname_keeps_the_code_of_a_known_person(run, text, published, code):
    ctx = run(text, published)
    surname = text.split(". ")[1].split()[0]
    later = [a for a in ctx.actors if a.text == surname]
    assert later and all(a.code == code for a in later)


def test_actors_stated_nationality_overrules_a_foreign_namesake():
    # "King Abdullah" alone is the Saudi king in the dictionary; a Jordanian one is Jordan's
    assert resolve_string("Jordanian King Abdullah", "2021-06-05").country == "JOR"


def test_actors_firm_never_coded_gov(run):
    ctx = run("Nakamichi, the Japanese audio maker, reported a loss on Tuesday.")
    firm = next(a for a in ctx.actors if a.text.startswith("Nakamichi"))
    assert (firm.kind, firm.code) == ("organisation", "JPNBUS")
    assert not any(a.sector == "GOV" for a in ctx.actors)
    for name in ("Volkswagen", "Gazprom", "Rosneft"):
        assert resolve_string(name, "2021-01-01").sector == "BUS"


# -- PLOVER sectors ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "date", "plover"), [
    ("Georgia's defence minister", "2024-05-01", ["GOV", "MIL"]),  # GOV first, as an executive
    ("Turkish state media", "2024-05-01", ["JRN"]),  # CAMEO MED (media) is PLOVER JRN
    ("Kenyan doctors", "2021-01-01", ["MED"]),  # CAMEO HLH (health) is PLOVER MED
    ("Afghan refugees", "2021-01-01", ["REF"]),
    ("the Transnistrian government", "2021-01-01", ["GOV", "PRE"]),
    ("Former Afghan President Ashraf Ghani", "2022-06-05", ["ELI"]),
])
def test_actors_plover_sectors(text, date, plover):
    assert resolve_string(text, date).plover_sectors == plover


def test_actors_plover_sectors_in_resolve_actors_output(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Iraqi soldiers", "date": "2020-01-01"}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "geoevents", "resolve-actors", str(src), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["code"] == "IRQMIL" and record["plover_sectors"] == ["MIL"]


def test_actors_plover_mapping_follows_the_manual():
    assert plover_sectors("INS") == ["REB"]  # note 3: no INS/SEP split
    assert plover_sectors("NGO") == ["SOC"]
    assert plover_sectors("IGO") == []
    assert plover_sectors("OPP", phrase="opposition party") == ["PTY", "OPP"]


# -- user tables outside the package -------------------------------------------------------

def _sparql(tmp_path: Path) -> Path:
    binding = {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q900101"},
               "personLabel": {"type": "literal", "value": "Zarina Importova"},
               "positionLabel": {"type": "literal", "value": "Minister of Foreign Affairs"},
               "start": {"type": "literal", "value": "2022-03-01T00:00:00Z"},
               "iso3": {"type": "literal", "value": "TJK"}}
    path = tmp_path / "query.json"
    path.write_text(json.dumps({"results": {"bindings": [binding]}}), encoding="utf-8")
    return path


def test_actors_import_written_outside_the_package(tmp_path):
    user = tmp_path / "userdata"
    env = {**os.environ, "GEOEVENTS_USER_DATA_DIR": str(user)}
    package_files = sorted(p.name for p in data_dir().iterdir())
    proc = subprocess.run([sys.executable, "-m", "geoevents", "actors", "import", "wikidata",
                           str(_sparql(tmp_path))], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    written = user / "actors" / "people-wikidata.tsv"
    assert written.is_file() and str(written) in proc.stdout
    assert sorted(p.name for p in data_dir().iterdir()) == package_files  # package untouched
    # a reinstall lays down a fresh package data folder; the user's table is loaded beside it
    fresh = tmp_path / "reinstalled"
    shutil.copytree(data_dir(), fresh)
    lex = build_lexicon(fresh, (user / "actors",))
    assert resolve_string("Zarina Importova", "2023-01-01", lexicon=lex).code == "TJKGOV"
    # and the CLI's own resolution picks it up through the setting
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "z", "text": "Zarina Importova", "date": "2023-01-01"}) + "\n",
                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "geoevents", "resolve-actors", str(src)],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["code"] == "TJKGOV"
    settings = subprocess.run([sys.executable, "-m", "geoevents", "settings"], capture_output=True,
                              text=True, env={**env, "COLUMNS": "250"})
    assert str(user) in settings.stdout
