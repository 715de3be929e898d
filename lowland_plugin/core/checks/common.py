"""Helpers shared by the redevelopment-check cores (``checks_price``, ``checks_plan``,
``checks_use``): reading typed columns of template frames, reason items, per-project
ids and areas, exact limit comparison, and the result type. No rules live here.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError

#: Relative tolerance of the limit comparisons (a value on the limit passes).
_EPS = 1e-9


def _plain(value):
    """numpy datetime64 / pandas Timestamp → date; NaT → None (else unchanged)."""
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).date()
    if value is pd.NaT:
        return None
    return value


def _num(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype="float64")


def _flags(frame: pd.DataFrame, name: str) -> list[bool | None]:
    if name not in frame.columns:
        return [None] * len(frame)
    return [None if v is pd.NA or v is None else bool(v) for v in frame[name].astype("boolean")]


def _texts(frame: pd.DataFrame, name: str) -> list[str | None]:
    if name not in frame.columns:
        return [None] * len(frame)
    out = []
    for v in frame[name].tolist():
        text = None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()
        out.append(text or None)
    return out


def _dates(frame: pd.DataFrame, name: str) -> list[dt.date | None]:
    if name not in frame.columns:
        return [None] * len(frame)
    out = []
    for v in frame[name].tolist():
        v = _plain(v)
        if isinstance(v, dt.datetime):
            v = v.date()
        out.append(v if isinstance(v, dt.date) else None)
    return out


def _known(value) -> bool:
    """Not None, NA, NaT or NaN."""
    if value is None or value is pd.NA or value is pd.NaT:
        return False
    return not (isinstance(value, float) and math.isnan(value))


def within(value: float, limit: float) -> bool:
    """``value ≤ limit``, exact up to a relative 1e-9 (a value on the limit passes)."""
    return bool(value <= limit + _EPS * max(abs(limit), abs(value)))


def _r(x, digits: int = 2):
    """A number for a JSON reason (rounded; None stays None)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), digits)


def _item(rule: str, clause: str, value, threshold, met, **extra) -> dict:
    return {"rule": rule, "clause": clause, "value": value, "threshold": threshold, "met": met} | {
        k: v for k, v in extra.items() if v is not None
    }


def _reasons(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False)


def _raise_problems(problems: list[str], what: str) -> None:
    if problems:
        shown = problems[:20] + ([f"… (+{len(problems) - 20})"] if len(problems) > 20 else [])
        raise LowlandInputError(f"{what}:\n  " + "\n  ".join(shown))


def planimetric_areas(frame: gpd.GeoDataFrame, label: str, id_field: str) -> np.ndarray:
    """Planimetric area (m², projected CRS) of every feature; empty geometry is an error
    naming the feature."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if empty.any():
        ids = [str(v) for v in np.asarray(_texts(frame, id_field), dtype=object)[empty]]
        raise LowlandInputError(
            f"{label}: {id_field} {ids} 没有图形（空几何），无法计算面积。 / features {ids} "
            "have no geometry: their area cannot be computed."
        )
    return shapely.area(geoms).astype("float64")


def _project_ids(projects: pd.DataFrame, label: str) -> list[str]:
    ids = _texts(projects, "project_id")
    missing = [i for i, v in enumerate(ids) if v is None]
    if missing:
        raise LowlandInputError(
            f"{label}: 第 {[i + 1 for i in missing]} 个要素的 project_id 为空。 / features "
            f"{[i + 1 for i in missing]} have an empty project_id."
        )
    dup = sorted({v for v in ids if ids.count(v) > 1})
    if dup:
        raise LowlandInputError(
            f"{label}: project_id {dup} 重复；每个项目一个要素。 / project_id {dup} occur more "
            "than once; one feature per project."
        )
    return [str(v) for v in ids]


@dataclass
class CheckResult:
    """Per-project table (row order of the input), an optional second table, run notes."""

    table: pd.DataFrame
    extra: pd.DataFrame | None = None
    info: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
