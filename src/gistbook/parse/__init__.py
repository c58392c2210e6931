"""parse stage: Document -> Article (metadata, sections with roles, one fact a bullet).

Each body format is cut into format-neutral blocks (parse/note.py, markdown.py, html.py,
text.py); parse/assemble.py turns blocks into sections, parse/dates.py settles the
publication date and says why, parse/roles.py names what each section is for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from gistbook.parse.assemble import assemble
from gistbook.parse.blocks import Block, clean_text
from gistbook.parse.dates import resolve_published
from gistbook.parse.errors import ParseError
from gistbook.parse.html import html_blocks
from gistbook.parse.markdown import markdown_blocks
from gistbook.parse.note import note_blocks
from gistbook.parse.roles import role_for_heading
from gistbook.parse.sentences import split_sentences
from gistbook.parse.text import text_blocks
from gistbook.records import MAX_BULLET_CHARS, Article, Document, too_long_message

__all__ = ["ParseError", "parse_document", "role_for_heading", "split_sentences"]

BLOCKS_FOR_FORMAT: dict[str, Callable[[str], list[Block]]] = {
    "note": note_blocks,
    "markdown": markdown_blocks,
    "html": html_blocks,
    "text": text_blocks,
}
UNMARKED_HEADINGS = frozenset({"html", "text", "markdown"})  # formats where a heading may be known only by shape


def parse_document(doc: Document, published: str | None = None, *, today: date | None = None) -> Article:
    """Structure one Document; `published` is the --published override (YYYY-MM-DD), `today` fixes the clock."""
    if not doc.body or not doc.body.strip():
        raise ParseError("empty body: no text to parse")
    cut = BLOCKS_FOR_FORMAT.get(doc.body_format)
    if cut is None:
        raise ParseError(f"unknown body format {doc.body_format!r}")
    when = resolve_published(_clean(doc.published), _clean(published), doc.meta, today or date.today())
    category = _clean(doc.category)
    structure = assemble(cut(doc.body), doc.title, category, find_headings=doc.body_format in UNMARKED_HEADINGS)
    longest = max((len(b.text) for s in structure.sections for b in s.bullets), default=0)
    if longest > MAX_BULLET_CHARS:
        raise ParseError(too_long_message(longest))
    return Article(
        title=structure.title,
        sections=structure.sections,
        source=doc.source,
        uri=doc.uri,
        kind=doc.kind,
        content_hash=doc.hash,
        category=category,
        published=when.value,
        published_precision=when.precision,
        published_reason=when.reason,
        author=_clean(doc.author),
        author_note=structure.author_note,
        url=_clean(doc.url),
    )


def _clean(value: str | None) -> str | None:
    """Whitespace-collapsed text, None when empty."""
    return clean_text(value) or None if value else None
