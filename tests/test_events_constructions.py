"""Constructions of issue 13 on sentences these tests write: coordination, agentless
passives, appeals as requests, statements that are acts, and the CAMEO verb dictionary."""

from __future__ import annotations

import pytest

from geoevents.events.statements import statement_act
from geoevents.model import Event
from tests.conftest import make_doc


def scored(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc(text))
    return [e for e in out.events if e.plover and e.status not in ("negated", "hypothetical")]


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.plover, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in events}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("The United States, Britain and France imposed sanctions on Iran on Tuesday.",
     {("SANCTION", "USA", "IRN"), ("SANCTION", "GBR", "IRN"), ("SANCTION", "FRA", "IRN")}),
    ("Germany and Poland condemned Russia.", {("ACCUSE", "DEU", "RUS"), ("ACCUSE", "POL", "RUS")}),
    # backing is aimed at someone: coordinated backers are no joint pair (CAMEO 051)
    ("Canada, Japan and Britain backed Kenya.",
     {("SUPPORT", "CAN", "KEN"), ("SUPPORT", "JPN", "KEN"), ("SUPPORT", "GBR", "KEN")}),
])
def test_events_coordinated_sources_give_one_event_each(pipeline, text: str,
                                                        expected: set) -> None:  # type: ignore[type-arg]
    assert expected <= dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Two Russian journalists were arrested in Moscow on Monday.", "RUS", "RUS"),
    ("Three Iranian diplomats were expelled from France.", "FRA", "IRN"),
])
def test_events_agentless_passive_is_the_authorities(pipeline, text: str, source: str,
                                                     target: str) -> None:
    events = [e for e in scored(pipeline, text) if e.plover in ("COERCE", "SANCTION")]
    assert events, text
    assert events[0].source is not None and events[0].source.code == f"{source}GOV"
    assert events[0].target is not None and events[0].target.country == target


