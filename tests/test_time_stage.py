"""The time stage on parsed sentences: tense decides direction, dating helpers for events."""

from __future__ import annotations

import pytest

from geoevents.nlp import load_model
from geoevents.stage import StageContext
from geoevents.time.stage import make_time_stage

from .conftest import make_doc


@pytest.fixture(scope="module")
def run():
    nlp = load_model()
    stage = make_time_stage()

    def _run(text: str, published: str | None = "2025-11-26") -> StageContext:
        ctx = StageContext(document=make_doc(text, published), doc=nlp(text))
        stage(ctx)
        return ctx
    return _run


def _values(ctx: StageContext) -> dict[str, str | None]:
    return {t.text: t.value for t in ctx.timexes}


@pytest.mark.parametrize(("text", "timex", "value"), [
    ("The ministers met in Geneva on Monday.", "Monday", "2025-11-24"),
    ("The ministers will meet in Geneva on Monday.", "Monday", "2025-12-01"),
    ("A summit is planned for Thursday in Astana.", "Thursday", "2025-11-27"),
    ("The delegation arrived on Thursday.", "Thursday", "2025-11-20"),
    ("The talks are scheduled to resume on Friday.", "Friday", "2025-11-28"),
    ("The president has agreed to visit Beijing on Friday.", "Friday", "2025-11-28"),
    ("The army withdrew its troops in December.", "December", "2024-12"),
    ("Elections will be held in December.", "December", "2025-12"),
    # an elliptical conjunct shares its head's tense
    ("Two people were killed and dozens wounded Friday in the city.", "Friday", "2025-11-21"),
    # a simple past the tagger reads as a participle (no auxiliary, a subject of its own)
    ("On Friday, hundreds of Peruvian fishermen protested outside the Chilean embassy in Lima.",
     "Friday", "2025-11-21"),
])
def test_stage_weekday_and_month_direction_by_tense(run, text, timex, value):
    assert _values(run(text))[timex] == value


@pytest.mark.parametrize("text", [
    "President Tokayev held talks with his guest on Wednesday.",
    "The two leaders signed the treaty on Wednesday.",
])
def test_stage_same_day_weekday_in_past_report(run, text):
    assert _values(run(text))["Wednesday"] == "2025-11-26"


def test_stage_year_boundary_monday_written_on_new_years_day(run):
    ctx = run("The foreign minister resigned on Monday.", published="2026-01-01")
    assert _values(ctx)["Monday"] == "2025-12-29"


@pytest.mark.parametrize(("published", "value"), [
    ("2025-11-26T23:30:00-05:00", "2025-11-25"),
    ("2025-11-26T00:30:00+09:00", "2025-11-25"),
    ("2025-11-26T12:00:00Z", "2025-11-25"),
])
def test_stage_timezone_in_publication_datetime_keeps_local_date(run, published, value):
    ctx = run("Protesters gathered in the capital on Tuesday.", published=published)
    assert _values(ctx)["Tuesday"] == value
    assert ctx.extras["time"].document_date == "2025-11-26"


@pytest.mark.parametrize("published", [None, ""])
def test_stage_missing_publication_date_gives_null_relative_values(run, published):
    ctx = run("The talks began on Tuesday and ended last week, ten years after the 2015 accord.",
              published=published)
    values = _values(ctx)
    assert values["Tuesday"] is None
    assert values["last week"] is None
    assert values["2015"] == "2015"
    assert ctx.extras["time"].document_date is None


@pytest.mark.parametrize(("text", "timex", "kind", "value"), [
    ("Putin is on a three-day visit to Bishkek.", "three-day", "DURATION", "P3D"),
    ("The sanctions were extended for two years.", "two years", "DURATION", "P2Y"),
    ("The forum meets every year in Davos.", "every year", "SET", "P1Y"),
    ("Trade has tripled in recent years.", "recent years", "DURATION", "PXY"),
    ("The rebels attacked the town at 15:00 local time on Tuesday.", "15:00 local time on Tuesday",
     "TIME", "2025-11-25T15:00"),
    ("The vote starts at 3pm tomorrow.", "3pm tomorrow", "TIME", "2025-11-27T15:00"),
])
def test_stage_types_and_values(run, text, timex, kind, value):
    found = {t.text: (t.type, t.value) for t in run(text).timexes}
    assert found[timex] == (kind, value)


def test_stage_offsets_point_into_text(run):
    text = "On Monday, 24 November 2025, the envoy arrived.\nLast week he was in Kyiv."
    ctx = run(text)
    assert ctx.timexes
    for t in ctx.timexes:
        assert text[t.start:t.end] == t.text


