"""Ingest: documents from the sources, through the pipeline, into the store.

The orchestration above both the pipeline and the store (which is persistence only): read
batches, skip documents stored unchanged, extract the rest in one stream (worker processes
keep extracting while a batch is written), write each batch in one transaction, count,
report progress and record the run. ``recode`` re-extracts stored documents made by
another pipeline version. The dyad index of ``analysis`` is kept up to date by the write
hook it registers (``analysis/dyads.py``), imported here so that every ingest refreshes it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

import geoevents.analysis.dyads  # noqa: F401  (registers the dyad index refresh on writes)
from geoevents.model import FAILED_PREFIX, Document, Extraction
from geoevents.store import WRITE_BATCH, IngestSummary, Store, StoredItem, content_hash

if TYPE_CHECKING:  # imported by the callers that build one (spaCy loads with it)
    from geoevents.pipeline import Pipeline

#: Called as documents are done with (how many, total or None): once per document extracted
#: (after its batch is written, for a batch's last document), and once per batch for the
#: documents found stored unchanged; so a progress bar moves with extraction, not per batch.
Progress = Callable[[int, int | None], None]


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(document: Document) -> Document:
    """Lone surrogates (from JSON escapes like \\ud800) cannot be stored as UTF-8: replace
    each with U+FFFD, one code point for one, so offsets stay valid."""
    for name in ("text", "title", "url", "source", "published"):
        value = getattr(document, name)
        if value and _LONE_SURROGATE.search(value):
            setattr(document, name, _LONE_SURROGATE.sub("\ufffd", value))
    return document


@dataclass
class _Plan:
    """A batch on its way: the documents to extract, and what the store held for them."""

    size: int
    todo: list[Document]
    state: dict[str, Any]
    hashes: dict[str, str]
    extractions: list[Extraction] = field(default_factory=list)


def _plan(store: Store, documents: list[Document], pipeline: Pipeline, summary: IngestSummary,
          force: bool) -> _Plan:
    """Which documents of a batch need extracting (the rest are stored unchanged)."""
    unique: dict[str, Document] = {}
    hashes: dict[str, str] = {}
    refused = 0
    for document in documents:
        try:
            document = _storable(document)
            digest = content_hash(document)
        except Exception as err:  # e.g. a text that is not a str (Python API callers)
            summary.problems.append(f"document {document.id!r}: not stored "
                                    f"({type(err).__name__}: {str(err)[:120]})")
            refused += 1
            continue
        unique[document.id] = document  # the last copy of a repeated id wins
        hashes[document.id] = digest
    summary.unchanged += len(documents) - len(unique) - refused
    state = store.stored_state(list(unique))
    todo = []
    for doc_id, document in unique.items():
        old = state.get(doc_id)
        # a document stored as failed is tried again (the failure may have been transient)
        if not force and old and old[0] == hashes[doc_id] and old[1] == pipeline.version and not old[3]:
            summary.unchanged += 1
        else:
            todo.append(document)
    return _Plan(len(documents), todo, state, hashes)

def _write_plan(store: Store, plan: _Plan, pipeline: Pipeline, run_id: int, summary: IngestSummary) -> None:
    now = _utcnow()
    items = []
    for document, extraction in zip(plan.todo, plan.extractions, strict=True):
        old = plan.state.get(document.id)
        same_content = old is not None and old[0] == plan.hashes[document.id]
        items.append(StoredItem(document, extraction, plan.hashes[document.id],
                                (old[2] or now) if same_content and old else now))
    failures = dict(store.write(items, run_id))
    for item in items:
        if failures.get(item.document.id, "").startswith("not stored"):
            summary.problems.append(f"{item.document.id}: {failures[item.document.id]}")
            continue  # not even the document could be stored
        ex = item.extraction
        summary.written.append(item.document.id)
        if item.document.id in plan.state:
            summary.updated += 1
        else:
            summary.new += 1
        summary.events += len(ex.events)
        if ex.skipped:
            summary.skipped += 1
            if ex.skipped.startswith(FAILED_PREFIX):
                summary.failed += 1
                summary.failures.append((item.document.id, ex.skipped))
            elif item.document.language and "language" in ex.skipped:
                summary.languages[item.document.language] += 1
            else:
                summary.skip_reasons[ex.skipped.split(" (")[0]] += 1


def _run(store: Store, command: str, pipeline: Pipeline, inputs: Iterable[str],
         batches: Iterable[list[Document]], total: int | None, progress: Progress | None,
         force: bool) -> IngestSummary:
    summary = IngestSummary(run_id=store.start_run(command, pipeline.version,
                                                   asdict(pipeline.config), inputs))
    # One stream of documents through the pipeline, written a batch at a time as results
    # arrive: with worker processes, extraction of the next batches goes on while the
    # parent writes this one (a call per batch would leave the workers idle meanwhile).
    waiting: deque[_Plan] = deque()
    input_failure: list[Exception] = []

    def documents_to_extract() -> Iterator[Document]:
        try:
            for batch in batches:
                plan = _plan(store, batch, pipeline, summary, force)
                if progress and plan.size > len(plan.todo):
                    progress(plan.size - len(plan.todo), total)  # stored unchanged: done already
                if plan.todo:
                    waiting.append(plan)
                    yield from plan.todo
        except Exception as err:
            # A bad input stops the run, but only after the batches read before it are
            # extracted and written, as they would be without read-ahead.
            input_failure.append(err)

    # While worker processes extract, DuckDB's own thread pool would compete with them for
    # the same cores; writes are small batches that one thread handles as fast.
    try:
        with store.threads(1 if pipeline.config.n_process > 1 else None):
            for extraction in pipeline.extract(documents_to_extract()):
                plan = waiting[0]
                plan.extractions.append(extraction)
                if len(plan.extractions) == len(plan.todo):
                    waiting.popleft()
                    _write_plan(store, plan, pipeline, summary.run_id, summary)
                if progress:
                    progress(1, total)
        if input_failure:
            raise input_failure[0]
    except KeyboardInterrupt:
        store.finish_run(summary, "interrupted")
        raise
    except BaseException:
        store.finish_run(summary, "failed")
        raise
    store.finish_run(summary, "completed")
    return summary


def ingest(store: Store, documents: Iterable[Document], pipeline: Pipeline, *, batch_size: int = WRITE_BATCH,
           progress: Progress | None = None, inputs: Iterable[str] = (), command: str = "ingest"
           ) -> IngestSummary:
    """Extract and store documents not yet stored with the same content and pipeline version
    (``command`` names the run in the ``runs`` table: ingest, or watch for its batches)."""
    return _run(store, command, pipeline, inputs, _chunks(documents, batch_size), None, progress,
                force=False)


def recode(store: Store, pipeline: Pipeline, *, everything: bool = False, batch_size: int = WRITE_BATCH,
           progress: Progress | None = None) -> IngestSummary:
    """Re-extract stored documents made by another pipeline version (all with ``everything``)."""
    ids = store.stale_ids(None if everything else pipeline.version)
    batches = (store.load_documents(chunk) for chunk in _chunks(ids, batch_size))
    return _run(store, "recode", pipeline, [], batches, len(ids), progress, force=True)
