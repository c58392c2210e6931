"""How long the longest passage of a text is that no parser could cut into shorter bullets.

The parser cuts a text only at line breaks, sentence ends and (in long prose sentences) semicolons, and
collapses runs of white space. Measured that way, before parsing and without copying the text, a passage
over the bullet limit is known to give an over-long bullet, so the input can be refused before it costs
memory many times its size.
"""

from __future__ import annotations

import re

from gistbook.records import MAX_BULLET_CHARS

_CUT = re.compile(r"[\n.!?;…।॥•|<]")  # every character a bullet may end at or lose text from (a superset)
_SPACES = re.compile(r"\s{2,}")
_EDGE = 16  # a bullet mark and the spaces around a passage, which the parser strips


def over_long_passage(text: str) -> int | None:
    """The length (white space collapsed) of the longest passage without a cut, when it is sure to make a bullet
    over the limit; None otherwise. Passages under the limit are not measured exactly, so a normal text costs
    one scan and no copy."""
    longest, start = 0, 0
    for cut in _CUT.finditer(text):
        longest = max(longest, _collapsed(text, start, cut.start()))
        start = cut.end()
    longest = max(longest, _collapsed(text, start, len(text)))
    return longest if longest > MAX_BULLET_CHARS + _EDGE else None


def _collapsed(text: str, start: int, end: int) -> int:
    raw = end - start
    if raw <= MAX_BULLET_CHARS:
        return raw
    return raw - sum(m.end() - m.start() - 1 for m in _SPACES.finditer(text, start, end))
