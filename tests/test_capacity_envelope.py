"""开发容量测算 (issue 23 item 1): the capacity envelope per parcel under the 控规, each
limit binding in turn, unknown limits, the Y-4 handover on top, public projects
uncapped, the unit totals, and the ``lowland:capacityenvelope`` algorithm on the sample.

Every parcel is a 50 m × 20 m rectangle (1000 m²) unless said otherwise."""

from __future__ import annotations

import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.scenarios.capacity import (
    capacity_envelope,
    parse_storey_heights,
    storeys_within,
    unit_capacity,
)

CRS = "EPSG:4544"
PROFILE = load_profile("default")


def rect(x: float, y: float = 0.0, w: float = 50.0, h: float = 20.0):
    return box(x, y, x + w, y + h)


def controls(*rows, plan_code="0701") -> gpd.GeoDataFrame:
    """控规 rows (plan_id, far_max, height_max, density_max, geometry), plan_code 0701 (or
    ``plan_code``: one code, or one per row)."""
    frame = pd.DataFrame(rows, columns=["plan_id", "far_max", "height_max", "density_max", "g"])
    frame["plan_code"] = plan_code
    frame["plan_name"] = "城镇住宅用地"
    return gpd.GeoDataFrame(frame.drop(columns="g"), geometry=list(frame["g"]), crs=CRS)


def parcels(n: int = 1, **columns) -> gpd.GeoDataFrame:
    """``n`` parcels side by side at x = 0, 100, 200 …, ids P1…"""
    data = {"project_id": [f"P{i + 1}" for i in range(n)], **columns}
    return gpd.GeoDataFrame(data, geometry=[rect(100 * i) for i in range(n)], crs=CRS)


def reasons(row) -> dict:
    return {r["rule"]: r for r in json.loads(row["reasons"])}


def one(par, ctl, **kw):
    return capacity_envelope(par, ctl, PROFILE, **kw).iloc[0]


# ------------------------------------------------------------------ each limit binding


def test_far_binds():
    # FAR 2.0 × 1000 = 2000; height 60 m ÷ 3.0 m (0701, default profile) = 20 storeys
    # × coverage 0.3 × 1000 = 6000; FAR binds, headroom 6000 − 2000 = 4000
    row = one(parcels(), controls(("K1", 2.0, 60.0, 0.3, rect(0))))
    assert row["limit_far_m2"] == pytest.approx(2000.0)
    assert row["limit_height_m2"] == pytest.approx(6000.0)
    assert row["capacity_m2"] == pytest.approx(2000.0)
    assert row["binding_limit"] == "far"
    assert row["headroom_m2"] == pytest.approx(4000.0)
    assert bool(row["capped"]) is True
    assert row["control_id"] == "K1"
    far = reasons(row)["capacity_far_limit"]
    assert far["clause"] == "Y-3"
    assert far["plan"] == {"plan_id": "K1", "plan_code": "0701", "plan_name": "城镇住宅用地"}


def test_height_binds():
    # FAR 3.0 × 1000 = 3000; 24 m ÷ 3 m = 8 storeys × 0.3 × 1000 = 2400 < 3000:
    # height binds, headroom 3000 − 2400 = 600
    row = one(parcels(), controls(("K1", 3.0, 24.0, 0.3, rect(0))))
    assert row["storeys_max"] == 8
    assert row["limit_height_m2"] == pytest.approx(2400.0)
    assert row["capacity_m2"] == pytest.approx(2400.0)
    assert row["binding_limit"] == "height"
    assert row["headroom_m2"] == pytest.approx(600.0)
    height = reasons(row)["capacity_height_limit"]
    assert height["threshold"] == {
        "height_max": 24.0,
        "storey_height_m": 3.0,
        "storeys": 8,
        "coverage_max": 0.3,
    }
    assert height["coverage_field"] == "density_max"
    assert "storey_height_m" in height["storey_height_source"]


