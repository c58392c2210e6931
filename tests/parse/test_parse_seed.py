"""The seed note must read exactly as its answer key says: metadata, 4/22/5 sections with roles, no chrome."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gistbook.parse import parse_document
from gistbook.read.note import read_note
from gistbook.records import Article

PUBLISHED = "2024-09-10"
EXPECTED_ROLES = ["news", "background", "challenges"]


def _seed_article(text: str, published: str | None = PUBLISHED, today: date = date(2025, 1, 15)) -> Article:
    return parse_document(read_note(text, "seed-article.txt", "seed-article.txt"), published, today=today)


def _shape(article: Article) -> list[tuple[str | None, int, str]]:
    return [(s.heading, len(s.bullets), s.role) for s in article.sections]


def test_reader_lifts_the_header(seed_text: str) -> None:
    doc = read_note(seed_text, "seed-article.txt", "seed-article.txt")
    assert (doc.category, doc.published, doc.author) == ("India", "Sep 10", "Kevin Savio Antony")
    assert doc.body_format == "note" and doc.kind == "note"
    assert doc.body.startswith("India, Japan agree to promote financial cooperation\n")
    assert "Related Topics" not in doc.body and "\nNotes" not in doc.body


def test_meta_matches_gold(seed_text: str, seed_answer_key: dict[str, Any]) -> None:
    article = _seed_article(seed_text)
    for key, value in seed_answer_key["meta"].items():
        assert getattr(article, key) == value, key
    assert article.published_precision == "day"
    assert article.published_reason == "given by --published"


def test_sections_match_gold(seed_text: str, seed_answer_key: dict[str, Any]) -> None:
    article = _seed_article(seed_text)
    sections = seed_answer_key["sections"]
    expected = [(s["heading"], s["bullets"], role) for s, role in zip(sections, EXPECTED_ROLES, strict=True)]
    assert _shape(article) == expected


def test_page_chrome_is_not_content(seed_text: str, seed_answer_key: dict[str, Any]) -> None:
    article = _seed_article(seed_text)
    texts = [b.text for b in article.bullets()] + [s.heading or "" for s in article.sections]
    for chrome in seed_answer_key["page_chrome_not_content"]:
        assert chrome not in texts
    assert not any("author is a trainer" in t for t in texts)


def test_bullets_are_clean_and_whole(seed_text: str) -> None:
    bullets = [b.text for b in _seed_article(seed_text).bullets()]
    assert all(t == t.strip() and not t.startswith("•") and "\xa0" not in t for t in bullets)
    # a bullet of two sentences stays one bullet; curly apostrophes are kept as written
    assert any(t.startswith("Bilateral trade totalled $21.96 billion") and "$5.46 billion" in t for t in bullets)
    assert any("Japan\u2019s financial services industry" in t for t in bullets)


def test_without_published_the_year_is_explained(seed_text: str) -> None:
    article = _seed_article(seed_text, published=None, today=date(2024, 12, 1))
    assert article.published == "2024-09-10"
    assert article.published_reason is not None
    assert article.published_reason.startswith("'Sep 10' has no year; year 2024 assumed")
    earlier = _seed_article(seed_text, published=None, today=date(2024, 9, 9))
    assert earlier.published == "2023-09-10"


def test_year_only_override_completes_the_date(seed_text: str) -> None:
    article = _seed_article(seed_text, published="2024")
    assert article.published == "2024-09-10"
    assert article.published_reason == "'Sep 10' has no year; year 2024 taken from --published"


def test_year_from_document_metadata(seed_text: str) -> None:
    doc = read_note(seed_text, "seed-article.txt", "seed-article.txt")
    doc.meta["published_year"] = "2024"
    article = parse_document(doc, today=date(2026, 1, 1))
    assert article.published == "2024-09-10"
    assert article.published_reason is not None and "metadata (published_year)" in article.published_reason


@pytest.mark.parametrize("variant", ["crlf", "dashes", "stars", "blank-lines", "no-header"])
def test_robust_to_layout_variants(seed_text: str, variant: str) -> None:
    text = seed_text
    if variant == "crlf":
        text = text.replace("\n", "\r\n")
    elif variant == "dashes":
        text = text.replace("\u2022", "-")
    elif variant == "stars":
        text = text.replace("\u2022", "*")
    elif variant == "blank-lines":
        text = "\n\n" + text.replace("\n\n", "\n\n\n\n")
    else:
        text = text.split("\n", 3)[3]
    article = _seed_article(text)
    assert [(h, n) for h, n, _ in _shape(article)] == [
        (None, 4), ("India-Japan Bilateral Relations", 22), ("Roadblocks to strengthening India-Japan ties", 5)]
    assert article.title == "India, Japan agree to promote financial cooperation"
    assert article.author_note == "The author is a trainer for Civil Services aspirants."
    if variant == "no-header":
        assert (article.category, article.author) == (None, None)
    else:
        assert (article.category, article.author) == ("India", "Kevin Savio Antony")


def test_article_carries_source_identity(seed_text: str) -> None:
    doc = read_note(seed_text, "given/seed.txt", "file:///seed.txt")
    article = parse_document(doc, PUBLISHED)
    assert (article.source, article.uri, article.kind, article.content_hash) == (
        "given/seed.txt", "file:///seed.txt", "note", doc.hash)
