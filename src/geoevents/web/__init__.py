"""The dashboard: server-rendered pages over the API, charts drawn by plotly.js.

Everything is served by the app itself, nothing is fetched from the internet:
plotly.js comes from the ``plotly`` Python package (``package_data/plotly.min.js``),
Swagger UI for ``/docs`` from the ``fastapi-offline`` package,
and the map's country outlines are Natural Earth's, shipped in
``static/vendor/world-atlas/`` and drawn on longitude/latitude axes (plotly's geo maps
would fetch their boundary files from a CDN). Article text is untrusted: templates are
autoescaped and the scripts write data with ``textContent`` only; a Content Security
Policy forbids inline and foreign scripts on the dashboard's pages.

Each page is a :class:`View` in ``VIEWS``: a path, a template (extending ``base.html``)
and a function giving the template its context. A new page is a template, a ``View``
added with :func:`add_view` before ``create_app``, and, for its charts, a function
registered in ``static/dashboard.js`` (``registerPage``) or a script of its own named in
``View.scripts``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from geoevents.web.article import annotate

WEB_DIR = Path(str(resources.files("geoevents.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
#: Where the API docs' scripts and styles are served from (files of the fastapi-offline package).
DOCS_STATIC = "/static/vendor/apidocs"
ARTICLES_PER_PAGE = 50

Context = Callable[[Request, Any], dict[str, Any]]


@dataclass(frozen=True)
class View:
    """One dashboard page: ``GET path`` renders ``template`` with ``context(request, service)``.

    ``label`` names it in the navigation (None: not listed); ``scripts`` are extra files
    under ``/static/`` the page loads after ``dashboard.js``.
    """

    path: str
    label: str | None
    template: str
    title: str
    context: Context | None = None
    scripts: tuple[str, ...] = field(default_factory=tuple)


def store_defaults(svc: Any) -> dict[str, Any]:
    """What every view starts from: the store's span, its most active country and partners,
    the period that suits the span, and the coverage counts (statements and events without a
    coded actor left out, as the views do by default). Cached while the store is unchanged."""
    from geoevents.analysis import EventFilter, overview
    from geoevents.analysis.dyads import store_state

    con = svc.con()
    key = (str(svc.config.db), store_state(con))
    with _DEFAULTS_LOCK:
        if key in _DEFAULTS:
            return _DEFAULTS[key]
    data = overview(con, EventFilter(include_statuses=("occurred", "planned", "reported", "negated",
                                                       "hypothetical"), statements=False, uncoded=False),
                     top=5)
    cover = data["coverage"]
    defaults = {**data["defaults"], "coverage": cover,
                "span": _span(cover["first"], cover["last"]),
                "published_span": _span(cover["published_first"], cover["published_last"])}
    with _DEFAULTS_LOCK:
        if len(_DEFAULTS) > 16:
            _DEFAULTS.clear()
        _DEFAULTS[key] = defaults
    return defaults


_DEFAULTS: dict[tuple[str, str], dict[str, Any]] = {}
_DEFAULTS_LOCK = threading.Lock()


def _span(first: Any, last: Any) -> str:
    if first is None or last is None:
        return ""
    return str(first) if first == last else f"{first} – {last}"


def _query(request: Request) -> dict[str, Any]:
    return {"q": dict(request.query_params)}


def _with_defaults(request: Request, svc: Any) -> dict[str, Any]:
    return {"q": dict(request.query_params), "store": store_defaults(svc)}


def _relations_context(request: Request, svc: Any) -> dict[str, Any]:
    q = request.query_params
    store = store_defaults(svc)
    return {"q": dict(q), "store": store, "country": q.get("country") or store["country"] or "",
            "partners": q.get("with") or ",".join(store["partners"]), "by": q.get("by", "auto")}


def _sources_context(request: Request, svc: Any) -> dict[str, Any]:
    from geoevents.store.watchstate import WatchState

    return {"q": dict(request.query_params), "sources": WatchState(svc.store).statuses()}


VIEWS: list[View] = [
    View("/", "Overview", "overview.html", "Overview", _with_defaults),
    View("/relations", "Relations", "relations.html", "Relations", _relations_context),
    View("/events", "Events", "events.html", "Events", _with_defaults),
    View("/network", "Network", "network.html", "Country network", _with_defaults),
    View("/map", "Map", "map.html", "Map of event locations", _with_defaults),
    View("/alerts", "Alerts", "alerts.html", "Alerts", scripts=("alerts.js",)),
    View("/sources", "Sources", "sources.html", "Watched sources", _sources_context),
]


def add_view(view: View, before: str | None = None) -> None:
    """Add a page (before the one at path ``before``, else last); call before ``create_app``."""
    paths = [v.path for v in VIEWS]
    if view.path in paths:
        raise ValueError(f"a view at {view.path} exists already")
    VIEWS.insert(paths.index(before) if before in paths else len(VIEWS), view)


def navigation() -> list[tuple[str, str]]:
    return [(v.path, v.label) for v in VIEWS if v.label] + [("/articles", "Articles")]


def plotly_js_path() -> Path:
    """plotly.min.js as shipped inside the plotly Python package."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: plotly.min.js missing from the plotly package")
    return path


