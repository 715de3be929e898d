"""The 方案比选 dock (issue 23): a store beside the units is created from the plan's
projects, a scenario made from the plan and copied; one parcel's mode and FAR are
changed on the copy (one undo step each, in the layer's edit buffer), undone and redone,
and the comparison table follows every step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"
#: The sample's projects of unit DY02 (by overlap): PRJ01 (owner, 70 630.8 m²) and
#: PRJ03 (no mode, 105 712.2 m²).
GFA_PLAN = 70630.8 + 105712.2  # = 176 343.0 m²


@pytest.fixture
def layers(qgis_new_project, tmp_path):
    for name in ("sample_units.gpkg", "sample_projects.gpkg"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    units = QgsVectorLayer(f"{tmp_path / 'sample_units.gpkg'}|layername=units", "units", "ogr")
    projects = QgsVectorLayer(
        f"{tmp_path / 'sample_projects.gpkg'}|layername=projects", "projects", "ogr"
    )
    assert units.isValid() and projects.isValid()
    QgsProject.instance().addMapLayers([units, projects])
    return units, projects


@pytest.fixture
def dock(qgis_iface, layers):
    from lowland_under_test.lowland_plugin.gui.scenario_dock import ScenarioDock

    units, projects = layers
    widget = ScenarioDock(qgis_iface)
    widget.projectsCombo.setLayer(projects)
    widget.set_units_layer(units)
    widget.show()
    yield widget
    widget.unload()
    widget.close()
    widget.deleteLater()
    QCoreApplication.processEvents()


def settle() -> None:
    """Let the dock's re-evaluation (queued after each edit) run."""
    for _ in range(3):
        QCoreApplication.processEvents()


def shown(dock, key: str, sid: str):
    from lowland_under_test.lowland_plugin.gui.scenario_table import cell_value

    return cell_value(dock.comparisonTable, dock.comparison, key, sid)


def cell_text(dock, key: str, sid: str) -> str:
    from lowland_under_test.lowland_plugin.gui.scenario_table import FIXED_COLUMNS

    c = dock.comparison
    row = [r.key for r in c.rows].index(key)
    return dock.comparisonTable.item(row, FIXED_COLUMNS + c.scenario_ids().index(sid)).text()


def test_the_store_is_created_beside_the_units(dock, tmp_path):
    assert Path(dock.storeFile.filePath()) == tmp_path / "sample_units_scenarios.gpkg"
    assert dock.open_store()
    assert (tmp_path / "sample_units_scenarios.gpkg").is_file()
    assert dock.scenarioList.count() == 0


