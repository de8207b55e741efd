"""One JSON shape for every error the web layer returns, with the right HTTP status:

    {"error": {"code": "...", "message": "...", "detail": {...}}}

unspin's own errors carry their status (errors.py); request validation is 422, an unknown
route 404, a wrong method 405, a body over the limit 413, an analysis past its time 504,
anything unexpected 500 (with no stack trace in the answer; it goes to the log).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from unspin.errors import UnspinError

log = logging.getLogger(__name__)

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}


class WebError(Exception):
    """An error of the web layer itself (no store configured, an analysis timed out...)."""

    def __init__(self, status: int, code: str, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.detail = status, code, detail


def error_body(code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail or {}}}


def install(app: FastAPI) -> None:
    @app.exception_handler(UnspinError)
    async def unspin_error(_: Request, error: UnspinError) -> JSONResponse:
        return JSONResponse({"error": error.to_dict()}, status_code=error.http_status)

    @app.exception_handler(WebError)
    async def web_error(_: Request, error: WebError) -> JSONResponse:
        body = error_body(error.code, str(error), error.detail)
        return JSONResponse(body, status_code=error.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in error.errors()
        ]
        body = error_body("invalid_request", "the request is not valid", {"problems": problems})
        return JSONResponse(body, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        code = _CODES.get(error.status_code, "http_error")
        return JSONResponse(error_body(code, str(error.detail)), status_code=error.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        body = error_body("internal_error", "something went wrong inside unspin; see its log")
        return JSONResponse(body, status_code=500)
