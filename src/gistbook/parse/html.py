"""Blocks of an HTML body (a press release, or trafilatura's HTML or XML of a saved page), text only.

h1-h6 (and trafilatura's <head>) are headings, the first h1 before content the title; a
paragraph that is only bold text is a heading; each <li>/<item> is one bullet; each table
row is one bullet with its cells joined by "; "; other text is prose. <br> breaks lines.
No markup survives: every block is plain text.
"""

from __future__ import annotations

from typing import Any

import lxml.etree as etree
import lxml.html

from gistbook.parse.blocks import BULLET_MARK, Block, clean_text, unmark
from gistbook.parse.errors import ParseError

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
ITEM_TAGS = frozenset({"li", "item", "dt", "dd"})
LIST_TAGS = frozenset({"ul", "ol", "list", "dl", "menu"})
ROW_TAGS = ("tr", "row")
CELL_TAGS = frozenset({"td", "th", "cell"})
BOLD_TAGS = frozenset({"b", "strong"})
BREAK_TAGS = frozenset({"br", "lb"})
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "nav", "form", "button", "iframe", "select", "option",
    "img", "picture", "video", "audio", "source", "object", "embed", "canvas", "map", "title", "meta", "link",
    "comments", "graphic", "caption", "figure", "aside", "input", "textarea",
})
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "hi", "i", "ins", "kbd",
    "label", "mark", "q", "ref", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    "br", "lb", "nobr", "tt", "big", "strike",
})
BOLD_HEADING_MAX_CHARS = 120
LINE_BREAK = "\u2028"  # stands for <br>, unlike newlines in the source, which are only whitespace

Piece = tuple[str, bool]  # text, and whether it is bold


def html_blocks(body: str) -> list[Block]:
    """Cut an HTML (or trafilatura XML) body into text blocks."""
    walker = _Walker()
    walker.walk(_root(body))
    walker.flush()
    return walker.blocks


def _root(body: str) -> Any:
    """The element to walk: trafilatura XML's <doc>, an HTML page's <body>, or a wrapper around a fragment."""
    head = body.lstrip()[:200].casefold()
    try:
        if head.startswith(("<doc", "<?xml")):
            parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
            root = etree.fromstring(body.encode("utf-8"), parser=parser)
            if root is not None:
                return root
        if "<html" in head or "<body" in head or head.startswith("<!doctype"):
            page = lxml.html.document_fromstring(body)
            found = page.find("body")
            return found if found is not None else page
        return lxml.html.fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc


def _tag(element: Any) -> str:
    """Lower-case local tag name; '' for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].casefold()


def _is_bold(element: Any, tag: str) -> bool:
    return tag in BOLD_TAGS or (tag == "hi" and "b" in (element.get("rend") or ""))


def _collect(element: Any, pieces: list[Piece], bold: bool, nested: list[Any] | None = None) -> None:
    """Append the text under `element` to `pieces`; lists and tables go to `nested` when it is given."""
    tag = _tag(element)
    if not tag or tag in SKIP_TAGS:
        return
    if nested is not None and (tag in LIST_TAGS or tag == "table"):
        nested.append(element)
        return
    if tag in BREAK_TAGS:
        pieces.append((LINE_BREAK, bold))
        return
    bold = bold or _is_bold(element, tag)
    if tag not in INLINE_TAGS:
        pieces.append((" ", bold))
    if element.text:
        pieces.append((element.text, bold))
    for child in element:
        _collect(child, pieces, bold, nested)
        if child.tail:
            pieces.append((child.tail, bold))


def _text(element: Any) -> str:
    pieces: list[Piece] = []
    _collect(element, pieces, False)
    return clean_text("".join(text for text, _ in pieces))


class _Walker:
    """Walks the tree in reading order, gathering inline text until a block element ends it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[Piece] = []

    def walk(self, element: Any) -> None:
        tag = _tag(element)
        if not tag or tag in SKIP_TAGS:
            return
        if tag in HEADING_TAGS:
            self.flush()
            text = _text(element)
            if text:
                title_open = tag == "h1" and not self.blocks
                self.blocks.append(Block("title" if title_open else "heading", text))
            return
        if tag in ITEM_TAGS:
            self.flush()
            self._item(element)
            return
        if tag == "table":
            self.flush()
            self._table(element)
            return
        self.flush()
        if element.text:
            self.pieces.append((element.text, False))
        for child in element:
            child_tag = _tag(child)
            if child_tag in INLINE_TAGS:
                _collect(child, self.pieces, False)
            elif child_tag:
                self.walk(child)
            if child.tail:
                self.pieces.append((child.tail, False))
        self.flush()

    def flush(self) -> None:
        """End the current paragraph: a bold-only short line is a heading, a marked line a bullet, others prose."""
        pieces, self.pieces = self.pieces, []
        text = "".join(text for text, _ in pieces)
        lines = [clean_text(line) for line in text.split(LINE_BREAK)]
        lines = [line for line in lines if line]
        if not lines:
            return
        bold_only = all(bold for piece, bold in pieces if piece.strip())
        if bold_only and len(lines) == 1 and len(lines[0]) <= BOLD_HEADING_MAX_CHARS and not lines[0].endswith("."):
            self.blocks.append(Block("heading", lines[0].rstrip(":").strip()))
            return
        for line in lines:
            marked = BULLET_MARK.match(line)
            self.blocks.append(Block("bullet", unmark(line).strip()) if marked else Block("prose", line))

    def _item(self, element: Any) -> None:
        """One list item is one bullet; lists nested in it follow as their own bullets."""
        pieces: list[Piece] = []
        nested: list[Any] = []
        if element.text:
            pieces.append((element.text, False))
        for child in element:
            _collect(child, pieces, False, nested)
            if child.tail:
                pieces.append((child.tail, False))
        text = clean_text("".join(text for text, _ in pieces))
        if text:
            self.blocks.append(Block("bullet", text))
        for inner in nested:
            self.walk(inner)

    def _table(self, element: Any) -> None:
        """One bullet per non-empty row, cells joined with '; '."""
        for row in element.iter(*ROW_TAGS):
            cells = [_text(cell) for cell in row if _tag(cell) in CELL_TAGS]
            cells = [cell for cell in cells if cell]
            if cells:
                self.blocks.append(Block("bullet", "; ".join(cells)))
