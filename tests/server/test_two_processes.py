"""Two uvicorn processes over one PostgreSQL share nothing in memory: a review made through one is seen through
the other, and a learner's session cookie works on both."""

from __future__ import annotations

import re

import httpx
import pytest
from tests.server.server_helpers import PASSWORD, SECRET, add_account
from tests.web.browser_helpers import running_server
from tests.web.web_fixtures import japan_article, save_linked

from gistbook.store import Store

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(client: httpx.Client, url: str) -> str:
    found = CSRF.search(client.get(url).text)
    assert found
    return found.group(1)


def test_review_through_one_process_is_seen_through_the_other(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("several app processes share PostgreSQL only")
    store = Store(db_url)
    add_account(store, "asha")
    article = save_linked(store, japan_article())
    store.close()
    env = {"GISTBOOK_SECRET": SECRET}
    with running_server(db_url, env=env) as first, running_server(db_url, env=env) as second:
        assert first != second
        with httpx.Client(follow_redirects=False, timeout=30) as browser:
            token = csrf_from(browser, first + "/login")
            signed = browser.post(first + "/login", data={"name": "asha", "password": PASSWORD,
                                                          "csrf_token": token})
            assert signed.status_code == 303
            assert browser.get(second + "/api/me").json()["name"] == "asha"  # same cookie, other process
            header = {"x-csrf-token": csrf_from(browser, second + "/review")}
            made = browser.post(first + "/api/cards", json={"source": "facts"}, headers=header)
            assert made.status_code == 201 and made.json()["made"] > 0
            card = browser.get(second + "/api/cards/next").json()["card"]
            rated = browser.post(second + "/api/reviews", json={"card_id": card["id"], "rating": 3}, headers=header)
            assert rated.status_code == 201
            seen = browser.get(first + "/api/reviews").json()["reviews"]
            assert [r["card_id"] for r in seen] == [card["id"]]
            note = browser.post(first + "/api/notes", json={"article_id": article, "text": "from the first"},
                                headers=header).json()
            assert browser.get(f"{second}/api/notes/{note['id']}").json()["text"] == "from the first"
            cookie = browser.cookies["gistbook_session"]
            logout_token = csrf_from(browser, first + "/")
            assert browser.post(second + "/logout", data={"csrf_token": logout_token}).status_code == 303
        with httpx.Client(cookies={"gistbook_session": cookie}, timeout=30) as replay:
            assert replay.get(first + "/api/me").status_code == 401  # signing out on one ends it on both
