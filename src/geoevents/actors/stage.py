"""Actors stage: dictionary matching plus NER, composed, coded at the document date.

Every person, country, organisation and agent phrase becomes an ``Actor`` in
``ctx.actors``; capitals and seats of government become "metonym" actors only when
the parse shows them acting; pronouns and "the country" get the code of their
antecedent. ``ctx.extras["actors"]`` is an ``ActorCoder``: ``code_at(actor, date)`` lets the
events stage re-code a person at the event's own date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from geoevents.actors.coref import resolve_pronouns
from geoevents.actors.lexicon import Lexicon, code_for, family_name, get_lexicon
from geoevents.actors.mentions import (
    MISSION_WORDS,
    NOT_NAMES,
    Atom,
    Mention,
    compose,
    find_atoms,
    guess_names_after_titles,
    recode_person,
)
from geoevents.actors.metonymy import acts
from geoevents.actors.plover import plover_sectors
from geoevents.actors.resolve import as_date, to_actor
from geoevents.model import Actor
from geoevents.nlp import named_as_place
from geoevents.stage import ActorCoder, StageContext, parse_published

_NER_PEOPLE = frozenset({"PERSON"})
# Nouns whose "of" phrase names a portfolio ("minister of Agriculture"), not a person
PORTFOLIO_NOUNS = frozenset({"minister", "ministry", "department", "secretary", "secretariat",
                             "office", "bureau", "commissioner"})
_PLACE_KINDS = frozenset({"country", "capital", "city", "demonym"})


def _ner_people(doc: Doc, text: str, atoms: list[Atom]) -> list[Atom]:
    """People the dictionary does not know, from spaCy's NER (no overlap with dictionary names)."""
    out = list(atoms)
    named = bytearray(len(text) + 1)
    for a in atoms:
        if a.kind != "agent":
            named[a.start:a.end] = b"\x01" * (a.end - a.start)
    for ent in doc.ents:
        if ent.label_ not in _NER_PEOPLE or named_as_place(doc, ent.start) \
                or any(ch.isdigit() for ch in ent.text):
            continue  # "$267bn", "Covid-19": amounts and codes are no one's name
        start, end = ent.start_char, ent.end_char
        if ent[0].lower_ in ("the", "a", "an"):
            start = ent[1].idx if len(ent) > 1 else end
        if len(ent) > 1 and ent[-1].tag_ == "POS":
            end = ent[-2].idx + len(ent[-2].text)  # "Maria Flores's office": the name, not its 's
        if start >= end:
            continue
        if any(named[start:end]):
            inside = [a for a in out if a.kind != "agent" and a.start < end and start < a.end]
            # "Michael Jordan", "Chad Smith": a multi-word name wrapping a place word is a person
            if len(ent) < 2 or not all(a.kind in _PLACE_KINDS and start <= a.start and a.end <= end
                                       for a in inside) or text[start:end].count(" ") < 1:
                continue
            if any(text[a.start:a.end] == text[start:end] for a in inside):
                continue
            out = [a for a in out if a not in inside]
        # drop a title NER kept inside the name ("President Zheenbek Kulubaev")
        inner = [a for a in atoms if a.kind == "agent" and start <= a.start < end]
        if inner:
            start = max(a.end for a in inner)
            while start < end and text[start] == " ":
                start += 1
            if start >= end:
                continue
        out.append(Atom(start, end, "person", None))
    out.sort(key=lambda a: a.start)
    return out


