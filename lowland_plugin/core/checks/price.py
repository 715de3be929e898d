"""Project checks: 容积率核定 (Y-4), 零星用地核查 (Y-7, N-4, N-10) and 补缴地价 (Y-14, Y-15, N-9).

Input is the project template (``resources/codes/project_fields.csv``, layers
``projects`` and ``pieces``) in canonical field names; :func:`template_frame`
maps and normalises what users have. Every verdict carries ``reasons``: a JSON
list of ``{rule, clause, value, threshold, met}`` (plus ``note`` or ``piece_id``
where a number alone does not say it). ``met`` is ``null`` where a fact is only
reported, not judged.

Conventions fixed here (DESIGN.md "Project template"):

- limits are inclusive and compared exactly up to a relative 1e-9 (float noise of
  polygon areas never moves a value across its limit);
- money is computed in exact decimals from the input values and rounded half up
  to 0.01 元 once; instalments are whole cents with ``first + rest == due``;
- calendar periods follow 《民法典》第二百零一、二百零二条: the day a period starts
  from is not counted and the period ends on the corresponding day of the final
  month, or on that month's last day when it has no such day (31 Jan + 1 month =
  28/29 Feb). The payment deadlines (Y-15) and the 5-year transition (Y-15) use
  the same rule; statutory holidays (第二百零三条) are not applied (no calendar).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.mapping import _normalise_column
from ..common.measures import M2_PER_MU
from ..common.resources import rows_by_layer
from .common import (
    _EPS,
    CheckResult,
    _dates,
    _flags,
    _item,
    _known,
    _num,
    _plain,
    _project_ids,
    _r,
    _raise_problems,
    _reasons,
    _texts,
    planimetric_areas,
    within,
)

# ------------------------------------------------------------------ limits (clauses)

#: Y-4: categories of public facilities whose handed-over floor area is compensated 1:1.
HANDOVER_CATEGORIES = ("education", "health", "elderly", "community", "utility", "open_space")
#: Y-7: each scattered piece "原则上单宗面积不超过5亩".
SCATTERED_PIECE_MAX_MU = 5.0
SCATTERED_PIECE_MAX_M2 = SCATTERED_PIECE_MAX_MU * M2_PER_MU
#: Y-7: scattered pieces "累计不超过再开发项目总用地面积的10%".
SCATTERED_SHARE_MAX = 0.10
#: Y-14: old uses whose demolished structures' residual value counts into the old value.
RESIDUAL_CLASSES = ("industrial", "warehouse", "cultural", "research")
#: Y-15: instalments — 50 % within one month of the contract, the rest within two years.
FIRST_SHARE = Decimal("0.5")
FIRST_DUE_MONTHS = 1
FINAL_DUE_YEARS = 2
#: Y-15 / N-11: transition period of new industries in existing buildings.
TRANSITION_YEARS = 5

_OLD_CLASS = {
    "industrial": "industrial",
    "工业": "industrial",
    "工业用地": "industrial",
    "warehouse": "warehouse",
    "仓储": "warehouse",
    "物流仓储": "warehouse",
    "仓储用地": "warehouse",
    "cultural": "cultural",
    "文化": "cultural",
    "文化用地": "cultural",
    "research": "research",
    "科研": "research",
    "科研用地": "research",
    "other": "other",
    "其他": "other",
}
_SWAP_SIDE = {"out": "out", "调出": "out", "in": "in", "调入": "in"}
_CENT = Decimal("0.01")


# ------------------------------------------------------------------ project template


def _template() -> dict[str, list[dict[str, str]]]:
    return rows_by_layer("project_fields.csv")


def template_fields(layer: str) -> dict[str, str]:
    """Canonical field → type (string, real, bool, date, json) of a template layer."""
    return {r["field"]: r["type"] for r in _template().get(layer, [])}


def check_template_field_map(explicit: Mapping[str, str], layers: Iterable[str]) -> None:
    """Refuse field-map keys (``field`` or ``layer.field``) naming no field of ``layers``."""
    layers = list(layers)
    bad = []
    for key in explicit:
        prefix, _, name = key.rpartition(".")
        scope = [prefix] if prefix else layers
        if not any(name in template_fields(layer) for layer in scope):
            bad.append(key)
    if bad:
        allowed = sorted({f for layer in layers for f in template_fields(layer)})
        raise LowlandInputError(
            f"字段映射中的标准字段 {bad} 不在项目模板中；可用：{allowed}（可加图层前缀，如 "
            f"pieces.project_id）。 / field map names fields {bad} that the project template "
            f"does not have; allowed: {allowed} (optionally prefixed, e.g. pieces.project_id)."
        )


def unused_map_entries(
    explicit: Mapping[str, str], mappings: Mapping[str, Mapping[str, str]]
) -> list[str]:
    """Field-map entries that no layer used (``mappings``: layer → canonical → actual)."""
    out = []
    for key, actual in explicit.items():
        prefix, _, name = key.rpartition(".")
        used = any(
            mapping.get(name, "").lower() == actual.lower()
            for layer, mapping in mappings.items()
            if prefix in ("", layer)
        )
        if not used:
            out.append(f"{key}={actual}")
    return out


def template_frame(
    gdf: gpd.GeoDataFrame,
    layer: str,
    explicit: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    label: str | None = None,
) -> gpd.GeoDataFrame:
    """A copy of ``gdf`` with the template fields of ``layer`` under canonical names and
    normalised values (reals as floats, flags as nullable booleans, dates as dates, JSON
    and codes as stripped text); other columns are kept.

    A field is found by the explicit map (``field=actual`` or ``layer.field=actual``),
    its canonical name, or its Chinese alias (``项目编号``), case-insensitively.
    """
    label = label or layer
    rows = _template().get(layer, [])
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    lower = {c.lower(): c for c in reversed(columns)}
    mine = {}
    for key, actual in (explicit or {}).items():
        prefix, _, name = key.rpartition(".")
        if prefix in ("", layer) and name in template_fields(layer):
            mine[name] = (actual, bool(prefix))
    found: dict[str, str] = {}
    for row in rows:
        name = row["field"]
        if name in mine:
            actual, prefixed = mine[name]
            match = actual if actual in columns else lower.get(actual.lower())
            if match is not None:
                found[name] = match
                continue
            if prefixed:
                raise LowlandInputError(
                    f"{label}: 映射 {name}={actual} 中的字段 {actual} 不存在；现有字段 {columns} / "
                    f"mapped field {actual!r} is not in the layer; it has {columns}"
                )
        for candidate in (name, row["alias_zh"]):
            if candidate and candidate.lower() in lower:
                found[name] = lower[candidate.lower()]
                break
    missing = [f for f in required if f not in found]
    if missing:
        raise LowlandInputError(
            f"{label}: 缺少必需字段 {missing}（项目模板 resources/codes/project_fields.csv）；"
            f"现有字段：{columns}。可用字段映射指定，如 {missing[0]}=实际字段名。 / missing "
            f"required fields {missing} of the project template; the layer has {columns}. "
            f"Map them explicitly, e.g. {missing[0]}=YOUR_FIELD."
        )
    kinds = {"string": "string", "json": "string", "real": "float", "bool": "bool", "date": "date"}
    out = gdf.copy()
    for name, actual in found.items():
        values = gdf[actual]
        if kinds[template_fields(layer)[name]] == "date":
            values = values.map(_plain)
        values = _normalise_column(values, kinds[template_fields(layer)[name]], actual, label)
        if actual != name and name in out.columns:
            out = out.drop(columns=name)
        out[name] = values.array
    out.attrs["template_mapping"] = dict(found)  # canonical → actual, to spot unused map entries
    return out


# ------------------------------------------------------------------ calendar


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` + ``months`` calendar months; a day the target month lacks falls back to its
    last day (31 Jan + 1 month = 28/29 Feb; 《民法典》第二百零二条)."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` + ``years`` calendar years (29 Feb 2024 + 2 years = 28 Feb 2026)."""
    return add_months(day, 12 * years)


