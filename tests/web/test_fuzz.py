"""Whatever a browser or script sends to a page or form, the answer is a page or a 4xx, never a 500."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ANY_TEXT = st.text(min_size=0, max_size=60)
GETS = ["/", "/search", "/topics/{v}", "/quiz", "/quiz/result", "/review", "/stats", "/articles/{v}",
        "/api/articles", "/api/search", "/api/topics/{v}", "/api/notes", "/api/cards", "/api/stats"]
PARAMS = ["q", "category", "paper", "page", "from", "to", "entity", "count", "kind", "article", "ids", "since",
          "exam", "limit", "offset", "article_id", "bullet_id"]
POSTS = ["/articles/{v}/notes", "/notes/{v}/edit", "/notes/{v}/delete", "/review/{v}", "/review/cards",
         "/stats/exam", "/add", "/notes/{v}/card"]
FIELDS = ["text", "bullet_id", "rating", "shown_at", "exam", "source", "topic", "published"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(GETS), value=ANY_TEXT, params=st.dictionaries(st.sampled_from(PARAMS), ANY_TEXT,
                                                                             max_size=4))
def test_get_never_fails(client: TestClient, article_ids: dict[str, int], route: str, value: str,
                         params: dict[str, str]) -> None:
    path = route.replace("{v}", quote(value, safe="") or "1")
    response = client.get(path, params=params)
    assert response.status_code < 500, (path, params, response.text[:300])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(POSTS), value=st.one_of(ANY_TEXT, st.integers(-5, 10).map(str)),
       form=st.dictionaries(st.sampled_from(FIELDS), ANY_TEXT, max_size=4))
def test_post_never_fails(client: TestClient, article_ids: dict[str, int], route: str, value: str,
                          form: dict[str, str]) -> None:
    path = route.replace("{v}", quote(value, safe="") or "1")
    response = client.post(path, data=form)
    assert response.status_code < 500, (path, form, response.text[:300])
