"""The format-neutral blocks every body is cut into before sections and bullets are built."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["title", "heading", "bullet", "prose"]

# bullet marks used by notes, Markdown, pasted text and press releases: •, -, *, +, dashes, arrows, boxes,
# "Ø" (a Wingdings bullet pasted as text), "1." "1)" "(a)" "iv."
BULLET_MARK = re.compile(r"^\s*(?:[•●◦○▪▫■□◆❖‣∙·*+\-–—Ø➢➤►▶→✓✔✦]|\d{1,2}[.)]|\(?(?:[ivx]{1,5}|[a-z])[.)])\s+")
SENTENCE_END = (".", "!", "?", "।", "॥", "…", '."', ".”", ".’", "?”", "!”", ".)")
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
PROSE_MIN_WORDS = 6


@dataclass
class Block:
    """One piece of a body: a title or heading line, an explicit bullet, or prose to be cut into sentences."""

    kind: BlockKind
    text: str


# a capital I read as a small l by a PDF or OCR step: "lndia", "lnterest" (no English word starts with "ln")
MISREAD_CAPITAL_I = re.compile(r"\bln(?=[a-z]{2})")


def clean_text(text: str) -> str:
    """Collapse runs of whitespace (non-breaking spaces too) so bullets compare and store cleanly, and put back
    a capital I misread as l ("pan lndia")."""
    return MISREAD_CAPITAL_I.sub("In", " ".join(text.split()))


def unmark(line: str) -> str:
    """A line without its leading bullet mark."""
    return BULLET_MARK.sub("", line, count=1)


def looks_like_heading(text: str) -> bool:
    """Short, capitalised and without closing punctuation: how headings look when nothing marks them."""
    if not text or len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if text.endswith((".", ",", ";", ":", "!", "?", "।", "-", "–", "/", "&")) or "://" in text or "@" in text:
        return False
    first = text[0]
    return (first.isupper() or first.isdigit() or first in "“\"‘'(") and any(c.isalpha() for c in text)


def looks_like_prose(text: str) -> bool:
    """A sentence or more of running text, the kind that follows a heading."""
    words = len(text.split())
    return words >= 15 or (words >= PROSE_MIN_WORDS and text.rstrip().endswith(SENTENCE_END))


def promote_headings(blocks: list[Block]) -> list[Block]:
    """Turn a heading-like prose line into a heading when a list item or running prose follows it."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if (block.kind == "prose" and looks_like_heading(block.text) and following is not None
                and (following.kind == "bullet" or (following.kind == "prose" and looks_like_prose(following.text)))):
            out.append(Block("heading", block.text))
        else:
            out.append(block)
    return out
