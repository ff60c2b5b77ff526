"""Docs match the code: README commands, CI script, command help, settings."""

import re

import pytest
import typer.main

from geoevents.cli import app
from geoevents.config import SETTINGS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_commands() -> list[str]:
    head = README.split("\n## ", 1)[0]
    return [line.strip() for line in head.splitlines() if line.startswith("    ")]


def test_docs_readme_starts_with_demo_and_test_commands():
    commands = _readme_commands()
    assert len(commands) >= 2
    assert "geoevents demo" in commands[0]
    assert "pytest" in commands[1]


def test_docs_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1].replace('"', "").replace("'", "") in ci.replace('"', "").replace("'", "")


def _commands():
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            for sub_name, sub in cmd.commands.items():
                yield f"{name} {sub_name}", sub
        else:
            yield name, cmd


@pytest.mark.parametrize("name, cmd", list(_commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_docs_every_command_has_help_with_example(name, cmd):
    assert cmd.help and "Example:" in cmd.help, f"{name} lacks help with an example"


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_docs_every_setting_is_in_the_readme(setting):
    assert re.search(rf"`{setting}`", README), f"setting {setting} is not documented in README.md"
