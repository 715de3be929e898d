"""The cell readers of ``core.common.values``: the vectorised ``known_mask`` and ``texts``
(issue 20) give exactly what the one-value functions give, value by value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd

from lowland_under_test.lowland_plugin.core.common.values import (
    as_text,
    is_known,
    known_mask,
    texts,
)

MIXED = [
    "a",
    None,
    np.nan,
    pd.NA,
    pd.NaT,
    np.datetime64("NaT"),
    np.float32("nan"),
    Decimal("NaN"),  # pd.isna flags it; is_known does not: asked again
    0,
    0.0,
    "",
    dt.date(2020, 1, 1),
]


def test_known_mask_is_is_known_value_by_value():
    # known: "a", Decimal NaN, 0, 0.0, "", the date → 6 of the 12
    expected = [is_known(v) for v in MIXED]
    assert known_mask(np.array(MIXED, dtype=object)).tolist() == expected
    assert sum(expected) == 6


def test_texts_of_strings_strip_and_blank_to_none():
    frame = pd.DataFrame({"owner": [" 甲公司 ", "", "  ", None, np.nan, "乙", pd.NA]})
    assert texts(frame, "owner") == ["甲公司", None, None, None, None, "乙", None]


def test_texts_of_other_values_as_one_by_one():
    # numbers and dates go through as_text one by one (1.0 stays "1.0", a date its ISO)
    values = ["x ", 1, 1.0, dt.date(2020, 1, 2), None]
    frame = pd.DataFrame({"owner": pd.Series(values, dtype=object)})
    assert texts(frame, "owner") == [as_text(v) for v in values]
    assert texts(frame, "owner") == ["x", "1", "1.0", "2020-01-02", None]
    assert texts(frame, "absent") == [None] * 5
