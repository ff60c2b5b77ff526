"""Fetching URLs with httpx: a body of at most ``max_bytes``, or a one-line ``FetchError``.

Rules (docs/reliability.md): one deadline of ``timeout`` seconds for the whole request,
redirects included (a server that sends a byte every few seconds is abandoned at the
deadline); at most ``max_bytes`` of body; at most ``MAX_REDIRECTS`` redirects, each target
checked like the first URL; and only public addresses: a host that is or resolves to a
loopback, private, link-local, shared, multicast or reserved address is refused before any
connection, unless ``allow_hosts`` (the setting ``fetch_allow_hosts``) names the host, one of
its addresses, or a network (``10.0.0.0/8``) holding them.

``headers`` adds request headers (a conditional GET's ``If-None-Match`` and
``If-Modified-Since``): a 304 answer comes back as a ``Fetched`` with ``status`` 304 and no
body. A ``FetchError`` says whether trying again may help (``transient``: timeouts, refused
connections, 408, 429, 5xx) and carries the HTTP status and the server's Retry-After.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from geoevents import __version__
from geoevents.errors import FetchError, InputError

USER_AGENT = f"geoevents/{__version__} (+news event extraction)"
MAX_REDIRECTS = 5

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource: the final URL after redirects, its media type and bytes."""

    url: str
    media_type: str  # e.g. "text/html", lower case, no parameters; "" when not sent
    body: bytes
    status: int = 200  # 304 (no body) when a conditional GET found the resource unchanged
    etag: str | None = None  # the validators sent, for the next conditional GET
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def make_client(timeout: float) -> httpx.Client:
    # redirects are followed by ``fetch`` itself, so each target is checked before it is asked
    return httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT})


def _addresses(host: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as err:
        raise FetchError(f"{host}: unreachable (cannot resolve the host name: {err})",
                         transient=True) from None
    found: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in found:
            found.append(address)
    return found


def _allowed(host: str, address: IPAddress, allow_hosts: Iterable[str]) -> bool:
    for entry in allow_hosts:
        entry = entry.strip().lower().strip("[]")
        if not entry:
            continue
        if entry == host:
            return True
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_url(url: str, allow_hosts: Iterable[str] = (), via: str | None = None) -> None:
    """Raise ``FetchError`` unless ``url`` is http(s) to a public address or an allowed host
    (``via``: the URL that redirected here, for the message)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: invalid URL (only http:// and https:// URLs with a host are fetched)")
    host = parts.hostname.lower()
    allow = list(allow_hosts)
    for address in _addresses(host):
        if not _is_public(address) and not _allowed(host, address, allow):
            where = f"{via}: redirected to {url}" if via else url
            raise FetchError(f"{where}: refused: {host} is a non-public address ({address}); "
                             f"add it to the setting fetch_allow_hosts to fetch it")


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float,
                 timeout: float) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url}: document over the size limit of {max_bytes:,} bytes")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: document over the size limit of {max_bytes:,} bytes")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {timeout:g} s (the whole response must arrive "
                             f"within the setting fetch_timeout)", transient=True)
    return b"".join(chunks)


#: HTTP statuses worth asking again later (the server is busy, down or rate-limiting).
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


def fetch(url: str, *, timeout: float, max_bytes: int, client: httpx.Client | None = None,
          allow_hosts: Iterable[str] = (), headers: Mapping[str, str] | None = None) -> Fetched:
    """GET ``url``; unreachable, timed out, refused, HTTP errors and oversize bodies raise
    one-line errors. ``timeout`` is a deadline for the whole exchange, redirects included."""
    own_client = client is None
    client = client or make_client(timeout)
    allow = tuple(allow_hosts)
    deadline = time.monotonic() + timeout
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow, via=url if current != url else None)
            remaining = max(0.01, deadline - time.monotonic())
            with client.stream("GET", current, timeout=httpx.Timeout(remaining),
                               headers=dict(headers or {})) as response:
                # the deadline holds even while a read waits: closing the response ends it
                watchdog = threading.Timer(remaining, response.close)
                watchdog.daemon = True
                watchdog.start()
                try:
                    if response.is_redirect and "location" in response.headers:
                        current = str(response.url.join(response.headers["location"]))
                        continue
                    not_modified = response.status_code == 304  # a conditional GET: unchanged
                    if not not_modified:
                        response.raise_for_status()
                    body = b"" if not_modified else _read_capped(response, url, max_bytes, deadline,
                                                                  timeout)
                except (httpx.StreamClosed, httpx.ReadError, RuntimeError):
                    if time.monotonic() >= deadline:
                        raise httpx.ReadTimeout("deadline") from None
                    raise
                finally:
                    watchdog.cancel()
                media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return Fetched(str(response.url), media_type, body, response.status_code,
                               response.headers.get("etag"), response.headers.get("last-modified"))
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s", transient=True) from None
    except httpx.HTTPStatusError as err:
        status = err.response
        raise FetchError(f"{url}: HTTP {status.status_code} {status.reason_phrase}",
                         status=status.status_code, transient=status.status_code in TRANSIENT_STATUSES,
                         retry_after=_retry_after(status.headers.get("retry-after"))) from None
    except httpx.ConnectError as err:
        raise FetchError(f"{url}: unreachable ({_reason(err)})", transient=True) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
        raise FetchError(f"{url}: invalid URL ({err})") from None
    except httpx.HTTPError as err:
        if time.monotonic() >= deadline:
            raise FetchError(f"{url}: timed out after {timeout:g} s", transient=True) from None
        raise FetchError(f"{url}: fetch failed ({_reason(err)})", transient=True) from None
    finally:
        if own_client:
            client.close()


def _reason(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:120]
