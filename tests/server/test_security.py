"""Attacks through the web app in server mode: markup and SQL in every input, path traversal in uploads,
oversized and malformed bodies, CSRF on every state-changing form, and session fixation."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from tests.server.conftest import Server
from tests.server.server_helpers import PASSWORD, csrf_of

from gistbook.store import models as m

SCRIPT = '<script>alert("pwn")</script><img src=x onerror=alert(1)>'
SQL_STRINGS = ["' OR '1'='1", "1; DROP TABLE users; --", "\" OR 1=1 --", "') UNION SELECT password_hash FROM users --",
               "%' AND 1=0 UNION SELECT NULL --"]


def test_markup_in_notes_names_and_search_comes_out_as_text(server: Server) -> None:
    admin = server.client("boss")
    page = admin.post("/account/invites", data={"role": "learner", "csrf_token": csrf_of(admin)})
    assert "<script>" not in page.text
    asha = server.client("asha")
    article = server.articles["japan"]
    made = asha.post(f"/articles/{article}/notes", data={"text": SCRIPT, "csrf_token": csrf_of(asha)})
    assert made.status_code == 303
    html = asha.get(f"/articles/{article}").text
    assert SCRIPT not in html and "&lt;script&gt;alert(" in html
    search = asha.get("/search", params={"q": SCRIPT}).text
    assert "<script>alert(" not in search
    login = server.client().get("/login", params={"next": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in login
    refused = server.client()
    bad_name = refused.post("/login", data={"name": SCRIPT, "password": "x", "csrf_token": csrf_of(refused, "/login")})
    assert bad_name.status_code == 400 and "<script>alert(" not in bad_name.text


def test_open_redirect_after_login_is_refused(server: Server) -> None:
    client = server.client()
    token = csrf_of(client, "/login")
    reply = client.post("/login", data={"name": "asha", "password": PASSWORD, "csrf_token": token,
                                        "next": "//evil.example/x"})
    assert reply.headers["location"] == "/"


@pytest.mark.parametrize("attack", SQL_STRINGS)
def test_sql_strings_in_every_query_parameter(server: Server, attack: str) -> None:
    asha = server.client("asha")
    gets = [("/", {"category": attack}), ("/search", {"q": attack}), ("/search", {"q": "japan", "category": attack,
                                                                                   "entity": attack}),
            ("/api/search", {"q": attack, "category": attack, "entity": attack}),
            ("/api/articles", {"category": attack}),
            ("/api/topics", {"kind": attack}), (f"/api/topics/{attack}", {}), (f"/topics/{attack}", {}),
            ("/api/quiz", {"topic": attack}), ("/quiz", {"topic": attack}), ("/api/notes", {"article_id": attack}),
            ("/api/stats", {"exam": attack}), ("/review", {"exam": attack}), ("/login", {"next": attack})]
    for path, params in gets:
        reply = asha.get(path, params=params)
        assert reply.status_code < 500, (path, params, reply.text[:300])
    login = server.client()
    tok = csrf_of(login, "/login")
    assert login.post("/login", data={"name": attack, "password": attack, "csrf_token": tok}).status_code == 400
    with server.store.session() as session:
        assert session.scalar(select(func.count()).select_from(m.User)) == 4  # the users table is intact


def test_upload_names_cannot_escape_the_upload_folder(server: Server, tmp_path: object) -> None:
    editor = server.client("trainer")
    token = csrf_of(editor, "/add")
    files = [("files", ("../../../../tmp/gistbook-escape.md", b"# Escape\n\n- A harmless line about a dam.\n")),
             ("files", ("..\\..\\evil.md", b"# Evil\n\n- Another harmless line about a bridge.\n"))]
    reply = editor.post("/add", files=files, data={"csrf_token": token})
    assert reply.status_code in (200, 303)  # 303: server mode on PostgreSQL queues the upload for a worker
    import os

    assert not os.path.exists("/tmp/gistbook-escape.md")


def test_oversized_bodies_and_malformed_json(server: Server) -> None:
    asha = server.client("asha")
    header = {"x-csrf-token": csrf_of(asha)}
    big = b"x" * (2 * 1024 * 1024)  # over the 1 MB limit set by the fixture
    assert asha.post("/api/notes", content=big, headers={**header, "content-type": "application/json"}) \
        .status_code == 413
    for body in (b"{", b"[]", b'{"article_id": "x"}', b"\xff\xfe", b'{"article_id": 1, "text": null}'):
        reply = asha.post("/api/notes", content=body, headers={**header, "content-type": "application/json"})
        assert reply.status_code == 422, (body, reply.status_code)
    editor = server.client("trainer")
    reply = editor.post("/add", files={"files": ("big.md", big)}, data={"csrf_token": csrf_of(editor, "/add")})
    assert reply.status_code == 413


def test_every_state_changing_form_refuses_a_missing_or_foreign_csrf_token(server: Server) -> None:
    asha, bilal = server.client("asha"), server.client("bilal")
    article = server.articles["japan"]
    note = asha.post("/api/notes", json={"article_id": article, "text": "mine"},
                     headers={"x-csrf-token": csrf_of(asha)}).json()["id"]
    foreign = csrf_of(bilal)
    forms = {f"/articles/{article}/notes": {"text": "forged"}, f"/notes/{note}/edit": {"text": "forged"},
             f"/notes/{note}/delete": {}, f"/notes/{note}/card": {}, "/review/cards": {"source": "facts"},
             "/review/1": {"rating": "1"}, "/stats/exam": {"exam": "2030-01-01"}, "/logout": {},
             "/account/password": {"current": PASSWORD, "new": "forged password!"},
             "/account/tokens": {"label": "forged"}}
    for path, data in forms.items():
        assert asha.post(path, data=data).status_code == 403, path
        assert asha.post(path, data={**data, "csrf_token": foreign}).status_code == 403, path
    assert asha.post("/api/notes", json={"article_id": article, "text": "forged"}).status_code == 403
    admin = server.client("boss")
    assert admin.post("/account/invites", data={"role": "admin"}).status_code == 403
    editor = server.client("trainer")
    assert editor.post("/add", files={"files": ("a.md", b"# A\n\n- b\n")}).status_code == 403
    anon = server.client()
    assert anon.post("/login", data={"name": "asha", "password": PASSWORD}).status_code == 403
    with server.store.session() as session:
        texts = session.scalars(select(m.Note.text)).all()
    assert texts == ["mine"]
    assert asha.get("/api/me").status_code == 200  # the forged logout did nothing


def session_set_by(reply: object) -> str:
    header = reply.headers["set-cookie"]  # type: ignore[attr-defined]
    return str(header.split("gistbook_session=", 1)[1].split(";", 1)[0])


def test_login_gives_a_new_session_id_so_a_planted_one_is_useless(server: Server) -> None:
    planted = "planted-by-attacker.0000"
    victim = server.client()
    token = csrf_of(victim, "/login")
    first_login = victim.post("/login", data={"name": "asha", "password": PASSWORD, "csrf_token": token},
                              cookies={"gistbook_session": planted})
    first = session_set_by(first_login)
    assert first != planted
    token = csrf_of(victim, "/login")
    second = session_set_by(victim.post("/login", data={"name": "asha", "password": PASSWORD, "csrf_token": token}))
    assert second != first
    attacker = server.client()
    assert attacker.get("/api/me", cookies={"gistbook_session": first}).status_code == 401  # earlier one ended
    assert attacker.get("/api/me", cookies={"gistbook_session": second}).status_code == 200
