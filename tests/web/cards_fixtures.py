"""A topic with a few hundred cards' worth of facts: the India–Japan item with many dated news points."""

from __future__ import annotations

from tests.web.web_fixtures import JAPAN_NEWS, japan_article, timex

from gistbook.records import Article, Extraction

TOPIC = "India–Japan"
FIXED_POINTS = 7  # the India–Japan item's own news and background points that make a card


def crowded_japan_article(extra: int) -> tuple[Article, Extraction]:
    """The India–Japan item with `extra` more news points, each naming a year to blank: FIXED_POINTS + extra
    cards in all."""
    points = [f"India and Japan set up joint working group number {i} on maritime and digital cooperation in "
              f"{1960 + i % 60}." for i in range(extra)]
    article, extraction = japan_article(points)
    flat = [b.text for b in article.bullets()]
    for i in range(extra):
        year = str(1960 + i % 60)
        extraction.time_expressions.append(timex(flat, len(JAPAN_NEWS) + i, year, year))
    return article, extraction
