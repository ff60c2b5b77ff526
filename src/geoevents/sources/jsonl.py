"""JSON Lines documents (one object per line) and JSON files (an array of objects).

Field names come from ``SourceOptions`` (``text_col``, ``id_col`` ...). A malformed
line is reported with its line number and skipped, or stops reading, by ``on_error``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.options import SourceOptions

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """A lone surrogate (from a JSON escape like \\ud800) cannot be written as UTF-8: each
    becomes U+FFFD, one code point for one, so offsets into the text stay valid."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def _field(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return None if value in (None, "") else _clean(str(value))


def document_from_record(record: Mapping[str, Any], origin: str, options: SourceOptions | None = None
                         ) -> Document:
    """A Document from a mapping; the id is the record's own, else a content hash."""
    options = options or SourceOptions()
    text = record.get(options.text_col)
    if not isinstance(text, str):
        raise InputError(f"{origin}: no text field {options.text_col!r}")
    if not text.strip():
        raise InputError(f"{origin}: empty text field {options.text_col!r}")
    text = _clean(text)
    title = _field(record, options.title_col)
    url = _field(record, options.url_col)
    return Document(
        id=_field(record, options.id_col) or Document.content_id(text, title, url),
        text=text, title=title, published=_field(record, options.date_col), url=url,
        source=_field(record, options.source_col),
    )


def documents_from_records(records: Iterable[tuple[str, Any]], options: SourceOptions) -> Iterator[Document]:
    """Documents from (origin, record) pairs; bad records go to ``options.problem``.

    Ids are kept as given. Within one input, a record whose id repeats an earlier record's
    (or equals it only once written as text, as 1 and "1" do) is reported with both
    places and skipped (or stops reading, by ``on_error``): the first record is kept.
    """
    seen: dict[str, tuple[str, Any]] = {}
    for origin, record in records:
        if not isinstance(record, dict):
            options.problem(f"{origin}: not a JSON object")
            continue
        try:
            document = document_from_record(record, origin, options)
        except InputError as err:
            options.problem(str(err).removeprefix(f"{err.code}: "))
            continue
        given = record.get(options.id_col)
        if given not in (None, ""):
            if document.id in seen:
                first, first_value = seen[document.id]
                if type(first_value) is type(given):
                    options.problem(f"{origin}: id {given!r} repeats the id of the record at {first}")
                else:
                    options.problem(f"{origin}: id {given!r} collides with the id {first_value!r} of the "
                                    f"record at {first} (both read as {document.id!r})")
                continue
            seen[document.id] = (origin, given)
        yield document


def _parsed_lines(stream: IO[str], name: str, options: SourceOptions) -> Iterator[tuple[str, Any]]:
    blank = True
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        blank = False
        try:
            yield f"{name}:{lineno}", json.loads(line)
        except ValueError as err:
            options.problem(f"{name}:{lineno}: malformed JSON Lines record ({str(err)[:80]})")
    if blank:
        raise InputError(f"{name}: no records, only blank lines")


def read_jsonl_stream(stream: IO[str], name: str, options: SourceOptions | None = None, *,
                      on_error: str | None = None) -> Iterator[Document]:
    """Documents from an open JSON Lines stream (``on_error`` overrides the options')."""
    options = options or SourceOptions()
    if on_error is not None:
        options.on_error = on_error
    yield from documents_from_records(_parsed_lines(stream, name, options), options)


def read_jsonl(path: Path, options: SourceOptions | None = None, *,
               encoding: str = "utf-8") -> Iterator[Document]:
    """Documents from a JSON Lines file."""
    with open(path, encoding=encoding, errors="replace") as stream:
        yield from read_jsonl_stream(stream, str(path), options)


def read_json_text(text: str, name: str, options: SourceOptions) -> Iterator[Document]:
    """Documents from a JSON document: an array of objects, or a single object."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise InputError(f"{name}: malformed JSON ({str(err)[:80]})") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(f"{name}: no records (an empty JSON array)")
    yield from documents_from_records(((f"{name}[{i}]", r) for i, r in enumerate(records)), options)
