"""Quiz (answer, score, explanations citing bullets), review (FSRS flow) and stats (SVG charts) pages."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from gistbook.quiz import get_question
from gistbook.store import Store


def test_quiz_answer_and_score(client: TestClient, store: Store, demo_notes: None) -> None:
    page = client.get("/quiz", params={"size": 10, "kind": ["statements", "cloze", "how-many", "pairs", "chronology"]})
    assert page.status_code == 200
    form = served_form(page.text)
    ids = [int(i) for i in form["ids"].split(",")]
    n = len(ids)
    assert n >= 4
    with store.session() as session:
        keys = {qid: get_question(session, qid)["answer"] for qid in ids}
    answers = {f"a{qid}": key for qid, key in keys.items()}
    answers[f"a{ids[0]}"] = "A" if keys[ids[0]] != "A" else "B"  # one wrong on purpose
    sent = client.post("/quiz/result", data={**form, **answers})
    assert sent.status_code == 303 and re.fullmatch(r"/quiz/attempts/\d+", sent.headers["location"])
    result = client.get(sent.headers["location"]).text
    marks = 2 * (n - 1) - 2 / 3
    assert f"{marks:.2f}".rstrip("0").rstrip(".") in result and f"of {2 * n} marks" in result
    assert result.count('class="badge good"') == n - 1 and result.count('class="badge bad"') == 1
    assert re.search(r'href="/articles/\d+#b\d+"', result)  # explanations link to their source bullets
    assert "bullet #" not in result and not re.search(r"point \d{3,}", result)  # no internal ids
    assert "Explanation" in result


def served_form(html: str) -> dict[str, str]:
    """The hidden fields of a mock page's form: the set, its signature and the CSRF token."""
    form = html[html.index('id="mock"'):]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form[:form.index("<ol")]))


def test_quiz_for_one_article_and_bad_input(client: TestClient, article_ids: dict[str, int]) -> None:
    page = client.get("/quiz", params={"article": article_ids["japan"]})
    assert page.status_code == 200 and "Mock test on" in page.text
    bad_size = client.get("/quiz", params={"size": 7})
    assert bad_size.status_code == 422 and "size: 7 is not offered; choose 10, 25, 50 or 100" in bad_size.text
    assert 'aria-invalid="true"' in bad_size.text and 'id="mock"' not in bad_size.text
    assert "timer: 5 is not offered" in client.get("/quiz", params={"timer": 5}).text
    assert client.get("/quiz", params={"kind": "essay"}).status_code == 400
    assert client.get("/quiz", params={"article": 999999}).status_code == 404
    sent = client.post("/quiz/result", data={"ids": "1,x", "token": "t", "started": 1, "size": 10})
    assert sent.status_code == 400 and "ids: must list" in sent.text


def test_quiz_api(client: TestClient, demo_notes: None) -> None:
    questions = client.get("/api/quiz", params={"count": 2, "kind": "cloze"}).json()["questions"]
    assert questions and all(q["kind"] == "cloze" for q in questions)
    scored = client.post("/api/quiz/answers", json={"answers": {str(q["id"]): q["answer"] for q in questions}})
    assert scored.json()["right"] == len(questions)
    assert scored.json()["marks"] == 2 * len(questions) == scored.json()["max_marks"]


def make_fact_cards(client: TestClient) -> None:
    assert client.post("/review/cards", data={"source": "facts"}).status_code == 303


def test_review_flow(client: TestClient, article_ids: dict[str, int]) -> None:
    empty = client.get("/review").text
    assert "All caught up" in empty and "Make fact cards" in empty
    make_fact_cards(client)
    seen = []
    for rating in (3, 1, 4):
        page = client.get("/review").text
        card_id = int(re.search(r'data-card="(\d+)"', page).group(1))
        assert "Show answer" in page and 'data-rating="4"' in page
        seen.append(card_id)
        done = client.post(f"/review/{card_id}", data={"rating": rating})
        assert done.status_code == 303 and done.headers["location"] == "/review"
    assert len(set(seen)) == 3
    assert client.post(f"/review/{seen[0]}", data={"rating": 7}).status_code == 422
    assert client.post("/review/999999", data={"rating": 3}).status_code == 400
    stats = client.get("/api/stats").json()
    assert stats["reviews"] == 3


def test_note_becomes_a_card(client: TestClient, article_ids: dict[str, int]) -> None:
    art = article_ids["japan"]
    posted = client.post(f"/articles/{art}/notes", data={"text": "CEPA in force :: 1 August 2011"})
    note_url = posted.headers["location"]
    note_id = int(note_url.rsplit("#n", 1)[1])
    assert client.post(f"/notes/{note_id}/card").status_code == 303
    assert 'title="This note is one of your review cards">in review</span>' in client.get(f"/articles/{art}").text
    cards = client.get("/api/cards").json()["cards"]
    assert any(c["origin"] == "note" and c["front"] == "CEPA in force" for c in cards)


def test_stats_page_draws_its_charts(client: TestClient, article_ids: dict[str, int]) -> None:
    make_fact_cards(client)
    html = client.get("/stats").text
    assert html.count('<svg class="chart"') >= 4  # retention, coverage, forecast, syllabus coverage
    assert "Set your exam date" in html
    exam = (dt.date.today() + dt.timedelta(days=90)).isoformat()
    saved = client.post("/stats/exam", data={"exam": exam})
    assert saved.status_code == 303 and "gistbook_exam" not in saved.headers.get("set-cookie", "")
    planned = client.get("/stats").text  # stored for the learner in the database: no cookie carries it
    assert "days to the exam" in planned and "predicted recall on the day" in planned
    past = client.post("/stats/exam", data={"exam": "2001-01-01"})
    assert past.status_code == 422 and "the exam date 2001-01-01 is not in the future" in past.text
    assert 'aria-invalid="true"' in past.text and "days to the exam" in past.text  # the stored plan is kept
    soon = client.post("/stats/exam", data={"exam": "soon"})
    assert soon.status_code == 422 and "&#39;soon&#39; is not a date in YYYY-MM-DD form" in soon.text
