"""Saved web pages: trafilatura finds the article and its metadata; nothing active survives into the body."""

from __future__ import annotations

import re
import warnings

import lxml.html
import trafilatura

from gistbook.read.errors import ReadError
from gistbook.read.sanitize import parse_html, sanitize_element
from gistbook.records import Document

_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                         "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "header", "footer", "main"})
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "embed")
_SPACES = re.compile(r"[ \t\u00a0]+")
# only the page's own markup: a date guessed from body text (a copyright year, a cited event) is worse than none
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w\-:.]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes, if any."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "ignore") if found else None


def _meta(root: lxml.html.HtmlElement, name: str) -> str | None:
    values = root.xpath(f'//head/meta[@name="{name}"]/@content')
    if not values:
        return None
    return str(values[0]).strip() or None


def _drop_repeated_title(body: lxml.html.HtmlElement, title: str | None) -> None:
    """The headline is Document.title; left in the body it would come back as a section heading."""
    first = body[0] if len(body) else None
    if title and first is not None and first.tag in ("h1", "h2") \
            and " ".join(first.text_content().split()) == " ".join(title.split()):
        body.remove(first)


def _extract(text: str) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.extract(
            text, output_format="html", with_metadata=True, include_formatting=True, include_comments=False,
            include_tables=True, include_links=False, include_images=False, date_extraction_params=_DATE_PARAMS,
        )


def _trafilatura_document(text: str, source: str) -> Document | None:
    """Main content and metadata as trafilatura sees them; None when it finds no article."""
    try:
        extracted = _extract(text)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError):
        return None  # trafilatura gives up on some malformed trees; the plain-text fallback still works
    if not extracted:
        return None
    root = parse_html(extracted)
    title, url, categories = _meta(root, "title"), _meta(root, "url"), _meta(root, "categories")
    published, author = _meta(root, "date"), _meta(root, "author")
    meta = {key: value for key in ("sitename", "description", "tags", "categories") if (value := _meta(root, key))}
    body = root.find("body")
    if body is None:
        return None
    _drop_repeated_title(body, title)
    safe_body = sanitize_element(root)  # removes <head>, so every <meta> is read above
    if not body.text_content().strip():
        return None
    return Document(
        source=source, uri=url or source, kind="html", body=safe_body, body_format="html", title=title,
        published=published, category=categories.split(",")[0].strip() if categories else None,
        author=author, url=url, meta=meta,
    )


def _visible_text(element: lxml.html.HtmlElement) -> str:
    """Text of an element with a line break per block, so paragraphs stay apart."""
    for tag in element.iter(*_BLOCK_TAGS):
        tag.tail = "\n" + (tag.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in element.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _fallback_document(text: str, source: str) -> Document:
    """Plain text of <body> when trafilatura finds no article (short pages, odd markup)."""
    root = parse_html(text)
    titles = root.xpath("//title/text()") or root.xpath("//h1//text()")
    title = " ".join(str(titles[0]).split()) if titles else None
    for element in list(root.iter(*_INVISIBLE_TAGS)):
        element.drop_tree()
    body = root.find("body")
    body_text = _visible_text(body if body is not None else root)
    if not body_text:
        raise ReadError("no text found in the HTML")
    return Document(source=source, uri=source, kind="html", body=body_text, body_format="text", title=title or None)


def read_html(text: str, source: str) -> Document:
    """A saved page as one Document: trafilatura's article when it finds one, else the page's text."""
    return _trafilatura_document(text, source) or _fallback_document(text, source)
