"""One event, many reports: event groups and near-duplicate articles, updated incrementally.

Two event rows are reports of one real-world event when their actors are the
same pair of countries (or codes, for actors without a country) in the same
roles (either order for symmetric acts such as talks or agreements), their
CAMEO codes are compatible (same root, one a prefix of the other, or converse
codes such as make/host a visit), their days are within a day (publication
days within two when the text gives no date) and their places are compatible.

A group counts its mentions (event rows, several per article allowed, as GDELT's
NumMentions), its articles (near-duplicate articles counted once) and its
sources (distinct outlets). Near-duplicates are found by MinHash over word
shingles with LSH bands, so each new article is compared with a few candidates,
not with every stored article. ``update_groups(con, doc_ids)`` is called after
new or re-extracted documents are written; ``rebuild_groups(con)`` starts over.
Settings: ``data/event_grouping.toml``.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import duckdb
import numpy as np

from geoevents.errors import DataFileError

TABLES_SQL: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS event_groups (
        group_id BIGINT PRIMARY KEY, source_key VARCHAR, target_key VARCHAR, cameo VARCHAR,
        day DATE, day_known BOOLEAN, location_geonameid BIGINT, location_lat DOUBLE,
        location_lon DOUBLE, location_country VARCHAR,
        num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
        first_doc_id VARCHAR, first_position INTEGER)""",
    """CREATE TABLE IF NOT EXISTS event_group_members (
        doc_id VARCHAR NOT NULL, position INTEGER NOT NULL, group_id BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS document_fingerprints (
        doc_id VARCHAR PRIMARY KEY, minhash UBIGINT[], duplicate_of VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS document_lsh (band_key VARCHAR NOT NULL, doc_id VARCHAR NOT NULL)""",
)
_MERSENNE = (1 << 61) - 1


@dataclass(frozen=True)
class GroupingSettings:
    symmetric_prefixes: tuple[str, ...]
    converse: dict[str, str]  # second code -> first code
    max_days_apart: int
    max_days_apart_by_publication: int
    max_km_apart: float
    shingle_words: int
    minhash_permutations: int
    lsh_bands: int
    duplicate_threshold: float


@cache
def settings() -> GroupingSettings:
    path = "store/data/event_grouping.toml"
    try:
        raw = tomllib.loads(resources.files("geoevents.store").joinpath("data/event_grouping.toml")
                            .read_text(encoding="utf-8"))
        result = GroupingSettings(
            symmetric_prefixes=tuple(raw["symmetric_prefixes"]),
            converse={pair[1]: pair[0] for pair in raw["converse"]},
            max_days_apart=int(raw["max_days_apart"]),
            max_days_apart_by_publication=int(raw["max_days_apart_by_publication"]),
            max_km_apart=float(raw["max_km_apart"]),
            shingle_words=int(raw["shingle_words"]),
            minhash_permutations=int(raw["minhash_permutations"]),
            lsh_bands=int(raw["lsh_bands"]),
            duplicate_threshold=float(raw["duplicate_threshold"]),
        )
    except (KeyError, ValueError, TypeError, IndexError, tomllib.TOMLDecodeError) as err:
        raise DataFileError(f"{path}: malformed ({type(err).__name__}: {err})") from None
    if result.minhash_permutations % result.lsh_bands:
        raise DataFileError(f"{path}: minhash_permutations must be a multiple of lsh_bands")
    return result


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in TABLES_SQL:
        con.execute(statement)


# -- near-duplicate articles ---------------------------------------------------------------------


@cache
def _permutations(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20251126)  # fixed: signatures must be comparable across runs
    a = rng.integers(1, _MERSENNE, size=n, dtype=np.uint64)
    b = rng.integers(0, _MERSENNE, size=n, dtype=np.uint64)
    return a, b


def minhash(text: str) -> np.ndarray | None:
    """MinHash signature of the text's word shingles; None for texts too short to compare."""
    cfg = settings()
    words = re.findall(r"\w+", text.lower())
    k = cfg.shingle_words
    if len(words) < k + 5:
        return None
    shingles = {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                          % _MERSENNE for s in shingles), dtype=np.uint64, count=len(shingles))
    a, b = _permutations(cfg.minhash_permutations)
    # (a*x + b) mod p with 61-bit values overflows uint64; object ints would be slow, so fold
    # x to 30 bits first: collisions stay negligible for article-sized shingle sets.
    x = (hashes & np.uint64((1 << 30) - 1))[:, None]
    values = (a[None, :] % np.uint64(1 << 31) * x + b[None, :]) % np.uint64(_MERSENNE)
    return values.min(axis=0)


def _band_keys(signature: np.ndarray) -> list[str]:
    cfg = settings()
    rows = cfg.minhash_permutations // cfg.lsh_bands
    return [f"{band}:" + hashlib.sha1(signature[band * rows:(band + 1) * rows].tobytes()).hexdigest()[:16]
            for band in range(cfg.lsh_bands)]


