"""Invite links (issue 18) come from settings.base_url, never from the request's Host header, which a client
(or a proxy passing it through) controls: a hostile Host must not turn an admin's invite into a link to
another site. Without a base URL the link is a path on this site, with a note saying so."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.server.conftest import Server
from tests.server.server_helpers import SECRET, csrf_of, sign_in
from typer.testing import CliRunner

from gistbook.cli import app as cli_app
from gistbook.config import load_settings
from gistbook.web import create_app

HOSTILE = {"host": "evil.example"}
LINK = re.compile(r'<code class="invite-link">([^<]+)</code>')


def admin_of(server: Server, **settings: object) -> TestClient:
    app = create_app(load_settings(db=server.store.url, secret=SECRET, **settings), server.store, mode="server")
    client = TestClient(app, follow_redirects=False)
    sign_in(client, "boss")
    return client


def test_invite_links_use_the_configured_base_url_whatever_the_host_header(server: Server) -> None:
    admin = admin_of(server, base_url="https://notes.example.org/")
    page = admin.post("/account/invites", data={"role": "learner", "csrf_token": csrf_of(admin, "/account/users")},
                      headers=HOSTILE)
    link = LINK.search(page.text)
    assert link and link.group(1).startswith("https://notes.example.org/invite/"), page.text[:300]
    made = admin.post("/api/invites", json={"role": "editor"},
                      headers={**HOSTILE, "x-csrf-token": csrf_of(admin)}).json()
    assert made["link"].startswith("https://notes.example.org/invite/") and "note" not in made
    assert "evil.example" not in page.text and "evil.example" not in str(made)
    newcomer = server.client()
    assert newcomer.get(made["path"]).status_code == 200  # the link opens the sign-up form


def test_without_a_base_url_the_link_is_a_path_with_a_note(server: Server) -> None:
    admin = admin_of(server)
    page = admin.post("/account/invites", data={"role": "learner", "csrf_token": csrf_of(admin, "/account/users")},
                      headers=HOSTILE)
    link = LINK.search(page.text)
    assert link and link.group(1).startswith("/invite/") and "GISTBOOK_BASE_URL" in page.text
    made = admin.post("/api/invites", json={"role": "learner"},
                      headers={**HOSTILE, "x-csrf-token": csrf_of(admin)}).json()
    assert made["link"] == made["path"] and made["link"].startswith("/invite/")
    assert "GISTBOOK_BASE_URL" in made["note"] and "evil.example" not in str(made) + page.text


def test_cli_invite_takes_the_base_url_setting(server: Server) -> None:
    runner = CliRunner()
    args = ["--db", server.store.url, "users", "invite", "--role", "editor"]
    configured = runner.invoke(cli_app, args, env={"GISTBOOK_BASE_URL": "https://notes.example.org"})
    assert configured.exit_code == 0 and configured.stdout.startswith("https://notes.example.org/invite/")
    bare = runner.invoke(cli_app, args, env={"GISTBOOK_BASE_URL": ""})
    assert bare.exit_code == 0 and bare.stdout.startswith("/invite/")
    assert bare.stderr.count("\n") == 1 and "GISTBOOK_BASE_URL" in bare.stderr
    flagged = runner.invoke(cli_app, [*args, "--base-url", "https://other.example.net"])
    assert flagged.stdout.startswith("https://other.example.net/invite/")
