"""The quotes stage on sentences written for these tests: direct and reported speech."""

from __future__ import annotations

import pytest

from geoevents.actors.stage import make_actors_stage
from geoevents.errors import DataFileError
from geoevents.model import Quote
from geoevents.nlp import load_model
from geoevents.quotes.lexicon import load_cues, parse_cues
from geoevents.quotes.stage import make_quotes_stage
from geoevents.stage import StageContext

from .conftest import make_doc


@pytest.fixture(scope="module")
def run_quotes():
    nlp = load_model()
    actors, quotes = make_actors_stage(), make_quotes_stage()

    def run(text: str) -> tuple[StageContext, list[Quote]]:
        ctx = StageContext(document=make_doc(text), doc=nlp(text))
        actors(ctx)
        quotes(ctx)
        return ctx, ctx.quotes

    return run


def _one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ('"We will defend our sovereignty," Tokayev said on Tuesday.',
     '"We will defend our sovereignty,"', "Tokayev"),
    ("Erdogan told reporters: “Turkey will not accept this proposal.”",
     "“Turkey will not accept this proposal.”", "Erdogan"),
    ("«Our cooperation is growing every year», Lukashenko said in Minsk.",
     "«Our cooperation is growing every year»", "Lukashenko"),
    ("The foreign minister said ‘the embassy will stay open for now’ in his briefing.",
     "‘the embassy will stay open for now’", "The foreign minister"),
])
def test_stage_direct_quote_styles_with_speaker(run_quotes, text, quote, speaker):
    _, quotes = run_quotes(text)
    q = _one(quotes, quote.strip("\"“”«»‘’,"))
    assert q.direct and q.text == quote
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text in ("said", "told")


def test_stage_interrupted_quote_is_one_quote(run_quotes):
    text = "“The border will reopen,” he said, “but only for trucks carrying food.”"
    _, quotes = run_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.start, q.end) == (0, len(text))
    assert q.speaker is not None and q.speaker.text == "he" and q.cue.text == "said"


def test_stage_next_sentence_quote_with_its_own_attribution_is_another_quote(run_quotes):
    text = ("“We will reopen the border,” said Tokayev. “We will not close ours,” Mirziyoyev "
            "said.")
    _, quotes = run_quotes(text)
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["Tokayev", "Mirziyoyev"]
    # with no attribution of its own, the next sentence's quotation continues the first
    _, quotes = run_quotes("“We will reopen the border,” said Tokayev. “Trucks come first.”")
    assert len(quotes) == 1 and "Trucks come first" in quotes[0].text


def test_stage_multi_paragraph_quote_keeps_its_speaker(run_quotes):
    text = ("Mirziyoyev said: “Uzbekistan has opened its markets.\n\n"
            "“Investors from every region are welcome here.”\n\nThe visit ends on Friday.")
    _, quotes = run_quotes(text)
    q = _one(quotes, "opened its markets")
    assert q.direct and "Investors from every region" in q.text
    assert q.speaker is not None and q.speaker.text == "Mirziyoyev"


def test_stage_partial_quote_inside_sentence(run_quotes):
    text = "Tokayev described the treaty as a “cornerstone of regional stability and trust.”"
    _, quotes = run_quotes(text)
    q = _one(quotes, "cornerstone")
    assert "“cornerstone of regional stability and trust.”" in q.text
    assert q.speaker is not None and q.speaker.text == "Tokayev"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("According to the Finnish defence ministry, two Russian jets entered its airspace on Sunday.",
     "two Russian jets entered its airspace on Sunday", "the Finnish defence ministry"),
    ("Two Russian jets entered Finnish airspace on Sunday, according to the defence ministry.",
     "Two Russian jets entered Finnish airspace on Sunday", "the defence ministry"),
])
def test_stage_according_to_gives_the_clause(run_quotes, text, content, speaker):
    _, quotes = run_quotes(text)
    q = _one(quotes, content)
    assert q.text == content and not q.direct
    assert q.cue is not None and q.cue.text.lower() == "according to"
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), [
    ("The Georgian prime minister said that the talks with Brussels would continue next month.",
     "that the talks with Brussels would continue next month", "The Georgian prime minister", "said"),
    ("Officials in Yerevan believe the ceasefire will hold.",
     "the ceasefire will hold", "Officials", "believe"),
    ("The new pipeline will double gas exports, the energy minister told parliament.",
     "The new pipeline will double gas exports", "the energy minister", "told"),
])
def test_stage_reported_speech_content_clause(run_quotes, text, content, speaker, cue):
    _, quotes = run_quotes(text)
    q = _one(quotes, content)
    assert q.text == content and not q.direct
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_stage_quote_without_speaker_is_kept(run_quotes):
    text = "The ceremony was short.\n\n“Peace is the only road left to all of us.”\n\nIt rained."
    _, quotes = run_quotes(text)
    q = _one(quotes, "Peace is the only road")
    assert q.direct and q.speaker is None and q.cue is None


