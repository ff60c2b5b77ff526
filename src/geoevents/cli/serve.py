"""``geoevents serve``: the HTTP API and dashboard on 127.0.0.1 by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geoevents.cli.app import app
from geoevents.config import load_config
from geoevents.errors import InputError


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on (127.0.0.1: this machine only)")]
        = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port")] = 8000,
    db: Annotated[Path | None, typer.Option(
        "--db", help="DuckDB database file [default: setting db, env GEOEVENTS_DB]")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over a store.

    Writes (ingest) need the api_token setting (env GEOEVENTS_API_TOKEN).

    Reads are open unless the api_read_requires_token setting is true.

    Example: geoevents serve --db news.duckdb --port 8000
    """
    from geoevents.api import serve

    cfg = load_config(config).replace(db=str(db) if db else None)
    if not Path(cfg.db).exists() and not cfg.api_token:
        raise InputError(f"{cfg.db}: no database here yet; run 'geoevents ingest' or 'geoevents demo' "
                         f"first, or pass --db")
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    serve(cfg, host=host, port=port,
          on_start=lambda: typer.echo(f"geoevents: serving {cfg.db} at {url} (API docs: {url}docs)",
                                      err=True))
