"""Which reader an input needs, judged from its content; the file extension only breaks ties."""

from __future__ import annotations

import os
import re
from typing import Literal

Format = Literal["pdf", "json", "feed", "html", "note", "markdown", "text"]

_PDF_MAGIC = b"%PDF-"
_JSON_ARRAY_START = re.compile(r'\[\s*(?:[{\["\]]|-?\d|true\b|false\b|null\b|$)')
_FEED_ROOT = re.compile(r"<(?:rss\b|rdf:rdf\b|feed\b[^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/atom)", re.I)
_HTML_DOCUMENT = re.compile(r"<!doctype\s+html|<html\b|<head\b|<body\b", re.I)
_HTML_START = re.compile(r"<(?:!--|[a-z][a-z0-9]*\b[^>]*>)", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+\S")
_MD_INLINE = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|^```|^\s*>\s", re.M)
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_NOTE_BULLET = "\u2022"  # the seed's bullet character
_MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
_HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
_JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")
_SNIFF_CHARS = 8192
_SNIFF_LINES = 400


def extension(source: str) -> str:
    """Lower-case extension of a path-like source ('' for stdin or none)."""
    return os.path.splitext(source.split("#", 1)[0])[1].lower()


def is_pdf(data: bytes) -> bool:
    """PDF files announce themselves in their first kilobyte, whatever they are called."""
    return _PDF_MAGIC in data[:1024]


def is_jsonl_name(source: str) -> bool:
    """Tie-breaker: a one-line JSON file named .jsonl is a collection of one, not a single object."""
    return extension(source) in _JSONL_EXTENSIONS


def _looks_like_json(head: str) -> bool:
    return head.startswith("{") or _JSON_ARRAY_START.match(head) is not None


def _is_html(head: str, ext: str) -> bool:
    if _HTML_DOCUMENT.search(head[:2048]):
        return True
    starts_with_tag = _HTML_START.match(head) is not None
    return starts_with_tag or (ext in _HTML_EXTENSIONS and "<" in head and ">" in head)


def _non_empty_lines(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(line)
            if len(lines) >= _SNIFF_LINES:
                break
    return lines


def _has_note_header(lines: list[str]) -> bool:
    """The seed's header: a bullet category, then indented bullet date and author, then a plain headline."""
    if len(lines) < 4:
        return False
    first, second, third, headline = lines[:4]
    bullet = _NOTE_BULLET
    return (first.lstrip().startswith(bullet) and second.lstrip().startswith(bullet)
            and third.lstrip().startswith(bullet) and second.startswith((" ", "\t"))
            and not headline.lstrip().startswith(bullet))


def is_note(lines: list[str]) -> bool:
    """Point-wise notes: mostly '•' bullets, or the seed's header shape over a bulleted body."""
    if not lines:
        return False
    bullets = sum(1 for line in lines if line.lstrip().startswith(_NOTE_BULLET))
    share = bullets / len(lines)
    return share >= 0.5 or (share >= 0.2 and _has_note_header(lines))


def _has_front_matter(text: str) -> bool:
    if not text.startswith("---\n"):
        return False
    closing = text.find("\n---", 4)
    return 0 < closing < 4000 and ":" in text[4:closing]


def is_markdown(text: str, lines: list[str], ext: str) -> bool:
    """Markdown syntax in enough places that a Markdown reader will do better than a prose reader."""
    if _has_front_matter(text):
        return True
    headings = sum(1 for line in lines if _MD_HEADING.match(line))
    bullets = sum(1 for line in lines if _MD_BULLET.match(line))
    setext = sum(1 for a, b in zip(lines, lines[1:], strict=False)
                 if _SETEXT_UNDERLINE.match(b.strip()) and not _SETEXT_UNDERLINE.match(a.strip()))
    inline = len(_MD_INLINE.findall("\n".join(lines)))
    signals = headings + setext + bullets + inline
    if ext in _MARKDOWN_EXTENSIONS:
        return True  # no other format claimed it, and the name says Markdown
    if headings + setext >= 2 or (headings + setext >= 1 and bullets + inline >= 1):
        return True
    return (bullets >= 2 and bullets >= 0.3 * len(lines)) or (signals >= 3 and inline >= 2)


def detect_text_format(text: str, source: str) -> Format:
    """Sniff decoded text: JSON, feeds, HTML, point-wise notes, Markdown, else plain prose."""
    head = text.lstrip()[:_SNIFF_CHARS]
    ext = extension(source)
    if _looks_like_json(head):
        return "json"
    if head.startswith("<") and _FEED_ROOT.search(head[:4096]):
        return "feed"
    if _is_html(head, ext):
        return "html"
    lines = _non_empty_lines(text)
    if is_note(lines):
        return "note"
    if is_markdown(text.lstrip("\n"), lines, ext):
        return "markdown"
    return "text"
