"""The store is persistence only: no module of store/ imports analysis or pipeline, anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import geoevents

PACKAGE = Path(geoevents.__file__).resolve().parent
FORBIDDEN = ("geoevents.analysis", "geoevents.pipeline", "geoevents.ingest", "geoevents.watch")


def _imports(path: Path) -> list[str]:
    """Every module a file imports: at module level, in a function, under TYPE_CHECKING."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            if node.module == "geoevents":  # from geoevents import analysis
                names += [f"geoevents.{alias.name}" for alias in node.names]
    return names


def test_store_imports_neither_analysis_nor_pipeline() -> None:
    files = sorted((PACKAGE / "store").rglob("*.py"))
    assert len(files) >= 8
    offending = [(f.name, name) for f in files for name in _imports(f)
                 if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)]
    assert offending == []


def test_the_reader_sees_imports_inside_functions_and_type_checking(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                      "    from geoevents.pipeline import Pipeline\n"
                      "def f():\n    from geoevents import analysis\n", encoding="utf-8")
    assert {"geoevents.pipeline", "geoevents.analysis"} <= set(_imports(sample))


def test_stages_publish_through_the_stage_module_only() -> None:
    stages = ("actors", "time", "places", "quotes", "events")
    for stage in stages:
        for f in sorted((PACKAGE / stage).rglob("*.py")):
            for name in _imports(f):
                other = [s for s in stages if s != stage and name.startswith(f"geoevents.{s}.")]
                assert not other, (f"{stage}/{f.name}", name)
