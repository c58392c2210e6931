"""App factory and `gistbook serve`: settings checked at start, local vs server mode, nothing kept per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.server.server_helpers import SECRET, add_account, csrf_of, sign_in
from tests.web.browser_helpers import running_server
from tests.web.web_fixtures import japan_article, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app
from gistbook.web.app import WebConfigError, check_settings


def gistbook(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gistbook.cli", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def test_serve_answers_pages_and_api(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    store = Store(url)
    art_id = save_linked(store, japan_article())
    store.close()
    with running_server(url) as base:
        with urllib.request.urlopen(f"{base}/articles/{art_id}") as page:
            assert page.status == 200 and "second finance dialogue" in page.read().decode()
            assert page.headers["server-timing"].startswith("app;dur=")
        with urllib.request.urlopen(f"{base}/api/articles") as api:
            assert json.load(api)["articles"][0]["id"] == art_id


def test_serve_refuses_bad_settings_in_one_line(tmp_path: Path) -> None:
    bad_limit = gistbook("--db", f"sqlite:///{tmp_path / 'x.db'}", "serve", env={"GISTBOOK_MAX_UPLOAD_MB": "0"})
    assert bad_limit.returncode == 2
    assert "invalid settings" in bad_limit.stderr and len(bad_limit.stderr.strip().splitlines()) == 1
    bad_db = gistbook("--db", "nosuchdb://x", "serve")
    assert bad_db.returncode == 2 and "database URL" in bad_db.stderr and "Traceback" not in bad_db.stderr


@pytest.mark.parametrize("secret", [None, "", "changeme", "short-secret"])
def test_server_mode_refuses_placeholder_secrets(secret: str | None) -> None:
    with pytest.raises(WebConfigError, match="GISTBOOK_SECRET"):
        check_settings(load_settings(secret=secret), "server")
    check_settings(load_settings(secret=secret), "local")  # local mode has no sessions to sign


def test_local_mode_has_no_login(client: TestClient) -> None:
    assert client.app.state.mode == "local"  # type: ignore[attr-defined]
    assert client.get("/").status_code == 200 and "local mode" in client.get("/").text


@pytest.mark.postgres
def test_server_mode_on_postgresql_serves_the_same_pages(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    with pytest.raises(WebConfigError):
        create_app(load_settings(db=db_url))
    store = Store(db_url)
    art_id = save_linked(store, japan_article())
    add_account(store, "reader")
    app = create_app(load_settings(db=db_url, secret=SECRET), store)
    with TestClient(app, follow_redirects=False) as client:
        assert app.state.mode == "server"
        assert client.get(f"/articles/{art_id}").status_code == 303  # server mode asks who you are first
        sign_in(client, "reader")
        client.headers["x-csrf-token"] = csrf_of(client)
        assert "Dharma Guardian" in client.get(f"/articles/{art_id}").text
        assert client.post("/api/notes", json={"article_id": art_id, "text": "on postgres"}).status_code == 201
        assert "India–Japan" in client.get("/topics/India–Japan").text
        assert "second finance dialogue" in client.get("/search", params={"q": "finance dialogue"}).text
    store.close()
