"""Web stage: the FastAPI app (pages and /api) over the library functions."""

from __future__ import annotations

from gistbook.web.app import create_app

__all__ = ["create_app"]