@pytest.mark.issue(13)
def test_events_agentless_undermining_is_no_act_of_the_authorities(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 160 (the dictionary's UNDERMINE block) is a stance, not a measure like 161-166: a
    tanker "sabotaged off the coast" of a country was not sabotaged by its government."""
    text = "Peru said two of its oil tankers had been sabotaged off the coast of Ecuador."
    assert not [e for e in scored(pipeline, text) if e.source is not None and e.source.country == "ECU"]
    assert dyads(scored(pipeline, "Three Peruvian diplomats were expelled from Ecuador.")) \
        == {("SANCTION", "ECU", "PER")}


@pytest.mark.issue(13)
def test_events_asylum_granted_unnamed_is_the_host_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 075: asylum is given by the authorities of the country where it is granted."""
    events = [e for e in scored(pipeline, "Four Peruvian journalists were granted asylum in Chile.")
              if e.plover == "AID"]
    assert [(e.source.code if e.source else None, e.target.country if e.target else None)
            for e in events] == [("CHLGOV", "PER")]
    # no place named: nobody to give it (never the asylum seekers' own country)
    assert not [e for e in scored(pipeline, "Four Peruvian journalists were granted asylum.")
                if e.plover == "AID"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source"), [
    ("Chilean troops were deployed along the border on Monday.", "CHL"),
    # PLOVER MOBILIZE 'police': a force named without a country is the place's
    ("Riot police were deployed in Lima on Monday.", "PER"),
])
def test_events_agentless_passive_forces_are_their_own_sides(pipeline, text: str,
                                                           source: str) -> None:
    events = [e for e in scored(pipeline, text) if e.plover == "MOBILIZE"]
    assert events and events[0].source is not None and events[0].source.country == source


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Germany called on Russia to withdraw its troops from the border.",
    "France appealed to Iran to release the detained sailors.",
    # CAMEO.2.0 CALL: "* (UPON)" [020] as "* (ON)", also with a clause of what is asked
    "France called upon Iran to release the detained sailors.",
])
def test_events_appeals_are_requests(pipeline, text: str) -> None:
    assert ("REQUEST", text.split()[0].replace("Germany", "DEU").replace("France", "FRA"),
            "RUS" if "Russia" in text else "IRN") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_call_for_noun_is_a_request(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The noun of CALL_FOR (CAMEO 02): "renewed its call for talks with X" asks X."""
    text = "Chile renewed its call for border talks with Peru."
    assert ("REQUEST", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    ("Serbia's prime minister said that the Kosovo government's decision was a dangerous "
     "and shameful provocation.", "ACCUSE", "SRB", "XKX"),
    ("The Indian foreign minister said that Japan's leadership had been wonderful and "
     "truly inspiring.", "SUPPORT", "IND", "JPN"),
    # the clause judges an act its subject names: the act's author is whom it is about
    ("Bolivia said the Chilean embargo was illegal and unacceptable.", "ACCUSE", "BOL", "CHL"),
    ("Peru said the Chilean raid was a flagrant violation of its sovereignty.", "ACCUSE", "PER",
     "CHL"),
])
def test_events_statement_content_is_the_act(pipeline, text: str, plover: str, source: str,
                                             target: str) -> None:
    assert (plover, source, target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_neutral_statement_stays_a_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc("Japan's trade minister said that India would hold "
                                        "elections in May."))
    assert not [e for e in out.events if e.plover in ("ACCUSE", "SUPPORT")]


@pytest.mark.parametrize(("text", "code"), [
    ("the decision was illegal, shameful and a dangerous provocation", "111"),
    ("the talks were excellent and very successful", "051"),
    ("the meeting will take place on Monday", None),
])
def test_events_statement_act_by_valence(text: str, code: str | None) -> None:
    assert statement_act(text) == code


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    # verbs that only the CAMEO verb dictionary lists, between coded actors
    ("Iraq snubbed Iran.", "ACCUSE"),
    ("The Kenyan president berated Somalia on Monday.", "ACCUSE"),
])
def test_events_dictionary_verbs_code_events(pipeline, text: str, plover: str) -> None:
    assert plover in {e.plover for e in scored(pipeline, text)}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    # CAMEO.2.0 "FACE * CRITICISM [:111]", "GET * SUPPORT [:051]", "RECEIVE * TANKS [:072]",
    # "FACE * PRESSURE [:100]": the object's party acts on the subject
    ("Chile faced stiff international and Peruvian criticism on Tuesday.", "ACCUSE", "PER", "CHL"),
    ("Chile got support from Peru for its bid.", "SUPPORT", "PER", "CHL"),
    ("Chile received 20 tanks from Peru.", "AID", "PER", "CHL"),
    ("Chile faced pressure from Peru to open its markets.", "REQUEST", "PER", "CHL"),
])
def test_events_dictionary_reversed_roles(pipeline, text: str, plover: str, source: str,
                                          target: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, text))
    assert (plover, source, target) in found
    assert (plover, target, source) not in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Peruvian air strikes on Chilean border posts.", ("ASSAULT", "PER", "CHL")),
    ("Chilean opposition protests in Santiago.", ("PROTEST", "CHL", "CHL")),
])
def test_events_noun_heading_its_clause_has_its_own_roles(pipeline, text: str,
                                                          expected: tuple) -> None:  # type: ignore[type-arg]
    # a headline-like clause with no verb: the event noun's own phrase names its parties
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chilean President Boric met President Castillo on Monday.",
    "Chilean President Boric will meet President Castillo on Monday.",
])
def test_events_unknown_titled_partner_is_no_compatriot(pipeline, text: str) -> None:
    # a meeting's partner the text does not identify is not the source's own country
    assert ("CONSULT", "CHL", "CHL") not in dyads(scored(pipeline, text))
    assert ("AGREE", "CHL", "CHL") not in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_rallying_behind_a_party_supports_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 053 rally support on behalf of; the pattern's own preposition names the party
    assert ("SUPPORT", "PER", "CHL") in dyads(scored(
        pipeline, "Peruvian lawmakers rallied behind the Chilean government on Monday."))
    crowd = scored(pipeline, "Thousands of Peruvians rallied in Lima on Sunday.")
    assert "PROTEST" in {e.plover for e in crowd}


@pytest.mark.issue(13)
def test_events_calling_a_strike_is_the_strike(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0 CALL "* STRIKE (FOR RESIGNATION)" [1431]: called is the strike (PROTEST),
    # not a statement; calling it off is no protest (PLOVER CONCEDE: suspending protests)
    assert ("PROTEST", "CHL", "CHL") in dyads(scored(
        pipeline, "Chilean unions called a general strike on Thursday."))
    # a strike called for a coming day is announced, not yet held: a planned protest is a
    # threat of one (CAMEO 1382 threaten with political dissent or protest)
    assert ("THREATEN", "CHL", "CHL") in dyads(scored(
        pipeline, "Chilean unions called a general strike for Thursday."))
    assert "PROTEST" not in {e.plover for e in scored(
        pipeline, "Chilean unions called off the strike on Thursday.")}


@pytest.mark.issue(13)
def test_events_killed_in_a_crash_is_no_assault(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0 KILL "CRASH * [---]", "{&AIRCRAFT CRASH} * [---]": in the passive the crash
    # stands after the verb; PLOVER ASSAULT is intended harm
    assert "ASSAULT" not in {e.plover for e in scored(
        pipeline, "Two Chilean soldiers were killed in a plane crash near Lima.")}
    assert ("ASSAULT", "PER", "CHL") in dyads(scored(
        pipeline, "Two Chilean soldiers were killed in an ambush in Peru."))


@pytest.mark.issue(13)
def test_events_dictionary_verb_needs_coded_actors(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a verb coded by the dictionary's default alone, with no coded actors: no event
    assert scored(pipeline, "The company snubbed the offer.") == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    # CAMEO 195: an air strike is aerial force, not a labour strike
    ("Israeli air strikes hit Gaza on Monday.", "ASSAULT", "ISR", "PSE"),
    # a CAMEO dictionary pattern ("RULE_OUT * TALKS" [125]) beats the object's event noun
    ("Turkey ruled out talks with Greece.", "REJECT", "TUR", "GRC"),
    # the passive subject of a raising verb is its complement's subject
    ("Japan is expected to impose tariffs on American steel next month.", "THREATEN", "JPN",
     "USA"),
])
def test_events_constructions_code(pipeline, text: str, plover: str, source: str,
                                   target: str) -> None:
    assert (plover, source, target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_background_event_dated_by_its_year(pipeline) -> None:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc("The 1979 Soviet invasion of Afghanistan still shapes "
                                        "Russian policy.", published="2024-03-05"))
    invasion = [e for e in out.events if e.trigger is not None and e.trigger.text == "invasion"]
    assert invasion and invasion[0].date == "1979"


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "absent"), [
    # intransitive "decline" is a decrease, not a refusal (CAMEO 120 needs what is refused)
    ("Japanese exports declined sharply, the finance ministry said.", "REJECT"),
    # a month is no march
    ("Japanese exports fell in March, the finance ministry said.", "PROTEST"),
    # exchanged accusations are no trade
    ("India and Pakistan traded accusations over the shelling in Kashmir.", "COOPERATE"),
    # a match result and a beaten forecast are no assault
    ("Russia beat Croatia 2-1 in the final in Moscow.", "ASSAULT"),
    ("Brazil's exports beat forecasts in March.", "ASSAULT"),
    # meeting a target or a requirement is no meeting
    ("Mexico met the IMF's targets for the first quarter.", "CONSULT"),
    # a clash over a policy is words, not fighting
    ("France and Italy clashed over Italian demands for farm subsidies.", "ASSAULT"),
])
def test_events_word_senses_not_coded(pipeline, text: str, absent: str) -> None:
    assert absent not in {e.plover for e in scored(pipeline, text)}


@pytest.mark.issue(13)
def test_events_traded_accusations_are_accusations(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "India and Pakistan traded accusations over the shelling in Kashmir."
    assert ("ACCUSE", "IND", "PAK") in dyads(scored(pipeline, text))


MARKETS = ("Toyota Motor Corp said net profit rose 12 percent in the quarter to March. "
           "Shares of the carmaker climbed 3 percent in Tokyo trading after the results. "
           "Analysts had forecast a smaller rise in operating income. "
           "The company agreed to buy a stake in a battery maker for 2 billion dollars.")
POLITICS = ("Germany imposed sanctions on Iran on Tuesday. "
            "The foreign ministry in Berlin said the measures target officials. "
            "Iran condemned the decision and summoned the German ambassador.")


@pytest.mark.issue(13)
def test_events_relevance_skips_market_articles(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in pipeline.extract_one(make_doc(MARKETS)).events] == []
    assert {e.plover for e in scored(pipeline, POLITICS)} & {"COERCE", "SANCTION", "ACCUSE"}


@pytest.mark.issue(13)
def test_events_agentless_attack_is_unidentified_armed_forces(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in scored(pipeline, "Three Afghan soldiers were killed in Kandahar on Monday.")
              if e.plover == "ASSAULT"]
    assert events and events[0].source is not None
    assert (events[0].source.code, events[0].target.country if events[0].target else None) == (
        "AFGUAF", "AFG")


@pytest.mark.issue(13)
def test_events_agentless_attack_without_a_place_names_no_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the victims' own country is no guess at who attacked them
    events = scored(pipeline, "Hundreds of Iranians were killed on Saturday.")
    assert not [e for e in events if e.plover == "ASSAULT"]


@pytest.mark.issue(13)
def test_events_role_noun_source_is_the_person_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Turkish Foreign Minister Mevlut Cavusoglu arrived in Athens on Monday. "
            "The foreign minister condemned Greece for its naval exercises.")
    out = pipeline.extract_one(make_doc(text, published="2019-03-05"))
    assert ("ACCUSE", "TUR", "GRC") in dyads([e for e in out.events if e.plover])


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    # "call X Y" judges X: a statement whose content is the act, not a telephone call
    ("Russia called the Ukrainian decision a dangerous provocation.", "ACCUSE", "RUS", "UKR"),
    # a refusal to act (negated will) is CAMEO 12, REJECT
    ("The United States said it would not negotiate with Iran.", "REJECT", "USA", "IRN"),
])
def test_events_speech_constructions(pipeline, text: str, plover: str, source: str,
                                     target: str) -> None:
    assert (plover, source, target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_call_with_a_judgment_is_no_phone_call(pipeline) -> None:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc("Russia's foreign ministry called the new sanctions "
                                        "illegal and unacceptable."))
    assert "CONSULT" not in {e.plover for e in out.events}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("The United States imposed sanctions on Iran and Syria.", ("SANCTION", "USA", "IRN")),
    ("Iran accused Iraq and the United States of attacking its oil tankers.", ("ACCUSE", "IRN", "IRQ")),
])
def test_events_coordinated_targets_are_one_event(pipeline, text: str,
                                                  expected: tuple) -> None:  # type: ignore[type-arg]
    # one act on several recipients is one event, as PLOVER's gold codes it (its target list
    # names alternatives); the event's target is the first named
    found = [d for d in dyads(scored(pipeline, text)) if d[0] == expected[0]]
    assert found == [expected]


@pytest.mark.issue(13)
def test_events_joint_partner_beats_a_possessive_of_the_source(pipeline) -> None:
    found = dyads(scored(pipeline, "Nigeria and Britain signed an agreement to reschedule "
                                   "Nigeria's official debts."))
    assert {d[1:] for d in found} == {("NGA", "GBR")}


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "The minister demanded that Japan open its markets to American rice.",
    "A trade official called on Britain to make some concessions.",
])
def test_events_unplaced_official_is_not_of_the_country_addressed(pipeline, text: str) -> None:
    for event in scored(pipeline, text):
        assert event.source is None or event.source.country != (
            event.target.country if event.target else None), (text, event.source)


@pytest.mark.issue(13)
def test_events_second_act_of_one_subject_is_coded(pipeline) -> None:
    found = dyads(scored(pipeline, "Japan rejected the demand and accused Britain of protectionism."))
    assert ("ACCUSE", "JPN", "GBR") in found


@pytest.mark.issue(13)
def test_events_reduced_passive_subject_is_not_the_agent(pipeline) -> None:
    found = scored(pipeline, "Asked about retaliation, the British minister said Britain would act.")
    assert not [e for e in found if e.plover == "REQUEST"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "protest"), [
    ("Thousands of students demonstrated in Seoul against the government.", True),
    ("The meeting demonstrated that the United States recognises the need to adjust.", False),
])
def test_events_demonstrate_is_a_protest_only_without_object(pipeline, text: str,
                                                             protest: bool) -> None:
    assert any(e.plover == "PROTEST" for e in scored(pipeline, text)) is protest


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Howard said that Britain would use its powers to ban Japanese financial institutions "
     "from London if it was not satisfied with Tokyo.", "GBR", "JPN"),
    ("Iran said it would attack American ships if the United States escorted Kuwaiti tankers.",
     "IRN", "USA"),
    ("China said it could impose sanctions on Taiwan.", "CHN", "TWN"),
])
def test_events_conditional_or_optional_coercion_is_a_threat(pipeline, text: str, source: str,
                                                             target: str) -> None:
    found = dyads(scored(pipeline, text))
    assert ("THREATEN", source, target) in found
    assert not {d for d in found if d[0] in ("COERCE", "ASSAULT", "SANCTION")}


@pytest.mark.issue(13)
def test_events_condition_itself_is_no_threat(pipeline) -> None:
    found = dyads(scored(pipeline, "The minister said that if Britain banned Japanese banks, "
                                   "Japan would retaliate."))
    assert not {d for d in found if d[1] == "GBR"}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Pompeo said Iran must stop supporting terrorism.", "USA", "IRN"),
    ("The US Treasury Secretary said Japan should do more to stimulate its economy.", "USA", "JPN"),
])
def test_events_reported_obligation_is_a_demand(pipeline, text: str, source: str,
                                                target: str) -> None:
    assert ("REQUEST", source, target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_event_noun_inside_another_nouns_phrase_is_not_reported(pipeline) -> None:
    found = scored(pipeline, "Spain said it was against the tax because of its implications for "
                             "world trade talks within the GATT.")
    assert not [e for e in found if e.plover == "CONSULT"]


@pytest.mark.issue(13)
def test_events_protest_noun_with_by_agent(pipeline) -> None:
    found = dyads(scored(pipeline, "Protests by thousands of farmers erupted in Brazil last week."))
    assert any(d[0] == "PROTEST" and d[1] == "BRA" for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Italian Prime Minister Giulio Andreotti wound up his first round of consultations with Germany.",
    "A Chinese Foreign Ministry official declined comment on the United States decision.",
])
def test_events_idioms_that_are_no_conflict(pipeline, text: str) -> None:
    assert not [e for e in scored(pipeline, text) if e.plover in ("ASSAULT", "REJECT")]


@pytest.mark.issue(13)
def test_events_dictionary_default_needs_a_party_of_another_country(pipeline) -> None:
    # "introduce" is coded by its CAMEO.2.0 block default only (no pattern of it matches)
    assert not scored(pipeline, "Bahrain is introducing a new domestic money market regime.")


@pytest.mark.issue(13)
def test_events_place_word_inside_a_party_is_not_the_location(pipeline) -> None:
    out = pipeline.extract_one(make_doc("U.S. warships shelled positions near Beirut.", "1987-04-01"))
    attacks = [e for e in out.events if e.plover == "ASSAULT"]
    assert attacks and attacks[0].location is not None and attacks[0].location.country == "LBN"
    assert attacks[0].target is not None and attacks[0].target.country == "LBN"


@pytest.mark.issue(13)
def test_events_meeting_of_several_parties_is_one_event(pipeline) -> None:
    found = scored(pipeline, "The foreign minister of Brazil met officials of Mexico, Guatemala, "
                             "Honduras and Nicaragua in Managua.")
    assert len([e for e in found if e.plover == "CONSULT"]) <= 1
    visits = dyads(scored(pipeline, "The Brazilian foreign minister visited France, Germany "
                                    "and Italy last week."))
    assert visits == {("CONSULT", "BRA", "FRA")}  # one event, as coordinated targets are


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover", "source", "target"), [
    ("The United States imposed 100 pct tariffs on Japanese electronic goods on Friday.",
     "SANCTION", "USA", "JPN"),
    ("The European Community put duties on Japanese ball bearings.", "SANCTION", "IGO", "JPN"),
    ("Washington announced plans to slap as much as 300 mln dlrs in tariffs on Japanese imports.",
     "THREATEN", "USA", "JPN"),
])
def test_events_trade_sanctions_are_sanctions_and_announced_ones_threats(
        pipeline, text: str, plover: str, source: str, target: str) -> None:
    found = scored(pipeline, text)
    assert any(e.plover == plover and e.target is not None and e.target.country == target
               and e.source is not None and (e.source.country == source
                                             or (e.source.code or "").startswith(source))
               for e in found), [(e.plover, e.source, e.target) for e in found]


@pytest.mark.issue(13)
def test_events_announced_plans_are_the_announcers(pipeline) -> None:
    out = pipeline.extract_one(make_doc("Japanese Prime Minister Yasuhiro Nakasone announced plans "
                                        "to visit China next month.", "1987-04-01"))
    visits = [e for e in out.events if e.plover == "AGREE"]
    assert visits and visits[0].source.country == "JPN" and visits[0].target.country == "CHN"
    assert visits[0].status == "planned"


@pytest.mark.issue(13)
def test_events_prepositional_relative_clause_reports_its_event(pipeline) -> None:
    found = dyads(scored(pipeline, "The talks, during which Iran accused Iraq of aggression, "
                                   "ended on Monday."))
    assert ("ACCUSE", "IRN", "IRQ") in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "rejects"), [
    ("The United States repeated its opposition to the European Community's oils tax.", True),
    ("The opposition Social Democrats met on Monday.", False),
])
def test_events_opposition_to_is_a_rejection(pipeline, text: str, rejects: bool) -> None:
    assert any(e.plover == "REJECT" for e in scored(pipeline, text)) is rejects


@pytest.mark.issue(13)
def test_events_voting_to_act_is_the_act_planned(pipeline) -> None:
    found = scored(pipeline, "Brazilian bank workers voted to launch a nationwide strike this month.")
    assert found and found[0].source.country == "BRA" and found[0].status == "planned"


@pytest.mark.issue(13)
def test_events_joint_act_keeps_the_partner_over_its_topic(pipeline) -> None:
    found = dyads(scored(pipeline, "British Foreign Secretary Geoffrey Howe and U.S. Secretary of "
                                   "State George Shultz will discuss trade relations with Japan "
                                   "in Washington."))
    assert {d[1:] for d in found} <= {("GBR", "USA"), ("USA", "GBR")} and found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "coded"), [
    ("Imports of rice from Thailand are banned in Japan under the Foodstuff Control Act.", False),
    ("Imports of rice from Thailand were banned in Japan last year.", True),
])
def test_events_present_passive_states_a_rule_not_an_act(pipeline, text: str, coded: bool) -> None:
    # a ban on another country's goods is a sanction (CAMEO.2.0 BAN * IMPORTS [163])
    assert any(e.plover == "SANCTION" for e in scored(pipeline, text)) is coded


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Canada told Mexico to withdraw the new duties.", ("REQUEST", "CAN", "MEX")),
    ("Italy wants Austria to reopen the border crossing.", ("REQUEST", "ITA", "AUT")),
    ("Chile turned down Peru's offer of talks.", ("REJECT", "CHL", "PER")),
    ("Norway cut tariffs on Icelandic fish.", ("CONCEDE", "NOR", "ISL")),
    ("Egypt dropped its objection to the Sudanese plan.", ("CONCEDE", "EGY", "SDN")),
    ("The Council welcomed Kenya's measures against smuggling.", None),
])
def test_events_control_and_phrasal_verbs(pipeline, text: str, expected: tuple | None) -> None:  # type: ignore[type-arg]
    found = dyads(scored(pipeline, text))
    if expected is None:  # praise of measures, not the hosting of a visit
        assert not any(d[0] == "CONSULT" for d in found)
    else:
        assert expected in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Spain told reporters that the talks would resume.",  # a report, not a demand
    "Greece wants to meet Turkey next month.",  # intent to meet, no one asked
    "The ministry declined to give figures on Portugal's reserves.",  # no comment, no rejection
])
def test_events_control_needs_another_party(pipeline, text: str) -> None:
    found = {d[0] for d in dyads(scored(pipeline, text))}
    assert "REQUEST" not in found and "REJECT" not in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Peru would face sanctions unless it paid its arrears, Chilean officials said.",
     ("THREATEN", "CHL", "PER")),
    ("Swedish officials said Finland could face retaliation if it kept the quota.",
     ("THREATEN", "SWE", "FIN")),
])
def test_events_exposure_to_consequences_is_a_threat_by_the_speaker(pipeline, text: str,
                                                                    expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_exposure_needs_someone_stating_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.plover == "THREATEN" for e in scored(pipeline, "Peru faces sanctions over its arrears."))


@pytest.mark.issue(13)
def test_events_announced_plans_for_punitive_tariffs_are_the_sanction(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "Ottawa announced plans for 50 mln dlrs in tariffs on Danish cheese."))
    assert ("SANCTION", "CAN", "DNK") in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "coded"), [
    ("Norway agreed on Monday.", False),  # agreed with no one named
    ("Chile's negotiations resumed on Monday.", False),
    ("Chile resumed negotiations with Peru on Monday.", True),
    ("ASEAN leaders will hold a summit in Manila next month.", True),  # among the body's members
])
def test_events_cooperation_needs_a_counterpart(pipeline, text: str, coded: bool) -> None:
    found = {d[0] for d in dyads(scored(pipeline, text))}
    assert bool(found & {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}) is coded


@pytest.mark.issue(13)
def test_events_close_to_agreeing_is_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc("Chile and Bolivia are close to agreeing on a border accord."))
    agreed = [e for e in out.events if e.plover == "AGREE"]
    assert agreed and all(e.status == "hypothetical" for e in agreed)


@pytest.mark.issue(13)
def test_events_coordinated_attackers_of_an_object_act_side_by_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    # force used on an object (CAMEO 18-20 with a direct object) is no fight between the
    # coordinated subjects; "X and Y clashed" is
    events = scored(pipeline, "Chilean and Bolivian warplanes pounded rebel-held areas of "
                              "Tacna province, killing 30 civilians.")
    assert {e.source.country for e in events if e.source} == {"CHL", "BOL"}
    assert not [e for e in events if e.target is not None and e.target.sector == "MIL"]
    found = dyads(scored(pipeline, "Chilean and Bolivian troops clashed near the border."))
    assert found & {("ASSAULT", "CHL", "BOL"), ("ASSAULT", "BOL", "CHL")}


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile arrested three Peruvian fishermen on Monday. Peru demanded their release.",
    "Chile arrested three Peruvian fishermen on Monday. Peru demanded the release of the fishermen.",
    "Peru demanded the release of the fishermen held by Chile.",
    "Peru demanded from Chile the release of the fishermen.",  # the party named is kept
])
def test_events_a_demanded_release_is_aimed_at_the_holder(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 1053: the one holding them is asked, never the persons held (here Peru's own)
    requests = [e for e in scored(pipeline, text) if e.plover == "REQUEST"]
    assert [(e.source.country, e.target.country) for e in requests] == [("PER", "CHL")]


@pytest.mark.issue(13)
def test_events_a_demanded_release_of_no_known_holder_names_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not scored(pipeline, "Peru demanded the release of the Peruvian fishermen.")


@pytest.mark.issue(13)
def test_events_a_forecast_is_no_act_or_intent(pipeline) -> None:  # type: ignore[no-untyped-def]
    # issue 13, point 3: predictions are not events; what the actor says it will do is
    assert not scored(pipeline, "Analysts predict that Chile will sanction Bolivia.")
    assert ("THREATEN", "CHL", "BOL") in dyads(scored(pipeline, "Chile said it would sanction Bolivia."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Argentine dockers struck on Monday for higher pay.", "PROTEST"),  # labour, not force
    ("A work stoppage by Dutch port workers began on Monday.", "PROTEST"),
    ("The Iranian army struck Iraqi positions near Basra.", "ASSAULT"),
    ("Britain launched a strike against Argentine positions.", "ASSAULT"),
])
def test_events_strike_sense_follows_the_striker(pipeline, text: str, plover: str) -> None:
    found = {e.plover for e in scored(pipeline, text)}
    assert plover in found and not ({"PROTEST", "ASSAULT"} - {plover}) & found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Japan met U.S. demands for more beef imports.", ("CONCEDE", "JPN", "USA")),  # CAMEO 08 yield
    ("The Canadian trade minister returned from Mexico on Friday.", ("CONSULT", "CAN", "MEX")),  # 042
])
def test_events_meeting_demands_and_returning_from_a_visit(pipeline, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "The Canadian foreign minister is due to fly to Rome next week.",
    "The Canadian and Italian prime ministers are scheduled to meet in Rome.",
    # a week after publication is future: event dates keep it as its month
    "The Canadian foreign minister visits Italy next week.",
    "Talks between the Canadian and Italian prime ministers, scheduled for Thursday, focus on trade.",
])
def test_events_meetings_due_or_scheduled_are_planned(pipeline, text: str) -> None:
    found = [e for e in scored(pipeline, text) if e.plover in ("AGREE", "CONSULT")]
    assert found and all(e.plover == "AGREE" and e.status == "planned" for e in found)


@pytest.mark.issue(13)
def test_events_people_are_coded_at_a_month_precise_event_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a month ("next month") is a date for the offices people held: Reagan was president
    # in 1987, not a former president as on today's date
    out = pipeline.extract_one(make_doc("Japanese Prime Minister Yasuhiro Nakasone will meet President "
                                        "Reagan next month.", "1987-04-10"))
    meeting = next(e for e in out.events if e.plover == "AGREE")
    assert (meeting.source.code, meeting.target.code) == ("JPNGOV", "USAGOV")


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Iran said its ships were harassed and accused Britain of piracy.",
    "Iran has said its ships are harassed and has accused Britain of piracy.",
])
def test_events_second_act_of_the_speaker_after_a_reported_passive(pipeline, text: str) -> None:
    assert ("ACCUSE", "IRN", "GBR") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_conditional_retaliation_threatens_the_party_of_the_condition(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Canadian officials said Ottawa would retaliate if the United States passed the bill."
    assert ("THREATEN", "CAN", "USA") in dyads(scored(pipeline, text))
    # no condition on another party: no one is threatened, and a bare verb default stays uncoded
    bare = scored(pipeline, "Canadian officials said Ottawa would retaliate.")
    assert not any(e.plover == "THREATEN" for e in bare)



@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO.2.0's BLAME block codes CHARGE 112: charging that someone did wrong accuses them
    ("Iran charged that Iraq had attacked its tankers.", ("ACCUSE", "IRN", "IRQ")),
    # the participle of an issued statement states the issuer's act
    ("EC foreign ministers issued a statement deploring Japan's trade surplus.", ("ACCUSE", None, "JPN")),
])
def test_events_charges_and_issued_statements_are_acts(pipeline, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Japan protested to Washington over the new tariffs.",
    "Japan lodged a protest with the United States over the tariffs.",
])
def test_events_diplomatic_protests_are_accusations(pipeline, text: str) -> None:
    # PLOVER manual, ACCUSE: diplomatic protests are ACCUSE 'disapprove'; PROTEST presumes
    # physical activity
    assert ("ACCUSE", "JPN", "USA") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_an_international_body_named_community_is_no_ethnic_community(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The European Community warned Japan and the United States over trade frictions."
    found = dyads(scored(pipeline, text))
    assert ("THREATEN", None, "JPN") in found  # one event, at the first of the targets
    assert all(source is None for _, source, _ in found)  # the EC has no country


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Canada delivered a stern warning to the Danish government.", "THREATEN"),
    ("Canadian officials delivered a protest to the Danish ambassador.", "ACCUSE"),
    ("Canada delivered food aid to Ethiopia.", "AID"),
])
def test_events_delivering_an_act_noun_is_that_act(pipeline, text: str, plover: str) -> None:
    assert any(e.plover == plover and e.source.country == "CAN" for e in scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_target_group_with_named_members_is_those_members(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Kuwait has asked several countries, including Britain and France, for naval escorts."
    found = dyads(scored(pipeline, text))
    # one event, aimed at the first named member (not at the unnamed group)
    assert found == {("REQUEST", "KWT", "GBR")}


@pytest.mark.issue(13)
def test_events_verbal_conflict_aimed_at_no_one_is_not_the_speakers_own_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a refusal of an unnamed proposal is not Canada's act against Canada
    found = scored(pipeline, "Canada rejected the proposals on Tuesday.")
    assert not any(e.target is not None and e.target.country == "CAN" for e in found)
    # protest, coercion and violence keep the domestic convention, and a threatened coercion
    # is a threat to the country's own people
    assert ("PROTEST", "KOR", "KOR") in dyads(scored(pipeline, "South Korean students protested on Monday."))
    threat = dyads(scored(pipeline, "The Thai government said it was prepared to impose martial law."))
    assert ("THREATEN", "THA", "THA") in threat


@pytest.mark.issue(13)
def test_events_attacking_a_policy_is_criticism_not_fighting(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "The Dutch minister attacked France's farm policy."))
    assert ("ACCUSE", "NLD", "FRA") in found and not any(p == "ASSAULT" for p, _, _ in found)
    assert ("ASSAULT", "IRQ", "IRN") in dyads(scored(pipeline, "Iraqi jets attacked Iranian oil platforms."))
    # "positions" are also what troops hold: attacking them is fighting
    assert ("ASSAULT", "IRN", "IRQ") in dyads(scored(pipeline, "Iranian troops attacked Iraqi positions."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ('"We cannot accept the American plan," the French farm minister said.', "REJECT"),
    ("France could not accept the American plan.", "REJECT"),
    ("France could not meet the American negotiators.", None),  # an inability, no refusal
])
def test_events_cannot_accept_is_a_refusal(pipeline, text: str, plover: str | None) -> None:
    found = {p for p, s, t in dyads(scored(pipeline, text)) if s == "FRA" and t == "USA"}
    assert (plover in found) if plover else not (found & {"REJECT"})


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Canada said the United States had violated the free trade accord.",
    "Canadian officials said the United States was not honouring the agreement.",
    # the part broken belongs to the accord ("the terms of", "a series of")
    "Canada said the United States had violated the terms of the free trade accord.",
    # CAMEO.2.0's VIOLATE block: breaking a convention, law or embargo defies norms [128]
    "Canada said the United States had violated international law.",
])
def test_events_saying_another_party_broke_an_accord_accuses_it(pipeline, text: str) -> None:
    assert ("ACCUSE", "CAN", "USA") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_named_person_is_not_of_the_country_where_he_meets(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a former official and an unlisted person acting abroad: where they meet says nothing of
    # their nationality (police or protesters there are of that country)
    text = "Former Foreign Minister Tomas Varga met President Reagan in Washington."
    sources = {e.source.country for e in scored(pipeline, text) if e.source}
    assert "USA" not in sources


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # a stated absence of intent declines the act (CAMEO 125: refuse to meet or negotiate)
    ("Chile has no plans to open talks with Peru.", ("REJECT", "125")),
    ("Chile does not plan to hold talks with Peru.", ("REJECT", "125")),
    # with the intent, the meeting is planned (PLOVER: a future meeting is AGREE)
    ("Chile has plans to hold talks with Peru.", ("AGREE", "036")),
    # an ultimatum of any length (CAMEO.2.0 "GIVE * {TWO WEEKS}" [139])
    ("Chile has given Peru six weeks to open its market.", ("THREATEN", "139")),
])
def test_events_intent_and_ultimatum(pipeline, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    found = {(e.plover, e.cameo) for e in scored(pipeline, text)
             if e.source and e.source.country == "CHL" and e.target and e.target.country == "PER"}
    assert expected in found


@pytest.mark.issue(13)
def test_events_speakers_own_side_in_the_clause_is_not_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    threats = [e for e in scored(pipeline, "Latvian Prime Minister Olga Berzina warned that Latvia "
                                           "would retaliate against Belarus.")
               if e.plover == "THREATEN"]
    assert threats and all(e.target is not None and e.target.country == "BLR" for e in threats)


@pytest.mark.issue(13)
def test_events_retaliation_without_named_means_reduces_relations(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0 files "retaliate" under FIGHT; the means are coded from their own words
    assert ("SANCTION", "CHL", "PER") in dyads(scored(pipeline, "Chile retaliated against Peru."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    # sending warships deploys forces (CAMEO 154), and their own forces are no target
    ("Chile sent two frigates to the border with Peru.", "MOBILIZE"),
    # any object the actor dictionaries code as the sender's own force, not aid to it
    ("Chile has sent an aircraft carrier and a squadron of bombers to the Pacific.", "MOBILIZE"),
    # forces leaving a place they held retreat (CAMEO 0874); evacuating people is aid (073)
    ("Chilean troops evacuated their last stronghold in southern Peru.", "RETREAT"),
])
def test_events_deployment_and_military_retreat(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in pipeline.extract_one(make_doc(text)).events if e.plover == plover]
    assert found and all(e.source is not None and e.source.country == "CHL" for e in found)
    assert all(e.target is None or e.target.country != "CHL" for e in found)


@pytest.mark.issue(13)
def test_events_a_bodys_members_meeting_among_themselves(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the host city is no party to a meeting of an international body's members
    events = scored(pipeline, "OPEC oil ministers met in Vienna on Monday.")
    meetings = [e for e in events if e.plover == "CONSULT"]
    assert meetings and all(e.target is not None and (e.target.code or "").startswith("IGO")
                            for e in meetings)
    # a planned meeting too (CAMEO 036, PLOVER AGREE): no intent to meet Austria
    events = scored(pipeline, "OPEC oil ministers will meet in Vienna in June.")
    planned = [e for e in events if e.plover == "AGREE"]
    assert planned and all(e.target is not None and (e.target.code or "").startswith("IGO")
                           for e in planned)


@pytest.mark.issue(13)
def test_events_denying_charges_is_no_accusation_by_the_denier(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0: DENY * CHARGES [016] (deny responsibility, a statement for PLOVER)
    events = pipeline.extract_one(make_doc("Chile denied Peruvian charges of smuggling.")).events
    assert not any(e.plover == "ACCUSE" for e in events)
    assert any(e.cameo == "016" for e in events)


@pytest.mark.issue(13)
def test_events_a_governments_protest_is_an_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    # PLOVER manual, PROTEST: diplomatic protests are ACCUSE 'disapprove'
    found = dyads(scored(pipeline, "Chile protested against the Peruvian decision to close the border."))
    assert ("ACCUSE", "CHL", "PER") in found and not any(d[0] == "PROTEST" for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "During a visit to Lima, Chilean Foreign Minister Ana Ruiz presented Peruvian officials with a plan.",
    "Chilean Foreign Minister Ana Ruiz, on a visit to Peru, warned Lima of sanctions.",
])
def test_events_a_visit_named_in_an_adjunct_is_the_subjects(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_persons_meeting_in_a_who_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chilean Foreign Minister Ana Ruiz, who met Peruvian President Luis Vega on Monday, "
            "said talks went well.")
    assert ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, text))
    # other "who" clauses stay background
    text = "Chilean Foreign Minister Ana Ruiz, who criticised Peru last year, said talks went well."
    assert ("ACCUSE", "CHL", "PER") not in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_cooperative_partner_without_country_is_no_compatriot(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a partner the text does not identify is no counterpart (and not the source's compatriot)
    assert not scored(pipeline, "The Brazilian finance minister met Jan Hellwig on Monday.")
    # a coordinated partner that says who it is is the counterpart
    events = scored(pipeline, "The Brazilian finance minister held talks with Jan Hellwig and the IMF.")
    assert {(e.plover, e.source.country, e.target.code) for e in events if e.source and e.target} \
        == {("CONSULT", "BRA", "IGOIMF")}
    # a country's own institutions stay its own: a minister meeting deputies is domestic
    found = dyads(scored(pipeline, "The French foreign minister met deputies on Monday."))
    assert ("CONSULT", "FRA", "FRA") in found


@pytest.mark.issue(13)
def test_events_talks_as_subject_of_a_light_verb_are_reported(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "make" is a light verb; when its object ("progress") states no event, the event noun
    # that is its subject does
    found = dyads(scored(pipeline, "Talks between France and Iran have made progress."))
    assert ("CONSULT", "FRA", "IRN") in found or ("CONSULT", "IRN", "FRA") in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("France and Iran ended two days of talks on Monday.", "CONSULT"),  # a round concluded
    ("France broke off talks with Iran on Monday.", "SANCTION"),  # CAMEO 16: halted
])
def test_events_ending_talks_is_no_halt(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert plover in {p for p, _, _ in dyads(scored(pipeline, text))}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Japan sent a delegation to Washington on Monday.", "CONSULT"),  # a visit (CAMEO 042)
    ("Japan sent food and medicine to Ethiopia on Monday.", "AID"),  # goods: aid (CAMEO 07)
])
def test_events_sending_envoys_is_a_visit_sending_goods_is_aid(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert {p for p, _, _ in dyads(scored(pipeline, text))} == {plover}


@pytest.mark.issue(13)
def test_events_talks_had_in_a_who_clause_are_the_antecedents(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("French Finance Minister Jean Dupont, who also had private talks with British "
            "Prime Minister Ann Wells, said his government was preparing a bill.")
    assert ("CONSULT", "FRA", "GBR") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # seeking loans from a party appeals to it (CAMEO 023), it gives nothing
    ("Ecuador was seeking soft loans from the World Bank.", ("REQUEST", "ECU", "IGOWBK")),
    ("Ecuador sought talks with Peru.", ("REQUEST", "ECU", "PER")),
])
def test_events_seeking_is_an_appeal(pipeline, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = {(e.plover, e.source.country, e.target.code) for e in scored(pipeline, text)
             if e.source and e.target}
    assert found == {expected}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("The Dutch minister warned that the Netherlands would reject the EC Commission's proposals.", "REJECT"),
    ("The Dutch minister warned that the Netherlands would retaliate against Japan.", "THREATEN"),
])
def test_events_warning_of_ones_own_refusal_is_the_refusal(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    assert plover in {p for p, _, _ in dyads(scored(pipeline, text))}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # the receiving verb's subject undergoes the act of the "from" party
    ("The UN envoy faced intense criticism from the Syrian opposition.", ("ACCUSE", "SYROPP", "IGOUNO")),
    ("Japan received a warning from the United States.", ("THREATEN", "USA", "JPN")),
    ("Kenya received aid from Japan.", ("AID", "JPN", "KEN")),
])
def test_events_act_received_from_a_party_is_that_partys(pipeline, text: str,
                                                         expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = {(e.plover, e.source.code, e.target.code) for e in scored(pipeline, text)
             if e.source and e.target}
    assert expected in found


@pytest.mark.issue(13)
def test_events_a_companys_ban_coerces_no_authority(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not scored(pipeline, "The American firm Facebook has banned all advertising for cryptocurrencies.")
    found = dyads(scored(pipeline, "Kenyan police arrested 20 opposition supporters in Nairobi."))
    assert any(p == "COERCE" and s == "KEN" for p, s, _ in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # an official's presence in another country is a visit there (CAMEO 042) ...
    ("Iranian Prime Minister Jan Hellwig is currently in Damascus.", {("CONSULT", "IRN", "SYR")}),
    ("The French foreign minister will be in Tokyo next week.", {("AGREE", "FRA", "JPN")}),
    # ... not an official at home, nor anyone in a state of affairs
    ("The Japanese prime minister is in Tokyo.", set()),
    ("Japanese exporters are in trouble.", set()),
])
def test_events_an_officials_presence_abroad_is_a_visit(pipeline, text: str, expected: set) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert dyads(scored(pipeline, text)) == expected


@pytest.mark.issue(13)
def test_events_a_states_attack_with_no_target_is_not_on_its_authorities(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. attack represents a distinct shift by the Reagan administration."
    found = dyads(scored(pipeline, text))
    assert not any(p == "ASSAULT" for p, _, _ in found)
    # crowds and rebels keep the domestic default: violence aimed at the authorities
    found = dyads(scored(pipeline, "Afghan rebels attacked in Kandahar on Monday."))
    assert ("ASSAULT", "AFG", "AFG") in found


@pytest.mark.issue(13)
def test_events_no_meeting_or_support_with_ones_own_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the country named is the topic, no counterpart (its officials and bodies would be)
    assert not scored(pipeline, "Japanese Prime Minister Jan Hellwig praised Japan.")
    found = dyads(scored(pipeline, "The French president met the German chancellor."))
    assert ("CONSULT", "FRA", "DEU") in found
    # nor with the authorities of a place at home, where the clause says it happened
    assert not scored(pipeline, "Chile's army provided assistance in Arica after the floods.")
    assert not scored(pipeline, "The Peruvian navy cooperated in the rescue off Callao.")
    found = dyads(scored(pipeline, "Chile's army provided assistance in Lima after the floods."))
    assert ("AID", "CHL", "PER") in found


@pytest.mark.issue(13)
def test_events_no_sanction_on_ones_own_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not scored(pipeline, "Brazil suspended interest payments to private banks.")
    found = dyads(scored(pipeline, "The United States imposed sanctions on Japan."))
    assert ("SANCTION", "USA", "JPN") in found
    # those expelled are foreign by definition: kept, without a country of the source's
    assert dyads(scored(pipeline, "Belgium expelled two diplomats.")) == {("SANCTION", "BEL", None)}


@pytest.mark.issue(13)
def test_events_mobilization_needs_no_recipient(pipeline) -> None:  # type: ignore[no-untyped-def]
    # PLOVER manual, MOBILIZE: "a group may mobilize with no specific entity stated"
    assert ("MOBILIZE", "ITA", None) in dyads(scored(pipeline, "Italy has sent eight warships to the Gulf."))


@pytest.mark.issue(13)
def test_events_resignation_is_retreat(pipeline) -> None:  # type: ignore[no-untyped-def]
    # PLOVER manual, RETREAT: "RETREAT also covers resignations of government officials"
    events = scored(pipeline, "The Peruvian finance minister resigned on Monday.")
    assert [(e.plover, e.mode, e.source.country if e.source else None) for e in events] == [
        ("RETREAT", "resign", "PER")]
    # a promised resignation has no material consequence yet: not RETREAT
    assert "RETREAT" not in {e.plover for e in scored(pipeline, "The Peruvian finance minister will resign.")}


@pytest.mark.issue(13)
def test_events_attack_on_a_countrys_towns_targets_that_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # issue 13, point 5: an attack on a place whose party is not named targets its country
    assert ("ASSAULT", "IRN", "IRQ") in dyads(scored(pipeline, "Iran shelled Iraqi towns on Monday."))


@pytest.mark.issue(13)
def test_events_continuing_act_is_under_way_not_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "A strike by Chilean copper miners will continue over the weekend.")
    assert [(e.plover, e.status) for e in events] == [("PROTEST", "occurred")]


@pytest.mark.issue(13)
def test_events_troops_leaving_a_country_are_no_visit(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO block GO_SOMEWHERE defaults to a visit (04): made by officials, not by moving forces
    assert not [e for e in scored(pipeline, "American troops began leaving Syria on Monday.")
                if e.plover in ("CONSULT", "AGREE")]


@pytest.mark.issue(13)
def test_events_named_person_takes_no_country_from_what_follows(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "Republican lawmakers criticised John Hartley, "
                              "a Ukraine specialist at the White House.")
    assert all(e.target is None or e.target.country != "UKR" for e in events)


@pytest.mark.issue(13)
def test_events_predicate_noun_is_no_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "a party to the accord" says what Libya is not to be; the party named inside is the target
    events = [e for e in scored(pipeline, "Libya refused to become a party to the OPEC pricing accord.")
              if e.plover == "REJECT"]
    assert events and all(e.target is not None and e.target.country != "LBY" for e in events)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "category"), [
    # publishing is no release of persons (CAMEO dictionary: RELEASE * STATEMENT [010])
    ("Chilean police released a video of the rescue of a girl.", "RETREAT"),
    # a deployment of projects is no mobilisation of forces (CAMEO 154)
    ("Chile is seeing record solar project deployment this year.", "MOBILIZE"),
])
def test_events_word_senses_outside_politics(pipeline, text: str, category: str) -> None:  # type: ignore[no-untyped-def]
    assert category not in {e.plover for e in scored(pipeline, text)}


@pytest.mark.issue(13)
def test_events_date_possessive_is_not_the_agent(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Monday's U.S. attack": the date says when; the attack is the US's, not the speaker's
    text = "Tehran reacted angrily to Monday's U.S. attack on an Iranian oil platform."
    events = [e for e in scored(pipeline, text) if e.plover == "ASSAULT"]
    assert events and events[0].source is not None and events[0].source.country == "USA"


@pytest.mark.issue(13)
def test_events_reaction_to_an_act_is_not_that_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "Tehran reacted angrily to the attack on an Iranian oil platform.")
    assert not [e for e in events if e.plover == "ASSAULT" and e.source and e.source.country == "IRN"]


@pytest.mark.issue(13)
def test_events_light_verb_object_coded_by_the_dictionary(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"carried out a raid": the hand light verb's object is no event noun of the hand lexicon,
    so the CAMEO dictionary's own pattern for the verb (CARRY_OUT * RAID [190]) codes it."""
    assert ("ASSAULT", "FRA", "LBY") in dyads(scored(
        pipeline, "French forces carried out a raid on a Libyan camp on Monday."))
    # a light verb whose object the dictionary does not code states no event
    assert not scored(pipeline, "French forces carried out a survey of the Libyan coast on Monday.")


@pytest.mark.issue(13)
def test_events_cooperation_with_no_syntactic_counterpart_takes_the_one_other_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Meetings and visits are dyads: with no counterpart in their syntax, the one other
    country the clause names is it; a party named outside the clause is not."""
    loan = [e for e in scored(pipeline, "The IMF on Monday approved a 50 mln dlr loan to support a "
                                        "reform program under way in Kenya.") if e.plover == "AID"]
    assert [(e.source.code[:3], e.target.country) for e in loan if e.source and e.target] == [("IGO", "KEN")]
    assert not [e for e in scored(pipeline, "Chile agreed on Monday, Peru said.") if e.plover == "AGREE"]


@pytest.mark.issue(13)
def test_events_criticism_within_one_country_is_an_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    """PLOVER codes domestic criticism: an opposition leader on the government of the same
    country accuses it; a statement on the speaker's own country as a whole is no act."""
    assert ("ACCUSE", "GBR", "GBR") in dyads(scored(
        pipeline, "British opposition leader Jeremy Corbyn said the British government's plan was "
                  "a cruel, shameful and disgraceful betrayal."))
    assert not scored(pipeline, "Iraq said Iraqi towns were destroyed in brutal, deadly attacks.")


@pytest.mark.issue(13)
def test_events_object_shared_by_coordinated_verbs_is_the_target_of_both(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"killed or wounded X": the parser hangs the shared object on the last verb only; the
    first verb's act is aimed at it too, and its evidence runs to it."""
    text = "Syria said its troops killed or wounded 300 Israeli soldiers near the border."
    events = [e for e in scored(pipeline, text) if e.plover == "ASSAULT"]
    assert [(e.source.country, e.target.country) for e in events if e.source and e.target] == [("SYR", "ISR")]
    assert events[0].evidence is not None and "Israeli soldiers" in events[0].evidence.text


@pytest.mark.issue(13)
def test_events_material_act_named_as_the_object_of_another_is_coded_too(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"condemned the Iranian attack on a Kuwaiti tanker": the attack, with its own agent, is
    an event besides the condemnation; a proposal rejected is only what the rejection answers."""
    found = dyads(scored(pipeline, "Canada condemned the Iranian attack on a Kuwaiti tanker on Monday."))
    assert {("ACCUSE", "CAN", "IRN"), ("ASSAULT", "IRN", "KWT")} <= found
    # no agent of its own: the condemning party is no attacker
    found = dyads(scored(pipeline, "Canada condemned the attack on a Kuwaiti tanker on Monday."))
    assert not any(p == "ASSAULT" for p, _, _ in found)
    found = dyads(scored(pipeline, "Chile rejected a Peruvian proposal for talks on Monday."))
    assert not any(p == "AGREE" for p, _, _ in found)


@pytest.mark.issue(13)
def test_events_area_named_by_a_country_adjective_places_the_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    # issue 13 point 5: an attack on a place whose party is not named is aimed at the place's
    # country; "off the Chilean coast" is such a place though no gazetteer names it
    events = [e for e in scored(pipeline, "Peruvian warplanes hit two ships off the Chilean coast.")
              if e.plover == "ASSAULT"]
    assert events and events[0].source is not None and events[0].source.country == "PER"
    assert events[0].target is not None and events[0].target.country == "CHL"
    assert events[0].location is not None and events[0].location.country == "CHL"
    assert events[0].location.text == "the Chilean coast"
    # a border lies between two countries: troops on it may stand on either side
    moves = [e for e in scored(pipeline, "Peruvian troops were deployed on the Chilean border on Monday.")
             if e.plover == "MOBILIZE"]
    assert moves and not any(e.location is not None and e.location.country == "CHL" for e in moves)


@pytest.mark.issue(13)
def test_events_the_sources_own_forces_are_no_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "a call for its forces": the forces are the refuser's own, no other party
    events = [e for e in pipeline.extract_one(make_doc(
        "The United Nations rejected a call for its peacekeeping forces to stay in Chile.")).events
        if e.plover == "REJECT"]
    assert not any(e.target is not None and e.target.sector == "MIL" and not e.target.country
                   for e in events)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile, Peru and Bolivia kept up their opposition to the levy.",
    "Chile, Peru and Bolivia will head the opposition to these new rules.",
])
def test_events_side_by_side_subjects_are_no_targets(pipeline, text: str) -> None:
    # the event noun "opposition" is no party of its own event, and a coordinated subject
    # is a party acting beside the source, not the place where it acts
    found = dyads([e for e in pipeline.extract_one(make_doc(text)).events if e.plover])
    assert not any(s in ("CHL", "PER", "BOL") and t in ("CHL", "PER", "BOL") for _, s, t in found)


@pytest.mark.issue(13)
def test_events_meeting_named_in_another_act_is_coded_too(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a meeting (CAMEO 04) took place, like a material act; a proposal of one does not
    text = ("Chile's foreign minister raised the issue during President Boric's talks with Peruvian "
            "leaders on Monday.")
    assert ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_coordinated_subjects_are_partners_only_in_joint_acts(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"X and Y condemned the decision": side by side, neither the other's target; "X and Y
    troops clashed": a joint act, each the other's counterpart."""
    found = dyads(scored(pipeline, "British and French officials condemned the decision."))
    assert not {("ACCUSE", "GBR", "FRA"), ("ACCUSE", "FRA", "GBR")} & found
    found = dyads(scored(pipeline, "Greek and Turkish troops clashed on the border."))
    assert {("ASSAULT", "TUR", "GRC"), ("ASSAULT", "GRC", "TUR")} & found


@pytest.mark.issue(13)
def test_events_dictionary_null_patterns_hold_over_hand_entries(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The CAMEO dictionary codes "KILL * (IN ACCIDENT)" [---]: killed in an accident is no
    assault, though the hand lexicon codes the bare verb."""
    assert not scored(pipeline, "Five people were killed in a bus accident in Kenya on Monday.")
    killed = scored(pipeline, "Rebels killed ten soldiers in Chad on Monday.")
    assert ("ASSAULT", "TCD", "TCD") in dyads(killed)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    # PLOVER manual, MOBILIZE: "all military or police moves that fall short of the actual
    # use of force"; troops sent are moved (CAMEO 154), not peacekeeping (074)
    "Chile sent hundreds of soldiers to the border with Peru.",
    "Chile has moved thousands of troops to its northern border.",
    "Chile called up its reservists on Monday.",
    "Chile is boosting its naval presence off the Peruvian coast.",
    # forces moved by no one named are moved by their own side
    "Chilean troops were deployed along the northern border.",
    # a single country's exercise is MOBILIZE; joint ones are COOPERATE
    "Chile held naval manoeuvres near the Peruvian border.",
])
def test_events_military_moves_are_mobilization(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in scored(pipeline, text) if e.plover == "MOBILIZE"]
    assert found, text
    assert all(e.source is not None and e.source.country == "CHL" for e in found)
    assert not {e.plover for e in scored(pipeline, text)} & {"AID", "COOPERATE", "CONSULT"}


@pytest.mark.issue(13)
def test_events_joint_exercise_stays_cooperation(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "Chile and Argentina held joint naval manoeuvres."))
    assert {("COOPERATE", "CHL", "ARG"), ("COOPERATE", "ARG", "CHL")} & found
    assert not any(d[0] == "MOBILIZE" for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "target"), [
    # PLOVER manual, SANCTION 'withdraw': one's non-military resources (aid, observers,
    # diplomats) withdrawn from a country; military withdrawal is RETREAT
    ("Chile withdrew its diplomats from Lima on Monday.", "PER"),
    # CAMEO.2.0 PROHIBIT: BAN * IMPORTS [163]; a ban on another's goods is a sanction, not
    # the administrative sanctions of CAMEO 172 (COERCE)
    ("Chile banned imports of Peruvian fish on Monday.", "PER"),
])
def test_events_reduced_relations_are_sanctions(pipeline, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, text))
    assert ("SANCTION", "CHL", target) in found
    assert not any(d[0] in ("RETREAT", "COERCE") for d in found)


@pytest.mark.issue(13)
def test_events_reported_absence_of_intent_is_a_refusal(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "said it has no plans to lift": the speech verb is left out of the verbs that govern
    # the act, not the noun of intent that negates it (CAMEO 12: refuse)
    found = dyads(scored(pipeline, "Chile said it has no plans to lift its ban on Peruvian fish."))
    assert ("REJECT", "CHL", "PER") in found
    assert not any(d[0] in ("AGREE", "RETREAT", "CONCEDE") for d in found)


@pytest.mark.issue(13)
def test_events_attack_without_target_hits_the_articles_one_enemy(pipeline) -> None:  # type: ignore[no-untyped-def]
    # issue 13, point 5 (who, across sentences): an attack whose target the clause leaves
    # out is on the one enemy the article has already set the attacker against
    text = ("Chilean jets bombed Peruvian border posts on Monday. "
            "Peru launched new attacks in the north on Tuesday.")
    assert ("ASSAULT", "PER", "CHL") in dyads(scored(pipeline, text))
    # with no enemy coded before, or two of them, there is no one to name
    assert not any(d[:2] == ("ASSAULT", "PER") for d in dyads(scored(
        pipeline, "Peru launched new attacks in the north on Tuesday.")))
    two = ("Chilean jets bombed Peruvian border posts on Monday. Bolivian troops shelled "
           "Peruvian villages on Monday. Peru launched new attacks in the north on Tuesday.")
    assert not any(d[:2] == ("ASSAULT", "PER") for d in dyads(scored(pipeline, two)))


@pytest.mark.issue(13)
def test_events_attack_without_target_hits_the_clauses_one_other_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes an attack's target: with none in the syntax, the one other country the
    # clause names is it; two of them, or none, name no one
    one = ("Peruvian troops launched new attacks in the north on Tuesday, but Chile said all "
           "of them were repelled.")
    assert ("ASSAULT", "PER", "CHL") in dyads(scored(pipeline, one))
    two = ("Peruvian troops launched new attacks in the north on Tuesday, Chilean and Bolivian "
           "officials said.")
    assert not any(d[:2] == ("ASSAULT", "PER") for d in dyads(scored(pipeline, two)))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "A car bomb killed ten people in Santiago on Monday.",
    "A roadside bomb wounded four soldiers in Arica on Monday.",
])
def test_events_weapon_as_subject_is_an_unidentified_attacker(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO and PLOVER code unnamed attackers as unidentified armed forces (UAF) of the
    # place; a weapon of the CAMEO dictionary's &WEAPON set names no party
    found = [e for e in scored(pipeline, text) if e.plover == "ASSAULT"]
    assert found and found[0].source is not None and found[0].source.code == "CHLUAF"
    assert found[0].target is not None and found[0].target.country == "CHL"


@pytest.mark.issue(13)
def test_events_disaster_as_subject_is_no_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" not in {e.plover for e in scored(
        pipeline, "Floods killed thirty people in Santiago on Monday.")}


@pytest.mark.issue(13)
def test_events_participle_agent_is_no_location_or_owner(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "armed by Chile": the party who armed them, not where the attack happened, so the
    # rebels are not Chile's
    found = dyads(scored(pipeline, "The rebels, armed by Chile, attacked a Peruvian army post."))
    assert found and not any(d[1] == "CHL" for d in found)


@pytest.mark.issue(13)
def test_events_participle_agent_does_the_nouns_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "Retaliatory tariffs imposed by Chile on Peruvian fish took "
                                   "effect on Monday."))
    assert ("SANCTION", "CHL", "PER") in found


@pytest.mark.issue(13)
def test_events_force_against_an_attack_is_an_act_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "repulsed an Iranian offensive": the attack (its agent's) and the force used against
    # it (the subject's, aimed at the attacker) are two events
    found = dyads(scored(pipeline, "Chilean forces repulsed a Peruvian offensive near Arica."))
    assert ("ASSAULT", "CHL", "PER") in found
    assert ("ASSAULT", "PER", "CHL") in found


@pytest.mark.issue(13)
def test_events_dateline_names_no_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the dateline says where the report was filed; the parser hangs it on the first clause
    text = ("LIMA, Peru (AP) — Chilean Defense Minister Jorge Pinto on Wednesday accused "
            "Bolivia of arming smugglers along the border.")
    events = [e for e in pipeline.extract_one(make_doc(text, published="2019-11-20")).events
              if e.plover]
    assert [(e.plover, e.source.country, e.target.country) for e in events] == [
        ("ACCUSE", "CHL", "BOL")]


@pytest.mark.issue(13)
def test_events_contrasted_report_is_not_reported_content(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "while" joins a second report to the first; the parser hangs it on the first's content
    found = dyads(scored(pipeline, "Chile said the decision would not change the situation, "
                                   "while Bolivia condemned the move by Peru."))
    assert ("ACCUSE", "BOL", "PER") in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Bolivia rejected a border agreement signed by Chile and Peru.", ("REJECT", "BOL", "CHL")),
    ("Bolivia refused food aid offered by the World Food Programme.", ("REJECT", "BOL", None)),
])
def test_events_an_agreement_or_aid_is_its_makers_act(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                      expected: tuple[str, str, str | None]) -> None:
    """The "by" agent of a participle on an agreement or on aid names its makers or givers
    (CAMEO 057, 07): refusing it is aimed at them."""
    events = [e for e in scored(pipeline, text) if e.plover == "REJECT"]
    assert events and events[0].source is not None and events[0].source.country == expected[1]
    target = events[0].target
    assert target is not None
    if expected[2] is not None:
        assert target.country == expected[2]
    else:
        assert (target.code or "").startswith("IGO")


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "visit"), [
    ("The Chilean president visited the border with Peru on Monday.", False),
    ("The Chilean president visited the Chile-Peru border on Monday.", False),
    ("The Chilean president visited troops on the Peruvian border.", False),
    ("The Chilean president visited the Peruvian border town of Tacna.", True),
])
def test_events_a_border_visit_is_no_visit_to_the_neighbour(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                            visit: bool) -> None:
    """CAMEO 042 is travel to another country: a border is both sides', so visiting it names
    no host; a town on the other side of it does."""
    found = ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, text))
    assert found is visit


@pytest.mark.issue(13)
def test_events_contrasted_report_is_not_the_first_speakers_words(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the second report's condemnation is no criticism by the first speaker, nor aimed at Bolivia
    found = dyads(scored(pipeline, "Chile stressed the decision would not change the reality "
                                   "that the settlements were illegal, while Bolivia condemned "
                                   "the unilateral move announced by Peru."))
    assert ("ACCUSE", "CHL", "BOL") not in found
    assert ("ACCUSE", "BOL", "PER") in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Bolivia condemned the unilateral move announced on Monday by Peruvian Foreign Minister "
    "Jorge Pinto.",
    "Bolivia criticised the measures imposed by Peru.",
])
def test_events_criticised_act_aims_at_its_author(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    assert ("ACCUSE", "BOL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_name_that_is_a_modal_is_the_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a modal takes a bare infinitive: "May" before a past-tense verb is the subject's name,
    # and with no word of time before it, no month that would date the act
    text = "Theresa May met Angela Merkel in Berlin on Monday. May urged Germany to back the deal."
    events = scored(pipeline, text)
    urged = [e for e in events if e.plover == "REQUEST"]
    assert [(e.source.country, e.target.country) for e in urged] == [("GBR", "DEU")]
    assert urged[0].date == "2025-11-26" and urged[0].date_basis == "published"


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # a politician attacking a person or an institution attacks in words (CAMEO 111)
    ("Peruvian President Dina Boluarte attacked the Chilean foreign minister.", ("ACCUSE", "PER", "CHL")),
    # armed men, a state or its forces attack with force
    ("Peru attacked Chile.", ("ASSAULT", "PER", "CHL")),
    ("Chilean police attacked the Peruvian minister.", ("ASSAULT", "CHL", "PER")),
])
def test_events_attack_by_a_politician_is_in_words(pipeline, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert dyads(scored(pipeline, text)) == {expected}


@pytest.mark.issue(13)
@pytest.mark.parametrize("reaction", [
    "Peru's foreign ministry condemned the expulsions.",
    "Peru's foreign ministry called the expulsions a crude provocation.",
])
def test_events_reaction_to_an_earlier_act_aims_at_its_author(pipeline, reaction) -> None:  # type: ignore[no-untyped-def]
    # an event noun with a definite article and no party refers back to the article's act
    text = "Chile expelled two Peruvian diplomats on Monday. " + reaction
    assert ("ACCUSE", "PER", "CHL") in dyads(scored(pipeline, text))
    # with no earlier act to refer to, the reaction names no one
    assert not [e for e in scored(pipeline, reaction) if e.plover == "ACCUSE"]


@pytest.mark.issue(13)
def test_events_reaction_refers_back_by_plover_category(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the attack" (CAMEO 19) after "bombed" (CAMEO 18): the same PLOVER ASSAULT
    text = "Chilean jets bombed Peruvian villages on Monday. Peru condemned the attack."
    assert ("ACCUSE", "PER", "CHL") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_second_act_shares_a_target_found_by_reference(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile expelled two Peruvian diplomats on Monday. "
            "Peru denounced the expulsions and recalled its ambassador.")
    found = dyads(scored(pipeline, text))
    assert {("ACCUSE", "PER", "CHL"), ("SANCTION", "PER", "CHL")} <= found


@pytest.mark.issue(13)
def test_events_coordinated_predicate_keeps_its_own_negation(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "did not want X and sent Y": the negation is the first verb's, not the second's
    found = dyads(scored(pipeline, "Chile did not want a confrontation and sent its foreign "
                                   "minister to Lima for talks."))
    assert ("CONSULT", "CHL", "PER") in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile will not accept the Peruvian offer.",
    "Chile did not accept the Peruvian offer.",
])
def test_events_not_accepting_an_offer_is_the_refusers_rejection(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 12: declining another's offer is a rejection by the one declining, aimed at the
    # offer's author (not the offer, nor its author's act)
    assert dyads(scored(pipeline, text)) == {("REJECT", "CHL", "PER")}


@pytest.mark.issue(13)
def test_events_speakers_second_act_after_a_modal_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "would not tolerate ... and warned": a past tense cannot join the verb under "would",
    # so the warning is the speaker's own act
    text = ("Chilean President Gabriel Boric said Chile would not tolerate attacks on its "
            "citizens and warned Peru that it would pay a heavy price.")
    assert ("THREATEN", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile and Peru opened talks in Lima on Monday. The talks broke down on Tuesday.",
    "Chile and Peru held talks on Monday. Chilean officials said the talks had been useful.",
    "Chile and Peru held talks on Monday. The Chilean delegation left the talks early.",
])
def test_events_definite_event_noun_refers_back(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # "the talks" with no party in its phrase is the meeting already reported, not a second
    consultations = [e for e in scored(pipeline, text) if e.plover == "CONSULT"]
    assert len(consultations) == 1, [(e.trigger.text if e.trigger else None) for e in consultations]


@pytest.mark.issue(13)
def test_events_definite_event_noun_with_its_parties_is_new(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the phrase names its parties ("the visit of X to Y"): it establishes an event of its own
    text = ("Chile and Peru held talks on Monday. "
            "The visit of the Chilean president to Bolivia ended on Friday.")
    assert ("CONSULT", "CHL", "BOL") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_agreeing_how_things_are_is_a_view(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 019 express accord: agreeing that something is so shares a view, no intent to act
    text = "Chilean and Peruvian officials agreed on Monday that the border talks had failed."
    assert not [e for e in scored(pipeline, text) if e.plover == "AGREE"]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chilean and Peruvian officials agreed on Monday that their countries should cooperate on trade.",
    "Chile agreed on Monday to withdraw its troops from the border with Peru.",
])
def test_events_agreeing_what_is_to_be_done_is_intent(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in scored(pipeline, text) if e.plover == "AGREE"]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chilean troops arrived in Peru on Tuesday.",
    "Chilean soldiers are in Peru.",
])
def test_events_forces_abroad_make_no_visit(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 042 make a visit is a travel of officials; troops arriving are a deployment
    assert not [e for e in scored(pipeline, text) if e.plover == "CONSULT"]


@pytest.mark.issue(13)
def test_events_official_arriving_abroad_makes_a_visit(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Chilean foreign minister arrived in Peru on Tuesday."
    assert ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_planned_deployment_aimed_at_no_one_is_mobilization(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "Chile plans to deploy missiles to its northern region.")
    assert [(e.plover, e.status) for e in events] == [("MOBILIZE", "planned")]


@pytest.mark.issue(13)
def test_events_planned_deployment_against_a_party_is_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "Chile plans to deploy troops against Peru.")
    assert ("THREATEN", "CHL", "PER") in dyads(events)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chilean forces crushed a Peruvian attack, the army said on Tuesday.",
    "The army said on Tuesday that Chilean forces had crushed a Peruvian attack.",
])
def test_events_reported_act_is_dated_by_its_report(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc(text, "1987-03-25"))  # a Wednesday
    attacks = [e for e in out.events if e.plover == "ASSAULT"]
    assert attacks and attacks[0].date == "1987-03-24" and attacks[0].date_basis == "text"


@pytest.mark.issue(13)
def test_events_act_with_its_own_date_keeps_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean forces crushed a Peruvian attack on Monday, the army said on Tuesday."
    attacks = [e for e in pipeline.extract_one(make_doc(text, "1987-03-25")).events
               if e.plover == "ASSAULT"]
    assert attacks and attacks[0].date == "1987-03-23"


@pytest.mark.issue(13)
def test_events_headline_infinitive_is_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    # headline style: "X to do Y" with no finite verb announces what X will do
    events = scored(pipeline, "Peru to send troops to Chilean border")
    assert events and all(e.status == "planned" for e in events)


@pytest.mark.issue(13)
def test_events_planned_deployment_of_own_troops_threatens_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "Peru plans to send troops to the border.")
    assert [(e.plover, e.target) for e in events] == [("MOBILIZE", None)]


@pytest.mark.issue(13)
def test_events_headline_restated_in_the_body_is_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile expels Peruvian diplomats over spying row\n\n"
            "The Chilean government expelled two Peruvian diplomats on Monday.")
    expulsions = [e for e in pipeline.extract_one(make_doc(text, "2018-01-10")).events
                  if e.plover == "SANCTION"]
    # the body's, with its date
    assert [e.date for e in expulsions] == ["2018-01-08"]


@pytest.mark.issue(13)
def test_events_headline_act_the_body_does_not_restate_stays(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile expels Peruvian diplomats over spying row\n\n"
            "Peru said on Monday it would recall its ambassador.")
    assert ("SANCTION", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile welcomed the outcome of the Peruvian election.",
    "Chile welcomed Peru's decision to reopen the border.",
])
def test_events_welcoming_no_visitor_is_praise(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0 files WELCOME under ACCLAIM (051); hosting (043) needs a visitor
    assert ("SUPPORT", "CHL", "PER") in dyads(scored(pipeline, text))
    assert not [e for e in scored(pipeline, text) if e.plover == "CONSULT"]


@pytest.mark.issue(13)
def test_events_welcoming_a_visitor_is_hosting(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, "Chile welcomed the Peruvian delegation."))


@pytest.mark.issue(13)
def test_events_receiving_a_thing_hosts_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not scored(pipeline, "The Chilean president received the Peruvian report on Monday.")
    assert ("CONSULT", "CHL", "PER") in dyads(
        scored(pipeline, "The Chilean president received the Peruvian foreign minister on Monday."))


@pytest.mark.issue(13)
def test_events_country_beating_country_is_no_assault(pipeline) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 182 physically assault is force against persons; "Chile beat Peru" is a match won
    assert not scored(pipeline, "Chile beat Peru on Monday.")
    assert ("ASSAULT", "CHL", "PER") in dyads(scored(pipeline, "Chilean police beat Peruvian protesters."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "target"), [
    ("In separate talks with Bolivia's finance minister, Chilean envoys demanded that Peru cut "
     "its tariffs.", "BOL"),
    ("During high-level talks on Friday, Chile criticised Peru's tax plans.", "PER"),
    ("At a meeting in Quito, Chile asked Peru to reopen the border.", "PER"),
])
def test_events_meeting_named_in_an_adjunct_took_place(pipeline, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert ("CONSULT", "CHL", target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_meeting_adjunct_that_refers_back_is_no_new_meeting(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile and Peru held talks in Lima on Monday. "
            "During their discussion, Chile praised Peru's president.")
    assert len([e for e in scored(pipeline, text) if e.plover == "CONSULT"]) == 1


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile is considering sanctions against Peru.",
    "Chile is weighing retaliation against Peru.",
])
def test_events_act_under_consideration_has_not_happened(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 014 consider policy option: a statement, neither the act nor a meeting
    assert not scored(pipeline, text)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "target"), [
    ("Chilean police fired tear gas at protesters in Santiago.", "CHL"),
    ("Chilean troops fired at Peruvian border guards.", "PER"),
])
def test_events_firing_at_a_party_aims_at_it(pipeline, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO.2.0 FIRE: "* AT" [190], "* {TEAR GAS}" [175]: the "at" party is the one fired on
    assert ("ASSAULT", "CHL", target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_denied_act_is_negated(pipeline) -> None:  # type: ignore[no-untyped-def]
    out = pipeline.extract_one(make_doc("Chile denied that its troops had crossed into Peru."))
    assert [e.status for e in out.events if e.plover == "ASSAULT"] == ["negated"]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile hopes to sign a trade deal with Peru.",
    "Chile intends to impose sanctions on Peru.",
])
def test_events_hoped_or_intended_act_is_planned(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, text)
    assert events and all(e.status == "planned" for e in events)


@pytest.mark.issue(13)
def test_events_preparing_to_act_announces_the_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, "Chile is preparing to impose sanctions on Peru.")
    assert [(e.plover, e.status) for e in events] == [("THREATEN", "planned")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source"), [
    ("Twelve Chilean soldiers were killed in an attack by Peruvian forces.", "PER"),
    ("Four Chilean border guards were wounded in a Peruvian air strike near Arica.", "PER"),
    ("Twelve Chilean soldiers died in a Peruvian attack on Monday.", "PER"),
])
def test_events_casualties_of_a_named_attack_are_its_targets(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                             source: str) -> None:
    """The dead of an attack named in the clause's adjunct: its attacker is the source,
    the dead the target (not an unidentified attacker, not no event)."""
    found = dyads(scored(pipeline, text))
    assert ("ASSAULT", source, "CHL") in found
    assert not any(s == "CHL" for _, s, _ in found)


@pytest.mark.issue(13)
def test_events_an_attacker_named_without_a_country_is_placed_like_any_other(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Killed in an attack by extremists": the attack's role-only attacker is its source, of the
    country where it acts on its victims, as the subject "extremists killed" would be."""
    events = scored(pipeline, "Four Chilean policemen were killed in an attack by extremists.")
    assert [(e.plover, e.source.code if e.source else None) for e in events] == [
        ("ASSAULT", "CHLRAD")]


@pytest.mark.issue(13)
def test_events_casualties_of_an_unnamed_attack_keep_the_unidentified_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in scored(pipeline, "Three soldiers were killed in an ambush in Kandahar.")
              if e.plover == "ASSAULT"]
    assert [e.source.sector for e in events if e.source is not None] == ["UAF"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Chile fired missiles at Peruvian positions.", "ASSAULT"),
    ("Chile launched a raid on Peruvian positions.", "ASSAULT"),
    ("Chilean commandos carried out an ambush on Peruvian troops.", "ASSAULT"),
    ("Chile began a bombardment of Peruvian towns.", "ASSAULT"),
    ("Chile laid siege to the Peruvian town of Tacna.", "COERCE"),
])
def test_events_violent_acts_named_by_dictionary_verbs_and_their_nouns(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                                       plover: str) -> None:
    """The CAMEO.2.0 FIRE block's "* ROCKET (AT +)" names whom it is fired at; a raid, an
    ambush, a bombardment or a siege is the act of its dictionary verb."""
    assert (plover, "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile held Peru responsible for the attack on its embassy.",
    "Chile holds Peru responsible for the deaths of its citizens.",
])
def test_events_dictionary_pattern_reads_a_small_clause_adjective(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 HOLD "* RESPONSIBLE" [112]: the adjective stands after the verb whatever
    clause label the parser gives it."""
    assert ("ACCUSE", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile to impose sanctions on Peru.",
    "Chile is to impose sanctions on Peru.",
])
def test_events_arranged_future_is_planned(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """A headline's "X to do Y" and "X is to do Y" announce an act, not report one done."""
    events = [e for e in scored(pipeline, text) if e.source is not None and e.source.country == "CHL"]
    assert events and all(e.status == "planned" for e in events)
    assert any(e.target is not None and e.target.country == "PER" for e in events)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Thousands marched in Santiago against the pension reform.",
    "Hundreds protested in Santiago on Sunday.",
])
def test_events_counted_crowd_protests_as_civilians(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in scored(pipeline, text) if e.plover == "PROTEST"]
    assert [(e.source.country, e.source.sector) for e in events if e.source is not None] == [("CHL", "CVL")]


