"""What is not a candidate at all (Y-1 / N-12 / N-13): non-construction land, approved but
unsupplied (批而未供), an unrecognised land class code, idle (闲置) and disputed land, and
land whose holder is not identified. Each exclusion is a :class:`~.criteria.Check` of
kind ``exclusion``; stalled development (suspected 闲置) is a profile rule in
:mod:`.criteria`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..common import codes
from ..common.values import flag_series, known_mask, texts
from .criteria import Check, new_check
from .json_text import json_bools, json_const, json_strings


def exclusion_checks(frame: pd.DataFrame, category: pd.Series) -> list[Check]:
    """Y-1 / N-12: what is not a candidate at all — non-construction land, approved but
    unsupplied (批而未供), an unrecognised or missing land class code, idle (闲置) and
    disputed land, and land whose holder is not identified (Y-1 权属清晰 / N-13 主体明确).
    A parcel whose 三大类 is unknown is not tested as non-construction land."""
    n = len(frame)
    cat = category.to_numpy(dtype=object)
    supply = frame["supply_status"] if "supply_status" in frame.columns else pd.Series([None] * n)
    known = known_mask(cat)  # a null class is never "met"
    current = frame["current_dlbm"] if "current_dlbm" in frame.columns else pd.Series(cat)
    given = known_mask(current)
    checks = [
        new_check(
            "non_construction_land",
            "Y-1",
            "exclusion",
            known,
            cat != "construction",
            json_strings(cat),
            json_const('"construction"', n),
        ),
        new_check(
            "approved_unsupplied",
            "Y-1",
            "exclusion",
            supply.notna().to_numpy(),
            (supply == "approved_unsupplied").to_numpy(dtype=bool),
            json_strings(supply.to_numpy(dtype=object)),
            json_const('"supplied"', n),
        ),
    ]
    if "current_dlbm" in frame.columns:  # say so where a code was not recognised
        unknown = codes.unknown_code_mask(frame["current_dlbm"])
        checks.append(
            new_check(
                "unknown_land_code",
                "Y-1",
                "exclusion",
                unknown,
                unknown,
                json_strings(frame["current_dlbm"].to_numpy(dtype=object)),
                json_const("null", n),
            )
        )
    # no land class at all (no dlbm, no 三调 patch): not judgeable, never "non-construction"
    checks.append(
        new_check(
            "missing_land_class",
            "Y-1",
            "exclusion",
            ~given,
            ~given,
            json_const("null", n),
            json_const("null", n),
        )
    )
    for rule in ("idle", "disputed"):
        flag = flag_series(frame, rule)
        checks.append(
            new_check(
                rule,
                "Y-1",
                "exclusion",
                flag.notna().to_numpy(),
                flag.fillna(False).to_numpy(dtype=bool),
                json_bools(flag),
                json_const("false", n),
            )
        )
    checks.append(owner_unknown(frame))
    return checks


#: Said once when the parcels have no ``owner`` field (Y-1 / N-13 not tested).
NO_OWNER_FIELD_WARNING = (
    "宗地图层无权利人字段 owner，未核查“权属清晰、主体明确”（银川实施意见（一）、171号 第13项）；"
    "请在字段映射中指定权利人字段。 / The parcels have no owner field: 'rights clear, holder "
    "identified' (Y-1, N-13) was not checked; map the owner field in FIELD_MAP."
)


def owner_unknown(frame: pd.DataFrame) -> Check:
    """Y-1 权属清晰 / N-13 主体明确: a parcel whose ``owner`` is empty has no identified
    holder, so it is not a candidate until the rights are cleared (excluded pending review,
    like 权属争议). Without an ``owner`` field the rule is not tested and the run warns."""
    n = len(frame)
    if "owner" not in frame.columns:
        check = new_check(
            "owner_unknown", "Y-1", "exclusion", np.zeros(n, bool), np.zeros(n, bool),
            json_const("null", n), json_const('"known"', n), untested=np.ones(n, bool),
        )  # fmt: skip
        check.untested_note = "无权利人字段 owner，未检验 / no owner field, not tested"
        check.warnings.append(NO_OWNER_FIELD_WARNING)
        return check
    owner = texts(frame, "owner")  # stripped, empty → None
    return new_check(
        "owner_unknown",
        "Y-1",
        "exclusion",
        np.ones(n, dtype=bool),
        np.array([o is None for o in owner], dtype=bool),
        json_strings(owner),
        json_const('"known"', n),
    )
