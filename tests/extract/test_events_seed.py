"""The seed article's timeline and trade figures against the shared answer key, scored as score_seed.py does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gistbook.extract.events import find_events
from gistbook.extract.figures import find_figures
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Article, Bullet, Event, Figure, Section

ACCEPTANCE = Path(__file__).resolve().parents[3] / "shared" / "acceptance"


def norm(text: object) -> str:
    return " ".join(str(text or "").replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


def seed_article() -> tuple[Article, dict[str, Any]]:
    """A minimal reading of the seed: header bullets skipped, unbulleted lines are title then headings."""
    path = ACCEPTANCE / "seed-article.txt"
    if not path.exists():
        pytest.skip(f"shared seed missing: {path}")
    gold: dict[str, Any] = json.loads((ACCEPTANCE / "seed-gold.json").read_text(encoding="utf-8"))
    title: str | None = None
    sections: list[Section] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("(") or line in gold["page_chrome_not_content"]:
            continue
        if line.startswith("•"):
            if title is not None:
                sections[-1].bullets.append(Bullet(line.lstrip("• ").strip()))
            continue
        if title is None:
            title = line
            sections.append(Section(heading=None, role="news"))
        else:
            sections.append(Section(heading=line, role="background"))
    art = Article(
        title=title or "",
        sections=sections,
        source=str(path),
        uri=str(path),
        kind="note",
        content_hash="seed",
        published=gold["meta"]["published"],
        published_precision="day",
    )
    return art, gold


def extract(art: Article) -> tuple[list[Event], list[Figure]]:
    anchor = dt.date.fromisoformat(art.published or "")
    exprs, figures = [], []
    for number, bullet in enumerate(art.bullets()):
        found = find_time_expressions(bullet.text, anchor, number)
        exprs.extend(found)
        figures.extend(find_figures(bullet.text, number, found))
    return find_events(art, exprs, []), figures


def timeline_scores(events: list[Event], gold: dict[str, Any]) -> tuple[int, float, int]:
    def hit(key: dict[str, Any]) -> bool:
        return any(e.date == key["date"] and all(norm(w) in norm(e.text) for w in key["must_mention"]) for e in events)

    key_dates = {k["date"] for k in gold["timeline"]} | {k["date"] for k in gold["timeline_stretch"]}
    precision = sum(e.date in key_dates for e in events) / len(events) if events else 0.0
    return sum(map(hit, gold["timeline"])), precision, sum(map(hit, gold["timeline_stretch"]))


def test_seed_timeline_meets_the_acceptance_floor() -> None:
    art, gold = seed_article()
    assert [len(s.bullets) for s in art.sections] == [4, 22, 5]
    events, _ = extract(art)
    found, precision, stretch = timeline_scores(events, gold)
    assert found >= 13 and precision >= 0.9
    assert (found, precision, stretch) == (14, 1.0, 1)


def test_seed_trade_figures_have_value_unit_and_period() -> None:
    art, gold = seed_article()
    _, figures = extract(art)
    for key in gold["figures"]:
        assert any(
            abs(f.value - key["value"]) <= 0.005 * key["value"] and f.unit == key["unit"] and f.period == key["period"]
            for f in figures
        ), key


def test_seed_through_the_real_reader_and_parser() -> None:
    read_note = pytest.importorskip("gistbook.read.note").read_note
    parse_document = pytest.importorskip("gistbook.parse").parse_document
    path = ACCEPTANCE / "seed-article.txt"
    if not path.exists():
        pytest.skip(f"shared seed missing: {path}")
    _, gold = seed_article()
    art = parse_document(read_note(path.read_text(encoding="utf-8"), str(path), str(path)), published="2024-09-10")
    events, _ = extract(art)
    found, precision, _ = timeline_scores(events, gold)
    assert found >= 13 and precision >= 0.9
