"""The watcher: poll feeds and sitemaps, fetch the new items' pages, ingest them.

One poll round (``Watcher.poll``):

1. Open the store (it is closed between rounds, so ``watch --status``, ``serve`` and the
   other commands can read it meanwhile), record the sources, and settle items that a
   killed run had handed to ingest (``WatchState.resolve_fetched``).
2. Read every due source in the thread pool with a conditional GET (``If-None-Match``,
   ``If-Modified-Since``); a 304, or a body identical to the last one, lists nothing new.
   Items not listed before are recorded as pending: on the first poll, every item the
   source lists, whatever its date. A source that fails is recorded with its error and
   polled again later, backing off (``backoff``); the others go on.
3. Fetch the due sources' pending items (at most ``max_items`` per source per round) in
   the thread pool, through the ``PoliteFetcher`` (robots.txt, host pace, retries). Each
   page becomes a Document exactly as ``ingest --follow`` makes it (``FeedItem.page_document``;
   a page that cannot be had permanently falls back to the item's feed text, as there). An
   item whose link, canonical URL or text is already stored is a duplicate of that document
   and is not stored again; one robots.txt disallows is skipped; one whose fetch failed for
   a transient reason stays pending, tried again next round, ``item_attempts`` times at most.
4. Documents go to ``ingest`` in batches of ``batch`` (one ``runs`` row each, command
   ``watch``): items are recorded as ``fetched`` before the write and ``stored`` after it.
5. ``after_poll(store)``, when given, is called with the open store: the place to compute
   and send alerts from what the round stored.

``Watcher.run`` repeats rounds every ``every`` seconds until ``stop()`` (SIGTERM, Ctrl-C:
the article being extracted and stored is finished, then the process exits), or once.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from geoevents.config import Config
from geoevents.errors import FetchError, InputError, StoreError
from geoevents.ingest import ingest
from geoevents.model import Document
from geoevents.sources.feeds import FeedItem, feed_items, parse_feed
from geoevents.sources.fetch import Fetched
from geoevents.sources.sitemaps import looks_like_sitemap, parse_sitemap
from geoevents.store import Store
from geoevents.store.watchstate import ItemRow, SourceState, WatchState
from geoevents.watch.polite import Disallowed, FetchRules, PoliteFetcher, Stopped

if TYPE_CHECKING:
    from geoevents.pipeline import Pipeline

log = logging.getLogger("geoevents.watch")

#: Called after each poll round with the open store (read-write): alerts hook in here.
AfterPoll = Callable[[Store], None]

MAX_BACKOFF = 6 * 3600.0  # a failing source is polled at least this often (or every interval)
FLUSH_AFTER = 2.0  # seconds a fetched document may wait for its batch to fill


@dataclass(kw_only=True)
class WatchOptions:
    """How to watch; every field has a CLI option (``geoevents watch --help``)."""

    every: float = 900.0  # seconds between polls of a source
    timeout: float = 20.0  # deadline per response (setting fetch_timeout)
    max_bytes: int = 5_000_000  # size limit per response (setting max_document_bytes)
    allow_hosts: tuple[str, ...] = ()  # setting fetch_allow_hosts
    host_delay: float = 1.0  # seconds between the starts of two requests to one host
    per_host: int = 1  # requests at once to one host
    concurrency: int = 4  # requests at once overall
    retries: int = 2  # further tries of a transient failure, within a round
    max_items: int = 500  # pages fetched per source per round (the rest wait for the next)
    item_attempts: int = 3  # rounds an item's page is tried before it is given up
    batch: int = 16  # documents per ingest batch (one transaction)
    max_child_sitemaps: int = 50  # sitemaps read from a sitemap index per round, newest first

    def rules(self) -> FetchRules:
        return FetchRules(timeout=self.timeout, max_bytes=self.max_bytes, allow_hosts=self.allow_hosts,
                          host_delay=self.host_delay, per_host=self.per_host, retries=self.retries)


@dataclass
class PollReport:
    """What one poll round did."""

    sources: int = 0  # sources polled
    source_errors: int = 0  # sources whose poll failed
    not_modified: int = 0  # sources that answered 304 or sent the same body
    listed: int = 0  # items listed for the first time
    articles: int = 0  # documents stored for the first time
    duplicates: int = 0  # items whose article was already stored
    robots: int = 0  # items robots.txt disallows
    failed: int = 0  # items given up
    retrying: int = 0  # items left pending after a failed fetch
    stopped: bool = False
    errors: list[str] = field(default_factory=list)  # one line per failed source or item

    def line(self) -> str:
        parts = [f"{self.sources} source(s) polled"]
        notes = [f"{n} {label}" for n, label in ((self.not_modified, "unchanged"),
                                                 (self.source_errors, "failed")) if n]
        if notes:
            parts[0] += f" ({', '.join(notes)})"
        parts.append(f"{self.listed} new item(s), {self.articles} new article(s) stored, "
                     f"{self.duplicates} duplicate(s), {self.robots} disallowed by robots.txt, "
                     f"{self.retrying} to retry, {self.failed} failed")
        return "; ".join(parts) + ("; stopped" if self.stopped else "")


@dataclass
class _Listing:
    """What reading a source gave."""

    result: str  # ok, not modified, unchanged
    items: list[FeedItem] = field(default_factory=list)
    kind: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    warning: str | None = None  # a child sitemap that failed


@dataclass
class _Counts:
    polled: bool = False  # read (or failed) this round, not left unread by a stop
    new: int = 0
    errors: int = 0


def backoff(every: float, failures: int) -> float:
    """Seconds until a source that failed ``failures`` polls in a row is polled again:
    the interval, doubled for each failure after the first, at most ``MAX_BACKOFF`` (or the
    interval, when that is longer)."""
    return min(every * 2 ** max(0, failures - 1), max(every, MAX_BACKOFF))


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.I)


def normal_url(url: str | None) -> str | None:
    """The URL without fragment and tracking parameters, scheme and host in lower case."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.I)
