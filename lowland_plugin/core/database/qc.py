"""质检 (quality control) of a 低效用地 database in a field standard (:mod:`.database`).

Each rule is one small vectorised function of a :class:`QcContext` returning its
error rows (row position, field, message, geometry): the context and the error rows
live in :mod:`.qc_context`, the attribute rules in :mod:`.qc_attributes`, the geometry,
三调 and area rules in :mod:`.qc_geometry`. :func:`run_qc` runs them all in the order
of :data:`RULES` and returns the errors with the feature ids and a
summary naming every rule, also those that pass or could not run.

Nothing is fixed: every rule only reports. Each defect is reported once, by the
most specific rule (documented in ``resources/standards/README.md``):
- rules that measure geometry (sliver, overlap, 三调 rules, areas) skip features
  whose geometry is null, empty, not polygonal or invalid — ``invalid_geometry``
  reports those;
- rules that judge the land class (``construction_land``, ``sandiao_class``) skip
  values that ``required`` or ``domain`` already report;
- a parcel listed twice (same 宗地编号) is a ``duplicate_id``, not an ``overlap``.

Pure Python + pandas/shapely, no QGIS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.frames import geodataframe
from .qc_attributes import (
    check_construction_land,
    check_domain,
    check_duplicate_id,
    check_encoding,
    check_field_width,
    check_id_format,
    check_required,
)
from .qc_context import OVERLAP_MIN_AREA, QcContext, no_errors
from .qc_geometry import (
    check_area_sum,
    check_invalid_geometry,
    check_multipart,
    check_overlap,
    check_sandiao_area,
    check_sandiao_class,
    check_sandiao_non_construction,
    check_sliver,
)
from .qc_status import check_legacy_area, check_potential, check_use_state
from .standard import Standard

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Rule:
    id: str
    name_zh: str
    name_en: str
    severity: str
    needs_landsurvey: bool
    description: str


#: Every rule, in the order it runs and is listed.
RULES: tuple[Rule, ...] = (
    Rule("required", "必填字段", "Mandatory fields", "error", False, "必填字段不得为空"),
    Rule(
        "domain",
        "值域",
        "Value domains",
        "error",
        False,
        "代码须在代码表中且写法规范；枚举、格式、数值范围",
    ),
    Rule(
        "field_width",
        "字段长度",
        "Field widths",
        "error",
        False,
        "值不得超过字段宽度（按输出编码的字节数）",
    ),
    Rule(
        "encoding",
        "字符编码",
        "Character encoding",
        "error",
        False,
        "文本须能以输出编码（如 GBK）表示",
    ),
    Rule("duplicate_id", "编号重复", "Duplicate ids", "error", False, "图斑编号、宗地编号不得重复"),
    Rule(
        "id_format",
        "图斑编号格式",
        "Patch number format",
        "error",
        False,
        "图斑编号 = 行政区代码 + 6 位顺序号",
    ),
    Rule(
        "invalid_geometry",
        "几何无效",
        "Invalid geometry",
        "error",
        False,
        "几何为空、非面或无效（自相交等）",
    ),
    Rule(
        "multipart",
        "多部件",
        "Multipart features",
        "warning",
        False,
        "一条记录由多个互不相连的面组成，请核实",
    ),
    Rule("sliver", "碎片图斑", "Slivers", "error", False, "面积小于碎片阈值"),
    Rule("overlap", "图斑重叠", "Overlaps", "error", False, "不同宗地的图斑互相重叠"),
    Rule(
        "construction_land",
        "非建设用地",
        "Not construction land",
        "error",
        False,
        "低效用地的现状地类须为建设用地",
    ),
    Rule(
        "sandiao_class",
        "现状地类与三调不一致",
        "Land class differs from 三调",
        "error",
        True,
        "现状地类须等于图斑范围内面积最大的三调地类",
    ),
    Rule(
        "sandiao_area",
        "与三调面积不一致",
        "Area differs from 三调 coverage",
        "error",
        True,
        "图斑面积与其落在三调图斑内的面积之差须在容差内",
    ),
    Rule(
        "sandiao_non_construction",
        "含三调非建设用地",
        "Contains 三调 non-construction land",
        "warning",
        True,
        "低效用地图斑内三调非建设用地面积超过容差",
    ),
    Rule(
        "area_sum",
        "面积不自洽",
        "Areas do not add up",
        "error",
        False,
        "面积、亩数、椭球面积须与几何及彼此一致（按取舍精度）",
    ),
    Rule(
        "use_state",
        "使用状况与建筑不一致",
        "State of use contradicts the buildings",
        "error",
        False,
        "使用状况为空置（无建筑）的图斑容积率须为 0（Y-2）",
    ),
    Rule(
        "potential",
        "改造开发潜力不自洽",
        "Redevelopment potential does not add up",
        "error",
        False,
        "改造开发潜力 = max(规划容积率 − 容积率, 0) × 面积；两者之一未知时须为空（Y-2）",
    ),
    Rule(
        "legacy_area",
        "历史遗留用地面积不自洽",
        "Legacy land areas do not add up",
        "error",
        False,
        "有类别才有面积；面积 = 常态化管理 + 征收报批 + 待认定，且不大于图斑面积（Y-2、Y-9）",
    ),
)


RULE_BY_ID = {r.id: r for r in RULES}


#: Columns of the error table (plus ``geometry``).
ERROR_COLUMNS = (
    "rule",
    "rule_name",
    "severity",
    "feature_id",
    "parcel_id",
    "related_id",
    "row_number",
    "field_name",
    "message",
)


#: rule id → function.
CHECKS: dict[str, Callable[[QcContext], pd.DataFrame]] = {
    "required": check_required,
    "domain": check_domain,
    "field_width": check_field_width,
    "encoding": check_encoding,
    "duplicate_id": check_duplicate_id,
    "id_format": check_id_format,
    "invalid_geometry": check_invalid_geometry,
    "multipart": check_multipart,
    "sliver": check_sliver,
    "overlap": check_overlap,
    "construction_land": check_construction_land,
    "sandiao_class": check_sandiao_class,
    "sandiao_area": check_sandiao_area,
    "sandiao_non_construction": check_sandiao_non_construction,
    "area_sum": check_area_sum,
    "use_state": check_use_state,
    "potential": check_potential,
    "legacy_area": check_legacy_area,
}


# --------------------------------------------------------------------------- the whole


@dataclass
class QcResult:
    """Errors (one row per defect, with geometry), a summary row per rule, and the verdict."""

    errors: gpd.GeoDataFrame
    summary: pd.DataFrame
    passed: bool
    error_count: int
    warning_count: int


def _as_multipolygon(geoms: np.ndarray) -> np.ndarray:
    out = np.asarray(geoms, dtype=object).copy()
    for i, g in enumerate(out):
        if g is None:
            continue
        if g.is_empty:
            out[i] = None
        elif g.geom_type == "Polygon":
            out[i] = shapely.multipolygons([g])
        elif g.geom_type not in ("MultiPolygon",):
            out[i] = None
    return out


def run_qc(
    db: gpd.GeoDataFrame,
    standard: Standard,
    landsurvey: gpd.GeoDataFrame | None = None,
    sliver_area: float = 1.0,
    area_tolerance: float = 0.001,
    encoding: str = "UTF-8",
    overlap_min_area: float = OVERLAP_MIN_AREA,
    progress: Callable[[float], None] | None = None,
) -> QcResult:
    """Run every rule of :data:`RULES` on a database in ``standard``.

    ``landsurvey`` (三调 patches with ``dlbm``, in the database's CRS): enables the 三调
    rules (else they are listed as not run). ``encoding``: the output encoding that
    text widths are measured in and must be representable in (``UTF-8`` for
    GeoPackage). Passed = no error-severity rows (warnings do not fail).
    """
    if sliver_area < 0 or not 0 <= area_tolerance < 1:
        raise LowlandInputError(
            f"碎片阈值须 ≥ 0、面积容差须在 [0, 1) 内（现为 {sliver_area}、{area_tolerance}）。"
            f" / sliver area must be ≥ 0 and the area tolerance in [0, 1)."
        )
    try:
        "".encode(encoding)
    except LookupError as err:
        raise LowlandInputError(f"未知的字符编码 / unknown encoding {encoding!r}") from err
    if landsurvey is not None and "dlbm" not in landsurvey.columns:
        raise LowlandInputError("三调图层缺少 dlbm 字段。 / the 三调 layer has no dlbm field.")
    report = progress or (lambda _p: None)
    ctx = QcContext(
        db.reset_index(drop=True),
        standard,
        landsurvey,
        sliver_area,
        area_tolerance,
        encoding,
        overlap_min_area,
    )
    frames, summary = [], []
    for i, rule in enumerate(RULES):
        checked = landsurvey is not None or not rule.needs_landsurvey
        found = CHECKS[rule.id](ctx) if checked else no_errors()
        found = found.sort_values(["row", "field_name"], kind="mergesort", na_position="first")
        found.insert(0, "rule", rule.id)
        frames.append(found)
        count = len(found)
        if not checked:
            status = "not_run"
        elif count == 0:
            status = "pass"
        else:
            status = "fail" if rule.severity == "error" else "warning"
        summary.append((rule.id, rule.name_zh, rule.name_en, rule.severity, checked, count, status))
        report(100.0 * (i + 1) / len(RULES))
    found = pd.concat(frames, ignore_index=True) if frames else no_errors()
    tbbh = ctx.column("TBBH").astype(object).to_numpy()
    zddm = ctx.column("ZDDM").astype(object).to_numpy()
    rows = found["row"].to_numpy(dtype="int64")
    related = found["related_row"].to_numpy()
    has_related = ~np.isnan(related)
    related_id = np.full(len(found), None, dtype=object)
    related_id[has_related] = tbbh[related[has_related].astype("int64")]
    table = pd.DataFrame(
        {
            "rule": found["rule"].to_numpy(dtype=object),
            "rule_name": [RULE_BY_ID[r].name_zh for r in found["rule"]],
            "severity": [RULE_BY_ID[r].severity for r in found["rule"]],
            "feature_id": tbbh[rows] if len(rows) else np.array([], dtype=object),
            "parcel_id": zddm[rows] if len(rows) else np.array([], dtype=object),
            "related_id": related_id,
            "row_number": pd.array(rows + 1, dtype="Int64"),
            "field_name": found["field_name"].to_numpy(dtype=object),
            "message": found["message"].to_numpy(dtype=object),
        }
    )
    errors = geodataframe(table, _as_multipolygon(found["geometry"].to_numpy(dtype=object)), db.crs)
    summary_frame = pd.DataFrame(
        summary, columns=["rule", "name_zh", "name_en", "severity", "checked", "count", "status"]
    )
    error_count = int((table["severity"] == "error").sum())
    warning_count = int((table["severity"] == "warning").sum())
    return QcResult(errors, summary_frame, error_count == 0, error_count, warning_count)
