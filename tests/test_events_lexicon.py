"""The events stage's data: CAMEO ontology, PLOVER conventions and the predicate lexicon."""

from __future__ import annotations

import pytest

from geoevents.errors import DataFileError
from geoevents.events.lexicon import load_lexicon, parse_lexicon
from geoevents.events.ontology import cameo_types, event_type, planned_code
from geoevents.model import PLOVER_CATEGORIES


def test_ontology_every_three_digit_code_has_a_lexicon_pattern() -> None:
    codes = load_lexicon().codes()
    three_digit = {c for c in cameo_types() if len(c) == 3}
    missing = sorted(c for c in three_digit if not any(x[:3] == c for x in codes))
    assert len(three_digit) >= 140
    assert missing == []


@pytest.mark.parametrize(("code", "plover", "quad", "goldstein"), [
    ("042", "CONSULT", 1, 1.9),
    ("057", "SUPPORT", 1, 8.0),
    ("0841", "RETREAT", 2, 7.0),
    ("112", "ACCUSE", 3, -2.0),
    ("173", "COERCE", 4, -5.0),
    ("190", "ASSAULT", 4, -10.0),
    ("010", None, 1, 0.0),
    ("020", "REQUEST", 1, 3.0),  # PLOVER manual, REQUEST: "all requests, demands, and orders"
    ("116", "SANCTION", 3, -2.0),  # PLOVER manual 2.0, SANCTION 'convict'
])
def test_ontology_event_type_scales(code: str, plover: str | None, quad: int,
                                    goldstein: float) -> None:
    kind = event_type(code)
    assert (kind.plover, kind.quad_class, kind.goldstein) == (plover, quad, goldstein)


def test_ontology_plover_labels_are_the_sixteen_categories() -> None:
    labels = {t.plover for t in cameo_types().values() if t.plover}
    assert labels <= set(PLOVER_CATEGORIES)
    assert len(labels) == 16


@pytest.mark.parametrize(("code", "planned", "plover"), [
    ("042", "036", "AGREE"),   # a future visit is intent to meet
    ("073", "0333", "AGREE"),  # "will send food aid"
    ("0841", "0353", "AGREE"),  # "will release the hostages"
    ("1724", "1324", "THREATEN"),  # "would impose martial law"
    ("190", "138", "THREATEN"),
    ("112", "112", "ACCUSE"),  # verbal acts keep their own code
])
def test_ontology_planned_code_follows_plover(code: str, planned: str, plover: str) -> None:
    assert planned_code(code) == planned
    assert event_type(planned).plover == plover


@pytest.mark.parametrize(("line", "message"), [
    ("verb\tmeet\t\t999\t", "unknown CAMEO code"),
    ("adverb\tmeet\t\t040\t", "kind must be"),
    ("verb\tmeet\twho:x\t040\t", "unknown constraint"),
    ("verb\tmeet\t\t040\tloud", "unknown flag"),
])
def test_lexicon_malformed_line_names_the_problem(line: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message) as err:
        parse_lexicon(line + "\n", "my.tsv")
    assert "my.tsv line 1" in str(err.value)


def test_lexicon_user_file_extends_patterns(tmp_path) -> None:
    path = tmp_path / "extra.tsv"
    path.write_text("# kind\tlemma\tconstraints\tcameo\tflags\tnote\n"
                    "verb\tsnub\t\t125\t\tignore an invitation\n", encoding="utf-8")
    lexicon = load_lexicon(str(path))
    assert lexicon.codes() == {"125"}


def test_lexicon_missing_user_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        load_lexicon(str(tmp_path / "nope.tsv"))


def test_lexicon_entry_naming_its_words_wins_over_any_word(tmp_path) -> None:
    from geoevents.events.lexicon import Lexicon
    from geoevents.nlp import load_model

    entries = parse_lexicon("verb\tdecline\tcomp:\t120\tgovern\t\n"
                            "verb\tdecline\tcomp:give|say\t011\t\t\n", "my.tsv")
    doc = load_model()("The ministry declined to give figures.")
    match = Lexicon(entries).match(doc[2])
    assert match is not None and match.cameo == "011"
    other = load_model()("The ministry declined to sign the accord.")
    assert Lexicon(entries).match(other[2]).cameo == "120"


def test_lexicon_view_constraint_is_a_clause_of_how_things_are() -> None:
    from geoevents.events.lexicon import Lexicon
    from geoevents.nlp import load_model

    entries = parse_lexicon("verb\tagree\t\t030\tgovern\t\n"
                            "verb\tagree\tview:\t019\treport\t\n", "my.tsv")
    lexicon, nlp = Lexicon(entries), load_model()
    view = nlp("The ministers agreed that the plan had failed.")
    assert lexicon.match(view[2]).cameo == "019"
    # a modal of obligation or intent makes it a plan of action, not a view
    plan = nlp("The ministers agreed that the two states should cooperate.")
    assert lexicon.match(plan[2]).cameo == "030"
