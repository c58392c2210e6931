"""The store on real SQLite and PostgreSQL: transactions, re-ingest, updates in place that keep bullet ids."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from gistbook.records import (
    Article,
    Bullet,
    EntityMention,
    Event,
    Extraction,
    Figure,
    Section,
    TimeExpr,
    content_hash,
)
from gistbook.store import Store, StoreError, models


def make_article(uri: str = "notes/japan.txt", bullets: list[str] | None = None, title: str = "India and Japan talk")\
        -> Article:
    texts = bullets or ["India and Japan held a finance dialogue in Tokyo.", "The Peace Treaty was signed in 1952."]
    body = "\n".join(texts)
    return Article(title=title, sections=[Section(None, "news", [Bullet(t) for t in texts[:1]]),
                                          Section("India-Japan Bilateral Relations", "background",
                                                  [Bullet(t) for t in texts[1:]])],
                   source=uri, uri=uri, kind="note", content_hash=content_hash(title + body), category="India",
                   published="2024-09-10", published_precision="day", published_reason="given by --published")


def make_extraction() -> Extraction:
    return Extraction(
        entities=[EntityMention("Japan", "country", 0, 10, 15, aliases=["JPN"]),
                  EntityMention("Tokyo", "place", 0, 42, 47),
                  EntityMention("Japan", "country", 1, 0, 3)],
        time_expressions=[TimeExpr("1952", 1, 31, 35, "DATE", "1952")],
        figures=[Figure(21.96e9, "USD", "$21.96 billion", 0, 0, 5, period="FY2022-23", subject="trade")],
        events=[Event("1952", "The Peace Treaty was signed", 1), Event("FY2022-23", "trade", 0)],
        acronyms={"ISA": "International Solar Alliance"},
    )


def test_save_and_read_back(db_url: str) -> None:
    store = Store(db_url)
    art_id, status = store.save(make_article(), make_extraction())
    assert status == "ingested"
    shown = store.article(art_id)
    assert shown is not None
    assert shown["title"] == "India and Japan talk"
    assert [(s["heading"], s["role"], len(s["bullets"])) for s in shown["sections"]] == [
        (None, "news", 1), ("India-Japan Bilateral Relations", "background", 1)]
    assert {e["name"] for e in shown["entities"]} == {"Japan", "Tokyo"}
    assert shown["acronyms"] == {"ISA": "International Solar Alliance"}
    assert [e["date"] for e in shown["timeline"]] == ["1952", "FY2022-23"]
    assert shown["figures"][0]["value"] == pytest.approx(21.96e9)
    bullet_ids = {b["id"] for s in shown["sections"] for b in s["bullets"]}
    assert {t["bullet_id"] for t in shown["time_expressions"]} <= bullet_ids
    store.close()


def test_reingest_identical_is_unchanged(db_url: str) -> None:
    store = Store(db_url)
    first, _ = store.save(make_article(), make_extraction())
    again, status = store.save(make_article(), make_extraction())
    assert (again, status) == (first, "unchanged")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(models.Article)) == 1
        assert s.scalar(select(func.count()).select_from(models.Entity)) == 2
    store.close()


def test_update_in_place_keeps_unchanged_bullet_ids(db_url: str) -> None:
    store = Store(db_url)
    art_id, _ = store.save(make_article(), make_extraction())
    before = store.article(art_id)
    assert before is not None
    old_ids = {b["text"]: b["id"] for s in before["sections"] for b in s["bullets"]}
    changed = make_article(bullets=["India and Japan held a finance dialogue in Tokyo.",
                                    "The Peace Treaty was signed in 1952.", "CEPA came into effect in 2011."])
    new_id, status = store.save(changed, None)
    assert (new_id, status) == (art_id, "updated")
    after = store.article(art_id)
    assert after is not None
    new_ids = {b["text"]: b["id"] for s in after["sections"] for b in s["bullets"]}
    for text, bid in old_ids.items():
        assert new_ids[text] == bid
    assert len(new_ids) == 3
    store.close()


def test_entity_is_one_row_across_articles(db_url: str) -> None:
    store = Store(db_url)
    store.save(make_article("a.txt"), make_extraction())
    store.save(make_article("b.txt", title="Another item on Japan"), make_extraction())
    with store.session() as s:
        japan = s.scalars(select(models.Entity).where(models.Entity.name == "Japan")).all()
        assert len(japan) == 1
        assert s.scalar(select(func.count()).select_from(models.Mention)
                        .where(models.Mention.entity_id == japan[0].id)) == 4
    store.close()


def test_failed_write_leaves_nothing_half_stored(db_url: str) -> None:
    store = Store(db_url)
    bad = make_extraction()
    bad.events.append(Event("2000", "points at a bullet that does not exist", 99))
    with pytest.raises(IndexError):
        store.save(make_article(), bad)
    with store.session() as s:
        for model in (models.Source, models.Article, models.Bullet, models.Entity, models.Mention):
            assert s.scalar(select(func.count()).select_from(model)) == 0
    store.close()


def test_delete_removes_everything(db_url: str) -> None:
    store = Store(db_url)
    art_id, _ = store.save(make_article(), make_extraction())
    assert store.delete(art_id)
    assert store.article(art_id) is None
    assert not store.delete(art_id)
    with store.session() as s:
        for model in (models.Source, models.Bullet, models.Mention, models.Event):
            assert s.scalar(select(func.count()).select_from(model)) == 0
    store.close()


def test_bad_url_is_one_line_error() -> None:
    with pytest.raises(StoreError) as info:
        Store("nosuchdb://x")
    assert "\n" not in str(info.value)
