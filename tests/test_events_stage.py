"""The events stage on sentences written for these tests: one construction each."""

from __future__ import annotations

import pytest

from geoevents.config import load_config
from geoevents.model import Event
from geoevents.pipeline import Pipeline
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def events_pipeline() -> Pipeline:
    """The configured stages that the events stage reads (it needs no quotes)."""
    config = load_config(env={})
    stages = {k: v for k, v in config.stages.items() if k != "quotes"}
    return Pipeline(config.replace(stages=stages))


def scored(pipeline: Pipeline, text: str) -> list[Event]:
    out = pipeline.extract_one(make_doc(text))
    return [e for e in out.events if e.plover]


def one(pipeline: Pipeline, text: str) -> Event:
    events = scored(pipeline, text)
    assert len(events) == 1, [(e.cameo, e.source and e.source.text) for e in events]
    return events[0]


def country(actor) -> str | None:  # type: ignore[no-untyped-def]
    return actor.country if actor is not None else None


@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    # active voice
    ("Russia condemned Ukraine on Monday.", "ACCUSE", "RUS", "UKR"),
    ("Egypt welcomed the Sudanese president in Cairo.", "CONSULT", "EGY", "SDN"),
    # passive voice: the "by" agent is the source
    ("Ukraine was attacked by Russia on Friday.", "ASSAULT", "RUS", "UKR"),
    ("A trade agreement with Vietnam was signed by Japan on Tuesday.", "SUPPORT", "JPN", "VNM"),
    # prepositional targets
    ("The Indian foreign minister held talks with his Chinese counterpart.", "CONSULT", "IND",
     "CHN"),
    # xcomp: the governing verb's category (PLOVER), the content's target
    ("Syria agreed to withdraw its troops from Lebanon.", "AGREE", "SYR", "LBN"),
    ("Iran threatened to cut off gas supplies to Turkey.", "THREATEN", "IRN", "TUR"),
    ("Chile rejected a proposal from Peru.", "REJECT", "CHL", "PER"),
])
def test_stage_roles_by_construction(events_pipeline, text: str, plover: str, source: str,
                                     target: str) -> None:
    event = one(events_pipeline, text)
    assert event.plover == plover
    assert (country(event.source), country(event.target)) == (source, target)


def test_stage_coordination_is_a_joint_event(events_pipeline) -> None:
    event = one(events_pipeline, "France and Germany agreed to expand their energy cooperation.")
    assert event.plover == "AGREE"
    assert {country(event.source), country(event.target)} == {"FRA", "DEU"}


@pytest.mark.parametrize(("text", "plover", "source", "target", "place"), [
    ("The visit of the Turkish president to Azerbaijan ended in Baku on Sunday.", "CONSULT",
     "TUR", "AZE", None),
    ("Israel's invasion of Lebanon began in June.", "ASSAULT", "ISR", "LBN", None),
])
def test_stage_nominal_events(events_pipeline, text: str, plover: str, source: str,
                              target: str, place: str | None) -> None:
    event = one(events_pipeline, text)
    assert event.plover == plover
    assert (country(event.source), country(event.target)) == (source, target)


@pytest.mark.parametrize(("text", "status", "plover"), [
    ("Japan did not sign the agreement with China.", "negated", "SUPPORT"),
    ("Brazil never recognized Kosovo.", "negated", "SUPPORT"),
    ("The Chinese foreign minister will visit Brazil next month.", "planned", "AGREE"),
    ("Officials said Pakistan had deported hundreds of Afghan refugees.", "reported", "COERCE"),
    ("If talks fail, Turkey could impose sanctions on Syria.", "hypothetical", "SANCTION"),
])
def test_stage_status(events_pipeline, text: str, status: str, plover: str) -> None:
    out = events_pipeline.extract_one(make_doc(text))
    found = [e for e in out.events if e.plover == plover]
    assert found, [(e.cameo, e.status) for e in out.events]
    assert found[0].status == status


