"""方案评估比选 (issue 23 item 3): two scenarios of one unit evaluated through the
existing checks, every indicator of the table computed by hand; the scenario model
(copy, validation)."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import MultiPolygon, box

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.scenarios.comparison import comparison_frame
from lowland_under_test.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios
from lowland_under_test.lowland_plugin.core.scenarios.model import (
    check_chosen,
    copy_scenario,
    scenario_from_projects,
    validate_store,
)

X0, Y0 = 607000.0, 4262000.0  # EPSG:4544
DAY = dt.date(2025, 6, 30)
NOW = dt.datetime(2026, 3, 1, 9, 0, 0)


def square(x, y, w, h):
    return MultiPolygon([box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)])


def priced(value_new, value_old):
    return {"value_new": value_new, "value_old": value_old, "valuation_date_new": DAY,
            "valuation_date_old": DAY, "contract_date": DAY}  # fmt: skip


def two_scenarios():
    """Unit U1, two projects: P1 100 m × 100 m = 10 000 m² (far_max 2.0, 原权利人改造,
    price 5 000 000 − 3 000 000), P2 50 m × 100 m = 5 000 m² (far_max 1.5, 6 000 m²).
    A 收储方案: P1 18 000 m², P2 收储 with 1 000 m² handed over (education).
    B 提容方案: P1 raised to 24 000 m² (above 2.0 × 10 000), P2 kept (保留, no valuation)."""
    use = {"old_use_code": "100101", "new_use_code": "100101"}
    p1 = {
        "project_id": "P1",
        "far_max": 2.0,
        "redevelopment_mode": "owner",
        "phase": "一期",
        "gfa_handover": 0.0,
        "handover_by_category": None,
        **use,
        **priced(5e6, 3e6),
    }
    p2 = {"project_id": "P2", "far_max": 1.5, "gfa_proposed": 6000.0, "phase": "二期", **use}
    rows = [
        {**p1, "scenario_id": "U1-A", "gfa_proposed": 18000.0},
        {**p2, "scenario_id": "U1-A", "redevelopment_mode": "acquisition", "gfa_handover": 1000.0,
         "handover_by_category": json.dumps({"education": 1000.0}), **priced(4e6, 2.5e6)},
        {**p1, "scenario_id": "U1-B", "gfa_proposed": 24000.0},
        {**p2, "scenario_id": "U1-B", "redevelopment_mode": "保留", "gfa_handover": 0.0,
         "handover_by_category": None, **priced(None, None), "contract_date": None,
         "valuation_date_new": None, "valuation_date_old": None},
    ]  # fmt: skip
    geoms = [square(0, 0, 100, 100), square(100, 0, 50, 100)] * 2
    projects = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs="EPSG:4544")
    projects["unit_id"] = "U1"
    stamp = "2026-03-01T09:00:00"
    scenarios = pd.DataFrame(
        [
            {"scenario_id": "U1-A", "unit_id": "U1", "name": "收储方案", "author": "甲",
             "created": stamp, "changed": stamp, "notes": None, "chosen": True},
            {"scenario_id": "U1-B", "unit_id": "U1", "name": "提容方案", "author": "乙",
             "created": stamp, "changed": stamp, "notes": "P1 提容", "chosen": False},
        ]
    )  # fmt: skip
    return scenarios, projects


UNIT = {"unit_id": "U1", "phase": "near", "gfa_existing": 8000.0, "lowland_area_m2": 15000.0,
        "facility_area_m2": 1000.0, "gfa_transferred": 0.0}  # fmt: skip


def test_two_scenarios_every_indicator_by_hand():
    scenarios, projects = two_scenarios()
    c = evaluate_scenarios(
        scenarios, projects, load_profile("default"), unit_id="U1", unit=UNIT, reference=DAY
    )
    v = {row.key: row.values for row in c.rows}
    best = {row.key: row.best for row in c.rows}
    # total GFA: A 18 000 + 6 000 = 24 000; B 24 000 + 6 000 = 30 000 (no best: neither)
    assert v["gfa_total_m2"] == {"U1-A": 24000.0, "U1-B": 30000.0} and best["gfa_total_m2"] == ()
    # FAR = Σ counted / Σ area: A 24 000 / 15 000 = 1.6; B 30 000 / 15 000 = 2.0
    assert v["far"] == pytest.approx({"U1-A": 1.6, "U1-B": 2.0})
    # handover: A 1 000 (P2, education), B 0 → A best (higher)
    assert v["handover_m2"] == {"U1-A": 1000.0, "U1-B": 0.0} and best["handover_m2"] == ("U1-A",)
    # no 控规 layer: capacity not computed — unknown, never 0, never best
    for key in ("capacity_m2", "capacity_used_pct", "capacity_headroom_m2"):
        assert v[key] == {"U1-A": None, "U1-B": None} and best[key] == ()
    assert any("开发容量未测算" in n for n in c.notes)
    # redeveloped: A P1 (owner) 10 000 + P2 (收储) 5 000 = 15 000; B P1 only (P2 保留) 10 000
    assert v["resolved_lowland_m2"] == {"U1-A": 15000.0, "U1-B": 10000.0}
    # land price (Y-14): P1 5 000 000 − 3 000 000 = 2 000 000 元 = 200 万元 in both; P2 收储
    # in A (sold, no 补缴) and unvalued in B add nothing
    assert v["land_price_wan"] == pytest.approx({"U1-A": 200.0, "U1-B": 200.0})
    # funding A: 收储 share = 5 000 / (10 000 + 5 000) = 1/3 of the 8 000 m² existing floor area
    # = 2 666.67 m²; compensation 2 666.67 × 3 000 = 8 000 000.00, demolition × 100 =
    # 266 666.67, infrastructure 15 000 × 300 = 4 500 000, facilities 1 000 × 2 000 =
    # 2 000 000 → cost 14 766 666.67 元 = 1 476.666667 万元; income P1's price 2 000 000 +
    # P2's sale 4 000 000 = 6 000 000 = 600 万元; balance −876.666667 万元
    # funding B: no 收储 (P2 保留 has no mode) → cost 4 500 000 + 2 000 000 = 650 万元,
    # income P1's price 200 万元, balance −450 万元
    assert v["funding_income_wan"] == pytest.approx({"U1-A": 600.0, "U1-B": 200.0})
    assert v["funding_cost_wan"] == pytest.approx({"U1-A": 1476.666667, "U1-B": 650.0})
    assert v["funding_balance_wan"] == pytest.approx({"U1-A": -876.666667, "U1-B": -450.0})
    assert best["funding_cost_wan"] == ("U1-B",) and best["funding_balance_wan"] == ("U1-B",)
    # failed: B the FAR cap (24 000 > 2.0 × 10 000 = 20 000, Y-4) → A 0, B 1, A best (fewer).
    # The deficits are no failed check (Y-3 asks for a 资金平衡方案, it forbids no deficit):
    # each is a note naming the scenario, the gap and the clause
    assert v["failed_checks"] == {"U1-A": 0.0, "U1-B": 1.0} and best["failed_checks"] == ("U1-A",)
    assert c.failures["U1-A"] == ()
    far = [f for f in c.failures["U1-B"] if f.check == "far"]
    assert [(f.clause, f.project_id) for f in c.failures["U1-B"]] == [("Y-4", "P1")]
    assert "24000.00" in far[0].text_zh and "20000.00" in far[0].text_zh
    assert "计容建筑面积" in far[0].text_zh and "不满足此项" in far[0].text_zh
    deficits = [n for n in c.notes if "资金缺口" in n]
    assert len(deficits) == 2
    assert deficits[0].startswith(
        "方案 U1-A：资金缺口 876.67 万元（收入 600.00 万元，支出 1,476.67 万元）"
    )
    assert "（Y-3）" in deficits[0] and "funding gap 876.67" in deficits[0]
    assert deficits[1].startswith(
        "方案 U1-B：资金缺口 450.00 万元（收入 200.00 万元，支出 650.00 万元）"
    )
    # chart series
    assert c.series["gfa_by_use"] == {"U1-A": {"100101": 24000.0}, "U1-B": {"100101": 30000.0}}
    assert c.series["resolved_by_phase"] == {
        "U1-A": {"一期": 10000.0, "二期": 5000.0}, "U1-B": {"一期": 10000.0}}  # fmt: skip
    assert c.series["funding"]["U1-B"] == pytest.approx(
        {"income": 200.0, "cost": 650.0, "balance": -450.0})  # fmt: skip
    frame = comparison_frame(c)
    assert frame.columns.tolist()[2:4] == ["收储方案", "提容方案"]
    assert frame.set_index("指标").loc["无偿移交面积", "最优"] == "收储方案"


def test_funding_unknown_without_unit_statistics():
    scenarios, projects = two_scenarios()
    c = evaluate_scenarios(scenarios, projects, load_profile("default"), unit_id="U1")
    assert c.row("funding_balance_wan").values == {"U1-A": None, "U1-B": None}
    assert c.series["funding"] == {}
    # without funding: the same failed checks (a deficit is never one), and no deficit note
    assert c.row("failed_checks").values == {"U1-A": 0.0, "U1-B": 1.0}
    assert not any("资金缺口" in n for n in c.notes)


def test_scenario_copy_and_validation():
    scenarios, projects = two_scenarios()
    row, rows = copy_scenario(scenarios, projects, "U1-B", "提容方案二", "丙", NOW)
    # the next free id of the unit after A and B; times new; notes kept; not chosen
    assert row["scenario_id"] == "U1-C" and row["created"] == "2026-03-01T09:00:00"
    assert (row["notes"], row["chosen"]) == ("P1 提容", False)
    assert rows["scenario_id"].tolist() == ["U1-C", "U1-C"]
    assert rows["gfa_proposed"].tolist() == [24000.0, 6000.0]
    new, mine = scenario_from_projects(projects.iloc[:2], "U1", "新方案", None, NOW,
                                       taken=["U1-A", "U1-B"])  # fmt: skip
    assert new["scenario_id"] == "U1-C" and mine["phase"].tolist() == ["一期", "二期"]
    bad = projects.copy()
    bad.loc[0, "redevelopment_mode"] = "拍卖"
    with pytest.raises(LowlandInputError, match="再开发方式无法识别.*P1（拍卖）"):
        validate_store(scenarios, bad)
    twice = scenarios.assign(chosen=[True, True])
    with pytest.raises(LowlandInputError, match="最多选定一个方案.*U1-A、U1-B"):
        check_chosen(twice)
    with pytest.raises(LowlandInputError, match="已存在"):
        copy_scenario(scenarios, projects, "U1-A", "x", None, NOW, scenario_id="U1-B")


def test_capacity_rows_from_the_envelope():
    scenarios, projects = two_scenarios()
    # one 控规 row over both projects: FAR 1.9, height 30 m, coverage 0.4; use 100101 → the
    # profile's storey height for '10' = 6.0 m → ⌊30 / 6⌋ = 5 storeys
    controls = gpd.GeoDataFrame(
        {"plan_id": ["KG-1"], "far_max": [1.9], "height_max": [30.0], "coverage_max": [0.4]},
        geometry=[square(-10, -10, 170, 120)], crs=projects.crs,
    )  # fmt: skip
    c = evaluate_scenarios(scenarios, projects, load_profile("default"), unit_id="U1",
                           capacity=controls, reference=DAY)  # fmt: skip
    v = {row.key: row.values for row in c.rows}
    # P1: FAR 1.9 × 10 000 = 19 000 < height 5 × 0.4 × 10 000 = 20 000 → 19 000 (FAR binds)
    # P2: FAR 1.9 × 5 000 = 9 500 < 5 × 0.4 × 5 000 = 10 000 → 9 500; + 1 000 handed over in A
    # A: 19 000 + 10 500 = 29 500; counted 24 000 → 81.36 %, headroom 5 500
    # B: 19 000 + 9 500 = 28 500; counted 30 000 → 105.26 %, headroom −1 500
    assert v["capacity_m2"] == pytest.approx({"U1-A": 29500.0, "U1-B": 28500.0})
    assert v["capacity_used_pct"] == pytest.approx({"U1-A": 24000 / 29500 * 100,
                                                    "U1-B": 30000 / 28500 * 100})  # fmt: skip
    assert v["capacity_headroom_m2"] == pytest.approx({"U1-A": 5500.0, "U1-B": -1500.0})
    assert c.row("capacity_headroom_m2").best == ("U1-A",)
    # B's P1: 24 000 > 19 000 (capacity, Y-3) besides the Y-4 cap; A within both
    failed = [(f.check, f.clause, f.project_id) for f in c.failures["U1-B"]]
    assert failed == [("far", "Y-4", "P1"), ("capacity", "Y-3", "P1")]
    assert "24,000.00" in c.failures["U1-B"][1].text_zh and "far" in c.failures["U1-B"][1].text_zh
    assert c.failures["U1-A"] == ()
    assert not any("开发容量未测算" in n for n in c.notes)


def test_only_the_edited_scenario_is_evaluated_again():
    scenarios, projects = two_scenarios()
    profile = load_profile("default")
    cache: dict = {}
    full = evaluate_scenarios(scenarios, projects, profile, unit_id="U1", unit=UNIT,
                              reference=DAY, cache=cache)  # fmt: skip
    assert sorted(cache) == ["U1-A", "U1-B"]
    # the dock edits B: P1 down to 20 000 m² = 2.0 × 10 000, within the cap (Y-4)
    edited = projects.copy()
    edited.loc[(edited["scenario_id"] == "U1-B") & (edited["project_id"] == "P1"),
               "gfa_proposed"] = 20000.0  # fmt: skip
    # A is not re-evaluated: change A's rows too, and A's cached values stay
    edited.loc[edited["scenario_id"] == "U1-A", "gfa_proposed"] = 1.0
    live = evaluate_scenarios(scenarios, edited, profile, unit_id="U1", unit=UNIT,
                              reference=DAY, only=["U1-B"], cache=cache)  # fmt: skip
    # B: 20 000 + 6 000 = 26 000 m², no failed check; A as before (24 000, from the cache)
    assert live.row("gfa_total_m2").values == {"U1-A": 24000.0, "U1-B": 26000.0}
    assert live.failures == {"U1-A": (), "U1-B": ()}
    assert live.row("failed_checks").best == ("U1-A", "U1-B")  # a tie: both marked
    # with A's rows as they were, the live result equals a full call (and the full call
    # without a cache is unchanged)
    edited.loc[edited["scenario_id"] == "U1-A", "gfa_proposed"] = [18000.0, 6000.0]
    again = evaluate_scenarios(scenarios, edited, profile, unit_id="U1", unit=UNIT,
                               reference=DAY)  # fmt: skip
    assert again == live
    assert full.row("gfa_total_m2").values == {"U1-A": 24000.0, "U1-B": 30000.0}
    # a scenario deleted from the table leaves the cache
    evaluate_scenarios(scenarios.iloc[:1], projects[projects["scenario_id"] == "U1-A"], profile,
                       unit_id="U1", unit=UNIT, reference=DAY, only=[], cache=cache)  # fmt: skip
    assert sorted(cache) == ["U1-A"]
