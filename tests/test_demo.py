"""The bundled demo notes must keep the seed's shape, carry real dates and never copy the seed's words."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from tests.conftest import SEED

from gistbook.demo import demo_dates_file, demo_notes_dir

REPO_ROOT = Path(__file__).resolve().parents[1]

NOTES_DIR = demo_notes_dir()
NOTE_FILES = sorted(NOTES_DIR.glob("*.txt"))
INDEX: dict[str, str] = json.loads(demo_dates_file().read_text(encoding="utf-8"))

FILE_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADER_DAY = re.compile(r"^  • (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})$")
HEADER_ITEM = re.compile(r"^  • \S.*$")
AUTHOR_NOTE = re.compile(r"^\(The author .+\)$")
MIN_COPY_WORDS = 8


def seed_path() -> Path:
    """The shared seed note, beside the project (a missing one is a broken checkout, not a skip)."""
    assert SEED.is_file(), f"{SEED} is missing"
    return SEED


def note_lines(path: Path) -> list[str]:
    """Read a note as lines without trailing whitespace, the way a reader sees it."""
    return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]


def normalised_words(text: str) -> list[str]:
    """Lower-case word tokens with quotes and punctuation dropped, so copying can't hide behind typography."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("‘", "'"))


def seed_sentences(text: str) -> list[str]:
    """Split the seed into sentences of MIN_COPY_WORDS or more words."""
    pieces = re.split(r"(?<=[.!?])\s+|\n+", text)
    sentences = [" ".join(normalised_words(piece)) for piece in pieces]
    return [s for s in sentences if len(s.split()) >= MIN_COPY_WORDS]


def word_runs(words: list[str], size: int) -> set[str]:
    """Every run of `size` consecutive words, for overlap checks."""
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_demo_ships_enough_notes() -> None:
    assert NOTES_DIR.is_dir()
    assert len(NOTE_FILES) >= 18


def test_index_and_files_match_one_to_one() -> None:
    assert sorted(INDEX) == [path.name for path in NOTE_FILES]


def test_notes_folder_ingests_whole_without_failures(tmp_path: Path) -> None:
    """A learner may point `gistbook ingest` at the folder itself: it must hold notes only."""
    from gistbook.pipeline import ingest_paths
    from gistbook.store import Store

    store = Store(f"sqlite:///{tmp_path / 'demo.db'}")
    report = ingest_paths([str(NOTES_DIR)], store, extract=False)
    store.close()
    assert report.failed == []
    assert len(report.ingested) == len(NOTE_FILES)


@pytest.mark.parametrize("name", sorted(INDEX))
def test_index_dates_are_valid_iso_days(name: str) -> None:
    assert FILE_NAME.match(name), name
    published = INDEX[name]
    assert ISO_DAY.match(published), published
    day = dt.date.fromisoformat(published)
    assert dt.date(2022, 1, 1) <= day <= dt.date(2025, 12, 31)


def test_notes_are_numbered_in_publication_order() -> None:
    dates = [dt.date.fromisoformat(INDEX[path.name]) for path in NOTE_FILES]
    assert dates == sorted(dates)


@pytest.mark.parametrize("path", NOTE_FILES, ids=lambda p: p.name)
def test_note_has_seed_shape(path: Path) -> None:
    lines = note_lines(path)
    category, day_line, author_line, gap, headline = lines[:5]
    assert category.startswith("• ") and category[2:].strip()
    day = HEADER_DAY.match(day_line)
    assert day, day_line
    assert HEADER_ITEM.match(author_line), author_line
    assert gap == ""
    assert headline and not headline.startswith("•")

    published = dt.date.fromisoformat(INDEX[path.name])
    assert (day.group(1), int(day.group(2))) == (published.strftime("%b"), published.day)

    body = [line for line in lines[5:] if line]
    bullets = [line for line in body if line.startswith("• ")]
    headings = [line for line in body if not line.startswith("•") and not AUTHOR_NOTE.match(line)]
    assert len(bullets) >= 3
    assert len(headings) >= 2, "needs a background and a challenges heading"
    assert AUTHOR_NOTE.match(body[-1]), body[-1]


def test_no_seed_sentence_is_copied() -> None:
    seed_text = seed_path().read_text(encoding="utf-8")
    sentences = seed_sentences(seed_text)
    assert sentences, "the seed should yield sentences to compare"
    for path in NOTE_FILES:
        note_text = " ".join(normalised_words(path.read_text(encoding="utf-8")))
        copied = [s for s in sentences if s in note_text]
        assert not copied, f"{path.name} copies seed sentence(s): {copied[:2]}"


def test_no_run_of_eight_seed_words_is_copied() -> None:
    seed_runs = word_runs(normalised_words(seed_path().read_text(encoding="utf-8")), MIN_COPY_WORDS)
    for path in NOTE_FILES:
        note_runs = word_runs(normalised_words(path.read_text(encoding="utf-8")), MIN_COPY_WORDS)
        shared = sorted(note_runs & seed_runs)
        assert not shared, f"{path.name} shares word runs with the seed: {shared[:3]}"


@pytest.mark.parametrize(
    "marker",
    ["India-Japan", "Australia", "Quad", "PM-KISAN", "GDP"],
)
def test_topics_recur_across_dates(marker: str) -> None:
    dated = {
        INDEX[path.name]
        for path in NOTE_FILES
        if marker in "\n".join(note_lines(path)[:5]) or marker in path.read_text(encoding="utf-8")[:600]
    }
    assert len(dated) >= 3, f"{marker} appears in notes of too few dates: {sorted(dated)}"
