"""Store commands: ingest, recode, events, quotes, documents, demo (see geoevents.store)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import fields
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from geoevents.cli.app import app
from geoevents.config import Config, load_config
from geoevents.errors import InputError, StoreError
from geoevents.sources.options import READER_KINDS
from geoevents.store import WRITE_BATCH

if TYPE_CHECKING:  # the heavy modules load inside the commands that use them (fast --help)
    from rich.console import Console
    from rich.table import Table

    from geoevents.model import Actor
    from geoevents.store import IngestSummary, StoredEvent, StoredQuote

DbOpt = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB database file [default: setting db, env GEOEVENTS_DB, ./geoevents.duckdb]")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1,
                                       help="documents per transaction")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, help="at most this many rows")]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help="write to this file, not stdout")]
MinToneOpt = Annotated[float | None, typer.Option(
    "--min-tone", min=-100, max=100,
    help="events whose tone (GDELT AvgTone scale, -100..100) is at least this")]
MaxToneOpt = Annotated[float | None, typer.Option(
    "--max-tone", min=-100, max=100, help="events whose tone is at most this (-5: clearly negative)")]


TABLE_ROWS = 100  # rows a table shows unless --limit says otherwise; csv and jsonl show all


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


FormatOpt = Annotated[OutputFormat, typer.Option("--format", help="table, csv or jsonl")]

def _settings(config: Path | None, db: Path | None, **changes: Any) -> Config:
    return load_config(config).replace(db=str(db) if db else None, **changes)


def _progress(cfg: Config, label: str, total: int | None = None
              ) -> AbstractContextManager[Callable[[int, int | None], None]]:
    """A progress bar on a terminal, a line every ``progress_seconds`` otherwise (cli/progress.py)."""
    from geoevents.cli.progress import progress

    return progress(label, every=cfg.progress_seconds, total=total)


def _warn(message: str) -> None:
    typer.echo(f"geoevents: warning: {message}", err=True)  # one line, never wrapped


def _report(verb: str, db: str, summary: IngestSummary, problems: list[str]) -> None:
    typer.echo(f"{verb} {db}: {summary.line()}")
    if summary.languages:
        langs = ", ".join(f"{lang} {n}" for lang, n in summary.languages.most_common())
        _warn(f"{sum(summary.languages.values())} document(s) in other languages stored without "
              f"extraction ({langs}); 'geoevents documents' lists them")
    if summary.skip_reasons:
        reasons = ", ".join(f"{r} {n}" for r, n in summary.skip_reasons.most_common())
        _warn(f"{sum(summary.skip_reasons.values())} document(s) stored without extraction ({reasons})")
    if summary.failures:
        doc_id, reason = summary.failures[0]
        _warn(f"{summary.failed} document(s) failed and were stored without extraction "
              f"(first: {doc_id}: {reason}); the next ingest tries them again")
    problems = problems + summary.problems
    if problems:
        _warn(f"{len(problems)} input(s) or record(s) skipped (first: {problems[0]})")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, directories or URLs to read")],
    db: DbOpt = None,
    text_col: Annotated[str, typer.Option(help="JSONL/CSV field holding the text")] = "text",
    date_col: Annotated[str, typer.Option(help="JSONL/CSV field holding the publication date")] = "published",
    id_col: Annotated[str, typer.Option(help="JSONL/CSV field holding the document id")] = "id",
    title_col: Annotated[str, typer.Option(help="JSONL/CSV field holding the title")] = "title",
    url_col: Annotated[str, typer.Option(help="JSONL/CSV field holding the URL")] = "url",
    source_col: Annotated[str, typer.Option(help="JSONL/CSV field holding the outlet")] = "source",
    kind: Annotated[str | None, typer.Option(
        help=f"force one reader ({', '.join(READER_KINDS)}) instead of sniffing each input")] = None,
    follow: Annotated[bool, typer.Option(help="feeds: fetch each item's page")] = False,
    strict: Annotated[bool, typer.Option(help="stop at the first bad input or record")] = False,
    max_bytes: Annotated[int | None, typer.Option(
        help="skip documents larger than this [default: setting max_document_bytes]")] = None,
    batch_size: BatchOpt = WRITE_BATCH,
    model: Annotated[str | None, typer.Option(help="spaCy model package")] = None,
    processes: Annotated[int | None, typer.Option(help="parsing processes")] = None,
    config: ConfigOpt = None,
    engine: Annotated[str, typer.Option(
        help="local (this machine, into --db) or dask (a Dask cluster, into --parquet)")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="--engine dask: scheduler address (tcp://host:8786); default a local 2-worker cluster")] = None,
    parquet: Annotated[Path | None, typer.Option(
        help="--engine dask: directory for the Parquet dataset, partitioned by publication month")] = None,
) -> None:
    """Read documents, extract events, and store both; re-running skips what is stored.

    Example: geoevents ingest articles/ feed.xml --db news.duckdb
    (or on a Dask cluster: geoevents ingest archive/ --engine dask --parquet out/)
    """
    from geoevents.ingest import ingest
    from geoevents.pipeline import Pipeline
    from geoevents.scaleout.cli import check_engine_options, dask_ingest
    from geoevents.sources import SourceOptions, iter_documents
    from geoevents.sources.count import count_documents
    from geoevents.store import Store

    cfg = _settings(config, db, model=model, n_process=processes,
                    max_document_bytes=max_bytes)
    options = SourceOptions(text_col=text_col, date_col=date_col, id_col=id_col, title_col=title_col,
                            url_col=url_col, source_col=source_col, kind=kind, follow=follow,
                            on_error="stop" if strict else "skip",
                            max_bytes=cfg.max_document_bytes, timeout=cfg.fetch_timeout,
                            allow_hosts=tuple(cfg.fetch_allow_hosts))
    check_engine_options(engine, scheduler, parquet)
    if engine == "dask" and parquet is not None:  # see docs/scaleout.md
        with _progress(cfg, "extracting on Dask", count_documents(paths, options)) as advance:
            dask_ingest(paths, options, cfg, parquet, scheduler, advance)
        return
    pipeline = Pipeline(cfg)
    total = count_documents(paths, options)  # None for feeds, URLs, archives: a bar without an end
    with Store(cfg.db) as store, _progress(cfg, "ingesting", total) as advance:
        summary = ingest(store, iter_documents(paths, options), pipeline, batch_size=batch_size,
                               progress=advance, inputs=paths)
    _report("ingested into", cfg.db, summary, options.problems)
    if strict and (summary.failed or summary.problems):
        raise typer.Exit(1)  # --strict: a document that failed fails the run (its warning is above)


@app.command()
def recode(
    db: DbOpt = None,
    everything: Annotated[bool, typer.Option(
        "--all", help="re-extract every document, not only those of another pipeline version")] = False,
    batch_size: BatchOpt = WRITE_BATCH,
    model: Annotated[str | None, typer.Option(help="spaCy model package")] = None,
    config: ConfigOpt = None,
) -> None:
    """Re-extract stored documents made by another pipeline version (after a lexicon,
    dictionary or code update); --all re-extracts every document.

    Example: geoevents recode --db news.duckdb
    """
    from geoevents.ingest import recode
    from geoevents.pipeline import Pipeline
    from geoevents.store import Store

    cfg = _settings(config, db, model=model)
    if not Path(cfg.db).exists():
        raise StoreError(f"{cfg.db}: no database here; nothing to recode (pass --db)")
    pipeline = Pipeline(cfg)
    with Store(cfg.db) as store:
        stored = len(store.stale_ids(None))
        stale = stored if everything else len(store.stale_ids(pipeline.version))
        typer.echo(recode_plan(cfg.db, stored, stale, pipeline.version, everything))
        if not stale:
            return
        with _progress(cfg, "recoding", stale) as advance:
            summary = recode(store, pipeline, everything=everything, batch_size=batch_size,
                             progress=advance)
    _report(f"recoded with {pipeline.version} in", cfg.db, summary, [])


def recode_plan(db: str, stored: int, stale: int, version: str, everything: bool) -> str:
    """What ``recode`` checked and what it will do, in one line (with the way to do more)."""
    docs = "document" if stored == 1 else "documents"
    if not stored:
        return f"{db}: no documents stored; nothing to re-extract ('geoevents ingest' stores some)"
    if everything:
        return f"{db}: re-extracting all {stored} stored {docs} with pipeline {version} (--all)"
    if not stale:
        return (f"{db}: checked {stored} stored {docs}: all were extracted by the current pipeline "
                f"{version}; nothing to re-extract ('geoevents recode --all' re-extracts every one)")
    return (f"{db}: checked {stored} stored {docs}: {stale} extracted by another pipeline version, "
            f"re-extracting them with {version} ('--all' re-extracts all {stored})")


# -- listing ---------------------------------------------------------------------------------


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    if not path.parent.is_dir():
        raise InputError(f"{path}: directory {path.parent} does not exist")
    with open(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


def _console(stream: IO[str] | None = None) -> Console:
    """Tables as wide as the terminal, or 160 columns when piped or written to a file."""
    from rich.console import Console

    stream = stream or sys.stdout
    return Console(file=stream, highlight=False, width=None if stream.isatty() else 160)


def _write_rows(rows: list[dict[str, Any]], header: list[str], fmt: OutputFormat,
                output: Path | None, table: Callable[[], Table]) -> None:
    with _output(output) as stream:
        if fmt is OutputFormat.table:
            _console(stream).print(table())
        elif fmt is OutputFormat.jsonl:
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        else:
            writer = csv.DictWriter(stream, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _actor_label(actor: Actor | None) -> str:
    if actor is None:
        return ""
    name = actor.name or actor.text
    return f"{actor.code or '?'} {name}" if actor.code != name else str(name)


def events_table(events: list[StoredEvent], title: str = "events", show_doc: bool = True) -> Table:
    from rich.table import Table

    table = Table(title=f"{title} ({len(events)})", show_lines=False)
    for column in ("date", "source", "event", "target", "status", "tone", "place"):
        table.add_column(column, overflow="fold", no_wrap=column in ("date", "event", "status", "tone"),
                         justify="right" if column == "tone" else "left")
    table.add_column("evidence", overflow="fold", ratio=3)
    if show_doc:
        table.add_column("doc", overflow="fold")
    for stored in events:
        e = stored.event
        place = e.location.name or e.location.text if e.location else ""
        date = f"{e.date}*" if e.date and e.date_basis == "published" else e.date or ""
        cells = [date, _actor_label(e.source), f"{e.cameo} {e.plover or ''}".strip(),
                 _actor_label(e.target), e.status, "" if e.tone is None else f"{e.tone:+.1f}", place,
                 _short(e.evidence.text if e.evidence else "", 90)]
        table.add_row(*cells, *([stored.doc_id] if show_doc else []))
    if any(stored.event.date_basis == "published" for stored in events):
        table.caption = "date*: the publication day (the text gives the event no date)"
    return table


_TAGS = ["doc_id", "position", "pipeline_version"]


def _csv_header(table: str) -> list[str]:
    from geoevents.store import TABLES

    return _TAGS + [c.name for c in TABLES[table] if c.name not in (*_TAGS, "record")]


def _event_csv_row(stored: StoredEvent) -> dict[str, Any]:
    from geoevents.store.rows import event_row

    flat = event_row(stored.event)
    flat.pop("record")
    return {"doc_id": stored.doc_id, "position": stored.position,
            "pipeline_version": stored.pipeline_version, **flat}


@app.command()
def events(
    actor: Annotated[str | None, typer.Option(
        help="source actor: code/ISO3 prefix (RUS, RUSGOV) or name text (Putin)")] = None,
    target: Annotated[str | None, typer.Option(help="target actor, as --actor")] = None,
    type: Annotated[str | None, typer.Option(
        "--type", help="PLOVER category (CONSULT) or CAMEO code prefix (04)")] = None,
    since: Annotated[str | None, typer.Option(help="events dated on or after this day (2025-11-01)")] = None,
    until: Annotated[str | None, typer.Option(help="events dated on or before this day")] = None,
    status: Annotated[str | None, typer.Option(
        help="occurred, planned, negated, hypothetical or reported")] = None,
    doc: Annotated[str | None, typer.Option(help="only this document id")] = None,
    min_tone: MinToneOpt = None,
    max_tone: MaxToneOpt = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
    parquet: Annotated[Path | None, typer.Option(
        help="read a Parquet dataset written by ingest --engine dask instead of --db")] = None,
) -> None:
    """List stored events, oldest event date first.

    Example: geoevents events --actor RUS --target KGZ --type CONSULT --since 2025-11-01 --format csv
    """
    from geoevents.scaleout.query import query_events
    from geoevents.store import Store

    cfg = _settings(config, db)
    shown = limit if limit is not None or fmt is not OutputFormat.table else TABLE_ROWS
    if parquet is not None:  # a dataset written by ingest --engine dask (docs/scaleout.md)
        found = query_events(parquet, actor=actor, target=target, type=type, since=since, until=until,
                             status=status, doc_id=doc, min_tone=min_tone, max_tone=max_tone,
                             limit=None if shown is None else shown + 1)
    else:
        with Store(cfg.db, read_only=True) as store:
            found = store.events(actor=actor, target=target, type=type, since=since, until=until,
                                 status=status, doc_id=doc, min_tone=min_tone, max_tone=max_tone,
                                 limit=None if shown is None else shown + 1)
    more = shown is not None and len(found) > shown
    found = found[:shown]
    rows = [(_event_csv_row(e) if fmt is OutputFormat.csv else e.to_dict()) for e in found]
    _write_rows(rows, _csv_header("events"), fmt, output, lambda: events_table(found))
    if more and limit is None:
        _warn(f"showing the first {shown} events; --limit N shows more, --format csv shows all")


def _quotes_table(quotes: list[StoredQuote]) -> Table:
    from rich.table import Table

    table = Table(title=f"quotes ({len(quotes)})")
    for column in ("speaker", "quote", "cue", "kind", "doc"):
        table.add_column(column, overflow="fold")
    for stored in quotes:
        q = stored.quote
        table.add_row(_actor_label(q.speaker), _short(q.text, 90), q.cue.text if q.cue else "",
                      "direct" if q.direct else "reported", stored.doc_id)
    return table


def _quote_csv_row(stored: StoredQuote) -> dict[str, Any]:
    from geoevents.store.rows import quote_row

    flat = quote_row(stored.quote)
    flat.pop("record")
    return {"doc_id": stored.doc_id, "position": stored.position,
            "pipeline_version": stored.pipeline_version, **flat}


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(
        help="speaker name or mention text (Japarov), or code prefix (KGZGOV)")] = None,
    contains: Annotated[str | None, typer.Option(help="quote text contains this")] = None,
    doc: Annotated[str | None, typer.Option(help="only this document id")] = None,
    limit: LimitOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """List stored quotes with their speakers.

    Example: geoevents quotes --speaker Japarov
    """
    from geoevents.store import Store

    cfg = _settings(config, db)
    with Store(cfg.db, read_only=True) as store:
        found = store.quotes(speaker=speaker, text=contains, doc_id=doc, limit=limit)
    rows = [(_quote_csv_row(q) if fmt is OutputFormat.csv else q.to_dict()) for q in found]
    _write_rows(rows, _csv_header("quotes"), fmt, output, lambda: _quotes_table(found))


@app.command()
def documents(
    limit: LimitOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """List stored documents, newest first, with what was extracted from each.

    Example: geoevents documents --limit 20
    """
    from geoevents.store import DocumentInfo, Store

    cfg = _settings(config, db)
    with Store(cfg.db, read_only=True) as store:
        found = store.documents(limit=limit)

    def table() -> Table:
        from rich.table import Table

        t = Table(title=f"documents ({len(found)})")
        t.add_column("id", overflow="fold")
        t.add_column("published", no_wrap=True)
        t.add_column("title", overflow="fold", ratio=3)
        t.add_column("events", justify="right")
        t.add_column("quotes", justify="right")
        t.add_column("not extracted", overflow="fold")
        for d in found:
            t.add_row(d.doc_id, d.published or "", _short(d.title, 80), str(d.events), str(d.quotes),
                      d.skipped or "")
        return t

    header = [f.name for f in fields(DocumentInfo)]
    _write_rows([d.to_dict() for d in found], header, fmt, output, table)


@app.command()
def demo(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Ingest the bundled example article into the database and print its events.

    Example: geoevents demo --db /tmp/demo.duckdb
    """
    from geoevents.ingest import ingest
    from geoevents.pipeline import Pipeline
    from geoevents.sources import iter_documents
    from geoevents.store import Store

    cfg = _settings(config, db)
    seed_resource = resources.files("geoevents").joinpath("examples", "seed.jsonl")
    with resources.as_file(seed_resource) as seed:
        documents = list(iter_documents([seed]))
        pipeline = Pipeline(cfg)
        with Store(cfg.db) as store:
            with _progress(cfg, "extracting the example", len(documents)) as advance:
                summary = ingest(store, documents, pipeline, progress=advance,
                                       inputs=["geoevents/examples/seed.jsonl"])
            found = [e for d in documents for e in store.events(doc_id=d.id)]
            quote_count = sum(len(store.quotes(doc_id=d.id)) for d in documents)
    for d in documents:
        typer.echo(f"Example article: {d.title} (published {d.published})")
    typer.echo(f"ingested into {cfg.db}: {summary.line()}")
    if found:
        _console().print(events_table(found, "events in the example article", show_doc=False))
    else:
        typer.echo(f"no events found in the example article by pipeline {pipeline.version}")
    typer.echo(f"{quote_count} quotes stored. Next: geoevents events --actor RUS --format csv; "
               f"geoevents quotes; geoevents documents (all with --db {cfg.db})")