def payment_schedule(contract_date: dt.date) -> tuple[dt.date, dt.date]:
    """(first_due_date, final_due_date): contract + 1 month, contract + 2 years (Y-15)."""
    return add_months(contract_date, FIRST_DUE_MONTHS), add_years(contract_date, FINAL_DUE_YEARS)


def transition_end(start: dt.date) -> dt.date:
    """Last day of the Y-15 5-year transition: ``start`` + 5 years (the start day is not
    counted and the period ends on the corresponding day, 《民法典》第二百零一、二百零二条)."""
    return add_years(start, TRANSITION_YEARS)


# ------------------------------------------------------------------ money


def _money(value: float) -> Decimal:
    """An input amount as an exact decimal (its shortest float repr: 0.1 → 0.1)."""
    return Decimal(repr(float(value)))


def to_cents(amount: Decimal) -> int:
    """Round half up to 0.01 元, as whole cents."""
    return int(amount.quantize(_CENT, rounding=ROUND_HALF_UP) * 100)


def price_difference(value_new: float, value_old: float, residual: float = 0.0) -> int:
    """Y-14 price due in cents: new − (old + residual), never below 0."""
    due = _money(value_new) - (_money(value_old) + _money(residual))
    return max(0, to_cents(due))


def instalments(due_cents: int) -> tuple[int, int]:
    """(first, rest) in cents: the first 50 % rounded half up to the cent (so it is never
    less than half), the rest = due − first, so first + rest = due exactly (Y-15)."""
    first = to_cents(Decimal(due_cents) * FIRST_SHARE / 100)
    return first, due_cents - first


