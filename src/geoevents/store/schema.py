"""The store's tables, derived from the dataclasses of ``model.py``: DDL, Arrow schemas, rows, docs.

One mapping of Python types to column types (``SQL_TYPES``) and one layout per table saying
which model fields are stored how (``_LAYOUTS``): a scalar field is a column, a nested record
(an Event's ``source`` Actor, its ``location`` Place...) is flattened into ``role_field``
columns. A model field the layout does not name is stored anyway, in model order, before the
table's trailing columns: a new field in ``model.py`` reaches the store, the Parquet dataset
(``scaleout/parquet.py``) and the CSV/JSONL/Parquet exports (``store/export.py``) with no
other edit. ``col(stored=False)`` in ``model.py`` keeps a field out of the columns.

Every extracted row carries ``doc_id`` and ``pipeline_version``; ``position`` is the row's
index in the Extraction's list, so ``(doc_id, position)`` is unique per table. Nested records
(events, quotes) also keep their full JSON in ``record``, and ``extractions.record`` holds the
whole Extraction, so the one schema of ``model.py`` round-trips through the store unchanged.
``meta``, ``runs`` and ``extractions`` are the store's own bookkeeping, declared here, and so
are ``watch_sources`` and ``watch_items``, the state of ``geoevents watch`` (docs/watch.md).
Tables in ``ADDED_TABLES`` came after schema version 1: opening an older store read-write
creates them (they start empty), and readers of an older store opened read-only find them
missing (``Store.has_table``).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from geoevents import model
from geoevents.store.dates import date_interval, published_day

SCHEMA_VERSION = 3
#: What each version added; a store of an older version whose missing columns may all be
#: NULL is upgraded in place when opened for writing (``store/database.py``).
SCHEMA_CHANGES: dict[int, str] = {2: "tone columns (documents.tone, events.tone)",
                                  3: "events.date_basis (where an event's date comes from)"}

#: Python type of a model field -> DuckDB column type (``col(sql=...)`` overrides it).
SQL_TYPES: dict[type, str] = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # DuckDB type, optionally with a constraint
    doc: str
    #: the column's value from the table's model object; None for bookkeeping columns
    #: (doc_id, position, record...) that the writer fills in
    value: Callable[[Any], Any] | None = field(default=None, compare=False, repr=False)
    #: the model field the column comes from (to know which fields a layout already stores)
    source: str | None = field(default=None, compare=False, repr=False)

    @property
    def base_type(self) -> str:
        return self.sql.split()[0]


_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),  # DuckDB casts VARCHAR to JSON on insert
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


def _fields(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    """The stored fields of a model dataclass with their resolved types."""
    hints = get_type_hints(cls, vars(model))
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if f.metadata.get("stored", True)]


def _base(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def _sql(cls: type, f: dataclasses.Field[Any], tp: Any) -> str | None:
    """The column type of a field; None for a nested record (flattened by its own layout)."""
    if f.metadata.get("sql"):
        return str(f.metadata["sql"])
    base = _base(tp)
    if base in SQL_TYPES:
        return SQL_TYPES[base]
    if dataclasses.is_dataclass(base):
        return None
    raise TypeError(f"model.{cls.__name__}.{f.name}: no column type for {tp}; "
                    "add it to SQL_TYPES or give col(sql=...) or col(stored=False)")


def _get(name: str, via: str | None) -> Callable[[Any], Any]:
    if via is None:
        return lambda obj: getattr(obj, name)

    def nested(obj: Any) -> Any:
        inner = getattr(obj, via)
        return None if inner is None else getattr(inner, name)
    return nested


def fields_of(cls: type, names: Iterable[str] | None = None, *, prefix: str = "",
              rename: dict[str, str] | None = None, via: str | None = None,
              doc_prefix: str = "") -> list[Column]:
    """Columns for the scalar fields of ``cls`` (``names`` picks and orders them).

    ``via`` reads them from a nested record of the table's object (``event.source``).
    """
    found = {f.name: (f, tp) for f, tp in _fields(cls)}
    order = list(names) if names is not None else list(found)
    out = []
    for name in order:
        f, tp = found[name]
        sql = _sql(cls, f, tp)
        if sql is None:
            continue
        column = prefix + (rename or {}).get(name, name)
        out.append(Column(column, sql, doc_prefix + str(f.metadata.get("doc", "")),
                          _get(name, via), via or name))
    return out


def nested(owner: type, role: str, names: Iterable[str] | None = None) -> list[Column]:
    """``role_field`` columns for the nested record ``owner.role`` (an Actor, Place, Span)."""
    f, tp = next((f, tp) for f, tp in _fields(owner) if f.name == role)
    return fields_of(_base(tp), names, prefix=f"{role}_", via=role,
                     doc_prefix=f"{f.metadata.get('doc', role)}: ")


def _rest(cls: type, columns: list[Column]) -> list[Column]:
    """The fields of ``cls`` no column comes from yet, in model order."""
    taken = {c.source for c in columns}
    out: list[Column] = []
    for f, tp in _fields(cls):
        if f.name in taken:
            continue
        if dataclasses.is_dataclass(_base(tp)) and not f.metadata.get("sql"):
            out += nested(cls, f.name)
        else:
            out += fields_of(cls, [f.name])
    return out


def _tags(position_doc: str) -> list[Column]:
    return [
        Column("doc_id", "VARCHAR NOT NULL", "the document this row was extracted from"),
        Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version that produced the row"),
        Column("position", "INTEGER NOT NULL", position_doc),
    ]


def _record(cls: type) -> Column:
    name = cls.__name__
    return Column("record", "JSON NOT NULL", f"{name}.to_dict(): read back with {name}.from_dict")


_MENTION = {"start": "char_start", "end": "char_end"}
_ACTOR_IN_EVENT = ("code", "name", "country", "sector", "kind", "text", "start", "end")


def _own_date_interval(event: model.Event) -> tuple[date | None, date | None]:
    """The days the text's own date for the event covers; a publication day standing in for a
    date the text does not give covers none (views place such events by publication)."""
    return (None, None) if event.date_basis == "published" else date_interval(event.date)


def _location_name(event: model.Event) -> str | None:
    place = event.location
    return (place.name or place.text) if place else None


def _extraction_columns() -> list[Column]:
    """``documents`` columns from the Extraction's own fields declared with ``col()`` (its
    tone): filled from the extraction by the writer (``extraction_row``), not from the Document."""
    names = [f.name for f in dataclasses.fields(model.Extraction) if "doc" in f.metadata]
    return [dataclasses.replace(c, value=None) for c in fields_of(model.Extraction, names)]


def extraction_row(extraction: model.Extraction) -> dict[str, Any]:
    """The ``documents`` columns that come from the Extraction (see ``_extraction_columns``)."""
    return {c.name: getattr(extraction, c.source or c.name) for c in _extraction_columns()}


def _layout(cls: type, head: list[Column], tail: list[Column] | None = None) -> tuple[Column, ...]:
    """``head`` columns, then every field of ``cls`` not stored by them, then ``tail``."""
    return (*head, *_rest(cls, head), *(tail or []))


def _model_tables() -> dict[str, tuple[Column, ...]]:
    Document, Event, Actor, Place, Timex, Quote = (
        model.Document, model.Event, model.Actor, model.Place, model.Timex, model.Quote)
    return {
        "documents": _layout(Document, [
            *fields_of(Document, ["id"], rename={"id": "doc_id"}),
            *fields_of(Document, ["title", "published"]),
            Column("published_date", "DATE", "the day of `published`, when it parses",
                   lambda d: published_day(d.published), "published"),
            *fields_of(Document, ["url", "source", "language", "text"]),
        ], [
            Column("content_hash", "VARCHAR NOT NULL", "sha1 of the document fields except id"),
            Column("skipped", "VARCHAR", "why not extracted (not English; 'extraction failed (...)')"),
            *_extraction_columns(),
            Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version of the stored extraction"),
            Column("run_id", "INTEGER", "runs.run_id that wrote the current extraction"),
            Column("ingested_at", "TIMESTAMP", "UTC, when this content was first stored"),
            Column("extracted_at", "TIMESTAMP", "UTC, when the current extraction was written"),
        ]),
        "events": _layout(Event, [
            *_tags("index in Extraction.events"),
            *nested(Event, "source", _ACTOR_IN_EVENT),
            *nested(Event, "target", _ACTOR_IN_EVENT),
            *fields_of(Event, ["cameo", "plover", "mode", "quad_class", "goldstein", "date",
                               "date_basis"]),
            Column("date_from", "DATE", "first day covered by the event's own date (NULL when the "
                   "text gives none: `date` is then the publication day)",
                   lambda e: _own_date_interval(e)[0], "date"),
            Column("date_to", "DATE", "last day covered by the event's own date",
                   lambda e: _own_date_interval(e)[1], "date"),
            *fields_of(Event, ["status"]),
            Column("location_name", "VARCHAR", "location: where it happened (name, else as written)",
                   _location_name, "location"),
            *nested(Event, "location", ["geonameid", "lat", "lon", "country"]),
            *nested(Event, "evidence", ["start", "end", "text"]),
            *nested(Event, "trigger", ["text", "start", "end"]),
            *fields_of(Event, ["confidence"]),
        ], [_record(Event)]),
        "actors": _layout(Actor, [*_tags("index in Extraction.actors"),
                                  *fields_of(Actor, rename=_MENTION)]),
        "places": _layout(Place, [*_tags("index in Extraction.places"),
                                  *fields_of(Place, rename=_MENTION)]),
        "timexes": _layout(Timex, [*_tags("index in Extraction.timexes"),
                                   *fields_of(Timex, rename=_MENTION)]),
        "quotes": _layout(Quote, [
            *_tags("index in Extraction.quotes"),
            *fields_of(Quote, ["start", "end", "text", "direct"], rename=_MENTION),
            *nested(Quote, "speaker", ["name", "code", "country", "text", "start", "end"]),
            *nested(Quote, "cue", ["text", "start", "end"]),
        ], [_record(Quote)]),
        # shift alerts (analysis/alerts.py, docs/alerts.md): derived, kept so none is raised twice
        "alerts": _layout(model.Alert, []),
    }


_BOOKKEEPING: dict[str, tuple[Column, ...]] = {
    "meta": (
        Column("key", "VARCHAR PRIMARY KEY", "setting name (schema_version, created_at...)"),
        Column("value", "VARCHAR", "its value"),
    ),
    "runs": (
        Column("run_id", "INTEGER PRIMARY KEY", "1, 2, ... in the order runs started"),
        Column("command", "VARCHAR", "ingest, recode or watch"),
        Column("pipeline_version", "VARCHAR", "Pipeline.version used"),
        Column("config", "JSON", "the pipeline settings used (model, stages, languages...)"),
        Column("inputs", "JSON", "the inputs named on the command line"),
        Column("started_at", "TIMESTAMP", "UTC"),
        Column("finished_at", "TIMESTAMP", "UTC; NULL while running or after a crash"),
        Column("status", "VARCHAR", "running, completed, failed or interrupted"),
        Column("documents_new", "INTEGER", "documents stored for the first time"),
        Column("documents_updated", "INTEGER", "documents whose content or extraction was replaced"),
        Column("documents_unchanged", "INTEGER", "documents already stored with the same hash and version"),
        Column("documents_skipped", "INTEGER", "documents stored but not extracted"),
        Column("events", "INTEGER", "events written by this run"),
    ),
    "extractions": (
        Column("doc_id", "VARCHAR PRIMARY KEY", "the document"),
        Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version that produced it"),
        Column("record", "JSON NOT NULL", "Extraction.to_dict(): read back with Extraction.from_dict"),
    ),
    "watch_sources": (
        Column("source", "VARCHAR PRIMARY KEY", "a feed or sitemap URL watched, as given"),
        Column("kind", "VARCHAR", "feed, sitemap or sitemap index (as last read)"),
        Column("title", "VARCHAR", "the feed's title"),
        Column("etag", "VARCHAR", "ETag of the last full answer, sent back as If-None-Match"),
        Column("last_modified", "VARCHAR", "Last-Modified of the last full answer, sent back as "
                                           "If-Modified-Since"),
        Column("body_hash", "VARCHAR", "sha1 of the last body: an identical body is not read again"),
        Column("added_at", "TIMESTAMP", "UTC, first watched"),
        Column("last_poll_at", "TIMESTAMP", "UTC, last polled"),
        Column("last_ok_at", "TIMESTAMP", "UTC, last polled without error"),
        Column("last_result", "VARCHAR", "ok, not modified (304), unchanged (same body) or error"),
        Column("last_error", "VARCHAR", "the last poll's error, one line; NULL after a good poll"),
        Column("failures", "INTEGER", "failed polls in a row (0 after a good poll)"),
        Column("next_poll_at", "TIMESTAMP", "UTC, not polled before (backs off after failures)"),
        Column("polls", "INTEGER", "polls in total"),
        Column("errors", "INTEGER", "failed polls and failed article fetches in total"),
        Column("articles_new", "INTEGER", "articles stored from this source in total"),
        Column("last_new", "INTEGER", "articles stored by the last poll"),
    ),
    "watch_items": (
        Column("item_id", "VARCHAR PRIMARY KEY", "sha1 of source and item_key"),
        Column("source", "VARCHAR NOT NULL", "watch_sources.source that listed the item"),
        Column("item_key", "VARCHAR NOT NULL", "the item's guid or id, else its link"),
        Column("url", "VARCHAR", "the item's link (a sitemap's loc)"),
        Column("canonical_url", "VARCHAR", "the page's canonical URL (link rel=canonical), when it has one"),
        Column("title", "VARCHAR", "the item's title in the feed"),
        Column("status", "VARCHAR NOT NULL", "pending, fetched (handed to ingest), stored, duplicate, "
                                             "robots (disallowed) or failed"),
        Column("doc_id", "VARCHAR", "the stored document (for a duplicate: the one it repeats)"),
        Column("text_hash", "VARCHAR", "sha1 of the article text with spaces collapsed"),
        Column("attempts", "INTEGER", "fetches tried"),
        Column("error", "VARCHAR", "the last fetch error, one line"),
        Column("first_seen_at", "TIMESTAMP", "UTC, first listed"),
        Column("updated_at", "TIMESTAMP", "UTC, status last changed"),
    ),
}
_ORDER = ("meta", "runs", "documents", "extractions", "events", "actors", "places", "timexes", "quotes",
          "watch_sources", "watch_items", "alerts")
#: Tables added after schema version 1, created when an older store is opened read-write.
ADDED_TABLES: frozenset[str] = frozenset({"watch_sources", "watch_items", "alerts"})


def tables() -> dict[str, tuple[Column, ...]]:
    """Every table's columns, in DDL order."""
    derived = _model_tables()
    return {name: _BOOKKEEPING.get(name) or derived[name] for name in _ORDER}


