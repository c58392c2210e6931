"""Publication dates normalised to ISO 8601 at the precision the source gives, with the reason recorded.

Own rules rather than dateparser: the forms sources use are few (ISO, "8 March 2026",
"March 8, 2026", RFC 822 from feeds, "27.03.2026", "March 2026", year-less "Sep 10"), and
dateparser misreads strings such as "2022-23" or "$21". Numeric day/month dates are read
day first, as Indian sources write them, unless only month first makes sense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gistbook.parse.errors import ParseError
from gistbook.records import Precision
from gistbook.text import MONTH_NUMBERS

MONTHS = MONTH_NUMBERS
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}.*)?$")
ISO_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$")
DAY_MONTH_YEAR = re.compile(rf"^{DAY}\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"^{MONTH}\s+{DAY},?\s+(\d{{4}})\b", re.I)
MONTH_YEAR = re.compile(rf"^{MONTH},?\s+(\d{{4}})$", re.I)
DAY_MONTH = re.compile(rf"^{DAY}\s+(?:of\s+)?{MONTH}$", re.I)
MONTH_DAY = re.compile(rf"^{MONTH}\s+{DAY}$", re.I)


@dataclass(frozen=True)
class DateValue:
    """A date read from text: ISO value at a precision."""

    value: str
    precision: Precision


@dataclass(frozen=True)
class YearlessDate:
    """A day and month with the year left out ("Sep 10"), to be completed from context."""

    month: int
    day: int
    text: str


@dataclass(frozen=True)
class Published:
    value: str | None
    precision: Precision | None
    reason: str


def read_date(text: str) -> DateValue | YearlessDate | None:
    """Read one date as a source writes it; None when it is not a date we understand."""
    text = WEEKDAY.sub("", " ".join(text.split()))
    for pattern, order in ((ISO, "ymd"), (ISO_SLASH, "ymd"), (DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy")):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            return _day(parts["y"], _month(parts["m"]), parts["d"])
    if match := NUMERIC.match(text):
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        year += 2000 if year < 100 else 0
        day, month = (second, first) if first <= 12 < second else (first, second)
        return _day(year, month, day)
    if match := ISO_MONTH.match(text):
        return _month_value(int(match.group(1)), int(match.group(2)))
    if match := MONTH_YEAR.match(text):
        return _month_value(int(match.group(2)), _month(match.group(1)))
    if match := YEAR.match(text):
        return DateValue(match.group(1), "year") if 1000 <= int(match.group(1)) <= 2999 else None
    for pattern, order in ((DAY_MONTH, "dm"), (MONTH_DAY, "md")):
        if match := pattern.match(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month, day = _month(parts["m"]), int(parts["d"])
            return YearlessDate(month, day, text) if _valid(2000, month, day) else None
    return None


def resolve_published(raw: str | None, given: str | None, meta: dict[str, str], today: date) -> Published:
    """The publication date and why: --published wins, then the source's own date completed from context."""
    source_date = read_date(raw) if raw else None
    if given:
        override = read_date(given)
        if not isinstance(override, DateValue):
            raise ParseError(f"--published {given!r} is not a date (want YYYY-MM-DD)")
        if override.precision != "day" and isinstance(source_date, YearlessDate):
            return _complete(source_date, int(override.value[:4]), "taken from --published")
        return Published(override.value, override.precision, "given by --published")
    if isinstance(source_date, DateValue):
        return Published(source_date.value, source_date.precision, f"the source's date {raw!r}")
    if isinstance(source_date, YearlessDate):
        found = _year_from_meta(meta)
        if found:
            year, where = found
            return _complete(source_date, year, f"taken from the source's metadata ({where})")
        return _most_recent(source_date, today)
    if raw:
        return Published(None, None, f"could not read the source's date {raw!r}")
    for key, value in sorted(meta.items()):
        if "date" in key.casefold() or "publish" in key.casefold():
            fallback = read_date(value)
            if isinstance(fallback, DateValue):
                return Published(fallback.value, fallback.precision, f"from the source's metadata ({key}: {value})")
    return Published(None, None, "the source gives no date")


def _complete(partial: YearlessDate, year: int, how: str) -> Published:
    if not _valid(year, partial.month, partial.day):
        raise ParseError(f"{partial.text!r} does not exist in {year}")
    value = date(year, partial.month, partial.day).isoformat()
    return Published(value, "day", f"{partial.text!r} has no year; year {year} {how}")


def _most_recent(partial: YearlessDate, today: date) -> Published:
    """The latest occurrence of the day and month not after today (news is read after it is written)."""
    year = today.year
    while not _valid(year, partial.month, partial.day) or date(year, partial.month, partial.day) > today:
        year -= 1
    value = date(year, partial.month, partial.day).isoformat()
    reason = (f"{partial.text!r} has no year; year {year} assumed, the most recent {partial.text} "
              f"not after today ({today.isoformat()})")
    return Published(value, "day", reason)


def _year_from_meta(meta: dict[str, str]) -> tuple[int, str] | None:
    """A year the source states elsewhere: `published_year`, else any full date among its metadata."""
    year = (meta.get("published_year") or "").strip()
    if YEAR.match(year):
        return int(year), "published_year"
    for key, value in sorted(meta.items()):
        found = read_date(value) if len(value) < 60 else None
        if isinstance(found, DateValue) and found.precision == "day":
            return int(found.value[:4]), f"{key}: {value}"
    return None


def _month(name: str) -> int:
    """A month number from digits or an English name or abbreviation."""
    return int(name) if name.isdigit() else MONTHS[name.casefold().rstrip(".")]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _day(year: str | int, month: str | int, day: str | int) -> DateValue | None:
    y, m, d = int(year), int(month), int(day)
    return DateValue(date(y, m, d).isoformat(), "day") if _valid(y, m, d) and y >= 1000 else None


def _month_value(year: int, month: int) -> DateValue | None:
    return DateValue(f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 and year >= 1000 else None
