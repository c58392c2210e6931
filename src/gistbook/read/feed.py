"""RSS and Atom feeds: one Document per entry, parsed from bytes so feedparser never fetches anything."""

from __future__ import annotations

import html
import warnings
from typing import Any

import feedparser

from gistbook.read.errors import ReadError
from gistbook.read.sanitize import looks_like_html, sanitize_html
from gistbook.records import BodyFormat, Document, Failure


def _entry_body(entry: Any) -> tuple[str, BodyFormat] | None:
    """Full content when the feed carries it, else the summary; HTML is sanitised again here."""
    candidates: list[tuple[str, str]] = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    summary = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary", ""), summary.get("type", "text/html")))
    for value, mime in candidates:
        if not value or not value.strip():
            continue
        if looks_like_html(value):
            try:
                safe = sanitize_html(value)
            except ReadError:
                continue
            if safe:
                return safe, "html"
        else:  # plain words, though an HTML-typed summary may still carry entities such as &amp;
            return (html.unescape(value) if "html" in mime else value).strip(), "text"
    return None


def _entry_document(entry: Any, source: str, feed_title: str | None) -> Document | Failure:
    body = _entry_body(entry)
    if body is None:
        return Failure(source=source, error="feed item has no content or summary")
    url = entry.get("link") or None
    tags = [tag.get("term") for tag in entry.get("tags", []) if tag.get("term")]
    meta = {"feed": feed_title} if feed_title else {}
    if entry.get("id"):
        meta["id"] = str(entry["id"])
    if len(tags) > 1:
        meta["tags"] = ", ".join(tags)
    return Document(
        source=source, uri=url or source, kind="feed", body=body[0], body_format=body[1],
        title=(entry.get("title") or "").strip() or None,
        published=entry.get("published") or entry.get("updated") or None,
        category=tags[0] if tags else None, author=entry.get("author") or None, url=url, meta=meta,
    )


def read_feed(data: bytes, source: str) -> list[Document | Failure]:
    """Every entry of a feed; ReadError when the feed holds none."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = feedparser.parse(data)  # bytes, never a str: a str may be taken for a URL and fetched
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, RecursionError) as error:
        raise ReadError(f"feed could not be parsed: {error}") from None
    if not parsed.entries:
        raise ReadError("feed has no items")
    feed_title = (parsed.feed.get("title") or "").strip() or None
    return [_entry_document(entry, f"{source}#{number}", feed_title)
            for number, entry in enumerate(parsed.entries, start=1)]
