"""Each family of time expression the rules promise, normalised the way DESIGN.md writes dates."""

from __future__ import annotations

import datetime as dt

import pytest

from gistbook.extract.timex import find_time_expressions

ANCHOR = dt.date(2024, 9, 10)  # a Tuesday


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.value) for e in find_time_expressions(text, anchor, 0)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The pact was signed on April 28, 1952 in Tokyo.", "April 28, 1952", "1952-04-28"),
        ("It was signed on 28 April 1952.", "28 April 1952", "1952-04-28"),
        ("Polling ends on 8 March 2026.", "8 March 2026", "2026-03-08"),
        ("Notified on 31stJanuary 2026.", "31stJanuary 2026", "2026-01-31"),
        ("Order dated 28.04.1952 stands.", "28.04.1952", "1952-04-28"),
        ("Logged as 2026-03-08 in the register.", "2026-03-08", "2026-03-08"),
        ("Schedule announced on March 15,2026 by the Commission.", "March 15,2026", "2026-03-15"),
        ("The visit is on Monday, May 18, 2026 (by noon).", "Monday, May 18, 2026", "2026-05-18"),
    ],
)
def test_full_dates(text: str, span: str, value: str) -> None:
    assert (span, "DATE", value) in values(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The forum was set up in December 2017.", "December 2017", "2017-12"),
        ("It was signed in Sept. 2020.", "Sept. 2020", "2020-09"),
        ("The body was set up in 1903.", "1903", "1903"),
        ("Reforms of the 1990s opened the economy.", "1990s", "199X"),
        ("Railways spread in the 19th century.", "19th century", "18XX"),
        ("Skills for the twenty-first century.", "twenty-first century", "20XX"),
        ("Data as per Census 2011 is used.", "2011", "2011"),
        ("Numbers are notified under the Rules, 2008 each year.", "2008", "2008"),
    ],
)
def test_months_years_decades_centuries(text: str, span: str, value: str) -> None:
    assert (span, "DATE", value) in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "An outlay of ₹1200 crore was approved.",
        "It costs $2000 a unit.",
        "A corridor of 2,000 km is planned.",
        "Work reached 2000 villages.",
        "Toll-free number 1800-11-4000 works.",
        "Odisha 2037 1983 2348 Punjab",
        "It grew 2025% in a decade.",
        "Train No. 2045 leaves at dawn.",
    ],
)
def test_four_digit_amounts_are_not_years(text: str) -> None:
    assert [v for v in values(text) if v[1] == "DATE"] == []


def test_ranges_give_both_ends() -> None:
    assert values("The plan runs 2020-2025.") == [("2020", "DATE", "2020"), ("2025", "DATE", "2025")]
    assert values("He served from 2000 to 2014.") == [("2000", "DATE", "2000"), ("2014", "DATE", "2014")]
    assert values("The 2021-26 cycle") == [("2021", "DATE", "2021"), ("26", "DATE", "2026")]
    assert [v[2] for v in values("The tour runs from 27 February to 2 March 2026.")] == ["2026-02-27", "2026-03-02"]
    assert [v[2] for v in values("Held on 6–8 March 2026.")] == ["2026-03-06", "2026-03-08"]
    assert [v[2] for v in values("Output for April-December 2025 rose.")] == ["2025-04", "2025-12"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("today", "2024-09-10"),
        ("yesterday", "2024-09-09"),
        ("tomorrow", "2024-09-11"),
        ("last year", "2023"),
        ("next year", "2025"),
        ("this year", "2024"),
        ("next month", "2024-10"),
        ("last month", "2024-08"),
        ("this week", "2024-W37"),
        ("earlier this week", "2024-W37"),
        ("two years ago", "2022"),
        ("the current financial year", "FY2024-25"),
        ("last fiscal", "FY2023-24"),
    ],
)
def test_relative_expressions_use_the_anchor(text: str, value: str) -> None:
    found = values(f"It happened {text} as reported.")
    assert [v[2] for v in found] == [value]


def test_weekdays_look_back_unless_the_sentence_is_about_the_future() -> None:
    assert values("The minister spoke on Monday.")[0][2] == "2024-09-09"
    assert values("The minister will speak on Friday.")[0][2] == "2024-09-13"
    assert values("They met last Tuesday.")[0][2] == "2024-09-03"
    assert values("They meet next Tuesday.")[0][2] == "2024-09-17"


