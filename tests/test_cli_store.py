"""The store commands through the real CLI: ingest, events, quotes, documents, recode, demo."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime

import duckdb
import pytest
from typer.testing import CliRunner

from geoevents.cli import app
from geoevents.model import Document
from geoevents.store import Store, StoredItem, content_hash
from tests.test_store_query import EXTRACTION, TEXT

runner = CliRunner()

ARTICLES = [
    {"id": "c0", "published": "2025-11-26",
     "text": "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergey Lavrov in Beijing "
             "on Tuesday."},
    {"id": "c1", "published": "2025-11-26",
     "text": "Kazakhstan and Uzbekistan signed a water-sharing agreement in Tashkent last week."},
    {"id": "c2", "published": "2025-11-26",
     "text": "Turkish President Recep Tayyip Erdogan visited Baku on Friday for talks with Ilham Aliyev."},
]
GERMAN = {"id": "de", "published": "2025-11-26",
          "text": "Der russische Präsident traf sich am Mittwoch in Bischkek mit dem kirgisischen "
                  "Präsidenten zu langen Gesprächen über Handel, Energie und Migration."}


def write_jsonl(path, records, extra_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


def cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """The installed command in a fresh process: real exit codes and stderr."""
    return subprocess.run([sys.executable, "-m", "geoevents", *args], capture_output=True, text=True,
                          timeout=timeout)


def invoke(*args: str, env: dict[str, str] | None = None):
    result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def constructed_db(tmp_path):
    """A store holding one hand-made Extraction: deterministic events and quotes."""
    db = tmp_path / "made.duckdb"
    document = Document(id="q1", text=TEXT, published="2025-11-26", title="Diplomacy roundup")
    with Store(db) as store:
        store.write([StoredItem(document, EXTRACTION, content_hash(document), datetime(2025, 11, 26))])
    return db


def test_cli_store_ingest_is_idempotent(tmp_path):
    db = tmp_path / "g.duckdb"
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    first = invoke("ingest", str(source), "--db", str(db))
    second = invoke("ingest", str(source), "--db", str(db))
    assert "3 new" in first.output and "3 unchanged" in second.output
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 3
        assert [r["status"] for r in store.runs()] == ["completed", "completed"]


def test_cli_store_ingest_uses_geoevents_db_env(tmp_path):
    db = tmp_path / "from-env.duckdb"
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES[:1])
    invoke("ingest", str(source), env={"GEOEVENTS_DB": str(db)})
    assert db.is_file()
    listed = invoke("documents", "--format", "jsonl", env={"GEOEVENTS_DB": str(db)})
    assert json.loads(listed.output.splitlines()[0])["doc_id"] == "c0"


def test_cli_store_ingest_column_options(tmp_path):
    db = tmp_path / "g.duckdb"
    records = [{"key": "k1", "body": ARTICLES[0]["text"], "day": "2025-11-25", "headline": "Talks"}]
    source = write_jsonl(tmp_path / "custom.jsonl", records)
    invoke("ingest", str(source), "--db", str(db), "--text-col", "body", "--id-col", "key",
           "--date-col", "day", "--title-col", "headline")
    with Store(db, read_only=True) as store:
        stored = store.document("k1")
    assert (stored.text, stored.published, stored.title) == (ARTICLES[0]["text"], "2025-11-25", "Talks")


def test_cli_store_ingest_warns_about_not_english(tmp_path):
    source = write_jsonl(tmp_path / "mixed.jsonl", [ARTICLES[0], GERMAN])
    result = cli("ingest", str(source), "--db", str(tmp_path / "g.duckdb"))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "(de 1)" in warnings[0]
    assert "1 stored without extraction" in result.stdout


@pytest.mark.parametrize(("args", "cameos"), [
    ([], ["040", "051", "042", "010"]),
    (["--actor", "KAZ", "--type", "CONSULT"], ["042"]),
    (["--target", "RUS", "--since", "2025-12-01"], ["042"]),
    (["--status", "reported"], ["051"]),
])
def test_cli_store_events_filters_and_formats(constructed_db, args, cameos):
    as_jsonl = invoke("events", "--db", str(constructed_db), "--format", "jsonl", *args)
    assert [json.loads(line)["cameo"] for line in as_jsonl.output.splitlines()] == cameos
    as_csv = invoke("events", "--db", str(constructed_db), "--format", "csv", *args)
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [r["cameo"] for r in rows] == cameos
    as_table = invoke("events", "--db", str(constructed_db), *args)
    assert f"events ({len(cameos)})" in as_table.output


def test_cli_store_events_csv_header_without_rows(constructed_db):
    result = invoke("events", "--db", str(constructed_db), "--format", "csv", "--actor", "USA")
    header = next(csv.reader(io.StringIO(result.output)))
    assert header[:3] == ["doc_id", "position", "pipeline_version"] and "cameo" in header


def test_cli_store_events_to_file(constructed_db, tmp_path):
    out = tmp_path / "events.csv"
    invoke("events", "--db", str(constructed_db), "--format", "csv", "-o", str(out))
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 4


@pytest.mark.parametrize(("speaker", "count"), [("Japarov", 1), ("KGZGOV", 1), ("Lavrov", 0)])
def test_cli_store_quotes_by_speaker(constructed_db, speaker, count):
    result = invoke("quotes", "--db", str(constructed_db), "--speaker", speaker, "--format", "jsonl")
    quotes = [json.loads(line) for line in result.output.splitlines()]
    assert len(quotes) == count
    if quotes:
        assert quotes[0]["speaker"]["name"] == "Sadyr Japarov" and quotes[0]["direct"] is True


def test_cli_store_documents_table(constructed_db):
    result = invoke("documents", "--db", str(constructed_db))
    assert "q1" in result.output and "Diplomacy roundup" in result.output


def test_cli_store_recode_stamps_current_version(constructed_db):
    result = invoke("recode", "--db", str(constructed_db))
    assert "1 updated" in result.output
    with Store(constructed_db, read_only=True) as store:
        [info] = store.documents()
        stamped = store.extraction("q1").pipeline_version
    assert info.pipeline_version == stamped != "test-1"
    assert "checked 1 stored document: 1 extracted by another pipeline version" in result.output
    again = invoke("recode", "--db", str(constructed_db)).output
    assert "checked 1 stored document: all were extracted by the current pipeline" in again
    assert "nothing to re-extract" in again and "geoevents recode --all" in again
    assert "updated" not in again  # nothing ran: no ingest summary line
    everything = invoke("recode", "--db", str(constructed_db), "--all").output
    assert "re-extracting all 1 stored document" in everything and "1 updated" in everything


def _rows(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT * EXCLUDE (pipeline_version) FROM {t}").fetchall(), key=repr)
                for t in ("documents", "extractions", "events", "actors", "places", "timexes", "quotes")}
    finally:
        con.close()


@pytest.mark.parametrize("failing_args", [
    ["--strict"],  # stops at the malformed line
    [],  # same input without --strict: the good records go in, the earlier rows stay
])
def test_cli_store_failing_ingest_leaves_earlier_rows_intact(tmp_path, failing_args):
    db = tmp_path / "g.duckdb"
    invoke("ingest", str(write_jsonl(tmp_path / "good.jsonl", ARTICLES[:2])), "--db", str(db))
    before = _rows(db)
    broken = write_jsonl(tmp_path / "broken.jsonl", [ARTICLES[2]], extra_lines=['{"id": "x", "text": '])
    result = cli("ingest", str(broken), "--db", str(db), *failing_args)
    after = _rows(db)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), table
    if failing_args:
        assert result.returncode == 1 and after == before
        assert "broken.jsonl:2" in result.stderr and "Traceback" not in result.stderr
    else:
        assert result.returncode == 0 and len(after["documents"]) == 3


@pytest.mark.parametrize(("make", "args", "message"), [
    (lambda tmp: tmp / "missing-dir" / "g.duckdb", ["documents"], "does not exist"),
    (lambda tmp: tmp / "absent.duckdb", ["events"], "geoevents ingest"),
    (lambda tmp: tmp, ["documents"], "is a directory"),
])
def test_cli_store_bad_database_is_a_one_line_error(tmp_path, make, args, message):
    result = cli(*args, "--db", str(make(tmp_path)))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "GE301" in result.stderr and message in result.stderr


def test_cli_store_ingest_into_non_duckdb_file_leaves_it_alone(tmp_path):
    target = tmp_path / "thesis.duckdb"
    target.write_text("my thesis, not a database\n" * 100, encoding="utf-8")
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES[:1])
    result = cli("ingest", str(source), "--db", str(target))
    assert result.returncode == 1 and "not a DuckDB database" in result.stderr
    assert result.stderr.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "my thesis, not a database\n" * 100


def test_cli_store_ingest_locked_database_is_a_one_line_error(tmp_path):
    db = tmp_path / "g.duckdb"
    source = write_jsonl(tmp_path / "news.jsonl", ARTICLES[:1])
    with Store(db):  # this process holds the write lock
        result = cli("ingest", str(source), "--db", str(db))
    assert result.returncode == 1
    assert "in use by another process" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "yesterday"], "--since"),
    (["--type", "HUGS"], "--type"),
])
def test_cli_store_events_bad_filter_is_a_one_line_error(constructed_db, args, message):
    result = cli("events", "--db", str(constructed_db), *args)
    assert result.returncode == 1 and message in result.stderr and result.stderr.count("\n") == 1


def test_cli_store_ingest_missing_input_is_a_one_line_error(tmp_path):
    result = cli("ingest", str(tmp_path / "nothing.jsonl"), "--db", str(tmp_path / "g.duckdb"))
    assert result.returncode == 1 and "nothing.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_store_demo_ingests_the_seed_and_prints_events(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "GEOEVENTS_DB"}
    first = subprocess.run([sys.executable, "-m", "geoevents", "demo"], capture_output=True, text=True,
                           cwd=tmp_path, env=env, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "published 2025-11-26" in first.stdout and "1 new" in first.stdout
    db = tmp_path / "geoevents.duckdb"  # the default database, in the working directory
    with Store(db, read_only=True) as store:
        [info] = store.documents()
        events = store.events()
    assert info.doc_id == "seed-putin-kyrgyzstan" and info.skipped is None
    if events:
        assert f"events in the example article ({len(events)})" in first.stdout
    second = cli("demo", "--db", str(db))
    assert second.returncode == 0 and "1 unchanged" in second.stdout


def test_cli_store_ingest_directory_of_mixed_sources(tmp_path):
    folder = tmp_path / "news"
    (folder / "deep").mkdir(parents=True)
    (folder / "talks.txt").write_text(ARTICLES[0]["text"] + "\n", encoding="utf-8")
    (folder / "deep" / "wire.csv").write_text(
        "story,day\n\"" + ARTICLES[2]["text"] + "\",2025-11-21\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    invoke("ingest", str(folder), "--db", str(db), "--text-col", "story", "--date-col", "day")
    with Store(db, read_only=True) as store:
        texts = sorted(store.document(d.doc_id).text.strip() for d in store.documents())
        dated = [d.published for d in store.documents() if d.published]
    assert texts == sorted([ARTICLES[0]["text"], ARTICLES[2]["text"]])
    assert dated == ["2025-11-21"]


def test_cli_store_events_table_is_capped_but_csv_is_not(tmp_path):
    from geoevents.cli.store import TABLE_ROWS
    from geoevents.model import Extraction

    db = tmp_path / "many.duckdb"
    document = Document(id="m", text=TEXT, published="2025-11-26")
    many = Extraction(id="m", events=[EXTRACTION.events[0]] * (TABLE_ROWS + 5), pipeline_version="t")
    with Store(db) as store:
        store.write([StoredItem(document, many, content_hash(document), datetime(2025, 11, 26))])
    table = runner.invoke(app, ["events", "--db", str(db)], catch_exceptions=False)
    assert f"events ({TABLE_ROWS})" in table.output and "--limit N shows more" in table.output
    as_csv = invoke("events", "--db", str(db), "--format", "csv")
    assert len(as_csv.output.strip().splitlines()) == TABLE_ROWS + 5 + 1


@pytest.mark.parametrize("stored, stale, everything, needles", [
    (0, 0, False, ["no documents stored", "geoevents ingest"]),
    (762, 0, False, ["checked 762 stored documents", "all were extracted by the current pipeline v9",
                     "nothing to re-extract", "geoevents recode --all"]),
    (762, 120, False, ["checked 762 stored documents: 120 extracted by another pipeline version",
                       "re-extracting them with v9", "'--all' re-extracts all 762"]),
    (762, 762, True, ["re-extracting all 762 stored documents with pipeline v9 (--all)"]),
])
def test_cli_store_recode_says_what_it_checked(stored, stale, everything, needles):
    from geoevents.cli.store import recode_plan

    line = recode_plan("news.duckdb", stored, stale, "v9", everything)
    assert line.startswith("news.duckdb: ") and "\n" not in line
    for needle in needles:
        assert needle in line
