"""Feeds and URLs against a real HTTP server on 127.0.0.1, and the shared feed corpus."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geoevents.errors import FetchError, InputError
from geoevents.model import Document
from geoevents.sources import SourceOptions, iter_documents
from geoevents.sources.fetch import fetch

LOCAL = ("127.0.0.1",)  # the test server's address: not public, so it must be allowed

PAGE_TEXT = {
    "a": ["Turkey and Azerbaijan signed a natural gas supply agreement in Baku on Wednesday, "
          "extending deliveries through the end of the decade.",
          "Energy ministers from both countries said the deal would also fund a new pipeline "
          "interconnector near the border town of Igdir."],
    "b": ["Mongolia asked Japan for technical assistance to modernise its coal power plants, "
          "the presidential office in Ulaanbaatar announced.",
          "Japanese officials said a team of engineers would visit the plants next month to "
          "assess the work and prepare a financing plan."],
}


def page(key: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PAGE_TEXT[key])
    return (f"<html><head><title>Story {key}</title>"
            '<meta property="article:published_time" content="2024-06-12"></head>'
            f"<body><nav>Home Sport Weather</nav><article><h1>Story {key}</h1>{paragraphs}"
            "</article><footer>Contact us</footer></body></html>")


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>Item {key}</title><link>{base}/{key}.html</link>"
        f"<description>Summary of story {key}.</description>"
        f"<pubDate>Wed, 12 Jun 2024 0{n}:00:00 GMT</pubDate></item>"
        for n, key in enumerate(["a", "b", "missing"], 1))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            f"<link>{base}</link><description>test</description>{items}</channel></rss>")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path == "/slow.html":
            time.sleep(1.0)
        super().do_GET()


@pytest.fixture
def server(tmp_path):
    """A real HTTP server on 127.0.0.1 serving a feed and two pages from a temporary folder."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    for key in PAGE_TEXT:
        (tmp_path / f"{key}.html").write_text(page(key), encoding="utf-8")
    (tmp_path / "slow.html").write_text(page("a"), encoding="utf-8")
    (tmp_path / "feed.rss").write_text(feed(base), encoding="utf-8")
    (tmp_path / "note.txt").write_text("---\nid: note-1\n---\n" + PAGE_TEXT["b"][0], encoding="utf-8")
    (tmp_path / "plain.txt").write_text(PAGE_TEXT["a"][0], encoding="utf-8")
    (tmp_path / "notfeed.rss").write_text("Just a sentence, not a feed.", encoding="utf-8")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_feeds_url_without_follow_uses_summaries(server):
    docs = list(iter_documents([f"{server}/feed.rss"], SourceOptions(timeout=5, allow_hosts=LOCAL)))
    assert [d.text for d in docs] == [f"Summary of story {k}." for k in ("a", "b", "missing")]
    assert docs[0].source == "Test Wire"
    assert docs[0].published == "2024-06-12T01:00:00+00:00"
    assert docs[1].url == f"{server}/b.html"


def test_feeds_follow_fetches_linked_pages(server):
    options = SourceOptions(follow=True, timeout=5, allow_hosts=LOCAL)
    docs = list(iter_documents([f"{server}/feed.rss"], options))
    assert len(docs) == 3
    for doc, key in zip(docs, ["a", "b"], strict=False):
        assert all(p in doc.text for p in PAGE_TEXT[key]) and "Home Sport" not in doc.text
        assert (doc.title, doc.published) == (f"Story {key}", "2024-06-12")
    assert docs[2].text == "Summary of story missing."  # 404: falls back to the feed's text
    assert options.problems == [f"{server}/missing.html: HTTP 404 File not found"]


def test_feeds_follow_from_file(server, tmp_path):
    path = tmp_path / "copy.xml"
    path.write_text(feed(server), encoding="utf-8")
    docs = list(iter_documents([path], SourceOptions(follow=True, timeout=5, allow_hosts=LOCAL)))
    assert PAGE_TEXT["b"][0] in docs[1].text


def test_urls_html_page(server):
    (doc,) = iter_documents([f"{server}/a.html"], SourceOptions(timeout=5, allow_hosts=LOCAL))
    assert PAGE_TEXT["a"][1] in doc.text
    assert doc.url == f"{server}/a.html"


def test_urls_text_file_keeps_its_id_and_gets_the_url(server):
    note, plain = iter_documents([f"{server}/note.txt", f"{server}/plain.txt"],
                                 SourceOptions(timeout=5, allow_hosts=LOCAL))
    assert (note.id, note.url, note.text) == ("note-1", f"{server}/note.txt", PAGE_TEXT["b"][0])
    assert plain.id == Document.content_id(PAGE_TEXT["a"][0], None, f"{server}/plain.txt")


@pytest.mark.parametrize(("path", "problem"), [
    ("/nothing.html", "HTTP 404"),
    ("/notfeed.rss", "not an RSS or Atom feed"),
])
def test_urls_bad_resource_is_one_line_error(server, path, problem):
    with pytest.raises(InputError, match=problem) as err:
        options = SourceOptions(on_error="stop", timeout=5, allow_hosts=LOCAL)
        list(iter_documents([f"{server}{path}"], options))
    assert f"{server}{path}" in str(err.value) and "\n" not in str(err.value)


def test_urls_unreachable_port_is_fetch_error(closed_port):
    url = f"http://127.0.0.1:{closed_port}/feed.rss"
    with pytest.raises(FetchError, match=rf"^GE103: {url}: unreachable"):
        list(iter_documents([url], SourceOptions(on_error="stop", timeout=0.5, allow_hosts=LOCAL)))
    options = SourceOptions(timeout=0.5, allow_hosts=LOCAL)
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([url], options))
    assert options.problems[0].startswith(f"{url}: unreachable")


def test_urls_timeout_is_fetch_error(server):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"slow\.html: timed out after 0\.2 s"):
        fetch(f"{server}/slow.html", timeout=0.2, max_bytes=1_000_000, allow_hosts=LOCAL)
    assert time.monotonic() - started < 0.9


def test_urls_body_over_limit_is_skipped(server):
    options = SourceOptions(max_bytes=300, timeout=5, allow_hosts=LOCAL)
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([f"{server}/a.html"], options))
    assert options.problems == [f"{server}/a.html: document over the size limit of 300 bytes"]


@pytest.mark.parametrize(("name", "items", "sample"), [
    ("guardian.rss", 55, "State of the Union"),
    ("heise.atom", 15, "WildFly"),
    ("uolNoticias.rss", 11, "não"),  # ISO-8859-1 feed: decoded, items without text skipped
])
def test_feeds_shared_corpus(shared_dir, name, items, sample):
    options = SourceOptions()
    docs = list(iter_documents([shared_dir / "corpora" / "feeds" / name], options))
    assert len(docs) == items
    assert any(sample in d.text or sample in (d.title or "") for d in docs)
    assert all(d.url and d.url.startswith("http") and d.published for d in docs)
    assert all(dt.datetime.fromisoformat(d.published).tzinfo is not None for d in docs)
    assert len({d.id for d in docs}) == len(docs)


@pytest.mark.parametrize("content", [
    "Just some words in a file called a feed.",
    '<?xml version="1.0"?><catalog><book id="1">Not news</book></catalog>',
    "<html><body><p>A web page, not a feed.</p></body></html>",
])
def test_feeds_not_a_feed(tmp_path, content):
    path = tmp_path / "news.rss"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"news\.rss: not an RSS or Atom feed"):
        list(iter_documents([path], SourceOptions(on_error="stop")))
