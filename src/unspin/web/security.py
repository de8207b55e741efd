"""Limits and headers on every response: a request body over the limit is refused with 413
(by its Content-Length, or while it streams in), and each answer carries a strict
Content-Security-Policy (only the app's own scripts and styles; a report page adds the hashes
of its inline script and style), no sniffing, no framing, no referrer."""

from __future__ import annotations

import html
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unspin.web.errors import error_body

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_CSP = (  # Swagger UI (served from the swagger-ui-bundle package) starts from an inline
    # script; the page shows no article, so that script is allowed there only
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
CSP_KEY = "unspin.csp"  # a route may put its own policy in the request scope under this key


class TooLarge(Exception):
    pass


class Limits:
    """ASGI middleware: the body limit and the security headers."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send, scope)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise TooLarge
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_headers(scope)]
            await send(message)

        try:
            await self.app(scope, limited, with_headers)
        except TooLarge:
            if not started:
                await self._refuse(send, scope)

    async def _refuse(self, send: Send, scope: Scope) -> None:
        """413, as the one JSON error shape for the API, as a short page for the web page."""
        message = f"the request is over the limit of {self.max_bytes} bytes"
        if str(scope.get("path", "")).startswith("/api/"):
            kind = b"application/json"
            body = json.dumps(error_body("too_large", message, {"limit": self.max_bytes})).encode()
        else:
            kind = b"text/html; charset=utf-8"
            body = _PAGE.format(message=html.escape(message)).encode()
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
        await send(
            {"type": "http.response.start", "status": 413, "headers": [*headers, *_headers({})]}
        )
        await send({"type": "http.response.body", "body": body})


_PAGE = (
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>unspin: too large</title>"
    '<link rel=stylesheet href="/static/app.css"></head><body><main class=page>'
    "<p class=error role=alert id=error>The article is too large: {message}. Send a shorter "
    'text or split it.</p><p><a href="/">Back</a></p></main></body></html>'
)


def _headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    path: Any = scope.get("path", "")
    policy = scope.get(CSP_KEY) or (DOCS_CSP if path in ("/docs", "/redoc") else CSP)
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
    ]
