"""Mock tests over HTTP: a signed set, its marks stored as an attempt, Mains self-rating, the history and the API."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.test_practice_pages import served_form

from gistbook.quiz import get_question
from gistbook.store import Store

PRELIMS = ["statements", "how-many", "pairs", "chronology", "cloze"]


def keys_of(store: Store, ids: list[int]) -> dict[int, dict]:
    with store.session() as session:
        return {qid: get_question(session, qid) for qid in ids}


def wrong_letter(question: dict) -> str:
    return next(letter for letter in "ABCD"[:len(question["options"])] if letter != question["answer"])


def test_seven_of_ten_answered_is_marked_as_the_upsc_does(client: TestClient, store: Store, demo_notes: None) -> None:
    page = client.get("/quiz", params={"kind": PRELIMS})
    assert page.status_code == 200 and "+2</span> right" in page.text
    form = served_form(page.text)
    ids = [int(i) for i in form["ids"].split(",")]
    assert len(ids) == 10  # the default size
    questions = keys_of(store, ids)
    answers = {f"a{qid}": questions[qid]["answer"] for qid in ids[:5]}
    answers |= {f"a{qid}": wrong_letter(questions[qid]) for qid in ids[5:7]}
    answers |= {f"a{qid}": "" for qid in ids[7:]}  # the 'Leave blank' choice
    sent = client.post("/quiz/result", data={**form, **answers})
    assert sent.status_code == 303
    result = client.get(sent.headers["location"]).text
    assert "<span data-marks>8.67</span> of 20 marks" in result
    assert re.search(r'class="n">5</span> right <span class="muted">\(\+10\)', result)
    assert re.search(r'class="n">2</span> wrong <span class="muted">\(\u22121.33\)', result)
    assert re.search(r'class="n">3</span> blank', result)
    assert result.count('aria-label="marks">+2<') == 5 and result.count('aria-label="marks">\u22120.67<') == 2
    again = client.post("/quiz/result", data={**form, **answers})  # a second press of Submit
    assert again.headers["location"] == sent.headers["location"]
    history = client.get("/quiz/history").text
    assert history.count('href="/quiz/attempts/') == 1 and "<strong>8.67</strong> / 20" in history
    api = client.get("/api/quiz/attempts").json()["attempts"]
    assert [(a["right"], a["wrong"], a["blank"], a["marks"]) for a in api] == [(5, 2, 3, round(26 / 3, 4))]


def test_mains_is_reported_apart_and_self_rated(client: TestClient, store: Store, demo_notes: None) -> None:
    page = client.get("/quiz", params={"kind": ["mains", "statements"]})
    form = served_form(page.text)
    ids = [int(i) for i in form["ids"].split(",")]
    questions = keys_of(store, ids)
    mains = [qid for qid in ids if questions[qid]["kind"] == "mains"]
    if not mains:
        pytest.skip("the demo notes gave no Mains question")
    outline = "Intro: ties since 1952; body: trade, defence, CEPA; way forward."
    answers = {f"a{qid}": outline if qid in mains else questions[qid]["answer"] for qid in ids}
    location = client.post("/quiz/result", data={**form, **answers}).headers["location"]
    result = client.get(location).text
    scored = len(ids) - len(mains)
    assert f"of {2 * scored} marks" in result and f'class="n">{len(mains)}</span> Mains' in result
    assert "Model outline" in result and "Your outline:</strong> Intro: ties since 1952" in result
    attempt = int(location.rsplit("/", 1)[1])
    rated = client.post(f"{location}/mains/{mains[0]}", data={"rating": "partly"})
    assert rated.status_code == 303 and rated.headers["location"].endswith(f"#q{mains[0]}")
    assert "1 self-rated" in client.get(location).text
    stored = client.get(f"/api/quiz/attempts/{attempt}").json()["answers"]
    assert next(a for a in stored if a["id"] == mains[0])["self_rating"] == "partly"
    assert client.post(f"{location}/mains/{mains[0]}", data={"rating": "great"}).status_code == 422
    not_mains = next((qid for qid in ids if qid not in mains), None)
    if not_mains:
        refused = client.post(f"{location}/mains/{not_mains}", data={"rating": "covered"})
        assert refused.status_code == 404 and "not a Mains question" in refused.text


def test_tampered_sets_and_unknown_questions_are_refused(client: TestClient, store: Store, demo_notes: None) -> None:
    form = served_form(client.get("/quiz", params={"kind": PRELIMS}).text)
    ids = form["ids"].split(",")
    for changed in ({"ids": ",".join(ids[:-1])}, {"ids": ",".join([ids[0], *ids])}, {"started": "1"},
                    {"limit": "60"}, {"token": "0" * 64}, {"ids": ",".join(reversed(ids))}):
        refused = client.post("/quiz/result", data={**form, **changed})
        assert refused.status_code == 400, changed
        assert "ids: this set of questions was changed after it was served" in refused.text
    bad_letter = client.post("/quiz/result", data={**form, f"a{ids[0]}": "Z"})
    assert bad_letter.status_code == 422 and f"a{ids[0]}: &#39;Z&#39; names none" in bad_letter.text
    assert client.get("/api/quiz/attempts").json()["attempts"] == []  # nothing stored by refused submissions
    unknown = client.post("/api/quiz/answers", json={"answers": {"999999": "A"}})
    assert unknown.status_code == 404 and unknown.json()["detail"].startswith("There is no question #999999")
    assert client.get("/quiz/attempts/999999").status_code == 404
    assert client.get("/api/quiz", params={"count": 101}).status_code == 422


def test_api_marks_and_saves_like_the_page(client: TestClient, store: Store, demo_notes: None) -> None:
    questions = client.get("/api/quiz", params={"kind": PRELIMS, "count": 10}).json()["questions"]
    assert len(questions) == 10
    answers = {str(q["id"]): q["answer"] for q in questions[:5]}
    answers |= {str(q["id"]): wrong_letter(q) for q in questions[5:7]}
    answers |= {str(q["id"]): "" for q in questions[7:]}
    marked = client.post("/api/quiz/answers", json={"answers": answers, "save": True, "elapsed_s": 300}).json()
    assert (marked["right"], marked["wrong"], marked["blank"], marked["mains"]) == (5, 2, 3, 0)
    assert marked["marks"] == round(26 / 3, 4) and marked["max_marks"] == 20
    assert [r["marks"] for r in marked["results"]] == [2.0] * 5 + [round(-2 / 3, 4)] * 2 + [0.0] * 3
    assert all(r["sources"] and r["sources"][0]["title"] for r in marked["results"])
    page = client.get(f"/quiz/attempts/{marked['attempt_id']}").text
    assert "<span data-marks>8.67</span> of 20 marks" in page and "Took 5 min." in page
