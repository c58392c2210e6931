"""Generator `quiz.cloze.v1`: a stored fact with one date, figure, entity or acronym blanked, and four fillers
of which only the stored one is true (each wrong filler is checked to make the sentence provably false)."""

from __future__ import annotations

from gistbook.quiz import options as opt
from gistbook.quiz.kb import Mark, Sentence
from gistbook.quiz.mutate import plausible_first, replacements, standalone
from gistbook.quiz.pool import Candidate, published_year
from gistbook.quiz.registry import Context, Draft, register
from gistbook.quiz.relations import recorded_pairs
from gistbook.quiz.statements import answer_line, lead
from gistbook.quiz.text import fold
from gistbook.quiz.truth import acronym_statement, evaluate

CLOZE_KINDS = ("year", "figure", "entity")


def wrong_fillers(ctx: Context, sentence: Sentence, mark: Mark, want: int = 3) -> list[tuple[str, str]]:
    """Up to `want` fillers for the mark's place that make the sentence provably false, with the reason."""
    year = published_year(ctx.kb.source(sentence.bullet_id)["published"])
    out: list[tuple[str, str]] = []
    for _ in range(3):
        for new in replacements(ctx.kb, sentence, mark, ctx.rng, year):
            if fold(new) in {fold(o) for o, _ in out} or fold(new) == fold(mark.text):
                continue
            text = sentence.text[:mark.start] + new + sentence.text[mark.end:]
            verdict = evaluate(ctx.kb, text, [sentence.bullet_id])
            if verdict.truth is False:
                out.append((new, verdict.reason))
            if len(out) >= want:
                return out
    return out


def _sentence_cloze(ctx: Context) -> tuple[str, list[str], str, list[str], int] | None:
    articles = ctx.kb.material_articles
    cands: list[Candidate] = []
    for _ in range(3):  # many press releases hold no sentence a question can use: look at another
        article_id = ctx.rng.choice(articles)
        cands = [c for c in ctx.pool.candidates(article_id) if c.sentence is not None and standalone(c.sentence)]
        if cands:
            break
    ctx.rng.shuffle(cands)
    for cand in cands[:6]:
        sentence = cand.sentence
        assert sentence is not None
        # only marks that replacements() can fill: an entity other than a country or a person has no fillers,
        # and trying it would spend the attempt
        marks = [mk for mk in sentence.marks if mk.kind in CLOZE_KINDS
                 and (mk.kind != "entity" or mk.type in ("country", "person"))]
        ctx.rng.shuffle(marks)
        for mark in marks[:2]:
            wrong = wrong_fillers(ctx, sentence, mark)
            if len(wrong) == 3:
                blanked = sentence.text[:mark.start] + opt.BLANK + sentence.text[mark.end:]
                reasons = [f"“{new}” is wrong: {why}" for new, why in wrong]
                return blanked, [w for w, _ in wrong], mark.text, reasons, sentence.bullet_id
    return None


def _acronym_cloze(ctx: Context) -> tuple[str, list[str], str, list[str], int] | None:
    pairs = recorded_pairs(ctx.kb).get("acronym", [])
    if not pairs:
        return None
    pair = ctx.rng.choice(pairs)
    usable = ctx.kb.usable_acronyms()
    stored = usable[pair.left][0]
    others = plausible_first(pair.left, [exp for s, (exp, _a) in usable.items() if s != pair.left], ctx.rng)
    wrong: list[tuple[str, str]] = []
    for exp in others[:40]:
        verdict = evaluate(ctx.kb, acronym_statement(pair.left, exp), [pair.bullet_id])
        # near-twins ("Cold Chain Point", "Cold Chain Points") would be two options for one idea
        if verdict.truth is False and fold(exp).rstrip("s") not in {fold(w).rstrip("s") for w, _ in wrong} \
                and fold(exp).rstrip("s") != fold(stored).rstrip("s"):
            wrong.append((exp, verdict.reason))
        if len(wrong) == 3:
            blanked = acronym_statement(pair.left, opt.BLANK)
            return blanked, [w for w, _ in wrong], stored, [f"“{w}” is wrong: {r}" for w, r in wrong], pair.bullet_id
    return None


@register("quiz.cloze.v1", "cloze")
def build_cloze(ctx: Context) -> Draft | None:
    """One blank, four fillers of the same kind; the stored filler's position is drawn uniformly."""
    if not ctx.kb.material_articles:
        return None
    made = _acronym_cloze(ctx) if ctx.rng.random() < 0.15 else None
    if made is None:  # few acronyms have three look-alike expansions: fall back to a sentence
        made = _sentence_cloze(ctx)
    if made is None:
        return None
    blanked, wrong, right, reasons, bullet_id = made
    index = ctx.rng.randrange(4)
    options = list(wrong)
    options.insert(index, right)
    if len({fold(o) for o in options}) < 4:
        return None
    stem = "\n".join([lead(ctx, opt.LEAD_STATEMENT, opt.LEAD_STATEMENT_TOPIC), blanked, opt.CLOSE_CLOZE[0]])
    explanation = "\n".join([f"The stored fact reads “{blanked.replace(opt.BLANK, right)}” "
                             f"({ctx.kb.cite(bullet_id)}).", *reasons, answer_line(options, index)])
    return Draft("cloze", stem, options, opt.LETTERS[index], explanation, [bullet_id], topic=ctx.topic)
