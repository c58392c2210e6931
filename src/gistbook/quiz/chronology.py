"""Generator `quiz.chronology.v1`: put three or four dated events in order; dates must not overlap."""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass

from gistbook.quiz import options as opt
from gistbook.quiz.kb import KnowledgeBase
from gistbook.quiz.mutate import DEBRIS, MAX_CHARS, SPEECH
from gistbook.quiz.registry import Context, Draft, register
from gistbook.quiz.statements import answer_line
from gistbook.quiz.text import YEAR, as_sentence, fold, tidy
from gistbook.quiz.worthiness import WORTHY, worthiness
from gistbook.standalone import has_finite_verb, is_anaphoric

_PREPOSITION = re.compile(r"(?:\b(?:in|on|from|since|during|by|till|until|dated|of|for|to|at|after|before|"
                          r"w\.e\.f\.)\s+)?$", re.IGNORECASE)
_LEADS_IN = re.compile(r"(?:\b(?:in|on|from|since|during|by|till|until|dated|of|for|to|at|after|before|"
                       r"w\.e\.f\.)\s+|^\s*)$", re.IGNORECASE)
_DANGLING = re.compile(r"\b(?:the|a|an|of|to|in|with|for|and|from|by|at|on|its|their|or|as|than)\s*[.,;:]?$|"
                       r"[(\-–,:]\s*\.?$|\d(?:st|nd|rd|th)?$|"
                       r"\bfrom (?:over |about |nearly |more than |around |some )?[\d₹$][^ ]*(?: \S+){0,3}$",
                       re.IGNORECASE)
