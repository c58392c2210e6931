"""Accessibility in a real Chromium: axe-core finds no serious or critical violation on any page at desktop and
phone sizes; every page has a working "Skip to content" link; an article's Notes are a few key presses away
(its entity links are out of the Tab order until the reader's switch puts them back, and the switch is kept)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from tests.server.server_helpers import PASSWORD, SECRET, add_account
from tests.web.accessibility_helpers import (
    axe_script,
    axe_violations,
    open_every_fold,
    save_figures,
    served_store,
    settle,
    tabs_until,
)
from tests.web.browser_helpers import DESKTOP, PHONE, launch_browser, require_browser, running_server, shoot
from tests.web.web_fixtures import japan_article, save_linked

from gistbook.store import Store

pytestmark = pytest.mark.browser
playwright_api = require_browser()

PAGES = {
    "today": "/", "article-seed": "/articles/{seed}", "article-release": "/articles/{release}",
    "background": "/articles/{seed}/background", "related": "/articles/{seed}/related", "topics": "/topics",
    "dossier": "/topics/" + quote("India–Japan", safe=""), "search": "/search?q=Japan",
    "search-misspelt": "/search?q=semiconducter", "quiz": "/quiz", "quiz-result": "/quiz",
    "quiz-history": "/quiz", "review": "/review", "cards-preview": "/review/cards/new?topic=" + quote("India–Japan"),
    "stats": "/stats", "stats-field-error": "/stats", "add": "/add", "add-field-error": "/add",
    "sources": "/sources", "docs": "/docs", "not-found": "/articles/424242",
}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    axe_script()  # fail at once, before building anything, when the checker is missing
    with served_store(tmp_path_factory.mktemp("a11y")) as served, playwright_api.sync_playwright() as pw:
        browser = launch_browser(pw)
        yield {**served, "browser": browser}
        browser.close()


def url_of(site: dict[str, Any], name: str) -> str:
    return site["base"] + PAGES[name].format(seed=site["seed"], release=site["releases"][0])


def new_tab(site: dict[str, Any], viewport: dict[str, int], **options: Any) -> tuple[Any, Any, list[str]]:
    """A fresh browser context; CSP is bypassed only so the test can inject axe-core's script."""
    context = site["browser"].new_context(viewport=viewport, bypass_csp=True, **options)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("dialog", lambda dialog: dialog.accept())
    return context, tab, errors


def take_a_mock(tab: Any) -> None:
    questions = tab.locator("li.question")
    for i in range(questions.count()):
        option = questions.nth(i).locator("input[type=radio]").first
        if option.count():
            option.check()
    tab.locator("form[action='/quiz/result'] [type=submit]").last.click()
    tab.wait_for_load_state()


def open_page(tab: Any, site: dict[str, Any], name: str) -> None:
    """Load a page as a learner reaches it: a mock's marks after answering it, the list of past mocks, a form
    sent back with a field error (a past date), the review card turned over (by opening every fold later)."""
    tab.goto(url_of(site, name))
    settle(tab)
    if name in ("quiz-result", "quiz-history"):
        take_a_mock(tab)
        if name == "quiz-history":
            tab.goto(site["base"] + "/quiz/history")
    elif name == "stats-field-error":
        tab.locator("#plan-exam_date").fill("2001-01-01")
        tab.get_by_role("button", name="Save plan").click()
        tab.wait_for_load_state()
        assert tab.locator(".field-error").count() >= 1
    elif name == "add-field-error":
        tab.locator("#add-text-date").fill("2001-01-01")
        tab.get_by_role("button", name="Add to gistbook").click()
        tab.wait_for_load_state()
        assert tab.locator("[aria-invalid=true], .field-error, .error-msg").count() >= 1
    settle(tab)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_axe_violations(site: dict[str, Any], name: str, size: str) -> None:
    context, tab, errors = new_tab(site, SIZES[size])
    try:
        open_page(tab, site, name)
        shoot(tab, f"a11y-{size}-{name}", full_page=False)
        # one pass with every fold open checks all a reader can see, folded or not (summaries stay in view)
        open_every_fold(tab)
        found = axe_violations(tab)
    finally:
        context.close()
    assert not found, f"{name} at {size} size:\n" + "\n".join(found)
    assert not errors, errors


