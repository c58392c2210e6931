"""Sign-in tries over real HTTP: 25 at once against `gistbook serve` on 127.0.0.1, each claiming another address
in X-Forwarded-For. Only a configured proxy's forwarded address is believed, so all 25 count against the one
real peer, and no more than the free tries reach the password check."""

from __future__ import annotations

import math
import re
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.server.server_helpers import SECRET, add_account, csrf_of
from tests.web.browser_helpers import running_server

from gistbook.config import load_settings
from gistbook.store import Store, throttle
from gistbook.web import create_app

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def throttle_keys(store: Store) -> set[str]:
    with store.session() as session:
        return set(session.scalars(select(throttle.LoginThrottle.key)))


def checks_allowed(elapsed_s: float) -> int:
    """The free tries, plus one more each time a back-off wait (1 s, 2 s, 4 s, …) could have run out."""
    return throttle.FREE_PER_ACCOUNT + int(math.log2(elapsed_s + 1))


def test_25_parallel_http_logins_with_spoofed_forwarded_for(db_url: str) -> None:
    store = Store(db_url)
    add_account(store, "boss", "admin")
    env = {"GISTBOOK_SECRET": SECRET, "GISTBOOK_MODE": "server", "GISTBOOK_TRUSTED_PROXIES": ""}
    with running_server(db_url, env=env) as base:
        with httpx.Client(timeout=60) as first:
            token = CSRF.search(first.get(base + "/login").text).group(1)  # type: ignore[union-attr]
            cookies = dict(first.cookies)

        def attempt(i: int) -> httpx.Response:
            with httpx.Client(cookies=cookies, timeout=120, follow_redirects=False) as browser:
                return browser.post(base + "/login", data={"name": "boss", "password": f"guess number {i}",
                                                           "csrf_token": token},
                                    headers={"X-Forwarded-For": f"10.{i}.0.1"})

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=25) as pool:
            replies = list(pool.map(attempt, range(25)))
        elapsed = time.monotonic() - started
        statuses = sorted(r.status_code for r in replies)
        checked = statuses.count(400)
        assert set(statuses) <= {400, 429}, statuses
        assert throttle.FREE_PER_ACCOUNT <= checked <= checks_allowed(elapsed), (statuses, elapsed)
        refused = next(r for r in replies if r.status_code == 429)
        assert "try again in" in refused.text and int(refused.headers["retry-after"]) >= 1
    assert throttle_keys(store) == {"address:127.0.0.1", "account:boss@127.0.0.1"}  # no spoofed address counted
    store.close()


def test_forwarded_for_is_believed_only_from_a_configured_proxy(db_url: str) -> None:
    store = Store(db_url)
    add_account(store, "asha")
    app = create_app(load_settings(db=db_url, secret=SECRET, trusted_proxies="10.0.0.2, 192.168.7.0/24"), store,
                     mode="server")

    def wrong_login(peer: str, forwarded: str) -> None:
        with TestClient(app, follow_redirects=False, client=(peer, 40000)) as browser:
            token = csrf_of(browser, "/login")
            reply = browser.post("/login", data={"name": "asha", "password": "wrong password", "csrf_token": token},
                                 headers={"X-Forwarded-For": forwarded})
            assert reply.status_code == 400

    wrong_login("198.51.100.20", "203.0.113.99")  # not a proxy: its header is ignored
    assert throttle_keys(store) == {"address:198.51.100.20", "account:asha@198.51.100.20"}
    wrong_login("10.0.0.2", "1.2.3.4, 203.0.113.50")  # the proxy appended the real client; the client wrote 1.2.3.4
    wrong_login("192.168.7.9", "203.0.113.51, 192.168.7.3")  # two trusted hops (a network), then the client
    assert {"address:203.0.113.50", "address:203.0.113.51"} <= throttle_keys(store)
    assert not any("1.2.3.4" in key or "192.168.7" in key or "10.0.0.2" in key for key in throttle_keys(store))
    store.close()