def test_storey_height_by_use_prefix_and_parameter():
    # use 0901 in a 控规 row of 09 (0901 is its subclass: the parcel's finer code is read) →
    # profile key "09" = 4.5 m: 24 ÷ 4.5 = 5.33 → 5 storeys × 0.3 × 1000 = 1500
    ctl = controls(("K1", 3.0, 24.0, 0.3, rect(0)), plan_code="09")
    row = one(parcels(new_use_code=["0901"]), ctl)
    assert (row["storey_height_m"], row["storeys_max"]) == (4.5, 5)
    assert row["limit_height_m2"] == pytest.approx(1500.0)
    # parameter "4.0" covers every use: 24 ÷ 4 = 6 × 0.3 × 1000 = 1800
    row = one(parcels(new_use_code=["0901"]), ctl, storey_height_m=parse_storey_heights("4.0"))
    assert (row["storey_height_m"], row["limit_height_m2"]) == (4.0, pytest.approx(1800.0))
    assert reasons(row)["capacity_height_limit"]["storey_height_source"] == "参数 / parameter"
    # parameter naming 07 only: 0901 still from the profile (4.5)
    row = one(parcels(new_use_code=["0901"]), ctl, storey_height_m={"07": 2.0})
    assert row["storey_height_m"] == 4.5


def test_storey_on_the_limit_counts():
    # 3.0 × 8 = 24.0 exactly: 8 storeys (not 7 by a rounding error); 2.9 m → ⌊8.27⌋ = 8
    assert storeys_within(np.array([24.0, 24.0]), np.array([3.0, 2.9])).tolist() == [8.0, 8.0]
    assert storeys_within(np.array([0.3 * 3]), np.array([0.3])).tolist() == [3.0]


def test_coverage_unknown_leaves_height_unknown_and_far_binds():
    # density_max empty: height limit unknown (None, not 0); FAR 3.0 × 1000 = 3000 binds,
    # no second known limit → headroom unknown
    row = one(parcels(), controls(("K1", 3.0, 24.0, None, rect(0))))
    assert math.isnan(row["limit_height_m2"])
    assert row["capacity_m2"] == pytest.approx(3000.0)
    assert row["binding_limit"] == "far"
    assert math.isnan(row["headroom_m2"])
    note = reasons(row)["capacity_height_limit"]["note"]
    assert "density_max" in note and "未知" in note


def test_far_unknown_height_binds():
    # far_max empty: FAR limit unknown; height 24 ÷ 3 × 0.3 × 1000 = 2400 binds
    row = one(parcels(), controls(("K1", None, 24.0, 0.3, rect(0))))
    assert math.isnan(row["limit_far_m2"])
    assert (row["binding_limit"], row["capacity_m2"]) == ("height", pytest.approx(2400.0))
    assert "far_max 为空" in reasons(row)["capacity_far_limit"]["note"]


def test_no_control_row_is_unknown_not_zero():
    # the parcel at x = 100 lies outside the only 控规 row (x 0–50)
    env = capacity_envelope(parcels(2), controls(("K1", 2.0, 60.0, 0.3, rect(0))), PROFILE)
    row = env.iloc[1]
    assert math.isnan(row["limit_far_m2"]) and math.isnan(row["limit_height_m2"])
    assert math.isnan(row["capacity_m2"]) and row["binding_limit"] is None
    assert row["control_id"] is None
    why = reasons(row)
    assert "无控规" in why["capacity_far_limit"]["note"]
    assert why["capacity_envelope"]["value"] is None
    assert any("P2" in w for w in env.attrs["warnings"])


def test_largest_overlap_assigns_the_control_row():
    # the parcel (x 0–50) lies 30 m in K1 (x −20–30, far 1.0) and 20 m in K2 (x 30–80,
    # far 2.0): K1 covers 600 m², K2 400 m² → K1; 1.0 × 1000 = 1000
    ctl = controls(
        ("K1", 1.0, 60.0, 0.3, box(-20, -10, 30, 30)), ("K2", 2.0, 60.0, 0.3, box(30, -10, 80, 30))
    )
    row = one(parcels(), ctl)
    assert row["control_id"] == "K1"
    assert row["capacity_m2"] == pytest.approx(1000.0)


# ------------------------------------------------------------------ Y-4


def test_handover_added_one_to_one_on_top():
    # height binds at 2400 (as above); 500 m² handed over, 300 education + 200 community
    # (both listed, factor 1.0) → + 500 = 2900; an unlisted 100 m² "office" is not added
    par = parcels(
        2,
        gfa_handover=[500.0, 100.0],
        handover_by_category=['{"education": 300, "community": 200}', '{"office": 100}'],
    )
    ctl = controls(("K1", 3.0, 24.0, 0.3, rect(0)), ("K2", 3.0, 24.0, 0.3, rect(100)))
    env = capacity_envelope(par, ctl, PROFILE)
    assert env["handover_bonus_m2"].tolist() == [500.0, 0.0]
    assert env["capacity_m2"].tolist() == [pytest.approx(2900.0), pytest.approx(2400.0)]
    assert env.iloc[0]["binding_limit"] == "height"
    assert env.iloc[0]["headroom_m2"] == pytest.approx(600.0)  # limits only: 3000 − 2400
    handover = reasons(env.iloc[0])["gfa_handover_compensated"]
    assert handover["clause"] == "Y-4" and handover["compensated"] == 500.0
    assert reasons(env.iloc[1])["gfa_handover_compensated"]["unlisted"] == ["office"]


