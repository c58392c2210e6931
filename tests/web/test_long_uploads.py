"""POST /api/articles with a text too long to read: one clear line in the JSON report, and nothing stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.cli.long_text import LIMIT_WORDS, one_long_line
from tests.web.web_fixtures import local_client

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    opened = Store(sqlite_url)
    yield opened
    opened.close()


def client_for(store: Store, **settings: float) -> TestClient:
    return local_client(create_app(load_settings(db=store.url, max_upload_mb=5, **settings), store, mode="local"))


def test_pasted_text_of_a_million_characters_without_a_break_is_refused(store: Store) -> None:
    pasted = one_long_line(1_100_000)
    with client_for(store) as client:
        response = client.post("/api/articles", data={"text": pasted})
        assert response.status_code == 200
        report = response.json()
        assert report["ingested"] == [] and report["unchanged"] == []
        assert report["failed"] == [{"source": "pasted text.txt", "error": (
            f"a passage of {len(pasted):,} characters with no sentence or line break is {LIMIT_WORDS}")}]
        assert client.get("/api/articles").json()["total"] == 0


def test_uploaded_file_over_the_file_limit_is_refused_from_its_size(store: Store, tmp_path: Path) -> None:
    line = one_long_line(600 * 1024).encode()
    with client_for(store, max_file_mb=0.5) as client:
        report = client.post("/api/articles", files={"files": ("huge-line.txt", line, "text/plain")}).json()
        assert report["failed"] == [{"source": "huge-line.txt", "error": "file is 0.6 MB, over the 0.5 MB limit"}]
        assert client.get("/api/articles").json()["total"] == 0
