"""The dossier in Chromium at desktop and phone sizes: its summary fits the first screen, the timeline strip is
whole (not cut off, no sideways scroll), and the folded sections open from the keyboard and from the jump links.
Screenshots go to test-artifacts/screenshots/ for a person to look at."""

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
from tests.web.web_fixtures import build_article, economy_article, japan_article, japan_followup_article, save_linked

from gistbook.records import Article, Event, Extraction
from gistbook.store import Store
from gistbook.store.notes import add_note

pytestmark = pytest.mark.browser
playwright_api = require_browser()



def summit_article() -> tuple[Article, Extraction]:
    """A long India–Japan item: many dated milestones and long challenges, so the summary has to choose."""
    news = [f"At their {n}th annual summit in {2000 + 2 * n}, India and Japan signed an agreement to widen "
            f"cooperation on ports, rail, semiconductors and clean energy, and asked officials to report on every "
            f"project of the partnership before the next summit." for n in range(3, 11)]
    challenges = ["Slow land acquisition has delayed the high-speed rail corridor for years, raising its cost well "
                  "beyond the first estimates and testing the patience of both governments. Both sides are "
                  "reviewing the contracts.",
                  "India's trade deficit with Japan has widened since the partnership agreement came into force, "
                  "and Indian exporters still use few of its tariff preferences. Officials plan a joint review.",
                  "Shifting security policies in the region keep the defence side of the partnership uncertain."]
    art = build_article("notes/india-japan-summits.txt", "India and Japan sign a string of summit agreements",
                        [(None, "news", news), ("Roadblocks", "challenges", challenges)], published="2025-06-01")
    events = [Event(str(2000 + 2 * n), text, no) for no, (n, text) in enumerate(zip(range(3, 11), news))]
    return art, Extraction(events=events, syllabus=[("GS2: International Relations", 0.9)])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('dossier') / 'site.db'}"
    store = Store(db_url)
    ids = [save_linked(store, pair) for pair in (japan_article(), economy_article(), japan_followup_article(),
                                                 summit_article())]
    with store.sessions.begin() as session:
        add_note(session, ids[-1], "Summits: the dates of the big agreements.")  # the learner follows India–Japan
    store.close()
    with running_server(db_url) as base, playwright_api.sync_playwright() as pw:
        browser = launch_browser(pw)
        yield {"base": base, "browser": browser}
        browser.close()


def _open(site: dict[str, Any], viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    context = site["browser"].new_context(viewport=viewport)
    tab = context.new_page()
    problems: list[str] = []
    watch_problems(tab, problems)
    tab.goto(f"{site['base']}/topics/India–Japan")
    return context, tab, problems


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_summary_fits_the_first_screen_and_the_strip_is_whole(site: dict[str, Any], size: str) -> None:
    viewport = PHONE if size == "phone" else DESKTOP
    context, tab, problems = _open(site, viewport)
    summary = tab.locator("#summary")
    assert summary.is_visible()
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"], box  # on the first screen
    text = summary.text_content() or ""
    assert all(part in text for part in ("Key timeline", "Latest figures", "Open challenges"))
    strips = [s for s in tab.locator("#summary .strip svg").all() if s.is_visible()]
    assert len(strips) == 1  # one strip drawn for the screen's width
    strip = strips[0].bounding_box()
    assert strip is not None and strip["x"] >= 0 and strip["x"] + strip["width"] <= viewport["width"]
    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # nothing sideways
    shoot(tab, f"dossier-summary-{size}", full_page=False)
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_sections_fold_and_open_from_the_keyboard_and_jump_links(site: dict[str, Any], size: str) -> None:
    context, tab, problems = _open(site, PHONE if size == "phone" else DESKTOP)
    figures = tab.locator("#figures")
    assert figures.get_attribute("open") is None and not tab.locator("#figures table").is_visible()
    tab.locator("#figures > summary").focus()
    tab.keyboard.press("Enter")
    assert figures.get_attribute("open") is not None and tab.locator("#figures table").first.is_visible()
    tab.keyboard.press("Space")
    assert figures.get_attribute("open") is None
    tab.keyboard.press("Enter")
    shoot(tab, f"dossier-figures-open-{size}")
    people = tab.locator("#people")
    assert people.get_attribute("open") is None
    tab.locator('nav.jump a[href="#people"]').click()
    tab.wait_for_function("document.getElementById('people').open")
    assert "Atsushi Mimura" in people.inner_text()
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_topics_page_lists_followed_threads_first(site: dict[str, Any], size: str) -> None:
    context, tab, problems = _open(site, PHONE if size == "phone" else DESKTOP)
    tab.goto(f"{site['base']}/topics")
    headings = [h.strip() for h in tab.locator("section.panel h2").all_text_contents()]
    assert headings[0].startswith("Threads you follow")
    assert "India–Japan" in tab.locator("#following").inner_text()
    assert "Reserve Bank of India" not in tab.content()  # a topic of one item waits for a second
    assert tab.evaluate("document.documentElement.scrollWidth") <= (PHONE if size == "phone" else DESKTOP)["width"]
    shoot(tab, f"topics-{size}")
    context.close()
    assert not problems, problems
