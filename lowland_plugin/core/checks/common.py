"""What the redevelopment checks share: per-project ids and planimetric areas, exact
limit comparison, raising collected input problems, code tables, progress, and the
result type. No rule lives here.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.resources import resource_path
from ..common.values import texts

#: Relative tolerance of the limit comparisons (a value on the limit passes).
EPS = 1e-9

#: A progress callback taking a percentage (or None: no progress reported).
ProgressFn = Callable[[float], None] | None


# ------------------------------------------------------------------ comparisons


def within(value: float, limit: float) -> bool:
    """``value ≤ limit``, exact up to a relative 1e-9 (a value on the limit passes)."""
    return bool(value <= limit + EPS * max(abs(limit), abs(value)))


def at_least(value: float, limit: float) -> bool:
    """``value ≥ limit``, exact up to a relative 1e-9."""
    return within(limit, value)


def at_most(value: float, limit: float) -> bool:
    """``value ≤ limit``, exact up to a relative 1e-9."""
    return within(value, limit)


# ------------------------------------------------------------------ input problems


def raise_problems(problems: list[str], what: str) -> None:
    """Raise the collected input ``problems`` together (the first 20 shown), if any."""
    if problems:
        shown = problems[:20] + ([f"… (+{len(problems) - 20})"] if len(problems) > 20 else [])
        raise LowlandInputError(f"{what}:\n  " + "\n  ".join(shown))


def zero_area_problems(ids: Iterable[str], areas: Iterable[float]) -> list[str]:
    """A problem for every project whose land area is 0."""
    return [
        f"项目 {pid}：用地面积为 0 / project {pid}: land area is 0"
        for pid, a in zip(ids, areas, strict=True)
        if a <= 0
    ]


# ------------------------------------------------------------------ projects


def planimetric_areas(frame: gpd.GeoDataFrame, label: str, id_field: str) -> np.ndarray:
    """Planimetric area (m², projected CRS) of every feature; empty geometry is an error
    naming the feature."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if empty.any():
        ids = [str(v) for v in np.asarray(texts(frame, id_field), dtype=object)[empty]]
        raise LowlandInputError(
            f"{label}: {id_field} {ids} 没有图形（空几何），无法计算面积。 / features {ids} "
            "have no geometry: their area cannot be computed."
        )
    return shapely.area(geoms).astype("float64")


def project_ids(projects: pd.DataFrame, label: str) -> list[str]:
    """The ``project_id`` of every project, refused when empty or repeated."""
    ids = texts(projects, "project_id")
    missing = [i for i, v in enumerate(ids) if v is None]
    if missing:
        raise LowlandInputError(
            f"{label}: 第 {[i + 1 for i in missing]} 个要素的 project_id 为空。 / features "
            f"{[i + 1 for i in missing]} have an empty project_id."
        )
    known = [v for v in ids if v is not None]  # all of them: empty ones refused above
    dup = sorted({v for v in known if known.count(v) > 1})
    if dup:
        raise LowlandInputError(
            f"{label}: project_id {dup} 重复；每个项目一个要素。 / project_id {dup} occur more "
            "than once; one feature per project."
        )
    return known


def row_ids(frame: pd.DataFrame, key: str, mask) -> list[str]:
    """Column ``key`` (else the index) of the rows selected by ``mask``, as texts."""
    ids = frame[key] if key in frame.columns else pd.Series(frame.index, index=frame.index)
    return [str(v) for v in ids[mask].tolist()]


# ------------------------------------------------------------------ tables


def code_rows(name: str) -> list[dict[str, str]]:
    """Rows of the code table ``resources/codes/<name>``, every value stripped."""
    with resource_path("codes", name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def nullable_booleans(frame: pd.DataFrame, names: Iterable[str]) -> pd.DataFrame:
    """``frame`` with its columns among ``names`` as nullable booleans (None/NA → NA)."""
    names = set(names)
    for name in frame.columns:
        if name in names:
            frame[name] = pd.array(
                [None if v is None or v is pd.NA else bool(v) for v in frame[name]],
                dtype="boolean",
            )
    return frame


def report_progress(progress: ProgressFn, i: int, n: int) -> None:
    """Report row ``i`` of ``n`` done (every 200 rows and at the last)."""
    if progress is not None and n and (i % 200 == 0 or i == n - 1):
        progress(100.0 * (i + 1) / n)


@dataclass
class CheckResult:
    """Per-project table (row order of the input), an optional second table, run notes."""

    table: pd.DataFrame
    extra: pd.DataFrame | None = None
    info: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


#: ``redevelopment_mode`` values (Y-3, N-3, N-5): 收储后出让 / 原权利人改造 / 联合.
REDEVELOPMENT_MODES = {"acquisition": "acquisition", "收储": "acquisition",
                       "收储后出让": "acquisition", "owner": "owner", "原权利人改造": "owner",
                       "joint": "joint", "联合": "joint"}  # fmt: skip


def redevelopment_mode(raw: object) -> str | None:
    """The canonical redevelopment mode of a ``redevelopment_mode`` value (acquisition /
    owner / joint), None when empty or unknown."""
    return REDEVELOPMENT_MODES.get(str(raw).strip()) if raw is not None else None
