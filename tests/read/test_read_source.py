"""read_source: files, folders and stdin, with a Failure (never an exception) for each bad input."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from tests.conftest import CORPUS
from tests.read.read_fixtures import DATA, read_all

from gistbook.read import count_items, read_source
from gistbook.records import Document, Failure

LIMIT = 1 << 20


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of mixed inputs, good and bad, nested, with hidden entries that must be skipped."""
    root = tmp_path / "inbox"
    (root / "b-sub").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(DATA / "pasted.txt", root / "a-pasted.txt")
    shutil.copy(DATA / "records.json", root / "b-sub" / "records.json")
    shutil.copy(DATA / "scanned.pdf", root / "c-scanned.pdf")
    (root / "d-empty.txt").write_bytes(b"")
    (root / ".DS_Store").write_bytes(b"\x00\x01binary")
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return root


def test_folder_is_walked_sorted_skipping_hidden(folder: Path) -> None:
    items = read_all(folder)
    assert [item.source for item in items] == [
        str(folder / "a-pasted.txt"), *(f"{folder / 'b-sub' / 'records.json'}#{n}" for n in (1, 2, 3)),
        str(folder / "c-scanned.pdf"), str(folder / "d-empty.txt")]
    failures = {item.source: item.error for item in items if isinstance(item, Failure)}
    assert failures == {str(folder / "c-scanned.pdf"): "PDF has no text layer (scanned?)",
                        str(folder / "d-empty.txt"): "empty file"}


def test_count_items_estimates_files_and_jsonl_lines(folder: Path) -> None:
    assert count_items(str(folder)) == 4  # each file counts once; records.json is not line-delimited
    assert count_items(str(CORPUS)) == 1305
    assert count_items(str(DATA / "mixed.jsonl")) == 3
    assert count_items("-") == 1
    assert count_items(str(folder / "missing.txt")) == 1


def test_stdin_reads_bytes_and_gets_a_content_identity() -> None:
    data = (DATA / "pasted.txt").read_bytes()
    (doc,) = read_source("-", max_bytes=LIMIT, stdin=io.BytesIO(data))
    assert isinstance(doc, Document)
    assert doc.source == "-" and doc.kind == "text"
    assert doc.uri.startswith("stdin:")
    (again,) = read_source("-", max_bytes=LIMIT, stdin=io.BytesIO(data))
    (other,) = read_source("-", max_bytes=LIMIT, stdin=io.BytesIO(b"Different words entirely."))
    assert isinstance(again, Document) and isinstance(other, Document)
    assert again.uri == doc.uri != other.uri


def test_stdin_collection_keeps_urls_and_numbers_the_rest() -> None:
    items = list(read_source("-", max_bytes=LIMIT, stdin=io.BytesIO((DATA / "records.json").read_bytes())))
    assert [item.source for item in items] == ["-#1", "-#2", "-#3"]
    assert isinstance(items[0], Document) and items[0].uri == "https://wire.example.in/ports/green-bunkering"
    assert isinstance(items[2], Document) and items[2].uri.startswith("stdin:") and items[2].uri.endswith("#3")


def test_stdin_over_the_limit_is_a_failure() -> None:
    (item,) = read_source("-", max_bytes=10, stdin=io.BytesIO(b"x" * 11))
    assert item == Failure(source="-", error="input is over the 10 bytes limit")


def test_oversized_file_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 100)
    (item,) = read_source(str(big), max_bytes=100)
    assert item == Failure(source=str(big), error="file is 500 bytes, over the 100 bytes limit")


def test_missing_and_unreadable_paths_are_failures(tmp_path: Path) -> None:
    (missing,) = read_source(str(tmp_path / "nope.txt"), max_bytes=LIMIT)
    assert missing == Failure(source=str(tmp_path / "nope.txt"), error="cannot read: no such file or directory")
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.txt"
        locked.write_text("secret", encoding="utf-8")
        locked.chmod(0)
        (item,) = read_source(str(locked), max_bytes=LIMIT)
        assert isinstance(item, Failure) and item.error == "cannot read: permission denied"


def test_unlistable_folder_and_special_files_are_failures(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (item,) = read_source(str(fifo), max_bytes=LIMIT)
    assert item == Failure(source=str(fifo), error="not a regular file (a named pipe)")
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0)
        (item,) = read_source(str(tmp_path / "locked"), max_bytes=LIMIT)
        assert item == Failure(source=str(locked), error="cannot read: permission denied")


def test_every_bad_input_in_one_batch_is_a_failure_and_the_good_one_reads(tmp_path: Path) -> None:
    bad = {
        "empty.txt": b"", "binary.bin": bytes(range(256)), "broken.json": b'{"title": ',
        "nothing.xml": (DATA / "empty-feed.xml").read_bytes(), "scan.pdf": (DATA / "scanned.pdf").read_bytes(),
        "mis-encoded.txt": b"\xff\xfe\x41",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    shutil.copy(DATA / "saved-page.html", tmp_path / "z-good.html")
    items = read_all(tmp_path)
    assert [type(item) for item in items] == [Failure] * len(bad) + [Document]
    assert all(isinstance(item, Failure) and "\n" not in item.error and item.error for item in items[:-1])


def test_a_passage_too_long_for_one_bullet_is_refused_before_parsing(tmp_path: Path) -> None:
    """Measured as the parser will see it: white space collapsed, cut at every possible sentence end."""
    spaced = tmp_path / "spaced.txt"
    spaced.write_text("word   " * 30_000, encoding="utf-8")  # 210,000 characters, 149,999 once collapsed
    (item,) = read_source(str(spaced), max_bytes=LIMIT)
    assert item == Failure(source=str(spaced), error="a passage of 149,999 characters with no sentence or line "
                                                      "break is over the 100,000-character limit for one bullet")
    loose = tmp_path / "loose.txt"
    loose.write_text("word     " * 15_000, encoding="utf-8")  # 135,000 characters, only 74,999 collapsed
    (doc,) = read_source(str(loose), max_bytes=LIMIT)
    assert isinstance(doc, Document)
    cut = tmp_path / "cut.txt"
    cut.write_text("Word word word. " * 10_000, encoding="utf-8")  # sentences: the parser cuts it
    (doc,) = read_source(str(cut), max_bytes=LIMIT)
    assert isinstance(doc, Document)
