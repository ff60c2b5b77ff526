"""Scale-out: the same extraction on a Dask cluster, results as a month-partitioned Parquet dataset.

    from geoevents.scaleout import ingest_dask, query_events
    summary = ingest_dask(["archive/"], None, "out/")          # local cluster, 2 workers
    summary = ingest_dask(["archive/"], None, "out/", scheduler="tcp://host:8786")
    events = query_events("out/", actor="RUS", type="CONSULT")

One machine needs none of this: ``geoevents ingest`` into DuckDB (see ``docs/scaleout.md``).
"""

from geoevents.scaleout.dask_engine import ScaleoutSummary, ingest_dask
from geoevents.scaleout.parquet import parquet_glob, read_sql
from geoevents.scaleout.query import connect, query_events

__all__ = ["ScaleoutSummary", "connect", "ingest_dask", "parquet_glob", "query_events", "read_sql"]