@pytest.mark.issue(13)
def test_events_counted_things_are_no_crowd(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in scored(pipeline, "Thousands of dollars were lost in Santiago.")
                if e.plover == "PROTEST"]


@pytest.mark.issue(13)
def test_events_phrasal_verb_of_its_own_is_not_its_bare_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 lists "+BACK_DOWN" under RETREAT [080]: backing down is yielding, not the
    support "back" [051] is; the threat it backs down from is left, not made."""
    plovers = {e.plover for e in scored(
        pipeline, "Peru backed down from its threat to impose tariffs on Chile.")}
    assert plovers == {"CONCEDE"}
    assert ("SUPPORT", "PER", "CHL") in dyads(scored(pipeline, "Peru backed Chile's bid."))


@pytest.mark.issue(13)
@pytest.mark.parametrize("second", [
    "The two sides agreed to reopen the border.",
    "Both countries agreed to reopen the border.",
    "The two leaders agreed to reopen the border.",
])
def test_events_a_phrase_counting_two_parties_is_the_pair_just_named(pipeline, second: str) -> None:  # type: ignore[no-untyped-def]
    text = "Chile's president met Peru's president in Lima on Monday. " + second
    agree = [e for e in scored(pipeline, text) if e.plover == "AGREE"]
    assert agree and {agree[0].source.country, agree[0].target.country} == {"CHL", "PER"}


@pytest.mark.issue(13)
def test_events_the_pair_may_be_named_earlier_in_the_same_sentence(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile's president met Peru's president in Lima on Monday, and both sides agreed "
            "to reopen the border.")
    agree = [e for e in scored(pipeline, text) if e.plover == "AGREE"]
    assert agree and {agree[0].source.country, agree[0].target.country} == {"CHL", "PER"}


@pytest.mark.issue(13)
def test_events_a_pair_as_object_is_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Urged both sides": one request, aimed at a member of the pair just named (as
    coordinated targets are), never at the source's own country."""
    text = ("Chilean troops shelled Peruvian border posts. "
            "The United States urged both sides to show restraint.")
    requests = [e for e in scored(pipeline, text) if e.plover == "REQUEST"]
    assert [(e.source.country, e.target.country in ("CHL", "PER")) for e in requests] \
        == [("USA", True)]
    later = ("Chilean troops shelled Peruvian border posts. Markets fell in Lima. Prices rose. "
             "The United States urged both governments to show restraint.")
    requests = [e for e in scored(pipeline, later) if e.plover == "REQUEST"]
    assert [(e.source.country, e.target.country in ("CHL", "PER")) for e in requests] \
        == [("USA", True)]
    # "both countries" are states: a pair of fishermen and an embassy stands for their countries
    text = ("Peruvian fishermen protested outside the Chilean embassy in Lima. "
            "Bolivia's president urged both countries to resolve the dispute.")
    requests = [e for e in scored(pipeline, text) if e.plover == "REQUEST"]
    assert [(e.source.code, e.target.code) for e in requests] in ([("BOLGOV", "PER")], [("BOLGOV", "CHL")])
    # with no pair reported, two parties unnamed are nobody's: never the source's compatriots
    assert not scored(pipeline, "Bolivia's president urged both countries to resolve the dispute.")


