"""CSV and TSV documents: one row per document, columns mapped by ``SourceOptions``."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import IO

from geoevents.errors import InputError
from geoevents.model import Document
from geoevents.sources.jsonl import document_from_record
from geoevents.sources.options import SourceOptions

DELIMITERS = ",;\t|"


def header_delimiter(header: str, name: str) -> str:
    """The delimiter of a CSV file, judged by its header row (headers are rarely quoted prose)."""
    if name.lower().endswith(".tsv"):
        return "\t"
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def read_csv_stream(stream: IO[str], name: str, options: SourceOptions) -> Iterator[Document]:
    """Documents from an open CSV stream with a header row naming the columns."""
    csv.field_size_limit(max(options.max_bytes, 131_072))
    header = stream.readline()
    reader = csv.DictReader(itertools.chain([header], stream), delimiter=header_delimiter(header, name))
    columns = [c for c in (reader.fieldnames or []) if c]
    if not columns:
        raise InputError(f"{name}: empty CSV file (no header row)")
    if options.text_col not in columns:
        raise InputError(f"{name}: no text column {options.text_col!r}; columns are "
                         f"{', '.join(columns)} (choose one with --text-col)")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if reader.line_num <= 1:
                raise InputError(f"{name}: no rows below the header") from None
            return
        except csv.Error as err:
            options.problem(f"{name}:{reader.line_num}: malformed CSV row ({err})")
            continue
        try:
            yield document_from_record(row, f"{name}:{reader.line_num}", options)
        except InputError as err:
            options.problem(str(err).removeprefix(f"{err.code}: "))
