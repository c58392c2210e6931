"""Web fixtures: an app over a real temporary store (SQLite, and PostgreSQL in local mode), filled through
Store.save. Server mode (accounts) on PostgreSQL has its own suite under tests/server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.store_copies import StoreCopies
from tests.store_copies import demo_notes as ingest_demo_notes
from tests.web.web_fixtures import economy_article, japan_article, japan_followup_article, local_client, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app


@pytest.fixture
def store(db_url: str, request: pytest.FixtureRequest, store_copies: StoreCopies) -> Iterator[Store]:
    """Every page test runs on SQLite and on PostgreSQL (the `db_url` fixture of tests/conftest.py). A test that
    asks for `demo_notes` starts from a copy of a store the demo notes were ingested into once."""
    if "demo_notes" in request.fixturenames:
        store_copies.copy_into(db_url, "demo", ingest_demo_notes)
    opened = Store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def demo_notes() -> None:
    """The bundled demo notes, read by the real pipeline, are in `store` (questions need exam-worthy statements
    on one subject, which three small articles rarely hold)."""


@pytest.fixture
def article_ids(store: Store) -> dict[str, int]:
    japan = save_linked(store, japan_article())
    economy = save_linked(store, economy_article())
    followup = save_linked(store, japan_followup_article())
    return {"japan": japan, "economy": economy, "followup": followup}


@pytest.fixture
def client(store: Store, tmp_path: Path) -> Iterator[TestClient]:
    settings = load_settings(db=store.url, max_upload_mb=1)
    with local_client(create_app(settings, store, mode="local"), follow_redirects=False) as test_client:
        yield test_client
