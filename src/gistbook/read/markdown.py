"""Reader for Markdown notes: front matter gives the metadata, the rest is the body for parse."""

from __future__ import annotations

import yaml

from gistbook.records import Document
from gistbook.text import split_front_matter

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
    front_matter, text = split_front_matter(text)
    if front_matter is not None:
        for key, value in _front_matter_pairs(front_matter):
            field_name = FIELD_FOR_KEY.get(key.casefold())
            if field_name and value:
                fields.setdefault(field_name, value)
            elif value:
                meta[key] = value
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
    """Top-level `key: value` pairs, a list joined with commas; nested mappings carry no field.

    BaseLoader is as safe as safe_load (it builds only strings, lists and dicts) and keeps every value as
    written: a date stays "2024-09-10", "yes" stays "yes". Hand-written front matter that is not YAML
    ("title: India: Japan") is read a line at a time, each line's value taken whole.
    """
    try:
        data = yaml.load(block, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader constructs no objects
    except yaml.YAMLError:
        data = dict(line.split(":", 1) for line in block.split("\n") if ":" in line and not line[:1].isspace())
        data = {key.strip(): value.strip().strip("'\"") for key, value in data.items()}
    if not isinstance(data, dict):
        return []
    pairs = []
    for key, value in data.items():
        if isinstance(value, list):
            value = ", ".join(str(item).strip() for item in value if isinstance(item, str) and item.strip())
        if isinstance(value, str):
            pairs.append((str(key), value.strip()))
    return pairs
