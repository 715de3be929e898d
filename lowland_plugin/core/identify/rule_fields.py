"""The parcel fields each rule of the identification and of the legacy-land classification
reads (issue 21 item 10), checked by :func:`core.common.requirements.check_rule_fields`.

Kept next to the rules (``criteria``, ``legacy``); ``tests/test_identify.py`` checks that
every rule the profile can name has its row here. Building indicators (FAR, coverage,
danger share, newest year) come from the BUILDINGS layer and are checked there.
"""

from __future__ import annotations

from ..common.requirements import Need

_DLBM_REMEDY = (
    "请给出三调图层（LANDSURVEY），或在宗地图层中提供现状地类代码 dlbm（可用字段映射，如 dlbm=DLBM）"
    " / give the 三调 layer (LANDSURVEY) or the parcels' land class dlbm (map it with "
    "FIELD_MAP, e.g. dlbm=DLBM)"
)

#: identifyparcels: rule (exclusion, criterion, exemption id) → the parcel fields it reads.
IDENTIFY_FIELDS: dict[str, Need] = {
    # without a land class every parcel would be "non-construction land" and excluded
    "non_construction_land": Need(
        ("dlbm",), required=True, unless_layer="LANDSURVEY", remedy=_DLBM_REMEDY
    ),
    "approved_unsupplied": Need(("supply_status",)),
    "idle": Need(("idle",)),
    "disputed": Need(("disputed",)),
    "far_below_min": Need(("industry_code",)),
    "coverage_below_min": Need(()),
    "tax_below_min": Need(("tax_per_mu",)),
    "tax_below_industry_share": Need(("tax_per_mu", "industry_code")),
    "dangerous_buildings": Need(()),
    "old_residential_low_far": Need(()),
    "stopped_operation": Need(("operating",)),
    "stalled_development": Need(("agreed_start_date", "contract_date"), any_of=True),
    "use_not_conforming": Need(()),
    "urban_village": Need(()),
    "above_scale": Need(("above_scale",)),
    "young_enterprise": Need(("years_operating",)),
    "strategic_industry": Need(("industry_code",)),
}

#: legacyland (Y-9): condition → the parcel fields it reads.
LEGACY_FIELDS: dict[str, Need] = {
    # the first condition of Y-9: without it no parcel can be classified
    "no_lawful_approval": Need(
        ("lawful_approval",),
        required=True,
        remedy="请在宗地图层中提供是否有合法用地手续 lawful_approval（是/否；可用字段映射，如 "
        "lawful_approval=SFPZ） / add lawful_approval (yes/no) to the parcels or map it with "
        "FIELD_MAP, e.g. lawful_approval=SFPZ",
    ),
    "occupied_on_or_before_cutoff": Need(("occupied_date",)),
    "erdiao_consistent_with_occupation": Need(("occupied_date", "erdiao_construction")),
    "land_class_at_occupation": Need(("occupied_dlbm",)),
    "construction_in_erdiao": Need(("erdiao_construction",)),
    "construction_in_sandiao": Need(("dlbm",), unless_layer="LANDSURVEY"),
    "plan_conforming": Need(("plan_conforming",)),
}
