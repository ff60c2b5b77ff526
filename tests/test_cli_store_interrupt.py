"""A killed ingest (SIGKILL, mid-run) leaves whole documents only, and resuming completes it."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import duckdb

SENTENCES = [
    "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Beijing on Tuesday.",
    "Kazakhstan and Uzbekistan signed a water agreement in Tashkent last week.",
    "Turkish President Erdogan visited Baku on Friday for talks with Ilham Aliyev.",
    "The European Union imposed new sanctions on Belarus on Monday.",
]
COUNT = 120


def _consistent(db) -> tuple[int, int]:
    """Every stored document has its extraction, and every table holds exactly its rows."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = dict(con.execute("SELECT doc_id, pipeline_version FROM documents").fetchall())
        records = {doc_id: (version, json.loads(record)) for doc_id, version, record in
                   con.execute("SELECT doc_id, pipeline_version, record FROM extractions").fetchall()}
        assert set(docs) == set(records)
        for table in ("events", "actors", "places", "timexes", "quotes"):
            counts = dict(con.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id").fetchall())
            expected = {d: len(r[table]) for d, (_, r) in records.items() if r[table]}
            assert counts == expected, table
            [(dupes,)] = con.execute(f"SELECT count(*) - count(DISTINCT (doc_id, position)) FROM {table}"
                                     ).fetchall()
            assert dupes == 0
        assert all(docs[d] == v == r["pipeline_version"] for d, (v, r) in records.items())
        [(events,)] = con.execute("SELECT count(*) FROM events").fetchall()
        return len(docs), events
    finally:
        con.close()


def test_cli_store_killed_ingest_resumes_without_duplicates(tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"n{i}", "text": f"{SENTENCES[i % 4]} Report {i}.", "published": "2025-11-26"})
        + "\n" for i in range(COUNT)), encoding="utf-8")
    db = tmp_path / "g.duckdb"
    command = [sys.executable, "-m", "geoevents", "ingest", str(source), "--db", str(db), "--batch-size", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 50_000:  # several batches committed
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    stored_before_resume, _ = _consistent(db)
    assert 0 < stored_before_resume < COUNT  # it really was cut short, after some batches

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{stored_before_resume} unchanged" in resumed.stdout
    stored, _ = _consistent(db)
    assert stored == COUNT
