"""存量建筑功能转换 (Y-12, N-11): whether a building or floor may change function, with
the condition that decided. Pure Python + pandas, no QGIS.

Y-12 (银川实施意见（十二）; 自然资发〔2023〕171号 第11项): a building (幢/栋) or floor may
change function only if every condition in ``CONVERSION_CONDITIONS`` holds and no
floor area is added; then a new function in the profile's positive list, converting
no more than ``max_ratio`` of the building's floor area (inclusive), is treated as
plan-conforming (joint review opinion); beyond the list or the ratio the formal use
change applies. Historic buildings and conservation areas follow the heritage rules
in addition (``heritage_rules``), whatever the status.

The positive list and the ratio are a 比例标准 the city has to set: while either has a
source that is not adopted (pending or local choice, e.g. the 1.0 placeholder that
disables the ratio test), a unit meeting every condition gets ``standard_pending``
(neither "plan-conforming" nor "formal change" can be concluded); the list and ratio
tests are still shown in the reasons, and the run warns once, naming the values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from ..common import codes
from ..common.errors import LowlandInputError
from ..common.profiles import Profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import is_known
from .common import ProgressFn, report_progress, row_ids

CLAUSE_CONVERSION = "Y-12"

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
CONVERSION_STATUSES = (
    "eligible_plan_conforming",
    "formal_use_change",
    "standard_pending",
    "not_eligible",
    "missing",
)

_COLUMNS = [
    "conversion_status",
    "failed_conditions",
    "missing_conditions",
    "heritage_rules",
    "in_positive_list",
    "conversion_ratio",
    "decided_by",
    "reasons",
]


def positive_list_codes(positive_list: Iterable[object]) -> list[str]:
    """The profile's positive list as normalised 2023 codes (or prefixes); refuses
    entries that are no 2023 code."""
    entries = [codes.normalize_landuse_code(p) for p in positive_list]
    normalised = [e for e in entries if e is not None]
    bad = [str(p) for p, e in zip(positive_list, entries, strict=True) if e is None]
    bad += codes.unknown_codes(normalised, table="landuse_2023")
    if bad:
        raise LowlandInputError(
            f"规则档案 conversion.positive_list 中的 {bad} 不是用地用海分类（2023）代码 / "
            f"positive-list entries {bad} are no 2023 use codes"
        )
    return normalised  # every entry normalised, else refused above


def _conditions(unit: dict, reasons: list[Reason]) -> tuple[list[str], list[str]]:
    """Y-12 conditions and "no floor area added" of one unit: (failed, missing); their
    reasons are appended."""
    missing, failed = [], []
    for name, must in CONVERSION_CONDITIONS.items():
        value = unit.get(name)
        if not is_known(value):
            missing.append(name)
            reasons.append(reason(name, CLAUSE_CONVERSION, None, must, None))
            continue
        ok = bool(value) == must
        reasons.append(reason(name, CLAUSE_CONVERSION, bool(value), must, ok))
        if not ok:
            failed.append(name)
    added = unit.get("gfa_added")
    if added is None or not is_known(added):
        missing.append("gfa_added")
        reasons.append(reason("gfa_added", CLAUSE_CONVERSION, None, 0, None))
    else:
        ok = float(added) == 0.0
        reasons.append(reason("gfa_added", CLAUSE_CONVERSION, float(added), 0, ok))
        if not ok:
            failed.append("gfa_added")
    return failed, missing


def _in_positive_list(function, positive: list[str], reasons: list[Reason]) -> bool | None:
    """Y-12: the new function is in the positive list (by code or prefix); None unknown."""
    if not is_known(function):
        reasons.append(reason("positive_list", CLAUSE_CONVERSION, None, positive, None))
        return None
    listed = any(function.startswith(p) for p in positive)
    reasons.append(reason("positive_list", CLAUSE_CONVERSION, function, positive, listed))
    return listed


def _conversion_ratio(
    gfa, total, max_ratio: float, reasons: list[Reason]
) -> tuple[float | None, bool | None]:
    """Y-12: converted floor area / the building's, and whether it is ≤ ``max_ratio``."""
    if is_known(gfa) and is_known(total):
        ratio = float(gfa) / float(total)
        ok = ratio <= max_ratio + 1e-9
        reasons.append(
            reason("conversion_ratio", CLAUSE_CONVERSION, round(ratio, 6), max_ratio, ok)
        )
        return ratio, ok
    reasons.append(reason("conversion_ratio", CLAUSE_CONVERSION, None, max_ratio, None))
    return None, None


def _decision(
    failed: list[str],
    missing: list[str],
    function,
    listed: bool | None,
    ratio: float | None,
    ok_ratio: bool | None,
    max_ratio: float,
    pending: tuple[str, ...] = (),
) -> tuple[str, str]:
    """(status, decided_by) of one unit, in the order of :func:`conversion_status`."""
    conditions_missing = [m for m in missing if m in CONVERSION_CONDITIONS or m == "gfa_added"]
    if failed:
        return "not_eligible", f"转换条件不满足 / condition not met: {', '.join(failed)}"
    if conditions_missing:
        return (
            "missing",
            f"转换条件未填写，不作推测 / condition missing: {', '.join(conditions_missing)}",
        )
    if pending:
        return (
            "standard_pending",
            f"条件均满足，但正面清单或比例标准未经采用（{'；'.join(pending)}），不作结论 / all "
            "conditions hold, but the positive list or ratio standard is not adopted: no verdict",
        )
    if listed is False or ok_ratio is False:
        beyond = []
        if listed is False:
            beyond.append(f"{function} 不在正面清单 / not in the positive list")
        if ok_ratio is False:
            beyond.append(f"转换比例 {ratio:.4g} 超过 {max_ratio:g} / ratio above the maximum")
        return "formal_use_change", "；".join(beyond)
    if listed is None or ok_ratio is None:
        gaps = [m for m in missing if m in ("new_function", "gfa", "total_gfa")]
        return (
            "missing",
            f"无法核对正面清单或比例 / cannot check the list or ratio: {', '.join(gaps)}",
        )
    return (
        "eligible_plan_conforming",
        "条件均满足，在正面清单内且不超过比例，视同符合详细规划 / all conditions hold, "
        "listed and within the ratio",
    )


