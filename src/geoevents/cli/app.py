"""The typer application object; commands live in sibling modules."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="geoevents",
    help="News articles in, event data about international relations out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
