"""Browser flows in a real Chromium against a real `gistbook serve`; screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser_helpers import DESKTOP, PHONE, launch_browser, require_browser, running_server, shoot
from tests.web.web_fixtures import (
    economy_article,
    hostile_article,
    japan_article,
    japan_followup_article,
    save_linked,
)

from gistbook.store import Store

pytestmark = pytest.mark.browser
playwright_api = require_browser()

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "acceptance" / "seed-article.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'site.db'}"
    store = Store(db_url)
    ids = {"japan": save_linked(store, japan_article()), "economy": save_linked(store, economy_article()),
           "hostile": save_linked(store, hostile_article()), "followup": save_linked(store, japan_followup_article())}
    store.close()
    with running_server(db_url) as base, playwright_api.sync_playwright() as pw:
        browser = launch_browser(pw)
        yield {"base": base, "ids": ids, "browser": browser, "db": db_url}
        browser.close()


@pytest.fixture
def page(site: dict[str, Any]) -> Iterator[Any]:
    context = site["browser"].new_context(viewport=DESKTOP)
    tab = context.new_page()
    errors: list[str] = []
    blocked: list[str] = []  # Chromium reports each Content-Security-Policy refusal on the console
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
    tab.on("dialog", lambda dialog: dialog.accept())
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not blocked, f"CSP violations: {blocked}"


def bullet_ids(tab: Any) -> list[int]:
    return [int(i[1:]) for i in tab.eval_on_selector_all("li.bullet", "els => els.map(e => e.id)")]


def make_cards_once(tab: Any, base: str) -> None:
    """Cards from the stored facts, made through the review page unless an earlier test made them."""
    tab.goto(f"{base}/review")
    if tab.locator("[data-review]").count() == 0:
        tab.get_by_role("button", name="Make fact cards").click()
        tab.wait_for_load_state()
        tab.get_by_role("button", name=re.compile(r"Make up to \d+ cards")).click()  # after the count is shown
        tab.wait_for_load_state()


def test_note_on_a_bullet_add_edit_delete_persist(site: dict[str, Any], page: Any) -> None:
    url = f"{site['base']}/articles/{site['ids']['japan']}"
    page.goto(url)
    target = bullet_ids(page)[3]
    bullet = page.locator(f"#b{target}")
    bullet.hover()
    bullet.locator("summary", has_text="+ Note").click()
    bullet.locator("textarea[name=text]").fill("Dharma Guardian is an army exercise: remember the terrain focus.")
    bullet.get_by_role("button", name="Save note").click()
    note = page.locator(f"#b{target} .note")
    note.wait_for()
    assert "terrain focus" in note.inner_text()
    shoot(page, "article-note-added")
    page.reload()
    assert "terrain focus" in page.locator(f"#b{target} .note").inner_text()
    assert "terrain focus" in page.locator("#notes .note-index").inner_text()

    page.locator(f"#b{target} .note summary", has_text="Edit").click()
    page.locator(f"#b{target} .note textarea").fill("Army exercise; counter-terrorism drills.")
    page.locator(f"#b{target} .note").get_by_role("button", name="Save").click()
    page.locator(f"#b{target} .note .note-text", has_text="drills").wait_for()  # (waits that eval strings break CSP)
    page.reload()
    assert page.locator(f"#b{target} .note .note-text").inner_text() == "Army exercise; counter-terrorism drills."

    page.locator(f"#b{target} .note").get_by_role("button", name="Delete").click()
    page.locator(f"#b{target} .note").wait_for(state="detached")
    page.reload()
    assert page.locator(f"#b{target} .note").count() == 0


def test_notes_work_without_javascript(site: dict[str, Any]) -> None:
    context = site["browser"].new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site['base']}/articles/{site['ids']['japan']}")
    tab.locator("#note-article").fill("Plain form, no script: still saved.")
    tab.locator(".note-new").get_by_role("button", name="Save note").click()
    tab.wait_for_load_state()
    assert re.search(r"/articles/\d+#n\d+$", tab.url)
    assert "still saved" in tab.locator("#notes").inner_text()
    shoot(tab, "phone-article-note-nojs")
    context.close()


def test_hostile_content_runs_nothing(site: dict[str, Any], page: Any) -> None:
    page.goto(f"{site['base']}/articles/{site['ids']['hostile']}")
    assert page.evaluate("document.querySelectorAll('main script, main img, [onerror]').length") == 0
    assert "<script>" in page.locator("h1").inner_text()
    shoot(page, "article-hostile")


def test_upload_the_seed_then_open_it(site: dict[str, Any], page: Any) -> None:
    page.goto(f"{site['base']}/add")
    shoot(page, "flow-add")
    page.locator("#add-files").set_input_files(str(SEED))
    page.locator("#add-published").fill("2024-09-10")
    page.get_by_role("button", name="Add to gistbook").click()
    page.locator("#report").wait_for(timeout=180_000)
    shoot(page, "add-result")
    assert "1 added" in page.locator("#report .summary").inner_text()
    page.locator("#report a", has_text="India, Japan agree to promote financial cooperation").click()
    page.wait_for_load_state()
    headings = page.locator(".sec h2").all_inner_texts()
    assert any(h.startswith("India-Japan Bilateral Relations") for h in headings)
    assert any(h.startswith("Roadblocks to strengthening India-Japan ties") for h in headings)
    assert page.locator(".bullet").count() >= 30
    entity_names = set(page.locator("a.ent").all_inner_texts())
    assert {"Japan", "Ajay Seth"} <= entity_names, entity_names
    assert page.locator("a.ent", has_text="Japan").first.get_attribute("href").startswith("/topics/")
    assert "Sep 10, 2024" in page.locator(".story-head .meta").inner_text()
    shoot(page, "article-seed")
    page.set_viewport_size(PHONE)
    shoot(page, "phone-article-seed")


def test_follow_a_related_topic_into_its_dossier(site: dict[str, Any], page: Any) -> None:
    page.goto(f"{site['base']}/articles/{site['ids']['japan']}")
    page.locator("#related-items .related-list a").first.wait_for()  # related items arrive after the page
    assert page.locator("#related-items .reason").count() >= 1
    page.locator("#related a.topic", has_text="India–Japan").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "India–Japan"
    for part in ("#timeline", "#figures", "#agreements", "#exercises", "#people", "#challenges", "#new"):
        assert page.locator(part).count() == 1, part
    assert page.locator("#summary .strip.wide svg.chart circle").count() >= 3
    assert page.locator("#figures svg.chart g.superseded").count() >= 1
    # the dossier opens with its summary; the long parts wait folded, and every dated event behind one more toggle
    timeline = page.locator("details#timeline")
    assert not timeline.evaluate("d => d.open")
    timeline.locator("summary").first.click()
    assert 1 <= page.locator("#timeline ol.key-dates li").count() <= 12
    all_events = page.locator("#timeline details.all-events")
    assert not all_events.evaluate("d => d.open")
    all_events.locator("summary").click()
    assert all_events.evaluate("d => d.open") and all_events.locator("li").count() >= 1
    shoot(page, "flow-dossier")
    page.locator("details#new > summary").click()
    page.locator("#since").fill("2025-01-01")
    page.locator("#new").get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "high-speed rail corridor" in page.locator("#new").inner_text()


def test_review_three_cards_with_the_keyboard(site: dict[str, Any], page: Any) -> None:
    make_cards_once(page, site["base"])
    seen = []
    for n, key in enumerate(("3", "1", "4")):
        card = page.locator("[data-review]")
        card_id = card.get_attribute("data-card")
        seen.append(card_id)
        assert not page.locator(".card-back").is_visible()
        page.keyboard.press("Space")
        assert page.locator(".card-back").is_visible()
        if n == 0:
            shoot(page, "review-revealed")
        page.keyboard.press(key)
        page.wait_for_selector(f"[data-review]:not([data-card='{card_id}']), main:not(:has([data-review]))")
    assert len(set(seen)) == 3
    stats = page.request.get(f"{site['base']}/api/stats").json()
    assert stats["reviews"] >= 3


def test_stats_page_renders_its_charts(site: dict[str, Any], page: Any) -> None:
    make_cards_once(page, site["base"])  # the syllabus charts need cards, whichever test ran first on this worker
    page.goto(f"{site['base']}/stats")
    page.locator("#plan-exam_date").fill("2031-05-25")
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_load_state()
    assert "days to the exam" in page.locator("#exam").inner_text()
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 50 and box["height"] > 50
    shoot(page, "flow-stats-with-exam")


def test_every_page_screenshot(site: dict[str, Any], page: Any) -> None:
    """Each page, desktop and phone, for a person to look at; none may scroll sideways on a phone."""
    paths = {"today": "/", "article": f"/articles/{site['ids']['japan']}", "topics": "/topics",
             "dossier": "/topics/Japan", "search": "/search?q=Japan", "quiz": "/quiz", "review": "/review",
             "stats": "/stats", "add": "/add", "sources": "/sources", "docs": "/docs", "not-found": "/articles/424242"}
    for viewport, prefix in ((DESKTOP, ""), (PHONE, "phone-")):
        page.set_viewport_size(viewport)
        for name, path in paths.items():
            response = page.goto(site["base"] + path)
            assert "script-src 'self'" in response.headers["content-security-policy"], path
            shoot(page, f"page-{prefix}{name}")
            if prefix:
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{path} scrolls sideways on a phone by {overflow}px"
