"""Blocks of plain prose (pasted text, PDF text): paragraphs, marked bullets, and unmarked headings.

Paragraphs are separated by blank lines and may be hard-wrapped. Within a paragraph a
short capitalised line without closing punctuation, clearly shorter than the lines around
it, stands alone so it can become a heading when prose follows it. A first such line
(before any content) is the title.
"""

from __future__ import annotations

import re

from gistbook.parse.blocks import BULLET_MARK, Block, clean_text, looks_like_heading, looks_like_prose, unmark

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SHORT_LINE_RATIO = 0.6


def text_blocks(body: str) -> list[Block]:
    """Cut a prose body into blocks; the first heading-like line before prose is the title."""
    blocks: list[Block] = []
    for paragraph in PARAGRAPH_BREAK.split(body):
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if lines:
            blocks.extend(_paragraph_blocks(lines))
    if (len(blocks) > 1 and blocks[0].kind == "prose" and looks_like_heading(blocks[0].text)
            and looks_like_prose(blocks[1].text)):
        blocks[0] = Block("title", blocks[0].text)
    return blocks


def _paragraph_blocks(lines: list[str]) -> list[Block]:
    """Marked lines are bullets (wrapped lines join the bullet above); short unpunctuated lines stand alone."""
    blocks: list[Block] = []
    widest = max(len(line.strip()) for line in lines)
    running: list[str] = []

    def flush() -> None:
        if running:
            blocks.append(Block("prose", clean_text(" ".join(running))))
            running.clear()

    for line in lines:
        stripped = line.strip()
        if BULLET_MARK.match(line):
            flush()
            blocks.append(Block("bullet", clean_text(unmark(line))))
        elif (blocks and blocks[-1].kind == "bullet" and not running
              and (line[:1].isspace() or not looks_like_heading(stripped))):
            blocks[-1].text = f"{blocks[-1].text} {clean_text(stripped)}"
        elif looks_like_heading(stripped) and (len(lines) == 1 or len(stripped) < SHORT_LINE_RATIO * widest):
            flush()
            blocks.append(Block("prose", clean_text(stripped)))
        else:
            running.append(stripped)
    flush()
    return blocks