def _unseen_surnames(doc: Doc, text: str, atoms: list[Atom], lex: Lexicon,
                     date: dt.date | None) -> list[Atom]:
    """Bare surnames of people in office that the NER did not tag ("Nakasone is expected to").

    Only a capitalised word that is the surname of exactly one office holder on the date, with
    no given name before it, tagged as a proper noun (or opening a sentence, when the article
    never writes it in lower case: "Rice" the crop is not Condoleezza Rice), and that no other
    phrase covers. `_surnames_in_office` then codes it like an NER name."""
    covered = bytearray(len(text) + 1)
    for a in atoms:
        covered[a.start:a.end] = b"\x01" * (a.end - a.start)
    lowered: set[str] | None = None
    out = list(atoms)
    for tok in doc:
        word = tok.text
        if (len(word) < 3 or not word[0].isupper() or not word.isalpha() or word.isupper()
                or word in NOT_NAMES or any(covered[tok.idx:tok.idx + len(word)])):
            continue
        if tok.is_stop or tok.ent_type_ == "NORP":
            continue  # NORP: a people's adjective ("the Catalan leader") is no one's surname
        if tok.i > 0 and doc[tok.i - 1].text[:1].isupper() and not tok.is_sent_start:
            continue  # a given name or another capitalised word before: some other name
        if tok.tag_ != "NNP":
            if not tok.is_sent_start or tok.pos_ not in ("NOUN", "PROPN"):
                continue  # "Far from tormenting X": an adverb opening a sentence is no name
            if lowered is None:
                lowered = {t.text for t in doc if t.text.islower()}
            if word.lower() in lowered:
                continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and tok.i > 0 \
                and doc[tok.i - 1].dep_ == "det":
            continue  # "the National Soybean ...": the start of a longer name
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and after.tag_ == "NNP" and after.text[:1].isupper() \
                and after.ent_type_ not in ("DATE", "TIME") and not after.is_sent_start:
            continue  # "Walter Reed hospital": a given name or the start of a longer name
        if word in lex.institution_heads():
            continue  # "the Commission": Phoenix lists some bodies among its people
        if tok.i > 1 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lemma_.lower() in PORTFOLIO_NOUNS:
            continue  # "minister of Agriculture": a portfolio, not a surname
        if named_as_place(doc, tok.i):
            continue  # "the port city of Bari"
        if len(lex.holders_named(word, date)) == 1:
            out.append(Atom(tok.idx, tok.idx + len(word), "person", None))
    out.sort(key=lambda a: a.start)
    return out


_STATE_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


_BORDER_AFTER = re.compile(r"(?:[-\u2013/][A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?\s+(?:border|frontier)s?\b",
                           re.IGNORECASE)


def _mission_abroad(m: Mention, text: str) -> bool:
    """"The Peruvian embassy" stands in another country: it says nothing of where the
    article's people are."""
    words = text[m.start:m.end].lower().split()
    return bool(words) and words[-1] in MISSION_WORDS


