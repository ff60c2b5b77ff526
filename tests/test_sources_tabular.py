"""JSON Lines, JSON and CSV inputs: column mapping, stable ids, malformed records."""

from __future__ import annotations

import json
import re

import pytest

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources import SourceOptions, iter_documents

ROWS = [
    {"id": "a1", "text": "Kenya and Ethiopia agreed to reopen the border crossing at Moyale.",
     "published": "2024-05-02", "title": "Border reopens"},
    {"text": "Norway pledged emergency aid to Sudan after floods displaced thousands.",
     "url": "https://example.org/aid"},
]


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_ids_are_callers_else_content_hash(tmp_path):
    path = write_jsonl(tmp_path / "docs.jsonl", [json.dumps(r) for r in ROWS])
    first, second = iter_documents([path], SourceOptions())
    assert (first.id, first.title, first.published) == ("a1", "Border reopens", "2024-05-02")
    assert second.id == Document.content_id(ROWS[1]["text"], None, ROWS[1]["url"])
    assert second.url == "https://example.org/aid"


def test_jsonl_column_mapping(tmp_path):
    record = {"body": "Japan lodged a protest with China over the detention.", "day": "2023-07-01",
              "key": 7, "headline": "Protest lodged", "link": "https://example.org/p"}
    path = write_jsonl(tmp_path / "docs.jsonl", [json.dumps(record)])
    options = SourceOptions(text_col="body", date_col="day", id_col="key", title_col="headline",
                            url_col="link")
    (doc,) = iter_documents([path], options)
    assert (doc.id, doc.text, doc.published, doc.title, doc.url) == (
        "7", record["body"], "2023-07-01", "Protest lodged", "https://example.org/p")


@pytest.mark.parametrize("bad_line", ["{not json", "[1, 2]", '{"title": "no text"}', '{"text": "  "}'])
def test_jsonl_malformed_line_skipped_with_line_number(tmp_path, bad_line):
    path = write_jsonl(tmp_path / "docs.jsonl", [json.dumps(ROWS[0]), bad_line, json.dumps(ROWS[1])])
    options = SourceOptions()
    docs = list(iter_documents([path], options))
    assert [d.text for d in docs] == [ROWS[0]["text"], ROWS[1]["text"]]
    assert len(options.problems) == 1 and options.problems[0].startswith(f"{path}:2: ")


def test_jsonl_malformed_line_stops_when_asked(tmp_path):
    path = write_jsonl(tmp_path / "docs.jsonl", [json.dumps(ROWS[0]), "{oops", json.dumps(ROWS[1])])
    read = []
    with pytest.raises(InputError, match=r"docs\.jsonl:2: malformed JSON Lines record"):
        read.extend(iter_documents([path], SourceOptions(on_error="stop")))
    assert len(read) == 0 or read[0].id == "a1"


def test_jsonl_only_bad_lines_raises_input_error(tmp_path):
    path = write_jsonl(tmp_path / "docs.jsonl", ["{oops", "nope"])
    with pytest.raises(InputError, match="no readable documents"):
        list(iter_documents([path], SourceOptions()))


def test_json_array_file(tmp_path):
    path = tmp_path / "docs.json"
    path.write_text(json.dumps(ROWS), encoding="utf-8")
    assert [d.text for d in iter_documents([path], SourceOptions())] == [r["text"] for r in ROWS]


CSV_TEXT = ('story,day,ref\n'
            '"Chile recalled its ambassador from Caracas, the ministry said.",2024-01-09,c-1\n'
            '"Brazil and Argentina held talks; both sides called them ""useful"".",2024-01-10,c-2\n')


@pytest.mark.parametrize(("suffix", "delimiter"), [(".csv", ","), (".tsv", "\t"), (".csv", ";")])
def test_csv_column_mapping(tmp_path, suffix, delimiter):
    path = tmp_path / f"docs{suffix}"
    path.write_text(CSV_TEXT.replace(",2024", f"{delimiter}2024").replace(",c-", f"{delimiter}c-")
                    .replace("story,day", f"story{delimiter}day").replace("day,ref", f"day{delimiter}ref"),
                    encoding="utf-8")
    docs = list(iter_documents([path], SourceOptions(text_col="story", date_col="day", id_col="ref")))
    assert [(d.id, d.published) for d in docs] == [("c-1", "2024-01-09"), ("c-2", "2024-01-10")]
    assert docs[1].text == 'Brazil and Argentina held talks; both sides called them "useful".'


def test_csv_without_text_column_names_file_and_columns(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    with pytest.raises(InputError, match=r"docs\.csv: no text column 'text'; columns are story, day, ref"):
        list(iter_documents([path], SourceOptions(on_error="stop")))


def test_csv_empty_text_row_skipped_with_line(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text(CSV_TEXT + ",2024-01-11,c-3\n", encoding="utf-8")
    options = SourceOptions(text_col="story", id_col="ref")
    assert [d.id for d in iter_documents([path], options)] == ["c-1", "c-2"]
    assert options.problems == [f"{path}:4: empty text field 'story'"]


def test_csv_latin1_decoded(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_bytes("text\nLa délégation française a quitté Niamey après l'ultimatum.\n".encode("latin-1"))
    (doc,) = iter_documents([path], SourceOptions())
    assert doc.text == "La délégation française a quitté Niamey après l'ultimatum."


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("docs.jsonl", "\n  \n\n", "no records, only blank lines"),
    ("docs.json", "[]", "no records (an empty JSON array)"),
    ("docs.json", "[{oops", "malformed JSON"),
    ("docs.csv", "text,id\n", "no rows below the header"),
    ("docs.csv", "\n\n", "empty CSV file (no header row)"),
])
def test_tabular_file_without_records_names_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"{name}: {re.escape(problem)}"):
        list(iter_documents([path], SourceOptions(on_error="stop")))
