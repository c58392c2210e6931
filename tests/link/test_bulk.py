"""The batch path (save_many + link_saved) stores exactly what Store.save with the link hook stores, note by note."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from builders import all_notes
from sqlalchemy import text

from gistbook.link import on_article_saved
from gistbook.link.bulk import save_and_link
from gistbook.records import Article, Bullet, Extraction, Section, content_hash
from gistbook.store import Store

# Natural keys only (uri, bullet position, fact hash, topic key), so two stores compare whatever their ids.
SNAPSHOT = {
    "articles": "SELECT s.uri, a.title, a.published, a.content_hash, a.extracted FROM articles a "
                "JOIN sources s ON s.id = a.source_id",
    "bullets": "SELECT s.uri, b.position, b.text, sec.position, sec.heading, sec.role FROM bullets b "
               "JOIN sections sec ON sec.id = b.section_id JOIN articles a ON a.id = b.article_id "
               "JOIN sources s ON s.id = a.source_id",
    "entities": "SELECT name, type, CAST(aliases AS TEXT), role, country FROM entities",
    "mentions": "SELECT s.uri, b.position, e.name, e.type, mn.start, mn.\"end\", mn.role FROM mentions mn "
                "JOIN entities e ON e.id = mn.entity_id JOIN bullets b ON b.id = mn.bullet_id "
                "JOIN articles a ON a.id = mn.article_id JOIN sources s ON s.id = a.source_id",
    "events": "SELECT s.uri, b.position, ev.date, ev.sort_key, ev.text FROM events ev "
              "JOIN bullets b ON b.id = ev.bullet_id JOIN articles a ON a.id = ev.article_id "
              "JOIN sources s ON s.id = a.source_id",
    "figures": "SELECT s.uri, b.position, f.value, f.unit, f.period, f.subject FROM figures f "
               "JOIN bullets b ON b.id = f.bullet_id JOIN articles a ON a.id = f.article_id "
               "JOIN sources s ON s.id = a.source_id",
    "tags": "SELECT s.uri, t.tag, t.score FROM article_tags t JOIN articles a ON a.id = t.article_id "
            "JOIN sources s ON s.id = a.source_id",
    "facts": "SELECT hash, text, signature FROM facts",
    "fact_mentions": "SELECT s.uri, b.position, f.hash, fm.similarity FROM fact_mentions fm "
                     "JOIN facts f ON f.id = fm.fact_id JOIN bullets b ON b.id = fm.bullet_id "
                     "JOIN articles a ON a.id = fm.article_id JOIN sources s ON s.id = a.source_id",
    "fact_keys": "SELECT k.key, f.hash FROM fact_keys k JOIN facts f ON f.id = k.fact_id",
    "topics": "SELECT t.key, t.name, t.kind, e1.name, e2.name FROM topics t "
              "LEFT JOIN entities e1 ON e1.id = t.entity_id LEFT JOIN entities e2 ON e2.id = t.other_entity_id",
    "topic_articles": "SELECT t.key, s.uri, ta.score FROM topic_articles ta JOIN topics t ON t.id = ta.topic_id "
                      "JOIN articles a ON a.id = ta.article_id JOIN sources s ON s.id = a.source_id",
}
SEARCH = {
    "sqlite": "SELECT s.uri, f.title, f.body, f.entities FROM search_fts f JOIN articles a ON a.id = f.rowid "
              "JOIN sources s ON s.id = a.source_id",
    "postgresql": "SELECT s.uri, CAST(d.document AS TEXT) FROM search_docs d JOIN articles a ON a.id = d.article_id "
                  "JOIN sources s ON s.id = a.source_id",
}


def snapshot(store: Store, with_search: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    queries = dict(SNAPSHOT)
    if with_search:
        queries["search"] = SEARCH[store.dialect]
    with store.engine.connect() as conn:
        return {name: sorted((tuple(r) for r in conn.execute(text(sql))), key=repr) for name, sql in queries.items()}


def edited(item: tuple[Article, Extraction]) -> tuple[Article, Extraction]:
    """The same note (same uri) with its last bullet reworded: saving it again is an update."""
    article, extraction = copy.deepcopy(item)
    last = article.sections[-1]
    bullets = [*last.bullets[:-1], Bullet(last.bullets[-1].text + " Officials called it a turning point.")]
    article.sections = [*article.sections[:-1], Section(last.heading, last.role, bullets)]
    body = "".join(b.text for b in article.bullets())
    article.content_hash = content_hash(article.title + body)
    return article, extraction


def items() -> list[tuple[Article, Extraction]]:
    """Every hand-written note, then one of them edited (an update) and one repeated unchanged."""
    notes = all_notes()
    return [*notes, edited(notes[3]), copy.deepcopy(notes[5])]


def save_one_by_one(store: Store) -> None:
    for article, extraction in items():
        store.save(article, extraction, on_saved=on_article_saved)


def test_batch_path_stores_what_the_save_hook_stores(tmp_path: Path) -> None:
    one = Store(f"sqlite:///{tmp_path / 'one.db'}")
    save_one_by_one(one)
    bulk = Store(f"sqlite:///{tmp_path / 'bulk.db'}")
    results = save_and_link(bulk, items(), batch=7)  # several batches, the update and the repeat inside them
    assert [status for _, status in results][-2:] == ["updated", "unchanged"]
    expected, got = snapshot(one), snapshot(bulk)
    assert expected["facts"] and expected["topic_articles"] and expected["fact_keys"]
    for name in expected:
        assert got[name] == expected[name], name
    one.close()
    bulk.close()


def test_batch_path_matches_in_either_database(db_url: str, tmp_path: Path) -> None:
    """SQLite and PostgreSQL: one big batch gives the same facts, topics and links as saving note by note."""
    reference = Store(f"sqlite:///{tmp_path / 'reference.db'}")
    save_one_by_one(reference)
    store = Store(db_url)
    save_and_link(store, items())
    expected, got = snapshot(reference, with_search=False), snapshot(store, with_search=False)
    for name in expected:
        assert got[name] == expected[name], name
    with store.engine.connect() as conn:
        searchable = conn.execute(text(SEARCH[store.dialect])).all()
    assert len(searchable) == len(expected["articles"])
    reference.close()
    store.close()
