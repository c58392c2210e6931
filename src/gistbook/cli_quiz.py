"""CLI commands for quiz, review, stats and anki export."""

from __future__ import annotations

from typing import Any

import typer


def register(app: typer.Typer, state: Any) -> None:
    """Add this area's commands to the main app; `state.store()` opens the database."""
