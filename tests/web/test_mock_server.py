"""Server mode: each learner's mocks are their own; another learner's attempt answers like one that does not exist,
and the page's signed set holds across app processes (every process signs with GISTBOOK_SECRET)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.server.conftest import Server, server  # noqa: F401 - the fixture, shared with tests/server
from tests.server.server_helpers import csrf_of

from gistbook.config import load_settings
from gistbook.quiz import generators_for
from gistbook.quiz.service import fingerprint, save_questions
from gistbook.store import models as m
from gistbook.web import create_app


def store_a_question(server: Server) -> int:  # noqa: F811 - the fixture's name
    """One verified-style question over a stored bullet, as the generators store theirs."""
    with server.store.sessions.begin() as session:
        bullet = session.scalars(select(m.Bullet).where(m.Bullet.article_id == server.articles["japan"])
                                 .order_by(m.Bullet.id)).first()
        assert bullet is not None
        question = {"kind": "cloze", "stem": "India and Japan held their second ______ in Tokyo.",
                    "options": ["Finance Dialogue", "Defence Dialogue", "Trade Summit", "Space Forum"], "answer": "A",
                    "explanation": f"Stated in the release, bullet #{bullet.id}.",
                    "generator": generators_for(["cloze"])[0].name, "sources": [{"bullet_id": bullet.id}]}
        question["fingerprint"] = fingerprint(question)
        save_questions(session, [question])
        return int(question["id"])


def test_each_learner_sees_only_their_own_mocks(server: Server) -> None:  # noqa: F811
    asha, bilal = server.client("asha"), server.client("bilal")
    qid = store_a_question(server)
    marked = asha.post("/api/quiz/answers", json={"answers": {str(qid): "A"}, "save": True},
                       headers={"x-csrf-token": csrf_of(asha)}).json()
    assert (marked["right"], marked["marks"], marked["max_marks"]) == (1, 2, 2)
    attempt = marked["attempt_id"]
    assert "point <a class=\"cite\"" in asha.get(f"/quiz/attempts/{attempt}").text
    assert f"/quiz/attempts/{attempt}" in asha.get("/quiz/history").text
    assert [a["id"] for a in asha.get("/api/quiz/attempts").json()["attempts"]] == [attempt]

    assert bilal.get("/api/quiz/attempts").json() == {"attempts": []}
    assert f"/quiz/attempts/{attempt}" not in bilal.get("/quiz/history").text
    for attempt_id in (attempt, 10_000_000):  # hers answers exactly like one that does not exist
        assert bilal.get(f"/quiz/attempts/{attempt_id}").status_code == 404
        assert bilal.get(f"/api/quiz/attempts/{attempt_id}").status_code == 404
    assert server.client().get("/quiz/history").status_code == 303  # anonymous: to the sign-in page


def test_a_set_served_by_one_process_is_accepted_by_another(server: Server) -> None:  # noqa: F811
    qid = store_a_question(server)
    asha = server.client("asha")
    page = asha.get("/quiz", params={"kind": "cloze"}).text
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page[page.index('id="mock"'):]))
    assert str(qid) in form["ids"].split(",")
    other = create_app(load_settings(db=server.store.url, secret=server.app.state.settings.secret),  # type: ignore[attr-defined]
                       server.store, mode="server")
    with TestClient(other, follow_redirects=False, cookies=dict(asha.cookies)) as twin:  # same browser, other process
        sent = twin.post("/quiz/result", data={**form, f"a{qid}": "A"})
        assert sent.status_code == 303 and sent.headers["location"].startswith("/quiz/attempts/")
        assert "<span data-marks>2</span>" in twin.get(sent.headers["location"]).text
