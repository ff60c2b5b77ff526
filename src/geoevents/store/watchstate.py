"""The state of ``geoevents watch`` in the store: sources polled and the items they listed.

Two tables declared in ``schema.py``: ``watch_sources`` (one row per feed or sitemap: its
validators for conditional GETs, last poll, result, error, back-off, counts) and
``watch_items`` (one row per item a source listed: its status, the document it became, the
hash of its text). Persistence only: what to do with them is ``geoevents.watch``'s.

An item's life: ``pending`` (listed, not fetched yet, or a fetch failed and will be tried
again) -> ``fetched`` (its document handed to ingest; recorded *before* the write) ->
``stored`` once the document is in ``documents``. After a crash, ``resolve_fetched`` turns
each ``fetched`` item into ``stored`` when its document was committed and back into
``pending`` otherwise, so nothing is fetched twice that was stored and nothing is lost that
was not. Final states besides ``stored``: ``duplicate`` (the same article as ``doc_id``, under
another link, canonical URL or guid), ``robots`` (robots.txt disallows it) and ``failed``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from geoevents.store.store import Store

#: Item statuses that hold (or will hold) a stored document: what later items are compared with.
HOLDING = ("stored", "fetched", "duplicate")


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def item_id(source: str, key: str) -> str:
    return hashlib.sha1(f"{source}\x00{key}".encode()).hexdigest()[:20]


@dataclass
class SourceState:
    """A ``watch_sources`` row."""

    source: str
    kind: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    added_at: datetime | None = None
    last_poll_at: datetime | None = None
    last_ok_at: datetime | None = None
    last_result: str | None = None
    last_error: str | None = None
    failures: int = 0
    next_poll_at: datetime | None = None
    polls: int = 0
    errors: int = 0
    articles_new: int = 0
    last_new: int = 0


@dataclass
class SourceStatus:
    """What ``watch --status``, the API and the dashboard show for one source."""

    source: str
    kind: str | None
    title: str | None
    last_poll_at: datetime | None
    last_ok_at: datetime | None
    next_poll_at: datetime | None
    last_result: str | None
    last_error: str | None
    failures: int
    polls: int
    errors: int
    last_new: int
    articles_new: int
    items: int
    pending: int
    duplicates: int
    robots: int
    failed: int

    def to_dict(self) -> dict[str, Any]:
        out = dict(vars(self))
        for key in ("last_poll_at", "last_ok_at", "next_poll_at"):
            out[key] = out[key].isoformat(timespec="seconds") if out[key] else None
        return out


@dataclass
class ItemRow:
    """A ``watch_items`` row to write."""

    source: str
    item_key: str
    url: str | None
    title: str | None
    status: str = "pending"
    doc_id: str | None = None
    text_hash: str | None = None
    canonical_url: str | None = None
    attempts: int = 0
    error: str | None = None

    @property
    def item_id(self) -> str:
        return item_id(self.source, self.item_key)


_SOURCE_FIELDS = [name for name in SourceState.__dataclass_fields__]
_ITEM_COLUMNS = ("item_id", "source", "item_key", "url", "canonical_url", "title", "status", "doc_id",
                 "text_hash", "attempts", "error", "first_seen_at", "updated_at")


class WatchState:
    """Reads and writes the watch tables of an open store (read-only stores: reads only)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.present = store.has_table("watch_sources") and store.has_table("watch_items")

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.store.connection.execute(sql, params or []).fetchall()

    def _write(self, statements: list[tuple[str, list[Any]]]) -> None:
        """Run the statements in one transaction."""
        cur = self.store.connection
        cur.execute("BEGIN TRANSACTION")
        try:
            for sql, params in statements:
                cur.execute(sql, params)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    # -- sources ---------------------------------------------------------------------------

    def add_sources(self, sources: Iterable[str]) -> None:
        now = _utcnow()
        self._write([("INSERT INTO watch_sources (source, added_at, failures, polls, errors, "
                      "articles_new, last_new) VALUES (?, ?, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING",
                      [s, now]) for s in sources])

    def sources(self) -> list[str]:
        if not self.present:
            return []
        return [r[0] for r in self._rows("SELECT source FROM watch_sources ORDER BY added_at, source")]

    def source(self, source: str) -> SourceState:
        rows = self._rows(f"SELECT {', '.join(_SOURCE_FIELDS)} FROM watch_sources WHERE source = ?",
                          [source])
        if not rows:
            return SourceState(source)
        state = SourceState(**dict(zip(_SOURCE_FIELDS, rows[0], strict=True)))
        for name in ("failures", "polls", "errors", "articles_new", "last_new"):
            setattr(state, name, getattr(state, name) or 0)
        return state

    def save_source(self, state: SourceState) -> None:
        fields = [f for f in _SOURCE_FIELDS if f != "source"]
        self._write([(f"INSERT INTO watch_sources ({', '.join(_SOURCE_FIELDS)}) VALUES "
                      f"({', '.join('?' * len(_SOURCE_FIELDS))}) ON CONFLICT (source) DO UPDATE SET "
                      + ", ".join(f"{f} = excluded.{f}" for f in fields),
                      [getattr(state, f) for f in _SOURCE_FIELDS])])

    # -- items -----------------------------------------------------------------------------

    def known_keys(self, source: str, keys: list[str]) -> set[str]:
        """The keys of these items that the source listed before."""
        ids = {item_id(source, k): k for k in keys}
        rows = self._rows("SELECT item_id FROM watch_items WHERE list_contains(?, item_id)", [list(ids)])
        return {ids[r[0]] for r in rows}

    def add_items(self, rows: list[ItemRow]) -> None:
        """Record newly listed items (as pending); items already recorded are left as they are."""
        if not rows:
            return
        now = _utcnow()
        placeholders = ", ".join("?" * len(_ITEM_COLUMNS))
        self._write([(f"INSERT INTO watch_items ({', '.join(_ITEM_COLUMNS)}) VALUES ({placeholders}) "
                      "ON CONFLICT DO NOTHING",
                      [r.item_id, r.source, r.item_key, r.url, r.canonical_url, r.title, r.status,
                       r.doc_id, r.text_hash, r.attempts, r.error, now, now]) for r in rows])

    def update_items(self, rows: list[ItemRow]) -> None:
        """Write the status, document, hashes, attempts and error of recorded items."""
        if not rows:
            return
        now = _utcnow()
        self._write([("UPDATE watch_items SET status = ?, doc_id = ?, text_hash = ?, canonical_url = ?, "
                      "attempts = ?, error = ?, updated_at = ? WHERE item_id = ?",
                      [r.status, r.doc_id, r.text_hash, r.canonical_url, r.attempts, r.error, now,
                       r.item_id]) for r in rows])

    def pending(self, source: str, limit: int) -> list[ItemRow]:
        """The source's items still to fetch, in the order they were first listed."""
        rows = self._rows("SELECT source, item_key, url, title, status, doc_id, text_hash, canonical_url, "
                          "attempts, error FROM watch_items WHERE source = ? AND status = 'pending' "
                          "ORDER BY first_seen_at, rowid LIMIT ?", [source, limit])
        return [ItemRow(*r[:8], attempts=r[8] or 0, error=r[9]) for r in rows]

    def resolve_fetched(self) -> None:
        """Items handed to ingest by a run that died: stored if their document was committed,
        else pending again."""
        self._write([
            ("UPDATE watch_items SET status = 'stored' WHERE status = 'fetched' AND doc_id IN "
             "(SELECT doc_id FROM documents)", []),
            ("UPDATE watch_items SET status = 'pending', doc_id = NULL WHERE status = 'fetched'", []),
        ])

    def holder_by_url(self, urls: list[str]) -> dict[str, str]:
        """url -> id of a stored document already behind it (a watched item's link or canonical
        URL, or a document ingested from that URL)."""
        urls = [u for u in dict.fromkeys(urls) if u]
        if not urls:
            return {}
        found: dict[str, str] = {}
        for url, doc_id in self._rows(
                "SELECT url, doc_id FROM documents WHERE list_contains(?, url) ORDER BY ingested_at"
                , [urls]):
            found.setdefault(url, doc_id)
        for column in ("url", "canonical_url"):
            for url, doc_id in self._rows(
                    f"SELECT {column}, doc_id FROM watch_items WHERE list_contains(?, {column}) "
                    f"AND list_contains(?, status) AND doc_id IS NOT NULL ORDER BY first_seen_at",
                    [urls, list(HOLDING)]):
                found.setdefault(url, doc_id)
        return found

    def holder_by_text(self, hashes: list[str]) -> dict[str, str]:
        """text hash -> id of a stored document with that text."""
        hashes = [h for h in dict.fromkeys(hashes) if h]
        if not hashes:
            return {}
        rows = self._rows("SELECT text_hash, doc_id FROM watch_items WHERE list_contains(?, text_hash) "
                          "AND list_contains(?, status) AND doc_id IS NOT NULL ORDER BY first_seen_at",
                          [hashes, list(HOLDING)])
        found: dict[str, str] = {}
        for text_hash, doc_id in rows:
            found.setdefault(text_hash, doc_id)
        return found

    def stored_ids(self, ids: list[str]) -> set[str]:
        rows = self._rows("SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [ids])
        return {r[0] for r in rows}

    # -- status ----------------------------------------------------------------------------

    def statuses(self) -> list[SourceStatus]:
        """Every watched source with its counts, in the order they were added."""
        if not self.present:
            return []
        rows = self._rows("""
            SELECT s.source, s.kind, s.title, s.last_poll_at, s.last_ok_at, s.next_poll_at,
                   s.last_result, s.last_error, coalesce(s.failures, 0), coalesce(s.polls, 0),
                   coalesce(s.errors, 0), coalesce(s.last_new, 0), coalesce(s.articles_new, 0),
                   coalesce(i.items, 0), coalesce(i.pending, 0), coalesce(i.duplicates, 0),
                   coalesce(i.robots, 0), coalesce(i.failed, 0)
            FROM watch_sources s LEFT JOIN (
                SELECT source, count(*) AS items, count(*) FILTER (WHERE status = 'pending') AS pending,
                       count(*) FILTER (WHERE status = 'duplicate') AS duplicates,
                       count(*) FILTER (WHERE status = 'robots') AS robots,
                       count(*) FILTER (WHERE status = 'failed') AS failed
                FROM watch_items GROUP BY source) i ON i.source = s.source
            ORDER BY s.added_at, s.source""")
        return [SourceStatus(*r) for r in rows]