TABLES: dict[str, tuple[Column, ...]] = tables()
#: ``documents`` columns filled from the Extraction (``extraction_row``), not the Document
EXTRACTION_COLUMNS: tuple[str, ...] = tuple(c.name for c in _extraction_columns())


def document_columns() -> dict[str, str]:
    """Column of the ``documents`` table -> the ``model.Document`` field stored in it."""
    names = {f.name for f, _ in _fields(model.Document)}
    return {c.name: c.source for c in TABLES["documents"]
            if c.source in names and c.value is not None and c.name != "published_date"}


def model_row(table: str, item: Any) -> dict[str, Any]:
    """The columns of ``table`` that come from the model object ``item`` (not the tags)."""
    return {c.name: c.value(item) for c in TABLES[table] if c.value is not None}


#: Tables rewritten for a document whenever its extraction is replaced.
EXTRACTED_TABLES: tuple[str, ...] = ("events", "actors", "places", "timexes", "quotes")



def create_statements() -> list[str]:
    """DDL for every table, idempotent."""
    statements = []
    for table, columns in TABLES.items():
        body = ",\n  ".join(f"{c.name} {c.sql}" for c in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  {body}\n)")
    return statements


def arrow_type(column: Column) -> pa.DataType:
    return _ARROW_TYPES[column.base_type]


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a batch written to ``table``."""
    return pa.schema([(c.name, arrow_type(c)) for c in TABLES[table]])


def markdown_reference() -> str:
    """The table reference for docs/store.md, generated so it cannot drift."""
    lines = []
    for table, columns in TABLES.items():
        lines += [f"### `{table}`", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.sql} | {c.doc} |" for c in columns]
        lines.append("")
    return "\n".join(lines)
