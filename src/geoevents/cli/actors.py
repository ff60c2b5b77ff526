"""Actor dictionary commands (geoevents actors ...): see geoevents.actors."""
