"""The entries of an exam page as records: what build.py assembles before the page becomes the `note --format
json` dict. Each `to_dict()` writes exactly the keys, in the order, that the JSON has always had."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Source:
    """Where a bullet is stated: an article and one of its bullets."""

    article_id: int
    bullet_id: int
    title: str
    published: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "bullet_id": self.bullet_id, "title": self.title,
                "published": self.published}


@dataclass
class Point:
    """One bullet of a section: the item's own (`generated` False) or gathered from earlier articles."""

    text: str
    generated: bool
    sources: list[Source]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "generated": self.generated, "sources": [s.to_dict() for s in self.sources]}


@dataclass
class PageSection:
    """A headed section of the page; `generated` when the whole section was drawn from the knowledge base."""

    heading: str | None
    role: str
    generated: bool
    bullets: list[Point] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "role": self.role, "generated": self.generated,
                "bullets": [b.to_dict() for b in self.bullets]}


@dataclass(frozen=True)
class KeyPoint:
    """One of the item's own points that its note keeps, with the bullet it is."""

    text: str
    bullet_id: int
    sources: list[Source]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "bullet_id": self.bullet_id, "sources": [s.to_dict() for s in self.sources]}


@dataclass(frozen=True)
class KeyFigure:
    """A figure the key points leave out, as a row of the page's small table."""

    label: str
    value: str
    bullet_id: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "value": self.value, "bullet_id": self.bullet_id}


@dataclass(frozen=True)
class TopicEntry:
    """A topic the item is about, and whether its background is the one the page shows."""

    name: str
    kind: str
    used: bool

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "used": self.used}
