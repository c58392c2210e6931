"""Figures: money in units with ISO currency, percentages, counts with what they count, period and subject."""

from __future__ import annotations

import datetime as dt

import pytest

from gistbook.extract.figures import find_figures
from gistbook.extract.timex import find_time_expressions
from gistbook.records import Figure

ANCHOR = dt.date(2026, 3, 10)


def figures(text: str, anchor: dt.date | None = ANCHOR) -> list[Figure]:
    return find_figures(text, 0, find_time_expressions(text, anchor, 0))


def one(text: str) -> tuple[float, str]:
    found = figures(text)
    assert len(found) == 1, found
    return found[0].value, found[0].unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Trade was $21.96 billion.", 21.96e9, "USD"),
        ("A loan of US$ 5 million was signed.", 5e6, "USD"),
        ("An outlay of ₹1,200 crore was approved.", 1.2e10, "INR"),
        ("An outlay of Rs 1,200 crore was approved.", 1.2e10, "INR"),
        ("An outlay of Rs. 1200 crore was approved.", 1.2e10, "INR"),
        ("An outlay of INR 500 crore was approved.", 5e9, "INR"),
        ("Loans of ₹1.5 lakh crore flowed.", 1.5e12, "INR"),
        ("Aid of Rs. 2 lakh each was given.", 2e5, "INR"),
        ("Rs.4.82 Lakh Crore trade was done.", 4.82e12, "INR"),
        ("A grant of ₹1,16,789.30 crores was released.", 1.1678930e12, "INR"),
        ("Japan pledged ¥500 billion.", 5e11, "JPY"),
        ("The EU gave €3 bn.", 3e9, "EUR"),
        ("The UK gave £20 million.", 2e7, "GBP"),
        ("The market may reach $300B.", 3e11, "USD"),
        ("About 500 crore rupees were spent.", 5e9, "INR"),
        ("A fee of Rs. 5,000/- is charged.", 5e3, "INR"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    got_value, got_unit = one(text)
    assert got_unit == unit
    assert got_value == pytest.approx(value, rel=1e-9)


def test_seed_trade_values_are_exact() -> None:
    assert figures("Exports were $16.49 billion.")[0].value == 16.49e9


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Growth was 12.5 per cent.", 12.5, "percent"),
        ("Growth was 7%.", 7, "percent"),
        ("Share rose 0.18 percentage points.", 0.18, "percentage points"),
        ("Six Metro Rail projects are being built.", 6, "Metro Rail projects"),
        ("The corridor is 1,305 km long.", 1305, "km"),
        ("It helps 25 lakh farmers.", 2.5e6, "farmers"),
        ("A 50 MW plant opened.", 50, "MW"),
        ("Capacity hit 2 GW.", 2, "GW"),
        ("Output was 13.07 lakh tonnes.", 1.307e6, "tonnes"),
        ("Crops cover 3.0 lakh hectare.", 3e5, "hectares"),
        ("The fund reached 2.6 lakh Gram Panchayats.", 2.6e5, "Gram Panchayats"),
        ("The Centre funded 19 road and rail connectivity projects.", 19, "road and rail connectivity projects"),
    ],
)
def test_percentages_counts_and_measures(text: str, value: float, unit: str) -> None:
    got_value, got_unit = one(text)
    assert (got_value, got_unit) == (pytest.approx(value), unit)


def test_million_tonnes_defined_as_mt() -> None:
    found = figures("Production was 20.49 million tonnes (MT) and dispatch 17.72 MT.")
    assert [(f.value, f.unit) for f in found] == [
        (pytest.approx(20.49e6), "tonnes"),
        (pytest.approx(17.72e6), "tonnes"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It was set up in 2014 and renewed in 2020.",
        "On 8 March 2026 the fair opened.",
        "The 3rd phase began.",
        "1. Introduction to the plan",
        "Call 1800-11-4000 for help.",
        "Phase 2 covers the hills.",
        "Section 8 companies and Article 370 were discussed.",
        "The two countries agreed.",
        "The G20 met.",
        "It lasted three months.",
        "Train No. 08109 runs daily.",
        "Contact +91-11-20907759.",
        "See https://pib.gov.in/PressReleasePage.aspx?PRID=2232916 for 12 items.",
        "Under the “Formation and Promotion of 10,000 FPOs” scheme.",
    ],
)
def test_not_figures(text: str) -> None:
    assert [f for f in figures(text) if f.unit not in ("items",)] == []


def test_the_seed_trade_bullet_gives_all_three_with_their_period() -> None:
    text = (
        "Bilateral trade totalled $21.96 billion during FY 2022-23. Exports from Japan to India during this "
        "period were $16.49 billion and imports were $5.46 billion."
    )
    found = figures(text, anchor=dt.date(2024, 9, 10))
    assert [(f.value, f.unit, f.period) for f in found] == [
        (21.96e9, "USD", "FY2022-23"),
        (16.49e9, "USD", "FY2022-23"),
        (5.46e9, "USD", "FY2022-23"),
    ]
    assert [f.subject for f in found] == ["Bilateral trade", "Exports from Japan to India", "imports"]
    for figure in found:
        assert text[figure.start : figure.end] == figure.text


def test_period_is_the_nearest_date_of_the_sentence() -> None:
    found = figures("Spending rose from ₹640 crore in 2015-16 to ₹6,356 crore in 2025-26.")
    assert [f.period for f in found] == ["FY2015-16", "FY2025-26"]
    found = figures("It generated 45855 MUs in 2022-23, 47971 MUs in 2023-24 and 56681 MUs in 2024-25.")
    assert [f.period for f in found] == ["FY2022-23", "FY2023-24", "FY2024-25"]


def test_period_rules_for_ranges_cutoffs_bases_and_law_names() -> None:
    assert figures("From 2020-21 to 2024-25, it acted in 48 instances.")[0].period == "FY2020-21"
    assert figures("Receipts were ₹27,08,654 crore (RE 2025-26) upto January, 2026.")[0].period == "FY2025-26"
    assert figures("It got ₹13,416 crore in 2025-26, about 8% more than in FY25.")[1].period == "FY2025-26"
    assert figures("The quorum is 11 members under the Regulations, 1979.")[0].period is None
    assert figures("The fee moves from the current Rs. 3,000 to Rs. 3,075 for FY 2026-27.")[0].period is None


def test_a_base_year_or_a_founding_date_is_not_the_period() -> None:
    assert figures("The plan cuts the carbon intensity of output by 45 per cent from 2005 levels.")[0].period is None
    found = figures("The road trust, set up by the highways authority in 2020, raised funds at ₹18,380 crore.")
    assert found[0].period is None
    found = figures("The council chaired by the Prime Minister in February 2026 cleared a line of 107.6 km.")
    assert found[0].period is None
    # a scheme's launch keeps its date: the amount was set then
    assert figures("The income scheme, launched in February 2019, pays ₹6,000 a year.")[0].period == "2019-02"


def test_no_period_without_a_date_or_an_anaphor() -> None:
    found = figures("Trade was $5 billion in 2023. Six Metro Rail projects are being built.")
    assert [f.period for f in found] == ["2023", None]


def test_subject_before_of() -> None:
    assert figures("The Cabinet approved a total outlay of ₹28,840 crore.")[0].subject == "outlay"


@pytest.mark.parametrize("text", ["", "no numbers here", "₹₹₹ crore crore", "1" * 3000, "$.", "Rs. , lakh"])
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(figures(text), list)
