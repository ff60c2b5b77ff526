"""Quality gate: the figures on every dev set and on the blind check stay above their floors.

`tests/quality_baseline.json` holds, per gold set, the figures measured when the floors were
last set and the floors themselves (a little under: the machine is the same, the code is not).
A figure under its floor fails the build. Lowering a floor is an explicit edit of that file,
with its reason in the file's `changes` list; the SHA-256 of each gold file is pinned so that
a changed gold set is noticed instead of silently moving the figures.

Extraction runs in-process (the same function `geoevents extract` calls); scoring is the
outside scorer, `../shared/eval/score.py` and `../shared/eval/blind.py`, run as scripts.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.model import Document
from tests.conftest import ROOT, SHARED

BASELINE = json.loads((ROOT / "tests" / "quality_baseline.json").read_text(encoding="utf-8"))
GATED = sorted(BASELINE["sets"])


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _extract(pipeline, docs: list[dict], out: Path) -> None:  # type: ignore[no-untyped-def]
    documents = [Document.from_dict(d) for d in docs]
    with out.open("w", encoding="utf-8") as f:
        for extraction in pipeline.extract(documents):
            f.write(extraction.to_json() + "\n")


def _resolve_actors(gold: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "geoevents", "resolve-actors", str(gold), "-o", str(out)],
                   check=True, capture_output=True, text=True)


def _figures(name: str, spec: dict, pipeline, tmp: Path) -> dict:  # type: ignore[type-arg, no-untyped-def]
    gold = SHARED / spec["gold"]
    if not gold.is_file():
        pytest.skip(f"{gold} is not there")
    assert _sha256(gold) == spec["sha256"], (
        f"{spec['gold']} changed since the floors were set: re-measure and update "
        "tests/quality_baseline.json with the reason")
    out = tmp / f"{name}.out.jsonl"
    if spec["task"] == "actors":
        _resolve_actors(gold, out)
    elif spec["task"] == "events-blind":
        docs_run = subprocess.run([sys.executable, str(SHARED / "eval" / "blind.py"), str(gold),
                                   "--docs"], check=True, capture_output=True, text=True)
        _extract(pipeline, [json.loads(line) for line in docs_run.stdout.splitlines() if line],
                 out)
    else:
        _extract(pipeline, [json.loads(line) for line in gold.read_text(encoding="utf-8")
                            .splitlines() if line.strip()], out)
    if spec["task"] == "events-blind":
        cmd = [sys.executable, str(SHARED / "eval" / "blind.py"), str(gold), str(out)]
    else:
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), spec["task"], str(gold), str(out)]
    run = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def _get(figures: dict, key: str) -> float:  # type: ignore[type-arg]
    value: object = figures
    for part in key.split("."):
        assert isinstance(value, dict) and part in value, f"scorer output has no {key!r}"
        value = value[part]
    assert isinstance(value, int | float), f"{key} is {value!r}"
    return float(value)


@pytest.mark.slow
@pytest.mark.parametrize("name", GATED)
def test_quality_figures_stay_above_floors(name: str, pipeline, shared_dir,  # type: ignore[no-untyped-def]
                                           tmp_path: Path) -> None:
    spec = BASELINE["sets"][name]
    figures = _figures(name, spec, pipeline, tmp_path)
    below = {key: (_get(figures, key), floor) for key, floor in spec["floors"].items()
             if _get(figures, key) < floor}
    assert not below, f"{name}: figures under their floors (figure, floor): {below}"


def test_quality_baseline_floors_are_under_the_measured_figures() -> None:
    for name, spec in BASELINE["sets"].items():
        for key, floor in spec["floors"].items():
            measured = spec["measured"][key]
            assert floor <= measured, f"{name} {key}: floor {floor} over measured {measured}"
            assert measured - floor <= 0.05, f"{name} {key}: floor {floor} too far under {measured}"
