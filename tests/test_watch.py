"""geoevents watch against a real HTTP server on 127.0.0.1 (tests/watch_site.py): feeds whose items
change between polls, a failing feed, a slow one, 304s, a duplicate under a new URL, robots.txt;
the CLI in a subprocess killed with SIGKILL and stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from geoevents.cli import app
from geoevents.config import load_config
from geoevents.store import Store
from geoevents.store.watchstate import WatchState
from geoevents.watch import Watcher, WatchOptions, backoff, parse_every, source_list
from geoevents.watch.polite import FetchRules, PoliteFetcher
from geoevents.watch.watcher import canonical_url, normal_url

from .conftest import ROOT
from .test_api_http import running_server
from .watch_site import Site, article_text, serve

LOCAL = ("127.0.0.1",)


@pytest.fixture
def site():
    site = Site()
    httpd, thread = serve(site)
    yield site
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _options(**changes) -> WatchOptions:
    values = dict(every=900, timeout=1.5, allow_hosts=LOCAL, host_delay=0, retries=1, concurrency=4)
    values.update(changes)
    return WatchOptions(**values)


def _docs_by_url(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        rows = store.connection.execute("SELECT url, count(*) FROM documents GROUP BY url").fetchall()
    return dict(rows)


def _items(db: Path) -> dict[str, tuple[str, str | None]]:
    with Store(db, read_only=True) as store:
        rows = store.connection.execute("SELECT url, status, doc_id FROM watch_items").fetchall()
    return {url: (status, doc_id) for url, status, doc_id in rows}


def test_watch_polls_store_each_article_once_and_survive_failures(site, tmp_path, pipeline):
    site.feed = ["a1", "b1"]
    site.private = ["p1"]
    site.copies = ["a1"]  # the article of a1 again, under /copy/a1.html
    site.sitemap = ["s1", "a1"]
    site.canonical = {"c1": "/news/b1.html"}  # c1's page says it is b1's (a copy under another name)
    site.slow_seconds = 3.0
    db = tmp_path / "watch.duckdb"
    base = site.base
    sources = [f"{base}/feed.rss", f"{base}/copies.rss", f"{base}/sitemap.xml", f"{base}/broken.rss",
               f"{base}/slow.rss"]
    lines: list[str] = []
    # one request at a time: pages are handled in the order listed, so which copy is first is known
    with Watcher(str(db), sources, _options(concurrency=1), config=load_config(env={}), pipeline=pipeline,
                 report=lines.append) as watcher:
        first = watcher.poll()
        assert first.sources == 5 and first.source_errors == 2
        assert first.articles == 3  # a1, b1, s1
        assert first.duplicates == 2  # /copy/a1.html (same text), the sitemap's /news/a1.html (same URL)
        assert first.robots == 1
        by_url = _docs_by_url(db)
        assert sorted(by_url) == sorted(f"{base}/news/{k}.html" for k in ("a1", "b1", "s1"))
        assert set(by_url.values()) == {1}
        assert site.requests("/private/p1.html") == 0  # robots.txt forbids it: never asked
        assert site.requests("/copy/a1.html") == 1
        assert site.requests("/news/a1.html") == 1  # listed twice, fetched once
        items = _items(db)
        assert items[f"{base}/copy/a1.html"][0] == "duplicate"
        assert items[f"{base}/copy/a1.html"][1] == items[f"{base}/news/a1.html"][1]
        assert items[f"{base}/private/p1.html"][0] == "robots"

        # the feed changes; the copies feed does not (304); c1 is b1 again by its canonical URL
        site.feed = ["a1", "b1", "c1", "d1"]
        second = watcher.poll()
        assert second.articles == 1 and second.duplicates == 1  # d1 new; c1 canonical = b1
        assert site.statuses("/copies.rss") == [200, 304]
        assert site.requests("/news/a1.html") == 1 and site.requests("/news/b1.html") == 1
        assert site.requests("/robots.txt") == 1  # read once, kept for a day
        assert sorted(_docs_by_url(db)) == sorted(f"{base}/news/{k}.html" for k in ("a1", "b1", "s1", "d1"))

        with Store(db, read_only=True) as store:
            status = {s.source: s for s in WatchState(store).statuses()}
            runs = store.runs()
    broken, slow, feed = status[f"{base}/broken.rss"], status[f"{base}/slow.rss"], status[f"{base}/feed.rss"]
    assert broken.last_result == "error" and "HTTP 500" in broken.last_error and broken.failures == 2
    assert slow.last_result == "error" and "timed out" in slow.last_error
    assert site.requests("/broken.rss") == 2 * 2  # one retry per poll (retries=1)
    assert feed.last_result == "ok" and feed.articles_new == 3 and feed.last_new == 1 and feed.errors == 0
    assert feed.robots == 1 and feed.items == 5
    assert status[f"{base}/copies.rss"].last_result == "not modified"
    assert {r["command"] for r in runs} == {"watch"}
    assert any("stored" in line for line in lines)


def test_watch_retries_a_failed_page_at_the_next_poll_then_falls_back_to_the_feed_text(site, tmp_path,
                                                                                      pipeline):
    site.feed = ["r1"]
    site.page_delay = 2.0  # beyond the deadline: the page fetch times out
    db = tmp_path / "retry.duckdb"
    options = _options(timeout=0.5, retries=0, item_attempts=2)
    with Watcher(str(db), [f"{site.base}/feed.rss"], options, config=load_config(env={}),
                 pipeline=pipeline, report=lambda line: None) as watcher:
        first = watcher.poll()
        assert first.retrying == 1 and first.articles == 0
        assert _items(db)[f"{site.base}/news/r1.html"][0] == "pending"
        second = watcher.poll()  # second and last attempt: the feed's summary is stored instead
        assert second.articles == 1
    with Store(db, read_only=True) as store:
        [doc] = store.documents()
        assert "Summary of story r1" in store.document(doc.doc_id).text


def test_watch_fetcher_backs_off_and_honours_robots(site):
    fetcher = PoliteFetcher(FetchRules(timeout=2, allow_hosts=LOCAL, host_delay=0.3, retries=2))
    try:
        started = time.monotonic()
        with pytest.raises(Exception, match="HTTP 500"):
            fetcher.get(f"{site.base}/broken.rss")
        assert time.monotonic() - started >= 1.0 + 2.0  # waited 1 s then 2 s between the 3 tries
        assert site.requests("/broken.rss") == 3
        assert not fetcher.allowed(f"{site.base}/private/x.html")
        assert fetcher.allowed(f"{site.base}/news/x.html")
        # the pace: requests to one host start host_delay apart
        started = time.monotonic()
        for key in ("x", "y", "z"):
            fetcher.get(f"{site.base}/news/{key}.html")
        assert time.monotonic() - started >= 2 * 0.3
    finally:
        fetcher.close()


def test_watch_refuses_local_hosts_unless_allowed(site, tmp_path, pipeline):
    db = tmp_path / "refused.duckdb"
    site.feed = ["a1"]
    with Watcher(str(db), [f"{site.base}/feed.rss"], _options(allow_hosts=()), config=load_config(env={}),
                 pipeline=pipeline, report=lambda line: None) as watcher:
        report = watcher.poll()
    assert report.source_errors == 1 and "fetch_allow_hosts" in report.errors[0]
    assert site.log == []  # nothing was asked of the local server


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("90s", 90), ("1h", 3600), ("2d", 172800),
                                           ("600", 600), ("0.5s", 0.5)])
def test_watch_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5m", "soon", "5x"])
def test_watch_parse_every_refuses(text):
    with pytest.raises(Exception, match="--every"):
        parse_every(text)


def test_watch_source_list_reads_files_and_urls(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/sitemap.xml  news\n",
                       encoding="utf-8")
    assert source_list(["https://c.example/atom", str(listing), "https://a.example/rss"]) == [
        "https://c.example/atom", "https://a.example/rss", "https://b.example/sitemap.xml"]
    listing.write_text("ftp://x.example/feed\n", encoding="utf-8")
    with pytest.raises(Exception, match="line 1"):
        source_list([str(listing)])
    with pytest.raises(Exception, match="neither an http"):
        source_list([str(tmp_path / "missing.txt")])


@pytest.mark.parametrize("failures, expected", [(0, 900), (1, 900), (2, 1800), (3, 3600), (10, 21600)])
def test_watch_backoff_doubles_up_to_a_cap(failures, expected):
    assert backoff(900, failures) == expected


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.org/a?utm_source=x&id=3#top", "http://example.org/a?id=3"),
    ("https://example.org", "https://example.org/"),
])
def test_watch_normal_url(url, expected):
    assert normal_url(url) == expected


def test_watch_canonical_url_is_read_from_the_page():
    from geoevents.sources.fetch import Fetched

    page = Fetched("https://example.org/story?ref=rss", "text/html",
                   b"<html><head><link href='/story' rel=\"canonical\"></head></html>")
    assert canonical_url(page) == "https://example.org/story"
    assert canonical_url(Fetched("https://example.org/", "text/html", b"<html></html>")) is None


# -- the command, in a subprocess ---------------------------------------------------------------


ENV = {**os.environ, "GEOEVENTS_FETCH_ALLOW_HOSTS": "127.0.0.1", "PYTHONPATH": str(ROOT / "src")}


def _args(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "geoevents", "watch", *args, "--db", str(db), "--host-delay", "0"]


def _start(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(_args(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=ENV)


def _run(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(_args(db, *args), capture_output=True, text=True, timeout=300, env=ENV)


def _wait_for_line(proc: subprocess.Popen, needle: str, timeout: float = 240) -> list[str]:
    """Lines of the process's stderr up to the first containing ``needle``."""
    lines: list[str] = []
    found = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            lines.append(line)
            if needle in line:
                found.set()
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert found.wait(timeout), f"no {needle!r} line; stderr: {''.join(lines)[-2000:]}"
    return lines


