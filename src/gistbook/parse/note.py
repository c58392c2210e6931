"""Blocks of a point-wise note: the headline, headings (any other unmarked line), and marked bullets.

Layout rules (the seed's): marked lines ("•", "-", "*", "1.") are bullets, and a bullet runs
on over following unmarked lines until a blank line; the first unmarked line before any
bullet is the headline; later unmarked lines are headings, unless they read as running
prose (long, or a full sentence), which is cut into sentence bullets.
"""

from __future__ import annotations

from gistbook.parse.blocks import BULLET_MARK, Block, clean_text, unmark
from gistbook.parse.chrome import author_note_of

PROSE_LINE_MIN_WORDS = 16
PROSE_SENTENCE_MIN_WORDS = 6


def note_blocks(body: str) -> list[Block]:
    """Cut a note body into blocks line by line."""
    blocks: list[Block] = []
    in_bullet = False  # the last non-blank line was (part of) a bullet
    seen_bullet = False
    for raw in body.split("\n"):
        if not raw.strip():
            in_bullet = False
            continue
        if BULLET_MARK.match(raw):
            blocks.append(Block("bullet", clean_text(unmark(raw))))
            in_bullet = seen_bullet = True
        elif in_bullet or (raw[:1].isspace() and blocks and blocks[-1].kind == "bullet"):
            blocks[-1].text = f"{blocks[-1].text} {clean_text(raw)}"
            in_bullet = True
        else:
            blocks.append(_unmarked_line(clean_text(raw), headline_open=not seen_bullet and not blocks))
    return blocks


def _unmarked_line(line: str, headline_open: bool) -> Block:
    """An unmarked line is the headline, a heading, or prose, by position and shape."""
    if author_note_of(line):
        return Block("prose", line)
    if headline_open:
        return Block("title", line)
    words = len(line.split())
    if words >= PROSE_LINE_MIN_WORDS or (words >= PROSE_SENTENCE_MIN_WORDS and line.endswith((".", "!"))):
        return Block("prose", line)
    return Block("heading", line)
