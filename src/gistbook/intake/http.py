"""Polite HTTP: bounded time and size (decompressed bytes count), few redirects, robots.txt, a pause per host,
retries with backoff on timeouts and server errors. Every refusal is a FetchError with a one-line reason."""

from __future__ import annotations

import threading
import time
import urllib.robotparser
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from gistbook.read.errors import format_size

USER_AGENT = "gistbook/0.1 (current-affairs notes; polite fetcher)"
MAX_REDIRECTS = 5
TRIES = 3
ROBOTS_MAX_BYTES = 512 * 1024
MAX_CRAWL_DELAY_S = 30.0
_TEXT_TYPES = ("text/",)
_APP_TYPES = frozenset({"application/xhtml+xml", "application/xml", "application/rss+xml", "application/atom+xml",
                        "application/rdf+xml", "application/pdf", "application/x-pdf", "application/feed+json"})


class FetchError(Exception):
    """A URL that could not be fetched as asked; the message is one line naming the reason."""

    def __init__(self, message: str, *, retry: bool = False) -> None:
        super().__init__(message)
        self.retry = retry


@dataclass
class Response:
    url: str  # the requested URL
    final_url: str  # after redirects
    status: int  # 200, or 304 for a conditional request the server says has not changed
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def accepted_type(content_type: str) -> bool:
    """HTML, XML and feeds, text, PDF; an absent type is judged from the content later."""
    mime = content_type.split(";", 1)[0].strip().lower()
    return not mime or mime.startswith(_TEXT_TYPES) or mime in _APP_TYPES or mime.endswith("+xml")


class _Decoder:
    """Counts bytes on the wire and after gzip/deflate, refusing past the cap before inflating any further."""

    def __init__(self, encoding: str, cap: int, url: str) -> None:
        encoding = encoding.strip().lower()
        self.cap, self.url, self.size = cap, url, 0
        self.parts: list[bytes] = []
        if encoding in ("", "identity"):
            self.inflate: zlib._Decompress | None = None
        elif encoding in ("gzip", "x-gzip"):
            self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.inflate = zlib.decompressobj()
        else:
            raise FetchError(f"{url}: unsupported content encoding {encoding!r}")

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.cap:
            raise FetchError(f"{self.url}: response is over the {format_size(self.cap)} limit")
        self.parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self.inflate is None:
            self._keep(chunk)
            return
        data = chunk
        try:
            while data:
                out = self.inflate.decompress(data, self.cap - self.size + 1)  # never more than one byte past the cap
                self._keep(out)
                data = self.inflate.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"{self.url}: response could not be decompressed: {exc}") from None

    def body(self) -> bytes:
        if self.inflate is not None:
            self._keep(self.inflate.flush())
        return b"".join(self.parts)


