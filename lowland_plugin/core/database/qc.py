"""质检 (quality control) of a 低效用地 database in a field standard (:mod:`.database`).

Each rule is one small vectorised function of a :class:`QcContext` returning its
error rows (row position, field, message, geometry); :func:`run_qc` runs them all
in the order of :data:`RULES` and returns the errors with the feature ids and a
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

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common import codes
from ..common.areas import ellipsoidal_area
from ..common.errors import LowlandInputError
from ..common.frames import geodataframe
from ..common.overlay import dominant_by_area, overlap_areas
from .standard import M2_PER_MU, Standard

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
#: Overlaps smaller than this (m²) are numerical noise of shared edges, not defects.
OVERLAP_MIN_AREA = 0.01


@dataclass
class QcContext:
    """What the rules read: the database, its standard and the options."""

    db: gpd.GeoDataFrame
    standard: Standard
    landsurvey: gpd.GeoDataFrame | None = None
    sliver_area: float = 1.0
    area_tolerance: float = 0.001
    encoding: str = "UTF-8"
    overlap_min_area: float = OVERLAP_MIN_AREA
    _cache: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.db)

    @property
    def geoms(self) -> np.ndarray:
        return np.asarray(self.db.geometry.values, dtype=object)

    def column(self, name: str) -> pd.Series:
        if name in self.db.columns:
            return self.db[name].reset_index(drop=True)
        return pd.Series([None] * self.n, dtype=object)

    def distinct(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(code per row, distinct values) of a field; code -1 where it holds no value
        (null or blank text). Rules judge each distinct value once."""
        key = ("distinct", name)
        if key not in self._cache:
            codes_, uniques = pd.factorize(
                self.column(name).to_numpy(dtype=object), use_na_sentinel=True
            )
            uniques = np.asarray(uniques, dtype=object)
            blank = np.array([isinstance(v, str) and not v.strip() for v in uniques], dtype=bool)
            if blank.any():
                codes_ = np.where(np.isin(codes_, np.flatnonzero(blank)), -1, codes_)
            self._cache[key] = (codes_, uniques)
        return self._cache[key]

    def present(self, name: str) -> np.ndarray:
        """Rows where the field holds a value (not null, not blank text)."""
        return self.distinct(name)[0] >= 0

    def valid_geometry(self) -> np.ndarray:
        """Rows with a non-empty, valid (multi)polygon."""
        if "valid" not in self._cache:
            geoms = self.geoms
            ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
            ok &= np.isin(shapely.get_type_id(geoms), (3, 6))
            ok[ok] = shapely.is_valid(geoms[ok])
            self._cache["valid"] = ok
        return self._cache["valid"]

    def domain_ok(self, name: str) -> np.ndarray:
        """Rows where the field has a value that passes its domain."""
        key = ("domain_ok", name)
        if key not in self._cache:
            bad = np.zeros(self.n, dtype=bool)
            spec = self.standard.field(name)
            rows, _ = _domain_failures(self, spec)
            bad[rows] = True
            self._cache[key] = self.present(name) & ~bad
        return self._cache[key]

    def survey_overlay(self):
        """(valid row positions, parcel index, survey index, overlap area), computed once."""
        if "overlay" not in self._cache:
            rows = np.flatnonzero(self.valid_geometry())
            survey = np.asarray(self.landsurvey.geometry.values, dtype=object)
            t_idx, s_idx, area = overlap_areas(self.geoms[rows].copy(), survey.copy())
            self._cache["overlay"] = (rows, rows[t_idx], s_idx, area)
        return self._cache["overlay"]


def _errors(rows, messages, field_name=None, geoms=None, related=None) -> pd.DataFrame:
    """Error rows of one rule: row positions, field, message, related row, geometry."""
    rows = np.asarray(rows, dtype="int64")
    size = len(rows)
    fields = field_name if isinstance(field_name, list | np.ndarray) else [field_name] * size
    return pd.DataFrame(
        {
            "row": rows,
            "field_name": np.asarray(fields, dtype=object),
            "message": np.asarray(list(messages), dtype=object),
            "related_row": (
                np.asarray(related, dtype="float64")
                if related is not None
                else np.full(size, np.nan)
            ),
            "geometry": np.asarray(geoms, dtype=object)
            if geoms is not None
            else np.full(size, None),
        }
    )


