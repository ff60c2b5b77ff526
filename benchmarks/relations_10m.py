"""Relations over a store of 10 million synthetic events: one country, three partners, by month.

    python benchmarks/relations_10m.py                  # builds /tmp/geoevents-bench-10m.duckdb once
    python benchmarks/relations_10m.py --rows 1000000   # a smaller store

The generator writes the store's own schema (``store/schema.py``) with realistic
shapes: ten years of dates (2016-2025), a quarter of events undated (placed by
their article's publication day), 10 events per article, country frequencies
falling off like news coverage does (a Zipf-like draw over 60 countries, the
big powers first), actor sectors, CAMEO roots weighted towards statements and
consultations, QuadClass and Goldstein consistent with the code, and a few
negated / hypothetical / planned events. The timed call is the Python API,
``relations(con, "KGZ", ["RUS", "USA", "CHN"], by="month")``, pandas included;
the figure is the median of repeated runs after one warm-up.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import duckdb

from geoevents.analysis import relations
from geoevents.analysis.dyads import build_dyad_index
from geoevents.store.schema import create_statements

# Big powers and frequently covered states first: a power-law draw favours the start of the list.
COUNTRIES = ("USA RUS CHN UKR GBR FRA DEU ISR IRN IND TUR JPN PAK SYR KOR PRK SAU AFG IRQ EGY "
             "CAN AUS ITA POL BRA MEX ESP NGA ZAF KAZ QAT ARE VEN CUB BLR GEO ARM AZE UZB KGZ "
             "TJK TKM MNG VNM PHL IDN MYS THA MMR BGD LKA NPL ETH KEN SDN LBY TUN DZA MAR SRB").split()
SECTORS = ["GOV", "GOV", "GOV", "MIL", "BUS", "CVL", "MED", "OPP", "JUD", "LEG", "COP", ""]
# (CAMEO code, QuadClass, Goldstein): statements and consultations dominate real event data.
CODES = [("010", 1, 0.0), ("010", 1, 0.0), ("020", 3, -0.1), ("036", 1, 4.0), ("040", 1, 1.0),
         ("042", 1, 1.9), ("043", 1, 2.8), ("046", 1, 1.0), ("051", 1, 3.4), ("057", 1, 8.0),
         ("061", 2, 6.4), ("070", 2, 7.0), ("111", 3, -2.0), ("112", 3, -2.0), ("130", 3, -4.4),
         ("163", 4, -8.0), ("173", 4, -5.0), ("190", 4, -10.0), ("0841", 2, 5.0), ("120", 3, -4.0)]


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def build(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    for statement in create_statements():
        con.execute(statement)
    n_docs = max(1, rows // 10)
    countries, sectors = _sql_list(COUNTRIES), _sql_list(SECTORS)
    codes = _sql_list([c for c, _, _ in CODES])
    quads = "[" + ", ".join(str(q) for _, q, _ in CODES) + "]"
    golds = "[" + ", ".join(str(g) for _, _, g in CODES) + "]"
    t0 = time.perf_counter()
    con.execute(f"""
        INSERT INTO documents (doc_id, title, published, published_date, text, content_hash,
                               pipeline_version)
        SELECT 'd' || i, 'synthetic article ' || i, strftime(day, '%Y-%m-%d'), day, '', 'x', 'bench'
        FROM (SELECT i, DATE '2016-01-01' + CAST(floor(random() * 3653) AS INTEGER) AS day
              FROM range({n_docs}) t(i))
    """)
    con.execute(f"""
        INSERT INTO events BY NAME
        WITH draws AS (
          SELECT i, 1 + CAST(floor(pow(random(), 2.2) * {len(COUNTRIES)}) AS INTEGER) AS s,
                 1 + CAST(floor(pow(random(), 2.2) * {len(COUNTRIES)}) AS INTEGER) AS t,
                 1 + CAST(floor(random() * {len(SECTORS)}) AS INTEGER) AS ss,
                 1 + CAST(floor(random() * {len(SECTORS)}) AS INTEGER) AS ts,
                 1 + CAST(floor(random() * {len(CODES)}) AS INTEGER) AS c,
                 random() AS r, random() AS st
          FROM range({rows}) t(i))
        SELECT 'd' || (i // 10) AS doc_id, 'bench' AS pipeline_version, CAST(i % 10 AS INTEGER) AS position,
               {countries}[s] AS source_country, {countries}[s] || {sectors}[ss] AS source_code,
               {countries}[CASE WHEN t = s THEN (t % {len(COUNTRIES)}) + 1 ELSE t END] AS target_country,
               {countries}[CASE WHEN t = s THEN (t % {len(COUNTRIES)}) + 1 ELSE t END] || {sectors}[ts]
                   AS target_code,
               {codes}[c] AS cameo, {quads}[c] AS quad_class, {golds}[c] AS goldstein,
               CASE WHEN r < 0.25 THEN NULL
                    ELSE DATE '2016-01-01' + CAST(floor(r * 3653) AS INTEGER) END AS date_from,
               CASE WHEN r < 0.25 THEN NULL
                    ELSE DATE '2016-01-01' + CAST(floor(r * 3653) AS INTEGER) END AS date_to,
               CASE WHEN st < 0.03 THEN 'negated' WHEN st < 0.05 THEN 'hypothetical'
                    WHEN st < 0.12 THEN 'planned' ELSE 'occurred' END AS status,
               '{{}}' AS record
        FROM draws
    """)
    built = time.perf_counter() - t0
    t1 = time.perf_counter()
    build_dyad_index(con)
    con.execute("CHECKPOINT")
    con.close()
    print(f"built {rows:,} events in {n_docs:,} articles in {built:.1f} s, dyad index in "
          f"{time.perf_counter() - t1:.1f} s -> {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/geoevents-bench-10m.duckdb"))
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--rebuild", action="store_true", help="build the store even if it exists")
    args = parser.parse_args(argv)
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        build(args.db, args.rows)
    con = duckdb.connect(str(args.db), read_only=True)
    [(count,)] = con.execute("SELECT count(*) FROM events").fetchall()
    relations(con, "KGZ", ["RUS", "USA", "CHN"], by="month")  # warm-up: file pages into memory
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        frame = relations(con, "KGZ", ["RUS", "USA", "CHN"], by="month")
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    print(f"{count:,} events; relations KGZ with RUS,USA,CHN by month over ten years: "
          f"{len(frame)} rows ({frame['events'].sum():,} events), median {median:.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}, {args.repeat} runs)")
    return 0 if median < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
