"""Server-mode helpers: an app with accounts over a real store, and signing in the way a browser does."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from gistbook.store import Store
from gistbook.store import users as accounts

SECRET = "a-long-random-test-secret-0123456789"
PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_account(store: Store, name: str, role: str = "learner", password: str = PASSWORD) -> int:
    with store.sessions.begin() as session:
        return accounts.add_user(session, name, role, password).id


def api_token(store: Store, user_id: int) -> str:
    with store.sessions.begin() as session:
        return accounts.make_api_token(session, user_id, "test")


def csrf_of(client: TestClient, path: str = "/") -> str:
    """The CSRF token printed in the page's forms (every page has the sign-out form when signed in)."""
    page = client.get(path)
    found = CSRF_FIELD.search(page.text)
    assert found, f"no csrf field on {path} ({page.status_code})"
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> None:
    token = csrf_of(client, "/login")
    reply = client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"})
    assert reply.status_code == 303, reply.text[:500]
    assert "gistbook_session" in client.cookies