_EMPTY = _errors([], [])


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else _EMPTY.copy()


def _fmt(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


# --------------------------------------------------------------------------- rules


def check_required(ctx: QcContext) -> pd.DataFrame:
    """必填字段: a required field (or one required under a condition) is null or blank."""
    parts = []
    for spec in ctx.standard.fields:
        if spec.required == "false":
            continue
        if spec.required.startswith("if:"):
            other, _, value = spec.required[3:].partition("=")
            needed = (ctx.column(other).astype(object) == value).to_numpy(dtype=bool)
            when = f"（{other}={value} 时必填）"
        else:
            needed, when = np.ones(ctx.n, dtype=bool), ""
        rows = np.flatnonzero(needed & ~ctx.present(spec.name))
        message = f"必填字段 {spec.name}（{spec.alias_zh}）为空{when}"
        parts.append(_errors(rows, [message] * len(rows), spec.name, ctx.geoms[rows]))
    return _concat(parts)


_NORMALISE = {
    "sandiao": codes.normalize_dlbm,
    "landuse_2023": codes.normalize_landuse_code,
    "czcsxm": codes.normalize_czcsxm,
}


def _domain_failures(ctx: QcContext, spec) -> tuple[np.ndarray, list[str]]:
    """Rows (with a value) whose value is outside the field's domain, and the messages."""
    kind, value = spec.domain_kind, spec.domain_value
    if kind is None:
        return np.array([], dtype="int64"), []
    _codes, distinct = ctx.distinct(spec.name)

    def why_all() -> list[str | None]:
        if kind == "codes":
            unknown = set(codes.unknown_codes(pd.Series(distinct, dtype=object), value))
            normalise = _NORMALISE[value]
            out = []
            for v in distinct:
                norm = normalise(v)
                if norm in unknown:
                    out.append(f"代码 '{v}' 不在代码表 {value} 中")
                elif not isinstance(v, str) or norm != v:
                    out.append(f"代码 '{v}' 写法不规范（应为 '{norm}'）")
                else:
                    out.append(None)
            return out
        if kind == "enum":
            allowed = spec.enum_values
            text = f"不在允许值 {'|'.join(allowed)} 中"
            return [None if v in allowed else f"值 '{v}' {text}" for v in distinct]
        if kind == "regex":
            pattern = re.compile(value)
            return [
                None if pattern.fullmatch(str(v)) else f"值 '{v}' 不符合格式 {value}"
                for v in distinct
            ]
        low, high = spec.range_bounds
        numbers = pd.to_numeric(pd.Series(distinct, dtype=object), errors="coerce")
        return [
            None
            if pd.notna(x) and low <= float(x) <= high
            else f"值 {v} 不在范围 [{low:g}, {high:g}] 内"
            for v, x in zip(distinct, numbers, strict=True)
        ]

    prefix = f"{spec.name}（{spec.alias_zh}）"
    messages = [None if r is None else prefix + r for r in why_all()]
    return _per_value(ctx, spec.name, messages.__getitem__, by_position=True)


def check_domain(ctx: QcContext) -> pd.DataFrame:
    """值域: codes unknown to the code tables (or not in their canonical form, e.g. ``601``
    for ``0601``), values outside an enumeration, a format or a numeric range."""
    parts = []
    for spec in ctx.standard.fields:
        rows, messages = _domain_failures(ctx, spec)
        parts.append(_errors(rows, messages, spec.name, ctx.geoms[rows]))
    return _concat(parts)


def _encodable(value: str, encoding: str) -> bool:
    try:
        value.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _per_value(
    ctx: QcContext, name: str, func, by_position: bool = False
) -> tuple[np.ndarray, list[str]]:
    """Rows (with a value) where ``func(value)`` (``func(i)`` of the i-th distinct value
    with ``by_position``) returns a message, evaluated once per distinct value."""
    codes_, uniques = ctx.distinct(name)
    keys = range(len(uniques)) if by_position else uniques
    outcome = np.array([func(k) for k in keys] + [None], dtype=object)
    per_row = outcome[codes_]  # code -1 picks the trailing None
    rows = np.flatnonzero(pd.notna(per_row))
    return rows, list(per_row[rows])


def check_field_width(ctx: QcContext) -> pd.DataFrame:
    """字段长度: text longer than the field width in bytes of the output encoding (as a
    DBF counts it; GBK: 2 bytes per Chinese character, UTF-8: 3), numbers with more
    characters than the width (sign, digits, point and the stated decimals). Text that
    cannot be encoded at all is left to ``encoding``."""
    parts = []
    for spec in ctx.standard.fields:
        if spec.type == "date":
            continue

        def too_long(value, spec=spec):
            if spec.type == "string":
                text = str(value)
                if not _encodable(text, ctx.encoding):
                    return None
                size, unit = len(text.encode(ctx.encoding)), f"字节（{ctx.encoding}）"
            else:
                number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
                if pd.isna(number):
                    return None
                text = f"{number:.{spec.precision}f}" if spec.type == "real" else str(int(number))
                size, unit = len(text), "位"
            if size <= spec.width:
                return None
            return f"{spec.name}（{spec.alias_zh}）长 {size} {unit}，超过字段宽度 {spec.width}"

        rows, messages = _per_value(ctx, spec.name, too_long)
        parts.append(_errors(rows, messages, spec.name, ctx.geoms[rows]))
    return _concat(parts)


def check_encoding(ctx: QcContext) -> pd.DataFrame:
    """字符编码: text with characters the output encoding (GBK for a GBK shapefile) lacks."""
    parts = []
    for spec in ctx.standard.fields:
        if spec.type != "string":
            continue

        def unencodable(value, spec=spec):
            text = str(value)
            if _encodable(text, ctx.encoding):
                return None
            bad = "".join(sorted({c for c in text if not _encodable(c, ctx.encoding)}))
            return f"{spec.name}（{spec.alias_zh}）含 {ctx.encoding} 无法表示的字符 '{bad}'"

        rows, messages = _per_value(ctx, spec.name, unencodable)
        parts.append(_errors(rows, messages, spec.name, ctx.geoms[rows]))
    return _concat(parts)


def check_duplicate_id(ctx: QcContext) -> pd.DataFrame:
    """编号重复: every repeat of a 图斑编号 or 宗地编号 (one row per extra occurrence,
    ``related`` = its first occurrence)."""
    parts = []
    for name in ("TBBH", "ZDDM"):
        values = ctx.column(name).astype(object)
        present = ctx.present(name)
        keyed = pd.Series(values.where(present, None).map(str).to_numpy())
        keyed[~present] = None
        dup = keyed.duplicated(keep="first").to_numpy() & present
        rows = np.flatnonzero(dup)
        if not rows.size:
            continue
        first = keyed[present].drop_duplicates(keep="first")
        first_row = pd.Series(first.index, index=first.to_numpy())
        related = first_row.loc[keyed.iloc[rows].to_numpy()].to_numpy()
        alias = ctx.standard.field(name).alias_zh
        messages = [
            f"{name}（{alias}）'{keyed.iloc[r]}' 重复：第 {f + 1} 条与第 {r + 1} 条"
            for r, f in zip(rows, related, strict=True)
        ]
        parts.append(_errors(rows, messages, name, ctx.geoms[rows], related))
    return _concat(parts)


def check_id_format(ctx: QcContext) -> pd.DataFrame:
    """图斑编号格式: TBBH must be its XZQDM followed by a 6-digit sequence number."""
    admin = ctx.column("XZQDM").astype(object).where(ctx.present("XZQDM"), None)
    tbbh = ctx.column("TBBH").astype(object)
    pairs = pd.Series(list(zip(tbbh, admin, strict=True)), dtype=object)
    has = ctx.present("TBBH")
    outcome = {}
    for value, code in pd.unique(pairs[has]):
        prefix = re.escape(str(code)) if code is not None else r"\d{6}"
        ok = re.fullmatch(prefix + r"\d{6}", str(value)) is not None
        outcome[(value, code)] = ok
    rows = np.flatnonzero(has & ~pairs.map(lambda p: outcome.get(p, True)).to_numpy(bool))
    messages = [
        f"图斑编号 '{tbbh.iloc[r]}' 不是 行政区代码({admin.iloc[r]}) + 6 位顺序号" for r in rows
    ]
    return _errors(rows, messages, "TBBH", ctx.geoms[rows])


def check_invalid_geometry(ctx: QcContext) -> pd.DataFrame:
    """几何无效: null or empty geometry, not a polygon, or invalid (self-intersection,
    ring self-intersection, …) with GEOS's reason and location."""
    geoms = ctx.geoms
    rows = np.flatnonzero(~ctx.valid_geometry())
    messages = []
    for r in rows:
        g = geoms[r]
        if g is None or shapely.is_empty(g):
            messages.append("无几何或几何为空")
        elif shapely.get_type_id(g) not in (3, 6):
            messages.append(f"几何类型 {g.geom_type} 不是面")
        else:
            messages.append(f"几何无效：{shapely.is_valid_reason(g)}")
    return _errors(rows, messages, None, geoms[rows])


def check_multipart(ctx: QcContext) -> pd.DataFrame:
    """多部件 (warning): a record made of several disjoint polygons."""
    geoms = ctx.geoms
    valid = ctx.valid_geometry()
    parts = np.zeros(ctx.n, dtype="int64")
    parts[valid] = shapely.get_num_geometries(geoms[valid])
    rows = np.flatnonzero(parts > 1)
    messages = [f"由 {parts[r]} 个部件组成" for r in rows]
    return _errors(rows, messages, None, geoms[rows])


def check_sliver(ctx: QcContext) -> pd.DataFrame:
    """碎片图斑: a valid polygon smaller than ``sliver_area`` m² (strictly)."""
    geoms = ctx.geoms
    valid = ctx.valid_geometry()
    area = np.full(ctx.n, np.inf)
    area[valid] = shapely.area(geoms[valid])
    rows = np.flatnonzero(area < ctx.sliver_area)
    messages = [f"面积 {_fmt(area[r], 4)} m² 小于碎片阈值 {ctx.sliver_area:g} m²" for r in rows]
    return _errors(rows, messages, None, geoms[rows])


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """Only the polygonal parts of each geometry (intersections may add lines/points)."""
    out = np.asarray(geoms, dtype=object).copy()
    for i, g in enumerate(out):
        if g is not None and g.geom_type == "GeometryCollection":
            polys = [p for p in g.geoms if p.geom_type in ("Polygon", "MultiPolygon")]
            out[i] = shapely.union_all(polys) if polys else None
    return out


def check_overlap(ctx: QcContext) -> pd.DataFrame:
    """图斑重叠: two records of different parcels overlap by at least ``overlap_min_area``
    m² (one row per pair, ``related`` = the other record; geometry = the overlap)."""
    rows = np.flatnonzero(ctx.valid_geometry())
    geoms = ctx.geoms[rows]
    if rows.size < 2:
        return _EMPTY.copy()
    t_idx, p_idx, area = overlap_areas(geoms.copy(), geoms.copy())
    a, b = rows[t_idx], rows[p_idx]
    parcel = ctx.column("ZDDM").astype(object).to_numpy()
    has = ctx.present("ZDDM")
    same_parcel = has[a] & has[b] & (parcel[a] == parcel[b])
    keep = (a < b) & (area >= ctx.overlap_min_area) & ~same_parcel
    a, b, area = a[keep], b[keep], area[keep]
    tbbh = ctx.column("TBBH").astype(object).to_numpy()
    pieces = _polygonal(shapely.intersection(ctx.geoms[a], ctx.geoms[b]))
    messages = [
        f"与第 {j + 1} 条（图斑编号 {tbbh[j]}）重叠 {_fmt(s)} m²"
        for j, s in zip(b, area, strict=True)
    ]
    return _errors(a, messages, None, pieces, b)


def check_construction_land(ctx: QcContext) -> pd.DataFrame:
    """非建设用地: a low-efficiency record (SFDX 是) whose 现状地类 is not construction land
    by the 三调 code table (N-12, Y-1: 低效用地 is stock construction land)."""
    ok = ctx.domain_ok("XZDL") & (ctx.column("SFDX").astype(object) == "是").to_numpy()
    category = codes.land_category(ctx.column("XZDL")).to_numpy(dtype=object)
    rows = np.flatnonzero(ok & (category != "construction"))
    names = {"agricultural": "农用地", "unused": "未利用地", None: "未定"}
    xzdl = ctx.column("XZDL").astype(object).to_numpy()
    messages = [
        f"现状地类 {xzdl[r]} 不是建设用地（三大类：{names.get(category[r], category[r])}）"
        for r in rows
    ]
    return _errors(rows, messages, "XZDL", ctx.geoms[rows])


def _normalised_dlbm(values: pd.Series) -> np.ndarray:
    """``codes.normalize_dlbm`` of each value, computed once per distinct value."""
    positions, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    table = np.array([codes.normalize_dlbm(v) for v in uniques] + [None], dtype=object)
    return table[positions]


def _survey_classes(ctx: QcContext) -> np.ndarray:
    if "survey_classes" not in ctx._cache:
        ctx._cache["survey_classes"] = _normalised_dlbm(ctx.landsurvey["dlbm"])
    return ctx._cache["survey_classes"]


def check_sandiao_class(ctx: QcContext) -> pd.DataFrame:
    """现状地类与三调不一致: XZDL differs from the 三调 class covering most of the record."""
    _rows, t_row, s_idx, area = ctx.survey_overlay()
    classes = _survey_classes(ctx)[s_idx]
    dominant, dominant_area = dominant_by_area(ctx.n, t_row, classes, area)
    xzdl = _normalised_dlbm(ctx.column("XZDL"))
    ok = ctx.domain_ok("XZDL") & ctx.valid_geometry() & pd.notna(dominant)
    rows = np.flatnonzero(ok & (xzdl != dominant))
    total = np.zeros(ctx.n)
    total[ctx.valid_geometry()] = shapely.area(ctx.geoms[ctx.valid_geometry()])
    messages = [
        f"现状地类 {xzdl[r]} 与三调面积最大地类 {dominant[r]}"
        f"（占 {100 * dominant_area[r] / total[r]:.2f}%）不一致"
        for r in rows
    ]
    return _errors(rows, messages, "XZDL", ctx.geoms[rows])


def _union_of_pieces(ctx: QcContext, rows: np.ndarray, t_row, s_idx, select=None) -> list:
    """Per row: the union of the 三调 patches (optionally a subset) overlapping it."""
    survey = np.asarray(ctx.landsurvey.geometry.values, dtype=object)
    out = []
    for r in rows:
        mine = t_row == r
        if select is not None:
            mine &= select
        patches = survey[s_idx[mine]]
        out.append(shapely.union_all(patches) if patches.size else None)
    return out


def check_sandiao_area(ctx: QcContext) -> pd.DataFrame:
    """与三调面积不一致: the record's area and its area inside 三调 patches (any class)
    differ by more than ``area_tolerance`` (relative): the record reaches outside the
    survey (a gap, another district, a shifted geometry). Geometry = the part outside."""
    _rows, t_row, s_idx, area = ctx.survey_overlay()
    valid = ctx.valid_geometry()
    own = np.zeros(ctx.n)
    own[valid] = shapely.area(ctx.geoms[valid])
    covered = np.bincount(t_row, weights=area, minlength=ctx.n)
    diff = np.abs(own - covered)
    rows = np.flatnonzero(valid & (diff > ctx.area_tolerance * own))
    unions = _union_of_pieces(ctx, rows, t_row, s_idx)
    pieces = [
        ctx.geoms[r] if u is None else shapely.difference(ctx.geoms[r], u)
        for r, u in zip(rows, unions, strict=True)
    ]
    messages = [
        f"图斑面积 {_fmt(own[r])} m²，落在三调图斑内 {_fmt(covered[r])} m²，相差 {_fmt(diff[r])} m²"
        f"（{100 * diff[r] / own[r]:.3f}%，容差 {100 * ctx.area_tolerance:g}%）"
        for r in rows
    ]
    return _errors(rows, messages, "MJ", _polygonal(np.asarray(pieces, dtype=object)))


def check_sandiao_non_construction(ctx: QcContext) -> pd.DataFrame:
    """含三调非建设用地 (warning): a low-efficiency record of which more than
    ``area_tolerance`` (relative) lies on 三调 patches that are not construction land.
    Identification judges a parcel by its dominant class; this lists the rest."""
    _rows, t_row, s_idx, area = ctx.survey_overlay()
    survey_classes = _survey_classes(ctx)
    category = codes.land_category(pd.Series(survey_classes, dtype=object)).to_numpy(dtype=object)
    non = category[s_idx] != "construction"
    valid = ctx.valid_geometry()
    own = np.zeros(ctx.n)
    own[valid] = shapely.area(ctx.geoms[valid])
    outside = np.bincount(t_row, weights=area * non, minlength=ctx.n)
    lowland = (ctx.column("SFDX").astype(object) == "是").to_numpy()
    rows = np.flatnonzero(valid & lowland & (outside > ctx.area_tolerance * own))
    unions = _union_of_pieces(ctx, rows, t_row, s_idx, non)
    pieces = [shapely.intersection(ctx.geoms[r], u) for r, u in zip(rows, unions, strict=True)]
    messages = []
    for r in rows:
        mine = (t_row == r) & non
        by_class = pd.Series(area[mine]).groupby(survey_classes[s_idx[mine]]).sum()
        listed = "、".join(
            f"{c} {_fmt(a)} m²" for c, a in by_class.sort_values(ascending=False).items()
        )
        messages.append(
            f"含三调非建设用地 {_fmt(outside[r])} m²（占 {100 * outside[r] / own[r]:.2f}%：{listed}）"
        )
    return _errors(rows, messages, "XZDL", _polygonal(np.asarray(pieces, dtype=object)))


def _tolerance(decimals: int, value: np.ndarray) -> np.ndarray:
    """What rounding to ``decimals`` may change, plus 1 ppm for area algorithms."""
    return 0.5 * 10.0**-decimals + 1e-6 * np.abs(value) + 1e-9


def check_area_sum(ctx: QcContext) -> pd.DataFrame:
    """面积不自洽: MJ ≠ the planimetric area of the geometry, TQMJ ≠ its CGCS2000
    ellipsoidal area, or MJM ≠ MJ / (10000/15), beyond what the stated rounding allows.
    Stored areas must describe the stored geometry (e.g. not stale after an edit)."""
    parts = []
    valid = ctx.valid_geometry()
    geoms = ctx.geoms
    mj = pd.to_numeric(ctx.column("MJ"), errors="coerce").to_numpy(dtype="float64")
    checks = [("MJ", mj, "平面面积")]
    actual = {"MJ": np.full(ctx.n, np.nan), "TQMJ": np.full(ctx.n, np.nan)}
    actual["MJ"][valid] = shapely.area(geoms[valid])
    if ctx.db.crs is not None and valid.any():
        actual["TQMJ"][valid] = ellipsoidal_area(geoms[valid], ctx.db.crs)
        tqmj = pd.to_numeric(ctx.column("TQMJ"), errors="coerce").to_numpy(dtype="float64")
        checks.append(("TQMJ", tqmj, "椭球面积"))
    for name, stored, label in checks:
        decimals = ctx.standard.field(name).precision
        real = actual[name]
        bad = valid & ~np.isnan(stored) & (np.abs(stored - real) > _tolerance(decimals, real))
        rows = np.flatnonzero(bad)
        messages = [
            f"{name} = {_fmt(stored[r], decimals)} 与几何的{label} {_fmt(real[r], decimals)} m² 不符"
            f"（差 {_fmt(stored[r] - real[r], decimals)}）"
            for r in rows
        ]
        parts.append(_errors(rows, messages, name, geoms[rows]))
    mjm = pd.to_numeric(ctx.column("MJM"), errors="coerce").to_numpy(dtype="float64")
    expected = mj / M2_PER_MU
    p_mu, p_m2 = ctx.standard.field("MJM").precision, ctx.standard.field("MJ").precision
    slack = 0.5 * 10.0**-p_mu + 0.5 * 10.0**-p_m2 / M2_PER_MU + 1e-9
    bad = ~np.isnan(mjm) & ~np.isnan(mj) & (np.abs(mjm - expected) > slack)
    rows = np.flatnonzero(bad)
    messages = [
        f"MJM = {_fmt(mjm[r], p_mu)} 亩 与 MJ {_fmt(mj[r], p_m2)} m² 折合的 "
        f"{_fmt(expected[r], p_mu)} 亩 不符"
        for r in rows
    ]
    parts.append(_errors(rows, messages, "MJM", geoms[rows]))
    return _concat(parts)


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
        found = CHECKS[rule.id](ctx) if checked else _EMPTY.copy()
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
    found = pd.concat(frames, ignore_index=True) if frames else _EMPTY.copy()
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