def test_broken_handover_json_is_refused():
    par = parcels(gfa_handover=[10.0], handover_by_category=["{not json"])
    with pytest.raises(LowlandInputError, match="P1"):
        capacity_envelope(par, controls(("K1", 3.0, 24.0, 0.3, rect(0))), PROFILE)


def test_public_project_uncapped_only_with_its_conditions():
    # P1 public, all three conditions true → uncapped (None, capped False); P2 public with
    # traffic unknown → the planned FAR applies: 2.0 × 1000 = 2000
    par = parcels(
        2,
        public_project=[True, True],
        no_harm_neighbours=[True, True],
        no_harm_traffic=pd.array([True, None], dtype="boolean"),
        no_harm_buildings=[True, True],
    )
    ctl = controls(("K1", 2.0, 60.0, 0.3, rect(0)), ("K2", 2.0, 60.0, 0.3, rect(100)))
    env = capacity_envelope(par, ctl, PROFILE)
    first, second = env.iloc[0], env.iloc[1]
    assert math.isnan(first["capacity_m2"]) and not first["capped"]
    assert first["binding_limit"] is None and math.isnan(first["headroom_m2"])
    assert first["limit_far_m2"] == pytest.approx(2000.0)  # shown, for information
    cond = reasons(first)["public_project_uncapped"]
    assert (cond["clause"], cond["met"]) == ("Y-4", True)
    assert second["capped"] and second["capacity_m2"] == pytest.approx(2000.0)
    assert reasons(second)["public_project_uncapped"]["met"] is None


# ------------------------------------------------------------------ input errors


def test_missing_far_field_is_refused():
    ctl = controls(("K1", 2.0, 60.0, 0.3, rect(0))).drop(columns="far_max")
    with pytest.raises(LowlandInputError, match="far_max"):
        capacity_envelope(parcels(), ctl, PROFILE)


def test_coverage_as_percent_is_refused():
    with pytest.raises(LowlandInputError, match="density_max"):
        capacity_envelope(parcels(), controls(("K1", 2.0, 60.0, 30.0, rect(0))), PROFILE)


def test_geographic_parcels_are_refused():
    par = gpd.GeoDataFrame({"project_id": ["P1"]}, geometry=[box(106, 38, 106.01, 38.01)], crs=4326)
    with pytest.raises(LowlandInputError, match="地理坐标系"):
        capacity_envelope(par, controls(("K1", 2.0, 60.0, 0.3, rect(0))).to_crs(4326), PROFILE)


@pytest.mark.parametrize("text", ["0", "-3", "07=abc", "25"])
def test_bad_storey_parameter_is_refused(text):
    with pytest.raises(LowlandInputError, match="层高"):
        parse_storey_heights(text)


def test_storey_parameter_parsed():
    assert parse_storey_heights(" 07=3.0； 09 = 4.5 ;default=3.3") == {
        "07": 3.0,
        "09": 4.5,
        "default": 3.3,
    }
    assert parse_storey_heights("") is None


# ------------------------------------------------------------------ per unit


def test_unit_capacity_by_use_and_headroom():
    # U1: P1 0701 FAR 2.0 → 2000, P2 0901 FAR 3.0 → 3000; today 4000 → headroom 1000
    # U2: P3 0701 outside the 控规 (unknown) and P4 public uncapped → total unknown
    par = parcels(
        4,
        new_use_code=["0701", "0901", "0701", "0804"],
        public_project=[False, False, False, True],
        no_harm_neighbours=[None, None, None, True],
        no_harm_traffic=[None, None, None, True],
        no_harm_buildings=[None, None, None, True],
    )
    ctl = controls(
        ("K1", 2.0, 60.0, 0.3, rect(0)),
        ("K2", 3.0, 80.0, 0.45, rect(100)),
        ("K4", 1.2, 24.0, 0.3, rect(300)),
        plan_code=["0701", "0901", "0804"],
    )
    env = capacity_envelope(par, ctl, PROFILE)
    table = unit_capacity(env, ["U1", "U1", "U2", "U2"], {"U1": 4000.0}).set_index("unit_id")
    u1, u2 = table.loc["U1"], table.loc["U2"]
    assert u1["capacity_m2"] == pytest.approx(5000.0)
    assert json.loads(u1["capacity_by_use"]) == {"0701": 2000.0, "0901": 3000.0}
    assert (u1["gfa_today_m2"], u1["headroom_m2"]) == (4000.0, pytest.approx(1000.0))
    assert math.isnan(u2["capacity_m2"]) and math.isnan(u2["headroom_m2"])
    assert (u2["unknown_count"], u2["uncapped_count"]) == (1, 1)
    assert json.loads(u2["capacity_by_use"]) == {"0701": None}
    assert "Y-4" in u2["note"] and "未知" in u2["note"]