def benchmark_alternative(
    benchmark_price: float,
    benchmark_ratio: float,
    area_m2: float,
    deductions: Iterable[float] = (),
) -> int:
    """N-9 alternative in cents: published price × ratio × area − deductions, not below 0."""
    gross = _money(benchmark_price) * _money(benchmark_ratio) * _money(area_m2)
    return max(0, to_cents(gross - sum((_money(d) for d in deductions), Decimal(0))))


def _yuan(cents: int | None) -> float:
    return float("nan") if cents is None else cents / 100


# ------------------------------------------------------------------ FAR (Y-4)


def counted_gfa(gfa_proposed: float, gfa_addon: float) -> float:
    """Y-4: add-on facilities on existing housing are not counted in FAR."""
    return gfa_proposed - gfa_addon


def allowed_gfa(far_max: float, area_m2: float, gfa_handover: float) -> float:
    """Y-4: planned FAR × land area, plus the handed-over floor area compensated 1:1."""
    return far_max * area_m2 + gfa_handover


def handover_categories(text: str | None) -> dict[str, float] | None:
    """``handover_by_category`` JSON → {category: m²}; raises ValueError saying what is wrong."""
    if text is None or not str(text).strip():
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"不是 JSON / not JSON ({err.msg})") from err
    if not isinstance(data, dict):
        raise ValueError("应为 JSON 对象 {类别: 面积} / must be a JSON object {category: m²}")
    unknown = sorted(set(data) - set(HANDOVER_CATEGORIES))
    if unknown:
        raise ValueError(
            f"未知类别 {unknown}，可用 {list(HANDOVER_CATEGORIES)} / unknown categories {unknown}"
        )
    out = {}
    for key, value in data.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"{key} 的面积应为非负数值 / {key}: area must be a number ≥ 0")
        out[key] = float(value)
    return out


def far_check(projects: gpd.GeoDataFrame, label: str = "projects") -> CheckResult:
    """容积率核定 per project (Y-4, N-1).

    ``gfa_counted = gfa_proposed − gfa_addon``; ``gfa_allowed = far_max × area_m2 +
    gfa_handover``; ``gfa_margin = allowed − counted``; ``far_pass`` = counted ≤ allowed,
    or true (uncapped) for a ``public_project``. Missing ``gfa_addon``/``gfa_handover``
    count as 0. All input problems are collected and raised together.
    """
    ids = _project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    proposed = _num(projects, "gfa_proposed")
    addon = np.nan_to_num(_num(projects, "gfa_addon"), nan=0.0)
    handover = _num(projects, "gfa_handover")
    far_max = _num(projects, "far_max")
    public = _flags(projects, "public_project")
    categories_text = _texts(projects, "handover_by_category")

    problems: list[str] = []
    categories: list[dict | None] = []
    for i, pid in enumerate(ids):
        if area[i] <= 0:
            problems.append(f"项目 {pid}：用地面积为 0 / project {pid}: land area is 0")
        if not _known(proposed[i]):
            problems.append(
                f"项目 {pid}：gfa_proposed（拟建总建筑面积）为空 / project {pid}: gfa_proposed is empty"
            )
        if not _known(far_max[i]) and not public[i]:
            problems.append(
                f"项目 {pid}：far_max（规划容积率上限）为空，且非公益项目（public_project）/ "
                f"project {pid}: far_max is empty and the project is not a public project"
            )
        for name, values in (
            ("far_max", far_max),
            ("gfa_proposed", proposed),
            ("gfa_addon", addon),
            ("gfa_handover", handover),
        ):
            if _known(values[i]) and values[i] < 0:
                problems.append(f"项目 {pid}：{name} 为负数 / project {pid}: {name} is negative")
        if _known(proposed[i]) and addon[i] > proposed[i]:
            problems.append(
                f"项目 {pid}：gfa_addon {addon[i]:g} 大于 gfa_proposed {proposed[i]:g}（拟建总面积应含"
                f"加装部分）/ project {pid}: gfa_addon exceeds gfa_proposed (which includes it)"
            )
        try:
            cats = handover_categories(categories_text[i])
        except ValueError as err:
            problems.append(f"项目 {pid}：handover_by_category {err} / project {pid}")
            cats = None
        if cats is not None:
            total = sum(cats.values())
            given = handover[i] if _known(handover[i]) else 0.0
            if not math.isclose(total, given, rel_tol=_EPS, abs_tol=1e-9):
                problems.append(
                    f"项目 {pid}：handover_by_category 合计 {total:g} m² ≠ gfa_handover {given:g} m²"
                    f"（Y-4 按类别移交面积之和须等于移交总面积）/ project {pid}: handover_by_category "
                    f"adds up to {total:g} m², gfa_handover is {given:g} m²; correct one of them"
                )
        categories.append(cats)
    _raise_problems(problems, f"{label}: 容积率核定输入有误 / FAR check input errors")

    handover = np.nan_to_num(handover, nan=0.0)
    counted = counted_gfa(proposed, addon)
    allowed = np.where(np.isnan(far_max), np.nan, allowed_gfa(far_max, area, handover))
    margin = allowed - counted
    far_counted = counted / area
    passed, reasons = [], []
    for i in range(len(ids)):
        items = [
            _item(
                "gfa_addon_not_counted",
                "Y-4",
                {"gfa_proposed": _r(proposed[i]), "gfa_addon": _r(addon[i])},
                None,
                None,
                note="既有住宅加装电梯、楼梯、公共走廊、无障碍、保温等非经营性附属设施面积不计容"
                " / add-on facilities on existing housing are not counted in FAR",
                gfa_counted=_r(counted[i]),
            ),
            _item(
                "gfa_handover_compensated",
                "Y-4",
                _r(handover[i]),
                None,
                None,
                note="无偿移交政府的公益性设施和公共开放空间按贡献建筑面积 1:1 补齐"
                " / floor area handed over free is added 1:1 to the allowed floor area",
                by_category=categories[i],
            ),
        ]
        cap_met = bool(within(counted[i], allowed[i])) if _known(allowed[i]) else None
        cap = _item(
            "gfa_counted_within_allowed",
            "Y-4",
            _r(counted[i]),
            _r(allowed[i]),
            cap_met,
            far_counted=_r(far_counted[i], 4),
            far_max=_r(far_max[i], 4),
            area_m2=_r(area[i]),
            gfa_handover=_r(handover[i]),
        )
        if public[i]:
            items.append(
                _item(
                    "public_project_uncapped",
                    "Y-4",
                    True,
                    True,
                    True,
                    note="市政基础设施、公共服务设施、公共安全设施项目（不含经营性项目）新增建筑面积不受"
                    "原规划容积率限制，前提是不影响周边居住环境、交通出行及既有建筑安全 / "
                    "not limited by the planned FAR, subject to no harm to neighbours, "
                    "traffic and building safety",
                )
            )
            if cap_met is not None:
                cap["note"] = "仅供参考：公益项目不受规划容积率限制 / for information only"
                items.append(cap)
            passed.append(True)
        else:
            items.append(cap)
            passed.append(bool(cap_met))
        reasons.append(_reasons(items))
    table = pd.DataFrame(
        {
            "area_m2": area,
            "gfa_counted": counted,
            "gfa_allowed": allowed,
            "gfa_margin": margin,
            "far_counted": far_counted,
            "far_pass": pd.array(passed, dtype="boolean"),
            "reasons": pd.Series(reasons, dtype=object),
        }
    )
    return CheckResult(table)