_TRAILING_PARTICIPLE = re.compile(r"^(.{8,}?),\s*(set up|signed|established|founded|launched|formed|created|adopted)$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_FY = re.compile(r"^FY(\d{4})-(\d{2})$")
NOUNS = {"established": "Establishment of", "founded": "Founding of", "set up": "Setting up of",
         "launched": "Launch of", "signed": "Signing of", "formed": "Formation of", "created": "Creation of",
         "adopted": "Adoption of", "inaugurated": "Inauguration of", "constituted": "Constitution of",
         "instituted": "Institution of", "started": "Start of", "announced": "Announcement of"}
_SUBJECT = re.compile(r"^((?:the |The )?[^,;]{3,120}?)\s+(?:is|are|was|were|has|have|had|aims|aimed|will|serves|"
                      r"remains|became|works|acts|provides|brings|seeks|counts)\b")
_RESOLVED = re.compile(r"^(The|This|That|It) \w* ?\(([^()]{8,120})\)")  # "The Bill (Agreement on …)" → the agreement


@dataclass(frozen=True)
class Dated:
    """An event as a question shows it (its sentence without the date) and the interval its date covers."""

    text: str
    start: str
    end: str
    date: str
    bullet_id: int


def interval(value: str) -> tuple[str, str] | None:
    """First and last day a normalised date covers (1903 → 1903-01-01..1903-12-31; FY2022-23 → Apr–Mar)."""
    fy = _FY.match(value)
    if fy:
        start = int(fy.group(1))
        return f"{start}-04-01", f"{start + 1}-03-31"
    found = _DATE.match(value)
    if not found:
        return None
    year, month, day = found.groups()
    if day:
        return value, value
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def dated_items(kb: KnowledgeBase, bullet_id: int) -> list[Dated]:
    """Events of a bullet, each shown as its sentence (the event's own text when extraction resolved a
    back-reference in it) with the date cut out."""
    key = ("dated", bullet_id)
    if key not in kb.derived:
        kb.derived[key] = _dated_items(kb, bullet_id)
    return list(kb.derived[key])


def _dated_items(kb: KnowledgeBase, bullet_id: int) -> list[Dated]:
    out: list[Dated] = []
    seen: set[str] = set()
    published = kb.source(bullet_id)["published"] or "9999"
    for text, start, end, value in _dated_texts(kb, bullet_id):
        span = interval(value)
        # a fiscal year dates a figure, not an event; a date after publication is a plan or a deadline; a bare
        # year of the publication year is usually part of a name ("Summit 2026")
        if span is None or value.startswith("FY") or value in seen or span[0] > published \
                or (len(value) == 4 and value == published[:4]) or not _LEADS_IN.search(text[:start]) \
                or _NOT_A_POINT.search(text[:start]) or _IN_RELATIVE.search(text[:start]) \
                or worthiness(kb.texts[bullet_id]) < WORTHY:
            continue
        description = describe(text, start, end)
        if _readable(description):
            seen.add(value)
            out.append(Dated(description, span[0], span[1], value, bullet_id))
    return out


def _readable(text: str) -> bool:
    """A description that stands alone: a sentence of some length, nothing cut off, no date left in it,
    and an event (see `happened`)."""
    return (25 <= len(text) <= MAX_CHARS and len(text.split()) >= 4 and not YEAR.search(text)
            and not _DANGLING.search(text.rstrip(".")) and text.count("(") == text.count(")")
            and text.count("‘") == text.count("’") and not is_anaphoric(text) and not SPEECH.search(text)
            and not DEBRIS.search(text) and not text.startswith(("Note", "(")) and "today" not in text.casefold()
            and ":" not in text and happened(text))


# "…the station, which was commissioned in 1989": the date dates the side clause, not the sentence's event
_IN_RELATIVE = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*$", re.IGNORECASE)
# the date was a span ("since 2015"), a start ("from 2019"), or a deadline ("by 2030"): not a point in time
_NOT_A_POINT = re.compile(r"\b(?:since|from|until|till|by|through|to|between|over|within|before|after|"
                          r"ended|ending)\s+(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?$", re.IGNORECASE)
_NOUN_EVENT = re.compile(r"^(?:" + "|".join(NOUNS.values()) + r")\b")
_PAST_EVENT = re.compile(r"\b(?:was|were|[a-z]{3,}ed|began|held|met|took|won|led|made|set|rose|fell|grew|built|"
                         r"came|went|gave|sent|brought|saw|left|paid|cut|hit|lost|chose|drew|got|laid|withdrew|"
                         r"undertook|overtook|became|struck|spoke|sold|bought|rejoined|joined)\b")
_STATE = re.compile(r"\b(?:is|are|am|remains?|has|have|had|will|shall|would|could|may|might|can|must|"
                    r"is planned|later|continues|dominates|holds|hold|train|trains)\b", re.IGNORECASE)
# "Trade was $31.4 billion": a figure at a date is a measurement, not an event
_MEASURE = re.compile(r"\b(?:was|were|stood at|stands at|amounted to|totalled)\s+(?:about |around |nearly |over |"
                      r"at |only |just |some |more than )?[\d₹$¥€£]")
_RELATIVE = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,?")
# the date carried the verb's meaning ("dates from 1903", "goes back to 1952"): without it nothing is left
_NEEDS_DATE = re.compile(r"\b(?:dates?|dated|dating|back|goes|traces?|as of|as on|the early hours|the end|"
                         r"the start|the beginning|the middle)\.?$", re.IGNORECASE)
_CUT_PARTICIPLE = re.compile(r",\s+(?:first\s+|later\s+|subsequently\s+)?(?:[a-z]+ed|held|begun|set up)\.?$")
# "The Japan-India Association set up.": a participle with no "was" left behind when the date was cut out
_BARE_PARTICIPLE = re.compile(r"(?<!\bwas )(?<!\bwere )\b(?:set up|founded|established|formed|created|"
                              r"constituted|held|commissioned|issued|notified|inaugurated|dated)\.?$")
_ANAPHORIC_END = re.compile(r"\bthe (?:scheme|mission|programme|initiative|project|agreement|exercise|grouping|"
                            r"summit|meeting|policy|plan|body|forum)\.?$")
_TRANSITIVE_END = re.compile(r"(?<!\bwas )(?<!\bwere )\b(?:raised|set|increased|cut|reduced|released|announced|"
                             r"introduced|approved|extended|granted|launched|signed|opened|revised|lowered)\.?$")


def happened(text: str) -> bool:
    """An event at a point in time: a past action ("… was signed", "Talks began") or a named act ("Signing of
    the …"). A state ("is the fourth most common"), a duration ("has been held"), a plan ("will be held"), a
    figure with no verb ("Bilateral trade, about $27.5 billion") or a sentence that lost its sense with the
    date ("The Japan-India Association dates") is not."""
    if _NOUN_EVENT.match(text):
        return True
    core = _RELATIVE.sub(",", text)
    head, _, tail = core.partition(",")
    if tail and not _PAST_EVENT.search(head) and _PAST_EVENT.match(tail.strip()):
        return False  # "The Tokyo summit, launched the …": the date was the apposition that held it together
    return (bool(_PAST_EVENT.search(core)) and not _STATE.search(core) and not _NEEDS_DATE.search(text)
            and not _MEASURE.search(core)
            and not _CUT_PARTICIPLE.search(text) and not _ANAPHORIC_END.search(text)
            and not _TRANSITIVE_END.search(text) and not _BARE_PARTICIPLE.search(text))


def _dated_texts(kb: KnowledgeBase, bullet_id: int) -> list[tuple[str, int, int, str]]:
    """(text, date start, date end, date value): the event texts first, then the bullet's own sentences."""
    found: list[tuple[str, int, int, str]] = []
    marks = [(s, mk) for s in kb.sentences(bullet_id) for mk in s.marks if mk.kind == "year"]
    mat = kb.material.get(bullet_id)
    for date, text in mat.events if mat is not None else []:
        if not text[:1].isupper() or len(text.split()) < 5 \
                or not any(s.text.startswith(text[:20]) for s in kb.sentences(bullet_id)):
            continue  # a fragment, not a sentence ("San Francisco Peace Conference and concluded …")
        text = _RESOLVED.sub(lambda m: f"The {m.group(2)}" if not m.group(2).startswith("The ") else m.group(2), text)
        for _s, mk in marks:
            at = text.find(mk.text)
            if mk.value == date and at >= 0 and len(YEAR.findall(text)) == 1 and len(text) <= MAX_CHARS:
                found.append((text, at, at + len(mk.text), date))
    for sentence, mk in marks:
        if len(YEAR.findall(sentence.text)) == 1:
            found.append((sentence.text, mk.start, mk.end, mk.value))
    return found


def describe(text: str, start: int, end: int) -> str:
    """The event without its date: the words before the date when they say what happened, else the sentence
    with the date phrase cut out ("Established in 2017, the Forum…" → "The Forum… established")."""
    before = _PREPOSITION.sub("", text[:start]).strip().rstrip(",")
    after = text[end:].strip()
    trailing = _TRAILING_PARTICIPLE.match(before)
    # "The Act East Forum, set up" → "Setting up of the Act East Forum"
    # (the subject must be a name: "The Committee notes that the Mission, launched" is a clause, not a name)
    if trailing and len(trailing.group(1).split()) <= 10 and not is_anaphoric(trailing.group(1)) \
            and not has_finite_verb(trailing.group(1)) and " that " not in trailing.group(1):
        subject = trailing.group(1)
        return as_sentence(f"{NOUNS[trailing.group(2)]} {subject[:1].lower() + subject[1:]}"
                           if subject.startswith("The ") else f"{NOUNS[trailing.group(2)]} {subject}")
    if len(before) >= 25:
        return as_sentence(tidy(before))
    if after.startswith(",") and before.casefold() in NOUNS:  # "Founded in 1903, the X is …" → "Founding of the X"
        subject = _SUBJECT.match(after.lstrip(", "))
        return as_sentence(f"{NOUNS[before.casefold()]} {subject.group(1)}") if subject else ""
    if len(before.split()) <= 2:
        return ""
    return as_sentence(tidy(f"{before} {after}"))


def in_order(items: list[Dated]) -> bool:
    """True when each item ends before the next begins, so the order is beyond doubt."""
    return all(a.end < b.start for a, b in itertools.pairwise(items))


def _twins(items: list[Dated]) -> bool:
    """The same description twice would make the order unanswerable."""
    return len({fold(d.text) for d in items}) < len(items)


def _items(ctx: Context) -> list[list[Dated]]:
    key = ("dated_groups", ctx.topic)
    cache = ctx.kb.derived.get(key)
    if cache is None:
        groups: dict[int, list[Dated]] = {}
        for mat in ctx.kb.material_bullets():
            groups.setdefault(mat.article_id, []).extend(dated_items(ctx.kb, mat.bullet_id))
        cache = [g for g in groups.values() if g]
        if ctx.topic:  # a topic is one theme: its events may be mixed across articles
            cache = [[d for g in cache for d in g]]
            key_bullets = ctx.kb.derived.get(("key_bullets", ctx.topic), set())
            milestones = [d for d in cache[0] if d.bullet_id in key_bullets]
            if len(milestones) >= 3:
                cache = [milestones]  # the topic's key dates, not its trivia
        ctx.kb.derived[key] = cache
    return cache


def balanced(correct: list[int], others: list[list[int]]) -> list[list[int]]:
    """Three wrong orders that open on as many different events as they can, the key's first among them:
    otherwise the one option opening on the obviously earliest event gives the key away."""
    chosen: list[list[int]] = []
    openers: set[int] = set()  # the earliest event must open a wrong option too, or the key stands out
    for order in sorted(others, key=lambda o: o[0] != correct[0]):  # orders opening on a new event first
        if len(chosen) < 3 and order[0] not in openers:
            chosen.append(order)
            openers.add(order[0])
    chosen += [o for o in others if o not in chosen][:3 - len(chosen)]
    return chosen


@register("quiz.chronology.v1", "chronology")
def build_chronology(ctx: Context) -> Draft | None:
    """Three or four events of one article (or topic) whose dates do not overlap, with four orderings."""
    groups = [g for g in _items(ctx) if len(g) >= 3]
    if not groups:
        return None
    group = ctx.rng.choice(groups)
    n = 4 if len(group) >= 4 and ctx.rng.random() < 0.5 else 3
    for _ in range(8):
        picked = ctx.rng.sample(group, n)
        by_date = sorted(picked, key=lambda d: d.start)
        if in_order(by_date) and not _twins(picked):
            break
    else:
        return None
    correct = [picked.index(d) + 1 for d in by_date]
    others = [list(p) for p in itertools.permutations(range(1, n + 1)) if list(p) != correct]
    ctx.rng.shuffle(others)
    orders = balanced(correct, others)
    index = ctx.rng.randrange(4)
    orders.insert(index, correct)
    options = [opt.sequence_code(o) for o in orders]
    stem = "\n".join([opt.LEAD_EVENTS, *(f"{i}. {d.text}" for i, d in enumerate(picked, 1)),
                      ctx.rng.choice(opt.CLOSE_CHRONOLOGY)])
    lines = [f"Event {picked.index(d) + 1} is dated {d.date} ({ctx.kb.cite(d.bullet_id)})." for d in by_date]
    explanation = "\n".join(lines) + "\n" + answer_line(options, index)
    return Draft("chronology", stem, options, opt.LETTERS[index], explanation, [d.bullet_id for d in picked],
                 topic=ctx.topic)
