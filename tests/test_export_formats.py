"""Exports: GDELT 2.0 event TSV with exactly its 61 columns, and CSV / JSONL / Parquet in our schema."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pandas as pd
import pytest

from geoevents.analysis import memory_store
from geoevents.errors import InputError
from geoevents.store.countries import iso3_to_fips
from geoevents.store.export import GDELT_COLUMNS, export_events
from geoevents.store.groups import update_groups

from .conftest import SHARED
from .test_analysis_seed import seed_pairs

SCHEMA_CSV = SHARED / "reference" / "gdelt" / "gdelt2_events_schema.csv"


@pytest.fixture(scope="module")
def con():
    connection = memory_store(seed_pairs())
    update_groups(connection, ["seed-putin-kyrgyzstan"])
    return connection


def _gdelt_rows(con, tmp_path, **filters):
    path = tmp_path / "events.tsv"
    result = export_events(con, path, "gdelt", filters=filters or None)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == result.rows
    return [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]


def test_export_gdelt_columns_match_the_published_schema():
    if not SCHEMA_CSV.exists():
        pytest.skip("../shared/reference/gdelt is not beside the project")
    with open(SCHEMA_CSV, encoding="utf-8") as stream:
        names = [row["tableId"] for row in csv.DictReader(stream)]
    assert list(GDELT_COLUMNS) == names and len(names) == 61


def test_export_gdelt_rows_have_61_fields_one_per_event_group(con, tmp_path):
    rows = _gdelt_rows(con, tmp_path)
    [(groups,)] = con.execute("SELECT count(*) FROM event_groups").fetchall()
    assert len(rows) == groups
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_export_gdelt_fields_of_the_washington_summit(con, tmp_path):
    rows = _gdelt_rows(con, tmp_path, target="USA")
    [row] = rows
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("KGZ", "USA")  # CAMEO (ISO3) codes
    assert (row["Actor1Type1Code"], row["Actor2Code"]) == ("GOV", "USAGOV")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("042", "042", "04")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("1", "1.9")
    assert row["SQLDATE"] == "20251126" and row["MonthYear"] == "202511" and row["Year"] == "2025"
    assert row["ActionGeo_Type"] == "3"  # a US city
    assert row["ActionGeo_CountryCode"] == "US"  # FIPS, as GDELT
    assert row["ActionGeo_FullName"] == "Washington, United States"
    assert row["ActionGeo_FeatureID"] == "4140963"
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")


def test_export_gdelt_counts_mentions_of_one_event(con, tmp_path):
    rows = _gdelt_rows(con, tmp_path, actor="RUS", type="04")
    talks = [r for r in rows if r["EventRootCode"] == "04"]
    assert max(int(r["NumMentions"]) for r in talks) >= 2
    assert any(r["IsRootEvent"] == "1" for r in talks)  # the lead paragraph's talks


@pytest.mark.parametrize("iso3, fips", [("KGZ", "KG"), ("DEU", "GM"), ("GBR", "UK"), ("RUS", "RS"),
                                        ("CHN", "CH"), ("USA", "US"), ("SRB", "RI"), ("AUT", "AU")])
def test_export_iso3_to_fips(iso3, fips):
    assert iso3_to_fips()[iso3][0] == fips


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_own_schema_formats_round_trip(con, tmp_path, fmt):
    path = tmp_path / f"events.{fmt}"
    count = export_events(con, path, fmt).rows
    if fmt == "csv":
        frame = pd.read_csv(path, dtype={"cameo": str})
    elif fmt == "jsonl":
        frame = pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    else:
        frame = pd.read_parquet(path)
    assert len(frame) == count == 9
    row = frame[frame["evidence_text"].str.startswith("he participated")].iloc[0]
    assert (row["source_country"], row["target_country"], row["plover"]) == ("KGZ", "USA", "CONSULT")
    assert str(row["cameo"]) == "042"
    assert bool(row["placed_by_published"]) is True
    document = seed_pairs()[0][0]
    assert document.text[int(row["evidence_start"]):int(row["evidence_end"])] == row["evidence_text"]
    assert int(row["num_mentions"]) >= 1 and not pd.isna(row["group_id"])


@pytest.mark.parametrize("fmt, path, message", [
    ("xml", "events.xml", "choose one of"),
    ("csv", "missing-dir/events.csv", "does not exist"),
])
def test_export_bad_arguments(con, tmp_path, fmt, path, message):
    with pytest.raises(InputError, match=message):
        export_events(con, tmp_path / path, fmt)


def test_export_cli_writes_gdelt(tmp_path):
    from .test_api_http import make_store

    db = make_store(tmp_path / "x.duckdb")
    out = tmp_path / "out.tsv"
    exe = shutil.which("geoevents") or "geoevents"
    run = subprocess.run([exe, "export", "--format", "gdelt", "-o", str(out), "--header", "--db", str(db)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    assert all(len(line.split("\t")) == 61 for line in lines)
