"""Composes the stages: Document -> spaCy Doc -> mentions -> Extraction.

Extraction is a pure function of the document and the pipeline's data files:
no database, no network. ``Pipeline.version`` names the code and data that
produced a result, so stored rows can say what made them.

With ``n_process > 1`` whole batches (parse *and* stages) run in a pool of
worker processes that lives as long as the pipeline: each worker gets the loaded
model and stage data once (forked from the parent, copy-on-write), not per
batch. spaCy's own ``n_process`` would parse in workers but run the stages in
the parent, which then becomes the bottleneck (``benchmarks/throughput.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from geoevents import __version__
from geoevents.casing import decapitalise
from geoevents.config import Config, load_config, use_config
from geoevents.errors import ConfigError
from geoevents.language import is_foreign
from geoevents.model import FAILED_PREFIX, Document, Extraction
from geoevents.nlp import load_model, parse_long
from geoevents.registry import StageFactory, get_factory
from geoevents.stage import STAGE_KEYS, Stage, StageContext
from geoevents.tone import tone
from geoevents.wrap import unwrap

log = logging.getLogger(__name__)

_WARM_UP_TEXT = ("The President of France met the German Chancellor in Berlin on Monday. "
                 '"We agreed on trade," she said.')
# The pipeline a pool worker process uses, set once by ``_init_worker``.
_WORKER_PIPELINE: Pipeline | None = None


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (kill -9, out of memory) is reparented: it exits then, and
    does not live on holding its memory."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(pipeline: Pipeline | None, config: Config, parent: int | None = None) -> None:
    global _WORKER_PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True,
                         name="geoevents-parent-watch").start()
    # forked workers inherit the parent's loaded pipeline; spawned ones build their own
    _WORKER_PIPELINE = pipeline if pipeline is not None else Pipeline(config)
    _WORKER_PIPELINE._pool = None


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _collect(chunk: list[Document], result: Future) -> Iterator[Extraction]:
    # a worker that dies (killed, out of memory) raises BrokenProcessPool here, never hangs
    for document, (language, extraction) in zip(chunk, result.result(), strict=True):
        if language and not document.language:
            document.language = language  # as skip_reason does in one process
        yield extraction


def _extract_in_worker(docs: list[Document]) -> list[tuple[str | None, Extraction]]:
    """Extract one batch in a worker; the detected language travels back with each result."""
    assert _WORKER_PIPELINE is not None
    extractions = list(_WORKER_PIPELINE._extract_serial(docs))
    return [(d.language, e) for d, e in zip(docs, extractions, strict=True)]


# Packages whose data files decide what extraction produces (the store's and the
# analysis' settings do not, so editing them must not mark documents stale for recode).
_STAGE_PACKAGES = ("actors", "time", "places", "quotes", "events")


def _data_fingerprint(user_data: Path | None = None) -> str:
    """A hash of every curated data file shipped with the stages, and of the user's own
    actor tables (``actors/people*.tsv`` in the user data folder), which change results too."""
    h = hashlib.sha1()
    root = Path(str(resources.files("geoevents")))
    paths = [p for package in _STAGE_PACKAGES for p in root.glob(f"{package}/data/**/*")]
    for path in sorted(paths):
        if path.is_file() and path.suffix not in (".pyc",):
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    if user_data is not None and (user_data / "actors").is_dir():
        for path in sorted((user_data / "actors").glob("people*.tsv")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


#: Modules every stage runs inside (the document model, the stage interface, the parse):
#: their code decides results as much as the stages' own.
_CORE_MODULES = ("model.py", "stage.py", "nlp.py", "wrap.py", "casing.py", "language.py", "pipeline.py",
                 "tone.py")


def _code_fingerprint(factories: list[StageFactory]) -> str:
    """A hash of the source files' bytes of each stage (the whole package its factory lives
    in, or the factory's module alone outside a package) and of the core modules, so that a
    rule changed in a ``.py`` file gives a new version and ``recode`` picks documents up."""
    root = Path(str(resources.files("geoevents")))
    files = {root / name for name in _CORE_MODULES}
    for factory in factories:
        module = sys.modules.get(factory.make.__module__)
        source = getattr(module, "__file__", None)
        if not source:
            continue
        path = Path(source)
        in_package = path.parent != root and (path.parent / "__init__.py").is_file()
        files |= set(path.parent.rglob("*.py")) if in_package else {path}
    h = hashlib.sha1()
    for path in sorted(files):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:8]


def _check_options(key: str, factory: StageFactory, options: dict[str, Any]) -> dict[str, Any]:
    """The ``[stages.<key>]`` options, each a keyword argument of the stage's factory."""
    accepted = [name for name, p in inspect.signature(factory.make).parameters.items()
                if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        raise ConfigError(f"[stages.{key}]: unknown option(s) {', '.join(unknown)} for "
                          f"{factory.name}; available: {', '.join(accepted) or 'none'}")
    return options


def _options_fingerprint(options: dict[str, dict[str, Any]]) -> str:
    """The stage options and the bytes of the files they name (a user lexicon...)."""
    h = hashlib.sha1(json.dumps(options, sort_keys=True, default=str).encode())
    for stage in sorted(options):
        for value in options[stage].values():
            if isinstance(value, str) and value and Path(value).expanduser().is_file():
                h.update(Path(value).expanduser().read_bytes())
    return h.hexdigest()


def _add_tone(extraction: Extraction, text: str) -> None:
    """The document's tone, and each event's: the tone of its evidence sentence (tone.py)."""
    try:
        extraction.tone = tone(text)
        for event in extraction.events:
            if event.tone is None and event.evidence is not None:
                event.tone = tone(text[event.evidence.start:event.evidence.end] or event.evidence.text)
    except Exception as err:  # never lose an extraction over its tone
        if os.environ.get("GEOEVENTS_DEBUG"):
            raise
        log.warning("document %s: tone not computed (%s: %s)", extraction.id, type(err).__name__, err)


class Pipeline:
    """The configured spaCy model plus the extraction stages, in order."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or load_config()
        use_config(self.config)  # the actors stage reads the user's dictionaries from its folder
        self.stages: list[Stage] = []
        factories: list[StageFactory] = []
        available: set[str] = set()
        for key, factory_name in self.config.stages.items():
            if key not in STAGE_KEYS:
                raise ConfigError(f"stage key {key!r} unknown; available: {', '.join(STAGE_KEYS)}")
            factory = get_factory(factory_name)
            missing = [r for r in factory.requires if r not in available]
            if missing:
                raise ConfigError(f"stage {factory_name} needs {', '.join(missing)} "
                                  f"from earlier stages; reorder [stages]")
            options = self.config.stage_options.get(key, {})
            self.stages.append(factory.make(**{**factory.default_config,
                                               **_check_options(key, factory, options)}))
            factories.append(factory)
            available.add(factory.assigns)
        self._nlp = None
        self._pool: ProcessPoolExecutor | None = None
        stage_names = ",".join(self.config.stages.values())
        if self.config.stage_options:  # a user lexicon or dictionary changes results too
            stage_names += _options_fingerprint(self.config.stage_options)
        self.version = (f"{__version__}+"
                        f"{hashlib.sha1((stage_names + self.config.model).encode()).hexdigest()[:6]}"
                        f".{_data_fingerprint(self.config.user_data_path())}"
                        f".{_code_fingerprint(factories)}")

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        if self._nlp is None:
            self._nlp = load_model(self.config.model)
        return self._nlp

    def skip_reason(self, document: Document) -> str | None:
        """Why a document is stored but not extracted, or None."""
        size = len(document.text.encode("utf-8"))
        if size > self.config.max_document_bytes:
            return f"too large ({size} bytes > {self.config.max_document_bytes})"
        if not document.text.strip():
            return "empty text"
        lang = document.language or is_foreign(document.text, self.config.languages)
        if lang and lang not in self.config.languages:
            document.language = lang
            return f"language {lang!r} is not extracted"
        return None

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions in input order, one per document.

        Any iterable is read lazily, a batch at a time, so a long stream never sits in
        memory; with ``n_process > 1`` the workers run ahead of the consumer by a few
        batches (a caller that stores results meanwhile keeps them busy).
        """
        if self.config.n_process > 1 and not (isinstance(documents, list) and len(documents) < 2):
            yield from self._extract_parallel(documents)
        else:
            yield from self._extract_serial(documents)

    def _extract_serial(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for chunk in _chunks(documents, max(1, self.config.batch_size) * 8):
            yield from self._extract_chunk(chunk)

    def _extract_parallel(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        workers = self.config.n_process
        size = max(1, self.config.batch_size)
        if isinstance(documents, list):
            # a few batches per worker, so one long article does not leave the others idle
            size = min(size, -(-len(documents) // (workers * 4)))
        pool = self._worker_pool()
        pending: deque[tuple[list[Document], Future]] = deque()
        try:
            for chunk in _chunks(documents, size):
                pending.append((chunk, pool.submit(_extract_in_worker, chunk)))
                while len(pending) > 2 * workers:
                    yield from _collect(*pending.popleft())
            while pending:
                yield from _collect(*pending.popleft())
        except BrokenProcessPool:
            self._pool = None  # a worker died: the next call starts a fresh pool
            raise

    def _worker_pool(self) -> ProcessPoolExecutor:
        """The pool of extraction processes, started on first use and kept until close()."""
        if self._pool is None:
            if "fork" in multiprocessing.get_all_start_methods():
                # load the model and the stages' data once, here: forked workers share them
                list(self._extract_serial([Document(id="warm-up", text=_WARM_UP_TEXT,
                                                    published="2025-01-01")]))
                context, inherited = multiprocessing.get_context("fork"), self
            else:  # pragma: no cover - macOS/Windows: each worker loads its own pipeline
                context, inherited = multiprocessing.get_context("spawn"), None
            self._pool = ProcessPoolExecutor(self.config.n_process, mp_context=context,
                                             initializer=_init_worker,
                                             initargs=(inherited, self.config, os.getpid()))
            weakref.finalize(self, self._pool.shutdown, wait=False, cancel_futures=True)
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, object]:
        # a pool cannot be pickled; a copy sent to another process starts its own
        state = self.__dict__.copy()
        state["_pool"] = None
        return state

    def _checked(self, document: Document) -> str | Exception | None:
        try:
            return self.skip_reason(document)
        except Exception as err:  # a text that is not a str (Python API callers)
            if os.environ.get("GEOEVENTS_DEBUG"):
                raise
            return err

    def _extract_chunk(self, docs: list[Document]) -> Iterator[Extraction]:
        reasons = [self._checked(d) for d in docs]
        todo = [d for d, r in zip(docs, reasons, strict=True) if r is None]
        parsed = self._parse(todo)
        for document, reason in zip(docs, reasons, strict=True):
            if isinstance(reason, Exception):
                yield self._failed(document, "reading", reason)
                continue
            if reason is not None:
                yield Extraction(id=document.id, pipeline_version=self.version, skipped=reason)
                continue
            spacy_doc = next(parsed)
            if isinstance(spacy_doc, Exception):
                yield self._failed(document, "parsing", spacy_doc)
                continue
            try:
                yield self.run_stages(document, spacy_doc)
            except Exception as err:  # one bad document never stops a run (docs/reliability.md)
                if os.environ.get("GEOEVENTS_DEBUG"):
                    raise
                yield self._failed(document, "extraction", err)
            del spacy_doc

    def _failed(self, document: Document, step: str, err: Exception) -> Extraction:
        reason = f"{FAILED_PREFIX} ({step}: {type(err).__name__}: {' '.join(str(err).split())[:160]})"
        log.warning("document %s: %s; stored without extraction", document.id, reason)
        return Extraction(id=document.id, pipeline_version=self.version, skipped=reason)

    def _parse(self, documents: list[Document]) -> Iterator[Doc | Exception]:
        """A spaCy Doc (or the exception that parsing raised) for each document, in order.

        Documents up to ``parse_part_chars`` characters are parsed together in batches; a longer
        one alone, in parts (``nlp.parse_long``). If a batch fails, its documents are parsed
        again one at a time, so only the document at fault is lost.
        """
        limit = self._part_chars()
        i = 0
        while i < len(documents):
            if len(documents[i].text) > limit:
                yield self._parse_one(documents[i])
                i += 1
                continue
            run = []
            while i < len(documents) and len(documents[i].text) <= limit:
                run.append(documents[i])
                i += 1
            done = 0
            try:
                # in-paragraph line breaks read as spaces (wrap.py), a wire archive's capital after
                # "U.S." as the word it is (casing.py): same length, same offsets
                for spacy_doc in self.nlp.pipe((decapitalise(unwrap(d.text)) for d in run),
                                               batch_size=self.config.batch_size):
                    done += 1
                    yield spacy_doc
            except Exception:
                if os.environ.get("GEOEVENTS_DEBUG"):
                    raise
                for document in run[done:]:
                    yield self._parse_one(document)

    def _part_chars(self) -> int:
        return max(1, min(self.config.parse_part_chars, self.nlp.max_length))

    def _parse_one(self, document: Document) -> Doc | Exception:
        try:
            return parse_long(self.nlp, decapitalise(unwrap(document.text)), self._part_chars())
        except Exception as err:
            if os.environ.get("GEOEVENTS_DEBUG"):
                raise
            return err

    def run_stages(self, document: Document, spacy_doc) -> Extraction:  # type: ignore[no-untyped-def]
        # hard-wrapped text is read with its wrapping line breaks as spaces (wrap.py): the
        # stages see the text spaCy parsed, whose offsets are the original's one for one
        if spacy_doc.text != document.text and len(spacy_doc.text) == len(document.text):
            document = dataclasses.replace(document, text=spacy_doc.text)
        ctx = StageContext(document=document, doc=spacy_doc)
        for stage in self.stages:
            try:
                stage(ctx)
            except Exception as err:
                # One odd document must not sink a whole run: the failing stage's output is
                # dropped for this document, later stages see it empty, and the user is told.
                if os.environ.get("GEOEVENTS_DEBUG"):
                    raise
                setattr(ctx, stage.assigns, [])
                log.warning("document %s: stage %s failed (%s: %s); its output is left empty",
                            document.id, getattr(stage, "name", type(stage).__name__),
                            type(err).__name__, str(err)[:200])
        extraction = Extraction(id=document.id, events=ctx.events, actors=ctx.actors,
                                timexes=ctx.timexes, quotes=ctx.quotes, places=ctx.places,
                                pipeline_version=self.version)
        _add_tone(extraction, document.text)
        return extraction

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))
