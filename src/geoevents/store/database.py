"""Opening the DuckDB file: every failure becomes a one-line ``StoreError`` naming the file."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from geoevents import __version__
from geoevents.errors import StoreError
from geoevents.store.schema import (
    ADDED_TABLES,
    SCHEMA_CHANGES,
    SCHEMA_VERSION,
    TABLES,
    create_statements,
)


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return re.sub(r"^[A-Za-z ]+Error: ", "", text)


def _explain(path: Path, err: Exception) -> StoreError:
    message = str(err)
    if "lock" in message.lower():
        pid = re.search(r"PID (\d+)", message)
        holder = f" (PID {pid[1]})" if pid else ""
        return StoreError(f"{path}: in use by another process{holder}; DuckDB lets one process "
                          f"write a file, and none while others read it (a running 'geoevents serve' "
                          f"counts): wait for it to finish, ingest through the API, or use another --db")
    if "not a valid DuckDB database" in message:
        return StoreError(f"{path}: not a DuckDB database file; choose another --db")
    if "different configuration" in message:
        return StoreError(f"{path}: already open in this process in another mode (read-only vs "
                          f"read-write); close the other Store first")
    if "Is a directory" in message:
        return StoreError(f"{path}: is a directory, expected a DuckDB database file")
    return StoreError(f"{path}: cannot open the database ({_first_line(err)})")


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the database file, created (with its directory checked) when missing."""
    p = Path(path)
    if p.is_dir():
        raise StoreError(f"{p}: is a directory, expected a DuckDB database file")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"{p}: directory {parent} does not exist")
    if not p.exists():
        if read_only:
            raise StoreError(f"{p}: no database here yet; run 'geoevents ingest' or "
                             f"'geoevents demo' first, or pass --db")
        if not os.access(parent, os.W_OK):
            raise StoreError(f"{p}: cannot create the database, directory {parent} is not writable")
    elif not read_only and not os.access(p, os.W_OK):
        raise StoreError(f"{p}: database file is not writable")
    try:
        return duckdb.connect(str(p), read_only=read_only)
    except duckdb.Error as err:
        raise _explain(p, err) from None


def _existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables "
                       "WHERE table_schema = 'main'").fetchall()
    return {r[0] for r in rows}


def ensure_schema(con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
    """Create the tables in an empty database; refuse databases of another kind or version."""
    tables = _existing_tables(con)
    if "meta" not in tables:
        if tables:
            raise StoreError(f"{path}: a DuckDB database, but not a geoevents store "
                             f"(tables {', '.join(sorted(tables)[:5])}); choose another --db")
        if read_only:
            raise StoreError(f"{path}: empty database; run 'geoevents ingest' first")
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in create_statements():
                con.execute(statement)
            con.executemany("INSERT INTO meta VALUES (?, ?)",
                            [("schema_version", str(SCHEMA_VERSION)), ("created_at", now),
                             ("created_by", f"geoevents {__version__}")])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    found = rows[0][0] if rows else None
    if found != str(SCHEMA_VERSION):
        missing_columns = _added_columns(con) if found and found.isdigit() and int(found) < SCHEMA_VERSION \
            else None
        if missing_columns is None:
            raise StoreError(f"{path}: store schema version {found}, this geoevents reads version "
                             f"{SCHEMA_VERSION}; use a new --db or the matching geoevents version")
        changes = "; ".join(SCHEMA_CHANGES[v] for v in range(int(found) + 1, SCHEMA_VERSION + 1)
                            if v in SCHEMA_CHANGES)
        if read_only:
            raise StoreError(f"{path}: store schema version {found}, this geoevents reads version "
                             f"{SCHEMA_VERSION} ({changes}); 'geoevents recode --db {path}' upgrades it "
                             f"in place and fills the new columns")
        _upgrade(con, found, missing_columns)
    added = sorted((set(TABLES) - tables) & ADDED_TABLES)
    if added and not read_only:  # tables newer than the store: created empty
        for statement in create_statements():
            if any(f"CREATE TABLE IF NOT EXISTS {name} (" in statement for name in added):
                con.execute(statement)
    missing = sorted(set(TABLES) - tables - ADDED_TABLES)
    if missing:
        raise StoreError(f"{path}: store is missing table(s) {', '.join(missing)}; it is damaged, "
                         f"use a new --db")


def _added_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]] | None:
    """(table, column, type) of the current schema an older store lacks, when all of them may
    be NULL (so adding them keeps every stored row valid); None when it cannot be upgraded."""
    rows = con.execute("SELECT table_name, column_name FROM information_schema.columns "
                       "WHERE table_schema = 'main'").fetchall()
    present: dict[str, set[str]] = {}
    for table, column in rows:
        present.setdefault(table, set()).add(column)
    added = []
    for table, columns in TABLES.items():
        if table not in present:
            if table in ADDED_TABLES:
                continue  # created whole below, not column by column
            return None
        for c in columns:
            if c.name not in present[table]:
                if c.sql != c.base_type:  # NOT NULL, PRIMARY KEY...: old rows have no value
                    return None
                added.append((table, c.name, c.base_type))
    return added


def _upgrade(con: duckdb.DuckDBPyConnection, found: str, columns: list[tuple[str, str, str]]) -> None:
    """Add the new columns (NULL in stored rows, filled by the next recode) and stamp the version."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table, column, sql_type in columns:
            con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [f"upgraded_from_{found}", now])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
