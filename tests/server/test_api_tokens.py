"""API tokens (issue 18): listed without their secret, revoked by their owner (or an admin's CLI), expiring after
settings.token_days, last use recorded at most once a minute, and all revoked by a password change."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.server.conftest import Server
from tests.server.server_helpers import PASSWORD, SECRET, api_token, csrf_of
from typer.testing import CliRunner

from gistbook.cli import app as cli_app
from gistbook.config import load_settings
from gistbook.store import users as accounts
from gistbook.store.models import utcnow
from gistbook.web import create_app

NEW_TOKEN = re.compile(r'<code class="api-token">([^<]+)</code>')


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_learner_lists_and_revokes_only_their_own_tokens(server: Server) -> None:
    mine, theirs = api_token(server.store, server.ids["asha"]), api_token(server.store, server.ids["bilal"])
    api = server.client()
    listed = api.get("/api/account/tokens", headers=bearer(mine))
    assert listed.status_code == 200
    tokens = listed.json()["tokens"]
    assert [t["label"] for t in tokens] == ["test"] and set(tokens[0]) == {"id", "label", "created", "last_used",
                                                                           "expires", "expired"}
    assert mine not in listed.text and accounts.digest(mine) not in listed.text
    with server.store.session() as session:
        their_id = accounts.list_api_tokens(session, server.ids["bilal"])[0].id
    refused = api.delete(f"/api/account/tokens/{their_id}", headers=bearer(mine))
    assert refused.status_code == 404 and "no API token" in refused.json()["detail"]
    assert api.get("/api/me", headers=bearer(theirs)).status_code == 200  # bilal's token still works
    assert api.delete(f"/api/account/tokens/{tokens[0]['id']}", headers=bearer(mine)).status_code == 204
    assert api.get("/api/me", headers=bearer(mine)).status_code == 401


def test_revoking_from_a_browser_needs_the_csrf_token(server: Server) -> None:
    asha = server.client("asha")
    made = NEW_TOKEN.search(asha.post("/account/tokens", data={"label": "phone",
                                                               "csrf_token": csrf_of(asha)}).text)
    assert made
    listed = asha.get("/api/account/tokens").json()["tokens"]
    token_id = next(t["id"] for t in listed if t["label"] == "phone")
    assert asha.delete(f"/api/account/tokens/{token_id}").status_code == 403  # a cookie alone is not enough
    page = asha.get("/account").text
    assert f'action="/account/tokens/{token_id}/revoke"' in page and "phone" in page
    assert made.group(1) not in page  # listed, never shown again
    assert asha.post(f"/account/tokens/{token_id}/revoke", data={}).status_code == 403
    done = asha.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(asha, "/account")})
    assert done.status_code == 200 and "revoked" in done.text
    assert server.client().get("/api/me", headers=bearer(made.group(1))).status_code == 401
    other = asha.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(asha, "/account")})
    assert other.status_code == 404


def test_tokens_expire_after_the_configured_days(server: Server) -> None:
    now = utcnow()
    with server.store.sessions.begin() as session:
        old = accounts.make_api_token(session, server.ids["asha"], "old", days=3, now=now - dt.timedelta(days=3))
        fresh = accounts.make_api_token(session, server.ids["asha"], "fresh", days=3, now=now)
    client = server.client()
    assert client.get("/api/me", headers=bearer(old)).status_code == 401
    assert client.get("/api/me", headers=bearer(fresh)).status_code == 200
    short = create_app(load_settings(db=server.store.url, secret=SECRET, token_days=2), server.store, mode="server")
    with TestClient(short) as api:
        made = api.post("/api/tokens", json={"label": "short"}, headers=bearer(fresh)).json()
    expires = dt.datetime.fromisoformat(made["expires"])
    assert dt.timedelta(days=2) - dt.timedelta(minutes=5) < expires - utcnow() <= dt.timedelta(days=2)


def test_last_use_is_written_at_most_once_a_minute(server: Server) -> None:
    token, now = api_token(server.store, server.ids["bilal"]), utcnow() - dt.timedelta(minutes=10)

    def last_used() -> dt.datetime | None:
        with server.store.session() as session:
            value = session.scalar(select(accounts.ApiToken.last_used)
                                   .where(accounts.ApiToken.token_hash == accounts.digest(token)))
        return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value

    assert last_used() is None
    for seconds in (0, 20, 59):
        with server.store.session() as session:
            assert accounts.token_user(session, token, now=now + dt.timedelta(seconds=seconds)) is not None
        assert last_used() == now
    with server.store.session() as session:
        accounts.token_user(session, token, now=now + dt.timedelta(seconds=61))
    assert last_used() == now + dt.timedelta(seconds=61)
    server.client().get("/api/me", headers=bearer(token))  # through the gate, on the real clock
    assert (used := last_used()) is not None and used > now + dt.timedelta(seconds=61)


def test_a_password_change_revokes_tokens_and_other_sessions_but_not_this_one(server: Server) -> None:
    token = api_token(server.store, server.ids["asha"])
    here, elsewhere = server.client("asha"), server.client("asha")
    changed = here.post("/account/password", data={"current": PASSWORD, "new": "a brand new password",
                                                   "csrf_token": csrf_of(here, "/account")})
    assert changed.status_code == 200 and "API tokens revoked" in changed.text
    assert here.get("/api/me").status_code == 200
    assert elsewhere.get("/api/me").status_code == 401
    assert server.client().get("/api/me", headers=bearer(token)).status_code == 401
    with server.store.session() as session:
        assert accounts.list_api_tokens(session, server.ids["asha"]) == []


def test_cli_lists_and_revokes_any_users_tokens(server: Server) -> None:
    runner = CliRunner()
    db = ["--db", server.store.url, "users"]
    token = api_token(server.store, server.ids["bilal"])
    listed = runner.invoke(cli_app, [*db, "tokens", "bilal", "--json"])
    assert listed.exit_code == 0, listed.output
    assert '"label": "test"' in listed.stdout and token not in listed.stdout and '"last_used": null' in listed.stdout
    with server.store.session() as session:
        token_id = accounts.list_api_tokens(session, server.ids["bilal"])[0].id
    plain = runner.invoke(cli_app, [*db, "tokens", "BILAL"])
    fields = plain.stdout.rstrip("\n").split("\t")
    assert fields[:2] == [str(token_id), "test"] and fields[3] == "last used never"
    assert re.fullmatch(r"made \d{4}-\d\d-\d\d \d\d:\d\d UTC", fields[2]) and fields[4].startswith("expires 20")
    revoked = runner.invoke(cli_app, [*db, "revoke", str(token_id)])
    assert revoked.exit_code == 0 and f"revoked API token {token_id} (test) of bilal" in revoked.stdout
    assert server.client().get("/api/me", headers=bearer(token)).status_code == 401
    for unknown in (str(token_id), "999999", "abc"):
        missing = runner.invoke(cli_app, [*db, "revoke", unknown])
        assert missing.exit_code == 2 and missing.stderr.count("\n") == 1, missing.stderr
        assert missing.stderr.startswith("gistbook: no API token with id")
    nobody = runner.invoke(cli_app, [*db, "tokens", "nobody"])
    assert nobody.exit_code == 2 and nobody.stderr == "gistbook: no user named 'nobody'\n"