def _article_country(mentions: list[Mention], text: str, unanimous: bool = False) -> str | None:
    """The country an article is about: more than half of its mentions that name a country
    name it (and at least two do, or, if ``unanimous``, one does and no other country is named).
    "The Peruvian border" and "the Chile-Peru border" are not counted: a border is two
    countries', and says nothing of which side the article is on; nor is "the Peruvian
    embassy", a mission in another country."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.country and not _BORDER_AFTER.match(text, m.end) and not _mission_abroad(m, text):
            counts[m.country] = counts.get(m.country, 0) + 1
    if not counts:
        return None
    top, n = max(counts.items(), key=lambda kv: kv[1])
    if (n < 2 and not (unanimous and len(counts) == 1)) or 2 * n <= sum(counts.values()):
        return None
    return top


def _officials_of_the_article(mentions: list[Mention], text: str) -> None:
    """"Agriculture Minister Mutsuki Kato" in an article about Japan: a named holder of a
    state office the dictionaries do not list, with no nationality stated, holds it in the
    country the article is about (wire copy drops the nationality its dateline gave). The
    article is about a country when more than half of its mentions that name a country
    name that one."""
    top = _article_country(mentions, text)
    if top is None:
        return
    for m in mentions:
        if (m.kind == "person" and m.country is None and not (m.code or "").startswith(("IGO", "NGO"))
                and ((m.sector in _STATE_OFFICES and m.role)
                     or (m.sector == "ELI" and (m.entity or "").startswith("?")))):
            # a former office holder ("Former Foreign Minister X") held it there as well
            m.country, m.code = top, code_for(top, m.sector)


_APPOSITION_AFTER = re.compile(r",[ \t\n]+(?:(?:the|a|an)[ \t\n]+)?")
_APPOSITION_BEFORE = re.compile(r",[ \t\n]+")


def _officials_in_state_media(doc: Doc, mentions: list[Mention]) -> None:
    """"Tehran television said Foreign Minister X had ...", "the Peruvian news agency quoted
    Defence Minister Y": media named by a capital or a nationality are the state's, and the
    office holders they report with no country of their own hold office in that state
    (monitored state media name their own government's officials by title alone)."""
    media = [m for m in mentions if m.kind == "agent" and m.sector == "MED" and m.country]
    if not media:
        return
    for m in mentions:
        if m.country is not None or m.kind not in ("person", "agent") \
                or m.sector not in _STATE_OFFICES or not m.role:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for verb in span.root.ancestors:
            if verb.pos_ != "VERB":
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.left_edge.i <= span.root.i <= subject.right_edge.i:
                continue  # the official's own clause: the reporting one is further up
            lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            speaker = next((o for o in media if lo <= o.start and o.end <= hi), None)
            if speaker is not None:
                m.country, m.code = speaker.country, code_for(speaker.country, m.sector)
            break


def _titles_by_apposition(mentions: list[Mention], text: str) -> None:
    """"Ana Ruiz, Peruvian minister of agriculture, said" and "Peru's foreign minister,
    Luis Vega, said": an unlisted name set off by commas beside a national title holds it.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    for k, m in enumerate(ordered):
        if m.kind != "person" or m.country is not None or not (m.entity or "?").startswith("?"):
            continue
        role = None
        if k + 1 < len(ordered) and _APPOSITION_AFTER.fullmatch(text[m.end:ordered[k + 1].start]):
            role = ordered[k + 1]
        elif k > 0 and _APPOSITION_BEFORE.fullmatch(text[ordered[k - 1].end:m.start]) \
                and text[m.end:m.end + 1] == ",":
            role = ordered[k - 1]
        if role is None or role.kind != "agent" or not role.country or not role.sector \
                or role.sector == "CVL":
            continue
        m.country, m.sector, m.code = role.country, role.sector, role.code
        m.sectors, m.role = role.sectors, role.role


# head nouns of an appositive that names a post held in an international body
_POST_NOUNS = frozenset({
    "head", "chief", "president", "vice-president", "chairman", "chairwoman", "chair",
    "secretary", "secretary-general", "director", "director-general", "commissioner",
    "representative", "envoy", "ambassador", "delegate", "official", "spokesman",
    "spokeswoman", "spokesperson", "negotiator", "coordinator", "governor", "member",
    "adviser", "advisor", "economist", "executive", "observer", "mediator", "rapporteur",
    "minister", "undersecretary", "under-secretary"})


def _officials_of_bodies_by_apposition(doc: Doc, mentions: list[Mention]) -> None:
    """"Roy Denman, the European Community representative in Washington," and "X, head of
    the EC delegation,": an unlisted name whose appositive is a post of an international
    body holds it there (CAMEO codes an IGO's officials as the IGO); "X, vice minister at
    the Ministry of Trade," likewise holds a post of that state body, for its country. So
    does a listed name out of office at the date ("The EU's chief negotiator, Michel
    Barnier,", a former French minister): the text's statement of the post wins, as for
    namesakes. A title before the name states a post as well ("UN human rights chief X",
    "U.N. Secretary-General X"), also of a listed name the dictionaries give no country."""
    bodies = [m for m in mentions if (m.kind == "organisation" and (m.code or "").startswith("IGO"))
              or (m.kind in ("organisation", "agent") and m.country and m.sector in _STATE_OFFICES)]
    if not bodies:
        return
    for m in mentions:
        unlisted = m.country is None and (m.entity or "?").startswith("?")
        out_of_office = m.sector == "ELI" and not m.role and not (m.entity or "?").startswith("?")
        if m.kind != "person" or (m.code or "").startswith("IGO") \
                or not (out_of_office or m.country is None):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if not (unlisted or out_of_office):
            posts = []  # a listed name of no country: only a title before it gives one
        else:
            posts = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos" and root.head.i < root.i:
                posts.append(root.head)  # "The EU's chief negotiator, Michel Barnier,"
        for appos in posts:
            if appos.lemma_.lower() not in _POST_NOUNS:
                continue
            lo, hi = appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge)
            if appos.i < root.i:
                hi = min(hi, m.start)  # the phrase before the name, without the name
            body = next((b for b in bodies if lo <= b.start and b.end <= hi), None)
            if body is not None:
                _hold_post(m, body, appos.lemma_.lower())
                break
        else:
            title = _title_before(span)
            if title is not None:
                # "UN human rights chief X", "UN envoy X": the post as a title before the
                # name, the body named in it
                lo, post = title
                body = next((b for b in bodies if lo <= b.start and b.end <= m.start), None)
                if body is not None:
                    _hold_post(m, body, post)


def _hold_post(m: Mention, body: Mention, post: str) -> None:
    m.country = None if (body.code or "").startswith("IGO") else body.country
    m.sector, m.code, m.sectors = body.sector, body.code, body.sectors
    m.role, m.stated = post, True  # the text's post, kept at every event date


_TITLE_DEPS = frozenset({"compound", "nmod", "amod", "punct", "poss", "case"})


def _title_before(name: Span) -> tuple[int, str] | None:
    """The title that premodifies a name ("UN human rights chief [X]", "OAS Secretary-General
    [X]"): where the run of the name's premodifiers starts, and the post noun in it (the last
    one, or one the mention itself begins with)."""
    doc = name.doc
    i = name.start - 1
    while i >= 0 and doc[i].dep_ in _TITLE_DEPS and _modifies(doc[i], name):
        i -= 1
    lo = i + 1
    words = [t.text.lower() for t in doc[lo:name.end] if not t.is_punct]
    posts = [w for w in words[:len(words) - 1] if w in _POST_NOUNS]
    return (doc[lo].idx, posts[-1]) if posts else None


def _modifies(token: Token, name: Span) -> bool:
    """Whether a word before a name hangs on it through a chain of premodifiers."""
    for _ in range(8):
        if name.start <= token.i < name.end:
            return True
        if token.dep_ not in _TITLE_DEPS or token.head == token or token.head.i < token.i:
            return False
        token = token.head
    return False


def _namesakes_by_apposition(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """"Peru's trade envoy, Michael Smith," where the dictionaries list a Michael Smith of
    Ireland out of office then: a listed name not in office at the date whose appositive
    names another country is a namesake of that country (the text's statement wins, as a
    national title before the name does)."""
    for m in mentions:
        if m.kind != "person" or m.sector != "ELI" or m.entity not in lex.people or not m.country:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        phrases = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            phrases.append(root.head)
        for head in phrases:
            lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
            if head.i == root.head.i:  # the phrase the name stands beside, without the name
                hi = min(hi, m.start)
            asides = _asides_of_post(head)
            other = next((o for o in mentions if o is not m and lo <= o.start and o.end <= hi
                          and o.kind in ("country", "agent") and o.country
                          and o.country != m.country
                          and not any(a <= o.start < b for a, b in asides)), None)
            if other is not None:
                sector = other.sector if other.kind == "agent" else None
                m.country, m.sector, m.code = other.country, sector, code_for(other.country, sector)
                m.entity, m.wikidata, m.sectors, m.role = "?" + (m.name or ""), None, (), ""
                m.stated = True
                break


def _asides_of_post(head: Token) -> list[tuple[int, int]]:
    """Character spans of a post phrase that say what its holder did or deals with, not whose
    the post is: its relative and participial clauses ("who resigned over the Lima affair")
    and its prepositional phrases other than "of" ("ambassador to Chile" is not Chile's)."""
    spans = []
    for child in head.children:
        if child.dep_ in ("relcl", "acl") or (child.dep_ == "prep" and child.lower_ != "of"):
            first, last = child.left_edge, child.right_edge
            spans.append((first.idx, last.idx + len(last)))
    return spans


_DOMESTIC_GROUPS = frozenset({"OPP", "LAB", "AGR", "CVL", "EDU", "REB", "PTY"})


_OWNED_BY_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+)?$")


def _state_agents_of_the_article(mentions: list[Mention], text: str) -> None:
    """"The foreign minister", "a military spokesman", "the government" in an article about
    one country, with no earlier holder of that office to refer to: that country's (the
    CAMEO actor codebook codes an unnamed state agent by the country it serves, and wire copy
    names that country once, as for named officials above)."""
    top = _article_country(mentions, text)
    if top is None:
        return
    for m in mentions:
        if m.kind == "agent" and m.country is None and m.sector in _STATE_OFFICES \
                and m.number == "sg" \
                and not _OWNED_BY_PRONOUN.search(text, max(0, m.start - 30), m.start):
            # "his government" is whoever "his" is: the possessor, resolved later, says whose
            m.country, m.code = top, code_for(top, m.sector)


def _brussels_for_the_union(mentions: list[Mention], text: str) -> None:
    """"Brussels rejected the proposal" in an article that names the European Union or its
    Commission: the Union's institutions, which sit there, not Belgium's government (the
    city's common metonym in news of the EU: "Brussels executive" is the Commission's alias)."""
    union = next((m for m in mentions if (m.code or "").startswith("IGOEEC")), None)
    if union is None:
        return
    for m in mentions:
        if m.kind == "metonym" and m.country == "BEL" and text[m.start:m.end] == "Brussels":
            m.country, m.sector, m.code = None, union.sector, union.code
            m.name, m.entity, m.wikidata, m.sectors = union.name, union.entity, union.wikidata, union.sectors


def _groups_of_the_article(mentions: list[Mention], text: str) -> None:
    """"The opposition parties", "farmers", "the unions" in an article about one country:
    the country's own (domestic groups act at home; wire copy names the country once, so one
    mention is enough when it is the only country named; not so for officials, whose
    counterpart abroad is often the one country a sentence names)."""
    top = _article_country(mentions, text, unanimous=True)
    if top is None:
        return
    for m in mentions:
        if m.kind == "agent" and m.country is None and m.sector in _DOMESTIC_GROUPS:
            m.country, m.code = top, code_for(top, m.sector)


def _accept_modifier(doc: Doc):  # type: ignore[no-untyped-def]
    """Accept "Russian state-owned firms" only if the adjective really modifies the noun."""
    def accept(m_start: int, m_end: int, h_start: int, h_end: int) -> bool:
        mod = doc.char_span(m_start, m_end, alignment_mode="expand")
        head = doc.char_span(h_start, h_end, alignment_mode="expand")
        if mod is None or head is None:
            return False
        return head.root in mod.root.ancestors
    return accept


def _bind_short_names(mentions: list[Mention], text: str) -> None:
    """Unknown "Kulubaev" after unknown "Zheenbek Kulubaev": same person, same code."""
    full: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        surface = text[m.start:m.end]
        if not (m.entity or "").startswith("?"):
            # "Gerhard Stoltenberg ... Stoltenberg said": the article's own Stoltenberg, not
            # the dictionary's person of that surname
            src = full.get(surface)
            if src is not None and " " not in surface:
                m.name, m.country, m.sector, m.code, m.entity = (src.name, src.country,
                                                                 src.sector, src.code, src.entity)
                m.sectors, m.role, m.wikidata = src.sectors, src.role, src.wikidata
            continue
        name = m.name or ""
        last = name.split()[-1] if name.split() else name
        if len(name.split()) == 1 and last in full:
            src = full[last]
            m.name, m.country, m.sector, m.code, m.entity = (src.name, src.country, src.sector,
                                                             src.code, src.entity)
        elif len(name.split()) > 1:
            full.setdefault(last, m)


_FIRM_BEFORE = re.compile(r"([A-Z][\w&.'-]*(?:[ \t]+[A-Z][\w&.'-]*){0,3}),[ \t]+(?:(?:the|a|an)[ \t]+)?$")


def _firms_by_apposition(mentions: list[Mention], text: str) -> list[Mention]:
    """"Nakamichi, the Japanese audio maker": a name explained as a business is that firm.

    The name becomes an organisation with the business's country and sector (BUS), and the
    appositive is folded into it, so the firm is never read as a person or as its country's
    government (CAMEO codes companies COUNTRY+BUS, PLOVER's BUS sector).
    """
    out = list(mentions)
    for n in mentions:
        if n.kind != "agent" or n.sector != "BUS":
            continue
        m = _FIRM_BEFORE.search(text, max(0, n.start - 80), n.start)
        if m is None or m.group(1) in ("The", "A", "An"):
            continue
        start, end = m.start(1), m.end(1)
        overlapping = [o for o in out if o is not n and o.start < end and start < o.end]
        if any(not (o.kind == "person" and (o.entity or "").startswith("?") and o.sector is None)
               for o in overlapping):
            continue  # a name the dictionary knows keeps its meaning
        name = text[start:end]
        out = [o for o in out if o not in overlapping and o is not n]
        out.append(Mention(start, end, "organisation", name, n.country, "BUS", code_for(n.country, "BUS"),
                           None, f"?{name}", start, end, "sg", sectors=n.sectors, role=n.role))
    return out


def _carry_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    """"Peruvian Foreign Minister Ana Ruiz ... Ruiz said": a coded person keeps the code.

    A later bare surname of a person coded earlier in the article (by the dictionaries or by
    nationality + title) is the same person: an uncoded mention of it takes the code, and a
    capitalised occurrence that no other mention covers becomes a mention of that person.
    """
    titled: dict[str, Mention] = {}
    for m in mentions:
        name = m.name or ""
        if m.kind == "person" and m.code and len(name.split()) > 1:
            titled.setdefault(family_name(name, m.country), m)
    if not titled:
        return mentions
    for m in mentions:  # "President Ronald Reagan ... Reagan said": a bare surname, uncoded
        src = titled.get(m.name or "")
        if m.kind == "person" and m.code is None and src is not None and m.start > src.start:
            m.name, m.country, m.sector, m.code, m.entity = (src.name, src.country, src.sector,
                                                             src.code, src.entity)
            m.sectors, m.role, m.wikidata = src.sectors, src.role, src.wikidata
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, titled)) + r")\b")
    added = []
    for hit in pattern.finditer(text):
        src = titled[hit.group(0)]
        if hit.start() < src.end or any(covered[hit.start():hit.end()]):
            continue
        added.append(Mention(hit.start(), hit.end(), "person", src.name, src.country, src.sector, src.code,
                             None, src.entity, hit.start(), hit.end(), "sg", src.gender, True,
                             sectors=src.sectors, role=src.role))
    return mentions + added