def test_stage_adjacent_sentence_gives_the_speaker(run_quotes):
    text = "The minister spoke after the vote. He added: \n“We will appeal to the court in The Hague.”"
    _, quotes = run_quotes(text.replace(" \n", " "))
    q = _one(quotes, "appeal to the court")
    assert q.speaker is not None and q.speaker.text == "He"


def test_stage_short_scare_quotes_are_not_quotes(run_quotes):
    _, quotes = run_quotes("The so-called “grain corridor” reopened in the spring.")
    assert quotes == []


def test_stage_unbalanced_marks_do_not_lose_the_document(run_quotes):
    text = ("He said “the deal is off. \"Prices rose” sharply.\n\n"
            "“We will keep buying grain,” the trade minister said.")
    _, quotes = run_quotes(text)
    q = _one(quotes, "We will keep buying grain")
    assert q.speaker is not None and q.speaker.text == "the trade minister"


def test_stage_speaker_resolved_through_actors(run_quotes):
    _, quotes = run_quotes("Russia said the sanctions were illegal.")
    q = _one(quotes, "the sanctions were illegal")
    assert q.speaker is not None and q.speaker.text == "Russia"
    assert q.speaker.country == "RUS"


def test_stage_publishes_reported_spans(run_quotes):
    ctx, quotes = run_quotes("The ministry said the convoy had crossed the border.")
    spans = ctx.extras["quotes"].reported_spans
    assert spans == [(q.start, q.end) for q in quotes] and spans


def test_stage_offsets_point_into_text(run_quotes):
    text = "“Trade is growing,” Japarov said, noting that exports to China had tripled."
    _, quotes = run_quotes(text)
    assert len(quotes) == 2
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.cue.start:q.cue.end] == q.cue.text
        assert text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("lines", [["say"], ["say\tshouting"], ["# only a comment"]])
def test_lexicon_rejects_malformed_data(lines):
    with pytest.raises(DataFileError):
        parse_cues(lines, "cues.tsv")


def test_lexicon_loads_shipped_cues():
    cues = load_cues()
    assert cues.is_speech_verb("say") and cues.is_clause_verb("believe")
    assert ("according", "to") in cues.phrases and cues.is_stance_verb("criticize")


def test_stage_relative_pronoun_speaker_keeps_who_and_resolves_antecedent(run_quotes):
    _, quotes = run_quotes("Erdogan, who said the strait would stay open, left Ankara on Monday.")
    q = _one(quotes, "the strait would stay open")
    assert q.speaker is not None and q.speaker.text == "who"
    assert q.speaker.name  # resolved through the antecedent, Erdogan


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Tokayev: Kazakhstan will not join any military bloc.\n\nThe statement came late.",
     "Kazakhstan will not join any military bloc", "Tokayev"),
])
def test_stage_headline_colon_attribution(run_quotes, text, content, speaker):
    _, quotes = run_quotes(text)
    q = _one(quotes, content)
    assert q.speaker is not None and q.speaker.text == speaker and q.cue.text == ":"


def test_stage_colon_after_a_non_name_is_not_a_quote(run_quotes):
    _, quotes = run_quotes("Editor’s note: this article was updated on Monday evening.")
    assert quotes == []