@pytest.mark.issue(13)
def test_events_a_pair_named_long_before_is_no_antecedent(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Chile's president met Peru's president in Lima on Monday. Markets were calm. "
            "Prices rose in Santiago. The two sides agreed to reopen the border.")
    assert not [e for e in scored(pipeline, text) if e.plover == "AGREE"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Norway asks Chile for military and economic aid.", "REQUEST"),
    ("Two Peruvian fighter jets shot down a Chilean aircraft.", "ASSAULT"),
])
def test_events_a_verb_with_a_preposition_keeps_its_hand_entry(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    """Only a particle makes a phrasal verb of its own; "ask ... for" is "ask"."""
    assert plover in {e.plover for e in scored(pipeline, text)}


@pytest.mark.issue(13)
def test_events_event_noun_as_subject_is_not_its_own_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The party inside "protests against the government" is what they are against."""
    events = scored(pipeline, "Protests against the Peruvian government spread to Cusco.")
    assert not [e for e in events if e.source is not None and e.source.sector == "GOV"]


@pytest.mark.issue(13)
def test_events_capital_giving_a_received_act_is_its_government(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "Chile's decision drew sharp criticism from Lima."))
    assert ("ACCUSE", "PER", "CHL") in found and ("ACCUSE", "CHL", "PER") not in found


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Peru's refusal to extradite the suspect angered Chile.", ("REJECT", "PER", "CHL")),
    ("Chile's praise for Peru surprised analysts.", ("SUPPORT", "CHL", "PER")),
    ("Chile's endorsement of Peru's candidate surprised analysts.", ("SUPPORT", "CHL", "PER")),
])
def test_events_nouns_of_dictionary_verbs_state_their_acts(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                          expected: tuple[str, str, str]) -> None:
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_saying_a_party_is_responsible_for_harm_blames_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert ("ACCUSE", "CHL", "PER") in dyads(scored(
        pipeline, "Chile said Peru was responsible for the attack on its border post."))
    # responsibility for something that is no harm is no accusation
    assert not [e for e in scored(pipeline, "Chile said Peru was responsible for trade policy.")
                if e.plover == "ACCUSE"]


@pytest.mark.issue(13)
def test_events_no_intention_of_doing_refuses_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    """As "has no plans to negotiate": a negated intent to meet is a refusal (CAMEO 125)."""
    assert ("REJECT", "CHL", "PER") in dyads(scored(
        pipeline, "Chile has no intention of negotiating with Peru."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile joined Peru in condemning the coup in Bolivia.", ("ACCUSE", "CHL", "BOL")),
    ("Chile joined Peru in criticising Bolivia.", ("ACCUSE", "CHL", "BOL")),
])
def test_events_act_joined_in_is_the_joiners_own(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                 expected: tuple[str, str, str]) -> None:
    """CAMEO.2.0 JOIN "* (IN CONDEMNING)": the act joined in is aimed at its own object, not
    at the party joined."""
    found = dyads(scored(pipeline, text))
    assert expected in found and ("ACCUSE", "CHL", "PER") not in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Three Chilean soldiers were killed in an ambush near Arica, Chile's defence ministry said.",
    "Three soldiers were killed near Arica, the defence ministry said.",
])
def test_events_own_losses_reported_are_not_the_reporters_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """A side reporting its own dead did not kill them: the attacker is unnamed (UAF)."""
    attacks = [e for e in scored(pipeline, text) if e.plover == "ASSAULT"]
    assert attacks and all(e.source is not None and e.source.sector == "UAF" for e in attacks)


@pytest.mark.issue(13)
def test_events_a_war_communique_reports_its_own_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peruvian positions were shelled overnight, Chile's army said."
    assert ("ASSAULT", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_state_body_in_a_speakers_words_is_the_speakers_countrys(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peru's president said the government held Chile responsible for the attack."
    assert ("ACCUSE", "PER", "CHL") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile recalled its envoy on Monday, accusing Peru of violating the treaty.",
    "Chile closed the border, blaming Peru for the attack.",
])
def test_events_an_accusing_participle_is_an_act_of_its_own(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, text)
    assert ("ACCUSE", "CHL", "PER") in dyads(events)
    assert len({e.plover for e in events}) == 2  # the main clause's act is kept too


@pytest.mark.issue(13)
def test_events_what_an_act_is_described_as_is_the_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 DESCRIBE "* (AS MISTAKE)" [110], "* (AS LAWLESS)" [111]: describing a
    party's act as a wrong criticises the party; a neutral description stays a statement."""
    text = "Peru imposed sanctions on Chile. Chile described the sanctions as illegal."
    assert ("ACCUSE", "CHL", "PER") in dyads(scored(pipeline, text))
    assert not scored(pipeline, "Chile described the situation on the border as calm.")


@pytest.mark.issue(13)
def test_events_a_countryless_party_acts_where_the_article_is(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Domestic event coding: police named without a country, in a sentence that names no
    place, act in the country where the article's places lie."""
    text = ("Thousands of people marched in Lima on Saturday against the pension reform. "
            "Police fired tear gas at the protesters.")
    police = [e for e in scored(pipeline, text) if e.source is not None and e.source.sector == "COP"]
    assert police and police[0].source.country == "PER" and police[0].target.country == "PER"


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Peru took a series of measures against Chile.", None),
    ("It could take several months for Chile to answer Peru.", None),
    ("Chilean forces took the Peruvian town of Tacna.", "COERCE"),
    ("Thousands of Peruvians took to the streets of Lima.", "PROTEST"),
])
def test_events_taking_is_a_seizure_only_of_a_place_or_property(pipeline, text: str,
                                                                  plover: str | None) -> None:
    """CAMEO.2.0 lists TAKE under APPREHEND [171]; its patterns give the act by the object."""
    assert {e.plover for e in scored(pipeline, text)} == ({plover} if plover else set())


