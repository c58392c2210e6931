"""The knowledge base questions are built from and checked against: every stored bullet, entity and acronym.

Two layers. The *index* covers the whole store (bullet texts, a word index, entities, acronyms), so a
distractor is checked against everything gistbook knows. The *material* covers the articles questions are
drawn from (a topic, or a sample), with the spans extraction found in each bullet.
"""

from __future__ import annotations

import random
import re
import threading
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from gistbook.quiz.quality import askable_acronym
from gistbook.quiz.text import STOPWORDS, YEAR, fold, sentence_spans
from gistbook.store import quiz_reads as reads

MATERIAL_SAMPLE = 400  # articles drawn on when no topic narrows the store
LONG_POSTING = 256  # posting lists longer than this become sets, so crossing two of them runs in C


@dataclass(frozen=True)
class Mark:
    """An element of a sentence that a question can blank or change: a year, a figure or an entity."""

    kind: str  # year, figure, entity
    start: int  # offsets within the sentence
    end: int
    text: str
    type: str = ""  # entity type, or figure unit
    role: str | None = None
    country: str | None = None
    value: str = ""  # timex value, or figure value


@dataclass
class Sentence:
    """One sentence of a stored bullet, with the marks inside it."""

    bullet_id: int
    text: str
    marks: list[Mark] = field(default_factory=list)


@dataclass
class ArticleInfo:
    id: int
    title: str
    published: str | None
    syllabus: str | None = None


@dataclass
class Material:
    """What extraction found in one bullet of a material article."""

    bullet_id: int
    article_id: int
    role: str
    heading: str | None
    position: int
    mentions: list[tuple[int, int, str, str, str | None, str | None]] = field(default_factory=list)
    timex: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, type, value
    figures: list[tuple[int, int, float, str, str | None]] = field(default_factory=list)  # start, end, value, unit
    events: list[tuple[str, str]] = field(default_factory=list)  # (date, text) of each event


class KnowledgeBase:
    """Everything a generator reads and every check a statement must pass."""

    def __init__(self) -> None:
        self.texts: dict[int, str] = {}
        self.bullet_article: dict[int, int] = {}
        self.articles: dict[int, ArticleInfo] = {}
        self.words: dict[str, Collection[int]] = {}  # word → bullet ids (a frozenset once it is long)
        self.entities: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)  # type → names
        self.entity_types: dict[str, str] = {}  # folded name → type
        self.roles: dict[str, set[str]] = defaultdict(set)  # folded person name → folded roles
        self.acronyms: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)  # short → folded exp → (exp, art)
        self.material: dict[int, Material] = {}
        self.material_articles: list[int] = []
        self._folded: dict[int, str] = {}
        self._sentences: dict[int, list[Sentence]] = {}
        self._usable: dict[str, tuple[str, int]] | None = None
        self._owners: dict[str, set[str]] | None = None
        self.derived: dict[Any, Any] = {}  # per-material caches of generators (pairs, dated events)
        self._lookups: dict[tuple[tuple[str, ...], int], list[int]] = {}
        self._material_by_article: dict[int, list[Material]] | None = None
        self._by_article: dict[int, list[tuple[str, str]]] | None = None

    # ---- citations -------------------------------------------------------------------------------------

    def source(self, bullet_id: int) -> dict[str, Any]:
        """The citation of a bullet: article id, bullet id, article title and date."""
        art = self.articles[self.bullet_article[bullet_id]]
        return {"article_id": art.id, "bullet_id": bullet_id, "title": art.title, "published": art.published}

    def cite(self, bullet_id: int) -> str:
        """A short human citation: “Title” (date), bullet #id."""
        src = self.source(bullet_id)
        return f"“{src['title']}” ({src['published'] or 'undated'}), bullet #{bullet_id}"

    # ---- support checks over the whole store ------------------------------------------------------------

    def folded(self, bullet_id: int) -> str:
        text = self._folded.get(bullet_id)
        if text is None:
            text = self._folded[bullet_id] = fold(self.texts[bullet_id])
        return text

    def _candidates(self, needles: list[str]) -> Collection[int] | None:
        """Bullets that may contain every needle: the shortest postings of the needles' words, crossed (up to 3)."""
        words = sorted({word for needle in needles for word in index_words(needle)})
        postings = sorted((self.words.get(word, ()) for word in words), key=len)
        if not postings:
            return None
        found: Collection[int] = postings[0]
        for other in postings[1:3]:
            if len(found) <= 64:
                break
            if isinstance(found, frozenset) and isinstance(other, frozenset):
                found = found & other
            else:
                lookup = other if isinstance(other, frozenset) else found if isinstance(found, frozenset) \
                    else frozenset(other)
                found = [b for b in (found if lookup is not found else other) if b in lookup]
        return sorted(found) if isinstance(found, frozenset) else found  # the same answer in every process

    def bullets_with(self, needles: list[str], limit: int = 1) -> list[int]:
        """Stored bullets whose text contains every needle (folded substring match); answers are memoised."""
        key = (tuple(needles), limit)
        cached = self._lookups.get(key)
        if cached is None:
            if len(self._lookups) > 50_000:
                self._lookups.clear()
            cached = self._lookups[key] = self._bullets_with(needles, limit)
        return list(cached)

    def _bullets_with(self, needles: list[str], limit: int) -> list[int]:
        folded = [fold(n) for n in needles if fold(n)]
        if not folded:
            return []
        candidates = self._candidates(needles)
        pool = candidates if candidates is not None else list(self.texts)
        found: list[int] = []
        for bullet_id in pool:
            text = self.folded(bullet_id)
            if all(n in text for n in folded):
                found.append(bullet_id)
                if len(found) >= limit:
                    break
        return found

    def supported(self, statement: str) -> int | None:
        """The id of a stored bullet that states `statement` word for word, if any."""
        hits = self.bullets_with([statement])
        return hits[0] if hits else None

    def usable_acronyms(self) -> dict[str, tuple[str, int]]:
        """Acronyms with a plausible stored expansion (short → (expansion, article id)), for questions."""
        if self._usable is None:
            self._usable = {}
            for short, expansions in self.acronyms.items():
                for expansion, article_id in expansions.values():
                    if plausible_acronym(short, expansion):
                        self._usable.setdefault(short, (expansion, article_id))
        return self._usable

    def owners_of(self, expansion: str) -> set[str]:
        """Acronyms stored with this expansion (folded comparison)."""
        if self._owners is None:
            self._owners = defaultdict(set)
            for short, expansions in self.acronyms.items():
                for folded in expansions:
                    self._owners[folded].add(short)
        return self._owners.get(fold(expansion), set())

    def acronyms_of(self, article_id: int) -> list[tuple[str, str]]:
        """(short, expansion) of the usable acronyms first stored by one article."""
        if self._by_article is None:
            self._by_article = defaultdict(list)
            for short, (expansion, owner) in self.usable_acronyms().items():
                if askable_acronym(short):
                    self._by_article[owner].append((short, expansion))
        return self._by_article.get(article_id, [])

    def entity_type(self, name: str) -> str | None:
        return self.entity_types.get(fold(name))

    # ---- material: sentences with their marks -------------------------------------------------------------

    def sentences(self, bullet_id: int) -> list[Sentence]:
        """Sentences of a material bullet with the year, figure and entity marks inside each."""
        cached = self._sentences.get(bullet_id)
        if cached is not None:
            return cached
        text = self.texts[bullet_id]
        mat = self.material.get(bullet_id)
        out: list[Sentence] = []
        for start, end in sentence_spans(text):
            out.append(Sentence(bullet_id, text[start:end], _marks_in(text, start, end, mat)))
        self._sentences[bullet_id] = out
        return out

    def material_bullets(self, article_id: int | None = None) -> list[Material]:
        """Material bullets in reading order, of one article or of all."""
        if self._material_by_article is None:
            self._material_by_article = defaultdict(list)
            for row in sorted(self.material.values(), key=lambda r: (r.article_id, r.position)):
                self._material_by_article[row.article_id].append(row)
        if article_id is not None:
            return self._material_by_article.get(article_id, [])
        return [r for rows in self._material_by_article.values() for r in rows]


