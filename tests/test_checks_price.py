"""容积率核定 (Y-4), 零星用地核查 (Y-7, N-10), 补缴地价 (Y-14, Y-15, N-9): hand-computed
numbers at every boundary, then the three algorithms through processing.run and
qgis_process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from check_helpers import qgis_run
from shapely.geometry import box

from lowland_under_test.lowland_plugin.core.checks import far, land_price, scattered
from lowland_under_test.lowland_plugin.core.common import calendar, mapping
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import (
    LocalValue,
    Source,
    load_profile,
)

ROOT = Path(__file__).resolve().parents[1]
X0, Y0 = 607000.0, 4262000.0  # EPSG:4544 (CGCS2000 3-degree GK CM 105E), Yinchuan
FIVE_MU = 10000 / 15 * 5  # 3333.333… m²


def square(x, y, w, h=None):
    return box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + (w if h is None else h))


def projects_frame(rows, geoms=None):
    geoms = geoms or [square(200 * i, 0, 100) for i in range(len(rows))]  # 10000 m² each
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4544")
    return mapping.template_frame(gdf, "projects", required=("project_id",))


def reasons(table, i):
    return {item["rule"]: item for item in json.loads(table["reasons"].iloc[i])}


# ============================================================== FAR (Y-4)


def far_rows(**over):
    base = {
        "project_id": "P1",
        "far_max": 2.0,
        "gfa_proposed": 20000.0,
        "gfa_addon": 0.0,
        "gfa_handover": 0.0,
        "public_project": False,
    }
    return base | over


#: Y-4: add-ons are not counted on existing housing only; a handover is compensated for
#: the listed categories only (the rows below record both).
HOUSING_EDU = {"existing_housing": True, "handover_by_category": '{"education": 500}'}


def test_far_margin_zero_passes_and_minus_one_cent_fails():
    # allowed = 2.0 × 10000 + 500 = 20500; counted = 20800 − 300 = 20500 → margin 0, pass
    frame = projects_frame(
        [
            far_rows(project_id="ZERO", gfa_proposed=20800.0, gfa_addon=300.0, gfa_handover=500.0)
            | HOUSING_EDU,
            far_rows(project_id="OVER", gfa_proposed=20800.01, gfa_addon=300.0, gfa_handover=500.0)
            | HOUSING_EDU,
        ]
    )
    t = far.far_check(frame).table
    assert t["area_m2"].tolist() == [10000.0, 10000.0]
    assert t["gfa_counted"].tolist() == pytest.approx([20500.0, 20500.01])
    assert t["gfa_allowed"].tolist() == [20500.0, 20500.0]
    assert t["gfa_margin"].iloc[0] == 0.0
    assert t["gfa_margin"].iloc[1] == pytest.approx(-0.01)
    assert t["far_counted"].tolist() == pytest.approx([2.05, 2.050001])
    assert t["far_pass"].tolist() == [True, False]
    cap = reasons(t, 1)["gfa_counted_within_allowed"]
    assert cap["clause"] == "Y-4"
    assert (cap["value"], cap["threshold"], cap["met"]) == (20500.01, 20500.0, False)


def test_far_addon_is_not_counted_only_on_existing_housing():
    # 20300 proposed of which 300 lifts/stairs on existing housing: counted 20000 = allowed
    rows = far_rows(gfa_proposed=20300.0, gfa_addon=300.0, existing_housing=True)
    t = far.far_check(projects_frame([rows])).table
    assert t["gfa_counted"].iloc[0] == 20000.0
    assert bool(t["far_pass"].iloc[0])
    item = reasons(t, 0)["gfa_addon_not_counted"]
    assert item["value"] == {"gfa_addon": 300.0, "existing_housing": True} and item["met"] is True
    # without declaring the add-on the same building fails
    t = far.far_check(projects_frame([far_rows(gfa_proposed=20300.0)])).table
    assert not bool(t["far_pass"].iloc[0])
    # Y-4 (在既有住宅建筑上增设): on a new project (false) or unrecorded (empty) the add-on
    # is counted (was subtracted on any project, audit E-FAR F4): 20300 > 20000 → fail
    for housing in (False, None):
        rows = far_rows(gfa_proposed=20300.0, gfa_addon=300.0, existing_housing=housing)
        t = far.far_check(projects_frame([rows])).table
        assert t["gfa_counted"].iloc[0] == 20300.0 and t["gfa_margin"].iloc[0] == -300.0
        assert not bool(t["far_pass"].iloc[0])
        item = reasons(t, 0)["gfa_addon_not_counted"]
        assert item["met"] is False and "计入容积率" in item["note"]


def test_far_audit_f4_new_project_add_on_is_counted():
    # E-FAR F4: 100 × 100 land, FAR 2 → 20000 allowed; 25000 proposed with 5000 add-on on a
    # project not recorded as existing housing → counted 25000 > 20000 → fail (was pass)
    rows = far_rows(project_id="F4", gfa_proposed=25000.0, gfa_addon=5000.0)
    t = far.far_check(projects_frame([rows])).table
    assert (t["gfa_counted"].iloc[0], bool(t["far_pass"].iloc[0])) == (25000.0, False)


def test_far_handover_is_compensated_one_to_one():
    without = far.far_check(projects_frame([far_rows(gfa_proposed=21200.0)])).table
    assert without["gfa_margin"].iloc[0] == -1200.0 and not bool(without["far_pass"].iloc[0])
    cats = json.dumps({"education": 800, "elderly": 300, "open_space": 100})
    with_handover = far.far_check(
        projects_frame(
            [far_rows(gfa_proposed=21200.0, gfa_handover=1200.0, handover_by_category=cats)]
        )
    ).table
    assert with_handover["gfa_allowed"].iloc[0] == 20000.0 + 1200.0
    assert with_handover["gfa_margin"].iloc[0] == 0.0
    assert bool(with_handover["far_pass"].iloc[0])
    item = reasons(with_handover, 0)["gfa_handover_compensated"]
    assert item["value"] == 1200.0
    assert item["by_category"] == {"education": 800.0, "elderly": 300.0, "open_space": 100.0}


def test_far_handover_without_or_off_list_categories_is_not_compensated():
    # E-FAR F5: 25000 proposed, FAR 2 × 10000 = 20000, 5000 handed over with no category →
    # not compensated ("类别未填写，未补齐"): allowed 20000, margin −5000, fail (was pass)
    rows = far_rows(project_id="F5", gfa_proposed=25000.0, gfa_handover=5000.0)
    result = far.far_check(projects_frame([rows]))
    t = result.table
    assert (t["gfa_compensated"].iloc[0], t["gfa_allowed"].iloc[0]) == (0.0, 20000.0)
    assert not bool(t["far_pass"].iloc[0])
    item = reasons(t, 0)["gfa_handover_compensated"]
    assert item["met"] is False and "类别未填写，未补齐" in item["note"]
    default = load_profile("default")
    cited = f"{default.cite('handover_categories')}; {default.cite('handover_factor')}"
    assert item["source"] == cited
    assert any("F5" in w for w in result.warnings)
    # "等": an unlisted category (culture 1000) is reported, not refused, not compensated;
    # education 4000 is: allowed 20000 + 4000 × 1.0 = 24000 < 25000 → fail by 1000
    cats = json.dumps({"education": 4000, "culture": 1000})
    rows = far_rows(gfa_proposed=25000.0, gfa_handover=5000.0, handover_by_category=cats)
    t = far.far_check(projects_frame([rows])).table
    assert (t["gfa_compensated"].iloc[0], t["gfa_margin"].iloc[0]) == (4000.0, -1000.0)
    item = reasons(t, 0)["gfa_handover_compensated"]
    assert item["unlisted"] == ["culture"] and item["met"] is False


def test_far_handover_factor_and_categories_come_from_the_profile():
    profile = load_profile("default")
    src = Source("t", "测试", "测试取值", "local_choice")
    local = dict(profile.local)
    local["handover_factor"] = LocalValue("handover_factor", 0.5, src)
    local["handover_categories"] = LocalValue("handover_categories", ["culture"], src)
    profile = dataclasses.replace(profile, local=local)
    cats = json.dumps({"education": 4000, "culture": 1000})
    rows = far_rows(gfa_proposed=20500.0, gfa_handover=5000.0, handover_by_category=cats)
    result = far.far_check(projects_frame([rows]), profile=profile)
    # only culture is listed: 1000 × 0.5 = 500 → allowed 20000 + 500 = 20500 = counted: pass
    t = result.table
    assert (t["gfa_compensated"].iloc[0], t["gfa_margin"].iloc[0]) == (500.0, 0.0)
    assert bool(t["far_pass"].iloc[0])
    assert reasons(t, 0)["gfa_handover_compensated"]["source"].startswith("测试取值")
    (pending,) = [w for w in result.warnings if "handover_factor" in w]  # warned once
    assert "handover_categories" in pending


NO_HARM = {"no_harm_neighbours": True, "no_harm_traffic": True, "no_harm_buildings": True}


def test_far_public_project_is_uncapped_only_with_the_conditions_recorded():
    frame = projects_frame(
        [
            far_rows(project_id="PUB", far_max=None, gfa_proposed=90000.0, public_project=True)
            | NO_HARM,
            far_rows(project_id="PUB2", gfa_proposed=90000.0, public_project=True) | NO_HARM,
        ]
    )
    t = far.far_check(frame).table
    assert t["far_pass"].tolist() == [True, True]
    assert t["gfa_allowed"].isna().iloc[0] and t["gfa_margin"].isna().iloc[0]
    assert t["far_counted"].iloc[0] == 9.0
    first = reasons(t, 0)
    assert first["public_project_uncapped"]["met"] is True
    assert "traffic and building safety" in first["public_project_uncapped"]["note"]
    second = reasons(t, 1)  # with a planned FAR the comparison is shown for information
    assert second["gfa_counted_within_allowed"]["met"] is False
    assert t["gfa_margin"].iloc[1] == 20000.0 - 90000.0


def test_far_audit_f3_public_project_conditions():
    # E-FAR F3: FAR 20 (200000 m² on 10000 m², planned 2.0 → 20000 allowed)
    base = far_rows(project_id="F3", gfa_proposed=200000.0, public_project=True)
    # conditions not recorded → not tested (met None), above the planned FAR → unknown
    t = far.far_check(projects_frame([base])).table
    assert pd.isna(t["far_pass"].iloc[0])  # was True
    assert reasons(t, 0)["public_project_uncapped"]["met"] is None
    # one condition false → the planned FAR applies: 200000 > 20000 → fail
    t = far.far_check(projects_frame([base | NO_HARM | {"no_harm_traffic": False}])).table
    assert t["far_pass"].tolist() == [False]
    # all recorded true → uncapped
    t = far.far_check(projects_frame([base | NO_HARM])).table
    assert t["far_pass"].tolist() == [True]
    # within the planned FAR anyway (20000 = 2.0 × 10000) → passes without the conditions
    t = far.far_check(projects_frame([base | {"gfa_proposed": 20000.0}])).table
    assert t["far_pass"].tolist() == [True]


def test_far_public_project_commercial_part_is_checked_against_the_planned_far():
    # 90000 m² with 20000 m² shops; planned 2.0 × 10000 = 20000: shops 20000 ≤ 20000 pass,
    # 20000.01 > 20000 fail
    for shops, ok in ((20000.0, True), (20000.01, False)):
        rows = far_rows(gfa_proposed=90000.0, public_project=True, gfa_commercial=shops)
        t = far.far_check(projects_frame([rows | NO_HARM])).table
        assert t["far_pass"].tolist() == [ok]
        item = reasons(t, 0)["commercial_part_within_planned_far"]
        assert (item["value"], item["threshold"], item["met"]) == (shops, 20000.0, ok)


def test_far_null_far_max_on_a_non_public_project_names_it():
    frame = projects_frame([far_rows(), far_rows(project_id="NOFAR", far_max=None)])
    with pytest.raises(LowlandInputError, match="NOFAR.*far_max"):
        far.far_check(frame)
    frame = projects_frame([far_rows(project_id="NOPUB", far_max=None, public_project=None)])
    with pytest.raises(LowlandInputError, match="NOPUB"):
        far.far_check(frame)


@pytest.mark.parametrize(
    "cats, message",
    [
        ({"education": 800, "health": 300}, "1100"),  # adds up to 1100, not 1200
        ({"education": -1}, "education"),
    ],
)
def test_far_handover_categories_must_add_up(cats, message):
    frame = projects_frame(
        [
            far_rows(
                project_id="HC",
                gfa_proposed=21200.0,
                gfa_handover=1200.0,
                handover_by_category=json.dumps(cats),
            )
        ]
    )
    with pytest.raises(LowlandInputError, match=f"(?s)HC.*{message}"):
        far.far_check(frame)


def test_far_other_input_errors_are_listed_together():
    frame = projects_frame(
        [
            far_rows(project_id="A", gfa_proposed=None),
            far_rows(project_id="B", gfa_addon=30000.0),
            far_rows(project_id="C", handover_by_category="{not json"),
        ]
    )
    with pytest.raises(LowlandInputError) as err:
        far.far_check(frame)
    text = str(err.value)
    assert "A：gfa_proposed" in text and "B：gfa_addon" in text and "C：handover" in text


# ============================================================== scattered land (Y-7)


def pieces_frame(rows, geoms):
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4544")
    return mapping.template_frame(gdf, "pieces", required=("project_id", "piece_id"))


def big_project(pid="P1", size=300.0):
    return projects_frame([{"project_id": pid}], [square(0, 0, size)])  # 90000 m²


def piece(pid, pc, scattered=True, **extra):
    return {"project_id": pid, "piece_id": pc, "scattered": scattered} | extra


def test_piece_of_exactly_five_mu_passes_and_just_above_fails():
    h = FIVE_MU / 50.0
    pieces = pieces_frame(
        [piece("P1", "EXACT"), piece("P1", "BELOW")],
        [square(0, 0, 50, h), square(60, 0, 50, 3333.33 / 50)],
    )
    t = scattered.scattered_check(big_project(), pieces).table
    assert t["scattered_area_m2"].iloc[0] == pytest.approx(FIVE_MU + 3333.33)
    assert bool(t["scattered_pass"].iloc[0])
    item = reasons(t, 0)["scattered_piece_max_5_mu"]
    assert item["met"] is True and item["piece_id"] == "EXACT" and item["value_mu"] == 5.0

    pieces = pieces_frame(
        [piece("P1", "EXACT"), piece("P1", "ABOVE")],
        [square(0, 0, 50, h), square(60, 0, 50, h + 0.001)],  # + 0.05 m²
    )
    t = scattered.scattered_check(big_project(), pieces).table
    assert not bool(t["scattered_pass"].iloc[0])
    items = json.loads(t["reasons"].iloc[0])
    over = [i for i in items if i["rule"] == "scattered_piece_max_5_mu"]
    assert len(over) == 1  # only the piece that breaks the limit is named
    assert over[0]["piece_id"] == "ABOVE" and over[0]["met"] is False
    assert over[0]["value"] == pytest.approx(3333.38) and over[0]["value_mu"] == 5.0001
    assert over[0]["threshold"] == 3333.33 and over[0]["threshold_mu"] == 5.0
    assert over[0]["clause"] == "Y-7"
    share = reasons(t, 0)["scattered_share_max_10_percent"]
    assert share["met"] is True  # 6666.7 m² of 90000 m² (7.4 %): only the piece limit fails


def test_share_of_exactly_ten_percent_passes_and_just_above_fails():
    project = projects_frame([{"project_id": "P1"}], [square(0, 0, 100)])  # 10000 m²
    exact = pieces_frame(
        [piece("P1", "S1"), piece("P1", "S2")], [square(0, 0, 50, 10), square(0, 20, 25, 20)]
    )
    t = scattered.scattered_check(project, exact).table
    assert t["total_area_m2"].iloc[0] == 10000.0
    assert t["scattered_area_m2"].iloc[0] == pytest.approx(1000.0)
    assert t["scattered_share"].iloc[0] == pytest.approx(0.1)
    assert bool(t["scattered_pass"].iloc[0])
    above = pieces_frame([piece("P1", "S1")], [square(0, 0, 50, 20.0002)])  # 1000.01 m²
    t = scattered.scattered_check(project, above).table
    assert t["scattered_share"].iloc[0] == pytest.approx(0.100001)
    assert not bool(t["scattered_pass"].iloc[0])
    share = reasons(t, 0)["scattered_share_max_10_percent"]
    assert (share["value"], share["threshold"], share["met"]) == (0.100001, 0.1, False)
    assert share["scattered_area_m2"] == 1000.01 and share["total_area_m2"] == 10000.0


def test_unflagged_pieces_count_in_nothing_and_are_listed():
    project = projects_frame(
        [{"project_id": "P1"}, {"project_id": "P2"}], [square(0, 0, 100), square(200, 0, 100)]
    )
    pieces = pieces_frame(
        [piece("P1", "S1"), piece("P1", "N1", False), piece("P1", "N2", None)],
        [square(0, 0, 10), square(20, 0, 90), square(40, 40, 30)],
    )
    res = scattered.scattered_check(project, pieces)
    t = res.table
    assert t["project_id"].tolist() == ["P1", "P2"]
    assert t["scattered_area_m2"].tolist() == [100.0, 0.0]
    assert t["scattered_count"].tolist() == [1, 0]
    assert t["scattered_pass"].tolist() == [True, True]  # N1 (8100 m²) counts in nothing
    assert len(res.info) == 1 and "P1/N1" in res.info[0] and "P1/N2" in res.info[0]


def test_pieces_of_unknown_projects_are_listed():
    pieces = pieces_frame(
        [piece("P1", "S1"), piece("PX", "S2"), piece("PY", "S3")],
        [square(0, 0, 10), square(20, 0, 10), square(40, 0, 10)],
    )
    with pytest.raises(LowlandInputError, match="(?s)S2.*PX.*S3.*PY"):
        scattered.scattered_check(big_project(), pieces)


def test_piece_outside_its_project_is_warned():
    pieces = pieces_frame([piece("P1", "OUT")], [square(-50, 0, 20)])
    res = scattered.scattered_check(big_project(), pieces)
    assert len([w for w in res.warnings if "P1/OUT" in w]) == 1
    # N-4: 30 m away from its project (x −30 vs 0) is not adjacent → fails (was pass)
    assert res.table["scattered_adjacent"].tolist() == [False]
    assert res.table["scattered_pass"].tolist() == [False]


@pytest.mark.parametrize(
    "x, adjacent",
    [
        (50.0, True),  # inside the project: distance 0
        (100.0, True),  # touching its east edge (x 100): distance 0
        (101.0, True),  # 1.00 m gap = the profile's scattered_adjacent_max_m 1.0 (inclusive)
        (101.01, False),  # 1.01 m > 1.0
    ],
)
def test_n4_piece_must_adjoin_its_project(x, adjacent):
    # project 100 × 100 = 10000 m², industrial; piece 10 × 10 = 100 m² (1 %, 0.15 亩)
    project = projects_frame([{"project_id": "P1", "use_code": "100101"}], [square(0, 0, 100)])
    pieces = pieces_frame([piece("P1", "S1")], [square(x, 0, 10)])
    t = scattered.scattered_check(project, pieces).table
    assert t["scattered_adjacent"].tolist() == [adjacent]
    assert t["scattered_use_eligible"].tolist() == [True]
    assert t["scattered_pass"].tolist() == [adjacent]
    item = reasons(t, 0)["scattered_adjacent_to_project"]
    assert (item["clause"], item["threshold"], item["met"]) == ("N-4", 1.0, adjacent)
    assert item["source"] == load_profile("default").cite("scattered_adjacent_max_m")


@pytest.mark.parametrize(
    "fields, eligible",
    [
        ({"use_code": "0701"}, False),  # 城镇住宅 (商品住宅除外)
        ({"use_code": "070102"}, False),
        ({"new_use_code": "0701"}, False),  # no use_code: the new use decides
        ({"use_code": "0702"}, True),  # community services: not housing
        ({"use_code": "100101"}, True),
        ({}, None),  # unknown: not tested, warned; the Y-7 limits decide
    ],
)
def test_n4_commercial_housing_is_excluded(fields, eligible):
    project = projects_frame([{"project_id": "P1"} | fields], [square(0, 0, 100)])
    pieces = pieces_frame([piece("P1", "S1")], [square(0, 0, 10)])  # inside, 1 %
    res = scattered.scattered_check(project, pieces)
    t = res.table
    assert t["scattered_use_eligible"].tolist() == [pd.NA if eligible is None else eligible]
    assert t["scattered_pass"].tolist() == [eligible is not False]
    assert reasons(t, 0)["scattered_not_commercial_housing"]["met"] is eligible
    assert any("use_code" in w for w in res.warnings) is (eligible is None)


def test_touching_scattered_pieces_are_one_zong():
    # Y-7 单宗 (audit E-SC K2): two 4-亩 rows side by side are one 8-亩 宗 (> 5 亩)
    four_mu = 4 * 10000 / 15  # 2666.67 m² each: 40 × 66.667
    project = projects_frame([{"project_id": "P1", "use_code": "1001"}], [square(0, 0, 300)])
    rows, h = [piece("P1", "A"), piece("P1", "B")], four_mu / 40
    t = scattered.scattered_check(
        project, pieces_frame(rows, [square(0, 0, 40, h), square(40, 0, 40, h)])
    ).table
    assert t["scattered_pass"].tolist() == [False]
    item = reasons(t, 0)["scattered_piece_max_5_mu"]
    assert item["piece_id"] == "A+B" and item["value"] == pytest.approx(5333.33, abs=0.01)
    assert t["scattered_max_piece_m2"].iloc[0] == pytest.approx(2 * four_mu)
    # 10 m apart, or touching only at a corner: two 宗 of 4 亩, both within 5 亩
    # (share 5333.33 / 90000 = 5.9 % ≤ 10 %)
    for second in (square(50, 0, 40, h), square(40, h, 40, h)):
        t = scattered.scattered_check(
            project, pieces_frame(rows, [square(0, 0, 40, h), second])
        ).table
        assert t["scattered_pass"].tolist() == [True]
        assert t["scattered_max_piece_m2"].iloc[0] == pytest.approx(four_mu)
    # side by side but two lawful 宗 with their own 宗地代码: counted apart
    coded = [
        piece("P1", "A", parcel_code="640104001001"),
        piece("P1", "B", parcel_code="640104001002"),
    ]
    t = scattered.scattered_check(
        project, pieces_frame(coded, [square(0, 0, 40, h), square(40, 0, 40, h)])
    ).table
    assert t["scattered_pass"].tolist() == [True]


def test_scattered_limits_come_from_the_profile():
    profile = load_profile("default")
    src = Source("t", "测试", "测试取值", "adopted")
    local = dict(profile.local)
    local["scattered_piece_max_mu"] = LocalValue("scattered_piece_max_mu", 0.15, src)
    local["scattered_share_max"] = LocalValue("scattered_share_max", 0.01, src)
    profile = dataclasses.replace(profile, local=local)
    project = projects_frame([{"project_id": "P1", "use_code": "1001"}], [square(0, 0, 100)])
    # 0.15 亩 = 0.15 × 10000/15 = 100 m²: a 10 × 10 piece is exactly on it; 100 / 10000 = 1 %
    pieces = pieces_frame([piece("P1", "S1")], [square(0, 0, 10)])
    t = scattered.scattered_check(project, pieces, profile=profile).table
    assert t["scattered_pass"].tolist() == [True]
    r = reasons(t, 0)
    assert r["scattered_piece_max_5_mu"]["threshold"] == 100.0
    assert r["scattered_share_max_10_percent"]["source"] == "测试取值"
    # 10 × 10.01 = 100.1 m² > 100 and 1.001 % > 1 %
    pieces = pieces_frame([piece("P1", "S1")], [square(0, 0, 10, 10.01)])
    t = scattered.scattered_check(project, pieces, profile=profile).table
    assert t["scattered_pass"].tolist() == [False]


def test_swaps_report_area_and_value_differences():
    project = projects_frame(
        [{"project_id": "P1"}, {"project_id": "P2"}], [square(0, 0, 100), square(200, 0, 100)]
    )
    rows = [
        piece("P1", "A", swap_group="G1", swap_side="out", value=1_000_000.0),  # 400 m²
        piece("P2", "B", swap_group="G1", swap_side="调入", value=900_000.0),  # 300 m²
        piece("P2", "C", swap_group="G1", swap_side="in", value=150_000.0),  # 150 m²
        piece("P1", "D", swap_group="G2", swap_side="out"),  # only one side, no value
        piece("P1", "E"),
    ]
    geoms = [
        square(0, 0, 20),
        square(200, 0, 20, 15),
        square(230, 0, 10, 15),
        square(50, 50, 10),
        square(70, 70, 5),
    ]
    swaps = scattered.scattered_check(project, pieces_frame(rows, geoms)).extra
    assert swaps["swap_group"].tolist() == ["G1", "G2"]
    g1 = swaps.iloc[0]
    assert g1["project_id"] == "P1,P2" and g1["pieces_out"] == "A" and g1["pieces_in"] == "B,C"
    assert (g1["area_out_m2"], g1["area_in_m2"], g1["area_diff_m2"]) == (400.0, 450.0, 50.0)
    assert g1["area_ratio"] == pytest.approx(1.125)
    assert (g1["value_out"], g1["value_in"], g1["value_diff"]) == (1e6, 1.05e6, 50_000.0)
    assert g1["value_ratio"] == pytest.approx(1.05)
    items = {i["rule"]: i for i in json.loads(g1["reasons"])}
    assert items["swap_area_similar"]["clause"] == "N-10"
    assert items["swap_area_similar"]["met"] is None  # N-10 gives no number: not judged
    assert items["swap_has_both_sides"]["met"] is True
    g2 = swaps.iloc[1]
    assert g2["pieces_in"] == "" and g2["area_in_m2"] == 0.0
    assert g2["value_out"] != g2["value_out"]  # NaN: no appraised value
    items = {i["rule"]: i for i in json.loads(g2["reasons"])}
    assert items["swap_has_both_sides"]["met"] is False
    assert "P1/D" in items["swap_value_equal"]["note"]


def test_swap_fields_must_be_complete():
    rows = [piece("P1", "A", swap_group="G1"), piece("P1", "B", swap_side="sideways")]
    with pytest.raises(LowlandInputError, match="(?s)P1/A.*P1/B.*sideways"):
        scattered.scattered_check(
            big_project(), pieces_frame(rows, [square(0, 0, 5), square(9, 0, 5)])
        )


# ============================================================== land price (Y-14, Y-15, N-9)


def price_rows(**over):
    base = {
        "project_id": "L1",
        "value_new": 5_000_000.0,
        "value_old": 3_000_000.0,
        "residual_value": 0.0,
        "old_land_class": "other",
        "demolition": False,
        "valuation_date_new": "2025-01-01",
        "valuation_date_old": "2025-01-01",
        "contract_date": "2025-03-15",
        # Y-15: instalments are "经申请" — the rows here apply for them, so the schedule
        # tests below keep exercising it; the lump sum is tested with False / None.
        "instalment_requested": True,
    }
    return base | over


@pytest.mark.parametrize(
    "contract, first, final",
    [
        ("2025-01-31", dt.date(2025, 2, 28), dt.date(2027, 1, 31)),
        ("2024-01-31", dt.date(2024, 2, 29), dt.date(2026, 1, 31)),
        ("2024-02-29", dt.date(2024, 3, 29), dt.date(2026, 2, 28)),
        ("2025-08-31", dt.date(2025, 9, 30), dt.date(2027, 8, 31)),
        ("2025-12-31", dt.date(2026, 1, 31), dt.date(2027, 12, 31)),
        ("2025-03-15", dt.date(2025, 4, 15), dt.date(2027, 3, 15)),
    ],
)
def test_payment_dates_at_month_ends(contract, first, final):
    assert land_price.payment_schedule(dt.date.fromisoformat(contract)) == (first, final)


def test_calendar_arithmetic():
    assert calendar.add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert calendar.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert calendar.add_years(dt.date(2024, 2, 29), 2) == dt.date(2026, 2, 28)
    assert calendar.add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    assert calendar.add_months(dt.date(2025, 8, 31), 1) == dt.date(2025, 9, 30)
    assert land_price.transition_end(dt.date(2025, 3, 1)) == dt.date(2030, 3, 1)
    assert land_price.transition_end(dt.date(2024, 2, 29)) == dt.date(2029, 2, 28)


def test_price_difference_and_instalments():
    t = land_price.land_price(projects_frame([price_rows()])).table
    assert t["price_due"].iloc[0] == 2_000_000.0
    assert (t["first_amount"].iloc[0], t["rest_amount"].iloc[0]) == (1_000_000.0, 1_000_000.0)
    assert t["first_due_date"].iloc[0] == dt.date(2025, 4, 15)
    assert t["final_due_date"].iloc[0] == dt.date(2027, 3, 15)
    assert bool(t["price_pass"].iloc[0])
    item = reasons(t, 0)["price_difference"]
    assert item["clause"] == "Y-14" and item["price_due"] == 2_000_000.0


@pytest.mark.parametrize(
    "new, old, due, first, rest",
    [
        (100.01, 0.0, "100.01", "50.01", "50.00"),  # odd cents: half rounded up, rest gets less
        (0.3, 0.1, "0.20", "0.10", "0.10"),  # exact decimals, no float noise
        (1000.005, 0.0, "1000.01", "500.01", "500.00"),  # 0.005 rounds half up
        (1_234_567.89, 234_567.88, "1000000.01", "500000.01", "500000.00"),
    ],
)
def test_money_rounded_to_cents_and_instalments_add_up(new, old, due, first, rest):
    t = land_price.land_price(projects_frame([price_rows(value_new=new, value_old=old)])).table
    got = [Decimal(repr(t[c].iloc[0])) for c in ("price_due", "first_amount", "rest_amount")]
    assert got == [Decimal(due), Decimal(first), Decimal(rest)]
    assert got[1] + got[2] == got[0]


def test_price_is_never_negative():
    t = land_price.land_price(projects_frame([price_rows(value_new=2_000_000.0)])).table
    assert t["price_due"].iloc[0] == 0.0
    # nothing due → nothing to schedule (Y-15 instalments are of a price due)
    assert t[["first_amount", "rest_amount"]].iloc[0].isna().all()
    assert t["price_status"].iloc[0] == "无需补缴"
    item = reasons(t, 0)["price_difference"]
    assert item["value"] == -1_000_000.0 and "no refund" in item["note"]


@pytest.mark.parametrize(
    "cls, new_cls, demolition, counted",
    [
        ("industrial", "commercial", True, True),
        ("warehouse", "residential", True, True),
        ("cultural", "commercial", True, True),
        ("research", "commercial", True, True),
        ("工业", "商业", True, True),
        ("industrial", "commercial", False, False),
        # Y-14 "变更…土地用途": no use change (industrial → industrial) → not counted
        ("industrial", "industrial", True, False),
        # unknown demolition / unknown use change / unlisted class ("等"): undecided (None),
        # no longer a silent False (audit E-PRICE M3); price_due does not deduct it yet
        ("industrial", "commercial", None, None),
        ("industrial", None, True, None),
        ("other", "commercial", True, None),
        (None, "commercial", True, None),
    ],
)
def test_residual_value_only_for_a_use_change_with_demolition(cls, new_cls, demolition, counted):
    row = price_rows(
        residual_value=500_000.0, old_land_class=cls, new_land_class=new_cls, demolition=demolition
    )
    result = land_price.land_price(projects_frame([row]))
    t = result.table
    got = t["residual_counted"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) is counted
    # 5 000 000 − (3 000 000 + 500 000) = 1 500 000 counted; else 5 000 000 − 3 000 000
    assert t["price_due"].iloc[0] == (1_500_000.0 if counted else 2_000_000.0)
    item = reasons(t, 0)["residual_value_counted"]
    assert item["met"] is counted and item["clause"] == "Y-14"
    assert item["source"] == "银川实施意见（十四）"
    if counted is False:
        assert "ignored" in item["note"]
    if counted is None:
        assert "undecided" in item["note"] and any("L1" in w for w in result.warnings)


def test_residual_use_change_from_use_codes_and_profile_classes():
    # no new_land_class: the 2023 codes decide the use change (1001 工业 → 0901 商业)
    row = price_rows(
        residual_value=500_000.0,
        old_land_class="industrial",
        demolition=True,
        old_use_code="1001",
        new_use_code="0901",
    )
    t = land_price.land_price(projects_frame([row])).table
    assert bool(t["residual_counted"].iloc[0]) and t["price_due"].iloc[0] == 1_500_000.0
    # a profile listing only industrial: warehouse is then an "等" case → undecided
    profile = load_profile("default")
    profile.local["residual_classes"] = dataclasses.replace(
        profile.local["residual_classes"], value=["industrial"]
    )
    row = price_rows(
        residual_value=500_000.0, old_land_class="warehouse", new_land_class="commercial",
        demolition=True,
    )  # fmt: skip
    t = land_price.land_price(projects_frame([row]), profile=profile).table
    assert t["residual_counted"].isna().iloc[0] and t["price_due"].iloc[0] == 2_000_000.0


def test_residual_can_bring_the_price_to_zero_not_below():
    row = price_rows(
        residual_value=2_500_000.0,
        old_land_class="warehouse",
        new_land_class="commercial",  # Y-14: counted for a use change only
        demolition=True,
    )
    t = land_price.land_price(projects_frame([row])).table
    assert t["price_due"].iloc[0] == 0.0


def test_different_valuation_dates_are_flagged():
    frame = projects_frame(
        [
            price_rows(project_id="DIFF", valuation_date_old="2024-06-30"),
            price_rows(project_id="MISSING", valuation_date_old=None),
        ]
    )
    t = land_price.land_price(frame).table
    assert t["price_pass"].notna().iloc[0] and not t["price_pass"].iloc[0]
    item = reasons(t, 0)["same_valuation_date"]
    assert (item["value"], item["threshold"], item["met"]) == ("2025-01-01", "2024-06-30", False)
    assert t["price_pass"].isna().iloc[1]  # cannot be verified
    assert reasons(t, 1)["same_valuation_date"]["met"] is None
    assert t["price_due"].tolist() == [2_000_000.0, 2_000_000.0]  # still computed


def test_n9_ratio_and_market_alternatives_are_kept_apart():
    # N-9 (a): 10000 m² × 1200 元/m² × 0.4 = 4 800 000, the deductions NOT subtracted
    # (audit M4: they belong to (b)); (b): 6 000 000 − (300 000 + 200 000 + 100 000.5
    # + 400 000 多地块联动) = 4 999 999.50
    row = price_rows(
        benchmark_price=1200.0,
        benchmark_ratio=0.4,
        market_value=6_000_000.0,
        deduction_preparation=300_000.0,
        deduction_handover=200_000.0,
        deduction_facilities=100_000.5,
        linkage_cost=400_000.0,
    )
    t = land_price.land_price(projects_frame([row])).table
    assert t["alt_price_ratio"].iloc[0] == 4_800_000.0 == t["alt_price"].iloc[0]
    assert t["alt_price_market"].iloc[0] == 4_999_999.5
    assert t["price_due"].iloc[0] == 2_000_000.0  # reported beside, not instead
    r = reasons(t, 0)
    assert r["benchmark_ratio_alternative"]["clause"] == "N-9"
    assert r["market_value_alternative"]["costs"]["linkage"] == 400_000.0
    # audit M4: 5000 × 0.4 × 10000 m² = 20 000 000 (not 20 M − 2 M); (b) not below 0;
    # deductions without a market value: (b) cannot be computed (null, reason says so)
    m4 = price_rows(benchmark_price=5000.0, benchmark_ratio=0.4, deduction_preparation=2e6)
    low = price_rows(project_id="L2", market_value=1_000.0, linkage_cost=1_000.01)
    none = price_rows(project_id="L3")
    t = land_price.land_price(projects_frame([m4, low, none])).table
    assert t["alt_price_ratio"].iloc[0] == 20_000_000.0 and t["alt_price_market"].isna().iloc[0]
    assert "market_value missing" in reasons(t, 0)["market_value_alternative"]["note"]
    assert t["alt_price_market"].iloc[1] == 0.0 and t["alt_price_ratio"].isna().iloc[1]
    assert t[["alt_price_ratio", "alt_price_market"]].iloc[2].isna().all()
    assert "benchmark_ratio_alternative" not in reasons(t, 2)


def test_transition_end_and_missing_contract_date():
    # after the transition (reference = end day) the price is due; contract date missing
    t = land_price.land_price(
        projects_frame([price_rows(contract_date=None, transition_start="2024-02-29")]),
        reference=dt.date(2029, 2, 28),
    ).table
    assert t["transition_end"].iloc[0] == dt.date(2029, 2, 28)
    assert t["first_due_date"].iloc[0] is None and t["final_due_date"].iloc[0] is None
    assert t["first_amount"].iloc[0] == 1_000_000.0
    item = reasons(t, 0)["transition_period"]
    assert item["clause"] == "N-11" and item["threshold"] == "2029-02-28"


@pytest.mark.parametrize(
    "reference, inside",
    [
        ("2024-05-31", False),  # before the start: not in the transition
        ("2024-06-01", True),  # start day
        ("2025-01-01", True),  # audit E-PRICE M2
        ("2029-05-31", True),  # last day inside
        ("2029-06-01", False),  # start + 5 years (N-11): due from this day
    ],
)
def test_no_price_inside_the_transition(reference, inside):
    row = price_rows(transition_start="2024-06-01", value_new=9_000_000.0)
    t = land_price.land_price(
        projects_frame([row]), reference=dt.date.fromisoformat(reference)
    ).table
    assert t["price_due_from"].iloc[0] == dt.date(2029, 6, 1)  # 2024-06-01 + 5 y
    if inside:
        assert t["price_due"].iloc[0] == 0.0 and t["price_status"].iloc[0] == "过渡期内暂不补缴"
        assert t[["first_amount", "rest_amount"]].iloc[0].isna().all()
        assert t["first_due_date"].iloc[0] is None and t["due_date"].iloc[0] is None
    else:
        # 9 000 000 − 3 000 000 = 6 000 000, 50 % = 3 000 000 by 2025-04-15
        assert t["price_due"].iloc[0] == 6_000_000.0 and t["price_status"].iloc[0] == "分期缴纳"
        assert t["first_amount"].iloc[0] == 3_000_000.0


@pytest.mark.parametrize("requested", [False, None])
def test_without_an_application_the_whole_price_is_due_on_the_contract_date(requested):
    result = land_price.land_price(projects_frame([price_rows(instalment_requested=requested)]))
    t = result.table
    assert t["price_due"].iloc[0] == 2_000_000.0 and t["price_status"].iloc[0] == "一次性缴清"
    assert t["due_date"].iloc[0] == dt.date(2025, 3, 15)  # = contract_date
    assert t[["first_amount", "rest_amount"]].iloc[0].isna().all()
    assert reasons(t, 0)["lump_sum"]["clause"] == "Y-15"
    assert "instalment_schedule" not in reasons(t, 0)


def test_instalments_follow_the_profile():
    profile = load_profile("default")
    for name, value in (
        ("instalment_first_share", 0.3),
        ("instalment_first_months", 3),
        ("instalment_final_years", 1),
    ):
        profile.local[name] = dataclasses.replace(profile.local[name], value=value)
    t = land_price.land_price(projects_frame([price_rows()]), profile=profile).table
    # 2 000 000 × 0.3 = 600 000 by 2025-03-15 + 3 months = 2025-06-15; rest 1 400 000 by
    # 2025-03-15 + 1 year = 2026-03-15
    assert (t["first_amount"].iloc[0], t["rest_amount"].iloc[0]) == (600_000.0, 1_400_000.0)
    assert t["first_due_date"].iloc[0] == dt.date(2025, 6, 15)
    assert t["final_due_date"].iloc[0] == dt.date(2026, 3, 15)
    item = reasons(t, 0)["instalment_schedule"]
    assert item["threshold"] == {"first_share": 0.3, "months": 3, "years": 1}
    assert item["source"] == "银川实施意见（十五）"


@pytest.mark.parametrize(
    "over, status, rule",
    [
        ({"y13_exempt_kind": "lift"}, "不增收土地价款", "y13_no_land_price"),
        ({"y13_exempt_kind": "养老托育"}, "不增收土地价款", "y13_no_land_price"),
        ({"allocation_eligible": True}, "划拨供地，不收出让价款", "y13_allocation"),
    ],
)
def test_y13_no_land_price(over, status, rule):
    t = land_price.land_price(projects_frame([price_rows(**over)])).table
    assert t["price_due"].iloc[0] == 0.0 and t["price_status"].iloc[0] == status
    assert t[["first_amount", "rest_amount"]].iloc[0].isna().all()
    item = reasons(t, 0)[rule]
    assert item["clause"] == "Y-13" and item["met"] is True
    # y13_exempt_kind none / allocation not eligible: the price stays 2 000 000
    t = land_price.land_price(
        projects_frame([price_rows(y13_exempt_kind="none", allocation_eligible=False)])
    ).table
    assert t["price_due"].iloc[0] == 2_000_000.0


@pytest.mark.parametrize(
    "mode, due",
    [
        ("acquisition", None),  # 收储后公开出让: not 协议出让, no 补缴地价 (Y-14)
        ("收储", None),
        ("owner", 2_000_000.0),  # 原权利人改造 by agreement: the difference is due
        ("joint", 2_000_000.0),
        (None, 2_000_000.0),  # no mode: as before
    ],
)
def test_price_difference_only_for_land_transferred_by_agreement(mode, due):
    # Y-14 "经批准以协议方式出让土地的 … 补缴"; the rows' values give 2 000 000
    t = land_price.land_price(projects_frame([price_rows(redevelopment_mode=mode)])).table
    got = t["price_due"].iloc[0]
    assert (got is None or np.isnan(got)) if due is None else got == due
    if due is None:
        assert t["price_status"].iloc[0] == land_price.STATUS_PUBLIC_SALE
        assert reasons(t, 0)["price_difference"]["value"] == "acquisition"


def test_project_without_appraisal_gets_no_price():
    row = price_rows(value_new=None, value_old=None, transition_start="2025-03-01")
    # reference after the transition (2025-03-01 + 5 y = 2030-03-01): nothing to compute
    t = land_price.land_price(projects_frame([row]), reference=dt.date(2030, 3, 1)).table
    assert t[["price_due", "first_amount", "rest_amount"]].isna().all(axis=None)
    assert t["first_due_date"].iloc[0] is None and t["price_pass"].isna().iloc[0]
    assert t["transition_end"].iloc[0] == dt.date(2030, 3, 1)
    assert "no price difference computed" in reasons(t, 0)["price_difference"]["note"]


@pytest.mark.parametrize(
    "over, message",
    [
        ({"value_old": None}, "value_old"),
        ({"value_new": None}, "value_new"),
        ({"value_new": -1.0}, "value_new"),
        ({"benchmark_price": 1000.0, "benchmark_ratio": 30.0}, "benchmark_ratio"),
        ({"benchmark_price": 1000.0}, "benchmark_ratio"),
        ({"old_land_class": "shopping"}, "shopping"),
        ({"new_land_class": "mall"}, "mall"),
        ({"y13_exempt_kind": "pool"}, "y13_exempt_kind"),
        ({"linkage_cost": -1.0}, "linkage_cost"),
    ],
)
def test_price_input_errors_name_the_project(over, message):
    with pytest.raises(LowlandInputError, match=f"(?s)BAD.*{message}"):
        land_price.land_price(projects_frame([price_rows(project_id="BAD", **over)]))


# ============================================================== template fields


def test_template_frame_reads_aliases_maps_and_coded_values():
    gdf = gpd.GeoDataFrame(
        {"项目编号": ["P9"], "FAR": ["2.5"], "公益": ["是"], "合同签订日期": ["2025年1月31日"]},
        geometry=[square(0, 0, 10)],
        crs="EPSG:4544",
    )
    out = mapping.template_frame(gdf, "projects", {"far_max": "far", "public_project": "公益"})
    assert out["project_id"].tolist() == ["P9"]
    assert out["far_max"].tolist() == [2.5]
    assert out["public_project"].tolist() == [True]
    assert out["contract_date"].tolist() == [dt.date(2025, 1, 31)]
    with pytest.raises(LowlandInputError, match="piece_id"):
        mapping.template_frame(gdf, "pieces", required=("project_id", "piece_id"))
    with pytest.raises(LowlandInputError, match="nonsense"):
        mapping.check_template_field_map({"nonsense": "x"}, ("projects",))


# ============================================================== processing.run


def memory_layer(fields, rows):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4544&{fields}", "m", "memory")
    feats = []
    for attrs, geom in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def features(layer, key="project_id"):
    return {f[key]: f for f in layer.getFeatures()}


def test_farcheck_processing(lowland_provider):
    from qgis.core import QgsProcessingException

    import processing

    fields = (
        "field=project_id:string&field=far_max:double&field=gfa_proposed:double"
        "&field=gfa_addon:double&field=gfa_handover:double&field=public_project:boolean"
        "&field=existing_housing:boolean&field=handover_by_category:string"
        "&field=no_harm_neighbours:boolean&field=no_harm_traffic:boolean"
        "&field=no_harm_buildings:boolean"
    )
    edu = '{"education": 500}'  # Y-4: compensated for a listed category only
    layer = memory_layer(
        fields,
        [
            (
                ["ZERO", 2.0, 20800.0, 300.0, 500.0, False, True, edu, None, None, None],
                square(0, 0, 100),
            ),
            (
                ["OVER", 2.0, 20800.01, 300.0, 500.0, False, True, edu, None, None, None],
                square(200, 0, 100),
            ),
            (
                ["PUB", None, 90000.0, None, None, True, None, None, True, True, True],
                square(400, 0, 100),
            ),
        ],
    )
    res = processing.run("lowland:farcheck", {"PROJECTS": layer, "OUTPUT": "TEMPORARY_OUTPUT"})
    out = features(res["OUTPUT"])
    assert out["ZERO"]["far_pass"] is True and out["ZERO"]["gfa_margin"] == 0.0
    assert out["OVER"]["far_pass"] is False and out["OVER"]["gfa_margin"] == -0.01
    assert out["PUB"]["far_pass"] is True
    assert out["ZERO"]["gfa_allowed"] == 20500.0 and out["ZERO"]["far_counted"] == 2.05
    assert json.loads(out["PUB"]["reasons"])[-1]["rule"] == "public_project_uncapped"
    names = res["OUTPUT"].fields().names()
    assert names[-1] == "reasons" and names[0] == "project_id"

    with pytest.raises(QgsProcessingException, match="far_max=FAR_TYPO"):
        processing.run(
            "lowland:farcheck",
            {"PROJECTS": layer, "FIELD_MAP": "far_max=FAR_TYPO", "OUTPUT": "TEMPORARY_OUTPUT"},
        )
    bad = memory_layer(fields, [(["NOFAR", None, 100.0, None, None, False], square(0, 0, 10))])
    with pytest.raises(QgsProcessingException, match="NOFAR"):
        processing.run("lowland:farcheck", {"PROJECTS": bad, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_scatteredland_processing_with_a_field_map(lowland_provider):
    import processing

    projects = memory_layer(
        "field=编号:string", [(["P1"], square(0, 0, 100)), (["P2"], square(200, 0, 100))]
    )
    h = FIVE_MU / 50.0
    pieces = memory_layer(
        "field=project_id:string&field=piece_id:string&field=scattered:boolean"
        "&field=swap_group:string&field=swap_side:string&field=value:double",
        [
            (["P1", "S1", True, "G1", "out", 100.0], square(0, 0, 10, 10)),
            (["P1", "S2", True, None, None, None], square(0, 20, 30, 30)),
            (["P2", "S3", True, "G1", "in", 120.0], square(200, 0, 50, h)),
            (["P2", "S4", True, None, None, None], square(200, 80, 50, h + 0.001)),
            (["P2", "N1", False, None, None, None], square(260, 0, 10)),
        ],
    )
    res = processing.run(
        "lowland:scatteredland",
        {
            "PROJECTS": projects,
            "PIECES": pieces,
            "FIELD_MAP": "projects.project_id=编号",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SWAPS": "TEMPORARY_OUTPUT",
        },
    )
    out = features(res["OUTPUT"])
    assert out["P1"]["scattered_area_m2"] == 1000.0 and out["P1"]["scattered_share"] == 0.1
    assert out["P1"]["scattered_pass"] is True
    assert out["P2"]["scattered_pass"] is False
    over = [i for i in json.loads(out["P2"]["reasons"]) if i["met"] is False]
    assert {i.get("piece_id") for i in over} == {"S4", None}  # S4 > 5 亩, share 66.7 % > 10 %
    swaps = list(res["SWAPS"].getFeatures())
    assert len(swaps) == 1 and swaps[0]["swap_group"] == "G1"
    assert swaps[0]["area_out_m2"] == 100.0 and swaps[0]["area_in_m2"] == round(FIVE_MU, 2)
    assert swaps[0]["value_diff"] == 20.0 and swaps[0]["value_ratio"] == 1.2


def test_landprice_processing(lowland_provider, tmp_path):
    from qgis.core import QgsVectorLayer

    import processing

    layer = memory_layer(
        "field=project_id:string&field=value_new:double&field=value_old:double"
        "&field=residual_value:double&field=old_land_class:string&field=demolition:boolean"
        "&field=valuation_date_new:date&field=valuation_date_old:date&field=contract_date:date"
        "&field=transition_start:date&field=benchmark_price:double&field=benchmark_ratio:double"
        "&field=new_land_class:string&field=instalment_requested:boolean",
        [
            (
                [
                    "A",
                    5e6,
                    3e6,
                    5e5,
                    "industrial",
                    True,
                    "2025-01-01",
                    "2025-01-01",
                    "2025-01-31",
                    None,
                    1200.0,
                    0.4,
                    "commercial",  # Y-14: a use change, so the residual counts
                    True,
                ],
                square(0, 0, 100),
            ),
            (
                [
                    "B",
                    100.01,
                    0.0,
                    None,
                    None,
                    None,
                    "2025-01-01",
                    "2024-12-31",
                    "2024-02-29",
                    "2024-02-29",
                    None,
                    None,
                    None,
                    True,
                ],
                square(200, 0, 100),
            ),
        ],
    )
    dest = tmp_path / "price.gpkg"
    # reference = B's transition end (2024-02-29 + 5 y = 2029-02-28, N-11): B is due
    res = processing.run(
        "lowland:landprice",
        {"PROJECTS": layer, "OUTPUT": str(dest), "REFERENCE_DATE": "2029-02-28"},
    )
    result = QgsVectorLayer(res["OUTPUT"], "r", "ogr")
    assert result.isValid()
    out = features(result)
    a, b = out["A"], out["B"]
    assert a["price_due"] == 1_500_000.0 and a["residual_counted"] is True
    assert a["first_amount"] == 750_000.0 and a["rest_amount"] == 750_000.0
    assert a["first_due_date"].toPyDate() == dt.date(2025, 2, 28)
    assert a["final_due_date"].toPyDate() == dt.date(2027, 1, 31)
    assert a["alt_price"] == 4_800_000.0 and a["price_pass"] is True  # 100² × 1200 × 0.4
    assert b["first_amount"] == 50.01 and b["rest_amount"] == 50.0
    assert b["final_due_date"].toPyDate() == dt.date(2026, 2, 28)
    assert b["transition_end"].toPyDate() == dt.date(2029, 2, 28)
    assert b["price_pass"] is False
    from lowland_under_test.lowland_plugin.i18n import language

    expected = {"zh": "应补缴地价(元)", "en": "Land price due (yuan)"}[language()]
    assert result.attributeAlias(result.fields().indexOf("price_due")) == expected


SAMPLE_PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"


@pytest.mark.skipif(
    not SAMPLE_PROJECTS.is_file(),
    reason="resources/sample/sample_projects.gpkg (layers projects, pieces) is not written yet",
)
def test_the_three_checks_on_the_sample_projects(lowland_provider):
    """Hand-computed from the sample's attributes and polygon areas (38406, 34189, 55638 m²;
    pieces S1 3000, S2 3500, S3 3600 m²)."""
    from qgis.core import NULL

    import processing

    projects = f"{SAMPLE_PROJECTS}|layername=projects"
    pieces = f"{SAMPLE_PROJECTS}|layername=pieces"
    far = features(
        processing.run("lowland:farcheck", {"PROJECTS": projects, "OUTPUT": "TEMPORARY_OUTPUT"})[
            "OUTPUT"
        ]
    )
    # PRJ01: 1.8 × 38406 + 1500 = 70630.8 = 70630.8 − 0: on the limit, passes
    assert far["PRJ01"]["gfa_allowed"] == 70630.8 and far["PRJ01"]["gfa_margin"] == 0.0
    assert far["PRJ01"]["far_pass"] is True
    # PRJ02: 1.6 × 34189 = 54702.4; 51283.5 − 860 (lifts) = 50423.5
    assert far["PRJ02"]["gfa_counted"] == 50423.5 and far["PRJ02"]["gfa_margin"] == 4278.9
    # PRJ03: a school, FAR 105712.2 / 55638 = 1.9 > 1.2, uncapped
    assert far["PRJ03"]["far_pass"] is True and far["PRJ03"]["far_counted"] == 1.9

    res = processing.run(
        "lowland:scatteredland",
        {
            "PROJECTS": projects,
            "PIECES": pieces,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "SWAPS": "TEMPORARY_OUTPUT",
        },
    )
    scattered = features(res["OUTPUT"])
    # S1 3000 + S2 3500 (S3 not flagged) = 6500 of 38406 m² = 16.92 %; S2 > 5 亩
    assert scattered["PRJ01"]["scattered_area_m2"] == 6500.0
    assert scattered["PRJ01"]["scattered_share"] == round(6500 / 38406, 4)
    assert scattered["PRJ01"]["scattered_pass"] is False
    named = [i.get("piece_id") for i in json.loads(scattered["PRJ01"]["reasons"]) if not i["met"]]
    assert named == ["S2", None]  # the piece over 5 亩, then the share
    assert scattered["PRJ02"]["scattered_pass"] is True
    (swap,) = list(res["SWAPS"].getFeatures())
    assert (swap["pieces_out"], swap["pieces_in"], swap["area_diff_m2"]) == ("S3", "S2", -100.0)
    assert swap["value_diff"] == 50_000.0 and swap["area_ratio"] == round(3500 / 3600, 4)

    price = features(
        processing.run("lowland:landprice", {"PROJECTS": projects, "OUTPUT": "TEMPORARY_OUTPUT"})[
            "OUTPUT"
        ]
    )
    # 38.6M − (21.3M + 2.15M residual: industrial, use 100102 → 100101 changes, demolition)
    p1 = price["PRJ01"]
    assert p1["price_due"] == 15_150_000.0 and p1["first_amount"] == 7_575_000.0
    assert p1["first_due_date"].toPyDate() == dt.date(2025, 2, 28)  # contract 2025-01-31
    assert p1["final_due_date"].toPyDate() == dt.date(2027, 1, 31)
    # N-9 (a) without the deductions (audit M4: they belong to the market approach (b),
    # which needs market_value): 1250 × 0.4 × 38406 = 19 203 000
    assert p1["alt_price"] == 1250 * 0.4 * 38406 == p1["alt_price_ratio"]
    assert p1["alt_price_market"] == NULL
    # no transition on PRJ01 any more (a price paid by contract is past it, N-11)
    assert p1["transition_end"] == NULL and p1["price_status"] == "分期缴纳"
    p2 = price["PRJ02"]
    assert p2["price_due"] == 500_000.0 and p2["residual_counted"] is False
    assert p2["first_due_date"].toPyDate() == dt.date(2024, 9, 30)  # contract 2024-08-31
    p3 = price["PRJ03"]  # a school with no appraisal: no price
    assert p3["price_due"] == NULL and p3["price_pass"] == NULL


# ============================================================== qgis_process


def geojson(path, rows):
    feats = [
        {
            "type": "Feature",
            "properties": props,
            "geometry": json.loads(gpd.GeoSeries([geom]).to_json())["features"][0]["geometry"],
        }
        for props, geom in rows
    ]
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4544"}},
                "features": feats,
            }
        ),
        encoding="utf-8",
    )
    return path


def read_output(path):
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    return read_ogr_layer(str(path)).set_index("project_id")


@pytest.fixture(scope="module")
def project_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("projects")
    projects = geojson(
        d / "projects.geojson",
        [
            (
                far_rows(project_id="Q1", gfa_proposed=20800.0, gfa_addon=300.0, gfa_handover=500.0)
                | HOUSING_EDU
                | price_rows(project_id="Q1", contract_date="2025-01-31"),
                square(0, 0, 100),
            ),
        ],
    )
    pieces = geojson(
        d / "pieces.geojson",
        [(piece("Q1", "S1", swap_group="G", swap_side="out", value=1.0), square(0, 0, 50, 20))],
    )
    return projects, pieces


def test_farcheck_in_qgis_process(qgis_env, project_files, tmp_path):
    dest = tmp_path / "far.gpkg"
    qgis_run(qgis_env, "lowland:farcheck", f"PROJECTS={project_files[0]}", f"OUTPUT={dest}")
    out = read_output(dest)
    assert bool(out.loc["Q1", "far_pass"]) and out.loc["Q1", "gfa_margin"] == 0.0


def test_scatteredland_in_qgis_process(qgis_env, project_files, tmp_path):
    dest, swaps = tmp_path / "scattered.gpkg", tmp_path / "swaps.gpkg"
    qgis_run(
        qgis_env,
        "lowland:scatteredland",
        f"PROJECTS={project_files[0]}",
        f"PIECES={project_files[1]}",
        f"OUTPUT={dest}",
        f"SWAPS={swaps}",
    )
    out = read_output(dest)
    assert out.loc["Q1", "scattered_share"] == 0.1 and bool(out.loc["Q1", "scattered_pass"])
    assert swaps.exists()


def test_landprice_in_qgis_process(qgis_env, project_files, tmp_path):
    dest = tmp_path / "price.gpkg"
    qgis_run(qgis_env, "lowland:landprice", f"PROJECTS={project_files[0]}", f"OUTPUT={dest}")
    out = read_output(dest)
    assert out.loc["Q1", "price_due"] == 2_000_000.0
    assert str(out.loc["Q1", "first_due_date"])[:10] == "2025-02-28"
