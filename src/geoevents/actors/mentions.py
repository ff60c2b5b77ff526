"""Dictionary phrases in text, and how adjacent phrases combine into coded actors.

``find_atoms`` runs the Aho-Corasick automaton once over the folded text and keeps the
leftmost-longest matches that sit on token boundaries. ``compose`` then reads the
atoms left to right and joins the ones that make one actor: a title before a name
("Kazakh President Kassym-Jomart Tokayev"), a country adjective or genitive before an
agent noun ("Kyrgyz border guards", "Russia's foreign minister", "a Moscow court"),
an agent noun followed by "of/in COUNTRY" ("protesters in Almaty").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from geoevents.actors.lexicon import (
    IGO_PREFIXES,
    Agent,
    Lexicon,
    Person,
    code_for,
    code_sectors,
    fold,
    split_code,
)

# Which reading wins when one phrase has several (e.g. "Georgia" the country, not the city).
_KIND_RANK = {"person": 0, "org": 1, "seat": 2, "country": 3, "capital": 4, "demonym": 5,
              "city": 6, "agent": 7}
_NAME_KINDS = frozenset({"person", "org", "seat", "country", "capital", "demonym", "city"})

# Gaps between the words of one actor phrase: spaces, and at most one line break (wire copy
# wraps its lines: "Australian Trade Minister\nJohn Dawkins").
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_ADJACENT = re.compile(r"[ \t]*\n?[ \t]*-?[ \t]*")
# Courtesy titles between an office and a name ("Foreign Secretary Sir John Doe"): part of
# neither, as in Phoenix, whose names never start with them.
_HONORIFIC = r"(?:Sir|Dame|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
_TITLE_GAP = re.compile(rf"{_ADJACENT.pattern}(?:{_HONORIFIC}{_SP})?")
_GENITIVE = re.compile(r"['’]s?" + _SP)
_COORD = re.compile(r"[ \t]*,[ \t]*\n?[ \t]*(?:and" + _SP + r")?|" + _SP + r"(?:and|or)" + _SP)
# A state's missions abroad (Phoenix agents "embassy", "consulate": GOV): one "in" a place
# stands in another country than its own
MISSION_WORDS = frozenset({"embassy", "embassies", "consulate", "consulates", "legation", "legations"})
_AFTER = re.compile(_SP + r"(?:of|in|from|for)" + _SP + r"(?:the" + _SP + r")?")
_MODIFIER_WORDS = re.compile(_SP + r"((?:[a-z][a-z-]*" + _SP + r"){1,2})")
_GENITIVE_MODIFIERS = re.compile(r"['’]s?" + _SP + r"((?:[a-z][a-z-]*" + _SP + r"){1,2})")
_PORTFOLIO_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_PORTFOLIO = re.compile(r"(?:['’]s?)?" + _SP + _PORTFOLIO_WORD + r"(?:" + _SP + r"(?:(?:and|&)"
                        + _SP + r")?" + _PORTFOLIO_WORD + r"){0,2}" + _SP)
_NOT_MODIFIERS = frozenset(
    "and or of in on at to the a an that which who whom is are was were be been has have had "
    "said says say will would could should may might can did do does not with by for from as "
    "than then also about after before".split())
_FORMER = re.compile(r"(?:former|ex-|ex|then-former|late)[ \t-]*$", re.IGNORECASE)
NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December The A An On In At And But He She It They "
    "This That Said Says".split())
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    kind: str  # person org seat country capital demonym city agent
    key: str | None  # person name, org key, ISO3, agent phrase; None for an unknown person
    alts: tuple[str, ...] = ()  # other people the same short name may denote


@dataclass(slots=True)
class Mention:
    """An actor found in text, before it becomes a model ``Actor``."""

    start: int
    end: int
    kind: str  # person country organisation agent metonym
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    wikidata: str | None = None
    entity: str | None = None  # what coreference chains join on (person, org, ISO3)
    head_start: int = 0  # the head phrase (the name, the agent noun) inside the mention
    head_end: int = 0
    number: str = "sg"  # sg or pl
    gender: str | None = None
    human: bool = False  # a person or a person-like agent ("the Russian leader")
    seat: str | None = None  # "capital" or "seat" when it may be a place rather than an actor
    parts: list[int] = field(default_factory=list)
    sectors: tuple[str, ...] = ()  # every CAMEO sector of the entry (Phoenix GOVMIL: GOV, MIL)
    role: str = ""  # the office or agent words ("defence minister"), for PLOVER's sectors
    stated: bool = False  # a listed person coded by the text's own nationality and title


# A prefix that makes a country word a stance ("pro-Russian", "anti-American", "non-Arab")
_STANCE_PREFIX = re.compile(r"\b(?:pro|anti|non)[-\u2010\u2011]$", re.IGNORECASE)
# A region of the Americas before "American" ("Latin American countries", "South American
# nations"): the region, which Phoenix codes apart (LAM, SAM), not the United States
_AMERICAS_REGION = re.compile(r"\b(?:Latin|South|Central|North)[ \t\n-]$")
# The Arabic article in a transliterated name, which English news writes in lower case
# ("al-Qaida", "al-Shabaab", "el-Sisi": the AP and Guardian styles); the name after it is
# capitalised
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az)[-\u2010\u2011][A-Z]")


def find_atoms(text: str, lex: Lexicon) -> list[Atom]:
    """Leftmost-longest dictionary matches on token boundaries."""
    folded = fold(text).replace("\n", " ")  # a phrase wrapped over two lines ("Soviet\nUnion")
    found: list[Atom] = []
    size = len(text)
    assert lex.automaton is not None
    hits = [(end_index + 1 - len(phrase), end_index + 1, phrase)
            for end_index, phrase in lex.automaton.iter(folded)]
    if lex.acronym_pattern is not None:
        acronyms = lex.acronyms
        for m in lex.acronym_pattern.finditer(text):
            word = m.group(0)
            while word and word not in acronyms and word[-1] in ".-+&":
                word = word[:-1]  # "the US." at the end of a sentence
            if word in acronyms:
                hits.append((m.start(), m.start() + len(word), acronyms[word]))
    for start, end, phrase in hits:
        if (start > 0 and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum()):
            continue
        surface = text[start:end].replace("\n", " ")
        best: Atom | None = None
        people: list[str] = []
        for entry in lex.entries[phrase]:
            if entry.cased is not None and surface != entry.cased:
                continue
            if entry.kind in _NAME_KINDS and not (surface[0].isupper() or surface[0].isdigit()
                                                  or _ARABIC_ARTICLE.match(surface)):
                continue
            if entry.kind == "agent" and entry.caps and not surface[:1].isupper():
                continue  # "labour costs" is no Labour party
            if len(entry.caps) > 1:
                words = surface.split(" ")
                if any(not words[i][:1].isupper() for i in entry.caps if i < len(words)):
                    continue
            if entry.kind == "person":
                people.append(entry.key)
            if best is None or _KIND_RANK[entry.kind] < _KIND_RANK[best.kind]:
                best = Atom(start, end, entry.kind, entry.key)
        if best is not None and best.kind in ("demonym", "country") \
                and _STANCE_PREFIX.search(text[max(0, start - 5):start]):
            continue  # "pro-Russian separatists", "anti-American protesters": a stance, not a nationality
        if best is not None and best.kind == "demonym" and surface.startswith("American") \
                and _AMERICAS_REGION.search(text[max(0, start - 9):start]):
            continue
        if best is not None:
            if best.kind == "person" and len(people) > 1:
                best.alts = tuple(people)
            found.append(best)
    found.sort(key=lambda a: (a.start - a.end, a.start))
    taken = bytearray(size + 1)
    chosen = []
    for atom in found:
        if any(taken[atom.start:atom.end]):
            continue
        taken[atom.start:atom.end] = b"\x01" * (atom.end - atom.start)
        chosen.append(atom)
    chosen.sort(key=lambda a: a.start)
    return [a for a in chosen if not _other_given_name(text, a, lex, chosen)]


_GIVEN_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)" + _SP + "$")


def _other_given_name(text: str, atom: Atom, lex: Lexicon, atoms: list[Atom]) -> bool:
    """A listed surname after a given name the listed person does not bear ("Gerhard" before
    the "Stoltenberg" of Jens Stoltenberg) names someone else: the name is not theirs."""
    if atom.kind != "person" or atom.key is None or " " in text[atom.start:atom.end].strip():
        return False
    m = _GIVEN_NAME_BEFORE.search(text, max(0, atom.start - 30), atom.start)
    if not m or m.group(1) in NOT_NAMES or m.group(1).lower() in _NOT_MODIFIERS:
        return False
    if any(a.start <= m.start(1) < a.end for a in atoms):
        return False  # a title or a country before the name ("Minister Stoltenberg")
    given = m.group(1)
    return all(given not in lex.people[key].name.split() for key in (atom.alts or (atom.key,)))


# lower-case particles of surnames (Dutch, Flemish, German, French, Italian, Spanish,
# Portuguese, Arabic naming)
_NAME_PARTICLES = re.compile(
    r"(?:(?:de|van|von|der|den|da|di|du|del|della|dos|das|la|le|ter|ten|bin|ibn|al|el)[ \t\n]+){1,3}")


def guess_names_after_titles(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """Unknown names right after a title ("Foreign Minister Zheenbek Kulubaev")."""
    out = list(atoms)
    starts = {a.start for a in atoms}
    for atom in atoms:
        if atom.kind != "agent" or lex.agents[atom.key].type not in ("title", "person"):
            continue
        pos, words, end = atom.end, 0, atom.end
        first: int | None = None
        honorific = re.match(rf"{_SP}{_HONORIFIC}(?=[ \t\n])", text[pos:])
        if honorific:  # "Foreign Secretary Sir ...": the name starts after the courtesy title
            pos = end = pos + honorific.end()
        appositive = text[pos:pos + 1] == "," and not honorific
        if appositive:
            # "Peru's foreign minister, Ana Ruiz, said": a name set off by commas right after
            # the role (the news style of naming an office holder); only a whole name, two
            # words or more closed by a comma, so a clause after the comma is no name
            pos = end = pos + 1
        while words < 4:
            m = re.match(_SP, text[pos:])
            if not m:
                break
            w = _CAPITALISED.match(text, pos + m.end())
            if not w and first is not None:
                # "Paul de Keersmaeker", "Hans van den Broek": lower-case particles inside a
                # surname, when a capitalised word follows them
                particle = _NAME_PARTICLES.match(text, pos + m.end())
                if particle:
                    w = _CAPITALISED.match(text, particle.end())
            if not w or (pos + m.end()) in starts or w.group(0) in NOT_NAMES:
                break
            if first is None:
                first = w.start()
            pos = end = w.end()
            words += 1
        if appositive and (words < 2 or text[end:end + 1] != ","):
            continue
        if words and first is not None:
            out.append(Atom(first, end, "person", None))
    out.sort(key=lambda a: a.start)
    return out


@dataclass(slots=True)
class _Chain:
    start: int
    end: int
    agents: list[Agent]

    @property
    def head(self) -> Agent:
        return self.agents[-1]

    @property
    def sector(self) -> str:
        specific = [a for a in self.agents if not a.generic]
        curated = [a for a in specific if a.curated]  # the hand-written table over Phoenix's
        return (curated or specific or self.agents)[-1].sector

    @property
    def only_collective(self) -> bool:
        """"the groups", "organisations": a collective noun names no actor without an agent
        word before it ("opposition groups", "civil society organisations")."""
        return all(a.collective for a in self.agents)

    @property
    def is_title(self) -> bool:
        return self.head.type == "title"

    @property
    def curated_or_specific(self) -> bool:
        return any(a.curated or not a.generic for a in self.agents)

    @property
    def sectors(self) -> tuple[str, ...]:
        return self.head.sectors

    @property
    def phrase(self) -> str:
        return " ".join(a.phrase for a in self.agents)


Item = Atom | _Chain
Accept = Callable[[int, int, int, int], bool]  # (modifier start, end, head start, end) -> bool


def _chains(atoms: list[Atom], text: str, lex: Lexicon) -> list[Item]:
    items: list[Item] = []
    for atom in atoms:
        prev = items[-1] if items else None
        if (atom.kind == "agent" and isinstance(prev, _Chain)
                and _ADJACENT.fullmatch(text[prev.end:atom.start])):
            prev.agents.append(lex.agents[atom.key])
            prev.end = atom.end
        elif atom.kind == "agent":
            items.append(_Chain(atom.start, atom.end, [lex.agents[atom.key]]))
        else:
            items.append(atom)
    return items


def _country_of(atom: Atom, lex: Lexicon, date: dt.date) -> str | None:
    if atom.kind in ("country", "demonym", "capital", "city", "seat"):
        return atom.key
    if atom.kind == "org" and atom.key:
        return lex.organisations[atom.key].country
    return None


def _is_modifier(item: Item | None) -> bool:
    return isinstance(item, Atom) and item.kind in ("demonym", "capital", "city", "country", "org", "seat")


def _joins(text: str, left: Item, right: Item, accept: Accept | None) -> bool:
    """Whether ``left`` modifies ``right`` ("Russian firms", "Russia's minister")."""
    assert isinstance(left, Atom)
    gap = text[left.end:right.start]
    if left.kind == "country" and (_GENITIVE.fullmatch(gap) or re.fullmatch(_SP, gap)):
        return True  # "Russia's troops", also headline style "Russia troops"
    if left.kind != "country" and (_ADJACENT.fullmatch(gap)
                                   or (left.kind != "demonym" and _GENITIVE.fullmatch(gap))):
        return True
    # "Russian state-owned firms", "OPEC oil ministers": a demonym, capital or body before
    # the noun's own modifiers
    if left.kind in ("demonym", "country") and isinstance(right, _Chain) \
            and right.agents[0].type == "title" and _PORTFOLIO.fullmatch(gap):
        # "West German Economics Minister", "Japan's Trade and Industry Minister": the
        # capitalised portfolio of a national office (the title's own words)
        return accept(left.start, left.end, right.start, right.end) if accept else True
    m = _MODIFIER_WORDS.fullmatch(gap) if left.kind in ("demonym", "capital", "org") else None
    if m is None and left.kind != "demonym":
        m = _GENITIVE_MODIFIERS.fullmatch(gap)  # "Iran's religious leader"
    if m and not (set(m.group(1).split()) & _NOT_MODIFIERS):
        return accept(left.start, left.end, right.start, right.end) if accept else True
    return False


def compose(text: str, atoms: list[Atom], lex: Lexicon, date: dt.date,
            accept: Accept | None = None) -> list[Mention]:
    """Join atoms into actor mentions coded at ``date``."""
    items = _chains(atoms, text, lex)
    used = [False] * len(items)
    mentions: list[Mention] = []

    def modifiers_before(i: int, first_start: int) -> list[int]:
        """Indices of country modifiers before item i, coordinated ones included."""
        found: list[int] = []
        j = i - 1
        if j >= 0 and not used[j] and _is_modifier(items[j]) and _joins(text, items[j], items[i], accept):
            found.append(j)
            while (j - 1 >= 0 and not used[j - 1] and isinstance(items[j - 1], Atom)
                   and items[j - 1].kind == "demonym" == items[j].kind
                   and _COORD.fullmatch(text[items[j - 1].end:items[j].start])):
                j -= 1
                found.append(j)
        return sorted(found)

    def is_former(start: int) -> bool:
        return bool(_FORMER.search(text[max(0, start - 12):start]))

    # 1. People, with any title and country modifier in front of the name.
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not (isinstance(item, Atom) and item.kind == "person"):
            continue
        if item.alts:
            item.key = _disambiguate(item.alts, seen, lex, date)
        if item.key:
            seen.add(item.key)
        parts = [i]
        title: _Chain | None = None
        office: Atom | None = None
        j = i - 1
        if j >= 0 and isinstance(items[j], _Chain) and items[j].head.type in ("title", "person") \
                and not used[j] \
                and _TITLE_GAP.fullmatch(text[items[j].end:item.start]):
            title = items[j]
            parts.insert(0, j)
        elif j >= 0 and item.key is None and not used[j] and _is_office(items[j], lex) \
                and _TITLE_GAP.fullmatch(text[items[j].end:item.start]):
            office = items[j]  # "Chancellor of the Exchequer Nigel Lawson"
            parts.insert(0, j)
        mods = modifiers_before(parts[0], items[parts[0]].start)
        # a national body names the holder's country ("Bundesbank President Karl Otto Poehl");
        # an international one does not make its officials nationals of anywhere, but its
        # officials ("UN envoy X", "EC farm commissioner X": CAMEO codes them as the body)
        body = next((items[m] for m in mods if items[m].kind == "org" and title is not None
                     and _country_of(items[m], lex, date) is None and items[m].key), None)
        mods = [m for m in mods if items[m].kind != "org" or (
            title is not None and _country_of(items[m], lex, date) is not None)]
        if title is None:
            # a town's name run into a person's name is a given name ("Sydney
            # Jones"), not a nationality: that takes a demonym, a country or a title
            mods = [m for m in mods if items[m].kind not in ("city", "capital")
                    or _GENITIVE.fullmatch(text[items[m].end:items[parts[0]].start])]
        # "former Prime Minister X", also "Japan's former prime minister X"
        former = is_former(items[mods[0]].start if mods else items[parts[0]].start) \
            or is_former(items[parts[0]].start)
        parts = mods + parts
        start = items[parts[0]].start
        mention = Mention(start, item.end, "person", head_start=item.start, head_end=item.end,
                          human=True, parts=parts)
        stated = _country_of(items[mods[-1]], lex, date) if mods else None
        if item.key is not None and not _fits(lex.people[item.key], stated):
            # "Jordanian King Abdullah": the stated nationality overrules a namesake listed
            # for another country; the name is coded from its own words
            item.key = None
        if item.key is not None and len(parts) == 1 and " " not in text[item.start:item.end].strip() \
                and _before_public_life(lex.people[item.key], date):
            # a bare surname before the listed person's first office ("a Harris poll" in
            # 1987) is someone else: only a former official is coded by surname (ELI)
            item.key = None
        if item.key is not None:
            _code_person(mention, lex, item.key, date, former)
            if mention.sector == "ELI" and title is not None and not former and title.sector != "ELI":
                # "Finance Minister Ana Ruiz" where the dictionary lists no office at
                # the date: the text's title is the later or more complete record
                mention.sector, mention.sectors, mention.role = title.sector, title.sectors, title.phrase
                mention.code = code_for(mention.country, title.sector)
            if stated is not None and mention.country != stated and title is not None and not former:
                # "Belgian Foreign Minister X" while X also chairs an international body: the
                # text's national title is the capacity the person acts in
                mention.country, mention.sector = stated, title.sector
                mention.sectors, mention.role = title.sectors, title.phrase
                mention.code = code_for(stated, title.sector)
                mention.stated = True
        elif office is not None and office.key is not None:
            # the dictionary lists the office, not its holder: the name holds it
            if office.kind == "person":
                _code_person(mention, lex, office.key, date, former)
            else:
                org = lex.organisations[office.key]
                mention.country, mention.sector = org.country, org.sector
                mention.code = org.code_at(date)
            mention.name = text[item.start:item.end]
            mention.entity, mention.wikidata = "?" + mention.name, None
        else:
            mention.name = text[item.start:item.end]
            mention.entity = "?" + mention.name
            mention.country = _country_of(items[mods[-1]], lex, date) if mods else None
            mention.sector = ("ELI" if former else title.sector) if title else None
            if title and not former:
                mention.sectors, mention.role = title.sectors, title.phrase
            mention.code = code_for(mention.country, mention.sector)
            if body is not None and mention.country is None and not former:
                org = lex.organisations[body.key]
                mention.code, mention.sector, mention.sectors = org.code_at(date), org.sector, ()
        for p in parts:
            used[p] = True
        mentions.append(mention)

    # 2. Agent nouns with their country: before (adjective, genitive, capital) or after ("of X").
    for i, item in enumerate(items):
        if not isinstance(item, _Chain) or used[i] or item.only_collective:
            continue
        mods = modifiers_before(i, item.start)
        # "former Soviet leader", also "Chile's former vice-president"
        former = is_former(items[mods[0]].start if mods else item.start) or is_former(item.start)
        sector = "ELI" if former else item.sector
        after = None
        if not mods and i + 1 < len(items) and not used[i + 1]:
            nxt = items[i + 1]
            if isinstance(nxt, Atom) and nxt.kind in ("country", "capital", "city", "demonym") \
                    and _AFTER.fullmatch(text[item.end:nxt.start]) \
                    and not (item.head.phrase.split()[-1] in MISSION_WORDS
                             and text[item.end:nxt.start].split()[0].lower() == "in"):
                # "the embassy in Lima" stands in Peru and is another state's (Phoenix lists
                # EMBASSY_IN apart for this); "the embassy of Peru" is Peru's
                after = i + 1
        human = item.head.type in ("title", "person")
        number = "pl" if item.head.type == "group" else "sg"
        if mods:
            org_mods = [m for m in mods if items[m].kind == "org"]
            if org_mods:  # "Taliban authorities", "NATO troops": the organisation acts
                continue
            for k, m in enumerate(mods):
                last = k == len(mods) - 1
                atom = items[m]
                country = _country_of(atom, lex, date)
                start = atom.start
                end = item.end if last else atom.end
                mentions.append(Mention(start, end, "agent", name=None, country=country, sector=sector,
                                        code=code_for(country, sector), entity=f"{country}{sector}",
                                        head_start=item.start, head_end=item.end, number=number,
                                        human=human, parts=[m, i] if last else [m],
                                        sectors=item.sectors, role=item.phrase))
                used[m] = True
        elif after is not None:
            atom = items[after]
            country = _country_of(atom, lex, date)
            mentions.append(Mention(item.start, atom.end, "agent", country=country, sector=sector,
                                    code=code_for(country, sector), entity=f"{country}{sector}",
                                    head_start=item.start, head_end=item.end, number=number,
                                    human=human, parts=[i, after], sectors=item.sectors, role=item.phrase))
            used[after] = True
        elif not item.curated_or_specific:
            continue  # "a man walking his dog": people in general, with no nationality, are no actor
        else:
            mentions.append(Mention(item.start, item.end, "agent", sector=sector, code=sector,
                                    entity=None, head_start=item.start, head_end=item.end,
                                    number=number, human=human, parts=[i], sectors=item.sectors,
                                    role=item.phrase))
        used[i] = True

    # 3. Everything else that can act on its own: organisations first, as they may take the
    # adjective in front ("Pakistani Taliban").
    order = sorted(range(len(items)),
                   key=lambda k: not (isinstance(items[k], Atom) and items[k].kind == "org"))
    for i in order:
        item = items[i]
        if used[i] or not isinstance(item, Atom):
            continue
        if item.kind == "org":
            org = lex.organisations[item.key]
            code = org.code_at(date)
            country, sector = split_code(code, lex.countries)
            end = item.end
            if i + 1 < len(items) and isinstance(items[i + 1], _Chain) and not used[i + 1] \
                    and _ADJACENT.fullmatch(text[item.end:items[i + 1].start]):
                end = items[i + 1].end  # "Taliban authorities"
                used[i + 1] = True
            start = item.start
            prev = items[i - 1] if i > 0 else None
            if (country and isinstance(prev, Atom) and prev.kind == "demonym" and not used[i - 1]
                    and _ADJACENT.fullmatch(text[prev.end:item.start])):
                # "Pakistani Taliban": the national branch of a movement
                if prev.key != country:  # a foreign branch keeps the movement's own role
                    sector = split_code(org.code, lex.countries)[1]
                country, start = prev.key, prev.start
                code = code_for(country, sector) or code
                used[i - 1] = True
            mentions.append(Mention(start, end, "organisation", name=org.name, country=country,
                                    sector=sector, code=code, wikidata=org.wikidata, entity=item.key,
                                    head_start=item.start, head_end=item.end, number="sg", parts=[i],
                                    sectors=code_sectors(code, lex), role=org.name))
        elif item.kind == "demonym" and _plural_demonym(text[item.start:item.end], item.key, lex):
            # "ordinary Uzbeks", "Ukrainians": the people of a country, civilians in CAMEO
            c = lex.countries[item.key]
            mentions.append(Mention(item.start, item.end, "agent", country=c.iso3, sector="CVL",
                                    code=f"{c.iso3}CVL", entity=f"{c.iso3}CVL", head_start=item.start,
                                    head_end=item.end, number="pl", human=True, parts=[i]))
        elif item.kind in ("country", "demonym"):
            c = lex.countries[item.key]
            mentions.append(Mention(item.start, item.end, "country", name=c.name, country=c.iso3,
                                    code=c.iso3, wikidata=c.wikidata if item.kind == "country" else None,
                                    entity=c.iso3, head_start=item.start, head_end=item.end,
                                    seat="demonym" if item.kind == "demonym" else None, parts=[i]))
        elif item.kind in ("capital", "seat"):
            c = lex.countries[item.key]
            mentions.append(Mention(item.start, item.end, "metonym", name=c.name, country=c.iso3,
                                    sector="GOV", code=f"{c.iso3}GOV", entity=c.iso3,
                                    head_start=item.start, head_end=item.end, seat=item.kind, parts=[i]))
        used[i] = True
    mentions.sort(key=lambda m: m.start)
    return mentions


def _before_public_life(person: Person, date: dt.date) -> bool:
    """Whether the date is before every dated office of the person."""
    starts = [r.start for r in person.roles]
    return bool(starts) and all(start is not None and date < start for start in starts)


def _fits(person: Person, country: str | None) -> bool:
    """Whether a stated nationality fits a listed person (any of their roles' countries)."""
    return country is None or any(r.country == country for r in person.roles)


def _plural_demonym(surface: str, iso3: str | None, lex: Lexicon) -> bool:
    """"Uzbeks", "Filipinos": a plural whose singular is a demonym of the same country."""
    if not surface.endswith("s") or surface.isupper() or len(surface) < 4:
        return False
    entries = lex.entries.get(fold(surface[:-1]), ())
    return any(e.kind == "demonym" and e.key == iso3 for e in entries)


def _disambiguate(keys: tuple[str, ...], seen: set[str], lex: Lexicon, date: dt.date) -> str:
    """One person for an ambiguous short name: already named in the text, else in office."""
    for key in keys:
        if key in seen:
            return key
    for key in keys:
        if lex.people[key].role_at(date) is not None:
            return key
    return keys[0]


def _is_office(item: Item, lex: Lexicon) -> bool:
    """A dictionary entry that names a national office, not its holder ("Chancellor of the
    Exchequer" among the organisations, "German Chancellor" among Phoenix's people): its
    name holds a title word of the agents table."""
    if not isinstance(item, Atom) or item.key is None:
        return False
    if item.kind == "person" and item.key in lex.people:
        name = lex.people[item.key].name
    elif item.kind == "org" and item.key in lex.organisations and lex.organisations[item.key].country:
        name = lex.organisations[item.key].name
    else:
        return False
    return any(w in lex.agents and lex.agents[w].type == "title" for w in name.lower().split())


def _code_person(mention: Mention, lex: Lexicon, key: str, date: dt.date, former: bool) -> None:
    person = lex.people[key]
    role = person.role_at(date)
    if role is not None:
        mention.country, mention.sector = role.country, role.sector
    else:
        mention.country, mention.sector = person.home_country(date), "ELI"
    mention.name, mention.wikidata, mention.entity = person.name, person.wikidata, person.key
    mention.sectors, mention.role = (role.sectors, role.title) if role is not None else ((), "")
    mention.gender = person.gender
    mention.code = code_for(mention.country, mention.sector)
    if mention.country and mention.country.startswith(IGO_PREFIXES):  # UN, NATO officials
        mention.code = mention.country if role is not None else mention.sector
        mention.country = None


def recode_person(mention: Mention, lex: Lexicon, date: dt.date) -> None:
    """Re-code a known person's mention at another date (event date instead of publication)."""
    if mention.entity in lex.people:
        _code_person(mention, lex, mention.entity, date, False)


def fold_key(text: str) -> str:
    return fold(" ".join(text.split()))
