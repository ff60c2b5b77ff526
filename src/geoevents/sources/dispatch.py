"""Reading one input of any kind: a file, a directory, a URL or standard input.

Every input is first reduced to (name, bytes or path, media type); ``sniff_kind``
picks the reader; gzip-compressed files are decompressed (WARC files excepted:
warcio reads them compressed). Whole-input problems raise ``InputError``;
problems with single records inside an input go to ``options.problem``.

The HTML, feed, WARC and URL readers are imported when first needed: trafilatura,
feedparser and httpx take seconds to import, and most runs read JSON Lines.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from geoevents.errors import InputError, UnknownSource
from geoevents.model import Document
from geoevents.sources.csvfile import read_csv_stream
from geoevents.sources.decode import (
    REPLACE,
    SAMPLE_BYTES,
    counting_replacements,
    decode_bytes,
    detect_encoding,
)
from geoevents.sources.jsonl import read_json_text, read_jsonl_stream
from geoevents.sources.options import SourceOptions
from geoevents.sources.sniff import GZIP_MAGIC, sniff_kind
from geoevents.sources.text import document_from_text

STREAMED_KINDS = frozenset({"jsonl", "csv", "warc"})  # containers: the size limit is per record


def read_bytes(data: bytes, name: str, kind: str, options: SourceOptions,
               url: str | None = None) -> Iterator[Document]:
    """Documents of ``kind`` from the bytes of input ``name`` (fetched from ``url`` if given)."""
    if kind == "html":
        from geoevents.sources.html import document_from_html

        yield document_from_html(data, name, url=url)
    elif kind == "feed":
        from geoevents.sources.feeds import read_feed

        yield from read_feed(data, name, options)
    elif kind in ("text", "markdown"):
        yield document_from_text(decode_bytes(data, name), name, markdown=kind == "markdown", url=url)
    elif kind == "json":
        yield from read_json_text(decode_bytes(data, name), name, options)
    elif kind == "jsonl":
        yield from read_jsonl_stream(io.StringIO(decode_bytes(data, name)), name, options)
    elif kind == "csv":
        yield from read_csv_stream(io.StringIO(decode_bytes(data, name)), name, options)
    else:
        raise UnknownSource(f"{name}: {kind} input must be a file, not a stream or URL")


def _gunzip(path: Path, max_bytes: int) -> bytes:
    """The decompressed contents of ``path``, refusing more than ``max_bytes``."""
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(f"{path}: damaged gzip file ({err})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: document over the size limit of {max_bytes:,} bytes")
    return data


def _peek(path: Path) -> bytes:
    with open(path, "rb") as stream:
        head = stream.read(SAMPLE_BYTES)
    if head.startswith(GZIP_MAGIC):
        try:
            with gzip.open(path, "rb") as stream:
                return GZIP_MAGIC + stream.read(SAMPLE_BYTES)
        except (OSError, EOFError, zlib.error):
            # a truncated or damaged file: what its first bytes decompress to, if anything
            try:
                inner = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(head, SAMPLE_BYTES)
            except zlib.error:
                return head
            return GZIP_MAGIC + inner if inner else head
    return head


def read_file(path: Path, options: SourceOptions) -> Iterator[Document]:
    """Documents from one file, whatever its kind."""
    name = str(path)
    try:
        size = path.stat().st_size
        head = _peek(path)
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err})") from None
    if size == 0:
        raise InputError(f"{name}: empty file")
    compressed = head.startswith(GZIP_MAGIC)
    inner = head[len(GZIP_MAGIC):] if compressed else head
    kind = options.kind or sniff_kind(name, inner)
    if kind == "warc":
        from geoevents.sources.warc import read_warc

        yield from read_warc(path, options)
        return
    if compressed:
        yield from read_bytes(_gunzip(path, options.max_bytes), name, kind, options)
        return
    if kind in STREAMED_KINDS:
        encoding = detect_encoding(head, name)
        with counting_replacements(name), open(path, encoding=encoding, errors=REPLACE, newline="") as stream:
            reader = read_csv_stream if kind == "csv" else read_jsonl_stream
            yield from reader(stream, name, options)
        return
    if size > options.max_bytes:
        raise InputError(f"{name}: document over the size limit of {options.max_bytes:,} bytes")
    yield from read_bytes(path.read_bytes(), name, kind, options)


def read_url(url: str, options: SourceOptions) -> Iterator[Document]:
    """Documents from the page, feed or file at ``url``."""
    from geoevents.sources.fetch import fetch

    page = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes,
                 allow_hosts=options.allow_hosts)
    if not page.body.strip():
        raise InputError(f"{url}: empty response")
    kind = options.kind or sniff_kind(url, page.body[:SAMPLE_BYTES], page.media_type)
    yield from read_bytes(page.body, url, kind, options, url=page.url)


def read_stdin(options: SourceOptions) -> Iterator[Document]:
    """Documents from standard input (JSON Lines unless the content says otherwise)."""
    stdin = sys.stdin.buffer
    head = stdin.read(SAMPLE_BYTES)
    if not head.strip():
        raise InputError("<stdin>: empty input")
    kind = options.kind or sniff_kind("<stdin>", head)
    if kind in STREAMED_KINDS:  # many documents: the size limit applies to each
        yield from read_bytes(head + stdin.read(), "<stdin>", kind, options)
        return
    data = head + stdin.read(options.max_bytes + 1 - len(head))
    if len(data) > options.max_bytes:
        raise InputError(f"<stdin>: document over the size limit of {options.max_bytes:,} bytes")
    yield from read_bytes(data, "<stdin>", kind, options)


def read_directory(path: Path, options: SourceOptions) -> Iterator[Document]:
    """Documents from every readable file under ``path``, recursively, in name order.

    Hidden files and binary or unknown files are skipped with a warning (never
    fatal); problems inside a readable file follow ``options.on_error``.
    """
    count = 0
    files = sorted(p for p in path.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
    for file in files:
        try:
            for doc in read_file(file, options):
                count += 1
                yield doc
        except UnknownSource as err:
            options.note(str(err).removeprefix(f"{err.code}: "))
        except InputError as err:
            options.problem(str(err).removeprefix(f"{err.code}: "))
    if count == 0:
        raise InputError(f"{path}: no readable documents in the directory ({len(files)} files)")


def read_input(item: str | Path, options: SourceOptions) -> Iterator[Document]:
    """Documents from one input: ``-`` (stdin), a URL, a directory or a file."""
    text = str(item)
    if text == "-":
        return read_stdin(options)
    if text.startswith(("http://", "https://")):
        return read_url(text, options)
    path = Path(item)
    if path.is_dir():
        return read_directory(path, options)
    if not path.exists():
        raise InputError(f"{text}: no such file or directory")
    return read_file(path, options)
