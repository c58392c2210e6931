"""Build Articles and Extractions by hand from a small JSON description, and save them with Store.save.

Spans are found, not typed: every occurrence of an entity, date or figure text in a bullet becomes a
mention (longest texts first, no overlaps), and every date becomes an event of its bullet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from gistbook.records import (
    Article,
    Bullet,
    EntityMention,
    Event,
    Extraction,
    Figure,
    Section,
    TimeExpr,
    content_hash,
)
from gistbook.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "quiz"


def _occurrences(text: str, needle: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for match in re.finditer(r"(?<![\w-])" + re.escape(needle) + r"(?![\w])", text):
        s, e = match.span()
        if not any(s < te and ts < e for ts, te in taken):
            found.append((s, e))
            taken.append((s, e))
    return found


def build(spec: dict[str, Any]) -> tuple[Article, Extraction]:
    """One Article and its Extraction from a spec (see tests/data/quiz/kb-articles.json)."""
    sections = [Section(s["heading"], s["role"], [Bullet(t) for t in s["bullets"]]) for s in spec["sections"]]
    body = "\n".join(b.text for s in sections for b in s.bullets)
    article = Article(title=spec["title"], sections=sections, source=spec["uri"], uri=spec["uri"], kind="note",
                      content_hash=content_hash(spec["title"] + body), category=spec.get("category"),
                      published=spec.get("published"), published_precision="day" if spec.get("published") else None)
    ext = Extraction(acronyms=dict(spec.get("acronyms", {})),
                     syllabus=[(t, s) for t, s in spec.get("syllabus", [])])
    for bullet_no, bullet in enumerate(article.bullets()):
        taken: list[tuple[int, int]] = []
        for fig in sorted(spec.get("figures", []), key=lambda f: -len(f["text"])):
            for s, e in _occurrences(bullet.text, fig["text"], taken):
                ext.figures.append(Figure(fig["value"], fig["unit"], fig["text"], bullet_no, s, e,
                                          period=fig.get("period"), subject=fig.get("subject")))
        for date in sorted(spec.get("dates", []), key=lambda d: -len(d["text"])):
            for s, e in _occurrences(bullet.text, date["text"], taken):
                ext.time_expressions.append(TimeExpr(date["text"], bullet_no, s, e, "DATE", date["value"]))
                ext.events.append(Event(date["value"], bullet.text, bullet_no))
        for ent in sorted(spec.get("entities", []), key=lambda x: -len(x["text"])):
            for s, e in _occurrences(bullet.text, ent["text"], taken):
                ext.entities.append(EntityMention(ent.get("name", ent["text"]), ent["type"], bullet_no, s, e,
                                                  role=ent.get("role"), country=ent.get("country")))
    return article, ext


def load_specs(name: str = "kb-articles.json") -> list[dict[str, Any]]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["articles"]


def save_all(store: Store, specs: list[dict[str, Any]] | None = None) -> list[int]:
    """Save every spec; returns the article ids."""
    ids = []
    for spec in specs if specs is not None else load_specs():
        article, ext = build(spec)
        article_id, _status = store.save(article, ext)
        ids.append(article_id)
    return ids
