"""Recognition: spaCy entities corrected and extended by the grammar."""

from __future__ import annotations

import pytest

from geoevents.nlp import load_model
from geoevents.time.lexicon import grammar, lexicon
from geoevents.time.recognise import recognise


@pytest.fixture(scope="module")
def spans():
    nlp = load_model()

    def _spans(text: str) -> list[str]:
        return [text[c.start:c.end] for c in recognise(nlp(text))]
    return _spans


@pytest.mark.parametrize(("text", "expected"), [
    ("Summit ends\nMarch 3, 2024\nLeaders met in Riga.", ["March 3, 2024"]),
    ("Exports fell between April and June, officials said.", ["April", "June"]),
    ("The deal runs from 2019 to 2024 under the plan.", ["2019", "2024"]),
    ("Voting opened at 08:30 UTC in the northern provinces.", ["08:30 UTC"]),
    ("The ceasefire held on Friday morning near the border.", ["Friday morning"]),
    ("Ties have improved recently, the envoy said.", ["recently"]),
    ("The minister began a three-day tour of the region.", ["three-day"]),
    ("The committee meets weekly in Brussels.", ["weekly"]),
    ("Inflation rose this year across the bloc.", ["this year"]),
])
def test_recognise_finds_expressions(spans, text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "not_expected"), [
    ("The index closed at 11.05 after heavy trading.", "11.05"),
    ("The general, at the age of 56, retired from the army.", "the age of 56"),
    ("The oil price rose to 75.40 dollars a barrel.", "75.40"),
])
def test_recognise_drops_non_times(spans, text, not_expected):
    assert not_expected not in spans(text)


def test_lexicon_and_grammar_load_once():
    assert lexicon() is lexicon()
    assert grammar() is grammar()
    assert lexicon().months["may"] == 5 and lexicon().weekdays["sunday"] == 7


@pytest.mark.parametrize("text", ["You may go.", "Troops march on the capital."])
def test_recognise_month_names_need_capitals(spans, text):
    assert spans(text) == []


def test_lexicon_missing_data_file_is_a_coded_error():
    from geoevents.errors import DataFileError
    from geoevents.time.lexicon import _read

    with pytest.raises(DataFileError, match=r"GE401: time/data/absent\.toml"):
        _read("absent.toml")


@pytest.mark.parametrize(("text", "expected"), [
    # a month that is also a name is a time only with a word of time before it
    ("Corbyn urged May to call an election.", []),
    ("Mrs May told MPs the vote would go ahead.", []),
    ("Theresa May's deal was voted down.", []),
    ("May said the deal was good for Britain.", []),
    ("Talks resumed in May after a pause.", ["May"]),
    ("Exports fell this past May and again in June.", ["this past May", "June"]),
    ("The May elections were postponed.", ["May"]),
    # other months stay times wherever they stand
    ("Norway's October output beat forecasts.", ["October"]),
])
def test_recognise_months_that_are_also_names(spans, text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Talks Resumed THREE WEEKS AGO and ended In The Past Few Days; NOW they meet Twice A Year.",
    "The Early 21st Century, Some 40 Years Ago, and the 1990s were recalled Recently.",
    # U+212A (the Kelvin sign) is a 'k' to IGNORECASE: such a text keeps the original patterns
    "Two WEE\u212aS ago the talks began, and over the Past Few Years they stalled.",
])
def test_case_folded_patterns_match_where_the_originals_do(text):
    from geoevents.time.lexicon import fold_case
    folded = fold_case(text)
    assert folded is None or len(folded) == len(text)
    assert any(p.folded is not None for p in grammar())
    assert any(p.folded is None for p in grammar())  # month names stay case-sensitive
    compared = 0
    for pattern in grammar():
        want = [m.span() for m in pattern.regex.finditer(text)]
        if pattern.folded is None or folded is None:
            continue
        assert [m.span() for m in pattern.folded.finditer(folded)] == want, pattern.name
        compared += len(want)
    assert compared > 0 or folded is None
    assert fold_case("Two WEE\u212aS ago") is None
