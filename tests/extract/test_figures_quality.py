"""Quality gate for figures: hand-labelled value, unit and period, P/R/F1 pinned in floors-timex.json.

A prediction matches a label in the same bullet when its value is within 0.5%, its unit agrees (equal
ignoring case, or for counted things the same head noun: "Metro Rail projects" ~ "projects") and its
period is equal (both None counts as equal). Subjects are labelled too and reported, not gated.
"""

from __future__ import annotations

from typing import Any

from tests.extract.test_timex_quality import anchor_of, floors, load_documents

from gistbook.extract.figures import find_figures
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Figure

MONEY_OR_SHARE = {"inr", "usd", "eur", "gbp", "jpy", "percent", "percentage points"}


def same_unit(gold: str, found: str) -> bool:
    """Equal units, or counted things with the same head noun."""
    a, b = gold.casefold(), found.casefold()
    if a == b:
        return True
    if a in MONEY_OR_SHARE or b in MONEY_OR_SHARE:
        return False
    return a.split()[-1].rstrip("s") == b.split()[-1].rstrip("s")


def matches(label: dict[str, Any], figure: Figure) -> bool:
    close = abs(figure.value - label["value"]) <= 0.005 * abs(label["value"])
    return close and same_unit(label["unit"], figure.unit) and figure.period == label["period"]


def predicted(row: dict[str, Any], bullets: list[str]) -> list[Figure]:
    figures: list[Figure] = []
    for number, text in enumerate(bullets):
        exprs = find_time_expressions(text, anchor_of(row), number)
        figures.extend(find_figures(text, number, exprs))
    return figures


def score_figures(check_period: bool = True) -> dict[str, float]:
    """Micro precision, recall and F1 over labelled figures; one prediction answers one label."""
    tp = fp = fn = 0
    subjects_right = 0
    for row, bullets in load_documents("figures.jsonl"):
        found = predicted(row, bullets)
        unused = list(found)
        for label in row["figures"]:
            fit = next(
                (
                    f
                    for f in unused
                    if f.bullet_no == label["bullet"]
                    and (matches(label, f) if check_period else matches({**label, "period": f.period}, f))
                ),
                None,
            )
            if fit is None:
                fn += 1
                continue
            tp += 1
            unused.remove(fit)
            subject = (label.get("subject") or "").casefold()
            subjects_right += bool(subject and fit.subject and subject.split()[-1] in fit.subject.casefold())
        fp += len(unused)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": tp + fn, "subjects": subjects_right}


def test_figure_labels_point_into_their_bullets() -> None:
    docs = load_documents("figures.jsonl")
    assert sum(len(row["figures"]) for row, _ in docs) >= 100
    for row, bullets in docs:
        assert all(f["text"] in bullets[f["bullet"]] for f in row["figures"]), row["id"]


def test_figures_meet_their_floors() -> None:
    scores = score_figures()
    loose = score_figures(check_period=False)
    print(
        f"figures quality: P={scores['precision']:.3f} R={scores['recall']:.3f} F1={scores['f1']:.3f} "
        f"over {scores['gold']:.0f} labels; value+unit only F1={loose['f1']:.3f}; "
        f"subject head right {scores['subjects']:.0f}"
    )
    for key in ("precision", "recall", "f1"):
        assert scores[key] >= floors()[f"figures_{key}"], f"figures {key} {scores[key]:.3f} fell under its floor"
    assert loose["f1"] >= floors()["figures_value_unit_f1"]
