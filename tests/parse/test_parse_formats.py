"""Markdown, plain text, HTML and trafilatura XML bodies become titled sections of one-fact bullets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from gistbook.parse import ParseError, parse_document
from gistbook.read.markdown import read_markdown
from gistbook.read.note import read_note
from gistbook.records import Article, BodyFormat, Document

DATA = Path(__file__).resolve().parents[1] / "data" / "parse"

TODAY = date(2026, 1, 1)


def _doc(name: str, body_format: BodyFormat, title: str | None = None) -> Document:
    body = (DATA / name).read_text(encoding="utf-8")
    return Document(source=name, uri=name, kind=body_format, body=body, body_format=body_format, title=title)


def _outline(article: Article) -> list[tuple[str | None, str, list[str]]]:
    return [(s.heading, s.role, [b.text for b in s.bullets]) for s in article.sections]


def test_markdown_note() -> None:
    doc = read_markdown((DATA / "solar-alliance.md").read_text(encoding="utf-8"), "solar-alliance.md", "md")
    article = parse_document(doc, today=TODAY)
    assert (article.title, article.category, article.author, article.url) == (
        "ISA assembly reviews solar finance push", "Environment", "Test Writer", "https://example.org/notes/isa-assembly")
    assert (article.published, article.published_precision) == ("2025-10-28", "day")
    assert article.author_note == "The author writes on energy policy for exam aspirants."
    outline = _outline(article)
    assert [(h, r, len(b)) for h, r, b in outline] == [
        (None, "news", 3),
        ("About the International Solar Alliance", "background", 3),
        ("Key initiatives", "other", 5),
        ("Challenges", "challenges", 2),
        ("Way forward", "way_forward", 1),
    ]
    lead, about, initiatives = outline[0][2], outline[1][2], outline[2][2]
    assert lead[1] == "They discussed how to mobilise USD 1 trillion of solar investment by 2030."  # bold markup gone
    assert about[0] == "The ISA was launched by India and France at COP21 in Paris in November 2015."  # link text kept
    assert about[1].endswith("with its headquarters in India.")  # wrapped list item joined
    assert initiatives[3:] == ["2015; Launch at COP21", "2017; Framework agreement enters into force"]
    assert not any("code block" in b.text for b in article.bullets())


def test_plain_text_prose() -> None:
    article = parse_document(_doc("chandrayaan-prose.txt", "text"), today=TODAY)
    assert article.title == "Chandrayaan-3 lands near the lunar south pole"
    assert (article.published, article.published_reason) == (None, "the source gives no date")
    outline = _outline(article)
    assert [(h, r, len(b)) for h, r, b in outline] == [
        (None, "news", 3), ("Mission facts", "background", 4), ("Significance", "background", 2),
        ("Concerns", "challenges", 2)]
    assert outline[1][2][1] == "The mission cost was reported at about Rs. 615 crore."
    assert outline[1][2][2].startswith("The lander carried four payloads")  # a marked line is its own bullet


def test_saved_page_html() -> None:
    article = parse_document(_doc("g20-saved-page.html", "html"), today=TODAY)
    assert article.title == "New Delhi hosts the G20 leaders' summit"
    outline = _outline(article)
    assert [(h, r, len(b)) for h, r, b in outline] == [
        (None, "news", 2), ("What changed", "other", 3), ("Background", "background", 7),
        ("Challenges", "challenges", 2)]
    changed, background = outline[1][2], outline[2][2]
    assert changed[1] == "A Global Biofuels Alliance was launched, with India, Brazil and the U.S. among its founders."
    assert changed[2] == "Its aim is to speed up the uptake of sustainable biofuels."  # nested list item
    assert background[2] == ("India's theme was Vasudhaiva Kutumbakam \u2013 "
                             "\u201cOne Earth, One Family, One Future.\u201d")
    assert background[-3:] == ["Presidency; Year", "Indonesia; 2022", "India; 2023"]  # empty row skipped
    texts = [b.text for b in article.bullets()]
    assert not any(t in ("Share", "Print", "Home News") or "var x" in t or "<" in t for t in texts)


def test_metadata_title_wins_and_h1_repeat_is_dropped() -> None:
    article = parse_document(_doc("g20-saved-page.html", "html", title="G20 in Delhi"), today=TODAY)
    assert article.title == "G20 in Delhi"
    assert article.sections[0].heading == "New Delhi hosts the G20 leaders' summit"  # a different headline
    same = parse_document(_doc("g20-saved-page.html", "html", title="New Delhi hosts the G20 leaders' summit"))
    assert same.sections[0].heading is None


def test_trafilatura_xml() -> None:
    article = parse_document(_doc("g20-trafilatura.xml", "html", title="G20 summit"), "2023-09-11")
    outline = _outline(article)
    assert outline == [
        (None, "news", ["The 18th G20 summit was held at Bharat Mandapam in New Delhi in September 2023.",
                        "Leaders adopted a declaration by consensus."]),
        ("Background", "background", ["The G20 was formed in 1999.", "Its first leaders' summit met in 2008.",
                                      "India; 2023"]),
    ]
    assert article.published == "2023-09-11"


def test_untitled_text_gets_a_title_from_its_first_sentence() -> None:
    body = ("The committee examined the working of district courts across many states and found long delays in "
            "appeals. It asked for more judges.")
    article = parse_document(Document("x", "x", "text", body, "text"))
    assert article.title.endswith("\u2026") and len(article.title) <= 101
    assert article.title.startswith("The committee examined the working of district courts")


@pytest.mark.parametrize("reader", [read_note, read_markdown])
def test_note_without_header_with_dashes_crlf_and_chrome(reader: Callable[[str, str, str], Document]) -> None:
    """A '-' bulleted note may be sniffed as Markdown; either reading gives the same note."""
    text = (DATA / "plain-note.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    article = parse_document(reader(text, "plain-note.txt", "plain-note.txt"), today=TODAY)
    assert article.title == "Budget names millets Shree Anna and backs a research centre"
    assert (article.category, article.published, article.author) == (None, None, None)
    outline = _outline(article)
    assert [(h, r, len(b)) for h, r, b in outline] == [(None, "news", 3), ("Background", "background", 2)]
    assert outline[0][2][0].endswith("as a Centre of Excellence.")  # wrapped bullet joined
    texts = [b.text for b in article.bullets()] + [s.heading or "" for s in article.sections]
    for chrome in ("Share", "Print", "WhatsApp", "Copy link", "Related Topics", "Millets", "Food security"):
        assert chrome not in texts


@pytest.mark.parametrize(
    ("body", "body_format", "reason"),
    [
        ("", "note", "empty body"),
        ("   \n\n ", "text", "empty body"),
        ("Share\nPrint\nCopy link", "text", "no bullets could be made"),
        ("<p>Read this release in: Urdu</p>", "html", "no bullets could be made"),
        ("<script>alert(1)</script>", "html", "no bullets could be made"),
        ("Something", "pdf", "unknown body format 'pdf'"),
    ],
)
def test_bad_input_raises_one_line_parse_error(body: str, body_format: str, reason: str) -> None:
    doc = Document("bad", "bad", "test", body, body_format)  # type: ignore[arg-type]
    with pytest.raises(ParseError) as caught:
        parse_document(doc)
    message = str(caught.value)
    assert reason in message and "\n" not in message


def test_a_capital_i_misread_as_l_is_put_back() -> None:
    body = ("The government runs the Modified lnterest Subvention Scheme across pan lndia.\n\n"
            "Farmers get credit at 4 per cent; the kiln owners were not covered.")
    doc = Document(source="ocr.txt", uri="ocr.txt", kind="text", body=body, body_format="text",
                   title="Credit for farmers")
    bullets = [b.text for b in parse_document(doc, today=TODAY).bullets()]
    assert "Modified Interest Subvention Scheme across pan India." in bullets[0]
    assert "kiln owners" in bullets[-1]
