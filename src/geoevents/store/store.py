"""The embedded store: ingest documents through a pipeline, list what was extracted.

One ``Store`` holds one DuckDB connection. DuckDB lets one process open a file
read-write (others fail with a ``StoreError``) or several read-only; inside a
process, writes are serialised by a lock and reads use their own cursors.
Each batch of documents is written in one transaction: after an interruption
the store holds whole documents only, and re-running continues where it stopped.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from geoevents.errors import StoreError
from geoevents.model import FAILED_PREFIX, Alert, Document, Extraction, Quote
from geoevents.store.database import connect, ensure_schema
from geoevents.store.filters import events_query, quote_filters
from geoevents.store.groups import refresh_after_write
from geoevents.store.records import DocumentInfo, IngestSummary, StoredEvent, StoredQuote
from geoevents.store.rows import Batch, StoredItem
from geoevents.store.schema import EXTRACTED_TABLES, TABLES, document_columns, model_row

_UPSERT_TABLES = ("documents", "extractions")  # keyed by doc_id: replaced in place
_PRIVATE_SETTINGS = ("api_token", "db")  # never written into the store


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class _RowsFailed(Exception):
    """Rows of a batch could not be built or written because of what is in them."""

    def __init__(self, err: Exception) -> None:
        first = str(err).splitlines()[0] if str(err) else ""
        self.reason = f"{type(err).__name__}: {first[:160]}"
        super().__init__(self.reason)


#: Errors of the database itself (file, lock, disk, memory), not of one document's data: a
#: write that meets one stops the run with a StoreError.
_SYSTEM_ERRORS = (duckdb.IOException, duckdb.PermissionException, duckdb.OutOfMemoryException,
                  duckdb.FatalException, duckdb.InternalException, duckdb.ConnectionException,
                  duckdb.TransactionException, duckdb.InterruptException, duckdb.ResourceInUseException,
                  duckdb.CatalogException, duckdb.BinderException, duckdb.ParserException)


class Store:
    """A geoevents DuckDB database file; use as a context manager to close it."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._con = connect(self.path, read_only=read_only)
        self._write_lock = threading.Lock()
        try:
            ensure_schema(self._con, self.path, read_only=read_only)
        except BaseException:
            self._con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for read-only SQL (analysis, exports)."""
        return self._con.cursor()

    def _query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            return self._con.cursor().execute(sql, params or []).fetchall()
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: query failed ({str(err).splitlines()[0]})") from None

    # -- writing ---------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open Store(path) to write")

    def start_run(self, command: str, version: str, settings: dict[str, Any], inputs: Iterable[str]) -> int:
        """Record a run (ingest, recode) as running; returns its run id. Private settings
        (the API token, the database path) are never written."""
        self._require_writable()
        config = {k: v for k, v in settings.items() if k not in _PRIVATE_SETTINGS}
        with self._write_lock:
            [(run_id,)] = self._con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()
            self._con.execute(
                "INSERT INTO runs (run_id, command, pipeline_version, config, inputs, started_at, "
                "status) VALUES (?, ?, ?, ?, ?, ?, 'running')",
                [run_id, command, version, json.dumps(config), json.dumps(list(inputs)),
                 _utcnow()])
        return int(run_id)

    def finish_run(self, summary: IngestSummary, status: str) -> None:
        with self._write_lock:
            self._con.execute(
                "UPDATE runs SET finished_at = ?, status = ?, documents_new = ?, documents_updated = ?, "
                "documents_unchanged = ?, documents_skipped = ?, events = ? WHERE run_id = ?",
                [_utcnow(), status, summary.new, summary.updated, summary.unchanged, summary.skipped,
                 summary.events, summary.run_id])

    def write(self, items: list[StoredItem], run_id: int = 0) -> list[tuple[str, str]]:
        """Store documents with their extractions, replacing earlier ones, in one transaction
        with the event groups and indexes derived from them.

        A document whose rows cannot be built or written (a value out of range, a grouping
        error) does not sink the batch: the batch is written again without it, the document
        is stored as failed without its extraction, and ``(id, reason)`` is returned for it.
        Returns the failures; a database that refuses the write raises ``StoreError``.
        """
        self._require_writable()
        items = list({item.document.id: item for item in items}.values())  # a repeated id: last wins
        if not items:
            return []
        try:
            self._write_batch(items, run_id)
            return []
        except _RowsFailed:
            pass
        failures: list[tuple[str, str]] = []
        for item in items:  # one at a time, to find the documents at fault
            try:
                self._write_batch([item], run_id)
                continue
            except _RowsFailed as err:
                reason = f"{FAILED_PREFIX} (storing: {err.reason})"
            failed = StoredItem(item.document, Extraction(id=item.document.id, skipped=reason,
                                                          pipeline_version=item.extraction.pipeline_version),
                                item.content_hash, item.ingested_at)
            try:
                self._write_batch([failed], run_id)
                item.extraction = failed.extraction
            except _RowsFailed as err:  # not even the document itself: nothing stored
                reason = f"not stored ({err.reason})"
            failures.append((item.document.id, reason))
        return failures

    def _write_batch(self, items: list[StoredItem], run_id: int) -> None:
        now = _utcnow()
        batch = Batch()
        try:
            for item in items:
                batch.add(item, run_id, now)
            tables = {name: batch.table(name) for name in (*_UPSERT_TABLES, *EXTRACTED_TABLES)}
        except Exception as err:
            raise _RowsFailed(err) from None
        ids = [item.document.id for item in items]
        with self._write_lock:
            con = self._con
            con.execute("BEGIN TRANSACTION")
            try:
                [(stored,)] = con.execute("SELECT count(*) FROM documents WHERE list_contains(?, doc_id)",
                                          [ids]).fetchall()
                if stored:  # replacing: drop the old extraction's rows first
                    for table in EXTRACTED_TABLES:
                        con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [ids])
                for name, table in tables.items():
                    if table.num_rows == 0:
                        continue
                    view = f"geoevents_batch_{name}"
                    con.register(view, table)
                    try:
                        verb = "INSERT OR REPLACE" if name in _UPSERT_TABLES else "INSERT"
                        con.execute(f"{verb} INTO {name} BY NAME SELECT * FROM {view}")
                    finally:
                        try:
                            con.unregister(view)
                        except duckdb.Error:  # an aborted transaction: the insert's error counts
                            pass
                # event groups, near-duplicate marks, dyad index (store/groups.py), in the same
                # transaction: after an interruption no stored event is left without its group
                refresh_after_write(con, ids)
                con.execute("COMMIT")
            except BaseException as err:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:  # the database refused even that: it never saw a COMMIT
                    pass
                if isinstance(err, _SYSTEM_ERRORS):
                    raise StoreError(f"{self.path}: write failed, batch rolled back "
                                     f"({str(err).splitlines()[0]})") from None
                if isinstance(err, Exception):
                    raise _RowsFailed(err) from None
                raise

    def write_alerts(self, alerts: list[Alert]) -> list[Alert]:
        """Store the alerts whose key is not stored yet, stamped ``raised_at`` now; returns
        those (the new ones). An alert already stored is never raised again nor changed."""
        self._require_writable()
        if not alerts:
            return []
        columns = TABLES["alerts"]
        now = _utcnow()
        with self._write_lock:
            stored = {r[0] for r in self._con.execute(
                "SELECT key FROM alerts WHERE list_contains(?, key)", [[a.key for a in alerts]]).fetchall()}
            new = list({a.key: a for a in alerts if a.key not in stored}.values())
            for alert in new:
                alert.raised_at = now.isoformat(sep=" ")
            rows = []
            for alert in new:
                values = model_row("alerts", alert)
                rows.append([json.dumps(values[c.name])
                             if c.base_type == "JSON" and values[c.name] is not None else values[c.name]
                             for c in columns])
            if rows:
                marks = ", ".join("?" for _ in columns)
                self._con.execute("BEGIN TRANSACTION")
                try:
                    self._con.executemany(f"INSERT INTO alerts VALUES ({marks})", rows)
                    self._con.execute("COMMIT")
                except BaseException:
                    self._con.execute("ROLLBACK")
                    raise
        return new

    def alerts(self, *, since: str | None = None, limit: int | None = None) -> list[Alert]:
        """Stored alerts, oldest period first; ``since`` keeps those whose window ends on or
        after that day."""
        names = [c.name for c in TABLES["alerts"]]
        sql = f"SELECT {', '.join(names)} FROM alerts"
        params: list[Any] = []
        if since is not None:
            sql += " WHERE window_end >= CAST(? AS DATE)"
            params.append(since)
        sql += " ORDER BY period_start, window_end, scope, country_a, country_b NULLS FIRST, series, period"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        out = []
        for row in self._query(sql, params):
            data = dict(zip(names, row, strict=True))
            for name in ("events", "documents"):
                if isinstance(data[name], str):
                    data[name] = json.loads(data[name])
            for name, value in data.items():
                if isinstance(value, datetime):
                    data[name] = value.isoformat(sep=" ")
                elif hasattr(value, "isoformat"):
                    data[name] = value.isoformat()
            out.append(Alert.from_dict(data))
        return out

    def stored_state(self, ids: list[str]) -> dict[str, tuple[str, str, datetime | None, bool]]:
        """(content hash, pipeline version, first ingested, whether it failed) per stored id."""
        rows = self._query("SELECT d.doc_id, d.content_hash, d.pipeline_version, d.ingested_at, "
                           "coalesce(starts_with(d.skipped, ?), false) FROM documents d "
                           "WHERE list_contains(?, d.doc_id)",
                           [FAILED_PREFIX, ids])
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def stale_ids(self, version: str | None) -> list[str]:
        """Ids of the stored documents made by another pipeline version (all with None)."""
        sql = "SELECT doc_id FROM documents"
        params: list[Any] = []
        if version is not None:
            sql += " WHERE pipeline_version <> ?"
            params.append(version)
        return [r[0] for r in self._query(sql + " ORDER BY doc_id", params)]

    @contextmanager
    def threads(self, count: int | None) -> Iterator[None]:
        """DuckDB's thread pool limited to ``count`` threads meanwhile (None: unchanged)."""
        threads = self._con.execute("SELECT current_setting('threads')").fetchone()[0]
        if count is not None:
            self._con.execute(f"SET threads TO {int(count)}")
        try:
            yield
        finally:
            self._con.execute(f"SET threads TO {int(threads)}")

    # -- reading ---------------------------------------------------------------------------

    def load_documents(self, ids: list[str]) -> list[Document]:
        """The stored Documents, every field of ``model.Document`` read from its column."""
        columns = document_columns()
        rows = self._query(f"SELECT {', '.join(columns)} FROM documents "
                           "WHERE list_contains(?, doc_id) ORDER BY doc_id", [ids])
        return [Document(**dict(zip(columns.values(), r, strict=True))) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        found = self.load_documents([doc_id])
        return found[0] if found else None

    def extraction(self, doc_id: str) -> Extraction | None:
        """The stored Extraction of a document, exactly as the pipeline produced it."""
        rows = self._query("SELECT record FROM extractions WHERE doc_id = ?", [doc_id])
        return Extraction.from_dict(json.loads(rows[0][0])) if rows else None

    def events(self, *, actor: str | None = None, target: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, status: str | None = None,
               doc_id: str | None = None, min_tone: float | None = None, max_tone: float | None = None,
               limit: int | None = None) -> list[StoredEvent]:
        """Events, ordered by date; filters as in ``geoevents events --help``."""
        sql, params = events_query(actor=actor, target=target, type=type, since=since, until=until,
                                   status=status, doc_id=doc_id, min_tone=min_tone, max_tone=max_tone,
                                   limit=limit)
        return [StoredEvent.from_row(r) for r in self._query(sql, params)]

    def quotes(self, *, speaker: str | None = None, text: str | None = None, doc_id: str | None = None,
               limit: int | None = None) -> list[StoredQuote]:
        """Quotes, by document and position; ``speaker`` matches a name, mention or code prefix."""
        where = quote_filters(speaker=speaker, text=text, doc_id=doc_id)
        sql = (f"SELECT doc_id, position, pipeline_version, record FROM quotes {where.sql()} "
               f"ORDER BY doc_id, position")
        params = list(where.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [StoredQuote(r[0], r[1], r[2], Quote.from_dict(json.loads(r[3])))
                for r in self._query(sql, params)]

    def documents(self, *, limit: int | None = None) -> list[DocumentInfo]:
        """Stored documents (without text), newest publication first."""
        sql = ("SELECT d.doc_id, d.title, d.published, d.url, d.source, d.language, d.skipped, "
               "d.pipeline_version, d.ingested_at, "
               "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id), "
               "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id), length(d.text) "
               "FROM documents d ORDER BY d.published DESC NULLS LAST, d.doc_id")
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [DocumentInfo(*row) for row in self._query(sql, params)]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = ("documents", *EXTRACTED_TABLES, "runs")
        return {t: self._query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}

    def has_table(self, name: str) -> bool:
        """Whether the table exists: a store made before one of ``schema.ADDED_TABLES`` and
        opened read-only lacks it."""
        return bool(self._query("SELECT count(*) FROM information_schema.tables "
                                "WHERE table_schema = 'main' AND table_name = ?", [name])[0][0])

    def runs(self) -> list[dict[str, Any]]:
        cursor = self._con.cursor().execute("SELECT * FROM runs ORDER BY run_id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def meta(self) -> dict[str, str]:
        return dict(self._query("SELECT key, value FROM meta"))  # type: ignore[arg-type]
