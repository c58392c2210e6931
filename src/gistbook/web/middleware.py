"""Plain ASGI middleware: request body size limit (413), and amend_head for middleware that adds headers
(Server-Timing lives with the page-speed code, web/speed/timing.py)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

WRITE_METHODS = {"POST", "PUT", "PATCH"}


def too_large_message(limit_bytes: int) -> str:
    return (f"upload too large: the limit is {limit_bytes / (1024 * 1024):g} MB "
            "(set GISTBOOK_MAX_UPLOAD_MB to change it)")


def amend_head(send: Send, amend: Callable[[list[Any]], list[Any]]) -> Callable[[Message], Awaitable[None]]:
    """`send`, with the response head's headers passed through `amend` (the body goes out untouched)."""
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": amend(list(message.get("headers", [])))}
        await send(message)

    return sending


class BodyLimit:
    """Refuses bodies over the limit with 413, by Content-Length up front or by counting a chunked body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        seen = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not started:
                    refused = True  # answer now; the app sees a client that went away and its reply is dropped
                    await self._refuse(scope, send)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except Exception:
            if not refused:
                raise
            # The client has its 413; the app only saw a body cut short (ClientDisconnect while parsing the
            # form), which is no error of ours and must not fill the log with a traceback per refusal.

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = too_large_message(self.max_bytes)
        wants_json = scope["path"].startswith("/api/")
        if wants_json:
            body = json.dumps({"detail": message}).encode()
            ctype = b"application/json"
        else:
            body = (f"<!doctype html><meta charset=utf-8><title>Upload too large · gistbook</title>"
                    f"<link rel=stylesheet href=/static/app.css><main class=page><h1>Upload too large</h1>"
                    f"<p class=error-msg>{message}.</p><p><a href=/add>Back to Add</a></p></main>").encode()
            ctype = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

