"""What a results page shows for each ranked article: its metadata, its best-matching bullet cut to a snippet,
and the offsets of the query's words in it, matched as whole words (or their inflections), never inside others.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from sqlalchemy.orm import Session

from gistbook.store.fastsql import in_list, rows

SNIPPET_CHARS = 220


def decorate(session: Session, ranked: list[tuple[int, float]], terms: list[str]) -> list[dict[str, Any]]:
    """Add metadata, the best bullet and a snippet to ranked article ids."""
    if not ranked:
        return []
    # three small reads per results page, straight to the driver (store/fastsql.py)
    listed, ids = in_list("i", [aid for aid, _ in ranked])
    arts = {row[0]: row for row in rows(session, f"SELECT id, title, published, category FROM articles "
                                                 f"WHERE id IN {listed}", ids)}
    bullets: dict[int, list[tuple[int, str]]] = {}
    for bid, aid, btext in rows(session, f"SELECT id, article_id, text FROM bullets WHERE article_id IN {listed} "
                                         "ORDER BY position", ids):
        bullets.setdefault(aid, []).append((bid, btext))
    tags: dict[int, list[str]] = {}
    for aid, tag in rows(session, f"SELECT article_id, tag FROM article_tags WHERE article_id IN {listed} "
                                  "ORDER BY score DESC", ids):
        tags.setdefault(aid, []).append(tag)
    out: list[dict[str, Any]] = []
    for aid, score in ranked:
        art = arts.get(aid)
        if art is None:
            continue
        _, title, published, category = art
        bullet_id, snippet, marks = best_snippet(bullets.get(aid, []), terms)
        out.append({"article_id": aid, "title": title, "published": published, "category": category,
                    "score": round(score, 4), "bullet_id": bullet_id, "snippet": snippet, "highlights": marks,
                    "syllabus": tags.get(aid, [])})
    return out


def _terms_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex finding any term as a whole word, or as that word inflected ('exercises' for 'exercise');
    group tN is term N. Never inside another word: 'to' does not light up 'Tokyo' or 'today'."""
    return _compiled_terms(tuple(terms))


_SUFFIXES = ("ies", "es", "s", "ed", "ing", "e", "y")  # stripped from a term to find the root its forms share
_ENDINGS = "(?:s|es|ies|e|ed|d|ied|ing|y|ly|er|ers|ation|ations)?"  # what a form may add to that root


@functools.lru_cache(maxsize=512)
def _compiled_terms(terms: tuple[str, ...]) -> re.Pattern[str]:  # built once per query, not once per result
    parts = []
    for n, term in enumerate(terms):
        root = term
        if term.isalpha() and len(term) >= 5:
            for suffix in _SUFFIXES:
                if term.endswith(suffix) and len(term) - len(suffix) >= 4:
                    root = term[:-len(suffix)]
                    break
        endings = _ENDINGS if term.isalpha() and len(term) >= 4 else "(?:s|es)?" if term.isalpha() else ""
        parts.append(f"(?P<t{n}>{re.escape(root)}{endings})")
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(parts)})(?![^\W_])", re.IGNORECASE)


def best_snippet(bullets: list[tuple[int, str]], terms: list[str]) -> tuple[int | None, str, list[list[int]]]:
    """The bullet matching most distinct terms, cut to a window around its first match, with match offsets."""
    if not bullets:
        return None, "", []
    pattern = _terms_pattern(terms)
    best: tuple[int, int, str, list[tuple[int, int]]] = (-1, bullets[0][0], bullets[0][1], [])
    for bid, btext in bullets:
        matches = list(pattern.finditer(btext))
        found = len({match.lastgroup for match in matches})
        if found > best[0]:
            best = (found, bid, btext, [match.span() for match in matches])
    _, bid, btext, spans = best
    start = 0
    if spans and len(btext) > SNIPPET_CHARS:
        start = max(0, spans[0][0] - 60)
        while start > 0 and not btext[start - 1].isspace():
            start -= 1
    end = min(len(btext), start + SNIPPET_CHARS)
    if end < len(btext):
        cut = btext.rfind(" ", start, end)
        end = cut if cut > start + 40 else end
    snippet = ("…" if start else "") + btext[start:end] + ("…" if end < len(btext) else "")
    shift = 1 if start else 0
    marks = [[s - start + shift, e - start + shift] for s, e in spans if s >= start and e <= end]
    return bid, snippet, marks