def test_skip_to_content_on_every_page(site: dict[str, Any]) -> None:
    context, tab, _errors = new_tab(site, PHONE)
    try:
        for name in PAGES:
            tab.goto(url_of(site, name))
            # a page whose search box takes the focus at once (autofocus) starts over from the top
            tab.evaluate("() => { const b = document.body; b.tabIndex = -1; b.focus(); b.removeAttribute('tabindex') }")
            tab.keyboard.press("Tab")
            skip = tab.evaluate("() => [document.activeElement.textContent, document.activeElement.hash,"
                                " document.activeElement.getBoundingClientRect().left]")
            assert skip[:2] == ["Skip to content", "#main"], (name, skip)
            assert skip[2] >= 0, f"{name}: the focused skip link is off screen"
            if name == "today":
                shoot(tab, "a11y-phone-skip-link", full_page=False)
            tab.keyboard.press("Enter")
            assert tab.evaluate("() => document.activeElement.id") == "main", name
    finally:
        context.close()


def test_notes_are_a_few_key_presses_away(site: dict[str, Any]) -> None:
    """Tab presses to the Notes of the seed (96 entity links): with entity links in the Tab order (as before),
    without them (the default), and through "Skip to Notes"."""
    context, tab, errors = new_tab(site, DESKTOP)
    try:
        url = url_of(site, "article-seed")
        tab.goto(url)
        settle(tab)
        links = tab.evaluate("""s => [...document.querySelectorAll(s)].filter(a => a.offsetParent !== null
            && (a.compareDocumentPosition(document.getElementById('notes')) & Node.DOCUMENT_POSITION_FOLLOWING))
            .length""", "a.ent")
        assert links >= 90  # the seed's entity mentions, all shown (a trainer's note is not folded)
        assert tab.locator("a.ent:not([tabindex='-1'])").count() == 0
        default = tabs_until(tab, "#notes")

        tab.goto(url)
        tab.keyboard.press("Tab")
        tab.keyboard.press("Tab")
        assert tab.evaluate("() => document.activeElement.textContent") == "Skip to Notes"
        shoot(tab, "a11y-skip-to-notes", full_page=False)
        tab.keyboard.press("Enter")
        assert tab.evaluate("() => document.activeElement.id") == "notes"
        tab.keyboard.press("Tab")
        assert tab.evaluate("() => !!document.activeElement.closest('#notes')")
        via_skip = 3  # Tab, Tab, Enter, then the Tab that lands in Notes: 3 Tabs and one Enter

        tab.goto(url)
        switch_at = tabs_until(tab, ".ent-toggle")
        switch = tab.get_by_label("Tab through entity links")
        assert switch.is_visible() and not switch.is_checked()
        tab.keyboard.press("Space")  # the switch has the focus
        assert switch.is_checked()
        assert tab.locator("a.ent[tabindex]").count() == 0
        tab.goto(url)  # remembered in this browser
        settle(tab)
        assert tab.get_by_label("Tab through entity links").is_checked()
        assert tab.locator("a.ent[tabindex]").count() == 0
        with_links = tabs_until(tab, "#notes")
        assert with_links - default == links, (with_links, default, links)
        tab.goto(url)
        tab.get_by_label("Tab through entity links").uncheck()
        assert tab.locator("a.ent:not([tabindex='-1'])").count() == 0
    finally:
        context.close()
    assert not errors, errors
    assert switch_at <= 20, f"the entity-link switch is {switch_at} Tab presses down"
    save_figures("a11y-tabs-to-notes", {"entity_links": links, "tabs_with_entity_links": with_links,
                                        "tabs_default": default, "tabs_via_skip_link": via_skip,
                                        "tabs_to_switch": switch_at})
    print(f"Tab presses to Notes on the seed: {with_links} with its {links} entity links in the Tab order, "
          f"{default} without them, {via_skip} (and one Enter) through Skip to Notes")


