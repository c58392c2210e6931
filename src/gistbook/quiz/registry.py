"""A registry of versioned question generators (`quiz.statements.v1` …), so a generator can be swapped by name."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gistbook.quiz.kb import KnowledgeBase
from gistbook.quiz.pool import Pool

KINDS = ("statements", "how-many", "pairs", "chronology", "cloze", "mains")


@dataclass
class Draft:
    """A question as a generator builds it; the answer key was computed, never typed."""

    kind: str
    stem: str
    options: list[str]
    answer: str
    explanation: str
    bullet_ids: list[int]
    generator: str = ""
    topic: str | None = None

    def to_dict(self, kb: KnowledgeBase) -> dict[str, Any]:
        """The `quiz --json` shape, with a citation for every source bullet."""
        seen: list[int] = []
        for b in self.bullet_ids:
            if b not in seen:
                seen.append(b)
        return {"id": None, "kind": self.kind, "stem": self.stem, "options": list(self.options),
                "answer": self.answer, "explanation": self.explanation,
                "sources": [kb.source(b) for b in seen if b in kb.bullet_article], "generator": self.generator}


@dataclass
class Context:
    """What a generator needs for one attempt: the knowledge base, a seeded random source, the topic."""

    kb: KnowledgeBase
    rng: random.Random
    topic: str | None = None
    pool: Pool = field(init=False)

    def __post_init__(self) -> None:
        self.pool = Pool(self.kb, self.rng)


Builder = Callable[[Context], Draft | None]


@dataclass(frozen=True)
class Generator:
    name: str  # quiz.statements.v1
    kind: str
    build: Builder


GENERATORS: dict[str, Generator] = {}


def register(name: str, kind: str) -> Callable[[Builder], Builder]:
    """Decorator: make `build` available as generator `name` producing questions of `kind`."""
    if kind not in KINDS:
        raise ValueError(f"unknown question kind {kind!r}")

    def wrap(build: Builder) -> Builder:
        GENERATORS[name] = Generator(name, kind, build)
        return build

    return wrap


def generators_for(kinds: list[str] | None = None) -> list[Generator]:
    """The newest registered generator of each wanted kind, in the order of KINDS."""
    from gistbook.quiz import chronology, cloze, mains, pairs, statements  # noqa: F401 - they register themselves

    wanted = KINDS if not kinds else tuple(k for k in KINDS if k in kinds)
    chosen: list[Generator] = []
    for kind in wanted:
        named = sorted((g for g in GENERATORS.values() if g.kind == kind), key=lambda g: _version(g.name))
        if named:
            chosen.append(named[-1])
    return chosen


def _version(name: str) -> int:
    tail = name.rsplit(".", 1)[-1]
    return int(tail[1:]) if tail.startswith("v") and tail[1:].isdigit() else 0
