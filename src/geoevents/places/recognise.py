"""Finding toponym mentions: spaCy's GPE/LOC/FAC entities plus gazetteer matches.

Gazetteer matching walks the tokens and looks up capitalised token n-grams (hashed
keys, longest match first) so that places the statistical NER misses or mislabels
("Aleppo" as NORP, "Edmonton" as PERSON, "Alberta" inside "Government of Alberta")
are found. A match that is only part of a person's name ("Henderson" in "Brooke
Henderson") or a demonym ("Russian") is never a place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_PUNCT, LENGTH
from spacy.tokens import Doc, Token

from geoevents.nlp import named_as_place
from geoevents.places.gazetteer import Entry, Gazetteer
from geoevents.places.names import name_key, undotted

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAX_WORDS = 6
# Gazetteer-only matches of towns must be this large, unless the document names the
# town's province or state (local news: "Innisfail" in an Alberta story).
TOWN_MIN_POPULATION = 50_000
# A name NER tags as a person is still a place if it names a city at least this large.
MAJOR_CITY = 500_000
SMALL_TOWN = 15_000
BIG_TOWN = 100_000
ALWAYS_KNOWN = frozenset({"country", "admin1", "continent", "region", "territory", "sea", "ocean",
                          "island", "admin2"})
# Words around a name that say which kind of place it is ("Sichuan province", "state of Washington").
FEATURE_CUES = {"province": "admin1", "state": "admin1", "oblast": "admin1", "governorate": "admin1",
                "region": "admin1", "prefecture": "admin1", "territory": "admin1",
                "city": "city", "town": "city", "village": "city", "capital": "city",
                "district": "admin2", "county": "admin2", "borough": "admin2"}
LEADING_WORDS = ("the ", "city of ", "state of ", "province of ", "town of ", "village of ")
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "st", "saint", "prof",
                    "rev", "gen", "sen", "rep", "gov", "president", "king", "queen", "prince"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "across",
                                   "throughout", "around", "into", "toward", "towards", "via"})
POSTAL_CODE_LEN = 2


@dataclass
class Mention:
    """A toponym candidate: its span and the gazetteer entries it may name."""

    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    candidates: list[tuple[int, bool]] = field(default_factory=list)  # (entry, by main name)
    source: str = "gazetteer"  # or "ner"
    label: str | None = None  # NER label when found by NER
    cue: str | None = None  # feature cue from neighbouring words


def _lookup(gaz: Gazetteer, text: str) -> tuple[list[tuple[int, bool]], str | None]:
    """Candidates for a surface form, trying it with and without determiners and cue words."""
    key = name_key(text)
    cue = None
    for lead in LEADING_WORDS:
        if key.startswith(lead) and key not in gaz:
            cue = FEATURE_CUES.get(lead.split()[0]) if lead != "the " else None
            key = key[len(lead):]
    for k in (key, undotted(key)):
        hits = gaz.lookup(k)
        if hits:
            return hits, cue
    if key.endswith(("'s", "'")):
        hits = gaz.lookup(key.rsplit("'", 1)[0])
        if hits:
            return hits, cue
    words = key.rsplit(" ", 1)
    if len(words) == 2 and words[1] in FEATURE_CUES:
        hits = gaz.lookup(words[0])
        if hits:
            return hits, FEATURE_CUES[words[1]]
    return [], cue


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive or punctuation from a token span."""
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or
                           (doc[end - 1].is_punct and doc[end - 1].text != ".")):
        end -= 1
    return start, end


def _is_postal_code(text: str) -> bool:
    return len(text) == POSTAL_CODE_LEN and text.isupper() and text.isalpha()


