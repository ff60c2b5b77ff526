"""``geoevents extract`` and ``geoevents resolve-actors``: pure functions, no database."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated

import typer

from geoevents.cli.app import app
from geoevents.config import load_config
from geoevents.errors import InputError


@contextmanager
def _open_in(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdin
        return
    from geoevents.sources.decode import REPLACE, SAMPLE_BYTES, counting_replacements, detect_encoding

    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a JSON Lines file")
    with open(p, "rb") as raw:
        encoding = detect_encoding(raw.read(SAMPLE_BYTES), path)  # UTF-8, UTF-16 with a BOM, cp1252...
    with counting_replacements(path), open(p, encoding=encoding, errors=REPLACE) as stream:
        yield stream


@contextmanager
def _open_out(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    p = Path(path)
    if p.parent and not p.parent.exists():
        raise InputError(f"{path}: directory {p.parent} does not exist")
    tmp = p.with_name(p.name + ".part")
    with open(tmp, "w", encoding="utf-8") as stream:
        yield stream
    tmp.replace(p)  # only a complete output replaces an earlier one


ConfigOpt = Annotated[Path | None, typer.Option("--config", help="settings file (TOML)")]


@app.command()
def extract(
    docs: Annotated[str, typer.Argument(help="JSON Lines documents ({id, text, published...}); - for stdin")],
    output: Annotated[str, typer.Option("-o", "--output", help="output JSON Lines; - for stdout")] = "-",
    model: Annotated[str | None, typer.Option(help="spaCy model package")] = None,
    batch_size: Annotated[int | None, typer.Option(help="documents per spaCy batch")] = None,
    n_process: Annotated[int | None, typer.Option("--processes", help="parsing processes")] = None,
    strict: Annotated[bool, typer.Option(help="stop at a malformed line instead of skipping it")] = False,
    config: ConfigOpt = None,
) -> None:
    """Extract events, actors, timexes, quotes and places; one JSON record per document.

    Example: geoevents extract docs.jsonl -o out.jsonl
    """
    from geoevents.pipeline import Pipeline
    from geoevents.sources.jsonl import read_jsonl_stream

    cfg = load_config(config).replace(model=model, batch_size=batch_size, n_process=n_process)
    pipeline = Pipeline(cfg)
    with _open_in(docs) as stream:
        documents = list(read_jsonl_stream(stream, docs, on_error="stop" if strict else "skip"))
    if not documents:
        raise InputError(f"{docs}: no documents found")
    with _open_out(output) as out:
        for extraction in pipeline.extract(documents):
            out.write(extraction.to_json() + "\n")


@app.command("resolve-actors")
def resolve_actors(
    actors: Annotated[str, typer.Argument(help="JSON Lines of {id, text, date}; - for stdin")],
    output: Annotated[str, typer.Option("-o", "--output", help="output JSON Lines; - for stdout")] = "-",
) -> None:
    """Code actor strings at their dates: {id, text, date} -> {id, country, sector, code, plover_sectors...}.

    Example: geoevents resolve-actors actors.jsonl -o coded.jsonl
    """
    from geoevents.actors.resolve import resolve_string

    with _open_in(actors) as stream, _open_out(output) as out:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{actors}:{lineno}: expected a JSON object with 'text'") from None
            actor = resolve_string(str(text), record.get("date"))
            out.write(json.dumps({"id": record.get("id"), "text": text, "country": actor.country,
                                  "sector": actor.sector, "code": actor.code, "name": actor.name,
                                  "wikidata": actor.wikidata, "plover_sectors": actor.plover_sectors or []},
                                 ensure_ascii=False) + "\n")
