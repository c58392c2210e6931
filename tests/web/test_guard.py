"""Local mode against other sites, over real HTTP: the attacks of the hardening probe, each refused, and the
security headers every response carries in both modes."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.server.server_helpers import SECRET
from tests.web.browser_helpers import ROOT, running_server
from tests.web.web_fixtures import japan_article, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web.app import WebConfigError, check_settings, mode_warnings

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('guard') / 'site.db'}"
    store = Store(db_url)
    art_id = save_linked(store, japan_article())
    store.close()
    with running_server(db_url, env={"GISTBOOK_MAX_UPLOAD_MB": "1"}) as base:
        yield {"base": base, "article": art_id, "db": db_url}


def notes_on(site: dict[str, object]) -> list[str]:
    reply = httpx.get(f"{site['base']}/api/notes", params={"article_id": site["article"]}, timeout=10)
    assert reply.status_code == 200
    return [n["text"] for n in reply.json()["notes"]]


def page_token(base: str) -> str:
    found = CSRF_META.search(httpx.get(f"{base}/add", timeout=10).text)
    assert found
    return found.group(1)


def test_a_page_on_another_site_cannot_add_a_note(site: dict[str, object]) -> None:
    """The probe's reproduction: a form on evil.example posting to the learner's local gistbook."""
    url = f"{site['base']}/articles/{site['article']}/notes"
    planted = {"text": "planted by another site", "bullet_id": "1"}
    foreign = httpx.post(url, data=planted, headers={"Origin": "http://evil.example"}, timeout=10)
    assert foreign.status_code == 403 and "from origin http://evil.example" in foreign.text
    cross = httpx.post(url, data=planted, headers={"Sec-Fetch-Site": "cross-site"}, timeout=10)
    other_port = httpx.post(url, data=planted, headers={"Origin": "http://127.0.0.1:1"}, timeout=10)
    tokenless = httpx.post(url, data=planted, timeout=10)  # an old browser sending neither header
    assert cross.status_code == other_port.status_code == tokenless.status_code == 403
    assert "planted by another site" not in notes_on(site)


def test_the_pages_own_forms_still_write(site: dict[str, object]) -> None:
    base = str(site["base"])
    art = site["article"]
    bullet = re.search(r'id="b(\d+)"', httpx.get(f"{base}/articles/{art}", timeout=10).text)
    assert bullet
    same = httpx.post(f"{base}/articles/{art}/notes", timeout=10,
                      data={"text": "my own note", "bullet_id": bullet.group(1), "csrf_token": page_token(base)},
                      headers={"Origin": base, "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 303, same.text[:300]
    assert "my own note" in notes_on(site)


def test_scripts_on_this_machine_use_the_api_without_a_token(site: dict[str, object]) -> None:
    """curl or a script sends no Origin and no Sec-Fetch-Site: no web page can make such a request."""
    reply = httpx.post(f"{site['base']}/api/notes", json={"article_id": site["article"], "text": "from a script"},
                       timeout=10)
    assert reply.status_code == 201
    browser_like = httpx.post(f"{site['base']}/api/notes", timeout=10, headers={"Origin": str(site["base"])},
                              json={"article_id": site["article"], "text": "no token"})
    assert browser_like.status_code == 403 and "reload the page" in browser_like.json()["detail"]


def test_a_rebinding_dns_name_reads_nothing(site: dict[str, object]) -> None:
    """DNS rebinding: attacker.example resolves to 127.0.0.1, so its pages would be same-origin with us."""
    reply = httpx.get(f"{site['base']}/api/notes", params={"article_id": site["article"]}, timeout=10,
                      headers={"Host": "attacker.example:8000"})
    assert reply.status_code == 400 and "unknown host" in reply.json()["detail"]
    page = httpx.get(f"{site['base']}/", headers={"Host": "attacker.example"}, timeout=10)
    assert page.status_code == 400 and "gistbook" not in page.text.split("<h1>")[0].lower().replace("· gistbook", "")
    for host in ("localhost", "127.0.0.1", "[::1]"):
        port = str(site["base"]).rsplit(":", 1)[1]
        assert httpx.get(f"{site['base']}/api/stats", headers={"Host": f"{host}:{port}"}, timeout=10).status_code == 200


@pytest.mark.parametrize("path", ["/", "/topics", "/static/app.css", "/articles/424242", "/api/stats", "/docs"])
def test_every_response_carries_the_security_headers(site: dict[str, object], path: str) -> None:
    reply = httpx.get(f"{site['base']}{path}", timeout=10)
    headers = reply.headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_server_mode_pages_cannot_be_framed(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gistbook.web import create_app

    store = Store(f"sqlite:///{tmp_path / 'server.db'}")
    with TestClient(create_app(load_settings(db=store.url, secret=SECRET), store, mode="server")) as client:
        login = client.get("/login")
        assert "frame-ancestors 'none'" in login.headers["content-security-policy"]
        assert login.headers["x-frame-options"] == "DENY"
    store.close()


def test_an_oversized_chunked_upload_is_refused_without_a_traceback(site: dict[str, object]) -> None:
    """413 for a body with no Content-Length that grows past the limit, and nothing but that in the log."""
    port = int(str(site["base"]).rsplit(":", 1)[1])
    log = ROOT / "test-artifacts" / f"server-{port}.log"
    before = log.read_text(errors="replace")

    def chunks() -> Iterator[bytes]:
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n"
        for _ in range(40):
            yield b"x" * 65536

    browser = {"Content-Type": "multipart/form-data; boundary=b", "Origin": str(site["base"]),
               "X-CSRF-Token": page_token(str(site["base"]))}
    script = {"Content-Type": "multipart/form-data; boundary=b"}
    for path, headers in (("/api/articles", script), ("/api/articles", browser), ("/add", browser)):
        try:
            reply = httpx.post(f"{site['base']}{path}", content=chunks(), headers=headers, timeout=20)
            assert reply.status_code == 413, (path, reply.status_code)
        except httpx.HTTPError:  # the server may close before the client has sent it all: also a refusal
            pass
    assert httpx.get(f"{site['base']}/", timeout=10).status_code == 200  # still serving
    added = log.read_text(errors="replace")[len(before):]
    assert "Traceback" not in added and added.count("\n") <= 2, added[:2000]


def test_weak_server_secrets_are_refused() -> None:
    for weak in ("aaaaaaaaaaaaaaaa", "abababababababababababab", "1234567812345678"):
        with pytest.raises(WebConfigError, match="GISTBOOK_SECRET"):
            check_settings(load_settings(secret=weak), "server")
    check_settings(load_settings(secret="kQ3v_9ZtLr2pXw8mBn4sHy6dJc1fGa7e"), "server")


def test_local_mode_over_postgresql_is_warned_about(db_url: str) -> None:
    store = Store(db_url)
    try:
        warned = mode_warnings(store, "local")
        assert bool(warned) == (store.dialect != "sqlite")
        assert all("\n" not in w and "no login" in w for w in warned)
        assert mode_warnings(store, "server") == []
    finally:
        store.close()


def _gistbook(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gistbook.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_serving_local_mode_beyond_this_machine_needs_a_flag(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'open.db'}"
    refused = _gistbook("--db", db, "serve", "--host", "0.0.0.0", "--port", "1")
    assert refused.returncode != 0 and "--allow-remote" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "gistbook.cli", "--db", db, "serve", "--host", "0.0.0.0",
                             "--port", str(port), "--allow-remote"], stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
        assert "warning" in first and "no login" in first
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_base_url_without_its_scheme_is_refused_in_one_line(tmp_path: Path) -> None:
    """Invite links are built on GISTBOOK_BASE_URL, so "notes.example.org" would make broken links."""
    env = {"GISTBOOK_BASE_URL": "notes.example.org", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "gistbook.cli", "--db", f"sqlite:///{tmp_path / 'x.db'}",
                           "articles"], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == ("gistbook: invalid settings: GISTBOOK_BASE_URL: 'notes.example.org' must be an "
                                   "http(s) address such as https://notes.example.org")
    assert load_settings(base_url="https://notes.example.org/").base_url == "https://notes.example.org"
