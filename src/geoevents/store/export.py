"""Exports: GDELT 2.0 event TSV, and CSV / JSON Lines / Parquet in geoevents' own schema.

Our own schema is one flat row per event: ISO3 country codes, CAMEO and PLOVER,
the event's own date and whether it was placed by the article's publication
date, the location, evidence and trigger offsets into the document text, the
event's tone and its article's, and the event group (one real-world event, many
reports) with its counts.

The GDELT export writes exactly GDELT 2.0's 61 event columns, one row per
real-world event (event group; one per event when no groups exist), no header,
tab-separated. GDELT uses FIPS 10-4 country codes in its geography fields
(``*Geo_CountryCode``, ``*Geo_FeatureID`` for countries) and CAMEO's 3-letter
(ISO3) codes for actors; ``store/countries.py`` maps between them and gives each
country's centre. Filled as far as the data allows (docs/relations.md, "Exports"):
``AvgTone`` is the mean tone of the articles reporting the event, as GDELT's;
``Actor1Geo``/``Actor2Geo`` are the event's place when it lies in the actor's
country, else the actor's country (GDELT's country-level geography, type 1);
``ActionGeo`` is the event's place, else its country; ``SOURCEURL`` is the article's
URL or empty. Fields geoevents does not compute (ethnic and religious codes,
Type2/Type3, ADM2) are blank, as GDELT leaves unknown fields.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoevents.errors import InputError, StoreError
from geoevents.store.countries import country_centres, iso3_to_fips
from geoevents.store.filters import event_filters

if TYPE_CHECKING:  # DuckDB and the schema (pyarrow) load when an export runs, not on import
    import duckdb

__all__ = ["FORMATS", "GDELT_COLUMNS", "ExportResult", "export_events", "gdelt_row", "iso3_to_fips",
           "own_event_columns"]

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
    from geoevents.store.schema import TABLES

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
           d.tone AS doc_tone, e.pipeline_version
    FROM (SELECT * FROM events {where_sql}) e
    LEFT JOIN documents d ON d.doc_id = e.doc_id
    {group_join}
    ORDER BY day NULLS LAST, e.doc_id, e.position
    """


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: ``events`` matched the filters, ``rows`` were written. Our own
    formats write one row per event. GDELT writes one per real-world event: the
    ``merged_events`` that are several reports of one event (an event group with two or
    more of them) became ``merged_rows`` rows, and every other event one row."""

    fmt: str
    events: int
    rows: int
    merged_rows: int = 0
    merged_events: int = 0
    without_tone: int = 0  # GDELT rows with no AvgTone (stored before tone was computed)

    def line(self, output: str | Path) -> str:
        """One line for the command line: what was written and why the counts differ."""
        if self.fmt != "gdelt":
            return f"{_count(self.events, 'event')} written to {output} ({self.fmt}, one row per event)"
        head = f"{_count(self.events, 'event')} written to {output} as {_count(self.rows, 'GDELT row')}"
        if not self.merged_rows:
            return f"{head} (one row per real-world event; no event was reported twice)"
        return (f"{head} (one row per real-world event: {_count(self.merged_events, 'event')} "
                f"{'is' if self.merged_events == 1 else 'are'} reports of "
                f"{_count(self.merged_rows, 'event')} reported more than once, one row each with "
                f"NumMentions and NumArticles counting the reports; the other "
                f"{_count(self.rows - self.merged_rows, 'event')} one row each)")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def export_events(con: duckdb.DuckDBPyConnection, path: str | Path, fmt: str, *,
                  filters: dict[str, Any] | None = None, header: bool = False) -> ExportResult:
    """Write the (filtered) events to ``path`` in ``fmt``; returns what was written.

    ``filters`` take the keys of ``Store.events`` (actor, target, type, since, until, status, doc_id,
    min_tone, max_tone). ``header`` adds GDELT column names as a first line (GDELT's own files have none).
    """
    import duckdb

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(path)
    if str(out.parent) and not out.parent.is_dir():
        raise InputError(f"{out}: directory {out.parent} does not exist")
    where = event_filters(**{k: v for k, v in (filters or {}).items() if v is not None})
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
    return ExportResult(fmt, int(count), int(count))


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


# -- GDELT -------------------------------------------------------------------------------------


def _gdelt_rows_sql(con: duckdb.DuckDBPyConnection, where_sql: str) -> str:
    """One row per real-world event: the group's first report carries the fields; ``avg_tone``
    is the mean tone of the distinct articles reporting it (GDELT's AvgTone)."""
    if _groups_available(con):
        pick = """
        SELECT f.*, g.group_id AS gid, g.num_mentions, g.num_sources, g.num_articles
        FROM filtered f
        JOIN event_group_members m ON m.doc_id = f.doc_id AND m.position = f.position
        JOIN event_groups g ON g.group_id = m.group_id
        QUALIFY row_number() OVER (PARTITION BY g.group_id ORDER BY f.doc_id, f.position) = 1
        UNION ALL
        SELECT f.*, NULL AS gid, 1, 1, 1
        FROM filtered f
        ANTI JOIN event_group_members m ON m.doc_id = f.doc_id AND m.position = f.position
        """
        group_tone = """
        SELECT a.group_id AS gid, avg(d.tone) AS tone
        FROM (SELECT DISTINCT group_id, doc_id FROM event_group_members
              WHERE group_id IN (SELECT gid FROM picked WHERE gid IS NOT NULL)) a
        JOIN documents d ON d.doc_id = a.doc_id GROUP BY a.group_id
        """
        grouped_events = """(SELECT count(*) FROM filtered f JOIN event_group_members m
                             ON m.doc_id = f.doc_id AND m.position = f.position
                             WHERE m.group_id = p.gid)"""
    else:
        pick = ("SELECT f.*, NULL AS gid, 1 AS num_mentions, 1 AS num_sources, 1 AS num_articles "
                "FROM filtered f")
        group_tone = "SELECT NULL::BIGINT AS gid, NULL::DOUBLE AS tone"
        grouped_events = "1"
    return f"""
    WITH filtered AS (SELECT * FROM events {where_sql}),
         picked AS ({pick}),
         group_tone AS ({group_tone})
    SELECT p.doc_id, p.position, p.gid, coalesce(p.date_from, d.published_date) AS day,
           p.source_code, p.source_name, p.source_country, p.source_sector,
           p.target_code, p.target_name, p.target_country, p.target_sector,
           p.cameo, p.quad_class, p.goldstein, p.num_mentions, p.num_sources, p.num_articles,
           p.location_name, p.location_lat, p.location_lon, p.location_country, p.location_geonameid,
           json_extract_string(p.record, '$.location.feature') AS location_feature,
           p.evidence_start < coalesce(nullif(strpos(d.text, chr(10) || chr(10)), 0), length(d.text) + 1)
               AS in_lead,
           coalesce(CASE WHEN p.gid IS NULL THEN d.tone ELSE gt.tone END, p.tone) AS avg_tone,
           CASE WHEN p.gid IS NULL THEN 1 ELSE {grouped_events} END AS grouped_events,
           d.ingested_at, d.url AS source_url
    FROM picked p
    LEFT JOIN documents d ON d.doc_id = p.doc_id
    LEFT JOIN group_tone gt ON gt.gid = p.gid
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
    """GDELT *Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
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


NO_GEO: tuple[str, ...] = ("",) * 8


def country_geo(iso3: str | None) -> tuple[str, ...]:
    """GDELT's country-level geography of an ISO3 country (Type 1): Type, FullName, CountryCode
    (FIPS), ADM1Code (FIPS, as GDELT for a country), ADM2Code, Lat, Long (the country's centre),
    FeatureID (FIPS). Blank when the code is no country with a FIPS code (an IGO, a region)."""
    fips, name = iso3_to_fips().get(iso3 or "", ("", ""))
    if not fips:
        return NO_GEO
    lat, lon = country_centres().get(iso3 or "", (None, None))
    return ("1", name, fips, fips, "", _num(lat), _num(lon), fips)


def place_geo(r: dict[str, Any]) -> tuple[str, ...]:
    """GDELT geography of the event's place (a row of ``_gdelt_rows_sql``); blank when it has none
    or it was not resolved (no coordinates, no country)."""
    name, country = r["location_name"], r["location_country"]
    if not name or (r["location_lat"] is None and not country):
        return NO_GEO
    fips, country_name = iso3_to_fips().get(country or "", ("", ""))
    geo_type = _geo_type(country, r["location_feature"])
    full_name = name if not country_name or country_name == name else f"{name}, {country_name}"
    if geo_type == "1":
        feature_id = fips
    else:  # GeoNames id (GDELT uses GNS ids)
        feature_id = "" if r["location_geonameid"] is None else str(r["location_geonameid"])
    return (geo_type, full_name, fips, fips if geo_type == "1" else "", "", _num(r["location_lat"]),
            _num(r["location_lon"]), feature_id)


def event_country(r: dict[str, Any]) -> str | None:
    """Where the event happened at country level: its place's country, else the one country its
    actors name (both the same, or only one has a country); None when they name two."""
    if r["location_country"]:
        return str(r["location_country"])
    countries = {c for c in (r["source_country"], r["target_country"]) if c}
    return countries.pop() if len(countries) == 1 else None


def gdelt_row(r: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 event row (61 strings) from a row of ``_gdelt_rows_sql``."""
    day = r["day"]
    sqldate = day.strftime("%Y%m%d") if day else ""
    fraction = f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else ""
    cameo = r["cameo"] or ""
    place = place_geo(r)

    def actor(role: str) -> list[str]:
        code, sector = r[f"{role}_code"], r[f"{role}_sector"]
        name = (r[f"{role}_name"] or "").upper()
        return [code or "", name, r[f"{role}_country"] or "", _known_group(code, sector), "", "", "",
                sector if sector and sector not in ("IGO", "NGO") else "", "", ""]

    def actor_geo(role: str) -> tuple[str, ...]:
        country = r[f"{role}_country"]
        if place is not NO_GEO and country and country == r["location_country"]:
            return place  # the event's place lies in the actor's country: the actor is there
        return country_geo(country)

    action = place if place is not NO_GEO else country_geo(event_country(r))
    added = r["ingested_at"].strftime("%Y%m%d%H%M%S") if r["ingested_at"] else ""
    row = [
        str(_global_id(r["doc_id"], r["position"], r["gid"])), sqldate, sqldate[:6], sqldate[:4], fraction,
        *actor("source"), *actor("target"),
        "1" if r["in_lead"] else "0", cameo, cameo[:3], cameo[:2],
        _num(r["quad_class"]), _num(r["goldstein"]),
        _num(r["num_mentions"]), _num(r["num_sources"]), _num(r["num_articles"]), _num(r["avg_tone"]),
        *actor_geo("source"), *actor_geo("target"), *action,
        added, r["source_url"] or "",
    ]
    assert len(row) == 61, len(row)
    return [value.replace("\t", " ").replace("\n", " ") for value in row]


def _export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, where_sql: str, params: list[Any],
                  header: bool) -> ExportResult:
    import duckdb

    tmp = out.with_name(out.name + ".part")
    rows = merged_rows = merged_events = without_tone = 0
    try:
        [(events,)] = con.execute(f"SELECT count(*) FROM events {where_sql}", params).fetchall()
        cursor = con.execute(_gdelt_rows_sql(con, where_sql), params)
        names = [d[0] for d in cursor.description]
        with open(tmp, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                escapechar="\\")
            if header:
                writer.writerow(GDELT_COLUMNS)
            while batch := cursor.fetchmany(10_000):
                for values in batch:
                    r = dict(zip(names, values, strict=True))
                    writer.writerow(gdelt_row(r))
                    rows += 1
                    if r["grouped_events"] > 1:
                        merged_rows += 1
                        merged_events += int(r["grouped_events"])
                    without_tone += r["avg_tone"] is None
    except duckdb.Error as err:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{out}: export failed ({str(err).splitlines()[0]})") from None
    tmp.replace(out)
    return ExportResult("gdelt", int(events), rows, merged_rows, merged_events, without_tone)