def _fingerprint(con: duckdb.DuckDBPyConnection, doc_id: str, text: str) -> None:
    """Store the document's signature; mark it a duplicate of the earliest similar article."""
    con.execute("DELETE FROM document_fingerprints WHERE doc_id = ?", [doc_id])
    con.execute("DELETE FROM document_lsh WHERE doc_id = ?", [doc_id])
    signature = minhash(text)
    if signature is None:
        con.execute("INSERT INTO document_fingerprints VALUES (?, NULL, NULL)", [doc_id])
        return
    keys = _band_keys(signature)
    candidates = con.execute(
        "SELECT f.doc_id, f.minhash, coalesce(f.duplicate_of, f.doc_id) FROM document_fingerprints f "
        "WHERE f.doc_id IN (SELECT doc_id FROM document_lsh WHERE list_contains(?, band_key)) "
        "ORDER BY f.doc_id", [keys]).fetchall()
    duplicate_of = None
    best = settings().duplicate_threshold
    for _other, other_sig, canonical in candidates:
        similarity = float(np.mean(np.asarray(other_sig, dtype=np.uint64) == signature))
        if similarity >= best:
            best, duplicate_of = similarity, canonical
    con.execute("INSERT INTO document_fingerprints VALUES (?, ?, ?)",
                [doc_id, [int(v) for v in signature], duplicate_of])
    con.executemany("INSERT INTO document_lsh VALUES (?, ?)", [(k, doc_id) for k in keys])


