"""Calendar periods as 《民法典》第二百零一、二百零二条 count them: the day a period
starts from is not counted and the period ends on the corresponding day of the final
month, or on that month's last day when it has no such day (31 Jan + 1 month = 28/29
Feb). Statutory holidays (第二百零三条) are not applied (no holiday calendar).
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` calendar months; a day the target month lacks falls back to its
    last day (31 Jan + 1 month = 28/29 Feb; 《民法典》第二百零二条)."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` + ``years`` calendar years (29 Feb 2024 + 2 years = 28 Feb 2026)."""
    return add_months(day, 12 * years)
