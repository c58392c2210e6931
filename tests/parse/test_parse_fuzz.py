"""Bad input never gives a traceback: any text in any body format either parses or raises ParseError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistbook.parse import ParseError, parse_document
from gistbook.read.markdown import read_markdown
from gistbook.read.note import read_note
from gistbook.records import Document

PIECES = st.sampled_from([
    "\n", "\n\n", "\r\n", " ", "\u2022 ", "- ", "* ", "1. ", "# ", "## ", "---\n", "| a | b |\n", "```\n", "> ",
    "<p>", "</p>", "<li>", "<h2>", "</h2>", "<br>", "<table><tr><td>", "<strong>", "&amp;", "<!--", "-->",
    "Shri.", "Dr. ", "Rs. 5.5 crore", "...", "\u201cQuote.\u201d ", "(The author is a tester.)", "Notes",
    "Related Topics", "Share", "Sep 10", "Background", "Challenges", "Way forward", "India and Japan agreed. ",
    "A short heading", "x", "\u0964", "\xa0", ";", "\u2028",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=40).map("".join))
SETTINGS = settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parses_or_says_why(doc: Document, published: str | None = None) -> None:
    try:
        article = parse_document(doc, published)
    except ParseError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert article.title and article.sections
    assert all(s.bullets for s in article.sections)
    assert all(b.text and b.text == b.text.strip() for b in article.bullets())


@SETTINGS
@given(TEXTS, st.sampled_from(["note", "markdown", "html", "text"]))
def test_any_body_parses_or_raises_parse_error(body: str, body_format: str) -> None:
    _parses_or_says_why(Document("fuzz", "fuzz", "fuzz", body, body_format))  # type: ignore[arg-type]


@SETTINGS
@given(TEXTS, st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["2024-09-10", "2024", "2024-02"])))
def test_readers_then_parse_never_crash(text: str, published: str | None) -> None:
    _parses_or_says_why(read_note(text, "fuzz", "fuzz"), published)
    _parses_or_says_why(read_markdown(text, "fuzz", "fuzz"), published)
