"""The page in four formats; the text format reads back through gistbook's own reader to the same structure."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.page.conftest import SEED_DATE, KnowledgeBase

from gistbook.page import build_page, render_page
from gistbook.page.render import header_date
from gistbook.parse import parse_document
from gistbook.read import read_bytes
from gistbook.records import Article, Bullet, Extraction, Section, content_hash
from gistbook.store import Store


def _page(kb: KnowledgeBase, article_id: int) -> dict[str, Any]:
    with kb.store.session() as session:
        return build_page(session, article_id)


def _read_back(text: str, published: str | None) -> Article:
    docs = read_bytes(text.encode("utf-8"), "page.txt", max_bytes=1 << 20)
    assert len(docs) == 1 and docs[0].kind == "note"
    return parse_document(docs[0], published=published)


def _structure(page: dict[str, Any]) -> list[tuple[str | None, str, list[str]]]:
    return [(s["heading"], s["role"], [b["text"] for b in s["bullets"]]) for s in page["sections"]]


def test_text_is_the_seed_shape(kb: KnowledgeBase) -> None:
    text = render_page(_page(kb, kb.seed_literal_id), "text")
    lines = text.splitlines()
    assert lines[:5] == ["• India", "  • Sep 10", "  • Kevin Savio Antony", "",
                         "India, Japan agree to promote financial cooperation"]
    assert "India-Japan Bilateral Relations" in lines
    assert "Roadblocks to strengthening India-Japan ties" in lines
    assert lines.index("India-Japan Bilateral Relations") < lines.index("Roadblocks to strengthening India-Japan ties")
    assert all(line.startswith("• ") for line in lines[6:] if line and line[0] not in "IRW(")


@pytest.mark.parametrize("which", ["seed_news_id", "seed_literal_id"])
def test_text_round_trip(kb: KnowledgeBase, which: str) -> None:
    page = _page(kb, getattr(kb, which))
    back = _read_back(render_page(page, "text"), SEED_DATE)
    assert (back.title, back.category, back.author, back.published) == (
        page["title"], page["category"], page["author"], page["published"])
    assert [(s.heading, s.role, [b.text for b in s.bullets]) for s in back.sections] == _structure(page)


def test_json_shape(kb: KnowledgeBase) -> None:
    page = json.loads(render_page(_page(kb, kb.seed_news_id), "json"))
    for key in ("id", "title", "category", "published", "author", "sections"):
        assert key in page
    for section in page["sections"]:
        assert {"heading", "role", "bullets"} <= set(section)
        for bullet in section["bullets"]:
            assert bullet["sources"]
            assert all(set(s) == {"article_id", "bullet_id", "title", "published"} for s in bullet["sources"])


def test_markdown_cites_generated_bullets(kb: KnowledgeBase) -> None:
    md = render_page(_page(kb, kb.seed_news_id), "markdown")
    assert md.startswith("# India and Japan to deepen cooperation in finance\n")
    assert "## India-Japan Bilateral Relations *(from your knowledge base)*" in md
    cited = [line for line in md.splitlines() if line.startswith("- ") and " — *#" in line]
    assert len(cited) >= 5


def _prose(tmp_title: str, texts: list[str]) -> Article:
    body = "\n".join(texts)
    return Article(title=tmp_title, sections=[Section(None, "news", [Bullet(t) for t in texts])], source="prose.html",
                   uri="prose.html", kind="html", content_hash=content_hash(body), category="Ministry of Testing",
                   published="2026-03-05", published_precision="day")


def test_html_escapes_and_prose_gets_key_points(sqlite_url: str) -> None:
    """A hand-built prose item: key points in reading order, the full text below, every text escaped."""
    texts = [f"Filler sentence number {i} says very little of use to anybody at all." for i in range(9)]
    texts[2] = "The <b>Bharat</b> Scheme was launched on 5 March 2026 with an outlay of ₹1,200 crore in 12 states."
    texts[5] = "The Ministry of Testing signed an MoU with NITI Aayog (NITI) in New Delhi on 4 March 2026."
    store = Store(sqlite_url)
    article_id, _ = store.save(_prose("Bharat Scheme launched", texts), Extraction())
    with store.session() as session:
        page = build_page(session, article_id, key_points=2)
    assert page["condensed"] is True
    news = page["sections"][0]["bullets"]
    assert [b["text"] for b in news] == [texts[2], texts[5]]
    assert [(p["text"], p["sources"][0]["article_id"]) for p in page["key_points"]] == [
        (texts[2], article_id), (texts[5], article_id)]
    assert all(s["heading"] != "Other points" for s in page["sections"])  # the rest stays in the article
    assert page["full_text"] == {"article_id": article_id, "points": 9, "left_out": 7}
    html = render_page(page, "html")
    assert "<b>Bharat</b>" not in html and "&lt;b&gt;Bharat&lt;/b&gt;" in html
    back = _read_back(render_page(page, "text"), "2026-03-05")
    assert [(s.heading, s.role, [b.text for b in s.bullets]) for s in back.sections] == _structure(page)
    store.close()


@pytest.mark.parametrize(("published", "precision", "shown"), [
    ("2024-09-10", "day", "Sep 10"), ("2024-09-05", "day", "Sep 5"), ("2024-09", "month", "Sep 2024"),
    ("2024", "year", "2024"), (None, None, None)])
def test_header_date(published: str | None, precision: str | None, shown: str | None) -> None:
    assert header_date(published, precision) == shown


def test_unknown_format_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_page(_page(kb, kb.seed_news_id), "pdf")
