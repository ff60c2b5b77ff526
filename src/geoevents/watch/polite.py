"""Fetching politely: robots.txt, a per-host pace and concurrency cap, retries with back-off.

Every request of ``geoevents watch`` goes through one ``PoliteFetcher``:

- **robots.txt** (``urllib.robotparser``) is read once a day per site, for the user agent
  token ``geoevents``; a URL it disallows is never requested (``Disallowed``). As RFC 9309
  says, a robots.txt that is missing (4xx) allows everything, one that answers 401/403
  disallows everything, and one that cannot be had (5xx, timeout) disallows the site until
  it can be read (tried again at the next poll). A ``Crawl-delay`` longer than the pace is
  honoured (up to ``MAX_CRAWL_DELAY``).
- **a pace per host**: requests to one host start at least ``host_delay`` seconds apart,
  and at most ``per_host`` run at once; ``concurrency`` caps requests in flight overall
  (the watcher's thread pool).
- **retries**: a transient failure (timeout, refused connection, 408/429/5xx) is tried
  again up to ``retries`` times, waiting 1, 2, 4... seconds (``Retry-After`` when the
  server sends one, up to ``MAX_RETRY_AFTER``); other failures are final at once.
- the rules of ``sources.fetch``: the deadline per response, the size limit, and non-public
  hosts only when ``fetch_allow_hosts`` allows them.

Waiting is cut short by the stop event (SIGTERM, Ctrl-C): ``Stopped`` is raised.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from geoevents.errors import FetchError
from geoevents.sources.fetch import Fetched, fetch, make_client

ROBOTS_AGENT = "geoevents"
ROBOTS_TTL = 24 * 3600.0  # seconds a robots.txt is trusted
ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB
MAX_CRAWL_DELAY = 60.0
MAX_RETRY_AFTER = 120.0
BACKOFF_BASE = 1.0


class Disallowed(FetchError):
    """robots.txt disallows the URL: it is not requested."""


class Stopped(Exception):
    """The watcher is stopping: no new request is started."""


@dataclass(frozen=True, slots=True)
class FetchRules:
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    allow_hosts: tuple[str, ...] = ()
    host_delay: float = 1.0
    per_host: int = 1
    retries: int = 2


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


class HostGate:
    """At most ``per_host`` requests at once to a host, starting ``delay`` seconds apart."""

    def __init__(self, delay: float, per_host: int, stop: threading.Event) -> None:
        self.delay, self.per_host, self.stop = delay, max(1, per_host), stop
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """A longer pace for one host (its robots.txt Crawl-delay)."""
        with self._lock:
            self._delays[host] = max(self.delay, min(seconds, MAX_CRAWL_DELAY))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self.per_host))
        while not semaphore.acquire(timeout=0.2):
            if self.stop.is_set():
                raise Stopped()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + self._delays.get(host, self.delay)
            if start > now and self.stop.wait(start - now):
                raise Stopped()
            yield
        finally:
            semaphore.release()


class PoliteFetcher:
    """GET with robots.txt, the host pace, retries and the fetch rules; thread-safe."""

    def __init__(self, rules: FetchRules, stop: threading.Event | None = None) -> None:
        self.rules = rules
        self.stop = stop or threading.Event()
        self.gate = HostGate(rules.host_delay, rules.per_host, self.stop)
        self.client: httpx.Client = make_client(rules.timeout)
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, float]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.requests = 0  # requests sent, robots.txt included (for tests and benchmarks)

    def close(self) -> None:
        self.client.close()

    def forget_failed_robots(self) -> None:
        """Sites whose robots.txt could not be read are asked again (at each poll)."""
        with self._lock:
            self._robots = {k: v for k, v in self._robots.items() if v[0] is not None}

    def _once(self, url: str, headers: Mapping[str, str] | None, max_bytes: int) -> Fetched:
        with self.gate.slot(host_of(url)):
            with self._lock:
                self.requests += 1
            return fetch(url, timeout=self.rules.timeout, max_bytes=max_bytes, client=self.client,
                         allow_hosts=self.rules.allow_hosts, headers=headers)

    def _with_retries(self, url: str, headers: Mapping[str, str] | None, max_bytes: int) -> Fetched:
        attempt = 0
        while True:
            if self.stop.is_set():
                raise Stopped()
            try:
                return self._once(url, headers, max_bytes)
            except FetchError as err:
                if not err.transient or attempt >= self.rules.retries:
                    raise
                wait = BACKOFF_BASE * 2 ** attempt
                if err.retry_after is not None:
                    if err.retry_after > MAX_RETRY_AFTER:
                        raise  # asked to come back much later: at the next poll
                    wait = max(wait, err.retry_after)
                attempt += 1
                if self.stop.wait(wait):
                    raise Stopped() from None

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's parsed robots.txt (None: it could not be read, so nothing is allowed)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(site, threading.Lock())
        with lock:  # one fetch of a site's robots.txt, however many threads want it
            cached = self._robots.get(site)
            if cached and time.monotonic() - cached[1] < ROBOTS_TTL:
                return cached[0]
            parser = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
            try:
                page = self._with_retries(f"{site}/robots.txt", None, ROBOTS_MAX_BYTES)
                parser.parse(page.body.decode("utf-8", errors="replace").splitlines())
            except FetchError as err:
                if err.status in (401, 403):
                    parser.disallow_all = True
                elif err.status is not None and 400 <= err.status < 500:
                    parser.allow_all = True
                elif err.transient:
                    parser = None  # unreachable: disallowed until it can be read
                else:  # refused host, invalid URL: the request itself will say why
                    parser.allow_all = True
            except Exception:  # a robots.txt over the size limit, undecodable
                parser.allow_all = True
            with self._lock:
                self._robots[site] = (parser, time.monotonic())
            if parser is not None:
                delay = parser.crawl_delay(ROBOTS_AGENT)
                if delay:
                    self.gate.set_delay(host_of(url), float(delay))
            return parser

    def allowed(self, url: str) -> bool:
        parser = self._robots_for(url)
        if parser is None:
            return False
        return parser.can_fetch(ROBOTS_AGENT, url)

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """The response to GET ``url`` (304 when ``headers`` made it conditional and nothing
        changed); ``Disallowed``, ``FetchError`` or ``InputError`` (over the size limit)."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(f"{url}: invalid URL (only http:// and https:// URLs are watched)")
        if not self.allowed(url):
            parser = self._robots_for(url)
            why = "robots.txt could not be read" if parser is None else "robots.txt disallows it"
            raise Disallowed(f"{url}: not fetched ({why})", transient=parser is None)
        return self._with_retries(url, headers, self.rules.max_bytes)
