"""Blocks of a Markdown body: ATX/setext headings, list items, table rows, and prose paragraphs.

The first level-1 heading before any content is the title (else a plain, heading-like first
line, as in notes written with "-" bullets); a paragraph that is only bold text is a heading;
inline markup (links, emphasis, code) is reduced to its text; code blocks, images, HTML
comments and horizontal rules carry no facts and are dropped.
"""

from __future__ import annotations

import re

from gistbook.parse.blocks import Block, clean_text, looks_like_heading

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
HORIZONTAL_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LABEL_MAX_CHARS = 40
BOLD_ONLY = re.compile(r"^(\*\*|__)(.+?)\1:?$")
INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolinks
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italic with *
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1"),  # italic with _
    (re.compile(r"<[^>]+>"), ""),  # stray inline HTML tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])"), r"\1"),  # escapes
)


def inline_text(text: str) -> str:
    """Text of a Markdown line with its inline markup removed."""
    for pattern, replacement in INLINE_RULES:
        text = pattern.sub(replacement, text)
    return clean_text(text)


def markdown_blocks(body: str) -> list[Block]:
    """Cut a Markdown body into blocks, joining wrapped list items and paragraphs."""
    body = COMMENT.sub("", FRONT_MATTER.sub("", body, count=1))
    lines = body.split("\n")
    blocks: list[Block] = []
    paragraph: list[str] = []
    in_fence = False
    current_item = False  # the previous line belonged to a list item

    def flush() -> None:
        if len(paragraph) > 1 and all(_is_label(line) for line in paragraph):
            blocks.extend(Block("prose", inline_text(line)) for line in paragraph)  # a column of labels
        elif paragraph:
            blocks.append(_paragraph_block(" ".join(paragraph)))
        paragraph.clear()

    for i, line in enumerate(lines):
        if FENCE.match(line):
            flush()
            in_fence, current_item = not in_fence, False
            continue
        if in_fence:
            continue
        if not line.strip():
            flush()
            current_item = False
            continue
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if heading := ATX_HEADING.match(line):
            flush()
            blocks.append(_heading_block(len(heading.group(1)), inline_text(heading.group(2)), not blocks))
            current_item = False
        elif paragraph and SETEXT_RULE.match(line):
            level = 1 if line.strip().startswith("=") else 2
            text = inline_text(" ".join(paragraph))
            paragraph.clear()
            blocks.append(_heading_block(level, text, not blocks))
        elif HORIZONTAL_RULE.match(line) and not SETEXT_RULE.match(next_line):
            flush()
            current_item = False
        elif item := LIST_ITEM.match(line):
            flush()
            blocks.append(Block("bullet", inline_text(item.group(2))))
            current_item = True
        elif TABLE_ROW.match(line):
            flush()
            if not TABLE_RULE.match(line):
                cells = [inline_text(cell) for cell in line.strip().strip("|").split("|")]
                if any(cells):
                    blocks.append(Block("bullet", "; ".join(cell for cell in cells if cell)))
            current_item = False
        elif current_item:
            blocks[-1].text = f"{blocks[-1].text} {inline_text(line)}"
        else:
            paragraph.append(line.strip().lstrip(">").strip())
    flush()
    blocks = [block for block in blocks if block.text]
    if (len(blocks) > 1 and not any(b.kind == "title" for b in blocks) and blocks[0].kind == "prose"
            and looks_like_heading(blocks[0].text)):
        blocks[0] = Block("title", blocks[0].text)  # a plain first line over the content is the headline
    return blocks


def _is_label(line: str) -> bool:
    """A short line without closing punctuation: page labels ('Share', 'Print') stacked in one paragraph."""
    text = line.strip()
    return len(text) <= LABEL_MAX_CHARS and not text.endswith((".", "!", "?", ",", ";", ":"))


def _heading_block(level: int, text: str, title_open: bool) -> Block:
    return Block("title" if level == 1 and title_open else "heading", text)


def _paragraph_block(raw: str) -> Block:
    """A paragraph that is only bold text is a heading; anything else is prose."""
    bold = BOLD_ONLY.match(raw.strip())
    if bold:
        return Block("heading", inline_text(bold.group(2)))
    return Block("prose", inline_text(raw))
