"""Generator `quiz.cloze.v1`: a stored fact with one date, figure, entity or acronym blanked, and four fillers
of which only the stored one is true (each wrong filler is checked to make the sentence provably false)."""

from __future__ import annotations

import re

from gistbook.quiz import options as opt
from gistbook.quiz.kb import Mark, Sentence
from gistbook.quiz.mutate import replacements, standalone
from gistbook.quiz.pool import Candidate, published_year, subjects_of
from gistbook.quiz.registry import Context, Draft, register
from gistbook.quiz.statements import answer_line, lead
from gistbook.quiz.text import NUMBER_IN_TEXT, fold, parse_number
from gistbook.quiz.truth import evaluate

CLOZE_KINDS = ("year", "figure", "entity")
# A figure is worth a blank when it is a rule or a goal: a target, a composition, a term, a share, a limit
# ("a target of 100 million tonnes by 2030", "a Chairperson and 28 members", "a tenure of 10 years").
RULE_OR_GOAL = re.compile(r"\b(?:targets?|goals?|aims? to|by 20\d\d|members?|tenure|term of|age of|ceiling|cap|"
                          r"limit|threshold|reserv\w*|quota|share|per\s?cent|percent|subsid\w*|comprises|consists?|"
                          r"composition)\b|%", re.IGNORECASE)
# A running count or an amount done so far is news of the day, not an exam fact ("students reached", "airports
# operational as on", "applicants received", "a contract valued at")
TALLY = re.compile(r"\b(?:so far|till date|to date|as on|as of|have been|has been|had been|reached|benefit\w*|"
                   r"applicants?|applications|grievances|registered|received|sanctioned|disbursed|completed|"
                   r"installed|trained|covered|valued at|worth|enterprise value|operationali[sz]ed)\b", re.IGNORECASE)


def worth_blanking(sentence: Sentence, mark: Mark) -> bool:
    """Years and named things always; a figure only when it states a rule or a goal rather than a tally."""
    if mark.kind != "figure":
        return True
    return RULE_OR_GOAL.search(sentence.text) is not None and TALLY.search(sentence.text) is None


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


def _blankable(sentence: Sentence) -> list[Mark]:
    """Marks that replacements() can fill and that are worth asking: an entity other than a country has no
    fillers, a person is not blanked (who holds which post is not asked), a figure only as a rule or goal."""
    return [mk for mk in sentence.marks if mk.kind in CLOZE_KINDS
            and (mk.kind != "entity" or mk.type == "country") and worth_blanking(sentence, mk)]


def _sentence_cloze(ctx: Context) -> tuple[str, list[str], str, list[str], int] | None:
    articles = ctx.kb.material_articles
    cands: list[Candidate] = []
    for _ in range(12):  # many press releases hold no sentence a question can use: look at another
        article_id = ctx.rng.choice(articles)
        # a fact about a named scheme, body, agreement or ties with a country: "the ship", "Portal" are not asked
        cands = [c for c in ctx.pool.candidates(article_id) if c.sentence is not None and standalone(c.sentence)
                 and subjects_of(c.sentence) and _blankable(c.sentence)]
        if cands:
            break
    ctx.rng.shuffle(cands)
    for cand in cands[:6]:
        sentence = cand.sentence
        assert sentence is not None
        marks = _blankable(sentence)
        ctx.rng.shuffle(marks)
        for mark in marks[:2]:
            wrong = wrong_fillers(ctx, sentence, mark)
            if len(wrong) == 3:
                blanked = sentence.text[:mark.start] + opt.BLANK + sentence.text[mark.end:]
                reasons = [f"“{new}” is wrong: {why}" for new, why in wrong]
                return blanked, [w for w, _ in wrong], mark.text, reasons, sentence.bullet_id
    return None


@register("quiz.cloze.v1", "cloze")
def build_cloze(ctx: Context) -> Draft | None:
    """One blank, four fillers of the same kind; the stored filler's position is drawn uniformly."""
    if not ctx.kb.material_articles:
        return None
    made = _sentence_cloze(ctx)  # (an acronym's expansion is not blanked: papers test what a body does)
    if made is None:
        return None
    blanked, wrong, right, reasons, bullet_id = made
    index = ctx.rng.randrange(4)
    options = list(wrong)
    options.insert(index, right)
    if len({fold(o) for o in options}) < 4:
        return None
    values = [numeric_value(o) for o in options]
    if all(v is not None for v in values) and opt.progression([v for v in values if v is not None]):
        return None  # a spread the key can be read off
    if _given_away(blanked, right) or _one_side(blanked, options, right):
        return None
    stem = "\n".join([lead(ctx, opt.LEAD_STATEMENT, opt.LEAD_STATEMENT_TOPIC), blanked, opt.CLOSE_CLOZE[0]])
    explanation = "\n".join([f"The stored fact reads “{blanked.replace(opt.BLANK, right)}” "
                             f"({ctx.kb.cite(bullet_id)}).", *reasons, answer_line(options, index)])
    return Draft("cloze", stem, options, opt.LETTERS[index], explanation, [bullet_id], topic=ctx.topic)


def numeric_value(option: str) -> float | None:
    found = NUMBER_IN_TEXT.search(option)
    return parse_number(found.group(0)) if found else None


def _given_away(blanked: str, right: str) -> bool:
    """A blank the stem's own numbers fill: "___ of the seats and 70% …" adding to 100%, or parts of a total."""
    key = numeric_value(right)
    if key is None:
        return False
    others = [parse_number(m.group(0)) for m in NUMBER_IN_TEXT.finditer(blanked)]
    nums = [n for n in others if n is not None]
    if ("%" in right or "percent" in right) and any(abs(key + n - 100) < 0.01 for n in nums):
        return True
    if any(a and abs(abs(b - a) / a * 100 - key) <= 0.01 * key for a in nums for b in nums if a != b):
        return True  # "from 927 kg to 1,292 kg, a rise of ___": the change is the stem's arithmetic
    pairs = [(a, b) for i, a in enumerate(nums) for b in nums[i + 1:]]
    if any(abs(abs(a - b) - key) < 0.01 or abs(a * b - key) < 0.01 for a, b in pairs):
        return True  # "54 GW … against a 22 GW target, ___ more"
    each = re.search(r"\b(?:each|every|apiece)\b", blanked)
    if each and any(abs(n * k - key) < 0.01 for n in nums for k in (2, 3, 4)):
        return True  # "two schools of 5,000 each"
    return any(abs(sum(nums[i:j]) - key) < 0.01 for i in range(len(nums)) for j in range(i + 2, len(nums) + 1))


def _one_side(blanked: str, options: list[str], right: str) -> bool:
    """"___, up from 77.7%": only options beyond the stated start stay in play, so they all must be."""
    found = re.search(r"\b(?:up|rose|risen|increased|grew|down|fell|declined|decreased|dropped)\s+from\s+"
                      r"(?:₹|Rs\.?|\$)?\s*(\d[\d,]*(?:\.\d+)?)", blanked)
    key = numeric_value(right)
    if found is None or key is None:
        return False
    start = parse_number(found.group(1)) or 0.0
    values = [numeric_value(o) for o in options]
    return any(v is not None and (v > start) != (key > start) for v in values)
