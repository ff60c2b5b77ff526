"""RSS and Atom feeds (feedparser): one Document per item.

An item's text is its full content, else its summary, HTML reduced to text.
With ``follow=True`` each item's link is fetched and its page extracted like any
HTML page; when that fails the item falls back to its feed text, with a warning.
"""

from __future__ import annotations

import calendar
import datetime as dt
import warnings
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import feedparser
import httpx

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.fetch import fetch, make_client
from geoevents.sources.html import document_from_html, html_fragment_to_text
from geoevents.sources.options import SourceOptions


def parse_feed(data: bytes, name: str) -> Any:
    """The parsed feed; raises ``InputError`` when ``data`` is not an RSS/Atom feed."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0][:80]})" if reason else ""
        raise InputError(f"{name}: not an RSS or Atom feed{detail}")
    return parsed


class ForeignDates:
    """Reads item dates that feedparser cannot (day and month names not in English).

    dateparser is told the feed's language (declared, else detected from the item
    titles): guessing among all its languages costs seconds on the first date.
    """

    def __init__(self, parsed: Any) -> None:
        self._parsed = parsed

    @cached_property
    def language(self) -> str | None:
        declared = (self._parsed.feed.get("language") or "").split("-")[0].strip().lower()
        if declared:
            return declared
        sample = " ".join(e.get("title", "") for e in self._parsed.entries[:20])
        if not sample.strip():
            return None
        import py3langid  # loads its model: only for feeds that need it

        return py3langid.classify(sample)[0]

    def iso(self, raw: str) -> str | None:
        """ISO form of ``raw``, or None when it is not a readable date."""
        import dateparser  # slow to import; only for non-English feed dates

        try:
            parsed = dateparser.parse(raw, languages=[self.language] if self.language else None)
        except ValueError:  # a language dateparser does not know
            parsed = dateparser.parse(raw)
        return parsed.isoformat() if parsed else None


def _published(entry: Any, foreign: ForeignDates) -> str | None:
    with warnings.catch_warnings():  # feedparser warns about its updated/published aliasing
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        raw = entry.get("published") or entry.get("updated")
    if parsed:  # feedparser normalises to UTC
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).isoformat()
    return foreign.iso(raw) if raw else None


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    return html_fragment_to_text(html)


def _followed(entry: Any, origin: str, source: str | None, options: SourceOptions,
              client: httpx.Client, foreign: ForeignDates) -> Document | None:
    """The item's linked page as a Document, or None (with a warning) when it cannot be had."""
    link = entry.get("link")
    if not link:
        options.problem(f"{origin}: item has no link to follow")
        return None
    try:
        page = fetch(link, timeout=options.timeout, max_bytes=options.max_bytes, client=client,
                     allow_hosts=options.allow_hosts)
        doc = document_from_html(page.body, link, url=page.url, source=source)
    except InputError as err:
        options.problem(str(err).removeprefix(f"{err.code}: "), action="using the feed's text instead")
        return None
    doc.title = doc.title or entry.get("title") or None
    doc.published = doc.published or _published(entry, foreign)
    return doc


def _from_entry(entry: Any, origin: str, source: str | None, foreign: ForeignDates) -> Document:
    text = _entry_text(entry)
    if not text:
        raise InputError(f"{origin}: feed item has no text")
    title = entry.get("title") or None
    url = entry.get("link") or None
    return Document(id=Document.content_id(text, title, url), text=text, title=title,
                    published=_published(entry, foreign), url=url, source=source)


def read_feed(data: bytes, name: str, options: SourceOptions) -> Iterator[Document]:
    """Documents from the items of the feed in ``data`` (read from file or URL ``name``)."""
    parsed = parse_feed(data, name)
    source = parsed.feed.get("title") or None
    foreign = ForeignDates(parsed)
    client = make_client(options.timeout) if options.follow else None
    try:
        for number, entry in enumerate(parsed.entries, 1):
            origin = f"{name} item {number}"
            doc = _followed(entry, origin, source, options, client, foreign) if client else None
            if doc is None:
                try:
                    doc = _from_entry(entry, origin, source, foreign)
                except InputError as err:
                    options.problem(str(err).removeprefix(f"{err.code}: "))
                    continue
            yield doc
    finally:
        if client:
            client.close()
