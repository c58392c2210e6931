"""Build Articles and hand-made Extractions from tests/data/link/notes.json (no NLP stage involved)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from gistbook.extract.syllabus import tag_syllabus
from gistbook.records import Article, Bullet, EntityMention, Event, Extraction, Figure, Section, content_hash

NOTES = Path(__file__).resolve().parents[1] / "data" / "link" / "notes.json"


def load_notes() -> dict[str, Any]:
    return json.loads(NOTES.read_text(encoding="utf-8"))


def build_article(note: dict[str, Any]) -> Article:
    sections = [Section(s["heading"], s["role"], [Bullet(t) for t in s["bullets"]]) for s in note["sections"]]
    body = json.dumps(note["sections"]) + note["title"]
    return Article(title=note["title"], sections=sections, source=note["uri"], uri=note["uri"], kind="note",
                   content_hash=content_hash(body), category=note.get("category"), published=note["published"],
                   published_precision="day", published_reason="test note")


def build_extraction(article: Article, note: dict[str, Any], lexicon: dict[str, Any]) -> Extraction:
    texts = [b.text for b in article.bullets()]
    entities: list[EntityMention] = []
    for name, spec in lexicon.items():
        for form in spec["forms"]:
            pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w])")
            for no, text in enumerate(texts):
                for match in pattern.finditer(text):
                    entities.append(EntityMention(name, spec["type"], no, match.start(), match.end(),
                                                  aliases=spec.get("aliases", []), role=spec.get("role"),
                                                  country=spec.get("country")))
    events = []
    for date, needle in note["events"]:
        no = next(i for i, t in enumerate(texts) if needle in t)
        events.append(Event(date, texts[no].rstrip("."), no))
    figures = []
    for value, unit, period, subject, needle in note["figures"]:
        no = next(i for i, t in enumerate(texts) if needle in t)
        start = texts[no].index(needle)
        figures.append(Figure(value, unit, needle, no, start, start + len(needle), period=period, subject=subject))
    return Extraction(entities=entities, events=events, figures=figures,
                      syllabus=tag_syllabus(article, entities))


def all_notes() -> list[tuple[Article, Extraction]]:
    data = load_notes()
    out = []
    for note in data["notes"]:
        article = build_article(note)
        out.append((article, build_extraction(article, note, data["lexicon"])))
    return out
