"""Pasted prose and plain text files: the body as given, left for the parser to structure."""

from __future__ import annotations

from gistbook.read.errors import ReadError
from gistbook.records import Document


def read_text(text: str, source: str) -> Document:
    """Plain text as one Document; trailing spaces and blank edges carry no meaning, so they go."""
    body = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    if not body:
        raise ReadError("empty file")
    return Document(source=source, uri=source, kind="text", body=body, body_format="text")
