"""The day a news item was written, from its dateline ("NEW DELHI, March 9 :", "Tokyo, 9 March 2026 (Reuters) -").

A wire story or release is often published a day after it was written; its "today" and "yesterday" count from
the dateline, not from the publication date. A dateline is trusted only when it falls in the week before the
publication date (a year-less one takes the publication year, or the year before across New Year).
"""

from __future__ import annotations

import datetime as dt
import re

from gistbook.text import MONTH_NUMBERS

_MONTH = r"(?P<{}>[A-Z][a-zA-Z]{{2,8}})\.?"
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){0,3}),\s+"  # the place: "NEW DELHI", "Port Blair"
    rf"(?:{_MONTH.format('month')}\s+{_DAY.format('day')}|{_DAY.format('day2')}\s+{_MONTH.format('month2')})(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"\s*(?:\([A-Za-z .]{2,30}\))?\s*[:\-–—]")
MAX_LAG_DAYS = 7


def dateline_day(first_bullet: str, published: dt.date) -> dt.date | None:
    """The dateline's day when the first bullet opens with one close before `published`; else None."""
    found = DATELINE.match(first_bullet)
    if found is None:
        return None
    month = MONTH_NUMBERS.get((found.group("month") or found.group("month2")).lower())
    day_of_month = int(found.group("day") or found.group("day2"))
    if month is None:
        return None
    year = int(found.group("year")) if found.group("year") else published.year
    try:
        day = dt.date(year, month, day_of_month)
        if day > published and not found.group("year"):
            day = dt.date(year - 1, month, day_of_month)
    except ValueError:
        return None
    return day if 0 <= (published - day).days <= MAX_LAG_DAYS else None
