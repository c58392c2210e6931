"""Topics: entities, bilateral pairs only when both countries are central, syllabus nodes; forgiving names."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from gistbook.link.topics import list_topics, resolve_topic, suggest_topics, topic_key
from gistbook.store import Store, models


@pytest.mark.parametrize("name", ["india japan", "Japan–India", "India-Japan relations", "japanese-indian ties",
                                  "INDIA–JAPAN"])
def test_pair_names_share_one_key(name: str) -> None:
    assert topic_key(name) == topic_key("India–Japan") == "india japan"


def test_topics_are_listed_with_counts(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s:
        topics = {t["name"]: t for t in list_topics(s)}
    assert topics["India–Japan"]["kind"] == "pair"
    assert topics["India–Japan"]["articles"] == 2
    assert topics["India–Japan"]["facts"] >= 9  # repeated background counted once
    assert topics["India–Australia"]["articles"] == 1
    assert topics["Malabar"]["kind"] == "entity"
    assert topics["Malabar"]["articles"] == 3
    assert "India" not in topics  # the home country is everywhere; no topic of its own


def test_a_passing_mention_makes_no_pair(notes_store: tuple[Store, dict[str, int]]) -> None:
    """The Asian Games note names Japan as the venue; the Quad note lists four countries in one bullet."""
    store, ids = notes_store
    with store.session() as s:
        topics = {t["name"] for t in list_topics(s)}
        pair = resolve_topic(s, "India-Japan")
        assert pair is not None
        members = set(s.scalars(select(models.TopicArticle.article_id).where(models.TopicArticle.topic_id == pair.id)))
    assert ids["link-notes/asian-games.txt"] not in members
    assert ids["link-notes/quad-summit.txt"] not in members
    assert "Japan–United States" not in topics


@pytest.mark.parametrize("name", ["india japan", "Japan–India", "India-Japan relations"])
def test_forgiving_lookup(notes_store: tuple[Store, dict[str, int]], name: str) -> None:
    store, _ = notes_store
    with store.session() as s:
        topic = resolve_topic(s, name)
        assert topic is not None and topic.name == "India–Japan"


def test_alias_finds_entity_topic_and_unknown_gets_suggestions(notes_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = notes_store
    with store.session() as s:
        topic = resolve_topic(s, "CEPA")
        assert topic is not None and topic.name == "India-Japan Comprehensive Economic Partnership Agreement"
        assert resolve_topic(s, "India Brazil") is None
        assert "India–Japan" in suggest_topics(s, "india japn")
        assert resolve_topic(s, "'; DROP TABLE topics; --") is None
