"""Reading the curated actor tables (tab-separated, ``#`` comments) with clear errors.

Every table starts with comment lines saying where its facts come from, then a header
line naming the columns, then one row per line. A malformed row raises
``DataFileError`` naming the file and the line, so a user editing a dictionary sees
exactly what to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geoevents.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    path: Path
    lineno: int
    fields: dict[str, str]

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    def list(self, name: str) -> list[str]:
        return [item.strip() for item in self.get(name).split("|") if item.strip()]

    def fail(self, message: str) -> DataFileError:
        return DataFileError(f"{self.path}:{self.lineno}: {message}")

    def date(self, name: str) -> dt.date | None:
        value = self.get(name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"column {name!r}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def read_table(path: Path, columns: tuple[str, ...], required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Rows of a TSV table whose header must list ``columns`` in order."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError(f"{path}: data file missing") from None
    except UnicodeDecodeError as err:
        raise DataFileError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    header_seen = False
    rows = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != columns:
                raise DataFileError(f"{path}:{lineno}: header should be the tab-separated columns "
                                    f"{' '.join(columns)}; found {line.strip()!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataFileError(f"{path}:{lineno}: expected {len(columns)} tab-separated fields "
                                f"({', '.join(columns)}), found {len(cells)}")
        row = Row(path, lineno, {c: v.strip() for c, v in zip(columns, cells, strict=True)})
        for name in required:
            if not row.get(name):
                raise row.fail(f"column {name!r} is empty")
        rows += 1
        yield row
    if not header_seen or rows == 0:
        raise DataFileError(f"{path}: no rows (expected a header line {' '.join(columns)} and data)")
