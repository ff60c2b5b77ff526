"""Faults a tester found (issue 16), replayed with real inputs: one bad document never stops a
run, nothing is fetched that shouldn't be, text is decoded without silent changes.

Every case ends with a one-line error or a document stored as failed, and the rest of the run
stored. Databases are real DuckDB files in tmp_path; servers listen on 127.0.0.1 only.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoevents.config import load_config
from geoevents.errors import FetchError, InputError
from geoevents.ingest import ingest
from geoevents.model import FAILED_PREFIX, Document
from geoevents.nlp import split_parts
from geoevents.pipeline import Pipeline
from geoevents.sources import SourceOptions, iter_documents
from geoevents.sources.fetch import check_url, fetch
from geoevents.store import Store
from tests.conftest import SEED
from tests.test_api_http import TOKEN, running_server
from tests.test_cli_store import ARTICLES, cli, write_jsonl
from tests.test_cli_store_interrupt import SENTENCES, _consistent

SEED_TEXT = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])["text"]


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, **extra}


def _run(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geoevents", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


# -- 1. long documents, per-document isolation -----------------------------------------------


@pytest.mark.parametrize("limit", [1, 7, 60, 500])
def test_split_parts_cover_the_text_exactly_within_the_limit(limit):
    text = ("Putin met Xi in Beijing. They talked!\n\nA second paragraph follows here.   "
            "no-spaces-at-all-in-this-long-run-of-characters " * 30)
    spans = split_parts(text, limit)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= limit for a, b in spans)
    assert [a for a, _ in spans[1:]] == [b for _, b in spans[:-1]]


def test_split_parts_prefers_paragraphs_then_sentences():
    paragraph = "The minister spoke. " * 20 + "\n\n"  # 402 characters
    spans = split_parts(paragraph * 5, 1000)
    assert all(b - a == 2 * len(paragraph) for a, b in spans[:-1])  # cut after whole paragraphs
    prose = "The minister spoke. " * 100
    cuts = [b for _, b in split_parts(prose, 300)[:-1]]
    assert cuts and all(prose[c - 2:c] == ". " for c in cuts)  # at sentence ends


def test_a_document_over_spacys_limit_is_extracted_whole_among_the_others(tmp_path):
    # over spaCy's 1,000,000 characters (it raised E088 and aborted the run): the seed article,
    # a long stretch of blank lines, and the article again; offsets of the second copy are kept
    gap = "\n" * 1_100_000
    long_text = SEED_TEXT + gap + SEED_TEXT
    records = [*ARTICLES, {"id": "long", "published": "2025-11-26", "text": long_text}]
    docs = write_jsonl(tmp_path / "docs.jsonl", records)
    db = tmp_path / "g.duckdb"
    result = cli("ingest", str(docs), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "4 documents: 4 new" in result.stdout and "failed" not in result.stdout
    with Store(db, read_only=True) as store:
        assert {d.doc_id: d.skipped for d in store.documents()} == {r["id"]: None for r in records}
        extraction = store.extraction("long")
    second = len(SEED_TEXT) + len(gap)
    late = [e for e in extraction.events if e.evidence and e.evidence.start >= second]
    early = [e for e in extraction.events if e.evidence and e.evidence.end <= len(SEED_TEXT)]
    assert late and len(late) == len(early)
    for event in late:
        assert long_text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_a_document_that_raises_is_stored_as_failed_and_the_run_goes_on(tmp_path, pipeline):
    # A Python API caller passing bytes as text: extraction reports it as failed, in order
    good = Document(id="a", text=ARTICLES[0]["text"], published="2025-11-26")
    bad = Document(id="b", text=b"Putin met Xi.", published="2025-11-26")  # type: ignore[arg-type]
    other = Document(id="c", text=ARTICLES[2]["text"], published="2025-11-26")
    out = list(pipeline.extract([good, bad, other]))
    assert [e.id for e in out] == ["a", "b", "c"]
    assert out[1].skipped.startswith(f"{FAILED_PREFIX} (reading: AttributeError")
    assert out[0].events and out[2].events and not out[0].skipped
    with Store(tmp_path / "g.duckdb") as store:
        summary = ingest(store, [good, bad, other], pipeline)
        assert sorted(d.doc_id for d in store.documents()) == ["a", "c"]
    assert summary.new == 2 and summary.problems == [
        "document 'b': not stored (TypeError: cannot use a string pattern on a bytes-like object)"]


def test_parse_part_chars_above_spacys_limit_is_clamped_to_it():
    # a setting above spaCy's 1,000,000 characters would bring back E088: it is clamped
    cfg = load_config(env={}).replace(parse_part_chars=5_000_000)
    with Pipeline(cfg) as big_parts:
        text = SEED_TEXT + "\n" * 1_000_100 + SEED_TEXT
        [extraction] = big_parts.extract([Document(id="x", text=text, published="2025-11-26")])
    assert extraction.skipped is None and extraction.events


LINES_CHECK = textwrap.dedent("""
    import json, resource, sys, time
    from geoevents.config import load_config
    from geoevents.model import Document
    from geoevents.pipeline import Pipeline
    pipeline = Pipeline(load_config(env={}))
    pipeline.extract_one(Document(id="warm", text="Putin met Xi.", published="2025-01-01"))
    text = ("abcd\\n" * 200_000)[:999_999]
    start = time.process_time()
    extraction = pipeline.extract_one(Document(id="lines", text=text, published="2025-01-01"))
    cpu = time.process_time() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the baseline: bare spaCy over the same words, in pieces it can take
    words = text.split()
    pieces = [" ".join(words[i:i + 400]) for i in range(0, len(words), 400)]
    start = time.process_time()
    for _ in pipeline.nlp.pipe(pieces, batch_size=50):
        pass
    print(json.dumps({"cpu": cpu, "spacy_cpu": time.process_time() - start,
                      "skipped": extraction.skipped, "rss_mb": rss_mb}))
