"""How many documents the inputs hold, when that can be known before reading them (for the
progress bar's total and time left): a quick pass over local files, no parsing.

JSON Lines: the non-blank lines; CSV: the rows below the header (quoted line breaks
followed); a text, Markdown or HTML file: one. Standard input, URLs, feeds, WARC archives,
JSON arrays and gzip-compressed files give no count (``None``): reading them is the only
way to know. Records later skipped as malformed still count here, so a run with bad lines
ends below its total.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable
from pathlib import Path

from geoevents.errors import GeoeventsError
from geoevents.sources.decode import SAMPLE_BYTES
from geoevents.sources.options import SourceOptions
from geoevents.sources.sniff import GZIP_MAGIC, sniff_kind

_ONE_DOCUMENT = frozenset({"text", "markdown", "html"})


def _count_file(path: Path, options: SourceOptions) -> int | None:
    with open(path, "rb") as stream:
        head = stream.read(SAMPLE_BYTES)
    if not head or head.startswith(GZIP_MAGIC):
        return None if head else 0
    kind = options.kind or sniff_kind(str(path), head)
    if kind in _ONE_DOCUMENT:
        return 1
    if kind == "jsonl":
        with open(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    if kind == "csv":
        from geoevents.sources.csvfile import header_delimiter

        csv.field_size_limit(max(options.max_bytes, 131_072))
        with open(path, encoding="utf-8", errors="replace", newline="") as stream:
            header = stream.readline()
            delimiter = header_delimiter(header, path.name)
            reader = csv.reader(itertools.chain([header], stream), delimiter=delimiter)
            return max(0, sum(1 for _ in reader) - 1)
    return None


def count_documents(inputs: Iterable[str | Path], options: SourceOptions | None = None) -> int | None:
    """The number of documents in ``inputs``, or None when any input cannot be counted ahead."""
    options = options or SourceOptions()
    total = 0
    for item in inputs:
        text = str(item)
        if text == "-" or text.startswith(("http://", "https://")):
            return None
        path = Path(item)
        if path.is_dir():
            try:
                files = [p for p in sorted(path.rglob("*")) if p.is_file()
                         and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            except OSError:
                return None
        else:
            files = [path] if path.is_file() else []  # a missing input: reading reports it
        for file in files:
            try:
                count = _count_file(file, options)
            except (OSError, csv.Error, GeoeventsError):  # unreadable or binary: skipped when read
                continue
            if count is None:
                return None
            total += count
    return total
