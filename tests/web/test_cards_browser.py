"""The daily card loop in a real Chromium against a real `gistbook serve`, at desktop and phone sizes: cards made
from a 259-card topic arrive 20 a day, rating buttons show FSRS intervals, "u" undoes, and the exam date set in
one browser is seen in another. Screenshots go to test-artifacts/screenshots/ (cards-*)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from tests.store_copies import StoreCopies
from tests.web.browser_helpers import DESKTOP, PHONE, launch_browser, require_browser, running_server, shoot
from tests.web.cards_fixtures import FIXED_POINTS, TOPIC, crowded_japan_article
from tests.web.web_fixtures import save_linked

from gistbook.store import Store

pytestmark = pytest.mark.browser
playwright_api = require_browser()

TOTAL = 259


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        launched = launch_browser(pw)
        yield launched
        launched.close()


def crowded_topic(store: Store) -> None:
    save_linked(store, crowded_japan_article(TOTAL - FIXED_POINTS))


@pytest.fixture
def site(tmp_path: Any, store_copies: StoreCopies) -> Iterator[str]:
    """A fresh store (a copy of one with a 259-card topic) and server per test: each test starts with no cards
    and no plan."""
    db_url = f"sqlite:///{tmp_path / 'cards.db'}"
    store_copies.copy_into(db_url, "crowded-japan", crowded_topic)
    with running_server(db_url) as base:
        yield base


def open_tab(browser: Any, viewport: dict[str, int]) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, tab, errors


def queue_line(tab: Any) -> tuple[int, int]:
    return (int(tab.locator("[data-new-left]").get_attribute("data-new-left")),
            int(tab.locator("[data-reviews-due]").get_attribute("data-reviews-due")))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_twenty_new_cards_a_day_from_a_big_topic(browser: Any, site: str, viewport: dict[str, int]) -> None:
    context, tab, errors = open_tab(browser, viewport)
    size = "desktop" if viewport is DESKTOP else "phone"
    tab.goto(f"{site}/topics/{TOPIC}")
    tab.get_by_role("link", name="Make cards").click()
    tab.wait_for_load_state()
    lead = tab.locator("[data-up-to]").inner_text()
    assert f"This will add up to {TOTAL} cards; 20 a day will be introduced" in lead
    shoot(tab, f"cards-preview-{size}")
    tab.get_by_role("button", name=f"Make up to {TOTAL} cards").click()
    tab.wait_for_load_state()
    assert f"Added {TOTAL} cards, 0 already there." in tab.locator(".notice").inner_text()
    assert queue_line(tab) == (20, 0)
    shoot(tab, f"cards-made-{size}", full_page=False)
    for n in range(20):
        card_id = tab.locator("[data-review]").get_attribute("data-card")
        tab.keyboard.press("Space")
        if n == 0:
            labels = tab.locator("[data-interval]").all_inner_texts()
            assert labels[:3] == ["1m", "6m", "10m"] and re.fullmatch(r"\d+d", labels[3])
            shoot(tab, f"cards-intervals-{size}", full_page=False)
        tab.keyboard.press("4")  # Easy: the card leaves today's queue
        tab.wait_for_selector(f"[data-review]:not([data-card='{card_id}']), main:not(:has([data-review]))")
    assert tab.locator("[data-review]").count() == 0 and queue_line(tab) == (0, 0)
    assert "All caught up" in tab.locator("h1").inner_text()
    shoot(tab, f"cards-done-for-today-{size}")
    tab.goto(f"{site}/stats")
    assert queue_line(tab) == (0, 0)  # Stats counts the day as Review does
    stats = tab.request.get(f"{site}/api/stats").json()
    assert stats["today"]["new_introduced"] == 20 and stats["by_state"]["new"] == TOTAL - 20
    context.close()
    assert not errors


def test_undo_with_the_keyboard(browser: Any, site: str) -> None:
    context, tab, errors = open_tab(browser, DESKTOP)
    tab.goto(f"{site}/review/cards/new?topic={TOPIC}")
    tab.get_by_role("button", name=re.compile("Make up to")).click()
    tab.wait_for_load_state()
    first = tab.locator("[data-review]").get_attribute("data-card")
    tab.keyboard.press("Space")
    tab.keyboard.press("3")
    tab.wait_for_selector(f"[data-review]:not([data-card='{first}'])")
    assert tab.locator("[data-undo]").is_visible()
    tab.keyboard.press("u")
    tab.wait_for_selector(f"[data-review][data-card='{first}']")
    assert "Rating undone" in tab.locator(".notice").inner_text()
    assert "· new" in tab.locator(".q-kind").text_content()  # the card is back as it was before the rating
    shoot(tab, "cards-undone", full_page=False)
    tab.keyboard.press("u")
    tab.wait_for_selector("text=Nothing to undo")
    assert tab.request.get(f"{site}/api/stats").json()["reviews"] == 0
    context.close()
    assert not errors


def test_exam_date_follows_the_learner_to_another_browser(browser: Any, site: str) -> None:
    exam = dt.date.today() + dt.timedelta(days=200)
    laptop, tab, errors = open_tab(browser, DESKTOP)
    tab.goto(f"{site}/stats")
    tab.locator("#plan-exam_date").fill(exam.isoformat())
    tab.locator("#plan-new_per_day").fill("12")
    tab.get_by_role("button", name="Save plan").click()
    tab.wait_for_load_state()
    assert "days to the exam" in tab.locator("#exam").inner_text()
    laptop.close()
    phone, other, phone_errors = open_tab(browser, PHONE)  # a second browser: no cookie, no storage shared
    other.goto(f"{site}/stats")
    assert other.locator("#plan-exam_date").input_value() == exam.isoformat()
    assert "days to the exam" in other.locator("#exam").inner_text()
    assert abs(int(other.locator(".countdown-days .big").inner_text()) - (exam - dt.date.today()).days) <= 1
    shoot(other, "cards-exam-on-phone-stats")
    other.goto(f"{site}/review")
    assert "planned for the exam on" in other.locator(".eyebrow").text_content()
    other.locator("#plan-panel summary").click()
    assert other.locator("#plan-new_per_day").input_value() == "12"
    phone.close()
    assert not errors and not phone_errors


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_past_exam_date_gets_a_field_error(browser: Any, site: str, viewport: dict[str, int]) -> None:
    context, tab, errors = open_tab(browser, viewport)
    tab.goto(f"{site}/stats")
    tab.locator("#plan-exam_date").fill("2001-01-01")
    tab.locator("#plan-reviews_per_day").fill("100000")
    with tab.expect_response(lambda r: r.url.endswith("/study-plan")) as sent:
        tab.get_by_role("button", name="Save plan").click()
    assert sent.value.status == 422
    tab.wait_for_load_state()
    error = tab.locator("#plan-exam_date-error")
    assert error.inner_text() == "the exam date 2001-01-01 is not in the future"
    assert tab.locator("#plan-exam_date").get_attribute("aria-invalid") == "true"
    assert "100000 is outside 0–9999" in tab.locator("#plan-reviews_per_day-error").inner_text()
    field, message = tab.locator("#plan-exam_date").bounding_box(), error.bounding_box()
    assert field and message and abs(message["x"] - field["x"]) < 4 and 0 <= message["y"] - field["y"] < 80
    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    tab.locator("#study-plan").scroll_into_view_if_needed()
    shoot(tab, f"cards-past-exam-error-{'desktop' if viewport is DESKTOP else 'phone'}", full_page=False)
    context.close()
    assert not errors
