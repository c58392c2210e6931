"""Syllabus tags against hand labels on a random sample of real releases, and the seed's tag.

The sample (tests/data/quality/syllabus-papers-random.jsonl) was drawn by tests/link/syllabus_sample.py with the
seed its header names and labelled by reading each release; the floor beside it was measured, not chosen.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from syllabus_sample import CORPUS, agrees, draw, load_labels, paper_of, predict

from gistbook.extract.syllabus import tag_syllabus
from gistbook.records import Article, Bullet, EntityMention, Section

FLOORS = json.loads((Path(__file__).resolve().parents[1] / "data" / "quality" / "floors-syllabus.json")
                    .read_text(encoding="utf-8"))


def test_labels_are_the_seeded_draw() -> None:
    """Every labelled item is the release the seed draws at its place: nothing was picked by hand."""
    header, labelled = load_labels()
    if not CORPUS.exists():
        pytest.skip(f"shared corpus missing: {CORPUS}")
    drawn = draw(header["seed"], header["size"])
    assert [i["url"] for i in drawn] == [i["url"] for i in labelled]
    assert all(set(i["papers"]) <= {"GS1", "GS2", "GS3", "GS4", "none"} and i["papers"] for i in labelled)


@pytest.mark.slow
def test_paper_agreement_on_the_random_sample() -> None:
    header, labelled = load_labels()
    if not CORPUS.exists():
        pytest.skip(f"shared corpus missing: {CORPUS}")
    got = predict(draw(header["seed"], header["size"]))
    assert "unread" not in got
    assert all(g in {"GS1", "GS2", "GS3", "GS4", "untagged"} for g in got)  # a tag or an explicit 'untagged'
    agreement = sum(agrees(g, i["papers"]) for g, i in zip(got, labelled)) / len(labelled)
    assert agreement >= FLOORS["paper_agreement"], f"agreement {agreement:.3f} on seed {header['seed']}"


def test_agreement_rules() -> None:
    assert agrees("GS2", ["GS3", "GS2"]) and not agrees("GS1", ["GS3"])
    assert agrees("untagged", ["none", "GS1"]) and not agrees("untagged", ["GS2"])
    assert paper_of([]) == "untagged" and paper_of([("GS3: Energy", 0.7)]) == "GS3"


def _note(title: str, news: list[str], background: list[str]) -> Article:
    return Article(title=title,
                   sections=[Section(None, "news", [Bullet(t) for t in news]),
                             Section("India-Norway relations", "background", [Bullet(t) for t in background])],
                   source="t", uri="t", kind="note", content_hash="x")


def test_background_recap_does_not_outweigh_the_news() -> None:
    """A note's news (a finance dialogue) sets its paper; the relationship recap below it (exercises, defence
    ties) supports but does not add a Security tag."""
    news = ["India and Norway agreed to deepen financial cooperation and investment at their finance dialogue.",
            "The delegations discussed the macroeconomic situation and financial regulation."]
    background = ["The navies of both countries hold the Nordic Wave military exercise every year.",
                  "Defence and security cooperation covers counter-terrorism and maritime security.",
                  "The armies train together in counter-terrorism operations and military drills."]
    article = _note("India and Norway hold a finance dialogue", news, background)
    exercise = EntityMention("Nordic Wave", "military_exercise", 2, 15, 26)
    norway = EntityMention("Norway", "country", 0, 10, 16)
    tags = [t for t, _ in tag_syllabus(article, [norway, exercise])]
    assert "GS2: International Relations" in tags and "GS3: Security" not in tags, tags
    drill = _note("Navies of India and Norway begin an exercise",
                  ["The navies of India and Norway began the Nordic Wave military exercise on Monday."], [])
    assert "GS3: Security" in [t for t, _ in tag_syllabus(drill, [EntityMention("Nordic Wave", "military_exercise",
                                                                                0, 34, 45)])]
