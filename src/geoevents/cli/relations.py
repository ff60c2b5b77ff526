"""``geoevents relations``, ``geoevents export`` and ``geoevents regroup``: analysis and exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from geoevents.cli.app import app
from geoevents.config import load_config
from geoevents.errors import InputError
from geoevents.store.export import FORMATS

if TYPE_CHECKING:  # pandas, rich tables and the analysis load inside the commands (fast --help)
    import pandas as pd
    from rich.table import Table

#: periods of ``relations --by`` (``analysis.query.PERIODS``, checked there)
PERIODS = ("day", "week", "month", "quarter", "year")

DbOpt = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB database file [default: setting db, env GEOEVENTS_DB, ./geoevents.duckdb]")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")]


def _db(config: Path | None, db: Path | None) -> str:
    return str(db) if db else load_config(config).db


def _period_label(period: pd.Timestamp, by: str) -> str:
    if by == "year":
        return f"{period.year}"
    if by == "quarter":
        return f"{period.year}-Q{period.quarter}"
    if by == "month":
        return period.strftime("%Y-%m")
    if by == "week":
        iso = period.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return period.strftime("%Y-%m-%d")


def relations_table(frame: pd.DataFrame, country: str, by: str) -> Table:
    import pandas as pd
    from rich.table import Table

    table = Table(title=f"{country}: relations by {by} (events; * = placed by publication date)")
    for name, justify in (("period", "left"), ("partner", "left"), ("events", "right"),
                          ("coop verbal/material", "right"), ("conflict verbal/material", "right"),
                          ("goldstein sum", "right"), ("goldstein mean", "right"), ("*", "right")):
        table.add_column(name, justify=justify, no_wrap=True)
    share = "events_share" in frame.columns
    if share:
        table.add_column("share of volume", justify="right")
    for row in frame.itertuples():
        mean = "" if pd.isna(row.goldstein_mean) else f"{row.goldstein_mean:+.2f}"
        cells = [_period_label(row.period, by), row.partner, str(row.events),
                 f"{row.cooperation} ({row.verbal_cooperation}/{row.material_cooperation})",
                 f"{row.conflict} ({row.verbal_conflict}/{row.material_conflict})",
                 f"{row.goldstein_sum:+.1f}", mean, str(row.placed_by_published or "")]
        if share:
            cells.append("" if pd.isna(row.events_share) else f"{row.events_share:.2%}")
        table.add_row(*cells, style=None if row.events else "dim")
    return table


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def active_periods(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the periods in which some partner has events (tables; charts keep the zeros)."""
    busy = frame.groupby("period")["events"].transform("sum") > 0
    return frame[busy]


def events_behind(frame: pd.DataFrame) -> Table:
    from rich.table import Table

    table = Table(title=f"the events behind the table ({len(frame)})")
    for name in ("day", "partner", "source", "event", "target", "status", "evidence", "doc"):
        table.add_column(name, overflow="fold", no_wrap=name in ("day", "event"))
    for row in frame.itertuples():
        day = row.day.strftime("%Y-%m-%d") + ("*" if row.placed_by_published else "")
        evidence = " ".join(_text(row.evidence_text).split())
        plover = row.plover if isinstance(row.plover, str) else ""
        table.add_row(day, row.partner, _text(row.source_code), f"{row.cameo} {plover}".strip(),
                      _text(row.target_code), _text(row.status),
                      evidence if len(evidence) < 90 else evidence[:89] + "…", row.doc_id)
    return table