def test_watch_command_resumes_after_sigkill_without_duplicates_or_losses(site, tmp_path):
    keys = [f"k{n:02d}" for n in range(40)]
    site.feed = keys
    site.page_delay = 0.05
    db = tmp_path / "killed.duckdb"
    feed = f"{site.base}/feed.rss"
    proc = _start(db, feed, "--once")
    try:
        _wait_for_line(proc, "stored")  # a first batch is committed
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    before = _docs_by_url(db)
    assert 0 < len(before) < len(keys), "the kill did not land mid-run"
    fetched_before = {k: site.requests(f"/news/{k}.html") for k in keys}

    done = _run(db, feed, "--once")
    assert done.returncode == 0, done.stderr
    after = _docs_by_url(db)
    assert sorted(after) == sorted(f"{site.base}/news/{k}.html" for k in keys)  # nothing lost
    assert set(after.values()) == {1}  # nothing twice
    stored_before = {url.rsplit("/", 1)[1][:-5] for url in before}
    for key in stored_before:  # what was stored before the kill is not fetched again
        assert site.requests(f"/news/{key}.html") == fetched_before[key]
    assert {status for status, _ in _items(db).values()} == {"stored"}

    # --once again: the feed answers 304, nothing is fetched or stored
    pages = sum(site.requests(f"/news/{k}.html") for k in keys)
    again = _run(db, feed, "--once")
    assert again.returncode == 0, again.stderr
    assert site.statuses("/feed.rss")[-1] == 304
    assert sum(site.requests(f"/news/{k}.html") for k in keys) == pages
    assert _docs_by_url(db) == after

    result = CliRunner().invoke(app, ["watch", "--status", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert feed in result.output and "not modified" in result.output


def test_watch_command_stops_cleanly_on_sigterm(site, tmp_path):
    keys = [f"t{n:02d}" for n in range(60)]
    site.feed = keys
    site.page_delay = 0.2
    db = tmp_path / "term.duckdb"
    proc = _start(db, f"{site.base}/feed.rss", "--every", "1h")
    try:
        _wait_for_line(proc, "stored")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped; state kept" in err and "Traceback" not in err
    stored = _docs_by_url(db)
    assert 0 < len(stored) < len(keys)
    items = _items(db)
    assert "fetched" not in {status for status, _ in items.values()}  # every handed-over item settled
    stored_items = {url for url, (status, _) in items.items() if status == "stored"}
    assert stored_items == set(stored)


def test_watch_status_api_and_dashboard_show_the_sources(site, tmp_path, pipeline):
    site.feed = ["a1"]
    db = tmp_path / "status.duckdb"
    sources = [f"{site.base}/feed.rss", f"{site.base}/broken.rss"]
    with Watcher(str(db), sources, _options(retries=0), config=load_config(env={}), pipeline=pipeline,
                 report=lambda line: None) as watcher:
        watcher.run(once=True)
    result = CliRunner().invoke(app, ["watch", "--status", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"articles_new": 1' in result.output and "HTTP 500" in result.output
    with running_server(db) as api:  # geoevents serve, over real HTTP
        body = httpx.get(f"{api}/api/watch", timeout=30).json()
        page = httpx.get(f"{api}/sources", timeout=30)
    by_source = {s["source"]: s for s in body["sources"]}
    assert by_source[sources[0]]["articles_new"] == 1 and by_source[sources[0]]["last_result"] == "ok"
    assert by_source[sources[1]]["last_result"] == "error" and by_source[sources[1]]["failures"] == 1
    assert page.status_code == 200
    assert "Test Wire" in page.text and "HTTP 500" in page.text and 'class="failing"' in page.text


def test_watch_tables_are_added_to_an_older_store(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.connection.execute("DROP TABLE watch_items")
        store.connection.execute("DROP TABLE watch_sources")
    with Store(db, read_only=True) as store:  # read-only: missing, and readers say so
        assert WatchState(store).statuses() == [] and not store.has_table("watch_items")
    with Store(db) as store:  # read-write: created
        assert store.has_table("watch_items") and store.has_table("watch_sources")


def test_watch_article_text_differs_by_key():
    assert article_text("a") != article_text("b") and article_text("a") == article_text("a")


def test_watch_reads_a_sitemap_index_and_its_sitemaps(site, tmp_path, pipeline):
    site.sitemap = ["s1", "s2"]
    db = tmp_path / "index.duckdb"
    index = f"{site.base}/sitemap-index.xml"
    with Watcher(str(db), [index], _options(), config=load_config(env={}), pipeline=pipeline,
                 report=lambda line: None) as watcher:
        report = watcher.poll()
    assert report.articles == 2 and report.source_errors == 0
    assert sorted(_docs_by_url(db)) == [f"{site.base}/news/s1.html", f"{site.base}/news/s2.html"]
    with Store(db, read_only=True) as store:
        [status] = WatchState(store).statuses()
        titles = {d.title for d in store.documents()}
    assert status.kind == "sitemap index" and "gone-sitemap.xml: HTTP 404" in status.last_error
    assert titles == {"Story s1", "Story s2"}


@pytest.mark.issue(18)
def test_watch_raises_and_delivers_alerts_after_a_round(site, tmp_path):
    """A store whose events shift (KGZ-RUS conflict burst, tests/test_alerts.py) gets its alerts
    computed and stored after a watch round, and each is handed to --alert-exec."""
    from .test_alerts import synthetic_pairs, write_store

    db = write_store(tmp_path / "shift.duckdb", synthetic_pairs())
    received = tmp_path / "alerts.jsonl"
    hook = tmp_path / "hook.py"
    hook.write_text("import sys\nopen(sys.argv[1], 'a').write(sys.stdin.read().strip() + '\\n')\n")
    site.feed = ["a01"]
    done = _run(db, f"{site.base}/feed.rss", "--once", "--alert-exec",
                f"{sys.executable} {hook} {received}")
    assert done.returncode == 0, done.stderr
    assert "alert: KGZ RUS conflict" in done.stderr
    with Store(db, read_only=True) as store:
        stored = store.alerts()
    assert any(a.parties == "KGZ RUS" and a.series == "conflict" for a in stored)
    lines = received.read_text().splitlines()
    assert len(lines) == len(stored) and all('"key"' in line for line in lines)
    again = _run(db, f"{site.base}/feed.rss", "--once", "--alert-exec",
                 f"{sys.executable} {hook} {received}")
    assert again.returncode == 0 and "alert:" not in again.stderr  # never raised twice
    assert len(received.read_text().splitlines()) == len(lines)
