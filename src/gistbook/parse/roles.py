"""Section roles from headings: what a section is for decides which questions and dossier parts use it.

The rules are tried in this order; the first whose pattern occurs in the heading wins, so
"Challenges in India-Japan relations" is a challenges section, not background:

  way_forward  way forward, way ahead, road ahead, conclusion, recommendation(s), next steps,
               suggestions, what next, what needs to be done
  challenges   challenge(s), roadblock(s), issues, concerns, hurdle(s), criticism, obstacle(s),
               problem(s), limitation(s), constraint(s), irritant(s), bottleneck(s), drawback(s), risks;
               "Issue"/"Concern"/"Risk" only as the heading's first word (not the verb "to issue")
  news         why in news, in (the) news, news, context, what happened, recent developments
  background   background, "About ...", history, historical, (key) facts, significance,
               importance, overview, "... relations/relationship/ties", timeline, evolution,
               key features, features, objectives, provisions, what is ...
  other        any other heading; a heading after the lead is not news by default

The untitled lead section (heading None) is the news.
"""

from __future__ import annotations

import re

from gistbook.records import Role

ROLE_RULES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("way_forward", re.compile(
        r"\bway\s+(?:forward|ahead)\b|\broad\s+ahead\b|\bconclu(?:sion|ding)\b|\brecommendations?\b"
        r"|\bnext\s+steps?\b|\bsuggestions?\b|\bwhat\s+next\b|\bneeds?\s+to\s+be\s+done\b", re.I)),
    ("challenges", re.compile(
        r"\b(?:challenges?|roadblocks?|issues|concerns|hurdles?|criticisms?|critique|obstacles?|problems?"
        r"|limitations?|constraints?|irritants?|bottlenecks?|drawbacks?|risks)\b|^(?:key\s+)?(?:issue|concern|risk)\b",
        re.I)),
    ("news", re.compile(r"\bwhy\s+in\s+(?:the\s+)?news\b|\bin\s+(?:the\s+)?news\b|^news$|^context$"
                        r"|\bwhat\s+happened\b|\brecent\s+developments?\b", re.I)),
    ("background", re.compile(
        r"\bbackground\b|^about\b|\bhistor(?:y|ical)\b|\bfacts\b|\bsignificance\b|\bimportance\b"
        r"|\boverview\b|\brelations(?:hips?)?\b|\bties\b|\btimeline\b|\bevolution\b|\bfeatures\b"
        r"|\bobjectives?\b|\bprovisions\b|^what\s+is\b", re.I)),
)


def role_for_heading(heading: str | None) -> Role:
    """The role a section plays, from its heading alone (None means the untitled lead)."""
    if heading is None:
        return "news"
    for role, pattern in ROLE_RULES:
        if pattern.search(heading.strip()):
            return role
    return "other"
