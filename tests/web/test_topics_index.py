"""The Topics page: followed topics first, no thread of a single item, passing mentions don't make a topic's
list, and the index is counted once and kept until the topic links change."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.web_fixtures import build_article, mention, save_linked

from gistbook.link.topics import followed_topic_ids
from gistbook.records import Extraction
from gistbook.store import Store
from gistbook.store.notes import add_note


def _sections(html: str) -> dict[str, list[str]]:
    """Heading of each topic section → the topic names listed under it, in page order."""
    out: dict[str, list[str]] = {}
    for heading, body in re.findall(r"<h2>([^<]+)<span.*?</h2>(.*?)</section>", html, re.S):
        out[heading.strip()] = re.findall(r'<span class="topic-name">([^<]+)</span>', body)
    return out


def _single_pair(store: Store) -> None:
    """An India–Canada item: a pair topic of one item, with a bureau named only in its closing line."""
    texts = ["India and Canada agreed to resume talks on a trade agreement in Ottawa.",
             "Canada and India will meet again in June.", "Issued by the Press Information Bureau."]
    art = build_article("notes/canada.txt", "India and Canada resume trade talks", [(None, "news", texts)],
                        published="2025-01-05")
    ext = Extraction(entities=[mention(texts, 0, "India", "India", "country"),
                               mention(texts, 0, "Canada", "Canada", "country"),
                               mention(texts, 2, "Press Information Bureau", "Press Information Bureau",
                                       "organisation")])
    save_linked(store, (art, ext))


def test_followed_topics_come_first_and_single_item_pairs_are_dropped(
        client: TestClient, store: Store, article_ids: dict[str, int]) -> None:
    _single_pair(store)
    html = client.get("/topics").text
    sections = _sections(html)
    assert list(sections)[0] == "Threads you follow" and sections["Threads you follow"] == []
    assert "India–Japan" in sections["Bilateral threads"]  # two items: a thread
    assert "India–Canada" not in html  # one item: no thread yet
    assert "Press Information Bureau" not in html  # named in passing: not a topic of the list
    assert "Every thread you are following" not in html

    with store.sessions.begin() as session:
        add_note(session, article_ids["followup"], "Bullet train: Mumbai–Ahmedabad, with Japan's help.")
    sections = _sections(client.get("/topics").text)
    followed = sections["Threads you follow"]
    assert "India–Japan" in followed
    assert "India–Japan" not in sections.get("Bilateral threads", [])  # listed once, under what you follow
    with store.session() as session:
        ids = followed_topic_ids(session, None)
        assert followed_topic_ids(session, 12345) == set()  # another learner follows nothing yet
    assert ids


def test_kind_filter(client: TestClient, article_ids: dict[str, int]) -> None:
    sections = _sections(client.get("/topics?kind=pair").text)
    assert "India–Japan" in sections["Bilateral threads"] and "Syllabus areas" not in sections
    assert client.get("/topics?kind=nonsense").status_code == 422


def test_index_is_kept_until_topic_links_change(client: TestClient, store: Store,
                                                article_ids: dict[str, int]) -> None:
    from gistbook.store.snapshots import load_snapshot
    from gistbook.web.speed.snapshots import TOPIC_INDEX_KEY

    assert "India–Canada" not in client.get("/topics").text
    with store.session() as session:
        first = load_snapshot(session, TOPIC_INDEX_KEY)
    assert first is not None and "India–Japan" in first.body
    _single_pair(store)
    texts = ["India and Canada signed an early harvest trade deal in Delhi.", "Canada will open a new consulate."]
    art = build_article("notes/canada-2.txt", "India and Canada sign an early harvest deal",
                        [(None, "news", texts)], published="2025-02-05")
    save_linked(store, (art, Extraction(entities=[mention(texts, 0, "India", "India", "country"),
                                                  mention(texts, 0, "Canada", "Canada", "country")])))
    assert "India–Canada" in _sections(client.get("/topics").text)["Bilateral threads"]  # a second item: listed
    with store.session() as session:
        second = load_snapshot(session, TOPIC_INDEX_KEY)
    assert second is not None and second.version != first.version


def test_an_item_without_a_tag_says_untagged(client: TestClient, store: Store, article_ids: dict[str, int]) -> None:
    texts = ["The minister greeted citizens on the festival.", "Greetings were shared on social media."]
    art = build_article("notes/greeting.txt", "Minister greets citizens", [(None, "news", texts)], category=None)
    plain = save_linked(store, (art, Extraction()))
    glance = client.get(f"/articles/{plain}").text
    assert '<span class="chip untagged"' in glance and ">Untagged</span>" in glance
    tagged = client.get(f"/articles/{article_ids['japan']}").text
    assert "GS2: International Relations" in tagged and "chip untagged" not in tagged