@pytest.mark.issue(13)
def test_events_joining_a_body_is_no_meeting(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's JOIN is in the ASSEMBLE block [040] (people gathering): joining an
    alliance is no meeting; joining talks is the talks."""
    assert not [e for e in scored(pipeline, "Peru joined the Pacific Alliance of Chile and Mexico.")
                if e.plover == "CONSULT"]
    assert ("CONSULT", "CHL", "PER") in dyads(scored(pipeline, "Chile joined the talks with Peru."))


@pytest.mark.issue(13)
def test_events_a_dictionary_patterns_preposition_introduces_the_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 STAND "* (BY)" [051]: the object of the preposition the pattern names is
    whom the act is aimed at."""
    assert ("SUPPORT", "CHL", "PER") in dyads(scored(pipeline, "Chile said it stood by Peru."))


@pytest.mark.issue(13)
def test_events_a_body_owned_by_a_pronoun_is_the_possessors(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"His government" is the government of whoever "his" is, not the country the article
    is mostly about."""
    text = ("Chile's president visited Lima on Monday. Chilean officials said Chile wanted "
            "closer ties. The Peruvian president praised the visit. He said his government "
            "would send a trade delegation to Santiago.")
    sent = [e for e in scored(pipeline, text) if e.trigger is not None and e.trigger.text == "send"]
    assert sent and sent[0].source is not None and sent[0].source.country == "PER"


@pytest.mark.issue(13)
def test_events_marching_through_a_city_places_the_article_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Through X", like "across" and "throughout", is where the act happens: it places the
    article's countryless parties."""
    text = ("Thousands of people marched through Lima on Saturday against the pension reform. "
            "Police fired tear gas at the protesters.")
    police = [e for e in scored(pipeline, text) if e.source is not None and e.source.sector == "COP"]
    assert police and police[0].source.country == "PER"


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Peru protested against Chile's decision to expel two Peruvian diplomats.",
     ("SANCTION", "CHL", "PER")),
    ("The decision by Chile to impose tariffs on Peruvian copper angered Lima.",
     ("SANCTION", "CHL", "PER")),
    ("Peru condemned Chile's move to expel two Peruvian diplomats.", ("SANCTION", "CHL", "PER")),
])
def test_events_a_partys_decision_to_act_is_the_act(pipeline, text: str,
                                                   expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """"X's decision to <act>" reports the act decided, as "X decided to <act>" does, with X
    (the possessor or the "by" phrase) as its agent."""
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_decision_with_no_named_party_gives_no_agent(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The decision to expel two Peruvian diplomats angered Lima."
    assert not [e for e in scored(pipeline, text) if e.plover == "SANCTION"]


@pytest.mark.issue(13)
def test_events_a_place_in_a_clause_about_a_party_is_not_where_the_act_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"The minister, who studied in Santiago, accused ...": the relative clause's place is
    where its own predicate happened; it neither locates the accusation nor gives an unnamed
    party that place's country."""
    text = "The Peruvian minister, who studied in Santiago, accused the rebels of the attack."
    accusations = [e for e in scored(pipeline, text) if e.plover == "ACCUSE"]
    assert accusations and accusations[0].location is None


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO.2.0 files REITERATE and RESTATE with QUOTE [010]: a statement whose content clause
    # is reported, so a stated future act is planned (a threat), not a hypothesis
    ("Peru's president reiterated that his country would retaliate against Chile.",
     ("THREATEN", "PER", "CHL")),
    # a reply's content is reported as a statement's is (CAMEO.2.0 REACT block: REPLY)
    ("Peru replied that it would expel two Chilean diplomats.", ("THREATEN", "PER", "CHL")),
    # the clause after an event noun object is the noun's content, wherever the parser hangs it
    ("The United Nations repeated its demand today that Chile free the Peruvian fishermen.",
     ("REQUEST", "IGO", "CHL")),
])
def test_events_reiterating_reports_its_content(pipeline, text: str,
                                                expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = {(e.plover, (e.source.code or "")[:3] if e.source else None,
              e.target.country if e.target else None) for e in scored(pipeline, text)}
    assert expected in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Peru pushed for talks with Chile.",
    "Peru pressed for sanctions against Chile.",
])
def test_events_what_is_demanded_has_not_happened(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """A verb of CAMEO.2.0's DEMAND block [100] keeps its clause: the talks or sanctions
    pressed for are a request, not talks held or sanctions imposed."""
    found = {e.plover for e in scored(pipeline, text)}
    assert "REQUEST" in found and not found & {"CONSULT", "SANCTION"}


@pytest.mark.issue(13)
def test_events_an_act_asked_for_is_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = {e.plover for e in scored(pipeline, "Peru requested Chilean assistance after the floods.")}
    assert "REQUEST" in found and "AID" not in found


@pytest.mark.issue(13)
def test_events_suspending_attacks_de_escalates(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's CANCEL block codes halting attacks or fighting as de-escalation [0871]
    (PLOVER RETREAT), not as reduced relations [160], as suspending talks is."""
    found = dyads(scored(pipeline, "Peruvian rebels suspended their offensive against the Chilean army."))
    assert ("RETREAT", "PER", "CHL") in found and not any(d[0] == "SANCTION" for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Peru recalled its ambassador after Chile expelled two Peruvian diplomats.",
     ("SANCTION", "PER", "CHL")),
    ("Peru protested strongly after Chilean troops crossed the border.", ("ACCUSE", "PER", "CHL")),
    ("Peru recalled its ambassador in response to Chile's expulsion of two diplomats.",
     ("SANCTION", "PER", "CHL")),
    ("Peru recalled its ambassador following the Chilean decision to expel two diplomats.",
     ("SANCTION", "PER", "CHL")),
    # demands and threats answer another's act as complaints do
    ("Peru demanded an explanation after Chilean jets crossed into its airspace.",
     ("REQUEST", "PER", "CHL")),
])
def test_events_a_reaction_is_aimed_at_the_author_of_what_it_follows(pipeline, text: str,
                                                                    expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_states_protest_is_not_aimed_at_its_own_government(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A state's protest is a complaint (PLOVER ACCUSE); with no one named it has no target,
    never the protesting state's own authorities (the domestic default is for crowds)."""
    found = dyads(scored(pipeline, "Peru protested after Peruvian farmers were attacked."))
    assert ("ACCUSE", "PER", "PER") not in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile's decision could trigger more attacks on Peruvian ships.",
    "The Chilean move provoked protests in Peru.",
    "Chile's raid sparked riots in Lima.",
])
def test_events_what_a_verb_of_causing_brings_about_is_not_its_subjects_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's PROMPT, FUEL and PROVOKE blocks are verbs of causing: the attacks or
    protests they bring about are other parties' acts, not the cause's (Chile's)."""
    assert not any(e.source is not None and e.source.country == "CHL" for e in scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_caused_act_keeps_its_own_named_agent(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "The Chilean tariffs caused protests by Peruvian farmers."))
    assert any(d[0] == "PROTEST" and d[1] == "PER" for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile announced the lifting of sanctions against Peru.",
    "Chile announced an easing of its arms embargo on Peru.",
    "Chile announced the suspension of sanctions against Peru.",
])
def test_events_ending_sanctions_named_by_a_noun_eases_them(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """A verb's -ing noun with its "of" object states what the verb does to it ("the lifting
    of sanctions" is "lift sanctions", CAMEO 085, PLOVER RETREAT), as do the nouns of
    CAMEO.2.0's RELAX and WAIVE * SANCTIONS: the sanctions are eased, not imposed."""
    found = dyads(scored(pipeline, text))
    assert ("RETREAT", "CHL", "PER") in found and not any(d[0] == "SANCTION" for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile said it was ready to take military action against Peru.", ("THREATEN", "CHL", "PER")),
    ("Chile took military action against Peru.", ("ASSAULT", "CHL", "PER")),
])
def test_events_military_action_is_force(pipeline, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 codes military action as force ("* {&MILITARY ACTION}" [190]); readiness to
    use force is a threat (PLOVER: a planned coercive act is THREATEN)."""
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile ruled out sanctions against Peru.",
    "Chile ruled out military action against Peru.",
    "Chile ruled out imposing sanctions on Peru.",
])
def test_events_what_is_ruled_out_is_not_done(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.plover for e in scored(pipeline, text)}
    assert not found & {"SANCTION", "ASSAULT"}


@pytest.mark.issue(13)
def test_events_ruling_out_talks_rejects_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's REFUSE block: "+RULE_OUT * TALKS" [125]."""
    assert ("REJECT", "CHL", "PER") in dyads(scored(pipeline, "Chile ruled out talks with Peru."))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile awaited talks with Peru.",
    "Chile avoided sanctions against Peru.",
])
def test_events_an_uncoded_verbs_object_is_not_its_subjects_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """An event noun that is the object of a verb neither the lexicon nor the CAMEO
    dictionary codes is not the subject's act: awaiting talks or avoiding sanctions is
    neither talking nor sanctioning."""
    assert not any(e.source is not None and e.source.country == "CHL" for e in scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile waged war on Peru.", ("ASSAULT", "CHL", "PER")),
    ("Peruvian students staged a protest against Chile.", ("PROTEST", "PER", "CHL")),
    ("Peruvian police laid siege to the Chilean embassy.", ("COERCE", "PER", "CHL")),
])
def test_events_verbs_the_lemmatiser_misreads_are_coded(pipeline, text: str,
                                                        expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """spaCy's rule lemmatiser reads "waged" as "wag" and "staged" as "stag"; the reading
    the lexicon or the CAMEO dictionary knows is used."""
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_shielding_is_no_assault_but_human_shields_are(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 184 is using people as human shields (CAMEO.2.0 "USE * (AS {HUMAN SHIELD})");
    shielding something is the DEFEND block's protection, never an assault."""
    found = dyads(scored(pipeline, "Peruvian protesters wore masks to shield their identities."))
    assert not any(d[0] == "ASSAULT" for d in found)
    shields = scored(pipeline, "Peruvian rebels used Chilean civilians as human shields.")
    assert ("ASSAULT", "PER", "CHL") in dyads(shields)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    # CAMEO.2.0 PHYSICAL_CONFLICT: "STRIKE * DEAL" [057]
    ("Chile struck a deal with Peru on Monday.", "SUPPORT", "ASSAULT"),
    # CAMEO.2.0 FIRE: "* WORKER" [160]: firing people dismisses them
    ("Peru's government fired the head of the navy after the crash.", None, "ASSAULT"),
    # killing a bill rejects it (CAMEO 12)
    ("Chile's Senate killed the Peruvian trade bill on Monday.", "REJECT", "ASSAULT"),
])
def test_events_word_senses_of_strike_fire_and_kill(pipeline, text: str, expected: str | None,
                                                    not_expected: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.plover for e in scored(pipeline, text)}
    assert not_expected not in found
    assert expected is None or expected in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "The Chilean army shelled rebel positions in the north on Monday.",
    "Chilean troops captured a guerrilla stronghold near Arica.",
    "Chilean jets bombed a rebel camp in the mountains.",
])
def test_events_attack_on_a_partys_installation_targets_the_party(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """The CAMEO verb dictionary codes attacks and captures on BASE, CAMP, POSITIONS and its
    &STRONGHOLD synset: the party named before the noun is the target."""
    events = [e for e in scored(pipeline, text) if e.plover == "ASSAULT"]
    assert events, text
    assert events[0].target is not None and events[0].target.sector == "REB"
    assert events[0].target.country == "CHL"  # rebels fighting a state's forces at home


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Protesters rallied outside the Chilean embassy in Lima on Monday.", "PER", "CHL"),
    ("Hundreds of Chileans demonstrated in front of the Peruvian consulate in Santiago.",
     "CHL", "PER"),
    ("Thousands of Peruvians protested outside the Chilean embassy.", "PER", "CHL"),
])
def test_events_protest_at_an_embassy_is_aimed_at_its_state(pipeline, text: str, source: str,
                                                            target: str) -> None:  # type: ignore[no-untyped-def]
    """An embassy or consulate is its state's mission (Phoenix agents: GOV): a protest held
    there is aimed at that state; the protesters are of the place, not of the mission."""
    assert ("PROTEST", source, target) in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile condemned the attack on its fishing boats by the Peruvian navy.",
     {("ACCUSE", "CHL", "PER"), ("ASSAULT", "PER", "CHL")}),
    ("Chile opened an investigation into the abuse of migrants by Peruvian police.",
     {("ACCUSE", "CHL", "PER")}),
])
def test_events_a_nouns_by_phrase_hung_on_the_verb_names_its_agent(pipeline, text: str,
                                                                   expected: set) -> None:  # type: ignore[type-arg]
    """The parser hangs the "by" phrase after an event noun's own phrase on the active verb
    whose object the noun is; an active verb has no agent, so it is the noun's: whose attack
    is condemned, whose abuse is investigated."""
    assert expected <= dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_dictionary_mutual_pattern_is_between_the_coordinated_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 "EXCHANGE * ACCUSATIONS [112:112]": Chile and Peru accuse each other; the
    topic of the quarrel is no party to it."""
    found = dyads(scored(pipeline, "Peru and Chile exchanged accusations over the killing of "
                                   "a fisherman."))
    assert found & {("ACCUSE", "PER", "CHL"), ("ACCUSE", "CHL", "PER")}
    assert not any(d[0] == "ACCUSE" and d[1] == d[2] for d in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile accused Peru of dumping copper and threatened to retaliate.", ("THREATEN", "CHL", "PER")),
    ("Chile met Peru's foreign minister and demanded compensation.", ("REQUEST", "CHL", "PER")),
])
def test_events_second_act_of_a_subject_is_aimed_at_the_first_acts_party(pipeline, text: str,
                                                                         expected: tuple) -> None:  # type: ignore[type-arg]
    """A demand, accusation, refusal, threat or sanction coordinated after an act of the
    same subject on another party, naming no party of its own, is aimed at that party."""
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_second_act_names_its_own_party_or_none_of_the_subjects_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "Chile accused Peru of dumping and demanded talks with Bolivia."))
    assert ("REQUEST", "CHL", "PER") not in found
    own = dyads(scored(pipeline, "Chile praised its own navy and threatened to retaliate."))
    assert not any(d[0] == "THREATEN" for d in own)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The Chilean Senate approved a bill imposing sanctions on Peru.", ("SANCTION", "CHL", "PER"),
     "CONCEDE"),
    ("Chile's parliament passed a resolution condemning Peru.", ("ACCUSE", "CHL", "PER"), "CONCEDE"),
])
def test_events_an_adopted_instrument_states_its_act(pipeline, text: str, expected: tuple,  # type: ignore[type-arg]
                                                     not_expected: str) -> None:
    """Adopting a law or a resolution is coded by what it does (CAMEO.2.0 "APPROVE * BAN"
    [172]), not by the ALLOW block's default for letting something pass (CAMEO 080)."""
    found = dyads(scored(pipeline, text))
    assert expected in found
    assert not any(d[0] == not_expected for d in found)


