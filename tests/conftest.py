"""Shared fixtures: one spaCy pipeline per test session, paths to the shared corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geoevents.config import load_config
from geoevents.model import Document
from geoevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "src" / "geoevents" / "examples" / "seed.jsonl"
REUTERS = SHARED / "corpora" / "reuters21578.jsonl"
#: The real collection the dashboard tests open: the first articles of Reuters-21578.
REUTERS_ARTICLES = 200


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(load_config(env={}))


@pytest.fixture(scope="session")
def seed_document() -> Document:
    return Document.from_dict(json.loads(SEED.read_text(encoding="utf-8").splitlines()[0]))


@pytest.fixture(scope="session")
def seed_extraction(pipeline, seed_document):
    return pipeline.extract_one(seed_document)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def make_doc(text: str, published: str | None = "2025-11-26", doc_id: str = "t") -> Document:
    return Document(id=doc_id, text=text, published=published)


def reuters_documents(n: int = REUTERS_ARTICLES) -> list[Document]:
    """The first ``n`` articles of ../shared/corpora/reuters21578.jsonl (skips when it is absent)."""
    if not REUTERS.is_file():
        pytest.skip(f"{REUTERS} is not there (../shared beside the project holds the corpora)")
    with REUTERS.open(encoding="utf-8") as lines:
        return [Document.from_dict(json.loads(line)) for _, line in zip(range(n), lines, strict=False)]


@pytest.fixture(scope="session")
def reuters_db(tmp_path_factory, pipeline) -> Path:
    """A store made by the real ingest of the first 200 Reuters articles, once per session."""
    from geoevents.ingest import ingest
    from geoevents.store import Store

    documents = reuters_documents()
    path = tmp_path_factory.mktemp("reuters") / "reuters200.duckdb"
    with Store(path) as store:
        summary = ingest(store, documents, pipeline, inputs=[str(REUTERS)])
    assert summary.new == len(documents) and summary.events > 0, summary.line()
    return path


@pytest.fixture(scope="session")
def reuters_server(reuters_db):
    """``geoevents serve`` (read-only, as a user runs it) over the Reuters store; yields its base URL."""
    from .test_api_http import running_server

    with running_server(reuters_db) as base:
        yield base
