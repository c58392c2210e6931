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
from sqlalchemy.orm import Session

from gistbook.link.text import content_terms, proper_terms
from gistbook.store import facts as store_facts
from gistbook.store.facts import prune_orphan_facts

__all__ = ["THRESHOLD", "Choice", "Signature", "band_keys", "choose_facts", "decode", "fresh_keys", "link_facts",
           "prune_orphan_facts", "same_fact", "signature", "similarity", "similarity_of_terms"]

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
    """Insert facts, skipping hashes another process stored meanwhile (store/facts.py)."""
    store_facts.insert_facts(session, rows)


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
    old_facts = store_facts.article_fact_ids(session, article_id)
    store_facts.forget_article_mentions(session, article_id)
    bullets = store_facts.article_bullets(session, article_id)
    sigs = {bid: signature(btext) for bid, btext in bullets}
    texts = dict(bullets)
    by_hash = store_facts.fact_ids_by_hash(session, {s.hash for s in sigs.values()})
    candidates = _candidates(session, {k for s in sigs.values() for k in s.bands})
    choice = choose_facts(sigs, texts, by_hash, candidates)
    pending = choice.pending
    _insert_ignore(session, [{"text": choice.pending_text[h], "hash": h, "signature": sig.encode()}
                             for h, sig in pending.items()])
    if pending:
        created = store_facts.fact_ids_by_hash(session, pending)
        store_facts.file_keys(session, [{"key": k, "fact_id": created[h]}
                                        for k, h in fresh_keys(choice, by_hash, candidates)])
        by_hash.update(created)
    mentions: list[dict[str, object]] = []
    result: dict[int, int] = {}
    for bid, (fid, sim, h) in choice.chosen.items():
        fact_id = fid if fid is not None else by_hash[h]
        result[bid] = fact_id
        mentions.append({"fact_id": fact_id, "article_id": article_id, "bullet_id": bid,
                         "similarity": round(sim, 4)})
    store_facts.add_mentions(session, mentions)
    session.flush()
    store_facts.drop_uncited(session, old_facts - set(result.values()))
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
    buckets, signatures = store_facts.filed_under(session, keys, KEY_CAP)
    terms = {fid: decode(sig) for fid, sig in signatures.items()}
    empty: Terms = (frozenset(), frozenset())
    return {key: [(fid, terms.get(fid, empty)) for fid in bucket] for key, bucket in buckets.items()}