def _token(ctx: StageContext, word: str) -> int:
    return next(t.i for t in ctx.doc if t.text == word)


@pytest.mark.parametrize(("text", "predicate", "date"), [
    ("Putin held talks with Japarov on Wednesday in Bishkek.", "held", "2025-11-26"),
    ("On Tuesday, the two sides signed a trade deal.", "signed", "2025-11-25"),
    ("The CSTO summit is planned for Thursday.", "planned", "2025-11-27"),
    ("His visit in October 2023 was his first trip abroad.", "visit", "2023-10"),
    ("Putin praised the partnership, which began in 2022.", "praised", None),
    ("The ministers met and talked about trade.", "met", None),
    # a time phrase the parser hangs on the object of the verb's preposition is the verb's
    ("The army moved its troops into the border towns on Tuesday.", "moved", "2025-11-25"),
    ("The minister said at a rally in Arica on Tuesday that talks would resume.", "said",
     "2025-11-25"),
    # a coordinated clause with its own subject and finite verb keeps its own time
    ("Bolivia offered to mediate, and the council called a meeting for Friday.", "offered", None),
    ("Chile recalled its ambassador on Monday and expelled the envoy.", "expelled", "2025-11-24"),
    # a time a thing is arranged for is a coming one
    ("The council called an emergency meeting for Friday.", "called", "2025-11-28"),
])
def test_dating_date_for_token(run, text, predicate, date):
    ctx = run(text)
    assert ctx.extras["time"].date_for_token(_token(ctx, predicate)) == date


def test_dating_durations_never_date_events(run):
    ctx = run("Putin began a three-day visit.")
    assert ctx.extras["time"].date_for_token(_token(ctx, "began")) is None


def test_dating_sentence_date_and_bad_index(run):
    ctx = run("Japarov welcomed Putin on Wednesday. Agreements were signed during the meeting.")
    helpers = ctx.extras["time"]
    assert helpers.sentence_date == {0: "2025-11-26"}
    assert helpers.date_for_token(10_000) is None
    assert len(helpers.timex_tokens) == len(ctx.timexes)


@pytest.mark.parametrize(("text", "timex", "value"), [
    # published Wednesday 26 November 2025
    ("The treaty takes effect in June.", "June", "2026-06"),             # timetable present
    ("Officials said talks could resume in June.", "June", "2026-06"),   # modal: ahead
    ("The deal must be ratified by March.", "March", "2026-03"),
    ("The president is to visit China on Monday.", "Monday", "2025-12-01"),
    ("The October elections were marred by fraud.", "October", "2025-10"),
    ("Since June, the army has shelled the town daily.", "June", "2025-06"),
    ("Prices rose 3 percent in June, the agency said.", "June", "2025-06"),
    # "set" with an object fixes something then; only "set to / for" schedules
    ("In March the government set new import quotas.", "March", "2025-03"),
    ("The vote was set for March.", "March", "2026-03"),
])
def test_stage_month_and_weekday_follow_the_clause_tense(run, text, timex, value):
    assert _values(run(text))[timex] == value


@pytest.mark.parametrize(("text", "timex", "value"), [
    ("The talks resumed at 9 a.m. on Tuesday.", "9 a.m.", "2025-11-25T09:00"),
    ("The talks will resume at 3 p.m. on Saturday.", "3 p.m.", "2025-11-29T15:00"),
    ("The minister will arrive on Monday at 10 a.m.", "10 a.m.", "2025-12-01T10:00"),
])
def test_stage_clock_time_takes_the_day_written_beside_it(run, text, timex, value):
    assert _values(run(text))[timex] == value


@pytest.mark.parametrize(("text", "timex", "kind", "value"), [
    ("Unemployment is now at 5 percent.", "now", "DATE", "PRESENT_REF"),
    ("In the past, the country relied on coal.", "the past", "DATE", "PAST_REF"),
    ("At the time, officials denied the report.", "the time", "DATE", "PAST_REF"),
    ("Talks are at present stalled, and these days few expect a deal.", "these days", "DATE", "PRESENT_REF"),
    ("The strike lasted a month.", "a month", "DURATION", "P1M"),
    ("He served eight years in prison.", "eight years", "DURATION", "P8Y"),
    ("The railway was built in the late 19th century.", "the late 19th century", "DATE", "18"),
    ("Sales fell in fiscal 2023, the company said.", "fiscal 2023", "DATE", "FY2023"),
    ("The plant closed early last March.", "early last March", "DATE", "2025-03"),
])
def test_stage_timeml_conventions_on_sentences(run, text, timex, kind, value):
    found = {t.text: (t.type, t.value) for t in run(text).timexes}
    assert found[timex] == (kind, value)