def _accept_match(doc: Doc, gaz: Gazetteer, s: int, e: int, hits: list[tuple[int, bool]],
                  person_tokens: dict[int, tuple[int, int]], other_entity: dict[int, int],
                  context_admin1: set[str]) -> bool:
    """Whether a gazetteer-only match is a place mention (see the module doc)."""
    text = doc[s:e].text
    key = name_key(text)
    if key in gaz.demonyms:
        return False
    last = doc[e - 1]
    if last.pos_ not in ("PROPN", "NOUN", "PUNCT") and not text.isupper():
        return False  # "Nice day", "Reading the report"
    entries = [gaz.entry(n) for n, _ in hits]
    if _is_postal_code(text):
        # "KY" only in "Powderly, KY".
        return s >= 2 and doc[s - 1].text == "," and _capitalised(doc[s - 2]) and \
            any(x.feature == "admin1" for x in entries)
    if "." in text and len(text) <= 6 and text.count(".") == 1:
        # "Ky.", "Mo.", "Alta." follow a town and a comma, or stand in a dateline.
        if not (s >= 1 and doc[s - 1].text == ","):
            return False
    if len(text) <= 3 and "." not in text:
        # Short forms ("ACT", "NSW", "UK") only in capitals, and only where unambiguous or in
        # context: "Act", "Al", "Ms" are words and names.
        if not text.isupper():
            return False
        if not any(x.feature == "country" or x.admin1 in context_admin1
                   or (x.feature == "admin1" and x.country != "USA") for x in entries):
            return False
    major = any(x.feature in ("country", "admin1", "continent") or
                (x.feature == "city" and x.population >= MAJOR_CITY) for x in entries)
    if not major and doc[s].is_sent_start and all(t.tag_ in ("NN", "NNS") for t in doc[s:e]):
        # a common noun capitalised only because it starts the sentence ("Union leaders
        # said", "Independence was declared"): the tagger reads it as a word, not a name
        return False
    span_person = person_tokens.get(s)
    if span_person is not None:
        ps, pe = span_person
        if (ps, pe) != (s, e) and pe - ps > 1:
            return False  # part of a person's name
        if not major and not _place_slot(doc, s, e):
            return False  # a single name NER calls a person: big places or place slots overrule it
    inside = other_entity.get(s)
    if inside is not None and not any(x.feature in ("country", "admin1") or
                                      (x.feature == "city" and x.population >= MAJOR_CITY)
                                      for x in entries):
        # Towns inside an organisation's name only at its head or after "of"
        # ("Edmonton Police Service", "University of Manitoba"), not "LE Central Holdings";
        # big cities anywhere ("CTV Winnipeg").
        if not (s == inside or doc[s - 1].lower_ == "of"):
            return False
        if s == inside and doc[s - 1].lower_ != "of" and e < len(doc) and doc[e].ent_iob_ == "I" \
                and not any(x.admin1 in context_admin1 for x in entries):
            # At the head of an organisation's name a town counts where the article is
            # about its province or state ("Innisfail RCMP" beside Alberta), not in
            # "Union Pacific" or "Phoenix Suns" read far from it.
            return False
    if s > 0 and doc[s - 1].lower_.rstrip(".") in TITLES and doc[s - 1].text[:1].isupper():
        return False  # "Ms Raggi", "St. Paul's"
    prominent = False
    for x, (_, main) in zip(entries, hits, strict=True):
        if x.feature in ALWAYS_KNOWN and (main or x.feature == "country"):
            prominent = True
        elif x.feature == "city" and main and x.population >= TOWN_MIN_POPULATION:
            prominent = True
        elif x.feature == "city" and main and x.admin1 in context_admin1 and _place_slot(doc, s, e):
            prominent = True
        elif x.feature == "city" and not main and x.population >= 10 * TOWN_MIN_POPULATION:
            prominent = True  # exonyms of big cities ("Kiev")
        elif x.feature == "city" and not main and (
                (x.population >= SMALL_TOWN and named_as_place(doc, s))
                or (x.population >= BIG_TOWN and _place_slot(doc, s, e))):
            # another spelling GeoNames lists for a town ("Avdiivka" for its "Avdiyivka",
            # "Marawi" for "Marawi City") where the text puts a place name: "the town of X"
            # says so itself, "in X" for a city large enough that its alternates are not
            # surnames as often as towns
            prominent = True
    return prominent


