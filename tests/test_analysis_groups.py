"""One event, many reports: event groups across articles and near-duplicate articles."""

from __future__ import annotations

import pandas as pd
import pytest

from geoevents.analysis import add_to_memory_store, memory_store, relations
from geoevents.model import Actor, Document, Event, Extraction, Place, Span
from geoevents.store.groups import cameo_compatible, minhash, rebuild_groups, update_groups

BISHKEK = Place(0, 7, "Bishkek", name="Bishkek", geonameid=1528675, lat=42.87, lon=74.59, country="KGZ",
                feature="city")
MOSCOW = Place(0, 6, "Moscow", name="Moscow", geonameid=524901, lat=55.75, lon=37.62, country="RUS",
               feature="city")
KYRGYZSTAN = Place(0, 10, "Kyrgyzstan", name="Kyrgyzstan", geonameid=1527747, lat=41.5, lon=75.0,
                   country="KGZ", feature="country")
WIRE = ("The president of Russia arrived in the Kyrgyz capital for a state visit on Wednesday and was met "
        "at the airport by his Kyrgyz counterpart, officials in both countries said in statements. The two "
        "leaders are expected to discuss trade, energy supplies, labour migration and security cooperation "
        "during the visit, which comes weeks after a summit of Central Asian leaders in Washington.")


def actor(code: str) -> Actor:
    return Actor(0, 3, code, name=code, country=code[:3], sector=code[3:] or None, code=code)


def ev(src: str, tgt: str, cameo: str, date: str | None, place: Place | None = None) -> Event:
    return Event(source=actor(src), target=actor(tgt), cameo=cameo, plover="CONSULT", quad_class=1,
                 goldstein=1.9, date=date, location=place, evidence=Span(0, 10, "evidence"))


def article(doc_id: str, events: list[Event], text: str | None = None, source: str | None = None,
            published: str = "2025-11-26") -> tuple[Document, Extraction]:
    body = text or f"Report {doc_id}: an article written for the grouping tests with its own words."
    return (Document(id=doc_id, text=body, title=doc_id, published=published, source=source),
            Extraction(id=doc_id, events=events, pipeline_version="test"))


def groups_of(con) -> pd.DataFrame:
    return con.execute("SELECT m.doc_id, m.position, m.group_id, g.num_mentions, g.num_articles, "
                       "g.num_sources FROM event_group_members m JOIN event_groups g USING (group_id) "
                       "ORDER BY m.doc_id, m.position").df()


