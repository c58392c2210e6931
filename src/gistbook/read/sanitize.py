"""Untrusted HTML to a body safe to store and show: no scripts, styles, embeds or event handlers survive."""

from __future__ import annotations

import html as html_lib
import re

import lxml.etree
import lxml.html
from lxml_html_clean import Cleaner

from gistbook.read.errors import ReadError

# elements dropped with everything inside them: active content, page furniture and invisible text
_DROP_WITH_CONTENT = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "link", "meta", "base", "head", "title", "svg", "math", "canvas", "audio", "video", "source", "track",
    "form", "input", "button", "select", "textarea", "img", "picture", "map", "dialog",
})
_KEEP_ATTRIBUTES = frozenset({"href", "title", "alt", "colspan", "rowspan", "lang", "dir"})
_SAFE_URL = re.compile(r"^\s*(https?:|mailto:|/|#|\.|[\w\-./?=&%~+]*$)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"<(p|div|br|hr|h[1-6]|ul|ol|li|span|a|strong|em|b|i|u|table|thead|tbody|tr|td|th|blockquote|section|article"
    r"|figure|figcaption|pre|code|sup|sub|font|center|dl|dt|dd|html|body|header|footer|main)\b[^>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """A body with real HTML tags (not a stray '<' in prose) is parsed as HTML, not shown as text."""
    return _HTML_TAG.search(text[:20000]) is not None


def parse_html(html: str) -> lxml.html.HtmlElement:
    """Lenient parse of a page or fragment; ReadError when there is nothing to parse."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    if not html.strip():
        raise ReadError("no text found")
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ReadError(f"HTML could not be parsed: {error}") from None


# every element dropped with its content is in kill_tags; no other tag is unwrapped or renamed
_CLEANER = Cleaner(
    scripts=True, javascript=True, comments=True, style=True, inline_style=True, links=True, meta=True,
    processing_instructions=True, page_structure=False, embedded=False, frames=False, forms=False,
    annoying_tags=False, remove_unknown_tags=False, safe_attrs_only=True, safe_attrs=_KEEP_ATTRIBUTES,
    kill_tags=_DROP_WITH_CONTENT,
)


def sanitize_element(root: lxml.html.HtmlElement) -> str:
    """Serialise the body of a parsed tree after removing everything active or invisible."""
    for element in root.iter():  # a link keeps its address only when it is web, mail or relative
        href = element.get("href") if isinstance(element.tag, str) else None
        if href is not None and not _SAFE_URL.match(href):
            del element.attrib["href"]
    _CLEANER(root)
    body = root if root.tag == "body" else root.find(".//body")
    if body is None:
        body = root
    parts = [html_lib.escape(body.text, quote=False)] if body.text else []
    parts += [lxml.html.tostring(child, encoding="unicode") for child in body]
    return "".join(parts).strip()


def sanitize_html(html: str) -> str:
    """Safe HTML of a page or fragment's body; ReadError when nothing is left."""
    return sanitize_element(parse_html(html))
