"""Search that forgives, in Chromium at desktop and phone sizes against a real `gistbook serve`: a misspelt query
finds the right article and says what it meant, highlights cover whole words only, the result count and the topic's
dossier link show, and on a phone the filters start folded. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.browser_helpers import (
    DESKTOP,
    PHONE,
    launch_browser,
    require_browser,
    running_server,
    shoot,
    watch_problems,
)
from tests.web.web_fixtures import build_article, japan_article, japan_followup_article, save_linked

from gistbook.records import Extraction
from gistbook.store import Store

pytestmark = pytest.mark.browser
playwright_api = require_browser()

CHIPS = ["The Union Cabinet approved a third semiconductor fabrication unit in Gujarat.",
         "Ministers flew to Tokyo today to discuss chip supply chains; the unit is due to open in 2027."]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'site.db'}"
    store = Store(db_url)
    chips = build_article("notes/chips.txt", "Cabinet clears a third chip plant", [(None, "news", CHIPS)],
                          category="Economy", published="2026-03-02")
    ids = {"chips": save_linked(store, (chips, Extraction())), "japan": save_linked(store, japan_article()),
           "followup": save_linked(store, japan_followup_article())}
    store.close()
    with running_server(db_url) as base, playwright_api.sync_playwright() as pw:
        browser = launch_browser(pw)
        yield {"base": base, "ids": ids, "browser": browser}
        browser.close()


def open_tab(site: dict[str, Any], viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    context = site["browser"].new_context(viewport=viewport)
    tab = context.new_page()
    errors: list[str] = []
    watch_problems(tab, errors)
    return context, tab, errors


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_misspelt_search_finds_the_article_and_says_what_it_meant(site: dict[str, Any], size: str) -> None:
    context, tab, errors = open_tab(site, DESKTOP if size == "desktop" else PHONE)
    tab.goto(f"{site['base']}/search?q=semiconducter")
    meant = tab.locator(".did-you-mean")
    assert "Did you mean semiconductor?" in meant.inner_text()
    assert tab.locator(".result-count").inner_text() == "1 item"
    first = tab.locator(".result h2 a").first
    assert first.inner_text() == "Cabinet clears a third chip plant"
    assert tab.locator(".result mark").all_inner_texts() == ["semiconductor"]
    if size == "phone":  # the filters are folded away, so the result is on the first screen
        assert not tab.locator("details.filter-fold").evaluate("d => d.open")
        assert first.bounding_box()["y"] + 40 < PHONE["height"]
    else:
        assert tab.locator("details.filter-fold").evaluate("d => d.open")
    shoot(tab, f"{size}-search-did-you-mean", full_page=False)
    meant.locator("a").first.click()  # the suggestion is a link to its own search
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "Results for “semiconductor”"
    assert tab.locator(".did-you-mean").count() == 0
    context.close()
    assert not errors, errors


def test_highlights_cover_whole_words_only(site: dict[str, Any]) -> None:
    context, tab, errors = open_tab(site, DESKTOP)
    tab.goto(f"{site['base']}/search?q=to")
    snippets = " ".join(tab.locator(".snippet").all_inner_texts())
    assert "Tokyo" in snippets and "today" in snippets
    marks = tab.locator(".result mark").all_inner_texts()
    assert marks and {m.casefold() for m in marks} == {"to"}, marks
    shoot(tab, "search-whole-words", full_page=False)
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_query_naming_a_topic_links_its_dossier(site: dict[str, Any], size: str) -> None:
    context, tab, errors = open_tab(site, DESKTOP if size == "desktop" else PHONE)
    tab.goto(f"{site['base']}/search?q=india+japan&category=International+Relations")
    assert tab.locator("details.filter-fold").evaluate("d => d.open")  # a filter is set: it stays in view
    assert tab.locator(".result-count").inner_text() == "2 items"
    tab.locator(".topic-link a").click()
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text() == "India–Japan"
    shoot(tab, f"{size}-search-topic-dossier", full_page=False)
    context.close()
    assert not errors, errors
