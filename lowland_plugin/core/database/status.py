"""上图入库 (Y-2 "全面摸清低效用地类型、用途、分布、权属、面积、使用状况及改造开发潜力等基础情况，
厘清历史遗留用地底数"; N-12): the 使用状况, 改造开发潜力 and 历史遗留用地 values of each
exported parcel, each rule in one function. Unknown stays unknown (None / NaN), never 0.

Pure Python + pandas, no QGIS.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common.errors import LowlandInputError
from ..common.values import as_text, flag_series, numbers

CLAUSE = "Y-2"
#: 使用状况 values, in the order the rule tests them.
USE_STATES = ("闲置", "停产", "空置", "在用")
#: 历史遗留用地 classes of ``lowland:legacyland`` (Y-9, N-14).
LEGACY_CLASSES = ("regular", "expropriation", "undecided")
#: Area of each legacy class in a ``lowland:legacyland`` output measured by 三调 piece.
LEGACY_AREA_FIELDS = {c: f"{c}_m2" for c in LEGACY_CLASSES}


def use_state(frame: pd.DataFrame) -> np.ndarray:
    """使用状况 (Y-2) per parcel, from the identification's ``idle``, ``operating``,
    ``building_count`` and ``far``:

    1. ``idle`` true → 闲置 (闲置土地, a status recorded on the parcel);
    2. no building measured on it (``building_count`` 0 with ``far`` known, i.e. a
       buildings layer was given) and ``operating`` not true → 空置;
    3. ``operating`` false → 停产 (buildings on it, or not measured);
    4. ``operating`` true → 在用 (also without buildings: an open-air use);
    5. otherwise unknown (None): never guessed.
    """
    idle = flag_series(frame, "idle").reset_index(drop=True)
    operating = flag_series(frame, "operating").reset_index(drop=True)
    count = numbers(frame, "building_count")
    far = numbers(frame, "far")
    no_building = (count == 0) & ~np.isnan(far)
    idle_true = (idle == True).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    op_true = (operating == True).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    op_false = (operating == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    out = np.full(len(frame), None, dtype=object)
    out[op_true] = "在用"
    out[op_false] = "停产"
    out[no_building & ~op_true] = "空置"
    out[idle_true] = "闲置"
    return out


def redevelopment_potential(far_max, far, area_m2) -> np.ndarray:
    """改造开发潜力 (Y-2): the floor area the plan still allows,
    ``max(far_max − far, 0) × area_m2`` (m²). NaN where the planned FAR (``far_max``),
    the current FAR or the area is unknown; 0 only where the current FAR reaches the
    planned one (measured: no headroom)."""
    planned = np.asarray(far_max, dtype="float64")
    current = np.asarray(far, dtype="float64")
    area = np.asarray(area_m2, dtype="float64")
    return np.maximum(planned - current, 0.0) * area  # NaN propagates


def _legacy_problem(text_zh: str, text_en: str) -> LowlandInputError:
    return LowlandInputError(
        f"LEGACY（历史遗留用地认定结果）{text_zh} / LEGACY (legacy land output): {text_en}"
    )


def legacy_values(
    parcel_ids: pd.Series, area_m2, legacy: pd.DataFrame | None
) -> tuple[pd.DataFrame, int]:
    """历史遗留用地 (Y-2 "厘清历史遗留用地底数"; classes of Y-9, N-14) per exported parcel,
    matched by ``parcel_id`` to a ``lowland:legacyland`` output: ``legacy_class`` and
    the area of each class (``regular_m2`` … when the output has them, measured by
    三调 piece; otherwise the parcel's whole ``area_m2`` in its one class and 0 in the
    others) and their sum ``legacy_area_m2``. All None/NaN where no legacy output is
    given, the parcel is not in it, or it is out of scope (lawful approval: no class).
    Returns the table and the number of parcels not found in ``legacy``."""
    n = len(parcel_ids)
    out = pd.DataFrame(
        {
            "legacy_class": np.full(n, None, dtype=object),
            **{f: np.full(n, np.nan) for f in LEGACY_AREA_FIELDS.values()},
            "legacy_area_m2": np.full(n, np.nan),
        }
    )
    if legacy is None:
        return out, 0
    for name in ("parcel_id", "legacy_class"):
        if name not in legacy.columns:
            raise _legacy_problem(
                f"缺少字段 {name}：请给出 lowland:legacyland 的输出。",
                f"the field {name} is missing: give the output of lowland:legacyland.",
            )
    ids = [as_text(v) for v in legacy["parcel_id"].astype(object)]
    seen = pd.Series(ids, dtype=object).dropna()
    twice = sorted(set(seen[seen.duplicated()]))
    if twice:
        raise _legacy_problem(
            f"宗地编号重复 {twice[:10]}，无法按宗地编号匹配。",
            f"duplicate parcel ids {twice[:10]}: cannot match by parcel_id.",
        )
    position = {pid: i for i, pid in enumerate(ids) if pid is not None}
    wanted = [position.get(as_text(v) or "") for v in parcel_ids.astype(object)]
    found = np.array([w is not None for w in wanted], dtype=bool)
    rows = np.array([w for w in wanted if w is not None], dtype="int64")
    table = legacy.reset_index(drop=True)
    classes = np.array([as_text(v) for v in table["legacy_class"].astype(object)], dtype=object)[
        rows
    ]
    by_piece = all(f in table.columns for f in LEGACY_AREA_FIELDS.values())
    area = np.asarray(area_m2, dtype="float64")[found]
    scoped = np.array([c is not None for c in classes], dtype=bool)
    for cls, field in LEGACY_AREA_FIELDS.items():
        if by_piece:
            values = numbers(table, field)[rows]
        else:
            values = np.where(classes == cls, area, 0.0)
        column = out[field].to_numpy(copy=True)
        column[np.flatnonzero(found)] = np.where(scoped, values, np.nan)
        out[field] = column
    out.loc[found, "legacy_class"] = classes
    parts = out[list(LEGACY_AREA_FIELDS.values())].to_numpy(dtype="float64")
    out["legacy_area_m2"] = np.where(np.isnan(parts).any(axis=1), np.nan, np.nansum(parts, axis=1))
    return out, int((~found).sum())
