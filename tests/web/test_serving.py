"""How pages are served: Server-Timing counts from the parsed request, quick pages on SQLite run on the event
loop (no thread pool), slow pages and PostgreSQL use the pool."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.browser_helpers import running_server
from tests.web.web_fixtures import japan_article, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app, pages_read
from gistbook.web.speed.timing import RECEIVED


def server_ms(app: Any, scope_extra: dict[str, Any]) -> float:
    """One GET / through the ASGI app; the Server-Timing duration it reports."""
    sent: list[dict[str, Any]] = []
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        while not any(m["type"] == "http.response.body" and not m.get("more_body") for m in sent):  # stays for it all
            await asyncio.sleep(0.01)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/static/favicon.svg", "raw_path": b"/static/favicon.svg", "query_string": b"",
             "root_path": "", "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80), **scope_extra}
    asyncio.run(app(scope, receive, send))
    headers = dict(sent[0]["headers"])
    return float(headers[b"server-timing"].decode().split("dur=")[1])


def test_server_timing_counts_from_when_the_request_was_parsed(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 't.db'}")
    try:
        app = create_app(load_settings(db=store.url), store, mode="local")
        assert server_ms(app, {}) < 400
        assert server_ms(app, {RECEIVED: time.perf_counter() - 0.5}) >= 500  # it waited 0.5 s before the app ran
    finally:
        store.close()


def test_a_real_server_counts_the_wait_behind_an_earlier_request(tmp_path: Path) -> None:
    """`gistbook serve` stamps requests as it parses them: of two requests sent in one packet (pipelined), the
    second is parsed at once but served after the first, and its Server-Timing includes that wait."""
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    store = Store(url)
    art = save_linked(store, japan_article())
    store.close()
    with running_server(url, env={"GISTBOOK_PAGE_CACHE": "0"}) as base:
        host, port = base.removeprefix("http://").split(":")
        one = f"GET /articles/{art} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()  # local mode checks Host
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            sock.sendall(one + one)
            durations, data = [], b""
            while len(durations) < 2:
                chunk = sock.recv(65536)
                assert chunk, "server closed the connection"
                data += chunk
                durations = [float(d) for d in re.findall(rb"server-timing: app;dur=([0-9.]+)", data)]
    assert durations[1] > durations[0]


def page_thread(client: TestClient, monkeypatch: pytest.MonkeyPatch, path: str) -> str:
    """The name of the thread the article page's work ran on."""
    seen: list[str] = []
    real = pages_read.get_article

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(pages_read, "get_article", spy)
    assert client.get(path).status_code == 200
    return seen[0]


def test_quick_pages_run_on_the_loop_over_sqlite_and_in_the_pool_over_postgresql(
        client: TestClient, store: Store, article_ids: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    on = page_thread(client, monkeypatch, f"/articles/{article_ids['japan']}")
    loop_thread = threading.current_thread().name  # never the page's: TestClient runs the app in a portal thread
    assert on != loop_thread
    if store.dialect == "sqlite":
        assert client.app.state.inline_pages and "worker" not in on.lower()  # type: ignore[attr-defined]
    else:
        assert not client.app.state.inline_pages and "worker" in on.lower()  # type: ignore[attr-defined]
