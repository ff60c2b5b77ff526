"""Relations time series, alignment and networks on events built by hand."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from geoevents.analysis import EventFilter, alignment, lean, memory_store, network, relation_events, relations
from geoevents.analysis.query import auto_period
from geoevents.errors import InputError
from geoevents.model import Actor, Document, Event, Extraction, Span

GOLDSTEIN = {"010": 0.0, "040": 1.0, "046": 1.0, "042": 1.9, "043": 2.8, "051": 3.4, "057": 8.0, "112": -2.0,
             "173": -5.0}
QUAD = {"010": 1, "040": 1, "046": 1, "042": 1, "043": 1, "051": 1, "057": 1, "112": 3, "173": 4}


def actor(code: str) -> Actor:
    country = None if code.startswith("IGO") else code[:3]
    return Actor(0, 3, code, name=code, country=country, sector=code[3:] or None, code=code)


def event(src: str, tgt: str, cameo: str, date: str | None, status: str = "occurred",
          text: str = "") -> Event:
    return Event(source=actor(src), target=actor(tgt), cameo=cameo, plover=None, quad_class=QUAD[cameo],
                 goldstein=GOLDSTEIN[cameo], date=date, status=status,
                 evidence=Span(0, len(text), text) if text else None)


def article(doc_id: str, published: str, *events: Event) -> tuple[Document, Extraction]:
    text = "A sentence written for the test of relations. " * 3
    return (Document(id=doc_id, text=text, title=f"Article {doc_id}", published=published),
            Extraction(id=doc_id, events=list(events), pipeline_version="test"))


@pytest.fixture()
def con():
    return memory_store([
        article("a1", "2025-11-26",
                event("RUSGOV", "KGZGOV", "042", "2025-11-26"),
                event("KGZGOV", "RUSGOV", "051", None),
                event("KGZGOV", "USAGOV", "042", None),
                event("RUSGOV", "KGZGOV", "057", None),
                event("RUSGOV", "UKR", "173", "2022")),
        article("a2", "2025-10-03",
                event("CHNGOV", "KGZGOV", "112", "2025-10-02"),
                event("KGZGOV", "CHNGOV", "042", "2025-10-01", status="negated"),
                event("KGZGOV", "USAGOV", "051", "2025-10-02", status="hypothetical")),
        article("a3", "2025-09-15", event("USAGOV", "KGZ", "043", "2025-09")),
    ])


def _row(frame: pd.DataFrame, period: str, partner: str) -> pd.Series:
    hit = frame[(frame["period"] == pd.Timestamp(period)) & (frame["partner"] == partner)]
    assert len(hit) == 1, (period, partner, frame)
    return hit.iloc[0]


@pytest.mark.parametrize("period, partner, events, cooperation, conflict, placed", [
    ("2025-11-01", "RUS", 3, 3, 0, 2),
    ("2025-11-01", "USA", 1, 1, 0, 1),
    ("2025-11-01", "CHN", 0, 0, 0, 0),
    ("2025-10-01", "CHN", 1, 0, 1, 0),  # the negated visit is left out
    ("2025-10-01", "USA", 0, 0, 0, 0),  # the hypothetical praise is left out
    ("2025-09-01", "USA", 1, 1, 0, 0),
])
def test_relations_counts_by_month(con, period, partner, events, cooperation, conflict, placed):
    frame = relations(con, "KGZ", "RUS,USA,CHN", by="month")
    row = _row(frame, period, partner)
    assert (row["events"], row["cooperation"], row["conflict"]) == (events, cooperation, conflict)
    assert row["placed_by_published"] == placed


def test_relations_goldstein_sum_and_mean(con):
    row = _row(relations(con, "KGZ", ["RUS"]), "2025-11-01", "RUS")
    assert row["goldstein_sum"] == pytest.approx(1.9 + 3.4 + 8.0)
    assert row["goldstein_mean"] == pytest.approx((1.9 + 3.4 + 8.0) / 3, abs=1e-3)


@pytest.mark.parametrize("undated, expected", [("published", 3), ("exclude", 1)])
def test_relations_undated_events_can_be_left_out(con, undated, expected):
    frame = relations(con, "KGZ", ["RUS"], flt=EventFilter(undated=undated))
    assert _row(frame, "2025-11-01", "RUS")["events"] == expected


def test_relations_statuses_can_be_included(con):
    frame = relations(con, "KGZ", ["CHN", "USA"],
                      flt=EventFilter(include_statuses=("occurred", "negated", "hypothetical")))
    assert _row(frame, "2025-10-01", "CHN")["events"] == 2
    assert _row(frame, "2025-10-01", "USA")["events"] == 1


@pytest.mark.parametrize("directed, expected", [(False, 3), (True, 1)])
def test_relations_directed_counts_only_the_country_acting(con, directed, expected):
    frame = relations(con, "KGZ", ["RUS"], directed=directed)
    assert _row(frame, "2025-11-01", "RUS")["events"] == expected


@pytest.mark.parametrize("by, period", [("day", "2025-11-26"), ("week", "2025-11-24"),
                                        ("quarter", "2025-10-01"), ("year", "2025-01-01")])
def test_relations_periods(con, by, period):
    frame = relations(con, "KGZ", ["RUS"], by=by)
    assert _row(frame, period, "RUS")["events"] == 3


def test_relations_window(con):
    frame = relations(con, "KGZ", ["USA"], flt=EventFilter(start="2025-10", end="2025-12"))
    assert frame["period"].min() == pd.Timestamp("2025-11-01")


def test_relations_normalised_by_event_volume(con):
    frame = relations(con, "KGZ", ["RUS"], normalise="events")
    row = _row(frame, "2025-11-01", "RUS")
    # November holds 4 events of the 5 in a1 (the 2022 one is placed in 2022).
    assert row["volume"] == 4
    assert row["events_share"] == pytest.approx(0.75)


def test_relations_normalised_by_articles(con):
    row = _row(relations(con, "KGZ", ["RUS"], normalise="articles"), "2025-11-01", "RUS")
    assert row["volume"] == 1 and row["events_share"] == 3


def test_relations_code_prefix_parties(con):
    frame = relations(con, "KGZGOV", ["RUSGOV"])
    assert _row(frame, "2025-11-01", "RUSGOV")["events"] == 3


@pytest.mark.parametrize("country, partners, by, message", [
    ("Kyrgyzstan!", "RUS", "month", "not a country"),
    ("KGZ", "", "month", "no partner"),
    ("KGZ", "RUS", "fortnight", "choose one of"),
])
def test_relations_bad_arguments_are_clear(con, country, partners, by, message):
    with pytest.raises(InputError, match=message):
        relations(con, country, partners, by=by)


def test_relations_bad_normalise_and_undated(con):
    with pytest.raises(InputError, match="normalise"):
        relations(con, "KGZ", "RUS", normalise="people")
    with pytest.raises(InputError, match="undated"):
        EventFilter(undated="guess")


def test_relation_events_lists_evidence_and_marks_placed(con):
    frame = relation_events(con, "KGZ", ["USA"])
    assert list(frame["cameo"]) == ["043", "042"]
    assert list(frame["placed_by_published"]) == [False, True]
    assert set(frame["title"]) == {"Article a3", "Article a1"}


def test_alignment_cooperation_share(con):
    frame = alignment(con, "KGZ", ["RUS", "USA", "CHN"])
    nov = frame[frame["period"] == pd.Timestamp("2025-11-01")].set_index("partner")
    assert nov.loc["RUS", "cooperation_share"] == pytest.approx(0.75)
    assert nov.loc["USA", "cooperation_share"] == pytest.approx(0.25)
    oct_ = frame[frame["period"] == pd.Timestamp("2025-10-01")].set_index("partner")
    assert oct_.loc["CHN", "net"] == -1
    assert math.isnan(oct_.loc["CHN", "cooperation_share"])


def test_lean_orders_partners_by_cooperation(con):
    frame = lean(con, "KGZ", ["CHN", "USA", "RUS"])
    assert list(frame["partner"]) == ["RUS", "USA", "CHN"]


@pytest.mark.parametrize("level, edge", [("country", ("RUS", "KGZ")), ("actor", ("RUSGOV", "KGZGOV"))])
def test_network_edges_and_nodes(con, level, edge):
    nodes, edges = network(con, level=level)
    hit = edges[(edges["source"] == edge[0]) & (edges["target"] == edge[1])]
    assert hit.iloc[0]["events"] == 2 and hit.iloc[0]["cooperation"] == 2
    assert edge[0] in set(nodes["id"])


def test_network_window_excludes_other_periods(con):
    _, edges = network(con, flt=EventFilter(start="2025-11-01", end="2025-11-30"))
    assert not ((edges["source"] == "RUS") & (edges["target"] == "UKR")).any()
    assert not (edges["source"] == "CHN").any()


def test_relations_max_fill_lists_only_periods_with_events(con):
    filled = relations(con, "KGZ", ["RUS", "USA", "CHN"], by="day")
    assert (filled["events"] == 0).any()  # about 80 days from September to November, most empty
    sparse = relations(con, "KGZ", ["RUS", "USA", "CHN"], by="day", max_fill=30)
    assert len(sparse) < len(filled) and (sparse.groupby("period")["events"].sum() > 0).all()
    assert sparse["events"].sum() == filled["events"].sum()
    assert len(relations(con, "KGZ", ["RUS", "USA", "CHN"], by="month", max_fill=30)) == 3 * 3


@pytest.mark.parametrize("first, last, events, by", [
    ("2025-11-01", "2025-11-20", None, "day"),
    ("2025-06-01", "2025-11-30", None, "week"),
    ("2025-01-01", "2025-12-31", None, "month"),
    ("2020-01-01", "2025-12-31", None, "quarter"),
    ("1985-01-01", "2025-12-31", None, "year"),
    ("2025-06-01", "2025-11-30", 5, "month"),  # a handful of events over half a year: by month
    ("2025-06-01", "2025-11-30", 500, "week"),
])
def test_auto_period_fits_the_span(first, last, events, by):
    assert auto_period(date.fromisoformat(first), date.fromisoformat(last), events=events) == by


def test_statements_and_uncoded_can_be_left_out_of_relations_and_network():
    sector_only = Actor(0, 3, "officials", name="officials", sector="GOV", code="GOV")
    con = memory_store([article("s1", "2025-11-26",
                                event("KGZGOV", "RUSGOV", "010", "2025-11-26"),
                                event("RUSGOV", "KGZGOV", "042", "2025-11-26"),
                                Event(source=sector_only, target=actor("KGZGOV"), cameo="042", plover=None,
                                      quad_class=1, goldstein=1.9, date="2025-11-26"),
                                Event(source=None, target=None, cameo="042", plover=None, quad_class=1,
                                      goldstein=1.9, date="2025-11-26"))])
    everything = relations(con, "KGZ", "RUS", by="month")
    no_statements = relations(con, "KGZ", "RUS", by="month", flt=EventFilter(statements=False))
    assert (everything["events"].sum(), no_statements["events"].sum()) == (2, 1)
    nodes, edges = network(con, level="country")
    assert set(nodes["id"]) == {"KGZ", "RUS"}  # the sector-only GOV is no country
    _, edges = network(con, level="country", flt=EventFilter(statements=False))
    assert list(zip(edges["source"], edges["target"], strict=True)) == [("RUS", "KGZ")]
    actors, _ = network(con, level="actor")
    assert "GOV" in set(actors["id"])
