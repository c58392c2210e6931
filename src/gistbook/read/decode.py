"""Bytes to text: the encodings people actually save notes in, and a refusal for binary files."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from gistbook.read.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab/newline/carriage-return/form-feed, DEL, and replacement characters
_NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SAMPLE_CHARS = 65536
_MAX_NON_PRINTABLE_SHARE = 0.05


@dataclass(frozen=True)
class Decoded:
    """Text plus how it was decoded, so HTML can prefer its declared charset over our guess."""

    text: str
    encoding: str
    guessed: bool  # True when the bytes were not valid in any Unicode encoding and cp1252 was assumed


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], encoding
    return data, None


def _decode_without_bom(data: bytes) -> Decoded:
    """UTF-8 when it is UTF-8 (even with a few broken bytes), else Windows-1252."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8", guessed=False)
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    valid_non_ascii = sum(1 for ch in lenient if ord(ch) > 127) - broken
    if valid_non_ascii > broken:  # mostly UTF-8 with some corruption: keep the good characters
        return Decoded(lenient, "utf-8", guessed=True)
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", guessed=True)


def normalise_text(text: str) -> str:
    """One newline convention and NFC, so the same words always hash and match the same."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if unicodedata.is_normalized("NFC", text):
        return text
    # line by line: only the few lines that need it pay for normalising (a big JSONL has thousands)
    return "\n".join(line if unicodedata.is_normalized("NFC", line) else unicodedata.normalize("NFC", line)
                     for line in text.split("\n"))


def decode_bytes(data: bytes) -> Decoded:
    """Decode an input file or refuse it with the reason (empty, binary, broken UTF-16)."""
    body, bom_encoding = _strip_bom(data)
    if not body.strip():
        raise ReadError("empty file")
    if bom_encoding is not None:
        try:
            decoded = Decoded(body.decode(bom_encoding), bom_encoding, guessed=False)
        except UnicodeDecodeError:
            raise ReadError(f"file starts with a {bom_encoding.upper()} byte-order mark but is not valid "
                            f"{bom_encoding.upper()}") from None
    elif b"\x00" in body:
        raise ReadError("binary file, not text")
    else:
        decoded = _decode_without_bom(body)
    text = decoded.text
    if not text.strip():
        raise ReadError("empty file")
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample or len(_NON_PRINTABLE.findall(sample)) > _MAX_NON_PRINTABLE_SHARE * len(sample):
        raise ReadError("binary file, not text")
    return Decoded(normalise_text(text), decoded.encoding, decoded.guessed)


def decode_with(data: bytes, encoding: str) -> str | None:
    """Decode with a charset the document itself declares; None when that charset is unknown or wrong."""
    try:
        codecs.lookup(encoding)
        return normalise_text(data.decode(encoding))
    except (LookupError, UnicodeDecodeError):
        return None
