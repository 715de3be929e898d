"""The identification's warnings that count parcels, as tallies keyed by the parcels'
rows (``common.notices``): a tiled run keeps each tile's own parcels and merges them into
the untiled run's text."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..common import codes
from ..common.notices import PARCELS, shown, tally
from ..common.values import is_known


def parcel_tally(kind: str, render, mask: np.ndarray, names: Iterable[str]) -> list[str]:
    """The tally of the parcels where ``mask`` holds (none: no warning), named ``names``
    (one per flagged parcel)."""
    rows = np.flatnonzero(mask).tolist()
    if not rows:
        return []
    return [tally(kind, render, rows, list(names), PARCELS)]


def survey_outside_warning(outside: np.ndarray) -> list[str]:
    """The parcels overlapping no 三调 patch (their own dlbm used)."""
    return parcel_tally("survey_outside", survey_outside_text, outside, [""] * int(outside.sum()))


def survey_outside_text(names: list[str]) -> str:
    return (
        f"{len(names)} 宗地不与任何三调图斑相交，现状地类取宗地自身 dlbm。 / {len(names)} parcels "
        "overlap no 三调 patch; their own dlbm is used."
    )


def code_names(ids: pd.Series, values: pd.Series, mask: np.ndarray) -> list[str]:
    """``id=code`` of the flagged parcels."""
    return [f"{i}={c}" for i, c in zip(ids[mask], values[mask], strict=True)]


def unknown_current_warning(ids: pd.Series, current: pd.Series) -> list[str]:
    """The parcels whose current land class code is not in the 三调 table."""
    values = current.reset_index(drop=True).astype(object)
    mask = codes.unknown_code_mask(values)
    names = code_names(ids.reset_index(drop=True), values, mask)
    return parcel_tally("unknown_current", unknown_current_text, mask, names)


def unknown_current_text(names: list[str]) -> str:
    return (
        f"{len(names)} 宗地的现状地类代码不在三调分类表中（未识别），按非建设用地排除：{shown(names)}。"
        f" / {len(names)} parcels have land class codes not in the 三调 table (not recognised), "
        f"excluded as unknown land: {shown(names)}."
    )


def unknown_own_warning(ids: pd.Series, dlbm: pd.Series) -> list[str]:
    """The parcels whose own dlbm (overridden by the 三调 patches) is not in the table."""
    values = dlbm.reset_index(drop=True).astype(object)
    mask = codes.unknown_code_mask(values)
    names = code_names(ids.reset_index(drop=True), values, mask)
    return parcel_tally("unknown_own", unknown_own_text, mask, names)


def unknown_own_text(names: list[str]) -> str:
    return (
        f"宗地图层 {len(names)} 宗地的 dlbm 不在三调分类表中（未识别；现状地类取自三调图斑）：{shown(names)}。"
        f" / {len(names)} parcels have a dlbm not in the 三调 table (not recognised; the "
        f"current use is taken from the 三调 patches): {shown(names)}."
    )


def missing_class_warnings(ids: pd.Series, current: pd.Series) -> list[str]:
    """One warning naming the parcels without a current land class (no ``dlbm`` and no
    三调 patch): they are excluded as not judgeable (``missing_land_class``), never as
    non-construction land."""
    mask = np.array([not is_known(c) for c in current], dtype=bool)
    names = [str(i) for i, m in zip(ids, mask, strict=True) if m]
    return parcel_tally("missing_class", missing_class_text, mask, names)


def missing_class_text(names: list[str]) -> str:
    return (
        f"{len(names)} 宗地没有现状地类（dlbm 为空且不与三调图斑相交），无法认定，排除待补充（missing_land_class）："
        f"{shown(names)}。 / {len(names)} parcels have no current land class (empty dlbm, no 三调 "
        f"patch): not judgeable, excluded (missing_land_class): {shown(names)}."
    )
