"""The entries a followed source lists: a feed's items, or the article links of an HTML page."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html

from gistbook.intake.http import Response, is_http_url
from gistbook.read.decode import decode_bytes
from gistbook.read.detect import detect_text_format, is_pdf
from gistbook.read.errors import ReadError

MAX_LINKS = 300
MIN_LINK_WORDS = 3  # "Home", "About us", "Next page" are navigation; a headline has more words
_CHROME = ("nav", "header", "footer", "aside", "script", "style", "noscript", "form", "template")

Kind = Literal["feed", "page"]


class ListingError(ValueError):
    """A source's response lists nothing gistbook can follow; one line says why."""


@dataclass
class Entry:
    url: str
    title: str | None = None
    published: str | None = None
    author: str | None = None


def _feed_entries(data: bytes) -> tuple[str | None, list[Entry]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = feedparser.parse(data)  # bytes, never a str: a str may be taken for a URL and fetched
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") and parsed.get("bozo_exception") else ""
        raise ListingError(f"feed has no items{reason}".splitlines()[0])
    entries = []
    for item in parsed.entries:
        link = (item.get("link") or "").strip()
        if is_http_url(link):
            entries.append(Entry(urldefrag(link)[0], (item.get("title") or "").strip() or None,
                                 item.get("published") or item.get("updated") or None, item.get("author") or None))
    if not entries:
        raise ListingError("feed items have no http(s) links to follow")
    return (parsed.feed.get("title") or "").strip() or None, entries


def _page_entries(text: str, base: str) -> tuple[str | None, list[Entry]]:
    """Links to other pages of the same site whose text reads like a headline, outside navigation."""
    try:
        root = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ListingError(f"page could not be parsed: {exc}") from None
    titles = root.xpath("//title/text()")
    title = " ".join(str(titles[0]).split()) if titles else None
    for element in list(root.iter(*_CHROME)):
        element.drop_tree()
    host = urlsplit(base).netloc.lower()
    page = urldefrag(base)[0]
    seen: set[str] = set()
    entries: list[Entry] = []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        words = " ".join(anchor.text_content().split())
        if not href or len(words.split()) < MIN_LINK_WORDS:
            continue
        url = urldefrag(urljoin(base, href))[0]
        if not is_http_url(url) or urlsplit(url).netloc.lower() != host or url == page or url in seen:
            continue
        seen.add(url)
        entries.append(Entry(url, words))
        if len(entries) >= MAX_LINKS:
            break
    if not entries:
        raise ListingError("page links to no articles (no links on this site with a headline's words)")
    return title, entries


def list_entries(resp: Response) -> tuple[Kind, str | None, list[Entry]]:
    """(kind, title, entries) of a feed or a listing page; ListingError when the response is neither."""
    if is_pdf(resp.body):
        raise ListingError("is a PDF, not an RSS or Atom feed or a page listing articles")
    try:
        decoded = decode_bytes(resp.body)
    except ReadError as exc:
        raise ListingError(f"is not a feed or a page: {str(exc).replace('file', 'response')}") from None
    kind = detect_text_format(decoded.text, urlsplit(resp.final_url).path)
    if kind == "feed":
        title, entries = _feed_entries(resp.body)
        return "feed", title, entries
    if kind == "html":
        title, entries = _page_entries(decoded.text, resp.final_url)
        return "page", title, entries
    mime = resp.content_type.split(";", 1)[0].strip() or "no content type"
    raise ListingError(f"is neither an RSS or Atom feed nor an HTML page ({mime}, starts {decoded.text[:30]!r})")
