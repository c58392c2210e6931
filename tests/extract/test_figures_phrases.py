"""Figures: what a count counts ("and", "units of", ranges, versions) and which date is its period."""

from __future__ import annotations

import datetime as dt

import pytest

from gistbook.extract.figures import find_figures
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Figure

ANCHOR = dt.date(2026, 3, 10)


def figures(text: str) -> list[Figure]:
    return find_figures(text, 0, find_time_expressions(text, ANCHOR, 0))


def values(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second plural set after "and" is counted with the first
        ("Teams came from 31 States and Union Territories, by road.", [(31, "States and Union Territories")]),
        ("The hub trains 120 scientists and engineers.", [(120, "scientists and engineers")]),
        # a verb, a number or a clause after "and" ends the counted phrase
        ("The society has 900 members and runs a dairy.", [(900, "members")]),
        ("The panel held 12 meetings and three field visits.", [(12, "meetings"), (3, "field visits")]),
        # "units of", "number of" name what is counted
        ("The plan set up 4,210 units of fish cages.", [(4210, "fish cages")]),
        ("There are 88 number of depots in the zone.", [(88, "depots")]),
        # a participle after the plural starts a new phrase; an activity noun does not
        ("The fair had 75 stalls selling handicrafts.", [(75, "stalls")]),
        ("Two new toy manufacturing clusters will come up.", [(2, "toy manufacturing clusters")]),
        # measures: "metric tonnes" are tonnes, a common misspelling of hectare is read
        ("The mill crushed 4 lakh metric tonnes of cane.", [(4e5, "tonnes")]),
        ("Ponds cover 120 hactare of land.", [(120, "hectares")]),
        # both ends of a range
        ("Water tables rose by 2 to 5 metres.", [(2, "m"), (5, "m")]),
        ("Each outlet serves 100–150 customers a day.", [(100, "customers"), (150, "customers")]),
        # a larger number word after "the" still counts; a small one refers
        ("Funds go to the twenty-nine subjects in the schedule.", [(29, "subjects")]),
        ("The three ministries met.", []),
        # an opening quote before the counted noun
        ("It aims at 2 crore ‘Lakhpati Didis’ soon.", [(2e7, "Lakhpati Didis")]),
        # adjectives in -ous are not the counted noun
        ("Pacts cover 14 prosperous economies.", [(14, "prosperous economies")]),
    ],
)
def test_counted_phrases(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == [(pytest.approx(v), u) for v, u in expected]


def test_versions_and_bare_scales() -> None:
    assert values("Samagra 2.0 aims to reach every school.") == []
    assert values("Over 3.0 lakh hectares were sown.") == [(pytest.approx(3e5), "hectares")]
    assert values("The target is approximately 1.2 crore, every year.") == []  # no counted noun, no figure
    # "lakh crore" and "thousand crore" without a currency sign are rupees in Indian releases
    assert values("Orders worth 4 lakh crore were placed.") == [(pytest.approx(4e12), "INR")]
    assert values("Farmers got nearly eight thousand crore rupees.") == [(pytest.approx(8e10), "INR")]


def test_a_target_date_after_another_figure_is_that_figures() -> None:
    found = figures("The market is worth $12 billion and the plan wants it to reach $40 billion by 2030.")
    assert [(f.value, f.period) for f in found] == [(12e9, None), (40e9, "2030")]
    # a list sharing one verb shares the target date
    found = figures("6 wards, 12 labs and 3 hostels will be finished by 31st March 2026.")
    assert [f.period for f in found] == ["2026-03-31"] * 3


def test_a_breakdown_or_growth_rate_takes_the_previous_sentence_period() -> None:
    found = figures("Spending in 2024-25 was ₹900 crore. Out of the total, ₹300 crore went on salaries.")
    assert [f.period for f in found] == ["FY2024-25", "FY2024-25"]
    found = figures("During June 2025, sales were 40 MT. Sales marked 7% year-on-year growth.")
    assert [f.period for f in found] == ["2025-06", "2025-06"]
    # but not a start date from further back
    found = figures("The scheme has run since 2015-16. It is popular. Of the units approved, 40 units work.")
    assert [f.period for f in found] == [None]


def test_a_fronted_total_keeps_a_status_date_but_not_an_event_date() -> None:
    found = figures("Out of 30 seats, 12 seats were filled on 5 May 2025.")
    assert [(f.value, f.period) for f in found] == [(30, None), (12, "2025-05-05")]
    found = figures("Out of 600 villages, 450 villages are covered as on 1 March 2026.")
    assert [f.period for f in found] == ["2026-03-01", "2026-03-01"]


def test_static_figures_have_no_period() -> None:
    found = figures("The rocket flew on Monday from a site 80 km north of the city.")
    assert [(f.value, f.period) for f in found] == [(80, None)]
    found = figures("From 2022 to 2025 the plan funds 500 clubs, each with at least 40 members.")
    assert [(f.value, f.period) for f in found] == [(500, "2022"), (40, None)]
