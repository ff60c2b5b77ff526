"""WARC (and gzipped WARC) files: one Document per archived HTML or plain-text response.

Request, metadata and non-text records are passed over silently; a page with
no article body or over the size limit is reported and skipped. A truncated file keeps
the records before the cut; the cut record and the damage are reported.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.decode import decode_bytes
from geoevents.sources.html import document_from_html
from geoevents.sources.options import SourceOptions
from geoevents.sources.text import document_from_text

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _media_type(record) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type", "") if headers else ""
    return value.split(";")[0].strip().lower()


def _document(record, origin: str, uri: str | None, options: SourceOptions) -> Document | None:
    """The Document of one archived record, or None when it holds no text page."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response" and record.http_headers and \
            not (record.http_headers.get_statuscode() or "").startswith("2"):
        return None
    media_type = _media_type(record)
    if media_type not in HTML_TYPES and media_type != "text/plain":
        return None
    length = int(record.rec_headers.get_header("Content-Length", "0") or 0)
    if length > options.max_bytes:
        raise InputError(f"{origin}: document over the size limit of {options.max_bytes:,} bytes")
    body = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)  # bytes the record promised but the file lacks
    if isinstance(missing, int) and missing > 0:
        raise InputError(f"{origin}: record cut short ({missing:,} of its bytes missing: "
                         f"the file is truncated)")
    if media_type == "text/plain":
        return document_from_text(decode_bytes(body, origin), origin, url=uri)
    return document_from_html(body, origin, url=uri)


# What a damaged or non-WARC file makes warcio raise (AttributeError: a record without
# a target URI trips warcio's HTTP header parser).
DAMAGE = (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error, AttributeError)


def _records(stream, path: Path, options: SourceOptions) -> Iterator:
    records = iter(ArchiveIterator(stream))
    read = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except DAMAGE as err:
            reason = (str(err).splitlines() or [type(err).__name__])[0][:80]
            if isinstance(err, AttributeError):
                reason = "malformed record headers"
            if read == 0:
                raise InputError(f"{path}: not a readable WARC file ({reason})") from None
            # the records before the damage are kept; say what was lost
            options.problem(f"{path}: truncated or damaged after record {read} ({reason}); "
                            f"the rest of the file is lost", action="the records before it are kept")
            return
        read += 1
        yield record


def read_warc(path: Path, options: SourceOptions) -> Iterator[Document]:
    """Documents from the HTML and plain-text responses archived in a WARC file."""
    with open(path, "rb") as stream:
        for record in _records(stream, path, options):
            uri = record.rec_headers.get_header("WARC-Target-URI")
            origin = f"{path} record {uri or record.rec_headers.get_header('WARC-Record-ID')}"
            try:
                doc = _document(record, origin, uri, options)
            except InputError as err:
                options.problem(str(err).removeprefix(f"{err.code}: "))
                continue
            except DAMAGE[:-1] as err:
                options.problem(f"{origin}: damaged record ({type(err).__name__})")
                continue
            if doc is not None:
                yield doc
