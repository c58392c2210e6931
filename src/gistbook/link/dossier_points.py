"""A dossier's statements: challenges and the way forward (each repeated point once), and what is new since a
date (repeated background is not news)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.dossier_records import NewItem, Point
from gistbook.link.dossier_scope import Scope, add_source
from gistbook.store import dossier_reads


def role_points(session: Session, scope: Scope, roles: Iterable[str]) -> dict[str, list[Point]]:
    """Challenges and way-forward points from sections with those roles, each repeated point once."""
    out: dict[str, list[Point]] = {r: [] for r in roles}
    seen: dict[Any, Point] = {}
    for bid, text, aid, role, fact_id in dossier_reads.bullets_in_roles(session, scope.ids, roles):
        if not scope.covers(aid, bid):
            continue
        key = fact_id if fact_id is not None else ("b", bid)
        point = seen.get(key)
        if point is None:
            point = seen[key] = Point(text)
            out[role].append(point)
        add_source(point.sources, scope.source(aid, bid))
    return out


def new_since(session: Session, scope: Scope, since: str) -> list[NewItem]:
    """Statements first seen in this topic on or after `since` (repeated background is not news)."""
    new_articles = [aid for aid, a in scope.articles.items() if (a["published"] or "") >= since]
    if not new_articles:
        return []
    found = dossier_reads.bullets_with_facts(session, new_articles)
    fact_ids = list({r[3] for r in found if r[3] is not None})
    old = dossier_reads.facts_stated_before(session, scope.ids, fact_ids, since)
    items: dict[Any, NewItem] = {}
    for bid, text, aid, fact_id in found:
        if fact_id in old or not scope.covers(aid, bid):
            continue
        key = fact_id if fact_id is not None else ("b", bid)
        item = items.setdefault(key, NewItem(scope.articles[aid]["published"], text))
        add_source(item.sources, scope.source(aid, bid))
    return sorted(items.values(), key=lambda x: x.date or "", reverse=True)
