"""Followed sources are shared in server mode: everyone sees them, only editors change them."""

from __future__ import annotations

from tests.server.conftest import Server
from tests.server.server_helpers import csrf_of


def test_only_editors_change_sources_in_server_mode(server: Server) -> None:
    learner = server.client("asha")
    assert learner.get("/sources").status_code == 200  # everyone sees what is followed
    refused = learner.post("/sources", data={"url": "https://example.org/feed.xml", "csrf_token": csrf_of(learner)})
    assert refused.status_code == 403
    editor = server.client("trainer")
    made = editor.post("/sources", data={"url": "https://example.org/feed.xml", "csrf_token": csrf_of(editor)})
    assert made.status_code == 303 and "example.org" in editor.get("/sources").text
