"""The study plan over HTTP on SQLite and PostgreSQL: settings stored in the database with field errors, one count
of "due" on Review and Stats, making cards with counts before and after, interval previews and undo."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient
from tests.web.cards_fixtures import FIXED_POINTS, TOPIC, crowded_japan_article
from tests.web.web_fixtures import save_linked

from gistbook.store import Store

EXTRA = 40


def today_line(html: str) -> tuple[int, int]:
    """(new left today, reviews due) as the page's queue line states them."""
    new = re.search(r'data-new-left="(\d+)">(\d+) new left today', html)
    due = re.search(r'data-reviews-due="(\d+)">(\d+) reviews? due', html)
    assert new and due, "no queue line on the page"
    assert new.group(1) == new.group(2) and due.group(1) == due.group(2)
    return int(new.group(1)), int(due.group(1))


def card_on(html: str) -> int | None:
    found = re.search(r'data-card="(\d+)"', html)
    return int(found.group(1)) if found else None


def make_topic_cards(client: TestClient, store: Store) -> None:
    save_linked(store, crowded_japan_article(EXTRA))
    made = client.post("/review/cards", data={"source": "facts", "topic": TOPIC})
    assert made.status_code == 303 and made.headers["location"] == f"/review?added={EXTRA + FIXED_POINTS}&had=0"


def test_cards_from_a_topic_counted_before_and_after(client: TestClient, store: Store) -> None:
    save_linked(store, crowded_japan_article(EXTRA))
    dossier = client.get(f"/topics/{TOPIC}").text
    assert '/review/cards/new?topic=India%E2%80%93Japan">Make cards</a>' in dossier
    preview = client.get("/review/cards/new", params={"topic": TOPIC}).text
    total = EXTRA + FIXED_POINTS
    assert f"This will add up to <strong>{total}</strong> cards" in preview and "<strong>20</strong> a day" in preview
    made = client.post("/review/cards", data={"source": "facts", "topic": TOPIC})
    review = client.get(made.headers["location"]).text
    assert f"Added {total} cards, 0 already there." in review and "20 new today" in review
    assert today_line(review) == (20, 0)
    again = client.post("/review/cards", data={"source": "facts", "topic": TOPIC})
    assert f"Added 0 cards, {total} already there." in client.get(again.headers["location"]).text
    assert f"All {total} facts here are cards already." in client.get("/review/cards/new",
                                                                      params={"topic": TOPIC}).text
    assert 'id="make-cards"' in review  # the forms stay on Review once cards exist


def test_cards_from_one_article(client: TestClient, article_ids: dict[str, int]) -> None:
    art = article_ids["economy"]
    assert f'/review/cards/new?article={art}">Make cards</a>' in client.get(f"/articles/{art}").text
    preview = client.get("/review/cards/new", params={"article": art}).text
    assert "RBI keeps the repo rate on hold" in preview and "add up to <strong>2</strong> cards" in preview
    made = client.post("/review/cards", data={"source": "facts", "article": art})
    assert made.headers["location"] == "/review?added=1&had=0&skipped=1"  # the committee's vote has nothing to blank
    after = client.get(made.headers["location"]).text
    assert "Added 1 card, 0 already there; 1 fact had nothing worth blanking." in after
    assert client.get("/review/cards/new", params={"article": 999999}).status_code == 404


def test_review_and_stats_say_the_same_and_the_limit_holds(client: TestClient, store: Store) -> None:
    make_topic_cards(client, store)
    for _ in range(20):
        card = card_on(client.get("/review").text)
        assert card is not None
        assert client.post(f"/review/{card}", data={"rating": 4}).status_code == 303  # Easy: days away
    review, stats = client.get("/review").text, client.get("/stats").text
    assert today_line(review) == today_line(stats) == (0, 0)
    assert card_on(review) is None and "All caught up" in review
    api = client.get("/api/stats").json()
    assert api["today"]["new_introduced"] == 20 and api["due_today"] == 0 and api["reviews"] == 20
    assert client.get("/api/cards/next").json()["card"] is None
    limited = client.post("/study-plan", data={"new_per_day": "25", "back": "review"})
    assert limited.status_code == 303
    assert today_line(client.get("/review").text) == today_line(client.get("/stats").text) == (5, 0)


