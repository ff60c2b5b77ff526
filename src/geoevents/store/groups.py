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
It works per batch (one query for the stored LSH candidates, one for the candidate
groups, bulk inserts) and gives the same result as writing the documents one at a time.
Settings: ``data/event_grouping.toml``.
"""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

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


def _shingle_hashes(text: str, k: int) -> np.ndarray | None:
    words = re.findall(r"\w+", text.lower())
    if len(words) < k + 5:
        return None
    shingles = {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}
    return np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                        % _MERSENNE for s in shingles), dtype=np.uint64, count=len(shingles))


def minhash_many(texts: list[str]) -> list[np.ndarray | None]:
    """MinHash signatures of many texts in one numpy pass (None for texts too short to compare)."""
    cfg = settings()
    per_text = [_shingle_hashes(text, cfg.shingle_words) for text in texts]
    present = [h for h in per_text if h is not None]
    if not present:
        return [None] * len(texts)
    a, b = _permutations(cfg.minhash_permutations)
    # (a*x + b) mod p with 61-bit values overflows uint64; object ints would be slow, so fold
    # x to 30 bits first: collisions stay negligible for article-sized shingle sets.
    x = (np.concatenate(present) & np.uint64((1 << 30) - 1))[:, None]
    values = (a[None, :] % np.uint64(1 << 31) * x + b[None, :]) % np.uint64(_MERSENNE)
    offsets = np.cumsum([0] + [len(h) for h in present[:-1]])
    signatures = iter(np.minimum.reduceat(values, offsets, axis=0))
    return [None if h is None else next(signatures) for h in per_text]


def minhash(text: str) -> np.ndarray | None:
    """MinHash signature of the text's word shingles; None for texts too short to compare."""
    return minhash_many([text])[0]


def _band_keys(signature: np.ndarray) -> list[str]:
    cfg = settings()
    rows = cfg.minhash_permutations // cfg.lsh_bands
    return [f"{band}:" + hashlib.sha1(signature[band * rows:(band + 1) * rows].tobytes()).hexdigest()[:16]
            for band in range(cfg.lsh_bands)]


