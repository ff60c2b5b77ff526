"""CPU cost of ``geoevents watch`` on a daily feed, measured on a local news site.

    python benchmarks/watch_cpu.py [--per-day 300] [--day-seconds 240] [--idle-seconds 60]

Method. A news site on 127.0.0.1 (``tests/watch_site.py``) publishes ``--per-day`` articles
of ~600 words a day, at an even pace; its feed lists the newest 50 (with an ETag, so an
unchanged feed answers 304). ``geoevents watch`` runs in a subprocess, exactly as a user runs
it, with time compressed: one day passes in ``--day-seconds`` of wall time, and the poll
interval is the default 15 minutes compressed by the same factor (96 polls a day). After
one compressed day the watcher gets SIGTERM; its CPU time (user + system, of the process and
any children, from ``getrusage(RUSAGE_CHILDREN)``) is the CPU that one day of watching costs,
start-up and loading the spaCy model included. Spread over the real day it stands for, the
average load is ``cpu / 86400 s``; the compressed run's own ``cpu / wall`` is shown too (an
upper bound: the same work in 1/360 of the time). Idle cost between polls is measured
separately: a watcher on an unchanging feed at the real 15-minute interval, its CPU time read
from /proc over ``--idle-seconds`` after its first poll.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.watch_site import Site, article_text, serve  # noqa: E402

DAY = 86400.0
FEED_ITEMS = 50


class DailySite(Site):
    """A site publishing ``per_day`` articles a day from ``start``, one day lasting ``day`` s."""

    def __init__(self, per_day: int, day: float) -> None:
        super().__init__()
        self.per_day, self.day, self.start = per_day, day, time.monotonic()
        self.frozen: int | None = None  # a fixed number of articles (the idle measurement)

    def published(self) -> int:
        if self.frozen is not None:
            return self.frozen
        return min(self.per_day, int(self.per_day * (time.monotonic() - self.start) / self.day) + 1)

    def answer(self, path: str) -> tuple[int, str, str]:
        if path == "/feed.rss":
            n = self.published()
            self.feed = [f"d{i:05d}" for i in range(max(0, n - FEED_ITEMS), n)][::-1]
        if path.startswith("/news/") and path.endswith(".html"):
            key = path[6:-5]
            # ~600 words: eight paragraphs from sub-keys, different for every article
            paragraphs = [p for part in range(3) for p in article_text(f"{key}-{part}")][:8]
            body = "".join(f"<p>{p} {p}</p>" for p in paragraphs)
            return 200, "text/html", (f"<html><head><title>Story {key}</title></head><body><article>"
                                      f"<h1>Story {key}</h1>{body}</article></body></html>")
        return super().answer(path)


def _env() -> dict[str, str]:
    return {**os.environ, "GEOEVENTS_FETCH_ALLOW_HOSTS": "127.0.0.1", "PYTHONPATH": str(ROOT / "src")}


def _watch(db: Path, feed: str, every: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "geoevents", "watch", feed, "--every", every,
                             "--db", str(db), "--host-delay", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())


def _drain(proc: subprocess.Popen, lines: list[str], first_round: threading.Event) -> None:
    for line in proc.stderr:
        lines.append(line)
        if "source(s) polled" in line:
            first_round.set()


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def compressed_day(per_day: int, day_seconds: float) -> dict[str, float]:
    site = DailySite(per_day, day_seconds)
    httpd, _ = serve(site)
    every = 900.0 * day_seconds / DAY
    with tempfile.TemporaryDirectory() as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        site.start = started
        proc = _watch(Path(tmp) / "bench.duckdb", f"{site.base}/feed.rss", f"{every}s")
        lines: list[str] = []
        threading.Thread(target=_drain, args=(proc, lines, threading.Event()), daemon=True).start()
        time.sleep(day_seconds)
        # let the last articles of the day be picked up by one more poll
        time.sleep(every + 1)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=300)
        wall = time.monotonic() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        from geoevents.store import Store

        with Store(Path(tmp) / "bench.duckdb", read_only=True) as store:
            stored = store.counts()["documents"]
    httpd.shutdown()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    polls = sum(1 for line in lines if "source(s) polled" in line)
    return {"cpu": cpu, "wall": wall, "stored": stored, "polls": polls, "every": every,
            "returncode": proc.returncode}


def idle(seconds: float) -> tuple[float, float]:
    """CPU seconds a watcher spends between polls (a feed that answers 304), and the wall
    seconds they were measured over."""
    site = DailySite(10, DAY)
    site.frozen = 10
    httpd, _ = serve(site)
    with tempfile.TemporaryDirectory() as tmp:
        proc = _watch(Path(tmp) / "idle.duckdb", f"{site.base}/feed.rss", "15m")
        first = threading.Event()
        threading.Thread(target=_drain, args=(proc, [], first), daemon=True).start()
        if not first.wait(600):
            proc.kill()
            raise SystemExit("the watcher did not finish its first poll")
        time.sleep(1)
        start_cpu, start = _proc_cpu(proc.pid), time.monotonic()
        time.sleep(seconds)
        cpu, wall = _proc_cpu(proc.pid) - start_cpu, time.monotonic() - start
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
    httpd.shutdown()
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-day", type=int, default=300, help="articles published a day")
    parser.add_argument("--day-seconds", type=float, default=240.0, help="wall seconds of one compressed day")
    parser.add_argument("--idle-seconds", type=float, default=60.0,
                        help="seconds of idle measurement (0: skip)")
    args = parser.parse_args()
    result = compressed_day(args.per_day, args.day_seconds)
    print(f"one day compressed into {result['wall']:.0f} s: {result['polls']} polls every "
          f"{result['every']:.2f} s, {result['stored']}/{args.per_day} articles stored, "
          f"exit {result['returncode']}")
    print(f"CPU for the day (start-up and model load included): {result['cpu']:.1f} s")
    print(f"average over the real day it stands for: {100 * result['cpu'] / DAY:.3f} % of one core")
    print(f"during the compressed run: {100 * result['cpu'] / result['wall']:.1f} % of one core")
    if args.idle_seconds > 0:
        cpu, wall = idle(args.idle_seconds)
        tick = 1 / os.sysconf("SC_CLK_TCK")
        print(f"idle between polls (15 min interval, feed unchanged): {cpu:.2f} s CPU in {wall:.0f} s "
              f"= {100 * cpu / wall:.3f} % of one core (clock resolution {tick:.2f} s)")


if __name__ == "__main__":
    main()
