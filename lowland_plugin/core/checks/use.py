"""用途转变路径 (Y-11) and 存量建筑功能转换 (Y-12, N-11): which procedure a project or a
building needs, with the condition that decided. Pure Python + pandas, no QGIS.

Y-11 (银川实施意见（十一）): provided the detailed plan's mandatory controls are kept,
no public or neighbour interest is harmed and the land user and the planning
conditions stay the same (the four ``PRECONDITIONS``, all ``True``), three switches
may go through 详细规划动态维护 (technical correction):

- ``level3_switch``: 建设用地 (2023 classes 07–16) whose 二级类 stays the same and only
  the 三级类 changes (``100101 → 100102``);
- ``business_to_public``: 经营性 → 公益性, the two code sets in
  ``resources/codes/use_character.csv`` (with their sources);
- ``class_one_industry_logistics``: 一类工业 ↔ 一类物流仓储 (``100101 ↔ 110101``).

A new (main) use equal to the original use is managed as the original use
(``original_use``); anything else is the formal use-change procedure
(``formal_change``). A precondition that is false or missing (never guessed) keeps a
listed switch out of plan maintenance. ``land_management`` answers the clause's last
sentence separately: main use and original use in the same 二级类 → managed as the
original use, otherwise the land use-change procedure.

Y-12 (银川实施意见（十二）; 自然资发〔2023〕171号 第11项): a building (幢/栋) or floor may
change function only if every condition in ``CONVERSION_CONDITIONS`` holds and no
floor area is added; then a new function in the profile's positive list, converting
no more than ``max_ratio`` of the building's floor area (inclusive), is treated as
plan-conforming (joint review opinion); beyond the list or the ratio the formal use
change applies. Historic buildings and conservation areas follow the heritage rules
in addition (``heritage_rules``), whatever the status.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterable
from functools import cache

import pandas as pd

from ..common import codes
from ..common.errors import LowlandInputError
from ..common.resources import resource_path
from .common import _item, _known

CLAUSE_USE = "Y-11"
CLAUSE_CONVERSION = "Y-12"

#: 一类工业 ↔ 一类物流仓储 (Y-11, named in the clause).
CLASS_ONE_SWAP = frozenset({"100101", "110101"})
#: Level-1 classes of 建设用地 in the 2023 classification (07 居住 … 16 留白). Of the other
#: classes only 06 农业设施建设用地 has 三级类, and it counts as 农用地 (指南 三大类对照).
CONSTRUCTION_LEVEL1 = frozenset(f"{n:02d}" for n in range(7, 17))
#: The switches Y-11 lets through 详细规划动态维护.
SWITCH_TYPES = ("level3_switch", "business_to_public", "class_one_industry_logistics")
#: Y-11 preconditions (all must be true).
PRECONDITIONS = (
    "mandatory_controls_kept",
    "no_public_harm",
    "same_land_user",
    "same_planning_conditions",
)
#: Y-12 conditions in the order of the clause: field → the value it must have.
CONVERSION_CONDITIONS = {
    "applicant_is_user": True,
    "contract_honoured": True,
    "user_unchanged": True,
    "structure_changed": False,
    "height_changed": False,
    "illegal": False,
    "advance_notice": False,
    "seized": False,
    "objection": False,
    "in_expropriation_area": False,
    "court_ruling": False,
}
#: Y-12 statuses, best first.
CONVERSION_STATUSES = ("eligible_plan_conforming", "formal_use_change", "not_eligible", "missing")

ProgressFn = Callable[[float], None] | None


# --------------------------------------------------------------------------- helpers


@cache
def _characters() -> dict[str, str | None]:
    """prefix → 'business' | 'public' | None (``none`` rows: deliberately in neither set)."""
    with resource_path("codes", "use_character.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    table: dict[str, str | None] = {}
    for row in rows:
        prefix, character = row["prefix"].strip(), row["character"].strip()
        if character not in ("business", "public", "none"):
            raise ValueError(f"use_character.csv: character {character!r} of {prefix}")
        if codes.unknown_codes([prefix], table="landuse_2023"):
            raise ValueError(f"use_character.csv: {prefix} is no 2023 code")
        table[prefix] = None if character == "none" else character
    return table


def use_character(code: str) -> str | None:
    """'business' (经营性), 'public' (公益性) or None for a 2023 use code; the longest
    prefix of ``use_character.csv`` decides."""
    for prefix, character in sorted(_characters().items(), key=lambda kv: -len(kv[0])):
        if code.startswith(prefix):
            return character
    return None


def _level2(code: str) -> str:
    """The 二级类 of a code of level ≥ 2 (a level-1 class without 二级类 is its own)."""
    return code[:4] if len(code) >= 4 else code


def _has_children(code: str) -> bool:
    return bool((codes.landuse_table()["parent"] == code).any())


def _ids(frame: pd.DataFrame, key: str, mask) -> list[str]:
    ids = frame[key] if key in frame.columns else pd.Series(frame.index, index=frame.index)
    return [str(v) for v in ids[mask].tolist()]


def _progress(progress: ProgressFn, i: int, n: int) -> None:
    if progress is not None and n and (i % 200 == 0 or i == n - 1):
        progress(100.0 * (i + 1) / n)


# --------------------------------------------------------------------------- Y-11


def switch_type(old: str, new: str) -> str | None:
    """Which Y-11 switch ``old → new`` (normalised 2023 codes) is, if any."""
    if old == new:
        return None
    if old[:2] in CONSTRUCTION_LEVEL1 and len(old) >= 4 and _level2(old) == _level2(new):
        return "level3_switch"
    if {old, new} == CLASS_ONE_SWAP:
        return "class_one_industry_logistics"
    if use_character(old) == "business" and use_character(new) == "public":
        return "business_to_public"
    return None


def _switch_text(old: str, new: str) -> str:
    names = codes.landuse_table()["name"]
    return (
        f"{old} {names[old]} → {new} {names[new]}：不属于二级类不变仅三级类转换、经营性调整为公益性、"
        f"一类工业与一类物流仓储互调 / {old} → {new} is none of the switches Y-11 lets through "
        f"plan maintenance (old {use_character(old) or 'neither'}, new "
        f"{use_character(new) or 'neither'} in use_character.csv)"
    )


_SWITCH_ZH = {
    "level3_switch": "二级类不变仅三级类转换",
    "business_to_public": "经营性用地调整为公益性用地",
    "class_one_industry_logistics": "一类工业与一类物流仓储用地互调",
}


def use_change_pathway(project: dict) -> dict:
    """Pathway of one project from normalised, known codes ``old_use_code`` and
    ``new_use_code`` and the four precondition flags (True/False/None).

    Returns ``pathway``, ``switch_type``, ``land_management``, ``failed`` and
    ``missing`` (precondition names), ``decided_by`` (zh / en) and ``reasons``.
    """
    old, new = project["old_use_code"], project["new_use_code"]
    reasons = [_item("use_codes", CLAUSE_USE, {"old": old, "new": new}, None, None)]
    same_level2 = _level2(old) == _level2(new)
    management = "original_use" if same_level2 else "use_change_procedure"
    reasons.append(_item("main_use_equals_original", CLAUSE_USE, new, old, old == new))
    reasons.append(_item("same_level2_class", CLAUSE_USE, _level2(new), _level2(old), same_level2))
    kind = switch_type(old, new)
    if old != new:
        reasons.append(
            _item("listed_switch", CLAUSE_USE, kind, list(SWITCH_TYPES), kind is not None)
        )
    missing, failed = [], []
    for name in PRECONDITIONS:
        value = project.get(name)
        if not _known(value):
            missing.append(name)
            reasons.append(_item(name, CLAUSE_USE, None, True, None))
        else:
            reasons.append(_item(name, CLAUSE_USE, bool(value), True, bool(value)))
            if not bool(value):
                failed.append(name)
    result = {
        "switch_type": kind,
        "land_management": management,
        "failed": failed,
        "missing": missing,
        "reasons": reasons,
    }
    if old == new:
        decided = "新用途与原用途一致，按原用途管理 / the new use equals the original use"
        return {**result, "pathway": "original_use", "decided_by": decided}
    if kind is None:
        return {**result, "pathway": "formal_change", "decided_by": _switch_text(old, new)}
    if not failed and not missing:
        decided = f"{_SWITCH_ZH[kind]}，前提条件均满足 / {kind}, all four preconditions hold"
        return {**result, "pathway": "dynamic_maintenance", "decided_by": decided}
    zh, en = [], []
    if failed:
        zh.append(f"前提条件不满足：{', '.join(failed)}")
        en.append(f"precondition not met: {', '.join(failed)}")
    if missing:
        zh.append(f"前提条件未填写（不作推测）：{', '.join(missing)}")
        en.append(f"precondition missing (not guessed): {', '.join(missing)}")
    decided = f"{_SWITCH_ZH[kind]}，但{'；'.join(zh)} / {kind}, but {'; '.join(en)}"
    return {**result, "pathway": "formal_change", "decided_by": decided}


def _use_codes(projects: pd.DataFrame, column: str) -> list[str | None]:
    return [codes.normalize_landuse_code(v) for v in projects[column].astype(object).tolist()]


def use_change_table(projects: pd.DataFrame, progress: ProgressFn = None) -> pd.DataFrame:
    """:func:`use_change_pathway` for every project (rows in order).

    A project with neither code gets no pathway (nothing to decide); one code alone,
    a code unknown to the 2023 classification or a level-1 code that has 二级类 is
    refused, naming the projects and codes.
    """
    for column in ("old_use_code", "new_use_code"):
        if column not in projects.columns:
            raise LowlandInputError(
                f"项目图层缺少字段 {column}（2023 用地用海代码）/ the projects lack the field {column}"
            )
    old, new = _use_codes(projects, "old_use_code"), _use_codes(projects, "new_use_code")
    one_only = [(a is None) != (b is None) for a, b in zip(old, new, strict=True)]
    if any(one_only):
        ids = _ids(projects, "project_id", pd.Series(one_only, index=projects.index))
        raise LowlandInputError(
            f"项目 {ids} 只填写了原用途或新用途代码之一（old_use_code、new_use_code 须同时填写）/ "
            f"projects {ids} have only one of old_use_code and new_use_code"
        )
    bad, coarse = [], []
    keys = set(codes.landuse_table().index)
    ids = _ids(projects, "project_id", pd.Series(True, index=projects.index))
    for pid, a, b in zip(ids, old, new, strict=True):
        for column, code in (("old_use_code", a), ("new_use_code", b)):
            if code is None:
                continue
            if code not in keys:
                bad.append(f"{pid}.{column}={code}")
            elif len(code) == 2 and _has_children(code):
                coarse.append(f"{pid}.{column}={code}")
    if bad:
        raise LowlandInputError(
            f"用途代码不在用地用海分类（2023）中：{bad}（resources/codes/landuse_2023.csv）/ "
            f"use codes not in the 2023 classification: {bad}"
        )
    if coarse:
        raise LowlandInputError(
            f"用途代码只到一级类，无法判断二级类、三级类：{coarse}，请填写二级类或三级类代码（如 0901）/ "
            f"level-1 codes cannot decide a 二级类 or 三级类 switch: {coarse}; give the 二级类 "
            "or 三级类 code (e.g. 0901)"
        )
    records = projects.to_dict("records")
    rows = []
    for i, (record, a, b) in enumerate(zip(records, old, new, strict=True)):
        if a is None:
            rows.append(
                {
                    "pathway": None,
                    "switch_type": None,
                    "land_management": None,
                    "failed": [],
                    "missing": ["old_use_code", "new_use_code"],
                    "decided_by": "未填写原用途和新用途代码，不判定 / no use codes: nothing to decide",
                    "reasons": [_item("use_codes", CLAUSE_USE, None, None, None)],
                }
            )
        else:
            rows.append(use_change_pathway({**record, "old_use_code": a, "new_use_code": b}))
        _progress(progress, i, len(records))
    return pd.DataFrame(
        {
            "usechange_pathway": [r["pathway"] for r in rows],
            "switch_type": [r["switch_type"] for r in rows],
            "land_management": [r["land_management"] for r in rows],
            "failed_conditions": [", ".join(r["failed"]) or None for r in rows],
            "missing_conditions": [", ".join(r["missing"]) or None for r in rows],
            "decided_by": [r["decided_by"] for r in rows],
            "reasons": [json.dumps(r["reasons"], ensure_ascii=False) for r in rows],
        },
        index=range(len(rows)),
    )


# --------------------------------------------------------------------------- Y-12


def positive_list_codes(positive_list: Iterable[object]) -> list[str]:
    """The profile's positive list as normalised 2023 codes (or prefixes); refuses
    entries that are no 2023 code."""
    entries = [codes.normalize_landuse_code(p) for p in positive_list]
    bad = [str(p) for p, e in zip(positive_list, entries, strict=True) if e is None]
    bad += codes.unknown_codes([e for e in entries if e is not None], table="landuse_2023")
    if bad:
        raise LowlandInputError(
            f"规则档案 conversion.positive_list 中的 {bad} 不是用地用海分类（2023）代码 / "
            f"positive-list entries {bad} are no 2023 use codes"
        )
    return entries


def conversion_status(unit: dict, positive_list: Iterable[str], max_ratio: float) -> dict:
    """Eligibility of one building or floor (Y-12). ``unit``: the template fields with
    ``new_function`` normalised; ``positive_list`` as from :func:`positive_list_codes`.

    Status: a condition that fails → ``not_eligible`` (even when others are missing);
    else a missing condition → ``missing``; else outside the list or above the ratio
    → ``formal_use_change`` (decided by whichever is known); else missing list/ratio
    data → ``missing``; else ``eligible_plan_conforming``.
    """
    reasons, missing, failed = [], [], []
    for name, must in CONVERSION_CONDITIONS.items():
        value = unit.get(name)
        if not _known(value):
            missing.append(name)
            reasons.append(_item(name, CLAUSE_CONVERSION, None, must, None))
            continue
        ok = bool(value) == must
        reasons.append(_item(name, CLAUSE_CONVERSION, bool(value), must, ok))
        if not ok:
            failed.append(name)
    added = unit.get("gfa_added")
    if not _known(added):
        missing.append("gfa_added")
        reasons.append(_item("gfa_added", CLAUSE_CONVERSION, None, 0, None))
    else:
        ok = float(added) == 0.0
        reasons.append(_item("gfa_added", CLAUSE_CONVERSION, float(added), 0, ok))
        if not ok:
            failed.append("gfa_added")

    positive = list(positive_list)
    function = unit.get("new_function")
    listed = None
    if not _known(function):
        missing.append("new_function")
        reasons.append(_item("positive_list", CLAUSE_CONVERSION, None, positive, None))
    else:
        listed = any(function.startswith(p) for p in positive)
        reasons.append(_item("positive_list", CLAUSE_CONVERSION, function, positive, listed))
    gfa, total = unit.get("gfa"), unit.get("total_gfa")
    ratio = within = None
    for name, value in (("gfa", gfa), ("total_gfa", total)):
        if not _known(value):
            missing.append(name)
    if _known(gfa) and _known(total):
        ratio = float(gfa) / float(total)
        within = ratio <= max_ratio + 1e-9
        reasons.append(
            _item("conversion_ratio", CLAUSE_CONVERSION, round(ratio, 6), max_ratio, within)
        )
    else:
        reasons.append(_item("conversion_ratio", CLAUSE_CONVERSION, None, max_ratio, None))

    heritage = unit.get("heritage")
    heritage_rules = bool(heritage) if _known(heritage) else None
    if heritage_rules is None:
        missing.append("heritage")
    reasons.append(_item("heritage", CLAUSE_CONVERSION, heritage_rules, None, None))

    conditions_missing = [m for m in missing if m in CONVERSION_CONDITIONS or m == "gfa_added"]
    if failed:
        status = "not_eligible"
        decided = f"转换条件不满足 / condition not met: {', '.join(failed)}"
    elif conditions_missing:
        status = "missing"
        decided = f"转换条件未填写，不作推测 / condition missing: {', '.join(conditions_missing)}"
    elif listed is False or within is False:
        status = "formal_use_change"
        beyond = []
        if listed is False:
            beyond.append(f"{function} 不在正面清单 / not in the positive list")
        if within is False:
            beyond.append(f"转换比例 {ratio:.4g} 超过 {max_ratio:g} / ratio above the maximum")
        decided = "；".join(beyond)
    elif listed is None or within is None:
        status = "missing"
        gaps = [m for m in missing if m in ("new_function", "gfa", "total_gfa")]
        decided = f"无法核对正面清单或比例 / cannot check the list or ratio: {', '.join(gaps)}"
    else:
        status = "eligible_plan_conforming"
        decided = (
            "条件均满足，在正面清单内且不超过比例，视同符合详细规划 / all conditions hold, "
            "listed and within the ratio"
        )
    return {
        "conversion_status": status,
        "failed_conditions": ", ".join(failed) or None,
        "missing_conditions": ", ".join(missing) or None,
        "heritage_rules": heritage_rules,
        "in_positive_list": listed,
        "conversion_ratio": ratio,
        "decided_by": decided,
        "reasons": json.dumps(reasons, ensure_ascii=False),
    }


def _check_units(units: pd.DataFrame, functions: list[str | None]) -> None:
    """Refuse impossible values, naming the unit and the field."""
    ids = _ids(units, "unit_ref", pd.Series(True, index=units.index))
    keys = set(codes.landuse_table().index)
    problems = [
        f"{i}.new_function={f}" for i, f in zip(ids, functions, strict=True) if f and f not in keys
    ]
    if problems:
        raise LowlandInputError(
            f"拟转换功能代码不在用地用海分类（2023）中：{problems} / new_function codes not in the "
            f"2023 classification: {problems}"
        )

    def num(name):
        if name not in units.columns:
            return [math.nan] * len(units)
        return pd.to_numeric(units[name], errors="coerce").astype("float64").tolist()

    gfa, total, added = num("gfa"), num("total_gfa"), num("gfa_added")
    for i, g, t, a in zip(ids, gfa, total, added, strict=True):
        if g == g and g < 0:
            problems.append(f"{i}.gfa={g:g} < 0")
        if t == t and t <= 0:
            problems.append(f"{i}.total_gfa={t:g} ≤ 0")
        if g == g and t == t and t > 0 and g > t * (1 + 1e-9):
            problems.append(f"{i}.gfa={g:g} > total_gfa={t:g}")
        if a == a and a < 0:
            problems.append(f"{i}.gfa_added={a:g} < 0")
    if problems:
        raise LowlandInputError(
            f"功能转换申报表数值有误：{problems}（转换面积须在 0 与所在建筑总面积之间）/ impossible "
            f"values: {problems} (converted floor area must lie between 0 and the building total)"
        )


def conversion_table(
    units: pd.DataFrame,
    positive_list: Iterable[object],
    max_ratio: float,
    progress: ProgressFn = None,
) -> pd.DataFrame:
    """:func:`conversion_status` for every building or floor (rows in order)."""
    positive = positive_list_codes(positive_list)
    max_ratio = float(max_ratio)
    if not 0 <= max_ratio <= 1:  # also refuses NaN
        raise LowlandInputError(
            f"规则档案 conversion.max_ratio = {max_ratio} 须在 0 与 1 之间 / max_ratio must lie "
            "in [0, 1]"
        )
    functions = (
        [codes.normalize_landuse_code(v) for v in units["new_function"].astype(object).tolist()]
        if "new_function" in units.columns
        else [None] * len(units)
    )
    _check_units(units, functions)
    records = units.to_dict("records")
    rows = []
    for i, (record, function) in enumerate(zip(records, functions, strict=True)):
        rows.append(conversion_status({**record, "new_function": function}, positive, max_ratio))
        _progress(progress, i, len(records))
    columns = [
        "conversion_status",
        "failed_conditions",
        "missing_conditions",
        "heritage_rules",
        "in_positive_list",
        "conversion_ratio",
        "decided_by",
        "reasons",
    ]
    out = pd.DataFrame(rows, columns=columns, index=range(len(rows)))
    out.insert(4, "new_function", functions)
    for name in ("heritage_rules", "in_positive_list"):
        out[name] = out[name].astype("boolean")
    out["conversion_ratio"] = out["conversion_ratio"].astype("float64")
    return out
