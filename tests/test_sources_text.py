"""Plain text and Markdown files: front matter, Markdown reduction, encodings, bad files."""

from __future__ import annotations

import pytest

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources import SourceOptions, iter_documents
from geoevents.sources.text import markdown_to_text, split_front_matter

STORY = "The foreign ministers of Chile and Peru signed a fisheries accord in Lima on Tuesday."


def read_one(path, **options) -> Document:
    docs = list(iter_documents([path], SourceOptions(**options)))
    assert len(docs) == 1
    return docs[0]


def test_text_plain_file_gets_content_id(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY + "\n", encoding="utf-8")
    doc = read_one(path)
    assert doc.text == STORY
    assert doc.id == Document.content_id(STORY)
    assert read_one(path).id == doc.id  # stable across reads


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_front_matter_fills_fields(tmp_path, suffix):
    path = tmp_path / f"story{suffix}"
    path.write_text(
        "---\ntitle: Fisheries accord\npublished: 2025-03-04\nurl: https://example.org/a\n"
        f"source: Example Wire\n---\n{STORY}\n", encoding="utf-8")
    doc = read_one(path)
    assert (doc.title, doc.published, doc.url, doc.source) == (
        "Fisheries accord", "2025-03-04", "https://example.org/a", "Example Wire")
    assert doc.text == STORY


def test_text_front_matter_id_is_kept(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(f"---\nid: wire-17\n---\n{STORY}", encoding="utf-8")
    assert read_one(path).id == "wire-17"


@pytest.mark.parametrize(("markdown", "expected"), [
    ("# Talks end\n\nThe **envoys** left.", "Talks end\n\nThe envoys left."),
    ("See [the statement](https://x.org/s) and ![map](m.png) now.", "See the statement and  now."),
    ("- Ankara objected\n- Athens replied", "Ankara objected\nAthens replied"),
    ("> It is over, she said.", "It is over, she said."),
    ("A snake_case_word and *stress* stay.", "A snake_case_word and stress stay."),
])
def test_text_markdown_to_text_removes_markup(markdown, expected):
    assert markdown_to_text(markdown) == expected


def test_text_markdown_title_from_first_heading(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(f"# Accord signed\n\n{STORY}\n", encoding="utf-8")
    doc = read_one(path)
    assert doc.title == "Accord signed"
    assert "#" not in doc.text


def test_text_malformed_front_matter_names_file(tmp_path):
    with pytest.raises(InputError, match=r"x\.md:\d+: malformed YAML front matter"):
        split_front_matter("---\ntitle: [unclosed\n---\nbody", "x.md")


FRENCH = "Le ministre français a rencontré son homologue à Genève pour évoquer la crise énergétique."
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl ministr v Praze."


@pytest.mark.parametrize(("encoding", "sentence"), [
    ("latin-1", FRENCH), ("cp1252", FRENCH), ("utf-16", FRENCH), ("cp1250", CZECH), ("utf-8-sig", CZECH),
])
def test_text_non_utf8_is_decoded(tmp_path, encoding, sentence):
    path = tmp_path / "article.txt"
    path.write_bytes(sentence.encode(encoding))
    assert read_one(path).text == sentence


@pytest.mark.parametrize(("content", "problem"), [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file (PNG image)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF)"),
    (bytes(range(256)) * 4, "binary file"),
    (b"---\ntitle: Only metadata\n---\n\n", "no text after the front matter"),
])
def test_text_bad_file_is_one_line_error(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    options = SourceOptions()
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([path], options))
    assert len(options.problems) == 1
    assert options.problems[0].startswith(str(path)) and problem in options.problems[0]
    with pytest.raises(InputError, match=r"^GE10\d: .*bad\.txt: ") as err:
        list(iter_documents([path], SourceOptions(on_error="stop")))
    assert "\n" not in str(err.value)
