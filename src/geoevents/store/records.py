"""What the store hands back: model records tagged with where they are stored."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from geoevents.model import Event, Quote


@dataclass(slots=True)
class StoredEvent:
    doc_id: str
    position: int
    pipeline_version: str
    event: Event

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> StoredEvent:
        """From an ``events_query`` row; the event is rebuilt from its stored JSON."""
        return cls(row[0], row[1], row[2], Event.from_dict(json.loads(row[3])))

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "position": self.position,
                "pipeline_version": self.pipeline_version, **self.event.to_dict()}


@dataclass(slots=True)
class StoredQuote:
    doc_id: str
    position: int
    pipeline_version: str
    quote: Quote

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "position": self.position,
                "pipeline_version": self.pipeline_version, **self.quote.to_dict()}


@dataclass(slots=True)
class DocumentInfo:
    """A stored document without its text, with counts of what was extracted from it."""

    doc_id: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    language: str | None
    skipped: str | None
    pipeline_version: str
    ingested_at: datetime | None
    events: int
    quotes: int
    chars: int

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        out["ingested_at"] = self.ingested_at.isoformat() if self.ingested_at else None
        return out


@dataclass
class IngestSummary:
    """Counts for one ingest or recode run."""

    run_id: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # stored but not extracted (including failed)
    failed: int = 0  # stored as failed: extracting them raised an error
    events: int = 0
    languages: Counter[str] = field(default_factory=Counter)  # not-extracted languages
    skip_reasons: Counter[str] = field(default_factory=Counter)  # other reasons (size, empty)
    written: list[str] = field(default_factory=list)  # ids of documents (re)written, for follow-ups
    failures: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason), stored as failed
    problems: list[str] = field(default_factory=list)  # documents that could not be stored at all

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged

    def line(self) -> str:
        docs = "document" if self.documents == 1 else "documents"
        return (f"{self.documents} {docs}: {self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.skipped} stored without extraction"
                f"{f' ({self.failed} failed)' if self.failed else ''}; {self.events} events written")
