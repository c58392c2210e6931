"""Pasting news in Chromium at desktop and phone sizes against a real `gistbook serve`: the title and date are
filled in from the text (and editable), the page answers at once with the progress of the work, and the item
lands on top of Today. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
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
from tests.web.web_fixtures import economy_article, japan_article, save_linked

from gistbook.store import Store

pytestmark = pytest.mark.browser
playwright_api = require_browser()

PROSE = ("The Union Cabinet on Wednesday approved a scheme to put rooftop solar panels on homes in hill villages, "
         "with a central grant paying for forty per cent of the cost. Officials said it would reach two lakh homes "
         "by 2027.\n\nThe Ministry of New and Renewable Energy will run the scheme through state agencies.\n")
FIRST_SENTENCE = PROSE.split(". ")[0] + "."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('paste') / 'site.db'}"
    store = Store(db_url)
    for made in (japan_article(), economy_article()):
        save_linked(store, made)
    store.close()
    with running_server(db_url) as base, playwright_api.sync_playwright() as pw:
        browser = launch_browser(pw)
        yield {"base": base, "browser": browser}
        browser.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_paste_with_title_and_date_lands_on_top_of_today(site: dict[str, Any], size: str) -> None:
    context = site["browser"].new_context(viewport=DESKTOP if size == "desktop" else PHONE)
    tab = context.new_page()
    errors: list[str] = []
    watch_problems(tab, errors)
    tab.goto(f"{site['base']}/add")
    text = PROSE if size == "desktop" else PROSE.replace("forty", "thirty")  # a second, different item
    tab.locator("#add-text").fill(text)
    title = tab.locator("#add-title")
    assert title.input_value() == text.split(". ")[0] + "."  # prefilled: the whole first sentence, no "…"
    assert tab.locator("#add-text-date").input_value() == dt.date.today().isoformat()
    if size == "phone":  # both are editable
        title.fill("Rooftop solar grant for hill homes")
    shoot(tab, f"{size}-paste-form", full_page=False)
    tab.get_by_role("button", name="Add to gistbook").click()
    tab.wait_for_url("**/add/jobs?ids=*")
    assert tab.locator("#progress progress, #report").count() >= 1  # progress first, unless it is done already
    shoot(tab, f"{size}-paste-progress", full_page=False)
    tab.locator("#report").wait_for(timeout=180_000)
    assert "1 added" in tab.locator("#report .summary").inner_text()
    shoot(tab, f"{size}-paste-result", full_page=False)
    tab.get_by_role("link", name="Go to Today").click()
    tab.wait_for_load_state()
    expected = FIRST_SENTENCE if size == "desktop" else "Rooftop solar grant for hill homes"
    assert tab.locator(".feed-item h2 a").first.inner_text() == expected
    shoot(tab, f"{size}-paste-today", full_page=False)
    context.close()
    assert not errors, errors


def test_a_bad_paste_comes_back_with_its_field_error(site: dict[str, Any]) -> None:
    context = site["browser"].new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(f"{site['base']}/add")
    tab.locator("#add-url").fill("ftp://example.org/notes")
    tab.get_by_role("button", name="Add to gistbook").click()
    tab.wait_for_load_state()
    error = tab.locator("#url-error")
    assert error.inner_text() == "web address 'ftp://example.org/notes' is not an http(s) web address"
    assert tab.locator("#add-url").input_value() == "ftp://example.org/notes"  # kept for correcting
    error.scroll_into_view_if_needed()
    shoot(tab, "phone-paste-field-error", full_page=False)
    context.close()
