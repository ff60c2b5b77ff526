"""The store's schema is derived from model.py: a new model field reaches every table and file.

A field is added to ``model.Event`` and ``model.Actor`` in a fresh interpreter (before the
store is imported, as if it had been written in ``model.py``); with no other edit it must
reach the DuckDB store, the Parquet dataset and our own CSV / JSON Lines / Parquet exports.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from geoevents import model
from geoevents.store.schema import SQL_TYPES, TABLES, create_statements

SCRIPT = textwrap.dedent('''
    import json, sys
    from dataclasses import dataclass
    from datetime import datetime
    from pathlib import Path

    from geoevents import model

    @dataclass(slots=True)
    class Event(model.Event):
        salience: float | None = model.col(None, doc="how prominent the event is in its article")

    @dataclass(slots=True)
    class Actor(model.Actor):
        religion: str | None = model.col(None, doc="CAMEO religion code")

    model.Event, model.Actor = Event, Actor

    import duckdb
    from geoevents.scaleout.parquet import read_sql, to_tables, write_partition
    from geoevents.store import Store, StoredItem, content_hash
    from geoevents.store.export import export_events

    out = Path(sys.argv[1])
    doc = model.Document("d1", "Russia met Kyrgyzstan.", published="2025-11-26")
    rus = Actor(0, 6, "Russia", country="RUS", code="RUS", religion="CHR")
    event = Event(rus, Actor(11, 21, "Kyrgyzstan", country="KGZ", code="KGZ"), "042", "CONSULT",
                  evidence=model.Span(0, 22, doc.text), salience=-2.5)
    extraction = model.Extraction("d1", events=[event], actors=[rus], pipeline_version="v")
    found = {}
    with Store(out / "s.duckdb") as store:
        store.write([StoredItem(doc, extraction, content_hash(doc), datetime(2025, 11, 26))])
        con = store.connection
        found["store_event"] = con.execute("SELECT salience FROM events").fetchall()[0][0]
        found["store_actor"] = con.execute("SELECT religion FROM actors").fetchall()[0][0]
        for fmt in ("csv", "jsonl", "parquet"):
            export_events(con, out / f"e.{fmt}", fmt)
    found["csv"] = duckdb.sql(f"SELECT salience FROM read_csv('{out}/e.csv')").fetchall()[0][0]
    found["jsonl"] = json.loads((out / "e.jsonl").read_text().splitlines()[0])["salience"]
    found["parquet_export"] = duckdb.sql(f"SELECT salience FROM '{out}/e.parquet'").fetchall()[0][0]
    write_partition(to_tables([(doc, extraction)]), out / "ds", 0)
    found["parquet_dataset"] = duckdb.sql(f"SELECT salience FROM {read_sql(out / 'ds')}").fetchall()[0][0]
    print(json.dumps(found))
''')


def test_a_new_model_field_reaches_store_parquet_and_exports(tmp_path: Path) -> None:
    src = Path(model.__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True,
                            text=True, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found == {"store_event": -2.5, "store_actor": "CHR", "csv": -2.5, "jsonl": -2.5,
                     "parquet_export": -2.5, "parquet_dataset": -2.5}


def test_every_scalar_model_field_is_a_column_of_its_table() -> None:
    for table, cls, rename in (("actors", model.Actor, {"start": "char_start", "end": "char_end"}),
                               ("places", model.Place, {"start": "char_start", "end": "char_end"}),
                               ("timexes", model.Timex, {"start": "char_start", "end": "char_end"}),
                               ("documents", model.Document, {"id": "doc_id"})):
        columns = {c.name for c in TABLES[table]}
        stored = [f.name for f in dataclasses.fields(cls) if f.metadata.get("stored", True)]
        assert {rename.get(n, n) for n in stored} <= columns, table
    # kept out on purpose (model.py says why): not a column, still in the JSON record
    assert "plover_sectors" not in {c.name for c in TABLES["actors"]}


def test_column_types_come_from_the_one_mapping() -> None:
    events = {c.name: c.sql for c in TABLES["events"]}
    assert events["goldstein"] == SQL_TYPES[float] and events["quad_class"] == SQL_TYPES[int]
    assert events["location_geonameid"] == "BIGINT"  # col(sql=...) on Place.geonameid
    assert {c.name: c.sql for c in TABLES["places"]}["metonymic"] == SQL_TYPES[bool]
    ddl = next(s for s in create_statements() if " documents " in s)
    assert "doc_id VARCHAR PRIMARY KEY" in ddl and "text VARCHAR NOT NULL" in ddl