def _with_view(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table, sql: str,
               params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con.register(name, table)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.unregister(name)


def _stored_candidates(con: duckdb.DuckDBPyConnection, band_keys: list[str]
                       ) -> list[tuple[str, np.ndarray, str | None, list[str]]]:
    """Stored articles sharing any of these band keys: (doc, signature, duplicate_of, shared keys)."""
    if not band_keys:
        return []
    view = "geoevents_batch_band_keys"
    con.register(view, pa.table({"band_key": pa.array(band_keys, pa.string())}))
    try:
        found = con.sql(
            "SELECT f.doc_id, f.minhash, f.duplicate_of, c.bands FROM document_fingerprints f JOIN "
            f"(SELECT l.doc_id, list(l.band_key) AS bands FROM document_lsh l JOIN {view} k "
            "ON k.band_key = l.band_key GROUP BY l.doc_id) c ON c.doc_id = f.doc_id "
            "WHERE f.minhash IS NOT NULL").to_arrow_table()
    finally:
        con.unregister(view)
    if found.num_rows == 0:
        return []
    signatures = found.column("minhash").combine_chunks().flatten().to_numpy(zero_copy_only=False) \
        .astype(np.uint64).reshape(found.num_rows, -1)
    return list(zip(found.column("doc_id").to_pylist(), signatures,
                    found.column("duplicate_of").to_pylist(), found.column("bands").to_pylist(), strict=True))


def _fingerprint_batch(con: duckdb.DuckDBPyConnection, docs: list[tuple[str, str]]) -> None:
    """Store the documents' signatures; mark each a duplicate of the earliest similar article.

    Documents are taken in the given order, each compared with the stored articles and the
    earlier ones of the batch sharing an LSH band, as if written one at a time; the stored
    candidates of the whole batch come from one join on band keys.
    """
    ids = [doc_id for doc_id, _ in docs]
    signatures = minhash_many([text for _, text in docs])
    keys = [None if sig is None else _band_keys(sig) for sig in signatures]
    batch_keys = sorted({k for ks in keys if ks for k in ks})
    # The current state, as the one-at-a-time writer would see it: each known signature is a
    # row of `matrix` with its doc and canonical article; band key -> rows holding it. Stored
    # rows of batch documents stay until that document's turn comes.
    stored = _stored_candidates(con, batch_keys)
    width = settings().minhash_permutations
    matrix = np.zeros((len(stored) + len(ids), width), dtype=np.uint64)
    row_doc: list[str] = []
    row_canonical: list[str] = []
    live_row: dict[str, int] = {}
    band_rows: dict[str, set[int]] = {}
    row_bands: dict[int, list[str]] = {}

    def add(doc_id: str, signature: np.ndarray, canonical: str, bands: list[str]) -> None:
        row = len(row_doc)
        matrix[row] = signature
        row_doc.append(doc_id)
        row_canonical.append(canonical)
        live_row[doc_id] = row
        row_bands[row] = bands
        for band_key in bands:
            band_rows.setdefault(band_key, set()).add(row)

    for doc_id, signature, duplicate_of, bands in stored:
        add(doc_id, signature, doc_id if duplicate_of is None else duplicate_of, bands)
    threshold = settings().duplicate_threshold
    marks: list[str | None] = []
    for doc_id, signature, doc_keys in zip(ids, signatures, keys, strict=True):
        old = live_row.pop(doc_id, None)
        if old is not None:
            for band_key in row_bands.pop(old):
                band_rows[band_key].discard(old)
        if signature is None or doc_keys is None:
            marks.append(None)
            continue
        rows = sorted(set().union(*(band_rows.get(k, ()) for k in doc_keys)), key=row_doc.__getitem__)
        duplicate_of = None
        if rows:
            similarities = (matrix[rows] == signature[None, :]).mean(axis=1)
            best = threshold
            for row, similarity in zip(rows, similarities.tolist(), strict=True):
                if similarity >= best:
                    best, duplicate_of = similarity, row_canonical[row]
        marks.append(duplicate_of)
        add(doc_id, signature, doc_id if duplicate_of is None else duplicate_of, list(doc_keys))
    id_list = pa.array(ids, pa.string())
    for table in ("document_fingerprints", "document_lsh"):
        _with_view(con, "geoevents_batch_fp_ids", pa.table({"doc_id": id_list}),
                   f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM geoevents_batch_fp_ids)")
    fingerprints = pa.table({
        "doc_id": id_list,
        "minhash": pa.array([None if sig is None else sig for sig in signatures], pa.list_(pa.uint64())),
        "duplicate_of": pa.array(marks, pa.string()),
    })
    _with_view(con, "geoevents_batch_fingerprints", fingerprints,
               "INSERT INTO document_fingerprints SELECT doc_id, minhash, duplicate_of "
               "FROM geoevents_batch_fingerprints")
    lsh = pa.table({"band_key": pa.array([k for ks in keys if ks for k in ks], pa.string()),
                    "doc_id": pa.array([d for d, ks in zip(ids, keys, strict=True) if ks for _ in ks],
                                       pa.string())})
    if lsh.num_rows:
        _with_view(con, "geoevents_batch_lsh", lsh,
                   "INSERT INTO document_lsh SELECT band_key, doc_id FROM geoevents_batch_lsh")


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


@dataclass
class _Group:
    group_id: int
    source_key: str | None
    target_key: str | None
    cameo: str
    day: date | None
    location: dict[str, Any]


class _GroupIndex:
    """The groups of the batch's dyads, fetched in one query, plus those the batch creates."""

    def __init__(self, con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
        keys = {(source, target, cameo[:2]) for source, target, cameo in map(normalise_event, rows)}
        wanted = keys | {(target, source, prefix) for source, target, prefix in keys}
        self._by_key: dict[tuple[str | None, str | None, str], list[_Group]] = {}
        [(self._last_id,)] = con.execute("SELECT coalesce(max(group_id), 0) FROM event_groups").fetchall()
        self.created: list[tuple[_Group, str, int, bool]] = []
        if not wanted:
            return
        dyads = pa.table({"s": pa.array([k[0] for k in wanted], pa.string()),
                          "t": pa.array([k[1] for k in wanted], pa.string()),
                          "c": pa.array([k[2] for k in wanted], pa.string())})
        found = _with_view(
            con, "geoevents_batch_dyads", dyads,
            "SELECT g.group_id, g.source_key, g.target_key, g.cameo, g.day, g.location_geonameid, "
            "g.location_lat, g.location_lon, g.location_country FROM event_groups g "
            "JOIN geoevents_batch_dyads k ON g.source_key IS NOT DISTINCT FROM k.s "
            "AND g.target_key IS NOT DISTINCT FROM k.t AND g.cameo[1:2] = k.c ORDER BY g.group_id")
        for gid, source, target, cameo, day, geo, lat, lon, country in found:
            self._add(_Group(int(gid), source, target, cameo, day, _group_location(geo, lat, lon, country)))

    def _add(self, group: _Group) -> None:
        self._by_key.setdefault((group.source_key, group.target_key, group.cameo[:2]), []).append(group)

    def candidates(self, source: str | None, target: str | None, prefix: str) -> list[_Group]:
        found = self._by_key.get((source, target, prefix), [])
        if source != target:
            found = found + self._by_key.get((target, source, prefix), [])
        return sorted(found, key=lambda g: g.group_id)

    def create(self, row: dict[str, Any], source: str | None, target: str | None, cameo: str,
               day: date | None, known: bool) -> int:
        self._last_id += 1
        group = _Group(self._last_id, source, target, cameo, day,
                       _group_location(row["location_geonameid"], row["location_lat"], row["location_lon"],
                                       row["location_country"]))
        self._add(group)
        self.created.append((group, row["doc_id"], row["position"], known))
        return group.group_id

    def insert_created(self, con: duckdb.DuckDBPyConnection) -> None:
        if not self.created:
            return
        groups = [g for g, *_ in self.created]
        table = pa.table({
            "group_id": pa.array([g.group_id for g in groups], pa.int64()),
            "source_key": pa.array([g.source_key for g in groups], pa.string()),
            "target_key": pa.array([g.target_key for g in groups], pa.string()),
            "cameo": pa.array([g.cameo for g in groups], pa.string()),
            "day": pa.array([g.day for g in groups], pa.date32()),
            "day_known": pa.array([known for *_, known in self.created], pa.bool_()),
            "location_geonameid": pa.array([g.location["location_geonameid"] for g in groups], pa.int64()),
            "location_lat": pa.array([g.location["location_lat"] for g in groups], pa.float64()),
            "location_lon": pa.array([g.location["location_lon"] for g in groups], pa.float64()),
            "location_country": pa.array([g.location["location_country"] for g in groups], pa.string()),
            "first_doc_id": pa.array([doc_id for _, doc_id, _, _ in self.created], pa.string()),
            "first_position": pa.array([position for _, _, position, _ in self.created], pa.int32()),
        })
        _with_view(con, "geoevents_batch_new_groups", table,
                   "INSERT INTO event_groups SELECT group_id, source_key, target_key, cameo, day, day_known, "
                   "location_geonameid, location_lat, location_lon, location_country, 0, 0, 0, "
                   "first_doc_id, first_position FROM geoevents_batch_new_groups")


def _group_location(geo: Any, lat: Any, lon: Any, country: Any) -> dict[str, Any]:
    return {"location_geonameid": geo, "location_lat": lat, "location_lon": lon,
            "location_country": country, "country_level": False}


def _shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, clamped to the calendar's range (years 1 to 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _assign(index: _GroupIndex, row: dict[str, Any]) -> int:
    cfg = settings()
    source, target, cameo = normalise_event(row)
    # The days the event may fall on: its date's interval (a day, a month...) when the text
    # gives one, else the article's publication day with the wider window.
    dated = row["date_from"] is not None
    known = dated and row["date_from"] == row["date_to"]
    first: date | None = row["date_from"] if dated else row["published_date"]
    last: date | None = (row["date_to"] or row["date_from"]) if dated else row["published_date"]
    window = cfg.max_days_apart if dated else cfg.max_days_apart_by_publication
    low = high = None
    if first is not None and last is not None:
        low, high = _shift(first, -window), _shift(last, window)
    for group in index.candidates(source, target, cameo[:2]):
        if low is not None and group.day is not None and not (low <= group.day <= high):
            continue
        swapped = group.source_key != source
        if swapped and not (_symmetric(cameo) or _symmetric(group.cameo)):
            continue
        if cameo_compatible(cameo, group.cameo) and places_compatible(row, group.location):
            return group.group_id
    return index.create(row, source, target, cameo, first, known)


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


def update_groups(con: duckdb.DuckDBPyConnection, doc_ids: list[str], *, own_transaction: bool = True
                  ) -> int:
    """Fingerprint and group the events of these (new or re-extracted) documents.

    Returns the number of event rows assigned. Runs in its own transaction, or (with
    ``own_transaction=False``) in the caller's: the store groups a batch's events in the
    transaction that writes them.
    """
    ensure_tables(con)
    if not doc_ids:
        return 0
    if own_transaction:
        con.execute("BEGIN TRANSACTION")
    try:
        touched = {r[0] for r in con.execute(
            "SELECT DISTINCT group_id FROM event_group_members WHERE list_contains(?, doc_id)",
            [doc_ids]).fetchall()}
        con.execute("DELETE FROM event_group_members WHERE list_contains(?, doc_id)", [doc_ids])
        _recount(con, sorted(touched))
        texts = con.execute("SELECT doc_id, text FROM documents WHERE list_contains(?, doc_id) "
                            "ORDER BY ingested_at NULLS LAST, doc_id", [doc_ids]).fetchall()
        _fingerprint_batch(con, [(doc_id, text or "") for doc_id, text in texts])
        cursor = con.execute(_EVENTS_SQL, [doc_ids])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        index = _GroupIndex(con, rows)
        members = [_assign(index, row) for row in rows]
        index.insert_created(con)
        if rows:
            _with_view(con, "geoevents_batch_members", pa.table({
                "doc_id": pa.array([row["doc_id"] for row in rows], pa.string()),
                "position": pa.array([row["position"] for row in rows], pa.int32()),
                "group_id": pa.array(members, pa.int64())}),
                "INSERT INTO event_group_members SELECT * FROM geoevents_batch_members")
        assigned = set(members)
        _recount(con, sorted(assigned | touched))
        if own_transaction:
            con.execute("COMMIT")
    except BaseException:
        if own_transaction:
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


#: Indexes that other packages derive from stored events (analysis' dyad index), refreshed in
#: the transaction that writes the documents; their owners register them on import.
WriteHook = Callable[[duckdb.DuckDBPyConnection, list[str]], None]
_WRITE_HOOKS: list[WriteHook] = []


def register_write_hook(hook: WriteHook) -> None:
    """Run ``hook(con, doc_ids)`` after every write, inside its transaction."""
    if hook not in _WRITE_HOOKS:
        _WRITE_HOOKS.append(hook)


def refresh_after_write(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Everything derived from stored events, brought up to date for these documents.

    Called by the store inside the transaction that writes the documents: event groups and
    near-duplicate marks, then the registered hooks (the analysis dyad index, when built).
    """
    update_groups(con, doc_ids, own_transaction=False)
    for hook in _WRITE_HOOKS:
        hook(con, doc_ids)
