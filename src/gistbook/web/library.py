"""The uses-floor functions the pages call, found at request time so each page lights up once its area lands."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def optional(module: str, name: str) -> Callable[..., Any] | None:
    """The library function `module.name`, or None while that area is not built yet."""
    try:
        found = importlib.import_module(module)
    except ImportError:
        return None
    func = getattr(found, name, None)
    return func if callable(func) else None
