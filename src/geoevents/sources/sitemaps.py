"""XML sitemaps (sitemaps.org, with Google News extensions): the page URLs a site lists.

A sitemap is either a ``<urlset>`` of pages (``<loc>``, ``<lastmod>``, and for news sitemaps
``<news:title>`` and ``<news:publication_date>``) or a ``<sitemapindex>`` naming other
sitemaps. Gzip-compressed sitemaps (``.xml.gz``) are decompressed up to the size limit.
The XML is parsed without entities or network access (no billion laughs, no XXE).
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass

from lxml import etree

from geoevents.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A ``<url>`` of a urlset or a ``<sitemap>`` of an index."""

    loc: str
    lastmod: str | None = None
    title: str | None = None  # news:title
    published: str | None = None  # news:publication_date


@dataclass(frozen=True, slots=True)
class Sitemap:
    is_index: bool  # True: the entries are sitemaps, not pages
    entries: list[SitemapEntry]


def looks_like_sitemap(data: bytes) -> bool:
    """Whether ``data`` starts like a sitemap (plain or gzip-compressed)."""
    if data.startswith(GZIP_MAGIC):
        return True
    head = data[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(data: bytes, name: str, max_bytes: int) -> Sitemap:
    """The entries of the sitemap in ``data``; ``InputError`` when it is not a sitemap."""
    if data.startswith(GZIP_MAGIC):
        try:
            data = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(data, max_bytes + 1)
        except (zlib.error, gzip.BadGzipFile) as err:
            raise InputError(f"{name}: damaged gzip sitemap ({err})") from None
        if len(data) > max_bytes:
            raise InputError(f"{name}: sitemap over the size limit of {max_bytes:,} bytes")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(f"{name}: not a sitemap (XML error: {str(err).splitlines()[0][:80]})") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(f"{name}: not a sitemap (root element <{kind}>, expected <urlset> or "
                         f"<sitemapindex>)")
    child = "url" if kind == "urlset" else "sitemap"
    entries = []
    for element in root:
        if _local(element.tag) != child:
            continue
        values: dict[str, str] = {}
        for node in element.iter():
            local = _local(node.tag)
            direct = node.getparent() is element
            # loc and lastmod of the entry itself (an image:loc is deeper); news:* anywhere
            wanted = local in ("loc", "lastmod") if direct else local in ("title", "publication_date")
            if wanted and node.text and node.text.strip():
                values.setdefault(local, node.text.strip())
        if values.get("loc"):
            entries.append(SitemapEntry(values["loc"], values.get("lastmod"), values.get("title"),
                                        values.get("publication_date")))
    return Sitemap(kind == "sitemapindex", entries)
