"""Where things are in one bullet, found once, for the questions the figure rules ask about every figure.

The rules ask, for each figure and each date near it, how many content words lie between them, whether a comma
or a verb does, which figures stand in between, and which date came last before a point. Answered by reading the
text between each time, a long bullet with many figures and dates cost the cube of its length; answered from
sorted positions and prefix counts, each costs a bisection (verbs are still read, once per distinct gap).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from gistbook.records import TimeExpr
from gistbook.standalone import has_verb

_LETTERS = re.compile(r"[A-Za-z]+")
_CLAUSE_MARK = re.compile(r"[,;()]")
_COMMA = re.compile(",")


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _any_between(positions: list[int], start: int, end: int) -> bool:
    at = bisect_left(positions, start)
    return at < len(positions) and positions[at] < end


class BulletIndex:
    """One bullet's letter runs, commas, clause marks, dated expressions and figure spans, in sorted lists."""

    def __init__(self, text: str, exprs: Sequence[TimeExpr], figure_spans: Sequence[tuple[int, int]],
                 link_words: frozenset[str], dated: Callable[[TimeExpr, str], bool]) -> None:
        self.text = text
        self.link_words = link_words
        runs = [m.span() for m in _LETTERS.finditer(text)]
        self.run_starts = [s for s, _ in runs]
        self.run_ends = [e for _, e in runs]
        self.content_before = [0]  # content words among the first i letter runs
        for s, e in runs:
            self.content_before.append(self.content_before[-1] + (text[s:e].lower() not in link_words))
        self.commas = _positions(_COMMA, text)
        self.clause_marks = _positions(_CLAUSE_MARK, text)
        self.exprs = list(exprs)
        self.expr_starts = [e.start for e in self.exprs]
        self.dated = [dated(e, text) for e in self.exprs]
        self.dated_exprs = [e for e, ok in zip(self.exprs, self.dated) if ok]
        self.dated_ends = [e.end for e in self.dated_exprs]
        self.expr_ends = [e.end for e in self.exprs]
        # expressions in reading order do not overlap, so their ends rise too; if not, "last before" is scanned
        self.ordered = all(a <= b for a, b in zip(self.expr_ends, self.expr_ends[1:])) and all(
            a <= b for a, b in zip(self.expr_starts, self.expr_starts[1:]))
        self.figure_starts = [s for s, _ in figure_spans]
        self.figure_ends = [e for _, e in figure_spans]
        self._verbs: dict[tuple[int, int], bool] = {}
        self._memo: dict[tuple[object, ...], bool] = {}

    def memo(self, key: tuple[object, ...], answer: Callable[[], bool]) -> bool:
        """An answer about this bullet, worked out once (a sentence's cue words, a verb between two figures)."""
        if key not in self._memo:
            self._memo[key] = answer()
        return self._memo[key]

    def gap_cost(self, start: int, end: int) -> int:
        """How loosely a date binds to a figure with text[start:end] between them: the words (runs of ASCII
        letters, cut at the slice's edges) that are not linking words, plus 2 when a clause mark (,;()) is there."""
        if start >= end:
            return 0
        first = bisect_left(self.run_starts, start)  # runs that begin inside the slice start here
        past = bisect_right(self.run_ends, end)  # runs that end inside the slice come before this
        words = self.content_before[past] - self.content_before[first] if past > first else 0
        cut_left = first - 1 if first > 0 and self.run_ends[first - 1] > start else None
        if cut_left is not None:  # a run the slice starts inside: only its part inside counts, as a word
            words += self._is_content(start, min(self.run_ends[cut_left], end))
        cut_right = bisect_left(self.run_starts, end) - 1
        if cut_right >= 0 and cut_right != cut_left and self.run_starts[cut_right] >= start \
                and self.run_ends[cut_right] > end:
            words += self._is_content(self.run_starts[cut_right], end)
        return words + (2 if _any_between(self.clause_marks, start, end) else 0)

    def _is_content(self, start: int, end: int) -> int:
        return int(start < end and self.text[start:end].lower() not in self.link_words)

    def comma_between(self, start: int, end: int) -> bool:
        return _any_between(self.commas, start, end)

    def verb_between(self, start: int, end: int) -> bool:
        """has_verb(text[start:end]), read once per distinct slice."""
        key = (start, end)
        if key not in self._verbs:
            self._verbs[key] = has_verb(self.text[start:end])
        return self._verbs[key]

    def figures_between(self, start: int, end: int) -> range:
        """Indices of the figure spans lying wholly in [start, end) (spans are disjoint and in order)."""
        return range(bisect_left(self.figure_starts, start), bisect_right(self.figure_ends, end))

    def exprs_starting(self, start: int, end: int) -> range:
        """Indices of the expressions that start in [start, end)."""
        if not self.ordered:
            return range(0, len(self.exprs))  # the caller's own test filters; only order was unsure
        return range(bisect_left(self.expr_starts, start), bisect_left(self.expr_starts, end))

    def last_ending_by(self, position: int, dated_only: bool = False) -> TimeExpr | None:
        """The last expression (in reading order) that ends at or before `position`."""
        exprs = self.dated_exprs if dated_only else self.exprs
        if not self.ordered:
            earlier = [e for e in exprs if e.end <= position]
            return earlier[-1] if earlier else None
        ends = self.dated_ends if dated_only else self.expr_ends
        at = bisect_right(ends, position)
        return exprs[at - 1] if at else None
