"""``geoevents alerts``: shifts in relationships, detected over the whole store and listed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from geoevents.cli.app import app
from geoevents.config import load_config
from geoevents.errors import InputError, StoreError

if TYPE_CHECKING:  # the detector needs pandas and scipy: loaded when the command runs
    from geoevents.model import Alert
    from geoevents.store import Store

DbOpt = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB database file [default: setting db, env GEOEVENTS_DB, ./geoevents.duckdb]")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")]


def period_label(alert: Alert) -> str:
    if alert.period == "week":
        from datetime import date

        year, week, _ = date.fromisoformat(alert.period_start).isocalendar()
        return f"{year}-W{week:02d}"
    return alert.period_start


def change_label(alert: Alert) -> str:
    if alert.series == "goldstein":
        return f"{alert.direction} {alert.effect:+.1f}"
    return f"{alert.direction} {alert.effect:.1f}x"


def level_label(alert: Alert) -> str:
    if alert.series == "goldstein":
        return f"{alert.baseline:+.2f} -> {alert.observed:+.2f}"
    return f"{alert.baseline:.3f} -> {alert.observed:.3f}"


def documents_of(store: Store, alerts: list[Alert]) -> dict[str, dict[str, Any]]:
    """Title, publication and url of every article behind these alerts."""
    ids = sorted({d for a in alerts for d in (a.documents or [])})
    if not ids:
        return {}
    rows = store.connection.execute("SELECT doc_id, title, published, url FROM documents "
                                    "WHERE list_contains(?, doc_id)", [ids]).fetchall()
    return {r[0]: {"doc_id": r[0], "title": r[1], "published": r[2], "url": r[3]} for r in rows}


def alerts_table(alerts: list[Alert], new: set[str]) -> Table:
    table = Table(title=f"alerts ({len(alerts)}; countries: a dyad, or a country's profile with *)")
    for name, justify in (("#", "right"), ("countries", "left"), ("series", "left"), ("period", "left"),
                          ("window", "left"), ("change", "right"), ("baseline -> window", "right"),
                          ("events", "right"), ("in articles", "right"), ("of published", "right"),
                          ("p", "right"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)
    for i, a in enumerate(alerts, 1):
        table.add_row(str(i), a.parties, a.series, f"{a.period} {period_label(a)}",
                      f"{a.window_start}..{a.window_end}", change_label(a), level_label(a),
                      str(a.events_count), str(len(a.documents or [])), str(a.volume), f"{a.p_value:.1g}",
                      "new" if a.key in new else "")
    return table


@app.command("alerts")
def alerts_command(
    since: Annotated[str | None, typer.Option(help="only alerts whose window ends on or after this day "
                                              "(2025-11-01, 2025-11, 2025)")] = None,
    refresh: Annotated[bool, typer.Option(help="detect first and store the new alerts (--no-refresh: "
                                          "list the stored ones only, read-only)")] = True,
    articles: Annotated[int, typer.Option(help="articles listed under each alert (0: none)", min=0)] = 3,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl (every field, all articles)")]
        = "table",
    exec_command: Annotated[str | None, typer.Option(
        "--exec", help="run this command for each new alert, the alert as JSON on stdin and in "
                       "GEOEVENTS_ALERT")] = None,
    post: Annotated[str | None, typer.Option(help="POST each new alert as JSON to this URL")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Shifts in relationships: every alert over the store's whole span, new ones detected first.

    A dyad's (or a country's) cooperation, conflict or Goldstein series that broke from its
    own recent baseline (docs/alerts.md). Alerts are stored and never raised twice; --exec
    and --post tell someone about the new ones.

    Example: geoevents alerts --since 2025-11-01 --articles 5
    """
    from geoevents.analysis.alerts import (
        alert_payload,
        describe,
        detect_alerts,
        notify,
        parse_since,
        refresh_alerts,
    )
    from geoevents.store import Store

    if fmt not in ("table", "jsonl"):
        raise InputError(f"--format {fmt!r}: choose table or jsonl")
    day = parse_since(since)
    path = str(db) if db else load_config(config).db
    new: list[Alert] = []
    note = ""
    if not Path(path).exists():
        Store(path, read_only=True)  # raises the one-line error: no store here yet
    try:
        store = Store(path, read_only=not refresh)
    except StoreError as err:
        if not refresh or "in use" not in str(err):
            raise
        store = Store(path, read_only=True)  # a server holds it: detect without storing
        note = "the store is in use by another process: alerts detected now are listed, not stored"
    with store:
        if refresh and not store.read_only:
            new = refresh_alerts(store)
        listed = store.alerts(since=day)
        if note:
            stored_keys = {a.key for a in listed}
            new = [a for a in detect_alerts(store.connection, stored=store.alerts())
                   if a.key not in stored_keys and (day is None or a.window_end >= day)]
            listed = sorted(listed + new, key=lambda a: (a.period_start, a.scope, a.country_a))
        docs = documents_of(store, listed)
    fresh = {a.key for a in new}
    if fmt == "jsonl":
        for alert in listed:
            record = {**alert_payload(alert), "new": alert.key in fresh,
                      "articles": [docs.get(d, {"doc_id": d}) for d in alert.documents or []]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    else:
        console = Console(highlight=False, width=None if Console().is_terminal else 160)
        if note:
            console.print(note, style="yellow")
        if not listed:
            console.print("no alerts" + (f" with a window ending on or after {day}" if day else ""))
        else:
            console.print(alerts_table(listed, fresh))
            if articles:
                for i, alert in enumerate(listed, 1):
                    console.print(f"#{i} {describe(alert)}", style="bold")
                    ids = alert.documents or []
                    for doc_id in ids[:articles]:
                        d = docs.get(doc_id, {})
                        console.print(f"    {str(d.get('published') or '')[:10]}  {d.get('title') or ''}"
                                      f"  [{doc_id}]")
                    if len(ids) > articles:
                        console.print(f"    (+{len(ids) - articles} more articles)", style="dim")
    if new and (exec_command or post):
        sent = notify(new, command=exec_command, url=post)
        typer.echo(f"notified: {sent} of {len(new) * ((exec_command is not None) + (post is not None))} "
                   f"deliveries succeeded", err=True)