_ORG_HEAD = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\b")


def _mention_of(body: Mention, start: int, end: int) -> Mention:
    """A later reference to an organisation named before ("the Commission", "the bloc")."""
    return Mention(start, end, "organisation", body.name, body.country, body.sector, body.code,
                   body.wikidata, body.entity, start, end, "sg", sectors=body.sectors, role=body.role)


def _carry_organisation_heads(mentions: list[Mention], text: str) -> list[Mention]:
    """"The EC Commission ... the Commission said": an organisation named in full is later
    called by the head noun of its name with "the" ("the Commission", "the Fund", "the
    Bank"). A capitalised head after "the" that no other mention covers becomes a mention
    of the one organisation the article named with that head (none if several were)."""
    heads: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind != "organisation" or not m.code:
            continue
        words = text[m.start:m.end].split()
        if len(words) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
            heads.setdefault(words[-1], []).append(m)
    if not heads:
        return mentions
    # a role noun that is the head word alone ("the Community": CVL) yields to the body
    generic = {(m.start, m.end) for m in mentions if m.kind == "agent" and text[m.start:m.end] in heads}
    covered = bytearray(len(text) + 1)
    for m in mentions:
        if (m.start, m.end) not in generic:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    replaced = set()
    for hit in _ORG_HEAD.finditer(text):
        word = hit.group(1)
        orgs = {o.entity for o in heads.get(word, ())}
        start, end = hit.start(1), hit.end(1)
        if len(orgs) != 1 or any(covered[start:end]) or start < heads[word][0].end:
            continue
        if (start, end) in generic:
            replaced.add((start, end))
        added.append(_mention_of(heads[word][0], start, end))
    return [m for m in mentions if (m.start, m.end) not in replaced] + added


