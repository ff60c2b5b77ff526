"""``geoevents watch``: poll feeds and sitemaps into the store; ``--status`` shows the sources."""

from __future__ import annotations

import signal
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from geoevents.cli.app import app
from geoevents.cli.store import ConfigOpt, DbOpt, FormatOpt, OutputFormat, OutputOpt, _settings, _write_rows
from geoevents.errors import InputError, StoreError

if TYPE_CHECKING:
    from geoevents.store import Store


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _say(line: str) -> None:
    typer.echo(f"geoevents: watch {_stamp()}: {line}", err=True)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else "never"


def _status(db: str, fmt: OutputFormat, output: Path | None) -> None:
    from geoevents.watch import WatchState

    if not Path(db).exists():
        raise StoreError(f"{db}: no database here yet; run 'geoevents watch SOURCES' first, or pass --db")
    from geoevents.store import Store

    with Store(db, read_only=True) as store:
        rows = WatchState(store).statuses()
    if not rows and fmt is OutputFormat.table:
        typer.echo(f"{db}: no sources watched yet; run 'geoevents watch SOURCES --db {db}'")
        return

    def table() -> Table:
        t = Table(title=f"watched sources ({len(rows)}) in {db} (times UTC)")
        for column in ("source", "kind", "last poll", "result", "new", "articles", "items", "pending",
                       "skipped", "errors", "last error"):
            t.add_column(column, overflow="fold",
                         justify="right" if column in ("new", "articles", "items", "pending", "skipped",
                                                       "errors") else "left")
        for r in rows:
            t.add_row(r.source, r.kind or "", _when(r.last_poll_at), r.last_result or "",
                      str(r.last_new), str(r.articles_new), str(r.items), str(r.pending),
                      str(r.duplicates + r.robots), str(r.errors),
                      (r.last_error or "").removeprefix(f"{r.source}: "))
        return t

    dicts = [r.to_dict() for r in rows]
    header = list(dicts[0]) if dicts else ["source"]
    _write_rows(dicts, header, fmt, output, table)


@app.command()
def watch(
    sources: Annotated[list[str] | None, typer.Argument(
        help="feed or sitemap URLs, or files listing them one a line; none: the sources the store "
             "already watches")] = None,
    every: Annotated[str, typer.Option(help="interval between polls of a source: 15m, 90s, 1h")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="poll every source once, then exit (cron, tests)")]
        = False,
    status: Annotated[bool, typer.Option(
        "--status", help="show each watched source (last poll, new articles, errors) and exit")] = False,
    host_delay: Annotated[float, typer.Option(
        min=0, help="seconds between the starts of two requests to one host")] = 1.0,
    per_host: Annotated[int, typer.Option(min=1, help="requests at once to one host")] = 1,
    concurrency: Annotated[int, typer.Option(min=1, help="requests at once overall")] = 4,
    retries: Annotated[int, typer.Option(min=0, help="further tries of a timeout, 429 or 5xx, "
                                                     "1 s, 2 s, 4 s... apart")] = 2,
    max_items: Annotated[int, typer.Option(
        min=1, help="pages fetched per source per poll; the rest wait for the next poll")] = 500,
    alert_exec: Annotated[str | None, typer.Option(
        "--alert-exec", help="run this command for each new shift alert (the alert as JSON on "
                             "stdin and in GEOEVENTS_ALERT; docs/alerts.md)")] = None,
    alert_post: Annotated[str | None, typer.Option(
        "--alert-post", help="POST each new shift alert as JSON to this URL")] = None,
    fmt: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Poll RSS/Atom feeds and sitemaps, fetch new items' pages, extract and store them.

    After each round, shift alerts are computed over the whole store and new ones stored
    (as `geoevents alerts` does); --alert-exec / --alert-post also deliver each new one.

    Conditional GETs, robots.txt, a pace per host, retries; the state is kept in the store,
    so a restart resumes. SIGTERM or Ctrl-C finishes the current article, then exits.

    Example: geoevents watch https://example.org/rss.xml feeds.txt --every 15m --db news.duckdb
    (then, from another shell: geoevents watch --status --db news.duckdb)
    """
    from geoevents.store import Store
    from geoevents.watch import Watcher, WatchOptions, WatchState, parse_every, source_list

    cfg = _settings(config, db)
    if status:
        _status(cfg.db, fmt, output)
        return
    urls = source_list(sources or [])
    if not urls:
        if Path(cfg.db).exists():
            with Store(cfg.db, read_only=True) as store:
                urls = WatchState(store).sources()
        if not urls:
            raise InputError("no sources: give feed or sitemap URLs, or a file listing them")
    options = WatchOptions(every=parse_every(every), timeout=cfg.fetch_timeout,
                           max_bytes=cfg.max_document_bytes, allow_hosts=tuple(cfg.fetch_allow_hosts),
                           host_delay=host_delay, per_host=per_host, concurrency=concurrency,
                           retries=retries, max_items=max_items)
    def after_poll(store: Store) -> None:
        from geoevents.analysis.alerts import describe, notify, refresh_alerts

        try:
            new = refresh_alerts(store)
        except Exception as err:  # alerts must never stop the watch
            _say(f"alerts: not computed this round ({type(err).__name__}: {err})")
            return
        for alert in new:
            _say(f"alert: {describe(alert)}")
        if new and (alert_exec or alert_post):
            notify(new, command=alert_exec, url=alert_post)

    with Watcher(cfg.db, urls, options, config=cfg, report=_say, after_poll=after_poll) as watcher:
        def on_signal(signum: int, frame: FrameType | None) -> None:
            if watcher.stopping and signum == signal.SIGINT:
                raise KeyboardInterrupt  # a second Ctrl-C: stop now
            watcher.stop()
            _say(f"{signal.Signals(signum).name}: finishing the current article, then exiting")

        previous: dict[int, Any] = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            if not once:
                _say(f"watching {len(urls)} source(s) every {every} into {cfg.db}; "
                     f"Ctrl-C or SIGTERM stops")
            reports = watcher.run(once=once)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
    if watcher.stopping:
        _say(f"stopped; state kept in {cfg.db}")
    if once and reports and reports[-1].sources and reports[-1].source_errors == reports[-1].sources:
        raise typer.Exit(1)  # every source failed (each one's error is above)
