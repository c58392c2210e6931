"""The article page shows background drawn from earlier items, labelled, with links to its sources."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from tests.conftest import SEED

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
    client = TestClient(create_app(load_settings(db=url), store))
    html = client.get(f"/articles/{art_id}").text
    assert "From your knowledge base" in html
    drawn = html.split('id="drawn"', 1)[1].split("</section>", 1)[0]
    assert "India-Japan Bilateral Relations" in drawn
    sources = re.findall(r'href="/articles/(\d+)#b(\d+)"', drawn)
    assert len(sources) >= 5 and all(int(a) != art_id for a, _ in sources)
