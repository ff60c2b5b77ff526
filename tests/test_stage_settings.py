"""[stages.<key>] tables in the settings file reach the stage factories; `settings` shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geoevents.cli import app
from geoevents.config import load_config
from geoevents.errors import ConfigError
from geoevents.pipeline import Pipeline


def _settings(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_stage_table_options_reach_the_factory(tmp_path: Path) -> None:
    cfg = load_config(_settings(tmp_path, "[stages.events]\nrelevance = false\nstatement_acts = false\n"),
                      env={})
    assert cfg.stages["events"] == "geoevents.events.v1"  # the factory stays the default's
    assert cfg.stage_options == {"events": {"relevance": False, "statement_acts": False}}
    light = {k: cfg.stages[k] for k in ("actors", "timexes", "places", "events")}
    stage = Pipeline(cfg.replace(stages=light)).stages[-1]
    assert stage.relevance is None and stage.statement_acts is False  # type: ignore[attr-defined]
    default = Pipeline(load_config(env={}).replace(stages=light)).stages[-1]
    assert default.relevance is not None and default.statement_acts is True  # type: ignore[attr-defined]


def test_stage_options_change_the_version(tmp_path: Path) -> None:
    base = load_config(env={})
    light = {k: base.stages[k] for k in ("actors", "timexes", "places", "events")}
    cfg = load_config(_settings(tmp_path, "[stages.events]\nrelevance = false\n"), env={})
    assert Pipeline(cfg.replace(stages=light)).version != Pipeline(base.replace(stages=light)).version


def test_unknown_stage_option_is_a_one_line_error(tmp_path: Path) -> None:
    cfg = load_config(_settings(tmp_path, "[stages.events]\nlexcon = \"x.tsv\"\n"), env={})
    with pytest.raises(ConfigError, match=r"\[stages.events\]: unknown option\(s\) lexcon .*lexicon"):
        Pipeline(cfg)


def test_stage_table_for_a_new_key_needs_a_factory(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[stages.extra\] names no factory"):
        load_config(_settings(tmp_path, "[stages.extra]\nx = 1\n"), env={})


def test_settings_command_shows_stage_options(tmp_path: Path) -> None:
    path = _settings(tmp_path, "[stages.events]\nlexicon = \"my_lexicon.tsv\"\n")
    result = CliRunner().invoke(app, ["settings", "--config", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "stages.events" in line)
    assert "lexicon = 'my_lexicon.tsv'" in row and "geoevents.events.v1" in row
