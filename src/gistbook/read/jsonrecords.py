"""JSON and JSONL exports of scrapers: one Document per record, and a Failure per bad record."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from gistbook.read.errors import ReadError
from gistbook.read.sanitize import looks_like_html, sanitize_html
from gistbook.records import Document, Failure

# field names seen in scraper exports, compared after lower-casing and dropping '_' and '-'
TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("html", "body", "text", "content", "fulltext", "articlebody", "bodyhtml", "contenthtml",
             "description", "summary")
PUBLISHED_KEYS = ("published", "date", "pubdate", "publishedat", "datepublished", "publishdate", "publicationdate")
CATEGORY_KEYS = ("category", "section", "categories")
AUTHOR_KEYS = ("author", "byline", "authors", "creator")
URL_KEYS = ("url", "link", "canonicalurl", "permalink")
_COLLECTION_KEYS = ("items", "articles", "entries", "records", "data", "results", "posts", "documents")
_NESTED_TEXT_KEYS = ("rendered", "html", "text", "value", "name", "href", "url")
_USED_KEYS = frozenset(TITLE_KEYS + BODY_KEYS + PUBLISHED_KEYS + CATEGORY_KEYS + AUTHOR_KEYS + URL_KEYS)
_KEY_NOISE = re.compile(r"[_\-\s]")
_MAX_META_VALUE = 1000


def _norm_key(key: str) -> str:
    return _KEY_NOISE.sub("", key).lower()


def _as_text(value: Any) -> str | None:
    """Scalar, list or WordPress-style {'rendered': ...} value as one string."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        parts = [text for text in (_as_text(item) for item in value) if text]
        return "\n\n".join(parts) if parts else None
    if isinstance(value, dict):
        for key in _NESTED_TEXT_KEYS:
            if key in value:
                return _as_text(value[key])
    return None


def _first(fields: dict[str, Any], keys: Iterable[str], *, joiner: str = ", ") -> str | None:
    for key in keys:
        if key in fields:
            value = fields[key]
            text = joiner.join(t for t in (_as_text(v) for v in value) if t) if isinstance(value, list) \
                else _as_text(value)
            if text:
                return text
    return None


def record_to_document(record: Any, source: str) -> Document:
    """One JSON object to a Document; ReadError names what is missing."""
    if not isinstance(record, dict):
        raise ReadError(f"record is a JSON {_json_type(record)}, not an object")
    fields = {_norm_key(str(key)): value for key, value in record.items()}
    body = _first(fields, BODY_KEYS, joiner="\n\n")
    if body is None:
        raise ReadError("record has no body (expected a field named html, body, text, content or fullText)")
    if looks_like_html(body):
        body, body_format = sanitize_html(body), "html"
        if not body:
            raise ReadError("record body has no text once scripts and markup are removed")
    else:
        body_format = "text"
    url = _first(fields, URL_KEYS)
    meta = {str(key): text for key, value in record.items()
            if _norm_key(str(key)) not in _USED_KEYS and (text := _as_text(value)) and len(text) <= _MAX_META_VALUE}
    return Document(
        source=source, uri=url or source, kind="json", body=body, body_format=body_format,  # type: ignore[arg-type]
        title=_first(fields, TITLE_KEYS), published=_first(fields, PUBLISHED_KEYS),
        category=_first(fields, CATEGORY_KEYS), author=_first(fields, AUTHOR_KEYS), url=url, meta=meta,
    )


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _item(record: Any, source: str) -> Document | Failure:
    try:
        return record_to_document(record, source)
    except ReadError as error:
        return Failure(source=source, error=str(error))


def _loads(text: str) -> Any:
    """json.loads with every way it can fail turned into one ReadError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ReadError("invalid JSON: nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, and the int-digits limit
        raise ReadError(f"invalid JSON: {error}") from None


def read_json_lines(text: str, source: str) -> list[Document | Failure]:
    """JSONL: each line is an item named source#line, and a bad line spoils only itself."""
    items: list[Document | Failure] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item_source = f"{source}#{number}"
        try:
            items.append(record_to_document(_loads(line), item_source))
        except ReadError as error:
            items.append(Failure(source=item_source, error=str(error)))
    return items


def _looks_like_lines(text: str) -> bool:
    """Several lines that each hold one object: JSONL even when its first line is broken."""
    lines = [line.strip() for line in text.split("\n", 50)[:50] if line.strip()]
    objects = sum(1 for line in lines if line.startswith("{") and line.endswith("}"))
    return objects >= 2 and objects * 2 >= len(lines)


def _collection(value: dict[str, Any]) -> list[Any] | None:
    """A wrapper such as {'items': [...]} around the records, when the object is not a record itself."""
    if any(_norm_key(str(key)) in BODY_KEYS for key in value):
        return None
    for key, inner in value.items():
        if _norm_key(str(key)) in _COLLECTION_KEYS and isinstance(inner, list):
            return inner
    return None


def read_json(text: str, source: str, *, as_lines: bool = False) -> list[Document | Failure]:
    """One object, a list of objects (or a wrapper around one), or JSONL; ReadError when none of these."""
    if as_lines:
        return read_json_lines(text, source)
    try:
        value = _loads(text)
    except ReadError:
        if _looks_like_lines(text):
            return read_json_lines(text, source)
        raise
    records = value if isinstance(value, list) else _collection(value) if isinstance(value, dict) else None
    if records is None:
        if isinstance(value, dict):
            return [record_to_document(value, source)]
        raise ReadError(f"JSON holds a {_json_type(value)}, not an object or a list of objects")
    if not records:
        raise ReadError("JSON list is empty")
    return [_item(record, f"{source}#{number}") for number, record in enumerate(records, start=1)]
