"""RSS and Atom feeds: one Document per entry, sanitised, and a refusal for an empty feed."""

from __future__ import annotations

import pytest
from tests.read.read_fixtures import DATA, documents

from gistbook.read import ReadError, read_bytes

LIMIT = 1 << 20


def test_rss2_entries() -> None:
    first, second, third = documents(DATA / "rss2.xml")
    assert first.kind == "feed" and first.source == f"{DATA / 'rss2.xml'}#1"
    assert first.title == "Cabinet clears a mission for critical minerals recycling"
    assert first.uri == first.url == "https://news.example.net/2026/03/minerals-recycling"
    assert first.published == "Tue, 03 Mar 2026 10:15:00 +0530"
    assert (first.author, first.category) == ("Arjun Rao", "Economy")
    assert first.meta["feed"] == "Exam Desk Current Affairs" and first.meta["tags"] == "Economy, Mining"
    assert first.body_format == "html" and first.body.count("<li>") == 2  # full content, not the teaser
    assert "teaser" not in first.body
    assert "<script" not in first.body and "onclick" not in first.body and "alert" not in first.body
    assert second.body_format == "html" and "Ramsar Convention" in second.body
    assert third.body_format == "text" and third.body.startswith("Factory output grew")


def test_atom_entries() -> None:
    first, second = documents(DATA / "atom.xml")
    assert first.title == "Delimitation commission submits its final order"
    assert first.published == "2026-03-09T12:00:00Z" and first.author == "Farah Siddiqui"
    assert first.category == "Polity" and "<h2>What changed</h2>" in first.body
    assert "onerror" not in first.body and "alert" not in first.body
    assert second.published == "2026-03-10T08:00:00Z"  # no published date: the updated one
    assert second.body_format == "text" and "licensing for vessels" in second.body


def test_feed_without_items_is_refused() -> None:
    with pytest.raises(ReadError, match="^feed has no items$"):
        read_bytes((DATA / "empty-feed.xml").read_bytes(), "empty-feed.xml", max_bytes=LIMIT)


def test_feed_with_a_link_to_elsewhere_is_not_fetched() -> None:
    feed = (b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/never.dtd">'
            b"<rss version=\"2.0\"><channel><title>t</title><item><title>Only item</title>"
            b"<description>Words about a budget.</description></item></channel></rss>")
    (doc,) = read_bytes(feed, "f.xml", max_bytes=LIMIT)
    assert doc.body == "Words about a budget."


def test_entry_without_any_text_fails_alone() -> None:
    feed = (b"<rss version=\"2.0\"><channel><title>t</title><item><title>Empty</title></item>"
            b"<item><title>Full</title><description>Has words.</description></item></channel></rss>")
    with pytest.raises(ReadError, match="^item 1: feed item has no content or summary$"):
        read_bytes(feed, "f.xml", max_bytes=LIMIT)