@pytest.mark.parametrize("seed", range(5))
def test_stage_random_marks_never_break_offsets(run_quotes, seed):
    import random

    pieces = ['"', "“", "”", "«", "»", "‘", "’", "'", "''", "\n", "\n\n", " he said", " said Putin",
              ", ", ". ", ":", " according to officials", " the talks ", " will resume", " ―", " Ann Lee"]
    rnd = random.Random(seed)
    for _ in range(20):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
        _, quotes = run_quotes(text)
        for q in quotes:
            assert q.start < q.end and text[q.start:q.end] == q.text
            if q.speaker is not None:
                assert text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_stage_quotation_after_an_attributed_one_keeps_its_speaker(run_quotes):
    text = ('"How many times do we have to see this in our country?" Clinton said. '
            '"In Tulsa, an unarmed man with his hands in the air was shot dead."')
    _, quotes = run_quotes(text)
    follow = _one(quotes, "In Tulsa")
    assert follow.speaker is not None and follow.speaker.text == "Clinton"


def test_stage_quotation_after_other_words_does_not_inherit_a_speaker(run_quotes):
    text = ('"We will not back down," Clinton said.\n\nThe crowd cheered for minutes.\n\n'
            '"Four more years of the same failed policies are not what this country needs."')
    _, quotes = run_quotes(text)
    later = _one(quotes, "Four more years")
    assert later.speaker is None or later.speaker.text != "Clinton"


def test_joined_quote_is_attributed_by_the_words_between_its_parts():
    # the quoted words carry cues of their own ("I want"); the attribution is the words
    # between the two parts, which the joined span covers
    from geoevents.quotes.direct import TokenIndex, attribute, join_interrupted
    from geoevents.quotes.marks import find_quoted_spans

    text = ("“We will find who did this,” the police chief said on Monday. “I want to assure "
            "our community that we will achieve justice.”")
    doc = load_model()(text)
    index, lexicon = TokenIndex(doc), load_cues()
    marked = find_quoted_spans(text)
    joined = join_interrupted(marked, text, index, lexicon)
    assert len(marked) == 2 and len(joined) == 1 and joined[0].end == len(text)
    d = attribute(joined[0], text, index, lexicon, joined, marked)
    assert d.cue is not None and text[d.cue[0]:d.cue[1]] == "said"
    assert d.speaker is not None and d.speaker.text == "chief"


def test_stage_attribution_comes_from_the_quotation_s_own_paragraph(run_quotes):
    text = ("The talks ended late.\n\n“Nobody crosses the border tonight or tomorrow.”\n\n"
            "Democrats also described the closure as a disaster, and said the panel might be damaged.")
    _, quotes = run_quotes(text)
    q = _one(quotes, "Nobody crosses")
    assert q.speaker is None or q.speaker.text != "Democrats"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # the parser ends a sentence at a quoted question; the attribution follows on the line
    ("“You work hard. You pay your taxes. So why didn’t he pay his?” a narrator in the "
     "campaign ad asks. The spot ends with a clip of the debate.", "You work hard", "a narrator"),
    # an attribution that ends with a colon, in the paragraph before the quotation
    ("The senator spoke at length.\n\nHe said:\n\n“We have a situation in our cities that "
     "nobody in Washington wants to talk about.”", "We have a situation", "He"),
    # a dash and a name after a reader's quotation, with a no-break space between
    ("“I cannot believe a man with no experience is the nominee. How did we get this low?”"
     "\u00a0― Ann Lee\n\nMore letters follow.", "How did we get", "Ann Lee"),
])
def test_stage_attribution_next_to_the_quotation(run_quotes, text, fragment, speaker):
    _, quotes = run_quotes(text)
    q = _one(quotes, fragment)
    assert q.direct and q.speaker is not None and q.speaker.text == speaker


def test_stage_cue_among_the_quoted_words_is_no_attribution(run_quotes):
    text = ("The rally ended at nine.\n\n“I think this country deserves better than what it "
            "got these last four years.”\n\nThe crowd left quietly.")
    _, quotes = run_quotes(text)
    q = next(q for q in quotes if q.direct)
    assert q.speaker is None or q.speaker.text != "I"


