# ruff: noqa: F811 (the fixtures of test_review_dock, imported by name)
"""Issue 17 item 5: the review dock in a real meeting — batch decisions as one undo
step, a list taller than five rows, the unit filter from the project's units layer,
the minutes (会议纪要) in CSV and XLSX, the re-run report, and a confirmed parcel whose
computed verdict changed afterwards leaving the 已核查 count."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from test_review_dock import (  # noqa: F401 (fixtures)
    dock,
    feature,
    identified,
    identify,
    result_layer,
    reviewer_setting,
    select,
)


def lowland_fids(layer: QgsVectorLayer, count: int) -> list[int]:
    request = "\"verdict\" = 'lowland'"
    return sorted(f.id() for f in layer.getFeatures(request))[:count]


def statuses(layer: QgsVectorLayer, fids) -> list[str]:
    return [layer.getFeature(fid)["review_status"] for fid in fids]


def test_batch_decision_is_one_undo_step(dock, result_layer):
    fids = lowland_fids(result_layer, 3)
    assert len(fids) == 3
    dock.select_fids(fids)
    assert dock.selected_fids() == sorted(fids, key=dock.proxy.row_of_fid)
    dock.noteEdit.setText("会议认定：厂房闲置")
    assert dock.apply_decision("confirm"), dock.error_text()
    assert statuses(result_layer, fids) == ["confirmed"] * 3
    assert {result_layer.getFeature(f)["review_note"] for f in fids} == {"会议认定：厂房闲置"}
    stack = result_layer.undoStack()
    assert stack.count() == 1  # ONE command for the three parcels
    assert stack.text(0) == "地块核查 3 宗：确认"
    assert dock.reviewed_count == 3
    stack.undo()
    assert statuses(result_layer, fids) == ["pending"] * 3  # one undo restores all
    assert dock.reviewed_count == 0
    stack.redo()
    assert statuses(result_layer, fids) == ["confirmed"] * 3


def test_batch_refused_for_one_parcel_writes_nothing(dock, result_layer):
    lowland = lowland_fids(result_layer, 2)
    other = sorted(f.id() for f in result_layer.getFeatures("\"verdict\" <> 'lowland'"))[0]
    other_id = result_layer.getFeature(other)["parcel_id"]
    dock.select_fids([*lowland, other])
    dock.noteEdit.setText("已技改")
    assert not dock.apply_decision("reject")  # a not-low-efficiency parcel cannot be rejected
    assert "1 宗" in dock.error_text() and other_id in dock.error_text()
    assert statuses(result_layer, [*lowland, other]) == ["pending"] * 3
    assert result_layer.undoStack().count() == 0


def test_the_list_shows_more_than_five_rows(dock):
    view = dock.parcelView
    row = view.verticalHeader().defaultSectionSize()
    assert view.minimumHeight() >= 6 * row  # more than five rows, always


@pytest.fixture
def units_layer(result_layer) -> QgsVectorLayer:
    """Two units over the west and east halves of the district (no unit_id on parcels)."""
    extent = result_layer.extent()
    middle = (extent.xMinimum() + extent.xMaximum()) / 2
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:4544&field=unit_id:string&field=unit_name:string", "再开发单元", "memory"
    )
    halves = (
        ("DY01", QgsRectangle(extent.xMinimum(), extent.yMinimum(), middle, extent.yMaximum())),
        ("DY02", QgsRectangle(middle, extent.yMinimum(), extent.xMaximum(), extent.yMaximum())),
    )
    features = []
    for unit_id, rect in halves:
        unit = QgsFeature(layer.fields())
        unit.setGeometry(QgsGeometry.fromRect(rect))
        unit.setAttributes([unit_id, None])
        features.append(unit)
    assert layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_unit_filter_from_the_units_layer(dock, result_layer, units_layer):
    assert result_layer.fields().indexOf("unit_id") < 0  # the demo project's case
    assert dock.set_layer(result_layer)
    assert dock.filters.unitFilter.isEnabled()
    assert dock.model.unit_ids() == ["DY01", "DY02"]
    middle = units_layer.extent().center().x()
    west = sum(
        1
        for f in result_layer.getFeatures()
        if f.geometry().pointOnSurface().asPoint().x() < middle
    )
    dock.set_filters(unit="DY01")
    assert dock.proxy.rowCount() == west  # parcels whose point on surface is in DY01
    assert 0 < west < result_layer.featureCount()


def _decide_two(dock, result_layer) -> list[int]:
    fids = lowland_fids(result_layer, 2)
    dock.select_fids(fids[:1])
    dock.noteEdit.setText('=HYPERLINK("x")')  # would be a formula in a spreadsheet
    assert dock.apply_decision("confirm"), dock.error_text()
    dock.select_fids(fids[1:])
    dock.noteEdit.setText("已停产")
    assert dock.apply_decision("reject"), dock.error_text()
    return fids


def test_minutes_csv_and_xlsx_read_back(dock, result_layer, units_layer, tmp_path):
    assert dock.set_layer(result_layer)  # with the units of units_layer
    fids = _decide_two(dock, result_layer)
    csv_path, xlsx_path = tmp_path / "纪要.csv", tmp_path / "纪要.xlsx"
    assert dock.export_minutes(str(csv_path)) == 2
    assert dock.export_minutes(str(xlsx_path)) == 2
    table = pd.read_csv(csv_path, encoding="utf-8-sig", dtype={"宗地编号": str})
    source = ogr.Open(str(xlsx_path))
    sheet = source.GetLayer(0)
    assert sheet.GetName() == "核查纪要"
    xlsx = pd.DataFrame(
        [{k: f.GetField(k) for k in f.keys()} for f in sheet]  # noqa: SIM118 (OGR API)
    )
    for frame in (table, xlsx):
        assert list(frame.columns)[:5] == [
            "宗地编号",
            "权利人",
            "单元",
            "面积（平方米）",
            "面积（亩）",
        ]
        assert "True" not in frame.to_string() and "False" not in frame.to_string()
        by_id = frame.set_index("宗地编号")
        for fid, decision in zip(fids, ("已确认", "已否定"), strict=True):
            parcel = result_layer.getFeature(fid)
            row = by_id.loc[parcel["parcel_id"]]
            assert float(row["面积（平方米）"]) == pytest.approx(parcel["area_m2"], abs=0.01)
            assert float(row["面积（亩）"]) == pytest.approx(parcel["area_mu"], abs=0.01)
            assert row["单元"] in ("DY01", "DY02")
            assert row["核查决定"] == decision
            assert row["认定结论"].startswith("低效用地 · ")
            assert row["核查人"] == "张工"
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row["核查时间"])
            assert row["认定结论已变化"] == "否"
            assert "{" not in row["认定理由"] and "。" in row["认定理由"]  # sentences
        notes = set(by_id["核查意见"])
        assert notes == {'\'=HYPERLINK("x")', "已停产"}  # escaped against formulas
        assert set(by_id["核查后结论"]) >= {"非低效用地"}


def test_changed_since_confirm_leaves_the_count(dock, result_layer):
    fids = lowland_fids(result_layer, 2)
    dock.select_fids(fids)
    assert dock.apply_decision("confirm")
    assert dock.reviewed_count == 2
    index = result_layer.fields().indexOf("verdict_changed")
    # as a re-run with PREVIOUS flags it: the computed verdict changed since the decision
    assert result_layer.changeAttributeValue(fids[0], index, True)
    dock._refresh()
    assert dock.reviewed_count == 1  # flagged: not 已核查 until re-confirmed
    assert dock.progressLabel.text().startswith("已核查 1 / ")
    dock.select_fids(fids[:1])
    assert dock.apply_decision("confirm")
    assert result_layer.getFeature(fids[0])["verdict_changed"] in (False, 0)
    assert dock.reviewed_count == 2


def test_rerun_report_counts_and_names_lost_decisions(
    identified, tmp_path, lowland_provider, sample_gpkg
):
    previous = tmp_path / "previous.gpkg"
    shutil.copy(identified, previous)
    layer = QgsVectorLayer(str(previous), "previous", "ogr")
    fields = layer.fields()
    fids = lowland_fids(layer, 3)
    lost_id = layer.getFeature(fids[2])["parcel_id"]
    assert layer.startEditing()
    for fid in fids:
        for name, value in (
            ("review_status", "confirmed"),
            ("reviewer", "张工"),
            ("reviewed_at", "2026-12-03T09:00:00"),
        ):
            layer.changeAttributeValue(fid, fields.indexOf(name), value)
        parcel = layer.getFeature(fid)
        key = f"lowland:{parcel['lowland_type']}"
        layer.changeAttributeValue(fid, fields.indexOf("reviewed_verdict"), key)
    # the third parcel's id was changed in the meantime: its decision cannot be carried
    layer.changeAttributeValue(fids[2], fields.indexOf("parcel_id"), "P9999")
    assert layer.commitChanges()
    infos, warnings = [], []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS API)
            infos.append(info)

        def pushWarning(self, warning):  # noqa: N802 (QGIS API)
            warnings.append(warning)

    import processing

    processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
            "REFERENCE_DATE": "2025-06-30",
            "PREVIOUS": str(previous),
            "OUTPUT": str(tmp_path / "again.gpkg"),
        },
        feedback=Feedback(),
    )
    # kept 2 (same ids, same result); new 1: only the parcel whose id the previous
    # result no longer had (was: every parcel without a decision counted as new);
    # dropped 1: P9999, named
    report = next(i for i in infos if i.startswith("保留上次核查决定"))
    assert report == (
        "保留上次核查决定 2 宗，其中认定结论已变化 0 宗；新宗地 1 宗；"
        "上次有决定但本次不存在的宗地 1 宗。"
    )
    assert "以下宗地本次不存在，其核查决定未能保留：P9999" in warnings
    assert lost_id not in "".join(warnings)
