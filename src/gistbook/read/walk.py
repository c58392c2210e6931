"""Folders walked without surprises: every readable file once, and a reason for every entry that is not one.

A folder an aspirant points us at may hold anything: links that loop or lead nowhere, links back up the tree,
named pipes (opening one blocks until a writer comes), sockets, device files, files only another user may read.
None of them may stop the batch or hang it; each becomes one line that names it and says why.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from gistbook.read.errors import ReadError, too_big

_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclass(frozen=True)
class Entry:
    """One thing found under a folder: a regular file to read, or (with `problem`) why it cannot be read."""

    path: str
    problem: str | None = None


def os_reason(error: OSError) -> str:
    """The system's reason for an error, lower-cased, without the path (the caller names the path)."""
    return (error.strerror or str(error)).lower()


def link_problem(path: str, error: OSError) -> str:
    """Why a path cannot be followed, said the way a user thinks of it when the path is a symbolic link."""
    if os.path.islink(path):
        if error.errno == errno.ELOOP:
            return "symbolic link loop: the link never reaches a file"
        if error.errno == errno.ENOENT:
            return "broken symbolic link: its target does not exist"
    return f"cannot read: {os_reason(error)}"


def kind_problem(mode: int) -> str | None:
    """None for a regular file; else what it is (pipes, sockets and devices could block or never end)."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _SPECIAL_KINDS:
        if test(mode):
            return f"not a regular file ({name})"
    return "not a regular file"


def read_regular_file(path: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, or ReadError saying why not. The type is checked on the handle, opened
    without blocking, so a file swapped for a pipe after a first look cannot hang the batch either; the size is
    checked before a byte is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ReadError(link_problem(path, error)) from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        try:
            info = os.fstat(fd)
            problem = kind_problem(info.st_mode)
            if problem:
                raise ReadError(problem)
            if info.st_size > max_bytes:
                raise too_big(info.st_size, max_bytes)
            # never ask for more than the file holds: a read of `max_bytes` would reserve that much memory first
            data = _read_upto(handle, min(info.st_size, max_bytes) + 1, max_bytes)
        except OSError as error:
            raise ReadError(f"cannot read: {os_reason(error)}") from None
    if len(data) > max_bytes:  # it grew after its size was taken
        raise too_big(len(data), max_bytes)
    return data


def _read_upto(handle: BinaryIO, first: int, max_bytes: int) -> bytes:
    """Read to the end, stopping one byte past the limit."""
    chunks: list[bytes] = []
    total, want = 0, first
    while total <= max_bytes:
        chunk = handle.read(min(want, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 20
    return b"".join(chunks)


def walk(directory: str) -> Iterator[Entry]:
    """Entries under a folder in name order, sub-folders in place like `ls -R | sort`; hidden entries (.git,
    .DS_Store) skipped. Links to folders are followed once; one leading back up to a folder that holds it, or
    to a folder already read, is reported instead of read again. Folders are kept on a list, not the call stack,
    so no depth of nesting can overflow it."""
    try:
        root = os.stat(directory)
    except OSError as error:
        yield Entry(directory, link_problem(directory, error))
        return
    seen = {(root.st_dev, root.st_ino)}
    open_folders: list[tuple[str, Iterator[os.DirEntry[str]]]] = []
    problem = _open_folder(directory, os.path.realpath(directory), open_folders)
    if problem:
        yield problem
    while open_folders:
        real_dir, entries = open_folders[-1]
        entry = next(entries, None)
        if entry is None:
            open_folders.pop()
        elif not entry.name.startswith("."):
            found = _look_at(entry, real_dir, seen, open_folders)
            if found:
                yield found


def _open_folder(path: str, real_path: str, open_folders: list[tuple[str, Iterator[os.DirEntry[str]]]]
                 ) -> Entry | None:
    """List a folder (in name order) for reading next, or say why it cannot be listed."""
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        return Entry(path, f"cannot read: {os_reason(error)}")
    open_folders.append((real_path, iter(entries)))
    return None


def _look_at(entry: os.DirEntry[str], real_dir: str, seen: set[tuple[int, int]],
             open_folders: list[tuple[str, Iterator[os.DirEntry[str]]]]) -> Entry | None:
    """A file to read or a problem to report; a folder is opened for reading next (None)."""
    try:
        info = os.stat(entry.path)  # follows links: a link to a file is read like the file
    except OSError as error:
        return Entry(entry.path, link_problem(entry.path, error))
    if not stat.S_ISDIR(info.st_mode):
        return Entry(entry.path, kind_problem(info.st_mode))
    real_sub = os.path.realpath(entry.path) if entry.is_symlink() else os.path.join(real_dir, entry.name)
    if entry.is_symlink() and (real_dir + os.sep).startswith(real_sub.rstrip(os.sep) + os.sep):
        return Entry(entry.path, "folder link loop: it leads back to a folder that holds it")
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return Entry(entry.path, "link to a folder already read: not read twice")
    seen.add(key)
    return _open_folder(entry.path, real_sub, open_folders)