def write_chart(frame: pd.DataFrame, country: str, by: str, path: Path) -> None:
    """Cooperation (solid) and conflict (dashed) per partner, and the Goldstein mean below."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if str(path.parent) and not path.parent.is_dir():
        raise InputError(f"{path}: directory {path.parent} does not exist")
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True,
                                      gridspec_kw={"height_ratios": [2, 1]})
    for i, (partner, part) in enumerate(frame.groupby("partner", sort=False)):
        color = f"C{i}"
        top.plot(part["period"], part["cooperation"], marker="o", color=color, label=f"{partner} cooperation")
        top.plot(part["period"], part["conflict"], marker="x", linestyle="--", color=color,
                 label=f"{partner} conflict")
        bottom.plot(part["period"], part["goldstein_mean"], marker="o", color=color, label=partner)
    top.set_ylabel("events")
    top.set_title(f"{country}: cooperation and conflict with each partner, by {by}")
    top.legend(fontsize="small", ncol=2)
    top.grid(alpha=0.3)
    bottom.axhline(0, color="grey", linewidth=0.8)
    bottom.set_ylabel("Goldstein mean")
    bottom.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


@app.command("relations")
def relations_command(
    country: Annotated[str, typer.Argument(help="the country (ISO3, e.g. KGZ) or actor code")],
    partners: Annotated[str, typer.Option("--with", help="partners, comma-separated (RUS,USA,CHN)")],
    by: Annotated[str, typer.Option("--by", help=f"period: {', '.join(PERIODS)}")] = "month",
    since: Annotated[str | None, typer.Option(help="first day (2025-01-01, or 2025, 2025-01)")] = None,
    until: Annotated[str | None, typer.Option(help="last day")] = None,
    weighted: Annotated[bool, typer.Option(help="count every report (article), not each event once")] = False,
    normalise: Annotated[str | None, typer.Option(
        help="add shares of the period's volume: events or articles")] = None,
    undated: Annotated[str, typer.Option(
        help="events without a date in the text: 'published' (placed by publication date) or 'exclude'")]
        = "published",
    all_statuses: Annotated[bool, typer.Option(
        "--all-statuses", help="include negated and hypothetical events")] = False,
    directed: Annotated[bool, typer.Option(help="only events where the country is the source")] = False,
    all_periods: Annotated[bool, typer.Option("--all-periods", help="also list periods without events")]
        = False,
    list_events: Annotated[bool, typer.Option("--events", help="also list the events behind the table")]
        = False,
    png: Annotated[Path | None, typer.Option("--png", help="write a chart to this PNG file")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="write the table as CSV")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """How a country's relations with partners move: events, cooperation, conflict per period.

    Example: geoevents relations KGZ --with RUS,USA,CHN --by month --events --png kgz.png
    """
    from rich.console import Console

    from geoevents.analysis import EventFilter, relation_events, relations
    from geoevents.store import Store

    statuses = ("occurred", "planned", "reported", "negated", "hypothetical") if all_statuses else None
    flt = EventFilter(include_statuses=statuses, undated=undated, start=since, end=until)
    with Store(_db(config, db), read_only=True) as store:
        con = store.connection
        frame = relations(con, country, partners, by=by, weighted=weighted, normalise=normalise,
                          directed=directed, flt=flt)
        behind = relation_events(con, country, partners, directed=directed, flt=flt) if list_events else None
    console = Console(highlight=False, width=None if Console().is_terminal else 140)
    country = country.strip().upper()
    if frame.empty:
        console.print(f"no events between {country} and {partners} in the store")
    else:
        shown = frame if all_periods else active_periods(frame)
        console.print(relations_table(shown, country, by))
        if len(shown) < len(frame):
            console.print(f"({frame['period'].nunique() - shown['period'].nunique()} periods without "
                          f"events not shown; --all-periods shows them)", style="dim")
    if behind is not None and not behind.empty:
        console.print(events_behind(behind))
    if csv_out:
        frame.to_csv(csv_out, index=False)
    if png:
        if frame.empty:
            raise InputError(f"{png}: nothing to chart, no events between {country} and {partners}")
        write_chart(frame, country, by, png)
        console.print(f"chart written to {png}")


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="the file to write")],
    fmt: Annotated[str, typer.Option("--format", help=f"one of {', '.join(FORMATS)}")] = "csv",
    actor: Annotated[str | None, typer.Option(help="source actor: code/ISO3 prefix or name")] = None,
    target: Annotated[str | None, typer.Option(help="target actor, as --actor")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER category or CAMEO prefix")] = None,
    since: Annotated[str | None, typer.Option(help="events dated on or after this day")] = None,
    until: Annotated[str | None, typer.Option(help="events dated on or before this day")] = None,
    min_tone: Annotated[float | None, typer.Option(
        "--min-tone", min=-100, max=100, help="events whose tone (-100..100) is at least this")] = None,
    max_tone: Annotated[float | None, typer.Option(
        "--max-tone", min=-100, max=100, help="events whose tone is at most this")] = None,
    header: Annotated[bool, typer.Option(help="GDELT: add a header line of column names")] = False,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Export events: GDELT 2.0 event TSV (61 columns) or CSV / JSON Lines / Parquet (own schema).

    Example: geoevents export --format gdelt -o events.tsv --since 2025-01-01
    """
    from geoevents.store import Store
    from geoevents.store.export import export_events

    filters = {"actor": actor, "target": target, "type": type, "since": since, "until": until,
               "min_tone": min_tone, "max_tone": max_tone}
    with Store(_db(config, db), read_only=True) as store:
        result = export_events(store.connection, output, fmt, filters=filters, header=header)
    typer.echo(result.line(output))
    if result.without_tone:
        typer.echo(f"geoevents: warning: {result.without_tone} row(s) without AvgTone: their articles were "
                   f"stored before tone was computed; 'geoevents recode' fills it", err=True)


@app.command("regroup")
def regroup_command(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Rebuild event groups (one event, many reports), near-duplicate marks and the dyad index.

    Example: geoevents regroup --db news.duckdb
    """
    from geoevents.analysis.dyads import build_dyad_index
    from geoevents.store import Store
    from geoevents.store.groups import rebuild_groups

    path = _db(config, db)
    with Store(path) as store:
        count = rebuild_groups(store.connection)
        build_dyad_index(store.connection)
        [(groups,)] = store.connection.execute("SELECT count(*) FROM event_groups").fetchall()
        [(dups,)] = store.connection.execute(
            "SELECT count(*) FROM document_fingerprints WHERE duplicate_of IS NOT NULL").fetchall()
    typer.echo(f"{path}: {count} events in {groups} event groups; {dups} near-duplicate articles")