def _known_or_local(x: Entry, context_admin1: set[str]) -> bool:
    """Well known (not a small town), or a town in a province or state the article names."""
    if x.feature != "city":
        return True
    return x.population >= SMALL_TOWN or (x.admin1 is not None and x.admin1 in context_admin1)


def _place_slot(doc: Doc, s: int, e: int) -> bool:
    """Whether a span sits where a place name goes: "in Innisfail", "Powderly, Ky.", a dateline."""
    if (s > 0 and doc[s - 1].lower_ in LOCATIVE_PREPOSITIONS) or named_as_place(doc, s):
        return True  # "in Innisfail", "the port city of Bari"
    if e < len(doc) and doc[e].text == "," and e + 1 < len(doc) and _capitalised(doc[e + 1]):
        return True
    if s > 0 and doc[s - 1].lower_ == "the" and e < len(doc) and doc[e].pos_ == "NOUN" \
            and doc[e].text[:1].islower():
        return True  # "the Cairns police", "the Innisfail skater"
    return s <= 1 and doc[s:e].text.isupper()


class _DocIndex:
    """Per-document token offsets and entity maps, computed once (Token objects are costly)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text  # == doc.text, which spaCy rebuilds from the tokens on every access
        arr = doc.to_array([IDX, LENGTH, IS_PUNCT])
        self.starts: list[int] = arr[:, 0].tolist()
        self.ends: list[int] = (arr[:, 0] + arr[:, 1]).tolist()
        punct = arr[:, 2].tolist()
        self.capitalised = [i for i, st in enumerate(self.starts)
                            if text[st].isupper() and not punct[i]]
        self.ents = list(doc.ents)
        self.person_tokens: dict[int, tuple[int, int]] = {}
        self.person_words: set[str] = set()  # words of multi-word person names
        self.other_entity: dict[int, int] = {}  # token -> first token of a non-place entity
        for ent in self.ents:
            if ent.label_ == "PERSON":
                for i in range(ent.start, ent.end):
                    self.person_tokens[i] = (ent.start, ent.end)
                if len(ent) > 1:
                    self.person_words.update(t.text for t in ent)
            elif ent.label_ not in PLACE_LABELS and len(ent) > 1:
                first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
                for i in range(ent.start, ent.end):
                    self.other_entity[i] = first


def _ner_mentions(doc: Doc, gaz: Gazetteer, index: _DocIndex) -> list[Mention]:
    out = []
    text, starts, ends = index.text, index.starts, index.ends
    for ent in index.ents:
        label = ent.label_
        if label not in PLACE_LABELS:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e:
            continue
        surface = text[starts[s]:ends[e - 1]]
        if not surface[:1].isupper() and not surface[:1].isdigit():
            continue  # "marijuana", "meth": not names
        if e < len(starts) and text[starts[e]:ends[e]].lower() in FEATURE_CUES:
            # "Idlib province", "Sichuan province": take the cue word in when the gazetteer
            # knows the longer name or the cue tells the kind of place.
            longer = text[starts[s]:ends[e]]
            if _lookup(gaz, longer)[0]:
                e += 1
                surface = longer
        hits, cue = _lookup(gaz, surface)
        if not hits:
            # "Metcalfe County Sheriff's Office": keep the longest leading part that is a place.
            for k in range(e - 1, s + 1, -1):  # two words at least: "Rose" in "Rose Garden" is no town
                hits, cue = _lookup(gaz, text[starts[s]:ends[k - 1]])
                if hits:
                    e = k
                    surface = text[starts[s]:ends[e - 1]]
                    break
        if not hits and label != "FAC":
            # "Far North Queensland", "Recovery Day B.C.": a province or country at the end.
            for k in range(s + 1, e):
                tail = text[starts[k]:ends[e - 1]]
                found, _ = _lookup(gaz, tail)
                if found and text[starts[k]:starts[k] + 1].isupper() and any(
                        gaz.entry(n).feature in ("admin1", "country") for n, _ in found):
                    hits = [(n, main) for n, main in found
                            if gaz.entry(n).feature in ("admin1", "country")]
                    s, surface = k, tail
                    break
        if not hits and label == "GPE":
            prev = doc[s - 1].lower_ if s > 0 else ""
            if prev not in LOCATIVE_PREPOSITIONS:
                continue  # an unknown "GPE" not introduced as a place is usually a name
        if hits and len(surface) == POSTAL_CODE_LEN and all(
                gaz.entry(n).feature == "admin1" and gaz.entry(n).country == "USA" for n, _ in hits):
            continue
        out.append(Mention(starts[s], ends[e - 1], surface, s, e, hits, "ner", label, cue))
    return out


def _gazetteer_matches(doc: Doc, gaz: Gazetteer, index: _DocIndex,
                       taken: set[int]) -> list[tuple[int, list[tuple[int, list[tuple[int, bool]]]]]]:
    """Gazetteer matches of capitalised token n-grams starting at each token, shortest first:
    (first token, [(end token, hits), ...])."""
    text = index.text
    starts, ends = index.starts, index.ends
    n_tokens = len(starts)
    out = []
    next_free = 0
    for i in index.capitalised:
        if i < next_free or i in taken:
            continue
        found = []
        for j in range(i + 1, min(n_tokens, i + MAX_WORDS) + 1):
            if j - 1 in taken:
                break
            key = name_key(text[starts[i]:ends[j - 1]])
            hits = gaz.lookup(key)
            if hits:
                found.append((j, hits))
            if key not in gaz.prefixes:
                break
        if found:
            out.append((i, found))
            next_free = found[-1][0]
    return out


def _hyphen_prefix(gaz: Gazetteer, index: _DocIndex, i: int) -> tuple[int, list[tuple[int, bool]]] | None:
    """"U.S.-led", "Moscow-backed": the place before the hyphen of a single token, with its end."""
    token = index.text[index.starts[i]:index.ends[i]]
    head, sep, _ = token.partition("-")
    if not sep or not head:
        return None
    hits = gaz.lookup(name_key(head))
    return (index.starts[i] + len(head), hits) if hits else None


def find_mentions(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    """All toponym mentions in document order, without overlaps (``text`` is ``doc.text``)."""
    text = doc.text if text is None else text
    index = _DocIndex(doc, text)
    ner = _ner_mentions(doc, gaz, index)
    # Provinces and states named anywhere let their small towns be recognised.
    context_admin1: set[str] = set()
    for m in ner:
        for n, main in m.candidates:
            x = gaz.entry(n)
            if x.feature == "admin1" and x.admin1 and main:
                context_admin1.add(x.admin1)
    # NER also calls people and things GPE ("Nina", "Tonya"): a name that can only be a small
    # town far from the article's provinces must sit where places go ("in Powderly").
    for m in ner:
        if m.candidates and not any(_known_or_local(gaz.entry(n), context_admin1) for n, _ in m.candidates) \
                and not _place_slot(doc, m.tok_start, m.tok_end):
            m.candidates = []
    ner = [m for m in ner if m.candidates or m.label != "GPE" or
           (m.tok_start > 0 and doc[m.tok_start - 1].lower_ in LOCATIVE_PREPOSITIONS)]
    taken = {i for m in ner if m.candidates or m.label == "FAC"
             for i in range(m.tok_start, m.tok_end)}
    matches = _gazetteer_matches(doc, gaz, index, taken)
    accepted: list[Mention] = []

    def accept(i: int, options: list[tuple[int, list[tuple[int, bool]]]]) -> bool:
        # The longest acceptable match: "University of Michigan Center" is no town "Michigan
        # Center" but still names Michigan.
        for j, hits in reversed(options):
            if _accept_match(doc, gaz, i, j, hits, index.person_tokens, index.other_entity,
                             context_admin1):
                accepted.append(Mention(index.starts[i], index.ends[j - 1],
                                        text[index.starts[i]:index.ends[j - 1]], i, j, hits))
                for n, _ in hits:
                    x = gaz.entry(n)
                    if x.feature == "admin1" and x.admin1:
                        context_admin1.add(x.admin1)
                return True
        return False

    rejected = [(i, options) for i, options in matches if not accept(i, options)]
    # Second look: towns of the provinces and states the first look found.
    for i, options in rejected:
        accept(i, options)
    # Places fused with a hyphen into one token: "U.S.-led", "Kremlin-backed" (not demonyms).
    matched = {m.tok_start for m in accepted}
    for i in index.capitalised:
        if i in taken or i in matched:
            continue
        found = _hyphen_prefix(gaz, index, i)
        if found is None:
            continue
        end, hits = found
        head = text[index.starts[i]:end]
        if name_key(head) in gaz.demonyms:
            continue
        if len(head) <= POSTAL_CODE_LEN and not any(gaz.entry(n).feature == "country" for n, _ in hits):
            continue  # "AK-47" is no Alaska
        if any(gaz.entry(n).feature in ("country", "admin1") or
               (gaz.entry(n).feature == "city" and gaz.entry(n).population >= BIG_TOWN)
               for n, main in hits if main or gaz.entry(n).feature == "country"):
            accepted.append(Mention(index.starts[i], end, head, i, i + 1, hits))
    chosen = [m for m in ner if m.candidates] + accepted
    # A one-word name that the article also uses inside a person's name ("Georgia Stevens ...
    # Georgia began skating") is that person unless it stands where places go ("in Georgia").
    chosen = [m for m in chosen if not (m.tok_end - m.tok_start == 1 and m.text in index.person_words
                                        and not _place_slot(doc, m.tok_start, m.tok_end))]
    occupied = {i for m in chosen for i in range(m.tok_start, m.tok_end)}
    for m in ner:
        if not m.candidates and not any(i in occupied for i in range(m.tok_start, m.tok_end)):
            chosen.append(m)
    chosen = [m for m in chosen if _not_a_town_after_the(doc, gaz, text, m)]
    chosen.sort(key=lambda m: m.start)
    return chosen


# Head nouns of area names written with "the" (geographic common nouns).
_AREA_NOUNS = frozenset({"coast", "valley", "bay", "islands", "isles", "highlands", "peninsula", "delta",
                         "heights", "hills", "mountains", "lakes", "plains", "riviera", "region",
                         "district", "county", "borough", "territory", "territories", "strait",
                         "gulf", "basin", "range", "keys", "coast's"})


def _not_a_town_after_the(doc: Doc, gaz: Gazetteer, text: str, m: Mention) -> bool:
    """Drop town readings of a name written with "the" and standing alone ("the White House
    said": a building, not Casablanca nor White House, Tennessee); English writes towns
    without an article. Kept: "the Paris agreement" (a modifier), "the city of ...", and
    names whose own form has the article ("the Hague"). False when nothing is left."""
    if not m.candidates or m.cue or text[max(0, m.start - 4):m.start].lower() != "the ":
        return True
    if gaz.lookup("the " + name_key(m.text)) or text[m.end:m.end + 1] in ("-", "–"):
        return True  # "the Moscow-led alliance": a modifier
    if name_key(m.text).rsplit(" ", 1)[-1] in _AREA_NOUNS:
        return True  # "the Sunshine Coast", "the Central Valley": area names take the article
    nxt = m.tok_end
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    if nxt < len(doc) and (doc[nxt].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or doc[nxt].text == ","):
        return True  # "the Paris Town Hall", "the Zurich, Switzerland-based body"
    kept = [(n, main) for n, main in m.candidates if gaz.entry(n).feature not in ("city", "admin2")]
    if len(kept) == len(m.candidates):
        return True
    m.candidates = kept
    return bool(kept) or m.source == "ner"
