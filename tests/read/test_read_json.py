"""JSON and JSONL exports: the real corpus, varied field names, and records that do not parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import CORPUS
from tests.read.read_fixtures import DATA, documents, read_all

from gistbook.read import ReadError, read_bytes, read_items
from gistbook.records import Document, Failure

LIMIT = 1 << 20


def test_corpus_reads_as_1305_documents_with_metadata() -> None:
    docs = documents(CORPUS, max_bytes=100 << 20)
    assert len(docs) == 1305
    assert all(doc.title and doc.published and doc.category and doc.url for doc in docs)
    assert all(doc.uri == doc.url and doc.url.startswith("https://pib.gov.in/") for doc in docs)
    assert all(doc.kind == "json" and doc.body_format == "html" and doc.body.strip() for doc in docs)
    assert docs[0].source == f"{CORPUS}#1" and docs[-1].source == f"{CORPUS}#1305"
    assert len({doc.uri for doc in docs}) == len(docs)
    assert docs[0].published == "2026-02-25"


def test_json_list_with_varied_field_names() -> None:
    first, second, third = documents(DATA / "records.json")
    assert (first.title, first.published, first.category, first.author) == (
        "Port authority commissions a green hydrogen bunkering pilot", "2026-03-12", "Infrastructure", "Kavya Menon")
    assert first.url == first.uri == "https://wire.example.in/ports/green-bunkering"
    assert first.body_format == "text" and first.meta == {"id": "9001"}
    assert second.body_format == "html" and "<h2>Numbers</h2>" in second.body and "<script" not in second.body
    assert second.category == "Environment, Wildlife" and second.author == "N. Iyer"
    assert third.body_format == "html" and "monetary policy committee" in third.body
    assert third.uri == third.source == f"{DATA / 'records.json'}#3"


def test_bad_jsonl_line_fails_alone() -> None:
    items = read_all(DATA / "mixed.jsonl")
    assert [type(item) for item in items] == [Document, Failure, Document]
    bad = items[1]
    assert isinstance(bad, Failure)
    assert bad.source == f"{DATA / 'mixed.jsonl'}#2" and bad.error.startswith("invalid JSON: ")
    assert [item.source.rsplit("#", 1)[1] for item in items] == ["1", "2", "3"]


def test_read_bytes_names_the_bad_item() -> None:
    with pytest.raises(ReadError, match=r"^item 2: invalid JSON: "):
        read_bytes((DATA / "mixed.jsonl").read_bytes(), "mixed.jsonl", max_bytes=LIMIT)


@pytest.mark.parametrize("data", [b'{"title": "x", "text": "unterminated', b'[{"title": 1,}]', b"{,}"])
def test_malformed_json_is_refused_with_the_parser_message(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^invalid JSON: \w"):
        read_bytes(data, "bad.json", max_bytes=LIMIT)


@pytest.mark.parametrize(("data", "reason"), [
    (b"[]", "JSON list is empty"),
    (b'["just", "strings"]', None),
    (b'{"title": "Only a title"}', "record has no body"),
    (b"[" * 100000, "invalid JSON"),
    (b"[" * 100000 + b"]" * 100000, "invalid JSON: nested too deeply"),
    (b"[1" + b"0" * 5000 + b"]", "invalid JSON"),
])
def test_json_without_usable_records_is_refused(data: bytes, reason: str | None) -> None:
    with pytest.raises(ReadError) as raised:
        read_bytes(data, "odd.json", max_bytes=LIMIT)
    assert reason is None or str(raised.value).startswith(reason)


def test_list_items_that_are_not_objects_fail_one_by_one() -> None:
    items = read_items(b'[{"title": "A", "text": "Some body."}, 42]', "list.json", max_bytes=LIMIT)
    assert isinstance(items[0], Document) and isinstance(items[1], Failure)
    assert items[1].error == "record is a JSON number, not an object"


def test_wrapped_collection_and_single_object(tmp_path: Path) -> None:
    wrapped = b'{"source": "wire", "articles": [{"title": "A", "text": "One."}, {"title": "B", "text": "Two."}]}'
    assert [doc.title for doc in read_bytes(wrapped, "w.json", max_bytes=LIMIT)] == ["A", "B"]
    (single,) = read_bytes(b'{"headline": "Solo", "content": "Alone."}', "s.json", max_bytes=LIMIT)
    assert single.source == single.uri == "s.json" and single.title == "Solo"


def test_one_line_jsonl_file_keeps_item_numbering(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"title": "Lone", "text": "Only record."}\n', encoding="utf-8")
    (doc,) = documents(path)
    assert doc.source == f"{path}#1"


def test_blank_lines_in_jsonl_are_skipped_and_numbering_follows_lines() -> None:
    data = b'{"title": "A", "text": "One."}\n\n{"title": "B", "text": "Two."}\n'
    assert [doc.source for doc in read_bytes(data, "x.jsonl", max_bytes=LIMIT)] == ["x.jsonl#1", "x.jsonl#3"]
