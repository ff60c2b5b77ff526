"""Which reader an input needs: from its media type, its file name, then its first bytes."""

from __future__ import annotations

import codecs
import re

from geoevents.errors import UnknownSource
from geoevents.sources.decode import binary_kind

GZIP_MAGIC = b"\x1f\x8b"

SUFFIX_KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
}
MEDIA_KINDS: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "text/plain": "text", "text/markdown": "markdown", "text/csv": "csv",
    "text/tab-separated-values": "csv", "application/json": "json",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/warc": "warc",
}
# Media types too generic to decide by: the content decides.
GENERIC_MEDIA = frozenset({"", "application/octet-stream", "text/xml", "application/xml",
                           "binary/octet-stream"})

FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)


def suffix_of(name: str) -> str:
    """The lower-case extension of ``name`` ignoring a trailing ``.gz`` (``.warc.gz`` -> ``.warc``)."""
    lowered = name.lower().split("?")[0]
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    dot = lowered.rfind(".")
    return lowered[dot:] if dot > lowered.rfind("/") else ""


def _head_text(head: bytes) -> bytes:
    """The first bytes as ASCII-compatible markup, BOM and UTF-16 zero bytes removed."""
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[2:].replace(b"\x00", b"")
    return head.removeprefix(codecs.BOM_UTF8).lstrip()


def sniff_content(head: bytes) -> str:
    """The reader kind that the first bytes of a document suggest; ``text`` by default."""
    if head.startswith(b"WARC/"):
        return "warc"
    markup = _head_text(head)[:2048]
    if FEED_ROOT.search(markup):
        return "feed"
    if HTML_ROOT.search(markup):
        return "html"
    if markup.startswith(b"<?xml"):
        return "feed"  # an XML document here is meant as a feed; the feed reader says if not
    if markup.startswith(b"{"):
        return "jsonl"
    if markup.startswith(b"["):
        return "json"
    return "text"


def sniff_kind(name: str, head: bytes, media_type: str = "") -> str:
    """The reader for input ``name`` whose (decompressed) first bytes are ``head``."""
    if head.startswith(b"WARC/"):
        return "warc"
    binary = binary_kind(head)
    if binary:
        raise UnknownSource(f"{name}: binary file ({binary}), not a text document")
    kind = media_kind(media_type)
    if kind:
        # servers often label feeds text/html and pages text/plain: markup wins
        sniffed = sniff_content(head)
        return sniffed if kind in ("html", "text") and sniffed in ("feed", "html") else kind
    return SUFFIX_KINDS.get(suffix_of(name)) or sniff_content(head)


def media_kind(media_type: str) -> str | None:
    """The reader a specific media type asks for; None for generic or unknown types."""
    if media_type in GENERIC_MEDIA:
        return None
    if "rss" in media_type or "atom" in media_type:
        return "feed"  # application/rss+xml, application/x-rss+xml, application/atom+xml ...
    return MEDIA_KINDS.get(media_type)
