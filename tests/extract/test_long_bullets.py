"""The rules read a bullet in time linear in its length (or, for figures and dates, in the figures and dates near
each one): long runs of acronyms, honorifics, dates and amounts finish under a hard bound, where the rules that
re-read the text before every match took minutes."""

from __future__ import annotations

import datetime as dt
import random
import re

from tests.bounds import finishes_within
from tests.conftest import corpus_records

from gistbook.extract.acronyms import find_pairs
from gistbook.extract.events import find_events
from gistbook.extract.figure_context import _LINKS as LINK_WORDS
from gistbook.extract.figure_context import bullet_index
from gistbook.extract.figures import find_figures
from gistbook.extract.spans import sentence_of, sentence_spans
from gistbook.extract.timex import find_time_expressions
from gistbook.parse.sentences import split_sentences
from gistbook.records import Article, Bullet, Section
from gistbook.standalone import has_verb

BOUND_SECONDS = 20
ANCHOR = dt.date(2024, 3, 1)


def words(vocabulary: list[str], chars: int, seed: int = 18) -> str:
    rnd = random.Random(seed)
    text = ""
    while len(text) < chars:
        text += " ".join(rnd.choice(vocabulary) for _ in range(5_000)) + " "
    return text[:chars].rsplit(" ", 1)[0]


ACRONYMS = ["International", "Solar", "Alliance", "(ISA)", "and", "the", "NITI", "Aayog", "[NA]", "in", "2023"]
AMOUNTS = ["Rs", "5,000", "crore", "in", "FY2023-24", "rose", "12%", "to", "USD", "3.5", "billion", "on", "March",
           "3,", "2024"]


def test_acronym_definitions_in_five_million_characters() -> None:
    text = words(ACRONYMS, 5_000_000)
    with finishes_within(BOUND_SECONDS, "find_pairs over 5M characters"):
        pairs = find_pairs(text)
    assert pairs and {p.short for p in pairs} <= {"ISA", "NA"}
    assert all(text[p.start:p.end] == p.long for p in pairs)


def test_sentences_full_of_honorifics() -> None:
    text = ("Dr. Rao met Shri. Singh and Dr. Iyer. " * 130_000).strip()
    with finishes_within(BOUND_SECONDS, "sentence splitting of 5M characters"):
        spans = sentence_spans(text)
        sentences = split_sentences(text)
        last = sentence_of(len(text) - 1, spans)
    assert len(spans) == len(sentences) == 130_000
    assert sentences[0] == "Dr. Rao met Shri. Singh and Dr. Iyer." and last == len(spans) - 1


def test_time_expressions_in_five_million_characters() -> None:
    text = words(ACRONYMS, 5_000_000)
    with finishes_within(BOUND_SECONDS, "time expressions of 5M characters"):
        found = find_time_expressions(text, ANCHOR, 0)
    assert found and {t.value for t in found} == {"2023"}


def test_figures_in_a_bullet_dense_with_amounts_and_dates() -> None:
    text = words(AMOUNTS, 20_000)  # took 71 s at 5,000 characters when every figure weighed every date
    dates = find_time_expressions(text, ANCHOR, 0)
    with finishes_within(BOUND_SECONDS, "figures of a 20,000-character bullet of amounts"):
        figures = find_figures(text, 0, dates)
    assert len(figures) > 300
    assert all(f.period is None or f.period in {d.value for d in dates} for f in figures)


def test_events_of_a_long_sentence_without_verbs() -> None:
    text = words(ACRONYMS, 99_000)
    dates = find_time_expressions(text, ANCHOR, 0)
    article = Article(title="A list", sections=[Section(None, "news", [Bullet(text)])], source="list.txt",
                      uri="list.txt", kind="text", content_hash="list")
    with finishes_within(BOUND_SECONDS, "events of a 99,000-character sentence"):
        find_events(article, dates, [])


def test_the_index_answers_as_reading_the_slice_would() -> None:
    """gap_cost and verb_between of BulletIndex against the plain reading of every slice they stand for."""
    text = " ".join(re.sub(r"<[^>]+>", " ", record["html"]) for record in corpus_records(3))[:6000]
    index = bullet_index(text, [], [])
    rnd = random.Random(7)
    for _ in range(3000):
        start = rnd.randrange(len(text))
        end = min(len(text), start + rnd.choice([0, 1, 3, 10, 40, 200, 1500]))
        gap = text[start:end]
        words = [w for w in re.findall(r"[A-Za-z]+", gap) if w.lower() not in LINK_WORDS]
        assert index.gap_cost(start, end) == len(words) + (2 if re.search(r"[,;()]", gap) else 0), (start, end)
        assert index.verb_between(start, end) == has_verb(gap)
        assert index.comma_between(start, end) == ("," in gap)
