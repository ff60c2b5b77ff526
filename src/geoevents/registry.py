"""Registered stage factories, named by versioned strings.

``geoevents.actors.v1`` names a factory; when a stage's behaviour changes, a
``v2`` is registered beside it and ``v1`` kept, so old configs still load and
results stay reproducible. Built-in stages are registered in ``factories``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geoevents.errors import ConfigError
from geoevents.stage import Stage


@dataclass(frozen=True)
class StageFactory:
    name: str
    make: Callable[..., Stage]
    assigns: str
    requires: tuple[str, ...]
    default_config: dict[str, Any]


_FACTORIES: dict[str, StageFactory] = {}


def register_stage(name: str, make: Callable[..., Stage], *, assigns: str,
                   requires: tuple[str, ...] = (),
                   default_config: dict[str, Any] | None = None) -> None:
    """Register a stage factory under a versioned name such as ``geoevents.time.v1``."""
    _FACTORIES[name] = StageFactory(name, make, assigns, requires, dict(default_config or {}))


def get_factory(name: str) -> StageFactory:
    from geoevents import factories  # noqa: F401  (registers the built-ins)

    try:
        return _FACTORIES[name]
    except KeyError:
        options = ", ".join(sorted(_FACTORIES))
        raise ConfigError(f"unknown stage {name!r}; available stages: {options}") from None


def registered() -> dict[str, StageFactory]:
    from geoevents import factories  # noqa: F401

    return dict(_FACTORIES)
