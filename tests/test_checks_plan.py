"""按现状条件核定 (Y-5) and 混合用地核算 (Y-10, N-8): hand-computed numbers at every
boundary, then both algorithms through processing.run, on the sample projects, and in
qgis_process."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from check_helpers import memory_layer, qgis_run
from shapely.geometry import box

from lowland_under_test.lowland_plugin.core.checks import mixed_use, status_quo
from lowland_under_test.lowland_plugin.core.common import mapping
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import (
    LocalValue,
    Source,
    load_profile,
)

ROOT = Path(__file__).resolve().parents[1]
X0, Y0 = 607000.0, 4262000.0  # EPSG:4544 (CGCS2000 3-degree GK CM 105E), Yinchuan


def square(x, y, w, h=None):
    return box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + (w if h is None else h))


def rules(reasons_text):
    return {item["rule"]: item for item in json.loads(reasons_text)}


# ============================================================== code tables


def test_code_tables_are_read_not_hard_coded():
    items = status_quo.statusquo_items()  # the default profile's statusquo_items (Y-5)
    assert set(items) == {
        "setback",
        "frontage",
        "density",
        "sunlight",
        "green_ratio",
        "parking",
        "fire",
        "safety",
        "environment",
    }
    assert items["density"]["better"] == "lower" and items["setback"]["better"] == "higher"
    assert [k for k, v in items.items() if not v["relaxable"]] == ["fire", "safety", "environment"]
    caps = {r["category"]: r["max_years"] for r in mixed_use.lease_terms()}
    assert caps == {
        "residential": 70,
        "industrial": 50,
        "public": 50,
        "commercial": 40,
        "other": 50,
    }


@pytest.mark.parametrize(
    "code, category",
    [
        ("0701", "residential"),
        ("070101", "residential"),
        ("0703", "residential"),
        ("1001", "industrial"),
        ("100101", "industrial"),
        ("1101", "industrial"),
        ("110102", "industrial"),
        ("0804", "public"),
        ("0901", "commercial"),
        ("090101", "commercial"),
        ("1207", "other"),
        ("13", "other"),
    ],
)
def test_lease_category_by_code_prefix(code, category):
    assert mixed_use.lease_category(code)["category"] == category


# ============================================================== status quo (Y-5)


def judge(item, norm, current, proposed, consulted=None, joint=None):
    return status_quo.judge_item(item, norm, current, proposed, consulted, joint, None)


def test_proposed_exactly_at_the_norm_passes_in_both_directions():
    up = judge("setback", 10.0, 6.0, 10.0)  # higher: 10 ≥ 10
    down = judge("density", 0.3, 0.42, 0.3)  # lower: 0.3 ≤ 0.3
    for v in (up, down):
        assert (v["meets_norm"], v["sq_pass"], v["sq_status"]) == (True, True, "pass")
        assert v["needs_consultation"] is False
    assert rules(json.dumps(up["reasons"]))["meets_current_norm"]["met"] is True
    # float noise does not move a value across its limit: 0.1 + 0.2 vs 0.3
    assert judge("density", 0.3, 0.42, 0.1 + 0.2)["meets_norm"] is True
    assert judge("green_ratio", 0.1 + 0.2, 0.1, 0.3)["meets_norm"] is True


def test_just_below_the_norm_does_not_meet_it():
    up = judge("setback", 10.0, 12.0, 9.99)  # current 12 ≥ proposal: worse than current
    down = judge("density", 0.3, 0.25, 0.3001)
    for v in (up, down):
        assert v["meets_norm"] is False and v["not_worse"] is False
        assert (v["sq_pass"], v["sq_status"], v["needs_consultation"]) == (False, "fail", True)
    item = {i["rule"]: i for i in up["reasons"]}["meets_current_norm"]
    assert (item["value"], item["threshold"], item["met"], item["clause"]) == (
        9.99,
        10.0,
        False,
        "Y-5",
    )


@pytest.mark.parametrize("consulted, joint", [(True, True), (True, False), (None, None)])
def test_not_worse_than_current_exactly_is_tier_1_with_no_procedure(consulted, joint):
    # Y-5 tier 1 (银川实施意见（五）以不低于现状条件为底线): no consultation is required, so
    # the verdict is pass_not_worse whatever the review flags (was conditional_needs_review
    # without consultation: the text asks for the procedure only at tier 2).
    # setback (higher): norm 10, current 6, proposed 6 → 6 ≥ 6 not worse
    v = judge("setback", 10.0, 6.0, 6.0, consulted, joint)
    assert (v["meets_norm"], v["not_worse"], v["needs_consultation"]) == (False, True, False)
    assert (v["sq_pass"], v["sq_status"]) == (True, "pass_not_worse")
    assert "consultation_and_joint_review" not in {i["rule"] for i in v["reasons"]}
    # density (lower): norm 0.3, current 0.42, proposed 0.42 → 0.42 ≤ 0.42 not worse
    v = judge("density", 0.3, 0.42, 0.42, consulted, joint)
    assert (v["not_worse"], v["sq_pass"], v["sq_status"]) == (True, True, "pass_not_worse")


def test_frontage_norm_is_a_maximum():
    # Y-5 面宽: the norm is a maximum continuous frontage (lower is better; was higher).
    # audit E-SQ: norm 80, current 100, proposed 120 → 120 > 80 and 120 > 100: worse than
    # today and above the norm → fail (was pass)
    v = judge("frontage", 80.0, 100.0, 120.0)
    assert (v["meets_norm"], v["not_worse"], v["sq_status"]) == (False, False, "fail")
    # proposed 100 = current 100 (boundary, ≤): not worse → tier 1 pass
    v = judge("frontage", 80.0, 100.0, 100.0)
    assert (v["meets_norm"], v["not_worse"], v["sq_status"]) == (False, True, "pass_not_worse")
    # proposed 80 = norm 80: meets the maximum exactly; 80.01 > 80 does not
    assert judge("frontage", 80.0, 100.0, 80.0)["sq_status"] == "pass"
    assert judge("frontage", 80.0, 100.0, 80.01)["meets_norm"] is False


@pytest.mark.parametrize(
    "consulted, publicized, joint, status",
    [
        (True, True, True, "pass_joint_review"),
        (True, False, True, "fail"),
        (False, True, True, "fail"),
        (True, True, False, "fail"),
        (None, None, None, "fail"),
    ],
)
def test_worse_than_current_by_a_little_needs_the_whole_tier_2_procedure(
    consulted, publicized, joint, status
):
    # Y-5 tier 2 (合理核定): below the current condition only after consultation, publicity
    # and joint review, all three recorded (was fail even after review).
    # parking (higher): norm 120, current 40, proposed 39.99 < 40 → worse than today
    # density (lower): norm 0.3, current 0.42, proposed 0.4201 > 0.42 → worse than today
    higher = status_quo.judge_item("parking", 120.0, 40.0, 39.99, consulted, joint, publicized)
    lower = status_quo.judge_item("density", 0.3, 0.42, 0.4201, consulted, joint, publicized)
    for v in (higher, lower):
        assert (v["meets_norm"], v["not_worse"], v["needs_consultation"]) == (False, False, True)
        assert (v["sq_pass"], v["sq_status"]) == (status == "pass_joint_review", status)
        by_rule = {i["rule"]: i for i in v["reasons"]}
        assert by_rule["not_worse_than_current"]["met"] is False
        review = by_rule["consultation_and_joint_review"]
        assert review["value"] == {
            "consulted": consulted,
            "publicized": publicized,
            "joint_review": joint,
        }
        assert review["met"] is (status == "pass_joint_review")
    assert {i["rule"]: i for i in higher["reasons"]}["not_worse_than_current"]["threshold"] == 40.0


@pytest.mark.parametrize("item", ["fire", "safety", "environment"])
def test_never_relaxed_items_below_the_norm_fail_even_when_not_worse(item):
    # norm 1, current 0.5, proposed 0.9: better than the current condition, below the norm
    v = status_quo.judge_item(item, 1.0, 0.5, 0.9, True, True, True)  # full review recorded
    assert (v["meets_norm"], v["not_worse"]) == (False, True)
    assert (v["sq_pass"], v["sq_status"], v["needs_consultation"]) == (False, "fail", False)
    assert {i["rule"]: i for i in v["reasons"]}["never_relaxed"]["met"] is False
    assert judge(item, 1.0, 0.5, 1.0)["sq_status"] == "pass"  # exactly at the norm


def test_missing_values_are_reported_never_guessed():
    assert judge("setback", None, 6.0, 8.0)["sq_status"] == "missing"
    v = judge("setback", 10.0, 6.0, None)
    assert (v["sq_status"], v["sq_pass"], v["sq_missing_fields"]) == (
        "missing",
        None,
        "proposed_value",
    )
    both = judge("setback", float("nan"), 6.0, None)
    assert both["sq_missing_fields"] == "norm_value,proposed_value"
    # current needed only when the norm is not met and the item is relaxable
    assert judge("setback", 10.0, None, 11.0)["sq_status"] == "pass"
    gap = judge("setback", 10.0, None, 8.0)
    assert (gap["sq_status"], gap["sq_missing_fields"], gap["meets_norm"]) == (
        "missing",
        "current_value",
        False,
    )
    assert {i["rule"]: i for i in gap["reasons"]}["values_present"]["met"] is False
    assert judge("fire", 1.0, None, 0.0)["sq_status"] == "fail"  # fire fails without it


def sq_frame(rows):
    columns = [
        "project_id",
        "item",
        "norm_value",
        "current_value",
        "proposed_value",
        "consulted",
        "joint_review",
    ]
    frame = gpd.GeoDataFrame(pd.DataFrame(rows, columns=columns), geometry=[None] * len(rows))
    return mapping.template_frame(frame, "statusquo", required=("project_id", "item"))


def test_status_quo_rows_and_project_summary():
    t = sq_frame(
        [
            ["A", "setback", 10, 6, 5, True, True],  # 5 < 6: tier 2, reviewed (publicized)
            ["A", "建筑密度", 0.3, 0.42, 0.4, True, False],  # Chinese name; 0.4 ≤ 0.42 tier 1
            ["A", "PARKING", 120, 40, 130, None, None],  # pass
            ["B", "green_ratio", 0.3, 0.18, 0.15, False, False],  # fail
            ["B", "sunlight", 2, None, 1, None, None],  # missing
            ["C", "fire", 1, 0, 1, None, None],  # pass
            ["D", "frontage", 12, None, None, None, None],  # missing
        ]
    )
    t["publicized"] = pd.array([True, None, None, None, None, None, None], dtype="boolean")
    result = status_quo.status_quo_check(t)
    rows = result.table
    assert rows["item"].tolist() == [
        "setback",
        "density",
        "parking",
        "green_ratio",
        "sunlight",
        "fire",
        "frontage",
    ]
    # Y-5 tiers: setback below today after the full procedure → pass_joint_review; density
    # not worse than today → pass_not_worse with no procedure (was conditional_needs_review)
    assert rows["sq_status"].tolist() == [
        "pass_joint_review",
        "pass_not_worse",
        "pass",
        "fail",
        "missing",
        "pass",
        "missing",
    ]
    assert rows["sq_pass"].tolist() == [True, True, True, False, pd.NA, True, pd.NA]
    assert rows["item_name"].iloc[1] == "建筑密度" and rows["better"].iloc[1] == "lower"
    s = result.extra.set_index("project_id")
    assert s["sq_project_status"].to_dict() == {
        "A": "pass_joint_review",
        "B": "fail",
        "C": "pass",
        "D": "missing",
    }
    assert s["sq_all_pass"].tolist() == [True, False, True, pd.NA]
    assert s.loc["A", "sq_review_items"] == "setback" and s.loc["A", "sq_pass_count"] == 3
    assert (s.loc["B", "sq_fail_items"], s.loc["B", "sq_missing_items"]) == (
        "green_ratio",
        "sunlight",
    )
    assert pd.isna(s.loc["A", "sq_fail_items"])
    assert [i["status"] for i in json.loads(s.loc["A", "reasons"])] == [
        "pass_joint_review",
        "pass_not_worse",
        "pass",
    ]


def test_status_quo_items_and_directions_come_from_the_profile():
    # Y-5 "等": a city adds 容积率 (lower is not better: higher) as relaxable and makes
    # 停车位 never relaxed; adopted by the city, so no warning
    profile = load_profile("default")
    rows = [r for r in profile.value("statusquo_items") if r["item"] != "parking"]
    rows += [
        {"item": "parking", "better": "higher", "relaxable": False, "name_zh": "停车位",
         "name_en": "Parking"},
        {"item": "plot_ratio", "better": "higher", "relaxable": True, "name_zh": "容积率",
         "name_en": "FAR"},
    ]  # fmt: skip
    src = Source("city_y5", "某市按现状条件核定办法", "某市办法", "adopted")
    local = dict(profile.local) | {"statusquo_items": LocalValue("statusquo_items", rows, src)}
    city = dataclasses.replace(profile, local=local)
    t = sq_frame(
        [
            ["A", "容积率", 2.0, 1.5, 1.8, None, None],  # 1.8 < 2.0, ≥ 1.5: tier 1
            ["A", "parking", 120, 40, 100, True, True],  # 100 < 120: never relaxed → fail
        ]
    )
    res = status_quo.status_quo_check(t, profile=city)
    assert res.table["sq_status"].tolist() == ["pass_not_worse", "fail"]
    assert res.warnings == []
    # the default profile: 容积率 is no Y-5 item there (refused, naming the profile's table);
    # its directions are this plugin's reading (local_choice), said once
    with pytest.raises(LowlandInputError, match="statusquo_items"):
        status_quo.status_quo_check(t)
    res = status_quo.status_quo_check(t.iloc[1:])
    assert res.table["sq_status"].tolist() == ["pass_not_worse"]  # 100 < 120 but ≥ 40: tier 1
    assert len(res.warnings) == 1 and "statusquo_items" in res.warnings[0]


def test_unknown_items_list_the_allowed_ones():
    t = sq_frame([["A", "height", 1, 1, 1, None, None], ["A", "setback", 1, 1, 1, None, None]])
    with pytest.raises(LowlandInputError) as err:
        status_quo.status_quo_check(t)
    text = str(err.value)
    assert "'height'" in text and "setback" in text and "environment" in text and "退距" in text


def test_status_quo_input_errors_are_listed_together():
    t = sq_frame(
        [
            [None, "setback", 1, 1, 1, None, None],
            ["A", "fire", 1, 1, 1, None, None],
            ["A", "消防", 1, 1, 1, None, None],
            ["Z", "parking", 1, 1, 1, None, None],
        ]
    )
    projects = gpd.GeoDataFrame(
        {"project_id": ["A"], "project_name": ["甲"]}, geometry=[square(0, 0, 10)], crs=4544
    )
    with pytest.raises(LowlandInputError) as err:
        status_quo.status_quo_check(t, projects)
    text = str(err.value)
    assert "[1]" in text and "A/fire" in text and "['Z']" in text
    with pytest.raises(LowlandInputError, match="proposed_value"):
        status_quo.status_quo_check(t.drop(columns=["proposed_value"]))


def test_status_quo_with_projects_carries_names_and_geometry():
    t = sq_frame([["B", "setback", 10, 6, 11, None, None]])
    projects = gpd.GeoDataFrame(
        {"project_id": ["A", "B"], "project_name": ["甲", "乙"]},
        geometry=[square(0, 0, 10), square(20, 0, 10)],
        crs=4544,
    )
    result = status_quo.status_quo_check(t, projects)
    assert result.table["project_name"].tolist() == ["乙"]
    s = result.extra
    assert s["project_id"].tolist() == ["A", "B"]
    assert s["sq_project_status"].tolist() == [status_quo.SQ_NO_ITEMS, "pass"]
    assert s["sq_item_count"].tolist() == [0, 1] and s.geometry.area.tolist() == [100.0, 100.0]
    assert "A" in result.info[-1]


def test_a_table_without_publicized_reads_consulted_as_consulted_and_published():
    # audit E-SQ setback: norm 5, current 3, proposed 2 < 3 (below today), consulted and
    # joint_review true, no publicized field (earlier template: consulted = 已征求意见并公示)
    # → tier 2 recorded → pass_joint_review (was fail)
    t = sq_frame([["S1", "setback", 5, 3, 2, True, True]])
    result = status_quo.status_quo_check(t)
    assert result.table["sq_status"].tolist() == ["pass_joint_review"]
    assert any("publicized" in i for i in result.info)
    # with the field present but empty, publicity is not recorded → fail
    t["publicized"] = pd.array([None], dtype="boolean")
    result = status_quo.status_quo_check(t)
    assert result.table["sq_status"].tolist() == ["fail"]
    assert not any("publicized" in i for i in result.info)


# ============================================================== mixed use (Y-10, N-8)


def test_lease_terms_of_community_service_facilities_are_not_housing():
    # E-MIX X2 (条例 第十二条): 0702 城镇社区服务设施 and 0704 农村社区服务设施 sit under 居住 (07)
    # in the 2023 classification but are public service facilities, not housing: 教育、科技、
    # 文化、卫生、体育 50 years (was 居住 70); 0701 城镇住宅 stays 70.
    # gfa 1000 + 9000 + 500 = 10500; proposals 70 for 0702 and 0704 → capped at 50
    t, uses, _ = mixed(
        [
            {
                "project_id": "X2",
                "gfa_by_use": '{"0702": 1000, "0701": 9000, "0704": 500}',
                "lease_years_by_use": '{"0702": 70, "0704": 70}',
            }
        ]
    )
    assert json.loads(t.loc["X2", "lease_terms"]) == {"0701": 70, "0702": 50, "0704": 50}
    assert bool(t.loc["X2", "lease_capped"]) is True
    by_use = uses.set_index("use_code")
    assert by_use["lease_category"].to_dict() == {
        "0701": "residential",
        "0702": "public",
        "0704": "public",
    }
    assert "0702" in mixed_use.lease_category("070201")["source"]  # the why is documented
    assert mixed_use.lease_category("0703")["max_years"] == 70  # 农村宅基地 stays 居住


def test_unzoned_land_is_reported_as_unpriced_with_a_warning():
    # E-MIX X1: project 100 × 100 = 10000 m²; zones 0901 30 × 100 = 3000, 0701 30 × 100 = 3000;
    # unzoned 10000 − 6000 = 4000 m² = 40 %. Start price Σ zone area × price
    # = 3000 × 5000 + 3000 × 4000 = 27 000 000, covering 60 % of the land.
    zones = zones_frame(
        [("X1", "0901", square(0, 0, 30, 100)), ("X1", "0701", square(30, 0, 30, 100))]
    )
    t, _, result = mixed(
        [{"project_id": "X1", "price_by_use": '{"0901": 5000, "0701": 4000}'}],
        zones,
        geoms=[square(0, 0, 100)],
    )
    row = t.loc["X1"]
    assert row["uncovered_m2"] == pytest.approx(4000.0)
    assert row["combined_price"] == pytest.approx(27_000_000.0)
    (warning,) = [w for w in result.warnings if "X1" in w]
    assert "4000.00 m²" in warning and "40.0%" in warning and "60.0%" in warning
    # fully zoned (boundary: uncovered 0) → no such warning
    full = zones_frame(
        [("X1", "0901", square(0, 0, 50, 100)), ("X1", "0701", square(50, 0, 50, 100))]
    )
    _, _, result = mixed([{"project_id": "X1"}], full, geoms=[square(0, 0, 100)])
    assert not [w for w in result.warnings if "X1" in w]


def _with_lists(positive, negative):
    profile = load_profile("default")
    src = Source("test_list", "测试清单", "测试清单", "adopted")
    local = dict(profile.local)
    local["mixed_use_positive"] = LocalValue("mixed_use_positive", positive, src)
    local["mixed_use_negative"] = LocalValue("mixed_use_negative", negative, src)
    return dataclasses.replace(profile, local=local)


def test_positive_and_negative_lists_report_uses():
    projects = projects_frame(
        [{"project_id": "L", "gfa_by_use": '{"0701": 6000, "0901": 3000, "1001": 1000}'}]
    )
    # default: both lists empty (local_choice) → nothing reported, one warning naming both
    result = mixed_use.mixed_use(projects)
    assert pd.isna(result.table.loc[0, "uses_not_allowed"])
    (pending,) = [w for w in result.warnings if "mixed_use_negative" in w]
    assert "mixed_use_positive" in pending
    # negative list ["10"] (prefix): 1001 is on it; positive ["07", "09", "10"]: all on it
    result = mixed_use.mixed_use(projects, profile=_with_lists(["07", "09", "10"], ["10"]))
    row = result.table.iloc[0]
    assert row["uses_not_allowed"] == "1001"
    r = rules(row["reasons"])
    assert r["use_not_on_negative_list"]["met"] is False
    assert r["use_not_on_negative_list"]["source"] == "测试清单"
    assert r["use_on_positive_list"]["met"] is True
    assert any("L" in w and "1001" in w for w in result.warnings)
    assert not any("mixed_use_negative" in w for w in result.warnings)  # adopted: no warning
    # positive list ["07"] only: 0901 and 1001 are off it
    result = mixed_use.mixed_use(projects, profile=_with_lists(["07"], []))
    assert result.table.loc[0, "uses_not_allowed"] == "0901,1001"


def projects_frame(rows, geoms=None):
    geoms = geoms or [square(200 * i, 0, 100) for i in range(len(rows))]  # 10000 m² each
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4544")
    return mapping.template_frame(gdf, "projects", required=("project_id",))


def zones_frame(rows):
    gdf = gpd.GeoDataFrame(
        [{"project_id": p, "use_code": c} for p, c, _ in rows],
        geometry=[g for _, _, g in rows],
        crs="EPSG:4544",
    )
    return mapping.template_frame(gdf, "zones", required=("project_id",))


def mixed(rows, zones=None, geoms=None):
    result = mixed_use.mixed_use(projects_frame(rows, geoms), zones)
    return result.table.set_index("project_id"), result.extra, result


def test_equal_shares_are_a_reported_tie():
    t, uses, _ = mixed([{"project_id": "TIE", "gfa_by_use": '{"0701": 5000, "0901": 5000}'}])
    row = t.loc["TIE"]
    assert row["mix_basis"] == "gfa" and row["mix_use_count"] == 2
    assert pd.isna(row["main_use"]) and bool(row["main_use_tie"])
    assert row["tied_uses"] == "0701,0901" and row["main_share"] == 0.5
    item = rules(row["reasons"])["main_use_largest_share"]
    assert item["met"] is None and item["tied_uses"] == ["0701", "0901"]
    assert not uses["is_main_use"].any()


def test_shares_closer_than_the_tolerance_tie_and_further_apart_do_not():
    assert mixed_use.main_use_of({"0701": 0.5, "0901": 0.5 - 1e-10}) == (None, ["0701", "0901"])
    assert mixed_use.main_use_of({"0701": 0.5, "0901": 0.5 - 1e-8}) == ("0701", [])
    assert mixed_use.main_use_of({"0701": 0.4, "0901": 0.4, "1001": 0.2}) == (
        None,
        ["0701", "0901"],
    )
    assert mixed_use.main_use_of({}) == (None, [])


def test_shares_from_floor_area():
    # 6000 + 4000 m² counted floor area → 0.6 / 0.4; main use 0701
    t, uses, _ = mixed([{"project_id": "G", "gfa_by_use": '{"0901": 4000, "0701": 6000}'}])
    row = t.loc["G"]
    assert (row["main_use"], row["main_share"], bool(row["main_use_tie"])) == ("0701", 0.6, False)
    assert row["main_use_name"] == "城镇住宅用地"
    assert json.loads(row["use_shares"]) == {"0701": 0.6, "0901": 0.4}
    assert pd.isna(row["zoned_area_m2"]) and pd.isna(row["uncovered_m2"])
    assert uses["use_code"].tolist() == ["0701", "0901"]  # largest share first
    assert uses["use_gfa"].tolist() == [6000.0, 4000.0]
    assert rules(row["reasons"])["use_shares_from_gfa"]["gfa_total"] == 10000.0


def test_shares_from_zones_take_precedence_over_floor_area():
    # project 100 × 100 = 10000 m²: 0901 zone 60 × 100 = 6000, 0701 zone 30 × 100 = 3000,
    # 10 × 100 = 1000 m² not zoned; the floor area would have made 0701 the main use
    zones = zones_frame(
        [
            ("Z", "0901", square(0, 0, 60, 100)),
            ("Z", "0701", square(60, 0, 20, 100)),
            ("Z", "0701", square(80, 0, 10, 100)),  # second zone of the same use
        ]
    )
    t, uses, _ = mixed([{"project_id": "Z", "gfa_by_use": '{"0701": 9000, "0901": 1000}'}], zones)
    row = t.loc["Z"]
    assert row["mix_basis"] == "zones" and row["main_use"] == "0901"
    assert json.loads(row["use_shares"]) == {"0901": 0.6, "0701": 0.3}
    assert row["zoned_area_m2"] == pytest.approx(9000.0)
    assert row["uncovered_m2"] == pytest.approx(1000.0)
    assert row["uncovered_share"] == pytest.approx(0.1)
    r = rules(row["reasons"])
    assert r["land_not_zoned"]["value"] == 1000.0 and "gfa_shares_not_used" in r
    assert uses["use_area_m2"].tolist() == pytest.approx([6000.0, 3000.0])
    assert uses["use_share"].tolist() == pytest.approx([0.6, 0.3])


def test_zones_are_clipped_to_the_project_and_overlaps_refused():
    # 0701 zone reaches 50 m beyond the project: only its 50 × 100 inside counts
    zones = zones_frame(
        [("P", "0701", square(50, 0, 100, 100)), ("P", "0901", square(0, 0, 50, 100))]
    )
    t, _, _ = mixed([{"project_id": "P"}], zones)
    row = t.loc["P"]
    assert bool(row["main_use_tie"]) and row["tied_uses"] == "0701,0901"
    assert row["uncovered_m2"] == pytest.approx(0.0)
    assert rules(row["reasons"])["zones_outside_project"]["value"] == 5000.0
    overlapping = zones_frame(
        [("P", "0701", square(0, 0, 60, 100)), ("P", "0901", square(50, 0, 50, 100))]
    )
    with pytest.raises(LowlandInputError, match="1000.00 m²"):
        mixed_use.mixed_use(projects_frame([{"project_id": "P"}]), overlapping)


def test_zone_wholly_outside_its_project_is_refused_naming_it():
    # issue 21 item 13: the second zone (100 × 100 = 10000 m²) lies 400 m east of project P
    zones = zones_frame(
        [("P", "0701", square(0, 0, 100, 100)), ("P", "0901", square(500, 0, 100, 100))]
    )
    with pytest.raises(LowlandInputError, match=r"第 2 个要素（10000.00 m²）完全在其项目 P"):
        mixed_use.mixed_use(projects_frame([{"project_id": "P"}]), zones)


@pytest.mark.parametrize(
    "code, cap",
    [
        ("0701", 70),  # 居住
        ("100101", 50),  # 工业 10xx
        ("110101", 50),  # 仓储 11xx
        ("0901", 40),  # 商业
        ("0804", 50),  # 教育科技文化卫生体育 08xx
        ("1207", 50),  # 其他
    ],
)
def test_lease_terms_exactly_at_the_cap_and_one_year_above(code, cap):
    rows = [
        {
            "project_id": "AT",
            "gfa_by_use": json.dumps({code: 1}),
            "lease_years_by_use": json.dumps({code: cap}),
        },
        {
            "project_id": "ABOVE",
            "gfa_by_use": json.dumps({code: 1}),
            "lease_years_by_use": json.dumps({code: cap + 1}),
        },
        {"project_id": "NONE", "gfa_by_use": json.dumps({code: 1})},
    ]
    t, uses, _ = mixed(rows)
    assert json.loads(t.loc["AT", "lease_terms"]) == {code: cap}
    assert json.loads(t.loc["ABOVE", "lease_terms"]) == {code: cap}
    assert json.loads(t.loc["NONE", "lease_terms"]) == {code: cap}
    assert t["lease_capped"].tolist() == [False, True, False]
    at, above, none = (rules(t.loc[p, "reasons"])["lease_term_within_legal_max"] for p in t.index)
    assert (at["value"], at["threshold"], at["met"]) == (cap, cap, True)
    assert (above["value"], above["threshold"], above["met"]) == (cap + 1, cap, False)
    assert "第十二条" in above["source"] and above["lease_years"] == cap
    assert (none["value"], none["met"]) == (None, None)
    assert uses["lease_max"].tolist() == [cap] * 3
    assert uses["lease_proposed"].tolist()[:2] == [cap, cap + 1]
    assert pd.isna(uses["lease_proposed"].iloc[2])


def test_lease_terms_differ_by_use_and_unused_entries_are_reported():
    t, uses, _ = mixed(
        [
            {
                "project_id": "M",
                "gfa_by_use": '{"0701": 7000, "0901": 3000}',
                "lease_years_by_use": '{"0701": 70, "0901": 45, "1001": 50}',
            }
        ]
    )
    assert json.loads(t.loc["M", "lease_terms"]) == {"0701": 70, "0901": 40}
    assert uses["lease_category"].tolist() == ["residential", "commercial"]
    assert uses["lease_capped"].tolist() == [False, True]
    assert rules(t.loc["M", "reasons"])["lease_for_absent_use"]["value"] == ["1001"]


def test_combined_start_price():
    # shares 0.7 / 0.3, prices 2600 / 3100 元/m²: 0.7 × 2600 + 0.3 × 3100 = 2750 元/m²,
    # × 10000 m² = 27 500 000 元
    t, uses, _ = mixed(
        [
            {
                "project_id": "C",
                "gfa_by_use": '{"0701": 7000, "0901": 3000}',
                "price_by_use": '{"0701": 2600, "0901": 3100}',
            },
            {
                "project_id": "NOPRICE",
                "gfa_by_use": '{"0701": 7000, "0901": 3000}',
                "price_by_use": '{"0701": 2600}',
            },
        ]
    )
    assert t.loc["C", "combined_unit_price"] == pytest.approx(2750.0)
    assert t.loc["C", "combined_price"] == pytest.approx(27_500_000.0)
    item = rules(t.loc["C", "reasons"])["combined_start_price"]
    assert item["formula"] == "Σ(share_u × price_u) × area_m2" and item["value"] == 27_500_000.0
    c = uses[uses["project_id"] == "C"]
    assert c["price_part"].tolist() == pytest.approx([18_200_000.0, 9_300_000.0])
    assert pd.isna(t.loc["NOPRICE", "combined_price"])
    assert rules(t.loc["NOPRICE", "reasons"])["combined_start_price"]["missing_price"] == ["0901"]


def test_combined_price_with_zones_prices_only_zoned_land():
    # 0901 6000 m² × 3000 + 0701 3000 m² × 2000 = 24 000 000; 1000 m² not zoned, not priced
    zones = zones_frame(
        [("Z", "0901", square(0, 0, 60, 100)), ("Z", "0701", square(60, 0, 30, 100))]
    )
    t, _, _ = mixed([{"project_id": "Z", "price_by_use": '{"0701": 2000, "0901": 3000}'}], zones)
    assert t.loc["Z", "combined_unit_price"] == pytest.approx(2400.0)
    assert t.loc["Z", "combined_price"] == pytest.approx(24_000_000.0)


def test_project_without_zones_or_floor_area_gets_no_shares():
    t, uses, result = mixed([{"project_id": "E"}])
    row = t.loc["E"]
    assert pd.isna(row["mix_basis"]) and row["mix_use_count"] == 0 and pd.isna(row["main_use"])
    assert pd.isna(row["combined_price"]) and len(uses) == 0
    assert "E" in result.warnings[0]


@pytest.mark.parametrize(
    "over, message",
    [
        ({"gfa_by_use": "{0701: 1}"}, "不是 JSON"),
        ({"gfa_by_use": "[1, 2]"}, "JSON 对象"),
        ({"gfa_by_use": '{"9999": 1}'}, "'9999'"),
        ({"gfa_by_use": '{"0701": -1}'}, "≥ 0"),
        ({"gfa_by_use": '{"701": 1, "0701": 2}'}, "重复"),
        ({"lease_years_by_use": '{"0701": 0}'}, "> 0"),
        ({"price_by_use": '{"0701": "high"}'}, "price_by_use"),
    ],
)
def test_mixed_use_input_errors_name_the_project(over, message):
    with pytest.raises(LowlandInputError, match=message) as err:
        mixed_use.mixed_use(projects_frame([{"project_id": "BAD"} | over]))
    assert "BAD" in str(err.value)


def test_zone_errors_are_listed():
    zones = zones_frame(
        [
            ("NOPE", "0701", square(0, 0, 10)),
            ("P", None, square(0, 0, 10)),
            ("P", "0999", square(0, 0, 10)),
        ]
    )
    with pytest.raises(LowlandInputError) as err:
        mixed_use.mixed_use(projects_frame([{"project_id": "P"}]), zones)
    text = str(err.value)
    assert "NOPE" in text and "use_code 为空" in text and "0999" in text


# ============================================================== processing.run


SQ_FIELDS = (
    "field=project_id:string&field=item:string&field=norm_value:double"
    "&field=current_value:double&field=proposed_value:double&field=consulted:boolean"
    "&field=joint_review:boolean"
)


def by_key(layer, *keys):
    return {
        tuple(f[k] for k in keys) if len(keys) > 1 else f[keys[0]]: f for f in layer.getFeatures()
    }


def test_statusquocheck_processing_on_a_table_without_geometry(lowland_provider, tmp_path):
    from qgis.core import NULL, QgsProcessingException, QgsVectorLayer, QgsWkbTypes

    import processing

    table = memory_layer(
        "None",
        SQ_FIELDS,
        [
            (["P1", "setback", 10.0, 6.0, 6.0, True, True], None),
            (["P1", "density", 0.3, 0.42, 0.42, True, None], None),
            (["P1", "fire", 1.0, 0.5, 0.9, True, True], None),
            (["P2", "parking", 120.0, 40.0, 120.0, None, None], None),
            (["P2", "sunlight", 2.0, None, 1.5, None, None], None),
        ],
    )
    projects = memory_layer(
        "Polygon",
        "field=project_id:string&field=project_name:string",
        [
            (["P1", "一号"], square(0, 0, 100)),
            (["P2", "二号"], square(200, 0, 100)),
            (["P3", "三号"], square(400, 0, 50)),
        ],
    )
    feedback = Messages()
    res = processing.run(
        "lowland:statusquocheck",
        {
            "STATUSQUO": table,
            "PROJECTS": projects,
            "OUTPUT": str(tmp_path / "sq.gpkg"),
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
        feedback=feedback,
    )
    assert any("P1" in w and "fire" in w for w in feedback.warnings)
    assert any("P2" in w and "sunlight" in w for w in feedback.warnings)
    # Y-5 tier 1: density 0.42 ≤ current 0.42 needs no review any more (was listed as such)
    assert not any("P1" in i and "density" in i for i in feedback.infos)
    assert any("P3" in i for i in feedback.infos)  # no status-quo rows
    out = QgsVectorLayer(res["OUTPUT"], "sq", "ogr")
    assert out.isValid() and out.wkbType() == QgsWkbTypes.NoGeometry
    rows = by_key(out, "project_id", "item")
    assert rows[("P1", "setback")]["sq_status"] == "pass_not_worse"
    assert rows[("P1", "density")]["sq_status"] == "pass_not_worse"  # tier 1 (Y-5)
    assert rows[("P1", "density")]["needs_consultation"] is False
    assert rows[("P1", "fire")]["sq_status"] == "fail" and rows[("P1", "fire")]["sq_pass"] is False
    assert rows[("P2", "parking")]["sq_status"] == "pass"
    assert rows[("P2", "sunlight")]["sq_status"] == "missing"
    assert rows[("P2", "sunlight")]["sq_pass"] == NULL
    assert rows[("P1", "setback")]["project_name"] == "一号"
    assert json.loads(rows[("P1", "fire")]["reasons"])[-1]["rule"] == "never_relaxed"
    summary = res["SUMMARY"]
    assert QgsWkbTypes.geometryType(summary.wkbType()) == QgsWkbTypes.PolygonGeometry
    s = by_key(summary, "project_id")
    assert s["P1"]["sq_project_status"] == "fail" and s["P1"]["sq_fail_items"] == "fire"
    assert s["P1"]["sq_review_items"] == NULL and s["P1"]["sq_all_pass"] is False
    assert s["P2"]["sq_project_status"] == "missing" and s["P2"]["sq_all_pass"] == NULL
    assert s["P3"]["sq_project_status"] == "no_items"
    assert s["P3"].geometry().area() == 2500.0
    from lowland_under_test.lowland_plugin.i18n import language

    expected = {"zh": "核定状态", "en": "Check status"}[language()]
    assert out.attributeAlias(out.fields().indexOf("sq_status")) == expected

    bad = memory_layer("None", SQ_FIELDS, [(["P1", "height", 1.0, 1.0, 1.0, None, None], None)])
    with pytest.raises(QgsProcessingException, match="setback"):
        processing.run("lowland:statusquocheck", {"STATUSQUO": bad, "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="item=指标X"):
        processing.run(
            "lowland:statusquocheck",
            {"STATUSQUO": table, "FIELD_MAP": "item=指标X", "OUTPUT": "TEMPORARY_OUTPUT"},
        )


def test_statusquocheck_processing_without_projects_and_a_field_map(lowland_provider):
    from qgis.core import NULL, QgsWkbTypes

    import processing

    table = memory_layer(
        "None",
        "field=编号:string&field=指标:string&field=标准:double&field=现状:double&field=方案:double",
        [(["Q", "绿地率", 0.3, 0.2, 0.2], None)],
    )
    res = processing.run(
        "lowland:statusquocheck",
        {
            "STATUSQUO": table,
            "FIELD_MAP": "project_id=编号; item=指标; norm_value=标准; current_value=现状;"
            " proposed_value=方案",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    (row,) = list(res["OUTPUT"].getFeatures())
    # 0.2 = current 0.2: Y-5 tier 1, no procedure (was conditional_needs_review)
    assert (row["item"], row["sq_status"]) == ("green_ratio", "pass_not_worse")
    (summary,) = list(res["SUMMARY"].getFeatures())
    assert res["SUMMARY"].wkbType() == QgsWkbTypes.NoGeometry
    assert summary["sq_review_items"] == NULL  # tier 1 is not a reviewed item (Y-5)


def Messages():  # noqa: N802 (a class made at call time: qgis.core is imported late)
    from qgis.core import QgsProcessingFeedback

    class _Messages(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.infos, self.progress = [], [], 0

        def pushWarning(self, text):  # noqa: N802 (QGIS API)
            self.warnings.append(text)

        def pushInfo(self, text):  # noqa: N802 (QGIS API)
            self.infos.append(text)

        def setProgress(self, value):  # noqa: N802 (QGIS API)
            self.progress = value

    return _Messages()


def test_mixeduse_processing(lowland_provider, tmp_path):
    from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

    import processing

    projects = memory_layer(
        "Polygon",
        "field=project_id:string&field=gfa_by_use:string&field=lease_years_by_use:string"
        "&field=price_by_use:string",
        [
            (
                [
                    "Z",
                    '{"0701": 9000, "0901": 1000}',
                    '{"0701": 71, "0901": 40}',
                    '{"0701": 2000, "0901": 3000}',
                ],
                square(0, 0, 100),
            ),
            (["T", '{"100101": 500, "110101": 500}', None, None], square(200, 0, 100)),
        ],
    )
    zones = memory_layer(
        "Polygon",
        "field=project_id:string&field=use_code:string",
        [(["Z", "0901"], square(0, 0, 60, 100)), (["Z", "0701"], square(60, 0, 30, 100))],
    )
    dest = tmp_path / "mixed.gpkg"
    feedback = Messages()
    res = processing.run(
        "lowland:mixeduse",
        {"PROJECTS": projects, "ZONES": zones, "OUTPUT": str(dest), "USES": "TEMPORARY_OUTPUT"},
        feedback=feedback,
    )
    assert any("T" in w and "100101,110101" in w for w in feedback.warnings)  # the tie
    assert any("Z" in w and '"0701": 70' in w for w in feedback.warnings)  # 71 → 70 years
    assert feedback.progress == 100
    layer = QgsVectorLayer(res["OUTPUT"], "r", "ogr")
    assert layer.isValid()
    out = by_key(layer, "project_id")
    z, t = out["Z"], out["T"]
    assert (z["mix_basis"], z["main_use"], z["main_share"]) == ("zones", "0901", 0.6)
    assert z["uncovered_m2"] == 1000.0 and z["uncovered_share"] == 0.1
    assert json.loads(z["lease_terms"]) == {"0901": 40, "0701": 70} and z["lease_capped"] is True
    assert z["combined_unit_price"] == 2400.0 and z["combined_price"] == 24_000_000.0
    assert (t["mix_basis"], t["main_use"], t["main_use_tie"]) == ("gfa", NULL, True)
    assert t["tied_uses"] == "100101,110101" and t["combined_price"] == NULL
    assert json.loads(t["lease_terms"]) == {"100101": 50, "110101": 50}
    names = layer.fields().names()
    assert names[1] == "project_id" and names[-1] == "reasons"  # after the GeoPackage fid
    from lowland_under_test.lowland_plugin.i18n import language

    expected = {"zh": "主要用途", "en": "Main use"}[language()]
    assert layer.attributeAlias(layer.fields().indexOf("main_use")) == expected
    uses = by_key(res["USES"], "project_id", "use_code")
    assert set(uses) == {("Z", "0901"), ("Z", "0701"), ("T", "100101"), ("T", "110101")}
    assert uses[("Z", "0701")]["lease_proposed"] == 71 and uses[("Z", "0701")]["lease_years"] == 70
    assert uses[("Z", "0901")]["is_main_use"] is True
    assert uses[("Z", "0901")]["price_part"] == 18_000_000.0

    bad = memory_layer(
        "Polygon",
        "field=project_id:string&field=gfa_by_use:string",
        [(["X", "{oops"], square(0, 0, 10))],
    )
    with pytest.raises(QgsProcessingException, match="X"):
        processing.run("lowland:mixeduse", {"PROJECTS": bad, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_empty_inputs_are_refused_and_an_empty_use_table_is_written(lowland_provider, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    import processing

    empty_table = memory_layer("None", SQ_FIELDS, [])
    with pytest.raises(QgsProcessingException, match="no rows"):
        processing.run(
            "lowland:statusquocheck", {"STATUSQUO": empty_table, "OUTPUT": "TEMPORARY_OUTPUT"}
        )
    no_projects = memory_layer("Polygon", "field=project_id:string", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        processing.run("lowland:mixeduse", {"PROJECTS": no_projects, "OUTPUT": "TEMPORARY_OUTPUT"})
    # a project with neither zones nor floor area: no shares, an empty per-use table
    bare = memory_layer("Polygon", "field=project_id:string", [(["E"], square(0, 0, 10))])
    for uses in ("TEMPORARY_OUTPUT", str(tmp_path / "uses.gpkg")):
        res = processing.run(
            "lowland:mixeduse", {"PROJECTS": bare, "OUTPUT": "TEMPORARY_OUTPUT", "USES": uses}
        )
        table = res["USES"]
        table = table if isinstance(table, QgsVectorLayer) else QgsVectorLayer(table, "u", "ogr")
        assert table.isValid() and table.featureCount() == 0
        assert "use_share" in table.fields().names()
        (row,) = list(res["OUTPUT"].getFeatures())
        assert row["mix_use_count"] == 0


# ============================================================== sample projects

SAMPLE_PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"


def _sample_layers() -> set[str]:
    if not SAMPLE_PROJECTS.is_file():
        return set()
    from lowland_under_test.lowland_plugin.bridge.ogr_io import list_ogr_layers

    return set(list_ogr_layers(str(SAMPLE_PROJECTS)))


@pytest.mark.skipif(
    not {"projects", "zones", "statusquo"} <= _sample_layers(),
    reason="resources/sample/sample_projects.gpkg with layers projects, zones, statusquo "
    "is not written yet",
)
def test_both_checks_on_the_sample_projects(lowland_provider):
    """Hand-computed from the sample: PRJ01 38406 m² (100101 only), PRJ02 34189 m² with zones
    0701 23932.3 + 0901 10256.7 m² (0.7 / 0.3), PRJ03 55638 m² (0804 only); status-quo rows
    of PRJ02."""
    from qgis.core import NULL

    import processing

    projects = f"{SAMPLE_PROJECTS}|layername=projects"
    res = processing.run(
        "lowland:mixeduse",
        {
            "PROJECTS": projects,
            "ZONES": f"{SAMPLE_PROJECTS}|layername=zones",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "USES": "TEMPORARY_OUTPUT",
        },
    )
    m = by_key(res["OUTPUT"], "project_id")
    p1, p2, p3 = m["PRJ01"], m["PRJ02"], m["PRJ03"]
    # PRJ01: one use, 50 years proposed = the industrial cap; 420 × 38406 = 16 130 520
    assert (p1["mix_basis"], p1["main_use"], p1["main_share"]) == ("gfa", "100101", 1.0)
    assert json.loads(p1["lease_terms"]) == {"100101": 50} and p1["lease_capped"] is False
    assert p1["combined_price"] == 16_130_520.0
    # PRJ02: zones 0.7 / 0.3 (not the floor-area 0.7333); 0901 45 → 40 years;
    # 0.7 × 2600 + 0.3 × 3100 = 2750 元/m² × 34189 = 94 019 750
    assert (p2["mix_basis"], p2["main_use"], p2["main_share"]) == ("zones", "0701", 0.7)
    assert json.loads(p2["use_shares"]) == {"0701": 0.7, "0901": 0.3}
    assert json.loads(p2["lease_terms"]) == {"0701": 70, "0901": 40} and p2["lease_capped"] is True
    assert p2["combined_unit_price"] == 2750.0 and p2["combined_price"] == 94_019_750.0
    assert p2["uncovered_m2"] == 0.0
    # PRJ03: a school, no lease proposal → the 50-year cap of 08; no price
    assert (p3["main_use"], json.loads(p3["lease_terms"])) == ("0804", {"0804": 50})
    assert p3["combined_price"] == NULL

    res = processing.run(
        "lowland:statusquocheck",
        {
            "STATUSQUO": f"{SAMPLE_PROJECTS}|layername=statusquo",
            "PROJECTS": projects,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    rows = by_key(res["OUTPUT"], "item")
    assert {k: f["sq_status"] for k, f in rows.items()} == {
        "setback": "pass_not_worse",  # 6 vs norm 10, = current 6, consulted + reviewed
        # Y-5 tier 1: 0.40 ≤ current 0.42 needs no procedure (was conditional_needs_review)
        "density": "pass_not_worse",
        "green_ratio": "fail",  # 0.15 < current 0.18
        "parking": "pass",  # 130 ≥ 120
        "fire": "pass",  # 1 = norm 1
    }
    s = by_key(res["SUMMARY"], "project_id")
    assert s["PRJ02"]["sq_project_status"] == "fail"
    assert (s["PRJ02"]["sq_fail_items"], s["PRJ02"]["sq_review_items"]) == ("green_ratio", NULL)
    assert s["PRJ01"]["sq_project_status"] == "no_items"


# ============================================================== qgis_process


@pytest.fixture(scope="module")
def plan_gpkg(tmp_path_factory):
    """A GeoPackage with projects, zones and a status-quo attribute table."""
    from lowland_under_test.lowland_plugin.bridge.ogr_io import write_ogr_layer

    path = tmp_path_factory.mktemp("plan") / "plan.gpkg"
    projects = gpd.GeoDataFrame(
        {
            "project_id": ["Q1"],
            "gfa_by_use": ['{"0701": 1, "0901": 1}'],
            "lease_years_by_use": ['{"0901": 41}'],
        },
        geometry=[square(0, 0, 100)],
        crs="EPSG:4544",
    )
    zones = gpd.GeoDataFrame(
        {"project_id": ["Q1", "Q1"], "use_code": ["0701", "0901"]},
        geometry=[square(0, 0, 70, 100), square(70, 0, 30, 100)],
        crs="EPSG:4544",
    )
    statusquo = gpd.GeoDataFrame(
        {
            "project_id": ["Q1", "Q1"],
            "item": ["setback", "environment"],
            "norm_value": [10.0, 1.0],
            "current_value": [6.0, 0.0],
            "proposed_value": [6.0, 0.5],
            "consulted": pd.array([True, None], dtype="boolean"),
            "joint_review": pd.array([True, None], dtype="boolean"),
        },
        geometry=[None, None],
    )
    write_ogr_layer(projects, str(path), "projects")
    write_ogr_layer(zones, str(path), "zones")
    write_ogr_layer(statusquo, str(path), "statusquo")
    return path


def read_output(path):
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    return read_ogr_layer(str(path))


def test_statusquocheck_in_qgis_process(qgis_env, plan_gpkg, tmp_path):
    dest, summary = tmp_path / "sq.gpkg", tmp_path / "sq_summary.gpkg"
    qgis_run(
        qgis_env,
        "lowland:statusquocheck",
        f"STATUSQUO={plan_gpkg}|layername=statusquo",
        f"PROJECTS={plan_gpkg}|layername=projects",
        f"OUTPUT={dest}",
        f"SUMMARY={summary}",
    )
    out = read_output(dest).set_index("item")
    assert out.loc["setback", "sq_status"] == "pass_not_worse"
    assert out.loc["environment", "sq_status"] == "fail"
    s = read_output(summary).set_index("project_id")
    assert s.loc["Q1", "sq_fail_items"] == "environment"


def test_mixeduse_in_qgis_process(qgis_env, plan_gpkg, tmp_path):
    dest, uses = tmp_path / "mixed.gpkg", tmp_path / "uses.gpkg"
    qgis_run(
        qgis_env,
        "lowland:mixeduse",
        f"PROJECTS={plan_gpkg}|layername=projects",
        f"ZONES={plan_gpkg}|layername=zones",
        f"OUTPUT={dest}",
        f"USES={uses}",
    )
    out = read_output(dest).set_index("project_id")
    assert (out.loc["Q1", "main_use"], out.loc["Q1", "main_share"]) == ("0701", 0.7)
    assert json.loads(out.loc["Q1", "lease_terms"]) == {"0701": 70, "0901": 40}
    assert len(read_output(uses)) == 2
