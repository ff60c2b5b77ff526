"""RSS and Atom feeds (feedparser): one Document per item.

An item's text is its full content, else its summary, HTML reduced to text.
With ``follow=True`` each item's link is fetched and its page extracted like any
HTML page; when that fails the item falls back to its feed text, with a warning.
``feed_items`` gives the items themselves (``FeedItem``: key, link, title, date, text) and
each one's Document, from its page or its feed text, the same way for ``ingest --follow``
and ``watch``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import feedparser
import httpx

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.fetch import Fetched, fetch, make_client
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


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: what identifies it, where it links, and its own text."""

    key: str  # the item's guid (RSS) or id (Atom), else its link, else a hash of its text
    link: str | None
    title: str | None
    published: str | None  # ISO, from the item's date
    text: str  # the item's content or summary as plain text ("" when it has none)
    source: str | None  # the feed's title
    origin: str  # "FEED item N", for messages

    def page_document(self, page: Fetched) -> Document:
        """The Document of the item's fetched page (``InputError`` when it has no article),
        the item's title and date filling in what the page lacks."""
        doc = document_from_html(page.body, self.link or page.url, url=page.url, source=self.source)
        doc.title = doc.title or self.title
        doc.published = doc.published or self.published
        return doc

    def document(self) -> Document:
        """The Document of the item's own text (``InputError`` when it has none)."""
        if not self.text:
            raise InputError(f"{self.origin}: feed item has no text")
        return Document(id=Document.content_id(self.text, self.title, self.link), text=self.text,
                        title=self.title, published=self.published, url=self.link, source=self.source)


def feed_items(parsed: Any, name: str) -> list[FeedItem]:
    """The items of a parsed feed (``parse_feed``), in feed order."""
    source = parsed.feed.get("title") or None
    foreign = ForeignDates(parsed)
    items = []
    for number, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        link = entry.get("link") or None
        title = entry.get("title") or None
        key = entry.get("id") or link or Document.content_id(text, title)
        items.append(FeedItem(str(key), link, title, _published(entry, foreign), text, source,
                              f"{name} item {number}"))
    return items


def _followed(item: FeedItem, options: SourceOptions, client: httpx.Client) -> Document | None:
    """The item's linked page as a Document, or None (with a warning) when it cannot be had."""
    if not item.link:
        options.problem(f"{item.origin}: item has no link to follow")
        return None
    try:
        page = fetch(item.link, timeout=options.timeout, max_bytes=options.max_bytes, client=client,
                     allow_hosts=options.allow_hosts)
        return item.page_document(page)
    except InputError as err:
        options.problem(str(err).removeprefix(f"{err.code}: "), action="using the feed's text instead")
        return None


def read_feed(data: bytes, name: str, options: SourceOptions) -> Iterator[Document]:
    """Documents from the items of the feed in ``data`` (read from file or URL ``name``)."""
    items = feed_items(parse_feed(data, name), name)
    client = make_client(options.timeout) if options.follow else None
    try:
        for item in items:
            doc = _followed(item, options, client) if client else None
            if doc is None:
                try:
                    doc = item.document()
                except InputError as err:
                    options.problem(str(err).removeprefix(f"{err.code}: "))
                    continue
            yield doc
    finally:
        if client:
            client.close()
