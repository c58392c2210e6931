"""The parse stage's one error type, so callers can tell bad input from bugs."""

from __future__ import annotations


class ParseError(ValueError):
    """A document the parse stage cannot structure; the message is one line naming the reason."""
