"""Syllabus tags: the tree loads, the seed is International Relations, single statements get tagged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEED

from gistbook.extract.syllabus import syllabus_nodes, tag_syllabus, tag_text
from gistbook.records import Article, Bullet, Section

DATA = Path(__file__).resolve().parents[2] / "src" / "gistbook" / "extract" / "data" / "syllabus.json"


def test_tree_covers_all_four_papers() -> None:
    tags = [n.tag for n in syllabus_nodes()]
    assert {t.split(":")[0] for t in tags} == {"GS1", "GS2", "GS3", "GS4"}
    assert len(tags) == len(set(tags)) >= 25
    assert "GS2: International Relations" in tags
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    assert all(n["covers"] and n["strong"] for n in raw["nodes"])


def test_seed_is_international_relations() -> None:
    from gistbook.extract import extract_article
    from gistbook.parse import parse_document
    from gistbook.read import read_source

    document = next(iter(read_source(str(SEED), max_bytes=10**7)))
    article = parse_document(document, published="2024-09-10")  # type: ignore[arg-type]
    extraction = extract_article(article)
    assert extraction.syllabus[0][0] == "GS2: International Relations"
    # a finance dialogue: the exercises and defence ties of its background recap do not make it a Security item
    assert "GS3: Security" not in [tag for tag, _ in extraction.syllabus]
    assert all(0 < score <= 1 for _, score in extraction.syllabus)


def test_tags_follow_content() -> None:
    def note(title: str, *bullets: str, category: str | None = None) -> Article:
        return Article(title=title, sections=[Section(None, "news", [Bullet(b) for b in bullets])], source="t",
                       uri="t", kind="note", content_hash="x", category=category)

    farm = note("Eighteenth PM-KISAN instalment released to farmers",
                "Farmers received the instalment; kharif sowing and MSP procurement were also reviewed.")
    assert tag_syllabus(farm, [])[0][0] == "GS3: Agriculture"
    navy = note("Navy commissions new frigate", "The warship strengthens maritime security.",
                category="Ministry of Defence")
    assert tag_syllabus(navy, [])[0][0] == "GS3: Security"
    assert tag_syllabus(note("Chief Minister calls on the Prime Minister", "They met today."), []) == []


def test_single_statement_tags() -> None:
    tags = tag_text("The Lok Sabha passed the bill during the budget session of Parliament.")
    assert tags and tags[0][0] == "GS2: Parliament and Legislatures"
    assert tag_text("") == []
