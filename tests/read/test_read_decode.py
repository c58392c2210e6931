"""Encodings people save notes in, and the refusals for files that are not text."""

from __future__ import annotations

import codecs

import pytest
from tests.read.read_fixtures import DATA, documents

from gistbook.read import ReadError, read_bytes

LIMIT = 1 << 20


def test_utf16_with_bom_file_reads() -> None:
    (doc,) = documents(DATA / "utf16-bom.txt")
    assert doc.body.startswith("Rupee note on the \u20b9 symbol \u2013")
    assert "\ufeff" not in doc.body


def test_cp1252_file_reads_with_its_curly_quotes_and_accents() -> None:
    (doc,) = documents(DATA / "cp1252.txt")
    assert "caf\u00e9 owners\u2019 association" in doc.body
    assert "\u201crents are too high\u201d" in doc.body


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, b""])
def test_utf8_with_or_without_bom(bom: bytes) -> None:
    (doc,) = read_bytes(bom + b"Tax devolution to states rose to 41 per cent.", "x.txt", max_bytes=LIMIT)
    assert doc.body == "Tax devolution to states rose to 41 per cent."


def test_utf16_big_endian_bom() -> None:
    data = codecs.BOM_UTF16_BE + "Monsoon session begins on Monday.".encode("utf-16-be")
    (doc,) = read_bytes(data, "x.txt", max_bytes=LIMIT)
    assert doc.body == "Monsoon session begins on Monday."


def test_windows_newlines_become_unix_newlines() -> None:
    (doc,) = read_bytes(b"First line here.\r\nSecond line here.\r\n", "x.txt", max_bytes=LIMIT)
    assert doc.body == "First line here.\nSecond line here."


def test_utf8_with_one_broken_byte_keeps_the_good_characters() -> None:
    data = "The \u20b9 fell against the dollar \u2013 again.".encode() + b" \xff end."
    (doc,) = read_bytes(data, "x.txt", max_bytes=LIMIT)
    assert "\u20b9" in doc.body and "\u2013" in doc.body  # not turned into cp1252 mojibake


def test_decomposed_accents_are_composed() -> None:
    (doc,) = read_bytes("Cafe\u0301 culture in Puducherry.".encode(), "x.txt", max_bytes=LIMIT)
    assert "Caf\u00e9" in doc.body


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n \n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="^empty file$"):
        read_bytes(data, "x.txt", max_bytes=LIMIT)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    bytes(range(256)) * 4,
    b"text with a NUL\x00 in it",
    b"\x01\x02\x03\x04\x05\x06\x07\x08 mostly control bytes \x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17",
])
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="^binary file, not text$"):
        read_bytes(data, "x.txt", max_bytes=LIMIT)


def test_odd_length_utf16_is_refused_with_the_reason() -> None:
    data = codecs.BOM_UTF16_LE + "cut short".encode("utf-16-le")[:-1] + b"\x00\xd8"
    with pytest.raises(ReadError, match="UTF-16"):
        read_bytes(data, "x.txt", max_bytes=LIMIT)


def test_oversized_bytes_are_refused_before_parsing() -> None:
    with pytest.raises(ReadError, match=r"^file is 200 bytes, over the 100 bytes limit$"):
        read_bytes(b"a" * 200, "x.txt", max_bytes=100)


def test_oversized_message_uses_megabytes_for_real_sizes() -> None:
    with pytest.raises(ReadError, match=r"^file is 3 MB, over the 2 MB limit$"):
        read_bytes(b"a" * (3 << 20), "x.txt", max_bytes=2 << 20)
