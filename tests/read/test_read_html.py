"""Saved pages: the article and its metadata, and nothing active from the page."""

from __future__ import annotations

import re

import pytest
from tests.read.read_fixtures import DATA, documents

from gistbook.read import ReadError, read_bytes

LIMIT = 1 << 20
ACTIVE = re.compile(r"<script|<style|javascript:|\son\w+\s*=|alert\(|steal\(|tracker", re.I)


def test_saved_page_gives_article_with_metadata_and_structure() -> None:
    (doc,) = documents(DATA / "saved-page.html")
    assert doc.kind == "html" and doc.body_format == "html"
    assert doc.title == "Solar alliance assembly adopts new funding window"
    assert doc.published == "2025-11-04"
    assert doc.author == "Meera Kulkarni"
    assert doc.category == "Environment"
    assert doc.url == doc.uri == "https://example.org/current-affairs/solar-alliance-funding-window"
    assert doc.source == str(DATA / "saved-page.html")
    assert "<h2>About the alliance</h2>" in doc.body
    assert doc.body.count("<li>") == 3
    assert "International Solar Alliance (ISA)" in doc.body


def test_saved_page_drops_navigation_ads_footer_and_the_repeated_headline() -> None:
    (doc,) = documents(DATA / "saved-page.html")
    for chrome in ("Log in", "Subscribe now", "All rights reserved", "Back to top", "<h1>"):
        assert chrome not in doc.body


def test_no_script_style_or_event_handler_survives() -> None:
    (doc,) = documents(DATA / "saved-page.html")
    assert not ACTIVE.search(doc.body), ACTIVE.search(doc.body)
    assert "Injected paragraph" not in doc.body
    assert "Observers expect the first projects" in doc.body  # the paragraph stays, its handler goes


def test_truncated_page_still_reads() -> None:
    (doc,) = documents(DATA / "truncated.html")
    assert doc.title == "Grid storage tender results"
    assert "battery storage attached to solar parks" in doc.body
    assert "longer contra" in doc.body


def test_tiny_page_falls_back_to_body_text_without_scripts() -> None:
    page = (b"<html><head><title>Short item</title><script>evil()</script></head>"
            b"<body><p>One line of news.</p><script>more()</script><p onclick='x()'>Another line.</p></body></html>")
    (doc,) = read_bytes(page, "short.html", max_bytes=LIMIT)
    assert "One line of news." in doc.body and "Another line." in doc.body
    assert not ACTIVE.search(doc.body)
    assert doc.title == "Short item"


def test_page_with_only_scripts_is_refused() -> None:
    page = b"<html><head><script>var a = 1;</script></head><body><script>run()</script></body></html>"
    with pytest.raises(ReadError, match="no text found"):
        read_bytes(page, "empty.html", max_bytes=LIMIT)


def test_declared_charset_is_used_for_legacy_pages() -> None:
    page = ('<html><head><meta charset="iso-8859-15"><title>Prix</title></head><body><p>'
            + "Le prix a atteint 5 \u20ac pour la premi\u00e8re fois cette ann\u00e9e dans la r\u00e9gion. " * 8
            + "</p></body></html>").encode("iso-8859-15")
    (doc,) = read_bytes(page, "prix.html", max_bytes=LIMIT)
    assert "5 \u20ac" in doc.body and "premi\u00e8re" in doc.body