def test_stage_year_range_gives_both_ends(run):
    values = _values(run("The law was in force from 2001 to 2005."))
    assert values["2001"] == "2001" and values["2005"] == "2005"


@pytest.mark.parametrize("text", [
    "Lawmakers criticised the now-cancelled deal.",
    "The past five years were hard for the industry.",
])
def test_stage_vague_words_inside_other_expressions_are_not_references(run, text):
    assert all(t.value not in ("PRESENT_REF", "PAST_REF") for t in run(text).timexes)


def test_stage_headline_run_into_dateline_gives_two_dates(run):
    values = _values(run("Apple keynote opens WWDC 2005 June 6, 2005 with a new chip."))
    assert values.get("June 6, 2005") == "2005-06-06"


@pytest.mark.parametrize(("text", "predicate", "date"), [
    # a noun's modifier dates that noun only, never the verb above it
    ("The US is seeking his extradition over the publication of documents in 2010.", "seeking", None),
    ("China criticised the January visit by the US delegation.", "criticised", None),
    ("China criticised the January visit by the US delegation.", "visit", "2025-01"),
    # another clause's modifier never dates this clause
    ("Russia condemned the strikes, which began in 2022.", "condemned", None),
    ("The two sides, who fought a war in 2008, signed a deal on Friday.", "signed", "2025-11-21"),
    ("The two sides, who fought a war in 2008, signed a deal on Friday.", "fought", "2008"),
    ("Israel struck Gaza on Monday after talks collapsed in January.", "collapsed", "2025-01"),
    # a relative clause on the predicate noun is about that noun
    ("Putin is on a three-day visit, which commenced on Tuesday.", "visit", "2025-11-25"),
    # the object of a support verb carries the verb's date ("held talks on Wednesday")
    ("Iran accused Israel of the attack at 10 a.m. on Tuesday.", "accused", "2025-11-25"),
])
def test_dating_event_date_from_its_own_clause_only(run, text, predicate, date):
    ctx = run(text)
    assert ctx.extras["time"].date_for_token(_token(ctx, predicate)) == date


@pytest.mark.parametrize(("text", "predicate", "date"), [
    ("The minister said today that talks would resume.", "said", "2025-11-26"),
    ("The leaders will meet tonight in Paris.", "meet", "2025-11-26"),       # TIME 2025-11-26TNI
    ("The army attacked the town last week.", "attacked", "2025-11"),       # 2025-W47
    ("Protesters clashed with police last weekend.", "clashed", "2025-11"),  # 2025-W47-WE
    ("The envoy arrived at 18:00 UTC on Monday.", "arrived", "2025-11-24"),  # never finer than a day
])
def test_dating_deictic_days_and_weeks(run, text, predicate, date):
    ctx = run(text)
    assert ctx.extras["time"].date_for_token(_token(ctx, predicate)) == date


def test_stage_bare_first_half_of_a_match_is_no_date(run):
    timexes = run("He scored twice in the first half.").timexes
    assert not any(t.value and t.value.endswith("-H1") for t in timexes)


def test_stage_period_ended_on_a_day_gives_both(run):
    values = _values(run("The bank reported results for the quarter ended Sept. 30."))
    assert values.get("Sept. 30") == "2025-09-30"


@pytest.mark.parametrize(("text", "timex", "value"), [
    ("Germany annexed Austria in 1938 and invaded Poland a year later.", "a year later", "1939"),
    ("The deal was signed on May 3, 2020. Two days later, it collapsed.", "Two days later", "2020-05-05"),
    ("Profit rose 5% from a year earlier.", "a year earlier", "2024"),
])
def test_stage_later_and_earlier_count_from_the_last_date_named(run, text, timex, value):
    assert _values(run(text))[timex] == value


def test_dating_subject_events_own_day_dates_what_it_did(run):
    ctx = run("Top-level talks last week between the two blocs failed to resolve the dispute.")
    assert ctx.extras["time"].date_for_token(_token(ctx, "failed")) == "2025-11"
    ctx = run("The 2015 agreement limits enrichment by Iran.")  # a year before its noun: background
    assert ctx.extras["time"].date_for_token(_token(ctx, "limits")) is None
