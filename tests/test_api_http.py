"""The HTTP API over real HTTP: ``geoevents serve`` (uvicorn) on 127.0.0.1, driven with httpx."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from geoevents.store import Store, StoredItem, content_hash
from geoevents.store.groups import update_groups

from .test_analysis_seed import seed_pairs

TOKEN = "test-token-7f3a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_store(path: Path, extra: list | None = None) -> Path:
    """A store holding the seed (hand-made extraction) and ``extra`` pairs, with event groups."""
    pairs = [*seed_pairs(), *(extra or [])]
    now = datetime.now(UTC).replace(tzinfo=None)
    with Store(path) as store:
        store.write([StoredItem(d, e, content_hash(d), now) for d, e in pairs])
        update_groups(store.connection, [d.id for d, _ in pairs])
    return path


@contextmanager
def running_server(db: Path, **settings: str) -> Iterator[str]:
    """``geoevents serve`` on a free port; yields the base URL; stops the server afterwards."""
    exe = shutil.which("geoevents")
    assert exe, "geoevents is not installed (pip install -e .)"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOEVENTS_")}
    env.update({f"GEOEVENTS_{k.upper()}": v for k, v in settings.items()})
    process = subprocess.Popen([exe, "serve", "--db", str(db), "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise AssertionError(f"geoevents serve exited: {process.stderr.read()}")
            try:
                httpx.get(base + "/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise AssertionError("geoevents serve did not start within 120 s") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[str]:
    db = make_store(tmp_path_factory.mktemp("api") / "api.duckdb")
    with running_server(db, api_token=TOKEN) as base:
        yield base


@pytest.fixture(scope="module")
def closed_api(tmp_path_factory) -> Iterator[str]:
    db = make_store(tmp_path_factory.mktemp("closed") / "closed.duckdb")
    with running_server(db, api_token=TOKEN, api_read_requires_token="true") as base:
        yield base


def _error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    return body["error"]["message"]


def test_api_openapi_and_docs_are_served(api):
    spec = httpx.get(api + "/openapi.json").json()
    for path in ("/api/documents", "/api/events", "/api/groups", "/api/quotes", "/api/relations",
                 "/api/actors"):
        assert path in spec["paths"]
    assert httpx.get(api + "/docs").status_code == 200


@pytest.mark.parametrize("limit, offset, count, next_offset", [(2, 0, 2, 2), (4, 4, 4, 8), (5, 8, 1, None)])
def test_api_events_pagination(api, limit, offset, count, next_offset):
    body = httpx.get(api + "/api/events", params={"limit": limit, "offset": offset}).json()
    assert body["total"] == 9
    assert (body["count"], body["next_offset"], len(body["items"])) == (count, next_offset, count)


@pytest.mark.parametrize("params, needle", [
    ({"limit": 501}, "limit"), ({"limit": 0}, "limit"), ({"offset": -1}, "offset"),
    ({"limit": "ten"}, "limit"),
])
def test_api_pagination_limits_are_enforced(api, params, needle):
    message = _error(httpx.get(api + "/api/events", params=params), 422)
    assert needle in message


@pytest.mark.parametrize("params, check", [
    ({"actor": "RUS", "type": "CONSULT"},
     lambda e: e["source"]["country"] == "RUS" and e["plover"] == "CONSULT"),
    ({"target": "USA"}, lambda e: e["target"]["country"] == "USA"),
    ({"since": "2025-11-26", "until": "2025-11-27"}, lambda e: e["date"] >= "2025-11-26"),
    ({"status": "planned"}, lambda e: e["status"] == "planned"),
    ({"min_tone": 10}, lambda e: e["tone"] >= 10 and e["cameo"] in ("043", "051")),
    ({"min_tone": -1, "max_tone": 1}, lambda e: e["tone"] == 0),
])
def test_api_events_filters(api, params, check):
    items = httpx.get(api + "/api/events", params=params).json()["items"]
    assert items and all(check(e) for e in items)


@pytest.mark.parametrize("path, params, status, needle", [
    ("/api/events", {"type": "TALK"}, 400, "type 'TALK'"),
    ("/api/events", {"status": "rumoured"}, 400, "status 'rumoured'"),
    ("/api/events", {"min_tone": 150}, 422, "min_tone"),
    ("/api/events", {"since": "last week"}, 400, "since 'last week'"),
    ("/api/events", {"quad_class": "5"}, 400, "quad_class '5'"),
    ("/api/events", {"country": "K!Z"}, 400, "country 'K!Z'"),
    ("/api/events", {"goldstein_min": 5, "goldstein_max": -5}, 400, "goldstein_min 5.0 is above"),
    ("/api/events", {"goldstein_min": 11}, 422, "goldstein_min"),
    ("/api/events", {"sort": "colour"}, 400, "sort 'colour'"),
    ("/api/documents", {"sort": "colour"}, 400, "sort 'colour'"),
    ("/api/relations", {"country": "KGZ", "with": "RUS", "since": "May"}, 400, "since 'May'"),
    ("/api/network", {"until": "soon"}, 400, "until 'soon'"),
    ("/api/relations", {"country": "KGZ", "with": "RUS", "by": "fortnight"}, 422, "by"),
    ("/api/relations", {"country": "K!Z", "with": "RUS"}, 400, "not a country"),
    ("/api/relations", {"country": "KGZ"}, 422, "with"),
    ("/api/network", {"level": "galaxy"}, 422, "level"),
    ("/api/documents/no-such-doc", {}, 404, "no-such-doc"),
    ("/api/groups/99999", {}, 404, "99999"),
    ("/api/nothing-here", {}, 404, "/docs"),
])
def test_api_bad_requests_get_clear_errors(api, path, params, status, needle):
    message = _error(httpx.get(api + path, params=params), status)
    assert needle in message
    assert "--" not in message, "an API error names a command-line option, not the query parameter"


def test_api_relations_answer_the_seed_question(api):
    body = httpx.get(api + "/api/relations", params={"country": "KGZ", "with": "RUS,USA,CHN"}).json()
    nov = {r["partner"]: r for r in body["series"] if r["period"] == "2025-11-01"}
    assert nov["RUS"]["cooperation"] >= 2 and nov["USA"]["events"] == 1 and nov["CHN"]["events"] == 0
    assert 0 < nov["RUS"]["cooperation_share"] < 1
    behind = httpx.get(api + "/api/relations/events", params={"country": "KGZ", "with": "USA"}).json()
    assert behind["items"][0]["evidence_text"].startswith("he participated in a summit")


def test_api_document_has_text_and_extraction(api):
    body = httpx.get(api + "/api/documents/seed-putin-kyrgyzstan").json()
    text = body["document"]["text"]
    for event in body["extraction"]["events"]:
        assert text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
    assert body["event_groups"]


def test_api_groups_count_mentions(api):
    groups = httpx.get(api + "/api/groups").json()["items"]
    talks = [g for g in groups
             if {g["source_key"], g["target_key"]} == {"RUS", "KGZ"} and g["cameo"] == "040"]
    assert talks and talks[0]["num_mentions"] >= 2 and talks[0]["num_articles"] == 1
    detail = httpx.get(api + f"/api/groups/{talks[0]['group_id']}").json()
    assert len(detail["events"]) == talks[0]["num_mentions"]


@pytest.mark.parametrize("path, params, check", [
    ("/api/quotes", {"speaker": "Putin"}, lambda b: b["items"][0]["text"].startswith("«We appreciate")),
    ("/api/actors", {"q": "KGZ"}, lambda b: all(a["code"].startswith("KGZ") for a in b["items"])),
    ("/api/network", {}, lambda b: any(e["source"] == "RUS" and e["target"] == "KGZ" for e in b["edges"])),
    ("/api/map", {}, lambda b: {"Bishkek", "Washington"} <= {p["name"] for p in b["places"]}),
    ("/api/map/reference", {}, lambda b: {"Bishkek", "Washington"} <= {p["capital"] for p in b["places"]}),
    ("/api/documents", {"limit": 1}, lambda b: b["total"] == 1 and b["next_offset"] is None),
])
def test_api_reads(api, path, params, check):
    response = httpx.get(api + path, params=params)
    assert response.status_code == 200, response.text
    assert check(response.json())


@pytest.mark.parametrize("headers, status, needle", [
    ({}, 401, "missing token"),
    ({"Authorization": "Bearer wrong"}, 401, "wrong token"),
    ({"X-API-Token": "wrong"}, 401, "wrong token"),
])
def test_api_writes_need_the_token(api, headers, status, needle):
    response = httpx.post(api + "/api/documents", json={"documents": [{"text": "Some text."}]},
                          headers=headers)
    assert needle in _error(response, status)


@pytest.mark.parametrize("body, needle", [
    ({}, "nothing to ingest"),
    ({"urls": ["file:///etc/passwd"]}, "not an http(s) URL"),
    ({"documents": [{"title": "no text"}]}, "text"),
])
def test_api_write_bad_bodies(api, body, needle):
    response = httpx.post(api + "/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert needle in _error(response, 422)


def test_api_ingest_with_token_stores_and_extracts(api):
    doc = {"id": "api-ingest-1", "title": "Talks in Astana", "published": "2025-12-03",
           "text": "Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping "
                   "in Astana on Monday."}
    response = httpx.post(api + "/api/documents", json={"documents": [doc]},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
    assert response.status_code == 201, response.text
    assert response.json()["new"] == 1
    stored = httpx.get(api + "/api/documents/api-ingest-1").json()
    assert stored["document"]["title"] == "Talks in Astana"
    assert stored["extraction"]["actors"], "the pipeline found no actors"


def test_api_upload_with_token(api, tmp_path):
    body = (b'{"id": "upload-1", "text": "Japan and India signed a trade agreement.", '
            b'"published": "2025-12-01"}\n')
    response = httpx.post(api + "/api/documents/upload", files={"file": ("docs.jsonl", body)},
                          headers={"X-API-Token": TOKEN}, timeout=300)
    assert response.status_code == 201, response.text
    assert response.json()["documents"] == ["upload-1"]


@pytest.mark.parametrize("headers, status", [({}, 401), ({"Authorization": f"Bearer {TOKEN}"}, 200)])
def test_api_reads_can_be_closed_by_config(closed_api, headers, status):
    response = httpx.get(closed_api + "/api/events", headers=headers)
    assert response.status_code == status, response.text


def test_api_writes_disabled_without_token(tmp_path):
    db = make_store(tmp_path / "ro.duckdb")
    with running_server(db) as base:
        message = _error(httpx.post(base + "/api/documents", json={"documents": [{"text": "x"}]},
                                    headers={"Authorization": "Bearer anything"}), 403)
        assert "writes are disabled" in message
        assert httpx.get(base + "/api/health").json()["writable"] is False


@pytest.mark.parametrize("args, message", [
    (["--db", "/nonexistent-dir/x.duckdb"], "no database here yet"),
    (["--port", "70000"], "--port"),
])
def test_api_serve_bad_arguments_are_one_line(args, message):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOEVENTS_")}
    run = subprocess.run([shutil.which("geoevents") or "geoevents", "serve", *args], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert message in run.stderr and "Traceback" not in run.stderr