# A definite noun for an international body and the words its name must hold to be meant
# ("the bloc" after "the EU", "the alliance" after "Nato"): descriptions that news uses for
# the body it named last; None accepts any intergovernmental body.
_BLOC_NOUNS: dict[str, tuple[str, ...] | None] = {
    "bloc": None, "grouping": None,
    "alliance": ("Alliance", "Treaty"),
    "union": ("Union",),
    "organisation": ("Organisation", "Organization"),
    "organization": ("Organisation", "Organization"),
}
_BLOC_NOUN = re.compile(r"\b[Tt]he\s+(" + "|".join(_BLOC_NOUNS) + r")\b")


def _carry_bloc_nouns(mentions: list[Mention], text: str) -> list[Mention]:
    """"The EU ... the bloc said", "Nato ... the alliance": a definite noun that describes an
    intergovernmental body refers to the last one named before it whose name fits (the
    coreference of definite descriptions, as role nouns refer to the officials named)."""
    bodies = [m for m in mentions if m.kind == "organisation" and (m.code or "").startswith("IGO")]
    if not bodies:
        return mentions
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    for hit in _BLOC_NOUN.finditer(text):
        start, end = hit.start(1), hit.end(1)
        if any(covered[start:end]):
            continue
        needs = _BLOC_NOUNS[hit.group(1)]
        before = [m for m in bodies if m.end <= start
                  and (needs is None or any(w in (m.name or "") for w in needs))]
        if not before:
            continue
        added.append(_mention_of(before[-1], start, end))
    return mentions + added