def test_unit_capacity_from_units_layer():
    # units by largest overlap; today's GFA from the layer's gfa_existing (1500):
    # P1 2.0 × 1000 = 2000 → headroom 500; U9 holds no parcel
    env = capacity_envelope(parcels(), controls(("K1", 2.0, 60.0, 0.3, rect(0))), PROFILE)
    units = gpd.GeoDataFrame(
        {"unit_id": ["U1", "U9"], "gfa_existing": [1500.0, None]},
        geometry=[box(-5, -5, 60, 30), box(500, 0, 600, 100)],
        crs=CRS,
    )
    table = unit_capacity(env, units).set_index("unit_id")
    assert table.loc["U1", "headroom_m2"] == pytest.approx(500.0)
    assert table.loc["U9", "parcel_count"] == 0 and math.isnan(table.loc["U9", "capacity_m2"])


# ------------------------------------------------------------------ the algorithm


SAMPLE = "resources/sample"


def feedback_recorder():
    """A feedback keeping the warnings and infos (qgis.core imported late)."""
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.infos = [], []

        def pushWarning(self, text):  # noqa: N802 (QGIS API)
            self.warnings.append(text)

        def pushInfo(self, text):  # noqa: N802 (QGIS API)
            self.infos.append(text)

    return Recorder()


def sample_run(tmp_path, **extra):
    import processing
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    root = __import__("pathlib").Path(__file__).resolve().parents[1] / SAMPLE
    dest = tmp_path / "envelope.gpkg"
    feedback = feedback_recorder()
    params = {
        "PARCELS": f"{root / 'sample_projects.gpkg'}|layername=projects",
        "CONTROLS": f"{root / 'sample_district.gpkg'}|layername=plan",
        "OUTPUT": str(dest),
        **extra,
    }
    res = processing.run("lowland:capacityenvelope", params, feedback=feedback)
    out = read_ogr_layer(res["OUTPUT"].split("|")[0]).set_index("project_id")
    return res, out, feedback


def test_algorithm_on_the_sample(lowland_provider, tmp_path):
    # PRJ01: 38406 m² in 控规 LT04-02 (0901 商业, far 3.0, height 80, density 0.45); its own
    #   use 100101 differs, the 控规's governs (warned) → storey 4.5 m (profile "09"):
    #   ⌊80 ÷ 4.5⌋ = 17 × 0.45 × 38406 = 293805.9;
    #   FAR 3.0 × 38406 = 115218 binds; + handover 1000 education + 500 community = 116718;
    #   headroom 293805.9 − 115218 = 178587.9
    # PRJ02: 34189 m² in LT09-01 (2.2, 60, 0.3), use 0701 → 3.0 m: 20 × 0.3 × 34189 =
    #   205134; FAR 2.2 × 34189 = 75215.8 binds; headroom 129918.2
    # PRJ03: public, the three conditions recorded true → uncapped
    res, out, feedback = sample_run(tmp_path)
    assert out.loc["PRJ01", "control_id"] == "LT04-02"
    assert out.loc["PRJ01", "capacity_use"] == "0901"
    assert out.loc["PRJ01", "limit_height_m2"] == pytest.approx(293805.9)
    assert out.loc["PRJ01", "capacity_m2"] == pytest.approx(116718.0)
    assert out.loc["PRJ01", "headroom_m2"] == pytest.approx(178587.9)
    uses = [w for w in feedback.warnings if "规划用途与控规用途不同" in w]
    assert len(uses) == 1 and "PRJ01（100101 ≠ 0901）" in uses[0] and "以控规为准" in uses[0]
    assert "PRJ02" not in uses[0]  # 0701 in a 0701 row
    assert out.loc["PRJ02", "capacity_m2"] == pytest.approx(75215.8)
    assert out.loc["PRJ02", "headroom_m2"] == pytest.approx(129918.2)
    assert out["binding_limit"].tolist()[:2] == ["far", "far"]
    assert out.loc["PRJ03", "capped"] == False  # noqa: E712 (a stored boolean)
    assert pd.isna(out.loc["PRJ03", "capacity_m2"])
    assert any(
        "容积率控制 2 个" in line and "不受限公益项目 1 个" in line for line in feedback.infos
    )
    assert any("storey_height_m" in w for w in feedback.warnings)  # a local choice


