"""The article page shows background drawn from earlier items, labelled, with links to its sources."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SEED
from tests.web.web_fixtures import local_client

from gistbook.config import load_settings
from gistbook.pipeline import ingest_demo, ingest_paths
from gistbook.store import Store
from gistbook.web.app import create_app


def test_seed_news_page_shows_background_from_the_demo_notes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'drawn.db'}"
    store = Store(url)
    ingest_demo(store)
    text = SEED.read_text(encoding="utf-8")
    news_only = tmp_path / "news.txt"
    news_only.write_text(text.split("India-Japan Bilateral Relations")[0], encoding="utf-8")
    report = ingest_paths([str(news_only)], store, published="2024-09-10")
    art_id = report.ingested[0]["id"]
    client = local_client(create_app(load_settings(db=url), store))
    page = client.get(f"/articles/{art_id}").text
    assert f'data-fragment="/articles/{art_id}/background"' in page  # arrives after the article
    assert f'href="/articles/{art_id}/background"' in page  # and without script, it is one click away
    drawn = client.get(f"/articles/{art_id}/background", headers={"X-Fragment": "1"}).text
    assert "From your knowledge base" in drawn
    assert "India-Japan Bilateral Relations" in drawn
    sources = re.findall(r'href="/articles/(\d+)#b(\d+)"', drawn)
    assert len(sources) >= 5 and all(int(a) != art_id for a, _ in sources)
    whole = client.get(f"/articles/{art_id}/background").text
    assert "<html" in whole and "India-Japan Bilateral Relations" in whole


def test_an_item_with_nothing_earlier_gets_an_empty_fragment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'alone.db'}"
    store = Store(url)
    art_id = ingest_paths([str(SEED)], store, published="2024-09-10").ingested[0]["id"]
    client = local_client(create_app(load_settings(db=url), store))
    assert client.get(f"/articles/{art_id}/background", headers={"X-Fragment": "1"}).text.strip() == ""
    assert "No earlier item" in client.get(f"/articles/{art_id}/background").text
    assert client.get("/articles/999999/background").status_code == 404