def test_copy_edit_undo_redo_and_the_table_follows(dock):
    assert dock.open_store()
    dock.unitCombo.setCurrentText("DY02")
    assert dock.new_scenario("现行方案") == "DY02-A"
    assert dock.copy_current("收储方案") == "DY02-B"
    settle()
    assert dock.current_scenario() == "DY02-B"
    assert dock.comparisonTable.columnCount() == 4  # 指标, 单位, A, B
    assert dock.comparisonTable.horizontalHeaderItem(3).text() == "收储方案"
    # both from the plan: PRJ01 + PRJ03 proposed floor area; PRJ03 has no mode, so the
    # 低效 area redeveloped is unknown (never 0)
    for sid in ("DY02-A", "DY02-B"):
        assert shown(dock, "gfa_total_m2", sid) == pytest.approx(GFA_PLAN)
        assert shown(dock, "resolved_lowland_m2", sid) is None
        assert cell_text(dock, "resolved_lowland_m2", sid) == "未知"

    layer = dock.projects_layer
    prj03 = next(f for f in layer.getFeatures()
                 if f["scenario_id"] == "DY02-B" and f["project_id"] == "PRJ03")  # fmt: skip
    area01 = next(f for f in layer.getFeatures()
                  if f["scenario_id"] == "DY02-B" and f["project_id"] == "PRJ01").geometry().area()  # fmt: skip
    area03 = prj03.geometry().area()
    layer.selectByIds([prj03.id()])
    assert dock.selected_ids() == [prj03.id()]
    stack = layer.undoStack()
    start = stack.index()

    assert dock.set_mode("acquisition")
    settle()
    assert stack.index() == start + 1  # one undo step
    resolved = area01 + area03  # both projects redeveloped now (≈ 38 406 + 55 638 m²)
    assert shown(dock, "resolved_lowland_m2", "DY02-B") == pytest.approx(resolved)
    assert shown(dock, "resolved_lowland_m2", "DY02-A") is None  # the copy only

    assert dock.set_far(2.0)
    settle()
    assert stack.index() == start + 2
    gfa_far = 70630.8 + round(2.0 * area03, 1)  # PRJ03: FAR 2.0 × its area
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(gfa_far)
    assert shown(dock, "gfa_total_m2", "DY02-A") == pytest.approx(GFA_PLAN)
    # the floor area by use follows (PRJ03's gfa_by_use is all 0804): the chart series
    assert dock.comparison.series["gfa_by_use"]["DY02-B"]["0804"] == pytest.approx(
        round(2.0 * area03, 1)
    )
    assert dock.comparison.series["gfa_by_use"]["DY02-A"]["0804"] == pytest.approx(105712.2)
    # the best mark follows: B has the larger redeveloped area (A's is unknown)
    assert cell_text(dock, "resolved_lowland_m2", "DY02-B").endswith("★")
    evaluations = dock.evaluations

    dock.undo()  # the FAR
    settle()
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(GFA_PLAN)
    assert shown(dock, "resolved_lowland_m2", "DY02-B") == pytest.approx(resolved)
    dock.undo()  # the mode
    settle()
    assert shown(dock, "resolved_lowland_m2", "DY02-B") is None
    assert dock.evaluations > evaluations

    dock.redo()
    settle()
    assert shown(dock, "resolved_lowland_m2", "DY02-B") == pytest.approx(resolved)
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(GFA_PLAN)
    dock.redo()
    settle()
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(gfa_far)

    # nothing was written yet: the store still has the plan's numbers; 保存 writes them
    from lowland_under_test.lowland_plugin.bridge.scenario_store import read_scenario_projects

    saved = read_scenario_projects(str(dock.store_path), "DY02-B").set_index("project_id")
    assert saved.loc["PRJ03", "gfa_proposed"] == pytest.approx(105712.2)
    assert dock.save()
    saved = read_scenario_projects(str(dock.store_path), "DY02-B").set_index("project_id")
    assert saved.loc["PRJ03", "gfa_proposed"] == pytest.approx(round(2.0 * area03, 1))
    assert saved.loc["PRJ03", "redevelopment_mode"] == "acquisition"


