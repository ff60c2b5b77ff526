"""The pipeline version fingerprints the stages' code: a changed rule in a .py file is recoded."""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from geoevents import registry
from geoevents.config import load_config
from geoevents.ingest import ingest, recode
from geoevents.model import Document
from geoevents.pipeline import Pipeline
from geoevents.store import Store

STAGE = textwrap.dedent('''
    from geoevents.model import Quote

    class EveryQuestion:
        name = "plug.quotes"
        requires = ()
        assigns = "quotes"

        def __call__(self, ctx):
            # RULE
            ctx.quotes = [Quote(0, len(ctx.text), ctx.text, True)] if "?" in ctx.text else []

    def make():
        return EveryQuestion()
''')


@pytest.fixture()
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stage package of its own, registered like a third-party stage."""
    package = tmp_path / "plugquotes"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "stage.py").write_text(STAGE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("plugquotes.stage")
    monkeypatch.setattr(registry, "_FACTORIES", dict(registry.registered()))  # undone after the test
    registry.register_stage("plugquotes.v1", module.make, assigns="quotes")
    yield package / "stage.py"
    for name in ("plugquotes.stage", "plugquotes"):
        sys.modules.pop(name, None)


def _pipeline() -> Pipeline:
    cfg = load_config(env={})
    return Pipeline(cfg.replace(stages={"actors": cfg.stages["actors"], "quotes": "plugquotes.v1"}))


def test_version_changes_with_a_stage_source_file_and_recode_picks_documents_up(tmp_path: Path,
                                                                               plugin: Path) -> None:
    before = _pipeline()
    assert _pipeline().version == before.version  # same code and data: same version
    docs = [Document(id=f"d{i}", text=f"Will Russia talk {i}?", published="2025-11-26") for i in range(3)]
    with Store(tmp_path / "g.duckdb") as store:
        ingest(store, docs, before)
        assert recode(store, before).documents == 0  # nothing is stale yet
        plugin.write_text(plugin.read_text(encoding="utf-8").replace("# RULE", "# RULE, reworded"),
                          encoding="utf-8")
        after = _pipeline()
        assert after.version != before.version
        summary = recode(store, after)
        versions = {d.pipeline_version for d in store.documents()}
    assert summary.updated == 3 and versions == {after.version}
