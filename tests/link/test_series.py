"""Figure series of a dossier: which subjects name a quantity, and which values a newer one supersedes."""

from __future__ import annotations

import pytest

from gistbook.link.series import FigurePoint, build_series, clean_subject, owned_elsewhere


@pytest.mark.parametrize("subject", ["bilateral trade", "India's foreign exchange reserves", "installed solar capacity",
                                     "target"])
def test_subjects_that_name_a_quantity(subject: str) -> None:
    assert clean_subject(subject)


@pytest.mark.parametrize("subject", ["it observes that the allocation", "currently holds", "which", "per tonne",
                                     "He said bilateral trade", "", None, "along", "major decision"])
def test_leftovers_of_a_sentence_are_not_subjects(subject: str | None) -> None:
    assert not clean_subject(subject)


def _point(value: float, period: str, published: str) -> FigurePoint:
    return FigurePoint(value, "USD", period, "bilateral trade", f"trade was {value}",
                       {"bullet_id": int(value), "published": published})


def test_a_newer_period_supersedes_the_older_value_of_the_same_quantity() -> None:
    series = build_series([_point(21.96, "FY2022-23", "2023-06-01"), _point(22.85, "FY2023-24", "2024-06-01")])
    assert len(series) == 1
    assert [(p["period"], p["superseded"]) for p in series[0]["series"]] == [("FY2022-23", True), ("FY2023-24", False)]


def test_a_figure_belongs_to_the_body_named_nearest_before_it_in_its_sentence() -> None:
    bullet = "The flagship arm of Coal India, Northern Coalfields Limited, has met its target of 140 MT this year."
    coal_india, arm = 1, 2
    mentions = [(coal_india, bullet.index("Coal India"), bullet.index("Coal India") + 10),
                (arm, bullet.index("Northern"), bullet.index(", has"))]
    at = bullet.index("140")
    assert owned_elsewhere(bullet, at, mentions, coal_india)
    assert not owned_elsewhere(bullet, at, mentions, arm)
    # a body named in an earlier sentence owns nothing here
    two = "Coal India reported its results. Output reached 140 MT."
    assert not owned_elsewhere(two, two.index("140"), [(arm, 0, 10)], coal_india)
