"""Read stage: any input an aspirant has (notes, pages, exports, feeds, PDFs, prose) to Documents.

The format is judged from the content; a file's extension only breaks ties. A bad file, or a bad
record inside a multi-item file, becomes a Failure and the batch goes on.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from gistbook.read.decode import decode_bytes, decode_with
from gistbook.read.detect import detect_text_format, is_jsonl_name, is_pdf
from gistbook.read.errors import ReadError, format_size, too_big
from gistbook.read.runs import over_long_passage
from gistbook.read.walk import os_reason, read_regular_file, walk
from gistbook.records import Document, Failure, too_long_message

__all__ = ["ReadError", "count_items", "read_bytes", "read_items", "read_source"]

STDIN = "-"
_COUNT_CHUNK = 1 << 20


def _read_note(text: str, source: str) -> Document:
    from gistbook.read.note import read_note  # imported on use, like every reader

    return _prefer_url(read_note(text, source, source))


def _read_markdown(text: str, source: str) -> Document:
    from gistbook.read.markdown import read_markdown  # imported on use, like every reader

    return _prefer_url(read_markdown(text, source, source))


def _prefer_url(document: Document) -> Document:
    """A URL found in the item (front matter) identifies it better than the path it was saved under."""
    if document.url and document.uri == document.source:
        document.uri = document.url
    return document


def _check_bodies(items: list[Document | Failure]) -> list[Document | Failure]:
    """A Document always has words in its body, and no passage too long to be one bullet; else it is a Failure,
    found here before the parser builds its structures over a text it would refuse anyway."""
    checked: list[Document | Failure] = []
    for item in items:
        if isinstance(item, Document):
            if not item.body.strip():
                item = Failure(source=item.source, error="no text found")
            elif item.body_format != "html" and (run := over_long_passage(item.body)) is not None:
                item = Failure(source=item.source, error=too_long_message(run))
        checked.append(item)
    return checked


def read_items(data: bytes, source: str, *, max_bytes: int) -> list[Document | Failure]:
    """Every item of one input, a Failure for each bad record of a multi-item file; ReadError for a bad file."""
    if len(data) > max_bytes:
        raise too_big(len(data), max_bytes)
    return _check_bodies(_dispatch(data, source))


def _dispatch(data: bytes, source: str) -> list[Document | Failure]:
    """The reader the content calls for."""
    if is_pdf(data):
        from gistbook.read.pdf import read_pdf

        return list(read_pdf(data, source))
    decoded = decode_bytes(data)
    text = decoded.text
    kind = detect_text_format(text, source)
    if kind == "json":
        from gistbook.read.jsonrecords import read_json

        return read_json(text, source, as_lines=is_jsonl_name(source))
    if kind == "feed":
        from gistbook.read.feed import read_feed

        return read_feed(data, source)
    if kind == "html":
        from gistbook.read.html import declared_charset, read_html

        charset = declared_charset(data) if decoded.guessed else None
        return [read_html((decode_with(data, charset) if charset else None) or text, source)]
    if kind == "note":
        return [_read_note(text, source)]
    if kind == "markdown":
        return [_read_markdown(text, source)]
    from gistbook.read.text import read_text

    return [read_text(text, source)]


def read_bytes(data: bytes, source: str, *, max_bytes: int) -> list[Document]:
    """All items of one input, or ReadError naming the first bad record (use read_items to keep the good ones)."""
    items = read_items(data, source, max_bytes=max_bytes)
    failures = [item for item in items if isinstance(item, Failure)]
    if failures:
        first = failures[0]
        where = first.source.rsplit("#", 1)[-1] if "#" in first.source else ""
        prefix = f"item {where}: " if where else ""
        others = f" (and {len(failures) - 1} more bad items)" if len(failures) > 1 else ""
        raise ReadError(f"{prefix}{first.error}{others}")
    return [item for item in items if isinstance(item, Document)]


def _with_stdin_identity(items: list[Document | Failure], data: bytes) -> list[Document | Failure]:
    """Pasted text has no path: without a URL its identity is its content, so two pastes never overwrite."""
    identity = "stdin:" + hashlib.sha256(data).hexdigest()[:16]
    for item in items:
        if isinstance(item, Document) and item.uri == item.source:
            item.uri = identity + item.source[len(STDIN):]
    return items


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Document | Failure]:
    data = stream.read(max_bytes + 1)  # a pipe has no size to check first: read one byte past the limit
    if len(data) > max_bytes:
        yield Failure(source=STDIN, error=f"input is over the {format_size(max_bytes)} limit")
        return
    yield from _items_or_failure(data, STDIN, max_bytes, stdin=True)


def _items_or_failure(
    data: bytes, source: str, max_bytes: int, *, stdin: bool = False
) -> Iterator[Document | Failure]:
    try:
        items = read_items(data, source, max_bytes=max_bytes)
    except ReadError as error:
        yield Failure(source=source, error=str(error))
        return
    except Exception as error:  # noqa: BLE001 - a reader bug on one file must not stop a batch of thousands
        reason = " ".join(str(error).split())[:200]
        yield Failure(source=source, error=f"reader failed ({type(error).__name__}): {reason}".rstrip(": "))
        return
    yield from _with_stdin_identity(items, data) if stdin else items


def _read_file(path: str, max_bytes: int) -> Iterator[Document | Failure]:
    try:
        if os.path.isdir(path):
            os.listdir(path)  # only an unlistable folder gets here: this names the reason
            yield Failure(source=path, error="cannot read: is a folder")
            return
        data = read_regular_file(path, max_bytes)
    except ReadError as error:
        yield Failure(source=path, error=str(error))
        return
    except OSError as error:
        yield Failure(source=path, error=f"cannot read: {os_reason(error)}")
        return
    yield from _items_or_failure(data, path, max_bytes)


def walk_files(directory: str) -> Iterator[str]:
    """Regular files under a directory in name order (see `walk.walk`, which also names the entries skipped)."""
    return (entry.path for entry in walk(directory) if entry.problem is None)


def read_source(path: str, *, max_bytes: int, stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Documents of a file, every file under a directory, or stdin ('-'); a bad input yields a Failure, and so
    does every entry of a folder that cannot be read (a looping link, a pipe, a device)."""
    if path == STDIN:
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
    elif os.path.isdir(path):
        for entry in walk(path):
            if entry.problem is not None:
                yield Failure(source=entry.path, error=entry.problem)
            else:
                yield from _read_file(entry.path, max_bytes)
    else:
        yield from _read_file(path, max_bytes)


def _count_lines(path: str) -> int:
    lines, last = 0, b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(_COUNT_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _count_file(path: str) -> int:
    """Lines of a JSONL file (by name or by a first line that is one object), else one."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1  # a pipe would block the count; reading it reports why it is skipped
        with open(path, "rb") as handle:
            head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        first_line = head.split(b"\n", 1)[0].rstrip()
        if is_jsonl_name(path) or (first_line.startswith(b"{") and first_line.endswith(b"}") and b"\n{" in head):
            return max(_count_lines(path), 1)
    except OSError:
        return 1  # reading it will report the error; it still counts as one step
    return 1


def count_items(path: str) -> int:
    """Cheap estimate of how many items a path holds, for a progress bar; never raises."""
    if path == STDIN:
        return 1
    if os.path.isdir(path):
        return sum(1 if entry.problem else _count_file(entry.path) for entry in walk(path))
    return _count_file(path) if os.path.exists(path) else 1
