"""混合用地核算 (Y-10, N-8) per project of the project template (``projects`` and,
optionally, ``zones`` layers in canonical fields): use shares, main use, lease term per
use and the combined start price.

Y-10 shares: from functional zones (zone area clipped to the project / the project's
land area; land no zone covers is reported, not shared out) where the project has
zones, else from ``gfa_by_use`` (use's FAR-counted floor area / their total). The
largest share is the main use; shares equal up to 1e-9 are a tie: ``main_use`` is
left empty, ``main_use_tie`` true and ``tied_uses`` lists them (the text names the
largest share, the tool does not pick between equals).

Lease term per use: the proposal, capped at the legal maximum of the use's category
(``lease_terms.csv``, 《城镇国有土地使用权出让和转让暂行条例》第十二条: longest matching
code prefix, else its ``other`` row); a missing proposal gives the maximum.

Start price (Y-10 "分项评估后综合核算"): ``combined_unit_price`` = Σ share_u × price_u
(元/m² of land), ``combined_price`` = combined_unit_price × area_m2 (元). With zone
shares that is Σ zone area_u × price_u: land no zone covers is not priced, and the run
warns, naming the project and the unpriced area (never left out silently).

正负面清单 (Y-10 "土地用途以正负面清单形式进行管控"): the profile's local lists
``mixed_use_positive`` / ``mixed_use_negative`` (2023 codes or their prefixes; empty by
default, a local choice). A use on the negative list, or not on a non-empty positive
list, is reported in ``uses_not_allowed``, a reason and a warning. Every verdict carries
``reasons``; a run using a pending or local-choice list warns once, naming it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common import codes
from ..common.errors import LowlandInputError
from ..common.profiles import Profile, load_profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import rounded, texts
from .common import (
    CheckResult,
    at_most,
    code_rows,
    nullable_booleans,
    planimetric_areas,
    project_ids,
    raise_problems,
    zero_area_problems,
)
from .mixed_use_lists import list_reasons, use_lists

#: Shares closer than this are equal (main-use tie).
TIE_TOLERANCE = 1e-9
#: Zone overlaps (m²) between different uses of one project at or above which the
#: zones are refused (smaller slivers are reported as a warning).
ZONE_OVERLAP_ERROR_M2 = 1.0

_USE_JSON_FIELDS = (("gfa_by_use", False), ("lease_years_by_use", True), ("price_by_use", False))
_BOOL_COLUMNS = ("main_use_tie", "lease_capped", "is_main_use")
_MIXED_COLUMNS = [
    "project_id",
    "area_m2",
    "mix_basis",
    "mix_use_count",
    "main_use",
    "main_use_name",
    "main_share",
    "main_use_tie",
    "tied_uses",
    "use_shares",
    "zoned_area_m2",
    "uncovered_m2",
    "uncovered_share",
    "lease_terms",
    "lease_capped",
    "uses_not_allowed",
    "combined_unit_price",
    "combined_price",
    "reasons",
]
_USE_COLUMNS = [
    "project_id",
    "use_code",
    "use_name",
    "use_area_m2",
    "use_gfa",
    "use_share",
    "is_main_use",
    "lease_category",
    "lease_max",
    "lease_proposed",
    "lease_years",
    "lease_capped",
    "unit_price",
    "price_part",
]


# ------------------------------------------------------------------ code tables


@lru_cache(maxsize=1)
def lease_terms() -> tuple[dict, ...]:
    """``lease_terms.csv`` rows: {category, max_years (int), name_zh, name_en, prefixes
    (tuple of 2023 code prefixes; empty for the fall-back row), source}. Exactly one row
    has no prefixes (综合或者其他用地)."""
    out = []
    for row in code_rows("lease_terms.csv"):
        prefixes = tuple(p.strip() for p in row["use_codes"].split("|") if p.strip())
        out.append(
            {
                "category": row["category"],
                "max_years": int(row["max_years"]),
                "name_zh": row["name_zh"],
                "name_en": row["name_en"],
                "prefixes": prefixes,
                "source": row["source"],
            }
        )
    if sum(1 for r in out if not r["prefixes"]) != 1:
        raise ValueError("lease_terms.csv: exactly one row (other) must have empty use_codes")
    return tuple(out)


def lease_category(code: str) -> dict:
    """The ``lease_terms.csv`` row of a 2023 use code: the longest matching prefix, else
    the row without prefixes (综合或者其他用地)."""
    best, length = None, -1
    for row in lease_terms():
        for prefix in row["prefixes"]:
            if code.startswith(prefix) and len(prefix) > length:
                best, length = row, len(prefix)
    return best or next(r for r in lease_terms() if not r["prefixes"])


def _use_name(code: str) -> str | None:
    table = codes.landuse_table()
    return table.at[code, "name"] if code in table.index else None


# ------------------------------------------------------------------ rules


def parse_use_json(text: str | None, what: str, positive: bool = False) -> dict[str, float]:
    """A ``{2023 use code: number}`` JSON text as {normalised code: float}; ``{}`` for
    empty. Raises ValueError saying what is wrong (not JSON, not an object, a value that
    is no number ≥ 0 (> 0 with ``positive``), a code unknown to the 2023 table, a code
    given twice)."""
    if text is None or not str(text).strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{what} 不是 JSON / {what} is not JSON ({err.msg})") from err
    if not isinstance(data, dict):
        raise ValueError(f"{what} 应为 JSON 对象 {{用途代码: 数值}} / must be a JSON object")
    out: dict[str, float] = {}
    for key, value in data.items():
        code = codes.normalize_landuse_code(key)
        if code is None or codes.unknown_codes([code], "landuse_2023"):
            raise ValueError(
                f"{what} 的用途代码 {key!r} 不在用地用海分类（2023）中 / {what}: {key!r} is no "
                "code of the 2023 land-use classification"
            )
        if code in out:
            raise ValueError(f"{what} 的用途代码 {code} 重复 / {what}: code {code} given twice")
        ok = not isinstance(value, bool) and isinstance(value, (int, float))
        ok = ok and math.isfinite(value) and (value > 0 if positive else value >= 0)
        if not ok:
            bound = "> 0" if positive else "≥ 0"
            raise ValueError(
                f"{what} 中 {key} 的值应为数值 {bound} / {what}: {key} must be {bound}"
            )
        out[code] = float(value)
    return out


def main_use_of(shares: Mapping[str, float]) -> tuple[str | None, list[str]]:
    """(main use, tied uses): the use with the largest share (Y-10); when several share
    the largest value (within :data:`TIE_TOLERANCE`) the main use is None and all of them
    are listed (sorted by code). No shares → (None, [])."""
    if not shares:
        return None, []
    top = max(shares.values())
    tied = sorted(c for c, s in shares.items() if top - s <= TIE_TOLERANCE)
    return (tied[0], []) if len(tied) == 1 else (None, tied)


def lease_term(code: str, proposed: float | None) -> dict:
    """Lease term of one use (Y-10): {lease_category, lease_max, lease_proposed,
    lease_years, lease_capped, item (reason)}. Proposal above the category's legal
    maximum → the maximum (capped); no proposal → the maximum."""
    row = lease_category(code)
    cap = row["max_years"]
    if proposed is None:
        years, capped, met = float(cap), False, None
        note = "未拟定出让年限，取法定最高年限 / no proposal: the legal maximum"
    elif at_most(proposed, cap):
        years, capped, met, note = proposed, False, True, None
    else:
        years, capped, met = float(cap), True, False
        note = "超过法定最高出让年限，按最高年限核定 / above the legal maximum: capped"
    return {
        "lease_category": row["category"],
        "lease_max": float(cap),
        "lease_proposed": proposed,
        "lease_years": years,
        "lease_capped": capped,
        "item": reason(
            "lease_term_within_legal_max",
            "Y-10",
            rounded(proposed),
            cap,
            met,
            use_code=code,
            category=row["category"],
            lease_years=rounded(years),
            source=row["source"],
            note=note,
        ),
    }


# ------------------------------------------------------------------ zones


@dataclass
class ZoneAreas:
    """A project's functional zones (Y-10): area per use clipped to the project, the
    area they cover, the area outside the project, warnings."""

    by_use: dict[str, float]
    covered: float
    outside: float
    warnings: list[str] = field(default_factory=list)


def _valid(geom):
    return geom if shapely.is_valid(geom) else shapely.make_valid(geom)


def zone_areas(project_geom, zone_geoms: list, zone_uses: list[str], pid: str) -> ZoneAreas:
    """Per use: area of its zones clipped to the project (union per use, so a use's own
    overlapping zones count once). Zones of different uses overlapping by 1 m² or more
    are refused (the shares would be ambiguous); smaller slivers are a warning."""
    project_geom = _valid(project_geom)
    geoms = [_valid(g) for g in zone_geoms]
    clipped_by_use: dict[str, object] = {}
    for use in dict.fromkeys(zone_uses):
        mine = [g for g, u in zip(geoms, zone_uses, strict=True) if u == use]
        clipped_by_use[use] = shapely.intersection(shapely.union_all(mine), project_geom)
    areas = {u: float(shapely.area(g)) for u, g in clipped_by_use.items()}
    union = shapely.union_all(geoms)
    covered = float(shapely.area(shapely.intersection(union, project_geom)))
    outside = float(shapely.area(shapely.difference(union, project_geom)))
    overlap = sum(areas.values()) - covered
    warnings = []
    if overlap >= ZONE_OVERLAP_ERROR_M2:
        raise LowlandInputError(
            f"项目 {pid}：不同用途的功能分区重叠 {overlap:.2f} m²，无法确定各用途面积 / project "
            f"{pid}: zones of different uses overlap by {overlap:.2f} m²; fix the zones"
        )
    if overlap > 1e-6:
        warnings.append(
            f"项目 {pid}：不同用途的功能分区有 {overlap:.4f} m² 细小重叠 / project {pid}: zones "
            f"of different uses overlap by {overlap:.4f} m²"
        )
    return ZoneAreas(areas, covered, outside, warnings)


# ------------------------------------------------------------------ input


def _parsed_use_fields(
    projects: gpd.GeoDataFrame, ids: list[str], problems: list[str]
) -> dict[str, list[dict[str, float]]]:
    """``gfa_by_use``, ``lease_years_by_use``, ``price_by_use`` of every project parsed
    (a broken one is added to ``problems`` and read as ``{}``)."""
    parsed: dict[str, list[dict[str, float]]] = {}
    for name, positive in _USE_JSON_FIELDS:
        values = []
        for pid, text in zip(ids, texts(projects, name), strict=True):
            try:
                values.append(parse_use_json(text, name, positive))
            except ValueError as err:
                problems.append(f"项目 {pid}：{err} / project {pid}")
                values.append({})
        parsed[name] = values
    return parsed


def _zones_by_project(
    zones: gpd.GeoDataFrame | None, ids: list[str], zones_label: str, problems: list[str]
) -> tuple[dict[str, list[int]], list[str | None], np.ndarray]:
    """(project → its zone rows, normalised use code per zone, zone geometries); zones
    without ids or of no project, unknown codes and empty geometries go to ``problems``."""
    zone_of: dict[str, list[int]] = {}
    if zones is None or not len(zones):
        return zone_of, [], np.array([], dtype=object)
    for needed in ("project_id", "use_code"):
        if needed not in zones.columns:
            raise LowlandInputError(
                f"{zones_label}: 缺少字段 {needed}（项目模板 zones 图层）/ missing field {needed}"
            )
    zpids = texts(zones, "project_id")
    zone_codes = [codes.normalize_landuse_code(c) for c in texts(zones, "use_code")]
    fids = [str(f) for f in zones.index]
    for j, (zp, zc) in enumerate(zip(zpids, zone_codes, strict=True)):
        if zp is None or zc is None:
            problems.append(
                f"{zones_label} 第 {j + 1} 个要素（fid {fids[j]}）：project_id 或 use_code 为空 / "
                f"feature {j + 1} (fid {fids[j]}): project_id or use_code is empty"
            )
        elif zp not in ids:
            problems.append(
                f"{zones_label} 第 {j + 1} 个要素：project_id {zp} 在项目图层中不存在 / feature "
                f"{j + 1}: project_id {zp} matches no project"
            )
        else:
            zone_of.setdefault(zp, []).append(j)
    bad = codes.unknown_codes([c for c in zone_codes if c is not None], "landuse_2023")
    if bad:
        problems.append(
            f"{zones_label}: use_code {bad} 不在用地用海分类（2023）中 / use_code {bad} are no "
            "codes of the 2023 land-use classification"
        )
    zone_geoms = np.asarray(zones.geometry.values, dtype=object)
    empty = shapely.is_missing(zone_geoms) | shapely.is_empty(zone_geoms)
    if empty.any():
        problems.append(
            f"{zones_label}: 第 {[int(j) + 1 for j in np.flatnonzero(empty)]} 个要素没有图形 / "
            "features without geometry"
        )
    return zone_of, zone_codes, zone_geoms


def zones_outside_problems(
    project_geoms: np.ndarray,
    ids: list[str],
    zone_of: Mapping[str, list[int]],
    zone_geoms: np.ndarray,
    zones_label: str,
) -> list[str]:
    """A zone that does not reach into the project it names (no area inside it) is a zone
    drawn in the wrong place or given the wrong project_id: named, not clipped to nothing
    (issue 21 item 13). A zone partly outside is clipped and reported in the reasons."""
    out = []
    for i, pid in enumerate(ids):
        project = _valid(project_geoms[i])
        for j in zone_of.get(pid, []):
            if shapely.area(shapely.intersection(_valid(zone_geoms[j]), project)) <= 1e-6:
                out.append(
                    f"{zones_label} 第 {j + 1} 个要素（{shapely.area(zone_geoms[j]):.2f} m²）完全在"
                    f"其项目 {pid} 的用地之外，请核对位置或 project_id / feature {j + 1} lies "
                    f"wholly outside its project {pid}: check its position or project_id"
                )
    return out


def mixed_use(
    projects: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame | None = None,
    label: str = "projects",
    zones_label: str = "zones",
    profile: Profile | None = None,
) -> CheckResult:
    """混合用地核算 per project (Y-10, N-8): ``table`` one row per project, ``extra`` one
    row per project and use. Rules: module docstring. ``profile``: the positive and
    negative lists (default profile when None)."""
    profile = profile or load_profile("default")
    lists = use_lists(profile)
    ids = project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    problems: list[str] = []
    parsed = _parsed_use_fields(projects, ids, problems)
    problems += zero_area_problems(ids, area)
    zone_of, zone_codes, zone_geoms = _zones_by_project(zones, ids, zones_label, problems)
    project_geoms = np.asarray(projects.geometry.values, dtype=object)
    problems += zones_outside_problems(project_geoms, ids, zone_of, zone_geoms, zones_label)
    raise_problems(problems, f"{label}: 混合用地核算输入有误 / mixed-use input errors")

    rows, use_rows, warnings = [], [], []
    for i, pid in enumerate(ids):
        zone_idx = zone_of.get(pid, [])
        zoned = None
        if zone_idx:
            zoned = zone_areas(
                project_geoms[i],
                [zone_geoms[j] for j in zone_idx],
                # zone_of holds only zones with a use code: nothing is filtered out
                [code for j in zone_idx if (code := zone_codes[j]) is not None],
                pid,
            )
            warnings += zoned.warnings
        row, per_use = _mixed_row(
            pid,
            float(area[i]),
            zoned,
            parsed["gfa_by_use"][i],
            parsed["lease_years_by_use"][i],
            parsed["price_by_use"][i],
            lists,
        )
        warnings += _row_warnings(pid, row)
        if row["mix_basis"] is None:
            warnings.append(
                f"项目 {pid}：既无功能分区也无 gfa_by_use，无法计算用途比例 / project {pid}: "
                "neither zones nor gfa_by_use: no use shares"
            )
        rows.append(row)
        use_rows += per_use
    table = nullable_booleans(pd.DataFrame(rows, columns=_MIXED_COLUMNS), _BOOL_COLUMNS)
    extra = nullable_booleans(pd.DataFrame(use_rows, columns=_USE_COLUMNS), _BOOL_COLUMNS)
    pending = profile.pending(("mixed_use_positive", "mixed_use_negative"))
    if pending:
        warnings.append(
            "正负面清单使用未经采用的取值（Y-10） / the positive and negative lists are not "
            "adopted values: " + "；".join(pending),
        )
    return CheckResult(table, extra, [], warnings)


def _row_warnings(pid: str, row: Mapping) -> list[str]:
    """Y-10: land priced only in part (unzoned land) and uses off the lists, per project."""
    out = []
    uncovered = row["uncovered_m2"]
    if row["mix_basis"] == "zones" and uncovered > 1e-6:
        share = row["uncovered_share"]
        priced = (
            f"综合起始价仅覆盖 {1 - share:.1%} 用地 / the combined start price covers "
            f"{1 - share:.1%} of the land"
            if not math.isnan(row["combined_price"])
            else "未计算综合起始价 / no combined price"
        )
        out.append(
            f"项目 {pid}：{uncovered:.2f} m²（{share:.1%}）未被功能分区覆盖，未计价；{priced} / "
            f"project {pid}: {uncovered:.2f} m² ({share:.1%}) no zone covers is not priced"
        )
    if row["uses_not_allowed"]:
        out.append(
            f"项目 {pid}：用途 {row['uses_not_allowed']} 不符合正负面清单（Y-10）/ project "
            f"{pid}: uses {row['uses_not_allowed']} break the positive/negative list"
        )
    return out


# ------------------------------------------------------------------ one project


@dataclass
class UseShares:
    """Y-10 use shares of one project and how they were found: ``basis`` zones / gfa /
    None, zone area per use, zoned and uncovered land (zones only), the reasons."""

    basis: str | None
    shares: dict[str, float]
    use_area: dict[str, float] = field(default_factory=dict)
    zoned: float | None = None
    uncovered: float | None = None
    items: list[Reason] = field(default_factory=list)


def shares_from_zones(area: float, zoned: ZoneAreas, gfa: Mapping[str, float]) -> UseShares:
    """Y-10: each use's zone area (clipped to the project) / the total land area; land no
    zone covers belongs to no use; ``gfa_by_use`` is then only for information."""
    shares = {u: a / area for u, a in zoned.by_use.items()}
    uncovered = max(area - zoned.covered, 0.0)
    items = [
        reason(
            "use_shares_from_zones",
            "Y-10",
            {u: rounded(s, 6) for u, s in shares.items()},
            None,
            None,
            zone_area_m2={u: rounded(a) for u, a in zoned.by_use.items()},
            area_m2=rounded(area),
            note="各用途功能分区面积（裁剪到项目用地）/ 总用地面积 / zone area of each use "
            "(clipped to the project) / total land area",
        )
    ]
    if uncovered > 1e-6:
        items.append(
            reason(
                "land_not_zoned",
                "Y-10",
                rounded(uncovered),
                0,
                None,
                share=rounded(uncovered / area, 6),
                note="未被功能分区覆盖的用地不计入任何用途，不计价（已警告）/ land no zone "
                "covers belongs to no use and is not priced (warned)",
            )
        )
    if zoned.outside > 1e-6:
        items.append(
            reason(
                "zones_outside_project",
                "Y-10",
                rounded(zoned.outside),
                0,
                None,
                note="功能分区超出项目用地的部分已裁除 / zone parts outside the project land "
                "are clipped off",
            )
        )
    if gfa:
        items.append(
            reason(
                "gfa_shares_not_used",
                "Y-10",
                None,
                None,
                None,
                note="已划分功能分区，按分区面积确定比例，gfa_by_use 仅供参考 / zones given: "
                "gfa_by_use is not used for the shares",
            )
        )
    return UseShares("zones", shares, zoned.by_use, zoned.covered, uncovered, items)


def shares_from_gfa(gfa: Mapping[str, float]) -> UseShares:
    """Y-10 without zones: each use's FAR-counted floor area / the total (no shares when
    there is none or it adds up to 0)."""
    if not gfa or sum(gfa.values()) <= 0:
        item = reason(
            "use_shares",
            "Y-10",
            None,
            None,
            None,
            note="既无功能分区也无 gfa_by_use（或其合计为 0），无法计算用途比例 / neither zones "
            "nor a positive gfa_by_use: no shares",
        )
        return UseShares(None, {}, items=[item])
    total = sum(gfa.values())
    shares = {u: g / total for u, g in gfa.items()}
    item = reason(
        "use_shares_from_gfa",
        "Y-10",
        {u: rounded(s, 6) for u, s in shares.items()},
        None,
        None,
        gfa_by_use={u: rounded(g) for u, g in gfa.items()},
        gfa_total=rounded(total),
        note="无法划分功能分区：各用途计容建筑面积 / 计容总建筑面积 / no zones: FAR-counted "
        "floor area of each use / total FAR-counted floor area",
    )
    return UseShares("gfa", shares, items=[item])


def _main_use_reason(shares: Mapping[str, float], main: str | None, tied: list[str]) -> Reason:
    """Y-10: the main use is the use with the largest share (a tie is left to approval)."""
    return reason(
        "main_use_largest_share",
        "Y-10",
        main,
        rounded(max(shares.values()), 6),
        None if tied else True,
        tied_uses=tied or None,
        note=(
            "多个用途比例并列最大，主要用途留空，待审批确定 / several uses share the largest "
            "share: main use left empty for the approval to decide"
            if tied
            else None
        ),
    )


def _absent_lease_reason(uses: list[str]) -> Reason:
    """Y-10: lease terms given for uses the project has no share of are ignored."""
    return reason(
        "lease_for_absent_use",
        "Y-10",
        uses,
        None,
        None,
        note="lease_years_by_use 中的用途不在本项目用途比例中，已忽略 / uses with a lease term "
        "but no share: ignored",
    )


def combined_price(
    order: list[str], shares: Mapping[str, float], price: Mapping[str, float], area: float
) -> tuple[float | None, float | None, Reason]:
    """Y-10 "分项评估后综合核算": (Σ share_u × price_u, that × area, reason); both None when
    a use has no appraised price."""
    no_price = [u for u in order if u not in price]
    unit_price = total_price = None
    if not no_price:
        unit_price = sum(shares[u] * price[u] for u in order)
        total_price = unit_price * area
    item = reason(
        "combined_start_price",
        "Y-10",
        rounded(total_price),
        None,
        None,
        unit_price=rounded(unit_price),
        price_by_use={u: rounded(price[u]) for u in order if u in price},
        formula="Σ(share_u × price_u) × area_m2",
        missing_price=no_price or None,
        note=(
            f"缺少用途 {no_price} 的评估单价，不综合计算 / no appraised price for {no_price}:"
            " no combined price"
            if no_price
            else "分用途评估后按用途比例综合 / per-use appraisal combined by share"
        ),
    )
    return unit_price, total_price, item


def _nan_if_none(x: float | None) -> float:
    return math.nan if x is None else x


def _mixed_row(pid, area, zoned, gfa, lease, price, lists) -> tuple[dict, list[dict]]:
    """One project's row (shares, main use, lease terms, combined price, reasons) and its
    rows per use (Y-10)."""
    found = shares_from_zones(area, zoned, gfa) if zoned is not None else shares_from_gfa(gfa)
    shares, items = found.shares, list(found.items)
    main, tied = main_use_of(shares)
    if shares:
        items.append(_main_use_reason(shares, main, tied))
    order = sorted(shares, key=lambda u: (-shares[u], u))
    terms = {u: lease_term(u, lease.get(u)) for u in order}
    items += [t["item"] for t in terms.values()]
    extra_lease = sorted(set(lease) - set(shares))
    if extra_lease:
        items.append(_absent_lease_reason(extra_lease))
    not_allowed, list_items = list_reasons(order, lists)
    items += list_items
    unit_price = total_price = None
    if shares:
        unit_price, total_price, price_item = combined_price(order, shares, price, area)
        items.append(price_item)
    row = {
        "project_id": pid,
        "area_m2": area,
        "mix_basis": found.basis,
        "mix_use_count": len(shares),
        "main_use": main,
        "main_use_name": None if main is None else _use_name(main),
        "main_share": max(shares.values()) if shares else math.nan,
        "main_use_tie": (bool(tied) if shares else None),
        "tied_uses": ",".join(tied) or None,
        "use_shares": json.dumps({u: rounded(shares[u], 6) for u in order}) if shares else None,
        "zoned_area_m2": _nan_if_none(found.zoned),
        "uncovered_m2": _nan_if_none(found.uncovered),
        "uncovered_share": math.nan if found.uncovered is None else found.uncovered / area,
        "lease_terms": (
            json.dumps({u: rounded(t["lease_years"]) for u, t in terms.items()}) if terms else None
        ),
        "lease_capped": any(t["lease_capped"] for t in terms.values()) if terms else None,
        "uses_not_allowed": ",".join(not_allowed) or None,
        "combined_unit_price": _nan_if_none(unit_price),
        "combined_price": _nan_if_none(total_price),
        "reasons": reasons_json(items),
    }
    return row, _use_rows(pid, area, order, found, main, terms, gfa, lease, price)


def _use_rows(pid, area, order, found: UseShares, main, terms, gfa, lease, price) -> list[dict]:
    """One row per use of a project: its area, floor area, share, lease term and price part."""
    return [
        {
            "project_id": pid,
            "use_code": u,
            "use_name": _use_name(u),
            "use_area_m2": found.use_area.get(u, math.nan),
            "use_gfa": gfa.get(u, math.nan),
            "use_share": found.shares[u],
            "is_main_use": u == main,
            "lease_category": terms[u]["lease_category"],
            "lease_max": terms[u]["lease_max"],
            "lease_proposed": math.nan if lease.get(u) is None else lease[u],
            "lease_years": terms[u]["lease_years"],
            "lease_capped": terms[u]["lease_capped"],
            "unit_price": price.get(u, math.nan),
            "price_part": found.shares[u] * price[u] * area if u in price else math.nan,
        }
        for u in order
    ]
