"""The REST API: analyse an article (JSON text or html, or a file upload) into an unspin/1
report; fetch a report made earlier in another format; read the corpus store."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.datastructures import UploadFile as StarletteUpload

from unspin.article import Article
from unspin.report import render
from unspin.store import Store, queries
from unspin.web.analysis import Source
from unspin.web.errors import WebError

router = APIRouter(prefix="/api", tags=["api"])
FORMATS = {"json": "application/json", "html": "text/html", "md": "text/markdown"}


class ArticleIn(BaseModel):
    """Either the article's text or a saved page's HTML (the server never fetches a URL)."""

    text: str | None = Field(default=None, description="The article's text.")
    html: str | None = Field(default=None, description="A saved page; its article is extracted.")
    id: str = Field(default="article", max_length=200, description="A name for the article.")


async def analyse(request: Request, source: Source) -> dict[str, Any]:
    report: dict[str, Any] = await request.app.state.analyses(source)
    return report


_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


@router.post(
    "/analyze",
    summary="Analyse one article (JSON text or html, or a file upload): its unspin/1 report",
    openapi_extra=_ANALYZE_BODY,
)
async def analyze(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, StarletteUpload):
            raise WebError(422, "invalid_request", 'the form has no file field "file"')
        data = await upload.read()
        return await analyse(request, Source("file", data, upload.filename or "upload"))
    article = _article_in(await request.body())
    if (article.text is None) == (article.html is None):
        raise WebError(400, "bad_request", 'send exactly one of "text" and "html"')
    if article.text is not None:
        return await analyse(request, Source("text", article.text, article.id))
    return await analyse(request, Source("html", article.html or "", article.id))


def _article_in(body: bytes) -> ArticleIn:
    """The JSON body; not JSON at all is a bad request (400), JSON of the wrong shape 422."""
    try:
        return ArticleIn.model_validate_json(body)
    except ValidationError as error:
        problems = [
            {"where": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]}
            for e in error.errors()
        ]
        unparsable = any(e["type"] == "json_invalid" for e in error.errors())
        status, code = (400, "bad_request") if unparsable else (422, "invalid_request")
        raise WebError(status, code, "the request is not valid", problems=problems) from error


@router.post("/analyze/file", summary="Analyse an uploaded file (.txt or .html), as a form")
async def analyze_file(request: Request, file: Annotated[UploadFile, File()]) -> dict[str, Any]:
    data = await file.read()
    return await analyse(request, Source("file", data, file.filename or "upload"))


@router.get(
    "/reports/{key}", summary="A report made through the web page, as JSON, HTML or Markdown"
)
def report(request: Request, key: str, format: str = "json", download: bool = False) -> Response:
    if format not in FORMATS:
        raise WebError(400, "bad_request", f"format must be one of {', '.join(FORMATS)}")
    found = request.app.state.reports.get(key)
    body = render(Article.from_dict(found), format)
    headers = (
        {"content-disposition": f'attachment; filename="unspin-{key}.{format}"'} if download else {}
    )
    return Response(body, media_type=FORMATS[format] + "; charset=utf-8", headers=headers)


def store_of(request: Request) -> Store:
    path = request.app.state.settings.store
    if path is None:
        raise WebError(404, "no_store", "no corpus store is configured (unspin serve --store PATH)")
    return Store(path, readonly=True)


def _rows(request: Request, ask: Any) -> JSONResponse:
    with store_of(request) as store:
        return JSONResponse(ask(store))


@router.get("/articles", summary="Articles of the corpus store, newest first")
def articles(
    request: Request,
    outlet: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    return _rows(request, lambda s: queries.articles(s, outlet=outlet, limit=limit, offset=offset))


@router.get("/articles/{article_id}", summary="The report of one article of the store")
def article_report(request: Request, article_id: int) -> JSONResponse:
    with store_of(request) as store:
        found = queries.report(store, article_id)
    if found is None:
        raise WebError(404, "not_found", f"the store has no analysed article {article_id}")
    return JSONResponse(found)


@router.get("/search", summary="Full-text search over the store, best first")
def search(
    request: Request, q: str, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> JSONResponse:
    return _rows(request, lambda s: queries.search(s, q, limit=limit))


@router.get("/claims", summary="Claims said in several articles (clusters, or repeats)")
def claims(request: Request, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> JSONResponse:
    return _rows(request, lambda s: queries.top_claims(s, limit=limit))


@router.get("/techniques", summary="Techniques by outlet and month")
def techniques(request: Request, technique: str | None = None) -> JSONResponse:
    return _rows(request, lambda s: queries.techniques_by_outlet(s, technique=technique))


@router.get("/actors/{name}/labels", summary="The labels each outlet pins on an actor")
def actor_labels(request: Request, name: str) -> JSONResponse:
    return _rows(request, lambda s: queries.actor_labels(s, name))
