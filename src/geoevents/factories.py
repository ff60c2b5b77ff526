"""Registers every built-in stage in one place, with its default config.

Each stage package exposes a ``make_*`` function whose keyword arguments are its
config keys; the pipeline builds stages from these names (see ``defaults.toml``).
"""

from __future__ import annotations

from geoevents.actors.stage import make_actors_stage
from geoevents.events.stage import make_events_stage
from geoevents.places.stage import make_places_stage
from geoevents.quotes.stage import make_quotes_stage
from geoevents.registry import register_stage
from geoevents.time.stage import make_time_stage

register_stage("geoevents.actors.v1", make_actors_stage, assigns="actors")
register_stage("geoevents.time.v1", make_time_stage, assigns="timexes")
register_stage("geoevents.places.v1", make_places_stage, assigns="places", requires=("actors",))
register_stage("geoevents.quotes.v1", make_quotes_stage, assigns="quotes", requires=("actors",))
register_stage("geoevents.events.v1", make_events_stage, assigns="events",
               requires=("actors", "timexes", "places"))