# ------------------------------------------------------------------ scattered land (Y-7, N-10)


def scattered_check(
    projects: gpd.GeoDataFrame,
    pieces: gpd.GeoDataFrame,
    label: str = "projects",
    pieces_label: str = "pieces",
) -> CheckResult:
    """零星用地核查 per project (Y-7, N-4) and the swap balance per ``swap_group`` (N-10).

    ``total_area_m2`` = the project polygon's area; ``scattered_area_m2`` = the sum of its
    pieces flagged ``scattered``; ``scattered_pass`` = every scattered piece ≤ 5 亩 and the
    share ≤ 10 % (both inclusive). Pieces not flagged scattered count in nothing (listed
    in ``info``). ``extra`` is the swap table.
    """
    ids = _project_ids(projects, label)
    total = planimetric_areas(projects, label, "project_id")
    problems: list[str] = []
    for pid, a in zip(ids, total, strict=True):
        if a <= 0:
            problems.append(f"项目 {pid}：用地面积为 0 / project {pid}: land area is 0")

    piece_project = _texts(pieces, "project_id")
    piece_id = _texts(pieces, "piece_id")
    fids = [str(f) for f in pieces.index]
    for i, (proj, pc) in enumerate(zip(piece_project, piece_id, strict=True)):
        if proj is None or pc is None:
            problems.append(
                f"{pieces_label} 要素 fid {fids[i]}：project_id 或 piece_id 为空 / feature fid "
                f"{fids[i]}: project_id or piece_id is empty"
            )
    known = set(ids)
    orphans = sorted(
        {
            f"{pc}（project_id={proj}）"
            for proj, pc in zip(piece_project, piece_id, strict=True)
            if proj is not None and proj not in known
        }
    )
    if orphans:
        problems.append(
            f"{pieces_label}: 以下地块的 project_id 在项目图层中不存在 {orphans} / pieces whose "
            f"project_id matches no project: {orphans}"
        )
    keys = list(zip(piece_project, piece_id, strict=True))
    dup = sorted({f"{p}/{c}" for p, c in keys if c is not None and keys.count((p, c)) > 1})
    if dup:
        problems.append(
            f"{pieces_label}: 同一项目内 piece_id 重复 {dup} / piece_id repeated within a project"
        )
    _raise_problems(problems, f"{label}: 零星用地核查输入有误 / scattered land check input errors")

    piece_area = planimetric_areas(pieces, pieces_label, "piece_id")
    scattered = [bool(v) for v in _flags(pieces, "scattered")]
    info, warnings = [], []
    not_flagged = [f"{p}/{c}" for (p, c), s in zip(keys, scattered, strict=True) if not s]
    if not_flagged:
        info.append(
            f"未标记为零星用地的地块（不计入任何指标）：{', '.join(not_flagged)} / pieces not "
            f"flagged scattered (counted in nothing): {', '.join(not_flagged)}"
        )
    warnings += _pieces_outside(projects, ids, pieces, keys, piece_area)

    rows = []
    for pid, area in zip(ids, total, strict=True):
        mine = [
            (keys[j][1], piece_area[j])
            for j in range(len(keys))
            if keys[j][0] == pid and scattered[j]
        ]
        rows.append(_scattered_row(pid, area, mine))
    columns = [
        "project_id",
        "total_area_m2",
        "scattered_count",
        "scattered_area_m2",
        "scattered_share",
        "scattered_max_piece_m2",
        "scattered_pass",
        "reasons",
    ]
    table = pd.DataFrame(rows, columns=columns)
    table["scattered_pass"] = table["scattered_pass"].astype("boolean")
    return CheckResult(table, swap_balance(pieces, keys, piece_area), info, warnings)


