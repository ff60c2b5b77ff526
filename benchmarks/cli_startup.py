"""How long the command line takes to start: ``geoevents --help`` and light commands.

    python benchmarks/cli_startup.py [RUNS]

Runs each command RUNS times (default 7) in a fresh interpreter (``python -m geoevents``,
the code the ``geoevents`` script runs) and prints the median and best wall time, with
the ratio to a baseline measured in the same run: a bare ``python -c pass``, which is
what the interpreter alone costs on this machine under its current load. The light
commands are ``geoevents settings`` (reads the settings, no database) and ``geoevents
documents`` on an empty store (opens DuckDB). The goal: ``--help`` well under 0.8 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {done.returncode}: {done.stderr.strip()[:300]}")
    return elapsed


def main(runs: int) -> None:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "empty.duckdb"
        make = f"from geoevents.store import Store; Store({str(db)!r}).close()"
        subprocess.run([sys.executable, "-c", make], env=env, check=True)
        commands = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "geoevents --help": [sys.executable, "-m", "geoevents", "--help"],
            "geoevents events --help": [sys.executable, "-m", "geoevents", "events", "--help"],
            "geoevents settings": [sys.executable, "-m", "geoevents", "settings"],
            "geoevents documents (empty store)": [sys.executable, "-m", "geoevents", "documents",
                                                  "--db", str(db)],
        }
        for argv in commands.values():  # warm the file cache and the .pyc files
            timed(argv, env)
        results = {name: [timed(argv, env) for _ in range(runs)] for name, argv in commands.items()}
    base = statistics.median(results["python -c pass (baseline)"])
    print(f"{'command':36} {'median':>8} {'best':>8} {'x baseline':>11}   ({runs} runs each)")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:36} {median:7.3f}s {min(times):7.3f}s {median / base:10.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
