"""The entries of a dossier while it is built: small records that carry what merging needs, turned into the
CLI contract's JSON by `to_dict()` at the end (the working fields never reach the JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Source = dict[str, Any]  # {article_id, bullet_id, title, published}: the JSON shape, shared with link/series.py


@dataclass
class Point:
    """A challenge or a way-forward point, each repeated point once."""

    text: str
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": self.sources}


@dataclass
class NewItem:
    """A statement first seen in the topic on or after the dossier's `since`, dated by its article."""

    date: str | None
    text: str
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text, "sources": self.sources}


@dataclass
class TimelineEntry:
    """One dated event of the topic. `sort`, `things` and `terms` only serve merging entries that tell one event."""

    date: str
    text: str
    sort: str
    sources: list[Source] = field(default_factory=list)
    things: set[int] = field(default_factory=set)  # named things (not countries or places) of its bullets
    terms: frozenset[str] | None = None  # its plain words, computed on first need

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text, "sources": self.sources}


@dataclass
class NamedThing:
    """An agreement, exercise, initiative or person of the topic, with its dates and (people) roles over time."""

    name: str
    type: str
    aliases: list[str]
    role: str | None
    country: str | None
    roles: list[dict[str, Any]] = field(default_factory=list)  # [{role, as_of}], oldest first once finished
    dates: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Only a person's entry lists its roles (an agreement's role is its one stored role)."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "aliases": self.aliases, "role": self.role,
                               "country": self.country}
        if self.type == "person":
            out["roles"] = self.roles
        out.update(dates=self.dates, sources=self.sources, mentions=self.mentions)
        return out
