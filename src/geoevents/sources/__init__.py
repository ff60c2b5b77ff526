"""Sources: every kind of input becomes ``Document``s with stable ids.

``iter_documents(inputs, options)`` is the one entry point used by the CLI, the
store and the API. Each input is a path (file or directory), a URL or ``-``
(stdin); the reader is picked by content type: plain text and Markdown (with
YAML front matter), JSON Lines, JSON, CSV/TSV, HTML pages (trafilatura), RSS/Atom
feeds (feedparser), WARC files (warcio). A problem with one input or record is
logged as a one-line warning naming it and skipped (``on_error="skip"``) or
raised as ``InputError`` (``on_error="stop"``); when no input yields any
document at all, ``InputError`` is raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.options import READER_KINDS, SourceOptions

__all__ = ["READER_KINDS", "SourceOptions", "iter_documents"]


def _too_large(doc: Document, max_bytes: int) -> bool:
    # a str of n characters is between n and 4n bytes in UTF-8: encode only when in doubt
    return len(doc.text) * 4 > max_bytes and len(doc.text.encode("utf-8")) > max_bytes


def iter_documents(inputs: Iterable[str | Path], options: SourceOptions | None = None) -> Iterator[Document]:
    """Documents from files, directories, URLs and stdin, in input order."""
    from geoevents.sources.dispatch import read_input  # the readers load when reading starts

    options = options or SourceOptions()
    count = 0
    names: list[str] = []
    for item in inputs:
        names.append(str(item))
        try:
            for doc in read_input(item, options):
                if _too_large(doc, options.max_bytes):
                    options.problem(f"{doc.url or item}: document {doc.id} over the size limit "
                                    f"of {options.max_bytes:,} bytes")
                    continue
                count += 1
                yield doc
        except InputError as err:
            if options.on_error == "stop":
                raise
            options.problem(str(err).removeprefix(f"{err.code}: "))
    if count == 0:
        raise InputError(f"{', '.join(names) or 'no input'}: no readable documents")
