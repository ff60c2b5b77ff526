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
