"""Figure series of a dossier: values grouped by subject, oldest period first, older values flagged superseded."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gistbook.link.text import content_terms
from gistbook.records import date_sort_key
from gistbook.standalone import DEBRIS, FIRST_PERSON, GLUED, QUOTE, has_verb

Source = dict[str, Any]


# units a learner revises at any size; anything else is a count of things, worth revising only when large
MEASURES = frozenset({"percent", "km", "m", "kg", "tonnes", "GW", "MW", "GWh", "MWh", "kWh", "TWh", "hectares", "acres",
                      "litres", "Mbps", "Gbps", "sq km", "km/h", "degrees Celsius", "barrels", "bcm", "MMT", "LMT"})
LARGE_COUNT = 100_000
# words a subject cannot open or end on: it would be a fragment of the sentence, not the name of a quantity
_FUNCTION = frozenset({"to", "of", "out", "which", "that", "who", "with", "for", "by", "in", "on", "at", "from", "so",
                       "across", "plus", "and", "or", "the", "a", "an", "as", "than", "per", "each", "over", "under",
                       "about", "around", "nearly", "some", "its", "their", "his", "her", "this", "these", "those",
                       "also", "further", "far", "currently", "already", "including", "among", "between", "into",
                       "while", "during", "since", "up", "down", "being", "such", "all", "total", "additional",
                       "along", "alongside", "besides", "both", "whose", "where", "when", "then", "like",
                       "it", "they", "he", "she", "we", "there", "i", "you"})  # "it observes that the allocation"
# heads too generic to name a quantity on their own ("distance", "outlay": of what?)
_GENERIC = frozenset({"distance", "cost", "amount", "value", "number", "total", "figure", "share", "rate", "growth",
                      "increase", "decline", "outlay", "investment", "allocation", "expenditure", "sum", "budget",
                      "target", "goal", "capacity", "length", "size", "level", "levels", "percentage", "signing"})
_TARGET_WORDS = frozenset({"target", "goal", "aim", "objective"})
_ING_NOUNS = frozenset({"spending", "funding", "financing", "lending", "borrowing", "housing", "shipbuilding",
                        "manufacturing", "earnings", "savings", "holdings", "landing", "sowing"})
# participles that name a kind of quantity rather than an act ("installed capacity", "sanctioned posts")
_PARTICIPLE_ADJECTIVES = frozenset({"installed", "sanctioned", "estimated", "combined", "allocated", "projected",
                                    "revised", "registered", "insured", "irrigated", "electrified"})
_CLAUSE_WORDS = frozenset({"though", "although", "even", "get", "gets", "got", "supplies", "because", "whereas",
                           "if", "unless", "whether", "said", "says"})
# advice and plans open on a verb in its base form ("Use the ¥5 trillion target …", "raise defence spending")
_BASE_VERBS = frozenset({"use", "turn", "raise", "double", "triple", "build", "boost", "cut", "reduce", "increase",
                         "expand", "make", "set", "reach", "achieve", "bring", "create", "attract", "draw", "identify",
                         "exchange", "train", "send", "mobilise", "mobilize", "extend", "provide", "ensure", "aim",
                         "aims", "towards", "toward"})


# what a figure worth revising measures: the head noun of its subject must be one of these (or a plural)
QUANTITY_HEADS = frozenset("""
trade export import investment fdi outlay budget allocation expenditure spending revenue receipt tax collection
production output capacity generation consumption demand supply reserve gdp gva growth rate inflation
deficit debt borrowing population area length distance coverage beneficiary
connection enrolment enrollment emission share value price cost subsidy loan credit deposit asset wage income
remittance target goal speed yield procurement sale disbursement instalment installment fund funding
corpus grant assistance aid saving tariff duty footfall traffic turnover profit loss capitalisation
capitalization density literacy mortality ratio index score forest cover tonnage cargo freight
passenger ridership installation penetration electrification stock acreage
""".split())  # noqa: SIM905


def clean_subject(subject: str | None) -> bool:
    """A subject that names what was measured ("bilateral trade", "India's foreign exchange reserves"), not a
    leftover of its sentence ("currently holds", "which", "per tonne", "to NCDC", "Make in India focuses")."""
    words = (subject or "").replace("’", "'").split()
    if not words or any(any(c.isdigit() for c in w) for w in words) or len(words) > 8:
        return False
    first, last = words[0].lower(), words[-1].lower().strip(",.;:")
    if first in _FUNCTION or last in _FUNCTION or first.endswith("ly"):
        return False
    if first in _BASE_VERBS or any((has_verb(w) or w.lower().endswith("ed")) and w.lower() not in _PARTICIPLE_ADJECTIVES
                                   for w in words):
        return False  # "country currently supplies", "India imported goods", "Use", "raise defence spending"
    if any(w.lower().endswith("ing") and w.lower() not in _ING_NOUNS for w in words):
        return False  # "putting real GDP growth", "having financial outlay", "Sector Scheme offering assistance"
    if any(w.lower() in _CLAUSE_WORDS for w in words):
        return False  # "Even though the Saudi Contract Price", "beneficiaries get assistance"
    content = [w.lower().strip(",.;:'") for w in words if w.lower() not in _FUNCTION]
    if len(content) == 1 and content[0] in _TARGET_WORDS:
        return True  # a dossier's "target" is its topic's target; targets form their own series
    head = content[-1] if content else ""
    singular = head[:-3] + "y" if head.endswith("ies") else head.rstrip("s")
    if head not in QUANTITY_HEADS and singular not in QUANTITY_HEADS:
        return False  # "along", "major decision", "Committee further notes": not the name of a quantity
    return bool(content) and not (len(content) <= 2 and content[-1] in _GENERIC and content[0] in _GENERIC | {
        "financial", "approximate", "total", "overall", "estimated", "annual"})


def worth_showing(value: float, unit: str, subject: str | None, sentence: str) -> bool:
    """A dossier figure is shown when it measures something a learner revises, names its subject and comes from
    a statement of fact (not a line of speech or page debris); the rest stays in its article."""
    measure = unit in MEASURES or (len(unit) == 3 and unit.isupper())  # an ISO currency
    if not measure and value < LARGE_COUNT:
        return False
    if FIRST_PERSON.search(sentence) or QUOTE.search(sentence) or GLUED.search(sentence) or DEBRIS.search(sentence):
        return False
    return clean_subject(subject)


@dataclass
class FigurePoint:
    """One stored figure with where it came from."""

    value: float
    unit: str
    period: str | None
    subject: str | None
    text: str
    source: Source


@dataclass
class _Entry:
    period: str | None
    value: float
    unit: str
    text: str
    as_of: str
    sources: list[Source] = field(default_factory=list)
    set_in: str | None = None  # a target's year of setting: what orders targets, whatever their horizon


# words that qualify a quantity without changing it: "bilateral trade" and "total trade" are the trade
_MODIFIERS = frozenset({"bilateral", "total", "overall", "annual", "two-way", "gross", "combined", "about", "nearly"})


@lru_cache(maxsize=4096)
def subject_key(subject: str | None, unit: str) -> str:
    """Subjects that differ only in wording or word order share a series ('bilateral trade' = 'trade, bilateral')."""
    terms = sorted({"target" if t in _TARGET_WORDS else t for t in content_terms(subject or "")} - _MODIFIERS)
    return " ".join(terms) + f"|{unit}"


def period_kind(period: str | None) -> str:
    """Values are compared only with values of the same kind of period: fiscal years with fiscal years, months with
    months; a value with no period is compared by when it was reported."""
    if not period:
        return "reported"
    if period.startswith("FY"):
        return "FY-part" if len(period) > 9 else "FY"
    return {4: "year", 7: "month", 10: "day"}.get(len(period), "other")


def _kind(entry: _Entry) -> str:
    return "target" if entry.set_in else period_kind(entry.period)


def _order(entry: _Entry) -> tuple[str, str]:
    """Newer period first wins; without a period, the publication date stands in for it; targets go by the
    year they were set."""
    if entry.set_in:
        return entry.set_in, entry.as_of or ""
    return (date_sort_key(entry.period) if entry.period else entry.as_of or "", entry.as_of or "")


def _merged_keys(points: list[FigurePoint], keys: list[str]) -> dict[str, str]:
    """key → representative key: differently worded subjects ('trade', 'bilateral trade') merge when they report
    the same value in the same unit for the same period, which shows they name one quantity."""
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    seen: dict[tuple[str, str, float], str] = {}
    for p, k in zip(points, keys):
        if p.period and not k.startswith("?"):
            other = seen.setdefault((p.unit, p.period, p.value), k)
            parent[root(k)] = root(other)
    return {k: root(k) for k in keys}


def _without(key: str, terms: set[str]) -> str:
    words, unit = key.rsplit("|", 1)
    kept = [w for w in words.split() if w not in terms]
    return " ".join(kept or words.split()) + f"|{unit}"


def build_series(points: list[FigurePoint], max_sources: int = 5, topic: str = "") -> list[dict[str, Any]]:
    """Group figures into series; in each, every value older than the newest one of its kind is `superseded`.
    Words of the topic's own name ("India", "Japan" in the India–Japan dossier) do not tell series apart."""
    groups: dict[str, dict[tuple[str | None, float], _Entry]] = {}
    names: dict[str, Counter[str]] = {}
    own = set(content_terms(topic))
    # without a subject there is no series to compare against: each such figure stands alone
    keys = [_without(subject_key(p.subject, p.unit), own) if p.subject
            else f"?{p.source.get('bullet_id')}|{p.text}|{p.value}" for p in points]
    merged = _merged_keys(points, keys)
    for p, own_key in zip(points, keys):
        key = merged[own_key]
        names.setdefault(key, Counter())[p.subject or ""] += 1
        entries = groups.setdefault(key, {})
        as_of = (p.source.get("published") or "")[:10]
        period, set_in = p.period, None
        if key.split("|")[0] == "target":
            # a target is set in a year ("At the 2022 summit … a target of ¥5 trillion", or the report's year) and
            # may name its horizon ("100 million tonnes by 2030"): the horizon stays its period, the year orders it
            if period and len(period) == 4 and period <= as_of[:4]:
                set_in = period
            else:
                set_in = as_of[:4] or None
                period = period if period and period > as_of[:4] else set_in
        entry = entries.get((period, p.value))
        if entry is None:
            entry = entries[(period, p.value)] = _Entry(period, p.value, p.unit, p.text, as_of, set_in=set_in)
        elif as_of and (not entry.as_of or as_of < entry.as_of):
            entry.as_of = as_of
        if len(entry.sources) < max_sources and p.source not in entry.sources:
            entry.sources.append(p.source)
    out: list[dict[str, Any]] = []
    for key, entries in groups.items():
        ordered = sorted(entries.values(), key=_order)
        newest: dict[str, _Entry] = {}
        for e in ordered:
            newest[_kind(e)] = e  # the last of each kind of period is the current value
        series = []
        for e in ordered:
            superseded = newest[_kind(e)] is not e
            series.append({"period": e.period, "value": e.value, "unit": e.unit, "superseded": superseded,
                           "as_of": e.as_of or None, "text": e.text, "sources": e.sources})
        subject = min(names[key].items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        out.append({"subject": subject or None, "unit": ordered[0].unit, "series": series})
    out.sort(key=lambda s: (-len(s["series"]), s["subject"] or ""))
    return out


# bodies and programmes a figure can belong to: in "the flagship arm of Coal India, Northern Coalfields Limited, has
# met its target of 140 MT" the target is the arm's, named nearest before it, not Coal India's
OWNER_TYPES = frozenset({"organisation", "scheme", "agreement", "initiative", "policy", "military_exercise"})
_SENTENCE_BREAK = re.compile(r"[.;!?]\s")


def owned_elsewhere(bullet: str, figure_start: int, mentions: list[tuple[int, int, int]], topic_entity: int) -> bool:
    """Whether the named body or programme nearest before a figure, in its sentence, is another than the topic's.
    `mentions` are (entity id, start, end) of OWNER_TYPES entities in the bullet."""
    before = [(end, eid) for eid, start, end in mentions
              if end <= figure_start and not _SENTENCE_BREAK.search(bullet, end, figure_start)]
    if not before:
        return False
    return max(before)[1] != topic_entity
