"""Acceptance of issue 8: the seed's news alone gets India–Japan background from earlier notes, all cited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from tests.page.conftest import SEED_DATE, KnowledgeBase

from gistbook.page import build_page, headings_for
from gistbook.page.topics import item_topics
from gistbook.store import models as m


def _page(kb: KnowledgeBase, article_id: int) -> dict[str, Any]:
    with kb.store.session() as session:
        return build_page(session, article_id)


def _section(page: dict[str, Any], role: str) -> dict[str, Any]:
    return next(s for s in page["sections"] if s["role"] == role)


def _named(kb: KnowledgeBase, bullet_id: int, text: str) -> tuple[set[str], str | None]:
    """Which of India and Japan a stored bullet names (its entity mentions, else the entity's names in its
    text), and the heading of its section."""
    with kb.store.session() as session:
        named = set(session.scalars(select(m.Entity.name).join(m.Mention, m.Mention.entity_id == m.Entity.id)
                                    .where(m.Mention.bullet_id == bullet_id, m.Entity.name.in_(("India", "Japan")))))
        heading = session.scalar(select(m.Section.heading).join(m.Bullet, m.Bullet.section_id == m.Section.id)
                                 .where(m.Bullet.id == bullet_id))
    for country, words in (("India", ("India", "Indian")), ("Japan", ("Japan", "Japanese"))):
        if any(w in text for w in words):
            named.add(country)
    return named, heading


def test_topic_is_the_india_japan_pair(kb: KnowledgeBase) -> None:
    with kb.store.session() as session:
        topics = item_topics(session, kb.seed_news_id)
    assert topics and topics[0].name == "India–Japan" and topics[0].kind == "pair"


def test_background_holds_five_cited_india_japan_facts(kb: KnowledgeBase) -> None:
    for article_id in (kb.seed_news_id, kb.seed_literal_id):
        page = _page(kb, article_id)
        background = _section(page, "background")
        assert background["heading"] == "India-Japan Bilateral Relations" and background["generated"] is True
        assert len(background["bullets"]) >= 5
        both = 0
        for bullet in background["bullets"]:
            assert bullet["sources"], bullet
            for source in bullet["sources"]:
                assert source["published"] < SEED_DATE  # drawn from earlier articles only
                assert source["article_id"] != article_id
            # about India–Japan, by entity: the fact names India or Japan and comes from an India–Japan item,
            # or it sits under a heading that names both ("India-Japan Ties at a Glance")
            named, heading = _named(kb, bullet["sources"][0]["bullet_id"], bullet["text"])
            assert named or (heading and "India" in heading and "Japan" in heading), bullet["text"]
            both += named == {"India", "Japan"}
        assert both >= 5  # at least five facts name both countries themselves


def test_background_is_chronological_and_has_no_repeats(kb: KnowledgeBase) -> None:
    texts = [b["text"] for b in _section(_page(kb, kb.seed_news_id), "background")["bullets"]]
    assert len(texts) == len(set(texts))
    assert texts.index(next(t for t in texts if "1903" in t)) < texts.index(next(t for t in texts if "1952" in t))
    assert sum("1903" in t for t in texts) == 1  # two notes word the 1903 fact differently: one fact on the page


def test_challenges_and_way_forward_come_from_roles(kb: KnowledgeBase) -> None:
    page = _page(kb, kb.seed_news_id)
    headings = headings_for(item_topics_of(kb))
    challenges = _section(page, "challenges")
    assert challenges["heading"] == headings["challenges"] == "Roadblocks to strengthening India-Japan ties"
    with kb.store.session() as session:
        for bullet in challenges["bullets"] + _section(page, "way_forward")["bullets"]:
            for source in bullet["sources"]:
                role = session.scalar(select(m.Section.role).join(m.Bullet, m.Bullet.section_id == m.Section.id)
                                      .where(m.Bullet.id == source["bullet_id"]))
                assert role in ("challenges", "way_forward")


def item_topics_of(kb: KnowledgeBase):  # type: ignore[no-untyped-def]
    with kb.store.session() as session:
        return item_topics(session, kb.seed_news_id)[0]


def test_every_bullet_traces_to_a_stored_bullet(kb: KnowledgeBase) -> None:
    """Nothing invented: each bullet's text is the text of every bullet it cites (or a restatement merged
    with it as the same fact), and each generated heading is one of the topic's headings."""
    page = _page(kb, kb.seed_news_id)
    allowed = set(headings_for(item_topics_of(kb)).values())
    with kb.store.session() as session:
        for section in page["sections"]:
            if section["generated"] is True:
                assert section["heading"] in allowed
            for bullet in section["bullets"]:
                stored = [session.get(m.Bullet, s["bullet_id"]) for s in bullet["sources"]]
                assert stored and all(b is not None for b in stored)
                assert bullet["text"] in {b.text for b in stored if b is not None}
                for source, row in zip(bullet["sources"], stored):
                    assert row is not None and row.article_id == source["article_id"]
                    article = session.get(m.Article, source["article_id"])
                    assert article is not None and article.title == source["title"]


def test_item_with_nothing_earlier_gets_no_background(kb: KnowledgeBase) -> None:
    with kb.store.session() as session:
        first = session.scalar(select(m.Article.id).order_by(m.Article.published, m.Article.id))
    assert first is not None
    page = _page(kb, first)
    assert not any(s["generated"] is True for s in page["sections"])
    assert not any(b.get("generated") for s in page["sections"] for b in s["bullets"])
