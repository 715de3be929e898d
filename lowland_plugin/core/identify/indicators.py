"""Per-parcel indicators (地块指标): area, floor area, FAR, density, age, danger share.

These are measurements, not verdicts: the identification rules (Y-1, N-12) compare
them with the thresholds of a rule profile elsewhere. Every function here is
vectorised with shapely 2 (one STRtree query; buildings lying wholly inside one
parcel, about 80 % in practice, are not clipped).

Definitions (one place):
- ``area_m2``: planimetric area in the layer's projected CRS; ``area_mu`` = area_m2 / (10000/15).
- building GFA (建筑面积): the building's ``gfa`` where given, else footprint × ``floors``;
  unknown when both are null (counted in ``gfa_unknown_count``, never guessed).
- a building spanning several parcels counts on each by its clipped footprint share:
  footprint part for density, the same share of its GFA for FAR.
- ``far`` (容积率) = GFA on the parcel / area_m2; ``building_density`` (建筑密度) =
  footprint on the parcel / area_m2.
- ``building_count``: buildings with a footprint part of positive area on the parcel.
- ``oldest_year`` / ``newest_year``: earliest / latest ``year_built`` of those buildings.
- ``danger_cd_share``: share of dangerous buildings (grades of the profile's
  ``dangerous_grades``, by default C/D 危房 of JGJ 125-2016) on the parcel, on the profile's
  ``danger_basis``: ``floor_area`` = dangerous GFA / known GFA on the parcel (a straddling
  building by its footprint share); ``building_count`` = dangerous buildings / buildings
  counted on the parcel, each building counted once, on the parcel holding the largest
  part of its footprint (金华: 危旧楼栋 ≥ 50 %, a 楼栟 is counted whole). A building whose
  grade is null counts as not dangerous.
- overlaps (issue 21, ``overlaps``): a building whose footprint is identical to an
  earlier one's is a duplicate and left out (named); where other buildings overlap, a
  parcel's footprint is the union of theirs (density counts the ground once) while each
  building's GFA counts (named for checking); where parcels overlap (named, with the
  area), a building's GFA is shared by footprint so that it counts once in total.
- without a BUILDINGS layer nothing about buildings is known: ``gfa``, ``far``,
  ``building_density``, ``building_count`` and the rest are null (unknown is never 0);
  with a layer, a parcel with no building on it has FAR 0 and density 0 (a measurement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.measures import m2_to_mu
from ..common.notices import SUM, Tally, tally
from ..common.overlay import overlap_areas
from ..common.validation import require_any_field, require_valid_geometries
from ..common.values import is_known
from .overlaps import (
    building_overlap_warnings,
    overlapping_pairs,
    parcel_overlap_warning,
    shared_gfa_share,
    split_duplicates,
    union_footprints,
)

#: Danger grades (JGJ 125-2016 危险房屋鉴定标准) counted as dangerous when no profile says.
DANGEROUS_GRADES = ("C", "D")

#: Bases of ``danger_cd_share`` (profile local ``danger_basis``).
DANGER_BASES = ("floor_area", "building_count")

#: The run's warning when no BUILDINGS layer is given.
NO_BUILDINGS_WARNING = (
    "未提供建筑图层：容积率、建筑密度、危房占比等建筑指标为空（未知，不按 0 计），依赖它们的认定条件"
    "未检验。 / No BUILDINGS layer: FAR, building density, danger share and the other building "
    "indicators are null (unknown, not 0); the criteria that need them are not tested."
)

#: Output columns in order.
INDICATOR_FIELDS = (
    "area_m2",
    "area_mu",
    "gfa",
    "far",
    "building_density",
    "building_count",
    "oldest_year",
    "newest_year",
    "danger_cd_share",
    "gfa_unknown_count",
)

ProgressCallback = Callable[[float], None]


@dataclass
class IndicatorResult:
    """Indicators per parcel (index = parcels' index) and what the run noticed."""

    table: pd.DataFrame
    buildings_outside: int = 0
    buildings_gfa_unknown: int = 0
    warnings: list[str] = field(default_factory=list)


def building_gfa(buildings: gpd.GeoDataFrame) -> np.ndarray:
    """GFA of each building: ``gfa`` where given, else footprint × ``floors``; NaN if unknown."""
    n = len(buildings)
    gfa = _float_column(buildings, "gfa", n)
    floors = _float_column(buildings, "floors", n)
    footprint = shapely.area(np.asarray(buildings.geometry.values, dtype=object))
    from_floors = footprint * floors
    return np.where(np.isnan(gfa), from_floors, gfa)


def _float_column(gdf: pd.DataFrame, name: str, n: int) -> np.ndarray:
    """A numeric column as floats (null → NaN); text that is no number is refused,
    naming the field and the buildings, never read as unknown (issue 11)."""
    if name not in gdf.columns:
        return np.full(n, np.nan)
    numbers = pd.to_numeric(gdf[name], errors="coerce")
    bad = gdf[name].notna().to_numpy() & numbers.isna().to_numpy()
    # a measure (floors, GFA, year) is finite and not negative (issue 21 item 13)
    with np.errstate(invalid="ignore"):
        values = numbers.astype("float64").to_numpy(na_value=np.nan)
        bad |= ~np.isnan(values) & (~np.isfinite(values) | (values < 0))
    if bad.any():
        ids = gdf["building_id"] if "building_id" in gdf.columns else pd.Series(gdf.index)
        shown = [
            f"{i}={v}"
            for i, v in zip(ids[bad].tolist()[:5], gdf[name][bad].tolist()[:5], strict=True)
        ]
        raise LowlandInputError(
            f"建筑图层 BUILDINGS: 字段 {name} 有 {int(bad.sum())} 个值不是不小于 0 的有限数值 "
            f"{shown}，请改为数字（如 12 而不是 “12层”）。 / field {name} has {int(bad.sum())} "
            f"values that are no finite numbers ≥ 0 {shown}; enter plain numbers (12, not '12层')."
        )
    return numbers.astype("float64").to_numpy(na_value=np.nan)


def footprint_overlaps(
    parcel_geoms: np.ndarray, building_geoms: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (parcel index, building index, overlap area m²) with positive overlap."""
    return overlap_areas(parcel_geoms, building_geoms)


def compute_parcel_indicators(
    parcels: gpd.GeoDataFrame,
    buildings: gpd.GeoDataFrame | None = None,
    parcel_id_field: str | None = "parcel_id",
    progress: ProgressCallback | None = None,
    danger_basis: str = "floor_area",
    dangerous_grades: tuple[str, ...] | list[str] = DANGEROUS_GRADES,
    count_outside: bool = False,
) -> IndicatorResult:
    """Indicators for every parcel (one output row per input parcel, same index).

    ``buildings`` None: every building indicator is null (unknown) and the run warns once.
    An empty layer is a measurement: FAR and density 0. Both layers must share one
    projected CRS. ``danger_basis`` and ``dangerous_grades`` come from the profile
    (local ``danger_basis``, ``dangerous_grades``). ``count_outside``: the warning about
    the buildings outside every parcel given even at 0 (a tile: ``tiled`` sums the count
    over the whole layer, since a tile only reads the buildings touching its parcels).
    """
    if danger_basis not in DANGER_BASES:
        raise LowlandInputError(
            f"危房占比口径 danger_basis = {danger_basis!r} 无效，应为 {list(DANGER_BASES)} 之一。"
            f" / danger_basis {danger_basis!r} is not one of {list(DANGER_BASES)}."
        )
    report = progress or (lambda _p: None)
    id_field = parcel_id_field if parcel_id_field in parcels.columns else None
    require_valid_geometries(parcels, "宗地图层 PARCELS", id_field)
    parcel_geoms = np.asarray(parcels.geometry.values, dtype=object)
    area = shapely.area(parcel_geoms)
    n = len(parcels)
    table = pd.DataFrame(index=parcels.index)
    table["area_m2"] = area
    table["area_mu"] = m2_to_mu(area)
    result = IndicatorResult(table=table)
    parcel_ids = _ids(parcels, id_field)
    pairs = overlapping_pairs(parcel_geoms)
    result.warnings += parcel_overlap_warning(parcel_ids, pairs, parcels.index.to_numpy())
    report(10)

    if buildings is None:
        _fill_without_buildings(table, n)
        result.warnings.append(NO_BUILDINGS_WARNING)
        report(100)
        return result
    if len(buildings) == 0:
        _fill_empty_buildings(table, n)
        report(100)
        return result

    if parcels.crs is not None and buildings.crs is not None and parcels.crs != buildings.crs:
        raise LowlandInputError(
            "建筑图层与宗地图层坐标系不同，请先重投影到同一坐标系。"
            " / BUILDINGS and PARCELS are in different CRS; reproject one to the other."
        )
    require_valid_geometries(buildings, "建筑图层 BUILDINGS", "building_id")
    require_any_field(buildings, ("gfa", "floors"), "建筑图层 BUILDINGS")
    for name in ("year_built", "danger_grade"):
        if name not in buildings.columns:
            result.warnings.append(
                f"建筑图层缺少字段 {name}，相关指标为空。 / BUILDINGS has no field {name}; "
                "the indicator that needs it is left null."
            )
    buildings, overlapping = _without_duplicates(buildings, result.warnings)
    building_geoms = np.asarray(buildings.geometry.values, dtype=object)
    gfa_total = building_gfa(buildings)
    footprint_total = shapely.area(building_geoms)
    report(20)

    p_idx, b_idx, overlap = footprint_overlaps(parcel_geoms, building_geoms)
    report(70)

    share = shared_gfa_share(b_idx, overlap, footprint_total)
    pair_gfa = gfa_total[b_idx] * share
    known = ~np.isnan(pair_gfa)
    gfa = np.bincount(p_idx[known], weights=pair_gfa[known], minlength=n)
    footprint = np.bincount(p_idx, weights=overlap, minlength=n)
    if overlapping.any():  # ground under overlapping buildings counted once
        footprint = union_footprints(
            parcel_geoms, building_geoms, p_idx, b_idx, overlapping, footprint
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        table["gfa"] = gfa
        table["far"] = np.where(area > 0, gfa / area, np.nan)
        table["building_density"] = np.where(area > 0, footprint / area, np.nan)
    table["building_count"] = np.bincount(p_idx, minlength=n).astype("int64")
    table["oldest_year"] = _year_extreme(buildings, p_idx, b_idx, n, np.minimum, np.inf)
    table["newest_year"] = _year_extreme(buildings, p_idx, b_idx, n, np.maximum, -np.inf)
    grades = tuple(dangerous_grades)
    if danger_basis == "building_count":
        table["danger_cd_share"] = _danger_share_by_count(
            buildings, p_idx, b_idx, overlap, n, grades
        )
    else:
        table["danger_cd_share"] = _danger_share(
            buildings, p_idx, b_idx, pair_gfa, known, gfa, n, grades
        )
    table["gfa_unknown_count"] = np.bincount(p_idx[~known], minlength=n).astype("int64")

    result.buildings_outside = int(len(buildings) - np.unique(b_idx).size)
    unknown = np.isnan(gfa_total)
    result.buildings_gfa_unknown = int(unknown.sum())
    if result.buildings_gfa_unknown:
        labels = buildings.index[unknown].tolist()
        result.warnings.append(tally("gfa_unknown", gfa_unknown_text, labels, [""] * len(labels)))
    if result.buildings_outside or count_outside:
        count = result.buildings_outside
        result.warnings.append(Tally("buildings_outside", outside_text, {count: str(count)}, SUM))
    report(100)
    return result


def gfa_unknown_text(names: list[str]) -> str:
    return (
        f"{len(names)} 栋建筑的建筑面积和层数均为空，未计入容积率（见 gfa_unknown_count）。"
        f" / {len(names)} buildings have neither gfa nor floors and are left "
        "out of FAR (see gfa_unknown_count)."
    )


def outside_text(names: list[str]) -> str:
    count = names[0]
    return f"{count} 栋建筑不在任何宗地内。 / {count} buildings lie outside every parcel."


def _ids(frame: pd.DataFrame, id_field: str | None) -> np.ndarray:
    """The features' ids as text for messages (row numbers from 1 without an id field)."""
    if id_field is not None and id_field in frame.columns:
        return frame[id_field].astype(str).to_numpy(dtype=object)
    return np.array([str(i + 1) for i in range(len(frame))], dtype=object)


def _without_duplicates(
    buildings: gpd.GeoDataFrame, warnings: list[str]
) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """``buildings`` without the duplicates of an identical footprint (named in
    ``warnings`` with the other overlaps), and per kept building whether it overlaps
    another one (see ``overlaps``)."""
    geoms = np.asarray(buildings.geometry.values, dtype=object)
    duplicates, others = split_duplicates(geoms, overlapping_pairs(geoms))
    labels = buildings.index.to_numpy()
    warnings += building_overlap_warnings(
        _ids(buildings, "building_id"), duplicates, others, labels
    )
    overlapping = np.zeros(len(buildings), dtype=bool)
    overlapping[others.first] = overlapping[others.second] = True
    keep = np.ones(len(buildings), dtype=bool)
    keep[duplicates.second] = False
    return buildings[keep], overlapping[keep]


def _fill_without_buildings(table: pd.DataFrame, n: int) -> None:
    """No BUILDINGS layer: nothing about buildings is known (null, never 0)."""
    table["gfa"] = np.full(n, np.nan)
    table["far"] = np.full(n, np.nan)
    table["building_density"] = np.full(n, np.nan)
    table["building_count"] = pd.array([pd.NA] * n, dtype="Int64")
    table["oldest_year"] = pd.array([pd.NA] * n, dtype="Int64")
    table["newest_year"] = pd.array([pd.NA] * n, dtype="Int64")
    table["danger_cd_share"] = np.full(n, np.nan)
    table["gfa_unknown_count"] = pd.array([pd.NA] * n, dtype="Int64")


def _fill_empty_buildings(table: pd.DataFrame, n: int) -> None:
    """A BUILDINGS layer with no building: FAR and density 0 are measured."""
    table["gfa"] = np.zeros(n)
    table["far"] = np.where(table["area_m2"] > 0, 0.0, np.nan)
    table["building_density"] = table["far"]
    table["building_count"] = np.zeros(n, dtype="int64")
    table["oldest_year"] = pd.array([pd.NA] * n, dtype="Int64")
    table["newest_year"] = pd.array([pd.NA] * n, dtype="Int64")
    table["danger_cd_share"] = np.full(n, np.nan)
    table["gfa_unknown_count"] = np.zeros(n, dtype="int64")


def _year_extreme(
    buildings: gpd.GeoDataFrame, p_idx: np.ndarray, b_idx: np.ndarray, n: int, ufunc, start
) -> pd.arrays.IntegerArray:
    """Earliest (``np.minimum``) or latest (``np.maximum``) ``year_built`` per parcel."""
    years = _float_column(buildings, "year_built", len(buildings))[b_idx]
    out = np.full(n, start)
    has_year = ~np.isnan(years)
    ufunc.at(out, p_idx[has_year], years[has_year])
    mask = np.isinf(out)
    return pd.arrays.IntegerArray(np.where(mask, 0, out).astype("int64"), mask)


def is_dangerous_grade(
    grade: object, grades: tuple[str, ...] | list[str] = DANGEROUS_GRADES
) -> bool:
    """A building graded one of ``grades`` (default C or D, JGJ 125-2016 危险房屋鉴定:
    局部危房 / 整幢危房; the profile's ``dangerous_grades``), whatever the case or
    surrounding blanks of the recorded grade; unknown is not dangerous."""
    wanted = {str(g).strip().upper() for g in grades}
    return is_known(grade) and str(grade).strip().upper() in wanted


def _dangerous_flags(
    buildings: gpd.GeoDataFrame, grades: tuple[str, ...] | list[str]
) -> np.ndarray:
    """Per building: graded one of ``grades`` (null grade → False)."""
    codes, uniques = pd.factorize(buildings["danger_grade"])  # classify each distinct value once
    is_cd = np.array([is_dangerous_grade(g, grades) for g in uniques] + [False], dtype=bool)
    return is_cd[codes]  # code -1 (null grade) picks the trailing False


def _danger_share_by_count(
    buildings: gpd.GeoDataFrame,
    p_idx: np.ndarray,
    b_idx: np.ndarray,
    overlap: np.ndarray,
    n: int,
    grades: tuple[str, ...] | list[str],
) -> np.ndarray:
    """Dangerous buildings / buildings per parcel, each building counted once on the parcel
    holding the largest part of its footprint (NaN where no building is counted)."""
    if "danger_grade" not in buildings.columns:
        return np.full(n, np.nan)
    order = np.lexsort((-overlap, b_idx))  # by building, largest overlap first
    first = order[np.r_[True, b_idx[order][1:] != b_idx[order][:-1]]] if order.size else order
    home, building = p_idx[first], b_idx[first]
    dangerous = _dangerous_flags(buildings, grades)[building]
    total = np.bincount(home, minlength=n).astype(float)
    cd = np.bincount(home[dangerous], minlength=n).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, cd / total, np.nan)


def _danger_share(
    buildings: gpd.GeoDataFrame,
    p_idx: np.ndarray,
    b_idx: np.ndarray,
    pair_gfa: np.ndarray,
    known: np.ndarray,
    gfa: np.ndarray,
    n: int,
    grades: tuple[str, ...] | list[str] = DANGEROUS_GRADES,
) -> np.ndarray:
    """Dangerous GFA / known GFA per parcel (a straddling building by footprint share)."""
    if "danger_grade" not in buildings.columns:
        return np.full(n, np.nan)
    dangerous = _dangerous_flags(buildings, grades)[b_idx]
    sel = known & dangerous
    cd_gfa = np.bincount(p_idx[sel], weights=pair_gfa[sel], minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(gfa > 0, cd_gfa / gfa, np.nan)
