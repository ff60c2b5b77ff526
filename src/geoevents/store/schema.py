"""The store's tables, declared once: DDL, Arrow batch schemas and docs come from here.

Every extracted row carries ``doc_id`` and ``pipeline_version``; ``position`` is
the row's index in the Extraction's list, so ``(doc_id, position)`` is unique per
table. Nested records (events, quotes) also keep their full JSON in ``record``,
and ``extractions.record`` holds the whole Extraction, so the one schema of
``model.py`` round-trips through the store unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # DuckDB type, optionally with a constraint
    doc: str

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


def _actor_columns(role: str) -> tuple[Column, ...]:
    return (
        Column(f"{role}_code", "VARCHAR", f"{role} actor's CAMEO-style code (RUSGOV, IGOCST...)"),
        Column(f"{role}_name", "VARCHAR", f"{role} actor's canonical name"),
        Column(f"{role}_country", "VARCHAR", f"{role} actor's country, ISO3"),
        Column(f"{role}_sector", "VARCHAR", f"{role} actor's sector (GOV, MIL, BUS...)"),
        Column(f"{role}_kind", "VARCHAR", f"{role} mention kind (person, country, metonym...)"),
        Column(f"{role}_text", "VARCHAR", f"{role} mention text"),
        Column(f"{role}_start", "INTEGER", f"{role} mention start offset"),
        Column(f"{role}_end", "INTEGER", f"{role} mention end offset"),
    )


def _mention_columns(index_doc: str) -> tuple[Column, ...]:
    return (
        Column("doc_id", "VARCHAR NOT NULL", "the document this row was extracted from"),
        Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version that produced the row"),
        Column("position", "INTEGER NOT NULL", index_doc),
        Column("char_start", "INTEGER", "start offset into documents.text (str index)"),
        Column("char_end", "INTEGER", "end offset, exclusive"),
        Column("text", "VARCHAR", "the mention as written"),
    )


TABLES: dict[str, tuple[Column, ...]] = {
    "meta": (
        Column("key", "VARCHAR PRIMARY KEY", "setting name (schema_version, created_at...)"),
        Column("value", "VARCHAR", "its value"),
    ),
    "runs": (
        Column("run_id", "INTEGER PRIMARY KEY", "1, 2, ... in the order runs started"),
        Column("command", "VARCHAR", "ingest or recode"),
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
    "documents": (
        Column("doc_id", "VARCHAR PRIMARY KEY", "Document.id: the caller's id or a content hash"),
        Column("title", "VARCHAR", "Document.title"),
        Column("published", "VARCHAR", "Document.published as given (ISO date or datetime)"),
        Column("published_date", "DATE", "the day of `published`, when it parses"),
        Column("url", "VARCHAR", "Document.url"),
        Column("source", "VARCHAR", "Document.source (outlet or feed)"),
        Column("language", "VARCHAR", "ISO 639-1 code when given or detected as not extracted"),
        Column("text", "VARCHAR NOT NULL", "the full text; all offsets index into it"),
        Column("content_hash", "VARCHAR NOT NULL", "sha1 of the document fields except id"),
        Column("skipped", "VARCHAR", "why not extracted (not English; 'extraction failed (...)')"),
        Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version of the stored extraction"),
        Column("run_id", "INTEGER", "runs.run_id that wrote the current extraction"),
        Column("ingested_at", "TIMESTAMP", "UTC, when this content was first stored"),
        Column("extracted_at", "TIMESTAMP", "UTC, when the current extraction was written"),
    ),
    "extractions": (
        Column("doc_id", "VARCHAR PRIMARY KEY", "the document"),
        Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version that produced it"),
        Column("record", "JSON NOT NULL", "Extraction.to_dict(): read back with Extraction.from_dict"),
    ),
    "events": (
        Column("doc_id", "VARCHAR NOT NULL", "the document this event was extracted from"),
        Column("pipeline_version", "VARCHAR NOT NULL", "Pipeline.version that produced the row"),
        Column("position", "INTEGER NOT NULL", "index in Extraction.events"),
        *_actor_columns("source"),
        *_actor_columns("target"),
        Column("cameo", "VARCHAR", "CAMEO event code, leading zero kept ('042')"),
        Column("plover", "VARCHAR", "PLOVER 2021 category; NULL for CAMEO 01-02 statements"),
        Column("mode", "VARCHAR", "PLOVER mode"),
        Column("quad_class", "INTEGER", "QuadClass 1-4"),
        Column("goldstein", "DOUBLE", "Goldstein score, -10..10"),
        Column("date", "VARCHAR", "the event's own date, TIMEX3 value (2025-11-26, 2025-11, 2025-W48)"),
        Column("date_from", "DATE", "first day covered by `date`"),
        Column("date_to", "DATE", "last day covered by `date`"),
        Column("status", "VARCHAR", "occurred, planned, negated, hypothetical or reported"),
        Column("location_name", "VARCHAR", "where it happened"),
        Column("location_geonameid", "BIGINT", "GeoNames id"),
        Column("location_lat", "DOUBLE", "latitude"),
        Column("location_lon", "DOUBLE", "longitude"),
        Column("location_country", "VARCHAR", "ISO3 of the location"),
        Column("evidence_start", "INTEGER", "start offset of the supporting sentence"),
        Column("evidence_end", "INTEGER", "end offset of the supporting sentence"),
        Column("evidence_text", "VARCHAR", "the supporting sentence"),
        Column("trigger_text", "VARCHAR", "the predicate words that matched the lexicon"),
        Column("trigger_start", "INTEGER", "trigger start offset"),
        Column("trigger_end", "INTEGER", "trigger end offset"),
        Column("confidence", "DOUBLE", "0..1"),
        Column("record", "JSON NOT NULL", "Event.to_dict(): read back with Event.from_dict"),
    ),
    "actors": (
        *_mention_columns("index in Extraction.actors"),
        Column("name", "VARCHAR", "canonical name"),
        Column("country", "VARCHAR", "ISO3"),
        Column("sector", "VARCHAR", "GOV, MIL, BUS, IGO..."),
        Column("code", "VARCHAR", "CAMEO-style code"),
        Column("wikidata", "VARCHAR", "Wikidata QID"),
        Column("kind", "VARCHAR", "person, country, organisation, agent, pronoun, metonym"),
    ),
    "places": (
        *_mention_columns("index in Extraction.places"),
        Column("name", "VARCHAR", "resolved place name"),
        Column("geonameid", "BIGINT", "GeoNames id"),
        Column("lat", "DOUBLE", "latitude"),
        Column("lon", "DOUBLE", "longitude"),
        Column("country", "VARCHAR", "ISO3"),
        Column("feature", "VARCHAR", "country, admin1, city, region..."),
        Column("metonymic", "BOOLEAN", "used as an actor ('Moscow said'); never an event location"),
    ),
    "timexes": (
        *_mention_columns("index in Extraction.timexes"),
        Column("type", "VARCHAR", "TIMEX3 type: DATE TIME DURATION SET"),
        Column("value", "VARCHAR", "normalised value; NULL when unanchorable"),
    ),
    "quotes": (
        *_mention_columns("index in Extraction.quotes"),
        Column("direct", "BOOLEAN", "direct quotation (true) or reported speech"),
        Column("speaker_name", "VARCHAR", "speaker's canonical name"),
        Column("speaker_code", "VARCHAR", "speaker's code"),
        Column("speaker_country", "VARCHAR", "speaker's country, ISO3"),
        Column("speaker_text", "VARCHAR", "speaker mention as written"),
        Column("speaker_start", "INTEGER", "speaker mention start offset"),
        Column("speaker_end", "INTEGER", "speaker mention end offset"),
        Column("cue_text", "VARCHAR", "cue word (said, told...)"),
        Column("cue_start", "INTEGER", "cue start offset"),
        Column("cue_end", "INTEGER", "cue end offset"),
        Column("record", "JSON NOT NULL", "Quote.to_dict(): read back with Quote.from_dict"),
    ),
}

#: Tables rewritten for a document whenever its extraction is replaced.
EXTRACTED_TABLES: tuple[str, ...] = ("events", "actors", "places", "timexes", "quotes")



def create_statements() -> list[str]:
    """DDL for every table, idempotent."""
    statements = []
    for table, columns in TABLES.items():
        body = ",\n  ".join(f"{c.name} {c.sql}" for c in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  {body}\n)")
    return statements


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a batch written to ``table``."""
    return pa.schema([(c.name, _ARROW_TYPES[c.base_type]) for c in TABLES[table]])


def markdown_reference() -> str:
    """The table reference for docs/store.md, generated so it cannot drift."""
    lines = []
    for table, columns in TABLES.items():
        lines += [f"### `{table}`", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.sql} | {c.doc} |" for c in columns]
        lines.append("")
    return "\n".join(lines)