# -- event groups --------------------------------------------------------------------------------


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Unknown places match anything; otherwise same id, country-contains, or near."""
    if a["location_geonameid"] is None and a["location_lat"] is None:
        return True
    if b["location_geonameid"] is None and b["location_lat"] is None:
        return True
    if a["location_geonameid"] is not None and a["location_geonameid"] == b["location_geonameid"]:
        return True
    if None not in (a["location_lat"], a["location_lon"], b["location_lat"], b["location_lon"]):
        if _distance_km(a["location_lat"], a["location_lon"], b["location_lat"], b["location_lon"]) \
                <= settings().max_km_apart:
            return True
    if a["location_country"] and a["location_country"] == b["location_country"]:
        # One of them names the country itself ("in Kyrgyzstan" vs "in Bishkek").
        return bool(a.get("country_level") or b.get("country_level"))
    return False


def cameo_compatible(a: str, b: str) -> bool:
    """Same root, and one code refines the other (042 vs 0421) or the root-level 'X0' code."""
    if not a or not b or a[:2] != b[:2]:
        return False
    return a.startswith(b) or b.startswith(a) or (a.endswith("0") and len(a) == 3) or \
        (b.endswith("0") and len(b) == 3)


def _symmetric(cameo: str) -> bool:
    return any(cameo.startswith(p) for p in settings().symmetric_prefixes) or \
        (len(cameo) == 3 and cameo.endswith("0"))


def normalise_event(row: dict[str, Any]) -> tuple[str | None, str | None, str]:
    """(source key, target key, cameo) with converse codes rewritten and symmetric pairs sorted."""
    cfg = settings()
    source = row["source_country"] or row["source_code"]
    target = row["target_country"] or row["target_code"]
    cameo = row["cameo"] or ""
    for code, first in cfg.converse.items():
        if cameo.startswith(code):
            cameo = first + cameo[len(code):]
            source, target = target, source
            break
    if _symmetric(cameo) and source and target and target < source:
        source, target = target, source
    return source, target, cameo


_EVENTS_SQL = """
SELECT e.doc_id, e.position, e.source_country, e.source_code, e.target_country, e.target_code,
       e.cameo, e.date_from, e.date_to, d.published_date, e.location_geonameid, e.location_lat,
       e.location_lon, e.location_country,
       json_extract_string(e.record, '$.location.feature') = 'country' AS country_level
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE list_contains(?, e.doc_id) AND e.cameo IS NOT NULL
ORDER BY d.ingested_at NULLS LAST, e.doc_id, e.position
"""


def _assign(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> int:
    cfg = settings()
    source, target, cameo = normalise_event(row)
    # The days the event may fall on: its date's interval (a day, a month...) when the text
    # gives one, else the article's publication day with the wider window.
    dated = row["date_from"] is not None
    known = dated and row["date_from"] == row["date_to"]
    first: date | None = row["date_from"] if dated else row["published_date"]
    last: date | None = (row["date_to"] or row["date_from"]) if dated else row["published_date"]
    window = cfg.max_days_apart if dated else cfg.max_days_apart_by_publication
    day = first
    params: list[Any] = [source, target, target, source, cameo[:2]]
    day_sql = "TRUE"
    if first is not None and last is not None:
        day_sql = "(day IS NULL OR day BETWEEN ? AND ?)"
        params += [first - timedelta(days=window), last + timedelta(days=window)]
    candidates = con.execute(
        "SELECT group_id, cameo, location_geonameid, location_lat, location_lon, location_country, "
        "source_key IS DISTINCT FROM ? AS swapped FROM event_groups "
        "WHERE ((source_key IS NOT DISTINCT FROM ? AND target_key IS NOT DISTINCT FROM ?) "
        "    OR (source_key IS NOT DISTINCT FROM ? AND target_key IS NOT DISTINCT FROM ?)) "
        f"AND cameo[1:2] = ? AND {day_sql} ORDER BY group_id", [source, *params]).fetchall()
    for gid, g_cameo, g_geo, g_lat, g_lon, g_country, swapped in candidates:
        if swapped and not (_symmetric(cameo) or _symmetric(g_cameo)):
            continue
        group = {"location_geonameid": g_geo, "location_lat": g_lat, "location_lon": g_lon,
                 "location_country": g_country, "country_level": False}
        if cameo_compatible(cameo, g_cameo) and places_compatible(row, group):
            return int(gid)
    [(gid,)] = con.execute("SELECT coalesce(max(group_id), 0) + 1 FROM event_groups").fetchall()
    con.execute("INSERT INTO event_groups VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)",
                [gid, source, target, cameo, day, known, row["location_geonameid"], row["location_lat"],
                 row["location_lon"], row["location_country"], row["doc_id"], row["position"]])
    return int(gid)


def _recount(con: duckdb.DuckDBPyConnection, group_ids: list[int]) -> None:
    if not group_ids:
        return
    con.execute("""
        UPDATE event_groups g SET num_mentions = c.mentions, num_articles = c.articles,
               num_sources = c.sources
        FROM (SELECT m.group_id, count(*) AS mentions,
                     count(DISTINCT coalesce(f.duplicate_of, m.doc_id)) AS articles,
                     count(DISTINCT coalesce(d.source, regexp_extract(d.url, '^\\w+://([^/]+)', 1),
                                             coalesce(f.duplicate_of, m.doc_id))) AS sources
              FROM event_group_members m
              LEFT JOIN document_fingerprints f ON f.doc_id = m.doc_id
              LEFT JOIN documents d ON d.doc_id = m.doc_id
              WHERE list_contains(?, m.group_id) GROUP BY m.group_id) c
        WHERE g.group_id = c.group_id""", [group_ids])
    con.execute("DELETE FROM event_groups WHERE list_contains(?, group_id) AND group_id NOT IN "
                "(SELECT group_id FROM event_group_members)", [group_ids])


def update_groups(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> int:
    """Fingerprint and group the events of these (new or re-extracted) documents.

    Returns the number of event rows assigned. Runs in its own transaction.
    """
    ensure_tables(con)
    if not doc_ids:
        return 0
    con.execute("BEGIN TRANSACTION")
    try:
        touched = {r[0] for r in con.execute(
            "SELECT DISTINCT group_id FROM event_group_members WHERE list_contains(?, doc_id)",
            [doc_ids]).fetchall()}
        con.execute("DELETE FROM event_group_members WHERE list_contains(?, doc_id)", [doc_ids])
        _recount(con, sorted(touched))
        texts = con.execute("SELECT doc_id, text FROM documents WHERE list_contains(?, doc_id) "
                            "ORDER BY ingested_at NULLS LAST, doc_id", [doc_ids]).fetchall()
        for doc_id, text in texts:
            _fingerprint(con, doc_id, text or "")
        cursor = con.execute(_EVENTS_SQL, [doc_ids])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        assigned = set()
        for row in rows:
            gid = _assign(con, row)
            con.execute("INSERT INTO event_group_members VALUES (?, ?, ?)",
                        [row["doc_id"], row["position"], gid])
            assigned.add(gid)
        _recount(con, sorted(assigned | touched))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(rows)


def rebuild_groups(con: duckdb.DuckDBPyConnection) -> int:
    """Drop every group and fingerprint and group all stored documents again."""
    ensure_tables(con)
    for table in ("event_group_members", "event_groups", "document_lsh", "document_fingerprints"):
        con.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY ingested_at NULLS LAST, doc_id")
           .fetchall()]
    total = 0
    for start in range(0, len(ids), 200):
        total += update_groups(con, ids[start:start + 200])
    return total


def refresh_after_write(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Everything derived from stored events, brought up to date for these documents.

    Called by the store after it writes documents: event groups and near-duplicate
    marks, and the analysis dyad index (when one was built).
    """
    from geoevents.analysis.dyads import update_dyad_index

    update_groups(con, doc_ids)
    update_dyad_index(con, doc_ids)
