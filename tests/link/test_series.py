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


def _row(sentence: str, phrase: str, value: float, unit: str, subject: str | None = None) -> tuple[object, ...]:
    """A figure_rows row for one sentence (value, unit, period, subject, phrase, bullet id, article id, bullet text,
    section role, start)."""
    return (value, unit, None, subject, phrase, 1, 1, sentence, "news", sentence.index(phrase))


@pytest.mark.parametrize(("sentence", "phrase", "value", "unit", "subject"), [
    ("The Department of Fisheries under PMMSY has approved projects worth Rs.1,078.12 crore to the Government of "
     "Karnataka with a Central share of Rs. 375.04 crore.", "Rs. 375.04 crore", 3.7504e9, "INR", "Central share"),
    ("As per Directorate General of Commercial Intelligence and Statistics (DGCIS) trade data, the import of "
     "technical textiles stands at Rs. 18,953 crore.", "Rs. 18,953 crore", 1.8953e11, "INR", "import"),
    ("The Ministry of Home Affairs has also provided financial assistance of Rs. 116.5 Crores under the ‘Cyber "
     "Crime Prevention against Women and Children (CCPWC)’ Scheme.", "Rs. 116.5 Crores", 1.165e9, "INR",
     "financial assistance"),
    ("He stated that the all-time high allocation of Rs 7.85 lakh crore to the Ministry of Defence gives MSMEs an "
     "opening.", "Rs 7.85 lakh crore", 7.85e12, "INR", "allocation"),
    ("The Ministry of Food Processing Industries has given a financial assistance of Rs. 2.35 crore for the "
     "incubation centre.", "Rs. 2.35 crore", 2.35e7, "INR", "financial assistance"),
    ("The Minister outlined a vision of cutting the emissions intensity of GDP by 45 per cent by 2030 and advancing "
     "the National Green Hydrogen Mission.", "45 per cent", 45.0, "percent", "GDP"),
    ("The Ministry of Defence procured equipment worth Rs 1.2 lakh crore and Rs 1.5 lakh crore in 2023-24 and "
     "2024-25 respectively.", "Rs 1.5 lakh crore", 1.5e12, "INR", "equipment"),
])
def test_a_figure_not_the_topics_own_stays_out_of_its_dossier(sentence: str, phrase: str, value: float, unit: str,
                                                               subject: str) -> None:
    from gistbook.link.dossier_figures import about_topic

    names = ["Pradhan Mantri Matsya Sampada Yojana", "PMMSY", "Directorate General of Commercial Intelligence and "
             "Statistics", "DGCIS", "Ministry of Home Affairs", "Ministry of Defence", "Ministry of Food Processing "
             "Industries", "National Green Hydrogen Mission"]
    assert not about_topic(_row(sentence, phrase, value, unit, subject), names)


@pytest.mark.parametrize(("sentence", "phrase", "value", "unit", "names"), [
    ("In FY 2023-24, India-Japan bilateral trade totalled about $22.85 billion.", "$22.85 billion", 2.285e10, "USD",
     ["Japan"]),
    ("Under the PM-KISAN scheme, every eligible farmer family receives ₹6,000 per year in three instalments.",
     "₹6,000", 6000.0, "INR", ["PM-KISAN"]),
    ("Three new corridors of the Delhi Metro cover a route length of around 16.10 km.", "16.10 km", 16.1, "km",
     ["Delhi Metro"]),
])
def test_a_topics_own_figure_stays_in_its_dossier(sentence: str, phrase: str, value: float, unit: str,
                                                  names: list[str]) -> None:
    from gistbook.link.dossier_figures import about_topic

    assert about_topic(_row(sentence, phrase, value, unit), names)
