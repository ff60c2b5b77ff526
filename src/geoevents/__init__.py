"""geoevents: news articles in, event data about international relations out."""

__version__ = "0.1.0"

from geoevents.model import Actor, Document, Event, Extraction, Place, Quote, Timex

__all__ = ["Actor", "Document", "Event", "Extraction", "Place", "Quote", "Timex", "__version__"]
