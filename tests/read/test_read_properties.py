"""Whatever bytes arrive, the read stage answers with Documents or a ReadError, never another exception."""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistbook.read import ReadError, read_bytes, read_items
from gistbook.records import ROLES, Document, Failure  # noqa: F401 - ROLES documents the records module in use

LIMIT = 1 << 16
PREFIXES = [b"", b"%PDF-1.4\n", b"{", b"[", b'[{"title": ', b"<rss><channel><item>", b"<html><body>",
            b'<feed xmlns="http://www.w3.org/2005/Atom">', b"---\ntitle: x\n---\n", b"# ", "\u2022 ".encode(),
            codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b'{"text": "a"}\n']
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOURCES = st.sampled_from(["x.txt", "x.json", "x.jsonl", "x.html", "x.md", "x.pdf", "x.xml", "-"])


def _check(data: bytes, source: str) -> None:
    try:
        docs = read_bytes(data, source, max_bytes=LIMIT)
    except ReadError as error:
        assert str(error) and "\n" not in str(error)
        return
    for doc in docs:
        assert isinstance(doc, Document) and doc.body.strip()
        assert doc.body_format in ("note", "markdown", "html", "text")
        assert doc.source.startswith(source)


@FUZZ
@given(prefix=st.sampled_from(PREFIXES), tail=st.binary(max_size=2000), source=SOURCES)
def test_arbitrary_bytes_give_documents_or_read_error(prefix: bytes, tail: bytes, source: str) -> None:
    _check(prefix + tail, source)


@FUZZ
@given(prefix=st.sampled_from(PREFIXES), text=st.text(max_size=500), source=SOURCES)
def test_arbitrary_text_gives_documents_or_read_error(prefix: bytes, text: str, source: str) -> None:
    _check(prefix + text.encode("utf-8", "surrogatepass"), source)


@FUZZ
@given(lines=st.lists(st.one_of(st.text(max_size=80), st.just('{"title": "t", "text": "b"}')), max_size=8))
def test_jsonl_items_are_each_a_document_or_a_failure(lines: list[str]) -> None:
    try:
        items = read_items("\n".join(lines).encode("utf-8", "surrogatepass"), "x.jsonl", max_bytes=LIMIT)
    except ReadError:
        return
    assert all(isinstance(item, Document | Failure) for item in items)
