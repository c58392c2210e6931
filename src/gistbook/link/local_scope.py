"""Whether a figure is one state's or one city's share of a national topic ("₹375 crore to Karnataka under PMMSY").

A dossier about a scheme, a mission or a body shows what holds for it as a whole; a sentence that names an Indian
state, union territory or city states a local slice of it, which stays in its article. The capital, as the venue
of most national news ("in New Delhi"), is not a scope.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gistbook.extract.lexicon import DATA_DIR

LOCAL_SECTIONS = ("# Indian states and union territories", "# Indian cities and towns")
NOT_A_SCOPE = frozenset({"New Delhi"})


@lru_cache(maxsize=1)
def _local_pattern() -> re.Pattern[str]:
    names: list[str] = []
    section = ""
    for line in (DATA_DIR / "places.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            section = line.strip()
            continue
        if section in LOCAL_SECTIONS and line.strip():
            canonical, _, aliases = line.partition("\t")
            names += [n for n in [canonical, *aliases.split("|")] if n and not n.startswith("?")]
    names = sorted({n.strip() for n in names if n.strip() not in NOT_A_SCOPE}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def local_places(sentence: str) -> set[str]:
    """The Indian states, union territories and cities a sentence names ("New Delhi" aside)."""
    masked = sentence
    for name in NOT_A_SCOPE:
        masked = masked.replace(name, " " * len(name))
    return set(_local_pattern().findall(masked))


def is_local(sentence: str, topic_names: list[str]) -> bool:
    """A figure's sentence names a state or a city that is not part of the topic's own name."""
    own = " ".join(topic_names).casefold()
    return any(place.casefold() not in own for place in local_places(sentence))