def plausible_acronym(short: str, expansion: str) -> bool:
    """An expansion worth asking about: capitalised words whose initials spell the acronym's capitals in order."""
    words = re.findall(r"[A-Za-z]+", expansion.replace("-", " ").replace("–", " "))
    if not words or not expansion[:1].isupper() or len(words) < 2 or len(expansion) > 90:
        return False
    capitals = [c for c in short if c.isupper()]
    initials = "".join(w[0].upper() for w in words)
    significant = [w for w in words if w.casefold() not in ("of", "the", "and", "for", "in", "on", "to", "a")]
    if capitals and significant and significant[0][0].upper() != capitals[0]:
        return False  # "PPE" is not "Distribution of Personal Protective Equipment"
    at = 0
    for c in capitals:
        at = initials.find(c, at) + 1
        if at == 0:
            return False
    return True


_INDEX_TOKEN = re.compile(r"[^\W_]+(?:\.\d+)?")


def index_words(text: str) -> list[str]:
    """Words a bullet is indexed under: every run of letters or digits ("India-Japan" gives both names) that is a
    number or a word of four letters or more outside the stopwords."""
    return [w for w in _INDEX_TOKEN.findall(text.casefold().replace(",", ""))
            if (len(w) > 3 and w not in STOPWORDS) or w[0].isdigit()]


def _marks_in(text: str, start: int, end: int, mat: Material | None) -> list[Mark]:
    """Marks whose span lies inside [start, end), re-based to the sentence."""
    marks: list[Mark] = []
    taken: list[tuple[int, int]] = []
    if mat is not None:
        for s, e, type_, value in mat.timex:
            if start <= s and e <= end and type_ == "DATE" and YEAR.search(text[s:e]):
                marks.append(Mark("year", s - start, e - start, text[s:e], value=value))
                taken.append((s, e))
        for s, e, amount, unit, _period in mat.figures:
            if start <= s and e <= end and not _overlaps(s, e, taken):
                marks.append(Mark("figure", s - start, e - start, text[s:e], type=unit, value=repr(amount)))
                taken.append((s, e))
        for s, e, name, type_, role, country in mat.mentions:
            if start <= s and e <= end and not _overlaps(s, e, taken):
                marks.append(Mark("entity", s - start, e - start, text[s:e], type=type_, role=role,
                                  country=country, value=name))
    return sorted(marks, key=lambda mk: mk.start)


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < te and ts < e for ts, te in spans)


