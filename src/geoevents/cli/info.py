"""``geoevents settings`` and ``geoevents stages``: what the pipeline is made of."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from geoevents.cli.app import app
from geoevents.config import SETTINGS, load_config


@app.command()
def settings(
    config: Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")] = None,
) -> None:
    """List every setting with its current value and help.

    Example: geoevents settings --config my.toml
    """
    cfg = load_config(config)
    table = Table("setting", "value", "help")
    for s in SETTINGS:
        value = getattr(cfg, s.name)
        if s.name == "api_token" and value:
            value = "***"
        if s.name == "user_data_dir":
            value = f"{cfg.user_data_path()}" + ("" if value else " (platform default)")
        table.add_row(s.name, str(value), s.help)
    for key, options in cfg.stage_options.items():
        shown = ", ".join(f"{k} = {v!r}" for k, v in options.items()) or "(none)"
        table.add_row(f"stages.{key}", shown, f"options for the {cfg.stages.get(key, key)} stage factory")
    Console().print(table)


@app.command()
def stages(
    config: Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")] = None,
) -> None:
    """List the extraction stages in order, with what each reads and writes.

    Example: geoevents stages
    """
    from geoevents.registry import get_factory

    cfg = load_config(config)
    table = Table("key", "factory", "requires", "assigns")
    for key, name in cfg.stages.items():
        f = get_factory(name)
        table.add_row(key, name, ", ".join(f.requires) or "-", f.assigns)
    Console().print(table)
