"""Generators `quiz.statements.v1` and `quiz.how_many.v1`: numbered statements, some changed to be false."""

from __future__ import annotations

from gistbook.quiz import options as opt
from gistbook.quiz.pool import Statement
from gistbook.quiz.registry import Context, Draft, register
from gistbook.quiz.text import content_words
from gistbook.quiz.truth import ACRONYM_STATEMENT, one_change


def lead(ctx: Context, plain: str, with_topic: str) -> str:
    return with_topic.format(topic=ctx.topic) if ctx.topic else plain


def numbered(statements: list[Statement]) -> str:
    return "\n".join(f"{i}. {s.text}" for i, s in enumerate(statements, 1))


def explain(statements: list[Statement], noun: str = "Statement") -> str:
    """One line per statement: correct or not, why, and the bullet it rests on."""
    lines = []
    for i, s in enumerate(statements, 1):
        if s.correct:
            lines.append(f"{noun} {i} is correct: {s.reason}.")
        else:
            stored = f" Stored: “{s.stored}”" if s.stored else ""
            lines.append(f"{noun} {i} is incorrect: {s.reason}.{stored}")
    return "\n".join(lines)


def arrange(ctx: Context, correct: list[bool], tries: int = 12) -> tuple[str, list[Statement]] | None:
    """A subject and statements about it whose truth follows `correct`, position by position.

    The drawn pattern is kept through several tries: giving up early would favour the patterns that are easy
    to fill (one false statement) and so bias where the key sits.
    """
    for _ in range(tries):
        picked = ctx.pool.pick(sum(correct), len(correct) - sum(correct))
        if picked is None:
            continue
        subject, trues, falses = picked
        chosen = [trues.pop() if flag else falses.pop() for flag in correct]
        if not _gives_away(chosen) and not any(_betrayed(s, chosen, subject) for s in chosen if not s.correct):
            return subject, chosen
    return None


def _betrayed(false: Statement, statements: list[Statement], subject: str) -> bool:
    """A false statement another one exposes: the year or name it changed is stated by another statement
    ("the Act, 2002" beside "the Act, 2008"), another false statement changed the same value (two different
    years for one Act: one of them must be wrong), or it changed the very country the question is about."""
    old = _changed(false)
    if old is None:
        return False
    if old and old.casefold() in subject.casefold():
        return True
    return any(old and (old in other.text or (not other.correct and _changed(other) == old))
               for other in statements if other is not false)


def _changed(false: Statement) -> str | None:
    change = one_change(false.stored, false.text) if false.stored else None
    return change[0].strip(" ,.") if change is not None else None


def subject_lead(ctx: Context, subject: str) -> str:
    """"With reference to the Deep Ocean Mission, consider …": the topic asked for, else the statements' own."""
    return opt.LEAD_STATEMENTS_TOPIC.format(topic=ctx.topic or subject)


def _gives_away(statements: list[Statement]) -> bool:
    """Statements that answer each other: an acronym beside its spelled-out form, or two near-twins."""
    for s in statements:
        found = ACRONYM_STATEMENT.match(s.text)
        if found and any(found["short"] in o.text for o in statements if o is not s):
            return True
    words = [set(content_words(s.text)) for s in statements]
    return any(len(a & b) >= 0.5 * min(len(a), len(b)) for i, a in enumerate(words) for b in words[i + 1:]
               if a and b)


def answer_line(options: list[str], index: int) -> str:
    return f"Hence the answer is ({opt.LETTERS[index].lower()}) {options[index]}."


@register("quiz.statements.v1", "statements")
def build_statements(ctx: Context) -> Draft | None:
    """Two or three statements with a real code-option set; the correct option is drawn first, uniformly."""
    option_set = ctx.rng.choice(opt.CODES_2 if ctx.rng.random() < 0.4 else opt.CODES_3)
    index = ctx.rng.randrange(len(option_set))
    chosen = opt.code_set(option_set[index])
    n = 2 if option_set in opt.CODES_2 else 3
    assert chosen is not None
    arranged = arrange(ctx, [i in chosen for i in range(1, n + 1)])
    if arranged is None:
        return None
    subject, statements = arranged
    options = list(option_set)
    key = opt.option_for_set(option_set, frozenset(i for i, s in enumerate(statements, 1) if s.correct))
    if key is None:
        return None
    stem = "\n".join([subject_lead(ctx, subject), numbered(statements), ctx.rng.choice(opt.CLOSE_STATEMENTS)])
    explanation = explain(statements) + "\n" + answer_line(options, key)
    return Draft("statements", stem, options, opt.LETTERS[key], explanation, [s.bullet_id for s in statements],
                 topic=ctx.topic)


@register("quiz.how_many.v1", "how-many")
def build_how_many(ctx: Context) -> Draft | None:
    """Three or four statements asked as "How many of the above…"; the count is drawn first, uniformly."""
    option_set = opt.HOW_MANY_3 if ctx.rng.random() < 0.6 else opt.HOW_MANY_4
    index = ctx.rng.randrange(len(option_set))
    count = opt.count_of(option_set[index])
    n = 3 if option_set is opt.HOW_MANY_3 else 4
    assert count is not None
    flags = [True] * count + [False] * (n - count)
    ctx.rng.shuffle(flags)
    arranged = arrange(ctx, flags)
    if arranged is None:
        return None
    subject, statements = arranged
    options = list(option_set)
    key = opt.option_for_count(option_set, sum(s.correct for s in statements))
    if key is None:
        return None
    stem = "\n".join([subject_lead(ctx, subject), numbered(statements), ctx.rng.choice(opt.CLOSE_HOW_MANY)])
    explanation = explain(statements) + "\n" + answer_line(options, key)
    return Draft("how-many", stem, options, opt.LETTERS[key], explanation, [s.bullet_id for s in statements],
                 topic=ctx.topic)