@pytest.mark.issue(13)
def test_events_a_bystander_reporting_a_killing_is_not_the_killer(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A party's communique reports its own side's acts in the passive ("Peruvian positions
    were shelled, the Chilean army said"); a rights group, a hospital or a newspaper reporting
    deaths is no party to the fight: the attackers stay unidentified (UAF of the place)."""
    found = scored(pipeline, "A human rights group said at least 26 people had been killed "
                             "in Lima.")
    assert found and all(e.source is not None and e.source.sector == "UAF" for e in found
                         if e.plover == "ASSAULT")
    army = dyads(scored(pipeline, "The Chilean army said Peruvian positions were shelled."))
    assert ("ASSAULT", "CHL", "PER") in army


@pytest.mark.issue(13)
def test_events_a_counter_act_keeps_the_modality_of_its_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Chilean forces repulsed a Peruvian offensive" codes the repulse (CAMEO 19) beside the
    offensive; "are ready to repel any Peruvian attack" states readiness: nothing was
    repelled, so no assault is coded as done."""
    done = dyads(scored(pipeline, "Chilean forces repulsed a Peruvian offensive."))
    assert ("ASSAULT", "CHL", "PER") in done
    ready = pipeline.extract_one(make_doc("Chilean forces are ready to repel any Peruvian attack."))
    assert not any(e.plover == "ASSAULT" and e.status == "occurred" for e in ready.events)


@pytest.mark.issue(13)
def test_events_a_party_named_by_its_family_is_the_articles_and_beats_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Labour", "the Socialists": a party family several countries share the name of is
    the party of the country the article is about (CAMEO sector PTY), matched only when
    capitalised; a party "beating" a governor won a vote (CAMEO 182 is force on persons)."""
    accused = dyads(scored(pipeline, "Peruvian President Juan Perez met union leaders in Lima on "
                                     "Monday. The Socialists accused him of betraying workers."))
    assert ("ACCUSE", "PER", "PER") in accused
    vote = pipeline.extract_one(make_doc("In Peru, the Socialists beat the incumbent governor, "
                                         "Juan Perez, in Sunday's vote."))
    assert not any(e.plover == "ASSAULT" for e in vote.events)
    police = dyads(scored(pipeline, "Peruvian police beat Chilean protesters in Lima."))
    assert ("ASSAULT", "PER", "CHL") in police


@pytest.mark.issue(13)
def test_events_brussels_is_the_union_in_news_of_the_union(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Brussels" acting in an article that names the EU or its Commission is the Union's
    institutions, which sit there; elsewhere it stays Belgium's government."""
    union = pipeline.extract_one(make_doc("The European Commission met Peruvian negotiators. "
                                          "Brussels rejected the Peruvian proposal on Monday."))
    assert any(e.plover == "REJECT" and e.source is not None and e.source.code == "IGOEEC"
               for e in union.events)
    belgium = pipeline.extract_one(make_doc("Belgian police raided homes. Brussels rejected the "
                                            "Peruvian proposal on Monday."))
    assert any(e.plover == "REJECT" and e.source is not None and e.source.code == "BELGOV"
               for e in belgium.events)


@pytest.mark.issue(13)
def test_events_a_bloc_noun_is_the_body_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"The bloc", "the alliance", "the union" refer back to the last international body named
    whose name fits them (the alliance needs an alliance or a treaty body)."""
    bloc = scored(pipeline, "Mercosur ministers met in Lima on Monday. The bloc accused Chile "
                            "of dumping wheat.")
    assert any(e.plover == "ACCUSE" and e.source is not None and e.source.code == "IGOMER"
               and e.target is not None and e.target.country == "CHL" for e in bloc)
    workers = pipeline.extract_one(make_doc("Peruvian dock workers joined the union. The union "
                                            "accused Chile of dumping wheat."))
    assert not any(e.source is not None and (e.source.code or "").startswith("IGO")
                   for e in workers.events)


@pytest.mark.issue(13)
def test_events_commerce_between_private_parties_is_no_cooperation(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A firm's offer to its customers or investors welcoming a deal is business news (issue
    13, point 6); a state's offer to the same public is an event."""
    firm = pipeline.extract_one(make_doc("A Peruvian airline offered free flights to Peruvian "
                                         "customers."))
    assert not any(e.plover == "AGREE" for e in firm.events)
    state = dyads(scored(pipeline, "Peru offered free repairs to Chilean fishermen."))
    assert ("AGREE", "PER", "CHL") in state


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Thousands of protesters gathered in Santiago on Sunday.",
    "Demonstrators assembled in front of the presidential palace in Santiago.",
])
def test_events_protesters_gathering_demonstrate(pipeline, text: str) -> None:
    """CAMEO 141 demonstrate or rally: protesters gathering is a demonstration, aimed by
    the domestic convention at the authorities where it happens."""
    assert ("PROTEST", "CHL", "CHL") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_protest_outside_an_embassy_targets_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of protesters gathered outside the Peruvian embassy in Santiago."
    assert ("PROTEST", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_speakers_act_joined_to_a_copular_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"X said the move was illegal and demanded ...": the parser hangs the speaker's second
    act on the copular content clause; it is the speaker's, aimed at the party described."""
    found = dyads(scored(pipeline, "The Chilean minister said the Peruvian move was illegal "
                                   "and demanded an apology."))
    assert ("REQUEST", "CHL", "PER") in found


@pytest.mark.issue(13)
def test_events_speakers_next_report_gives_no_party_to_the_first(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"warned that X would not be intimidated and said he had ordered the navy to ...": the
    parser hangs the speaker's second report on the first one's content; what it reports is
    not whom the warning is aimed at."""
    found = dyads(scored(pipeline, "The Peruvian president warned that his country would not "
                                   "be intimidated and said he had ordered the navy to patrol "
                                   "the coast."))
    assert ("THREATEN", "PER", "PER") not in found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chilean troops killed ten civilians in northern Peru.",
    "A Chilean air raid killed ten people in southern Peru.",
    "A Chilean air raid killed ten people near Tacna.",  # a city of Peru, no country named
])
def test_events_victims_named_without_a_country_are_of_the_place(pipeline, text: str) -> None:
    """Those attacked where the clause places the act, named without a country, are of that
    place, not of the attacker's country (issue 13, point 5: an attack's target)."""
    found = dyads(scored(pipeline, text))
    assert ("ASSAULT", "CHL", "PER") in found
    assert ("ASSAULT", "CHL", "CHL") not in found


@pytest.mark.issue(13)
def test_events_the_leader_of_a_coalition_is_its_acts_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "A Chilean-led coalition airstrike hit a school bus in "
                                   "northern Peru."))
    assert ("ASSAULT", "CHL", "PER") in found


@pytest.mark.issue(13)
def test_events_blowing_oneself_up_is_a_suicide_bombing(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 1831 carry out suicide bombing; with no target named, violence is aimed at the
    authorities where it happens (the domestic convention)."""
    events = scored(pipeline, "A suicide bomber blew himself up outside a police station in Lima.")
    assert [(e.cameo, e.source.country if e.source else None) for e in events] == [("1831", "PER")]


@pytest.mark.issue(13)
def test_events_summoning_an_ambassador_is_a_diplomatic_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    """PLOVER manual, ACCUSE: summoning an in-country ambassador to present grievances is
    ACCUSE 'disapprove', not CONSULT."""
    found = dyads(scored(pipeline, "The Chilean foreign ministry summoned the Peruvian envoy "
                                   "on Tuesday."))
    assert ("ACCUSE", "CHL", "PER") in found
    assert not any(d[0] in ("REQUEST", "CONSULT") for d in found)


@pytest.mark.issue(13)
def test_events_making_concessions_yields(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's YIELD block [080] lists CONCESSION: concessions made to a party are a
    concession to it (PLOVER CONCEDE); refused or demanded ones are not made."""
    assert ("CONCEDE", "CHL", "PER") in dyads(scored(
        pipeline, "Chile made major concessions to Peru on Tuesday."))
    assert "CONCEDE" not in {e.plover for e in scored(
        pipeline, "Chile refused to make concessions to Peru.")}


@pytest.mark.issue(13)
def test_events_threatened_coercion_naming_no_one_is_domestic(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A threat of arrest or force that names no one is aimed, as the coercion itself would
    be, at those where it is made (the domestic convention); a threat of other acts naming
    no one gives no dyad."""
    assert ("THREATEN", "CHL", "CHL") in dyads(scored(
        pipeline, "Chilean police threatened to arrest anyone marching in the capital."))
    assert not scored(pipeline, "Peru threatened to retaliate.")


@pytest.mark.issue(13)
def test_events_a_body_attacked_abroad_keeps_its_code(pipeline) -> None:  # type: ignore[no-untyped-def]
    """An international body attacked where the clause places the act stays the body."""
    events = scored(pipeline, "Chilean troops attacked UN peacekeepers in northern Peru.")
    assert [e.target.code for e in events if e.target is not None] == ["IGOUNO"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile, responding to Peru's accusations, said its navy had acted lawfully.",
     ("ACCUSE", "PER", "CHL")),
    ("Bolivia, replying to a warning from Chile, said it would keep its troops at the border.",
     ("THREATEN", "CHL", "BOL")),
])
def test_events_the_act_a_reply_answers_was_made(pipeline, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    """The act a reply answers, named with its author ("from X", "X's"), was made, and aimed
    at the one replying when its own phrase names no one else."""
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "cameo", "dyad"), [
    # PLOVER manual, COERCE 'cyber': cyber attacks and hacking (CAMEO.2.0 HACK block [176])
    ("Peruvian hackers launched a cyber attack on the Chilean foreign ministry.", "176",
     ("COERCE", "PER", "CHL")),
    ("Peru hacked the computers of the Chilean navy.", "176", ("COERCE", "PER", "CHL")),
    # COERCE 'censor' and 'withhold': cutting the internet, blocking sites (CAMEO 1721)
    ("Peru cut off internet access in the capital on Tuesday.", "1721", ("COERCE", "PER", "PER")),
    ("Chile blocked access to two Peruvian news websites.", "1721", ("COERCE", "CHL", "PER")),
    # COERCE 'seize': "execute search, confiscate property, raid" premises (CAMEO 171)
    ("Chilean police raided the offices of the Peruvian embassy's trade mission.", "171",
     ("COERCE", "CHL", "PER")),
])
def test_events_coercion_modes_without_force(pipeline, text: str, cameo: str,
                                             dyad: tuple[str, str, str]) -> None:
    events = scored(pipeline, text)
    assert [(e.cameo, (e.plover, e.source.country if e.source else None,
                       e.target.country if e.target else None)) for e in events] == [(cameo, dyad)]


