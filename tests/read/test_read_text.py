"""Plain prose, point-wise notes and Markdown notes reach the right reader."""

from __future__ import annotations

from tests.conftest import SEED
from tests.read.read_fixtures import DATA, documents

from gistbook.read import read_bytes

LIMIT = 1 << 20


def test_pasted_prose_is_text() -> None:
    (doc,) = documents(DATA / "pasted.txt")
    assert (doc.kind, doc.body_format) == ("text", "text")
    assert doc.uri == doc.source == str(DATA / "pasted.txt")
    assert doc.body.startswith("Pasted prose without any markup.")
    assert "\n\nIt will hold more meetings" in doc.body


def test_seed_is_read_as_a_note() -> None:
    (doc,) = documents(SEED)
    assert (doc.kind, doc.body_format) == ("note", "note")
    assert doc.source == doc.uri == str(SEED)
    assert "India, Japan agree to promote financial cooperation" in doc.body


def test_markdown_note_is_read_as_markdown() -> None:
    (doc,) = documents(DATA / "monsoon-note.md")
    assert (doc.kind, doc.body_format) == ("markdown", "markdown")
    assert doc.title == "Monsoon forecast and the El Nino watch"
    assert "## Key points" in doc.body and "- A neutral phase" in doc.body


def test_markdown_url_in_front_matter_becomes_the_identity() -> None:
    text = b"---\ntitle: Rail budget\nurl: https://notes.example.org/rail\n---\n\n# Rail budget\n\n- Capex up.\n"
    (doc,) = read_bytes(text, "rail.md", max_bytes=LIMIT)
    assert doc.uri == "https://notes.example.org/rail"
