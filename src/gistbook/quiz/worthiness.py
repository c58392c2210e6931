"""Exam-worthiness: how likely UPSC is to ask about what a sentence states, learned from past papers.

Word weights are the log-odds, with an informative prior, of a word in the 2,498 prelims questions and their
explanations (`../shared/reference/upsc-prelims-pyq.csv`) against the same word in government press releases
(the dev corpus): "launched", "ministry", "species", "constitution" lean to the papers, "attended", "session",
"presentation" to the releases. A sentence scores the mean weight of its words, plus a few cues the papers never
reward: who holds an office, figures to two decimals, a department's budget line, a speech. The weights ship in
`quiz/data/worthiness.json`; rebuild them with

    .venv/bin/python -m gistbook.quiz.worthiness --build

Questions, cards and key points use `worthiness(text)`; `WORTHY` is the threshold set on a random labelled
draw (tests/data/quality/worthiness-random.jsonl).
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from gistbook.link.text import STOPWORDS

DATA = Path(__file__).with_name("data") / "worthiness.json"
SHARED = Path(__file__).resolve().parents[4] / "shared"
PYQ = SHARED / "reference" / "upsc-prelims-pyq.csv"
CORPUS = SHARED / "corpus" / "pib-2026-02-25_2026-03-31.jsonl"
WORD = re.compile(r"[a-z][a-z-]{2,}")
PRIOR = 0.5  # pseudo-count per word: rare words do not get extreme weights
KEEP = 4000  # words kept, by the size of their weight
MIN_COUNT = 4
WORTHY = 0.2  # on the labelled random draw: ~2.4x the base rate of worthy sentences, ~60% of them kept

# what a paper never asks about, whatever the words around it
OFFICE = re.compile(r"\b(?:Shri|Smt\.?|Sh\.|Dr\.|Prof\.)\s+[A-Z][a-z]+.{0,60}?,\s*(?:Hon'ble\s+)?(?:Union\s+)?"
                    r"(?:Minister|Secretary|Chairman|Chairperson|Director|Commissioner|Chief|Joint|Additional)",
                    re.IGNORECASE)
TWO_DECIMALS = re.compile(r"\b\d+\.\d{2}\b")
BUDGET_LINE = re.compile(r"\b(?:B\.?E\.?|R\.?E\.?|Budget Estimates?|Revised Estimates?)\b(?!\w)")
SPEECH = re.compile(r"\b(?:said|says|stated|added|remarked|urged|called upon|emphasi[sz]ed|highlighted|noted that|"
                    r"expressed|appreciated|lauded|congratulated|thanked)\b", re.IGNORECASE)
# what papers do ask about: a named scheme, act, body or place; a year; a launch, a mandate, a first
NAMED = re.compile(r"\b(?:Scheme|Yojana|Abhiyan|Abhiyaan|Mission|Programme|Act|Agreement|Treaty|Convention|Policy|"
                   r"Portal|Fund|Authority|Commission|Corridor|Exercise|Initiative|Framework|Index|Report|Rules|"
                   r"Order|Code|Bill|Park|Reserve|Sanctuary|Alliance|Organi[sz]ation)\b")
YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
ATTRIBUTE = re.compile(r"\b(?:launched|established|set up|notified|signed|enacted|constituted|founded|declared|"
                       r"designated|commissioned|approved|introduced|aims?|objective|provides?|covers?|comprises|"
                       r"members?|headquarter\w*|located|first|largest|only|under the)\b", re.IGNORECASE)
LOGISTICS = re.compile(r"\b(?:attended|workshop|session|conclave|webinar|ceremony|dais|felicitat\w*|meeting|chaired|"
                       r"addressed|inaugural|visited|interacted|participat\w*|delegates|organi[sz]ed|event|will)\b",
                       re.IGNORECASE)
# weights set by judgement, not fitted: 28 worthy sentences of 240 are too few to fit seven weights honestly
CUES = ((NAMED, 0.8), (YEAR, 0.8), (OFFICE, -0.6), (SPEECH, -0.3), (TWO_DECIMALS, -0.6), (BUDGET_LINE, -0.6))


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.casefold()) if w not in STOPWORDS]


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    if not DATA.exists():
        return {}
    return dict(json.loads(DATA.read_text(encoding="utf-8"))["weights"])


def worthiness(text: str) -> float:
    """Above WORTHY: worth an exam question. The past-paper lean of its words, plus what papers ask about (a
    named scheme or body, a year, a launch or mandate), less what they never do (logistics, offices, speech,
    figures to two decimals, a budget line)."""
    table = weights()
    words = _words(text)
    if not words:
        return -3.0
    value = sum(table.get(w, 0.0) for w in words) / len(words) ** 0.5 / 4
    value += sum(weight for cue, weight in CUES if cue.search(text))
    value += 0.5 * min(2, len(ATTRIBUTE.findall(text))) - 0.4 * min(2, len(LOGISTICS.findall(text)))
    return round(value, 4)


# the papers' own wording of a question, not what it asks about
_FORM_WORDS = ("following given correct incorrect consider statement statements code codes using reference "
               "passage answer answers option options select none neither nor which how many above below pairs pair "
               "matched match one two three four five only both list lists explanation hence true false regard "
               "regarding context respect")
FORM = frozenset(_FORM_WORDS.split())


def _paper_text() -> list[str]:
    with PYQ.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [" ".join((row.get(k) or "").replace("\\n", " ") for k in
                     ("Question", "Option A", "Option B", "Option C", "Option D", "Explanation")) for row in rows]


def _release_text() -> list[str]:
    from lxml import html

    out = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            out.append(record["title"] + " " + html.fromstring(record["html"] or "<p></p>").text_content())
    return out


def build() -> dict[str, float]:
    """Log-odds of each word in past papers against press releases, with an informative Dirichlet prior."""
    papers, releases = Counter[str](), Counter[str]()
    for text in _paper_text():
        papers.update(set(_words(text)))  # documents, not tokens: one long explanation counts once
    for text in _release_text():
        releases.update(set(_words(text)))
    vocab = {w for w in papers.keys() | releases.keys() if papers[w] + releases[w] >= MIN_COUNT and w not in FORM}
    n_p, n_r = sum(papers[w] for w in vocab), sum(releases[w] for w in vocab)
    both = Counter({w: papers[w] + releases[w] for w in vocab})
    n_b = sum(both.values())
    out = {}
    for w in vocab:
        prior = PRIOR * len(vocab) * both[w] / n_b
        a = math.log((papers[w] + prior) / (n_p + PRIOR * len(vocab) - papers[w] - prior))
        b = math.log((releases[w] + prior) / (n_r + PRIOR * len(vocab) - releases[w] - prior))
        variance = 1 / (papers[w] + prior) + 1 / (releases[w] + prior)
        out[w] = (a - b) / math.sqrt(variance)  # z-score: a word seen often on one side only weighs most
    kept = sorted(out, key=lambda w: -abs(out[w]))[:KEEP]
    return {w: round(out[w], 3) for w in sorted(kept)}


if __name__ == "__main__":
    if "--build" in sys.argv:
        table = build()
        DATA.parent.mkdir(exist_ok=True)
        DATA.write_text(json.dumps({"about": "log-odds z-scores of words in UPSC prelims papers (upsc-prelims-pyq"
                                             ".csv) against PIB releases (the dev corpus); gistbook.quiz.worthiness",
                                    "weights": table}, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(table)} word weights written to {DATA}")
    for line in sys.stdin if "--score" in sys.argv else []:
        print(worthiness(line), line.strip()[:100])
