"""uvicorn's HTTP protocol, stamping each request with the moment its first bytes were parsed.

Server-Timing (web/middleware.py) measures from that stamp, not from when the app first runs for the request:
a request read while the process is busy with others waits in the process before the app sees it, and that wait
belongs to the server's time as much as the page's own work does.
"""

from __future__ import annotations

import time

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

RECEIVED = "gistbook.received"  # scope key: time.perf_counter() when the request's first bytes were parsed


class StampedHttpToolsProtocol(HttpToolsProtocol):
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.scope[RECEIVED] = time.perf_counter()  # type: ignore[literal-required]
