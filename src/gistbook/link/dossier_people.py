"""A dossier's named things: the agreements, exercises, initiatives and people of a topic, each with the dates
written beside it and (people) the roles it held over time."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from gistbook.link.dossier_records import NamedThing
from gistbook.link.dossier_scope import Scope, add_source
from gistbook.records import date_sort_key
from gistbook.store import dossier_reads

SECTION_TYPES = {"agreements": ("agreement",), "exercises": ("military_exercise",),
                 "initiatives": ("initiative", "scheme", "policy", "organisation"), "people": ("person",)}


def named_things(session: Session, scope: Scope, events: list[Any]) -> dict[str, list[NamedThing]]:
    """Agreements, exercises, initiatives and people of the topic (section → things, most mentioned first); the
    entities shown are kept in `scope.named` for the dossier's version."""
    types = [t for group in SECTION_TYPES.values() for t in group]
    things: dict[int, NamedThing] = {}
    bullets_of: dict[int, set[int]] = {}
    for eid, name, etype, aliases, role, country, m_role, m_country, bid, aid in \
            dossier_reads.named_thing_mentions(session, scope.ids, types):
        if not scope.covers(aid, bid) or eid == scope.topic.entity_id:
            continue
        thing = things.get(eid)
        if thing is None:
            thing = things[eid] = NamedThing(name, etype, list(aliases or []), role, country)
        thing.mentions += 1
        published = scope.articles[aid]["published"]
        if m_role and not any(r["role"] == m_role for r in thing.roles):
            thing.roles.append({"role": m_role, "as_of": published})
        thing.country = thing.country or m_country
        add_source(thing.sources, scope.source(aid, bid))
        bullets_of.setdefault(eid, set()).add(bid)
    _attach_dates(things, bullets_of, events)
    scope.named = sorted(things)
    out: dict[str, list[NamedThing]] = {k: [] for k in SECTION_TYPES}
    for thing in sorted(things.values(), key=lambda t: (-t.mentions, t.name)):
        for section, group in SECTION_TYPES.items():
            if thing.type in group:
                thing.roles.sort(key=lambda r: r["as_of"] or "")
                if thing.roles:
                    thing.role = thing.roles[-1]["role"]
                out[section].append(thing)
    return out


def _attach_dates(things: dict[int, NamedThing], bullets_of: dict[int, set[int]], events: list[Any]) -> None:
    """The dates written in the bullets that name each thing (signed, held, came into force ...)."""
    dates_in: dict[int, set[str]] = {}
    for row in events:
        dates_in.setdefault(row[3], set()).add(row[0])
    for eid, thing in things.items():
        if thing.type != "person":
            values = {d for b in bullets_of.get(eid, set()) for d in dates_in.get(b, set())}
            thing.dates = sorted(values, key=date_sort_key)
