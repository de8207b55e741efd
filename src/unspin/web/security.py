"""Limits and headers on every response: a request body over the limit is refused with 413
(by its Content-Length, or while it streams in), and each answer carries a strict
Content-Security-Policy (only the app's own scripts and styles; a report page adds the hashes
of its inline script and style), no sniffing, no framing, no referrer."""

from __future__ import annotations

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
            await self._refuse(send)
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
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            error_body(
                "too_large",
                f"the request is over the limit of {self.max_bytes} bytes",
                {"limit": self.max_bytes},
            )
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *_headers({}),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    path: Any = scope.get("path", "")
    policy = scope.get(CSP_KEY) or (DOCS_CSP if path in ("/docs", "/redoc") else CSP)
    return [
        (b"content-security-policy", policy.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
    ]
