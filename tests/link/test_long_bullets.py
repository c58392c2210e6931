"""Relinking is linear in a bullet's length: a 5,000,000-character bullet of capitalised words (which made
`relink` slice the text before every capitalised word, about a minute for 4 million characters) is linked
under a hard bound, with the same facts, names and terms as before on ordinary text."""

from __future__ import annotations

import random
import re
from pathlib import Path

from sqlalchemy import func, select
from tests.bounds import finishes_within
from tests.conftest import corpus_records

from gistbook.link import relink_all
from gistbook.link.facts import signature
from gistbook.link.text import content_terms, proper_terms
from gistbook.records import Article, Bullet, Section, content_hash
from gistbook.store import Store, models

BOUND_SECONDS = 20
WORDS = ["India", "Japan", "Tokyo", "signed", "the", "Agreement", "on", "Trade", "and", "MoU", "in", "2023"]


def giant_bullet(chars: int = 5_000_000) -> str:
    rnd = random.Random(18)
    text = ""
    while len(text) < chars:
        text += " ".join(rnd.choice(WORDS) for _ in range(10_000)) + " "
    return text[:chars].rsplit(" ", 1)[0]  # whole words only


def names_by_slicing(text: str) -> frozenset[str]:
    """The rule proper_terms follows, written the slow obvious way: a capitalised word counts unless the text
    before it ends a sentence or opens a quote or bracket."""
    words = [m.group(1) for m in re.finditer(r"(?<![\w'’])([A-Z][\w'’-]*)", text)
             if text[:m.start()].rstrip() and text[:m.start()].rstrip()[-1] not in ".!?:;•\"“‘("]
    return frozenset(content_terms(" , ".join(words))) if words else frozenset()


def test_names_and_terms_of_a_giant_bullet_are_found_in_linear_time() -> None:
    text = giant_bullet()
    with finishes_within(BOUND_SECONDS, "proper_terms and signature of a 5M-character bullet"):
        names = proper_terms(text)
        found = signature(text)
    assert names == names_by_slicing(text[:20_000])  # every word of the list occurs early on
    assert found.proper == names & found.terms and found.bands


def test_relink_of_a_stored_giant_bullet_finishes(tmp_path: Path) -> None:
    text = giant_bullet()
    store = Store(f"sqlite:///{tmp_path / 'giant.db'}")
    try:
        article = Article(title="A bullet with no end", sections=[Section(None, "news", [Bullet(text)])],
                          source="giant.txt", uri="giant.txt", kind="text", content_hash=content_hash(text))
        store.save(article, None)  # stored as older data or a structure-only load may hold it
        with finishes_within(BOUND_SECONDS, "relink of a 5M-character bullet"):
            assert relink_all(store) == 1
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(models.FactMention)) == 1
    finally:
        store.close()


def test_ordinary_sentences_keep_their_names_and_terms() -> None:
    text = ("After the summit in Tokyo, India and Japan signed a MoU on semiconductors; "
            "“Both sides” agreed (Quad partners) to meet. Trade rose 12% in FY 2022-23.")
    assert proper_terms(text) == {"tokyo", "india", "japan", "mou", "fy"}
    for record in corpus_records(40):
        for line in re.sub(r"<[^>]+>", "\n", record["html"]).splitlines():
            assert proper_terms(line) == names_by_slicing(line), line