def test_algorithm_storey_parameter_and_unit_table(lowland_provider, tmp_path):
    # STOREY_HEIGHT 16 m for every use: PRJ01 ⌊80 ÷ 16⌋ = 5 × 0.45 × 38406 = 86413.5 binds
    #   + 1500 handover = 87913.5; headroom 115218 − 86413.5 = 28804.5
    # PRJ02 ⌊60 ÷ 16⌋ = 3 × 0.3 × 34189 = 30770.1 binds
    # units (sample_units.gpkg): DY02 holds PRJ01 and the uncapped PRJ03 → 87913.5;
    # DY03 holds PRJ02 → 30770.1; no gfa_existing → headroom unknown
    root = __import__("pathlib").Path(__file__).resolve().parents[1] / SAMPLE
    from qgis.core import QgsVectorLayer

    res, out, _ = sample_run(
        tmp_path,
        STOREY_HEIGHT="16",
        UNITS=f"{root / 'sample_units.gpkg'}|layername=units",
        UNIT_TABLE=str(tmp_path / "units.gpkg"),
    )
    assert out.loc["PRJ01", "capacity_m2"] == pytest.approx(87913.5)
    assert out.loc["PRJ01", "headroom_m2"] == pytest.approx(28804.5)
    assert (out.loc["PRJ02", "binding_limit"], out.loc["PRJ02", "capacity_m2"]) == (
        "height",
        pytest.approx(30770.1),
    )
    table = QgsVectorLayer(res["UNIT_TABLE"], "u", "ogr")
    rows = {f["unit_id"]: f for f in table.getFeatures()}
    assert rows["DY02"]["capacity_m2"] == pytest.approx(87913.5)
    assert rows["DY02"]["uncapped_count"] == 1
    assert rows["DY03"]["capacity_m2"] == pytest.approx(30770.1)
    assert rows["DY03"]["headroom_m2"] is None or str(rows["DY03"]["headroom_m2"]) == "NULL"


