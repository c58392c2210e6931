"""A mock test in a real Chromium against a real `gistbook serve` over the demo notes, at desktop and phone sizes:
seven of ten answered and marked as the UPSC does, the timer that submits, the page without JavaScript, and the
history of attempts. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
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

from gistbook.quiz import get_question
from gistbook.quiz.marking import show_marks
from gistbook.store import Store

pytestmark = pytest.mark.browser
playwright_api = require_browser()

PRELIMS = "&".join(f"kind={k}" for k in ("statements", "how-many", "pairs", "chronology", "cloze"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from gistbook.pipeline import ingest_demo

    db_url = f"sqlite:///{tmp_path_factory.mktemp('mock') / 'mock.db'}"
    store = Store(db_url)
    assert not ingest_demo(store).failed
    with running_server(db_url) as base, playwright_api.sync_playwright() as pw:
        browser = launch_browser(pw)
        yield {"base": base, "browser": browser, "store": store}
        browser.close()
    store.close()


@pytest.fixture
def tab_of(site: dict[str, Any]) -> Iterator[Any]:
    """New browser tabs, each failing the test on a JavaScript error or a Content-Security-Policy refusal."""
    contexts, problems = [], []

    def open_tab(**options: Any) -> Any:
        context = site["browser"].new_context(**options)
        contexts.append(context)
        return watch_problems(context.new_page(), problems)

    yield open_tab
    for context in contexts:
        context.close()
    assert not problems, problems


def served(tab: Any, site: dict[str, Any]) -> list[dict[str, Any]]:
    ids = [int(i) for i in tab.locator("input[name=ids]").get_attribute("value").split(",")]
    with site["store"].session() as session:
        return [get_question(session, qid) for qid in ids]


def answer_seven(tab: Any, questions: list[dict[str, Any]]) -> tuple[int, int, int, list[dict[str, Any]]]:
    """Five right and two wrong among the prelims questions, the rest blank; a Mains question gets an outline."""
    prelims = [q for q in questions if q["kind"] != "mains"]
    mains = [q for q in questions if q["kind"] == "mains"]
    for i, q in enumerate(prelims[:7]):
        letter = q["answer"] if i < 5 else next(c for c in "ABCD" if c != q["answer"])
        tab.locator(f"#q{q['id']} input[value='{letter}']").check()
    for q in mains:
        tab.locator(f"#q{q['id']} textarea").fill("Intro with the context; two dimensions; the way forward.")
    return 5, 2, len(prelims) - 7, mains


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_ten_question_mock_marked_as_the_upsc_does(site: dict[str, Any], tab_of: Any, size: str) -> None:
    tab = tab_of(viewport=DESKTOP if size == "desktop" else PHONE)
    # the phone asks for prelims kinds only: exactly the exam's case, 10 questions, 7 answered, 3 blank
    tab.goto(f"{site['base']}/quiz?timer=12" + ("&" + PRELIMS if size == "phone" else ""))
    questions = served(tab, site)
    assert len(questions) == 10
    right, wrong, blank, mains = answer_seven(tab, questions)
    assert tab.locator("[data-answered]").inner_text() == f"Answered {7 + len(mains)} of 10"
    assert re.fullmatch(r"Time left 1[12]:\d\d", tab.locator("[data-timer]").inner_text())
    shoot(tab, f"mock-{size}-answering", full_page=False)
    shoot(tab, f"mock-{size}-answered")
    tab.get_by_role("button", name="Submit and see my marks").click()
    tab.wait_for_url(re.compile(r"/quiz/attempts/\d+$"))
    scored = right + wrong + blank
    marks = 2 * right - Fraction(2, 3) * wrong
    heading = tab.locator("h1.score").inner_text()
    assert heading == f"{show_marks(marks)} of {2 * scored} marks"
    if size == "phone":
        assert heading == "8.67 of 20 marks"
    line = tab.locator(".marks-line").inner_text()
    assert f"{right} right (+{2 * right})" in line and f"{wrong} wrong (\u22121.33)" in line
    assert f"{blank} blank (0)" in line
    assert tab.locator(".question.blank").count() == blank
    if mains:  # reported apart, never among the blanks or the marks
        assert f"{len(mains)} Mains (not marked; 0 self-rated)" in line
        tab.locator(f"#q{mains[0]['id']} input[value=covered]").check()
        tab.locator(f"#q{mains[0]['id']}").get_by_role("button", name="Save my rating").click()
        tab.wait_for_url(re.compile(rf"#q{mains[0]['id']}$"))
        assert "1 self-rated" in tab.locator(".marks-line").inner_text()
    source = tab.locator(".explanation a.source").first
    assert re.match(r"/articles/\d+#b\d+$", source.get_attribute("href"))
    assert re.search(r"\([A-Z][a-z]{2} \d{1,2}, \d{4}\)$", source.inner_text())  # title (date), no internal id
    shoot(tab, f"mock-{size}-result", full_page=False)
    shoot(tab, f"mock-{size}-result-full")
    tab.get_by_role("link", name="All your mocks").click()
    tab.wait_for_url(re.compile(r"/quiz/history$"))
    first_row = tab.locator("table.history tbody tr").first
    assert f"{show_marks(marks)} / {2 * scored}" in first_row.inner_text()
    shoot(tab, f"mock-{size}-history")
    first_row.locator("a").click()
    tab.wait_for_url(re.compile(r"/quiz/attempts/\d+$"))
    assert tab.locator("h1.score").inner_text() == heading  # reopened as it was
    cited = tab.locator(".explanation a.source").first  # a citation opens its article at the cited point
    href = cited.get_attribute("href")
    cited.click()
    tab.wait_for_load_state()
    assert tab.evaluate("location.hash") == "#" + href.split("#")[1]
    assert tab.locator(href[href.index("#"):]).is_visible()


def test_the_timer_submits_when_time_runs_out(site: dict[str, Any], tab_of: Any) -> None:
    tab = tab_of(viewport=PHONE)
    tab.clock.install()
    tab.goto(f"{site['base']}/quiz?timer=6&size=10&{PRELIMS}")
    questions = served(tab, site)
    tab.locator(f"#q{questions[0]['id']} input[value='{questions[0]['answer']}']").check()
    tab.clock.run_for("05:01")
    timer = tab.locator("[data-timer]")
    assert re.fullmatch(r"Time left 0:5\d", timer.inner_text()) and "low" in (timer.get_attribute("class") or "")
    shoot(tab, "mock-phone-last-minute", full_page=False)
    with tab.expect_navigation(url=re.compile(r"/quiz/attempts/\d+$")):
        tab.clock.run_for("01:00")
    assert tab.locator("h1.score").inner_text() == "2 of 20 marks"
    assert "1 right (+2)" in tab.locator(".marks-line").inner_text()


def test_a_mock_without_javascript(site: dict[str, Any], tab_of: Any) -> None:
    tab = tab_of(viewport=PHONE, java_script_enabled=False)
    tab.goto(f"{site['base']}/quiz?timer=30&{PRELIMS}")
    assert tab.locator("[data-timer]").inner_text() == "Time allowed: 30 min"
    questions = served(tab, site)
    wrong = next(c for c in "ABCD" if c != questions[1]["answer"])
    tab.locator(f"#q{questions[0]['id']} input[value='{questions[0]['answer']}']").check()
    tab.locator(f"#q{questions[1]['id']} input[value='{wrong}']").check()
    tab.get_by_role("button", name="Submit and see my marks").click()
    tab.wait_for_url(re.compile(r"/quiz/attempts/\d+$"))
    assert tab.locator("h1.score").inner_text() == "1.33 of 20 marks"
    shoot(tab, "mock-phone-nojs-result", full_page=False)
    tab.goto(f"{site['base']}/quiz?size=7")
    assert "size: 7 is not offered; choose 10, 25, 50 or 100 questions" in tab.locator(".field-error").inner_text()
    shoot(tab, "mock-phone-bad-size", full_page=False)
