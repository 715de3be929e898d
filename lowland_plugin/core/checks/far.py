"""容积率核定 (Y-4, N-1) per project of the project template (``projects`` layer in
canonical fields, as :func:`lowland_plugin.core.common.mapping.template_frame` gives it).

Y-4: add-on facilities on existing housing are not counted in FAR; floor area handed
over free to the government (public facilities, open space) is added 1:1 to the
allowed floor area; public projects (municipal infrastructure, public service and
public safety facilities) are not limited by the planned FAR. Limits are inclusive
and compared exactly up to a relative 1e-9. Every verdict carries ``reasons``.
"""

from __future__ import annotations

import json
import math
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.reasons import Reason, reason, reasons_json
from ..common.values import flags, is_known, numbers, rounded, texts
from .common import (
    EPS,
    CheckResult,
    planimetric_areas,
    project_ids,
    raise_problems,
    within,
    zero_area_problems,
)

#: Y-4: categories of public facilities whose handed-over floor area is compensated 1:1.
HANDOVER_CATEGORIES = ("education", "health", "elderly", "community", "utility", "open_space")


# Floor areas: one project (float) or a column of projects (np.ndarray), elementwise.
Area = TypeVar("Area", float, np.ndarray)


def counted_gfa(gfa_proposed: Area, gfa_addon: Area) -> Area:
    """Y-4: add-on facilities on existing housing are not counted in FAR."""
    return gfa_proposed - gfa_addon


def allowed_gfa(far_max: Area, area_m2: Area, gfa_handover: Area) -> Area:
    """Y-4: planned FAR × land area, plus the handed-over floor area compensated 1:1."""
    return far_max * area_m2 + gfa_handover


def handover_categories(text: str | None) -> dict[str, float] | None:
    """``handover_by_category`` JSON → {category: m²} (Y-4 categories); raises ValueError
    saying what is wrong."""
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


def _value_problems(pid: str, proposed, far_max, addon, handover, public) -> list[str]:
    """Empty or negative input values of one project (N-1: the numbers Y-4 needs)."""
    problems = []
    if not is_known(proposed):
        problems.append(
            f"项目 {pid}：gfa_proposed（拟建总建筑面积）为空 / project {pid}: gfa_proposed is empty"
        )
    if not is_known(far_max) and not public:
        problems.append(
            f"项目 {pid}：far_max（规划容积率上限）为空，且非公益项目（public_project）/ "
            f"project {pid}: far_max is empty and the project is not a public project"
        )
    for name, value in (
        ("far_max", far_max),
        ("gfa_proposed", proposed),
        ("gfa_addon", addon),
        ("gfa_handover", handover),
    ):
        if is_known(value) and value < 0:
            problems.append(f"项目 {pid}：{name} 为负数 / project {pid}: {name} is negative")
    if is_known(proposed) and addon > proposed:
        problems.append(
            f"项目 {pid}：gfa_addon {addon:g} 大于 gfa_proposed {proposed:g}（拟建总面积应含"
            f"加装部分）/ project {pid}: gfa_addon exceeds gfa_proposed (which includes it)"
        )
    return problems


def _categories(pid: str, text: str | None, handover, problems: list[str]) -> dict | None:
    """Y-4 handed-over area by category of one project; a broken JSON or a sum other
    than ``gfa_handover`` is added to ``problems``."""
    try:
        cats = handover_categories(text)
    except ValueError as err:
        problems.append(f"项目 {pid}：handover_by_category {err} / project {pid}")
        return None
    if cats is not None:
        total = sum(cats.values())
        given = handover if is_known(handover) else 0.0
        if not math.isclose(total, given, rel_tol=EPS, abs_tol=1e-9):
            problems.append(
                f"项目 {pid}：handover_by_category 合计 {total:g} m² ≠ gfa_handover {given:g} m²"
                f"（Y-4 按类别移交面积之和须等于移交总面积）/ project {pid}: handover_by_category "
                f"adds up to {total:g} m², gfa_handover is {given:g} m²; correct one of them"
            )
    return cats


def _far_reasons(
    proposed, addon, counted, handover, categories, allowed, far_counted, far_max, area, public
) -> tuple[bool, list[Reason]]:
    """Y-4 verdict of one project and its reasons: counted floor area within the allowed
    (add-ons not counted, handover added 1:1), or uncapped for a public project."""
    items = [
        reason(
            "gfa_addon_not_counted",
            "Y-4",
            {"gfa_proposed": rounded(proposed), "gfa_addon": rounded(addon)},
            None,
            None,
            note="既有住宅加装电梯、楼梯、公共走廊、无障碍、保温等非经营性附属设施面积不计容"
            " / add-on facilities on existing housing are not counted in FAR",
            gfa_counted=rounded(counted),
        ),
        reason(
            "gfa_handover_compensated",
            "Y-4",
            rounded(handover),
            None,
            None,
            note="无偿移交政府的公益性设施和公共开放空间按贡献建筑面积 1:1 补齐"
            " / floor area handed over free is added 1:1 to the allowed floor area",
            by_category=categories,
        ),
    ]
    cap_met = bool(within(counted, allowed)) if is_known(allowed) else None

    def cap(note: str | None = None) -> Reason:
        return reason(
            "gfa_counted_within_allowed",
            "Y-4",
            rounded(counted),
            rounded(allowed),
            cap_met,
            far_counted=rounded(far_counted, 4),
            far_max=rounded(far_max, 4),
            area_m2=rounded(area),
            gfa_handover=rounded(handover),
            note=note,
        )

    if not public:
        return bool(cap_met), [*items, cap()]
    items.append(
        reason(
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
        items.append(cap("仅供参考：公益项目不受规划容积率限制 / for information only"))
    return True, items


def far_check(projects: gpd.GeoDataFrame, label: str = "projects") -> CheckResult:
    """容积率核定 per project (Y-4, N-1).

    ``gfa_counted = gfa_proposed − gfa_addon``; ``gfa_allowed = far_max × area_m2 +
    gfa_handover``; ``gfa_margin = allowed − counted``; ``far_pass`` = counted ≤ allowed,
    or true (uncapped) for a ``public_project``. Missing ``gfa_addon``/``gfa_handover``
    count as 0. All input problems are collected and raised together.
    """
    ids = project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    proposed = numbers(projects, "gfa_proposed")
    addon = np.nan_to_num(numbers(projects, "gfa_addon"), nan=0.0)
    handover = numbers(projects, "gfa_handover")
    far_max = numbers(projects, "far_max")
    public = flags(projects, "public_project")
    categories_text = texts(projects, "handover_by_category")

    problems: list[str] = []
    categories: list[dict | None] = []
    for i, pid in enumerate(ids):
        problems += zero_area_problems([pid], [area[i]])
        problems += _value_problems(pid, proposed[i], far_max[i], addon[i], handover[i], public[i])
        categories.append(_categories(pid, categories_text[i], handover[i], problems))
    raise_problems(problems, f"{label}: 容积率核定输入有误 / FAR check input errors")

    handover = np.nan_to_num(handover, nan=0.0)
    counted = counted_gfa(proposed, addon)
    allowed = np.where(np.isnan(far_max), np.nan, allowed_gfa(far_max, area, handover))
    margin = allowed - counted
    far_counted = counted / area
    passed, reasons = [], []
    for i in range(len(ids)):
        ok, items = _far_reasons(
            proposed[i],
            addon[i],
            counted[i],
            handover[i],
            categories[i],
            allowed[i],
            far_counted[i],
            far_max[i],
            area[i],
            public[i],
        )
        passed.append(ok)
        reasons.append(reasons_json(items))
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
