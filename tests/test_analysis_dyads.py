"""The dyad index gives the same relations as scanning the events, and stays current on update."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from geoevents.analysis import EventFilter, add_to_memory_store, memory_store, relations
from geoevents.analysis.dyads import build_dyad_index, dyad_index_current, update_dyad_index
from geoevents.model import Actor, Document, Event, Extraction

COUNTRIES = ["KGZ", "RUS", "USA", "CHN", "KAZ"]
CODES = [("010", 1, 0.0), ("042", 1, 1.9), ("057", 1, 8.0),
          ("061", 2, 6.4), ("112", 3, -2.0), ("190", 4, -10.0)]
STATUSES = ["occurred"] * 6 + ["planned", "negated", "hypothetical"]


def _random_pairs(seed: int, n_docs: int) -> list[tuple[Document, Extraction]]:
    rng = random.Random(seed)
    pairs = []
    for i in range(n_docs):
        events = []
        for _ in range(rng.randint(1, 6)):
            s, t = rng.sample(COUNTRIES, 2)
            code, quad, gold = rng.choice(CODES)
            date = None if rng.random() < 0.3 else f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(source=Actor(0, 1, "x", country=s, code=s + "GOV"),
                                target=Actor(0, 1, "y", country=t, code=t), cameo=code, plover=None,
                                quad_class=quad, goldstein=gold, date=date, status=rng.choice(STATUSES)))
        doc_id = f"r{seed}-{i}"
        pairs.append((Document(id=doc_id, text="text", published=f"2025-{rng.randint(1, 12):02d}-15"),
                      Extraction(id=doc_id, events=events, pipeline_version="test")))
    return pairs


@pytest.mark.parametrize("kwargs", [
    {}, {"by": "week"}, {"weighted": True}, {"directed": True},
    {"flt": EventFilter(undated="exclude")},
    {"flt": EventFilter(include_statuses=("occurred", "negated"))},
    {"flt": EventFilter(start="2025-03", end="2025-08-15")},
    {"flt": EventFilter(statements=False)},
    {"flt": EventFilter(statements=False, uncoded=False, start="2025-02")},
])
def test_dyads_index_and_scan_agree(kwargs):
    con = memory_store(_random_pairs(7, 60))
    scanned = relations(con, "KGZ", ["RUS", "USA", "CHN"], **kwargs)
    build_dyad_index(con)
    assert dyad_index_current(con)
    indexed = relations(con, "KGZ", ["RUS", "USA", "CHN"], **kwargs)
    assert scanned["events"].sum() > 0
    pd.testing.assert_frame_equal(scanned, indexed)


def test_dyads_index_goes_stale_then_updates():
    con = memory_store(_random_pairs(1, 20))
    build_dyad_index(con)
    extra = _random_pairs(2, 10)
    add_to_memory_store(con, extra)
    assert not dyad_index_current(con)  # relations scan the events until it is updated
    scanned = relations(con, "KGZ", ["RUS", "USA"])
    update_dyad_index(con, [d.id for d, _ in extra])
    assert dyad_index_current(con)
    pd.testing.assert_frame_equal(scanned, relations(con, "KGZ", ["RUS", "USA"]))
