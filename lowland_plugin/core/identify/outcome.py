"""From the checks to the verdict's parts: the ``reasons`` text of a check, which met
criteria an exemption spares (profile ``exempts``, Y-1), and the run's one warning about
the profile values that are not adopted (issue 16)."""

from __future__ import annotations

import json

import numpy as np

from ..common.notices import Tally
from ..common.profiles import Profile, Rule
from ..common.reasons import reason_column
from .criteria import Check, Parcels
from .json_text import json_const

#: The profile's local values a rule reads besides its own parameters.
RULE_LOCALS = {
    "dangerous_buildings": ("danger_basis", "dangerous_grades"),
    "tax_below_industry_share": ("same_industry_tax_reference",),
}

#: What an exemption exempts when a (pre-1.2) profile does not say (``exempts``): the
#: efficiency criteria of 利用粗放 — never 建筑危旧 or 用途不合理.
DEFAULT_EXEMPTS = (
    "far_below_min",
    "coverage_below_min",
    "tax_below_min",
    "tax_below_industry_share",
    "stopped_operation",
)


def check_reason_column(check: Check, n: int) -> np.ndarray:
    """The serialised reason of ``check`` per parcel (None where it says nothing): the
    tested parcels with their numbers, the untested ones (``untested``) with ``met``
    and ``value`` null and the note saying why."""
    item = reason_column(
        check.rule,
        check.clause,
        check.kind,
        check.value,
        check.threshold,
        check.met,
        np.flatnonzero(check.tested),
        n,
        source=check.source,
    )
    if check.met_note is not None:
        rows = np.flatnonzero(check.met & check.tested)
        if rows.size:
            tail = ',"note":' + json.dumps(check.met_note, ensure_ascii=False) + "}"
            item[rows] = np.array([text[:-1] + tail for text in item[rows]], dtype=object)
    if check.untested is not None:
        rows = np.flatnonzero(check.untested & ~check.tested)
        if rows.size:
            blank = reason_column(
                check.rule,
                check.clause,
                check.kind,
                json_const("null", n),
                check.threshold,
                np.zeros(n, dtype=bool),
                rows,
                n,
                source=check.source,
            )
            tail = ',"met":null,"note":' + json.dumps(check.untested_note, ensure_ascii=False)
            item[rows] = np.array(
                [text[: -len(',"met":false}')] + tail + "}" for text in blank[rows]], dtype=object
            )
    return item


def exempted_criteria(rule: Rule) -> tuple[str, ...]:
    """The criteria the exemption ``rule`` exempts (profile ``exempts``; a profile
    without it: :data:`DEFAULT_EXEMPTS`)."""
    return tuple(rule.params.get("exempts", DEFAULT_EXEMPTS))


def lowland_met(
    criteria: list[Check], exemptions: list[Check], profile: Profile, n: int
) -> np.ndarray:
    """Per parcel: some criterion is met that none of the parcel's exemptions exempts
    (Y-1: 规上企业 etc. are spared the efficiency criteria only; 建筑危旧 stays)."""
    out = np.zeros(n, dtype=bool)
    for c in criteria:
        if c.kind != "criterion":
            continue
        exempt = np.zeros(n, dtype=bool)
        for e in exemptions:
            if c.rule in exempted_criteria(profile.exemptions[e.rule]):
                exempt |= e.met
        out |= c.met & ~exempt
    return out


def pending_text(found: list[str]) -> str:
    return (
        "本次认定使用了未采用（待定/本地取值待确认）的档案数值，结论须经地方确认："
        + "；".join(found)
        + " / This run used profile values that are not adopted (pending or local choice); "
        "confirm them locally: " + "; ".join(found)
    )


def pending_warnings(profile: Profile, parcels: Parcels, checks: list[Check]) -> list[str]:
    """One warning naming every pending / local-choice profile value the run used: the
    parameters of the enabled rules and exemptions tested on some parcel, and the local values
    the rules read (danger basis and grades, same-industry tax reference)."""
    made = {c.rule for c in checks if c.tested.any()}
    made |= {"stalled_development"} if "suspected_idle" in made else set()
    rules = [r for r in (*profile.rules.values(), *profile.exemptions.values())]
    found: dict[tuple, str] = {}  # keyed by (0, rule, parameter) / (1, local value): the order
    for i, r in enumerate(rules):
        if r.enabled and r.id in made:
            found.update({(0, i, j): x for j, x in enumerate(profile.pending_params(r))})
    names = list(profile.local)
    for n in dict.fromkeys(parcels.notes):
        if n in profile.local:
            found.update({(1, names.index(n), j): x for j, x in enumerate(profile.pending([n]))})
    out: list[str] = []
    if found:
        out.append(Tally("pending_values", pending_text, found))
    if "tax_mean_from_layer" in parcels.notes:
        out.append(
            "同行业亩均税收平均值按输入图层计算（档案 same_industry_tax_reference 未列该行业）。"
            " / The same-industry tax mean was computed from the loaded layer (the profile's "
            "same_industry_tax_reference does not list the industry)."
        )
    return out
