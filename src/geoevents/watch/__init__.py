"""``geoevents watch``: keep a store current from RSS/Atom feeds and sitemaps (docs/watch.md).

    from geoevents.watch import Watcher, WatchOptions, source_list
    with Watcher("news.duckdb", source_list(["feeds.txt"]), WatchOptions(every=900),
                 config=load_config(), after_poll=lambda store: ...) as watcher:
        watcher.run()              # until watcher.stop(); run(once=True) polls each source once

``watcher.py`` runs the rounds, ``polite.py`` fetches (robots.txt, host pace, retries), and
``store/watchstate.py`` keeps the state in the store. ``after_poll(store)`` is called after
every round with the open store: the one place where alerts on what was stored hook in.
"""

from __future__ import annotations

from pathlib import Path

from geoevents.errors import InputError
from geoevents.store.watchstate import SourceStatus, WatchState
from geoevents.watch.polite import FetchRules, PoliteFetcher
from geoevents.watch.watcher import AfterPoll, PollReport, Watcher, WatchOptions, backoff

__all__ = ["AfterPoll", "FetchRules", "PoliteFetcher", "PollReport", "SourceStatus", "WatchOptions",
           "WatchState", "Watcher", "backoff", "parse_every", "source_list"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds in an interval such as ``15m``, ``90s``, ``1h``, ``1d`` or ``600`` (seconds)."""
    value = text.strip().lower()
    unit = _UNITS.get(value[-1:], None)
    number = value[:-1] if unit else value
    try:
        seconds = float(number) * (unit or 1)
    except ValueError:
        raise InputError(f"--every {text}: not an interval; write 15m, 90s, 1h or 1d") from None
    if not seconds > 0 or seconds == float("inf"):
        raise InputError(f"--every {text}: the interval must be more than 0 seconds")
    return seconds


def source_list(items: list[str]) -> list[str]:
    """The feed and sitemap URLs among ``items``: URLs as given, files read for one URL a line
    (blank lines and lines starting with # skipped)."""
    urls: list[str] = []
    for item in items:
        if item.startswith(("http://", "https://")):
            urls.append(item)
            continue
        path = Path(item)
        if not path.is_file():
            raise InputError(f"{item}: neither an http(s) URL nor a file listing URLs")
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"{item}: cannot be read ({err})") from None
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            url = line.split()[0]
            if not url.startswith(("http://", "https://")):
                raise InputError(f"{item} line {number}: {url!r} is not an http(s) URL")
            urls.append(url)
    return list(dict.fromkeys(urls))
