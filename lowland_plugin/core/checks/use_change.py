"""用途转变路径 (Y-11): which procedure a project's change of use needs, with the
condition that decided. Pure Python + pandas, no QGIS.

Y-11 (银川实施意见（十一）): provided the detailed plan's mandatory controls are kept,
no public or neighbour interest is harmed and the land user and the planning
conditions stay the same (the four ``PRECONDITIONS``, all ``True``), three switches
may go through 详细规划动态维护 (technical correction):

- ``level3_switch``: 建设用地 (2023 classes 07–16) whose 二级类 stays the same and only
  the 三级类 changes (``100101 → 100102``);
- ``business_to_public``: 经营性 → 公益性, the two code sets in
  ``resources/codes/use_character.csv`` (with their sources);
- ``class_one_industry_logistics``: 一类工业 ↔ 一类物流仓储 (``100101 ↔ 110101``).

Which of the three switches apply is the profile's ``use_switches`` (the text says
"等": a city may list fewer or, with a new switch type, more); the listed-switch reason
cites it, and a run using a non-adopted list warns once.

A new (main) use equal to the original use is managed as the original use
(``original_use``); anything else is the formal use-change procedure
(``formal_change``). A precondition that is false or missing (never guessed) keeps a
listed switch out of plan maintenance. ``land_management`` answers the clause's last
sentence separately: main use and original use in the same 二级类 → managed as the
original use, otherwise the land use-change procedure.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd

from ..common import codes
from ..common.errors import LowlandInputError
from ..common.profiles import Profile, load_profile
from ..common.reasons import reason, reasons_json
from ..common.values import is_known
from .common import ProgressFn, code_rows, report_progress, row_ids

CLAUSE_USE = "Y-11"

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

_SWITCH_ZH = {
    "level3_switch": "二级类不变仅三级类转换",
    "business_to_public": "经营性用地调整为公益性用地",
    "class_one_industry_logistics": "一类工业与一类物流仓储用地互调",
}


# --------------------------------------------------------------------------- codes


@cache
def _characters() -> dict[str, str | None]:
    """prefix → 'business' | 'public' | None (``none`` rows: deliberately in neither set)."""
    table: dict[str, str | None] = {}
    for row in code_rows("use_character.csv"):
        prefix, character = row["prefix"], row["character"]
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


# --------------------------------------------------------------------------- rules


def switch_type(old: str, new: str, enabled: tuple[str, ...] = SWITCH_TYPES) -> str | None:
    """Which Y-11 switch ``old → new`` (normalised 2023 codes) is, if any, of the
    ``enabled`` switch types (the profile's ``use_switches``)."""
    if old == new:
        return None
    if (
        "level3_switch" in enabled
        and old[:2] in CONSTRUCTION_LEVEL1
        and len(old) >= 4
        and _level2(old) == _level2(new)
    ):
        return "level3_switch"
    if "class_one_industry_logistics" in enabled and {old, new} == CLASS_ONE_SWAP:
        return "class_one_industry_logistics"
    if (
        "business_to_public" in enabled
        and use_character(old) == "business"
        and use_character(new) == "public"
    ):
        return "business_to_public"
    return None


def _switch_text(old: str, new: str, enabled: tuple[str, ...] = SWITCH_TYPES) -> str:
    names = codes.landuse_table()["name"]
    listed = "、".join(_SWITCH_ZH[k] for k in enabled) or "（无）"
    return (
        f"{old} {names[old]} → {new} {names[new]}：不属于规则档案所列转换（{listed}）/ "
        f"{old} → {new} is none of the switches {list(enabled)} Y-11 lets through "
        f"plan maintenance (old {use_character(old) or 'neither'}, new "
        f"{use_character(new) or 'neither'} in use_character.csv)"
    )


def _preconditions(project: dict, reasons: list) -> tuple[list[str], list[str]]:
    """Y-11 preconditions of one project: (failed, missing); their reasons are appended."""
    missing, failed = [], []
    for name in PRECONDITIONS:
        value = project.get(name)
        if not is_known(value):
            missing.append(name)
            reasons.append(reason(name, CLAUSE_USE, None, True, None))
        else:
            reasons.append(reason(name, CLAUSE_USE, bool(value), True, bool(value)))
            if not bool(value):
                failed.append(name)
    return failed, missing


def _blocked_switch_text(kind: str, failed: list[str], missing: list[str]) -> str:
    """Why a listed switch still needs the formal procedure: preconditions failed/missing."""
    zh, en = [], []
    if failed:
        zh.append(f"前提条件不满足：{', '.join(failed)}")
        en.append(f"precondition not met: {', '.join(failed)}")
    if missing:
        zh.append(f"前提条件未填写（不作推测）：{', '.join(missing)}")
        en.append(f"precondition missing (not guessed): {', '.join(missing)}")
    return f"{_SWITCH_ZH[kind]}，但{'；'.join(zh)} / {kind}, but {'; '.join(en)}"


def use_change_pathway(project: dict, profile: Profile | None = None) -> dict:
    """Pathway of one project from normalised, known codes ``old_use_code`` and
    ``new_use_code`` and the four precondition flags (True/False/None) (Y-11).

    Returns ``pathway``, ``switch_type``, ``land_management``, ``failed`` and
    ``missing`` (precondition names), ``decided_by`` (zh / en) and ``reasons`` (dicts).
    ``profile``: the switch list ``use_switches`` (default profile when None).
    """
    profile = profile or load_profile("default")
    enabled = tuple(profile.value("use_switches"))
    old, new = project["old_use_code"], project["new_use_code"]
    reasons = [reason("use_codes", CLAUSE_USE, {"old": old, "new": new}, None, None)]
    same_level2 = _level2(old) == _level2(new)
    management = "original_use" if same_level2 else "use_change_procedure"
    reasons.append(reason("main_use_equals_original", CLAUSE_USE, new, old, old == new))
    reasons.append(reason("same_level2_class", CLAUSE_USE, _level2(new), _level2(old), same_level2))
    kind = switch_type(old, new, enabled)
    if old != new:
        reasons.append(
            reason(
                "listed_switch",
                CLAUSE_USE,
                kind,
                list(enabled),
                kind is not None,
                source=profile.cite("use_switches"),
            )
        )
    failed, missing = _preconditions(project, reasons)
    result = {
        "switch_type": kind,
        "land_management": management,
        "failed": failed,
        "missing": missing,
        "reasons": [r.as_dict() for r in reasons],
    }
    if old == new:
        decided = "新用途与原用途一致，按原用途管理 / the new use equals the original use"
        return {**result, "pathway": "original_use", "decided_by": decided}
    if kind is None:
        decided = _switch_text(old, new, enabled)
        return {**result, "pathway": "formal_change", "decided_by": decided}
    if not failed and not missing:
        decided = f"{_SWITCH_ZH[kind]}，前提条件均满足 / {kind}, all four preconditions hold"
        return {**result, "pathway": "dynamic_maintenance", "decided_by": decided}
    decided = _blocked_switch_text(kind, failed, missing)
    return {**result, "pathway": "formal_change", "decided_by": decided}


# --------------------------------------------------------------------------- the table


def _use_codes(projects: pd.DataFrame, column: str) -> list[str | None]:
    return [codes.normalize_landuse_code(v) for v in projects[column].astype(object).tolist()]


def _check_codes(projects: pd.DataFrame, old: list, new: list) -> None:
    """Refuse one code without the other, codes unknown to the 2023 classification and
    level-1 codes that have 二级类 (they cannot decide a Y-11 switch)."""
    one_only = [(a is None) != (b is None) for a, b in zip(old, new, strict=True)]
    if any(one_only):
        ids = row_ids(projects, "project_id", pd.Series(one_only, index=projects.index))
        raise LowlandInputError(
            f"项目 {ids} 只填写了原用途或新用途代码之一（old_use_code、new_use_code 须同时填写）/ "
            f"projects {ids} have only one of old_use_code and new_use_code"
        )
    bad, coarse = [], []
    keys = set(codes.landuse_table().index)
    ids = row_ids(projects, "project_id", pd.Series(True, index=projects.index))
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


_NO_CODES: dict[str, Any] = {
    "pathway": None,
    "switch_type": None,
    "land_management": None,
    "failed": [],
    "missing": ["old_use_code", "new_use_code"],
    "decided_by": "未填写原用途和新用途代码，不判定 / no use codes: nothing to decide",
    "reasons": [reason("use_codes", CLAUSE_USE, None, None, None).as_dict()],
}


def use_change_table(
    projects: pd.DataFrame, progress: ProgressFn = None, profile: Profile | None = None
) -> pd.DataFrame:
    """:func:`use_change_pathway` for every project (rows in order), with the profile's
    switch list (default profile when None).

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
    _check_codes(projects, old, new)
    profile = profile or load_profile("default")
    records = projects.to_dict("records")
    rows = []
    for i, (record, a, b) in enumerate(zip(records, old, new, strict=True)):
        if a is None:
            rows.append(_NO_CODES)
        else:
            rows.append(
                use_change_pathway({**record, "old_use_code": a, "new_use_code": b}, profile)
            )
        report_progress(progress, i, len(records))
    return pd.DataFrame(
        {
            "usechange_pathway": [r["pathway"] for r in rows],
            "switch_type": [r["switch_type"] for r in rows],
            "land_management": [r["land_management"] for r in rows],
            "failed_conditions": [", ".join(r["failed"]) or None for r in rows],
            "missing_conditions": [", ".join(r["missing"]) or None for r in rows],
            "decided_by": [r["decided_by"] for r in rows],
            "reasons": [reasons_json(r["reasons"]) for r in rows],
        },
        index=range(len(rows)),
    )


def use_change_warnings(profile: Profile) -> list[str]:
    """The run's warning (once) when the Y-11 switch list is not an adopted value."""
    pending = profile.pending(("use_switches",))
    if not pending:
        return []
    return ["Y-11 转换清单使用未经采用的取值 / switch list not adopted: " + "；".join(pending)]
