"""Command-line interface: thin commands over the library.

Each command parses its arguments, makes one call into the library, and turns
``GeoeventsError`` into a one-line message with a non-zero exit code.
"""

from __future__ import annotations

import logging
import os
import sys

from geoevents.cli import actors as _actors  # noqa: F401  (registers commands)
from geoevents.cli import alerts as _alerts  # noqa: F401
from geoevents.cli import extract as _extract  # noqa: F401
from geoevents.cli import info as _info  # noqa: F401
from geoevents.cli import relations as _relations  # noqa: F401
from geoevents.cli import serve as _serve  # noqa: F401
from geoevents.cli import store as _store  # noqa: F401
from geoevents.cli import watch as _watch  # noqa: F401
from geoevents.cli.app import app
from geoevents.errors import GeoeventsError

__all__ = ["app", "main"]


def main() -> None:
    logging.basicConfig(level=os.environ.get("GEOEVENTS_LOG", "WARNING"),
                        format="geoevents: %(levelname)s: %(message)s")
    try:
        app()
    except GeoeventsError as err:
        print(f"geoevents: error: {err}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("geoevents: interrupted; completed batches are kept", file=sys.stderr)
        sys.exit(130)
    except Exception as err:  # last resort: one line, not a traceback
        if os.environ.get("GEOEVENTS_DEBUG"):
            raise
        print(f"geoevents: internal error: {type(err).__name__}: {err} "
              f"(set GEOEVENTS_DEBUG=1 for the traceback)", file=sys.stderr)
        sys.exit(2)