@pytest.mark.issue(13)
def test_events_force_stays_force_beside_the_coercion_modes(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Guards: an attack on military positions and a raid on a village are force (CAMEO 19),
    and a state's cyber attack naming no target is no attack on its own authorities."""
    assert ("ASSAULT", "PER", "CHL") in dyads(scored(
        pipeline, "Peru launched an attack on Chilean positions near the border."))
    assert ("ASSAULT", "CHL", "PER") in dyads(scored(
        pipeline, "Chilean troops raided a village in northern Peru."))
    assert not scored(pipeline, "Chile has been preparing for a cyber attack for years.")


@pytest.mark.issue(13)
def test_events_an_aircraft_with_no_owner_named_is_an_unidentified_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's &AIRCRAFT set stands as an attacker in its patterns ("&AIRCRAFT * RAIDS"
    [195]): "a drone struck" names no party, so the attackers are unidentified armed forces
    of the place, as with "a car bomb killed"."""
    events = scored(pipeline, "A drone struck a car in Lima on Thursday, killing three farmers.")
    assert [(e.plover, e.source.code if e.source else None) for e in events] == [
        ("ASSAULT", "PERUAF")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "cameo"), [
    # the parser labels "out" a preposition when "of" follows; it is the verb's particle
    # (CAMEO.2.0 "WALK * OUT (OF MEET)" [164]; lexicon "pull" with "out" [087])
    ("Chile walked out of the talks with Peru on Tuesday.", "164"),
    ("Chilean troops pulled out of the Peruvian town of Tacna.", "087"),
])
def test_events_out_of_is_a_particle_and_its_preposition(pipeline, text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in scored(pipeline, text)}


@pytest.mark.issue(13)
def test_events_a_protest_naming_no_one_is_of_civilians_where_it_is_held(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A protest whose clause names no protester is, like a counted crowd, civilians' (CAMEO
    and PLOVER sector CVL) of the place the clause names; with no place there is no party."""
    events = scored(pipeline, "Protests over the new mining law erupted in Lima on Saturday.")
    assert [(e.plover, e.source.code if e.source else None) for e in events] == [
        ("PROTEST", "PERCVL")]
    assert not scored(pipeline, "Protests over the new mining law erupted on Saturday.")


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile and Peru inked a trade agreement on Friday.",
    "Chile sealed a fishing deal with Peru on Friday.",
])
def test_events_inking_or_sealing_an_agreement_signs_it(pipeline, text: str) -> None:
    """CAMEO 057 sign formal agreement, as CAMEO.2.0 reads "STRIKE * DEAL" [057]."""
    assert [(e.cameo, e.plover) for e in scored(pipeline, text)] == [("057", "SUPPORT")]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Bolivia and Peru said on Wednesday that they had agreed to cooperate against drug traffickers.",
    "Bolivia and Peru announced that they had reached a deal on a common currency.",
])
def test_events_a_pair_reporting_its_own_joint_act(pipeline, text: str) -> None:
    """"X and Y said they had agreed": the pronoun is the two speakers, the act joint, each
    the other's counterpart (as "X and Y agreed")."""
    found = {(s, t) for _, s, t in dyads(scored(pipeline, text))}
    assert found & {("BOL", "PER"), ("PER", "BOL")}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO.2.0: "EXPRESS * SATISFACTION" [051], "EXPRESS * DISSATISFACTION" [111]
    ("Bolivia said it was pleased with the actions of the Peruvian government.",
     ("SUPPORT", "BOL", "PER")),
    ("Chile said it was disappointed with Peru's decision.", ("ACCUSE", "CHL", "PER")),
])
def test_events_satisfaction_with_a_party_praises_it(pipeline, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_nouns_of_violence_are_their_verbs_acts(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"carried out the killings of X" is killing X; "the killing of X by Y" is Y's."""
    assert ("ASSAULT", "PER", "PER") in dyads(scored(
        pipeline, "Peruvian security forces have carried out the killings of six rebel leaders."))
    assert ("ASSAULT", "PER", "CHL") in dyads(scored(
        pipeline, "Chile condemned the killing of two Chilean journalists by Peruvian soldiers."))


@pytest.mark.issue(13)
def test_events_an_attack_named_in_an_adjunct_is_not_the_subjects(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Traders fled amid abductions": only the attack's own phrase names who made it;
    a clash is fought by those the clause names ("were injured in clashes with police")."""
    found = dyads(scored(pipeline, "Chilean traders fled Peru amid abductions."))
    assert not any(p == "ASSAULT" for p, _, _ in found)
    found = dyads(scored(pipeline, "Twenty Peruvian students were injured in clashes with police in Lima."))
    assert any(p == "ASSAULT" for p, _, _ in found)


@pytest.mark.issue(13)
def test_events_an_inquiry_into_an_attack_is_an_investigation(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's &INVESTIGATION lists INQUIRY: opening one is CAMEO 090 (PLOVER ACCUSE
    'investigate'), not the attack it looks into, done by the one opening it."""
    events = scored(pipeline, "A Peruvian court opened an inquiry into the killing of 14 protesters "
                              "by Chilean police.")
    assert [(e.cameo, e.source.country if e.source else None) for e in events] == [("090", "PER")]


@pytest.mark.issue(13)
def test_events_leaders_of_two_countries_act_jointly(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"The leaders of X and Y signed": each country's leaders are a party, the act joint."""
    events = scored(pipeline, "The foreign ministers of Bolivia and Peru met in La Paz on Monday.")
    assert {(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events} & {("BOLGOV", "PERGOV"), ("PERGOV", "BOLGOV")}


@pytest.mark.issue(13)
def test_events_tear_gas_deployed_is_crowd_control(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Deploying tear gas or water cannon uses it (CAMEO 175), it moves no troops (154)."""
    found = dyads(scored(pipeline, "Peru deployed water cannon against protesters in Lima."))
    assert ("ASSAULT", "PER", "PER") in found
    assert not any(p == "MOBILIZE" for p, _, _ in found)


@pytest.mark.issue(13)
def test_events_coordinated_passives_share_subject_and_agent(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Was kidnapped and killed by gunmen in Lima": both acts have the one victim and the
    one agent, whichever participle the parser hangs "by" on."""
    events = scored(pipeline, "Two Chilean soldiers were wounded and captured by Peruvian troops.")
    assert {(e.plover, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in events} == {("ASSAULT", "PER", "CHL")}
    events = scored(pipeline, "A Peruvian activist was kidnapped and killed by Chilean agents.")
    assert ("ASSAULT", "CHL", "PER") in dyads(events)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # the lexicon's "declare obj:cease-fire" and noun "cease-fire" (CAMEO 0871)
    ("Bolivia declared a cease-fire with Peru on Sunday.", ("RETREAT", "BOL", "PER")),
    ("A cease-fire between Peru and Chile took effect on Monday.", ("RETREAT", "PER", "CHL")),
])
def test_events_hyphenated_words_match_their_entries(pipeline, text: str,  # type: ignore[no-untyped-def]
                                                     expected: tuple[str, str, str]) -> None:
    """spaCy splits "cease-fire" into three tokens; the entries written with the hyphen match."""
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_between_names_the_parties_of_a_joint_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Clashes between X and Y": the noun's own phrase names the parties of the joint act,
    also when the noun is an adjunct ("killed in clashes between X and Y"), where the
    clause's subject is the victims, no party of the clashes."""
    events = scored(pipeline, "Three civilians were killed in clashes between Peruvian troops "
                              "and Bolivian rebels.")
    assert [(e.plover, e.source.country if e.source else None) for e in events] == [("ASSAULT", "PER")]
    assert events[0].source is not None and events[0].source.sector == "MIL"


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Fighting erupted between Bolivian troops and Peruvian rebels near the border.",
    "Clashes broke out between Bolivian troops and Peruvian rebels on Sunday.",
])
def test_events_between_hung_on_the_verb_names_the_parties(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """The parser hangs the "between" phrase of a subject noun ("clashes ... between X and
    Y") or of a mutual verb ("fighting erupted between X and Y") on the verb: the phrase still
    names the two sides of the joint act, the subject being no party but the event itself."""
    events = scored(pipeline, text)
    assert {(e.plover, e.source.country if e.source else None,
             e.target.country if e.target else None) for e in events} == {("ASSAULT", "BOL", "PER")}


@pytest.mark.issue(13)
def test_events_coordinated_participles_share_the_attack_they_happened_in(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Were killed and four wounded in an attack by X": the parser hangs the shared adjunct
    on the last participle; the attack still names who killed."""
    events = scored(pipeline, "Two soldiers were killed and four wounded in an attack by Bolivian rebels.")
    assert any(e.plover == "ASSAULT" and e.source is not None and e.source.sector == "REB"
               and e.source.country == "BOL" for e in events)


@pytest.mark.issue(13)
def test_events_between_coordinated_modifiers_names_both_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Clashes between the Peruvian military and Bolivian rebels", which the parser reads as
    coordinated modifiers of "rebels" (as "Greek and Italian warships"): both are sides."""
    events = scored(pipeline, "Ten civilians were killed in clashes between the Peruvian military "
                              "and Bolivian rebels.")
    assert any(e.plover == "ASSAULT" and e.source is not None and e.source.code == "PERMIL"
               for e in events), events


@pytest.mark.issue(13)
def test_events_coordinated_modifiers_of_the_source_act_each(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Peruvian and Chilean warships shelled ...": each navy's act is an event, as with
    coordinated subjects ("Peru and Chile shelled ...")."""
    found = dyads(scored(pipeline, "Peruvian and Chilean warships shelled Bolivian positions."))
    assert {("ASSAULT", "PER", "BOL"), ("ASSAULT", "CHL", "BOL")} <= found, found


@pytest.mark.issue(13)
def test_events_a_conviction_is_sanction_convict(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The PLOVER manual (2.0) codes finding a party guilty in court as SANCTION 'convict'
    (CAMEO 116), where the 2021 conversion table still says ACCUSE."""
    events = scored(pipeline, "A Peruvian court convicted a former Bolivian minister of fraud.")
    assert [(e.plover, e.mode, e.cameo) for e in events] == [("SANCTION", "convict", "116")]


@pytest.mark.issue(13)
def test_events_they_of_speakers_named_by_coordinated_adjectives(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Chilean and Peruvian ministers said they had signed": the pronoun is both speakers'
    sides, and their act is joint, as with "Chile and Peru said they had signed"."""
    found = dyads(scored(pipeline, "Chilean and Peruvian ministers said on Thursday that they "
                                   "had signed a border agreement."))
    assert any(p == "SUPPORT" and {s, t} == {"CHL", "PER"} for p, s, t in found), found


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "A Peruvian rebel group claimed responsibility for an attack in which three Bolivian soldiers "
    "were killed.",
    "A Peruvian rebel group took responsibility for an attack that killed three Bolivian soldiers.",
])
def test_events_claiming_responsibility_for_an_attack_is_the_attack(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """Claiming responsibility for an attack (CAMEO.2.0 "CLAIM * RESPONSIBILITY") says whose it
    was: the attack is the event, the claimant its source."""
    events = scored(pipeline, text)
    assert any(e.plover == "ASSAULT" and e.source is not None and e.source.code == "PERREB"
               for e in events), events


@pytest.mark.issue(13)
def test_events_gathering_to_protest_is_a_demonstration(pipeline) -> None:  # type: ignore[no-untyped-def]
    """People gathering to protest or to demand (lexicon constraint `purpose:`) demonstrate
    (CAMEO 141), whoever they are; officials gathering to talk do not."""
    found = dyads(scored(pipeline, "Thousands of Peruvians gathered in Lima on Sunday to demand "
                                   "the resignation of the president."))
    assert ("PROTEST", "PER", "PER") in found
    assert not any(p == "PROTEST" for p, _, _ in dyads(scored(
        pipeline, "Peruvian and Bolivian officials gathered in Lima to discuss trade.")))


@pytest.mark.issue(13)
def test_events_killing_verbs_of_the_dictionary_code_domestic_violence(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A verb of the CAMEO dictionary's KILL block ("behead") coded by the block's default
    is violence between parties of one country too; a vaguer block default is not."""
    found = dyads(scored(pipeline, "Militants in Bolivia have beheaded a local official in La Paz."))
    assert ("ASSAULT", "BOL", "BOL") in found
    assert not any(p == "ASSAULT" for p, _, _ in dyads(scored(
        pipeline, "Bolivian leaders are grappling with the Bolivian government's unpopularity.")))


@pytest.mark.issue(13)
def test_events_counted_victims_of_no_party_are_people_of_the_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Four suspected cholera sufferers were killed in an air strike in northern Peru": the
    victims are counted, not named as a party, so they are civilians of the place, and
    their unnamed attackers its unidentified armed forces (the agentless-passive convention)."""
    events = scored(pipeline, "Four suspected cholera sufferers were killed in an air strike "
                              "in northern Peru.")
    assert [(e.plover, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events] == [("ASSAULT", "PERUAF", "PERCVL")]


@pytest.mark.issue(13)
def test_events_planned_act_takes_the_future_date_its_sentence_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # a planned act is dated when it is to happen, not on the day it is reported: "at
    # Wednesday's meeting" dates the urging even though it hangs on another word
    out = pipeline.extract_one(make_doc(
        "Chile will urge Peru to cut its tariffs at Wednesday's meeting of Andean ministers, "
        "officials said.", published="2024-03-04"))
    urged = [e for e in out.events if e.plover == "REQUEST"]
    assert urged and urged[0].status == "planned"
    assert urged[0].date == "2024-03-06" and urged[0].date_basis == "text"


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "source"), [
    # a verb coded by its CAMEO.2.0 block default alone, whose object names no party
    ("Gunmen stormed a hotel in Lima on Monday, killing at least 14 people.", "PERREB"),
    # the parties of one country: a killing, whoever does it
    ("A suspected Shining Path bomber detonated his car in Lima, killing dozens of civilians.",
     "PERREB"),
])
def test_events_result_participle_names_whom_an_attack_hit(pipeline, text: str,
                                                           source: str) -> None:
    """"..., killing 14 people": a participle of killing or wounding with no subject of its
    own states what the attack did, so its object is the attack's target."""
    events = [e for e in scored(pipeline, text) if e.plover == "ASSAULT"]
    assert [(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in events] == [(source, "PERCVL")]


@pytest.mark.issue(13)
def test_events_result_participle_yields_to_the_object_named(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in scored(pipeline, "Peruvian troops attacked Chilean posts on Monday, "
                                "killing two soldiers.") if e.plover == "ASSAULT"]
    assert [(e.source.country, e.target.country) for e in events
            if e.source and e.target] == [("PER", "CHL")]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover", "cameo"), [
    # CAMEO.2.0 puts EXPEL in its DEPORT block [174]: a person expelled is deported (COERCE)
    ("The Peruvian government expelled an environmental campaigner on Friday.", "COERCE", "174"),
    ("Chile expelled a Peruvian journalist on Monday.", "COERCE", "174"),
    # diplomats expelled reduce relations (CAMEO 166, PLOVER SANCTION)
    ("Chile expelled two Peruvian diplomats on Monday.", "SANCTION", "166"),
    # CAMEO.2.0 ORDER: "* {MORE &MILITARY}" [154], "* POLICE" [152]: forces ordered out are
    # moved (PLOVER MOBILIZE), whatever they are to do, not a request to the source's own
    ("Peru's president ordered troops to guard the palace in Lima.", "MOBILIZE", "154"),
    ("Peru's interior minister ordered police to disperse the protesters.", "MOBILIZE", "152"),
    # another party ordered to act is asked (CAMEO 10)
    ("Peru's president ordered Chile to withdraw its troops.", "REQUEST", "100"),
])
def test_events_expulsions_and_orders_as_the_cameo_dictionary_codes_them(
        pipeline, text: str, plover: str, cameo: str) -> None:  # type: ignore[no-untyped-def]
    events = scored(pipeline, text)
    assert [(e.plover, e.cameo) for e in events] == [(plover, cameo)]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile is unwilling to make concessions to Peru.",
    "Peru is not prepared to negotiate with Chile, its foreign minister said.",
    "Chile is not willing to sign the agreement with Peru.",
])
def test_events_unwillingness_to_cooperate_is_a_refusal(pipeline, text: str) -> None:
    """A stated unwillingness declines the act (CAMEO 12 reject), as "will not" does: a
    cooperative act someone is unwilling or not ready to do is refused, not done."""
    assert {e.plover for e in scored(pipeline, text)} == {"REJECT"}


@pytest.mark.issue(13)
def test_events_a_span_of_time_passes_on_the_act_it_measures(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Had weeks of talks" is having talks (CAMEO 04), as "had two weeks of talks" is: a
    span of time, counted or not, measures the act its "of" names."""
    text = "Bolivia and Chile have had weeks of talks about the water of the Silala."
    assert ("CONSULT", "BOL", "CHL") in dyads(scored(pipeline, text))
    assert not scored(pipeline, "Bolivia and Chile have had weeks of heavy rain.")


@pytest.mark.issue(13)
def test_events_a_plea_in_court_is_no_appeal(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 PLEAD codes "{NOT GUILTY}" and "INNOCENT" as 016 (deny responsibility) and
    pleading with a party as an appeal (02): a plea answers a charge and asks no one."""
    for text in ("A Lima man pleaded guilty on Friday to assaulting a Chilean consul.",
                 "Two Peruvian officers pleaded not guilty to beating Bolivian migrants.",
                 # the parser hangs "guilty" on the date that follows it
                 "A Chilean man pleaded guilty Monday to threatening to kill a Peruvian senator."):
        assert not [e for e in scored(pipeline, text) if e.plover == "REQUEST"], text
    assert ("REQUEST", "PER", "CHL") in dyads(scored(pipeline, "Peru pleaded with Chile to "
                                                             "reopen its northern border."))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Peru withdrew from the fisheries treaty with Chile on Monday.",
    "Peru pulled out of the fisheries accord with Chile on Monday.",
])
def test_events_leaving_a_treaty_reduces_relations(pipeline, text: str) -> None:
    """CAMEO.2.0 RETREAT codes "* (FROM &TREATY)" as 161 (reduce relations, PLOVER SANCTION
    'withdraw'), not as a military retreat; "out of" is read as one preposition."""
    plovers = {e.plover for e in scored(pipeline, text)}
    assert "SANCTION" in plovers and "RETREAT" not in plovers


@pytest.mark.issue(13)
def test_events_backing_out_of_a_deal_backs_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 REVOKE_ "RENEGE * (ON DEAL)" [160]: backing out reneges, it is no support."""
    plovers = {e.plover for e in scored(pipeline, "Bolivia backed out of its gas deal with Chile.")}
    assert "SUPPORT" not in plovers and "SANCTION" in plovers


@pytest.mark.issue(13)
def test_events_a_particle_read_as_an_adverb_still_makes_the_phrasal_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 PHYSICAL_CONFLICT "HIT * BACK (AT)" [111]: "hit back at" criticises, though
    the parser labels "back" an adverb, not a particle."""
    events = scored(pipeline, "Bolivia hit back at Chile over the river dispute.")
    assert ("ACCUSE", "BOL", "CHL") in dyads(events)
    assert "ASSAULT" not in {e.plover for e in events}


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Bolivia conducted a missile test near the Chilean border on Friday.",
    "Chile test-fired a cruise missile off its northern coast.",
    "Peru tested a new medium-range rocket on Thursday.",
])
def test_events_a_weapons_test_is_mobilisation(pipeline, text: str) -> None:
    """PLOVER manual, MOBILIZE 'weapons': a demonstration of military capability short of the
    use of force (CAMEO 150); testing a vaccine is none."""
    assert "MOBILIZE" in {e.plover for e in scored(pipeline, text)}
    assert not scored(pipeline, "Chilean scientists tested a new vaccine in Santiago.")


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "A Bolivian court convicted three former ministers of fraud on Monday.",
    "The former Chilean president was sentenced to twelve years in prison on Monday.",
])
def test_events_a_conviction_at_home_is_a_sanction(pipeline, text: str) -> None:
    """PLOVER manual, SANCTION 'convict': a court finding a party guilty (CAMEO 116), most
    often its own country's people; sanctions between parties still need two countries."""
    convictions = [e for e in scored(pipeline, text) if e.plover == "SANCTION"]
    assert convictions and convictions[0].source.country == convictions[0].target.country


