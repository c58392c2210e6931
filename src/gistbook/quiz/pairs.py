"""Generator `quiz.pairs.v1`: "Consider the following pairs…", some pairs swapped to be wrong."""

from __future__ import annotations

from gistbook.quiz import options as opt
from gistbook.quiz.mutate import plausible_first
from gistbook.quiz.pool import published_year
from gistbook.quiz.quality import clean_office
from gistbook.quiz.registry import Context, Draft, register
from gistbook.quiz.relations import HEADERS, Pair, other_rights, pair_truth, recorded_pairs
from gistbook.quiz.statements import answer_line, lead
from gistbook.quiz.text import fold
from gistbook.quiz.worthiness import WORTHY, worthiness

# what papers pair: an agreement or body with its year, an exercise with its partner; never a person with an
# office (who holds which post is not asked, and a swapped office is an absurd distractor) nor an abbreviation
ASKED_RELATIONS = ("year", "partner")
YEAR_SPAN = 12


def _pairs_by_relation(ctx: Context) -> dict[str, list[Pair]]:
    """Recorded pairs of the relations papers ask, each stated in a sentence of the kind papers ask about."""
    found = recorded_pairs(ctx.kb)
    return {rel: [p for p in found.get(rel, []) if worthiness(ctx.kb.texts[p.bullet_id]) >= WORTHY]
            for rel in ASKED_RELATIONS}


def _wrong_right(ctx: Context, pair: Pair, pool: list[str], avoid: set[str]) -> tuple[str, str] | None:
    """A right-hand value that the knowledge base proves wrong for `pair.left`, with the reason."""
    head = pool[:8]  # the other pairs' own right sides come first: a classic swap
    if pair.relation == "year":  # a swapped year within a plausible span, not 1925 for a 2021 mission
        head = [v for v in head if v.isdigit() and abs(int(v) - int(pair.right)) <= YEAR_SPAN]
    rest = ctx.rng.sample(pool[8:], min(len(pool) - 8, 40)) if len(pool) > 8 else []
    ctx.rng.shuffle(head)
    if pair.relation == "acronym":  # only expansions whose initials could spell the acronym
        head, rest = [], plausible_first(pair.left, pool, ctx.rng)
    if pair.relation == "office":  # only offices written as offices, held by someone else
        head, rest = [v for v in head if clean_office(v)], [v for v in rest if clean_office(v)]
    if pair.relation == "year":  # a wrong year close to the right one, never one the store pairs with the body
        deltas = [d for d in range(-6, 7) if d]
        ctx.rng.shuffle(deltas)
        latest = published_year(ctx.kb.source(pair.bullet_id)["published"]) or 9999
        rest = [str(int(pair.right) + d) for d in deltas if int(pair.right) + d <= latest]  # nothing founded later
    candidates = [v for v in head + rest if fold(v) not in avoid and fold(v) != fold(pair.right)]
    for value in candidates[:12]:
        truth, reason = pair_truth(ctx.kb, pair.relation, pair.left, value, [pair.bullet_id])
        if truth is False:
            return value, reason
    return None


def _distinct_rights(ctx: Context, pairs: list[Pair]) -> list[Pair]:
    """The pairs in random order, one per right-hand value, so no two lines share an answer."""
    shuffled = ctx.rng.sample(pairs, min(len(pairs), 40))
    seen: set[str] = set()
    out = []
    for pair in shuffled:
        if fold(pair.right) not in seen:
            seen.add(fold(pair.right))
            out.append(pair)
    return out


def _cited(ctx: Context, reason: str, bullet_id: int) -> str:
    return reason if f"bullet #{bullet_id}" in reason else f"{reason} ({ctx.kb.cite(bullet_id)})"


@register("quiz.pairs.v1", "pairs")
def build_pairs(ctx: Context) -> Draft | None:
    """Three or four pairs of one relation; asked "which … correctly matched" or "how many pairs"."""
    if "pair_relations" not in ctx.kb.derived:
        ctx.kb.derived["pair_relations"] = {rel: ps for rel, ps in _pairs_by_relation(ctx).items()
                                            if len({fold(p.right) for p in ps}) >= 3}
    by_relation: dict[str, list[Pair]] = ctx.kb.derived["pair_relations"]
    if not by_relation:
        return None
    relation = ctx.rng.choice(sorted(by_relation))
    pairs = by_relation[relation]
    distinct = _distinct_rights(ctx, pairs)
    n = 4 if len(distinct) >= 4 and ctx.rng.random() < 0.4 else 3
    if n == 3 and ctx.rng.random() < 0.5:
        option_set = ctx.rng.choice(opt.CODES_3)
        index = ctx.rng.randrange(4)
        code = opt.code_set(option_set[index]) or frozenset()
        flags = [i in code for i in range(1, n + 1)]
        close = ctx.rng.choice(opt.CLOSE_PAIRS)
    else:
        option_set = ctx.rng.choice([opt.HOW_MANY_3, opt.HOW_MANY_PAIRS_3] if n == 3
                                    else [opt.HOW_MANY_4, opt.HOW_MANY_PAIRS_4])
        count = opt.count_of(option_set[ctx.rng.randrange(4)]) or 0
        flags = [True] * count + [False] * (n - count)
        ctx.rng.shuffle(flags)
        close = ctx.rng.choice(opt.CLOSE_HOW_MANY_PAIRS)
    chosen = distinct[:n]
    pool = other_rights(ctx.kb, relation, pairs)
    shown: list[tuple[str, str, bool, str, int]] = []
    for pair, correct in zip(chosen, flags):
        if correct:
            truth, reason = pair_truth(ctx.kb, relation, pair.left, pair.right, [pair.bullet_id])
            if truth is not True:
                return None
            shown.append((pair.left, pair.right, True, reason, pair.bullet_id))
            continue
        rights_first = [p.right for p in chosen if p is not pair] + pool
        wrong = _wrong_right(ctx, pair, rights_first, {fold(s[1]) for s in shown})
        if wrong is None:
            return None
        shown.append((pair.left, wrong[0], False, wrong[1], pair.bullet_id))
    if len({fold(s[1]) for s in shown}) < n:
        return None
    options = list(option_set)
    truths = [s[2] for s in shown]
    key = (opt.option_for_set(option_set, frozenset(i for i, t in enumerate(truths, 1) if t))
           if close in opt.CLOSE_PAIRS else opt.option_for_count(option_set, sum(truths)))
    if key is None:
        return None
    left_head, right_head = HEADERS[relation]
    lines = [lead(ctx, opt.LEAD_PAIRS, opt.LEAD_PAIRS_TOPIC), f"{left_head} : {right_head}"]
    lines += [f"{i}. {left} : {right}" for i, (left, right, _t, _r, _b) in enumerate(shown, 1)]
    lines.append(close)
    explanation = "\n".join(
        f"Pair {i} is {'correctly' if t else 'not correctly'} matched: {_cited(ctx, reason, b)}."
        for i, (_l, _r, t, reason, b) in enumerate(shown, 1)) + "\n" + answer_line(options, key)
    return Draft("pairs", "\n".join(lines), options, opt.LETTERS[key], explanation, [s[4] for s in shown],
                 topic=ctx.topic)
