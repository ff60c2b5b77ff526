"""The actor dictionary: countries, organisations, people with dated roles, agent nouns.

Loaded once per process from ``actors/data/*.tsv`` and compiled into one
Aho-Corasick automaton over case- and accent-folded text, so finding every
dictionary phrase in an article is a single pass whatever the dictionary size.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from geoevents.actors.tables import Row, read_table
from geoevents.errors import DataFileError

SECTORS = frozenset(
    "GOV MIL POL OPP REB BUS MED CVL JUD LEG COP SPY IGO NGO ELI REF LAB EDU HLH HRI ENV AGR CRM "
    "DEV INS SEP UAF MNC IMG PTY RAD MOD SET PKO REL".split())
AGENT_TYPES = frozenset({"title", "person", "group", "body"})
IGO_PREFIXES = ("IGO", "NGO", "MNC", "IMG")

COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "capitals", "seats", "wikidata")
CITY_COLUMNS = ("iso3", "cities")
ORG_COLUMNS = ("code", "name", "aliases", "wikidata", "changes")
PEOPLE_COLUMNS = ("name", "aliases", "wikidata", "gender", "country", "role", "sector", "start", "end")
AGENT_COLUMNS = ("phrase", "sector", "type", "generic")
PHOENIX_AGENT_COLUMNS = ("phrase", "sector", "type", "generic", "codes")
PHOENIX_ACTOR_COLUMNS = ("kind", "name", "aliases", "codes", "source")
# Phoenix sector codes without a CAMEO sector of their own (scripts/convert_phoenix.py)
_RELIGION = frozenset("MUS CHR JEW BUD HIN CTH PRO SHI SUN ORT".split())


def _fold_char(ch: str) -> str:
    """One character, lowercased and stripped of accents, always one character long."""
    low = ch.lower()
    if len(low) != 1:
        low = unicodedata.normalize("NFD", ch)[0].lower()
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isascii() else low


class _FoldTable(dict):
    """``str.translate`` table that folds lazily (Latin letters, curly quotes, dashes)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "’‘ʼ`´":
            out = "'"
        elif ch in "‐‑‒–—":
            out = "-"
        else:
            out = _fold_char(ch)
        self[code] = out
        return out


_FOLD = _FoldTable()


