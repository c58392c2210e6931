"""Generator `quiz.mains.v1`: a Mains question from a challenges or background section, with an answer outline
made of the section's points, each citing its bullet."""

from __future__ import annotations

import re
from collections import Counter

from gistbook.quiz.chronology import interval
from gistbook.quiz.kb import Material
from gistbook.quiz.registry import Context, Draft, register
from gistbook.quiz.text import YEAR, fold, tidy

MAX_POINTS = 8
WORDS = " (Answer in 250 words)"
_CHALLENGE_HEAD = re.compile(r"^(roadblocks|challenges|issues|concerns|hurdles|obstacles|constraints|irritants|"
                             r"limitations|criticisms?|risks|weaknesses|gaps|bottlenecks|problems)\b", re.IGNORECASE)
DEFAULT_PREP = {"roadblocks": "to", "challenges": "facing", "issues": "in", "concerns": "over", "hurdles": "in",
                "obstacles": "to", "constraints": "on", "irritants": "in", "limitations": "of", "criticism": "of",
                "criticisms": "of", "risks": "to", "weaknesses": "of", "gaps": "in", "bottlenecks": "in",
                "problems": "in"}
_GENERIC = re.compile(r"\b(background|challenges|roadblocks|way forward|issues|context|overview|key facts)\b:?",
                      re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:about|on|key|the)\s+|^(?:strategic |key )?(?:features|importance|significance|"
                         r"origins(?: and evolution)?|evolution|timeline|highlights|facts)(?: of)?\s+|"
                         r"\s*[:–-]\s*(?:key features|features|at a glance|origins(?: and evolution)?|evolution|"
                         r"timeline|highlights|key facts)$|\s+(?:at a glance)$|\s+(?:and|&)$", re.IGNORECASE)
_PREP = re.compile(r"^(to|in|for|facing|before|of|with)\s+", re.IGNORECASE)
COMMON_WORDS = frozenset([
    "relations", "relationship", "bilateral", "cooperation", "ties", "partnership", "defence", "defense", "economic",
    "trade", "strategic", "security", "energy", "space", "the", "of", "in", "to", "and", "with", "for", "ties",
    "roadblocks", "challenges", "hurdles", "issues", "concerns", "obstacles", "constraints", "irritants",
    "strengthening", "deeper", "closer", "growth", "estimates", "policy", "reforms", "climate", "finance",
    "critical", "minerals", "forex", "reserves", "solar", "push", "rare", "earths", "fiscal", "monetary",
])
# what a Mains question can be about: a named scheme, body, grouping, exercise, agreement or policy, a pair of
# countries, or a recognised policy area; a place or an office ("North Zone", "the Expressway") is not
WORTHY_TYPES = frozenset({"scheme", "initiative", "organisation", "agreement", "military_exercise", "policy",
                          "grouping", "treaty", "programme", "mission"})
_PAIR = re.compile(r"\bIndia[-–][A-Z]\w+|\b[A-Z]\w+[-–]India\b|\bbetween India and [A-Z]")
_AREA = re.compile(r"\b(?:relations|ties|cooperation|partnership|policy|scheme|mission|yojana|abhiyan|programme|"
                   r"agreement|treaty|exercise|alliance|reserves|finance|minerals|estimates|energy|climate|trade|"
                   r"economy|inflation|budget|deficit|reforms?|agriculture|health|education|security|defence|"
                   r"space|solar|nuclear|water|employment|gdp|monsoon|disaster|digital|semiconductors?)\b",
                   re.IGNORECASE)
DIRECTIVES = ("Examine", "Trace the evolution of", "Discuss", "Critically analyse")


def sections(ctx: Context) -> list[tuple[int, str, str | None, list[Material]]]:
    """(article, role, heading, bullets) of every challenges, background or way-forward section with 3+ points."""
    if "sections" in ctx.kb.derived:
        return list(ctx.kb.derived["sections"])
    groups: dict[tuple[int, str, str | None], list[Material]] = {}
    for mat in ctx.kb.material_bullets():
        if mat.role in ("challenges", "background", "way_forward"):
            groups.setdefault((mat.article_id, mat.role, mat.heading), []).append(mat)
    found = [(a, r, h, b) for (a, r, h), b in groups.items() if len(b) >= 3]
    ctx.kb.derived["sections"] = found
    return list(found)


