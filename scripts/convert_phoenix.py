"""Convert the Phoenix (PETRARCH2) actor and agent dictionaries into geoevents' actor tables.

Sources (MIT licence, Copyright (c) 2014 Open Event Data Alliance), read from a copy of the
PETRARCH2 dictionaries directory (``--source``, by default ``/work/shared/resources/petrarch2``):

* ``Phoenix.Countries.actors.txt``: country blocks (names, misspellings, cities) and ~18,000
  named people with dated roles (``[RUSGOV 991231-080507]``);
* ``Phoenix.International.actors.txt``: IGOs, NGOs and their officials;
* ``Phoenix.MilNonState.actors.txt``: non-state armed groups;
* ``Phoenix.agents.txt``: generic agent nouns with their CAMEO sector (``SOLDIER [~MIL]``).

The format is the one documented in ``dictionaries.rst`` beside those files (TABARI actor
records: a primary phrase, ``+`` synonyms, tab-indented ``[CODE DATE-DATE]`` restrictions with
``<date``, ``>date`` and ``a-b`` ranges, both limits inclusive, YYMMDD or YYYYMMDD dates).

Writes, into ``src/geoevents/actors/data/``:

* ``phoenix-actors.tsv``: ``kind name aliases codes source``; kind is person, org, country
  (a misspelt or alternative country name), demonym or city (any other country-block synonym,
  used only to place agents); codes are ``|``-separated ``CODE`` or ``CODE@START..END``
  (ISO dates, END exclusive, either may be empty), the undated default last;
* ``phoenix-agents.tsv``: ``phrase sector type generic codes`` with every plural spelled out.

Run: ``python scripts/convert_phoenix.py [--source DIR] [--out DIR]``. The output is
deterministic (sorted, no timestamps), so re-running it on the same sources changes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "geoevents" / "actors" / "data"
SOURCES = {"C": "Phoenix.Countries.actors.txt", "I": "Phoenix.International.actors.txt",
           "M": "Phoenix.MilNonState.actors.txt"}
AGENTS = "Phoenix.agents.txt"

# Phoenix country codes that are not ISO 3166-1 alpha-3 (CountryInfo conventions): Kosovo.
CODE_MAP = {"KSV": "XKX"}
GROUP_PREFIXES = ("IGO", "NGO", "MNC", "IMG")
# CAMEO religion codes (CAMEO codebook ch. 5, "Religion") have no CAMEO sector of their own:
# geoevents files them under REL, PLOVER's religious sector.
RELIGION = frozenset(
    "REL MUS CHR JEW BUD HIN CTH PRO SHI SUN ORT ATH BAH DOX ITH JAN MOS SHN SFI ZRO".split())
SECTOR_MAP = {"PPL": "CVL"}
# Lower-case name particles (not required to be capitalised in text: "Bashar al-Assad").
PARTICLES = frozenset("al el bin ibn bint de da di du del della der den van von la le y e dos das".split())
_DATE = re.compile(r"^\d{6}$|^\d{8}$")


@dataclass
class Record:
    name: str
    source: str
    default: str | None = None
    synonyms: list[str] = field(default_factory=list)
    dated: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    """YYMMDD (years up to 30 are 20xx, as TABARI reads them) or YYYYMMDD; None if malformed."""
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def parse_restriction(body: str) -> tuple[str, dt.date | None, dt.date | None] | None:
    """``CODE``, ``CODE <d``, ``CODE >d`` or ``CODE a-b`` -> (code, start, end exclusive)."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return code, None, None
    spec = "".join(parts[1:])
    day = dt.timedelta(days=1)
    if spec.startswith("<"):
        end = parse_date(spec[1:])
        return (code, None, end + day) if end else None
    if spec.startswith(">"):
        start = parse_date(spec[1:])
        return (code, start, None) if start else None
    a, sep, b = spec.partition("-")
    start, end = parse_date(a), parse_date(b)
    if not sep or start is None or end is None or end < start:
        return None
    return code, start, end + day


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


def read_actors(path: Path, source: str) -> Iterator[Record]:
    record: Record | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        head = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if raw[:1] in "\t " and not head:
            target = record
        elif head.startswith("+"):
            if record is not None:
                record.synonyms.append(head[1:].strip())
            target = record
        elif head:
            if record is not None:
                yield record
            record = Record(head, source)
            target = record
        else:
            target = record
        if target is None:
            continue
        for body in codes:
            parsed = parse_restriction(body)
            if parsed is None:
                continue
            if parsed[1] is None and parsed[2] is None and head and not head.startswith("+"):
                target.default = parsed[0]
            elif parsed[1] is None and parsed[2] is None:
                target.default = target.default or parsed[0]
            else:
                target.dated.append(parsed)
    if record is not None:
        yield record


def phrase_of(raw: str) -> str:
    """``BAN_KI-MOON_`` -> ``BAN KI-MOON``; a parenthesised acronym is dropped here."""
    text = re.sub(r"\([^)]*\)", " ", raw).replace("_", " ").replace("+", " ")
    return " ".join(text.split()).strip("'\"-, ")


