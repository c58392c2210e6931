"""The article page reads right to a screen reader and to the eye: a section's role tag is left off when its
heading already says it, "From your knowledge base" says what it shows (earlier stored items, read or not),
drawn points name their sources apart from their text, and entity links are out of the Tab order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import SEED
from tests.web.web_fixtures import local_client

from gistbook.config import load_settings
from gistbook.pipeline import ingest_demo, ingest_paths
from gistbook.store import Store
from gistbook.web.app import create_app
from gistbook.web.pages_read import role_tag


@pytest.mark.parametrize(("heading", "role", "tag"), [
    ("Way Forward", "way_forward", ""),
    ("Way forward:", "way_forward", ""),
    ("The way forward for India-Japan ties", "way_forward", ""),
    ("Challenges", "challenges", ""),
    ("Background", "background", ""),
    ("Roadblocks to strengthening India-Japan ties", "challenges", "Challenges"),
    ("India-Japan Bilateral Relations", "background", "Background"),
    ("Forward planning", "way_forward", "Way forward"),  # a word of the label is not the label
    (None, "challenges", "Challenges"),
    ("India, Japan agree", "news", ""),  # the news needs no tag
    ("Annexure", "other", ""),
])
def test_role_tag_only_when_the_heading_does_not_say_it(heading: str | None, role: str, tag: str) -> None:
    assert role_tag(heading, role) == tag


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, int]]:
    """The demo notes (earlier India–Japan items), then the seed news published after them."""
    folder: Path = tmp_path_factory.mktemp("article-a11y")
    url = f"sqlite:///{folder / 'seeded.db'}"
    store = Store(url)
    ingest_demo(store)
    seed = ingest_paths([str(SEED)], store, published="2024-09-10").ingested[0]["id"]
    with local_client(create_app(load_settings(db=url), store)) as client:
        yield client, seed
    store.close()


def headings_with_tags(html: str) -> list[tuple[str, str]]:
    """(heading text, its role tag or "") for every h2/h3 of a page or fragment."""
    out = []
    for inner in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, flags=re.S):
        tag = re.search(r'<span class="role-(?:badge|tag)">(.*?)</span>', inner)
        text = re.sub(r"<span class=\"role-(?:badge|tag)\">.*?</span>|<[^>]+>", "", inner).strip()
        out.append((text, tag.group(1) if tag else ""))
    return out


def test_drawn_background_says_what_it_shows(seeded: tuple[TestClient, int]) -> None:
    client, seed = seeded
    drawn = client.get(f"/articles/{seed}/background", headers={"X-Fragment": "1"}).text
    assert "From your knowledge base" in drawn
    assert "you have read" not in drawn  # gistbook does not know what was read
    sources = set(re.findall(r'class="source" href="/articles/(\d+)#b\d+"', drawn))
    said = re.search(r"from (\d+) earlier items? stored in gistbook, published before this one", drawn)
    assert said and int(said.group(1)) == len(sources) >= 2, said
    topic = re.search(r'Points on <a href="(/topics/[^"]+)">([^<]+)</a>', drawn)
    assert topic and client.get(topic.group(1)).status_code == 200


def test_no_heading_says_its_role_twice(seeded: tuple[TestClient, int]) -> None:
    client, seed = seeded
    for path in (f"/articles/{seed}", f"/articles/{seed}/background"):
        pairs = headings_with_tags(client.get(path).text)
        assert pairs, path
        for text, tag in pairs:
            assert not tag or tag.lower() not in text.lower(), (path, text, tag)
    drawn = headings_with_tags(client.get(f"/articles/{seed}/background").text)
    assert ("Way Forward", "") in drawn  # drawn way-forward points, under a heading read once
    assert any(tag == "Challenges" for _text, tag in drawn)  # a heading that does not say its role keeps the tag


def test_drawn_sources_stand_apart_from_the_text(seeded: tuple[TestClient, int]) -> None:
    client, seed = seeded
    drawn = client.get(f"/articles/{seed}/background", headers={"X-Fragment": "1"}).text
    points = re.findall(r"<li>(.*?)</li>", drawn, flags=re.S)
    assert len(points) >= 5
    several = 0
    for point in points:
        text, _, sources = point.partition('<span class="drawn-sources">')
        assert re.fullmatch(r'\s*<span class="drawn-text">[^<]+</span>\s*', text), point
        links = re.findall(r'<a class="source" [^>]+>[^<]+</a>(?: \([A-Z][a-z]{2} \d{1,2}, \d{4}\))?', sources)
        label = "Source: " if len(links) == 1 else "Sources: "
        assert sources.startswith(label + links[0]) and sources.count("; ") == len(links) - 1, point
        several += len(links) > 1
    assert several >= 1  # a point restated by several items lists each, separated


def test_entity_links_are_out_of_the_tab_order(seeded: tuple[TestClient, int]) -> None:
    client, seed = seeded
    page = client.get(f"/articles/{seed}").text
    links = re.findall(r'<a class="ent [^"]*"[^>]*>', page)
    assert len(links) >= 90 and all('tabindex="-1"' in a for a in links)
    assert '<a class="skip" href="#notes">Skip to Notes</a>' in page
    assert '<section id="notes" class="notes panel" tabindex="-1"' in page
    assert '<label class="ent-toggle" hidden><input type="checkbox" data-entity-toggle>' in page  # app.js shows it
