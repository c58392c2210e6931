"""The one error the read stage raises, so callers can tell bad input from bugs."""

from __future__ import annotations


class ReadError(ValueError):
    """An input no reader can turn into a Document; the message is one line and names no file."""


def format_size(n_bytes: float) -> str:
    """Human size for messages: MB for real files, smaller units for tiny test limits."""
    if n_bytes >= 100 * 1024:
        mb = n_bytes / (1024 * 1024)
        return f"{mb:.1f}".removesuffix(".0") + " MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{int(n_bytes)} bytes"


def too_big(size: int, limit: int, what: str = "file") -> ReadError:
    """The oversize error, built in one place so stat-based and byte-based checks agree."""
    return ReadError(f"{what} is {format_size(size)}, over the {format_size(limit)} limit")