@pytest.mark.parametrize(("text", "cue", "name"), [
    ("“We will achieve justice,” police Chief Chuck Jordan said Monday.", "said", "Jordan"),
    ("“Nobody wants to bus their kids,” said Hester.", "said", "Hester"),
])
def test_speaker_next_to_the_cue_outside_the_marks(text, cue, name):
    # when the parse gives a word of the quotation as the cue's subject, the speaker is the
    # name on either side of the cue (plain and inverted attribution order)
    from geoevents.quotes.direct import _adjacent_name
    from geoevents.quotes.marks import find_quoted_spans

    doc = load_model()(text)
    verb = next(t for t in doc if t.text == cue)
    found = _adjacent_name(verb, find_quoted_spans(text))
    assert found is not None and found.text == name


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a name the recogniser swept into a date is still the subject
    ("Last week Stumpf in a televised interview appeared to blame low-level workers for this "
     "behavior.", "low-level workers", "Stumpf"),
    # object control: the object of "force" is who admits
    ("The senator also forced Stumpf, who was under questioning from the committee, to admit "
     "that no senior executives had been punished.", "no senior executives", "Stumpf"),
    # a small clause: the object of "left" is who feels
    ("The end of the war left many nations feeling that they faced no military threat.",
     "that they faced no military threat", "many nations"),
    # the attribution before a participle the parse made its head
    ("''We have shown the world we can float like butterflies,'' Mr. Obama said, not even "
     "needing to mention the author of that boast.", "the author of that boast", "Mr. Obama"),
    # a finite cue the parse left without a subject: the name right before it
    ("In a meeting with the editorial board of the Washington Post Trump said that NATO costs "
     "the country too much.", "that NATO costs the country", "Trump"),
    # a name in apposition to a subject the parse took from the phrase before it
    ("With 50 days until the election, Minyon Moore, a senior adviser to the campaign, called "
     "the remarks \"a true wake-up call\" to voters.", "the remarks", "Minyon Moore"),
    # the one shown in a recording does the asking
    ("The new ad uses footage of Clinton asking, “Why aren’t I fifty points ahead, you might "
     "ask?”", "“Why aren’t I fifty", "Clinton"),
])
def test_stage_speaker_from_the_clause_structure(run_quotes, text, content, speaker):
    _, quotes = run_quotes(text)
    q = min((q for q in quotes if content in q.text), key=lambda q: len(q.text))
    assert q.speaker is not None and q.speaker.text.split()[-1] == speaker.split()[-1]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # the source of a warning after "from"; the subject of the verb an argument hangs from
    ("The move took place despite repeated warnings from his attorney that the showdown was "
     "fruitless.", "that the showdown was fruitless", "his attorney"),
    ("Democrats also persisted in arguments that the panel was trying to second-guess the courts.",
     "that the panel was trying", "Democrats"),
    # "according to" whose source the parse read as a verb phrase
    ("As a reality TV host, Trump repeatedly demeaned women, according to show insiders.",
     "Trump repeatedly demeaned women", "insiders"),
    # a headline's name the article names in full below
    ("Sanders: Clinton needs to stop the personality attacks.\n\nBernie Sanders offered advice "
     "to Hillary Clinton on Friday.", "Clinton needs to stop", "Sanders"),
    # "as X put it"
    ("As Ms. Simonyan put it in a statement in July, RT is ''providing a perspective you won't "
     "get from the mainstream press.''", "providing a perspective", "Ms. Simonyan"),
    # a document's words: "the letter reads"
    ("“From Seattle to Houston, we see charter schools offering parents hope,” the letter reads.",
     "From Seattle to Houston", "the letter"),
    # an unattributed quotation after an attribution in its paragraph keeps that voice
    ("Our jobs are going overseas, she said, referencing the bank's drive to sell more "
     "accounts. “You went on television to blame thousands of workers.”",
     "You went on television", "she"),
    # a participle after the attribution the parse made its sibling
    ("“This is a disaster,” Sanders said, going on to say that the country had spent years "
     "fighting it.", "that the country had spent", "Sanders"),
    # a participle modifying the object of the speaker's verb
    ("The governor spoke to reporters after Trump unleashed a series of tweets criticizing the "
     "former beauty queen.", "the former beauty queen", "Trump"),
])
def test_stage_speaker_of_nouns_phrases_and_runs(run_quotes, text, content, speaker):
    _, quotes = run_quotes(text)
    q = min((q for q in quotes if content in q.text), key=lambda q: len(q.text))
    assert q.speaker is not None and q.speaker.text == speaker


def test_stage_colon_after_a_word_of_an_organisation_name_is_not_a_quote(run_quotes):
    # "Correction" is a word of an organisation named below, not the organisation's name
    text = ("Correction: The article misstated the date of the vote.\n\n"
            "The Correction Desk of The Times fixed it.")
    _, quotes = run_quotes(text)
    assert not any(q.cue is not None and q.cue.text == ":" for q in quotes)
