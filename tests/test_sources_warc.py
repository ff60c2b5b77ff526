"""WARC files written with warcio: HTML and text responses become Documents, the rest is passed over."""

from __future__ import annotations

from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from geoevents.errors import InputError
from geoevents.sources import SourceOptions, iter_documents

ARTICLE = (
    "<html><head><title>Talks in Doha</title>"
    '<meta property="article:published_time" content="2023-10-20"></head><body>'
    "<nav>Home World Business</nav><article><h1>Talks in Doha</h1>"
    "<p>Negotiators from Qatar and Egypt met in Doha on Friday to discuss a ceasefire proposal, "
    "according to two officials briefed on the talks.</p>"
    "<p>The officials said the proposal included a pause in fighting and an exchange of detainees, "
    "and that a further round of talks was planned for next week.</p></article></body></html>"
)
NOTE = "Ghana and Togo agreed to share intelligence on cross-border smuggling."


def _record(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)


def write_warc(path, records, gzip: bool) -> None:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for uri, body, content_type, status in records:
            writer.write_record(_record(writer, uri, body, content_type, status))


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_responses_become_documents(tmp_path, name, gzip):
    path = tmp_path / name
    write_warc(path, [
        ("https://news.example/doha", ARTICLE.encode(), "text/html; charset=utf-8", "200 OK"),
        ("https://news.example/logo.png", b"\x89PNG\r\n", "image/png", "200 OK"),
        ("https://news.example/missing", b"<html>gone</html>", "text/html", "404 Not Found"),
        ("https://news.example/note.txt", NOTE.encode(), "text/plain", "200 OK"),
    ], gzip)
    docs = list(iter_documents([path], SourceOptions()))
    assert [d.url for d in docs] == ["https://news.example/doha", "https://news.example/note.txt"]
    assert "ceasefire proposal" in docs[0].text and "Home World" not in docs[0].text
    assert (docs[0].title, docs[0].published) == ("Talks in Doha", "2023-10-20")
    assert docs[1].text == NOTE


def test_warc_page_without_body_is_reported(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [
        ("https://news.example/empty", b"<html><body><nav>Home</nav></body></html>", "text/html", "200 OK"),
        ("https://news.example/doha", ARTICLE.encode(), "text/html", "200 OK"),
    ], gzip=False)
    options = SourceOptions()
    docs = list(iter_documents([path], options))
    assert len(docs) == 1
    assert options.problems == [
        f"{path} record https://news.example/empty: no article body found in the HTML page"]


def test_warc_oversized_record_is_skipped(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://news.example/doha", ARTICLE.encode(), "text/html", "200 OK")], gzip=False)
    options = SourceOptions(max_bytes=200)
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([path], options))
    assert "over the size limit of 200 bytes" in options.problems[0]


@pytest.mark.parametrize("content", [
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nabc",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nonsense\r\n\r\n",
    b"WARC/1.0\r\nthis is not a header block at all",
])
def test_warc_damaged_file_is_one_line_error(tmp_path, content):
    path = tmp_path / "broken.warc"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"broken\.warc") as err:
        list(iter_documents([path], SourceOptions(on_error="stop")))
    assert "\n" not in str(err.value)
