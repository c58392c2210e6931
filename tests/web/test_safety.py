"""Whatever came from a file or a form is shown as text; uploads are limited; bad input is a 4xx, never a 500."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.web_fixtures import HOSTILE, hostile_article

from gistbook.pipeline import ingest_paths
from gistbook.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "web"
OUR_SCRIPT = re.compile(r'<script src="/static/app\.js\?v=\d+" defer></script>')


def assert_inert(html: str) -> None:
    """No markup from the data survives: only our own script tag, no handlers, no javascript: links."""
    stripped = OUR_SCRIPT.sub("", html)
    assert "<script" not in stripped.lower()
    assert not re.search(r"<[^>]+\son\w+\s*=", stripped, re.I), "an event handler attribute got through"
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", stripped, re.I)
    assert "<img" not in stripped.lower()


def test_hostile_article_fields_are_escaped(client: TestClient, store: Store) -> None:
    art_id, _ = store.save(*hostile_article())
    for path in (f"/articles/{art_id}", "/", "/?category=%3Ci%3ECat%3C%2Fi%3E%3Cscript%3Ec()%3C%2Fscript%3E"):
        html = client.get(path).text
        assert_inert(html)
    page = client.get(f"/articles/{art_id}").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "Original source" not in page  # a javascript: URL is not linked at all


def test_hostile_note_is_escaped(client: TestClient, store: Store) -> None:
    art_id, _ = store.save(*hostile_article())
    client.post(f"/articles/{art_id}/notes", data={"text": f"my note {HOSTILE}"})
    html = client.get(f"/articles/{art_id}").text
    assert_inert(html)
    assert "my note &lt;script&gt;" in html


def test_ingested_hostile_html_file_is_escaped(client: TestClient, store: Store) -> None:
    report = ingest_paths([str(DATA / "hostile-page.html")], store, extract=False)
    assert not report.failed, report.failed
    art_id = report.ingested[0]["id"]
    html = client.get(f"/articles/{art_id}").text
    assert_inert(html)
    assert "deep-water berth" in html
    assert_inert(client.get("/").text)
    assert client.get(f"/api/articles/{art_id}").headers["content-type"] == "application/json"


def test_upload_over_the_limit_is_413_with_a_message(client: TestClient) -> None:
    big = b"x" * (1024 * 1024 + 10)  # the test app allows 1 MB
    response = client.post("/add", files={"files": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "upload too large: the limit is 1 MB" in response.text
    api = client.post("/api/articles", files={"files": ("big.txt", big, "text/plain")})
    assert api.status_code == 413 and "GISTBOOK_MAX_UPLOAD_MB" in api.json()["detail"]


def test_chunked_upload_over_the_limit_is_413(client: TestClient) -> None:
    def chunks():  # no Content-Length: the limit is enforced while the body streams in
        for _ in range(40):
            yield b"y" * 65536

    response = client.post("/api/notes", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_bad_add_input_is_4xx(client: TestClient) -> None:
    nothing = client.post("/add", data={"text": "  "})
    assert nothing.status_code == 400 and "choose at least one file, or paste some text" in nothing.text
    bad_date = client.post("/add", data={"text": "Some notes", "published": "10/09/2024"})
    assert bad_date.status_code == 400 and "is not a date in YYYY-MM-DD form" in bad_date.text
    api = client.post("/api/articles", data={})
    assert api.status_code == 400 and "choose at least one file" in api.json()["detail"]


def test_bad_query_input_is_422_not_500(client: TestClient, article_ids: dict[str, int]) -> None:
    for path in ("/?page=0", "/?page=abc", "/api/articles?limit=100000", "/api/articles?paper=GS7",
                 "/articles/1e9", "/api/notes?article_id=x"):
        response = client.get(path)
        assert response.status_code == 422, path
