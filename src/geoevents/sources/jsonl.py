"""JSON Lines documents: one object per line with at least ``text``."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from geoevents.errors import InputError
from geoevents.model import Document

log = logging.getLogger(__name__)


def document_from_record(record: dict, origin: str, text_key: str = "text",
                         id_key: str = "id", date_key: str = "published",
                         title_key: str = "title", url_key: str = "url") -> Document:
    """A Document from a mapping; the id is the record's own, else a content hash."""
    text = record.get(text_key)
    if not isinstance(text, str):
        raise InputError(f"{origin}: no text field {text_key!r}")
    title = record.get(title_key)
    url = record.get(url_key)
    doc_id = record.get(id_key)
    published = record.get(date_key)
    return Document(
        id=str(doc_id) if doc_id not in (None, "") else Document.content_id(text, title, url),
        text=text,
        title=title if isinstance(title, str) else None,
        published=str(published) if published not in (None, "") else None,
        url=url if isinstance(url, str) else None,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
    )


def read_jsonl_stream(stream: IO[str], name: str, *, on_error: str = "skip",
                      **keys: str) -> Iterator[Document]:
    """Documents from an open JSONL stream; malformed lines are skipped (logged) or fatal."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            yield document_from_record(record, f"{name}:{lineno}", **keys)
        except (ValueError, InputError) as err:
            message = f"{name}:{lineno}: malformed JSON Lines record ({str(err)[:80]})"
            if on_error == "stop":
                raise InputError(message) from None
            log.warning("%s; skipped", message)


def read_jsonl(path: Path, *, on_error: str = "skip", **keys: str) -> Iterator[Document]:
    with open(path, encoding="utf-8", errors="replace") as stream:
        yield from read_jsonl_stream(stream, str(path), on_error=on_error, **keys)