def test_stats_shows_every_gs_paper(client: TestClient, store: Store) -> None:
    make_topic_cards(client, store)
    card = card_on(client.get("/review").text)
    client.post(f"/review/{card}", data={"rating": 3})
    stats = client.get("/stats").text
    for paper in ("GS1", "GS2", "GS3", "GS4"):
        assert f'data-paper="{paper}"' in stats
    assert re.search(r'data-paper="GS4"><th scope="row">GS4</th><td>0</td><td>0</td><td>0%</td>', stats)
    assert "none of your 1 review is one yet" in stats  # why retention has no figure yet
    papers = client.get("/api/stats").json()["by_paper"]
    assert list(papers)[:4] == ["GS1", "GS2", "GS3", "GS4"] and papers["GS2"]["studied"] == 1


def test_study_plan_errors_stay_on_the_form(client: TestClient) -> None:
    exam = (dt.date.today() + dt.timedelta(days=120)).isoformat()
    assert client.post("/study-plan", data={"exam": exam, "new_per_day": "15", "reviews_per_day": "150"}) \
        .status_code == 303
    for page in ("/stats", "/review"):
        html = client.get(page).text
        assert f'name="exam" value="{exam}"' in html and 'name="new_per_day" value="15"' in html
    assert client.get("/api/study-plan").json() == {"exam_date": exam, "new_per_day": 15, "reviews_per_day": 150}
    for back in ("stats", "review"):
        bad = client.post("/study-plan", data={"exam": "2020-02-30", "new_per_day": "5000", "reviews_per_day": "-3",
                                               "back": back})
        assert bad.status_code == 422 and "Not saved: 3 fields to fix." in bad.text
        assert "the exam date &#39;2020-02-30&#39; is not a date in YYYY-MM-DD form" in bad.text
        assert "new cards a day: 5000 is outside 0–999" in bad.text and "reviews a day: -3 is outside" in bad.text
        assert bad.text.count('aria-invalid="true"') == 3 and 'name="new_per_day" value="5000"' in bad.text
    past = client.post("/study-plan", data={"exam": "2001-01-01", "back": "review"})
    assert past.status_code == 422 and "the exam date 2001-01-01 is not in the future" in past.text
    assert client.get("/api/study-plan").json()["exam_date"] == exam  # nothing stored from the bad forms
    put = client.put("/api/study-plan", json={"new_per_day": 1000})
    assert put.status_code == 422 and "new_per_day: new cards a day: 1000 is outside 0–999" in put.text
    assert client.put("/api/study-plan", json={"exam_date": None}).json()["exam_date"] is None
    assert client.get("/api/stats", params={"exam": "someday"}).status_code == 422


def test_rating_buttons_show_intervals_and_undo(client: TestClient, store: Store) -> None:
    make_topic_cards(client, store)
    page = client.get("/review").text
    first = card_on(page)
    intervals = re.findall(r'<span class="rate-interval" data-interval>([^<]+)</span>', page)
    assert intervals[:3] == ["1m", "6m", "10m"] and re.fullmatch(r"\d+d", intervals[3])  # FSRS's steps, then days
    assert "Undo last rating" not in page
    assert client.get("/api/cards/next").json()["intervals"] == dict(zip("1234", intervals, strict=True))
    client.post(f"/review/{first}", data={"rating": 3})
    second = card_on(client.get("/review").text)
    assert second != first and "Undo last rating" in client.get("/review").text
    undone = client.post("/review/undo")
    assert undone.headers["location"] == f"/review?undone={first}"
    back = client.get(undone.headers["location"]).text
    assert card_on(back) == first and "Rating undone" in back and "· new" in back
    assert client.get("/api/stats").json()["reviews"] == 0
    nothing = client.post("/review/undo")
    assert "Nothing to undo" in client.get(nothing.headers["location"]).text
    assert client.post("/api/reviews/undo").status_code == 409