# ---- loading -----------------------------------------------------------------------------------------------

_CACHE: dict[tuple[str, tuple[Any, ...]], KnowledgeBase] = {}
_LOCK = threading.Lock()


def load(session: Session, article_ids: list[int] | None = None, *, rng: random.Random | None = None,
         sample: int = MATERIAL_SAMPLE) -> KnowledgeBase:
    """The knowledge base over the whole store, with material from `article_ids` (a sample when None)."""
    key = (reads.store_url(session), reads.store_version(session))
    with _LOCK:
        base = _CACHE.get(key)
    if base is None:
        base = KnowledgeBase()
        _load_index(session, base)
        with _LOCK:
            _CACHE.clear()
            _CACHE[key] = base
    kb = KnowledgeBase()
    kb.texts, kb.bullet_article, kb.articles, kb.words = base.texts, base.bullet_article, base.articles, base.words
    kb.entities, kb.entity_types, kb.roles, kb.acronyms = base.entities, base.entity_types, base.roles, base.acronyms
    kb._folded, kb._usable, kb._by_article = base._folded, base.usable_acronyms(), None
    base.owners_of("")
    kb._owners = base._owners
    ids = sorted(kb.articles) if article_ids is None else [a for a in article_ids if a in kb.articles]
    if article_ids is None and len(ids) > sample:
        ids = sorted((rng or random.Random(0)).sample(ids, sample))
    _load_material(session, kb, ids)
    return kb


def _load_index(session: Session, kb: KnowledgeBase) -> None:
    tags: dict[int, str] = {}
    for article_id, tag, _score in reads.article_tags(session):
        tags[article_id] = tag  # highest score wins
    for art_id, title, published in reads.article_heads(session):
        kb.articles[art_id] = ArticleInfo(art_id, title, published, tags.get(art_id))
    postings: dict[str, list[int]] = defaultdict(list)
    for bullet_id, article_id, text in reads.bullet_texts(session):
        kb.texts[bullet_id] = text
        kb.bullet_article[bullet_id] = article_id
        for word in set(index_words(text)):
            postings[word].append(bullet_id)
    kb.words = {w: frozenset(ids) if len(ids) > LONG_POSTING else ids for w, ids in postings.items()}
    for name, type_, role, country, aliases in reads.entities(session):
        kb.entities[type_].append((name, role, country))
        kb.entity_types.setdefault(fold(name), type_)
        for alias in aliases or []:
            kb.entity_types.setdefault(fold(alias), type_)
        if type_ == "person" and role:
            kb.roles[fold(name)].add(fold(role))
    for name, role in reads.person_roles(session):
        kb.roles[fold(name)].add(fold(role))
    for short, expansion, article_id in reads.acronyms(session):
        kb.acronyms[short].setdefault(fold(expansion), (expansion, article_id))


def _load_material(session: Session, kb: KnowledgeBase, article_ids: list[int]) -> None:
    kb.material_articles = article_ids
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i:i + 500]
        for bullet_id, article_id, position, section_role, heading in reads.material_bullets(session, chunk):
            kb.material[bullet_id] = Material(bullet_id, article_id, section_role, heading, position)
        for bullet_id, start, end, name, type_, role, country, erole, ecountry in reads.material_mentions(session,
                                                                                                          chunk):
            if bullet_id in kb.material:
                kb.material[bullet_id].mentions.append((start, end, name, type_, role or erole, country or ecountry))
        for bullet_id, start, end, kind, tvalue in reads.material_times(session, chunk):
            if bullet_id in kb.material:
                kb.material[bullet_id].timex.append((start, end, kind, tvalue))
        for bullet_id, start, end, amount, unit, period in reads.material_figures(session, chunk):
            if bullet_id in kb.material:
                kb.material[bullet_id].figures.append((start, end, amount, unit, period))
        for bullet_id, date, text in reads.material_events(session, chunk):
            if bullet_id in kb.material:
                kb.material[bullet_id].events.append((date, text))


def topic_article_ids(session: Session, topic: str) -> list[int]:
    """Articles about `topic`: the linked topic of that name, else an entity or pair by name, else titles."""
    from gistbook.link.topics import resolve_topic

    found = resolve_topic(session, topic)
    if found is not None:
        ids = reads.topic_articles(session, found.id)
        if ids:
            return ids
    needle = fold(topic).replace("–", "-")
    parts = [p.strip() for p in needle.replace(" and ", "-").split("-") if p.strip()]
    names = [needle] if len(parts) < 2 else parts
    per_name = [reads.articles_naming(session, name) for name in names]
    if per_name and all(per_name):
        return sorted(set.intersection(*per_name))
    return reads.articles_titled(session, topic.strip())
