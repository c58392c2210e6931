"""Intake fixtures: a real HTTP server on 127.0.0.1 serving fixture feeds, pages and faults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.intake.intake_server import IntakeServer, serving


@pytest.fixture
def server() -> Iterator[IntakeServer]:
    with serving(slow_s=1.2, big_bytes=1024 * 1024, bomb_bytes=32 * 1024 * 1024) as srv:
        yield srv


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A scratch PostgreSQL database (skipped where none is reachable, required in CI)."""
    from tests.conftest import _postgres_url

    yield from _postgres_url()