def test_algorithm_refuses_controls_without_far_max(lowland_provider, tmp_path):
    from check_helpers import memory_layer
    from qgis.core import QgsProcessingException

    import processing

    where = rect(606800, 4262000)  # inside EPSG:4544's area of use
    parcels = memory_layer("Polygon", "field=project_id:string", [(["P1"], where)])
    ctl = memory_layer("Polygon", "field=plan_id:string", [(["K1"], where)])
    with pytest.raises(QgsProcessingException, match="far_max"):
        processing.run(
            "lowland:capacityenvelope",
            {"PARCELS": parcels, "CONTROLS": ctl, "OUTPUT": "TEMPORARY_OUTPUT"},
        )
    with pytest.raises(QgsProcessingException, match="层高"):
        processing.run(
            "lowland:capacityenvelope",
            {
                "PARCELS": parcels,
                "CONTROLS": ctl,
                "STOREY_HEIGHT": "abc",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_parcel_use_other_than_the_controls_is_named_and_the_controls_governs():
    # P1 plans 0901 (商业) in a 0701 row (住宅): the 控规's use is read → 3.0 m (profile
    # "07"): ⌊24 ÷ 3⌋ = 8 × 0.3 × 1000 = 2400 (not 0901's 4.5 m: 5 × 0.3 × 1000 = 1500);
    # P2 plans 070101, a subclass of 0701: agrees, its own code read, no warning
    par = parcels(2, new_use_code=["0901", "070101"])
    ctl = controls(("K1", 3.0, 24.0, 0.3, rect(0)), ("K2", 3.0, 24.0, 0.3, rect(100)))
    env = capacity_envelope(par, ctl, PROFILE)
    assert env["capacity_use"].tolist() == ["0701", "070101"]
    assert env["limit_height_m2"].tolist() == pytest.approx([2400.0, 2400.0])
    source = reasons(env.iloc[0])["capacity_height_limit"]["storey_height_source"]
    assert "项目用途 0901 与控规用途 0701 不同" in source and "以控规为准" in source
    assert "不同" not in reasons(env.iloc[1])["capacity_height_limit"]["storey_height_source"]
    warned = [w for w in env.attrs["warnings"] if "规划用途与控规用途不同" in w]
    assert len(warned) == 1 and "P1（0901 ≠ 0701）" in warned[0] and "P2（" not in warned[0]


def test_parcel_own_far_max_is_named_not_used():
    # the project records far_max 1.8, its 控规 row 3.0: the 控规 decides (3.0 × 1000 =
    # 3000), the reason and a warning name the 1.8; P2 (no 控规 row) records 2.0: unknown
    par = parcels(2, far_max=[1.8, 2.0])
    env = capacity_envelope(par, controls(("K1", 3.0, 60.0, 0.3, rect(0))), PROFILE)
    assert env["limit_far_m2"].iloc[0] == pytest.approx(3000.0)
    assert math.isnan(env["capacity_m2"].iloc[1])
    assert [reasons(r)["capacity_far_limit"]["parcel_far_max"] for _, r in env.iterrows()] == [
        1.8,
        2.0,
    ]
    assert any("P1（1.8 ≠ 3）" in w for w in env.attrs["warnings"])
    assert not any("P2（" in w for w in env.attrs["warnings"])


def test_capacityenvelope_in_qgis_process(qgis_env, tmp_path):
    # the guide's command line; STOREY_HEIGHT names 07 and 09 only: PRJ01 (100101, read for
    # its 控规 row's 0901) takes 4.5 and PRJ02 (0701) 3.0, as the profile would: both as in
    # test_algorithm_on_the_sample
    from check_helpers import qgis_run

    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    root = __import__("pathlib").Path(__file__).resolve().parents[1] / SAMPLE
    dest, units = tmp_path / "capacity.gpkg", tmp_path / "capacity_units.gpkg"
    qgis_run(
        qgis_env,
        "lowland:capacityenvelope",
        f"PARCELS={root / 'sample_projects.gpkg'}|layername=projects",
        f"CONTROLS={root / 'sample_district.gpkg'}|layername=plan",
        f"UNITS={root / 'sample_units.gpkg'}|layername=units",
        "STOREY_HEIGHT=07=3.0; 09=4.5",
        f"OUTPUT={dest}",
        f"UNIT_TABLE={units}",
    )
    out = read_ogr_layer(str(dest)).set_index("project_id")
    assert out.loc["PRJ01", "capacity_m2"] == pytest.approx(116718.0)
    assert out.loc["PRJ02", "capacity_m2"] == pytest.approx(75215.8)
    table = read_ogr_layer(str(units)).set_index("unit_id")
    # DY02: PRJ01 116718 (PRJ03 uncapped, not added); DY03: PRJ02 75215.8
    assert table.loc["DY02", "capacity_m2"] == pytest.approx(116718.0)
    assert table.loc["DY03", "capacity_m2"] == pytest.approx(75215.8)


def test_algorithm_output_opens_with_its_style(lowland_provider, tmp_path):
    # resources/styles/capacityenvelope_{zh,en}.qml: categories by binding_limit; PRJ01 and
    # PRJ02 FAR-bound (test_algorithm_on_the_sample), PRJ03 uncapped (empty binding_limit)
    import re

    from qgis.core import QgsRenderContext, QgsVectorLayer

    res, _, _ = sample_run(tmp_path)
    layer = QgsVectorLayer(res["OUTPUT"], "c", "ogr")
    assert layer.isValid() and layer.renderer().type() == "categorizedSymbol"
    labels = {i.label() for i in layer.renderer().legendSymbolItems()}
    zh = any(re.search("[\u4e00-\u9fff]", label) for label in labels)
    expected = (
        {"far": "容积率控制", "height": "高度控制", None: "容量未知或不受限（公益项目）"}
        if zh
        else {"far": "FAR binds", "height": "Height binds", None: "Unknown or uncapped (public)"}
    )
    assert labels == set(expected.values())
    renderer = layer.renderer().clone()
    context = QgsRenderContext()
    renderer.startRender(context, layer.fields())
    keys = {i.ruleKey(): i.label() for i in renderer.legendSymbolItems()}
    drawn = {
        f["project_id"]: [keys[k] for k in renderer.legendKeysForFeature(f, context)]
        for f in layer.getFeatures()
    }
    renderer.stopRender(context)
    assert drawn == {
        "PRJ01": [expected["far"]],
        "PRJ02": [expected["far"]],
        "PRJ03": [expected[None]],
    }