# Candidate acronyms: capitalised words, looked up in a dict (faster than a big alternation).
_ACRONYM_WORD = re.compile(r"(?<![\w.])[A-Z][\w.&+-]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lowercase, accent-free text with the same length (offsets stay valid), in one spelling:
    British and American forms of a name ("Organisation", "Defence") are one key."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lowercase is longer ("İ")
        return _one_spelling(text.translate(_FOLD))
    if low.isascii():
        return _one_spelling(low)
    return _one_spelling(_NON_ASCII.sub(lambda m: _FOLD[ord(m.group(0))], low))


# British -isation / defence against American -ization / defense: same length, so offsets
# into the text stay valid ("Organisation of American States" is the dictionary's OAS)
_SPELLINGS = (("isation", "ization"), ("defence", "defense"))


def _one_spelling(low: str) -> str:
    for british, american in _SPELLINGS:
        if british in low:
            low = low.replace(british, american)
    return low


# Common nouns that end the names of bodies, never a family name: a Phoenix "person" entry
# ending in one ("Federal Trade Commission", "Free Syrian Army") is no one's surname
BODY_NOUNS = frozenset({
    "commission", "council", "agency", "department", "administration", "forces", "force",
    "army", "bank", "corporation", "ministry", "office", "service", "committee", "authority",
    "court", "party", "front", "movement", "brigade", "assembly", "congress", "security",
    "state", "organization", "organisation", "union", "association", "federation", "board",
    "institute", "government", "community", "nations", "intelligence", "university", "church"})

@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    wikidata: str | None


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    changes: tuple[tuple[dt.date, str], ...] = ()  # (from date, new code), in date order

    def code_at(self, date: dt.date) -> str:
        code = self.code
        for start, new in self.changes:
            if date >= start:
                code = new
        return code


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    title: str
    sector: str
    start: dt.date | None
    end: dt.date | None  # exclusive: the day the successor took office
    sectors: tuple[str, ...] = ()  # every sector of a multi-part code (GOVMIL: GOV, MIL)

    def holds(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(slots=True)
class Person:
    key: str
    name: str
    wikidata: str | None
    gender: str | None  # "M", "F" or None
    roles: list[Role] = field(default_factory=list)

    def role_at(self, date: dt.date) -> Role | None:
        for role in self.roles:  # file order: the main office of a period comes first
            if role.holds(date):
                return role
        return None

    def home_country(self, date: dt.date) -> str:
        """The country of the role nearest to ``date`` (for ELI, former officials)."""
        def distance(role: Role) -> int:
            if role.holds(date):
                return 0
            if role.end is not None and role.end <= date:
                return (date - role.end).days
            return ((role.start or date) - date).days
        return min(self.roles, key=distance).country


# Countries whose names put the family name first, as English-language news keeps them
# ("Premier Zhao Ziyang ... Zhao said", "Kim Dae-jung ... Kim"): Chinese and Korean names
# (Wikipedia, "Personal name": Eastern name order). Vietnamese and Japanese people are referred
# to by the last word of the name in English news, like Western names; Hong Kong and Singapore
# names are mixed ("Sir David Wilson", "Tony Tan"), so they keep the last word too.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR"})
COURTESY_TITLES = frozenset({"Sir", "Dame", "Lord", "Lady", "Dr", "Mr", "Mrs", "Ms"})


def family_name(name: str, country: str | None) -> str:
    """The word of a full name that news uses alone to refer back to the person."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".") in COURTESY_TITLES:
        words = words[1:]  # "Sir David Wilson", governor of Hong Kong: Wilson
    if not words:
        return name
    return words[0] if country in FAMILY_NAME_FIRST and len(words) > 1 else words[-1]


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str
    sector: str
    type: str  # title (precedes a name), person, group, body
    generic: bool  # weak head ("officials", "leaders"): a more specific noun beside it wins
    sectors: tuple[str, ...] = ()  # every sector of the entry's code, primary first (Phoenix)
    curated: bool = True  # from agents.tsv; False for the converted Phoenix agents
    collective: bool = False  # "groups", "organisations": an actor only after an agent word


@dataclass(frozen=True, slots=True)
class Entry:
    """What a dictionary phrase can mean."""

    kind: str  # country demonym capital seat city org person agent
    key: str
    cased: str | None  # the exact spelling required (acronyms), or None
    caps: tuple[int, ...] = ()  # words that must be capitalised ("Russia Today", not "Russia today")


def code_for(country: str | None, sector: str | None) -> str | None:
    return f"{country or ''}{sector or ''}" or None


def split_code(code: str, countries: dict[str, Country]) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO-style code such as RUSBUS, IGONAT or AFGGOV."""
    head, rest = code[:3], code[3:6]
    if head in IGO_PREFIXES:
        return None, head
    if head in countries:
        return head, rest or None
    return None, rest or None


_MIDDLE_INITIAL = re.compile(r"(?<=\S) (?:[A-Z]\.\s*)+(?=[A-Z][a-z])")


def without_initials(name: str) -> str | None:
    """"Clayton K. Yeutter" -> "Clayton Yeutter"; None when the name has no middle initial."""
    short = _MIDDLE_INITIAL.sub(" ", name)
    return short if short != name and len(short.split()) > 1 else None


@dataclass
class Lexicon:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    by_qid: dict[str, str] = field(default_factory=dict)  # country QID -> ISO3
    by_name: dict[str, str] = field(default_factory=dict)  # folded country name -> ISO3
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None
    acronyms: dict[str, str] = field(default_factory=dict)  # exact spelling -> folded key
    acronym_pattern: re.Pattern[str] | None = None
    _surnames: dict[str, list[str]] | None = None
    _heads: frozenset[str] | None = None

    def holders_named(self, surname: str, date: dt.date | None) -> list[str]:
        """People with this surname who hold an office (not a former one, ELI) on ``date``."""
        if self._surnames is None:
            index: dict[str, list[str]] = {}
            for key, person in self.people.items():
                words = person.name.split()
                if len(words) > 1 and person.roles:
                    country = person.roles[0].country
                    family = family_name(person.name, country)
                    if family.lower() in BODY_NOUNS:
                        continue  # Phoenix lists some bodies as people ("Federal Trade Commission")
                    index.setdefault(family, []).append(key)
            self._surnames = index
        if date is None:
            return self._undated_holders(surname)
        out = []
        for key in self._surnames.get(surname, ()):
            role = self.people[key].role_at(date)
            if role is not None and role.sector != "ELI":
                out.append(key)
        return out

    def _undated_holders(self, surname: str) -> list[str]:
        """A text with no date: the people of that surname who ever held an office, as one
        when they all served one country ("Nakasone": Yasuhiro and Hirofumi, both Japan's),
        so that the country is known even if the person is not."""
        assert self._surnames is not None
        keys = [key for key in self._surnames.get(surname, ())
                if any(r.sector != "ELI" for r in self.people[key].roles)]
        countries = {r.country for key in keys for r in self.people[key].roles if r.sector != "ELI"}
        return keys[:1] if len(countries) == 1 else keys

    def institution_heads(self) -> frozenset[str]:
        """Last words of the organisations' names ("Commission", "Council", "Bank")."""
        if self._heads is None:
            self._heads = frozenset(org.name.split()[-1] for org in self.organisations.values()
                                    if len(org.name.split()) > 1)
        return self._heads

    def add(self, phrase: str, kind: str, key: str, capitalised: bool = False) -> None:
        phrase = " ".join(phrase.split())
        if phrase[:4].lower() == "the " and kind != "agent":
            phrase = phrase[4:]  # the article is not part of the name ("the Kremlin")
        if not phrase:
            return
        letters = [c for c in phrase if c.isalpha()]
        # Short all-capital acronyms (US, UN, WHO, IS) must match their case exactly.
        cased = phrase if letters and len(letters) <= 5 and all(c.isupper() for c in letters) else None
        bucket = self.entries.setdefault(fold(phrase), [])
        if kind == "agent":  # agent nouns are lower case; a party name ("Labour") is not
            caps = tuple(range(len(phrase.split(" ")))) if capitalised else ()
        else:
            caps = tuple(i for i, word in enumerate(phrase.split(" ")) if word[:1].isupper())
        entry = Entry(kind, key, cased, caps)
        if entry not in bucket:
            bucket.append(entry)

    def compile(self) -> None:
        """Acronyms (exact case) go to one regex; every other phrase to the automaton.

        Short acronyms folded to lowercase ("is", "us", "un") would hit inside and between
        ordinary words hundreds of times per article; matched in their own case they don't.
        """
        automaton = ahocorasick.Automaton()
        acronyms: dict[str, str] = {}
        for folded, entries in self.entries.items():
            if all(e.cased is not None for e in entries):
                for e in entries:
                    acronyms[e.cased] = folded  # type: ignore[index]
            else:
                automaton.add_word(folded, folded)
        automaton.make_automaton()
        self.automaton = automaton
        self.acronyms = acronyms
        self.acronym_pattern = _ACRONYM_WORD


def data_dir() -> Path:
    return Path(str(resources.files("geoevents.actors") / "data"))


def _load_countries(lex: Lexicon, path: Path) -> None:
    for row in read_table(path, COUNTRY_COLUMNS, required=("iso3", "name")):
        iso3 = row.get("iso3")
        if len(iso3) != 3 or not iso3.isupper():
            raise row.fail(f"iso3 {iso3!r} is not an ISO 3166-1 alpha-3 code")
        if iso3 in lex.countries:
            raise row.fail(f"country {iso3} listed twice")
        qid = row.get("wikidata") or None
        lex.countries[iso3] = Country(iso3, row.get("name"), qid)
        if qid:
            lex.by_qid[qid] = iso3
        for name in [row.get("name"), *row.list("aliases")]:
            lex.add(name, "country", iso3)
            lex.by_name[fold(name)] = iso3
        for adjective in row.list("adjectives"):
            lex.add(adjective, "demonym", iso3)
        for capital in row.list("capitals"):
            lex.add(capital, "capital", iso3)
        for seat in row.list("seats"):
            lex.add(seat, "seat", iso3)


def _load_cities(lex: Lexicon, path: Path) -> None:
    for row in read_table(path, CITY_COLUMNS, required=("iso3", "cities")):
        if row.get("iso3") not in lex.countries:
            raise row.fail(f"unknown country {row.get('iso3')!r} (not in countries.tsv)")
        for city in row.list("cities"):
            lex.add(city, "city", row.get("iso3"))


def _check_sector(row: Row, sector: str) -> None:
    if sector not in SECTORS:
        raise row.fail(f"unknown sector {sector!r}; known: {' '.join(sorted(SECTORS))}")


def _load_organisations(lex: Lexicon, path: Path) -> None:
    for row in read_table(path, ORG_COLUMNS, required=("code", "name")):
        code = row.get("code")
        country, sector = split_code(code, lex.countries)
        if sector is None or not code.isalnum() or not code.isupper():
            raise row.fail(f"code {code!r} should be a country (ISO3) or IGO/NGO/MNC/IMG prefix "
                           f"plus a sector or group code, e.g. RUSBUS or IGONAT")
        changes = []
        for item in row.list("changes"):
            when, _, new = item.partition(":")
            try:
                changes.append((dt.date.fromisoformat(when), new))
            except ValueError:
                raise row.fail(f"change {item!r} should be DATE:CODE, e.g. 2021-08-15:AFGGOV") from None
        qid = row.get("wikidata")
        if qid and not re.fullmatch(r"Q[1-9][0-9]*", qid):
            raise row.fail(f"wikidata {qid!r} should be a Wikidata item id such as Q1065 (or empty)")
        key = f"{code}:{row.get('name')}"
        lex.organisations[key] = Organisation(code, row.get("name"), country, sector,
                                              row.get("wikidata") or None, tuple(sorted(changes)))
        for name in [row.get("name"), *row.list("aliases")]:
            lex.add(name, "org", key)


def load_people(lex: Lexicon, path: Path) -> None:
    for row in read_table(path, PEOPLE_COLUMNS, required=("name", "country", "sector")):
        name = row.get("name")
        country, sector = row.get("country"), row.get("sector")
        if country not in lex.countries and not country.startswith(IGO_PREFIXES):
            raise row.fail(f"unknown country {country!r} (not in countries.tsv, not an IGO/NGO code)")
        _check_sector(row, sector)
        gender = row.get("gender") or None
        if gender not in (None, "M", "F"):
            raise row.fail(f"gender {gender!r} should be M, F or empty")
        start, end = row.date("start"), row.date("end")
        if start and end and end < start:
            raise row.fail(f"role ends ({end}) before it starts ({start})")
        person = lex.people.get(name)
        if person is None:
            person = lex.people[name] = Person(name, name, row.get("wikidata") or None, gender)
            lex.add(name, "person", name)
        person.wikidata = person.wikidata or row.get("wikidata") or None
        person.gender = person.gender or gender
        for alias in row.list("aliases"):
            lex.add(alias, "person", name)
        if row.get("role") or start or end:
            person.roles.append(Role(country, row.get("role"), sector, start, end))
        elif not person.roles:
            person.roles.append(Role(country, "", sector, None, None))


def _load_agents(lex: Lexicon, path: Path) -> None:
    for row in read_table(path, AGENT_COLUMNS, required=("phrase", "sector", "type")):
        _check_sector(row, row.get("sector"))
        if row.get("type") not in AGENT_TYPES:
            raise row.fail(f"type {row.get('type')!r} should be one of {', '.join(sorted(AGENT_TYPES))}")
        phrase = fold(" ".join(row.get("phrase").split()))
        generic = row.get("generic")
        if generic not in ("", None, "y", "c", "n"):
            raise row.fail(f"generic {generic!r} should be y (a weak head), c (a collective noun), "
                           f"n (a name, matched capitalised) or empty")
        lex.agents[phrase] = Agent(phrase, row.get("sector"), row.get("type"), generic in ("y", "c"),
                                   collective=generic == "c")
        lex.add(phrase, "agent", phrase, capitalised=generic == "n")


def _sector_parts(rest: str) -> list[str]:
    """``GOVMIL`` -> [GOV, MIL]; religion codes -> REL; codes that are no sector are dropped."""
    parts = []
    for i in range(0, len(rest) - 2, 3):
        part = rest[i:i + 3]
        part = "REL" if part in _RELIGION else "CVL" if part == "PPL" else part
        if part in SECTORS and part not in parts:
            parts.append(part)
    return parts


def code_sectors(code: str, lex: Lexicon) -> tuple[str, ...]:
    """Every sector in a CAMEO code: ``EGYOPPMUS`` -> (OPP, REL), ``IGOUNOIAE`` -> (IGO,)."""
    if code[:3] in IGO_PREFIXES:
        return (code[:3],)
    return tuple(_sector_parts(code[3:] if code[:3] in lex.countries else code))


def _phoenix_role(code: str, lex: Lexicon, start: dt.date | None, end: dt.date | None) -> Role | None:
    """A Phoenix code as a role: defence ministers (GOVMIL) are MIL as in CAMEO."""
    if code.startswith(IGO_PREFIXES):
        return Role(code, "", code[:3], start, end, (code[:3],))
    if code[:3] not in lex.countries:
        return None
    parts = _sector_parts(code[3:])
    if not parts:
        return None  # a code with no sector (UKRUNR): nothing to code a person with
    sector = "MIL" if parts[:2] == ["GOV", "MIL"] else parts[0]
    return Role(code[:3], "", sector, start, end, tuple(parts))


def _phoenix_codes(row: Row) -> list[tuple[str, dt.date | None, dt.date | None]]:
    out = []
    for item in row.list("codes"):
        code, _, span = item.partition("@")
        a, _, b = span.partition("..")
        try:
            start = dt.date.fromisoformat(a) if a else None
            out.append((code, start, dt.date.fromisoformat(b) if b else None))
        except ValueError:
            raise row.fail(f"code {item!r} should be CODE or CODE@START..END with ISO dates") from None
    return out


_COMPLEMENT_PREPOSITIONS = frozenset({"at", "by", "for", "from", "in", "of", "on", "to", "with"})


def load_phoenix_agents(lex: Lexicon, path: Path) -> None:
    """Phoenix agent nouns; the hand-written agents.tsv wins where both list a phrase."""
    for row in read_table(path, PHOENIX_AGENT_COLUMNS, required=("phrase", "sector", "type")):
        _check_sector(row, row.get("sector"))
        phrase = fold(row.get("phrase"))
        words = phrase.split()
        if len(words) > 1 and words[-1] in _COMPLEMENT_PREPOSITIONS:
            # PETRARCH's "AMBASSADOR_TO", "EMBASSY_IN" name the noun with the preposition of
            # its usual complement; the preposition belongs to the phrase that follows ("the
            # embassy in Lima"), so the mention is the noun alone
            phrase = " ".join(words[:-1])
        if phrase in lex.agents or phrase in lex.entries:
            continue
        sectors = tuple(s for s in row.get("codes").split() if s in SECTORS) or (row.get("sector"),)
        lex.agents[phrase] = Agent(phrase, row.get("sector"), row.get("type"), row.get("generic") == "y",
                                   sectors, curated=False)
        lex.add(phrase, "agent", phrase)


def load_phoenix_actors(lex: Lexicon, path: Path) -> None:
    """Phoenix people, organisations and country synonyms, merged under the curated tables.

    Loaded after ``people*.tsv`` and ``organisations.tsv``: a phrase those tables already
    know keeps its curated meaning, and a curated person keeps their curated roles, the
    Phoenix roles only filling the time before the earliest curated one (the curated
    tables are newer; Phoenix's CountryInfo stops in 2014).
    """
    for row in read_table(path, PHOENIX_ACTOR_COLUMNS, required=("kind", "name", "codes")):
        kind, name = row.get("kind"), row.get("name")
        phrases = [name, *row.list("aliases")]
        if kind in ("country", "demonym", "city"):
            iso3 = row.get("codes")
            if iso3 not in lex.countries:
                raise row.fail(f"unknown country {iso3!r} (not in countries.tsv)")
            if fold(name) not in lex.entries:
                lex.add(name, kind, iso3)
            continue
        codes = _phoenix_codes(row)
        if kind == "org":
            code = codes[-1][0]
            country, sector = split_code(code, lex.countries)
            if sector is None:
                raise row.fail(f"code {code!r} has no sector")
            key = f"{code}:{name}"
            fresh = [p for p in phrases if fold(p) not in lex.entries]
            if not fresh:
                continue
            if key not in lex.organisations:
                lex.organisations[key] = Organisation(code, name, country, sector, None)
            for phrase in fresh:
                lex.add(phrase, "org", key)
            continue
        if kind != "person":
            raise row.fail(f"kind {kind!r} should be person, org, country, demonym or city")
        roles = [r for r in (_phoenix_role(c, lex, a, b) for c, a, b in codes) if r is not None]
        if not roles:
            continue
        known = [e.key for p in phrases for e in lex.entries.get(fold(p), ()) if e.kind == "person"]
        person = lex.people.get(name) or (lex.people.get(known[0]) if known else None)
        if person is not None:
            starts = [r.start for r in person.roles]
            if None in starts or not starts:
                continue  # an undated curated role covers every date
            first = min(s for s in starts if s is not None)
            for r in roles:  # only the time before the curated roles begin
                if r.start is not None and r.start >= first:
                    continue
                end = first if r.end is None or r.end > first else r.end
                person.roles.append(Role(r.country, r.title, r.sector, r.start, end, r.sectors))
            continue
        person = lex.people[name] = Person(name, name, None, None, roles)
        # news drops middle initials ("Clayton K. Yeutter" is "Clayton Yeutter")
        phrases += [v for v in map(without_initials, phrases) if v and v not in phrases]
        for phrase in phrases:  # a phrase the curated tables know keeps its meaning
            if fold(phrase) not in lex.entries or all(e.kind == "person" for e in lex.entries[fold(phrase)]):
                lex.add(phrase, "person", name)


def build_lexicon(directory: Path, extra: tuple[Path, ...] = ()) -> Lexicon:
    """Read every table in ``directory`` (people*.tsv may be several files), then the
    Phoenix tables, then user tables (``people*.tsv``) from the ``extra`` directories."""
    lex = Lexicon()
    _load_countries(lex, directory / "countries.tsv")
    _load_cities(lex, directory / "cities.tsv")
    _load_organisations(lex, directory / "organisations.tsv")
    _load_agents(lex, directory / "agents.tsv")
    people_files = sorted(directory.glob("people*.tsv"))
    if not people_files:
        raise DataFileError(f"{directory}: no people*.tsv file")
    for folder in extra:
        people_files.extend(sorted(folder.glob("people*.tsv")) if folder.is_dir() else [])
    for path in people_files:
        load_people(lex, path)
    if (directory / "phoenix-agents.tsv").is_file():
        load_phoenix_agents(lex, directory / "phoenix-agents.tsv")
    if (directory / "phoenix-actors.tsv").is_file():
        load_phoenix_actors(lex, directory / "phoenix-actors.tsv")
    lex.compile()
    return lex


def user_actors_dir() -> Path:
    """The user's own actor tables (``people*.tsv``): ``actors/`` in the user data folder."""
    from geoevents.config import active_config

    return active_config().user_data_path() / "actors"


def get_lexicon(directory: str | None = None) -> Lexicon:
    """The process-wide dictionary (built on first use, then cached): the package's tables
    plus the user's own from ``user_actors_dir()``."""
    return _cached_lexicon(directory, str(user_actors_dir()))


@lru_cache(maxsize=2)
def _cached_lexicon(directory: str | None, user_dir: str) -> Lexicon:
    return build_lexicon(Path(directory) if directory else data_dir(), (Path(user_dir),))
