"""Every failure is one line on stderr whatever the width and the file name; a text too long to read (a passage of
over a million characters with no sentence break, a file over GISTBOOK_MAX_FILE_MB) is refused in one line that
names the input and the limit, and nothing of it is stored."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli.long_text import LIMIT_WORDS, WORDS, one_long_line

GISTBOOK = [sys.executable, "-m", "gistbook.cli"]


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GISTBOOK, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "40", **env})


def stored(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_each_failure_is_one_line_whatever_the_width_and_the_name(tmp_path: Path) -> None:
    folder = tmp_path / ("a-folder-with-a-long-name-" + "x" * 120)
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "tab\there :thumbs_up: [bold red]x.txt").write_bytes(b"")
    (folder / "line\nbreak.txt").write_bytes(b"")
    (folder / "good.txt").write_text("India and Japan held a summit in Tokyo in 2023.\n", encoding="utf-8")
    db = tmp_path / "lines.db"
    result = run(["--db", f"sqlite:///{db}", "ingest", str(folder), "--structure-only"])
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 4, result.stderr
    assert all(line.startswith(f"failed    {folder}/") for line in lines)
    assert f"failed    {folder}/binary.bin: binary file, not text" in lines
    assert f"failed    {folder}/empty.txt: empty file" in lines
    assert f"failed    {folder}/line\\nbreak.txt: empty file" in lines  # the newline shown, not obeyed
    assert f"failed    {folder}/tab\\there :thumbs_up: [bold red]x.txt: empty file" in lines  # no emoji, no markup
    assert stored(db, "articles") == 1


def test_a_million_characters_without_a_break_is_refused_in_one_line(tmp_path: Path) -> None:
    text = tmp_path / "one-line.txt"
    text.write_text(one_long_line(1_200_000), encoding="utf-8")
    size = len(text.read_text(encoding="utf-8"))
    db = tmp_path / "long.db"
    result = run(["--db", f"sqlite:///{db}", "ingest", str(text)])
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"failed    {text}: a passage of {size:,} characters with no sentence or line break is {LIMIT_WORDS}"]
    assert "0 ingested" in result.stdout
    assert stored(db, "articles") == 0 and stored(db, "sources") == 0 and stored(db, "bullets") == 0

    preview = run(["extract", str(text)])
    assert preview.returncode == 1
    assert len(preview.stderr.splitlines()) == 1 and LIMIT_WORDS in preview.stderr


def test_a_long_run_the_parser_cannot_cut_is_refused_too(tmp_path: Path) -> None:
    """Full stops followed by lower case end no sentence: only the parser knows, and it refuses the bullet."""
    text = tmp_path / "no-capitals.txt"
    text.write_text(("india and japan met. " * 6000).strip() + "\n", encoding="utf-8")
    db = tmp_path / "cut.db"
    result = run(["--db", f"sqlite:///{db}", "ingest", str(text), "--structure-only"])
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"failed    {text}: a passage of 125,999 characters") and line.endswith(LIMIT_WORDS)
    assert stored(db, "articles") == 0


def test_a_long_text_with_sentences_is_read_sentence_by_sentence(tmp_path: Path) -> None:
    rnd = random.Random(9)
    sentences = [" ".join(rnd.choice(WORDS) for _ in range(18)).capitalize() + "." for _ in range(12_000)]
    text = tmp_path / "long-prose.txt"
    text.write_text(" ".join(sentences), encoding="utf-8")
    assert text.stat().st_size > 1_000_000
    db = tmp_path / "prose.db"
    result = run(["--db", f"sqlite:///{db}", "ingest", str(text), "--structure-only"])
    assert result.returncode == 0, result.stderr
    assert stored(db, "articles") == 1 and stored(db, "bullets") >= 11_000


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    text = tmp_path / "huge-line.txt"
    text.write_text(one_long_line(600 * 1024), encoding="utf-8")
    db = tmp_path / "size.db"
    result = run(["--db", f"sqlite:///{db}", "ingest", str(text)], GISTBOOK_MAX_FILE_MB="0.5")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"failed    {text}: file is 0.6 MB, over the 0.5 MB limit"]
    assert stored(db, "articles") == 0
