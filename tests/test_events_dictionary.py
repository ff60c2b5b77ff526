"""The CAMEO verb dictionary compiler: its pattern syntax, and matching on hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from geoevents.errors import DataFileError
from geoevents.events.dictionary import CameoDictionary, load_dictionary

SAMPLE = """\
####### SYNONYM SETS #######

&WEAPON
+GUN
+ROCKET_LAUNCHER

####### VERB PATTERNS #######

---  ACCUSE   [112]  ---
ACCUSE
+POINT_FINGER {+POINTS_FINGER +POINTED_FINGER} [111]
- * (OF &WEAPON)                                   [1122]  # ACCUSE

---  DRAW   [---]  ---
DRAW {DRAWS DREW DRAWN}
SKETCH
- * PICTURE                                        [---]   # SKETCH
- * {GROUND FIRE}                                  [190]   # DRAW
- * &WEAPON                                        [154]   # DREW
- $ TROOP * (TO +)                                 [042:043]   # DRAW
- * CRITICISM                                      [:111]   # DRAW
- CRASH *                                          [---]   # DRAW
- * OUT (AT)                                       [111]   # DRAW
"""


VOCAB = spacy.blank("en").vocab  # lexical attributes (lower-case forms) of English


def _doc(words: list[str], heads: list[int], deps: list[str], lemmas: list[str],
         pos: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)


@pytest.fixture(scope="module")
def sample() -> CameoDictionary:
    return CameoDictionary.parse(SAMPLE, "sample")


@pytest.mark.parametrize("verb", ["accuse", "draw", "point"])
def test_events_dictionary_reads_blocks_and_forms(sample: CameoDictionary, verb: str) -> None:
    assert verb in sample.forms
    assert sample.synsets["&WEAPON"] == (("gun",), ("rocket", "launcher"))


@pytest.mark.parametrize(("words", "heads", "deps", "lemmas", "pos", "code"), [
    # "Iraq accused Iran": no pattern, the block's code
    (["Iraq", "accused", "Iran"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
     ["Iraq", "accuse", "Iran"], ["PROPN", "VERB", "PROPN"], "112"),
    # "(OF &WEAPON)": a synonym set member under a preposition
    (["Iraq", "accused", "Iran", "of", "guns"], [1, 1, 1, 1, 3],
     ["nsubj", "ROOT", "dobj", "prep", "pobj"],
     ["Iraq", "accuse", "Iran", "of", "gun"], ["PROPN", "VERB", "PROPN", "ADP", "NOUN"], "1122"),
    # "{GROUND FIRE}": consecutive words, the last the head
    (["troops", "drew", "ground", "fire"], [1, 1, 3, 1], ["nsubj", "ROOT", "compound", "dobj"],
     ["troop", "draw", "ground", "fire"], ["NOUN", "VERB", "NOUN", "NOUN"], "190"),
    # "[---]": a pattern that says the phrase is no event
    (["he", "drew", "a", "picture"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
     ["he", "draw", "a", "picture"], ["PRON", "VERB", "DET", "NOUN"], None),
    # a word before the verb, and the first code of a "source:target" pair
    (["troops", "drew", "to", "Kabul"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
     ["troop", "draw", "to", "Kabul"], ["NOUN", "VERB", "ADP", "PROPN"], "042"),
    # a pattern's noun is the head of the verb's object, not any word below the verb
    (["he", "drew", "water", "from", "guns"], [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"],
     ["he", "draw", "water", "from", "gun"], ["PRON", "VERB", "NOUN", "ADP", "NOUN"], None),
    (["he", "drew", "guns"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
     ["he", "draw", "gun"], ["PRON", "VERB", "NOUN"], "154"),
    # the null block code when no pattern fits
    (["he", "drew", "water"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
     ["he", "draw", "water"], ["PRON", "VERB", "NOUN"], None),
    # "* OUT (AT)": the particle is the pattern's first word after the verb
    (["he", "drew", "out", "at", "Iraq"], [1, 1, 1, 1, 3], ["nsubj", "ROOT", "prt", "prep", "pobj"],
     ["he", "draw", "out", "at", "Iraq"], ["PRON", "VERB", "ADP", "ADP", "PROPN"], "111"),
    (["he", "drew", "at", "Iraq"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
     ["he", "draw", "at", "Iraq"], ["PRON", "VERB", "ADP", "PROPN"], None),
])
def test_events_dictionary_matches_patterns(sample: CameoDictionary, words: list[str],
                                            heads: list[int], deps: list[str],
                                            lemmas: list[str], pos: list[str],
                                            code: str | None) -> None:
    doc = _doc(words, heads, deps, lemmas, pos)
    found = sample.match(doc[1])
    assert found is not None
    assert found.code == code


@pytest.mark.parametrize(("noun", "code", "reverse"), [
    ("criticism", None, "111"),  # "[:111]": only the event with the roles reversed is coded
    ("picture", None, None),  # no event either way
])
def test_events_dictionary_reversed_code(sample: CameoDictionary, noun: str, code: str | None,
                                         reverse: str | None) -> None:
    doc = _doc(["Chile", "drew", noun], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
               ["Chile", "draw", noun], ["PROPN", "VERB", "NOUN"])
    found = sample.match(doc[1])
    assert found is not None and found.code == code and found.reverse == reverse


@pytest.mark.parametrize(("prep", "matched"), [("in", True), ("after", False)])
def test_events_dictionary_passive_cause_stands_before(sample: CameoDictionary, prep: str,
                                                       matched: bool) -> None:
    # "troops were drawn in a crash": the cause of a passive is what "CRASH *" names before
    # the verb in the active voice; any other phrase is not
    doc = _doc(["troops", "were", "drawn", prep, "a", "crash"], [2, 2, 2, 2, 5, 3],
               ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj"],
               ["troop", "be", "draw", prep, "a", "crash"], ["NOUN", "AUX", "VERB", "ADP", "DET", "NOUN"])
    found = sample.match(doc[2])
    assert found is not None and found.code is None
    assert (found.pattern is not None and bool(found.pattern.before)) == matched


def test_events_dictionary_paired_code_keeps_its_own_event(sample: CameoDictionary) -> None:
    doc = _doc(["troops", "drew", "to", "Kabul"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
               ["troop", "draw", "to", "Kabul"], ["NOUN", "VERB", "ADP", "PROPN"])
    found = sample.match(doc[1])
    assert found is not None and found.code == "042" and found.reverse is None


MUTUAL = """\
####### VERB PATTERNS #######

