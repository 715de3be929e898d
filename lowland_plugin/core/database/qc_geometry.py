"""质检 rules on a record's geometry (:mod:`.qc`): invalid and multipart geometry,
slivers, overlaps, the consistency with the 三调 (current class, covered area,
non-construction land inside) and the stored areas against the geometry.
Each is one vectorised function of a :class:`QcContext` returning its error rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from ..common import codes
from ..common.areas import ellipsoidal_area
from ..common.overlay import dominant_by_area, overlap_areas
from .qc_attributes import domain_ok
from .qc_context import QcContext, concat_errors, error_rows, fmt, no_errors
from .standard import M2_PER_MU


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
    return error_rows(rows, messages, None, geoms[rows])


def check_multipart(ctx: QcContext) -> pd.DataFrame:
    """多部件 (warning): a record made of several disjoint polygons."""
    geoms = ctx.geoms
    valid = ctx.valid_geometry()
    parts = np.zeros(ctx.n, dtype="int64")
    parts[valid] = shapely.get_num_geometries(geoms[valid])
    rows = np.flatnonzero(parts > 1)
    messages = [f"由 {parts[r]} 个部件组成" for r in rows]
    return error_rows(rows, messages, None, geoms[rows])


def check_sliver(ctx: QcContext) -> pd.DataFrame:
    """碎片图斑: a valid polygon smaller than ``sliver_area`` m² (strictly)."""
    geoms = ctx.geoms
    valid = ctx.valid_geometry()
    area = np.full(ctx.n, np.inf)
    area[valid] = shapely.area(geoms[valid])
    rows = np.flatnonzero(area < ctx.sliver_area)
    messages = [f"面积 {fmt(area[r], 4)} m² 小于碎片阈值 {ctx.sliver_area:g} m²" for r in rows]
    return error_rows(rows, messages, None, geoms[rows])


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
        return no_errors()
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
        f"与第 {j + 1} 条（图斑编号 {tbbh[j]}）重叠 {fmt(s)} m²"
        for j, s in zip(b, area, strict=True)
    ]
    return error_rows(a, messages, None, pieces, b)


def _normalised_dlbm(values: pd.Series) -> np.ndarray:
    """``codes.normalize_dlbm`` of each value, computed once per distinct value."""
    positions, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    table = np.array([codes.normalize_dlbm(v) for v in uniques] + [None], dtype=object)
    return table[positions]


def _survey_classes(ctx: QcContext) -> np.ndarray:
    return ctx.cached("survey_classes", lambda: _normalised_dlbm(ctx.survey["dlbm"]))


def check_sandiao_class(ctx: QcContext) -> pd.DataFrame:
    """现状地类与三调不一致: XZDL differs from the 三调 class covering most of the record."""
    _rows, t_row, s_idx, area = ctx.survey_overlay()
    classes = _survey_classes(ctx)[s_idx]
    dominant, dominant_area = dominant_by_area(ctx.n, t_row, classes, area)
    xzdl = _normalised_dlbm(ctx.column("XZDL"))
    ok = domain_ok(ctx, "XZDL") & ctx.valid_geometry() & pd.notna(dominant)
    rows = np.flatnonzero(ok & (xzdl != dominant))
    total = np.zeros(ctx.n)
    total[ctx.valid_geometry()] = shapely.area(ctx.geoms[ctx.valid_geometry()])
    messages = [
        f"现状地类 {xzdl[r]} 与三调面积最大地类 {dominant[r]}"
        f"（占 {100 * dominant_area[r] / total[r]:.2f}%）不一致"
        for r in rows
    ]
    return error_rows(rows, messages, "XZDL", ctx.geoms[rows])


def _union_of_pieces(ctx: QcContext, rows: np.ndarray, t_row, s_idx, select=None) -> list:
    """Per row: the union of the 三调 patches (optionally a subset) overlapping it."""
    survey = np.asarray(ctx.survey.geometry.values, dtype=object)
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
        f"图斑面积 {fmt(own[r])} m²，落在三调图斑内 {fmt(covered[r])} m²，相差 {fmt(diff[r])} m²"
        f"（{100 * diff[r] / own[r]:.3f}%，容差 {100 * ctx.area_tolerance:g}%）"
        for r in rows
    ]
    return error_rows(rows, messages, "MJ", _polygonal(np.asarray(pieces, dtype=object)))


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
            f"{c} {fmt(a)} m²" for c, a in by_class.sort_values(ascending=False).items()
        )
        messages.append(
            f"含三调非建设用地 {fmt(outside[r])} m²（占 {100 * outside[r] / own[r]:.2f}%：{listed}）"
        )
    return error_rows(rows, messages, "XZDL", _polygonal(np.asarray(pieces, dtype=object)))


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
            f"{name} = {fmt(stored[r], decimals)} 与几何的{label} {fmt(real[r], decimals)} m² 不符"
            f"（差 {fmt(stored[r] - real[r], decimals)}）"
            for r in rows
        ]
        parts.append(error_rows(rows, messages, name, geoms[rows]))
    mjm = pd.to_numeric(ctx.column("MJM"), errors="coerce").to_numpy(dtype="float64")
    expected = mj / M2_PER_MU
    p_mu, p_m2 = ctx.standard.field("MJM").precision, ctx.standard.field("MJ").precision
    slack = 0.5 * 10.0**-p_mu + 0.5 * 10.0**-p_m2 / M2_PER_MU + 1e-9
    bad = ~np.isnan(mjm) & ~np.isnan(mj) & (np.abs(mjm - expected) > slack)
    rows = np.flatnonzero(bad)
    messages = [
        f"MJM = {fmt(mjm[r], p_mu)} 亩 与 MJ {fmt(mj[r], p_m2)} m² 折合的 "
        f"{fmt(expected[r], p_mu)} 亩 不符"
        for r in rows
    ]
    parts.append(error_rows(rows, messages, "MJM", geoms[rows]))
    return concat_errors(parts)
