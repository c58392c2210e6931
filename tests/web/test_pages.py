"""Pages render from real stored articles: Today with filters, the article in the seed's layout, errors."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_today_lists_newest_first_and_filters(client: TestClient, article_ids: dict[str, int]) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.text.index("RBI keeps the repo rate on hold") < page.text.index("second finance dialogue")
    economy = client.get("/", params={"category": "Economy"}).text
    assert "RBI keeps" in economy and "finance dialogue" not in economy
    gs2 = client.get("/", params={"paper": "GS2"}).text
    assert "finance dialogue" in gs2 and "RBI keeps" not in gs2
    assert client.get("/", params={"paper": "GS9"}).status_code == 422


def test_article_has_the_seed_layout(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get(f"/articles/{article_ids['japan']}").text
    order = ["International Relations", "Sep 10, 2024", "Meera Rao", "<h1>India and Japan hold",
             "Finance Dialogue in", "India-Japan Bilateral Relations", "Roadblocks to closer ties",
             "The writer coaches civil-services candidates.", 'id="notes"', 'id="related"']
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert f'href="/quiz?article={article_ids["japan"]}"' in html


def test_entities_link_to_their_dossiers(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get(f"/articles/{article_ids['japan']}").text
    assert re.search(r'<a class="ent ent-military_exercise" href="/topics/Dharma%20Guardian"[^>]*>Dharma Guardian</a>',
                     html)
    assert 'href="/topics/India-Japan%20Comprehensive%20Economic%20Partnership%20Agreement"' in html
    assert '<time class="date" title="1952-04-28">April 28, 1952</time>' in html


def test_each_bullet_has_an_anchor_and_a_note_form(client: TestClient, store: object,
                                                   article_ids: dict[str, int]) -> None:
    html = client.get(f"/articles/{article_ids['japan']}").text
    anchors = re.findall(r'<li id="b(\d+)" class="bullet', html)
    assert len(anchors) == 7
    assert html.count('name="bullet_id"') == 7


def test_missing_pages_are_404_pages(client: TestClient) -> None:
    missing = client.get("/articles/999")
    assert missing.status_code == 404
    assert "There is no article #999." in missing.text and "<html" in missing.text
    assert client.get("/articles/abc").status_code == 422
    assert client.get("/api/articles/999").json() == {"detail": "no article with id 999"}


def test_docs_work_offline(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/notes" in docs.text
    assert not re.search(r'(src|href)="https?://', docs.text)
    assert client.get("/openapi.json").json()["info"]["title"] == "gistbook"


def test_pages_load_no_outside_assets(client: TestClient, article_ids: dict[str, int]) -> None:
    for path in ("/", f"/articles/{article_ids['japan']}", "/add", "/docs"):
        html = client.get(path).text
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html), path
    css = client.get("/static/app.css").text
    assert "@import" not in css and "url(http" not in css and "@font-face" not in css
