"""The web page: paste or upload an article, see its report marked up, download it; and, with
a store, the corpus view. Server-rendered (Jinja, autoescaped) with a little of the app's own
JavaScript; no CDN, no inline script but the report's own, allowed by its hash."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unspin.article import Article
from unspin.errors import UnspinError
from unspin.report.html import render_html, report_csp, templates
from unspin.rules import techniques
from unspin.store import queries
from unspin.web.analysis import Source
from unspin.web.api import store_of
from unspin.web.errors import WebError
from unspin.web.security import CSP_KEY

router = APIRouter(include_in_schema=False)


def page(name: str, status: int = 200, /, **values: Any) -> HTMLResponse:
    body = templates("unspin.web").get_template(name).render(**values)
    return HTMLResponse(body, status_code=status)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    has_store = request.app.state.settings.store is not None
    return page("index.html.j2", has_store=has_store)


@router.post("/analyze")
async def analyze_form(
    request: Request,
    text: Annotated[str, Form()] = "",
    file: UploadFile | None = None,
) -> Response:
    """The paste form: a redirect to the report, or the form again with a readable error."""
    try:
        if file is not None and file.filename:
            source = Source("file", await file.read(), file.filename)
        else:
            source = Source("text", text, "pasted")
        report = await request.app.state.analyses(source)
    except (WebError, UnspinError) as error:
        status = error.status if isinstance(error, WebError) else error.http_status
        return page("index.html.j2", status, error=str(error), text=text[:20000])
    key = request.app.state.reports.add(report)
    return RedirectResponse(f"/reports/{key}", status_code=303)


@router.get("/reports/{key}", response_class=HTMLResponse)
def report_page(request: Request, key: str) -> HTMLResponse:
    found = request.app.state.reports.get(key)
    links = [
        ("New analysis", "/"),
        ("Download JSON", f"/api/reports/{key}?format=json&download=true"),
        ("HTML", f"/api/reports/{key}?format=html&download=true"),
        ("Markdown", f"/api/reports/{key}?format=md&download=true"),
    ]
    request.scope[CSP_KEY] = report_csp()
    return HTMLResponse(render_html(Article.from_dict(found), links=links))


@router.get("/corpus", response_class=HTMLResponse)
def corpus(request: Request, actor: str = "") -> HTMLResponse:
    with store_of(request) as store:
        values: dict[str, Any] = {
            "outlets": queries.outlets(store),
            "rates": _rates(queries.technique_rates(store)),
            "claims": queries.top_claims(store, limit=15),
            "articles": queries.articles(store, limit=30),
            "actor": actor,
            "labels": queries.actor_labels(store, actor) if actor else [],
        }
    return page("corpus.html.j2", **values)


def _rates(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bars for the chart: each outlet's spans per article, by technique, scaled to 100."""
    top = max((r["per_article"] for r in rows), default=0) or 1
    titles = {name: t.title for name, t in techniques().items()}
    colours = {name: t.colour for name, t in techniques().items()}
    return [
        {
            **r,
            "title": titles.get(r["technique"], r["technique"]),
            "colour": colours.get(r["technique"], "#999999"),
            "width": round(100 * r["per_article"] / top, 1),
        }
        for r in rows
    ]


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="unspin API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
    )
