"""The search index's own vocabulary: every word of the indexed titles, headings, bullets and entity names, with
how many articles use it. Search reads it to forgive a misspelt word ("semiconducter" → "semiconductor").

The full-text indexes keep stems ("exercis"), which cannot be shown to a reader, so the words are kept apart as
written (folded to lower case). PostgreSQL finds near words through a pg_trgm index; SQLite keeps the word list in
memory until the data changes and lets rapidfuzz compare. Counts are exact on SQLite and close on PostgreSQL (a
re-indexed article's old words cannot be read back from a tsvector); a suggestion is always checked against the
real index before it is shown, so a stale word costs nothing.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import Column, Integer, String, Table, text
from sqlalchemy.orm import Session

from gistbook.store import models as m
from gistbook.store.changes import memoised

search_words = Table(
    "search_words", m.Base.metadata,
    Column("word", String(64), primary_key=True),
    Column("docs", Integer, nullable=False),
)
# Near-word lookups on PostgreSQL (`word % :typo`) use a pg_trgm GIN index, ix_search_words_trigram, made by
# migration 0010 only where the extension could be created: like the FTS tables, it lives outside the models.

MIN_WORD, MAX_WORD = 3, 40
MIN_TYPO = 4  # shorter words have too many neighbours to guess between
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
log = logging.getLogger("gistbook.vocabulary")


def words_of(texts: Iterable[str | None]) -> set[str]:
    """The distinct words (letters only, folded) of some texts, as the vocabulary keeps them."""
    found: set[str] = set()
    for chunk in texts:
        if chunk:
            folded = unicodedata.normalize("NFKC", chunk).casefold()
            found.update(w for w in _LETTERS.findall(folded) if MIN_WORD <= len(w) <= MAX_WORD)
    return found


def count_words(session: Session, added: Iterable[set[str]], removed: Iterable[set[str]] = ()) -> None:
    """Add the words of newly indexed articles and take away those of rows they replace; one statement each way."""
    plus: Counter[str] = Counter()
    for words in added:
        plus.update(words)
    minus: Counter[str] = Counter()
    for words in removed:
        minus.update(words)
    delta = {w: plus[w] - minus[w] for w in plus.keys() | minus.keys() if plus[w] != minus[w]}
    if not delta:
        return
    # sorted: concurrent writers on PostgreSQL take the row locks in one order, so they cannot deadlock
    rows_ = [{"w": w, "n": n} for w, n in sorted(delta.items())]
    session.execute(text("INSERT INTO search_words (word, docs) VALUES (:w, :n) ON CONFLICT (word) "
                         "DO UPDATE SET docs = search_words.docs + excluded.docs"), rows_)
    if any(n < 0 for n in delta.values()):
        session.execute(text("DELETE FROM search_words WHERE docs <= 0"))


def add_unless_known(session: Session, words: Iterable[set[str]]) -> None:
    """Words of a re-indexed article whose old words are unknown (PostgreSQL): new ones count once, others stay."""
    every = sorted(set().union(*words))
    if every:
        session.execute(text("INSERT INTO search_words (word, docs) VALUES (:w, 1) ON CONFLICT (word) DO NOTHING"),
                        [{"w": w} for w in every])


@dataclass(frozen=True)
class Candidate:
    word: str
    edits: int
    docs: int


def max_edits(word: str) -> int:
    """How far a typo may be from its word: one slip in a short word, two in a long one."""
    return 1 if len(word) <= 6 else 2


def near_words(session: Session, typo: str, limit: int = 5) -> list[Candidate]:
    """Known words within `max_edits` of `typo` (transpositions count once), closest then commonest first."""
    typo = typo.casefold()
    if len(typo) < MIN_TYPO or not typo.isalpha():
        return []
    if session.get_bind().dialect.name == "postgresql" and has_trigram_index(session):
        found = session.execute(text("SELECT word, docs FROM search_words WHERE word % :w "
                                     "ORDER BY similarity(word, :w) DESC LIMIT 50"), {"w": typo}).all()
        words, docs = [str(w) for w, _ in found], [int(n) for _, n in found]
    else:
        words, docs = _words_near_length(session, len(typo))
    return _closest(typo, words, docs, limit)


def _closest(typo: str, words: list[str], docs: list[int], limit: int) -> list[Candidate]:
    if not words:
        return []
    allowed = max_edits(typo)
    # a cheap C-speed cut first (Indel ratio), then the real edit distance on the few left
    shortlist = process.extract(typo, words, scorer=fuzz.ratio, score_cutoff=70, limit=max(limit * 8, 40))
    found = []
    for word, _, index in shortlist:
        if word == typo:
            continue
        edits = DamerauLevenshtein.distance(typo, word, score_cutoff=allowed)
        if edits <= allowed:
            found.append(Candidate(word, edits, docs[index]))
    found.sort(key=lambda c: (c.edits, c.word[0] != typo[0], -c.docs, c.word))
    return found[:limit]


def _words_near_length(session: Session, length: int) -> tuple[list[str], list[int]]:
    """Words within two letters of this length, with their counts: all words are read once per data change
    (SQLite file) and kept by length."""
    if session.info.get("read_memo") is None:  # nothing is kept between requests here: read just these lengths
        by_length = _read_by_length(session, length - 2, length + 2)
    else:
        by_length = memoised(session, "vocabulary-by-length", _read_by_length)
    words: list[str] = []
    docs: list[int] = []
    for n in range(length - 2, length + 3):
        kept = by_length.get(n)
        if kept:
            words += kept[0]
            docs += kept[1]
    return words, docs


def _read_by_length(session: Session, shortest: int = 0, longest: int = MAX_WORD) -> dict[int, tuple[list[str],
                                                                                          list[int]]]:
    out: dict[int, tuple[list[str], list[int]]] = {}
    for word, count in session.execute(text("SELECT word, docs FROM search_words WHERE docs > 0 AND "
                                            "length(word) BETWEEN :lo AND :hi"), {"lo": shortest, "hi": longest}):
        words, docs = out.setdefault(len(word), ([], []))
        words.append(str(word))
        docs.append(int(count))
    return out


def has_trigram_index(session: Session) -> bool:
    """Whether migration 0010 could build the pg_trgm index (the extension needs the right to create it)."""
    engine: Any = session.get_bind()
    known = getattr(engine, "_gistbook_trigram", None)
    if known is None:
        known = bool(session.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname = "
                                          "'ix_search_words_trigram'")).scalar())
        engine._gistbook_trigram = known
    return bool(known)


def rebuild_vocabulary(session: Session, chunk: int = 500) -> None:
    """Count every word of every stored article afresh (migration 0010 and repairs), a chunk of articles at a time."""
    session.execute(text("DELETE FROM search_words"))
    ids = [int(i) for i in session.execute(text("SELECT id FROM articles ORDER BY id")).scalars()]
    queries = ("SELECT id, title FROM articles WHERE id IN ({})",
               "SELECT article_id, heading FROM sections WHERE article_id IN ({})",
               "SELECT article_id, text FROM bullets WHERE article_id IN ({})",
               "SELECT DISTINCT mn.article_id, e.name FROM mentions mn JOIN entities e ON e.id = mn.entity_id "
               "WHERE mn.article_id IN ({})")
    for start in range(0, len(ids), chunk):
        listed = ", ".join(str(i) for i in ids[start:start + chunk])  # integers read from the table above
        per_article: dict[int, set[str]] = {}
        for sql in queries:
            for article_id, value in session.execute(text(sql.format(listed))):
                per_article.setdefault(int(article_id), set()).update(words_of([value]))
        count_words(session, per_article.values())
