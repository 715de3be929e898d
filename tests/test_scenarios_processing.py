"""``lowland:evaluatescenarios`` (issue 23 items 3 and 5) on the sample scenario store:
方案A passes every check, 方案B fails the FAR cap (Y-4) and the scattered-land limits
(Y-7), named with their clause in the failed-checks table, the run log and the XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import list_ogr_layers, read_ogr_layer
from lowland_under_test.lowland_plugin.bridge.scenario_store import read_store
from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
from lowland_under_test.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "resources" / "sample" / "sample_scenarios.gpkg"
PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"
DISTRICT = ROOT / "resources" / "sample" / "sample_district.gpkg"


def sample_comparison(unit: dict | None = None):
    scenarios, projects = read_store(str(STORE))
    pieces = read_ogr_layer(str(STORE), "scenario_pieces")
    zones = read_ogr_layer(str(PROJECTS), "zones")
    return evaluate_scenarios(scenarios, projects, load_profile("default"), unit_id="DY02",
                              pieces=pieces, zones=zones, reference=dt.date(2026, 3, 1),
                              unit=unit)  # fmt: skip


def test_the_sample_funding_deficit_is_a_note_not_a_failed_check():
    # DY02 with statistics like the chain's units: the example unit rates give both plans a
    # deficit; Y-3 asks for a 资金平衡方案 and forbids no deficit, so A still passes every
    # check and B fails only what it is meant to (Y-4, Y-7)
    c = sample_comparison(DY02_STATS)
    balance = c.row("funding_balance_wan").values
    assert balance["DY02-A"] < 0 and balance["DY02-B"] < 0
    assert c.failures["DY02-A"] == ()
    assert [f.clause for f in c.failures["DY02-B"]] == ["Y-4", "Y-7", "Y-7"]
    assert c.row("failed_checks").values == {"DY02-A": 0.0, "DY02-B": 3.0}
    for sid in ("DY02-A", "DY02-B"):
        gap = f"{-balance[sid]:,.2f}"
        assert any(n.startswith(f"方案 {sid}：资金缺口 {gap} 万元") and "Y-3" in n for n in c.notes)


def test_the_sample_scenarios_differ_where_the_checks_catch_it():
    c = sample_comparison()
    assert c.scenario_ids() == ["DY02-A", "DY02-B"]
    assert [s["chosen"] for s in c.scenarios] == [True, False]
    assert c.failures["DY02-A"] == ()
    failed = [(f.check, f.clause, f.project_id) for f in c.failures["DY02-B"]]
    # PRJ01: 80 000 m² > 1.8 × 38 406 m² + 1 500 m² handover = 70 630.8 m² (Y-4); its pieces
    # S1 + S2 with S2 3 500 m² > 5 亩 = 3 333.33 m² and (3 000 + 3 500) / 38 406 = 17 % > 10 %
    assert failed == [("far", "Y-4", "PRJ01"), ("scattered", "Y-7", "PRJ01"),
                      ("scattered", "Y-7", "PRJ01")]  # fmt: skip
    assert "80000.00" in c.failures["DY02-B"][0].text_zh
    assert "70630.80" in c.failures["DY02-B"][0].text_zh
    # total GFA: A = PRJ01 70 630.8 + PRJ03 105 712.2 = 176 343; B = 80 000 + 105 712.2
    assert c.row("gfa_total_m2").values == pytest.approx({"DY02-A": 176343.0, "DY02-B": 185712.2})
    assert c.row("failed_checks").values == {"DY02-A": 0.0, "DY02-B": 3.0}
    # PRJ01 收储 in B: sold after acquisition, no 补缴地价; PRJ03 has no valuation → unknown
    assert c.row("land_price_wan").values["DY02-B"] is None


def test_evaluatescenarios_processing_on_the_sample(lowland_provider, tmp_path):
    import processing

    store = str(STORE)
    xlsx = tmp_path / "compare.xlsx"
    res = processing.run(
        "lowland:evaluatescenarios",
        {
            "SCENARIOS": f"{store}|layername=scenarios",
            "SCENARIO_PROJECTS": f"{store}|layername=scenario_projects",
            "PIECES": f"{store}|layername=scenario_pieces",
            "ZONES": f"{PROJECTS}|layername=zones",
            "CONTROLS": f"{DISTRICT}|layername=plan",
            "UNIT": "DY02",
            "OUTPUT": str(tmp_path / "scenario_comparison.gpkg"),
            "FAILURES": str(tmp_path / "scenario_failures.gpkg"),
            "XLSX": str(xlsx),
        },
    )
    table = read_ogr_layer(res["OUTPUT"]).set_index("indicator_key")
    assert table.loc["gfa_total_m2", "DY02-B"] == pytest.approx(185712.2)
    assert table.loc["failed_checks", ["DY02-A", "DY02-B"]].tolist() == [0.0, 3.0]
    assert table.loc["failed_checks", "best"] == "DY02-A"
    # capacity of the capped PRJ01 under its 控规 row (PRJ03, public, is uncapped): the
    # envelope's FAR limit 115 218 m² + 1 500 m² handed over = 116 718 m²; B counts
    # 80 000 m² of it → 80 000 / 116 718 = 68.54 %
    assert table.loc["capacity_m2", ["DY02-A", "DY02-B"]].tolist() == [116718.0, 116718.0]
    assert table.loc["capacity_used_pct", "DY02-B"] == pytest.approx(80000 / 116718 * 100, abs=0.01)
    # no unit statistics given: the funding rows are unknown (empty), never 0
    assert table.loc["funding_balance_wan", ["DY02-A", "DY02-B"]].isna().all()
    failed = read_ogr_layer(res["FAILURES"])
    assert failed[["scenario_id", "check_name", "clause"]].values.tolist() == [
        ["DY02-B", "far", "Y-4"], ["DY02-B", "scattered", "Y-7"], ["DY02-B", "scattered", "Y-7"]]  # fmt: skip
    assert sorted(list_ogr_layers(str(xlsx))) == ["方案比选", "未通过核查"]
    sheet = read_ogr_layer(str(xlsx), "方案比选")
    assert "方案B 收储提容" in sheet.columns
    # the demo summary prints the comparison from these outputs (scripts/demo.py)
    from lowland_under_test.scripts import demo

    lines = demo.scenario_summary(tmp_path)
    assert lines[0].startswith("[demo] 方案比选 (unit DY02): DY02-A, DY02-B")
    assert "[demo]   未通过核查项数 (项): 0 | 3  最优 DY02-A" in lines
    assert "[demo]   开发容量（受控规限制的项目） (m²): 116,718 | 116,718" in lines
    assert "[demo]   资金平衡（收入−支出） (万元): 未知 | 未知" in lines
    assert "[demo]   DY02-A: 各项核查均通过" in lines
    assert any(line.startswith("[demo]   DY02-B 未通过 [Y-4] PRJ01: ") for line in lines)


#: DY02's statistics as buildunits writes them (only what the funding balance reads).
DY02_STATS = {"unit_id": "DY02", "phase": "near", "gfa_existing": 20000.0,
              "lowland_area_m2": 60000.0, "facility_area_m2": 2000.0, "gfa_transferred": 0.0}  # fmt: skip


def test_evaluatescenarios_in_qgis_process(qgis_env, tmp_path):
    # the demo's command line (scripts/demo.scenario_arguments) with a units layer holding
    # DY02's statistics: both plans are in deficit with the example unit rates, the log
    # warns naming each gap (Y-3), and the summary reads A passes, B fails Y-4 and Y-7
    import geopandas as gpd
    from check_helpers import qgis_run
    from shapely.geometry import box

    from lowland_under_test.lowland_plugin.bridge.ogr_io import write_ogr_layer
    from lowland_under_test.scripts import demo

    _, projects = read_store(str(STORE))
    units = gpd.GeoDataFrame([DY02_STATS], geometry=[box(*projects.total_bounds)],
                             crs=projects.crs)  # fmt: skip
    write_ogr_layer(units, str(tmp_path / "units.gpkg"), "units")
    args = demo.scenario_arguments(tmp_path, ROOT / "resources" / "sample")
    # no parcels here (the whole unit's floor area stands in; the next test gives them)
    args = [a for a in args if not a.startswith("PARCELS=")]
    result = qgis_run(qgis_env, "lowland:evaluatescenarios", *args)
    assert Path(result["results"]["OUTPUT"]).is_file()
    table = read_ogr_layer(str(tmp_path / "scenario_comparison.gpkg")).set_index("indicator_key")
    balance = table.loc["funding_balance_wan", ["DY02-A", "DY02-B"]].tolist()
    assert balance[0] < 0 and balance[1] < 0
    assert table.loc["failed_checks", ["DY02-A", "DY02-B"]].tolist() == [0.0, 3.0]
    warnings = "\n".join(result["log"]["warning"])
    # reference data: PRJ01 plans 100101 in a 商业 (0901) 控规 row — warned, the 控规 governs
    assert "PRJ01（100101 ≠ 0901）" in warnings
    for sid, gap in zip(("DY02-A", "DY02-B"), balance, strict=True):
        assert f"方案 {sid}：资金缺口 {-gap:,.2f} 万元" in warnings
    lines = demo.scenario_summary(tmp_path)
    assert "[demo]   DY02-A: 各项核查均通过" in lines
    failed = [line.split(":")[0] for line in lines if line.startswith("[demo]   DY02-B 未通过")]
    assert failed == ["[demo]   DY02-B 未通过 [Y-4] PRJ01", "[demo]   DY02-B 未通过 [Y-7] PRJ01",
                      "[demo]   DY02-B 未通过 [Y-7] PRJ01"]  # fmt: skip


def test_with_the_parcels_the_funding_is_chapter_eights(lowland_provider, sample_units_chain,
                                                        tmp_path):  # fmt: skip
    """PARCELS given: compensation and demolition on DY02's 低效地块 (as 八、资金平衡 of
    generateplan computes them: documents.plan.unit_compensation_basis), not the whole
    unit's existing floor area."""
    import processing
    from lowland_under_test.lowland_plugin.core.documents.plan import unit_compensation_basis

    store = str(STORE)
    common = {
        "SCENARIOS": f"{store}|layername=scenarios",
        "SCENARIO_PROJECTS": f"{store}|layername=scenario_projects",
        "PIECES": f"{store}|layername=scenario_pieces",
        "ZONES": f"{PROJECTS}|layername=zones",
        "UNITS": sample_units_chain["units"],
        "UNIT": "DY02",
    }
    with_parcels = processing.run("lowland:evaluatescenarios", {
        **common, "PARCELS": sample_units_chain["parcels"],
        "OUTPUT": str(tmp_path / "with.gpkg")})["OUTPUT"]  # fmt: skip
    without = processing.run("lowland:evaluatescenarios", {
        **common, "OUTPUT": str(tmp_path / "without.gpkg")})["OUTPUT"]  # fmt: skip
    units = read_ogr_layer(sample_units_chain["units"].split("|")[0])
    parcels = read_ogr_layer(sample_units_chain["parcels"].split("|")[0])
    unit = units[units["unit_id"] == "DY02"].iloc[0].to_dict()
    gfa, basis, _ = unit_compensation_basis(unit, parcels, units)
    assert basis == "低效地块现状建筑面积" and 0 < gfa < unit["gfa_existing"]
    scenarios, projects = read_store(store)
    expected = evaluate_scenarios(
        scenarios, projects, load_profile("default"), unit_id="DY02",
        pieces=read_ogr_layer(store, "scenario_pieces"),
        zones=read_ogr_layer(str(PROJECTS), "zones"), unit=unit, compensation=(gfa, basis),
    ).row("funding_cost_wan").values  # fmt: skip
    cost = read_ogr_layer(with_parcels).set_index("indicator_key").loc["funding_cost_wan"]
    whole = read_ogr_layer(without).set_index("indicator_key").loc["funding_cost_wan"]
    for sid in ("DY02-A", "DY02-B"):
        assert cost[sid] == pytest.approx(expected[sid])
    # B acquires PRJ01 (收储): its compensation is on the smaller 低效 floor area
    assert cost["DY02-B"] < whole["DY02-B"]


def test_a_land_price_not_computed_makes_the_total_unknown_not_a_partial_sum():
    # A: PRJ01 (原权利人改造) owes 15 150 000 元 in instalments, PRJ03 (原权利人改造) has
    # no valuation (未核算): the 补缴地价 total is unknown, not 1 515 万元, and the note names
    # PRJ03; B: PRJ01 收储 (sold, nothing due) and PRJ03 未核算 → unknown too
    c = sample_comparison()
    assert c.row("land_price_wan").values == {"DY02-A": None, "DY02-B": None}
    for sid in ("DY02-A", "DY02-B"):
        assert any(n.startswith(f"方案 {sid}：项目 ['PRJ03'] 未核算补缴地价") for n in c.notes)
