"""Template filters of the 实施方案 (DOCX and HTML): numbers, 万元, 亩, percentages, dates
and yes/no for Chinese documents; a missing value prints as ``—``."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..common.measures import M2_PER_MU
from ..common.values import is_known


def fmt_number(value, digits: int = 2) -> str:
    """``12345.678`` → ``12,345.68``; missing → ``—``."""
    if not is_known(value):
        return "—"
    return f"{float(value):,.{int(digits)}f}"


def fmt_wan(yuan, digits: int = 2) -> str:
    """元 → 万元 (``1234567`` → ``123.46``)."""
    return "—" if not is_known(yuan) else fmt_number(float(yuan) / 10000.0, digits)


def fmt_mu(area_m2, digits: int = 2) -> str:
    """m² → 亩 (1 亩 = 10000/15 m²)."""
    return "—" if not is_known(area_m2) else fmt_number(float(area_m2) / M2_PER_MU, digits)


def fmt_percent(share, digits: int = 2) -> str:
    """``0.1234`` → ``12.34%``."""
    return "—" if not is_known(share) else f"{float(share) * 100:.{int(digits)}f}%"


def fmt_date(value) -> str:
    """A date as ``2025年2月28日``; missing → ``—``."""
    if not is_known(value):
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        value = value.date()
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_yes_no(value) -> str:
    return "—" if not is_known(value) else ("是" if bool(value) else "否")


def fmt_pass(value) -> str:
    return "—" if not is_known(value) else ("符合" if bool(value) else "不符合")


#: Jinja filters of both templates: ``{{ unit.area_m2 | m2 }}``, ``{{ x | wan }}``…
FILTERS = {
    "num": fmt_number,
    "m2": fmt_number,
    "wan": fmt_wan,
    "mu": fmt_mu,
    "pct": fmt_percent,
    "date_zh": fmt_date,
    "yesno": fmt_yes_no,
    "passfail": fmt_pass,
}
