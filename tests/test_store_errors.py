"""Bad databases: each a one-line StoreError naming the file; stored data never damaged."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime

import duckdb
import pytest

from geoevents.errors import StoreError
from geoevents.model import Actor, Document, Extraction
from geoevents.store import Store, StoredItem, content_hash

STORED_AT = datetime(2025, 1, 1)


def _one_line(err: pytest.ExceptionInfo) -> str:
    message = str(err.value)
    assert "\n" not in message and message.startswith("GE301")
    return message


def test_store_error_missing_directory(tmp_path):
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "nowhere" / "g.duckdb")
    assert "does not exist" in _one_line(err)


def test_store_error_path_is_a_directory(tmp_path):
    with pytest.raises(StoreError) as err:
        Store(tmp_path)
    assert "is a directory" in _one_line(err)


def test_store_error_unwritable_location():
    with pytest.raises(StoreError) as err:
        Store("/proc/geoevents-test.duckdb")
    assert "/proc/geoevents-test.duckdb" in _one_line(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_store_error_unwritable_directory(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(StoreError) as err:
        Store(locked / "g.duckdb")
    assert "not writable" in _one_line(err)


@pytest.mark.parametrize("content", [b"hello, this is not a database\n" * 200, os.urandom(8192)])
def test_store_error_not_a_duckdb_file(tmp_path, content):
    bad = tmp_path / "notes.duckdb"
    bad.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store(bad)
    assert "not a DuckDB database" in _one_line(err)
    assert bad.read_bytes() == content  # left as it was


def test_store_error_duckdb_file_of_another_application(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError) as err:
        Store(other)
    assert "not a geoevents store" in _one_line(err)


def test_store_error_other_schema_version(tmp_path):
    db = tmp_path / "g.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError) as err:
        Store(db)
    assert "schema version 999" in _one_line(err)


def test_store_error_read_only_missing_database(tmp_path):
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "g.duckdb", read_only=True)
    assert "geoevents ingest" in _one_line(err)
    assert not (tmp_path / "g.duckdb").exists()


def _write_one(store: Store, doc_id: str) -> None:
    document = Document(id=doc_id, text="Lavrov met Wang Yi in Beijing.", published="2025-11-26")
    store.write([StoredItem(document, Extraction(id=doc_id, pipeline_version="t"),
                            content_hash(document), STORED_AT)])


@pytest.mark.parametrize("read_only", [False, True])
def test_store_error_locked_by_another_process(tmp_path, read_only):
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        _write_one(store, "kept")
        holder = textwrap.dedent(f"""
            from geoevents.store import Store
            try:
                Store({str(db)!r}, read_only={read_only})
            except Exception as err:
                print(type(err).__name__, err)
        """)
        result = subprocess.run([sys.executable, "-c", holder], capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("StoreError GE301") and "in use by another process" in result.stdout
    with Store(db, read_only=True) as store:
        assert [d.doc_id for d in store.documents()] == ["kept"]


def test_store_write_stores_a_bad_document_as_failed_and_the_rest(tmp_path):
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        _write_one(store, "kept")
        good = Document(id="new", text="Erdogan visited Baku.", published="2025-11-26")
        broken = Document(id="broken", text="Aliyev hosted Erdogan.", published="2025-11-26")
        bad_extraction = Extraction(id="broken", pipeline_version="t", actors=[
            Actor(start="zero", end=6, text="Aliyev")])  # type: ignore[arg-type]
        items = [StoredItem(good, Extraction(id="new", pipeline_version="t"), content_hash(good),
                            STORED_AT),
                 StoredItem(broken, bad_extraction, content_hash(broken),
                            STORED_AT)]
        failures = store.write(items)
        assert [doc_id for doc_id, _ in failures] == ["broken"]
        assert failures[0][1].startswith("extraction failed (storing: ")
        stored = {d.doc_id: d for d in store.documents()}
        assert sorted(stored) == ["broken", "kept", "new"]
        assert stored["broken"].skipped == failures[0][1] and stored["new"].skipped is None
        assert store.counts()["actors"] == 0


def test_store_error_inside_the_transaction_restores_replaced_rows(tmp_path):
    text = "Lavrov met Wang Yi in Beijing."
    kept = Document(id="kept", text=text, published="2025-11-26")
    actors = [Actor(0, 6, "Lavrov", code="RUSGOV"), Actor(11, 18, "Wang Yi", code="CHNGOV")]
    with Store(tmp_path / "g.duckdb") as store:
        store.write([StoredItem(kept, Extraction(id="kept", actors=actors, pipeline_version="v1"),
                                content_hash(kept), STORED_AT)])
        # the batch first deletes kept's old rows, then fails on the text-less document: rolled
        # back, written again one document at a time; the text-less one cannot be stored at all
        textless = Document(id="textless", text=None)  # type: ignore[arg-type]
        batch = [StoredItem(kept, Extraction(id="kept", actors=actors[:1], pipeline_version="v2"),
                            content_hash(kept), STORED_AT),
                 StoredItem(textless, Extraction(id="textless", pipeline_version="v2"), "h", STORED_AT)]
        failures = store.write(batch)
        assert len(failures) == 1 and failures[0][0] == "textless"
        assert failures[0][1].startswith("not stored (ConstraintException")
        assert store.extraction("kept").actors == actors[:1]
        assert store.counts()["actors"] == 1 and store.counts()["documents"] == 1
        assert [d.pipeline_version for d in store.documents()] == ["v2"]


def test_store_write_repeated_id_keeps_the_last_copy(tmp_path):
    first = Document(id="same", text="Lavrov met Wang Yi.", published="2025-11-26")
    second = Document(id="same", text="Lavrov met Blinken.", published="2025-11-26")
    with Store(tmp_path / "g.duckdb") as store:
        store.write([StoredItem(d, Extraction(id="same", pipeline_version="v"), content_hash(d), STORED_AT)
                     for d in (first, second)])
        assert store.document("same").text == second.text
        assert store.counts()["documents"] == 1
