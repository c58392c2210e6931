"""Folder walking: looping links, links back up the tree, pipes, sockets, devices and unreadable files each become
one Failure naming the entry; everything readable is still read, and nothing blocks."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gistbook.read import count_items, read_source
from gistbook.records import Document, Failure

LIMIT = 1 << 20
GISTBOOK = [sys.executable, "-m", "gistbook.cli"]
PROC_MEM = Path("/proc/self/mem")  # readable by nobody, root included: reading offset 0 is an I/O error
AS_ROOT = os.geteuid() == 0


@pytest.fixture(autouse=True)
def never_hang() -> Iterator[None]:
    """Opening a named pipe for reading blocks until a writer comes: the walk must never try."""
    def stuck(signum: int, frame: object) -> None:
        raise TimeoutError("the folder walk blocked")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def bad_folder(root: Path) -> dict[str, str]:
    """A folder of two readable notes among every kind of entry that cannot be read; returns path → reason."""
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("India and Japan signed a digital partnership in 2023.\n", encoding="utf-8")
    (root / "sub" / "c.txt").write_text("The Quad summit was held in Tokyo in May 2022.\n", encoding="utf-8")
    os.symlink("y", root / "x")
    os.symlink("x", root / "y")
    os.symlink("nothing-here", root / "broken")
    os.symlink("..", root / "up")
    os.symlink("../sub", root / "sub" / "again")
    os.mkfifo(root / "fifo")
    os.symlink("/dev/null", root / "device")
    listener = socket.socket(socket.AF_UNIX)
    cwd = os.getcwd()
    os.chdir(root)  # a socket path is short when relative (the limit is about 100 bytes)
    try:
        listener.bind("sock")
    finally:
        os.chdir(cwd)
        listener.close()
    expected = {
        "x": "symbolic link loop: the link never reaches a file",
        "y": "symbolic link loop: the link never reaches a file",
        "broken": "broken symbolic link: its target does not exist",
        "up": "folder link loop: it leads back to a folder that holds it",
        "sub/again": "folder link loop: it leads back to a folder that holds it",
        "fifo": "not a regular file (a named pipe)",
        "device": "not a regular file (a character device)",
        "sock": "not a regular file (a socket)",
    }
    if PROC_MEM.exists():
        os.symlink(PROC_MEM, root / "mem")
        expected["mem"] = "cannot read: input/output error"
    if not AS_ROOT:  # root reads a file whatever its mode; /proc/self/mem covers that case for root
        (root / "locked.txt").write_text("secret", encoding="utf-8")
        (root / "locked.txt").chmod(0)
        expected["locked.txt"] = "cannot read: permission denied"
    return {str(root / name): reason for name, reason in expected.items()}


def test_every_bad_entry_is_one_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    expected = bad_folder(root)
    items = list(read_source(str(root), max_bytes=LIMIT))
    failures = {item.source: item.error for item in items if isinstance(item, Failure)}
    assert failures == expected
    documents = [item.source for item in items if isinstance(item, Document)]
    assert documents == [str(root / "a.txt"), str(root / "sub" / "c.txt")]


def test_a_folder_link_elsewhere_is_followed_once(tmp_path: Path) -> None:
    shared, root = tmp_path / "shared", tmp_path / "inbox"
    shared.mkdir()
    root.mkdir()
    (shared / "note.txt").write_text("The Malabar exercise was held off Guam in 2023.\n", encoding="utf-8")
    os.symlink(shared, root / "b-linked")
    os.symlink(shared, root / "c-linked-again")
    items = list(read_source(str(root), max_bytes=LIMIT))
    assert [(type(item), item.source) for item in items] == [
        (Document, str(root / "b-linked" / "note.txt")),
        (Failure, str(root / "c-linked-again"))]
    assert isinstance(items[1], Failure) and items[1].error == "link to a folder already read: not read twice"


def test_counting_items_does_not_open_a_pipe(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    expected = bad_folder(root)
    assert count_items(str(root)) == 2 + len(expected)
    assert count_items(str(root / "fifo")) == 1


def test_cli_reports_one_line_per_bad_entry_and_stores_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    expected = bad_folder(root)
    db = tmp_path / "walk.db"
    run = subprocess.run([*GISTBOOK, "--db", f"sqlite:///{db}", "ingest", str(root), "--structure-only"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert sorted(lines) == sorted(f"failed    {path}: {reason}" for path, reason in expected.items())
    assert "2 ingested, 0 updated, 0 unchanged" in run.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_deep_nesting_is_walked_without_recursion(tmp_path: Path) -> None:
    deepest = tmp_path / "inbox"
    deepest.mkdir()
    for _ in range(1500):  # deeper than Python's recursion limit, within the system's path length
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "note.txt").write_text("The G20 summit was held in New Delhi in 2023.\n", encoding="utf-8")
    try:
        (item,) = read_source(str(tmp_path / "inbox"), max_bytes=LIMIT)
        assert isinstance(item, Document) and item.source == str(deepest / "note.txt")
    finally:  # pytest's own clean-up of old temporary folders recurses, and a tree this deep would break it
        subprocess.run(["rm", "-rf", str(tmp_path / "inbox")], check=True)
