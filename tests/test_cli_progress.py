"""Progress of long runs: plain lines every few seconds when standard error is not a terminal,
with total, rate and time left when the number of documents is known (cli/progress.py,
sources/count.py); the real ``geoevents ingest`` in a subprocess, its stderr a pipe."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents.cli.progress import plain_progress, progress, progress_line
from geoevents.sources.count import count_documents

SRC = Path(__file__).resolve().parent.parent / "src"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_cli_progress_plain_lines_every_few_seconds_with_total_rate_and_time_left():
    clock, stream = Clock(), io.StringIO()
    with plain_progress("ingesting", stream, every=5, total=100, clock=clock) as advance:
        for _ in range(10):  # a batch of 10 every 2 s
            clock.now += 2
            advance(10, None)
    lines = stream.getvalue().splitlines()
    # at 6 s, 12 s, 18 s (every 5 s at most, after a batch) and one at the end (20 s)
    assert len(lines) == 4
    assert lines[0] == "geoevents: ingesting: 30 of 100 documents (30.0%), 5.0/s, 14 s left, 6 s elapsed"
    assert lines[-1] == "geoevents: ingesting: 100 of 100 documents (100.0%), 5.0/s, 20 s elapsed"
    assert "\x1b" not in stream.getvalue()  # no escape codes in a log


def test_cli_progress_without_a_total_counts_and_rates():
    clock, stream = Clock(), io.StringIO()
    with plain_progress("ingesting", stream, every=1, clock=clock) as advance:
        clock.now += 90
        advance(256, None)
    line = "geoevents: ingesting: 256 documents, 2.8/s, 1 min 30 s elapsed"
    assert stream.getvalue().splitlines() == [line, line]


def test_cli_progress_a_short_run_prints_nothing():
    stream = io.StringIO()
    with plain_progress("recoding", stream, every=5, total=3, clock=Clock()) as advance:
        advance(3, 3)
    assert stream.getvalue() == ""


def test_cli_progress_chooses_plain_lines_off_a_terminal():
    stream = io.StringIO()  # isatty() is False
    with progress("recoding", every=0, total=2, stream=stream) as advance:
        advance(1, None)
        advance(1, None)
    assert stream.getvalue().startswith("geoevents: recoding: 1 of 2 documents (50.0%)")


@pytest.mark.parametrize("done, total, elapsed, expected", [
    (0, 10, 0.0, "x: 0 of 10 documents (0.0%), 0.0/s, 0 s elapsed"),
    (5, 10, 3600.0, "x: 5 of 10 documents (50.0%), 0.0/s, 1 h 00 min left, 1 h 00 min elapsed"),
    (1234, None, 10.0, "x: 1,234 documents, 123.4/s, 10 s elapsed"),
])
def test_cli_progress_line(done, total, elapsed, expected):
    assert progress_line("x", done, total, elapsed) == expected


# -- how many documents the inputs hold ---------------------------------------------------------


def test_count_documents_of_local_files(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n{"text": "three"}\n')
    (tmp_path / "b.csv").write_text('id,text\n1,"a story\nover two lines"\n2,short\n')
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "x.txt").write_text("A page.")
    (folder / "y.html").write_text("<html><body><p>Another page.</p></body></html>")
    (folder / ".hidden.txt").write_text("skipped when read")
    assert count_documents([tmp_path / "a.jsonl"]) == 3
    assert count_documents([tmp_path / "b.csv"]) == 2  # a quoted line break is one row
    assert count_documents([folder]) == 2
    assert count_documents([tmp_path / "a.jsonl", folder, tmp_path / "missing.jsonl"]) == 5


@pytest.mark.parametrize("inputs", [["-"], ["https://example.org/feed.xml"]])
def test_count_documents_unknown_for_streams_and_urls(inputs):
    assert count_documents(inputs) is None


def test_count_documents_unknown_for_feeds(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text('<?xml version="1.0"?><rss><channel><item><title>x</title></item></channel></rss>')
    assert count_documents([feed]) is None


def test_cli_ingest_prints_progress_lines_when_stderr_is_a_pipe(tmp_path):
    docs = tmp_path / "docs.jsonl"
    texts = ["Chinese Foreign Minister Wang Yi met Sergey Lavrov in Beijing on Tuesday.",
             "Kazakhstan and Uzbekistan signed a water-sharing agreement in Tashkent last week.",
             "Turkish President Recep Tayyip Erdogan visited Baku on Friday."]
    docs.write_text("".join(json.dumps({"id": f"p{i}", "text": t, "published": "2025-11-26"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "GEOEVENTS_PROGRESS_SECONDS": "0"}
    run = subprocess.run([sys.executable, "-m", "geoevents", "ingest", str(docs), "--db",
                          str(tmp_path / "p.duckdb"), "--batch-size", "1"],
                         capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("geoevents: ingesting:")]
    assert lines[0].startswith("geoevents: ingesting: 1 of 3 documents (33.3%), ")
    assert lines[-1].startswith("geoevents: ingesting: 3 of 3 documents (100.0%), ")
    assert all("/s" in line and "elapsed" in line for line in lines)
    assert "\x1b" not in run.stderr and "3 documents: 3 new" in run.stdout