def api_docs_dir() -> Path:
    """Swagger UI as shipped inside the fastapi-offline package (which ships ReDoc too, unused here)."""
    import fastapi_offline

    path = Path(fastapi_offline.__file__).parent / "static"
    if not (path / "swagger-ui-bundle.js").is_file():
        raise FileNotFoundError(f"{path}: swagger-ui-bundle.js missing from the fastapi-offline package")
    return path


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(WEB_DIR / "templates")),
                       autoescape=select_autoescape(["html"], default=True))


def mount_api_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI from files in an installed package, so it renders offline. No ``/redoc``:
    ReDoc's page loads Redocly's logo from their CDN."""
    app.mount(DOCS_STATIC, StaticFiles(directory=str(api_docs_dir())), name="apidocs")
    openapi = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi, title=f"{app.title} API", oauth2_redirect_url="/docs/oauth2-redirect",
            swagger_js_url=f"{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_STATIC}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None})  # the validator badge calls an outside server

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()


def mount_dashboard(app: FastAPI, read_access: Callable[..., Any]) -> None:
    env = _environment()

    def render(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(pages=navigation(), path=request.url.path, **context)
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CSP,
                                                               "X-Content-Type-Options": "nosniff"})

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        return FileResponse(plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    mount_api_docs(app)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    pages = APIRouter(include_in_schema=False)  # the dashboard's pages, after the static files

    def view_route(view: View) -> Callable[..., Response]:
        def route(request: Request, svc: Any = Depends(read_access)) -> Response:
            if view.path == "/" and "country" in request.query_params:  # the old relations address
                return RedirectResponse(f"/relations?{request.url.query}", status_code=307)
            context = view.context(request, svc) if view.context else _query(request)
            return render(view.template, request, title=view.title, scripts=view.scripts, **context)
        return route

    for view in VIEWS:
        pages.add_api_route(view.path, view_route(view), methods=["GET"], response_class=HTMLResponse,
                            response_model=None, include_in_schema=False)


    @pages.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, svc: Any = Depends(read_access),
                      q: str = Query("", max_length=200), offset: int = Query(0, ge=0, le=10_000_000),
                      sort: str = "-published") -> HTMLResponse:
        from geoevents.api import DOCUMENT_SORTS, document_page

        if sort.lstrip("-") not in DOCUMENT_SORTS:
            sort = "-published"
        listing = document_page(svc.con(), ARTICLES_PER_PAGE, offset, q, sort)
        return render("articles.html", request, title="Articles", listing=listing, q=q.strip(), sort=sort,
                      sorts=list(DOCUMENT_SORTS))

    @pages.get("/articles/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(doc_id: str, request: Request, svc: Any = Depends(read_access)) -> HTMLResponse:
        document = svc.store.document(doc_id)
        if document is None:
            return render("missing.html", request, status=404, doc_id=doc_id, title="Not found")
        extraction = svc.store.extraction(doc_id)
        view = annotate(document, extraction)
        return render("article.html", request, title=document.title or document.id, document=document,
                      view=view)

    app.include_router(pages)