def test_choose_delete_and_export(dock, tmp_path, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    assert dock.open_store()
    dock.unitCombo.setCurrentText("DY02")
    dock.new_scenario("现行方案")
    dock.copy_current("副本")
    settle()
    dock.choose_current()
    rows = {r["scenario_id"]: bool(r["chosen"]) for r in dock.scenario_rows()}
    assert rows == {"DY02-A": False, "DY02-B": True}
    assert "选定方案" in dock.scenarioList.currentItem().text()

    xlsx = dock.export_xlsx(str(tmp_path / "cmp.xlsx"))
    from osgeo import ogr

    book = ogr.Open(xlsx)  # kept: its layers live as long as it does
    rows = {f.GetField("指标"): f for f in book.GetLayerByName("方案比选")}
    assert len(rows) == len(dock.comparison.rows)
    gfa = rows["规划总建筑面积"]
    assert gfa.GetField("现行方案") == pytest.approx(GFA_PLAN)  # a number, not text
    assert gfa.GetField("单位") == "m²"
    unknown = rows["盘活用地面积（再开发项目用地）"]  # PRJ03 without a mode: unknown, an empty cell
    assert not unknown.IsFieldSet("现行方案") and not unknown.IsFieldSet("副本")
    assert book.GetLayerByName("未通过核查") is not None
    del rows, gfa, unknown, book
    pngs = dock.export_pngs(str(tmp_path / "png"))
    assert sorted(p.name for p in pngs) == [
        "DY02_方案比选_funding.png", "DY02_方案比选_gfa_by_use.png",
        "DY02_方案比选_resolved_by_phase.png",
    ]  # fmt: skip
    from qgis.PyQt.QtGui import QImage

    # exported at the document's size (7.0 × 3.6 in at 150 dpi = 1050 × 540 px), whatever
    # the dock's width
    image = QImage(str(pngs[0]))
    assert (image.width(), image.height()) == (1050, 540)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not dock.delete_current()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dock.delete_current()
    settle()
    assert [r["scenario_id"] for r in dock.scenario_rows()] == ["DY02-A"]
    assert not any(f["scenario_id"] == "DY02-B" for f in dock.projects_layer.getFeatures())


def test_scaled_uses_keeps_the_shares():
    from lowland_under_test.lowland_plugin.gui.scenario_dock import scaled_uses

    # 37 607.9 : 13 675.6 of 51 283.5 → ×2: 75 215.8 and 27 351.2
    assert scaled_uses('{"0701": 37607.9, "0901": 13675.6}', 102567.0) == (
        '{"0701": 75215.8, "0901": 27351.2}'
    )
    assert scaled_uses(None, 10.0) is None
    assert scaled_uses("{}", 10.0) is None
    assert scaled_uses("not json", 10.0) is None


def test_plugin_action_shows_the_dock_and_unloads(tmp_path, qgis_iface, qgis_app, load_plugin_copy):
    import sys
    from unittest import mock

    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("lowland")
    if existing is not None:
        registry.removeProvider(existing)
    module = load_plugin_copy(tmp_path, "lowland_scenario_copy")
    try:
        with (
            mock.patch.object(qgis_iface, "addPluginToMenu") as add_menu,
            mock.patch.object(qgis_iface, "removePluginMenu") as remove_menu,
            mock.patch.object(qgis_iface, "addDockWidget") as add_dock,
            mock.patch.object(qgis_iface, "removeDockWidget") as remove_dock,
        ):
            plugin = module.classFactory(qgis_iface)
            plugin.initGui()
            actions = [a for a in plugin.actions if a.objectName() == "lowland_scenarios"]
            assert len(actions) == 1 and actions[0].text() == "方案比选"
            assert actions[0].isCheckable() and actions[0] in plugin.toolbar.actions()
            actions[0].setChecked(True)
            dock = plugin.scenario_dock
            assert dock is not None and not dock.isHidden()
            assert add_dock.call_args.args[1] is dock
            assert dock.windowTitle() == "方案比选"
            dock.close()
            assert not actions[0].isChecked()
            plugin.unload()
            remove_dock.assert_any_call(dock)
            assert plugin.scenario_dock is None and plugin.actions == []
            assert remove_menu.call_count == add_menu.call_count
    finally:
        for name in [m for m in sys.modules if m.startswith("lowland_scenario_copy")]:
            del sys.modules[name]


def test_with_the_parcels_the_funding_is_chapter_eights(qgis_iface, sample_units_chain, tmp_path):
    """With the reviewed parcels chosen, the dock computes compensation on the unit's 低效地块
    as 八、资金平衡 does (documents.plan.unit_compensation_basis), not on the unit's whole
    floor area; without them it says the whole unit stands in."""
    from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
    from lowland_under_test.lowland_plugin.core.documents.plan import unit_compensation_basis
    from lowland_under_test.lowland_plugin.core.scenarios.evaluate import (
        WHOLE_UNIT_NOTE,
        evaluate_scenarios,
    )
    from lowland_under_test.lowland_plugin.gui import scenario_layers as store
    from lowland_under_test.lowland_plugin.gui.scenario_dock import ScenarioDock

    shutil.copy(SAMPLE / "sample_projects.gpkg", tmp_path / "sample_projects.gpkg")
    units = QgsVectorLayer(sample_units_chain["units"], "units", "ogr")
    parcels = QgsVectorLayer(sample_units_chain["parcels"], "parcels", "ogr")
    projects = QgsVectorLayer(
        f"{tmp_path / 'sample_projects.gpkg'}|layername=projects", "projects", "ogr"
    )
    assert units.isValid() and parcels.isValid() and projects.isValid()
    QgsProject.instance().addMapLayers([units, parcels, projects])
    widget = ScenarioDock(qgis_iface)
    try:
        widget.projectsCombo.setLayer(projects)
        widget.set_units_layer(units)
        widget.storeFile.setFilePath(str(tmp_path / "store.gpkg"))
        assert widget.open_store()
        widget.unitCombo.setCurrentText("DY02")
        assert widget.new_scenario("现行方案") == "DY02-A"
        settle()
        layer = widget.projects_layer
        layer.selectByIds([f.id() for f in layer.getFeatures() if f["project_id"] == "PRJ03"])
        assert widget.set_mode("acquisition")  # 收储: compensation and demolition are due
        settle()
        whole = widget.evaluate()
        assert WHOLE_UNIT_NOTE in whole.notes
        widget.parcelsCombo.setLayer(parcels)
        with_parcels = widget.evaluate()
        assert WHOLE_UNIT_NOTE not in with_parcels.notes

        unit = widget.inputs.unit_row()
        gfa, basis, _ = unit_compensation_basis(
            unit, store.layer_frame(parcels), store.layer_frame(units)
        )
        assert basis == "低效地块现状建筑面积"
        # the unit's 低效地块 hold less floor area than the whole unit: a smaller cost
        assert 0 < gfa < float(unit["gfa_existing"])
        expected = evaluate_scenarios(
            store.table_frame(widget.scenarios_layer), store.layer_frame(widget.projects_layer),
            load_profile("default"), unit_id="DY02", unit=unit, compensation=(gfa, basis),
        )  # fmt: skip
        key = "funding_balance_wan"
        assert with_parcels.row(key).values == expected.row(key).values
        assert with_parcels.row(key).values["DY02-A"] > whole.row(key).values["DY02-A"]
    finally:
        widget.unload()
        widget.close()
        widget.deleteLater()
        QCoreApplication.processEvents()


@pytest.fixture
def evaluated(monkeypatch):
    """The scenario ids :func:`evaluate_scenario` is run for (the cache's misses)."""
    from lowland_under_test.lowland_plugin.core.scenarios import evaluate as module

    calls: list[str] = []
    original = module.evaluate_scenario

    def counting(projects, scenario_id, *args, **kwargs):
        calls.append(scenario_id)
        return original(projects, scenario_id, *args, **kwargs)

    monkeypatch.setattr(module, "evaluate_scenario", counting)
    return calls


def two_scenarios(dock) -> tuple[int, float]:
    """DY02-A from the plan and its copy DY02-B (current); PRJ03 of B selected. Returns
    PRJ03's feature id in B and its area."""
    assert dock.open_store()
    dock.unitCombo.setCurrentText("DY02")
    assert dock.new_scenario("现行方案") == "DY02-A"
    assert dock.copy_current("收储方案") == "DY02-B"
    settle()
    prj03 = next(f for f in dock.projects_layer.getFeatures()
                 if f["scenario_id"] == "DY02-B" and f["project_id"] == "PRJ03")  # fmt: skip
    dock.projects_layer.selectByIds([prj03.id()])
    return prj03.id(), prj03.geometry().area()


def select_scenario(dock, sid: str) -> None:
    for row in range(dock.scenarioList.count()):
        if dock.scenarioList.item(row).data(Qt.ItemDataRole.UserRole) == sid:
            dock.scenarioList.setCurrentRow(row)
    assert dock.current_scenario() == sid


def test_an_edit_re_evaluates_only_its_scenario_and_undo_elsewhere_finds_it(dock, evaluated):
    """Edit B, switch to A, undo: B's numbers return to the plan's, and each step
    evaluates only the scenario whose parcels changed (the other from the cache)."""
    _fid, area03 = two_scenarios(dock)
    assert set(dock.inputs.cache) == {"DY02-A", "DY02-B"}
    evaluated.clear()

    assert dock.set_far(2.0)
    settle()
    assert evaluated == ["DY02-B"]  # A from the cache
    gfa_far = 70630.8 + round(2.0 * area03, 1)  # PRJ01 as planned + PRJ03 at FAR 2.0
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(gfa_far)
    assert shown(dock, "gfa_total_m2", "DY02-A") == pytest.approx(GFA_PLAN)

    select_scenario(dock, "DY02-A")  # the map shows A now; nothing was edited
    evaluated.clear()
    dock.undo()  # reverts the FAR set on B's parcel
    settle()
    assert evaluated == ["DY02-B"]  # B, not the shown A
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(GFA_PLAN)  # 176 343.0
    assert shown(dock, "gfa_total_m2", "DY02-A") == pytest.approx(GFA_PLAN)
    # the whole comparison equals a full evaluation without the cache
    from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
    from lowland_under_test.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios
    from lowland_under_test.lowland_plugin.gui import scenario_layers as store

    full = evaluate_scenarios(
        store.table_frame(dock.scenarios_layer), store.layer_frame(dock.projects_layer),
        load_profile("default"), unit_id="DY02", pieces=dock.inputs.sibling("pieces"),
        zones=dock.inputs.sibling("zones"), unit=dock.inputs.unit_row(),
    )  # fmt: skip
    assert [r.values for r in dock.comparison.rows] == [r.values for r in full.rows]

    evaluated.clear()
    dock.redo()
    settle()
    assert evaluated == ["DY02-B"]
    assert shown(dock, "gfa_total_m2", "DY02-B") == pytest.approx(gfa_far)


def test_a_geometry_edit_re_evaluates_its_scenario(dock, evaluated):
    """Moving B's PRJ03 (geometryChanged) re-evaluates B alone."""
    fid, _area = two_scenarios(dock)
    evaluated.clear()
    layer = dock.projects_layer
    assert layer.translateFeature(fid, 1.0, 0.0) == 0  # 0 = success
    settle()
    assert evaluated == ["DY02-B"]


def test_a_profile_or_layer_change_clears_the_cache(dock, evaluated, qgis_new_project):
    """The cache holds for one profile and one set of layers: a change evaluates all."""
    two_scenarios(dock)
    assert set(dock.inputs.cache) == {"DY02-A", "DY02-B"}
    others = [dock.profileCombo.itemText(i) for i in range(dock.profileCombo.count())]
    other = next(p for p in others if p != dock.profileCombo.currentText())
    evaluated.clear()
    dock.profileCombo.setCurrentText(other)
    assert dock.inputs.cache == {}  # cleared at once
    settle()
    assert sorted(evaluated) == ["DY02-A", "DY02-B"]

    controls = QgsVectorLayer(f"{SAMPLE / 'sample_district.gpkg'}|layername=plan", "plan", "ogr")
    QgsProject.instance().addMapLayer(controls)
    evaluated.clear()
    dock.controlsCombo.setLayer(controls)
    assert dock.inputs.cache == {}
    settle()
    assert sorted(evaluated) == ["DY02-A", "DY02-B"]


def test_the_controls_layer_gives_the_capacity(dock):
    """Without the 控规 layer the capacity rows are 未知; with it they are the capacity
    envelope's (evaluate_scenarios with capacity= the layer's rows)."""
    from lowland_under_test.lowland_plugin.core.common.profiles import load_profile
    from lowland_under_test.lowland_plugin.core.scenarios.evaluate import evaluate_scenarios
    from lowland_under_test.lowland_plugin.gui import scenario_layers as store

    two_scenarios(dock)
    assert shown(dock, "capacity_m2", "DY02-A") is None
    assert cell_text(dock, "capacity_m2", "DY02-A") == "未知"
    controls = QgsVectorLayer(f"{SAMPLE / 'sample_district.gpkg'}|layername=plan", "plan", "ogr")
    assert controls.isValid()
    QgsProject.instance().addMapLayer(controls)
    dock.controlsCombo.setLayer(controls)
    settle()
    expected = evaluate_scenarios(
        store.table_frame(dock.scenarios_layer), store.layer_frame(dock.projects_layer),
        load_profile("default"), unit_id="DY02", pieces=dock.inputs.sibling("pieces"),
        zones=dock.inputs.sibling("zones"), unit=dock.inputs.unit_row(),
        capacity=store.layer_frame(controls),
    )  # fmt: skip
    capacity = expected.row("capacity_m2").values
    assert capacity["DY02-A"] is not None and capacity["DY02-A"] > 0
    for sid in ("DY02-A", "DY02-B"):
        assert shown(dock, "capacity_m2", sid) == pytest.approx(capacity[sid])
        assert shown(dock, "capacity_headroom_m2", sid) == pytest.approx(
            expected.row("capacity_headroom_m2").values[sid]
        )


def test_the_sample_store_with_its_own_pieces(dock, tmp_path):
    """The sample store carries each scenario's scattered pieces (scenario_pieces): the
    dock checks Y-7 on them, as lowland:evaluatescenarios is given them — DY02-A passes
    every check, DY02-B fails Y-4 (PRJ01's FAR) and Y-7 (its pieces); with the plan's
    pieces (no scenario_id) A would fail Y-7 too."""
    shutil.copy(SAMPLE / "sample_scenarios.gpkg", tmp_path / "store.gpkg")
    assert dock.open_store(tmp_path / "store.gpkg")
    dock.unitCombo.setCurrentText("DY02")
    c = dock.evaluate()
    assert c.failures["DY02-A"] == ()
    assert {(f.clause, f.project_id) for f in c.failures["DY02-B"]} == {
        ("Y-4", "PRJ01"), ("Y-7", "PRJ01")}  # fmt: skip
    assert "scenario_id" in dock.inputs.sibling("pieces").columns


def test_chart_grid_fits_the_tab():
    from lowland_under_test.lowland_plugin.gui.scenario_table import chart_grid

    # 800 px ≥ 2 × 360 + 8: two columns of (800 − 8) // 2 = 396 px; two rows in 520 px:
    # (520 − 8) // 2 = 256, capped at 0.62 × 396 = 245.52 → 245
    assert chart_grid(800, 520) == (2, (396, 245))
    # 500 px: one column; three rows in 520 px: (520 − 16) // 3 = 168 < 200 → 200 (scrolls)
    assert chart_grid(500, 520) == (1, (500, 200))


def test_the_charts_fit_the_dock(dock, tmp_path):
    """The charts tab shows the three charts drawn for its width (two columns when wide
    enough), none wider than the tab."""
    from lowland_under_test.lowland_plugin.gui.scenario_table import chart_grid

    shutil.copy(SAMPLE / "sample_scenarios.gpkg", tmp_path / "store.gpkg")
    dock.resize(820, 900)
    assert dock.open_store(tmp_path / "store.gpkg")
    dock.unitCombo.setCurrentText("DY02")
    dock.evaluate()
    dock.tabs.setCurrentIndex(1)
    settle()
    columns, (w, h) = chart_grid(*dock._chart_area())
    for label in dock.chart_labels.values():
        assert (label.pixmap().width(), label.pixmap().height()) == (w, h)
        assert w <= dock.chartsScroll.viewport().width()
