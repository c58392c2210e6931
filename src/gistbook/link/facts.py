"""Repeated background stored once: each bullet becomes a mention of one Fact, near-duplicates included.

Two bullets state the same fact when they assert the same numbers and their content words overlap (Jaccard of
stemmed terms, names weighing double) at least `THRESHOLD`, chosen on tests/data/link/fact-pairs.jsonl.
Candidates come from MinHash LSH band keys (table fact_keys), so a lookup never scans all facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gistbook.link.text import content_terms, proper_terms
from gistbook.store import models as m
from gistbook.store.search import fact_keys

THRESHOLD = 0.45  # chosen on the labelled pairs: see tests/link/calibrate_dedup.py
BANDS, ROWS = 10, 2  # MinHash LSH: a pair at similarity s becomes a candidate with p = 1 - (1 - s^2)^10
MIN_TERMS_FOR_LSH = 3
KEY_CAP = 8  # a band key shared by this many facts is a pair of common words: it stops taking new facts
PROPER_WEIGHT = 2.0
NAME_CONFLICT = 0.8
Terms = tuple[frozenset[str], frozenset[str]]  # (terms, proper terms) of a stored fact
_SEED_BYTES = [hashlib.blake2b(f"minhash{i}".encode(), digest_size=16).digest() for i in range(BANDS * ROWS)]
_MULT = np.array([int.from_bytes(b[:8], "big") | 1 for b in _SEED_BYTES], dtype=np.uint64)
_ADD = np.array([int.from_bytes(b[8:], "big") for b in _SEED_BYTES], dtype=np.uint64)


@dataclass
class Signature:
    """What dedup needs to know about one statement."""

    terms: frozenset[str]
    proper: frozenset[str]
    key_text: str
    hash: str
    bands: list[int] = field(default_factory=list)

    def encode(self) -> str:
        """Stored in Fact.signature: sorted terms, names marked with '^'."""
        return " ".join(sorted(f"^{t}" if t in self.proper else t for t in self.terms))


@lru_cache(maxsize=1 << 16)
def decode(signature: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(terms, proper terms) from a stored Fact.signature; cached, as popular facts are candidates again and again."""
    text = signature or ""
    if "^" not in text:
        plain = frozenset(text.split())
        return plain, frozenset()
    words = text.split()
    return frozenset(w.lstrip("^") for w in words), frozenset(w[1:] for w in words if w[0] == "^")


@lru_cache(maxsize=1 << 18)
def _term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "big")


def band_keys(terms: Iterable[str]) -> list[int]:
    """MinHash LSH band keys (signed 63-bit, fit a BIGINT); statements sharing one are candidates."""
    hashed = np.fromiter((_term_hash(t) for t in set(terms)), dtype=np.uint64)
    if not hashed.size:
        return []
    with np.errstate(over="ignore"):  # multiply-shift hashing wraps modulo 2^64 on purpose
        mins = ((_MULT[:, None] * hashed[None, :] + _ADD[:, None]) >> np.uint64(11)).min(axis=1)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(mins[band * ROWS:(band + 1) * ROWS].tobytes() + bytes([band]), digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "big") & ((1 << 63) - 1))
    return keys


def signature(text: str, with_bands: bool = True) -> Signature:
    """Normalised terms, names, exact-match hash and (unless not needed) LSH keys of a statement."""
    terms, proper, key_text, digest, bands = _signature_parts(text, with_bands)
    return Signature(terms, proper, key_text, digest, list(bands))


@lru_cache(maxsize=1 << 15)  # background bullets repeat word for word across notes
def _signature_parts(text: str, with_bands: bool) -> tuple[frozenset[str], frozenset[str], str, str, tuple[int, ...]]:
    terms = content_terms(text)
    key_text = " ".join(terms)
    term_set = frozenset(terms)
    bands = band_keys(term_set) if with_bands and len(term_set) >= MIN_TERMS_FOR_LSH else []
    return (term_set, proper_terms(text) & term_set, key_text, hashlib.sha256(key_text.encode()).hexdigest(),
            tuple(bands))


def similarity_of_terms(a: frozenset[str], b: frozenset[str], proper: frozenset[str] = frozenset()) -> float:
    """0 when the statements assert different numbers, else the weighted Jaccard overlap of their terms.

    Names (`proper`) weigh double: two statements about different people or places differ.
    """
    shared_terms = a & b
    if not shared_terms:
        return 0.0
    only_a, only_b = a - shared_terms, b - shared_terms
    if any(t[0].isdigit() for t in only_a) or any(t[0].isdigit() for t in only_b):
        return 0.0
    extra = PROPER_WEIGHT - 1.0
    shared = len(shared_terms) + extra * len(shared_terms & proper)
    union = len(a) + len(only_b) + extra * len((a | b) & proper)
    if only_a & proper and only_b & proper:  # each names something the other does not: Shravasti vs Kushinagar
        shared *= NAME_CONFLICT
    return shared / union


