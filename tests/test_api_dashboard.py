"""The API behind the dashboard, on a real collection: the first 200 Reuters-21578 articles,
stored by the real ingest once per session and served by ``geoevents serve`` (read-only).

Default filters (statements and uncoded events hidden on request, newest first), the other
filters, sorting, the CSV/JSON download, the overview's defaults, article paging and search,
the country network, relations periods. Figures are checked against the store itself (DuckDB)
or the corpus file, never against numbers written here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import duckdb
import httpx
import pytest

from geoevents.api import DOWNLOAD_COLUMNS, country_names

from .conftest import reuters_documents

SCOPE = {"statements": "false", "uncoded": "false"}


def _get(base: str, path: str, **params) -> dict:
    response = httpx.get(base + path, params=params, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def _all_events(base: str, **params) -> list[dict]:
    items, offset = [], 0
    while offset is not None:
        body = _get(base, "/api/events", limit=500, offset=offset, **params)
        items += body["items"]
        offset = body["next_offset"]
    return items


@pytest.fixture(scope="module")
def store(reuters_db):
    con = duckdb.connect(str(reuters_db), read_only=True)
    yield con
    con.close()


def test_api_overview_fits_the_store(reuters_server, store):
    body = _get(reuters_server, "/api/overview", **SCOPE)
    cover = body["coverage"]
    [(docs, events, first_pub, last_pub)] = store.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
        "min(published_date)::VARCHAR, max(published_date)::VARCHAR FROM documents").fetchall()
    assert (cover["documents"], cover["events"]) == (docs, events) == (200, events)
    assert (cover["published_first"], cover["published_last"]) == (first_pub, last_pub)
    kept = _all_events(reuters_server, **SCOPE)
    assert cover["shown"] == len(kept) and 0 < len(kept) < events
    days = sorted(e["day"] for e in kept)
    assert (cover["first"], cover["last"]) == (days[0], days[-1])
    defaults = body["defaults"]
    assert (defaults["since"], defaults["until"]) == (days[0], days[-1])
    # the relations view opens on a country of this collection, with partners it has events with
    assert defaults["country"] and defaults["country"] != "KGZ" and defaults["partners"]
    for partner in defaults["partners"]:
        between = [e for e in kept if {(e["source"] or {}).get("country"), (e["target"] or {}).get("country")}
                   == {defaults["country"], partner}]
        assert between, f"{defaults['country']} and {partner} have no events between them"
    assert body["countries"] and body["dyads"] and body["timeline"]["series"]
    assert [e["day"] for e in body["latest"]] == days[::-1][:len(body["latest"])]


def test_api_overview_counts_statements_as_the_type_filter_does(reuters_server):
    cover = _get(reuters_server, "/api/overview", latest=0)["coverage"]
    statements = sum(_get(reuters_server, "/api/events", type=root, limit=1)["total"]
                     for root in ("01", "02"))
    assert cover["statements"] == statements > 0
    assert cover["shown"] == cover["events"]  # the API hides nothing unless asked
    hidden = _get(reuters_server, "/api/overview", statements="false", latest=0)["coverage"]
    assert hidden["shown"] == cover["events"] - statements


def test_api_events_dashboard_defaults_hide_statements_and_uncoded(reuters_server):
    everything = _get(reuters_server, "/api/events", limit=1)["total"]
    kept = _all_events(reuters_server, **SCOPE)
    assert 0 < len(kept) < everything
    for e in kept:
        assert not e["cameo"].startswith(("01", "02")), e["cameo"]
        assert (e["source"] or {}).get("code") or (e["target"] or {}).get("code")


def test_api_events_are_newest_first(reuters_server):
    days = [e["day"] for e in _all_events(reuters_server)]
    assert days and days == sorted(days, reverse=True)


@pytest.mark.parametrize("sort, key", [
    ("goldstein", lambda e: e["goldstein"]), ("-goldstein", lambda e: e["goldstein"]),
    ("quad_class", lambda e: e["quad_class"]), ("source", lambda e: (e["source"] or {}).get("code")),
    ("-date", lambda e: e["day"]),
])
def test_api_events_sort(reuters_server, sort, key):
    values = [key(e) for e in _all_events(reuters_server, sort=sort, **SCOPE)]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=sort.startswith("-"))
    assert values[:len(present)] == present, "missing values sort last"


@pytest.mark.parametrize("params, check", [
    ({"quad_class": "3,4"}, lambda e: e["quad_class"] in (3, 4)),
    ({"goldstein_min": -5, "goldstein_max": 0}, lambda e: -5 <= e["goldstein"] <= 0),
    ({"status": "reported"}, lambda e: e["status"] == "reported"),
    ({"country": "USA"}, lambda e: "USA" in {(e["source"] or {}).get("country"),
                                             (e["target"] or {}).get("country"),
                                             (e["location"] or {}).get("country")}),
    ({"place": "york"}, lambda e: "york" in ((e["location"] or {}).get("name") or "").lower()),
    ({"q": "talks"}, lambda e: "talks" in e["evidence"]["text"].lower()),
])
def test_api_events_filters_on_the_collection(reuters_server, params, check):
    items = _all_events(reuters_server, **params)
    assert items, f"nothing matches {params} in the collection"
    assert all(check(e) for e in items)
    assert len(items) < _get(reuters_server, "/api/events", limit=1)["total"]


@pytest.mark.parametrize("params", [SCOPE, {**SCOPE, "quad_class": "1,2", "sort": "-goldstein"}, {}])
def test_api_events_download_is_what_the_listing_shows(reuters_server, params):
    listing = _all_events(reuters_server, **params)
    download = reuters_server + "/api/events/download"
    response = httpx.get(download, params={**params, "format": "csv"}, timeout=60)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(DOWNLOAD_COLUMNS)
    assert [(r["doc_id"], int(r["position"])) for r in rows] == \
        [(e["doc_id"], e["position"]) for e in listing]
    assert [r["evidence"] for r in rows] == [e["evidence"]["text"] for e in listing]
    assert int(response.headers["x-total-count"]) == len(listing)
    as_json = httpx.get(download, params={**params, "format": "json"}, timeout=60)
    items = json.loads(as_json.text)
    assert [(i["doc_id"], i["position"], i["cameo"]) for i in items] == \
        [(r["doc_id"], int(r["position"]), r["cameo"]) for r in rows]


def test_api_documents_paging_honours_offset(reuters_server):
    pages, offset = [], 0
    while offset is not None:
        body = _get(reuters_server, "/api/documents", limit=60, offset=offset)
        assert body["offset"] == offset and body["total"] == 200
        pages.append([d["doc_id"] for d in body["items"]])
        offset = body["next_offset"]
    ids = [i for p in pages for i in p]
    assert [len(p) for p in pages] == [60, 60, 60, 20]
    assert len(set(ids)) == 200 == len(ids)
    assert set(ids) == {d.id for d in reuters_documents()}


@pytest.mark.parametrize("word", ["cocoa", "Brazil", "OPEC"])
def test_api_documents_search_finds_what_the_corpus_holds(reuters_server, word):
    expected = {d.id for d in reuters_documents()
                if word.lower() in (d.title or "").lower() or word.lower() in d.text.lower()}
    body = _get(reuters_server, "/api/documents", q=word, limit=500)
    assert expected and {d["doc_id"] for d in body["items"]} == expected and body["total"] == len(expected)


def test_web_articles_page_pages_and_searches(reuters_server):
    first = httpx.get(reuters_server + "/articles").text
    second = httpx.get(reuters_server + "/articles", params={"offset": 50}).text
    assert "showing 1–50" in first and "showing 51–100" in second
    link = re.compile(r'href="/articles/([^"#?]+)"')
    assert set(link.findall(first)).isdisjoint(link.findall(second))
    assert 'href="/articles?q=&amp;sort=-published&amp;offset=100"' in second  # next page keeps the order
    expected = [d for d in reuters_documents()
                if "cocoa" in (d.title or "").lower() or "cocoa" in d.text.lower()]
    found = httpx.get(reuters_server + "/articles", params={"q": "cocoa"}).text
    assert f"{len(expected)} article" in found and len(link.findall(found)) == len(expected)


def test_api_network_country_level_holds_countries_only(reuters_server):
    countries = _get(reuters_server, "/api/network", level="country")
    ids = {n["id"] for n in countries["nodes"]}
    assert ids and ids <= set(country_names()), ids - set(country_names())
    actors = {n["id"] for n in _get(reuters_server, "/api/network", level="actor")["nodes"]}
    assert actors - set(country_names()), "the actor level lists codes beyond countries"


def test_api_relations_auto_period_and_no_empty_filling(reuters_server):
    country = _get(reuters_server, "/api/overview", latest=0, **SCOPE)["defaults"]["country"]
    # every partner the default country has events with, so the dyads span the collection's
    # months (the top few partners alone may all fall within weeks)
    parties = [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
               for e in _all_events(reuters_server, **SCOPE)]
    partners = sorted({b if a == country else a for a, b in parties
                       if country in (a, b) and a and b and a != b})
    params = {"country": country, "with": ",".join(partners), **SCOPE}
    auto = _get(reuters_server, "/api/relations", by="auto", **params)
    periods = {r["period"] for r in auto["series"]}
    assert auto["by"] in ("day", "week", "month", "quarter", "year") and 0 < len(periods) <= 36
    assert any(r["events"] for r in auto["series"])
    daily = _get(reuters_server, "/api/relations", by="day", **params)
    days = sorted({r["period"] for r in daily["series"]})
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1
    assert span > 120, "precondition: the dyads of this collection span months"
    assert all(r["events"] > 0 for r in daily["series"]), "empty days were plotted"
    behind = _get(reuters_server, "/api/relations/events", **params)["items"]
    assert behind and [e["day"] for e in behind] == sorted((e["day"] for e in behind), reverse=True)
