"""bench/load.py, run short: two real server processes, one killed mid-run, and the database count afterwards
must find every acknowledged review and note exactly once (exit status 0)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from tests.conftest import PG_ADMIN_URL

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


@pytest.mark.postgres
@pytest.mark.slow
def test_short_load_run_with_a_killed_process_loses_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine, text

    try:
        with create_engine(PG_ADMIN_URL).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    spec = importlib.util.spec_from_file_location("gistbook_bench_load", BENCH)
    assert spec and spec.loader
    load = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = load
    spec.loader.exec_module(load)
    status = load.main(["--seconds", "8", "--learners", "4", "--releases", "10", "--pg", PG_ADMIN_URL])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "OK: nothing acknowledged was lost or duplicated" in out
    assert "after the kill" in out  # the survivor went on answering