def _scattered_row(pid: str, area: float, mine: list[tuple[str, float]]) -> dict:
    """One project's scattered area, share, verdict and reasons (Y-7)."""
    s_area = float(sum(a for _, a in mine))
    share = s_area / area
    over = [(pc, a) for pc, a in mine if not within(a, SCATTERED_PIECE_MAX_M2)]
    limit = _r(SCATTERED_PIECE_MAX_M2)

    def piece_item(pc, a: float, met: bool, **extra) -> dict:
        return _item(
            "scattered_piece_max_5_mu",
            "Y-7",
            _r(a),
            limit,
            met,
            piece_id=pc,
            value_mu=_r(a / M2_PER_MU, 4),
            threshold_mu=SCATTERED_PIECE_MAX_MU,
            **extra,
        )

    items = [piece_item(pc, a, False) for pc, a in over]
    if mine and not over:
        pc, a = max(mine, key=lambda t: t[1])
        items.append(piece_item(pc, a, True, note="最大的一宗 / the largest piece"))
    share_met = within(share, SCATTERED_SHARE_MAX)
    items.append(
        _item(
            "scattered_share_max_10_percent",
            "Y-7",
            _r(share, 6),
            SCATTERED_SHARE_MAX,
            share_met,
            scattered_area_m2=_r(s_area),
            total_area_m2=_r(area),
            pieces=len(mine),
        )
    )
    return {
        "project_id": pid,
        "total_area_m2": area,
        "scattered_count": len(mine),
        "scattered_area_m2": s_area,
        "scattered_share": share,
        "scattered_max_piece_m2": max((a for _, a in mine), default=0.0),
        "scattered_pass": share_met and not over,
        "reasons": _reasons(items),
    }


def _pieces_outside(projects, ids, pieces, keys, piece_area) -> list[str]:
    """Warnings for pieces lying more than 1 % (and 1 m²) outside their project's land:
    the share is taken of the project polygon, so its land should contain the pieces."""
    geoms = dict(zip(ids, np.asarray(projects.geometry.values, dtype=object), strict=True))
    piece_geoms = np.asarray(pieces.geometry.values, dtype=object)
    out = []
    for j, (pid, pc) in enumerate(keys):
        inside = shapely.area(shapely.intersection(piece_geoms[j], geoms[pid]))
        outside = piece_area[j] - inside
        if outside > max(1.0, 0.01 * piece_area[j]):
            out.append(
                f"地块 {pid}/{pc} 有 {outside:.2f} m² 位于项目用地之外（占比按项目用地面积计算）/ "
                f"piece {pid}/{pc}: {outside:.2f} m² lies outside its project's land"
            )
    return out