_CANONICAL = re.compile(rb"""\brel\s*=\s*["']?canonical\b""", re.I)
_HREF = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def canonical_url(page: Fetched) -> str | None:
    """The page's ``<link rel="canonical" href=...>``, absolute and normalised, if any."""
    for tag in _LINK_TAG.finditer(page.body[:200_000]):
        if _CANONICAL.search(tag.group(0)):
            href = _HREF.search(tag.group(0))
            if href:
                value = next(g for g in href.groups() if g is not None).decode("utf-8", "replace").strip()
                if value:
                    return normal_url(urljoin(page.url, value))
    return None


def _lastmod(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


class Watcher:
    """Polls ``sources`` into the store at ``db``; see the module docstring.

    ``after_poll(store)`` is called after every round with the open store: the one place
    where alerts are computed and sent. ``pipeline`` defaults to ``Pipeline(config)``, made
    when the first article is extracted.
    """

    def __init__(self, db: str, sources: list[str], options: WatchOptions, *, config: Config,
                 pipeline: Pipeline | None = None, after_poll: AfterPoll | None = None,
                 report: Callable[[str], None] | None = None) -> None:
        self.db = db
        self.sources = list(dict.fromkeys(sources))
        self.options = options
        self.config = config
        self._pipeline = pipeline
        self.after_poll = after_poll
        self.report = report or (lambda line: log.warning("%s", line))
        self.stop_event = threading.Event()
        self.fetcher = PoliteFetcher(options.rules(), self.stop_event)
        self.pool = ThreadPoolExecutor(max_workers=max(1, options.concurrency),
                                       thread_name_prefix="geoevents-watch")
        self._listed: dict[str, dict[str, FeedItem]] = {}  # source -> key -> item, last parse

    # -- lifecycle -------------------------------------------------------------------------

    def stop(self) -> None:
        """Finish the article being extracted and stored, start nothing new, then return."""
        self.stop_event.set()

    @property
    def stopping(self) -> bool:
        return self.stop_event.is_set()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from geoevents.pipeline import Pipeline

            self._pipeline = Pipeline(self.config)
        return self._pipeline

    def run(self, *, once: bool = False) -> list[PollReport]:
        """Poll rounds until stopped (or one round polling every source, with ``once``)."""
        reports: list[PollReport] = []
        first = True
        while not self.stopping:
            try:
                reports.append(self.poll(due_only=not once))
            except StoreError as err:
                if once or first:
                    raise
                self.report(f"round skipped: {err}; trying again in {min(self.options.every, 60):g} s")
                self.stop_event.wait(min(self.options.every, 60))
                continue
            first = False
            if once or self.stopping:
                break
            self.stop_event.wait(self._until_next_round())
        return reports

    def _until_next_round(self) -> float:
        try:
            with Store(self.db, read_only=True) as store:
                state = WatchState(store)
                times = [state.source(s).next_poll_at for s in self.sources]
        except StoreError:
            return min(self.options.every, 60)
        known = [t for t in times if t is not None]
        if len(known) < len(times):
            return 1.0
        return max(1.0, min((min(known) - _utcnow()).total_seconds() + 0.5, self.options.every))

    # -- one round -------------------------------------------------------------------------

    def poll(self, *, due_only: bool = False) -> PollReport:
        """One round over the sources (only those due, with ``due_only``)."""
        report = PollReport()
        self.fetcher.forget_failed_robots()
        with Store(self.db) as store:
            state = WatchState(store)
            state.add_sources(self.sources)
            state.resolve_fetched()
            now = _utcnow()
            states = [state.source(s) for s in self.sources]
            due = [s for s in states if not due_only or s.next_poll_at is None or s.next_poll_at <= now]
            report.sources = len(due)
            counts = {s.source: _Counts() for s in due}
            self._read_sources(state, due, report, counts)
            work: list[ItemRow] = []
            for source in due:
                work += state.pending(source.source, self.options.max_items)
            if work and not self.stopping:
                self._fetch_items(store, state, work, report, counts)
            for source in due:
                if not counts[source.source].polled:
                    continue  # stopped before it was read
                current = state.source(source.source)
                current.last_new = counts[source.source].new
                current.articles_new += counts[source.source].new
                current.errors += counts[source.source].errors
                state.save_source(current)
            report.stopped = self.stopping
            if self.after_poll is not None:
                self.after_poll(store)
        if report.sources:
            self.report(report.line())
        return report

    # -- sources ---------------------------------------------------------------------------

    def _read_sources(self, state: WatchState, due: list[SourceState], report: PollReport,
                      counts: dict[str, _Counts]) -> None:
        futures = {self.pool.submit(self._read_source, s): s for s in due}
        for future in futures:  # in source order; they run concurrently meanwhile
            source = futures[future]
            while not future.done() and not self.stopping:
                wait([future], timeout=0.5)
            if not future.done():  # stopping: a source still being read is left for next time
                continue
            try:
                listing = future.result()
            except Stopped:
                continue
            except InputError as err:
                message = str(err).removeprefix(f"{err.code}: ")
                self._source_failed(state, source, message, report, counts)
                continue
            except Exception as err:  # one bad source never stops the others
                self._source_failed(state, source, f"{source.source}: {type(err).__name__}: {err}",
                                    report, counts)
                continue
            self._source_read(state, source, listing, report)
            counts[source.source].polled = True

    def _source_failed(self, state: WatchState, source: SourceState, message: str, report: PollReport,
                       counts: dict[str, _Counts]) -> None:
        now = _utcnow()
        failures = source.failures + 1
        state.save_source(replace(source, last_poll_at=now, last_result="error", last_error=message,
                                  failures=failures, polls=source.polls + 1, errors=source.errors,
                                  next_poll_at=now + timedelta(seconds=backoff(self.options.every,
                                                                               failures))))
        counts[source.source].errors += 1
        counts[source.source].polled = True
        report.source_errors += 1
        report.errors.append(message)
        self.report(f"source failed ({failures} in a row): {message}")

    def _source_read(self, state: WatchState, source: SourceState, listing: _Listing,
                     report: PollReport) -> None:
        now = _utcnow()
        if listing.result != "ok":
            report.not_modified += 1
        else:
            self._listed[source.source] = {item.key: item for item in listing.items}
            keys = [item.key for item in listing.items]
            known = state.known_keys(source.source, keys)
            new = [ItemRow(source.source, item.key, item.link, item.title)
                   for item in dict((i.key, i) for i in listing.items).values() if item.key not in known]
            state.add_items(new)  # before the validators: a crash between them lists them again
            report.listed += len(new)
        state.save_source(replace(
            source, kind=listing.kind or source.kind, title=listing.title or source.title,
            etag=listing.etag or source.etag, last_modified=listing.last_modified or source.last_modified,
            body_hash=listing.body_hash or source.body_hash, last_poll_at=now, last_ok_at=now,
            last_result=listing.result, last_error=listing.warning, failures=0, polls=source.polls + 1,
            next_poll_at=now + timedelta(seconds=self.options.every)))
        if listing.warning:
            report.errors.append(listing.warning)

    def _read_source(self, source: SourceState) -> _Listing:
        """Fetch and parse one source (in a pool thread)."""
        headers = {}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        page = self.fetcher.get(source.source, headers)
        if page.not_modified:
            return _Listing("not modified", etag=page.etag, last_modified=page.last_modified)
        if not page.body.strip():
            raise InputError(f"{source.source}: empty response")
        digest = hashlib.sha1(page.body).hexdigest()
        if digest == source.body_hash:
            return _Listing("unchanged", etag=page.etag, last_modified=page.last_modified)
        listing = _Listing("ok", etag=page.etag, last_modified=page.last_modified, body_hash=digest)
        if looks_like_sitemap(page.body):
            self._read_sitemap(source, page, listing)
        else:
            parsed = parse_feed(page.body, source.source)
            listing.kind = "feed"
            listing.title = parsed.feed.get("title") or None
            listing.items = feed_items(parsed, source.source)
        return listing

    def _read_sitemap(self, source: SourceState, page: Fetched, listing: _Listing) -> None:
        sitemap = parse_sitemap(page.body, source.source, self.options.max_bytes)
        maps = [(source.source, sitemap)]
        if sitemap.is_index:
            listing.kind = "sitemap index"
            children = sitemap.entries
            if source.last_ok_at is not None:  # only the sitemaps changed since the last good poll
                children = [c for c in children
                            if (_lastmod(c.lastmod) or datetime.max) >= source.last_ok_at - timedelta(days=1)]
            children = sorted(children, key=lambda c: _lastmod(c.lastmod) or datetime.max,
                              reverse=True)[:self.options.max_child_sitemaps]
            maps = []
            for child in children:
                try:
                    body = self.fetcher.get(child.loc).body
                    child_map = parse_sitemap(body, child.loc, self.options.max_bytes)
                except InputError as err:
                    listing.warning = listing.warning or str(err).removeprefix(f"{err.code}: ")
                    continue
                if not child_map.is_index:  # an index inside an index is not allowed: skipped
                    maps.append((child.loc, child_map))
        else:
            listing.kind = "sitemap"
        for name, child_map in maps:
            for number, entry in enumerate(child_map.entries, 1):
                listing.items.append(FeedItem(entry.loc, entry.loc, entry.title, entry.published, "",
                                              None, f"{name} url {number}"))

    # -- items -----------------------------------------------------------------------------

    def _fetch_items(self, store: Store, state: WatchState, work: list[ItemRow], report: PollReport,
                     counts: dict[str, _Counts]) -> None:
        asked = [normal_url(w.url) or "" for w in work] + [w.url or "" for w in work]
        by_url: dict[str, str | None] = {**dict.fromkeys(asked), **state.holder_by_url(asked)}
        round_urls: dict[str, str] = {}  # normalised url or canonical url -> doc id, this round
        round_texts: dict[str, str] = {}  # text hash -> doc id, this round
        followers: dict[str, list[ItemRow]] = {}  # url -> items waiting for the same page
        queue = deque(work)
        outstanding: dict[Future[Any], ItemRow] = {}
        batch: list[tuple[ItemRow, Document]] = []
        done_rows: list[ItemRow] = []

        def holder(url: str | None) -> str | None:
            """The stored document behind this URL (this round's, or the store's)."""
            key = normal_url(url)
            if not key or not url:
                return None
            for name in (key, url):
                if name not in by_url:  # a canonical URL: not asked yet
                    by_url[name] = state.holder_by_url([name]).get(name)
            return round_urls.get(key) or by_url[key] or by_url[url]

        def duplicate(item: ItemRow, doc_id: str) -> None:
            item.status, item.doc_id, item.error = "duplicate", doc_id, None
            done_rows.append(item)
            report.duplicates += 1

        def accept(item: ItemRow, outcome: Document | ItemRow | str | None) -> None:
            if outcome is None:  # stopping: the item stays pending
                return
            if isinstance(outcome, Document):
                outcome = self._checked(item, outcome, state, round_texts)
            waiting = followers.pop(normal_url(item.url) or "", [])
            if isinstance(outcome, ItemRow):
                done_rows.append(outcome)
                queue.extend(waiting)  # the leader failed: the next one tries its own luck
                return
            doc_id = outcome if isinstance(outcome, str) else outcome.id
            if isinstance(outcome, str):
                duplicate(item, doc_id)
            else:
                batch.append((item, outcome))
                for url in (item.url, item.canonical_url):
                    if normal_url(url):
                        round_urls.setdefault(normal_url(url) or "", doc_id)
                if item.text_hash:
                    round_texts.setdefault(item.text_hash, doc_id)
            for follower in waiting:
                duplicate(follower, doc_id)

        while (queue or outstanding) and not self.stopping:
            while queue and len(outstanding) < 2 * max(1, self.options.concurrency) and not self.stopping:
                item = queue.popleft()
                feed_item = self._listed.get(item.source, {}).get(item.item_key)
                found = holder(item.url)
                if found:
                    duplicate(item, found)
                elif not item.url:  # nothing to fetch: the item's own text
                    accept(item, self._from_feed_text(item, feed_item, None, report, counts))
                elif any(normal_url(item.url) == normal_url(o.url) for o in outstanding.values()):
                    followers.setdefault(normal_url(item.url) or "", []).append(item)
                else:
                    outstanding[self.pool.submit(self.fetcher.get, item.url)] = item
            if not outstanding:
                continue
            finished, _ = wait(list(outstanding), timeout=FLUSH_AFTER, return_when=FIRST_COMPLETED)
            for future in [f for f in outstanding if f in finished]:  # in the order asked
                item = outstanding.pop(future)
                accept(item, self._outcome(item, future, holder, report, counts))
            if len(batch) >= self.options.batch or (batch and (not finished or not outstanding)):
                self._flush(store, state, batch, done_rows, report, counts)
                batch, done_rows = [], []
        for future in outstanding:
            future.cancel()
        self._flush(store, state, batch, done_rows, report, counts)

    def _outcome(self, item: ItemRow, future: Future[Any], holder: Callable[[str | None], str | None],
                 report: PollReport, counts: dict[str, _Counts]) -> Document | ItemRow | str | None:
        """What a finished fetch gives: a Document to store, the id of the document it
        duplicates, the item row with its final or retry state, or None (stopping)."""
        feed_item = self._listed.get(item.source, {}).get(item.item_key)
        item.attempts += 1
        try:
            page = future.result()
        except Stopped:
            item.attempts -= 1
            return None
        except Disallowed as err:
            if err.transient:  # robots.txt could not be read: ask again next round
                return self._retry_or_fail(item, feed_item, err, report, counts)
            item.status, item.error = "robots", str(err).removeprefix(f"{err.code}: ")
            report.robots += 1
            return item
        except FetchError as err:
            return self._retry_or_fail(item, feed_item, err, report, counts)
        except InputError as err:  # over the size limit: final
            return self._from_feed_text(item, feed_item, err, report, counts)
        except Exception as err:  # one bad item never stops the round
            return self._from_feed_text(item, feed_item, InputError(f"{item.url}: {type(err).__name__}: "
                                                                   f"{err}"), report, counts)
        item.canonical_url = canonical_url(page)
        if item.canonical_url and item.canonical_url != normal_url(item.url):
            found = holder(item.canonical_url)
            if found:
                return found
        if feed_item is None:
            feed_item = FeedItem(item.item_key, item.url, item.title, None, "", None, item.url or "")
        try:
            return feed_item.page_document(page)
        except InputError as err:  # no article body: the feed's text, as ingest --follow does
            return self._from_feed_text(item, feed_item, err, report, counts)

    def _checked(self, item: ItemRow, document: Document, state: WatchState,
                 round_texts: dict[str, str]) -> Document | str:
        """The document, or the id of a stored one with the same text."""
        item.text_hash = text_hash(document.text)
        found = round_texts.get(item.text_hash) or state.holder_by_text([item.text_hash]).get(item.text_hash)
        if found and found != document.id:
            return found
        item.error = None
        return document

    def _retry_or_fail(self, item: ItemRow, feed_item: FeedItem | None, err: FetchError,
                       report: PollReport, counts: dict[str, _Counts]) -> ItemRow | Document:
        message = str(err).removeprefix(f"{err.code}: ")
        if err.transient and item.attempts < self.options.item_attempts:
            item.status, item.error = "pending", message
            counts[item.source].errors += 1
            report.retrying += 1
            report.errors.append(message)
            return item
        return self._from_feed_text(item, feed_item, err, report, counts)

    def _from_feed_text(self, item: ItemRow, feed_item: FeedItem | None, err: InputError | None,
                        report: PollReport, counts: dict[str, _Counts]) -> ItemRow | Document:
        """The item's own text in the feed when its page cannot be had, else the item failed."""
        message = str(err).removeprefix(f"{err.code}: ") if err else None
        if feed_item is not None and feed_item.text:
            try:
                document = feed_item.document()
            except InputError:
                pass
            else:
                item.error = message
                return document
        item.status = "failed"
        item.error = message or f"{item.item_key}: item has no link and no text"
        counts[item.source].errors += 1
        report.failed += 1
        report.errors.append(item.error)
        return item

    def _flush(self, store: Store, state: WatchState, batch: list[tuple[ItemRow, Document]],
               done_rows: list[ItemRow], report: PollReport, counts: dict[str, _Counts]) -> None:
        """Record the items, ingest the batch's documents, record which were stored."""
        for item, document in batch:
            item.status, item.doc_id = "fetched", document.id
        state.update_items(done_rows + [item for item, _ in batch])
        if not batch:
            return
        documents = list({document.id: document for _, document in batch}.values())
        summary = ingest(store, documents, self.pipeline, batch_size=len(documents),
                         inputs=sorted({item.source for item, _ in batch}), command="watch")
        stored = state.stored_ids([d.id for d in documents])
        written = set(summary.written)
        counted: set[str] = set()
        self.report(f"stored {len(written)} article(s) of {len(documents)} fetched ({summary.line()})")
        for item, document in batch:
            if document.id in stored:
                item.status = "stored"
                if document.id in written and document.id not in counted:
                    counted.add(document.id)
                    counts[item.source].new += 1
                    report.articles += 1
            else:
                item.status, item.error = "failed", f"{document.id}: not stored"
                counts[item.source].errors += 1
                report.failed += 1
        state.update_items([item for item, _ in batch])
