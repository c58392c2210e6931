"""The Sources page: what gistbook follows, with status; add, pause, resume and remove from the browser."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_follow_pause_resume_and_remove_a_source(client: TestClient) -> None:
    empty = client.get("/sources")
    assert empty.status_code == 200 and "No sources yet" in empty.text and 'href="/sources"' in empty.text
    added = client.post("/sources", data={"url": "http://127.0.0.1:9/feed.xml", "name": "Test feed", "every": "1h",
                                          "category": "Science"})
    assert added.status_code == 303
    page = client.get("/sources").text
    assert "Test feed" in page and "1 h" in page and "not fetched yet" in page and "Science" in page
    source_id = int(page.split('action="/sources/')[1].split("/")[0])
    assert client.post(f"/sources/{source_id}/pause").status_code == 303
    assert "paused" in client.get("/sources").text and "Resume" in client.get("/sources").text
    assert client.post(f"/sources/{source_id}/resume").status_code == 303
    assert client.post(f"/sources/{source_id}/remove").status_code == 303
    assert "Test feed" not in client.get("/sources").text


def test_a_bad_source_is_refused_in_one_line(client: TestClient) -> None:
    bad = client.post("/sources", data={"url": "ftp://example.org/feed", "every": "6h"})
    assert bad.status_code == 400 and "is not an http(s) URL" in bad.text
    never = client.post("/sources", data={"url": "https://example.org/feed.xml", "every": "often"})
    assert never.status_code == 400 and "is not a duration" in never.text
    assert client.post("/sources/424242/pause").status_code == 404
    assert client.post("/sources/1/explode").status_code == 404
