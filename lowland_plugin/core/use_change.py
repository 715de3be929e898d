"""用途转变路径 (Y-11) and 存量建筑功能转换 (Y-12, N-11): which procedure a project or a
building needs, with the condition that decided.

Y-11: provided the mandatory plan controls are kept, no public or neighbour interest
is harmed and the land user and planning conditions stay the same, three switches
may go through 详细规划动态维护 (technical correction): a 三级类 switch inside the
same 二级类, 经营性 → 公益性 (code sets in ``resources/codes/use_character.csv``),
一类工业 ↔ 一类物流仓储 (100101 ↔ 110101). Land management: a main use equal to
the original use (compared at the 二级类) is managed as the original use,
otherwise the formal use-change procedure applies.

Y-12: a conversion of a building or floor must keep every precondition (the land
user applies, contract honoured, user unchanged, no change to structure, height or
storeys, no new floor area, no illegal construction, no 预告/查封/异议 registration,
not in an expropriation area, no court or arbitration ruling); then a new function
in the profile's positive list within its ratio is treated as plan-conforming
(joint review opinion); beyond them the formal use change applies. Historic
buildings additionally follow heritage rules.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache

import pandas as pd

from . import codes
from .errors import LowlandInputError
from .resources import resource_path

#: 一类工业 ↔ 一类物流仓储 (Y-11).
CLASS_ONE_SWAP = frozenset({"100101", "110101"})
#: Y-11 preconditions (all must be true).
PRECONDITIONS = (
    "mandatory_controls_kept",
    "no_public_harm",
    "same_land_user",
    "same_planning_conditions",
)
#: Y-12 conditions: field → the value it must have.
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


@lru_cache(maxsize=1)
def _characters() -> dict[str, str]:
    with resource_path("codes", "use_character.csv").open(encoding="utf-8") as fh:
        return {row["prefix"]: row["character"] for row in csv.DictReader(fh)}


def use_character(code: str) -> str | None:
    """'business' (经营性), 'public' (公益性) or None for a 2023 use code."""
    for prefix, character in sorted(_characters().items(), key=lambda kv: -len(kv[0])):
        if code.startswith(prefix):
            return character
    return None


def _known(value) -> bool:
    return value is not None and value is not pd.NA and value == value


def _item(rule, clause, value, threshold, met) -> dict:
    return {"rule": rule, "clause": clause, "value": value, "threshold": threshold, "met": met}


def _switch_kind(old: str, new: str) -> str | None:
    """Which Y-11 switch ``old → new`` is, if any."""
    if len(old) == 6 and len(new) == 6 and old[:4] == new[:4] and old != new:
        return "level3_switch"
    if {old, new} == CLASS_ONE_SWAP:
        return "class_one_industry_logistics"
    if use_character(old) == "business" and use_character(new) == "public":
        return "business_to_public"
    return None


def use_change_pathway(project: dict) -> dict:
    """Pathway of one project: ``pathway``, ``land_management``, ``decided_by``, reasons."""
    old = codes.normalize_landuse_code(project.get("old_use_code"))
    new = codes.normalize_landuse_code(project.get("new_use_code"))
    reasons = [_item("use_codes", "Y-11", {"old": old, "new": new}, None, None)]
    if old == new:
        reasons.append(_item("main_use_equals_original", "Y-11", new, old, True))
        return {
            "pathway": "original_use",
            "land_management": "original_use",
            "decided_by": "主用途与原用途一致，按原用途管理 / main use equals the original use",
            "reasons": reasons,
        }
    same_level2 = old[:4] == new[:4]
    management = "original_use" if same_level2 else "use_change_procedure"
    reasons.append(_item("same_level2_class", "Y-11", new[:4], old[:4], same_level2))
    kind = _switch_kind(old, new)
    reasons.append(
        _item(
            "listed_switch",
            "Y-11",
            kind,
            "level3_switch | business_to_public | class_one_industry_logistics",
            kind is not None,
        )
    )
    missing, failed = [], []
    for name in PRECONDITIONS:
        value = project.get(name)
        if not _known(value):
            missing.append(name)
            reasons.append(_item(name, "Y-11", None, True, None))
        else:
            reasons.append(_item(name, "Y-11", bool(value), True, bool(value)))
            if not bool(value):
                failed.append(name)
    if kind is None:
        decided = "不属于可动态维护的用途转换情形 / not a switch Y-11 lets through plan maintenance"
    elif failed:
        decided = f"前提条件不满足 / precondition not met: {', '.join(failed)}"
    elif missing:
        decided = f"前提条件缺失，不能认定 / precondition missing: {', '.join(missing)}"
    else:
        return {
            "pathway": "dynamic_maintenance",
            "land_management": management,
            "decided_by": f"{kind}，前提条件均满足 / all preconditions hold",
            "reasons": reasons,
        }
    return {
        "pathway": "formal_change",
        "land_management": management,
        "decided_by": decided,
        "reasons": reasons,
    }


def use_change_table(projects: pd.DataFrame) -> pd.DataFrame:
    """``use_change_pathway`` for every project (rows in order)."""
    bad = []
    for column in ("old_use_code", "new_use_code"):
        if column not in projects.columns:
            raise LowlandInputError(f"项目图层缺少字段 {column} / projects lack field {column}")
        values = projects[column].dropna().astype(str)
        bad += [v for v in values if codes.unknown_codes([v], table="landuse_2023")]
    if bad:
        raise LowlandInputError(
            f"用途代码不在用地用海分类（2023）中：{sorted(set(bad))} / use codes not in the 2023 "
            "classification"
        )
    missing = projects[projects["old_use_code"].isna() | projects["new_use_code"].isna()]
    if len(missing):
        ids = missing.get("project_id", pd.Series(missing.index)).astype(str).tolist()
        raise LowlandInputError(
            f"项目 {ids} 缺少原用途或新用途代码 / projects {ids} lack old_use_code or new_use_code"
        )
    rows = [use_change_pathway(r) for r in projects.to_dict("records")]
    return pd.DataFrame(
        {
            "usechange_pathway": [r["pathway"] for r in rows],
            "land_management": [r["land_management"] for r in rows],
            "decided_by": [r["decided_by"] for r in rows],
            "reasons": [json.dumps(r["reasons"], ensure_ascii=False) for r in rows],
        }
    )


def conversion_status(unit: dict, positive_list, max_ratio: float) -> dict:
    """Eligibility of one building or floor (Y-12)."""
    reasons, missing, failed = [], [], []
    for name, must in CONVERSION_CONDITIONS.items():
        value = unit.get(name)
        if not _known(value):
            missing.append(name)
            reasons.append(_item(name, "Y-12", None, must, None))
            continue
        ok = bool(value) == must
        reasons.append(_item(name, "Y-12", bool(value), must, ok))
        if not ok:
            failed.append(name)
    added = unit.get("gfa_added")
    if not _known(added):
        missing.append("gfa_added")
        reasons.append(_item("gfa_added", "Y-12", None, 0, None))
    else:
        ok = float(added) == 0.0
        reasons.append(_item("gfa_added", "Y-12", float(added), 0, ok))
        if not ok:
            failed.append("gfa_added")
    heritage = bool(unit.get("heritage")) if _known(unit.get("heritage")) else False
    if failed:
        status = "not_eligible"
    elif missing:
        status = "missing"
    else:
        function = codes.normalize_landuse_code(unit.get("new_function")) or ""
        listed = any(function.startswith(str(p)) for p in positive_list)
        reasons.append(_item("positive_list", "Y-12", function, list(positive_list), listed))
        gfa, total = unit.get("gfa"), unit.get("total_gfa")
        if not (_known(gfa) and _known(total)) or float(total) <= 0:
            missing.append("gfa/total_gfa")
            status = "missing"
        else:
            ratio = float(gfa) / float(total)
            within = ratio <= max_ratio + 1e-9 * max(1.0, max_ratio)
            reasons.append(_item("conversion_ratio", "Y-12", round(ratio, 6), max_ratio, within))
            status = "eligible_plan_conforming" if listed and within else "formal_use_change"
    return {
        "conversion_status": status,
        "failed_conditions": ", ".join(failed) or None,
        "missing_conditions": ", ".join(missing) or None,
        "heritage_rules": heritage,
        "reasons": json.dumps(reasons, ensure_ascii=False),
    }


def conversion_table(units: pd.DataFrame, positive_list, max_ratio: float) -> pd.DataFrame:
    """``conversion_status`` for every unit (rows in order)."""
    rows = [conversion_status(u, positive_list, max_ratio) for u in units.to_dict("records")]
    return pd.DataFrame(rows)
