"""Scale-out on Dask's real LocalCluster (2 worker processes) and the worker-pool pipeline.

The Dask run must give exactly the events a one-machine ``Pipeline.extract`` gives, written as
a Parquet dataset partitioned by publication month that DuckDB and pyarrow read in place.
"""

from __future__ import annotations

import json
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from geoevents import __version__
from geoevents.cli import app
from geoevents.config import load_config
from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.pipeline import Pipeline
from geoevents.scaleout import ingest_dask, parquet_glob, query_events
from geoevents.scaleout.parquet import MARKER, publication_month
from geoevents.sources import iter_documents
from tests.conftest import SEED

ARTICLES = [
    {"id": "kz-talks", "published": "2025-10-14",
     "text": "Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana "
             "on Tuesday. The two leaders signed an agreement on energy cooperation."},
    {"id": "ua-accuse", "published": "2025-11-03T08:00:00+02:00",
     "text": "Ukraine accused Russia of attacking civilians in Kharkiv on Sunday. "
             "\"This is terror,\" Zelensky said."},
    {"id": "no-date",
     "text": "The European Union condemned the arrest of opposition leaders in Georgia."},
    {"id": "nato-visit", "published": "2025-11-20",
     "text": "NATO Secretary General Mark Rutte will visit Warsaw next week to meet Polish officials."},
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    extra = folder / "articles.jsonl"
    extra.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return [str(SEED), str(extra)]


@pytest.fixture(scope="module")
def dask_run(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("parquet") / "dataset"
    # small partitions so that both workers get some and months span several partitions
    summary = ingest_dask(inputs, None, out, config=load_config(env={}), partition_size=2)
    return out, summary


@pytest.fixture(scope="module")
def local_events(inputs, pipeline) -> dict[tuple[str, int], str]:
    documents = list(iter_documents(inputs))
    return {(d.id, i): json.dumps(e.to_dict(), ensure_ascii=False)
            for d, ex in zip(documents, pipeline.extract(documents), strict=True)
            for i, e in enumerate(ex.events)}


def test_dask_engine_events_equal_local_run(dask_run, local_events):
    out, summary = dask_run
    rows = duckdb.sql(f"SELECT doc_id, position, record FROM read_parquet('{parquet_glob(out)}', "
                      f"hive_partitioning = true)").fetchall()
    found = {(doc_id, position): record for doc_id, position, record in rows}
    assert len(rows) == len(found) == summary.events
    assert found == local_events
    assert summary.events > 0


def test_dask_engine_summary_counts_all_documents(dask_run, inputs):
    _, summary = dask_run
    assert summary.documents == len(list(iter_documents(inputs)))
    assert summary.partitions == -(-summary.documents // 2)
    assert summary.workers == 2


@pytest.mark.parametrize(("doc_id", "month"), [
    ("kz-talks", "2025-10"), ("ua-accuse", "2025-11"), ("no-date", "unknown")])
def test_parquet_documents_partitioned_by_publication_month(dask_run, doc_id, month):
    out, _ = dask_run
    rows = duckdb.sql(f"SELECT month, extraction FROM read_parquet('{parquet_glob(out, 'documents')}', "
                      f"hive_partitioning = true) WHERE doc_id = '{doc_id}'").fetchall()
    assert [r[0] for r in rows] == [month]
    assert json.loads(rows[0][1])["id"] == doc_id
    assert (out / "documents" / f"month={month}").is_dir()


def test_parquet_dataset_readable_by_pyarrow(dask_run):
    out, summary = dask_run
    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == summary.events
    assert {"doc_id", "cameo", "plover", "source_code", "evidence_start", "month"} <= set(table.column_names)


@pytest.mark.parametrize("type_filter", ["CONSULT", "04"])
def test_query_events_filters_like_store(dask_run, local_events, type_filter):
    out, _ = dask_run
    found = query_events(out, type=type_filter)
    expected = {k for k, record in local_events.items()
                if (json.loads(record)["plover"] == "CONSULT" if type_filter == "CONSULT"
                    else json.loads(record)["cameo"].startswith("04"))}
    assert {(e.doc_id, e.position) for e in found} == expected


def test_dask_engine_refuses_foreign_directory(tmp_path, inputs):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        ingest_dask(inputs, None, tmp_path)


def test_query_events_needs_a_dataset(tmp_path):
    with pytest.raises(InputError, match=MARKER):
        query_events(tmp_path)


@pytest.mark.parametrize(("published", "month"), [
    ("2025-11-26", "2025-11"), ("2024-02-29T23:00:00Z", "2024-02"), (None, "unknown"), ("soon", "unknown")])
def test_parquet_publication_month(published, month):
    assert publication_month(Document(id="m", text="x", published=published)) == month


def _content(extractions) -> list[dict]:
    # the version names data files; compare what was extracted
    return [{**ex.to_dict(), "pipeline_version": None} for ex in extractions]


def test_pipeline_worker_pool_equals_one_process(inputs, pipeline):
    documents = list(iter_documents(inputs))
    expected = _content(pipeline.extract(documents))
    with Pipeline(load_config(env={}).replace(n_process=2, batch_size=2)) as parallel:
        assert _content(parallel.extract(documents)) == expected
        assert parallel._pool is not None  # the pool stays up between calls
        assert _content(parallel.extract(documents[:3])) == expected[:3]
        assert _content(parallel.extract(d for d in documents)) == expected  # a stream
    assert parallel._pool is None


def test_pipeline_worker_pool_dead_worker_raises_then_recovers(inputs, pipeline):
    documents = list(iter_documents(inputs))
    with Pipeline(load_config(env={}).replace(n_process=2, batch_size=1)) as parallel:
        list(parallel.extract(documents[:2]))
        victim = next(iter(parallel._pool._processes.values()))
        os.kill(victim.pid, signal.SIGKILL)
        victim.join()
        with pytest.raises(BrokenProcessPool):
            list(parallel.extract(documents))
        assert _content(parallel.extract(documents)) == _content(pipeline.extract(documents))


def test_pipeline_worker_pool_keeps_detected_language(pipeline):
    french = Document(id="fr", text="Le président de la République a rencontré le chancelier "
                                    "allemand à Berlin lundi pour parler du commerce.")
    english = Document(id="en", text="The president met the German chancellor in Berlin on Monday.")
    with Pipeline(load_config(env={}).replace(n_process=2, batch_size=1)) as parallel:
        results = list(parallel.extract([french, english]))
    assert results[0].skipped and "language" in results[0].skipped
    assert french.language == "fr"
    assert results[1].skipped is None


def test_parquet_marker_names_pipeline_version(dask_run):
    out, summary = dask_run
    marker = json.loads((Path(out) / MARKER).read_text(encoding="utf-8"))
    assert marker["status"] == "completed"
    assert marker["pipeline_version"] == summary.pipeline_version
    assert marker["pipeline_version"].startswith(__version__ + "+")
    assert duckdb.sql(f"SELECT DISTINCT pipeline_version FROM read_parquet('{parquet_glob(out)}')"
                      ).fetchall() == [(summary.pipeline_version,)]


# -- the CLI: geoevents ingest --engine dask, geoevents events --parquet ------------------------

runner = CliRunner()


def test_cli_events_reads_parquet_dataset(dask_run, local_events):
    out, _ = dask_run
    result = runner.invoke(app, ["events", "--parquet", str(out), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert {(r["doc_id"], r["position"]) for r in rows} == set(local_events)


@pytest.mark.parametrize(("options", "message"), [
    (["--engine", "dask"], "--parquet"),
    (["--parquet", "out"], "--engine dask"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--engine dask"),
    (["--engine", "spark", "--parquet", "out"], "--engine"),
])
def test_cli_ingest_engine_options_checked(inputs, tmp_path, options, message):
    result = runner.invoke(app, ["ingest", *inputs, "--db", str(tmp_path / "x.duckdb"), *options])
    assert isinstance(result.exception, InputError)
    assert message in str(result.exception)
    assert not (tmp_path / "x.duckdb").exists()
