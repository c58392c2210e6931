"""PDFs: compilations split into items, single articles kept whole, scans and damaged files refused."""

from __future__ import annotations

import pytest
from tests.read.read_fixtures import DATA, build_pdf, documents

from gistbook.read import ReadError, read_bytes
from gistbook.read.pdfitems import parse_meta_line, reflow

LIMIT = 1 << 20


def test_compilation_splits_into_its_three_items() -> None:
    docs = documents(DATA / "compilation.pdf")
    assert [doc.title for doc in docs] == [
        "Cabinet approves a mission to recycle critical minerals",
        "India and Japan hold the third round of their finance dialogue in New Delhi",  # wrapped headline
        "Supreme Court sets time limits for assent to state bills",
    ]
    assert [doc.published for doc in docs] == ["10 March 2026", "12 March 2026", "Mar 14, 2026"]
    assert [doc.category for doc in docs] == ["Ministry of Mines", "Ministry of Finance", "Legal Affairs"]
    assert [doc.source.rsplit("#", 1)[1] for doc in docs] == ["1", "2", "3"]
    assert all(doc.kind == "pdf" and doc.body_format == "text" for doc in docs)
    assert [doc.meta["pages"] for doc in docs] == ["2", "2-3", "3"]


def test_compilation_bodies_are_reflowed_without_running_headers() -> None:
    docs = documents(DATA / "compilation.pdf")
    assert docs[0].body.startswith("The Union Cabinet approved a six-year mission that pays recyclers to recover "
                                   "lithium, cobalt and nickel")
    assert docs[1].body.endswith("Both sides agreed to meet again next year in Tokyo.")  # carried over a page
    for doc in docs:
        assert "Weekly Digest" not in doc.body and "Page " not in doc.body and "Contents" not in doc.body


def test_single_article_pdf_is_one_document_titled_from_metadata() -> None:
    (doc,) = documents(DATA / "article.pdf")
    assert doc.source == doc.uri == str(DATA / "article.pdf")
    assert doc.title == "Labour codes come into force"
    assert doc.body.startswith("The new labour codes took effect")
    assert "twenty-nine older laws on wages" in doc.body


def test_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(ReadError, match=r"^PDF has no text layer \(scanned\?\)$"):
        read_bytes((DATA / "scanned.pdf").read_bytes(), "scan.pdf", max_bytes=LIMIT)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
])
def test_damaged_pdf_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="PDF"):
        read_bytes(data, "broken.pdf", max_bytes=LIMIT)


def test_truncated_compilation_is_refused_or_read_never_crashes() -> None:
    data = (DATA / "compilation.pdf").read_bytes()
    for cut in (50, len(data) // 2, len(data) - 30):
        try:
            docs = read_bytes(data[:cut], "cut.pdf", max_bytes=LIMIT)
        except ReadError:
            continue
        assert all(doc.body for doc in docs)


def _body(words: str) -> list[str]:
    return [f"{words} is described in this paragraph of the compilation,", "which runs over two lines."]


def test_numbered_headlines_split_items_and_a_list_inside_does_not() -> None:
    pages: list[list[str] | None] = [[
        "1. Green credit programme notified", *_body("A credit market"),
        "2. Lok Sabha passes the waqf amendment", *_body("The amendment"),
        "Three features:", "1. A new board", "2. Audits by officials", "",
        "3. ISRO docks two satellites in orbit", *_body("The docking"),
    ]]
    docs = read_bytes(build_pdf(pages), "numbered.pdf", max_bytes=LIMIT)
    assert [doc.title for doc in docs] == ["Green credit programme notified", "Lok Sabha passes the waqf amendment",
                                           "ISRO docks two satellites in orbit"]
    assert "A new board" in docs[1].body


def test_numbered_list_in_the_first_item_does_not_take_the_second_items_place() -> None:
    pages: list[list[str] | None] = [[
        "1. Green credit programme notified", "Two parts:", "1. Tree planting", *_body("Planting"),
        "2. Water harvesting", *_body("Harvesting"),
        "2. Lok Sabha passes the waqf amendment", *_body("The amendment"),
        "3. ISRO docks two satellites in orbit", *_body("The docking"),
    ]]
    docs = read_bytes(build_pdf(pages), "nested.pdf", max_bytes=LIMIT)
    assert [doc.title for doc in docs] == ["Green credit programme notified", "Lok Sabha passes the waqf amendment",
                                           "ISRO docks two satellites in orbit"]
    assert "2. Water harvesting" in docs[0].body


def test_two_numbered_paragraphs_are_an_article_not_a_compilation() -> None:
    pages: list[list[str] | None] = [[
        "Steps announced", "1. First step taken", *_body("The first"), "2. Second step taken", *_body("The second"),
    ]]
    (doc,) = read_bytes(build_pdf(pages), "list.pdf", max_bytes=LIMIT)
    assert "First step taken" in doc.body and "Second step taken" in doc.body


def test_all_caps_headlines_split_items_but_section_words_do_not() -> None:
    pages: list[list[str] | None] = [[
        "HEATWAVE ACTION PLANS REVIEWED", *_body("The review"), "BACKGROUND", *_body("Some history"),
        "WAY FORWARD", *_body("A proposal"),
        "NEW RAMSAR SITES ADDED", *_body("The listing"),
    ]]
    docs = read_bytes(build_pdf(pages), "caps.pdf", max_bytes=LIMIT)
    assert [doc.title for doc in docs] == ["HEATWAVE ACTION PLANS REVIEWED", "NEW RAMSAR SITES ADDED"]
    assert "Some history" in docs[0].body and "A proposal" in docs[0].body


@pytest.mark.parametrize(("line", "expected"), [
    ("25 March 2026 | Ministry of Power", ("25 March 2026", "Ministry of Power")),
    ("Posted on: Mar 25, 2026", ("Mar 25, 2026", None)),
    ("Tuesday, 3 March 2026", ("Tuesday, 3 March 2026", None)),
    ("2026-03-25 - Economy", ("2026-03-25", "Economy")),
    ("Sep 10", ("Sep 10", None)),
    ("12 March 2026 that the minister would visit", None),
    ("The talks ended on 12 March 2026.", None),
    ("No date in this line", None),
])
def test_dateline_parsing(line: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_meta_line(line) == expected


def test_reflow_keeps_bullets_and_headings_apart() -> None:
    lines = ["Key points", "\u2022 The first point wraps over", "two lines of the page.",
             "\u2022 The second point.", "", "A plain paragraph that is long enough to set the width of the page",
             "and continues here."]
    assert reflow(lines).split("\n\n") == [
        "Key points", "\u2022 The first point wraps over two lines of the page.", "\u2022 The second point.",
        "A plain paragraph that is long enough to set the width of the page and continues here."]
