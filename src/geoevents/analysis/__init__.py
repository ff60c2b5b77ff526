"""Relations over time, alignment and actor networks, as pandas DataFrames.

All functions take a DuckDB connection holding the store's tables (an open
``Store``'s connection, or :func:`memory_store` for records at hand)::

    from geoevents.analysis import relations, memory_store
    frame = relations(con, "KGZ", ["RUS", "USA", "CHN"], by="month")
"""

from geoevents.analysis.alignment import alignment, lean
from geoevents.analysis.memory import add_to_memory_store, memory_store
from geoevents.analysis.network import network
from geoevents.analysis.overview import overview
from geoevents.analysis.query import EventFilter, parse_parties, parse_party
from geoevents.analysis.relations import relation_events, relations

__all__ = ["EventFilter", "add_to_memory_store", "alignment", "lean", "memory_store", "network", "overview",
           "parse_parties", "parse_party", "relation_events", "relations"]
