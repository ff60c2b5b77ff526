"""The dashboard in real headless Chromium (Debian's, driven by Playwright) against ``geoevents serve``.

Each page must load with no console errors and no request leaving 127.0.0.1;
charts must have data points; the article page must highlight the seed's events;
article text injected with ``<script>`` must show as text. The seed article's screenshot goes
to ``docs/screenshots/article.png``; the other views' are of a real collection
(test_web_collection.py).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from geoevents.model import Document, Extraction

from .conftest import ROOT
from .test_api_http import make_store, running_server

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Screenshots go to docs/screenshots/ only when asked for (GEOEVENTS_SCREENSHOTS=1: refreshing
# the docs); a plain test run leaves the work tree as it found it.
SHOTS = ROOT / "docs" / "screenshots" if os.environ.get("GEOEVENTS_SCREENSHOTS") else \
    Path(tempfile.gettempdir()) / "geoevents-screenshots"
EVIL_TITLE = "<script>window.__pwned = 1</script>Evil <b>title</b>"
EVIL_TEXT = ("Ministers met in Paris. <script>window.__pwned = 2</script> "
             "<img src=x onerror=\"window.__pwned = 3\"> & the talks went on.")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium "
                                       "(apt-get install chromium chromium-driver; .ci/apt-deps does it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    evil = (Document(id="evil-doc", text=EVIL_TEXT, title=EVIL_TITLE, published="2025-11-20"),
            Extraction(id="evil-doc", pipeline_version="hand-made"))
    db = make_store(tmp_path_factory.mktemp("web") / "web.duckdb", extra=[evil])
    with running_server(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser_context():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=FLAGS, headless=True,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


class PageWatch:
    """A page with its console errors and any request to a host other than 127.0.0.1."""

    def __init__(self, context) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)

    def _request(self, request) -> None:
        url = request.url
        if not (url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:")):
            self.foreign.append(url)

    def open(self, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None and response.status == 200, url
        self.page.wait_for_load_state("networkidle")

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def watch(browser_context) -> Iterator[PageWatch]:
    w = PageWatch(browser_context)
    yield w
    w.close()


@pytest.mark.parametrize("path, name, chart", [
    ("/", "overview", "#timeline-chart"),
    ("/relations?country=KGZ&with=RUS,USA,CHN&by=month&since=2025-01-01", "relations", "#relations-chart"),
    ("/relations", "relations (defaults)", "#relations-chart"),
    ("/events", "events", None),
    ("/network", "network", "#network-chart"),
    ("/map", "map", "#map-chart"),
    ("/articles", "articles", None),
])
def test_web_pages_load_without_errors(server, watch, path, name, chart):
    # screenshots of these views are of the Reuters collection (test_web_collection.py)
    watch.open(server + path)
    if chart:
        watch.page.wait_for_selector(f"{chart}[data-points]", timeout=20_000)
        points = int(watch.page.get_attribute(chart, "data-points"))
        assert points > 0, f"{name}: the chart has no data points"
        assert watch.page.locator(f"{chart} .main-svg").count() > 0, "plotly drew nothing"
    assert watch.errors == [], watch.errors
    assert watch.foreign == [], f"requests left the machine: {watch.foreign}"


def test_web_old_relations_address_redirects(server):
    response = httpx.get(server + "/?country=KGZ&with=RUS", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/relations?country=KGZ&with=RUS"


def test_web_relations_chart_lists_the_events_behind(server, watch):
    watch.open(server + "/relations?country=KGZ&with=RUS,USA,CHN&statements=true")
    watch.page.wait_for_selector("#relation-events tbody tr", timeout=20_000)
    rows = watch.page.locator("#relation-events tbody tr").all_text_contents()
    assert any("USA" in r and "summit in Washington" in r for r in rows)
    assert any("RUS" in r and "held talks" in r for r in rows)


def test_web_events_table_filters(server, watch):
    watch.open(server + "/events?actor=RUS&type=CONSULT")
    watch.page.wait_for_selector("#events-table tbody tr", timeout=20_000)
    rows = watch.page.locator("#events-table tbody tr").all_text_contents()
    assert rows and all("CONSULT" in r and "RUSGOV" in r.split("CONSULT")[0] for r in rows)
    assert watch.errors == []


def test_web_article_highlights_the_seed_events(server, watch):
    watch.open(server + "/articles/seed-putin-kyrgyzstan#ev-2")
    evidence = watch.page.locator("#article-text .hl-evidence")
    assert evidence.count() >= 9
    text = "".join(evidence.all_text_contents())
    for phrase in ("held talks", "welcomed Putin", "summit in Washington", "Agreements related to trade"):
        assert phrase in text
    assert watch.page.locator("#article-text .hl-actor").count() >= 10
    assert watch.page.locator("#article-text .hl-place").count() >= 3
    assert watch.page.locator("#article-text .hl-timex").count() >= 5
    assert watch.page.locator("#article-text .hl-quote").count() >= 1
    assert watch.page.locator(".event-item").count() == 9
    assert watch.page.locator("#article-text .focus").count() >= 1  # the linked event is marked
    watch.shot("article")
    assert watch.errors == [], watch.errors


def test_web_article_text_is_escaped(server, watch):
    watch.open(server + "/articles/evil-doc")
    assert watch.page.evaluate("window.__pwned") is None
    assert watch.page.locator("h1").text_content() == EVIL_TITLE
    assert EVIL_TEXT in watch.page.locator("#article-text").text_content()
    assert watch.page.locator("#article-text script, #article-text img, h1 b").count() == 0
    listing = httpx.get(server + "/articles").text
    assert "<script>window.__pwned" not in listing and "&lt;script&gt;" in listing
    assert watch.errors == [], watch.errors


def test_web_pages_send_a_content_security_policy(server):
    response = httpx.get(server + "/articles/seed-putin-kyrgyzstan")
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_web_plotly_is_served_locally(server):
    response = httpx.get(server + "/static/vendor/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000
