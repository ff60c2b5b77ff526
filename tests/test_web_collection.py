"""The dashboard on a real collection, in headless Chromium: the first 200 Reuters-21578
articles, stored once per session by the real ingest and served by ``geoevents serve``.

Every view opens with no filter typed and draws non-empty charts; the map shows the country
outlines shipped in the package; labels on the map and the network do not overlap; /docs
renders. The browser context routes every request: anything not for 127.0.0.1 is recorded and
aborted, so a page that needs the network fails here. Screenshots of this collection go to
``docs/screenshots/`` when GEOEVENTS_SCREENSHOTS=1 (see test_web_dashboard.SHOTS).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Iterator

import httpx
import pytest

from .test_web_dashboard import CHROMIUM, FLAGS, SHOTS

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium "
                                       "(apt-get install chromium chromium-driver; .ci/apt-deps does it)")

LOCAL = ("http://127.0.0.1:", "data:", "blob:")
GOLDSTEIN_CELLS = "#events-table tbody tr td:nth-child(5)"


class Offline:
    """A browser context where only 127.0.0.1 answers: other requests are recorded and aborted."""

    def __init__(self, context) -> None:
        self.context = context
        self.foreign: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def page(self, url: str):
        page = self.context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(LOCAL) else self.foreign.append(r.url))
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        page.wait_for_load_state("networkidle")
        return page


@pytest.fixture(scope="module")
def offline() -> Iterator[Offline]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=FLAGS, headless=True,
            viewport={"width": 1280, "height": 900})
        yield Offline(context)
        context.close()


def _points(page, chart: str) -> int:
    page.wait_for_selector(f"{chart}[data-points]", timeout=20_000)
    assert page.locator(f"{chart} .main-svg").count() > 0, f"{chart}: plotly drew nothing"
    return int(page.get_attribute(chart, "data-points"))


def _label_boxes(page, chart: str) -> list[dict]:
    return page.evaluate("""(sel) => Array.from(document.querySelectorAll(sel + ' .textpoint text'))
        .filter((t) => t.textContent.trim())
        .map((t) => {
          const r = t.getBoundingClientRect();
          return {text: t.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom};
        })""", chart)


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x0"] < b["x1"] - 1 and b["x0"] < a["x1"] - 1
            and a["y0"] < b["y1"] - 1 and b["y0"] < a["y1"] - 1]


@pytest.mark.parametrize("path, name, charts, table", [
    ("/", "overview", ["#timeline-chart", "#countries-chart", "#dyads-chart"], "#latest-table"),
    ("/relations", "relations", ["#relations-chart", "#goldstein-chart"], "#relation-events"),
    ("/events", "events", [], "#events-table"),
    ("/network", "network", ["#network-chart"], None),
    ("/map", "map", ["#map-chart"], None),
    ("/articles", "articles", [], "#articles-table"),
])
def test_web_collection_views_draw_with_no_filter_typed(reuters_server, offline, path, name, charts, table):
    page = offline.page(reuters_server + path)
    for chart in charts:
        assert _points(page, chart) > 0, f"{name}: {chart} is empty on the store's defaults"
    if table:
        page.wait_for_selector(f"{table} tbody tr td a", timeout=20_000)
        assert page.locator(f"{table} tbody tr").count() > 0
    # no date field is pre-filled, and no placeholder looks like a date someone typed
    for field in page.locator("form input[name=since], form input[name=until]").all():
        assert field.input_value() == ""
        assert not re.search(r"\d{4}-\d{2}", field.get_attribute("placeholder") or "")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    assert page.errors == [], page.errors
    assert offline.foreign == [], f"requests left 127.0.0.1: {offline.foreign}"
    page.close()


def test_web_collection_views_start_from_the_store_not_a_fixed_country(reuters_server, offline):
    defaults = httpx.get(reuters_server + "/api/overview",
                         params={"statements": "false", "uncoded": "false", "latest": 0}).json()["defaults"]
    page = offline.page(reuters_server + "/relations")
    assert page.input_value("input[name=country]") == defaults["country"] != "KGZ"
    assert page.input_value("input[name=with]") == ",".join(defaults["partners"])
    assert page.input_value("select[name=by]") == "auto"
    span = page.locator(".span-note").text_content()
    assert defaults["since"] in span and defaults["until"] in span
    for box in ("statements", "uncoded"):
        assert not page.is_checked(f"input[name={box}]"), f"{box} shown by default"
    page.close()


def test_web_collection_map_shows_country_outlines(reuters_server, offline):
    page = offline.page(reuters_server + "/map")
    assert _points(page, "#map-chart") > 0
    outlines = int(page.get_attribute("#map-chart", "data-outlines"))
    assert outlines >= 170, "Natural Earth has some 177 countries at 1:110m"
    # the base map is one long polyline of country rings; shaded countries are traces of their own
    sizes = page.evaluate("Array.from(document.getElementById('map-chart').data).map((t) => t.x.length)")
    assert sizes[0] > 5_000 and len(sizes) >= 3
    assert page.locator("#map-chart .scatterlayer .trace path.js-fill").count() >= 2
    assert offline.foreign == []
    page.close()


@pytest.mark.parametrize("path, chart", [("/map", "#map-chart"), ("/network", "#network-chart"),
                                         ("/network?statements=true&uncoded=true", "#network-chart")])
def test_web_collection_labels_do_not_overlap(reuters_server, offline, path, chart):
    page = offline.page(reuters_server + path)
    assert _points(page, chart) > 0
    boxes = _label_boxes(page, chart)
    assert boxes, "no label at all"
    assert len(boxes) == int(page.get_attribute(chart, "data-labels"))
    assert _overlapping(boxes) == []
    page.close()


def test_web_collection_api_docs_render_offline(reuters_server, offline):
    page = offline.page(reuters_server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 15
    assert "geoevents" in page.locator(".swagger-ui .info .title").text_content()
    page.screenshot(path=str(SHOTS / "api-docs.png"))
    assert page.errors == [], page.errors
    assert offline.foreign == [], f"/docs needs the network: {offline.foreign}"
    page.close()


def test_web_collection_events_toggles_sorting_and_download(reuters_server, offline):
    page = offline.page(reuters_server + "/events")
    page.wait_for_selector("#events-table[data-total]", timeout=20_000)
    hidden_total = int(page.get_attribute("#events-table", "data-total"))
    assert "Hidden: statements" in page.text_content("#events-status")
    # the download link carries the page's filters and gives the rows the table shows, in its order
    first_rows = page.locator("#events-table tbody tr").all()
    shown = [r.locator("td").nth(9).text_content() for r in first_rows]
    csv_href = page.get_attribute("#download-csv", "href")
    assert "statements=false" in csv_href and "uncoded=false" in csv_href
    rows = list(csv.DictReader(io.StringIO(httpx.get(reuters_server + csv_href, timeout=60).text)))
    assert len(rows) == hidden_total and [r["evidence"] for r in rows[:len(shown)]] == shown
    # ticking the toggle shows the statements too
    page.check("input[name=statements]")
    page.wait_for_selector(f"#events-table:not([data-total='{hidden_total}'])", timeout=20_000)
    assert int(page.get_attribute("#events-table", "data-total")) > hidden_total
    assert "statements=true" in page.url
    # clicking a column header sorts by it, again reverses
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("#events-table[data-shown-sort='-goldstein']", timeout=20_000)
    assert page.get_attribute("th[data-sort=goldstein]", "aria-sort") == "descending"
    values = [float(v) for v in page.locator(GOLDSTEIN_CELLS).all_text_contents() if v]
    assert values and values == sorted(values, reverse=True)
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("#events-table[data-shown-sort='goldstein']", timeout=20_000)
    values = [float(v) for v in page.locator(GOLDSTEIN_CELLS).all_text_contents() if v]
    assert values == sorted(values)
    assert page.errors == [] and offline.foreign == []
    page.close()
