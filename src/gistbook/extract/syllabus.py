"""Syllabus tags (UPSC GS1–GS4 nodes, e.g. 'GS2: International Relations') with a score for an article or a fact.

The tree and its cues live in extract/data/syllabus.json. A node scores from its keywords in the title
(weighted most), the bullets (scaled so long items do not win by length), the issuing body (category)
and the entities found (foreign countries point to International Relations, exercises to Security). An item is
tagged by what its news says: background, challenges and way-forward sections (a note's recap of the whole
relationship: treaties, exercises, trade) weigh less, and an exercise counts only where the news names it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gistbook.records import Article, EntityMention

HOME_COUNTRY = "India"
TITLE_STRONG, TITLE_WEAK, BODY_STRONG, BODY_WEAK = 3.0, 1.0, 1.0, 0.3
CATEGORY_WEIGHT = 4.0
EXERCISE_WEIGHT = 2.0
SATURATION = 8.0  # raw evidence at which a node scores 0.5
MIN_SCORE, RELATIVE_TO_TOP, MAX_TAGS = 0.3, 0.5, 3
STATEMENT_MIN_SCORE = 0.2
CONTEXT_WEIGHT = 0.4  # a bullet of a background, challenges or way-forward section, against 1 for the news
CONTEXT_ROLES = frozenset({"background", "challenges", "way_forward"})


@dataclass(frozen=True)
class Node:
    tag: str
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    categories: tuple[str, ...]
    foreign_country: float


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    if not cues:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(c.casefold()) for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?:s|es)?(?!\w)")


@lru_cache(maxsize=1)
def syllabus_nodes() -> tuple[Node, ...]:
    """The syllabus tree from the data file, with compiled cue patterns."""
    raw = (Path(__file__).parent / "data" / "syllabus.json").read_text(encoding="utf-8")
    return tuple(Node(n["tag"], _cue_pattern(n.get("strong", [])), _cue_pattern(n.get("weak", [])),
                      tuple(c.casefold() for c in n.get("categories", [])), float(n.get("foreign_country", 0.0)))
                 for n in json.loads(raw)["nodes"])


def _distinct(pattern: re.Pattern[str], text: str) -> int:
    return len(set(pattern.findall(text)))


def _norm(text: str) -> str:
    return text.casefold().replace("’", "'").replace("–", "-").replace("—", "-")


def score_nodes(title: str, bodies: list[str], category: str | None = None,
                entities: list[EntityMention] | None = None, weights: list[float] | None = None) -> dict[str, float]:
    """Raw evidence per node (before squashing into 0..1); `weights` (one per body, default 1) scale each body."""
    title_n = _norm(title)
    bodies_n = [_norm(b) for b in bodies]
    weight_of = weights or [1.0] * len(bodies_n)
    category_n = _norm(category or "")
    scale = 10.0 / max(10.0, float(len(bodies_n)))
    ents = entities or []
    foreign = {e.name for e in ents if e.type == "country" and e.name != HOME_COUNTRY}
    exercises = {e.name for e in ents if e.type == "military_exercise"}
    raw: dict[str, float] = {}
    for node in syllabus_nodes():
        score = TITLE_STRONG * _distinct(node.strong, title_n) + TITLE_WEAK * _distinct(node.weak, title_n)
        body = sum(w * (BODY_STRONG * min(3, _distinct(node.strong, b)) + BODY_WEAK * min(3, _distinct(node.weak, b)))
                   for b, w in zip(bodies_n, weight_of))
        score += body * scale
        if category_n and any(c == category_n or c in category_n for c in node.categories):
            score += CATEGORY_WEIGHT
        if node.foreign_country:
            score += node.foreign_country * min(3, len(foreign))
        if node.tag.startswith("GS3: Security"):
            score += EXERCISE_WEIGHT * min(2, len(exercises))
        if score > 0:
            raw[node.tag] = score
    return raw


def rank_tags(raw: dict[str, float], min_score: float = MIN_SCORE) -> list[tuple[str, float]]:
    """Squash evidence into 0..1 and keep the strong tags: above a floor and near the best one."""
    scored = sorted(((tag, 1.0 - math.exp(-value * math.log(2) / SATURATION)) for tag, value in raw.items()),
                    key=lambda x: (-x[1], x[0]))
    if not scored:
        return []
    top = scored[0][1]
    kept = [(t, round(s, 3)) for t, s in scored if s >= min_score and s >= RELATIVE_TO_TOP * top][:MAX_TAGS]
    return kept


def tag_syllabus(article: Article, entities: list[EntityMention]) -> list[tuple[str, float]]:
    """Syllabus tags of an article, best first, e.g. [('GS2: International Relations', 0.86), ...]."""
    bodies: list[str] = []
    weights: list[float] = []
    context: set[int] = set()  # bullet numbers of context sections
    number = 0
    for section in article.sections:
        weight = CONTEXT_WEIGHT if section.role in CONTEXT_ROLES else 1.0
        if section.heading:
            bodies.append(section.heading)
            weights.append(weight)
        for bullet in section.bullets:
            bodies.append(bullet.text)
            weights.append(weight)
            if weight < 1.0:
                context.add(number)
            number += 1
    news_entities = [e for e in entities if e.type != "military_exercise" or e.bullet_no not in context]
    return rank_tags(score_nodes(article.title, bodies, article.category, news_entities, weights))


def tag_text(text: str, category: str | None = None) -> list[tuple[str, float]]:
    """Syllabus tags of a single statement (a fact or a learner's note): one clear cue is enough."""
    return rank_tags(score_nodes(text, [], category), min_score=STATEMENT_MIN_SCORE)