def _surnames_in_office(mentions: list[Mention], lex: Lexicon, date: dt.date | None) -> None:
    """"Reagan said" with no full name before: the one person of that surname in office then.

    Wire copy names heads of state and ministers by surname alone. A bare surname the article
    has not introduced is the dictionary person holding an office on the article's date when
    exactly one does (Phoenix roles are dated); any ambiguity leaves it uncoded. With no date
    (``None``), the holders of any date, when they all served one country.
    """
    for m in mentions:
        name = m.name or ""
        if m.kind != "person" or m.country is not None or " " in name or not name[:1].isupper() \
                or not (m.entity or "?").startswith("?"):
            continue  # also "Prime Minister Nakasone": a title gave a sector, not who it is
        keys = lex.holders_named(name, date)
        if len(keys) == 1:
            m.entity = keys[0]
            recode_person(m, lex, date or dt.date.today())  # undated: the nearest role's country


ROLE_NOUN_WINDOW = 600  # characters back: about three sentences of news prose
_DEFINITE = re.compile(r"\b(?:the|The|this|This)\s+$")


def _bind_role_nouns(mentions: list[Mention], text: str) -> None:
    """"Turkish Foreign Minister Mevlut Cavusoglu ... The foreign minister said": a definite
    role noun with no country of its own is the person last named in that role.

    The antecedent is the nearest earlier coded person or role within a few sentences whose
    office ends in the same word ("minister", "president", "spokesman"); the role noun takes
    its code, name and country (news refers back by office, as pronouns do by gender). A
    definite body ("the army", "the ministry") is likewise the body last named with that head
    word and a country ("Bolivia's army").
    """
    for k, m in enumerate(mentions):
        plural = m.number == "pl"  # "EC foreign ministers met ... Ministers also said"
        body = not (m.human or plural)  # "Bolivia's army said ... The army accused"
        if m.kind != "agent" or m.country is not None or not m.role \
                or (m.code or "").startswith("IGO"):
            continue
        if not plural and not _DEFINITE.search(text, max(0, m.start - 6), m.start):
            continue
        office = m.role.lower().split()[-1]
        for prior in reversed(mentions[:k]):
            if m.start - prior.end > ROLE_NOUN_WINDOW:
                break
            words = text[prior.start:prior.end].lower().split()
            body_official = prior.kind == "organisation" and words[-1:] == [office] \
                and (prior.code or "").startswith("IGO")
            if plural and prior.kind in ("agent", "organisation") and words[-1:] == [office]:
                pass  # a group in that role: "EC foreign ministers", "Peruvian ministers"
            elif body:
                if prior.kind != "agent" or prior.human or words[-1:] != [office] \
                        or not prior.country:
                    continue  # a body named before with its country: the same body
            elif body_official and not plural:
                pass  # an international body's official: "an EU spokesman ... the spokesman"
            elif prior.kind not in ("person", "agent") or not prior.human or plural:
                continue
            if not (prior.country or ((plural or body_official)
                                      and (prior.code or "").startswith("IGO"))):
                continue
            if plural or body or body_official \
                    or (prior.role or "").lower().split()[-1:] == [office]:
                m.name, m.country, m.sector, m.code, m.entity = (prior.name, prior.country,
                                                                 prior.sector, prior.code,
                                                                 prior.entity)
                m.sectors, m.wikidata = prior.sectors, prior.wikidata
                break