def test_without_an_anchor_relative_ones_are_left_out() -> None:
    assert values("It rained yesterday and last year, on Monday.", anchor=None) == []
    assert values("The monsoon reached Kerala on 30 May.", anchor=None) == [("30 May", "DATE", "XXXX-05-30")]


def test_recently_is_a_past_reference_and_during_this_period_no_date() -> None:
    assert values("Exports recently rose during this period.") == [("recently", "DATE", "PAST_REF")]
    assert values("Exports rose during this period.") == []


def test_yearless_dates_take_the_nearest_year() -> None:
    assert values("Sep 10") == [("Sep 10", "DATE", "2024-09-10")]
    assert values("The summit is on 10 September.") == [("10 September", "DATE", "2024-09-10")]
    march = dt.date(2024, 3, 1)
    assert values("It was held on 28 December.", anchor=march)[0][2] == "2023-12-28"  # ten months ahead: last year
    assert values("It was held on 28 December.")[0][2] == "2024-12-28"  # under four months ahead: same year
    assert values("It opens on 3 January.", anchor=dt.date(2024, 12, 20))[0][2] == "2025-01-03"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("at 10:30 AM", "10:30 AM", "2024-09-10T10:30"),
        ("at 10 am", "10 am", "2024-09-10T10:00"),
        ("by 1700 hrs", "1700 hrs", "2024-09-10T17:00"),
        ("at 3.00 pm", "3.00 pm", "2024-09-10T15:00"),
        ("around 12 noon", "12 noon", "2024-09-10T12:00"),
    ],
)
def test_clock_times(text: str, span: str, value: str) -> None:
    assert values(f"The event starts {text} sharp.") == [(span, "TIME", value)]


def test_times_belong_to_the_day_named_with_them() -> None:
    found = values("On 29th March 2026, the session begins at 04:00 PM.")
    assert ("04:00 PM", "TIME", "2026-03-29T16:00") in found
    assert values("At 9 AM the fair opens.", anchor=None) == [("9 AM", "TIME", "XXXX-XX-XXT09:00")]


def test_prime_minister_is_not_a_time() -> None:
    assert values("More than 50 PM Vishwakarma artisans took part.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("a 10-year roadmap", "10-year", "P10Y"),
        ("in three months", "three months", "P3M"),
        ("for two weeks", "two weeks", "P2W"),
        ("over 25 years", "25 years", "P25Y"),
        ("within 24 hours", "24 hours", "PT24H"),
        ("over the past decade", "the past decade", "P10Y"),
        ("in the last five years", "the last five years", "P5Y"),
        ("for several years", "several years", "PXY"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    assert values(f"The plan, {text}, is set.") == [(span, "DURATION", value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("annually", "P1Y"),
        ("annual", "P1Y"),
        ("every year", "P1Y"),
        ("every two years", "P2Y"),
        ("biennial", "P2Y"),
        ("monthly", "P1M"),
        ("weekly", "P1W"),
        ("daily", "P1D"),
        ("quarterly", "P3M"),
        ("per annum", "P1Y"),
        ("half-yearly", "P6M"),
        ("every Monday", "XXXX-WXX-1"),
    ],
)
def test_sets(text: str, value: str) -> None:
    assert values(f"Reviews happen {text} here.") == [(text, "SET", value)]


def test_amount_a_year_is_a_set() -> None:
    assert values("Farmers get ₹6,000 a year.") == [("a year", "SET", "P1Y")]


def test_spans_are_offsets_into_the_text() -> None:
    text = "Signed on April 28, 1952 and renewed in 2014; trade doubled in FY 2022-23."
    for expr in find_time_expressions(text, ANCHOR, 3):
        assert text[expr.start : expr.end] == expr.text
        assert expr.bullet_no == 3


def test_links_hold_no_dates() -> None:
    assert values("See https://example.gov.in/files/2023-03/report-2024.pdf for details.") == []


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "9" * 5000, "₹" * 300, "(" * 200 + "2024"])
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(find_time_expressions(text, ANCHOR, 0), list)
