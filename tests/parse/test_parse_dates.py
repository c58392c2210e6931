"""Publication dates: forms sources use, year-less dates completed from context, and the stated reason."""

from __future__ import annotations

from datetime import date

import pytest

from gistbook.parse import ParseError
from gistbook.parse.dates import DateValue, YearlessDate, read_date, resolve_published

TODAY = date(2026, 3, 31)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2026-03-08", "2026-03-08", "day"),
        ("2026-03-08T10:00:00+05:30", "2026-03-08", "day"),
        ("2026-03-08 10:00", "2026-03-08", "day"),
        ("2026/3/8", "2026-03-08", "day"),
        ("8 March 2026", "2026-03-08", "day"),
        ("8th March, 2026", "2026-03-08", "day"),
        ("March 8, 2026", "2026-03-08", "day"),
        ("Sept 10 2024", "2024-09-10", "day"),
        ("Tue, 10 Sep 2024 08:00:00 +0530", "2024-09-10", "day"),
        ("Sunday, 8 March 2026", "2026-03-08", "day"),
        ("27.03.2026", "2026-03-27", "day"),
        ("08/03/2026", "2026-03-08", "day"),  # day first, as Indian sources write it
        ("03/27/2026", "2026-03-27", "day"),  # month first only when day first is impossible
        ("March 2026", "2026-03", "month"),
        ("2017-12", "2017-12", "month"),
        ("1903", "1903", "year"),
    ],
)
def test_read_date_forms(text: str, value: str, precision: str) -> None:
    assert read_date(text) == DateValue(value, precision)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["Sep 10", "10 Sep", "10th September", "September 10"])
def test_read_yearless_dates(text: str) -> None:
    assert read_date(text) == YearlessDate(9, 10, text)


@pytest.mark.parametrize("text", ["2022-23", "$21", "FY 2022-23", "yesterday", "31 February 2026", "2026-13-01", ""])
def test_not_dates(text: str) -> None:
    assert read_date(text) is None


def test_override_wins() -> None:
    got = resolve_published("2026-03-08", "2024-09-10", {}, TODAY)
    assert (got.value, got.precision, got.reason) == ("2024-09-10", "day", "given by --published")


def test_bad_override_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="--published 'soon' is not a date"):
        resolve_published("Sep 10", "soon", {}, TODAY)


def test_source_date_is_normalised() -> None:
    got = resolve_published("March 8, 2026", None, {}, TODAY)
    assert (got.value, got.precision, got.reason) == ("2026-03-08", "day", "the source's date 'March 8, 2026'")


def test_yearless_takes_year_from_metadata_date() -> None:
    got = resolve_published("Sep 10", None, {"modified": "2024-09-11T08:00:00Z"}, TODAY)
    assert got.value == "2024-09-10"
    assert got.reason == ("'Sep 10' has no year; year 2024 taken from the source's metadata "
                          "(modified: 2024-09-11T08:00:00Z)")


def test_yearless_falls_back_to_most_recent_past_date() -> None:
    got = resolve_published("Sep 10", None, {}, TODAY)
    assert got.value == "2025-09-10"
    assert got.reason == ("'Sep 10' has no year; year 2025 assumed, the most recent Sep 10 "
                          "not after today (2026-03-31)")
    leap = resolve_published("Feb 29", None, {}, TODAY)
    assert leap.value == "2024-02-29"


def test_missing_and_unreadable_dates_say_so() -> None:
    assert resolve_published(None, None, {}, TODAY).reason == "the source gives no date"
    unreadable = resolve_published("last Tuesday", None, {}, TODAY)
    assert (unreadable.value, unreadable.reason) == (None, "could not read the source's date 'last Tuesday'")
    from_meta = resolve_published(None, None, {"og_date": "2026-03-02"}, TODAY)
    assert (from_meta.value, from_meta.precision) == ("2026-03-02", "day")
