"""The dashboard: server-rendered pages over the API, charts drawn by plotly.js.

Everything is served by the app itself, nothing is fetched from the internet:
plotly.js comes from the ``plotly`` Python package (``package_data/plotly.min.js``),
and the map is drawn on plain longitude/latitude axes because plotly's geo maps
would fetch boundary files from a CDN. Article text is untrusted: templates are
autoescaped and the scripts write data with ``textContent`` only; a Content
Security Policy forbids inline and foreign scripts.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from geoevents.web.article import annotate

WEB_DIR = Path(str(resources.files("geoevents.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
PAGES: tuple[tuple[str, str], ...] = (("/", "Relations"), ("/events", "Events"), ("/network", "Network"),
                                      ("/map", "Map"), ("/articles", "Articles"), ("/alerts", "Alerts"))


def plotly_js_path() -> Path:
    """plotly.min.js as shipped inside the plotly Python package."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: plotly.min.js missing from the plotly package")
    return path


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(WEB_DIR / "templates")),
                       autoescape=select_autoescape(["html"], default=True))


def mount_dashboard(app: FastAPI, read_access: Callable[..., Any]) -> None:
    env = _environment()

    def render(name: str, request: Request, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(pages=PAGES, path=request.url.path, **context)
        return HTMLResponse(html, headers={"Content-Security-Policy": CSP,
                                           "X-Content-Type-Options": "nosniff"})

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        return FileResponse(plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    pages = APIRouter(include_in_schema=False)  # the dashboard's pages, after the static files

    @pages.get("/", response_class=HTMLResponse, include_in_schema=False)
    def relations_page(request: Request) -> HTMLResponse:
        q = request.query_params
        return render("relations.html", request, title="Relations", country=q.get("country", "KGZ"),
                      partners=q.get("with", "RUS,USA,CHN"), by=q.get("by", "month"))

    @pages.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request) -> HTMLResponse:
        return render("events.html", request, title="Events", q=dict(request.query_params))

    @pages.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request) -> HTMLResponse:
        return render("network.html", request, title="Actor network", q=dict(request.query_params))

    @pages.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        return render("map.html", request, title="Map of event locations", q=dict(request.query_params))

    @pages.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts_page(request: Request) -> HTMLResponse:  # self-contained: alerts.html + alerts.js
        return render("alerts.html", request, title="Alerts")

    @pages.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, svc: Any = Depends(read_access)) -> HTMLResponse:
        docs = svc.store.documents(limit=500)
        return render("articles.html", request, title="Articles", documents=docs)

    @pages.get("/articles/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(doc_id: str, request: Request, svc: Any = Depends(read_access)) -> HTMLResponse:
        document = svc.store.document(doc_id)
        if document is None:
            html = env.get_template("missing.html").render(pages=PAGES, path="/articles", doc_id=doc_id,
                                                             title="Not found")
            return HTMLResponse(html, status_code=404, headers={"Content-Security-Policy": CSP})
        extraction = svc.store.extraction(doc_id)
        view = annotate(document, extraction)
        return render("article.html", request, title=document.title or document.id, document=document,
                      view=view)

    app.include_router(pages)