def similarity(text_a: str, text_b: str) -> float:
    """How nearly two bullets state the same fact, in [0, 1]."""
    a, b = signature(text_a, with_bands=False), signature(text_b, with_bands=False)
    return similarity_of_terms(a.terms, b.terms, a.proper | b.proper)


def same_fact(text_a: str, text_b: str, threshold: float = THRESHOLD) -> bool:
    """The dedup decision for two statements (identical normalised text always counts)."""
    if content_terms(text_a) == content_terms(text_b):
        return True
    return similarity(text_a, text_b) >= threshold


def _insert_ignore(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert facts, skipping hashes another process stored meanwhile (server mode runs several writers)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":  # executemany: SQLAlchemy batches the rows, no giant statement to compile
        session.execute(pg_insert(m.Fact).on_conflict_do_nothing(index_elements=["hash"]), rows)
    elif dialect == "sqlite":
        session.execute(sqlite_insert(m.Fact).on_conflict_do_nothing(index_elements=["hash"]), rows)
    else:
        session.execute(insert(m.Fact), rows)


@dataclass
class Choice:
    """What one article's bullets map to: bullet → (fact id or None for a new fact, similarity, hash), and the
    facts it creates (hash → signature and first text), in creation order."""

    chosen: dict[int, tuple[int | None, float, str]] = field(default_factory=dict)
    pending: dict[str, Signature] = field(default_factory=dict)
    pending_text: dict[str, str] = field(default_factory=dict)


def choose_facts(sigs: dict[int, Signature], texts: dict[int, str], by_hash: dict[str, int],
                 candidates: dict[int, list[tuple[int, Terms]]]) -> Choice:
    """The dedup decision for one article's bullets, given the known facts; shared by the one-article and the
    batch linker, so both store the same facts."""
    out = Choice()
    for bid, sig in sigs.items():
        if sig.hash in by_hash:
            out.chosen[bid] = (by_hash[sig.hash], 1.0, sig.hash)
            continue
        best_id, best_sim = None, 0.0
        seen: set[int] = set()
        for key in sig.bands:
            for fact_id, (terms, proper) in candidates.get(key, []):
                if fact_id in seen:
                    continue
                seen.add(fact_id)
                sim = similarity_of_terms(sig.terms, terms, sig.proper | proper)
                if sim > best_sim:
                    best_id, best_sim = fact_id, sim
        local = _best_pending(sig, out.pending)
        if local is not None and local[1] > best_sim:
            out.chosen[bid] = (None, local[1], local[0])
        elif best_id is not None and best_sim >= THRESHOLD:
            out.chosen[bid] = (best_id, best_sim, sig.hash)
        else:
            out.pending.setdefault(sig.hash, sig)
            out.pending_text.setdefault(sig.hash, texts[bid])
            out.chosen[bid] = (None, 1.0, sig.hash)
    return out


def fresh_keys(choice: Choice, by_hash: dict[str, int], candidates: dict[int, list[tuple[int, Terms]]]
               ) -> list[tuple[int, str]]:
    """(band key, hash) of new facts to file under each key, skipping keys already shared by KEY_CAP facts."""
    return [(k, h) for h, s in choice.pending.items() for k in s.bands
            if h not in by_hash and len(candidates.get(k, ())) < KEY_CAP]


def link_facts(session: Session, article_id: int) -> dict[int, int]:
    """Map every bullet of an article to a Fact (new or existing), replacing its old mentions; bullet → fact."""
    old_facts = set(session.scalars(select(m.FactMention.fact_id).where(m.FactMention.article_id == article_id)))
    session.execute(delete(m.FactMention).where(m.FactMention.article_id == article_id))
    bullets = list(session.execute(select(m.Bullet.id, m.Bullet.text).where(m.Bullet.article_id == article_id)
                                   .order_by(m.Bullet.position)))
    sigs = {bid: signature(btext) for bid, btext in bullets}
    texts = dict(bullets)
    by_hash = dict(session.execute(select(m.Fact.hash, m.Fact.id)
                                   .where(m.Fact.hash.in_(list({s.hash for s in sigs.values()})))).all())
    candidates = _candidates(session, {k for s in sigs.values() for k in s.bands})
    choice = choose_facts(sigs, texts, by_hash, candidates)
    pending = choice.pending
    _insert_ignore(session, [{"text": choice.pending_text[h], "hash": h, "signature": sig.encode()}
                             for h, sig in pending.items()])
    if pending:
        created = dict(session.execute(select(m.Fact.hash, m.Fact.id).where(m.Fact.hash.in_(list(pending)))).all())
        fresh = [{"key": k, "fact_id": created[h]} for k, h in fresh_keys(choice, by_hash, candidates)]
        if fresh:
            session.execute(insert(fact_keys), fresh)
        by_hash.update(created)
    mentions: list[dict[str, object]] = []
    result: dict[int, int] = {}
    for bid, (fid, sim, h) in choice.chosen.items():
        fact_id = fid if fid is not None else by_hash[h]
        result[bid] = fact_id
        mentions.append({"fact_id": fact_id, "article_id": article_id, "bullet_id": bid,
                         "similarity": round(sim, 4)})
    if mentions:
        session.execute(insert(m.FactMention), mentions)
    session.flush()
    _drop_orphans(session, old_facts - set(result.values()))
    return result


def _best_pending(sig: Signature, pending: dict[str, Signature]) -> tuple[str, float] | None:
    """A near-duplicate among facts this same article is creating (background repeated within one note)."""
    best: tuple[str, float] | None = None
    for h, other in pending.items():
        if not set(sig.bands) & set(other.bands):
            continue
        sim = similarity_of_terms(sig.terms, other.terms, sig.proper | other.proper)
        if sim >= THRESHOLD and (best is None or sim > best[1]):
            best = (h, sim)
    return best



def _candidates(session: Session, keys: set[int]) -> dict[int, list[tuple[int, Terms]]]:
    """band key → [(fact id, terms)] for stored facts sharing a key (the first KEY_CAP filed under it)."""
    if not keys:
        return {}
    rows: list[tuple[int, int, int]] = []
    key_list = list(keys)
    signatures: dict[int, str | None] = {}
    # a batch reads tens of thousands of small rows here: the raw DB-API cursor skips per-row Row objects
    cursor = session.connection().connection.cursor()
    try:
        for i in range(0, len(key_list), 500):  # integers only, so they are inlined: no bind per key
            inline = ", ".join(str(int(k)) for k in key_list[i:i + 500])
            cursor.execute(f"SELECT id, key, fact_id FROM fact_keys WHERE key IN ({inline})")
            rows.extend(cursor.fetchall())
        rows.sort()  # filing order: the first KEY_CAP facts of a key are its candidates
        buckets: dict[int, list[int]] = {}
        for _, key, fid in rows:
            bucket = buckets.setdefault(key, [])
            if len(bucket) < KEY_CAP:
                bucket.append(fid)
        ids = list({f for bucket in buckets.values() for f in bucket})
        for i in range(0, len(ids), 500):
            inline = ", ".join(str(int(f)) for f in ids[i:i + 500])
            cursor.execute(f"SELECT id, signature FROM facts WHERE id IN ({inline})")
            signatures.update(cursor.fetchall())
    finally:
        cursor.close()
    terms = {fid: decode(sig) for fid, sig in signatures.items()}
    empty: Terms = (frozenset(), frozenset())
    return {key: [(fid, terms.get(fid, empty)) for fid in bucket] for key, bucket in buckets.items()}


def _drop_orphans(session: Session, fact_ids: set[int]) -> None:
    """Facts no bullet cites any more (an article was edited) are removed."""
    if not fact_ids:
        return
    cited = set(session.scalars(select(m.FactMention.fact_id).where(m.FactMention.fact_id.in_(fact_ids))))
    gone = fact_ids - cited
    if gone:
        session.execute(delete(fact_keys).where(fact_keys.c.fact_id.in_(gone)))
        session.execute(delete(m.Fact).where(m.Fact.id.in_(gone)))


def prune_orphan_facts(session: Session) -> int:
    """Delete facts no bullet cites any more (their bullets were edited away or their article deleted)."""
    orphans = list(session.scalars(select(m.Fact.id).where(
        ~select(m.FactMention.id).where(m.FactMention.fact_id == m.Fact.id).exists())))
    for i in range(0, len(orphans), 500):
        chunk = orphans[i:i + 500]
        session.execute(delete(fact_keys).where(fact_keys.c.fact_id.in_(chunk)))
        session.execute(delete(m.Fact).where(m.Fact.id.in_(chunk)))
    return len(orphans)
