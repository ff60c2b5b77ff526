"""Actor dictionary commands (geoevents actors ...): see geoevents.actors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geoevents.cli.app import app

actors_app = typer.Typer(help="The actor dictionary: countries, organisations, people with dated roles.\n\n"
                              "Example: geoevents actors import wikidata results.json",
                         no_args_is_help=True)
import_app = typer.Typer(help="Import entries into the actor dictionary.\n\n"
                              "Example: geoevents actors import wikidata results.json",
                         no_args_is_help=True)
actors_app.add_typer(import_app, name="import")
app.add_typer(actors_app, name="actors")


@import_app.command("wikidata")
def import_wikidata_command(
    file: Annotated[Path, typer.Argument(help="SPARQL JSON results: ?person ?personLabel ?positionLabel "
                                              "?start ?end and ?iso3 or ?country")],
    output: Annotated[Path | None, typer.Option("-o", "--output",
                                                help="people table to write (default: "
                                                     "people-wikidata.tsv in the user data "
                                                     "folder's actors/, see geoevents settings)")] = None,
    short_names: Annotated[bool, typer.Option(help="also match surnames alone")] = True,
    config: Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")] = None,
) -> None:
    """Import dated roles (Wikidata P39 with P580/P582) so the dictionary stays current.

    The table goes to the user data folder (setting user_data_dir), never into the installed
    package, so it survives reinstalls; the actors stage loads it beside the package's tables.

    Example: geoevents actors import wikidata heads-of-state.json
    """
    from geoevents.actors.lexicon import get_lexicon, load_people, user_actors_dir
    from geoevents.actors.wikidata import import_wikidata
    from geoevents.config import load_config, use_config
    from geoevents.errors import InputError

    use_config(load_config(config))
    lex = get_lexicon()
    target = output or user_actors_dir() / "people-wikidata.tsv"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"{target.parent}: cannot create the folder ({err.strerror})") from None
    result = import_wikidata(file, target, lex, short_names=short_names)
    load_people(lex, target)  # fails loudly now rather than at the next extraction
    typer.echo(f"{result.rows} roles of {result.people} people written to {result.output}"
               f" ({result.skipped} rows skipped: no name or unknown country)")