def acronym_in(raw: str) -> str | None:
    m = re.search(r"\(([A-Z][A-Z0-9.&-]{1,9})\)", raw)
    return m.group(1) if m else None


def cased(phrase: str, kind: str) -> str:
    """Dictionary capitals -> news spelling: names title-cased, particles lower, acronyms kept."""
    words = []
    for i, word in enumerate(phrase.split(" ")):
        low = word.lower()
        letters = [c for c in word if c.isalpha()]
        one_word = len(phrase.split()) == 1
        if kind != "person" and letters and len(letters) <= 5 and "." not in word and one_word:
            words.append(word)  # an organisation's acronym: FARC, IAEA
        elif i > 0 and (low in PARTICLES or low.startswith(("al-", "el-"))):
            words.append(low if low in PARTICLES else low[:3] + low[3:].title())
        elif kind != "person" and i > 0 and low in ("of", "the", "and", "for", "in", "on"):
            words.append(low)
        else:
            words.append(word.title().replace("'S", "'s"))
    return " ".join(words)


def load_countries(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """iso3 -> (names and aliases, adjectives), from geoevents' own countries.tsv."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    header = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = True
            continue
        names = [cells[1], *[a for a in cells[2].split("|") if a]]
        out[cells[0]] = ([n.lower() for n in names], [a.lower() for a in cells[3].split("|") if a])
    return out


def norm_code(code: str, countries: dict) -> str | None:
    """A Phoenix code with an ISO3 or IGO/NGO/IMG/MNC head, or None (unknown country, null)."""
    code = code.strip().upper()
    if not code or not code.isalnum():
        return None
    head = CODE_MAP.get(code[:3], code[:3])
    if head not in countries and head not in GROUP_PREFIXES:
        return None
    return head + code[3:]


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def convert_actors(source: Path, countries: dict) -> tuple[list[list[str]], dict[str, int]]:
    rows: list[list[str]] = []
    stats = {"person": 0, "org": 0, "country": 0, "demonym": 0, "city": 0, "skipped": 0}
    for tag, filename in SOURCES.items():
        for rec in read_actors(source / filename, tag):
            default = norm_code(rec.default, countries) if rec.default else None
            dated = [(c, s, e) for c, s, e in ((norm_code(c, countries), s, e) for c, s, e in rec.dated) if c]
            names = [rec.name, *rec.synonyms]
            bare = [c for c in [default, *(c for c, _, _ in dated)] if c and len(c) == 3]
            if bare and not default:
                default = bare[-1]  # [USRUKR <910824] [UKR >911221]: the country now
            block = bool(bare) and default in countries and (
                not dated or all(len(c) == 3 or not c.startswith(default) for c, _, _ in dated)
                or phrase_of(rec.name).lower() in countries[default][0])
            if tag == "C" and block:
                # a country block: its synonyms are misspellings, demonyms or places in it
                known, adjectives = countries[default]
                for raw in names:
                    phrase = phrase_of(raw)
                    low = phrase.lower()
                    if not phrase or low in known or low in adjectives:
                        continue
                    kind = "city"
                    as_name = max((_similar(low, k) for k in known), default=0.0)
                    as_adjective = max((_similar(low, a) for a in adjectives), default=0.0)
                    if max(as_name, as_adjective) >= 0.85:
                        kind = "country" if as_name > as_adjective else "demonym"
                    stats[kind] += 1
                    rows.append([kind, cased(phrase, "org"), "", default, tag])
                continue
            if not dated and not default:
                stats["skipped"] += 1
                continue
            kind = "person" if (dated or tag == "C") else "org"
            if kind == "org" and default and len(default) == 3:
                stats["skipped"] += 1  # a bare country code: not a role
                continue
            main = phrase_of(rec.name)
            aliases = []
            for raw in names:
                for phrase in (phrase_of(raw), acronym_in(raw)):
                    if phrase and phrase != main and len(phrase) > 1:
                        aliases.append(cased(phrase, kind))
            # "President Putin", "Mr Obama": a title before a listed name is composed at run time
            aliases = [a for a in dict.fromkeys(aliases)
                       if not any(a.endswith(" " + b) for b in (cased(main, kind), *aliases) if b != a)]
            codes = [f"{c}@{iso(s)}..{iso(e)}" for c, s, e in dated]
            if default:
                codes.append(default)
            if not main:
                stats["skipped"] += 1
                continue
            stats[kind] += 1
            rows.append([kind, cased(main, kind), "|".join(dict.fromkeys(aliases)), "|".join(codes), tag])
    return rows, stats


# --- agents ---------------------------------------------------------------------------

_TITLE_HEADS = frozenset(
    "minister president premier chancellor secretary ambassador envoy governor mayor senator "
    "general commander chief king queen prince emir sheikh sultan spokesman spokeswoman "
    "spokesperson director chairman chairwoman chairperson leader head judge prosecutor "
    "attorney lieutenant colonel major captain admiral marshal".split())
_HUMAN_SUFFIXES = ("er", "ist", "ian", "ant", "ent", "or", "man", "men", "woman", "person",
                   "ee", "ary", "ier", "eer", "ic", "ive", "ar")


def plural(word: str) -> str:
    """Regular plurals as PETRARCH forms them (dictionaries.rst, 'Plurals')."""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


# PPL: people in general ("man", "people"): a weak head, a civilian only with a nationality
_PLURAL_PEOPLE = frozenset({"men", "women", "people", "persons"})
_PEOPLE = _PLURAL_PEOPLE | {"man", "woman", "person"}


def agent_sector(code: str) -> tuple[str, list[str]] | None:
    """``~GOVMIL`` -> ("MIL", ["GOV", "MIL"]): defence ministers are MIL as in CAMEO."""
    if not code.startswith("~"):
        return None  # prefix codes (IGO~) name the organisation, not a sector
    parts = [code[i:i + 3] for i in range(1, len(code), 3)]
    parts = ["REL" if p in RELIGION else SECTOR_MAP.get(p, p) for p in parts]
    if not parts or len(parts[0]) != 3:
        return None
    primary = "MIL" if parts[:2] == ["GOV", "MIL"] else parts[0]
    return primary, list(dict.fromkeys(parts))


def convert_agents(source: Path) -> list[list[str]]:
    subs: dict[str, list[str]] = {"MINIST": ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"]}
    rows: dict[str, list[str]] = {}
    for raw in (source / AGENTS).read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = re.match(r"!(\w+)!\s*=\s*(.*)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code_m = re.search(r"\[([^\]]+)\]", line)
        if not code_m:
            continue
        sector = agent_sector(code_m.group(1).strip())
        if sector is None:
            continue
        head = line[:code_m.start()]
        plural_m = re.search(r"\{([^}]*)\}", head)
        explicit = plural_m.group(1).strip() if plural_m else None
        phrase = re.sub(r"\{[^}]*\}", " ", head).strip()
        forms: list[tuple[str, bool]] = []  # (phrase, is plural)
        sub = re.search(r"!(\w+)!|(?:^|_)(MINIST)$", phrase)
        if sub:
            key = sub.group(1) or sub.group(2)
            for word in subs.get(key, []):
                expanded = phrase[:sub.start()] + ("_" if sub.group(2) and sub.start() > 0 else "") + word
                expanded = expanded.replace("__", "_")
                forms.append((expanded, word.endswith(("S", "MEN")) or word == "MINISTRIES"))
        else:
            forms.append((phrase, False))
            if explicit is None:
                forms.append((plural(phrase.lower()).upper(), True))
            elif explicit:
                forms.append((explicit, True))
        for form, is_plural in forms:
            text = " ".join(form.replace("_", " ").lower().split())
            if not text or text in rows:
                continue
            last = text.split()[-1]
            generic = "y" if "PPL" in code_m.group(1) or text in _PEOPLE else ""
            if is_plural or last in _PLURAL_PEOPLE:
                kind = "group"
            elif last in _TITLE_HEADS:
                kind = "title"
            elif last.endswith(("ministry", "ministries", "office", "department", "agency", "court",
                                "council", "committee", "authority", "service", "police", "army")):
                kind = "body"
            elif last.endswith(_HUMAN_SUFFIXES):
                kind = "person"
            else:
                kind = "body"
            rows[text] = [text, sector[0], kind, generic, " ".join(sector[1])]
    return [rows[k] for k in sorted(rows)]


HEADER = """# Converted from the Phoenix dictionaries of PETRARCH2 by scripts/convert_phoenix.py
# (source: {sources}). MIT licence, Copyright (c) 2014 Open Event Data Alliance; see
# LICENSE-phoenix.txt beside this file. Do not edit: re-run the converter instead.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/work/shared/resources/petrarch2"))
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    missing = [n for n in [*SOURCES.values(), AGENTS] if not (args.source / n).is_file()]
    if missing:
        print(f"convert_phoenix: {args.source}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    countries = load_countries(DATA / "countries.tsv")
    rows, stats = convert_actors(args.source, countries)
    rows.sort(key=lambda r: (r[4], r[0], r[1], r[3]))
    actors = args.out / "phoenix-actors.tsv"
    actors.write_text(
        HEADER.format(sources=", ".join(SOURCES.values()))
        + "# source: C Countries, I International, M MilNonState. codes: CODE@START..END (END exclusive)\n"
        + "kind\tname\taliases\tcodes\tsource\n"
        + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    agents = convert_agents(args.source)
    agents_path = args.out / "phoenix-agents.tsv"
    agents_path.write_text(
        HEADER.format(sources=AGENTS)
        + "# sector: the primary CAMEO sector (GOVMIL -> MIL); codes: every sector code of the entry\n"
        + "phrase\tsector\ttype\tgeneric\tcodes\n"
        + "".join("\t".join(r) + "\n" for r in agents), encoding="utf-8")
    print(f"{actors}: {len(rows)} rows {stats}, {actors.stat().st_size // 1024} KiB")
    print(f"{agents_path}: {len(agents)} agent phrases, {agents_path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
