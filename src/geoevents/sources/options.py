"""``SourceOptions``: how inputs are read and how problems with them are reported."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from geoevents.errors import InputError

log = logging.getLogger("geoevents.sources")

READER_KINDS: tuple[str, ...] = ("text", "markdown", "jsonl", "json", "csv", "html", "feed", "warc")


@dataclass(kw_only=True)
class SourceOptions:
    """How to read inputs; one object, resolved before reading starts.

    ``on_error="skip"`` logs each problem as a one-line warning and goes on;
    ``"stop"`` raises ``InputError`` at the first one. ``problems`` collects the
    lines either way, for a summary at the end.
    """

    text_col: str = "text"
    id_col: str = "id"
    date_col: str = "published"
    title_col: str = "title"
    url_col: str = "url"
    source_col: str = "source"
    kind: str | None = None  # force a reader (one of READER_KINDS); None: sniff each input
    follow: bool = False  # feeds: fetch each item's link and extract the page
    on_error: str = "skip"  # or "stop"
    max_bytes: int = 5_000_000  # a larger document is skipped with a warning
    timeout: float = 20.0  # seconds: the deadline for each URL fetched, redirects included
    allow_hosts: tuple[str, ...] = ()  # non-public hosts/addresses/networks that may be fetched
    problems: list[str] = field(default_factory=list)  # one line per skipped input or record

    def __post_init__(self) -> None:
        if self.on_error not in ("skip", "stop"):
            raise InputError(f"on_error must be 'skip' or 'stop', not {self.on_error!r}")
        if self.kind is not None and self.kind not in READER_KINDS:
            raise InputError(f"unknown input kind {self.kind!r}; choose from {', '.join(READER_KINDS)}")

    def problem(self, message: str, action: str = "skipped") -> None:
        """Report a problem with an input or record: raise (stop) or warn and go on (skip).

        ``message`` names the input and the problem; ``action`` says what reading
        does about it, for the log line.
        """
        if self.on_error == "stop":
            raise InputError(message)
        self.note(message, action)

    def note(self, message: str, action: str = "skipped") -> None:
        """Warn and go on whatever ``on_error`` says (a binary file inside a directory)."""
        self.problems.append(message)
        log.warning("%s; %s", message, action)
