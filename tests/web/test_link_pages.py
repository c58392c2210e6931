"""Topic index, dossier (timeline, figure chart with superseded values, agreements...), related topics, search."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def test_topics_index_links_to_dossiers(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get("/topics").text
    assert 'href="/topics/India%E2%80%93Japan"' in html
    assert "Bilateral threads" in html
    assert client.get("/api/topics").json()["topics"]


def test_dossier_page_has_every_part(client: TestClient, article_ids: dict[str, int]) -> None:
    page = client.get("/topics/India–Japan")
    assert page.status_code == 200
    html = page.text
    for part in ('id="timeline"', 'id="figures"', 'id="agreements"', 'id="exercises"', 'id="people"',
                 'id="challenges"', 'id="new"', 'id="articles"'):
        assert part in html, part
    assert html.index("1952-04-28") < html.index("2011-08-01") < html.index("2025-02")
    assert '<svg class="chart"' in html  # the visual timeline and the figure series are server-side SVG
    figures = html[html.index('id="figures"'):html.index('id="agreements"')]
    assert '<g class="superseded">' in figures
    assert re.search(r'<tr class="superseded">.*?\$21\.96 billion.*?superseded', figures, re.S)
    assert "Atsushi Mimura" in html and "Vice Minister" in html
    assert f'href="/articles/{article_ids["japan"]}#b' in html  # every entry cites its bullet
    assert 'href="/quiz?topic=India%E2%80%93Japan"' in html


def test_dossier_page_reads_a_window_of_newest_items_and_offers_the_rest(
        client: TestClient, article_ids: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    from gistbook.web import pages_link

    full = client.get("/api/topics/India–Japan").json()
    total = full["article_count"]
    assert total >= 2
    monkeypatch.setattr(pages_link, "PAGE_WINDOW", 1)
    html = client.get("/topics/India–Japan", params={"since": "2025-01-01"}).text
    assert f"Built from the newest 1 of {total} items" in html
    listed = html[html.index('id="articles"'):]
    assert listed.count('<li><a href="/articles/') == 1
    deeper = re.search(r'<a href="([^"]*older=1[^"]*)">include older items</a>', html)
    assert deeper is not None and "since=2025-01-01" in deeper.group(1)
    html = client.get(deeper.group(1).replace("&amp;", "&")).text
    assert "include older items" not in html and "Built from the newest" not in html
    assert html[html.index('id="articles"'):].count('<li><a href="/articles/') == total
    assert '<input type="hidden" name="older" value="1">' in html  # the since form keeps the deeper window
    assert client.get("/topics/India–Japan", params={"older": "7"}).status_code == 422


def test_dossier_forgives_order_and_shows_new_since(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get("/topics/japan-india", params={"since": "2025-01-01"}).text
    new = html[html.index('id="new"'):html.index('id="articles"')]
    assert "high-speed rail corridor" in new and "Finance Dialogue" not in new
    assert client.get("/topics/Japan", params={"since": "2025-13-40"}).status_code == 422


def test_unknown_topic_is_404_with_suggestions(client: TestClient, article_ids: dict[str, int]) -> None:
    page = client.get("/topics/Japn")
    assert page.status_code == 404 and "Did you mean" in page.text and 'href="/topics/Japan"' in page.text
    assert client.get("/api/topics/Japn").status_code == 404


def test_related_topics_on_the_article(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get(f"/articles/{article_ids['japan']}").text
    related = html[html.index('id="related"'):]
    assert 'href="/topics/India%E2%80%93Japan"' in related and "bilateral thread" in related
    assert f'data-fragment="/articles/{article_ids["japan"]}/related"' in related
    fragment = client.get(f"/articles/{article_ids['japan']}/related", headers={"X-Fragment": "1"}).text
    assert "<html" not in fragment and f'href="/articles/{article_ids["followup"]}"' in fragment
    assert "shares" in fragment or "thread" in fragment  # each related item says why
    page = client.get(f"/articles/{article_ids['japan']}/related").text  # the no-script page
    assert "<html" in page and f'href="/articles/{article_ids["followup"]}"' in page
    assert client.get("/articles/999999/related").status_code == 404
    api = client.get(f"/api/articles/{article_ids['japan']}/related").json()
    assert api["related"][0]["reason"]


def test_search_with_filters(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get("/search", params={"q": "repo rate"}).text
    assert "RBI keeps the repo rate on hold" in html and "<mark>" in html
    assert "finance dialogue" not in client.get("/search", params={"q": "trade", "paper": "GS3",
                                                                      "from": "2025-01-01"}).text
    only_econ = client.get("/search", params={"q": "India", "category": "Economy"}).text
    assert "RBI keeps" in only_econ and "finance dialogue" not in only_econ
    assert client.get("/search", params={"q": "x", "from": "2024-02-30"}).status_code == 422
    assert client.get("/search", params={"q": "x", "paper": "GS5"}).status_code == 422
    api = client.get("/api/search", params={"q": "Dharma Guardian"}).json()
    assert {r["article_id"] for r in api["results"]} == {article_ids["japan"], article_ids["followup"]}


def test_search_junk_is_harmless(client: TestClient, article_ids: dict[str, int]) -> None:
    for junk in ('"', "AND OR NOT", "'; DROP TABLE articles; --", "<script>", "🙂" * 50):
        page = client.get("/search", params={"q": junk})
        assert page.status_code == 200, junk
        assert "<script>" not in page.text.replace('<script src="/static/app.js', "")


def test_every_marked_entity_leads_to_a_page(client: TestClient, article_ids: dict[str, int]) -> None:
    html = client.get(f"/articles/{article_ids['japan']}").text
    links = set(re.findall(r'class="ent ent-\w+" href="(/topics/[^"]+)"', html))
    assert len(links) >= 8
    for link in links:
        assert client.get(link).status_code == 200, link
    person = client.get("/topics/Atsushi Mimura").text  # mentioned, but no item is about him
    assert "These items mention it" in person or "<h2>Timeline</h2>" in person
    assert f'href="/articles/{article_ids["japan"]}' in person