def test_entity_links_keep_working_without_script(site: dict[str, Any]) -> None:
    """Without script the switch stays hidden; entity links are still links for a mouse or a screen reader."""
    context, tab, _errors = new_tab(site, PHONE, java_script_enabled=False)
    try:
        tab.goto(url_of(site, "article-seed"))
        assert not tab.locator(".ent-toggle").is_visible()
        link = tab.locator("a.ent").first
        assert link.get_attribute("href").startswith("/topics/")
        link.click()
        tab.wait_for_load_state()
        assert "/topics/" in tab.url and tab.locator("h1").count() == 1
    finally:
        context.close()


REPEATED_TAGS = """() => [...document.querySelectorAll('main h2, main h3')].filter(h => {
    const tag = h.querySelector('.role-badge, .role-tag');
    if (!tag) { return false; }
    const own = h.textContent.replace(tag.textContent, '').toLowerCase();
    return own.includes(tag.textContent.trim().toLowerCase());
}).map(h => h.textContent.trim())"""
SOURCES_RUN_IN = """() => [...document.querySelectorAll('#drawn li')].filter(li => {
    const text = li.querySelector('.drawn-text'), sources = li.querySelector('.drawn-sources');
    return !text || !sources || sources.getBoundingClientRect().top < text.getBoundingClientRect().bottom - 1;
}).length"""


@pytest.mark.parametrize("size", SIZES)
def test_article_pages_read_cleanly(site: dict[str, Any], size: str) -> None:
    """The seed and the drawn releases: no heading repeats its role tag, and the sources of drawn points sit on
    a line of their own below the point."""
    context, tab, errors = new_tab(site, SIZES[size])
    try:
        for article in (site["seed"], *site["releases"]):
            tab.goto(f"{site['base']}/articles/{article}")
            settle(tab)
            assert tab.evaluate(REPEATED_TAGS) == [], article
            assert tab.evaluate(SOURCES_RUN_IN) == 0, article
            if article == site["seed"]:
                assert tab.locator("#drawn li").count() >= 5
                assert "you have read" not in tab.locator("#drawn").inner_text()
                tab.locator("#drawn h3", has_text="Way Forward").scroll_into_view_if_needed()
                shoot(tab, f"a11y-{size}-seed-drawn-way-forward", full_page=False)
    finally:
        context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def accounts_site(site: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Server mode (accounts): one item and an admin, for the sign-in, account and users pages."""
    url = f"sqlite:///{tmp_path_factory.mktemp('a11y-server') / 'server.db'}"
    store = Store(url)
    save_linked(store, japan_article())
    add_account(store, "boss", "admin")
    store.close()
    with running_server(url, env={"GISTBOOK_SECRET": SECRET, "GISTBOOK_MODE": "server"}) as base:
        yield {"base": base, "browser": site["browser"]}


@pytest.mark.parametrize("size", SIZES)
def test_account_pages_have_no_serious_axe_violations(accounts_site: dict[str, Any], size: str) -> None:
    context, tab, errors = new_tab(accounts_site, SIZES[size])
    base = accounts_site["base"]
    found: list[str] = []
    try:
        tab.goto(base + "/login")
        found += [f"/login: {line}" for line in axe_violations(tab)]
        shoot(tab, f"a11y-{size}-login", full_page=False)
        tab.locator("#login-name").fill("boss")
        tab.locator("#login-password").fill(PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_load_state()
        for path in ("/", "/account", "/account/users"):
            tab.goto(base + path)
            settle(tab)
            assert tab.get_by_role("button", name="Sign out").count() == 1, path  # signed in
            open_every_fold(tab)
            found += [f"{path}: {line}" for line in axe_violations(tab)]
            shoot(tab, f"a11y-{size}-server-{path.strip('/').replace('/', '-') or 'today'}", full_page=False)
    finally:
        context.close()
    assert not found, f"server mode at {size} size:\n" + "\n".join(found)
    assert not errors, errors
