"""Local mode: finished HTML of read-only pages, kept in memory until the database changes.

A page is served from memory only while SQLite's data_version counter (store/changes.py's DataVersion, read on
a connection of our own) is what it was when the page was rendered: any commit by any other connection or
process (an ingest in a terminal, a note saved through the app) changes it, so a stored page can never outlive
the data it shows. The review page also depends on the clock (cards fall due), so it is kept a few seconds at
most. Server mode (PostgreSQL, per-learner pages, several processes) does not use this.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gistbook.store.changes import DataVersion

CACHED_PATHS = re.compile(r"^/(?:articles/\d+(?:/related|/background)?|topics/[^/]+|search|review)$")
SHORT_LIVED = {"/review": 5.0}  # seconds: which card is next also depends on the time
MAX_AGE = 300.0
MAX_ENTRIES = 2048
MAX_BODY = 2 * 1024 * 1024


@dataclass
class _Entry:
    version: int
    stored: float
    status: int
    headers: list[Any]
    body: bytes


class PageCache:
    """ASGI middleware: GET requests for read-only pages answered from memory while the data is unchanged."""

    def __init__(self, app: ASGIApp, version: DataVersion) -> None:
        self.app = app
        self.version = version  # the store's own (Store.memo): one private connection per store, closed with it
        self.entries: OrderedDict[tuple[str, bytes, bool], _Entry] = OrderedDict()
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or not CACHED_PATHS.match(path):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        key = (path, scope.get("query_string", b""), headers.get(b"x-fragment") == b"1")
        version = self.version.read()
        now = time.monotonic()
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None and entry.version == version and now - entry.stored <= SHORT_LIVED.get(path, MAX_AGE):
                self.entries.move_to_end(key)
            else:
                entry = None
        if entry is not None:
            await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self._render_and_keep(scope, receive, send, key, version, now)

    async def _render_and_keep(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes, bool],
                               version: int, now: float) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capturing_send(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                names = {name.lower() for name, _ in message.get("headers", [])}
                keep = message["status"] == 200 and b"set-cookie" not in names
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                keep = sum(len(c) for c in chunks) <= MAX_BODY
            await send(message)

        await self.app(scope, receive, capturing_send)
        if keep and start is not None:
            entry = _Entry(version, now, start["status"], list(start.get("headers", [])), b"".join(chunks))
            with self.lock:
                self.entries[key] = entry
                self.entries.move_to_end(key)
                while len(self.entries) > MAX_ENTRIES:
                    self.entries.popitem(last=False)
