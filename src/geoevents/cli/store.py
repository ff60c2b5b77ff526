"""Store commands (ingest, events, recode, demo, quotes): see geoevents.store."""