def swap_balance(
    pieces: gpd.GeoDataFrame,
    keys: list[tuple[str, str]] | None = None,
    piece_area: np.ndarray | None = None,
) -> pd.DataFrame:
    """N-10 置换 per ``swap_group``: area and value out vs in, their differences (in − out)
    and ratios (in / out). N-10 asks for "面积相近或价值相当" without a number: the table
    reports the numbers and judges nothing (``met`` null)."""
    if keys is None:
        keys = list(zip(_texts(pieces, "project_id"), _texts(pieces, "piece_id"), strict=True))
    if piece_area is None:
        piece_area = planimetric_areas(pieces, "pieces", "piece_id")
    group = _texts(pieces, "swap_group")
    side_raw = _texts(pieces, "swap_side")
    value = _num(pieces, "value")
    problems, side = [], []
    for (pid, pc), g, s in zip(keys, group, side_raw, strict=True):
        norm = None if s is None else _SWAP_SIDE.get(s.lower(), _SWAP_SIDE.get(s))
        if s is not None and norm is None:
            problems.append(
                f"地块 {pid}/{pc}：swap_side {s!r} 应为 out/调出 或 in/调入 / piece {pid}/{pc}: "
                f"swap_side must be out or in"
            )
        elif (g is None) != (s is None):
            problems.append(
                f"地块 {pid}/{pc}：swap_group 与 swap_side 须同时填写 / piece {pid}/{pc}: give both "
                "swap_group and swap_side, or neither"
            )
        side.append(norm)
    _raise_problems(problems, "pieces: 置换字段有误 / swap fields")

    rows = []
    for g in sorted({g for g in group if g is not None}):
        members = [j for j in range(len(keys)) if group[j] == g]
        sides = {s: [j for j in members if side[j] == s] for s in ("out", "in")}
        rows.append(_swap_row(g, members, sides, keys, piece_area, value))
    columns = [
        "swap_group",
        "project_id",
        "pieces_out",
        "pieces_in",
        "area_out_m2",
        "area_in_m2",
        "area_diff_m2",
        "area_ratio",
        "value_out",
        "value_in",
        "value_diff",
        "value_ratio",
        "reasons",
    ]
    return pd.DataFrame(rows, columns=columns)


def _swap_row(g, members, sides, keys, piece_area, value) -> dict:
    def total(js, values):
        return float(sum(values[j] for j in js)) if js else 0.0

    area_out, area_in = total(sides["out"], piece_area), total(sides["in"], piece_area)
    no_value = [f"{keys[j][0]}/{keys[j][1]}" for j in members if not _known(value[j])]
    value_out = total(sides["out"], value) if not no_value else float("nan")
    value_in = total(sides["in"], value) if not no_value else float("nan")

    def ratio(a, b):
        return a / b if _known(a) and _known(b) and b > 0 else float("nan")

    both = bool(sides["out"]) and bool(sides["in"])
    items = [
        _item(
            "swap_has_both_sides",
            "N-10",
            {"out": len(sides["out"]), "in": len(sides["in"])},
            {"out": ">=1", "in": ">=1"},
            both,
        ),
        _item(
            "swap_area_similar",
            "N-10",
            {"area_out_m2": _r(area_out), "area_in_m2": _r(area_in)},
            None,
            None,
            difference_m2=_r(area_in - area_out),
            ratio=_r(ratio(area_in, area_out), 4),
            note="“面积相近或价值相当”文件未给出数值标准，由审批判断 / N-10 gives no number "
            "for 'similar area or equal value': the approval decides",
        ),
        _item(
            "swap_value_equal",
            "N-10",
            {"value_out": _r(value_out), "value_in": _r(value_in)},
            None,
            None,
            difference=_r(value_in - value_out),
            ratio=_r(ratio(value_in, value_out), 4),
            note=(f"缺少评估价值 / no appraised value: {no_value}" if no_value else None),
        ),
    ]
    return {
        "swap_group": g,
        "project_id": ",".join(sorted({keys[j][0] for j in members})),
        "pieces_out": ",".join(keys[j][1] for j in sides["out"]),
        "pieces_in": ",".join(keys[j][1] for j in sides["in"]),
        "area_out_m2": area_out,
        "area_in_m2": area_in,
        "area_diff_m2": area_in - area_out,
        "area_ratio": ratio(area_in, area_out),
        "value_out": value_out,
        "value_in": value_in,
        "value_diff": value_in - value_out,
        "value_ratio": ratio(value_in, value_out),
        "reasons": _reasons(items),
    }


# ------------------------------------------------------------------ land price (Y-14, Y-15, N-9)


def residual_counts(old_land_class: str | None, demolition: bool | None) -> bool:
    """Y-14: the residual value of demolished structures counts only on industrial,
    warehouse, cultural or research land, and only where structures are demolished."""
    return old_land_class in RESIDUAL_CLASSES and bool(demolition)