@pytest.mark.issue(13)
def test_events_dictionary_default_is_aimed_at_the_object_not_its_phrases(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A verb coded by its CAMEO.2.0 block default alone ("face", MEET_PEOPLE [040]) is
    coded between its subject and its object's party, as PETRARCH2 codes "source verb
    target": a country named inside a phrase of the object ("prices for Peruvian copper") is
    not what the verb acts on, while the object's own party ("the envoy of Peru") is."""
    assert not any(p == "CONSULT" for p, _, _ in dyads(scored(
        pipeline, "Chile is facing higher prices for Peruvian copper this winter.")))
    assert ("CONSULT", "CHL", "PER") in dyads(scored(
        pipeline, "Chile's foreign minister faced the envoy of Peru in Lima on Monday."))


@pytest.mark.issue(13)
def test_events_of_phrase_of_a_noun_of_force_is_its_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"The bombing of the Chilean embassy": the "of" phrase of a noun of coercion or force
    (CAMEO 17-20) is whom the act is done to, as the verb's object, not who does it."""
    found = dyads(scored(pipeline, "Bolivia condemned the Peruvian bombing of the Chilean "
                                   "embassy in La Paz."))
    assert ("ASSAULT", "PER", "CHL") in found
    assert not any(p == "ASSAULT" and s == "CHL" for p, s, _ in found)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # the mood of the answer is not the mood of the act it answers
    ("Chile said it would retaliate for the Peruvian bombing of its border posts.",
     ("ASSAULT", "PER", "CHL")),
    # an adjunct's reason act, its author named in its own phrase
    ("Chile fired rockets at Peru in retaliation for the Peruvian raids on Chilean ports.",
     ("ASSAULT", "PER", "CHL")),
])
def test_events_act_an_answer_is_for_happened(pipeline, text: str,
                                              expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_punishing_for_an_act_codes_both(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Chile will punish Peru for the Peruvian raids": the raids happened (CAMEO.2.0 PUNISH
    names the act it answers) and the punishment is Chile's planned coercion, a threat."""
    found = dyads(scored(pipeline, "Chile will punish Peru for the Peruvian raids on Chilean "
                                   "ports."))
    assert ("ASSAULT", "PER", "CHL") in found
    assert ("THREATEN", "CHL", "PER") in found


@pytest.mark.issue(13)
def test_events_what_a_speaker_tells_a_party_is_addressed_to_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"X told Y that X's side would not sign": the refusal is addressed to the party told;
    the press told ("told reporters") is no party."""
    told = dyads(scored(pipeline, "The Chilean foreign minister told the Peruvian ambassador "
                                  "that Chile would not sign the treaty."))
    assert ("REJECT", "CHL", "PER") in told
    press = dyads(scored(pipeline, "The Chilean foreign minister told reporters that Chile "
                                   "would not sign the treaty."))
    assert not any(p == "REJECT" for p, _, _ in press)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO 116 find guilty: a sentence or a conviction handed down
    ("A Peruvian court handed down ten-year sentences to two Chilean soldiers.",
     ("SANCTION", "PER", "CHL")),
    # the PLOVER manual's ASSAULT 'targeted' counts executions
    ("Chilean rebels executed two Peruvian officials.", ("ASSAULT", "CHL", "PER")),
    # renewing an act is doing it again; a call on a party to act appeals to it (CAMEO 020)
    ("Chile renewed calls on Peru to withdraw its troops.", ("REQUEST", "CHL", "PER")),
    ("Chile renewed sanctions against Peru.", ("SANCTION", "CHL", "PER")),
])
def test_events_sentences_executions_and_renewed_acts(pipeline, text: str,
                                                     expected: tuple[str, str, str]) -> None:
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_executing_a_plan_is_no_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in scored(pipeline, "Peru executed the prisoner swap with Chile on Monday.")
                if e.plover == "ASSAULT"]


@pytest.mark.issue(13)
def test_events_a_dictionary_reaction_to_another_partys_act_is_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 REGRET [110]: regretting Peru's act criticises Peru, as "condemned" does; the
    act named is coded too. A verb that only carries its object's act ("expressed its
    support") still yields to it."""
    found = dyads(scored(pipeline, "Chile regretted the Peruvian attack on Bolivian border posts."))
    assert {("ACCUSE", "CHL", "PER"), ("ASSAULT", "PER", "BOL")} <= found
    backing = dyads(scored(pipeline, "Chile expressed its support for Peru on Monday."))
    assert ("SUPPORT", "CHL", "PER") in backing
    assert not [d for d in backing if d[0] == "ACCUSE"]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Peruvian television said Foreign Minister Juan Quispe had called on Chile to withdraw "
    "its troops.",
    # where the broadcast was picked up is no place of its events (wire monitoring)
    "Peruvian television, in a broadcast monitored in Madrid, said Foreign Minister Juan "
    "Quispe had called on Chile to withdraw its troops.",
])
def test_events_state_media_report_their_own_officials(pipeline, text: str) -> None:
    """Monitored state media name their government's officials by title alone."""
    assert ("REQUEST", "PER", "CHL") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_where_a_report_was_monitored_is_no_place_of_its_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Wire copy says where a broadcast was picked up ("monitored in Madrid"): that place
    gives no country to the officials the broadcast names."""
    found = dyads(scored(pipeline, "A broadcast monitored in Madrid said Foreign Minister Juan "
                                   "Quispe had called on Chile to withdraw its troops."))
    assert not [d for d in found if d[1] == "ESP"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected", "absent"), [
    # CAMEO 039 offer to mediate, 032 pledge support: intents toward someone else, made side by
    # side; no joint pair, and the partner is not the place where the other acts
    ("Chile and Peru offered to mediate.", set(), {("AGREE", "CHL", "PER"), ("AGREE", "PER", "CHL")}),
    ("Chile and Peru pledged support for Bolivia.",
     {("AGREE", "CHL", "BOL"), ("AGREE", "PER", "BOL")}, {("AGREE", "CHL", "PER")}),
    # agreeing is done together, and so is what the parties say they will do together
    ("Chile and Peru agreed to resume talks.", {("AGREE", "CHL", "PER")}, set()),
    ("Chile and Peru committed to working together against drug trafficking.",
     {("AGREE", "CHL", "PER")}, set()),
])
def test_events_coordinated_intents_are_joint_only_when_done_together(
        pipeline, text: str, expected: set, absent: set) -> None:  # type: ignore[type-arg]
    found = dyads(scored(pipeline, text))
    assert expected <= found, found
    assert not absent & found, found


@pytest.mark.issue(13)
def test_events_returning_somewhere_is_no_release(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 084 returns persons or property; going back oneself is no event (CAMEO.2.0
    RETURN block default [---])."""
    assert not scored(pipeline, "The Peruvian president will return to Santiago next month.")
    assert ("RETREAT", "CHL", "PER") in dyads(scored(
        pipeline, "Chile returned the captured fishermen to Peru on Monday."))


@pytest.mark.issue(13)
def test_events_a_date_is_no_prepositional_argument(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"called ... on Monday" is no "call on" appeal (CAMEO.2.0 CALL "* (ON)" [020]): a
    preposition whose object is a date says when; the call is CAMEO 041."""
    found = scored(pipeline, "Chile's president called his Peruvian counterpart on Monday to "
                             "discuss the border dispute.")
    assert [e.cameo for e in found] == ["041"]


@pytest.mark.issue(13)
def test_events_call_for_a_clause_is_a_request(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"called for sanctions to be imposed on Chile": the parser makes "for" the clause's
    mark; it is still CALL "* (FOR)" [020]."""
    assert ("REQUEST", "PER", "CHL") in dyads(scored(
        pipeline, "Peru called for sanctions to be imposed on Chile."))


@pytest.mark.issue(13)
def test_events_a_definite_group_is_the_one_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"the protesters" after "protesters in La Paz" are those protesters, not the
    compatriots of the foreign minister who addresses them."""
    found = dyads(scored(pipeline, "Police fired tear gas at protesters in La Paz on Monday. "
                                   "Chile's foreign minister urged the protesters to refrain "
                                   "from violence."))
    assert ("REQUEST", "CHL", "BOL") in found
    assert ("REQUEST", "CHL", "CHL") not in found


@pytest.mark.issue(13)
def test_events_a_past_verb_joined_to_an_infinitive_is_a_second_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"vowed to retaliate and accused Lima": "accused" is no infinitive ("and accuse"), so
    it is the subject's own second act, whatever the parser hangs it on."""
    found = dyads(scored(pipeline, "Chile vowed to retaliate and accused Peru of bullying."))
    assert ("ACCUSE", "CHL", "PER") in found


@pytest.mark.issue(13)
def test_events_calling_a_thing_something_is_no_phone_call(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 041 is a call to a party (PETRARCH codes CALL only between actors; CAMEO.2.0
    "CALL * SUCCESS" [013]): "called the measures hostile" judges them."""
    found = scored(pipeline, 'The Peruvian embassy in Santiago called the measures "hostile, '
                             'unacceptable and unjustified".')
    assert not [e for e in found if e.plover == "CONSULT"]


@pytest.mark.issue(13)
def test_events_a_state_naming_itself_in_a_warning_is_no_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"warned that Peru would respond": the speaker's own state is the side that acts, not
    whom the warning is aimed at (never the source's own country unless the text says so);
    another party named there still is."""
    own = dyads(scored(pipeline, "Peru's prime minister warned that Peru would respond at a "
                                 "time and place of its choosing."))
    assert not [d for d in own if d[1] == d[2] == "PER"]
    assert ("THREATEN", "PER", "CHL") in dyads(scored(
        pipeline, "Peru's president warned that Chile would face sanctions."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # light "voice" as "express" (CAMEO.2.0 VOICE "* CONCERN" [012]); solidarity is support
    # (CAMEO.2.0 EXPRESS "* SOLIDARITY" [051])
    ("Peru's president voiced solidarity with the Bolivian people.", ("SUPPORT", "PER", "BOL")),
    ("Bolivia voiced support for Chile's bid.", ("SUPPORT", "BOL", "CHL")),
    # culpable for a harmful act, as responsible for it, blames (CAMEO 112)
    ("Peru's president told parliament that Chile was culpable for the attempted murder of a "
     "former spy.", ("ACCUSE", "PER", "CHL")),
    # charging at people is force, not a legal charge (CAMEO 173)
    ("Peruvian police charged at demonstrators in Lima and fired tear gas.",
     ("ASSAULT", "PER", "PER")),
])
def test_events_stances_voiced_and_blame_and_charges(pipeline, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert expected in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_party_reporting_a_civilian_toll_is_not_its_author(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A war communique's passive is its own side's act ("20 Peruvian soldiers were killed,
    Chile's army said"); a civilian toll it reports is not: the attack is whoever's the
    clause names."""
    found = dyads(scored(pipeline, "Chile's army said ten civilians were killed in Peruvian "
                                   "shelling on Monday."))
    assert not [d for d in found if d[0] == "ASSAULT" and d[1] == "CHL"]
    assert ("ASSAULT", "CHL", "PER") in dyads(scored(
        pipeline, "Chile's army said 20 Peruvian soldiers were killed in the clashes."))


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    # CAMEO.2.0 ORDER "* DIPLOMAT (TO LEAVE)" [161], "* (TO LEAVE)" [174]
    ("Peru ordered two Chilean diplomats to leave the country.", ("SANCTION", "PER", "CHL")),
    ("Peru ordered the Chilean journalists to leave the country.", ("COERCE", "PER", "CHL")),
    ("Peru gave Chilean diplomats 72 hours to leave the country.", ("SANCTION", "PER", "CHL")),
])
def test_events_ordering_people_out_expels_them(pipeline, text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    found = dyads(scored(pipeline, text))
    assert expected in found
    assert not [d for d in found if d[0] == "REQUEST"]


@pytest.mark.issue(13)
def test_events_the_pairs_officials_act_as_the_pair(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"The two countries' foreign ministers" are the pair just reported; speaking by
    telephone is CAMEO 041 (CAMEO.2.0 CONFER block "* (BY TELEPHONE)")."""
    found = dyads(scored(pipeline, "Chilean and Peruvian troops clashed on the border on Monday. "
                                   "The two countries' foreign ministers spoke by telephone on "
                                   "Wednesday and agreed to cool the situation."))
    assert {d[0] for d in found if {d[1], d[2]} == {"CHL", "PER"}} >= {"ASSAULT", "CONSULT", "AGREE"}


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected", "absent"), [
    # criticism of an act of force is aimed at its author, never at those it was done to
    ("Peru condemned the Chilean attack on Bolivian border posts.", ("ACCUSE", "PER", "CHL"),
     ("ACCUSE", "PER", "BOL")),
    ("Peru condemned the attack on the Chilean embassy in Lima.", None, ("ACCUSE", "PER", "CHL")),
    ("Peru condemned the killing of two Chilean journalists.", None, ("ACCUSE", "PER", "CHL")),
    # an arrest with no author named is the authorities' where it was made
    ("Chile condemned the arrest of Peruvian activists in La Paz.", ("ACCUSE", "CHL", "BOL"),
     ("ACCUSE", "CHL", "PER")),
])
def test_events_criticising_an_act_of_force_aims_at_its_author(
        pipeline, text: str, expected: tuple | None, absent: tuple) -> None:  # type: ignore[type-arg]
    found = dyads(scored(pipeline, text))
    assert expected is None or expected in found, found
    assert absent not in found, found


@pytest.mark.issue(13)
def test_events_criticised_act_author_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = dyads(scored(pipeline, "Peruvian jets bombed Chilean border posts on Monday. "
                                   "Bolivia condemned the attack on the border posts."))
    assert ("ACCUSE", "BOL", "PER") in found


@pytest.mark.issue(13)
def test_events_defending_ones_own_is_no_support(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO 052 defends another's act or policy (CAMEO.2.0 DEFEND "* DECISION" [052]); the
    block's default [074] is protection given to another party: defending one's own
    sovereignty against Peru supports no one."""
    assert not scored(pipeline, "Chile vowed to defend its sovereignty against Peruvian aggression.")
    assert ("SUPPORT", "CHL", "PER") in dyads(scored(
        pipeline, "Chile defended Peru's decision to close the border."))


@pytest.mark.issue(13)
def test_events_responsible_for_a_harmful_outcome_blames(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert ("ACCUSE", "CHL", "PER") in dyads(scored(
        pipeline, "Chile's president said Peru was responsible for the collapse of the talks."))
    assert not scored(pipeline, "The ministry responsible for trade said exports rose.")


@pytest.mark.issue(13)
def test_events_fighting_a_decision_is_no_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 FIGHT "* BAN" [110]: fighting a decision or a plan disapproves of it."""
    found = scored(pipeline, "Peruvian farmers will fight the Chilean plan to divert the river.")
    assert found and {e.plover for e in found} == {"ACCUSE"}
    assert ("ASSAULT", "CHL", "PER") in dyads(scored(
        pipeline, "Chilean troops fought Peruvian forces near the border."))


@pytest.mark.issue(13)
def test_events_force_between_a_state_and_its_rebels_by_dictionary_default(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A dictionary verb's default between parts of one country is too weak a sign, except
    force between the state's forces and rebels: the civil war dyad (GOV/MIL vs REB)."""
    assert ("ASSAULT", "PER", "PER") in dyads(scored(
        pipeline, "Peruvian forces pounded rebel positions in the mountains south of Ayacucho."))


@pytest.mark.issue(13)
def test_events_an_obligation_is_a_demand_whatever_codes_the_obliged_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Peru said Chile must respect the ruling": the speaker's demand on the party obliged
    (CAMEO 10), also when the obliged act is a dictionary verb whose default would need a
    party as its object ("respect the ruling", "honour the freedoms")."""
    assert ("REQUEST", "PER", "CHL") in dyads(scored(pipeline, "Peru said Chile must respect the ruling."))


@pytest.mark.issue(13)
def test_events_an_agentless_held_protest_is_the_places_civilians(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Protests were held in Lima": a protest of no one named, as "protests erupted in Lima",
    is of civilians of the place where it is held (CAMEO/PLOVER sector CVL)."""
    events = [e for e in scored(pipeline, "Protests were held in Lima on Saturday against the new tax.")
              if e.plover == "PROTEST"]
    assert [(e.source.country, e.source.sector) for e in events if e.source is not None] == [("PER", "CVL")]
    held = scored(pipeline, "The talks were held in Lima on Saturday.")
    assert not [e for e in held if e.plover == "PROTEST"]


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "The risk of a Peruvian attack on Chilean warships is rated by diplomats as low.",
    "Fears of a Peruvian invasion of Chile grew on Monday.",
    "The prospect of Chilean sanctions against Peru worried investors.",
])
def test_events_an_act_named_as_a_possibility_has_not_happened(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 13, point 3: modality is not occurrence; an act in the "of" phrase of a noun of
    possibility may or may not come."""
    assert not scored(pipeline, text)
    assert scored(pipeline, "Peru's threat of sanctions against Chile angered Santiago.")


@pytest.mark.issue(13)
def test_events_a_past_verb_hung_on_its_subject_is_the_main_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The parser may read "The Chilean army called upon Peru to ..." as one noun phrase with
    the verb as a modifier; a past-tense form (VBD) cannot head a reduced relative clause, so
    it is the main verb and the noun its subject."""
    assert ("REQUEST", "CHL", "PER") in dyads(scored(
        pipeline, "The Chilean army called upon Peru to withdraw its troops."))
    # a participle with a direct object is active, here hung on a noun inside the subject
    assert ("ACCUSE", "CHL", "PER") in dyads(scored(
        pipeline, "The government of Chile and its allies condemned on Tuesday an action by Peru "
                  "that could endanger peace in the region."))


@pytest.mark.issue(13)
def test_events_a_for_infinitive_is_wanted_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Chile called for Peru to release a prisoner": the release is asked for, not made."""
    found = dyads(scored(pipeline, "Chile called for Peru to release a political prisoner."))
    assert ("REQUEST", "CHL", "PER") in found
    assert not [d for d in found if d[0] == "RETREAT"]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "plover"), [
    ("Chile stopped buying Peruvian gas.", "SANCTION"),
    ("Chile ceased providing aid to Peru.", "SANCTION"),
    ("Chile stopped negotiating with Peru.", "SANCTION"),
    ("Peru stopped shelling Chilean positions on Monday.", "RETREAT"),
    ("Chile's navy has stopped approving new military contracts with Peru, a Chilean official said.",
     "SANCTION"),
])
def test_events_an_ended_act_is_its_ending(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0's CANCEL block (stop, cease, halt...) codes what is ended by what it was:
    ended aid or ties reduce relations (16), ended attacks de-escalate (087); the ended act
    itself is not going on."""
    found = dyads(scored(pipeline, text))
    assert found and {d[0] for d in found} == {plover}
    assert {(d[1], d[2]) for d in found} == {("PER" if plover == "RETREAT" else "CHL",
                                              "CHL" if plover == "RETREAT" else "PER")}


@pytest.mark.issue(13)
def test_events_an_ended_statement_is_no_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not scored(pipeline, "Chile stopped criticising Peru.")
    assert scored(pipeline, "Chile kept criticising Peru.")


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile rejected the accusations made by Peru.",
    "Chile dismissed the threats issued by Peru.",
])
def test_events_rejecting_a_statement_aims_at_its_author(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """CAMEO.2.0 REJECT, DISMISS "* ACCUSATION": a statement "made by" a party is that
    party's, and rejecting it is aimed at its author."""
    assert ("REJECT", "CHL", "PER") in dyads(scored(pipeline, text))


@pytest.mark.issue(13)
def test_events_a_clause_answered_by_a_later_verb_is_not_its_content(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Chile accused Peru of X, a charge Lima denied": the parser may make the accusation the
    denial's complement; a verb with an object of its own ("a charge") answers the clause,
    it does not report it, so the accusation stands (and is not denied)."""
    assert ("ACCUSE", "CHL", "PER") in dyads(scored(
        pipeline, "Chile accused Peru of backing the rebels, a charge Lima denied."))


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile may have violated the ceasefire with Peru, officials said.",
    "Chile said it would have imposed sanctions on Peru.",
])
def test_events_a_modal_perfect_is_no_occurrence_and_no_intent(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """"May have violated", "would have imposed": a past possibility or a counterfactual,
    neither an act done nor one announced (issue 13, point 3: modality)."""
    assert not scored(pipeline, text)
    assert scored(pipeline, "Chile said it may impose sanctions on Peru.")


@pytest.mark.issue(13)
def test_events_another_partys_expected_act_is_a_forecast(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Analysts expect Chile to impose sanctions": a forecast, neither done nor Chile's
    announced intent; "Chile is expected to sign" stays planned."""
    assert not scored(pipeline, "Analysts expect Chile to impose sanctions on Peru.")
    planned = scored(pipeline, "Chile is expected to sign a trade deal with Peru on Friday.")
    assert planned and all(e.status == "planned" for e in planned)


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [
    "Chile insisted there could be no talks with Peru.",
    "There will be no negotiations with Peru, the Chilean foreign minister said.",
])
def test_events_there_will_be_no_talks_is_a_refusal(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    """"There will (can) be no talks": a party ruling out an act of cooperation refuses it
    (CAMEO 125, PLOVER REJECT), as "will not negotiate" does; "there were no talks" only
    reports that none took place."""
    assert ("REJECT", "CHL", "PER") in dyads(scored(pipeline, text))
    assert not scored(pipeline, "There were no talks with Peru last week, Chile said.")


@pytest.mark.issue(13)
def test_events_coordinated_passives_share_their_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"Were arrested and deported in Arica": the place the parser hangs on the last of two
    coordinated passive verbs is the first one's too, so the arrest is the authorities' of
    the place (Chile), not of the detainees' own country."""
    found = dyads(scored(pipeline, "Two Peruvian fishermen were arrested and deported in Arica on Monday."))
    assert ("COERCE", "CHL", "PER") in found
    assert ("COERCE", "PER", "PER") not in found
