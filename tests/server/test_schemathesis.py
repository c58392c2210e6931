"""Schemathesis against /openapi.json: every /api operation, fed valid and invalid input, in local mode (SQLite,
no login) and in server mode (PostgreSQL, a signed-in learner with an API token). No answer may be a 5xx, and
every 4xx must carry a one-line `detail` that says what was wrong."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from tests.conftest import _postgres_url
from tests.server.server_helpers import SECRET, add_account, api_token
from tests.web.web_fixtures import economy_article, japan_article, save_linked

from gistbook.config import load_settings
from gistbook.store import Store
from gistbook.web import create_app

# Enough examples per operation, each mode, to reach the edges (huge ids, odd text, wrong types); derandomized, so
# every run tries the same cases. 25 keeps the two runs near a minute on a loaded two-core machine.
EXAMPLES = 25
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])


def _seed(store: Store) -> dict[str, Any]:
    """Two articles with facts, so generated ids sometimes hit real rows (1, 2) and not only missing ones."""
    return {"articles": [save_linked(store, japan_article()), save_linked(store, economy_article())]}


def _app_schema(db: str, mode: str) -> tuple[Any, Store, dict[str, str]]:
    store = Store(db)
    _seed(store)
    headers: dict[str, str] = {}
    if mode == "server":
        asha = add_account(store, "asha", "learner")
        add_account(store, "bilal", "learner")  # another learner's rows exist, and must stay out of reach
        headers = {"Authorization": f"Bearer {api_token(store, asha)}"}
    # schemathesis calls the app as host "testserver"; local mode answers only to names it is told
    app = create_app(load_settings(db=db, secret=SECRET, max_upload_mb=1, allowed_hosts="testserver"), store,
                     mode=mode)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    schema.config.generation.update(max_examples=EXAMPLES)
    return schema, store, headers


@pytest.fixture(scope="module")
def local_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db = f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'local.db'}"
    schema, store, _ = _app_schema(db, "local")
    yield schema
    store.close()


@pytest.fixture(scope="module")
def server_api() -> Iterator[tuple[Any, dict[str, str]]]:
    for db in _postgres_url():
        schema, store, headers = _app_schema(db, "server")
        yield schema, headers
        store.close()


def check_answer(case: Any, response: Any) -> None:
    """No 5xx; a refusal explains itself in one line."""
    where = f"{case.method} {case.formatted_path} {case.path_parameters} {case.query} {str(case.body)[:200]}"
    assert response.status_code < 500, f"{where} -> {response.status_code}: {response.text[:300]}"
    if 400 <= response.status_code < 500 and "json" in response.headers.get("content-type", ""):
        detail = response.json().get("detail")
        assert isinstance(detail, str) and detail and "\n" not in detail, f"{where} -> unclear error {detail!r}"


def fuzz(schema: Any, headers: dict[str, str]) -> list[str]:
    """Every operation, valid and then invalid input; the first failing case of each (shrunk) is reported.
    Schemathesis's own pytest wrapper (from_fixture) breaks on pytest 9, so this drives its strategies directly."""
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    # revoking a token may revoke the fuzzer's own: that runs last, so every other operation is fuzzed signed in
    operations.sort(key=lambda op: op.method.upper() == "DELETE" and "/tokens/" in op.path)
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @FUZZ
            def run(case: Any) -> None:
                check_answer(case, case.call(headers=headers))

            try:
                run()
            except Unsatisfiable:
                continue  # nothing to make invalid (an operation without parameters or body)
            except AssertionError as exc:
                failures.append(str(exc).splitlines()[0])
            except Exception as exc:  # noqa: BLE001 - the in-process app raised: a 500 over the wire
                failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}) raised "
                                f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    return failures


@pytest.mark.slow
def test_local_api_never_answers_5xx(local_api: Any) -> None:
    failures = fuzz(local_api, {})
    assert not failures, "\n".join(failures)


@pytest.mark.postgres
@pytest.mark.slow
def test_server_api_never_answers_5xx_to_a_learner(server_api: tuple[Any, dict[str, str]]) -> None:
    failures = fuzz(*server_api)
    assert not failures, "\n".join(failures)
