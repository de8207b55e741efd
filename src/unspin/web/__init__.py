"""The web layer: a REST API and a web page over the same plain functions as the CLI.

    create_app(WebSettings(...)) -> FastAPI
        /api/...   JSON (analyze, reports, and the corpus store when one is configured)
        /          paste or upload an article; /reports/{id} the marked-up report
        /corpus    the corpus view (with a store)
        /docs      OpenAPI

Served by `unspin serve` (uvicorn), bound to 127.0.0.1 unless told otherwise. No endpoint
fetches a URL. Every error has one JSON shape (errors.py); every page a strict CSP.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from unspin import __version__
from unspin.options import Options
from unspin.web import errors
from unspin.web.analysis import Analyses, Source
from unspin.web.security import Limits

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True, slots=True, kw_only=True)
class WebSettings:
    """store: a corpus store to serve (read only); max_request_bytes: the largest request
    body; timeout: seconds an analysis may take; workers: analysis processes; function: run
    analyses with this in threads instead (tests)."""

    store: Path | None = None
    options: Options = field(default_factory=Options)
    max_request_bytes: int = 6 * 1024 * 1024
    timeout: float = 120.0
    workers: int = 2
    reports_kept: int = 200
    function: Callable[[Source, int], dict[str, Any]] | None = None


class Reports:
    """The latest reports made through the page, by id, for viewing and downloads."""

    def __init__(self, keep: int) -> None:
        self.keep, self.items = keep, OrderedDict[str, dict[str, Any]]()

    def add(self, report: dict[str, Any]) -> str:
        import uuid

        key = uuid.uuid4().hex[:16]
        self.items[key] = report
        while len(self.items) > self.keep:
            self.items.popitem(last=False)
        return key

    def get(self, key: str) -> dict[str, Any]:
        if key not in self.items:
            raise errors.WebError(404, "not_found", f"no report {key!r} here (it may have expired)")
        return self.items[key]


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.analyses = Analyses(
            options=settings.options,
            workers=settings.workers,
            timeout=settings.timeout,
            function=settings.function,
        )
        yield
        app.state.analyses.close()

    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        title="unspin",
        version=__version__,
        description="How a news article argues: persuasion techniques, quotes and claims, "
        "actors and accusations, each with its evidence span.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.reports = Reports(settings.reports_kept)
    app.add_middleware(Limits, max_bytes=settings.max_request_bytes)
    errors.install(app)
    from unspin.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
