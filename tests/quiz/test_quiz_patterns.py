"""Every generated stem and option set follows a pattern found in the real UPSC prelims questions."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from gistbook import quiz
from gistbook.quiz.mains import DIRECTIVES
from gistbook.store import Store

PYQ = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "upsc-prelims-pyq.csv"
SEQUENCE = re.compile(r"^\d+(?:\s*[-–—]\s*\d+){2,}$")


def norm(line: str) -> str:
    line = re.sub(r"\s+", " ", line.replace("’", "'")).strip().casefold()
    line = re.sub(r"\s+([:?])", r"\1", line)
    return re.sub(r"^with (?:the )?reference to [^,]+,", "with reference to <x>,", line)


class Reference:
    """The patterns of the real questions: lead lines, closing lines, option sets, pair headers."""

    def __init__(self) -> None:
        with PYQ.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        self.leads: set[str] = set()
        self.closes: set[str] = set()
        self.option_sets: set[tuple[str, ...]] = set()
        self.sequence_lengths: set[int] = set()
        self.free_option_questions = 0
        self.pair_headers = 0
        self.text = ""
        for row in rows:
            lines = [line.strip() for line in row["Question"].replace("\\n", "\n").split("\n") if line.strip()]
            if not lines:
                continue
            self.text += " ".join(lines).casefold() + "\n"
            self.leads.add(norm(lines[0]))
            self.closes.add(norm(lines[-1]))
            options = tuple(norm(row[f"Option {k}"]).rstrip(".") for k in "ABCD")
            self.option_sets.add(options)
            if all(SEQUENCE.match(o) for o in options):
                self.sequence_lengths.add(len(re.findall(r"\d+", options[0])))
            if "which one of the following" in lines[-1].casefold() and not any(re.search(r"\d", o) for o in options):
                self.free_option_questions += 1
            if len(lines) > 2 and re.match(r"^[A-Z][^:]{2,40} : [A-Z][^:]{2,60}$", lines[1]):
                self.pair_headers += 1


@pytest.fixture(scope="module")
def reference() -> Reference:
    return Reference()


@pytest.fixture(scope="module")
def questions(handmade_url: str, demo_seed_url: str) -> list[dict]:
    out: list[dict] = []
    for url in (handmade_url, demo_seed_url):
        store = Store(url)
        with store.session() as session:
            for seed in range(3):
                out += quiz.generate(session, count=60, seed=seed, persist=False)
            out += quiz.generate(session, count=20, seed=9, persist=False, topic="India-Japan")
        store.close()
    return out


def test_reference_is_rich_enough(reference: Reference) -> None:
    assert len(reference.option_sets) > 500
    assert {3, 4} <= reference.sequence_lengths
    assert reference.free_option_questions > 100
    assert reference.pair_headers >= 5


def test_every_question_follows_a_real_pattern(reference: Reference, questions: list[dict]) -> None:
    assert len({q["kind"] for q in questions}) == 6
    for q in questions:
        lines = q["stem"].split("\n")
        options = tuple(norm(o) for o in q["options"])
        if q["kind"] == "mains":
            assert q["stem"].startswith(DIRECTIVES) and q["options"] == []
            continue
        assert norm(lines[0]) in reference.leads, lines[0]
        items = lines[2:-1] if q["kind"] == "pairs" else lines[1:-1]
        if q["kind"] != "cloze":
            assert all(re.match(r"^\d+\. \S", line) for line in items), items
        if q["kind"] == "cloze":
            assert "fits into the blank part of the above" in reference.text
            assert lines[-1] == "Which one of the following fits into the blank part of the above statement?"
            assert len(set(options)) == 4
            continue
        assert norm(lines[-1]) in reference.closes, lines[-1]
        if q["kind"] == "chronology":
            assert all(SEQUENCE.match(o) for o in options)
            assert len(re.findall(r"\d+", options[0])) in reference.sequence_lengths
        else:
            assert options in reference.option_sets, options
        if q["kind"] == "pairs":
            assert re.match(r"^[A-Z][^:]{2,40} : [A-Z][^:]{2,60}$", lines[1]), lines[1]
