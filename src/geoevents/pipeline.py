"""Composes the stages: Document -> spaCy Doc -> mentions -> Extraction.

Extraction is a pure function of the document and the pipeline's data files:
no database, no network. ``Pipeline.version`` names the code and data that
produced a result, so stored rows can say what made them.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from geoevents import __version__
from geoevents.config import Config, load_config
from geoevents.errors import ConfigError
from geoevents.language import is_foreign
from geoevents.model import Document, Extraction
from geoevents.nlp import load_model
from geoevents.registry import get_factory
from geoevents.stage import STAGE_KEYS, Stage, StageContext

log = logging.getLogger(__name__)


def _data_fingerprint() -> str:
    """A hash of every curated data file shipped with the stages."""
    h = hashlib.sha1()
    root = Path(str(resources.files("geoevents")))
    for path in sorted(root.glob("*/data/**/*")):
        if path.is_file() and path.suffix not in (".pyc",):
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


class Pipeline:
    """The configured spaCy model plus the extraction stages, in order."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or load_config()
        self.stages: list[Stage] = []
        available: set[str] = set()
        for key, factory_name in self.config.stages.items():
            if key not in STAGE_KEYS:
                raise ConfigError(f"stage key {key!r} unknown; available: {', '.join(STAGE_KEYS)}")
            factory = get_factory(factory_name)
            missing = [r for r in factory.requires if r not in available]
            if missing:
                raise ConfigError(f"stage {factory_name} needs {', '.join(missing)} "
                                  f"from earlier stages; reorder [stages]")
            self.stages.append(factory.make(**factory.default_config))
            available.add(factory.assigns)
        self._nlp = None
        stage_names = ",".join(self.config.stages.values())
        self.version = (f"{__version__}+"
                        f"{hashlib.sha1((stage_names + self.config.model).encode()).hexdigest()[:6]}"
                        f".{_data_fingerprint()}")

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
        """Extractions in input order, one per document."""
        docs = list(documents) if not isinstance(documents, list) else documents
        for start in range(0, len(docs), max(1, self.config.batch_size) * 8):
            yield from self._extract_chunk(docs[start:start + max(1, self.config.batch_size) * 8])

    def _extract_chunk(self, docs: list[Document]) -> Iterator[Extraction]:
        reasons = [self.skip_reason(d) for d in docs]
        todo = [d for d, r in zip(docs, reasons, strict=True) if r is None]
        parsed = iter(self.nlp.pipe((d.text for d in todo), batch_size=self.config.batch_size,
                                    n_process=self.config.n_process))
        for document, reason in zip(docs, reasons, strict=True):
            if reason is not None:
                yield Extraction(id=document.id, pipeline_version=self.version, skipped=reason)
                continue
            yield self.run_stages(document, next(parsed))

    def run_stages(self, document: Document, spacy_doc) -> Extraction:  # type: ignore[no-untyped-def]
        ctx = StageContext(document=document, doc=spacy_doc)
        for stage in self.stages:
            stage(ctx)
        return Extraction(id=document.id, events=ctx.events, actors=ctx.actors,
                          timexes=ctx.timexes, quotes=ctx.quotes, places=ctx.places,
                          pipeline_version=self.version)

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))
