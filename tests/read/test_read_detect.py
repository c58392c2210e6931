"""The content decides the reader; a misleading file name does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import SEED
from tests.read.read_fixtures import DATA, documents, read_all

from gistbook.read.detect import detect_text_format, is_note
from gistbook.records import Document


@pytest.mark.parametrize(("name", "kind"), [
    ("saved-page.html", "html"), ("rss2.xml", "feed"), ("atom.xml", "feed"), ("records.json", "json"),
    ("mixed.jsonl", "json"), ("monsoon-note.md", "markdown"), ("pasted.txt", "text"), ("compilation.pdf", "pdf"),
])
def test_content_wins_over_a_misleading_extension(tmp_path: Path, name: str, kind: str) -> None:
    misnamed = tmp_path / "download.txt" if not name.endswith(".txt") else tmp_path / "download.html"
    misnamed.write_bytes((DATA / name).read_bytes())
    assert {item.kind for item in read_all(misnamed) if isinstance(item, Document)} == {kind}


def test_seed_saved_as_markdown_is_still_a_note(tmp_path: Path) -> None:
    misnamed = tmp_path / "seed.md"
    misnamed.write_bytes(SEED.read_bytes())
    (doc,) = documents(misnamed)
    assert doc.kind == "note"


@pytest.mark.parametrize(("text", "kind"), [
    ("[1, 2]", "json"),
    ('{"title": "x"}', "json"),
    ("[Updated] Parliament adjourned sine die after a short session.", "text"),
    ("<!-- saved -->\n<div><p>Hello there</p></div>", "html"),
    ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', "feed"),
    ("# Title\n\nSome words.\n\n## Section\n\nMore words.", "markdown"),
    ("Intro line\n\n- first point here\n- second point here\n- third point here", "markdown"),
    ("\u2022 one point\n\u2022 two points\nplain closing line", "note"),
    ("Budget speech\n\nThe minister read the budget. It had #hashtags and 5 * 3 = 15 in it.", "text"),
    ("Say a < b and c > d in prose.", "text"),
])
def test_sniffing(text: str, kind: str) -> None:
    assert detect_text_format(text, "-") == kind


def test_extension_breaks_a_tie_for_plain_prose() -> None:
    prose = "Just a paragraph of prose about the census."
    assert detect_text_format(prose, "notes/census.md") == "markdown"
    assert detect_text_format(prose, "notes/census.txt") == "text"


def test_seed_header_shape_counts_as_a_note_even_with_few_bullets() -> None:
    lines = ["\u2022 Economy", "  \u2022 Mar 3", "  \u2022 A. Writer", "Headline of the day",
             "Para one.", "Para two.", "Para three.", "\u2022 a point", "Para four.", "Para five."]
    assert is_note(lines)
    assert not is_note(lines[3:])
