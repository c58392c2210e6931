"""Notes through the pages (plain forms, POST then redirect then GET) and through /api/notes."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.web_fixtures import japan_article

from gistbook.store import Store


def bullet_ids(client: TestClient, article_id: int) -> list[int]:
    return [int(b) for b in re.findall(r'<li id="b(\d+)"', client.get(f"/articles/{article_id}").text)]


def test_note_on_a_bullet_by_form(client: TestClient, article_ids: dict[str, int]) -> None:
    art = article_ids["japan"]
    target = bullet_ids(client, art)[3]
    posted = client.post(f"/articles/{art}/notes", data={"text": "Dharma Guardian: army-to-army", "bullet_id": target})
    assert posted.status_code == 303
    note_id = int(posted.headers["location"].rsplit("#n", 1)[1])
    assert posted.headers["location"] == f"/articles/{art}#n{note_id}"
    page = client.get(f"/articles/{art}").text
    bullet_html = page[page.index(f'<li id="b{target}"'):]
    bullet_html = bullet_html[:bullet_html.index("</li>")]
    assert "Dharma Guardian: army-to-army" in bullet_html and f'id="n{note_id}"' in bullet_html

    edited = client.post(f"/notes/{note_id}/edit", data={"text": "army exercise, counter-terror focus"})
    assert edited.status_code == 303
    page = client.get(f"/articles/{art}").text
    assert "counter-terror focus" in page and "army-to-army" not in page and "· edited" in page
    index = page[page.index('class="note-index"'):]
    assert "Both armies train together" in index[:index.index("</ul>")]  # the index quotes the bullet

    deleted = client.post(f"/notes/{note_id}/delete")
    assert deleted.status_code == 303 and deleted.headers["location"].endswith(f"#b{target}")
    assert f'id="n{note_id}"' not in client.get(f"/articles/{art}").text


def test_note_on_the_article_shows_in_notes(client: TestClient, article_ids: dict[str, int]) -> None:
    art = article_ids["japan"]
    client.post(f"/articles/{art}/notes", data={"text": "line one\nline two"})
    page = client.get(f"/articles/{art}").text
    notes = page[page.index('id="notes"'):page.index('id="related"')]
    assert "line one\nline two" in notes and "Notes (1)" in page


def test_bad_note_input_is_a_4xx_with_a_message(client: TestClient, article_ids: dict[str, int]) -> None:
    art = article_ids["japan"]
    other = article_ids["economy"]
    foreign_bullet = bullet_ids(client, other)[0]
    cases = [
        (f"/articles/{art}/notes", {"text": "   "}, 400, "a note needs some text"),
        (f"/articles/{art}/notes", {"text": "ok", "bullet_id": "seven"}, 400, "bullet_id must be a whole number"),
        (f"/articles/{art}/notes", {"text": "ok", "bullet_id": foreign_bullet}, 400, "is not part of article"),
        ("/articles/99999/notes", {"text": "ok"}, 400, "no article with id 99999"),
        ("/notes/99999/edit", {"text": "ok"}, 404, "You have no note #99999."),
        ("/notes/99999/delete", {}, 404, "You have no note #99999."),
        ("/notes/abc/delete", {}, 422, "note_id"),
    ]
    for path, data, status, message in cases:
        response = client.post(path, data=data)
        assert response.status_code == status, (path, data, response.text[:300])
        assert message in response.text, (path, message)
        assert "<html" in response.text


def test_notes_api_round_trip(client: TestClient, article_ids: dict[str, int]) -> None:
    art = article_ids["japan"]
    bullet = bullet_ids(client, art)[0]
    created = client.post("/api/notes", json={"article_id": art, "bullet_id": bullet, "text": "dialogue #2"})
    assert created.status_code == 201
    note = created.json()
    assert note["bullet_id"] == bullet and note["text"] == "dialogue #2"
    assert client.get("/api/notes", params={"article_id": art}).json()["notes"] == [note]
    patched = client.patch(f"/api/notes/{note['id']}", json={"text": "second dialogue"})
    assert patched.json()["text"] == "second dialogue"
    assert client.delete(f"/api/notes/{note['id']}").status_code == 204
    assert client.get(f"/api/notes/{note['id']}").status_code == 404
    bad = client.post("/api/notes", json={"article_id": art, "text": ""})
    assert bad.status_code == 422 and "text" in bad.json()["detail"]


def test_notes_survive_reingest_of_their_article(client: TestClient, store: Store,
                                                 article_ids: dict[str, int]) -> None:
    art = article_ids["japan"]
    bullets = bullet_ids(client, art)
    client.post(f"/articles/{art}/notes", data={"text": "keep me", "bullet_id": bullets[2]})
    again, status = store.save(*japan_article(extra_news=["A third point was added later."]))
    assert (again, status) == (art, "updated")
    page = client.get(f"/articles/{art}").text
    kept = page[page.index(f'<li id="b{bullets[2]}"'):]
    assert "keep me" in kept[:kept.index("</li>")]