# A party's installations: the objects the CAMEO verb dictionary (CAMEO.2.0.txt) codes attacks,
# captures and closures on ("- * CAMP [190] # ATTACK", "- * BASES [192] # CAPTURE", "- * POSITIONS
# [193] # HIT", its &STRONGHOLD synset). "Rebel positions" are the rebels': whoever shells them
# acts on the rebels, as on "Taliban positions".
HELD_PLACES = frozenset({"base", "camp", "position", "stronghold", "bastion", "citadel",
                         "blockhouse", "redoubt", "fort", "outpost", "headquarters"})


def _bare_modifier(doc: Doc, m: Mention) -> bool:
    """An agent noun used as a modifier with no country ("joint military exercises"), unless
    it names the party whose installation the noun is ("rebel camps")."""
    if m.kind != "agent" or m.country is not None:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:  # "political and military talks"
        root = root.head
    return root.dep_ in ("amod", "compound", "nmod") and not (span.start <= root.head.i < span.end) \
        and root.head.lemma_.lower() not in HELD_PLACES


def _to_actor(text: str, m: Mention) -> Actor:
    return to_actor(text, m)


class ActorsStage:
    name = "actors"
    requires: tuple[str, ...] = ()
    assigns = "actors"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or get_lexicon()

    def mentions(self, doc: Doc, date: dt.date, text: str | None = None,
                 dated: bool = True) -> list[Mention]:
        """``dated`` False: the text has no date of its own (``date`` is then today's), so a
        bare surname is looked up among all who ever held an office, not those in office."""
        text = doc.text if text is None else text  # doc.text is rebuilt on each access
        office_date = date if dated else None
        lex = self.lexicon
        atoms = _ner_people(doc, text, guess_names_after_titles(text, find_atoms(text, lex), lex))
        atoms = _dedupe(_unseen_surnames(doc, text, atoms, lex, office_date))
        mentions = compose(text, atoms, lex, date, accept=_accept_modifier(doc))
        mentions = [m for m in mentions
                    if m.seat not in ("capital", "seat") or acts(doc, m.start, m.end, m.seat)]
        mentions = [m for m in mentions if not _bare_modifier(doc, m)]
        _titles_by_apposition(mentions, text)
        _officials_of_bodies_by_apposition(doc, mentions)
        _namesakes_by_apposition(doc, mentions, lex)
        _officials_of_the_article(mentions, text)
        _officials_in_state_media(doc, mentions)
        _groups_of_the_article(mentions, text)
        _bind_short_names(mentions, text)
        mentions = _carry_surnames(_firms_by_apposition(mentions, text), text)
        _surnames_in_office(mentions, lex, office_date)
        mentions = _carry_organisation_heads(mentions, text)
        mentions = _carry_bloc_nouns(mentions, text)
        mentions.sort(key=lambda m: (m.start, m.end))
        _bind_role_nouns(mentions, text)
        _state_agents_of_the_article(mentions, text)
        _brussels_for_the_union(mentions, text)
        mentions.extend(resolve_pronouns(doc, mentions, text))
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def __call__(self, ctx: StageContext) -> None:
        date = as_date(ctx.reference_date)
        mentions = self.mentions(ctx.doc, date, ctx.text, dated=ctx.reference_date is not None)
        ctx.actors.extend(_to_actor(ctx.text, m) for m in mentions)
        lex = self.lexicon
        # dictionary people whose code the text did not state itself: a name that only
        # happens to be listed ("Soviet Foreign Minister X" where the list has X for another
        # country) keeps the text's nationality at every date
        stated = {m.entity for m in mentions if m.stated}
        listed = {(m.start, m.end) for m in mentions if m.entity in lex.people and m.entity not in stated}

        def code_at(actor: Actor, when: str | dt.date | None) -> Actor:
            """The same actor coded at another date (a known person's role then)."""
            at = _role_date(when)
            if (actor.start, actor.end) not in listed or actor.name not in lex.people or at is None:
                return actor
            m = Mention(actor.start, actor.end, actor.kind or "person", entity=actor.name)
            recode_person(m, lex, at)
            return Actor(actor.start, actor.end, actor.text, name=m.name, country=m.country,
                         sector=m.sector, code=m.code, wikidata=m.wikidata, kind=actor.kind,
                         plover_sectors=plover_sectors(m.sector, m.sectors, phrase=m.role))

        ctx.extras["actors"] = ActorCoder(code_at=code_at, date=date.isoformat())


_MONTH_OR_YEAR = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _role_date(when: str | dt.date | None) -> dt.date | None:
    """The day an event's date stands for when looking up who held an office: the day itself,
    the middle of a month ("1987-05") or year; None for values with no calendar date
    ("PRESENT_REF", "XXXX-05"), which keep the publication date's coding."""
    if when is None or isinstance(when, dt.date):
        return when
    day = parse_published(when)
    if day is not None:
        return day
    m = _MONTH_OR_YEAR.fullmatch(str(when))
    if m is None:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 7), 15 if m.group(2) else 1)


def _dedupe(atoms: list[Atom]) -> list[Atom]:
    """Drop atoms overlapping an earlier, longer one (NER and title-name guesses may overlap)."""
    atoms = sorted(atoms, key=lambda a: (a.start, a.start - a.end))
    out: list[Atom] = []
    for a in atoms:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out


def make_actors_stage() -> ActorsStage:
    return ActorsStage()
