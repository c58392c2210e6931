"""Server-Timing from the first byte: uvicorn's HTTP protocol stamps each request when its first bytes are parsed,
and ServerTiming reports the time from that stamp to the response head (`Server-Timing: app;dur=<ms>`, which
bench/web.py reads).

Measuring from the stamp, not from when the app first runs for the request, matters under load: a request read
while the process is busy with others waits in the process before the app sees it, and that wait belongs to the
server's time as much as the page's own work does.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from gistbook.web.middleware import amend_head

RECEIVED = "gistbook.received"  # scope key: time.perf_counter() when the request's first bytes were parsed


class StampedHttpToolsProtocol(HttpToolsProtocol):
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.scope[RECEIVED] = time.perf_counter()  # type: ignore[literal-required]


class ServerTiming:
    """Adds `Server-Timing: app;dur=<ms>`: from the request's first bytes parsed by the server (the stamp above;
    else from here) to its response head, so time waiting in the process counts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = scope.get(RECEIVED) or time.perf_counter()

        def timing(headers: list[Any]) -> list[Any]:
            ms = (time.perf_counter() - began) * 1000
            return [*headers, (b"server-timing", f"app;dur={ms:.2f}".encode())]

        await self.app(scope, receive, amend_head(send, timing))
