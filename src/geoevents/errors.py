"""Errors with codes and one-line messages that say what to do.

The library raises these; the CLI turns them into a one-line message and a
non-zero exit code, never a traceback. Codes: GE1xx input, GE2xx model and
configuration, GE3xx store, GE4xx data files.
"""

from __future__ import annotations


class GeoeventsError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user."""

    code = "GE000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code}: {message}")


class InputError(GeoeventsError):
    """An input cannot be read: missing, empty, binary, malformed, too large."""

    code = "GE101"


class UnknownSource(InputError):
    """No reader knows this kind of input."""

    code = "GE102"


class FetchError(InputError):
    """A URL could not be fetched (unreachable, timeout, HTTP error).

    ``status`` is the HTTP status when the server answered; ``transient`` says whether trying
    again later may succeed (a timeout, a refused connection, 429, 5xx); ``retry_after`` is
    the server's Retry-After in seconds, when it sent one.
    """

    code = "GE103"

    def __init__(self, message: str, *, status: int | None = None, transient: bool = False,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient
        self.retry_after = retry_after


class ModelNotFound(GeoeventsError):
    """The configured spaCy model is not installed."""

    code = "GE201"


class ConfigError(GeoeventsError):
    """A setting or config file is invalid."""

    code = "GE202"


class StoreError(GeoeventsError):
    """The database cannot be opened or written (locked, corrupt, wrong schema)."""

    code = "GE301"


class DataFileError(GeoeventsError):
    """A curated data file (lexicon, dictionary, gazetteer) is empty or malformed."""

    code = "GE401"
