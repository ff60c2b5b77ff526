"""Sources: every kind of input becomes ``Document``s with stable ids.

``iter_documents(inputs, options)`` is the one entry point used by the CLI, the
store and the API. Each input is a path (file or directory) or a URL; the reader
is picked by content type. A problem with one input is logged as a one-line
warning naming the input and skipped (``on_error="skip"``) or raised as
``InputError`` (``on_error="stop"``); when no input yields any document at all,
``InputError`` is raised.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.jsonl import read_jsonl

log = logging.getLogger("geoevents.sources")


@dataclass(kw_only=True)
class SourceOptions:
    """How to read inputs; one object, resolved before reading starts."""

    text_col: str = "text"
    id_col: str = "id"
    date_col: str = "published"
    title_col: str = "title"
    url_col: str = "url"
    follow: bool = False  # feeds: fetch each item's link and extract the page
    on_error: str = "skip"  # or "stop"
    max_bytes: int = 5_000_000
    timeout: float = 20.0
    problems: list[str] = field(default_factory=list)  # one line per skipped input or record

    def problem(self, message: str) -> None:
        if self.on_error == "stop":
            raise InputError(message)
        self.problems.append(message)
        log.warning("%s; skipped", message)


def iter_documents(inputs: Iterable[str | Path], options: SourceOptions | None = None) -> Iterator[Document]:
    """Documents from files, directories and URLs, in input order."""
    options = options or SourceOptions()
    count = 0
    names = []
    for item in inputs:
        names.append(str(item))
        path = Path(item)
        if not path.exists():
            options.problem(f"{item}: no such file or directory")
            continue
        for doc in read_jsonl(path, on_error=options.on_error, text_key=options.text_col):
            count += 1
            yield doc
    if count == 0:
        raise InputError(f"{', '.join(names) or 'no input'}: no readable documents")
