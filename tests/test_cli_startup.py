"""The command line starts fast: heavy libraries load only in the commands that need them.

``benchmarks/cli_startup.py`` gives the figures; these tests hold the line generously (a
loaded CI machine is slower) and check the cause directly: which modules ``--help`` loads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
ENV = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
#: libraries that take a tenth of a second or more to import, and what needs them
HEAVY = ("spacy", "pandas", "duckdb", "pyarrow", "numpy", "fastapi", "matplotlib", "dask", "trafilatura",
         "vaderSentiment")


def _best_time(args: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "geoevents", *args], env=ENV, capture_output=True,
                              text=True, timeout=60)
        best = min(best, time.perf_counter() - start)
        assert done.returncode == 0, done.stderr
    return best


@pytest.mark.parametrize("args", [["--help"], ["events", "--help"], ["settings"]])
def test_cli_startup_light_commands_under_threshold(args):
    assert _best_time(args) < 1.5


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["export", "--help"], ["settings"]])
def test_cli_startup_loads_no_heavy_library(args):
    probe = ("import json, sys, runpy\n"
             f"sys.argv = ['geoevents', *{args!r}]\n"
             "try:\n    runpy.run_module('geoevents', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], env=ENV, capture_output=True, text=True, timeout=60)
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert loaded == []


def test_cli_startup_help_lists_every_command():
    done = subprocess.run([sys.executable, "-m", "geoevents", "--help"], env=ENV, capture_output=True,
                          text=True, timeout=60)
    for command in ("ingest", "recode", "events", "quotes", "documents", "demo", "extract", "relations",
                    "export", "regroup", "serve", "settings", "stages", "actors"):
        assert command in done.stdout


def test_cli_startup_relations_periods_match_the_analysis():
    from geoevents.analysis.query import PERIODS as ANALYSIS_PERIODS
    from geoevents.cli.relations import PERIODS

    assert tuple(ANALYSIS_PERIODS) == PERIODS
