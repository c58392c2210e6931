"""The two text-note readers owned with the parse stage: note header and chrome, Markdown front matter."""

from __future__ import annotations

from gistbook.read.markdown import read_markdown
from gistbook.read.note import read_note


def test_note_header_with_full_date_and_by_line() -> None:
    text = "- Economy\n- 12 March 2026\n- By A. Writer\n\nHeadline here\n\n- A point.\n"
    doc = read_note(text, "n.txt", "n.txt")
    assert (doc.category, doc.published, doc.author) == ("Economy", "12 March 2026", "A. Writer")
    assert doc.body == "Headline here\n\n- A point."


def test_note_header_as_key_value_lines() -> None:
    text = "* Category: Polity\n* Date: Sep 3\n\nHeadline\n* A point.\n"
    doc = read_note(text, "n.txt", "n.txt")
    assert (doc.category, doc.published, doc.author) == ("Polity", "Sep 3", None)


def test_short_opening_bullets_without_a_date_are_content() -> None:
    text = "\u2022 India\n\u2022 Japan\n\nWhy they matter\n\u2022 A point.\n"
    doc = read_note(text, "n.txt", "n.txt")
    assert (doc.category, doc.published, doc.author) == (None, None, None)
    assert doc.body.startswith("\u2022 India")


def test_note_chrome_tail_and_share_labels_are_dropped() -> None:
    text = ("Headline\n\n\u2022 A point.\n\nShare\nPrint\nDownload PDF\n\nNotes\nMy own note\n"
            "Related Topics\nTrade\nDefence\n")
    doc = read_note(text, "n.txt", "n.txt")
    assert doc.body == "Headline\n\n\u2022 A point."


def test_a_notes_section_with_real_content_is_kept() -> None:
    long_line = "\u2022 " + "This bullet under a Notes heading is long enough to be content rather than page chrome."
    text = f"Headline\n\n\u2022 A point.\n\nNotes\n{long_line}\n"
    assert "Notes" in read_note(text, "n.txt", "n.txt").body


def test_markdown_front_matter_fields_and_meta() -> None:
    text = ("---\r\ntitle: 'Quoted: title'\r\ndate: 2026-03-08\r\ncategories:\r\n  - Economy\r\n  - Trade\r\n"
            "author: \"Someone\"\r\nlink: https://example.org/x\r\npublished_year: 2026\r\ntags: [a, b]\r\n---\r\n"
            "# Heading\r\n\r\nText.\r\n")
    doc = read_markdown(text, "m.md", "m.md")
    assert (doc.title, doc.published, doc.category, doc.author, doc.url) == (
        "Quoted: title", "2026-03-08", "Economy, Trade", "Someone", "https://example.org/x")
    assert doc.meta == {"published_year": "2026", "tags": "a, b"}
    assert doc.body == "# Heading\n\nText."
    assert (doc.kind, doc.body_format) == ("markdown", "markdown")


def test_markdown_without_front_matter_keeps_everything() -> None:
    doc = read_markdown("# Title\n\n---\n\nText.", "m.md", "m.md")
    assert doc.title is None and doc.body == "# Title\n\n---\n\nText."
