"""Repeated background is stored once: near-duplicate decisions on labelled pairs, and Facts in the store."""

from __future__ import annotations

import json
from pathlib import Path

from calibrate_dedup import load_pairs, precision_recall
from sqlalchemy import func, select

from gistbook.link import on_article_saved
from gistbook.link.facts import THRESHOLD, same_fact, signature, similarity
from gistbook.records import Article, Bullet, Section, content_hash
from gistbook.store import Store, models

DATA = Path(__file__).resolve().parents[1] / "data" / "link"
FLOORS = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))


def heldout_pairs() -> list[dict]:
    lines = (DATA / "fact-pairs-heldout.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_threshold_matches_the_calibrated_one() -> None:
    assert FLOORS["dedup_dev"]["threshold"] == THRESHOLD


def test_dedup_precision_recall_on_labelled_pairs() -> None:
    precision, recall, _ = precision_recall(load_pairs(), THRESHOLD)
    assert precision >= FLOORS["dedup_dev"]["precision"]
    assert recall >= FLOORS["dedup_dev"]["recall"]


def test_dedup_precision_recall_on_heldout_pairs() -> None:
    precision, recall, _ = precision_recall(heldout_pairs(), THRESHOLD)
    assert precision >= FLOORS["dedup_heldout"]["precision"]
    assert recall >= FLOORS["dedup_heldout"]["recall"]


def test_different_numbers_are_different_facts() -> None:
    a = "Bilateral trade between India and Japan totalled $21.96 billion in FY 2022-23."
    b = "Bilateral trade between India and Japan totalled $22.85 billion in FY 2023-24."
    assert similarity(a, b) == 0.0
    assert not same_fact(a, b)


def test_punctuation_and_case_do_not_matter() -> None:
    a = "The Japan-India Association, set up in 1903, is Japan's oldest friendship body."
    b = "the japan india association set up in 1903 is japan’s oldest friendship body"
    assert signature(a).hash == signature(b).hash


def _article(uri: str, bullets: list[str], title: str) -> Article:
    return Article(title=title, sections=[Section("Background", "background", [Bullet(t) for t in bullets])],
                   source=uri, uri=uri, kind="note", content_hash=content_hash(uri + "".join(bullets)),
                   published="2025-01-01", published_precision="day")


def test_repeated_background_is_one_fact_cited_by_each_article(db_url: str) -> None:
    store = Store(db_url)
    first = ["India signed a separate peace treaty with Japan on 28 April 1952, which opened diplomatic relations.",
             "Japan became a permanent member of the Malabar naval exercise in 2015."]
    second = ["Diplomatic relations between India and Japan began with the peace treaty signed on 28 April 1952.",
              "Japan became a permanent member of the Malabar naval exercise in 2015!",
              "India and Japan held a finance dialogue in Tokyo."]
    a1, _ = store.save(_article("n/1", first, "One"), None, on_saved=on_article_saved)
    a2, _ = store.save(_article("n/2", second, "Two"), None, on_saved=on_article_saved)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(models.Fact)) == 3
        cited = s.execute(select(models.FactMention.fact_id, func.count(func.distinct(models.FactMention.article_id)))
                          .group_by(models.FactMention.fact_id)).all()
        assert sorted(n for _, n in cited) == [1, 2, 2]
        sims = sorted(s.scalars(select(models.FactMention.similarity).where(models.FactMention.article_id == a2)))
        assert sims[0] < 1.0 and sims[-1] == 1.0
    store.close()


def test_editing_an_article_drops_facts_nobody_cites(db_url: str) -> None:
    store = Store(db_url)
    store.save(_article("n/1", ["Project Tiger was launched in 1973 to protect the tiger."], "One"), None,
               on_saved=on_article_saved)
    store.save(_article("n/1", ["Project Elephant was launched in 1992."], "One"), None, on_saved=on_article_saved)
    with store.session() as s:
        assert list(s.scalars(select(models.Fact.text))) == ["Project Elephant was launched in 1992."]
    store.close()
