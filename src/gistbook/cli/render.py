"""Plain-text and preview renderings shared by the CLI and the web app."""

from __future__ import annotations

from typing import Any

from gistbook.records import Article, Extraction, date_sort_key


def article_text(art: dict[str, Any]) -> str:
    """A stored article in the seed's own page shape."""
    lines: list[str] = []
    for value in (art.get("category"), art.get("published"), art.get("author")):
        if value:
            lines.append(f"{'• ' if not lines else '  • '}{value}")
    lines += ["", art["title"], ""]
    for sec in art["sections"]:
        if sec["heading"]:
            lines += [sec["heading"], ""]
        for b in sec["bullets"]:
            lines += [f"• {b['text']}", ""]
    if art.get("author_note"):
        lines.append(f"({art['author_note']})")
    return "\n".join(lines).rstrip() + "\n"


def preview_dict(article: Article, ext: Extraction) -> dict[str, Any]:
    """The `show --json` shape for an unstored article; bullet ids are 1-based reading positions."""
    bullets = article.bullets()
    bid = list(range(1, len(bullets) + 1))
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    for e in ext.entities:
        cur = entities.setdefault((e.name, e.type), {"name": e.name, "type": e.type, "aliases": [], "role": None,
                                                     "country": None})
        cur["aliases"] = sorted(set(cur["aliases"]) | set(e.aliases))
        cur["role"] = e.role or cur["role"]
        cur["country"] = e.country or cur["country"]
    pos = iter(bid)
    return {
        "id": None, "title": article.title, "category": article.category, "published": article.published,
        "published_precision": article.published_precision, "published_reason": article.published_reason,
        "author": article.author, "author_note": article.author_note, "url": article.url, "source": article.source,
        "sections": [{"heading": s.heading, "role": s.role, "bullets": [{"id": next(pos), "text": b.text}
                                                                        for b in s.bullets]}
                     for s in article.sections],
        "entities": list(entities.values()),
        "time_expressions": [{"text": t.text, "start": t.start, "end": t.end, "bullet_id": bid[t.bullet_no],
                              "type": t.type, "value": t.value} for t in ext.time_expressions],
        "timeline": [{"date": e.date, "text": e.text, "bullet_id": bid[e.bullet_no]}
                     for e in sorted(ext.events, key=lambda e: date_sort_key(e.date))],
        "figures": [{"value": f.value, "unit": f.unit, "period": f.period, "subject": f.subject, "text": f.text,
                     "bullet_id": bid[f.bullet_no]} for f in ext.figures],
        "acronyms": dict(sorted(ext.acronyms.items())),
        "syllabus": [t for t, _ in sorted(ext.syllabus, key=lambda x: -x[1])],
    }
