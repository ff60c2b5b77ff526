"""Ingest into a real DuckDB file: idempotence, replacement, not-English documents, failures."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from geoevents.config import load_config
from geoevents.errors import InputError, StoreError
from geoevents.ingest import ingest, recode
from geoevents.model import Document
from geoevents.pipeline import Pipeline
from geoevents.store import Store

TABLES_WITH_ROWS = ("documents", "extractions", "events", "actors", "places", "timexes", "quotes")

TEXTS = [
    "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergey Lavrov in Beijing on Tuesday.",
    "Kazakhstan and Uzbekistan signed a water-sharing agreement in Tashkent last week.",
    "The European Union imposed new sanctions on Belarus on 3 March 2025.",
    "Turkish President Recep Tayyip Erdogan visited Baku on Friday for talks with Ilham Aliyev.",
    "Japan protested after Chinese coast guard ships entered waters near the Senkaku Islands.",
]
GERMAN = ("Der russische Präsident traf sich am Mittwoch in Bischkek mit dem kirgisischen Präsidenten "
          "zu langen Gesprächen über Handel, Energie und Migration.")


@pytest.fixture(scope="module")
def light_pipeline() -> Pipeline:
    """The real actors and time stages only: fast, and independent of the later stages."""
    cfg = load_config(env={})
    return Pipeline(cfg.replace(stages={k: cfg.stages[k] for k in ("actors", "timexes")}))


def docs(n: int = len(TEXTS), prefix: str = "d") -> list[Document]:
    return [Document(id=f"{prefix}{i}", text=TEXTS[i % len(TEXTS)], published="2025-11-26")
            for i in range(n)]


def snapshot(path) -> dict[str, list[tuple]]:
    """Every row of every table except timestamps and run ids, sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in TABLES_WITH_ROWS:
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()
                    if r[0] not in ("ingested_at", "extracted_at", "run_id")]
            out[table] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


def test_store_ingest_twice_leaves_the_same_rows(tmp_path, light_pipeline):
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        first = ingest(store, docs(), light_pipeline, batch_size=2)
    before = snapshot(db)
    with Store(db) as store:
        second = ingest(store, docs(), light_pipeline, batch_size=2)
    assert (first.new, first.unchanged) == (len(TEXTS), 0)
    assert first.written == [d.id for d in docs()] and second.written == []
    assert (second.new, second.updated, second.unchanged) == (0, 0, len(TEXTS))
    assert snapshot(db) == before
    assert len(before["documents"]) == len(TEXTS) and before["actors"]


def test_store_ingest_changed_document_replaces_its_rows(tmp_path, light_pipeline):
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        ingest(store, docs(2), light_pipeline)
        changed = Document(id="d0", text="Sergey Lavrov flew to Ankara on Monday.", published="2025-11-26")
        summary = ingest(store, [changed], light_pipeline)
        actors = store.extraction("d0").actors
        rows = store.connection.execute(
            "SELECT text FROM actors WHERE doc_id = 'd0' ORDER BY position").fetchall()
        untouched = store.extraction("d1")
    assert (summary.updated, summary.new) == (1, 0)
    assert [r[0] for r in rows] == [a.text for a in actors]
    assert "Wang Yi" not in {a.text for a in actors}
    assert untouched is not None and untouched.actors


def test_store_ingest_repeated_id_in_one_input_keeps_one_copy(tmp_path, light_pipeline):
    twice = [*docs(2), Document(id="d0", text=TEXTS[2], published="2025-11-26")]
    with Store(tmp_path / "g.duckdb") as store:
        summary = ingest(store, twice, light_pipeline, batch_size=10)
        assert store.counts()["documents"] == 2
        assert store.document("d0").text == TEXTS[2]
    assert summary.new == 2


def test_store_ingest_new_pipeline_version_reextracts(tmp_path, light_pipeline):
    db = tmp_path / "g.duckdb"
    cfg = load_config(env={})
    other = Pipeline(cfg.replace(stages={"actors": cfg.stages["actors"]}))
    assert other.version != light_pipeline.version
    with Store(db) as store:
        ingest(store, docs(2), other)
        summary = ingest(store, docs(2), light_pipeline)
        con = store.connection
        versions = {r[0] for t in ("documents", "actors", "timexes", "extractions")
                    for r in con.execute(f"SELECT DISTINCT pipeline_version FROM {t}").fetchall()}
    assert summary.updated == 2
    assert versions == {light_pipeline.version}


def test_store_ingest_stores_not_english_without_extracting(tmp_path, light_pipeline):
    german = Document(id="de1", text=GERMAN, published="2025-11-26")
    with Store(tmp_path / "g.duckdb") as store:
        summary = ingest(store, [*docs(1), german], light_pipeline)
        stored = store.document("de1")
        extraction = store.extraction("de1")
        [info] = [d for d in store.documents() if d.doc_id == "de1"]
    assert summary.skipped == 1 and summary.languages == {"de": 1}
    assert stored.text == GERMAN and stored.language == "de"
    assert extraction.skipped and not extraction.actors
    assert info.skipped and "de" in info.skipped


