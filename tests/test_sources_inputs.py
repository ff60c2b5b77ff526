"""Choosing readers: directories, sniffing, forced kinds, size limits, missing and unreadable inputs."""

from __future__ import annotations

import gzip
import json
import logging
import subprocess
import sys

import pytest

from geoevents.errors import InputError
from geoevents.sources import SourceOptions, iter_documents
from geoevents.sources.sniff import sniff_kind, suffix_of

STORY = "Vietnam and the Philippines agreed to set up a coast guard hotline, officials in Hanoi said."
PAGE = ("<!DOCTYPE html><html><head><title>Hotline agreed</title></head><body><article>"
        f"<p>{STORY}</p><p>The hotline will be staffed around the clock from next month, according "
        "to a statement released by the two foreign ministries after the meeting.</p>"
        "</article></body></html>")
FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title>'
        f"<link>https://example.org/t</link><description>{STORY}</description></item></channel></rss>")


@pytest.mark.parametrize(("name", "head", "media_type", "kind"), [
    ("a.txt", b"plain words", "", "text"),
    ("a.md", b"# heading", "", "markdown"),
    ("a.jsonl", b'{"text": "x"}', "", "jsonl"),
    ("a.json", b'[{"text": "x"}]', "", "json"),
    ("a.tsv", b"text\tid", "", "csv"),
    ("a.htm", b"<p>x</p>", "", "html"),
    ("a.atom", b"<feed></feed>", "", "feed"),
    ("a.warc.gz", b"WARC/1.0\r\n", "", "warc"),
    ("noext", b"\xef\xbb\xbf<!DOCTYPE html><html>", "", "html"),
    ("noext", b'<?xml version="1.0"?>\n<rss version="2.0">', "", "feed"),
    ("noext", b'{"text": "x"}', "", "jsonl"),
    ("noext", b"Just prose.", "", "text"),
    ("https://x.org/feed", b"<rss>", "text/html", "feed"),
    ("https://x.org/story", b"<html><body>", "text/plain", "html"),
    ("https://x.org/f", b"<?xml?>", "application/x-rss+xml", "feed"),
    ("https://x.org/data", b"[]", "application/json", "json"),
])
def test_sniff_kind_by_media_type_name_and_content(name, head, media_type, kind):
    assert sniff_kind(name, head, media_type) == kind


@pytest.mark.parametrize(("name", "suffix"), [
    ("x/page.HTML", ".html"), ("crawl.warc.gz", ".warc"), ("https://a.b/c.rss?x=1", ".rss"),
    ("dir.d/noext", ""),
])
def test_sniff_suffix_of(name, suffix):
    assert suffix_of(name) == suffix


def make_tree(root):
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "nested" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "nested" / "deeper" / "wire.xml").write_text(FEED, encoding="utf-8")
    (root / "nested" / "deeper" / "docs.jsonl.gz").write_bytes(
        gzip.compress(json.dumps({"id": "j1", "text": STORY}).encode()))
    (root / "nested" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (root / ".hidden.txt").write_text("ignored", encoding="utf-8")


def test_directories_are_read_recursively(tmp_path):
    make_tree(tmp_path)
    options = SourceOptions()
    docs = list(iter_documents([tmp_path], options))
    # path order: a.txt, nested/deeper/docs.jsonl.gz, nested/deeper/wire.xml, nested/page.html
    assert [d.title for d in docs] == [None, None, "T", "Hotline agreed"]
    assert docs[1].id == "j1"
    photo = tmp_path / "nested" / "photo.jpg"
    assert options.problems == [f"{photo}: binary file (JPEG image), not a text document"]


def test_directories_binary_file_does_not_stop_reading(tmp_path):
    make_tree(tmp_path)
    docs = list(iter_documents([tmp_path], SourceOptions(on_error="stop")))
    assert len(docs) == 4


def test_directories_ids_are_stable_across_reads(tmp_path):
    make_tree(tmp_path)
    assert [d.id for d in iter_documents([tmp_path])] == [d.id for d in iter_documents([tmp_path])]


def test_directories_without_readable_documents(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)))
    (tmp_path / "sub").mkdir()
    options = SourceOptions()
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([tmp_path], options))
    assert f"{tmp_path}: no readable documents in the directory (2 files)" in options.problems


def test_missing_file_is_one_line_error(tmp_path, caplog):
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(InputError, match=rf"^GE101: {missing}: no such file or directory$"):
        list(iter_documents([missing], SourceOptions(on_error="stop")))
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="geoevents.sources"):
        docs = list(iter_documents([missing, tmp_path / "ok.txt"], SourceOptions()))
    assert len(docs) == 1
    assert f"{missing}: no such file or directory; skipped" in caplog.text


def test_no_inputs_at_all_is_input_error():
    with pytest.raises(InputError, match="no input: no readable documents"):
        list(iter_documents([], SourceOptions()))


@pytest.mark.parametrize(("name", "content"), [
    ("big.txt", STORY * 20),
    ("big.html", PAGE * 3),
    ("big.jsonl", json.dumps({"text": STORY * 20})),
])
def test_document_over_max_bytes_is_skipped(tmp_path, name, content):
    (tmp_path / "small.txt").write_text(STORY, encoding="utf-8")
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    options = SourceOptions(max_bytes=1000)
    docs = list(iter_documents([path, tmp_path / "small.txt"], options))
    assert [d.text for d in docs] == [STORY]
    assert len(options.problems) == 1 and "over the size limit of 1,000 bytes" in options.problems[0]
    assert str(path) in options.problems[0]


def test_forced_kind_overrides_sniffing(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = iter_documents([path], SourceOptions(kind="text"))
    assert doc.text.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("bad", [{"on_error": "ignore"}, {"kind": "pdf"}])
def test_options_are_validated(bad):
    with pytest.raises(InputError):
        SourceOptions(**bad)


@pytest.mark.parametrize(("stdin", "texts"), [
    (json.dumps({"text": STORY}) + "\n" + json.dumps({"text": "Second story here."}) + "\n",
     [STORY, "Second story here."]),
    (STORY, [STORY]),
    (PAGE, [STORY + "\nThe hotline will be staffed around the clock from next month, according to a "
            "statement released by the two foreign ministries after the meeting."]),
])
def test_stdin_is_sniffed(stdin, texts):
    script = ("import json, sys; from geoevents.sources import iter_documents; "
              "print(json.dumps([d.text for d in iter_documents(['-'])]))")
    result = subprocess.run([sys.executable, "-c", script], input=stdin, capture_output=True, text=True,
                            check=True, timeout=120)
    assert json.loads(result.stdout) == texts


def test_stdin_empty_is_input_error():
    script = "from geoevents.sources import iter_documents, SourceOptions; list(iter_documents(['-']))"
    result = subprocess.run([sys.executable, "-c", script], input="", capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0 and "<stdin>: empty input" in result.stderr
