"""Blocks of a Markdown body, read from markdown-it-py's token stream: headings, list items, table rows, prose.

The first level-1 heading before any content is the title (else a plain, heading-like first
line, as in notes written with "-" bullets); a paragraph that is only bold text is a heading;
the first paragraph of each list item, at any depth, is a bullet; each table row is a bullet of
its cells joined by "; "; inline markup (links, emphasis, code) is reduced to its text; code,
images, comments and horizontal rules carry no facts and are dropped. HTML blocks are cut by
the HTML cutter, so a <script> says nothing and a <p> keeps its words.

Notes are not always strict CommonMark, so three habits are kept: text indented four spaces is
text (pasted notes indent it; it is not code), a line starting with the glyph "•" is a list
item, and a paragraph of short label lines ("Share", "Print") is one block a line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from gistbook.parse.blocks import Block, clean_text, looks_like_heading
from gistbook.parse.errors import ParseError
from gistbook.parse.html import html_blocks
from gistbook.text import split_front_matter

# CommonMark with pipe tables; indented code off (markdown-it then also reads an indented "- item" or "# heading"
# as one). maxNesting bounds the recursion on hostile nesting: past 100 levels (50 nested lists) the cut stops.
MARKDOWN = MarkdownIt("commonmark", {"maxNesting": 100}).enable("table").disable("code")
GLYPH_BULLET = re.compile(r"^([ \t]*)\u2022(?=[ \t])", re.MULTILINE)  # "• point": a bullet, written as "- point"
TASK_BOX = ("[ ] ", "[x] ", "[X] ")
LABEL_MAX_CHARS = 40
ORDINAL_MAX_DIGITS = 3  # "2024. The year ..." opens a sentence, not a list at item 2024


def markdown_blocks(body: str) -> list[Block]:
    """Cut a Markdown body into blocks; wrapped list items and paragraphs come out joined."""
    _, body = split_front_matter(body)
    tokens = MARKDOWN.parse(GLYPH_BULLET.sub(r"\1-", body.replace("\x00", "")))
    blocks = _TokenWalker().walk(tokens)
    blocks = [block for block in blocks if block.text]
    if (len(blocks) > 1 and not any(b.kind == "title" for b in blocks) and blocks[0].kind == "prose"
            and looks_like_heading(blocks[0].text)):
        blocks[0] = Block("title", blocks[0].text)  # a plain first line over the content is the headline
    return blocks


@dataclass
class _Container:
    """An open list item (item is its list_item_open token) or block quote (item None)."""

    item: Token | None
    first_pending: bool = True  # no block read inside it yet


class _TokenWalker:
    """One pass over the flat token stream, keeping the open list items to know which paragraph opens one."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.containers: list[_Container] = []
        self.row: list[str] | None = None  # cells of the table row being read

    def walk(self, tokens: Sequence[Token]) -> list[Block]:
        for i, token in enumerate(tokens):
            kind = token.type
            if kind in ("list_item_open", "blockquote_open"):
                self._take_first()
                self.containers.append(_Container(token if kind == "list_item_open" else None))
            elif kind in ("list_item_close", "blockquote_close"):
                self.containers.pop()
            elif kind == "tr_open":
                self.row = []
            elif kind == "tr_close":
                cells = [cell for cell in self.row or [] if cell]
                if cells:
                    self.blocks.append(Block("bullet", "; ".join(cells)))
                self.row = None
            elif kind == "inline" and self.row is not None:
                self.row.append(_inline_text(token.children or []))
            elif kind == "inline" and tokens[i - 1].type == "heading_open":
                level = int(tokens[i - 1].tag[1])
                title_open = level == 1 and not self.blocks
                self.blocks.append(Block("title" if title_open else "heading", _inline_text(token.children or [])))
            elif kind == "inline" and tokens[i - 1].type == "paragraph_open":
                self._paragraph(token)
            elif kind == "html_block":
                self._take_first()
                self._html(token.content)
            elif token.nesting >= 0 and kind not in ("inline", "paragraph_open", "heading_open"):
                self._take_first()  # a list, table, fence or rule opening an item leaves no paragraph to be its bullet
            elif kind == "heading_open":
                self._take_first()
        return self.blocks

    def _take_first(self) -> Token | None:
        """The list item this block opens, if it opens one (its first block), else None."""
        if not self.containers or not self.containers[-1].first_pending:
            return None
        self.containers[-1].first_pending = False
        return self.containers[-1].item

    def _paragraph(self, inline: Token) -> None:
        children = inline.children or []
        item = self._take_first()
        if item is not None:
            self.blocks.append(_item_block(item, _inline_text(children)))
            return
        lines = [_inline_text(line) for line in _lines(children)]
        raw_lines = inline.content.split("\n")
        if len(raw_lines) > 1 and all(_is_label(line) for line in raw_lines):
            self.blocks.extend(Block("prose", line) for line in lines)  # a column of labels, one block each
        elif all(len(line) > 1 and line.startswith("|") and line.endswith("|") for line in raw_lines):
            for line in lines:  # pipe rows without a delimiter row: rows all the same
                cells = [clean_text(cell) for cell in line.strip("|").split("|")]
                if any(cells):
                    self.blocks.append(Block("bullet", "; ".join(cell for cell in cells if cell)))
        elif (bold := _bold_only(children)) is not None:
            self.blocks.append(Block("heading", bold))
        else:
            self.blocks.append(Block("prose", _inline_text(children)))

    def _html(self, html: str) -> None:
        """An HTML block's words, cut as HTML is; a first <h1> is the title only where a heading would be."""
        try:
            found = html_blocks(html)
        except ParseError:
            return  # markup lxml cannot read carries no words worth keeping
        for block in found:
            if block.kind == "title" and self.blocks:
                block = Block("heading", block.text)
            self.blocks.append(block)