def test_store_ingest_lone_surrogate_is_stored_with_offsets_intact(tmp_path, light_pipeline):
    text = "Sergey Lavrov \ud800 met Wang Yi in Beijing on Tuesday."
    with Store(tmp_path / "g.duckdb") as store:
        ingest(store, [Document(id="s", text=text, published="2025-11-26")], light_pipeline)
        stored = store.document("s")
        actors = store.extraction("s").actors
    assert len(stored.text) == len(text) and "\ufffd" in stored.text
    assert all(stored.text[a.start:a.end] == a.text for a in actors)


def _failing_after(documents: list[Document], n: int) -> Iterator[Document]:
    yield from documents[:n]
    raise InputError("broken.jsonl:7: malformed JSON Lines record")


def test_store_failing_ingest_keeps_earlier_rows_intact(tmp_path, light_pipeline):
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        ingest(store, docs(3), light_pipeline)
    before = snapshot(db)
    with Store(db) as store, pytest.raises(InputError):
        ingest(store, _failing_after(docs(5, prefix="e"), 3), light_pipeline, batch_size=2)
    after = snapshot(db)
    for table in TABLES_WITH_ROWS:
        assert set(before[table]) <= set(after[table])
    # whole batches only: e0, e1 committed; e2 was in the unfinished batch
    assert sorted(r[0] for r in after["documents"]) == ["d0", "d1", "d2", "e0", "e1"]
    with Store(db, read_only=True) as store:
        [run] = [r for r in store.runs() if r["run_id"] == 2]
    assert run["status"] == "failed" and run["documents_new"] == 2


def test_store_interrupted_ingest_resumes_without_duplicates(tmp_path, light_pipeline):
    db = tmp_path / "g.duckdb"

    done_so_far = []

    def interrupt(done: int, total: int | None) -> None:
        done_so_far.append(done)
        if sum(done_so_far) >= 2:  # reported once the first batch (2 documents) is written
            raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest(store, docs(5), light_pipeline, batch_size=2, progress=interrupt)
    with Store(db) as store:
        assert store.counts()["documents"] == 2
        summary = ingest(store, docs(5), light_pipeline, batch_size=2)
        statuses = [r["status"] for r in store.runs()]
    assert (summary.unchanged, summary.new) == (2, 3)
    assert statuses == ["interrupted", "completed"]
    clean = tmp_path / "clean.duckdb"
    with Store(clean) as store:
        ingest(store, docs(5), light_pipeline, batch_size=2)
    assert snapshot(db) == snapshot(clean)


def test_store_read_only_refuses_to_write(tmp_path, light_pipeline):
    db = tmp_path / "g.duckdb"
    Store(db).close()
    with Store(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        ingest(store, docs(1), light_pipeline)


def test_store_recode_replaces_extractions_and_stamps_version(tmp_path, light_pipeline):
    cfg = load_config(env={})
    old = Pipeline(cfg.replace(stages={"actors": cfg.stages["actors"]}))
    with Store(tmp_path / "g.duckdb") as store:
        ingest(store, docs(3), old)
        assert store.counts()["timexes"] == 0
        summary = recode(store, light_pipeline)
        again = recode(store, light_pipeline)
        versions = {d.pipeline_version for d in store.documents()}
        timexes = store.counts()["timexes"]
        stamped = store.extraction("d0").pipeline_version
    assert summary.updated == 3 and again.documents == 0
    assert versions == {light_pipeline.version} and stamped == light_pipeline.version
    assert timexes > 0


def test_store_ingest_with_worker_processes_matches_one_process(tmp_path, light_pipeline):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with Store(one) as store:
        ingest(store, docs(7), light_pipeline, batch_size=2)
    with Pipeline(light_pipeline.config.replace(n_process=2, batch_size=2)) as pool_pipeline, \
            Store(two) as store:
        summary = ingest(store, docs(7), pool_pipeline, batch_size=2)
        threads = store._con.execute("SELECT current_setting('threads')").fetchone()[0]
    assert summary.new == 7
    default_threads = duckdb.connect(":memory:").execute("SELECT current_setting('threads')").fetchone()[0]
    assert threads == default_threads, "DuckDB's thread count is restored after the ingest"
    a, b = snapshot(one), snapshot(two)
    for table in TABLES_WITH_ROWS:
        assert a[table] == b[table], table


def test_store_ingest_progress_moves_per_document_not_per_batch(tmp_path, light_pipeline):
    calls: list[tuple[int, int | None]] = []
    with Store(tmp_path / "g.duckdb") as store:
        ingest(store, docs(5), light_pipeline, batch_size=4, progress=lambda n, t: calls.append((n, t)))
        assert calls == [(1, None)] * 5
        calls.clear()
        ingest(store, docs(6), light_pipeline, batch_size=4, progress=lambda n, t: calls.append((n, t)))
        assert calls == [(4, None), (1, None), (1, None)]  # 4 + 1 unchanged (one call each batch), d5 new
        calls.clear()
        recode(store, light_pipeline, everything=True, batch_size=4,
               progress=lambda n, t: calls.append((n, t)))
        assert calls == [(1, 6)] * 6  # recode knows its total
