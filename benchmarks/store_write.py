"""Store write and query speed on synthetic extractions (no parsing): the cost of the store itself.

    python benchmarks/store_write.py [N_DOCUMENTS]

Writes N documents, each with 20 actors, 5 events, 3 places, 3 timexes and 1 quote,
in batches of 64 (one transaction each), into a fresh DuckDB file; then re-checks
them all as unchanged and runs a filtered events query.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Span, Timex
from geoevents.store import Store, StoredItem, content_hash

TEXT = "Lavrov met Wang Yi in Beijing on Tuesday and said the talks were useful. " * 4
ACTORS = [Actor(0, 6, "Lavrov", "Sergey Lavrov", "RUS", "GOV", "RUSGOV", "Q80137", "person"),
          Actor(11, 18, "Wang Yi", "Wang Yi", "CHN", "GOV", "CHNGOV", None, "person")]


def item(i: int) -> StoredItem:
    doc = Document(id=f"doc{i}", text=f"{TEXT}{i}", published=f"2025-{1 + i % 12:02d}-15")
    place = Place(22, 29, "Beijing", "Beijing", 1816670, 39.9, 116.4, "CHN", "city")
    events = [Event(source=ACTORS[k % 2], target=ACTORS[(k + 1) % 2], cameo=f"04{k}", plover="CONSULT",
                    date=doc.published, location=place, evidence=Span(0, 72, TEXT[:72]))
              for k in range(5)]
    extraction = Extraction(id=doc.id, events=events, actors=ACTORS * 10, places=[place] * 3,
                            timexes=[Timex(33, 40, "Tuesday", "DATE", doc.published)] * 3,
                            quotes=[Quote(50, 72, "the talks were useful", False, speaker=ACTORS[0],
                                          cue=Span(44, 48, "said"))],
                            pipeline_version="bench")
    return StoredItem(doc, extraction, content_hash(doc), datetime(2025, 1, 1))


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        items = [item(i) for i in range(n)]
        with Store(db) as store:
            start, cpu = time.perf_counter(), time.process_time()
            for k in range(0, n, 64):
                store.write(items[k:k + 64])
            wrote, cpu = time.perf_counter() - start, time.process_time() - cpu
            start = time.perf_counter()
            found = store.events(actor="RUS", type="CONSULT", since="2025-06-01", until="2025-06-30")
            queried = time.perf_counter() - start
            counts = store.counts()
        size = db.stat().st_size + (db.with_name(db.name + ".wal").stat().st_size
                                    if db.with_name(db.name + ".wal").exists() else 0)
    rows = sum(v for k, v in counts.items() if k != "runs")
    print(f"wrote {n} documents ({rows} rows) in {wrote:.2f}s wall, {cpu:.2f}s CPU: "
          f"{n / cpu:.0f} documents per CPU-second; "
          f"filtered events query ({len(found)} events) in {queried * 1000:.0f} ms; "
          f"file {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
