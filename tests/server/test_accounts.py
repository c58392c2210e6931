"""Accounts in server mode: login, logout, password change, roles, invites, API tokens, rate limit, CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import select
from tests.server.conftest import Server
from tests.server.server_helpers import PASSWORD, SECRET, api_token, csrf_of, sign_in
from tests.server.throttle_helpers import fail_until_waiting

from gistbook.config import load_settings
from gistbook.store import Store, models
from gistbook.store import users as accounts
from gistbook.web import create_app


def test_anonymous_is_sent_to_login_and_api_says_401(server: Server) -> None:
    anon = server.client()
    reply = anon.get("/review")
    assert reply.status_code == 303 and reply.headers["location"].startswith("/login?next=%2Freview")
    assert anon.get("/api/notes").status_code == 401
    assert anon.get("/login").status_code == 200


def test_login_sets_a_signed_httponly_lax_cookie_and_logout_ends_it(server: Server) -> None:
    client = server.client()
    token = csrf_of(client, "/login")
    reply = client.post("/login", data={"name": "asha", "password": PASSWORD, "csrf_token": token})
    cookie = reply.headers["set-cookie"]
    assert "gistbook_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/api/me").json()["name"] == "asha"
    stolen = client.cookies["gistbook_session"]
    assert client.post("/logout", data={"csrf_token": csrf_of(client)}).status_code == 303
    replay = server.client()
    replay.cookies.set("gistbook_session", stolen)
    assert replay.get("/api/me").status_code == 401  # the session row is gone, the old cookie is worthless


def test_wrong_password_and_tampered_cookie_are_refused(server: Server) -> None:
    client = server.client()
    token = csrf_of(client, "/login")
    assert client.post("/login", data={"name": "asha", "password": "nope-nope-nope", "csrf_token": token}) \
        .status_code == 400
    signed_in = server.client("asha")
    value = signed_in.cookies["gistbook_session"]
    forged = server.client()
    forged.cookies.set("gistbook_session", value[:-2] + ("00" if not value.endswith("00") else "11"))
    assert forged.get("/api/me").status_code == 401


def test_login_is_rate_limited_in_the_database(server: Server) -> None:
    client = server.client()
    token = csrf_of(client, "/login")
    assert client.post("/login", data={"name": "bilal", "password": "wrong-password!", "csrf_token": token}) \
        .status_code == 400
    fail_until_waiting(server.store, "bilal", "testclient", dt.timedelta(minutes=2))  # TestClient's address
    reply = client.post("/login", data={"name": "bilal", "password": PASSWORD, "csrf_token": token})
    assert reply.status_code == 429  # even the right password waits: the count lives in the shared database
    assert "try again in" in reply.text and int(reply.headers["retry-after"]) >= 120
    other_app = create_app(load_settings(db=server.store.url, secret=SECRET), Store(server.store.url),
                           mode="server")
    from fastapi.testclient import TestClient

    with TestClient(other_app, follow_redirects=False) as second:
        token = csrf_of(second, "/login")
        assert second.post("/login", data={"name": "bilal", "password": PASSWORD, "csrf_token": token}) \
            .status_code == 429
    other_app.state.store.close()


def test_password_change_needs_the_old_one_and_signs_out_other_sessions(server: Server) -> None:
    first, second = server.client("asha"), server.client("asha")
    bad = first.post("/account/password", data={"current": "wrong", "new": "another long pass",
                                                "csrf_token": csrf_of(first)})
    assert bad.status_code == 400
    ok = first.post("/account/password", data={"current": PASSWORD, "new": "another long pass",
                                               "csrf_token": csrf_of(first)})
    assert ok.status_code == 200 and "Password changed" in ok.text
    assert first.get("/api/me").status_code == 200
    assert second.get("/api/me").status_code == 401
    with server.store.session() as session:
        stored = session.scalar(select(models.User.password_hash).where(models.User.name == "asha"))
    assert stored is not None and stored.startswith("$argon2id$")
    sign_in(server.client(), "asha", "another long pass")


def test_passwords_are_hashed_at_the_real_cost_outside_the_tests() -> None:
    """The suite hashes cheaply (tests/conftest.py); what runs for a learner is argon2id at 64 MiB and 3 passes."""
    assert accounts.PROFILE == profiles.RFC_9106_LOW_MEMORY
    made = PasswordHasher.from_parameters(accounts.PROFILE).hash(PASSWORD)
    assert made.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_roles_guard_ingest_delete_and_admin_pages(server: Server) -> None:
    learner, editor, admin = server.client("asha"), server.client("trainer"), server.client("boss")
    assert learner.get("/add").status_code == 403
    assert editor.get("/add").status_code == 200
    assert learner.get("/account/users").status_code == 403
    assert editor.get("/account/users").status_code == 403
    assert admin.get("/account/users").status_code == 200
    bearer = {"Authorization": f"Bearer {api_token(server.store, server.ids['asha'])}"}
    assert learner.delete(f"/api/articles/{server.articles['economy']}", headers=bearer).status_code == 403
    editor_bearer = {"Authorization": f"Bearer {api_token(server.store, server.ids['trainer'])}"}
    assert server.client().delete(f"/api/articles/{server.articles['economy']}", headers=editor_bearer) \
        .status_code == 204
    files = {"files": ("item.md", b"# A new scheme\n\n- The ministry opened a new portal for farmers.\n")}
    assert server.client().post("/api/articles", files=files, headers=bearer).status_code == 403
    assert server.client().post("/api/articles", files=files, headers=editor_bearer).status_code == 200


def test_admin_invite_creates_an_account_once(server: Server) -> None:
    admin = server.client("boss")
    page = admin.post("/account/invites", data={"role": "learner", "csrf_token": csrf_of(admin)})
    import re

    link = re.search(r'<code class="invite-link">([^<]+)</code>', page.text)
    assert link, page.text[:300]
    path = "/invite/" + link.group(1).rsplit("/invite/", 1)[1]
    newcomer = server.client()
    token = csrf_of(newcomer, path)
    joined = newcomer.post(path, data={"name": "chitra", "password": "a fine password", "csrf_token": token})
    assert joined.status_code == 303
    assert newcomer.get("/api/me").json() == {"id": newcomer.get("/api/me").json()["id"], "name": "chitra",
                                               "role": "learner"}
    again = server.client()
    assert again.get(path).status_code == 404
    assert again.post(path, data={"name": "dev", "password": "a fine password",
                                  "csrf_token": csrf_of(again, "/login")}).status_code == 400
    bearer = {"Authorization": f"Bearer {api_token(server.store, server.ids['asha'])}"}
    assert server.client().post("/api/invites", json={"role": "admin"}, headers=bearer).status_code == 403


def test_api_token_from_the_account_page_works_without_cookies(server: Server) -> None:
    client = server.client("bilal")
    page = client.post("/account/tokens", data={"label": "phone", "csrf_token": csrf_of(client)})
    import re

    token = re.search(r'<code class="api-token">([^<]+)</code>', page.text)
    assert token
    bare = server.client()
    assert bare.get("/api/me", headers={"Authorization": f"Bearer {token.group(1)}"}).json()["name"] == "bilal"
    assert bare.get("/api/me", headers={"Authorization": "Bearer gbt_made_up"}).status_code == 401


def test_cli_adds_users_with_password_from_stdin(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    run = [sys.executable, "-m", "gistbook.cli", "--db", url, "users"]
    env = {**os.environ}
    added = subprocess.run([*run, "add", "root", "--role", "admin", "--password-stdin"], input="very secret pw\n",
                           capture_output=True, text=True, timeout=120, env=env)
    assert added.returncode == 0, added.stderr
    short = subprocess.run([*run, "add", "tiny", "--password-stdin"], input="short\n", capture_output=True,
                           text=True, timeout=120, env=env)
    assert short.returncode == 2 and "at least" in short.stderr and "Traceback" not in short.stderr
    bad_role = subprocess.run([*run, "add", "x1", "--role", "king", "--password-stdin"], input="very secret pw\n",
                              capture_output=True, text=True, timeout=120, env=env)
    assert bad_role.returncode == 2 and "role must be" in bad_role.stderr
    listed = subprocess.run([*run, "list", "--json"], capture_output=True, text=True, timeout=120, env=env)
    assert '"root"' in listed.stdout and '"admin"' in listed.stdout
    store = Store(url)
    with store.sessions.begin() as session:
        assert accounts.authenticate(session, "root", "very secret pw", "test") is not None
    store.close()


@pytest.mark.parametrize("secret", [None, "changeme", "short"])
def test_server_mode_refuses_a_missing_or_placeholder_secret(tmp_path: Path, secret: str | None) -> None:
    from gistbook.web.app import WebConfigError

    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    with pytest.raises(WebConfigError):
        create_app(load_settings(db=store.url, secret=secret), store, mode="server")
    store.close()


def test_local_mode_has_no_login(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'local.db'}")
    from tests.web.web_fixtures import local_client

    with local_client(create_app(load_settings(db=store.url), store), follow_redirects=False) as client:
        assert client.get("/review").status_code == 200
        assert client.get("/login").status_code == 404
        assert 'action="/logout"' not in client.get("/stats").text  # nobody to sign out
    store.close()
