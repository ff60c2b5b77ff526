"""Exports: GDELT 2.0 event TSV, and CSV / JSON Lines / Parquet in geoevents' own schema.

Our own schema is one flat row per event: ISO3 country codes, CAMEO and PLOVER,
the event's own date and whether it was placed by the article's publication
date, the location, evidence and trigger offsets into the document text, and
the event group (one real-world event, many reports) with its counts.

The GDELT export writes exactly GDELT 2.0's 61 event columns, one row per
real-world event (event group; one per event when no groups exist), no header,
tab-separated. GDELT uses FIPS 10-4 country codes in its geography fields
(``*Geo_CountryCode``, ``ActionGeo_FeatureID`` for countries) and CAMEO's
3-letter (ISO3) codes for actors; ``data/iso3_fips.tsv`` maps between them.
Fields geoevents does not compute (AvgTone, actor geography, ethnic and
religious codes) are left blank, as GDELT leaves unknown fields.
"""

from __future__ import annotations

import csv
import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from geoevents.errors import DataFileError, InputError, StoreError
from geoevents.store.filters import event_filters
from geoevents.store.schema import TABLES

FORMATS: tuple[str, ...] = ("gdelt", "csv", "jsonl", "parquet")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61


@cache
def iso3_to_fips() -> dict[str, tuple[str, str]]:
    """ISO3 -> (FIPS 10-4 code, English name), from ``data/iso3_fips.tsv``."""
    text = resources.files("geoevents.store").joinpath("data/iso3_fips.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    if not rows or rows[0] != ["iso3", "fips", "name"]:
        raise DataFileError("store/data/iso3_fips.tsv: expected the header iso3<TAB>fips<TAB>name")
    table = {r[0]: (r[1], r[2]) for r in rows[1:] if len(r) == 3}
    if len(table) < 200:
        raise DataFileError(f"store/data/iso3_fips.tsv: only {len(table)} countries, expected ~250")
    return table


def _groups_available(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                       "('event_groups', 'event_group_members')").fetchone()
    return bool(rows and rows[0] == 2)


#: columns of our own export computed from the stored ones, after the column they follow
_DERIVED = {"date": ["coalesce(e.date_from, d.published_date) AS day"],
            "date_to": ["e.date_from IS NULL AS placed_by_published"]}


def own_event_columns() -> list[str]:
    """The SELECT list of the events in our own export: every column of the store's ``events``
    table (derived from ``model.Event`` in ``store/schema.py``) but the bookkeeping, ``status``
    read next to the event code, ``day`` and ``placed_by_published`` next to the dates."""
    names = [c.name for c in TABLES["events"] if c.name not in ("doc_id", "position", "pipeline_version",
                                                                 "record", "status")]
    out: list[str] = []
    for name in names:
        if name == "date":
            out.append("e.status")
        out += [f"e.{name}", *_DERIVED.get(name, [])]
    return out


def _own_schema_sql(con: duckdb.DuckDBPyConnection, where_sql: str) -> str:
    grouped = _groups_available(con)
    group_cols = ("m.group_id, g.num_mentions, g.num_sources, g.num_articles" if grouped else
                  "NULL::BIGINT AS group_id, 1 AS num_mentions, 1 AS num_sources, 1 AS num_articles")
    group_join = ("LEFT JOIN event_group_members m ON m.doc_id = e.doc_id AND m.position = e.position "
                  "LEFT JOIN event_groups g ON g.group_id = m.group_id") if grouped else ""
    return f"""
    SELECT e.doc_id || ':' || e.position AS event_id, e.doc_id, e.position,
           {", ".join(own_event_columns())},
           {group_cols},
           d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.published AS doc_published,
           e.pipeline_version
    FROM (SELECT * FROM events {where_sql}) e
    LEFT JOIN documents d ON d.doc_id = e.doc_id
    {group_join}
    ORDER BY day NULLS LAST, e.doc_id, e.position
    """


def export_events(con: duckdb.DuckDBPyConnection, path: str | Path, fmt: str, *,
                  filters: dict[str, Any] | None = None, header: bool = False) -> int:
    """Write the (filtered) events to ``path`` in ``fmt``; returns the number of rows written.

    ``filters`` take the keys of ``Store.events`` (actor, target, type, since, until, status, doc_id).
    ``header`` adds GDELT column names as a first line (GDELT's own files have none).
    """
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(path)
    if str(out.parent) and not out.parent.is_dir():
        raise InputError(f"{out}: directory {out.parent} does not exist")
    where = event_filters(**(filters or {}))
    if fmt == "gdelt":
        return _export_gdelt(con, out, where.sql(), where.params, header)
    sql = _own_schema_sql(con, where.sql())
    tmp = out.with_name(out.name + ".part")
    options = {"csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json",
               "parquet": "FORMAT parquet, COMPRESSION zstd"}[fmt]
    try:
        con.execute(f"COPY ({sql}) TO '{_sql_path(tmp)}' ({options})", where.params)
        [(count,)] = con.execute(f"SELECT count(*) FROM events {where.sql()}", where.params).fetchall()
    except duckdb.Error as err:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{out}: export failed ({str(err).splitlines()[0]})") from None
    tmp.replace(out)
    return int(count)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


# -- GDELT -------------------------------------------------------------------------------------


def _gdelt_rows_sql(con: duckdb.DuckDBPyConnection, where_sql: str) -> str:
    """One row per real-world event: the group's first report carries the fields."""
    grouped = _groups_available(con)
    if grouped:
        pick = f"""
        SELECT e.*, g.group_id AS gid, g.num_mentions, g.num_sources, g.num_articles
        FROM (SELECT * FROM events {where_sql}) e
        JOIN event_group_members m ON m.doc_id = e.doc_id AND m.position = e.position
        JOIN event_groups g ON g.group_id = m.group_id
        QUALIFY row_number() OVER (PARTITION BY g.group_id ORDER BY e.doc_id, e.position) = 1
        UNION ALL
        SELECT e.*, NULL AS gid, 1, 1, 1
        FROM (SELECT * FROM events {where_sql}) e
        ANTI JOIN event_group_members m ON m.doc_id = e.doc_id AND m.position = e.position
        """
    else:
        pick = f"SELECT e.*, NULL AS gid, 1 AS num_mentions, 1 AS num_sources, 1 AS num_articles " \
               f"FROM (SELECT * FROM events {where_sql}) e"
    return f"""
    SELECT p.doc_id, p.position, p.gid, coalesce(p.date_from, d.published_date) AS day,
           p.source_code, p.source_name, p.source_country, p.source_sector,
           p.target_code, p.target_name, p.target_country, p.target_sector,
           p.cameo, p.quad_class, p.goldstein, p.num_mentions, p.num_sources, p.num_articles,
           p.location_name, p.location_lat, p.location_lon, p.location_country, p.location_geonameid,
           json_extract_string(p.record, '$.location.feature') AS location_feature,
           p.evidence_start < coalesce(nullif(strpos(d.text, chr(10) || chr(10)), 0), length(d.text) + 1)
               AS in_lead,
           d.ingested_at, coalesce(d.url, d.doc_id) AS source_url
    FROM ({pick}) p LEFT JOIN documents d ON d.doc_id = p.doc_id
    ORDER BY day NULLS LAST, p.doc_id, p.position
    """


def _global_id(doc_id: str, position: int, gid: Any) -> int:
    """A stable positive 62-bit integer per real-world event."""
    key = f"group:{gid}" if gid is not None else f"{doc_id}:{position}"
    return int(hashlib.sha1(key.encode()).hexdigest()[:15], 16)


def _known_group(code: str | None, sector: str | None) -> str:
    if code and sector in ("IGO", "NGO") and code.startswith(sector) and len(code) >= 6:
        return code[3:6]
    return ""


def _geo_type(country: str | None, feature: str | None) -> str:
    """GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if not country and not feature:
        return ""
    if feature == "country":
        return "1"
    if feature == "admin1":
        return "2" if country == "USA" else "5"
    return "3" if country == "USA" else "4"


def _num(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.1f}"
    return str(value)


def gdelt_row(r: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event row (61 strings) from a row of ``_gdelt_rows_sql``."""
    fips = iso3_to_fips()
    day = r["day"]
    sqldate = day.strftime("%Y%m%d") if day else ""
    fraction = f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else ""
    cameo = r["cameo"] or ""

    def actor(role: str) -> list[str]:
        code, sector = r[f"{role}_code"], r[f"{role}_sector"]
        name = (r[f"{role}_name"] or "").upper()
        return [code or "", name, r[f"{role}_country"] or "", _known_group(code, sector), "", "", "",
                sector if sector and sector not in ("IGO", "NGO") else "", "", ""]

    loc_country = r["location_country"]
    loc_fips, loc_country_name = fips.get(loc_country or "", ("", ""))
    geo_type = _geo_type(loc_country, r["location_feature"]) if r["location_name"] else ""
    full_name = ""
    if r["location_name"]:
        parts = [r["location_name"]]
        if loc_country_name and loc_country_name != r["location_name"]:
            parts.append(loc_country_name)
        full_name = ", ".join(parts)
    feature_id = ""
    if geo_type == "1":
        feature_id = loc_fips
    elif r["location_geonameid"] is not None:
        feature_id = str(r["location_geonameid"])  # GeoNames id (GDELT uses GNS ids)
    added = r["ingested_at"].strftime("%Y%m%d%H%M%S") if r["ingested_at"] else ""
    row = [
        str(_global_id(r["doc_id"], r["position"], r["gid"])), sqldate, sqldate[:6], sqldate[:4], fraction,
        *actor("source"), *actor("target"),
        "1" if r["in_lead"] else "0", cameo, cameo[:3], cameo[:2],
        _num(r["quad_class"]), _num(r["goldstein"]),
        _num(r["num_mentions"]), _num(r["num_sources"]), _num(r["num_articles"]), "",
        *([""] * 8), *([""] * 8),
        geo_type, full_name, loc_fips if geo_type else "",
        loc_fips if geo_type == "1" else "", "",
        _num(r["location_lat"]) if geo_type else "", _num(r["location_lon"]) if geo_type else "", feature_id,
        added, r["source_url"] or "",
    ]
    assert len(row) == 61, len(row)
    return [value.replace("\t", " ").replace("\n", " ") for value in row]


def _export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, where_sql: str, params: list[Any],
                  header: bool) -> int:
    try:
        cursor = con.execute(_gdelt_rows_sql(con, where_sql), params * (2 if _groups_available(con) else 1))
        names = [d[0] for d in cursor.description]
        tmp = out.with_name(out.name + ".part")
        count = 0
        with open(tmp, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                escapechar="\\")
            if header:
                writer.writerow(GDELT_COLUMNS)
            while rows := cursor.fetchmany(10_000):
                for values in rows:
                    writer.writerow(gdelt_row(dict(zip(names, values, strict=True))))
                    count += 1
    except duckdb.Error as err:
        raise StoreError(f"{out}: export failed ({str(err).splitlines()[0]})") from None
    tmp.replace(out)
    return count
