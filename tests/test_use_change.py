"""用途转变路径 (Y-11) and 存量建筑功能转换 (Y-12): every pathway and condition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lowland_under_test.lowland_plugin.core.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.use_change import (
    CONVERSION_CONDITIONS,
    conversion_status,
    use_change_pathway,
    use_change_table,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "sample_projects.gpkg"
OK = dict(
    mandatory_controls_kept=True,
    no_public_harm=True,
    same_land_user=True,
    same_planning_conditions=True,
)


@pytest.mark.parametrize(
    ("old", "new", "pathway", "management"),
    [
        ("100101", "100102", "dynamic_maintenance", "original_use"),  # 三级类 switch
        ("100101", "110101", "dynamic_maintenance", "use_change_procedure"),  # 一类工业↔物流
        ("110101", "100101", "dynamic_maintenance", "use_change_procedure"),
        ("0901", "0801", "dynamic_maintenance", "use_change_procedure"),  # 经营性→公益性
        ("0801", "0901", "formal_change", "use_change_procedure"),  # 公益性→经营性
        ("0701", "0901", "formal_change", "use_change_procedure"),
        ("100102", "110102", "formal_change", "use_change_procedure"),  # 二类: not listed
        ("0701", "0701", "original_use", "original_use"),
    ],
)
def test_pathways(old, new, pathway, management):
    result = use_change_pathway({"old_use_code": old, "new_use_code": new, **OK})
    assert result["pathway"] == pathway
    assert result["land_management"] == management
    assert all(r["clause"] == "Y-11" for r in result["reasons"])


@pytest.mark.parametrize("flag", sorted(OK))
@pytest.mark.parametrize("value", [False, None])
def test_every_precondition_is_required(flag, value):
    project = {"old_use_code": "100101", "new_use_code": "100102", **OK, flag: value}
    result = use_change_pathway(project)
    assert result["pathway"] == "formal_change"
    assert flag in result["decided_by"]
    item = [r for r in result["reasons"] if r["rule"] == flag][0]
    assert item["met"] is (None if value is None else False)


def test_unknown_or_missing_codes_are_refused():
    import pandas as pd

    with pytest.raises(LowlandInputError, match="9999"):
        use_change_table(
            pd.DataFrame({"project_id": ["A"], "old_use_code": ["9999"], "new_use_code": ["0701"]})
        )
    with pytest.raises(LowlandInputError, match="A"):
        use_change_table(
            pd.DataFrame({"project_id": ["A"], "old_use_code": [None], "new_use_code": ["0701"]})
        )


def unit(**over):
    base = {name: must for name, must in CONVERSION_CONDITIONS.items()}
    base.update(gfa_added=0.0, heritage=False, new_function="0901", gfa=500.0, total_gfa=1000.0)
    base.update(over)
    return base


LIST = ["0804", "0901", "1001"]


def test_conversion_inside_list_and_ratio():
    assert conversion_status(unit(), LIST, 0.5)["conversion_status"] == "eligible_plan_conforming"


def test_conversion_ratio_at_the_limit_and_just_above():
    assert conversion_status(unit(gfa=500.0), LIST, 0.5)["conversion_status"] == (
        "eligible_plan_conforming"
    )
    assert conversion_status(unit(gfa=500.01), LIST, 0.5)["conversion_status"] == (
        "formal_use_change"
    )


def test_conversion_outside_the_positive_list():
    out = conversion_status(unit(new_function="0701"), LIST, 1.0)
    assert out["conversion_status"] == "formal_use_change"
    item = [r for r in json.loads(out["reasons"]) if r["rule"] == "positive_list"][0]
    assert item["met"] is False and item["clause"] == "Y-12"


@pytest.mark.parametrize("name", sorted(CONVERSION_CONDITIONS))
def test_each_condition_failing_alone(name):
    out = conversion_status(unit(**{name: not CONVERSION_CONDITIONS[name]}), LIST, 1.0)
    assert out["conversion_status"] == "not_eligible"
    assert out["failed_conditions"] == name


def test_new_floor_area_fails_and_missing_data_is_named():
    assert conversion_status(unit(gfa_added=10.0), LIST, 1.0)["failed_conditions"] == "gfa_added"
    out = conversion_status(unit(seized=None), LIST, 1.0)
    assert out["conversion_status"] == "missing" and out["missing_conditions"] == "seized"


def test_heritage_is_flagged():
    assert conversion_status(unit(heritage=True), LIST, 1.0)["heritage_rules"] is True


def test_sample_projects_through_processing(lowland_provider):
    import processing

    res = processing.run(
        "lowland:usechange",
        {"PROJECTS": f"{SAMPLE}|layername=projects", "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    got = {f["project_id"]: f["usechange_pathway"] for f in res["OUTPUT"].getFeatures()}
    assert got == {"PRJ01": "dynamic_maintenance", "PRJ02": "original_use", "PRJ03": "original_use"}
    res = processing.run(
        "lowland:buildingconversion",
        {"CONVERSION": f"{SAMPLE}|layername=conversion", "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    got = {
        f["unit_ref"]: (f["conversion_status"], f["failed_conditions"])
        for f in res["OUTPUT"].getFeatures()
    }
    assert got == {
        "PRJ01-B1": ("eligible_plan_conforming", None),  # 0901 listed, 1200/4800 = 0.25
        "PRJ01-B2-F1": ("not_eligible", "gfa_added"),  # 250 m² added
    }
