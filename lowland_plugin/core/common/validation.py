"""Input checks shared by every core function: geometry validity and required fields."""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .errors import LowlandInputError
from .parallel import chunked
from .values import as_text

#: How many offending ids a message lists before it says "and N more".
_MAX_IDS_IN_MESSAGE = 10


def _id_list(gdf: gpd.GeoDataFrame, mask: np.ndarray, id_field: str | None) -> str:
    ids = gdf.loc[mask, id_field] if id_field and id_field in gdf.columns else gdf.index[mask]
    ids = [str(v) for v in list(ids)]
    shown = ", ".join(ids[:_MAX_IDS_IN_MESSAGE])
    more = len(ids) - _MAX_IDS_IN_MESSAGE
    return shown + (f" … (+{more})" if more > 0 else "")


def require_valid_geometries(
    gdf: gpd.GeoDataFrame, layer_label: str, id_field: str | None = None
) -> None:
    """Refuse null, empty and invalid geometries, naming the features to fix."""
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        raise LowlandInputError(
            f"{layer_label}: {int(missing.sum())} 个要素没有几何或几何为空：{_id_list(gdf, missing, id_field)}。"
            f"请补绘或删除后重试。 / {int(missing.sum())} features have null or empty geometry: "
            f"{_id_list(gdf, missing, id_field)}."
        )
    invalid = ~chunked(shapely.is_valid, geoms)
    if invalid.any():
        reason = shapely.is_valid_reason(geoms[np.flatnonzero(invalid)[0]])
        raise LowlandInputError(
            f"{layer_label}: {int(invalid.sum())} 个要素几何无效（如自相交）：{_id_list(gdf, invalid, id_field)}"
            f"（首个原因：{reason}）。请先用“修复几何图形”(native:fixgeometries) 处理。"
            f" / {int(invalid.sum())} features have invalid geometry: {_id_list(gdf, invalid, id_field)} "
            f"(first: {reason}); run Fix geometries (native:fixgeometries) first."
        )


def require_any_field(gdf: gpd.GeoDataFrame, fields: Iterable[str], layer_label: str) -> None:
    """Refuse a layer that has none of ``fields``."""
    fields = list(fields)
    if not any(f in gdf.columns for f in fields):
        present = [c for c in gdf.columns if c != gdf.geometry.name]
        raise LowlandInputError(
            f"{layer_label}: 至少需要字段 {fields} 之一；现有字段 {present}。"
            f" / needs at least one of {fields}; the layer has {present}."
        )


def require_unique_ids(frame: pd.DataFrame, id_field: str, layer_label: str) -> None:
    """Refuse empty and duplicate ids (issue 11): results, review decisions and database
    records are matched by id, so each feature needs one of its own. Names the feature
    numbers of empty ids and the repeated ids."""
    if id_field not in frame.columns:
        return
    ids = frame[id_field].map(as_text)
    empty = np.flatnonzero(ids.isna().to_numpy())
    if empty.size:
        rows = [int(i) + 1 for i in empty[:_MAX_IDS_IN_MESSAGE]]
        more = f" … (+{empty.size - _MAX_IDS_IN_MESSAGE})" if empty.size > len(rows) else ""
        raise LowlandInputError(
            f"{layer_label}: 第 {rows}{more} 个要素的 {id_field} 为空，请填写唯一编号。"
            f" / features {rows}{more} have an empty {id_field}; give each a unique id."
        )
    dup = sorted(set(ids[ids.duplicated()]))
    if dup:
        shown = ", ".join(dup[:_MAX_IDS_IN_MESSAGE])
        more = f" … (+{len(dup) - _MAX_IDS_IN_MESSAGE})" if len(dup) > _MAX_IDS_IN_MESSAGE else ""
        raise LowlandInputError(
            f"{layer_label}: {id_field} 有 {len(dup)} 个编号重复：{shown}{more}。每个要素须有唯一编号。"
            f" / {len(dup)} duplicate values of {id_field}: {shown}{more}; make them unique."
        )


def require_numbers(frame: pd.DataFrame, name: str, label: str, id_field: str | None) -> None:
    """Refuse text that is no number in the numeric field ``name`` (issue 11), naming the
    features and values: it would otherwise silently count as unknown."""
    if name not in frame.columns:
        return
    values = frame[name]
    bad = values.notna().to_numpy() & pd.to_numeric(values, errors="coerce").isna().to_numpy()
    if bad.any():
        ids = frame[id_field] if id_field else pd.Series(frame.index, index=frame.index)
        shown = [f"{i}={v}" for i, v in zip(ids[bad][:5], values[bad][:5], strict=True)]
        raise LowlandInputError(
            f"{label}: 字段 {name} 有 {int(bad.sum())} 个值不是数值 {shown}，请改为数字"
            f"（如 12 而不是 “12层”）。 / field {name} has {int(bad.sum())} values that are no "
            f"numbers {shown}; enter plain numbers."
        )
