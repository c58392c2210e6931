"""Blocks to sections: furniture dropped, title settled, prose cut into one-sentence bullets, roles given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gistbook.parse.blocks import Block, clean_text, promote_headings
from gistbook.parse.chrome import author_note_of, is_chrome, is_sign_off, page_tail_start, scrub
from gistbook.parse.errors import ParseError
from gistbook.parse.roles import role_for_heading
from gistbook.parse.sentences import bullets_from_prose, split_long
from gistbook.records import Bullet, Section

TITLE_FROM_TEXT_CHARS = 100
LEADING_BLOCKS_CHECKED = 3  # a release repeats its ministry and title in its first few paragraphs
HAS_LETTER = re.compile(r"[^\W\d_]")
LEAD_IN_MAX_WORDS = 8


@dataclass
class Structure:
    """What the body itself decides about an Article; metadata comes from the Document."""

    title: str
    sections: list[Section]
    author_note: str | None


def assemble(blocks: list[Block], known_title: str | None, category: str | None, find_headings: bool) -> Structure:
    """Turn a format's blocks into the title, sections and author note of an Article.

    `find_headings` is for formats where a heading may be marked by nothing but its shape
    (HTML paragraphs, plain text, Markdown written as a plain note).
    """
    blocks = blocks[:page_tail_start([b.text.strip() for b in blocks])]
    blocks = [Block(b.kind, text) for b in blocks if (text := clean_text(scrub(b.text))) and not is_chrome(text)]
    while blocks and is_sign_off(blocks[-1].text):
        blocks.pop()
    blocks, author_note = _take_author_note(blocks)
    title, blocks = _settle_title(blocks, clean_text(known_title or "") or None)
    blocks = _drop_repeated_meta(blocks, title, category)
    if find_headings:
        blocks = promote_headings(blocks)
    sections = _sections(_join_lead_ins(blocks))
    if not sections:
        raise ParseError("no bullets could be made from the text")
    return Structure(title or _title_from_text(sections[0].bullets[0].text), sections, author_note)


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold().strip(" .:") == b.casefold().strip(" .:")


def _take_author_note(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """The first '(The author is ...)' line is metadata, not a bullet."""
    for i, block in enumerate(blocks):
        if block.kind != "title" and (note := author_note_of(block.text)):
            return blocks[:i] + blocks[i + 1:], note
    return blocks, None


def _settle_title(blocks: list[Block], known_title: str | None) -> tuple[str | None, list[Block]]:
    """Metadata's title wins; a different headline in the body then reads as a heading."""
    found = next((b for b in blocks if b.kind == "title"), None)
    if found is None:
        return known_title, blocks
    if known_title is None or _same(found.text, known_title):
        return known_title or found.text, [b for b in blocks if b is not found]
    return known_title, [Block("heading", b.text) if b is found else b for b in blocks]


def _drop_repeated_meta(blocks: list[Block], title: str | None, category: str | None) -> list[Block]:
    """Drop opening paragraphs that repeat the category or title, and a title run into the first paragraph."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i < LEADING_BLOCKS_CHECKED and block.kind != "bullet":
            if _same(block.text, title) or _same(block.text, category):
                continue
            if title and block.text[:len(title)].casefold() == title.casefold():
                rest = block.text[len(title):].strip()
                if rest:
                    out.append(Block("bullet", rest))  # a subtitle run on after the title
                continue
        out.append(block)
    return out


def _join_lead_ins(blocks: list[Block]) -> list[Block]:
    """A short lead-in ("As per the Ministry:") belongs to the prose it introduces."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and previous.kind == "prose" and block.kind == "prose"
                and previous.text.endswith(":") and len(previous.text.split()) <= LEAD_IN_MAX_WORDS):
            previous.text = f"{previous.text} {block.text}"
        else:
            out.append(Block(block.kind, block.text))
    return out


def _sections(blocks: list[Block]) -> list[Section]:
    """Group bullets under headings; drop empty sections and repeated bullets; give each its role."""
    sections = [Section(heading=None, role="news")]
    seen: set[str] = set()
    for block in blocks:
        if block.kind in ("heading", "title"):
            sections.append(Section(heading=block.text, role=role_for_heading(block.text)))
            continue
        texts = split_long(block.text) if block.kind == "bullet" else bullets_from_prose(block.text)
        for text in texts:
            key = text.casefold()
            if HAS_LETTER.search(text) and key not in seen:
                seen.add(key)
                sections[-1].bullets.append(Bullet(text=text))
    return [s for s in sections if s.bullets]


def _title_from_text(text: str) -> str:
    """A stand-in title when the source has none: the first bullet, cut at a word near 100 characters."""
    if len(text) <= TITLE_FROM_TEXT_CHARS:
        return text
    cut = text[:TITLE_FROM_TEXT_CHARS].rsplit(" ", 1)[0]
    return f"{cut.rstrip(',;:')}…"