@pytest.mark.parametrize("second, same", [
    (ev("KGZGOV", "RUSGOV", "043", "2025-11-26", BISHKEK), True),  # host a visit = make a visit, swapped
    (ev("RUS", "KGZ", "042", "2025-11-27", BISHKEK), True),  # a day later, country-level actors
    (ev("RUSGOV", "KGZGOV", "042", None, None), True),  # undated, placed by publication day
    (ev("RUSGOV", "KGZGOV", "042", "2025-11-26", KYRGYZSTAN), True),  # the country containing Bishkek
    (ev("RUSGOV", "KGZGOV", "0421", "2025-11-26", BISHKEK), True),  # a refinement of 042
    (ev("RUSGOV", "KGZGOV", "042", "2025-11-29", BISHKEK), False),  # three days apart
    (ev("RUSGOV", "KGZGOV", "042", "2025-11-26", MOSCOW), False),  # another place
    (ev("RUSGOV", "KGZGOV", "051", "2025-11-26", BISHKEK), False),  # praise is not a visit
    (ev("KGZGOV", "RUSGOV", "042", "2025-11-26", BISHKEK), False),  # the visit the other way round
    (ev("RUSGOV", "KAZGOV", "042", "2025-11-26", BISHKEK), False),  # another dyad
])
def test_groups_match_reports_of_one_event(second, same):
    con = memory_store([article("a", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26", BISHKEK)], source="one"),
                        article("b", [second], source="two")])
    update_groups(con, ["a", "b"])
    frame = groups_of(con)
    assert (frame["group_id"].nunique() == 1) is same
    if same:
        assert list(frame["num_articles"]) == [2, 2] and list(frame["num_sources"]) == [2, 2]


def test_groups_coarse_dates_match_only_within_their_interval():
    con = memory_store([article("old", [ev("RUSGOV", "KGZGOV", "042", "2023-10")]),
                        article("new", [ev("RUSGOV", "KGZGOV", "042", None)]),  # published 2025-11-26
                        article("same-month", [ev("RUSGOV", "KGZGOV", "042", "2023-10-01")])])
    update_groups(con, ["old", "new", "same-month"])
    groups = dict(con.execute("SELECT doc_id, group_id FROM event_group_members").fetchall())
    assert groups["old"] != groups["new"]
    assert groups["old"] == groups["same-month"]


def test_groups_symmetric_talks_match_either_order():
    con = memory_store([article("a", [ev("RUSGOV", "KGZGOV", "040", "2025-11-26")]),
                        article("b", [ev("KGZGOV", "RUSGOV", "046", "2025-11-26")])])
    update_groups(con, ["a", "b"])
    assert groups_of(con)["group_id"].nunique() == 1


def test_groups_near_duplicate_articles_count_once():
    copy = WIRE.replace("on Wednesday", "on Wednesday morning") + " (Reporting by a wire desk.)"
    con = memory_store([
        article("wire-1", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26")], text=WIRE, source="site-a"),
        article("wire-2", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26")], text=copy, source="site-b"),
        article("other", [ev("KGZGOV", "RUSGOV", "043", "2025-11-26")], source="site-c"),
    ])
    update_groups(con, ["wire-1", "wire-2", "other"])
    dups = dict(con.execute("SELECT doc_id, duplicate_of FROM document_fingerprints").fetchall())
    assert dups["wire-2"] == "wire-1" and dups["wire-1"] is None and dups["other"] is None
    frame = groups_of(con)
    assert frame["group_id"].nunique() == 1
    assert relations(con, "KGZ", ["RUS"], weighted=True).iloc[0]["events"] == 2  # reports: articles
    assert frame.iloc[0]["num_mentions"] == 3
    assert frame.iloc[0]["num_articles"] == 2  # the wire copy counts once
    assert frame.iloc[0]["num_sources"] == 3


def test_groups_are_incremental_and_idempotent():
    con = memory_store([article("a", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26")])])
    update_groups(con, ["a"])
    add_to_memory_store(con, [article("b", [ev("KGZGOV", "RUSGOV", "043", "2025-11-26")])])
    update_groups(con, ["b"])
    assert groups_of(con)["num_articles"].tolist() == [2, 2]
    update_groups(con, ["a", "b"])  # re-extracted: memberships replaced, not added
    frame = groups_of(con)
    assert len(frame) == 2 and frame["num_mentions"].tolist() == [2, 2]
    assert rebuild_groups(con) == 2
    assert groups_of(con)["num_articles"].tolist() == [2, 2]


def test_groups_relations_count_events_once_or_every_report():
    con = memory_store([article("a", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26")]),
                        article("b", [ev("KGZGOV", "RUSGOV", "043", "2025-11-26")])])
    update_groups(con, ["a", "b"])
    once = relations(con, "KGZ", ["RUS"]).iloc[0]["events"]
    every = relations(con, "KGZ", ["RUS"], weighted=True).iloc[0]["events"]
    assert (once, every) == (1, 2)


@pytest.mark.parametrize("a, b, compatible", [("042", "042", True), ("042", "0421", True),
                                              ("040", "046", True), ("042", "046", False),
                                              ("042", "051", False), ("", "042", False)])
def test_groups_cameo_compatibility(a, b, compatible):
    assert cameo_compatible(a, b) is compatible


def test_groups_short_texts_get_no_fingerprint():
    assert minhash("Too short to compare.") is None
    assert minhash(WIRE) is not None


def test_groups_store_writes_keep_groups_and_dyad_index_current(tmp_path):
    from datetime import UTC, datetime

    from geoevents.analysis.dyads import build_dyad_index, dyad_index_current
    from geoevents.store import Store, StoredItem, content_hash

    now = datetime.now(UTC).replace(tzinfo=None)
    first = article("a", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26")])
    second = article("b", [ev("KGZGOV", "RUSGOV", "043", "2025-11-26")])
    with Store(tmp_path / "s.duckdb") as store:
        store.write([StoredItem(*first, content_hash(first[0]), now)])
        build_dyad_index(store.connection)
        store.write([StoredItem(*second, content_hash(second[0]), now)])
        con = store.connection
        assert groups_of(con)["num_articles"].tolist() == [2, 2]
        assert dyad_index_current(con)
        assert relations(con, "KGZ", ["RUS"], weighted=True).iloc[0]["events"] == 2


def _grouping_state(con) -> tuple[list, list]:
    members = con.execute("SELECT m.doc_id, m.position, m.group_id, g.num_mentions, g.num_articles, "
                          "g.num_sources, g.source_key, g.target_key, g.cameo, g.day "
                          "FROM event_group_members m JOIN event_groups g USING (group_id) "
                          "ORDER BY m.doc_id, m.position").fetchall()
    marks = con.execute("SELECT doc_id, duplicate_of FROM document_fingerprints ORDER BY doc_id").fetchall()
    return members, marks


def _batch_articles() -> list[tuple[Document, Extraction]]:
    rewrite = WIRE.replace("state visit", "two-day state visit") + " Both sides praised the talks."
    return [
        article("a1", [ev("RUSGOV", "KGZGOV", "042", "2025-11-26", BISHKEK),
                       ev("KGZGOV", "RUSGOV", "046", None)], text=WIRE, source="one"),
        article("a2", [ev("KGZGOV", "RUSGOV", "043", "2025-11-26", KYRGYZSTAN)], text=rewrite, source="two"),
        article("a3", [ev("RUSGOV", "KGZGOV", "042", "2025-11-29", MOSCOW),
                       ev("RUS", "KGZ", "0421", "2025-11-27", BISHKEK)], text=WIRE, source="three"),
        article("a4", [ev("KGZGOV", "RUSGOV", "040", "2025-11-26"), ev("RUSGOV", "KAZGOV", "042", None)]),
        article("a5", [ev("RUSGOV", "KGZGOV", "042", "2025-11")], text=rewrite + " More later."),
    ]


@pytest.mark.parametrize("batch_size", [1, 2, 5])
def test_groups_batched_update_matches_one_document_at_a_time(batch_size):
    """Batches (stored candidates fetched once, duplicates inside the batch) change nothing."""
    articles = _batch_articles()
    ids = [doc.id for doc, _ in articles]
    reference = memory_store(articles)
    for doc_id in ids:
        update_groups(reference, [doc_id])
    batched = memory_store(articles)
    for start in range(0, len(ids), batch_size):
        update_groups(batched, ids[start:start + batch_size])
    expected = _grouping_state(reference)
    assert _grouping_state(batched) == expected
    assert any(mark for _, mark in expected[1])  # the scenario does contain near-duplicates
    assert len({row[2] for row in expected[0]}) < len(expected[0])  # ... and shared groups
    update_groups(batched, ids[::-1])  # all re-extracted at once: the same state again
    update_groups(reference, ids)
    assert _grouping_state(batched) == _grouping_state(reference)


@pytest.mark.parametrize("texts", [[WIRE], [WIRE, "Too short to compare.", WIRE.upper() + " Extra words."],
                                   ["Too short to compare."]])
def test_groups_minhash_many_matches_single_signatures(texts):
    from geoevents.store.groups import minhash_many

    for many, text in zip(minhash_many(texts), texts, strict=True):
        single = minhash(text)
        assert (many is None and single is None) or (many == single).all()
