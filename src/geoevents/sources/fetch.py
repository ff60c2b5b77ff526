"""Fetching URLs with httpx: a body of at most ``max_bytes``, or a one-line ``FetchError``."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from geoevents import __version__
from geoevents.errors import FetchError, InputError

USER_AGENT = f"geoevents/{__version__} (+news event extraction)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource: the final URL after redirects, its media type and bytes."""

    url: str
    media_type: str  # e.g. "text/html", lower case, no parameters; "" when not sent
    body: bytes


def make_client(timeout: float) -> httpx.Client:
    return httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: document over the size limit of {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, timeout: float, max_bytes: int, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; unreachable, timed out, HTTP errors and oversize bodies raise one-line errors."""
    own_client = client is None
    client = client or make_client(timeout)
    try:
        with client.stream("GET", url) as response:
            response.raise_for_status()
            body = _read_capped(response, url, max_bytes)
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(str(response.url), media_type, body)
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPStatusError as err:
        status = err.response
        raise FetchError(f"{url}: HTTP {status.status_code} {status.reason_phrase}") from None
    except httpx.ConnectError as err:
        raise FetchError(f"{url}: unreachable ({_reason(err)})") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
        raise FetchError(f"{url}: invalid URL ({err})") from None
    except httpx.HTTPError as err:
        raise FetchError(f"{url}: fetch failed ({_reason(err)})") from None
    finally:
        if own_client:
            client.close()


def _reason(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:120]
