"""Import dated roles from Wikidata query results (SPARQL 1.1 JSON) into a people table.

The query should return, per row, a person (``?person`` URI and ``?personLabel``), the
position held (P39: ``?positionLabel``), its start (P580: ``?start``) and end (P582:
``?end``) qualifiers, and the country, as ``?iso3`` (P298 of the jurisdiction), or
``?country`` (a country item known to ``countries.tsv``) or ``?countryLabel``.
Optional: ``?sector`` (a CAMEO sector), ``?gender`` (Q6581097 male, Q6581072 female).
The result is a ``people*.tsv`` file the actor dictionary loads beside ``people.tsv``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geoevents.actors.lexicon import PEOPLE_COLUMNS, SECTORS, Lexicon, fold
from geoevents.errors import InputError

_MALE, _FEMALE = "Q6581097", "Q6581072"


@dataclass(frozen=True, slots=True)
class ImportResult:
    rows: int
    people: int
    skipped: int
    output: Path


def _value(binding: dict, name: str) -> str:
    cell = binding.get(name)
    return str(cell.get("value", "")).strip() if isinstance(cell, dict) else ""


def _qid(uri: str) -> str:
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return tail if tail[:1] == "Q" and tail[1:].isdigit() else ""


def _date(value: str) -> str:
    return value[:10] if len(value) >= 10 and value[4] == "-" and value[:4].isdigit() else ""


def _sector_of(position: str, lex: Lexicon) -> str:
    """The sector a position's label implies ("Minister of Defence of Russia" -> MIL)."""
    label = fold(position)
    best = ""
    for phrase in lex.agents:
        if phrase in label and len(phrase) > len(best):
            best = phrase
    return lex.agents[best].sector if best else "GOV"


def _country_of(binding: dict, lex: Lexicon) -> str:
    iso3 = _value(binding, "iso3").upper()
    if iso3 in lex.countries:
        return iso3
    qid = _qid(_value(binding, "country"))
    if qid in lex.by_qid:
        return lex.by_qid[qid]
    return lex.by_name.get(fold(_value(binding, "countryLabel")), "")


def read_bindings(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not SPARQL JSON results ({err})") from None
    bindings = data.get("results", {}).get("bindings") if isinstance(data, dict) else None
    if not isinstance(bindings, list):
        raise InputError(f"{path}: expected SPARQL JSON results with results.bindings")
    return bindings


def import_wikidata(path: Path, output: Path, lex: Lexicon, short_names: bool = True) -> ImportResult:
    """Write ``output`` (a people table) from the query results in ``path``."""
    bindings = read_bindings(path)
    rows: list[list[str]] = []
    seen: set[str] = set()
    skipped = 0
    for i, binding in enumerate(bindings, 1):
        if not isinstance(binding, dict):
            raise InputError(f"{path}: binding {i} is not an object")
        name = _value(binding, "personLabel")
        country = _country_of(binding, lex)
        if not name or not country:
            skipped += 1
            continue
        position = _value(binding, "positionLabel")
        sector = _value(binding, "sector").upper() or _sector_of(position, lex)
        if sector not in SECTORS:
            raise InputError(f"{path}: binding {i}: unknown sector {sector!r}")
        gender_qid = _qid(_value(binding, "gender"))
        gender = "M" if gender_qid == _MALE else "F" if gender_qid == _FEMALE else ""
        first = name not in seen
        seen.add(name)
        tokens = name.split()
        alias = tokens[-1] if short_names and len(tokens) > 1 and len(tokens[-1]) >= 4 else ""
        start, end = _date(_value(binding, "start")), _date(_value(binding, "end"))
        rows.append([name, alias if first else "", _qid(_value(binding, "person")) if first else "",
                     gender if first else "", country, position.replace("\t", " "), sector, start, end])
    if not rows:
        raise InputError(f"{path}: no usable rows (each needs personLabel and a known country)")
    header = ["# Imported from Wikidata query results (P39 position held, P580 start, P582 end)",
              f"# source file: {path.name}; re-run 'geoevents actors import wikidata' to refresh.",
              "\t".join(PEOPLE_COLUMNS)]
    output.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    return ImportResult(len(rows), len(seen), skipped, output)
