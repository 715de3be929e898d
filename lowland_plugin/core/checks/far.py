"""容积率核定 (Y-4, N-1) per project of the project template (``projects`` layer in
canonical fields, as :func:`lowland_plugin.core.common.mapping.template_frame` gives it).

Y-4 (银川实施意见（四）), each part in one function:

* add-ons (``gfa_addon``: lifts, stairs, corridors… 在既有住宅建筑上增设) are not counted
  only when ``existing_housing`` is recorded true; otherwise they are counted and the
  reason says why;
* floor area handed over free (``gfa_handover``) is compensated (× the profile's
  ``handover_factor``) for the categories of ``handover_by_category`` that are on the
  profile's ``handover_categories`` list; the text says "等", so a category off the list
  is reported, not refused, and not compensated; a handover with no categories is not
  compensated ("类别未填写，未补齐");
* a ``public_project`` (市政基础设施、公共服务设施、公共安全设施) is not limited by the
  planned FAR only when ``no_harm_neighbours``, ``no_harm_traffic`` and
  ``no_harm_buildings`` are all recorded true; its commercial part (``gfa_commercial``,
  不含商业开发类经营性项目) is still checked against the planned FAR. A condition recorded
  false → the planned FAR applies; one unknown → the condition is not tested (met None)
  and the project passes only if it is within the planned FAR anyway.

Limits are inclusive and compared exactly up to a relative 1e-9. Every verdict carries
``reasons`` citing the profile value used; a run using a pending or local-choice value
warns once, naming it.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.profiles import Profile, load_profile
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

#: Y-4 public-project conditions (不影响周边居住环境、交通出行及既有建筑安全).
NO_HARM_FIELDS = ("no_harm_neighbours", "no_harm_traffic", "no_harm_buildings")


# Floor areas: one project (float) or a column of projects (np.ndarray), elementwise.
Area = TypeVar("Area", float, np.ndarray)


def counted_gfa(gfa_proposed: Area, gfa_addon: Area) -> Area:
    """Y-4: add-on facilities on existing housing are not counted in FAR (``gfa_addon``
    here is the part not counted: 0 unless on existing housing)."""
    return gfa_proposed - gfa_addon


def allowed_gfa(far_max: Area, area_m2: Area, gfa_compensated: Area) -> Area:
    """Y-4: planned FAR × land area, plus the compensated handed-over floor area."""
    return far_max * area_m2 + gfa_compensated


def handover_categories(text: str | None) -> dict[str, float] | None:
    """``handover_by_category`` JSON → {category: m²}; raises ValueError saying what is
    wrong (any category name is accepted: the profile decides which are compensated)."""
    if text is None or not str(text).strip():
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"不是 JSON / not JSON ({err.msg})") from err
    if not isinstance(data, dict):
        raise ValueError("应为 JSON 对象 {类别: 面积} / must be a JSON object {category: m²}")
    out = {}
    for key, value in data.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"{key} 的面积应为非负数值 / {key}: area must be a number ≥ 0")
        out[str(key)] = float(value)
    return out


def compensated_handover(
    handover: float, categories: dict[str, float] | None, profile: Profile
) -> tuple[float, Reason]:
    """Y-4 按贡献建筑面积补齐: (compensated m², reason). Only the listed categories
    (profile ``handover_categories``) are compensated, × ``handover_factor``; categories
    off the list are reported; no categories → not compensated."""
    listed = tuple(profile.value("handover_categories"))
    factor = float(profile.value("handover_factor"))
    source = f"{profile.cite('handover_categories')}; {profile.cite('handover_factor')}"
    if handover <= 0:
        return 0.0, reason(
            "gfa_handover_compensated", "Y-4", 0.0, None, None, source=source, by_category=None
        )
    if categories is None:
        return 0.0, reason(
            "gfa_handover_compensated",
            "Y-4",
            rounded(handover),
            list(listed),
            False,
            source=source,
            compensated=0.0,
            note="类别未填写，未补齐：按贡献建筑面积补齐限于义务教育、医疗卫生、养老服务、社区服务、"
            "市政公用等公益性设施和公共开放空间，请填写 handover_by_category / no category "
            "given: not compensated; fill in handover_by_category",
        )
    eligible = sum(a for c, a in categories.items() if c in listed)
    unknown = sorted(c for c in categories if c not in listed)
    compensated = eligible * factor
    note = f"清单内类别按贡献建筑面积 × {factor:g} 补齐 / listed categories × {factor:g}"
    if unknown:
        note += (
            f"；类别 {unknown} 不在清单内（原文为“等”），未补齐，请核实 / categories "
            f"{unknown} are not on the list: not compensated, to be checked"
        )
    return compensated, reason(
        "gfa_handover_compensated",
        "Y-4",
        rounded(handover),
        list(listed),
        not unknown,
        source=source,
        by_category=categories,
        compensated=rounded(compensated),
        unlisted=unknown or None,
        factor=factor,
        note=note,
    )


def addon_not_counted(addon: float, existing_housing: bool | None) -> tuple[float, Reason]:
    """Y-4 增设附属设施: (m² not counted, reason): only on existing housing."""
    exempt = addon if existing_housing is True and addon > 0 else 0.0
    if addon <= 0:
        note = None
    elif existing_housing is True:
        note = (
            "既有住宅加装电梯、楼梯、公共走廊、无障碍、保温等非经营性附属设施面积不计容 / "
            "add-on facilities on existing housing are not counted in FAR"
        )
    else:
        note = (
            "非既有住宅（existing_housing 为否或未填写），加装面积计入容积率 / not recorded "
            "as existing housing (existing_housing false or empty): the add-on is counted"
        )
    return exempt, reason(
        "gfa_addon_not_counted",
        "Y-4",
        {"gfa_addon": rounded(addon), "existing_housing": existing_housing},
        {"existing_housing": True},
        None if addon <= 0 else existing_housing is True,
        note=note,
    )


def public_conditions(values: dict[str, bool | None]) -> tuple[bool | None, Reason]:
    """Y-4 public project: uncapped only when no harm to neighbours, traffic and
    buildings is recorded (True all recorded true; False one false; None unknown)."""
    if any(v is False for v in values.values()):
        met: bool | None = False
    elif all(v is True for v in values.values()):
        met = True
    else:
        met = None
    note = {
        True: "前提均已记录满足：不受原规划容积率限制（商业部分除外）/ conditions recorded: "
        "not limited by the planned FAR (commercial part excepted)",
        False: "前提不满足：按规划容积率核定 / a condition is not met: the planned FAR applies",
        None: "前提未记录，不作检验；按规划容积率核定 / conditions not recorded: not tested; "
        "the planned FAR applies",
    }[met]
    return met, reason(
        "public_project_uncapped",
        "Y-4",
        values,
        dict.fromkeys(values, True),
        met,
        note="市政基础设施、公共服务设施、公共安全设施项目（不含经营性项目），在不影响周边居住环境、"
        "交通出行及既有建筑安全的前提下不受原规划容积率限制 / not limited by the planned FAR, "
        "subject to no harm to neighbours, traffic and building safety; " + note,
    )


def _value_problems(
    pid: str, proposed, far_max, addon, handover, public, commercial=math.nan
) -> list[str]:
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
        ("gfa_commercial", commercial),
    ):
        if is_known(value) and value < 0:
            problems.append(f"项目 {pid}：{name} 为负数 / project {pid}: {name} is negative")
    if is_known(proposed) and addon > proposed:
        problems.append(
            f"项目 {pid}：gfa_addon {addon:g} 大于 gfa_proposed {proposed:g}（拟建总面积应含"
            f"加装部分）/ project {pid}: gfa_addon exceeds gfa_proposed (which includes it)"
        )
    if is_known(proposed) and is_known(commercial) and commercial > proposed:
        problems.append(
            f"项目 {pid}：gfa_commercial {commercial:g} 大于 gfa_proposed {proposed:g}（拟建总面积应"
            f"含商业部分）/ project {pid}: gfa_commercial exceeds gfa_proposed (which includes it)"
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
            listing = ", ".join(f"{c}: {a:g}" for c, a in cats.items())
            problems.append(
                f"项目 {pid}：handover_by_category {{{listing}}} 合计 {total:g} m² ≠ gfa_handover "
                f"{given:g} m²"
                f"（Y-4 按类别移交面积之和须等于移交总面积）/ project {pid}: handover_by_category "
                f"adds up to {total:g} m², gfa_handover is {given:g} m²; correct one of them"
            )
    return cats


def _cap_reason(counted, allowed, far_counted, far_max, area, compensated, note=None) -> Reason:
    met = bool(within(counted, allowed)) if is_known(allowed) else None
    return reason(
        "gfa_counted_within_allowed",
        "Y-4",
        rounded(counted),
        rounded(allowed),
        met,
        far_counted=rounded(far_counted, 4),
        far_max=rounded(far_max, 4),
        area_m2=rounded(area),
        gfa_compensated=rounded(compensated),
        note=note,
    )


def _public_verdict(
    conditions: bool | None, cap: Reason, commercial: float, allowed: float
) -> tuple[bool | None, list[Reason]]:
    """Y-4 public project: uncapped when the conditions are recorded true, except its
    commercial part, which is checked against the planned FAR; otherwise the planned FAR
    decides (a pass within it stands; above it: fail when a condition is false, unknown
    when one is not recorded)."""
    if conditions is True:
        if not is_known(commercial) or commercial <= 0:
            note = "仅供参考：公益项目不受规划容积率限制 / for information only"
            return True, [replace(cap, extra={**cap.extra, "note": note})]
        met = bool(within(commercial, allowed)) if is_known(allowed) else None
        item = reason(
            "commercial_part_within_planned_far",
            "Y-4",
            rounded(commercial),
            rounded(allowed),
            met,
            note="商业开发类经营性部分不享受不受容积率限制，按规划容积率核定 / the commercial "
            "part is checked against the planned FAR",
        )
        return met, [cap, item]
    if cap.met is True:
        return True, [cap]
    return (False if conditions is False and cap.met is False else None), [cap]


def far_check(
    projects: gpd.GeoDataFrame, label: str = "projects", profile: Profile | None = None
) -> CheckResult:
    """容积率核定 per project (Y-4, N-1); rules: module docstring.

    ``gfa_counted = gfa_proposed − gfa_addon`` (on existing housing only);
    ``gfa_allowed = far_max × area_m2 + gfa_compensated``; ``gfa_margin = allowed −
    counted``; ``far_pass`` = counted ≤ allowed, or the public-project verdict. Missing
    ``gfa_addon``/``gfa_handover`` count as 0. All input problems are collected and raised
    together. ``profile``: handover categories and factor (default profile when None).
    """
    profile = profile or load_profile("default")
    ids = project_ids(projects, label)
    area = planimetric_areas(projects, label, "project_id")
    proposed = numbers(projects, "gfa_proposed")
    addon = np.nan_to_num(numbers(projects, "gfa_addon"), nan=0.0)
    handover = numbers(projects, "gfa_handover")
    far_max = numbers(projects, "far_max")
    commercial = numbers(projects, "gfa_commercial")
    public = flags(projects, "public_project")
    housing = flags(projects, "existing_housing")
    no_harm = {f: flags(projects, f) for f in NO_HARM_FIELDS}
    categories_text = texts(projects, "handover_by_category")

    problems: list[str] = []
    categories: list[dict | None] = []
    for i, pid in enumerate(ids):
        problems += zero_area_problems([pid], [area[i]])
        problems += _value_problems(
            pid, proposed[i], far_max[i], addon[i], handover[i], public[i], commercial[i]
        )
        categories.append(_categories(pid, categories_text[i], handover[i], problems))
    raise_problems(problems, f"{label}: 容积率核定输入有误 / FAR check input errors")

    handover = np.nan_to_num(handover, nan=0.0)
    rows, warnings = [], []
    for i, pid in enumerate(ids):
        exempt, addon_item = addon_not_counted(float(addon[i]), housing[i])
        compensated, handover_item = compensated_handover(
            float(handover[i]), categories[i], profile
        )
        counted = counted_gfa(float(proposed[i]), exempt)
        allowed = (
            math.nan
            if math.isnan(far_max[i])
            else allowed_gfa(float(far_max[i]), float(area[i]), compensated)
        )
        far_counted = counted / area[i]
        cap = _cap_reason(counted, allowed, far_counted, far_max[i], area[i], compensated)
        items = [addon_item, handover_item]
        if public[i]:
            met, cond_item = public_conditions({f: no_harm[f][i] for f in NO_HARM_FIELDS})
            passed, more = _public_verdict(met, cap, commercial[i], allowed)
            items += [*more, cond_item]
        else:
            passed, items = cap.met, [*items, cap]
        if handover_item.met is False:
            unlisted = handover_item.extra.get("unlisted")
            why = f"类别 {unlisted} 不在清单内" if unlisted else "类别未填写"
            warnings.append(
                f"项目 {pid}：无偿移交面积 {handover[i]:g} m² 未全部补齐（{why}）/ project {pid}: "
                f"handed-over area not (fully) compensated ({unlisted or 'no category'})"
            )
        rows.append(
            {
                "area_m2": area[i],
                "gfa_counted": counted,
                "gfa_compensated": compensated,
                "gfa_allowed": allowed,
                "gfa_margin": allowed - counted,
                "far_counted": far_counted,
                "far_pass": passed,
                "reasons": reasons_json(items),
            }
        )
    table = pd.DataFrame(rows, columns=list(_COLUMNS))
    table["far_pass"] = pd.array(table["far_pass"].tolist(), dtype="boolean")
    pending = profile.pending(("handover_categories", "handover_factor"))
    if pending:
        warnings.insert(0, "Y-4 使用未经采用的取值 / values not adopted: " + "；".join(pending))
    return CheckResult(table, None, [], warnings)


_COLUMNS = (
    "area_m2",
    "gfa_counted",
    "gfa_compensated",
    "gfa_allowed",
    "gfa_margin",
    "far_counted",
    "far_pass",
    "reasons",
)
