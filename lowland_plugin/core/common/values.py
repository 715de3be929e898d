"""Plain values out of table cells: one place for "is this known?" and the typed
column readers every core module uses (numpy / pandas missing markers all mean unknown).

Unknown is never 0: a missing number stays NaN / None all the way to the output.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import numpy as np
import pandas as pd


def is_known(value: Any) -> bool:
    """Not None, NA, NaT or NaN."""
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    if isinstance(value, np.datetime64):
        return not np.isnat(value)
    return not (isinstance(value, float | np.floating) and math.isnan(value))


def known_mask(values: Any) -> np.ndarray:
    """``[is_known(v) for v in values]`` as a boolean array, vectorised: ``pd.isna`` flags
    every value :func:`is_known` rejects (and a few more, e.g. ``Decimal("NaN")``), so
    only its flagged values are asked again one by one."""
    arr = np.asarray(values, dtype=object).ravel()
    known = ~pd.isna(arr)
    doubt = np.flatnonzero(~known)
    if doubt.size:
        known[doubt] = [is_known(v) for v in arr[doubt]]
    return known


def plain(value: Any) -> Any:
    """A cell as a plain Python value: numpy scalars unwrapped, NaN/NA/NaT → None."""
    if not is_known(value):
        return None
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value


def as_date(value: Any) -> dt.date | None:
    """A date (datetime64, Timestamp and datetime cut to their day); anything else → None."""
    value = plain(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def as_text(value: Any) -> str | None:
    """Stripped text; empty and unknown → None."""
    value = plain(value)
    if value is None:
        return None
    return str(value).strip() or None


def as_float(value: Any) -> float | None:
    """A finite-or-inf float; unknown or not a number → None."""
    value = plain(value)
    if value is None:
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def as_json(value: Any, default: Any) -> Any:
    """Parsed JSON text; unknown or broken JSON → ``default``."""
    text = as_text(value)
    if text is None:
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return default


# ------------------------------------------------------------------ column readers


def numbers(frame: pd.DataFrame, name: str) -> np.ndarray:
    """Column ``name`` as float64 (absent column or non-numbers → NaN)."""
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    numeric = pd.to_numeric(frame[name], errors="coerce")  # nullable dtypes: NA → NaN
    return numeric.astype("float64").to_numpy(na_value=np.nan)


def flags(frame: pd.DataFrame, name: str) -> list[bool | None]:
    """Column ``name`` as booleans, unknown → None (absent column: all None)."""
    if name not in frame.columns:
        return [None] * len(frame)
    return [None if v is pd.NA or v is None else bool(v) for v in frame[name].astype("boolean")]


def flag_series(frame: pd.DataFrame, name: str) -> pd.Series:
    """Column ``name`` as a nullable boolean Series on the frame's index (absent: all NA)."""
    if name not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="boolean")
    return frame[name].astype("boolean")


def texts(frame: pd.DataFrame, name: str) -> list[str | None]:
    """Column ``name`` as stripped texts, empty or unknown → None (absent: all None)."""
    if name not in frame.columns:
        return [None] * len(frame)
    values = frame[name].to_numpy(dtype=object)
    known = known_mask(values)
    if not all(type(v) is str for v in values[known]):  # numbers, dates…: one by one
        return [as_text(v) for v in values.tolist()]
    stripped = pd.Series(values[known], dtype=object).str.strip()
    out = np.full(len(values), None, dtype=object)
    out[known] = stripped.where(stripped != "", None).to_numpy(dtype=object)
    return out.tolist()


def dates(frame: pd.DataFrame, name: str) -> list[dt.date | None]:
    """Column ``name`` as dates, unknown → None (absent: all None)."""
    if name not in frame.columns:
        return [None] * len(frame)
    return [as_date(v) for v in frame[name].tolist()]


def rounded(x: Any, digits: int = 2) -> float | None:
    """A number for a reason or a report (rounded; unknown stays None)."""
    x = as_float(x)
    return None if x is None else round(x, digits)