""")


def test_999999_characters_of_short_lines_are_extracted_within_bounds():
    # 200,000 short lines under the size limit: it ran away to 8.8 GB; parsed in parts now
    result = subprocess.run([sys.executable, "-c", LINES_CHECK], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.splitlines()[-1])
    assert figures["skipped"] is None
    assert figures["rss_mb"] < 1500, figures
    # CPU seconds of this process, against bare spaCy parsing the same words in the same
    # process: the bound was 60 s when the parse alone took under half of it; on a
    # slower or busier machine the parse alone nears 60 s (45-55 s measured here), so the
    # bound is the parse's cost, with the stages' share on top (it ran away to many times it)
    assert figures["cpu"] < 1.5 * figures["spacy_cpu"] + 5, figures


# -- 2. dates at the ends of the calendar; grouping in the documents' transaction -----------


def test_documents_published_in_year_1_and_9999_are_stored_and_grouped(tmp_path):
    records = [
        {"id": "y1", "published": "0001-01-01", "text": "Erdogan visited Baku on Monday for talks."},
        {"id": "y9999", "published": "9999-12-31",
         "text": "Erdogan visited Baku on Monday. Aliyev will visit Ankara next week."},
        *ARTICLES,
    ]
    docs = write_jsonl(tmp_path / "docs.jsonl", records)
    db = tmp_path / "g.duckdb"
    result = cli("ingest", str(docs), "--db", str(db), "--batch-size", "1")
    assert result.returncode == 0, result.stderr
    assert f"{len(records)} documents: {len(records)} new" in result.stdout
    regroup = cli("regroup", "--db", str(db))
    assert regroup.returncode == 0, regroup.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        [(events,)] = con.execute("SELECT count(*) FROM events").fetchall()
        [(ungrouped,)] = con.execute(
            "SELECT count(*) FROM events e ANTI JOIN event_group_members m USING (doc_id, position)"
        ).fetchall()
        [(status,)] = con.execute("SELECT status FROM runs ORDER BY run_id LIMIT 1").fetchall()
        published = dict(con.execute("SELECT doc_id, published_date FROM documents").fetchall())
    finally:
        con.close()
    assert events >= len(records) and ungrouped == 0 and status == "completed"
    assert str(published["y1"]) == "0001-01-01" and str(published["y9999"]) == "9999-12-31"


def test_ingest_reports_failed_documents_and_strict_fails_the_run(tmp_path):
    # a document over the size limit, with a broken JSON line: the rest is stored, exit 0;
    # --strict stops at the bad line with exit 1 and a one-line error
    docs = write_jsonl(tmp_path / "docs.jsonl", ARTICLES, extra_lines=["{not json"])
    db = tmp_path / "g.duckdb"
    result = cli("ingest", str(docs), "--db", str(db))
    assert result.returncode == 0 and "3 documents: 3 new" in result.stdout
    assert "docs.jsonl:4: malformed JSON Lines record" in result.stderr
    strict = cli("ingest", str(docs), "--db", str(tmp_path / "s.duckdb"), "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert len(strict.stderr.strip().splitlines()) == 1 and "docs.jsonl:4" in strict.stderr


# -- 3. fetching: a deadline, redirects re-checked, no non-public address unless allowed ------


class HostileHandler(BaseHTTPRequestHandler):
    """Pages, a slow drip, a stall and redirects; every request is counted per server."""

    hits: list[str]  # set per server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.hits.append(self.path)
        if self.path == "/drip":  # one byte every second, for a minute
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1.0)
            except OSError:
                pass
            return
        if self.path.startswith("/redirect?to="):
            self.send_response(302)
            self.send_header("Location", self.path.split("=", 1)[1])
            self.end_headers()
            return
        if self.path == "/feed.rss":
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                    f"<link>{self.base}</link><description>d</description><item><title>A</title>"
                    f"<link>{self.base}/page.html</link><description>Summary.</description>"
                    f"<pubDate>Wed, 12 Jun 2024 01:00:00 GMT</pubDate></item></channel></rss>").encode()
            kind = "application/rss+xml"
        else:
            body = (f"<html><head><title>Secret</title></head><body><article><p>{ARTICLES[2]['text']}"
                    f"</p><p>{ARTICLES[0]['text']}</p></article></body></html>").encode()
            kind = "text/html"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"


@contextmanager
def hostile_server(address: str = "127.0.0.1") -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []
    handler = type("Handler", (HostileHandler,), {"hits": hits})
    httpd = ThreadingHTTPServer((address, 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{address}:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/", "http://169.254.169.254/latest/meta-data/",
    "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.4/", "http://[::1]/",
    "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://240.0.0.1/",
    "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/",
])
def test_non_public_addresses_are_refused_before_any_connection(url):
    # check_url resolves and decides; nothing is sent (169.254.169.254 is never a target here)
    with pytest.raises(FetchError, match=r"refused: .* non-public address"):
        check_url(url)


def test_allow_hosts_names_hosts_addresses_and_networks():
    check_url("http://127.0.0.1:9/", ["127.0.0.1"])
    check_url("http://localhost:9/", ["localhost"])
    check_url("http://10.1.2.3/", ["10.0.0.0/8"])
    check_url("http://[::1]:9/", ["::1"])
    with pytest.raises(FetchError, match="refused"):
        check_url("http://10.1.2.3/", ["127.0.0.1", "intranet.example"])
    with pytest.raises(FetchError, match="only http"):
        check_url("file:///etc/passwd", ["*"])


def test_ingest_url_of_a_local_server_is_refused_unless_allowed(tmp_path):
    with hostile_server() as (base, hits):
        db = tmp_path / "g.duckdb"
        refused = _run("ingest", f"{base}/page.html", "--db", str(db), env=_clean_env())
        assert refused.returncode == 1 and hits == []
        assert "Traceback" not in refused.stderr and "fetch_allow_hosts" in refused.stderr
        assert refused.stderr.strip().splitlines()[-1].startswith("geoevents: error: GE101")
        allowed = _run("ingest", f"{base}/page.html", "--db", str(db),
                       env=_clean_env(GEOEVENTS_FETCH_ALLOW_HOSTS="127.0.0.1,intranet.example"))
        assert allowed.returncode == 0, allowed.stderr
        assert hits == ["/page.html"] and "1 new" in allowed.stdout


def test_follow_and_redirects_are_checked_at_every_hop(tmp_path):
    with hostile_server() as (base, hits), hostile_server("127.0.0.2") as (other, other_hits):
        # the feed (allowed host) links a page; a redirect leads to another loopback address
        feed = tmp_path / "feed.rss"
        feed.write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><link>{base}</link>'
            f"<description>d</description>"
            f"<item><title>A</title><link>{base}/page.html</link><description>S.</description></item>"
            f"<item><title>B</title><link>{base}/redirect?to={other}/page.html</link>"
            f"<description>S.</description></item>"
            f"<item><title>C</title><link>{other}/page.html</link><description>S.</description></item>"
            f"</channel></rss>", encoding="utf-8")
        options = SourceOptions(follow=True, timeout=5, allow_hosts=("127.0.0.1",))
        docs = list(iter_documents([feed], options))
        assert hits == ["/page.html", f"/redirect?to={other}/page.html"] and other_hits == []
        assert [d.title for d in docs if d.text.startswith(ARTICLES[2]["text"])] == ["Secret"]
        assert any("redirected to" in p and "refused" in p for p in options.problems)
        with pytest.raises(FetchError, match=r"redirected to .* refused"):
            fetch(f"{base}/redirect?to={other}/page.html", timeout=5, max_bytes=10_000,
                  allow_hosts=["127.0.0.1"])


def test_a_slow_drip_server_is_abandoned_at_the_deadline(tmp_path):
    with hostile_server() as (base, _):
        start = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 2 s"):
            fetch(f"{base}/drip", timeout=2, max_bytes=10_000, allow_hosts=["127.0.0.1"])
        assert time.monotonic() - start < 4
        start = time.monotonic()
        result = _run("ingest", f"{base}/drip", "--db", str(tmp_path / "g.duckdb"),
                      env=_clean_env(GEOEVENTS_FETCH_ALLOW_HOSTS="127.0.0.1", GEOEVENTS_FETCH_TIMEOUT="2"))
        assert result.returncode == 1 and "timed out after 2 s" in result.stderr
        assert time.monotonic() - start < 60  # the process start and model load included


def _clean_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOEVENTS_")}
    return {**env, **settings}


# -- the HTTP API: fetch rules, Host header, body cap, paths, ids -----------------------------


def test_api_urls_follow_the_fetch_rules_and_the_api_guards_itself(tmp_path):
    db = tmp_path / "api.duckdb"
    with Store(db):
        pass
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with hostile_server() as (base, hits), running_server(db, api_token=TOKEN,
                                                          max_document_bytes="20000") as api:
        refused = httpx.post(f"{api}/api/documents", json={"urls": [f"{base}/page.html"]},
                             headers=headers, timeout=60)
        assert refused.status_code == 400 and hits == []
        assert "fetch_allow_hosts" in refused.json()["error"]["message"]
        # a page that names the API by another host name (DNS rebinding) is refused
        rebound = httpx.get(f"{api}/api/health", headers={"Host": "attacker.example:8000"}, timeout=10)
        assert rebound.status_code == 421
        local = httpx.get(f"{api}/api/health", headers={"Host": "localhost:1234"}, timeout=10)
        assert local.status_code == 200
        # a body over the cap is refused before it is read
        big = httpx.post(f"{api}/api/documents", headers=headers, timeout=60,
                         json={"documents": [{"text": "x" * 1_100_000}]})
        assert big.status_code == 413
        # an upload that cannot be read is named as sent, never by a server path
        bad = httpx.post(f"{api}/api/documents/upload", headers=headers, timeout=60,
                         files={"file": ("notes.jsonl", b'{"text": 1}\n{broken\n', "text/plain")})
        message = bad.json()["error"]["message"]
        assert bad.status_code == 400 and "notes.jsonl" in message and "/tmp" not in message
        # ids with a slash can be stored and opened
        stored = httpx.post(f"{api}/api/documents", headers=headers, timeout=300, json={"documents": [
            {"id": "reuters/2025/11/26-1", "text": ARTICLES[2]["text"], "published": "2025-11-26"}]})
        assert stored.status_code == 201, stored.text
        one = httpx.get(f"{api}/api/documents/reuters/2025/11/26-1", timeout=30)
        assert one.status_code == 200 and one.json()["document"]["id"] == "reuters/2025/11/26-1"
        page_ = httpx.get(f"{api}/articles/reuters/2025/11/26-1", timeout=30)
        assert page_.status_code == 200 and "Erdogan" in page_.text


# -- 4. decoding and ids ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "encoding"), [
    ("Café résumé naïve: the minister met his counterpart.", "latin-1"),
    ("Le président français a rencontré à Paris le chancelier allemand. Ça a été très long.", "cp1252"),
    ("Der Präsident traf sich am Mittwoch in Bischkek mit dem Präsidenten über Grüße.", "latin-1"),
    ("Президент России встретился с канцлером Германии в Москве.", "cp1251"),
    ("Ο πρόεδρος της Ελλάδας συναντήθηκε με τον πρωθυπουργό.", "cp1253"),
])
def test_legacy_encodings_decode_to_the_text_written(tmp_path, text, encoding):
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    [document] = iter_documents([path])
    assert document.text == text


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning_naming_the_file(tmp_path, caplog):
    path = tmp_path / "story.txt"
    good = "Le président français a rencontré à Paris le chancelier allemand."
    path.write_bytes(good.encode() + b" \xff\xfe " + "Ça a été très long.".encode())
    with caplog.at_level("WARNING", logger="geoevents.sources"):
        [document] = iter_documents([path])
    assert document.text == good + " \ufffd\ufffd Ça a été très long."
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: 2 byte sequence(s) that are not valid text replaced with U+FFFD"]


def test_jsonl_with_bad_bytes_and_utf16_jsonl_are_read(tmp_path, caplog):
    records = [{"id": "a", "text": "Erdogan visited Baku."}, {"id": "b", "text": "Aliyev hosted Erdogan."}]
    utf16 = tmp_path / "wide.jsonl"
    utf16.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-16")
    assert [d.text for d in iter_documents([utf16])] == [r["text"] for r in records]
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_bytes(b'{"id": "a", "text": "Erdo\xc4\x9fan visited Baku \xff."}\n'
                        b'{"id": "b", "text": "Aliyev hosted Erdo\xc4\x9fan."}\n')
    with caplog.at_level("WARNING", logger="geoevents.sources"):
        texts = [d.text for d in iter_documents([damaged])]
    assert texts == ["Erdoğan visited Baku \ufffd.", "Aliyev hosted Erdoğan."]
    assert any(f"{damaged}: 1 byte sequence" in r.getMessage() for r in caplog.records)


def test_colliding_and_repeated_ids_are_reported_with_both_line_numbers(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": 1, "text": "Putin met Xi in Beijing."}, {"id": "1", "text": "Erdogan visited Baku."},
        {"id": "x", "text": "Aliyev hosted Erdogan."}, {"id": "x", "text": "Lavrov met Wang Yi."},
    ]) + "\n", encoding="utf-8")
    options = SourceOptions()
    documents = list(iter_documents([path], options))
    assert [(d.id, d.text[:5]) for d in documents] == [("1", "Putin"), ("x", "Aliye")]
    assert options.problems == [
        f"{path}:2: id '1' collides with the id 1 of the record at {path}:1 (both read as '1')",
        f"{path}:4: id 'x' repeats the id of the record at {path}:3"]
    with pytest.raises(InputError, match=f"{path}:2: id '1' collides"):
        list(iter_documents([path], SourceOptions(on_error="stop")))


def test_extract_survives_a_lone_surrogate_and_keeps_the_other_records(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "s", "text": "Putin met Xi \\ud800 in Beijing."}\n'
                    '{"id": "t", "text": "Erdogan visited Baku."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = cli("extract", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["s", "t"] and all(r["events"] for r in records)


# -- 5. kill -9 of a 2-process ingest ---------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_killed_two_process_ingest_leaves_no_worker_and_every_event_grouped(tmp_path):
    count = 80
    source = tmp_path / "many.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"n{i}", "text": f"{SENTENCES[i % 4]} Report {i}.", "published": "2025-11-26"})
        + "\n" for i in range(count)), encoding="utf-8")
    db = tmp_path / "g.duckdb"
    command = [sys.executable, "-m", "geoevents", "ingest", str(source), "--db", str(db),
               "--batch-size", "2", "--processes", "2"]
    # output to files, not pipes: a worker that outlived its parent would hold a pipe open
    with open(tmp_path / "out.txt", "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    wal = db.with_name(db.name + ".wal")
    workers: set[int] = set()
    try:
        _kill_mid_run(process, wal, workers)
    finally:
        for worker in workers:  # a regression must not leave them running
            if _alive(worker):
                os.kill(worker, signal.SIGKILL)
    stored, events = _consistent(db)
    assert 0 < stored < count and events > 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        [(ungrouped,)] = con.execute(
            "SELECT count(*) FROM events e ANTI JOIN event_group_members m USING (doc_id, position)"
        ).fetchall()
    finally:
        con.close()
    assert ungrouped == 0


def _kill_mid_run(process: subprocess.Popen, wal: Path, workers: set[int]) -> None:
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        workers |= _children(process.pid)
        if len(workers) >= 2 and wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.05)
    assert process.poll() is None and len(workers) >= 2, "the ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "worker processes outlived their killed parent"


# -- 6. smaller: other scripts, truncated archives ------------------------------------------------


@pytest.mark.parametrize(("text", "script"), [
    ("中国外交部长王毅周二在北京会见了俄罗斯外长拉夫罗夫，双方讨论了乌克兰局势。", "Chinese"),
    ("التقى وزير الخارجية الصيني وانغ يي بنظيره الروسي سيرغي لافروف في بكين يوم الثلاثاء.", "Arabic"),
    ("外相は火曜日に北京で会談した。", "Japanese"),
])
def test_text_in_another_script_is_stored_not_extracted_as_english(pipeline, text, script):
    [extraction] = pipeline.extract([Document(id=script, text=text, published="2025-11-26")])
    assert extraction.skipped and extraction.skipped.startswith("language "), script
    english = "Putin met Xi Jinping (习近平) in Beijing on Tuesday for long talks about trade."
    assert pipeline.extract_one(Document(id="en", text=english, published="2025-11-26")).skipped is None


def _warc(path: Path, gz: bool, count: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for i in range(count):
            html = (f"<html><head><title>Story {i}</title></head><body><article><p>{ARTICLES[2]['text']} "
                    f"Report {i}.</p><p>{ARTICLES[0]['text']}</p></article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                f"http://example.org/{i}", "response", payload=io.BytesIO(html), http_headers=headers))
    return path.read_bytes()


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_warc_keeps_its_intact_records_and_says_what_was_lost(tmp_path, gz):
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    data = _warc(path, gz)
    path.write_bytes(data[:-120])
    options = SourceOptions()
    assert [d.title for d in iter_documents([path], options)] == ["Story 0", "Story 1"]
    assert len(options.problems) == 1
    assert options.problems[0].startswith(f"{path} record http://example.org/2: record cut short (")


# -- property-based fuzzing: every reader and extract, a fixed budget ---------------------------

# a fixed budget of fixed examples in CI; GEOEVENTS_FUZZ_EXAMPLES=2000 explores new ones
FUZZ = settings(max_examples=int(os.environ.get("GEOEVENTS_FUZZ_EXAMPLES", "150")), deadline=None,
                derandomize=not os.environ.get("GEOEVENTS_FUZZ_EXAMPLES"), database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SUFFIXES = [".txt", ".md", ".jsonl", ".json", ".csv", ".html", ".rss", ".warc", ".gz", ""]
# fragments that steer random input towards each reader's sniffing
SEEDS = [b"", b'{"id": 1, "text": "', b"[{\"text\": ", b"id,text,published\n", b"<html><body><p>",
         b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>', b"WARC/1.0\r\n",
         b"---\ntitle: x\n---\n", b"\x1f\x8b\x08\x00", b"\xef\xbb\xbf", b"\xff\xfe"]


@FUZZ
@given(seed=st.sampled_from(SEEDS), body=st.binary(max_size=400), text=st.text(max_size=200),
       suffix=st.sampled_from(SUFFIXES), stop=st.booleans())
def test_fuzz_every_reader_gives_documents_or_a_one_line_error(tmp_path_factory, seed, body, text,
                                                              suffix, stop):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(seed + text.encode("utf-8", "surrogatepass") + body)
    options = SourceOptions(on_error="stop" if stop else "skip")
    try:
        documents = list(iter_documents([path], options))
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith("GE1")
        return
    for document in documents:
        assert isinstance(document.id, str) and isinstance(document.text, str) and document.text.strip()
        document.text.encode("utf-8")  # storable: no lone surrogates left
    assert all("\n" not in problem for problem in options.problems)


@FUZZ
@given(text=st.text(min_size=1, max_size=300), published=st.one_of(
    st.none(), st.dates().map(str), st.text(max_size=12)))
def test_fuzz_extract_returns_one_record_per_document(pipeline, text, published):
    documents = [Document(id="f", text=text, published=published),
                 Document(id="g", text="Putin met Xi in Beijing on Monday.", published=published)]
    out = list(pipeline.extract(documents))
    assert [e.id for e in out] == ["f", "g"]
    for extraction in out:
        json.dumps(extraction.to_dict())
        assert extraction.skipped is None or not extraction.skipped.startswith(FAILED_PREFIX)
        for item in [*extraction.actors, *extraction.timexes, *extraction.places, *extraction.quotes]:
            assert 0 <= item.start <= item.end <= len(documents[out.index(extraction)].text)


def test_extract_refuses_a_binary_file_in_one_line(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = cli("extract", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"geoevents: error: GE101: {path}: binary file (PNG image), not a text document"]


def test_a_read_only_server_does_not_lock_out_a_cli_ingest(tmp_path):
    # the server (writes disabled) opens the store for each request only: an ingest can run
    db = tmp_path / "shared.duckdb"
    first = write_jsonl(tmp_path / "first.jsonl", ARTICLES[:1])
    second = write_jsonl(tmp_path / "second.jsonl", ARTICLES[1:])
    assert cli("ingest", str(first), "--db", str(db)).returncode == 0
    with running_server(db) as api:
        assert httpx.get(f"{api}/api/documents", timeout=30).json()["total"] == 1
        result = cli("ingest", str(second), "--db", str(db))
        assert result.returncode == 0, result.stderr
        listed = httpx.get(f"{api}/api/documents", timeout=30).json()
        assert listed["total"] == len(ARTICLES)
        assert httpx.get(f"{api}/articles/{ARTICLES[2]['id']}", timeout=30).status_code == 200
