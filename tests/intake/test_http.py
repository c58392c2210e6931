"""The polite fetcher against a real server: timeouts, retries, redirects, size caps, robots.txt, delays."""

from __future__ import annotations

import time

import pytest
from tests.intake.intake_server import FEED_ETAG, FEED_MODIFIED, IntakeServer

from gistbook.intake.http import Fetcher, FetchError

CAP = 200 * 1024


def fetcher(**options: float) -> Fetcher:
    return Fetcher(max_bytes=CAP, timeout=options.get("timeout", 0.4), delay=options.get("delay", 0.0),
                   backoff=0.05)


def error_of(srv: IntakeServer, path: str) -> str:
    with fetcher() as f, pytest.raises(FetchError) as caught:
        f.get(srv.base + path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(srv.base + path)
    return message


def test_a_slow_server_times_out_after_bounded_tries(server: IntakeServer) -> None:
    started = time.monotonic()
    assert "timed out" in error_of(server, "/slow.xml")
    assert server.hits["/slow.xml"] == 3
    assert time.monotonic() - started < 3.5


def test_a_server_error_is_retried_then_the_answer_is_used(server: IntakeServer) -> None:
    with fetcher() as f:
        resp = f.get(server.base + "/flaky.xml")
    assert resp.status == 200 and b"Flaky Desk" in resp.body
    assert server.hits["/flaky.xml"] == 2
    assert "HTTP 500" in error_of(server, "/always500.xml") and server.hits["/always500.xml"] == 3


def test_redirect_loops_oversize_bombs_and_binary_types_are_refused(server: IntakeServer) -> None:
    assert "more than 5 redirects" in error_of(server, "/loop-a")
    assert "over the 0.2 MB limit" in error_of(server, "/big.html")
    started = time.monotonic()
    assert "over the 0.2 MB limit" in error_of(server, "/bomb.html")  # 32 MB once inflated, 32 KB on the wire
    assert time.monotonic() - started < 1.0
    assert "content type 'application/octet-stream'" in error_of(server, "/binary.bin")


def test_conditional_get_and_robots(server: IntakeServer) -> None:
    with fetcher() as f:
        first = f.get(server.base + "/feed.xml")
        assert first.etag == FEED_ETAG and first.last_modified == FEED_MODIFIED
        again = f.get(server.base + "/feed.xml", etag=first.etag, last_modified=first.last_modified)
        assert again.not_modified and again.body == b""
        assert not f.allowed(server.base + "/blocked/feed.xml")
        with pytest.raises(FetchError, match="robots.txt disallows"):
            f.get(server.base + "/blocked/feed.xml")
    with fetcher() as f, pytest.raises(FetchError, match="redirected to .*/blocked/feed.xml, which robots.txt"):
        f.get(server.base + "/to-blocked")
    assert server.hits["/blocked/feed.xml"] == 0
    assert server.hits["/robots.txt"] == 2  # once per host per run (two runs here)
    sent = [headers for path, headers in server.requests if path == "/feed.xml"][-1]
    assert sent["if-none-match"] == FEED_ETAG and sent["if-modified-since"] == FEED_MODIFIED


def test_requests_to_one_host_wait_their_turn(server: IntakeServer) -> None:
    with fetcher(delay=0.15) as f:
        f.allowed(server.base + "/")  # robots.txt read first, outside the timing
        started = time.monotonic()
        for _ in range(3):
            f.get(server.base + "/list.html")
    assert time.monotonic() - started >= 0.29