def land_price(projects: gpd.GeoDataFrame, label: str = "projects") -> CheckResult:
    """补缴地价与缴款计划 per project (Y-14, Y-15, N-9).

    ``price_due = value_new − (value_old + residual_value)``, not below 0 (residual only
    where :func:`residual_counts`); different valuation dates → ``price_pass`` false.
    ``first_amount`` (50 %) by ``first_due_date`` = contract + 1 month, ``rest_amount`` by
    ``final_due_date`` = contract + 2 years. ``alt_price`` (N-9) where ``benchmark_price``
    and ``benchmark_ratio`` are given; ``transition_end`` (Y-15) where ``transition_start``
    is. ``price_pass`` is null when the valuation dates cannot be compared. A project with
    neither value (e.g. a public project, or one still in its transition) gets no price
    (nulls, a reason saying so); one value without the other is an input error.
    """
    ids = _project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    new, old = _num(projects, "value_new"), _num(projects, "value_old")
    residual = _num(projects, "residual_value")
    raw_class = _texts(projects, "old_land_class")
    demolition = _flags(projects, "demolition")
    date_new, date_old = (
        _dates(projects, "valuation_date_new"),
        _dates(projects, "valuation_date_old"),
    )
    contract = _dates(projects, "contract_date")
    t_start = _dates(projects, "transition_start")
    bench, ratio = _num(projects, "benchmark_price"), _num(projects, "benchmark_ratio")
    deduction_names = ("deduction_preparation", "deduction_handover", "deduction_facilities")
    deductions = {n: _num(projects, n) for n in deduction_names}

    problems, old_class = [], []
    for i, pid in enumerate(ids):
        if _known(new[i]) != _known(old[i]):
            name = "value_old" if _known(new[i]) else "value_new"
            problems.append(
                f"项目 {pid}：{name} 为空（新旧条件地价须同时填写）/ project {pid}: {name} is "
                "empty; give both values, or neither when no price is due"
            )
        for name, values in (
            ("value_new", new),
            ("value_old", old),
            ("residual_value", residual),
            ("benchmark_price", bench),
            *deductions.items(),
        ):
            if _known(values[i]) and values[i] < 0:
                problems.append(f"项目 {pid}：{name} 为负数 / project {pid}: {name} is negative")
        if _known(ratio[i]) and not 0 <= ratio[i] <= 1:
            problems.append(
                f"项目 {pid}：benchmark_ratio {ratio[i]:g} 应在 0–1 之间（30% 写 0.3）/ project "
                f"{pid}: benchmark_ratio must lie in 0–1 (30 % = 0.3)"
            )
        if _known(bench[i]) != _known(ratio[i]):
            problems.append(
                f"项目 {pid}：N-9 公示地价核算须同时填写 benchmark_price 与 benchmark_ratio / "
                f"project {pid}: give both benchmark_price and benchmark_ratio, or neither"
            )
        c = raw_class[i]
        norm = None if c is None else _OLD_CLASS.get(c.lower(), _OLD_CLASS.get(c))
        if c is not None and norm is None:
            problems.append(
                f"项目 {pid}：old_land_class {c!r} 无法识别；可用 {sorted(set(_OLD_CLASS))} / "
                f"project {pid}: old_land_class {c!r} is not one of {sorted(set(_OLD_CLASS.values()))}"
            )
        old_class.append(norm)
    _raise_problems(problems, f"{label}: 补缴地价输入有误 / land price input errors")

    out: dict[str, list] = {
        k: []
        for k in (
            "price_due",
            "first_amount",
            "first_due_date",
            "rest_amount",
            "final_due_date",
            "residual_counted",
            "alt_price",
            "transition_end",
            "price_pass",
            "reasons",
        )
    }
    for i in range(len(ids)):
        row = _price_row(
            area[i],
            new[i],
            old[i],
            residual[i],
            old_class[i],
            demolition[i],
            date_new[i],
            date_old[i],
            contract[i],
            t_start[i],
            bench[i],
            ratio[i],
            [deductions[n][i] for n in deduction_names],
        )
        for k, v in row.items():
            out[k].append(v)
    return CheckResult(
        pd.DataFrame(
            {
                "area_m2": area,
                "price_due": np.array(out["price_due"], dtype="float64"),
                "first_amount": np.array(out["first_amount"], dtype="float64"),
                "first_due_date": pd.Series(out["first_due_date"], dtype=object),
                "rest_amount": np.array(out["rest_amount"], dtype="float64"),
                "final_due_date": pd.Series(out["final_due_date"], dtype=object),
                "residual_counted": pd.array(out["residual_counted"], dtype="boolean"),
                "alt_price": np.array(out["alt_price"], dtype="float64"),
                "transition_end": pd.Series(out["transition_end"], dtype=object),
                "price_pass": pd.array(out["price_pass"], dtype="boolean"),
                "reasons": pd.Series(out["reasons"], dtype=object),
            }
        )
    )


