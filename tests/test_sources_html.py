"""HTML pages: boilerplate removed, title and date from metadata, pages without a body refused."""

from __future__ import annotations

import gzip
import json

import pytest

from geoevents.errors import InputError
from geoevents.sources import SourceOptions, iter_documents
from geoevents.sources.html import document_from_html, html_fragment_to_text

PARAGRAPHS = [
    "The defence ministers of Poland and Lithuania met in Vilnius on Thursday to discuss "
    "joint air defence along the Suwalki corridor, officials from both governments said.",
    "Poland offered to station two additional Patriot batteries near the border, while "
    "Lithuania asked for faster delivery of ammunition under the existing framework agreement.",
    "A joint statement issued after the meeting said the two countries would hold a combined "
    "exercise in the spring and review progress at a summit later in the year.",
]
NAVIGATION = "Subscribe now Sign in Weather Sport Crosswords"


def article_page(title: str = "Poland and Lithuania plan joint air defence",
                 published: str | None = "2024-02-15T09:30:00+01:00") -> str:
    date_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head><title>{title} | Baltic Courier</title>"
            f'<meta property="og:title" content="{title}">{date_meta}</head><body>'
            f"<header><nav><ul>{''.join(f'<li><a href=/{w}>{w}</a></li>' for w in NAVIGATION.split())}"
            f"</ul></nav></header><main><article><h1>{title}</h1>{body}</article></main>"
            "<footer><p>© 2024 Baltic Courier. All rights reserved. Privacy policy.</p></footer>"
            "</body></html>")


def test_html_body_without_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_page(), encoding="utf-8")
    (doc,) = iter_documents([path], SourceOptions())
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert "Subscribe" not in doc.text and "rights reserved" not in doc.text
    assert doc.title == "Poland and Lithuania plan joint air defence"
    assert doc.published == "2024-02-15"


def test_html_without_date_metadata_has_no_date():
    doc = document_from_html(article_page(published=None), "page.html")
    assert doc.published is None


def test_html_gzipped_page_is_read(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(article_page().encode("utf-8")))
    (doc,) = iter_documents([path], SourceOptions())
    assert PARAGRAPHS[1] in doc.text


@pytest.mark.parametrize("markup", [
    "<html><head><title>Home</title></head><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
    "<footer>Copyright 2024</footer></body></html>",
    "<html><body></body></html>",
    "<!DOCTYPE html><html><head><script>var x = 1;</script></head></html>",
])
def test_html_without_article_body_is_refused(tmp_path, markup):
    path = tmp_path / "empty.html"
    path.write_text(markup, encoding="utf-8")
    options = SourceOptions()
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([path], options))
    assert options.problems == [f"{path}: no article body found in the HTML page"]


@pytest.mark.parametrize(("fragment", "expected"), [
    ("<p>One <b>bold</b> claim.</p><p>Second  one.</p>", "One bold claim.\n\nSecond one."),
    ("No markup at all.", "No markup at all."),
    ("Line one<br>line two", "Line one\n\nline two"),
])
def test_html_fragment_to_text(fragment, expected):
    assert html_fragment_to_text(fragment) == expected


def test_html_benchmark_pages_have_bodies(shared_dir):
    corpus = shared_dir / "corpora" / "html-aeb"
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    page_ids = sorted(truth)[:5]
    docs = list(iter_documents([corpus / "html" / f"{p}.html.gz" for p in page_ids], SourceOptions()))
    assert len(docs) == 5
    for doc, page_id in zip(docs, page_ids, strict=True):
        reference = truth[page_id]["articleBody"].split()
        shared = set(doc.text.split()) & set(reference)
        assert len(shared) >= 0.8 * len(set(reference)), page_id
        assert doc.title


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8"])
def test_html_encoding_without_declaration_is_detected(tmp_path, encoding):
    paragraphs = ["La délégation française a quitté Niamey après l'ultimatum du gouvernement militaire.",
                  "Les diplomates ont été accueillis à Roissy par des responsables du ministère."]
    markup = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(markup.encode(encoding))
    (doc,) = iter_documents([path], SourceOptions())
    assert doc.text == "\n".join(paragraphs)
