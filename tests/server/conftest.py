"""Server-mode fixtures: one store per database kind (SQLite and a scratch PostgreSQL), people of every role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from tests.server.server_helpers import SECRET, add_account, sign_in
from tests.web.web_fixtures import economy_article, japan_article, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app


@dataclass
class Server:
    store: Store
    app: object
    ids: dict[str, int]
    articles: dict[str, int]

    def client(self, name: str | None = None) -> TestClient:
        """A fresh browser; signed in as `name` when given."""
        client = TestClient(self.app, follow_redirects=False)  # type: ignore[arg-type]
        if name:
            sign_in(client, name)
        return client


@pytest.fixture
def server(db_url: str) -> Iterator[Server]:
    store = Store(db_url)
    ids = {name: add_account(store, name, role) for name, role in
           [("asha", "learner"), ("bilal", "learner"), ("trainer", "editor"), ("boss", "admin")]}
    articles = {"japan": save_linked(store, japan_article()), "economy": save_linked(store, economy_article())}
    app = create_app(load_settings(db=db_url, secret=SECRET, max_upload_mb=1), store, mode="server")
    yield Server(store, app, ids, articles)
    store.close()