def subject_of(ctx: Context, article_id: int, heading: str | None, bullets: list[Material]) -> tuple[str, str]:
    """(challenge wording, subject) of a section: "roadblocks to", "deeper ties between India and Japan".

    The subject is the heading without generic words; a generic heading borrows the background's, then the
    partner country's relations, then the entity the section keeps naming. Empty when nothing fits.
    """
    head = _LEAD_WORDS.sub("", heading or "").strip()
    found = _CHALLENGE_HEAD.match(head)
    wording = ""
    if found:
        rest = head[found.end():].strip()
        prep = _PREP.match(rest)
        word = found.group(1).lower()
        wording = f"{word} {prep.group(1).lower() if prep else DEFAULT_PREP.get(word, 'to')}"
        head = rest[prep.end():] if prep else rest
    subject = _LEAD_WORDS.sub("", _bare(head)).strip()
    marks = [mk for b in ctx.kb.material_bullets(article_id) for sent in ctx.kb.sentences(b.bullet_id)
             for mk in sent.marks if mk.kind == "entity"]
    partners = Counter(mk.value for mk in marks if mk.type == "country" and fold(mk.value) != "india")
    title = fold(ctx.kb.articles[article_id].title + " " + (heading or ""))
    # the partner counts only when the article is about it (named in its title or heading, or in most of the
    # section's points), not when it is merely mentioned
    every = ctx.kb.material_bullets(article_id)
    partner = next((p for p, _n in partners.most_common(3)
                    if fold(p) in title or 2 * sum(fold(p) in fold(ctx.kb.texts[b.bullet_id]) for b in every)
                    >= len(every)), None)
    if not subject:
        others = [m.heading for m in ctx.kb.material_bullets(article_id) if m.role == "background" and m.heading]
        subject = _LEAD_WORDS.sub("", _bare(_LEAD_WORDS.sub("", others[0]))).strip() if others else ""
    if not subject and partner:
        subject = f"India–{partner} relations"
    if not subject:
        named = Counter(mk.value for mk in marks if mk.type != "country").most_common(1)
        subject = named[0][0] if named and named[0][1] >= 2 and fold(named[0][0]) in title else ""
    subject = _lower_common(subject)
    if subject and partner and subject == subject.lower():  # generic words only: say whose
        subject = f"{subject} between India and {partner}"
    kind = ctx.kb.entity_type(subject)
    if kind == "military_exercise":
        subject = f"the {subject} exercise" if "exercise" not in subject.lower() else f"the {subject}"
    elif kind in ("organisation", "initiative", "agreement"):
        subject = f"the {subject}"
    elif len(subject.split()) == 1 and kind is None:
        return wording, ""  # one word that names nothing known ("Mission") is no subject
    return wording, subject


def worthy(ctx: Context, subject: str) -> bool:
    """A subject an examiner would set a Mains question on (see WORTHY_TYPES)."""
    if _PAIR.search(subject) or _AREA.search(subject):
        return True
    bare = re.sub(r"^the |\s+exercise$", "", subject)
    return ctx.kb.entity_type(bare) in WORTHY_TYPES


def _bare(heading: str | None) -> str:
    return tidy(_GENERIC.sub("", heading or "")).strip(" :-–")


def _lower_common(text: str) -> str:
    """Lower-case the common words of a heading ("India-Japan Bilateral Relations" → "India-Japan bilateral
    relations"), keeping names as written."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        # a common word inside a name stays as written ("International Solar Alliance")
        in_name = after[:1].isupper() and after.lower() not in COMMON_WORDS
        out.append(word.lower() if word.lower() in COMMON_WORDS and not in_name else word)
    return " ".join(out)


def stem_for(role: str, wording: str, subject: str, has_way_forward: bool, dated: bool = True) -> str:
    """The Mains wording for a section: Examine … (challenges), Trace the evolution of … (background)."""
    if role == "challenges":
        core = f"Examine the {wording or 'challenges to'} {subject}"
        if has_way_forward:
            core += " and suggest a way forward"
        return core + "." + WORDS
    if role == "way_forward":
        return f"Discuss the way forward for {subject}." + WORDS
    if not dated:
        return f"Discuss the significance of {subject}." + WORDS
    return f"Trace the evolution of {subject}." + WORDS


def _point(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip(), maxsplit=1)[0]
    return first if len(first) <= 240 else first[:237].rsplit(" ", 1)[0] + "…"


def _ordered(ctx: Context, role: str, bullets: list[Material]) -> list[Material]:
    """Background points in date order (that is the evolution), other sections in reading order."""
    if role != "background":
        return bullets[:MAX_POINTS]
    dated: list[tuple[str, Material]] = []
    for b in bullets:
        years = [mk.value for s in ctx.kb.sentences(b.bullet_id) for mk in s.marks if mk.kind == "year"]
        span = interval(years[0]) if years else None
        if span is not None and YEAR.search(ctx.kb.texts[b.bullet_id]):
            dated.append((span[0], b))
    dated.sort(key=lambda p: p[0])
    chosen = [b for _d, b in dated][:MAX_POINTS]
    chosen += [b for b in bullets if b not in chosen][:MAX_POINTS - len(chosen)]
    return chosen


def _dated_count(ctx: Context, bullets: list[Material]) -> int:
    return sum(1 for b in bullets[:MAX_POINTS * 2]
               if any(mk.kind == "year" for s in ctx.kb.sentences(b.bullet_id) for mk in s.marks))


@register("quiz.mains.v1", "mains")
def build_mains(ctx: Context) -> Draft | None:
    """A Mains question with an outline; the outline is the section's own points with their sources."""
    found = sections(ctx)
    if not found:
        return None
    article_id, role, heading, bullets = ctx.rng.choice(found)
    has_way_forward = any(a == article_id and r == "way_forward" for a, r, _h, _b in found)
    wording, subject = subject_of(ctx, article_id, heading, bullets)
    if len(subject) < 4 or not worthy(ctx, subject):
        return None
    points = _ordered(ctx, role, bullets)
    outline = [f"- {_point(ctx.kb.texts[b.bullet_id])} [bullet #{b.bullet_id}]" for b in points]
    extra: list[Material] = []
    if role == "challenges" and has_way_forward:
        extra = next(b for a, r, _h, b in found if a == article_id and r == "way_forward")[:4]
        outline.append("Way forward:")
        outline += [f"- {_point(ctx.kb.texts[b.bullet_id])} [bullet #{b.bullet_id}]" for b in extra]
    answer = "Outline:\n" + "\n".join(outline)
    cited = [b.bullet_id for b in points + extra]
    explanation = (f"Outline made of the points of “{heading or role}” in "
                   f"“{ctx.kb.articles[article_id].title}” ({ctx.kb.articles[article_id].published or 'undated'}); "
                   "each point cites its bullet.")
    stem = stem_for(role, wording, subject, has_way_forward, _dated_count(ctx, bullets) >= 3)
    return Draft("mains", stem, [], answer, explanation, cited, topic=ctx.topic)