---  EXCHANGE   [---]  ---
EXCHANGE
- * ACCUSATIONS                                    [112:112]   # EXCHANGE
- * (OVER LUNCH)                                   [040:043]   # EXCHANGE
"""


@pytest.mark.parametrize(("noun", "code", "mutual"), [
    ("accusations", "112", True),  # "[112:112]": each party accuses the other
    ("lunch", "040", False),  # "[040:043]": an event and its mirror, not one act both ways
])
def test_events_dictionary_same_code_both_ways_is_mutual(noun: str, code: str, mutual: bool) -> None:
    dictionary = CameoDictionary.parse(MUTUAL, "mutual")
    words = ["Chile", "exchanged", noun] if noun != "lunch" else ["Chile", "exchanged", "over", noun]
    n = len(words)
    heads = [1, 1, 1] if n == 3 else [1, 1, 1, 2]
    deps = ["nsubj", "ROOT", "dobj"] if n == 3 else ["nsubj", "ROOT", "prep", "pobj"]
    lemmas = ["Chile", "exchange", noun.rstrip("s")] if n == 3 else ["Chile", "exchange", "over", noun]
    pos = ["PROPN", "VERB", "NOUN"] if n == 3 else ["PROPN", "VERB", "ADP", "NOUN"]
    found = dictionary.match(_doc(words, heads, deps, lemmas, pos)[1])
    assert found is not None and found.code == code
    assert found.pattern is not None and found.pattern.mutual is mutual


@pytest.mark.parametrize(("verb", "lemma", "code"), [
    ("drew", "draw", "154"),  # "# DREW": written for draw, named by an inflected form
    ("sketched", "sketch", None),  # another verb of the block: the block's code, not 154
])
def test_events_dictionary_pattern_applies_to_its_own_verb(sample: CameoDictionary, verb: str,
                                                            lemma: str, code: str | None) -> None:
    doc = _doc(["troops", verb, "guns"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
               ["troop", lemma, "gun"], ["NOUN", "VERB", "NOUN"])
    found = sample.match(doc[1])
    assert found is not None and found.code == code
    assert (found.pattern is not None) == (code is not None)


@pytest.mark.parametrize("particle", [True, False])
def test_events_dictionary_multiword_verb(sample: CameoDictionary, particle: bool) -> None:
    words = ["Iraq", "pointed", "finger" if particle else "guns", "at", "Iran"]
    doc = _doc(words, [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"],
               [w.lower() if k != 1 else "point" for k, w in enumerate(words)],
               ["PROPN", "VERB", "NOUN", "ADP", "PROPN"])
    found = sample.match(doc[1])
    if particle:
        assert found is not None and found.code == "111"
    else:
        assert found is None  # "point" alone is not in the sample dictionary


@pytest.mark.parametrize("text", [
    "####### VERB PATTERNS #######\n- * FOO [010]\n",
    "####### VERB PATTERNS #######\n---  X   [---]  ---\nX\n- * {FOO [010]\n",
    "####### VERB PATTERNS #######\n---  X   [---]  ---\nX\n- * FOO\n",
])
def test_events_dictionary_rejects_malformed(text: str) -> None:
    with pytest.raises(DataFileError):
        CameoDictionary.parse(text, "bad.txt")


def test_events_dictionary_shipped_file_loads() -> None:
    shipped = load_dictionary()
    assert len(shipped.blocks) > 350 and len(shipped.forms) > 1500
    assert sum(len(b.patterns) for b in shipped.blocks) > 4000


def test_events_dictionary_lists_its_hyphenated_words() -> None:
    """Words written with an inner hyphen are collected, so the lexicon can join spaCy's
    split tokens ("cease", "-", "fire") back into the dictionary's word."""
    text = SAMPLE.replace("+ROCKET_LAUNCHER", "+ROCKET_LAUNCHER\n+SURFACE-TO-AIR_MISSILE")
    found = CameoDictionary.parse(text + "- * CEASE-FIRE  [0871]  # DRAW\n", "sample")
    assert {"cease-fire", "surface-to-air"} <= found.hyphenated
    assert "rocket" not in found.hyphenated