def _difference_items(new, old, residual, old_class, demolition, date_new, date_old):
    """Y-14 price difference with its reasons: (items, due in cents, residual counted,
    same-valuation-date verdict or None when a date is missing)."""
    items = []
    counted = residual_counts(old_class, demolition)
    residual = residual if _known(residual) else 0.0
    items.append(
        _item(
            "residual_value_counted",
            "Y-14",
            {"old_land_class": old_class, "demolition": demolition, "residual_value": _r(residual)},
            {"old_land_class": list(RESIDUAL_CLASSES), "demolition": True},
            counted,
            note=(
                "附着物剩余价值计入原用途剩余年期土地价值 / residual value added to the old value"
                if counted
                else "不计残值：仅工业、仓储、文化、科研用地且涉及拆除时计入 / residual value "
                "ignored: counted only on industrial, warehouse, cultural or research land "
                "with demolition"
            ),
        )
    )
    used_residual = residual if counted else 0.0
    raw = _money(new) - (_money(old) + _money(used_residual))
    due = price_difference(new, old, used_residual)
    items.append(
        _item(
            "price_difference",
            "Y-14",
            _r(float(raw)),
            0,
            None,
            value_new=_r(new),
            value_old=_r(old),
            residual_value=_r(used_residual),
            price_due=_r(_yuan(due)),
            note=(
                "新条件地价不高于原条件：不补缴（差额不退还）/ new value not above the old: "
                "nothing due (no refund)"
                if raw <= 0
                else None
            ),
        )
    )
    if date_new is not None and date_old is not None:
        same = date_new == date_old
        items.append(
            _item(
                "same_valuation_date",
                "Y-14",
                date_new.isoformat(),
                date_old.isoformat(),
                same,
                note=None
                if same
                else "新旧条件地价须为同一估价基准日 / both values must be "
                "appraised at the same base date",
            )
        )
        passed = same
    else:
        items.append(
            _item(
                "same_valuation_date",
                "Y-14",
                None if date_new is None else date_new.isoformat(),
                None if date_old is None else date_old.isoformat(),
                None,
                note="估价基准日缺失，无法核对是否同一基准日 / a valuation date is missing: "
                "the same base date cannot be verified",
            )
        )
        passed = None
    return items, due, counted, passed


def _schedule_item(contract, first, rest, first_date, final_date) -> dict:
    """Y-15 instalments: 50 % within one month of the contract, the rest within two years."""
    return _item(
        "instalment_schedule",
        "Y-15",
        {
            "contract_date": None if contract is None else contract.isoformat(),
            "first_amount": _r(_yuan(first)),
            "first_due_date": None if first_date is None else first_date.isoformat(),
            "rest_amount": _r(_yuan(rest)),
            "final_due_date": None if final_date is None else final_date.isoformat(),
        },
        {
            "first_share": float(FIRST_SHARE),
            "months": FIRST_DUE_MONTHS,
            "years": FINAL_DUE_YEARS,
        },
        None,
        note="签订合同后一个月内缴纳 50%，其余两年内缴清；无对应日取月末日"
        + (
            ""
            if contract is not None
            else "；合同签订日缺失，未排缴款日期 / contract_date missing: no due dates"
        ),
    )


def _price_row(
    area,
    new,
    old,
    residual,
    old_class,
    demolition,
    date_new,
    date_old,
    contract,
    t_start,
    bench,
    ratio,
    deductions,
) -> dict:
    if not (_known(new) or _known(old)):
        items = [
            _item(
                "price_difference",
                "Y-14",
                None,
                None,
                None,
                note="未填写新旧条件地价：不核算补缴地价（如公益项目或过渡期内）/ no appraisal "
                "given: no price difference computed",
            )
        ]
        due = counted = passed = None
    else:
        items, due, counted, passed = _difference_items(
            new, old, residual, old_class, demolition, date_new, date_old
        )
    first = rest = first_date = final_date = None
    if due is not None:
        first, rest = instalments(due)
        if contract is not None:
            first_date, final_date = payment_schedule(contract)
        items.append(_schedule_item(contract, first, rest, first_date, final_date))

    alt = None
    if _known(bench) and _known(ratio):
        used = [d if _known(d) else 0.0 for d in deductions]
        alt = benchmark_alternative(bench, ratio, area, used)
        items.append(
            _item(
                "benchmark_price_alternative",
                "N-9",
                _r(_yuan(alt)),
                None,
                None,
                benchmark_price=_r(bench),
                benchmark_ratio=_r(ratio, 6),
                area_m2=_r(area),
                deductions={
                    "preparation": _r(used[0]),
                    "handover": _r(used[1]),
                    "facilities": _r(used[2]),
                },
                note="公示地价×比例×面积−土地整理、移交公益性用地或建筑、配建设施扣减，不低于 0；"
                "与地价差额并列供决策 / alternative, reported beside price_due",
            )
        )
    end = None
    if t_start is not None:
        end = transition_end(t_start)
        items.append(
            _item(
                "transition_period",
                "Y-15",
                t_start.isoformat(),
                end.isoformat(),
                None,
                years=TRANSITION_YEARS,
                note="新产业新业态利用存量房屋：按原用途和权利类型使用 5 年，暂不变更用途、不补缴地价；"
                "期满日 = 起始日 + 5 年（起始日不计入，《民法典》第二百零一、二百零二条）/ "
                "5-year transition with the original use; ends on start + 5 years",
            )
        )
    return {
        "price_due": _yuan(due),
        "first_amount": _yuan(first),
        "first_due_date": first_date,
        "rest_amount": _yuan(rest),
        "final_due_date": final_date,
        "residual_counted": counted,
        "alt_price": _yuan(alt),
        "transition_end": end,
        "price_pass": passed,
        "reasons": _reasons(items),
    }
