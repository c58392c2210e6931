"""Indian fiscal years and quarters: the traps general date parsers fall into ("2022-23" read as 23 January)."""

from __future__ import annotations

import datetime as dt

import pytest

from gistbook.extract.fiscal import consecutive, fiscal_label, fiscal_year_of
from gistbook.extract.timex import find_time_expressions


def values(text: str, anchor: dt.date | None = dt.date(2024, 9, 10)) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_time_expressions(text, anchor, 0) if e.type == "DATE"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Trade during FY 2022-23 grew.", "FY 2022-23", "FY2022-23"),
        ("Trade during FY2022-23 grew.", "FY2022-23", "FY2022-23"),
        ("Targets for FY24 were met.", "FY24", "FY2023-24"),
        ("Targets for FY 2023-24 were met.", "FY 2023-24", "FY2023-24"),
        ("Output in 2023-24 rose.", "2023-24", "FY2023-24"),
        ("Output in 2023–24 rose.", "2023–24", "FY2023-24"),
        ("Plans for the financial year 2025-26 are ready.", "financial year 2025-26", "FY2025-26"),
        ("Sales in FY 25-26 climbed.", "FY 25-26", "FY2025-26"),
        ("Enforcement (2024-2025) data of the Ministry", "2024-2025", "FY2024-25"),
        ("Budget Estimates 2026-27 rose.", "2026-27", "FY2026-27"),
        ("From Financial Year (FY) 2021-22 onward", "Financial Year (FY) 2021-22", "FY2021-22"),
        ("Growth in Q3 FY24 was strong.", "Q3 FY24", "FY2023-24-Q3"),
        ("Growth in Q3 of FY2023-24 was strong.", "Q3 of FY2023-24", "FY2023-24-Q3"),
        ("Real GVA in the third quarter of FY 2025-26 rose.", "third quarter of FY 2025-26", "FY2025-26-Q3"),
        ("Exports in the first half (H1) of FY26 rose.", "first half (H1) of FY26", "FY2025-26-H1"),
        ("Sales in Q3 2025 fell.", "Q3 2025", "2025-Q3"),
    ],
)
def test_fiscal_years_and_quarters(text: str, span: str, value: str) -> None:
    assert (span, value) in values(text)


def test_a_span_of_years_is_not_a_fiscal_year() -> None:
    assert values("The scheme covers 2021-26.") == [("2021", "2021"), ("26", "2026")]


def test_two_fiscal_years_in_a_row() -> None:
    assert [v for _, v in values("Shares rose from FY16-FY20 to FY23-FY25.")] == [
        "FY2015-16",
        "FY2019-20",
        "FY2022-23",
        "FY2024-25",
    ]
    assert [v for _, v in values("for FY 2025–26 to FY 2030–31")] == ["FY2025-26", "FY2030-31"]


def test_dates_are_not_fiscal_years() -> None:
    assert values("Logged on 2026-03-08.") == [("2026-03-08", "2026-03-08")]
    assert values("Valid till 31.03.2028.") == [("31.03.2028", "2028-03-31")]


def test_during_this_period_is_not_a_date() -> None:
    assert values("Exports during this period were $16.49 billion.") == []


def test_relative_fiscal_years_need_an_anchor() -> None:
    assert values("in the current financial year", anchor=dt.date(2026, 3, 1)) == [
        ("current financial year", "FY2025-26")
    ]
    assert values("in the current financial year", anchor=dt.date(2026, 4, 1)) == [
        ("current financial year", "FY2026-27")
    ]
    assert values("in the current financial year", anchor=None) == []


def test_helpers() -> None:
    assert fiscal_label(2022) == "FY2022-23"
    assert fiscal_label(1999) == "FY1999-00"
    assert fiscal_year_of(dt.date(2023, 3, 31)) == 2022
    assert fiscal_year_of(dt.date(2023, 4, 1)) == 2023
    assert consecutive(2022, "23") and consecutive(2022, "2023") and not consecutive(2021, "26")


def test_a_four_digit_year_pair_is_a_fiscal_year_only_in_a_fiscal_context() -> None:
    anchor = dt.date(2026, 3, 10)
    found = [(e.text, e.value) for e in find_time_expressions("the 2015-2016 flu season", anchor, 0)]
    assert found == [("2015", "2015"), ("2016", "2016")]
    found = [(e.text, e.value) for e in find_time_expressions("₹500 crore was spent in 2015-2016", anchor, 0)]
    assert found == [("2015-2016", "FY2015-16")]