class Fetcher:
    """One per run (or per worker process): it keeps the connection pool, robots.txt per host and the time of
    the last request to each host. Safe to share between threads."""

    def __init__(self, *, max_bytes: int, timeout: float = 10.0, delay: float = 1.0, tries: int = TRIES,
                 backoff: float = 0.5, respect_robots: bool = True) -> None:
        self.max_bytes, self.timeout, self.delay = max_bytes, timeout, delay
        self.tries, self.backoff, self.respect_robots = max(1, tries), backoff, respect_robots
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}, trust_env=False)
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # politeness -------------------------------------------------------------------------------------------

    @staticmethod
    def _host(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc.lower()}"

    def _wait_turn(self, host: str, delay: float) -> None:
        """Requests to one host are at least `delay` seconds apart, across the threads sharing this fetcher."""
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            wait = self._last.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()

    def _robots_for(self, host: str) -> urllib.robotparser.RobotFileParser:
        with self._lock:
            known = self._robots.get(host)
        if known is not None:
            return known
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            got = self._get_once(host + "/robots.txt", {}, ROBOTS_MAX_BYTES, check_type=False)
        except FetchError as exc:
            if ": HTTP 401" in str(exc) or ": HTTP 403" in str(exc):
                parser.parse(["User-agent: *", "Disallow: /"])
            else:
                parser.parse([])  # none there, or unreachable: nothing forbids
        else:
            parser.parse(got.body.decode("utf-8", "replace").splitlines())
        with self._lock:
            self._robots[host] = parser
        return parser

    def allowed(self, url: str) -> bool:
        return not self.respect_robots or self._robots_for(self._host(url)).can_fetch(USER_AGENT, url)

    def _delay_for(self, host: str) -> float:
        if not self.respect_robots:
            return self.delay
        asked = self._robots_for(host).crawl_delay(USER_AGENT)
        return max(self.delay, min(float(asked or 0), MAX_CRAWL_DELAY_S))

    # fetching ---------------------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET with conditional headers when given; retried on timeouts, dropped connections and 5xx."""
        if not is_http_url(url):
            raise FetchError(f"{url}: not an http(s) URL")
        if not self.allowed(url):
            raise FetchError(f"{url}: robots.txt disallows fetching it")
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(1, self.tries + 1):
            self._wait_turn(self._host(url), self._delay_for(self._host(url)))
            try:
                return self._get_once(url, headers, self.max_bytes, check_type=True)
            except FetchError as exc:
                if not exc.retry or attempt == self.tries:
                    if exc.retry and self.tries > 1:
                        raise FetchError(f"{exc} (after {self.tries} tries)") from None
                    raise
            time.sleep(self.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict[str, str], cap: int, *, check_type: bool) -> Response:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                result = self._request(current, url, headers, cap, check_type)
            except httpx.TimeoutException:
                raise FetchError(f"{url}: timed out (no answer within {self.timeout:g} s)", retry=True) from None
            except httpx.TransportError as exc:
                reason = " ".join(str(exc).split()) or type(exc).__name__
                raise FetchError(f"{url}: connection failed: {reason}", retry=True) from None
            if isinstance(result, Response):
                return result
            current = result
            if not is_http_url(current):
                raise FetchError(f"{url}: redirected to a non-http address {current!r}")
            if check_type and not self.allowed(current):  # a redirect to a path robots.txt keeps us from
                raise FetchError(f"{url}: redirected to {current}, which robots.txt disallows")
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _request(self, current: str, url: str, headers: dict[str, str], cap: int,
                 check_type: bool) -> Response | str:
        """A Response, or the next URL of a redirect."""
        deadline = time.monotonic() + self.timeout * 4  # a server trickling bytes cannot hold us for ever
        with self.client.stream("GET", current, headers=headers) as resp:
            if resp.status_code in (301, 302, 303, 307, 308):
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(f"{url}: HTTP {resp.status_code} redirect without a Location")
                return urljoin(current, location)
            if resp.status_code == 304:
                return Response(url, current, 304, "", b"", resp.headers.get("etag"),
                                resp.headers.get("last-modified"))
            if resp.status_code >= 400:
                retry = resp.status_code >= 500 or resp.status_code == 429
                raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}".rstrip(), retry=retry)
            content_type = resp.headers.get("content-type", "")
            if check_type and not accepted_type(content_type):
                mime = content_type.split(";", 1)[0].strip()
                raise FetchError(f"{url}: content type {mime!r} is not HTML, XML, a feed, text or PDF")
            declared = resp.headers.get("content-length", "")
            encoding = resp.headers.get("content-encoding", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(f"{url}: response is over the {format_size(cap)} limit")
            decoder = _Decoder(encoding, cap, url)
            for chunk in resp.iter_raw():
                decoder.feed(chunk)
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: took longer than {self.timeout * 4:g} s to arrive", retry=True)
            return Response(url, current, resp.status_code, content_type, decoder.body(),
                            resp.headers.get("etag"), resp.headers.get("last-modified"))
