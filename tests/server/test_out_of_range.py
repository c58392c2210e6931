"""Ids past what the database column holds (PostgreSQL INTEGER, SQLite's 64 bits) are refused as bad input on
the pages and the API, never a 500 from the driver."""

from __future__ import annotations

from tests.server.conftest import Server
from tests.server.server_helpers import csrf_of

HUGE = "99999999999999999999"  # past 2**64: SQLite cannot even bind it
BIG = str(2**31)  # past PostgreSQL's INTEGER


def test_huge_ids_are_refused_in_one_line_on_pages_and_api(server: Server) -> None:
    asha = server.client("asha")
    form = {"csrf_token": csrf_of(asha)}
    for number in (HUGE, BIG):
        for reply in (asha.get(f"/articles/{number}"), asha.post(f"/review/{number}", data={**form, "rating": "1"}),
                      asha.post(f"/notes/{number}/edit", data={**form, "text": "x"})):
            assert reply.status_code in (400, 404), (reply.request.url, reply.status_code)
        for path in (f"/api/articles/{number}", f"/api/notes/{number}", f"/api/articles?offset={HUGE}"):
            reply = asha.get(path)
            assert reply.status_code == 422, path
            assert "less than or equal to" in reply.json()["detail"]
        reply = asha.post("/api/reviews", json={"card_id": int(number), "rating": 1}, headers={"x-csrf-token":
                                                                                              form["csrf_token"]})
        assert reply.status_code == 422 and reply.json()["detail"].startswith("card_id:")
