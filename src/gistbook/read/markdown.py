"""Reader for Markdown notes: front matter gives the metadata, the rest is the body for parse."""

from __future__ import annotations

import re

from gistbook.records import Document

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
# front-matter key -> Document field; other keys are kept in Document.meta
FIELD_FOR_KEY = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published", "published_at": "published",
    "category": "category", "categories": "category", "section": "category",
    "author": "author", "authors": "author", "by": "author",
    "url": "url", "link": "url", "source_url": "url", "canonical_url": "url",
}


def read_markdown(text: str, source: str, uri: str) -> Document:
    """Split off the front matter so its keys become metadata and never bullets."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    fields: dict[str, str] = {}
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        for key, value in _front_matter_pairs(match.group(1)):
            field_name = FIELD_FOR_KEY.get(key.casefold())
            if field_name and value:
                fields.setdefault(field_name, value)
            elif value:
                meta[key] = value
        text = text[match.end():]
    return Document(
        source=source,
        uri=uri,
        kind="markdown",
        body=text.strip("\n"),
        body_format="markdown",
        title=fields.get("title"),
        published=fields.get("published"),
        category=fields.get("category"),
        author=fields.get("author"),
        url=fields.get("url"),
        meta=meta,
    )


def _front_matter_pairs(block: str) -> list[tuple[str, str]]:
    """Flat `key: value` pairs; a YAML list under a key (`- item` lines) is joined with commas."""
    pairs: list[tuple[str, str]] = []
    for line in block.split("\n"):
        item = re.match(r"^\s+-\s+(.*)$|^-\s+(.*)$", line)
        if item and pairs:
            key, value = pairs[-1]
            extra = _unquote(item.group(1) or item.group(2) or "")
            pairs[-1] = (key, f"{value}, {extra}" if value else extra)
            continue
        key_line = KEY_LINE.match(line)
        if key_line:
            pairs.append((key_line.group(1), _unquote(key_line.group(2))))
    return pairs


def _unquote(value: str) -> str:
    """A scalar as YAML writes it: quotes removed, an inline list `[a, b]` flattened to `a, b`."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return ", ".join(_unquote(part) for part in value[1:-1].split(",") if part.strip())
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
