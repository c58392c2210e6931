"""A real HTTP server on 127.0.0.1 for intake tests and bench/intake.py: fixture feeds and pages, plus faults."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.intake.fixture_articles import ARTICLES, article_html, listing_html, rss

FEED_ETAG = '"desk-feed-1"'
FEED_MODIFIED = "Sat, 21 Mar 2026 10:00:00 GMT"
ROBOTS = "User-agent: *\nDisallow: /blocked/\n"


class IntakeServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, slow_s: float = 2.0, big_bytes: int = 2 * 1024 * 1024, bomb_bytes: int = 64 * 1024 * 1024):
        super().__init__(("127.0.0.1", 0), Handler)
        self.slow_s, self.big_bytes = slow_s, big_bytes
        self.bomb = gzip.compress(b" " * bomb_bytes, compresslevel=9)
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.routes: dict[str, Callable[[Handler], None]] = {}  # extra routes a test or bench adds
        self.pages: dict[str, tuple[str, bytes]] = {}  # path → (content type, body)
        self.lock = threading.Lock()
        self.article_delay_s = 0.0  # a slow site: each article page waits this long

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout, a refused size) is expected here, not a failure of the server."""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # a connection left idle is closed, so the server never hangs a test
    server: IntakeServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] += 1
            self.server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            hits = self.server.hits[path]
        base = self.server.base
        if path in self.server.routes:
            self.server.routes[path](self)
        elif path in self.server.pages:
            kind, body = self.server.pages[path]
            self.send(200, body, kind)
        elif path == "/robots.txt":
            self.send(200, ROBOTS.encode(), "text/plain")
        elif path in ("/feed.xml", "/blocked/feed.xml"):
            if self.headers.get("If-None-Match") == FEED_ETAG or self.headers.get("If-Modified-Since") == FEED_MODIFIED:
                self.send(304, b"", headers={"ETag": FEED_ETAG})
                return
            self.send(200, rss(base).encode(), "application/rss+xml; charset=utf-8",
                      {"ETag": FEED_ETAG, "Last-Modified": FEED_MODIFIED})
        elif path.startswith("/articles/") and path.endswith(".html"):
            time.sleep(self.server.article_delay_s)
            slug = path[len("/articles/"):-len(".html")]
            found = [a for a in ARTICLES if a[0] == slug]
            if not found:
                self.send(404, b"no such article")
                return
            self.send(200, article_html(*found[0]).encode())
        elif path == "/list.html":
            self.send(200, listing_html(base).encode())
        elif path == "/slow.xml":
            time.sleep(self.server.slow_s)
            self.send(200, rss(base, ARTICLES[:1]).encode(), "application/rss+xml")
        elif path == "/flaky.xml":  # a server error on the first request only
            if hits == 1:
                self.send(500, b"temporary trouble")
                return
            self.send(200, rss(base, ARTICLES[:2], title="Flaky Desk").encode(), "application/rss+xml")
        elif path == "/always500.xml":
            self.send(500, b"broken for good")
        elif path == "/to-blocked":
            self.send(302, b"", headers={"Location": "/blocked/feed.xml"})
        elif path in ("/loop-a", "/loop-b"):
            self.send(302, b"", headers={"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        elif path == "/notxml.xml":
            self.send(200, b"this feed is { not xml at all, just words and braces }", "application/rss+xml")
        elif path == "/big.html":  # no Content-Length: the size shows only while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"filler words " * 5000 + b"</p>\n"
            sent = 0
            try:
                while sent < self.server.big_bytes:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/bomb.html":
            self.send(200, self.server.bomb, "text/html", {"Content-Encoding": "gzip"})
        elif path == "/binary.bin":
            self.send(200, b"\x00\x01\x02" * 100, "application/octet-stream")
        else:
            self.send(404, b"not found")


@contextmanager
def serving(**options: Any) -> Iterator[IntakeServer]:
    server = IntakeServer(**options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