def conversion_status(
    unit: dict, positive_list: Iterable[str], max_ratio: float, pending: tuple[str, ...] = ()
) -> dict:
    """Eligibility of one building or floor (Y-12). ``unit``: the template fields with
    ``new_function`` normalised; ``positive_list`` as from :func:`positive_list_codes`.

    ``pending``: the list/ratio values whose source is not adopted.

    Status: a condition that fails → ``not_eligible`` (even when others are missing);
    else a missing condition → ``missing``; else a pending standard →
    ``standard_pending``; else outside the list or above the ratio
    → ``formal_use_change`` (decided by whichever is known); else missing list/ratio
    data → ``missing``; else ``eligible_plan_conforming``.
    """
    reasons: list[Reason] = []
    failed, missing = _conditions(unit, reasons)
    function = unit.get("new_function")
    if not is_known(function):
        missing.append("new_function")
    listed = _in_positive_list(function, list(positive_list), reasons)
    gfa, total = unit.get("gfa"), unit.get("total_gfa")
    missing += [n for n, v in (("gfa", gfa), ("total_gfa", total)) if not is_known(v)]
    ratio, ok_ratio = _conversion_ratio(gfa, total, max_ratio, reasons)
    heritage = unit.get("heritage")
    heritage_rules = bool(heritage) if is_known(heritage) else None
    if heritage_rules is None:
        missing.append("heritage")
    reasons.append(reason("heritage", CLAUSE_CONVERSION, heritage_rules, None, None))
    status, decided = _decision(
        failed, missing, function, listed, ratio, ok_ratio, max_ratio, tuple(pending)
    )
    return {
        "conversion_status": status,
        "failed_conditions": ", ".join(failed) or None,
        "missing_conditions": ", ".join(missing) or None,
        "heritage_rules": heritage_rules,
        "in_positive_list": listed,
        "conversion_ratio": ratio,
        "decided_by": decided,
        "reasons": reasons_json(reasons),
    }


def _numbers_or_nan(units: pd.DataFrame, name: str) -> list[float]:
    if name not in units.columns:
        return [math.nan] * len(units)
    return pd.to_numeric(units[name], errors="coerce").astype("float64").tolist()


def _check_units(units: pd.DataFrame, functions: list[str | None]) -> None:
    """Refuse impossible values, naming the unit and the field."""
    ids = row_ids(units, "unit_ref", pd.Series(True, index=units.index))
    keys = set(codes.landuse_table().index)
    problems = [
        f"{i}.new_function={f}" for i, f in zip(ids, functions, strict=True) if f and f not in keys
    ]
    if problems:
        raise LowlandInputError(
            f"拟转换功能代码不在用地用海分类（2023）中：{problems} / new_function codes not in the "
            f"2023 classification: {problems}"
        )
    gfa, total = _numbers_or_nan(units, "gfa"), _numbers_or_nan(units, "total_gfa")
    added = _numbers_or_nan(units, "gfa_added")
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
    pending: Iterable[str] = (),
) -> pd.DataFrame:
    """:func:`conversion_status` for every building or floor (rows in order);
    ``pending``: the list/ratio values not adopted (:func:`pending_standard`)."""
    pending = tuple(pending)
    positive = positive_list_codes(positive_list)
    max_ratio = float(max_ratio)
    if not 0 <= max_ratio <= 1:  # also refuses NaN
        raise LowlandInputError(
            f"规则档案 conversion.max_ratio = {max_ratio} 须在 0 与 1 之间 / max_ratio must lie "
            "in [0, 1]"
        )
    functions: list[str | None] = (
        [codes.normalize_landuse_code(v) for v in units["new_function"].astype(object).tolist()]
        if "new_function" in units.columns
        else [None] * len(units)
    )
    _check_units(units, functions)
    records = units.to_dict("records")
    rows = []
    for i, (record, function) in enumerate(zip(records, functions, strict=True)):
        rows.append(
            conversion_status({**record, "new_function": function}, positive, max_ratio, pending)
        )
        report_progress(progress, i, len(records))
    out = pd.DataFrame(rows, columns=_COLUMNS, index=range(len(rows)))
    out.insert(4, "new_function", functions)
    for name in ("heritage_rules", "in_positive_list"):
        out[name] = out[name].astype("boolean")
    out["conversion_ratio"] = out["conversion_ratio"].astype("float64")
    return out


def pending_standard(profile: Profile) -> list[str]:
    """Y-12: ``conversion.positive_list = …（source）`` / ``max_ratio`` of the profile
    whose source is not adopted (what makes a verdict ``standard_pending``)."""
    if profile.conversion is None:
        return []
    return profile.pending_params(profile.conversion)
