"""How much each syllabus area weighs in the exam, from the share of real prelims questions it drew (2011–2024).

The counts are the GS paper's questions by subject in reference/upsc-prelims-pyq.csv
(tests/review/test_review_weights.py recounts them). A syllabus tag is matched to subjects by keywords.
"""

from __future__ import annotations

PYQ_GS_SUBJECTS: dict[str, int] = {
    "Indian Economy": 288,
    "Environment & Ecology and Disaster Management": 230,
    "Indian Polity and Governance": 191,
    "Current Affairs and Miscellaneous": 157,
    "Science & Tech and Basic Science": 151,
    "Modern India": 98,
    "Indian Geography": 94,
    "World Geography": 76,
    "Art & Culture": 57,
    "Ancient India": 51,
    "International Relations": 38,
    "Medieval India": 27,
}

# keyword in a syllabus tag → the subjects whose questions it stands for
KEYWORDS: dict[str, tuple[str, ...]] = {
    "econom": ("Indian Economy",),
    "agricultur": ("Indian Economy",),
    "infrastructure": ("Indian Economy",),
    "energy": ("Indian Economy", "Science & Tech and Basic Science"),
    "environment": ("Environment & Ecology and Disaster Management",),
    "ecology": ("Environment & Ecology and Disaster Management",),
    "disaster": ("Environment & Ecology and Disaster Management",),
    "climate": ("Environment & Ecology and Disaster Management",),
    "polity": ("Indian Polity and Governance",),
    "governance": ("Indian Polity and Governance",),
    "constitution": ("Indian Polity and Governance",),
    "social justice": ("Indian Polity and Governance",),
    "welfare": ("Indian Polity and Governance",),
    "science": ("Science & Tech and Basic Science",),
    "technology": ("Science & Tech and Basic Science",),
    "space": ("Science & Tech and Basic Science",),
    "health": ("Science & Tech and Basic Science",),
    "history": ("Modern India", "Ancient India", "Medieval India"),
    "culture": ("Art & Culture",),
    "heritage": ("Art & Culture",),
    "geography": ("Indian Geography", "World Geography"),
    "international relations": ("International Relations", "Current Affairs and Miscellaneous"),
    "security": ("Current Affairs and Miscellaneous",),
    "defence": ("Current Affairs and Miscellaneous",),
    "ethics": ("Current Affairs and Miscellaneous",),
}
DEFAULT_WEIGHT = 0.5
_TOP = max(PYQ_GS_SUBJECTS.values())


def syllabus_weight(tag: str | None) -> float:
    """Weight in (0, 1] of a syllabus tag: its subjects' question count relative to the largest subject."""
    if not tag:
        return DEFAULT_WEIGHT
    lowered = tag.casefold()
    subjects = {s for key, subs in KEYWORDS.items() if key in lowered for s in subs}
    if not subjects:
        return DEFAULT_WEIGHT
    return min(1.0, sum(PYQ_GS_SUBJECTS[s] for s in subjects) / _TOP)