def _item_block(item: Token, text: str) -> Block:
    """A list item's first paragraph: a bullet, its task box dropped; a long number opens a sentence instead."""
    if item.info and len(item.info) > ORDINAL_MAX_DIGITS:
        return Block("prose", clean_text(f"{item.info}{item.markup} {text}"))
    if text.startswith(TASK_BOX):
        text = text[len(TASK_BOX[0]):]
    return Block("bullet", text)


def _inline_text(children: Sequence[Token]) -> str:
    """The words of inline tokens: text and code kept, line breaks as spaces, images and inline HTML dropped."""
    return clean_text("".join(
        token.content if token.type in ("text", "code_inline") else " " if token.type in ("softbreak", "hardbreak")
        else "" for token in children))


def _lines(children: Sequence[Token]) -> list[list[Token]]:
    """Inline tokens cut at line breaks: one list per source line."""
    lines: list[list[Token]] = [[]]
    for token in children:
        if token.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(token)
    return lines


def _is_label(line: str) -> bool:
    """A short line without closing punctuation: page labels ('Share', 'Print') stacked in one paragraph."""
    text = line.strip()
    return len(text) <= LABEL_MAX_CHARS and not text.endswith((".", "!", "?", ",", ";", ":"))


def _bold_only(children: Sequence[Token]) -> str | None:
    """The text of a paragraph that is one bold run (a trailing colon allowed), else None."""
    tokens = [t for t in children if not (t.type == "text" and not t.content.strip())]
    if tokens and tokens[-1].type == "text" and tokens[-1].content.strip() == ":":
        tokens = tokens[:-1]
    opens = [t.type for t in tokens[:2]]
    if not tokens or not (opens[0] == "strong_open" or opens == ["em_open", "strong_open"]):
        return None
    depth = 0
    for position, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0 and position < len(tokens) - 1:
            return None  # the first bold run closes before the paragraph ends
    return _inline_text(tokens)
