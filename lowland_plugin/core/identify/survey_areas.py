"""A parcel's area by 三调 三大类: the parcel is overlaid with the survey patches, each
piece classified (``core.codes.land_category``) and the areas summed per class.

Fields (m², one row per parcel):

- ``construction_m2``, ``agricultural_m2``, ``unused_m2``: the pieces of each class;
- ``unsurveyed_m2``: the part of the parcel no patch covers (NaN when no survey layer
  was given: not measured). Pieces of a patch whose code is not recognised belong to no
  class, so the class areas may sum to less than the parcel.

A parcel that **no** patch touches takes its own ``dlbm`` for the whole parcel (the
same fallback the identification applies to its current use): its class areas come
from that code and ``unsurveyed_m2`` still reports the whole parcel. Identification
and 历史遗留用地 use this one rule, so they agree on such parcels (audit E3 L9).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common import codes
from .json_text import json_numbers, json_object

CATEGORIES = ("construction", "agricultural", "unused")
AREA_FIELDS = tuple(f"{c}_m2" for c in CATEGORIES) + ("unsurveyed_m2",)
#: relative part of a parcel below which an uncovered remainder is float noise
_NOISE = 1e-9


def areas_by_category(
    n: int, t_idx: np.ndarray, categories: np.ndarray, area: np.ndarray, parcel_area: np.ndarray
) -> pd.DataFrame:
    """Class areas of ``n`` parcels from overlay pieces (parcel index, class, area)."""
    out = pd.DataFrame(index=range(n))
    cats = np.asarray(categories, dtype=object)
    for cat in CATEGORIES:
        mine = cats == cat
        out[f"{cat}_m2"] = np.bincount(t_idx[mine], weights=area[mine], minlength=n).astype(float)
    covered = np.bincount(t_idx, weights=area, minlength=n).astype(float)
    rest = np.asarray(parcel_area, dtype=float) - covered
    out["unsurveyed_m2"] = np.where(rest > _NOISE * np.abs(parcel_area), rest, 0.0)
    return out


def areas_from_own_class(own_dlbm: pd.Series, parcel_area: np.ndarray) -> pd.DataFrame:
    """The whole parcel in the class of its own code (no survey layer: ``unsurveyed_m2``
    is NaN, not measured)."""
    cat = codes.land_category(own_dlbm.reset_index(drop=True)).to_numpy(dtype=object)
    area = np.asarray(parcel_area, dtype=float)
    out = pd.DataFrame({f"{c}_m2": np.where(cat == c, area, 0.0) for c in CATEGORIES})
    out["unsurveyed_m2"] = np.nan
    return out


def with_own_class_fallback(
    areas: pd.DataFrame, own_dlbm: pd.Series, parcel_area: np.ndarray
) -> pd.DataFrame:
    """Parcels no patch touches (class areas all 0 and the whole parcel unsurveyed) take
    the class of their own ``dlbm`` for the whole parcel; ``unsurveyed_m2`` is kept."""
    out = areas.copy()
    class_cols = [f"{c}_m2" for c in CATEGORIES]
    untouched = (out[class_cols].sum(axis=1).to_numpy() == 0) & (
        out["unsurveyed_m2"].to_numpy() > 0
    )
    if untouched.any():
        own = areas_from_own_class(own_dlbm, parcel_area)
        for col in class_cols:
            out[col] = np.where(untouched, own[col].to_numpy(), out[col].to_numpy())
    return out


def areas_json(areas: pd.DataFrame) -> np.ndarray:
    """``{"construction": m², "agricultural": m², "unused": m², "unsurveyed": m²|null}`` per
    parcel as JSON text (for the reasons; the serialiser's compact form)."""
    parts = {
        f.removesuffix("_m2"): json_numbers(areas[f].to_numpy(dtype=float), 2) for f in AREA_FIELDS
    }
    return json_object(parts)