def test_stage_planned_summit_is_agree_with_its_date(events_pipeline) -> None:
    text = "A summit of Egypt and Jordan is planned for Thursday."
    event = one(events_pipeline, text)
    assert (event.plover, event.status) == ("AGREE", "planned")
    assert event.date == "2025-11-27"  # Thursday after the publication date, 2025-11-26


def test_stage_failed_agreement_is_reject(events_pipeline) -> None:
    event = one(events_pipeline, "Armenia and Azerbaijan failed to reach an agreement on Sunday.")
    assert event.plover == "REJECT"
    assert event.status == "occurred"


def test_stage_actors_from_context_have_lower_confidence(events_pipeline) -> None:
    text = ("The Indian prime minister held talks with the Japanese prime minister in Tokyo on "
            "Monday. Several agreements were signed during the meeting.")
    events = scored(events_pipeline, text)
    talks = next(e for e in events if e.cameo.startswith("04"))
    signed = next(e for e in events if e.cameo == "057")
    assert {country(signed.source), country(signed.target)} == {"IND", "JPN"}
    assert signed.confidence < talks.confidence
    assert signed.date == talks.date


def test_stage_location_is_where_it_happened_not_a_metonym(events_pipeline) -> None:
    event = one(events_pipeline, "Kenya hosted the Somali president in Nairobi on Tuesday.")
    assert event.location is not None and event.location.text == "Nairobi"
    event = one(events_pipeline, "Moscow accused Poland of spying.")
    assert event.location is None


def test_stage_said_alone_is_a_statement_without_plover(events_pipeline) -> None:
    out = events_pipeline.extract_one(make_doc("Norway said the weather was cold."))
    assert [(e.cameo, e.plover) for e in out.events] == [("010", None)]


def test_stage_evidence_is_the_clause_within_the_text(events_pipeline) -> None:
    text = ("Kazakhstan welcomed the French president in Astana, while thousands of farmers "
            "protested against new taxes in the south.")
    out = events_pipeline.extract_one(make_doc(text))
    for e in out.events:
        assert e.evidence is not None and e.evidence.end - e.evidence.start <= 500
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
    consult = next(e for e in out.events if e.plover == "CONSULT")
    assert "farmers" not in consult.evidence.text


@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    # an unresolved pronoun under a speech verb is the speaker
    ("Hungary said it would send doctors to Serbia.", "AGREE", "HUN", "SRB"),
    # "X said that Y must ...": X's demand of Y
    ("Canada said that Venezuela must release the detained journalists.", "REQUEST", "CAN",
     "VEN"),
    # a protest with no target named is aimed at the authorities where it happens
    ("Thousands of Chilean students demonstrated in Santiago on Monday.", "PROTEST", "CHL",
     "CHL"),
    # an ethnic group is coded by where it lives
    ("Ethnic Hungarians demonstrated in Romania on Sunday.", "PROTEST", "ROU", "ROU"),
])
def test_stage_conventions(events_pipeline, text: str, plover: str, source: str,
                           target: str) -> None:
    event = one(events_pipeline, text)
    assert event.plover == plover
    assert (country(event.source), country(event.target)) == (source, target)


def test_stage_background_relative_clause_is_not_an_event(events_pipeline) -> None:
    text = "Belgium expelled two diplomats who had criticized the government."
    assert [e.plover for e in scored(events_pipeline, text)] == ["SANCTION"]


def test_stage_light_verb_measure_noun_and_coordinated_modifiers(events_pipeline) -> None:
    # "launched [five days of] exercises": the event noun behind a measure noun;
    # "Greek and Italian warships": a joint event of both
    event = one(events_pipeline, "Greek and Italian warships launched five days of naval exercises.")
    assert event.plover == "COOPERATE"
    assert {country(event.source), country(event.target)} == {"GRC", "ITA"}
