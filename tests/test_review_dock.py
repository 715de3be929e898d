"""The 地块核查 review dock, driven as a planner uses it on the sample district's
identification result: filters, map/list selection, decisions through the edit buffer
(undo/redo), saving, re-running identification with PREVIOUS, the review log and the
keyboard shortcuts."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QSettings, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

REFERENCE_DATE = "2025-06-30"


def identify(sample: Path, output: Path, previous: str | None = None) -> str:
    import processing

    params = {
        "PARCELS": f"{sample}|layername=parcels",
        "BUILDINGS": f"{sample}|layername=buildings",
        "LANDSURVEY": f"{sample}|layername=landsurvey",
        "REFERENCE_DATE": REFERENCE_DATE,
        "OUTPUT": str(output),
    }
    if previous is not None:
        params["PREVIOUS"] = previous
    return processing.run("lowland:identifyparcels", params)["OUTPUT"]


@pytest.fixture(scope="module")
def identified(tmp_path_factory, lowland_provider, sample_gpkg) -> Path:
    """The sample district's identification result (made once per module)."""
    out = tmp_path_factory.mktemp("review") / "identified.gpkg"
    identify(sample_gpkg, out)
    return out


@pytest.fixture
def result_layer(identified, tmp_path, qgis_new_project) -> QgsVectorLayer:
    """A fresh copy of the result, loaded and added to the project."""
    path = tmp_path / "identified.gpkg"
    shutil.copy(identified, path)
    layer = QgsVectorLayer(str(path), "低效用地认定结果", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def reviewer_setting():
    """Keep the user's remembered reviewer name as it was."""
    settings = QSettings()
    old = settings.value("lowland/reviewer", None)
    yield
    if old is None:
        settings.remove("lowland/reviewer")
    else:
        settings.setValue("lowland/reviewer", old)


@pytest.fixture
def dock(qgis_iface, result_layer, reviewer_setting):
    from lowland_under_test.lowland_plugin.gui.review_dock import ReviewDock

    widget = ReviewDock(qgis_iface)
    assert widget.set_layer(result_layer), widget.message_text()
    widget.reviewerEdit.setText("张工")
    widget.show()
    yield widget
    widget.unload()
    widget.close()
    widget.deleteLater()
    QCoreApplication.processEvents()
    if result_layer.isEditable():
        result_layer.rollBack()


def feature(layer: QgsVectorLayer, parcel_id: str):
    return next(layer.getFeatures(f"\"parcel_id\" = '{parcel_id}'"))


def select(dock, parcel_id: str) -> None:
    dock.set_filters(text=parcel_id)
    assert dock.proxy.rowCount() >= 1
    dock.select_parcel(parcel_id)
    assert dock.model.records[dock.model.row_of[dock.current_fid()]]["parcel_id"] == parcel_id


def test_a_layer_that_is_no_identification_result_is_refused(dock, result_layer, sample_gpkg):
    from lowland_under_test.lowland_plugin.core.identify.review import (
        missing_identification_fields,
    )

    parcels = QgsVectorLayer(f"{sample_gpkg}|layername=parcels", "parcels", "ogr")
    QgsProject.instance().addMapLayer(parcels)
    missing = missing_identification_fields(parcels.fields().names())
    assert "verdict" in missing and "parcel_id" not in missing
    assert not dock.set_layer(parcels)
    message = dock.message_text()
    assert "「parcels」" in message and ", ".join(missing) in message
    assert dock.model.rowCount() == 0
    assert not dock.parcelView.isEnabled() and not dock.confirmButton.isEnabled()
    # choosing the result in the layer combo binds it again
    dock.layerCombo.setLayer(result_layer)
    assert dock.layer is result_layer and dock.message_text() == ""
    assert dock.model.rowCount() == result_layer.featureCount()


def test_filters_search_and_sorting(dock, result_layer):
    verdicts = Counter(f["verdict"] for f in result_layer.getFeatures())
    assert dock.proxy.rowCount() == result_layer.featureCount() == 437
    dock.set_filters(verdict="lowland")
    assert dock.proxy.rowCount() == verdicts["lowland"] > 0
    assert dock.progressLabel.text() == f"已核查 0 / {verdicts['lowland']}"
    dock.set_filters(verdict=None, type="industrial")
    industrial = sum(
        1
        for f in result_layer.getFeatures()
        if "industrial" in (f["lowland_type"], f["current_type"], f["final_type"])
    )
    assert dock.proxy.rowCount() == industrial
    dock.set_filters(type=None, text="P0024")
    assert dock.proxy.rowCount() == 1
    dock.set_filters(text="")
    owner = feature(result_layer, "P0024")["owner"]
    dock.set_filters(text=owner[2:6])  # part of the owner's name
    assert "P0024" in {
        dock.model.records[dock.model.row_of[f]]["parcel_id"] for f in dock.visible_fids()
    }
    dock.set_filters(text="", status="confirmed")
    assert dock.proxy.rowCount() == 0
    dock.set_filters(status=None)
    # no unit_id field in this result: the unit filter is disabled
    assert not dock.unitFilter.isEnabled()
    # sort by area (亩), largest first
    column = dock.model.COLUMNS.index("area_mu")
    dock.parcelView.sortByColumn(column, Qt.DescendingOrder)
    areas = [dock.model.records[dock.model.row_of[f]]["area_mu"] for f in dock.visible_fids()]
    assert areas == sorted(areas, reverse=True)


def test_unit_filter_when_the_layer_has_unit_ids(dock, result_layer):
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QVariant

    assert result_layer.dataProvider().addAttributes([QgsField("unit_id", QVariant.String)])
    result_layer.updateFields()
    index = result_layer.fields().indexOf("unit_id")
    changes = {
        f.id(): {index: "U1" if f["parcel_id"] < "P0100" else "U2"}
        for f in result_layer.getFeatures()
    }
    assert result_layer.dataProvider().changeAttributeValues(changes)
    assert dock.set_layer(result_layer)
    assert dock.unitFilter.isEnabled()
    dock.set_filters(unit="U1")
    assert dock.proxy.rowCount() == sum(1 for v in changes.values() if v[index] == "U1")


def test_list_and_map_selection_follow_each_other(dock, result_layer, qgis_iface):
    select(dock, "P0024")
    p24 = feature(result_layer, "P0024")
    assert result_layer.selectedFeatureIds() == [p24.id()]
    canvas = qgis_iface.mapCanvas()
    assert canvas.extent().intersects(p24.geometry().boundingBox())
    # the details show its reasons, the met ones marked
    kinds = [dock.reasonList.item(i).data(Qt.UserRole) for i in range(dock.reasonList.count())]
    assert "met" in kinds and "not_met" in kinds
    met = [
        dock.reasonList.item(i).text()
        for i in range(dock.reasonList.count())
        if dock.reasonList.item(i).data(Qt.UserRole) == "met"
    ]
    assert any("容积率低于下限" in line for line in met)
    # reasons read as sentences (issue 18): P0024's coverage 0.3479 against the minimum
    # 0.3 once read 「0.3479 < 0.3 → 不满足」; the relation that holds is 34.79 % > 30 %
    lines = [dock.reasonList.item(i).text() for i in range(dock.reasonList.count())]
    assert (
        "○ 建筑系数低于下限〔银川实施意见（一）〕：建筑系数 34.79%，高于下限 30.00%（依据：工业项目建设用地控制指标 2008），不满足此项。"
        in lines
    )
    for i in range(dock.reasonList.count()):  # met ones stand out
        item = dock.reasonList.item(i)
        if item.data(Qt.UserRole) in ("met", "not_met"):
            assert item.font().bold() == (item.data(Qt.UserRole) == "met")
    indicators = {
        dock.indicatorTable.item(r, 0).text(): dock.indicatorTable.item(r, 1).text()
        for r in range(dock.indicatorTable.rowCount())
    }
    assert indicators["容积率"] == "0.3479"
    assert indicators["面积(平方米)"] == "19,376.00 m²"
    assert indicators["面积(亩)"] == "29.0640 亩"
    assert indicators["C/D级危房面积占比"] == "1.0000"
    assert indicators["现状用途类型"] == "工业(物流仓储)"
    assert dock.buildingTable.rowCount() == 1  # no buildings layer chosen: a hint
    # selecting on the layer (the map) selects the row
    dock.set_filters(text="")
    p30 = feature(result_layer, "P0030")
    result_layer.selectByIds([p30.id()])
    assert dock.current_fid() == p30.id()
    index = dock.parcelView.currentIndex()
    assert index.isValid()
    assert dock.proxy.mapToSource(index).row() == dock.model.row_of[p30.id()]


def test_buildings_and_survey_shares_of_the_parcel(dock, result_layer, sample_gpkg):
    buildings = QgsVectorLayer(f"{sample_gpkg}|layername=buildings", "buildings", "ogr")
    QgsProject.instance().addMapLayer(buildings)
    dock.buildingsCombo.setLayer(buildings)
    select(dock, "P0024")
    p24 = feature(result_layer, "P0024")
    assert dock.buildingTable.rowCount() == p24["building_count"] == 3
    headers = [
        dock.buildingTable.horizontalHeaderItem(c).text()
        for c in range(dock.buildingTable.columnCount())
    ]
    assert headers == ["建筑编号", "层数", "建筑面积(平方米)", "建成年份", "危险性等级"]
    assert dock.detailTabs.tabText(2) == "建筑（3）"
    assert dock.surveyTable.item(0, 0).text() == "0601"
    assert dock.surveyTable.item(0, 1).text() == "工业用地"
    assert dock.surveyTable.item(0, 2).text() == "100.0 %"


def test_the_buildings_shown_are_those_the_indicators_count(dock, result_layer, sample_gpkg):
    """The dock lists a parcel's buildings by the core rule (footprint overlap of positive
    area), so its list matches ``building_count`` on every parcel."""
    buildings = QgsVectorLayer(f"{sample_gpkg}|layername=buildings", "buildings", "ogr")
    QgsProject.instance().addMapLayer(buildings)
    dock.buildingsCombo.setLayer(buildings)
    for parcel in result_layer.getFeatures():
        shown = dock.details.buildings_of(parcel, result_layer.crs())
        assert len(shown) == parcel["building_count"], parcel["parcel_id"]


def test_decisions_go_through_the_edit_buffer_with_undo(dock, result_layer):
    dock.set_filters(verdict="lowland")
    total = dock.proxy.rowCount()
    select(dock, "P0024")
    dock.set_filters(text="")
    assert dock.current_fid() == feature(result_layer, "P0024").id()
    assert dock.apply_decision("confirm"), dock.error_text()
    p24 = feature(result_layer, "P0024")
    assert p24["review_status"] == "confirmed"
    assert p24["reviewer"] == "张工"
    assert p24["reviewed_at"]
    assert p24["reviewed_verdict"] == "lowland:industrial"
    assert p24["final_verdict"] == "lowland" and p24["final_type"] == "industrial"
    assert result_layer.isEditable() and result_layer.isModified()
    assert dock.progressLabel.text() == f"已核查 1 / {total}"
    assert QSettings().value("lowland/reviewer") == "张工"
    status_column = dock.model.COLUMNS.index("review_status")
    row = dock.parcelView.currentIndex().row()
    assert dock.proxy.index(row, status_column).data() == "已确认"

    result_layer.undoStack().undo()
    p24 = feature(result_layer, "P0024")
    assert p24["review_status"] == "pending"
    assert not p24["reviewer"]
    assert dock.progressLabel.text() == f"已核查 0 / {total}"
    assert dock.proxy.index(row, status_column).data() == "待核查"
    result_layer.undoStack().redo()
    assert feature(result_layer, "P0024")["review_status"] == "confirmed"
    assert dock.progressLabel.text() == f"已核查 1 / {total}"


def test_refused_decisions_write_nothing(dock, result_layer):
    select(dock, "P0024")
    dock.noteEdit.setText("")
    dock.overrideTypeCombo.setCurrentIndex(dock.overrideTypeCombo.findData("village"))
    assert not dock.apply_decision("override")
    assert "理由" in dock.error_text()
    assert not result_layer.isModified()
    assert feature(result_layer, "P0024")["review_status"] == "pending"

    not_lowland = next(result_layer.getFeatures("\"verdict\" = 'not_lowland'"))
    select(dock, not_lowland["parcel_id"])
    assert dock.error_text() == ""  # a new parcel clears the old message
    dock.noteEdit.setText("现场核实")
    assert not dock.apply_decision("reject")
    assert "改判" in dock.error_text()
    assert not result_layer.isModified()

    dock.reviewerEdit.setText("")
    assert not dock.apply_decision("confirm")
    assert "核查人" in dock.error_text()
    assert not result_layer.isModified()


def test_override_writes_the_new_type(dock, result_layer):
    target = next(result_layer.getFeatures("\"verdict\" = 'not_lowland'"))
    select(dock, target["parcel_id"])
    dock.noteEdit.setText("城中村，现场核实")
    dock.overrideTypeCombo.setCurrentIndex(dock.overrideTypeCombo.findData("village"))
    assert dock.overrideTypeCombo.currentText() == "低效村庄"
    assert dock.apply_decision("override"), dock.error_text()
    f = feature(result_layer, target["parcel_id"])
    assert f["review_status"] == "overridden"
    assert (f["final_verdict"], f["final_type"], f["review_type"]) == (
        "lowland",
        "village",
        "village",
    )
    assert f["review_note"] == "城中村，现场核实"
    assert dock.apply_decision("reset")
    f = feature(result_layer, target["parcel_id"])
    assert f["review_status"] == "pending" and f["final_verdict"] == "not_lowland"
    assert dock.noteEdit.text() == ""


def test_a_decided_parcel_leaves_the_pending_list_and_the_next_one_is_current(dock, result_layer):
    dock.set_filters(verdict="lowland", status="pending")
    total = dock.proxy.rowCount()
    dock.select_row(0)
    first = dock.current_fid()
    second = dock.visible_fids()[1]
    assert dock.apply_decision("confirm")
    assert dock.proxy.rowCount() == total - 1
    assert dock.current_fid() == second != first
    assert dock.progressLabel.text() == f"已核查 0 / {total - 1}"


def test_saved_decisions_survive_reopening_and_rerunning(
    dock, result_layer, sample_gpkg, tmp_path, qgis_iface
):
    from lowland_under_test.lowland_plugin.gui.review_dock import ReviewDock

    lowland = [f["parcel_id"] for f in result_layer.getFeatures("\"verdict\" = 'lowland'")][:3]
    for parcel_id in lowland:
        select(dock, parcel_id)
        assert dock.apply_decision("confirm"), dock.error_text()
    assert result_layer.commitChanges()
    path = result_layer.source().split("|")[0]

    reopened = QgsVectorLayer(path, "reopened", "ogr")
    decided = {f["parcel_id"]: f for f in reopened.getFeatures("\"review_status\" <> 'pending'")}
    assert sorted(decided) == sorted(lowland)
    assert all(f["reviewer"] == "张工" and f["reviewed_at"] for f in decided.values())

    # someone changed the data behind one decision: the verdict it was made on differs now
    changed_id = lowland[0]
    reopened.startEditing()
    reopened.changeAttributeValue(
        decided[changed_id].id(), reopened.fields().indexOf("reviewed_verdict"), "not_lowland"
    )
    assert reopened.commitChanges()

    rerun = tmp_path / "rerun.gpkg"
    identify(sample_gpkg, rerun, previous=path)
    second = QgsVectorLayer(str(rerun), "second", "ogr")
    by_id = {f["parcel_id"]: f for f in second.getFeatures()}
    for parcel_id in lowland:
        assert by_id[parcel_id]["review_status"] == "confirmed"
        assert by_id[parcel_id]["reviewer"] == "张工"
    assert by_id[changed_id]["verdict_changed"]
    assert not by_id[lowland[1]]["verdict_changed"]

    QgsProject.instance().addMapLayer(second)
    other = ReviewDock(qgis_iface)
    try:
        assert other.set_layer(second)
        other.set_filters(changed_only=True)
        shown = [
            other.model.records[other.model.row_of[f]]["parcel_id"] for f in other.visible_fids()
        ]
        assert shown == [changed_id]
        row = other.proxy.index(0, other.model.COLUMNS.index("verdict_changed"))
        assert row.data() == "⚠"
        other.select_row(0)
        assert "⚠" in other.detailHeader.text()
    finally:
        other.unload()
        other.deleteLater()


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_export_review_log(dock, result_layer, tmp_path, locale, monkeypatch):
    from lowland_under_test.lowland_plugin.gui import review_export

    monkeypatch.setattr(review_export, "language", lambda: locale)  # the export module's
    lowland = [f["parcel_id"] for f in result_layer.getFeatures("\"verdict\" = 'lowland'")][:2]
    for parcel_id in lowland:
        select(dock, parcel_id)
        assert dock.apply_decision("confirm")
    out = tmp_path / "log.csv"
    assert dock.export_log(str(out)) == 2  # unsaved edits included
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # utf-8-sig: Excel reads Chinese
    log = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert len(log) == 2
    first = "宗地编号" if locale == "zh" else "Parcel ID"
    status = "核查状态" if locale == "zh" else "Review status"
    assert log.columns[0] == first
    assert sorted(log[first]) == sorted(lowland)
    assert set(log[status]) == {"已确认" if locale == "zh" else "Confirmed"}


def test_export_asks_for_a_file(dock, tmp_path, monkeypatch, qgis_iface):
    from lowland_under_test.lowland_plugin.gui import review_export as review_dock  # moved

    out = tmp_path / "chosen"
    monkeypatch.setattr(
        review_dock.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV")
    )
    assert dock.export_log() == 0
    assert (tmp_path / "chosen.csv").is_file()
    monkeypatch.setattr(review_dock.QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dock.export_log() is None


def test_keyboard_shortcuts(dock, result_layer):
    dock.set_filters(verdict="lowland")
    dock.select_row(0)
    fids = dock.visible_fids()
    assert dock.current_fid() == fids[0]
    QApplication.setActiveWindow(dock)
    dock.parcelView.setFocus()
    QTest.keyClick(dock.parcelView, Qt.Key_Down, Qt.AltModifier)
    assert dock.current_fid() == fids[1]
    QTest.keyClick(dock.parcelView, Qt.Key_Down, Qt.AltModifier)
    QTest.keyClick(dock.parcelView, Qt.Key_Up, Qt.AltModifier)
    assert dock.current_fid() == fids[1]
    QTest.keyClick(dock.parcelView, Qt.Key_C, Qt.AltModifier)
    assert result_layer.getFeature(fids[1])["review_status"] == "confirmed"
    assert "Alt+C" in dock.confirmButton.toolTip()
    assert "Alt+Down" in dock.nextButton.toolTip()
    for key in ("Alt+Down", "Alt+Up", "Alt+C", "Alt+R", "Alt+O"):
        assert dock.shortcuts[key].context() == Qt.WidgetWithChildrenShortcut
