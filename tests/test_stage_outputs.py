"""Stages publish typed objects for later stages; a helper that fails is reported, not swallowed."""

from __future__ import annotations

import dataclasses
import logging
from typing import ClassVar

import pytest

from geoevents.config import load_config
from geoevents.pipeline import Pipeline
from geoevents.stage import ActorCoder, PlaceIndex, QuoteSpans, StageContext, TimeIndex
from tests.conftest import make_doc

TEXT = "Russia condemned Ukraine on Monday in Kyiv. \"We are ready,\" Putin said."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_config(env={}))


def test_each_stage_publishes_its_typed_object(pipeline: Pipeline) -> None:
    contexts: list[StageContext] = []

    class Spy:
        name: ClassVar[str] = "spy"
        requires: ClassVar[tuple[str, ...]] = ()
        assigns: ClassVar[str] = "spy"

        def __call__(self, ctx: StageContext) -> None:
            contexts.append(ctx)

    pipeline.stages.append(Spy())
    try:
        pipeline.extract_one(make_doc(TEXT))
    finally:
        pipeline.stages.pop()
    [ctx] = contexts
    for stage, kind in (("time", TimeIndex), ("places", PlaceIndex), ("actors", ActorCoder),
                        ("quotes", QuoteSpans)):
        assert isinstance(ctx.published(stage, kind), kind), stage
    assert ctx.published("time", PlaceIndex) is None  # another stage's type is not taken for it
    quotes = ctx.published("quotes", QuoteSpans)
    assert quotes is not None and quotes.covers(TEXT.index("ready"))


def test_a_failing_helper_is_reported_with_document_and_stage(pipeline: Pipeline, caplog) -> None:
    class Broken:
        """Replaces the time stage's helper with one that raises."""

        name: ClassVar[str] = "broken"
        requires: ClassVar[tuple[str, ...]] = ()
        assigns: ClassVar[str] = "broken"

        def __call__(self, ctx: StageContext) -> None:
            def fail(token: int) -> str | None:
                raise RuntimeError("dating index out of step")
            ctx.extras["time"] = dataclasses.replace(ctx.extras["time"], date_for_token=fail)

    at = next(i for i, s in enumerate(pipeline.stages) if s.assigns == "events")
    pipeline.stages.insert(at, Broken())
    try:
        with caplog.at_level(logging.WARNING, logger="geoevents.events"):
            out = pipeline.extract_one(make_doc("Russia condemned Ukraine on Monday.", doc_id="doc-broken"))
    finally:
        pipeline.stages.pop(at)
    assert [e.plover for e in out.events if e.plover] == ["ACCUSE"]  # the event is still coded
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("geoevents.events")]
    assert warnings and all("doc-broken" in w and "time stage" in w and "dating index out of step" in w
                            for w in warnings)
