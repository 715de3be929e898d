"""绘制再开发单元 map tool: clicks on the canvas snap onto block corners, the attribute
form, the edit buffer (undo), refusals, redraw / re-attribute, the snapping config
restored, the new units layer, and the id rules of core.unit_drawing."""

from __future__ import annotations

import pytest
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSnappingConfig,
    QgsTolerance,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication
from shapely.geometry import Polygon

from lowland_under_test.lowland_plugin.core.units.drawing import (
    distinct_vertex_count,
    outline_problem,
    suggest_unit_id,
    unit_id_problem,
)
from lowland_under_test.lowland_plugin.gui import unit_tool as ut

CRS = "EPSG:4544"  # CGCS2000 3-degree GK CM 105E (银川), metres
X0, Y0 = 500000.0, 4260000.0
#: Two 100 m blocks side by side with a 20 m road between them.
BLOCKS = {
    "JF001": [(X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 100), (X0, Y0 + 100)],
    "JF002": [(X0 + 120, Y0), (X0 + 220, Y0), (X0 + 220, Y0 + 100), (X0 + 120, Y0 + 100)],
}


# ----------------------------------------------------------------------------- core rules


def test_suggested_id_follows_the_highest_dy_number():
    assert suggest_unit_id([]) == "DY01"
    assert suggest_unit_id([None, "", "A-1"]) == "DY01"
    assert suggest_unit_id(["DY01", "DY07", "DY03", "西区"]) == "DY08"  # gaps not refilled
    assert suggest_unit_id([" dy09 "]) == "DY10"
    assert suggest_unit_id(["DY99"]) == "DY100"


def test_unit_id_problems():
    assert unit_id_problem("  ", ["DY01"]) == "empty"
    assert unit_id_problem(None, []) == "empty"
    assert unit_id_problem("DY02", ["DY01"]) is None
    assert unit_id_problem("dy01 ", ["DY01"]) == "duplicate"
    # an edited unit may keep its own id, but not take another unit's
    assert unit_id_problem("DY01", ["DY01", "DY02"], own="DY01") is None
    assert unit_id_problem("DY02", ["DY01", "DY02"], own="DY01") == "duplicate"
    # two units already sharing an id (imported data): keeping it is still a duplicate
    assert unit_id_problem("DY01", ["DY01", "DY01"], own="DY01") == "duplicate"


def test_outline_problems():
    square = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    assert outline_problem(square) is None
    assert distinct_vertex_count(square) == 4
    assert outline_problem(Polygon([(0, 0), (10, 0), (0, 0)]))[0] == "too_few_vertices"
    assert outline_problem(None) == ("too_few_vertices", "0")
    code, detail = outline_problem(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]))
    assert code == "self_intersection" and "5 5" in detail
    assert outline_problem(shapely.box(0, 0, 1, 1).exterior)[0] == "not_polygon"
    assert outline_problem(Polygon([(0, 0), (5, 0), (10, 0)])) == ("zero_area", "0")


# ----------------------------------------------------------------------------- fixtures


def polygon_layer(name: str, fields: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs={CRS}&{fields}", name, "memory")
    assert layer.isValid()
    return layer


@pytest.fixture
def blocks(qgis_new_project) -> QgsVectorLayer:
    layer = polygon_layer("街坊", "field=block_id:string(10)")
    features = []
    for block_id, ring in BLOCKS.items():
        feature = QgsFeature(layer.fields())
        feature.setAttribute("block_id", block_id)
        feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def units(blocks) -> QgsVectorLayer:
    layer = ut.create_units_layer(QgsCoordinateReferenceSystem(CRS))
    QgsProject.instance().addMapLayer(layer)
    yield layer
    if layer.isEditable():
        layer.rollBack()


@pytest.fixture
def canvas(qgis_iface, qgis_canvas, blocks, units):
    """The canvas, shown (its map settings take the widget's size only when visible),
    300 m × 200 m on 600 × 400 pixels: 0.5 m a pixel."""
    window = qgis_iface.mainWindow()
    was_visible = window.isVisible()
    window.show()
    qgis_canvas.resize(600, 400)
    QApplication.processEvents()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem(CRS))
    qgis_canvas.setLayers([units, blocks])
    qgis_canvas.setExtent(QgsRectangle(X0 - 40, Y0 - 50, X0 + 260, Y0 + 150))
    qgis_canvas.refresh()
    QApplication.processEvents()
    assert qgis_canvas.mapUnitsPerPixel() == pytest.approx(0.5, rel=0.02)
    yield qgis_canvas
    if not was_visible:
        window.hide()


@pytest.fixture
def tool(qgis_iface, canvas, blocks, units):
    """The tool, active, snapping 3 m (map units) to the blocks."""
    qgis_iface.messageBar().clear_messages()
    tool = ut.UnitMapTool(qgis_iface, units, blocks)
    tool.tolerance, tool.tolerance_units = 3.0, QgsTolerance.ProjectUnits
    canvas.setMapTool(tool)
    yield tool
    if canvas.mapTool() is tool:
        canvas.unsetMapTool(tool)


def pixel(canvas, x: float, y: float) -> QPoint:
    point = canvas.getCoordinateTransform().transform(x, y)
    return QPoint(round(point.x()), round(point.y()))


def click(canvas, tool, x: float, y: float, button=Qt.LeftButton, modifiers=Qt.NoModifier):
    """A mouse release at map point (x, y) (rounded to the pixel, ~0.5 m here)."""
    event = QgsMapMouseEvent(
        canvas, QEvent.MouseButtonRelease, pixel(canvas, x, y), button, button, modifiers
    )
    tool.canvasReleaseEvent(event)


def answer_form(fill=None, accept: bool = True, seen: list | None = None) -> None:
    """Fill and close the modal attribute form as soon as it is open."""

    def run():
        form = QApplication.activeModalWidget()
        if not isinstance(form, ut.UnitForm):
            QTimer.singleShot(20, run)
            return
        if seen is not None:
            seen.append(form.values())
        if fill:
            fill(form)
        form.accept() if accept else form.reject()
        if form.isVisible():  # refused: give up as a user would
            if seen is not None:
                seen.append(form.messageLabel.text())
            form.reject()

    QTimer.singleShot(0, run)


def name_and_phase(form) -> None:
    form.unitNameEdit.setText("北门片区")
    form.phaseCombo.setCurrentIndex(form.phaseCombo.findData("mid"))
    form.notesEdit.setPlainText("一期先行")


def vertices(layer: QgsVectorLayer, fid: int) -> list[tuple[float, float]]:
    geometry = layer.getFeature(fid).geometry()
    return [(v.x(), v.y()) for v in geometry.vertices()]


def messages(iface, level) -> list[str]:
    return iface.messageBar().get_messages(level)


# ----------------------------------------------------------------------------- drawing


def test_clicks_near_block_corners_snap_exactly_and_add_one_undoable_unit(
    tool, canvas, units, qgis_iface
):
    near_corners = [(X0 + 1.3, Y0 - 1.1), (X0 + 98.8, Y0 + 1.6), (X0 + 101.2, Y0 + 98.7)]
    for x, y in near_corners + [(X0 - 1.4, Y0 + 101.0)]:
        click(canvas, tool, x, y)
    assert [(p.x(), p.y()) for p in tool.points] == BLOCKS["JF001"]
    seen: list = []
    answer_form(name_and_phase, seen=seen)
    click(canvas, tool, X0 + 50, Y0 + 50, Qt.RightButton)  # finishes; not a corner
    assert seen[0]["unit_id"] == "DY01"  # suggested
    assert units.featureCount() == 1 and units.isEditable() and units.isModified()
    feature = next(units.getFeatures())
    assert feature["unit_id"] == "DY01" and feature["unit_name"] == "北门片区"
    assert feature["phase"] == "mid" and feature["notes"] == "一期先行"
    ring = vertices(units, feature.id())
    assert ring[:-1] == BLOCKS["JF001"] and ring[-1] == ring[0]  # exactly the corners
    assert feature.geometry().area() == pytest.approx(10000.0, abs=1e-9)
    assert tool.points == []
    assert any("DY01" in m for m in messages(qgis_iface, Qgis.Success))
    units.undoStack().undo()
    assert units.featureCount() == 0
    units.undoStack().redo()
    assert units.featureCount() == 1
    # the next unit is offered DY02
    for x, y in BLOCKS["JF002"]:
        click(canvas, tool, x + 0.9, y - 0.8)
    seen.clear()
    answer_form(seen=seen)
    tool.finish()
    assert seen[0]["unit_id"] == "DY02" and units.featureCount() == 2
    second = next(units.getFeatures("\"unit_id\" = 'DY02'"))
    assert vertices(units, second.id())[:-1] == BLOCKS["JF002"]
    assert not messages(qgis_iface, Qgis.Warning)  # no overlap between the two


def test_a_click_beyond_the_tolerance_is_not_snapped(tool, canvas):
    corner = click_and_last(tool, canvas, X0 + 6.0, Y0 + 6.0)
    assert corner != (X0, Y0)
    assert corner == pytest.approx((X0 + 6.0, Y0 + 6.0), abs=0.5)  # pixel rounding only
    # snapped onto the edge (segment) when near an edge but far from corners
    assert click_and_last(tool, canvas, X0 + 50.3, Y0 + 1.7) == (
        pytest.approx(X0 + 50.3, abs=0.5),
        Y0,
    )


def click_and_last(tool, canvas, x, y):
    click(canvas, tool, x, y)
    point = tool.points[-1]
    return (point.x(), point.y())


def test_cancelled_form_adds_nothing(tool, canvas, units):
    for x, y in BLOCKS["JF001"]:
        click(canvas, tool, x, y)
    answer_form(accept=False)
    assert tool.finish() is None
    assert units.featureCount() == 0 and units.undoStack().count() == 0


def test_duplicate_unit_id_is_refused(tool, canvas, units, qgis_iface):
    outline = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in BLOCKS["JF001"]]])
    assert tool.add_unit(outline, {"unit_id": "DY01"}) is not None
    # in the form: OK leaves it open with the reason
    seen: list = []
    answer_form(lambda form: form.unitIdEdit.setText(" dy01"), seen=seen)
    other = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in BLOCKS["JF002"]]])
    assert tool.use_outline(other) is None
    assert seen[0]["unit_id"] == "DY02"
    assert seen[1] == "单元编号 dy01 已被图层中另一个单元使用。"
    assert units.featureCount() == 1
    # directly: refused with a message bar warning
    assert tool.add_unit(other, {"unit_id": "DY01"}) is None
    assert units.featureCount() == 1
    assert any("DY01" in m for m in messages(qgis_iface, Qgis.Warning))
    form = ut.UnitForm(["DY01"], {"unit_id": ""})
    form.accept()
    assert form.messageLabel.text() == "请填写单元编号。" and form.result() == 0


@pytest.mark.parametrize(
    "ring, reason",
    [
        ([(X0, Y0), (X0 + 100, Y0)], "至少需要 3 个不同的拐点（当前 2 个）"),
        ([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)], "自相交"),
    ],
)
def test_too_few_corners_or_an_invalid_ring_is_refused(
    tool, canvas, units, qgis_iface, ring, reason
):
    for x, y in ring:
        click(canvas, tool, x, y)
    assert tool.finish() is None  # no form opened: it would block here
    assert units.featureCount() == 0
    assert any(reason in m for m in messages(qgis_iface, Qgis.Warning))


def test_redraw_replaces_the_selected_units_outline_keeping_its_attributes(
    tool, canvas, units, blocks
):
    outline = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in BLOCKS["JF001"]]])
    fid = tool.add_unit(outline, {"unit_id": "DY05", "unit_name": "老厂区", "phase": "near"})
    click(canvas, tool, X0 + 50, Y0 + 50, modifiers=Qt.ControlModifier)  # select it
    assert units.selectedFeatureIds() == [fid]
    both = [(X0, Y0), (X0 + 220, Y0), (X0 + 220, Y0 + 100), (X0, Y0 + 100)]
    for x, y in both:
        click(canvas, tool, x + 1.0, y + 1.0)
    assert tool.finish() == fid  # no form
    feature = units.getFeature(fid)
    assert feature["unit_id"] == "DY05" and feature["unit_name"] == "老厂区"
    assert feature.geometry().area() == pytest.approx(22000.0, abs=1e-9)
    assert units.featureCount() == 1
    units.undoStack().undo()
    assert units.getFeature(fid).geometry().area() == pytest.approx(10000.0, abs=1e-9)


def test_attributes_of_a_unit_are_edited_through_the_form(tool, canvas, units):
    outline = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in BLOCKS["JF001"]]])
    fid = tool.add_unit(outline, {"unit_id": "DY01", "phase": "near"})
    seen: list = []

    def change(form):
        form.unitNameEdit.setText("北门片区")
        form.phaseCombo.setCurrentIndex(form.phaseCombo.findData("far"))

    answer_form(change, seen=seen)
    click(canvas, tool, X0 + 50, Y0 + 50, modifiers=Qt.ShiftModifier)
    assert seen[0] == {"unit_id": "DY01", "unit_name": None, "phase": "near", "notes": None}
    feature = units.getFeature(fid)
    assert (feature["unit_id"], feature["unit_name"], feature["phase"]) == (
        "DY01",
        "北门片区",
        "far",
    )
    units.undoStack().undo()
    assert units.getFeature(fid)["phase"] == "near"


def test_snapping_is_set_to_the_blocks_and_restored_on_deactivate(
    qgis_iface, canvas, blocks, units
):
    project = QgsProject.instance()
    user = QgsSnappingConfig(project.snappingConfig())
    user.setEnabled(False)
    user.setMode(QgsSnappingConfig.ActiveLayer)
    user.setTolerance(7.0)
    project.setSnappingConfig(user)
    tool = ut.UnitMapTool(qgis_iface, units, blocks)
    tool.tolerance, tool.tolerance_units = 3.0, QgsTolerance.ProjectUnits
    canvas.setMapTool(tool)
    active = project.snappingConfig()
    assert active.enabled() and active.mode() == QgsSnappingConfig.AdvancedConfiguration
    settings = active.individualLayerSettings(blocks)
    assert settings.enabled() and settings.tolerance() == 3.0
    assert settings.units() == QgsTolerance.ProjectUnits
    assert settings.typeFlag() & QgsSnappingConfig.VertexFlag
    assert settings.typeFlag() & QgsSnappingConfig.SegmentFlag
    assert canvas.snappingUtils().config() == active
    canvas.unsetMapTool(tool)
    assert project.snappingConfig() == user
    assert canvas.snappingUtils().config() == user


def test_new_units_layer_in_a_geopackage_keeps_aliases_and_phase_labels(tmp_path):
    path = tmp_path / "units.gpkg"
    layer = ut.create_units_layer(QgsCoordinateReferenceSystem(CRS), path)
    assert layer.fields().names()[-4:] == ["unit_id", "unit_name", "phase", "notes"]
    del layer
    reopened = QgsVectorLayer(f"{path}|layername=units", "units", "ogr")
    assert reopened.isValid() and reopened.crs().authid() == CRS
    assert ut.is_units_layer(reopened)
    fields = reopened.fields()
    assert fields.field("unit_id").alias() == "再开发单元编号"
    assert fields.field("phase").alias() == "实施时序"
    setup = fields.field("phase").editorWidgetSetup()
    assert setup.type() == "ValueMap"
    labels = {label: value for item in setup.config()["map"] for label, value in item.items()}
    assert labels == {"近期": "near", "中期": "mid", "远期": "far"}


def test_layer_choice(blocks, units):
    parcels = polygon_layer("parcels", "field=parcel_id:string&field=unit_id:string")
    QgsProject.instance().addMapLayer(parcels)
    assert ut.find_units_layer(parcels) is units  # parcels with unit_id are no units layer
    assert ut.find_units_layer(None) is units
    assert ut.find_blocks_layer() is blocks


def test_plugin_action_makes_the_tool_current_and_unload_restores_snapping(
    qgis_iface, canvas, blocks, units
):
    from qgis.PyQt.QtWidgets import QAction

    from lowland_under_test.lowland_plugin.plugin import LowlandPlugin

    project = QgsProject.instance()
    user = QgsSnappingConfig(project.snappingConfig())
    plugin = LowlandPlugin(qgis_iface)  # without initGui: the provider stays as it is
    action = QAction("绘制再开发单元")
    action.setCheckable(True)
    plugin.unit_action = action
    qgis_iface.setActiveLayer(units)
    action.setChecked(True)
    plugin.toggle_unit_tool(True)
    tool = plugin.unit_tool
    assert canvas.mapTool() is tool
    assert tool.units_layer is units and tool.blocks_layer is blocks
    assert project.snappingConfig().individualLayerSettings(blocks).enabled()
    plugin.toggle_unit_tool(False)  # unchecking the action leaves the tool
    assert canvas.mapTool() is None and project.snappingConfig() == user
    action.setChecked(True)
    plugin.toggle_unit_tool(True)
    assert canvas.mapTool() is tool and action.isChecked()
    assert tool.panel is not None and tool.panel.isVisible()  # 单元实时统计
    plugin.unload()
    assert canvas.mapTool() is None and project.snappingConfig() == user
    assert tool.panel is None
    assert plugin.unit_tool is None and not action.isChecked()


def test_the_tool_follows_the_active_units_layer_and_forgets_a_removed_one(
    tool, canvas, units, blocks, qgis_iface
):
    other = ut.create_units_layer(QgsCoordinateReferenceSystem(CRS), name="第二批单元")
    QgsProject.instance().addMapLayer(other)
    tool._current_layer_changed(blocks)  # not a units layer: kept
    assert tool.units_layer is units
    tool._current_layer_changed(other)
    assert tool.units_layer is other
    assert QgsProject.instance().snappingConfig().individualLayerSettings(other).enabled()
    QgsProject.instance().removeMapLayer(other.id())
    assert tool.units_layer is None
    ring = [QgsPointXY(*p) for p in BLOCKS["JF001"]]
    assert tool.use_outline(QgsGeometry.fromPolygonXY([ring])) is None
    assert any("没有可绘制" in m for m in messages(qgis_iface, Qgis.Warning))
    QgsProject.instance().removeMapLayer(blocks.id())
    assert tool.blocks_layer is None


# ----------------------------------------------------------------------------- live metrics


@pytest.fixture
def parcels(blocks) -> QgsVectorLayer:
    """Four parcels: JF001 = P1 (5 000 m², 低效 industrial, GFA 3 000) + P2 (5 000 m²,
    GFA 9 000); JF002 = P3 (3 000 m² = 4.5 亩, 低效 village, GFA unknown) + P4 (7 000 m²,
    GFA 7 000)."""
    layer = polygon_layer(
        "认定结果",
        "field=parcel_id:string&field=block_id:string&field=verdict:string"
        "&field=lowland_type:string&field=gfa:double",
    )
    rows = [
        ("P1", "JF001", (X0, X0 + 50), "lowland", "industrial", 3000.0),
        ("P2", "JF001", (X0 + 50, X0 + 100), "efficient", None, 9000.0),
        ("P3", "JF002", (X0 + 120, X0 + 150), "lowland", "village", None),
        ("P4", "JF002", (X0 + 150, X0 + 220), "efficient", None, 7000.0),
    ]
    features = []
    for pid, block, (x0, x1), verdict, kind, gfa in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([pid, block, verdict, kind, gfa])
        ring = [QgsPointXY(x0, Y0), QgsPointXY(x1, Y0), QgsPointXY(x1, Y0 + 100),
                QgsPointXY(x0, Y0 + 100)]  # fmt: skip
        feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_the_panel_follows_the_outline_while_drawing(tool, canvas, parcels):
    tool.set_layers(tool.units_layer, tool.blocks_layer)  # sees the parcels layer now
    assert tool.live.parcels_layer is parcels and tool.panel is not None
    for x, y in [(X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 100)]:
        click(canvas, tool, x, y)
    # three corners: the triangle covers half of JF001 — no whole block yet; the corner
    # left out, (X0, Y0 + 100), is 100 / √2 = 70.7 m from the diagonal edge
    assert tool.metrics.whole_blocks == [] and tool.metrics.area_m2 == 0.0
    assert "尚未完整包含任何街坊：街坊 JF001 只包含 50%，边界偏离 71 m" in tool.panel.metrics_text()
    click(canvas, tool, X0, Y0 + 100)
    m = tool.metrics
    assert m.whole_blocks == ["JF001"] and m.area_m2 == pytest.approx(10000.0)
    assert m.parcel_count == 2 and m.lowland_area_m2 == pytest.approx(5000.0)
    text = tool.panel.metrics_text()
    assert "1.00 公顷（15.00 亩）" in text  # 10 000 m² = 1 ha = 15 亩
    assert "1 宗，5,000.00 m²，占 50.0%" in text  # P1 / JF001
    assert "12,000.00 m²" in text  # GFA 3 000 + 9 000
    assert "0 宗，0.00 m²" in text  # no ≤5 亩 piece: P1 is 7.5 亩


def test_block_click_mode_adds_removes_and_builds_the_union(tool, canvas, units, parcels):
    tool.set_layers(units, tool.blocks_layer)
    tool.set_mode("blocks")
    assert tool.mode() == "blocks"
    click(canvas, tool, X0 + 50, Y0 + 50)  # JF001 in
    click(canvas, tool, X0 + 170, Y0 + 50)  # JF002 in
    assert tool.picked == ["JF001", "JF002"]
    assert tool.rubber_band.asGeometry().area() == pytest.approx(20000.0)
    click(canvas, tool, X0 + 50, Y0 + 50)  # JF001 out again
    assert tool.picked == ["JF002"] and tool.metrics.whole_blocks == ["JF002"]
    click(canvas, tool, X0 + 110, Y0 + 50)  # the road: nothing
    assert tool.picked == ["JF002"]
    click(canvas, tool, X0 + 50, Y0 + 50)  # JF001 back in
    m = tool.metrics
    assert m.whole_blocks == ["JF001", "JF002"] and m.area_m2 == pytest.approx(20000.0)
    # 低效 P1 5 000 + P3 3 000 = 8 000 of 20 000 m²; P3 (4.5 亩) is a scattered candidate
    assert m.lowland_area_m2 == pytest.approx(8000.0) and m.lowland_share == pytest.approx(0.4)
    assert m.scattered_count == 1 and m.scattered_area_m2 == pytest.approx(3000.0)
    answer_form()
    click(canvas, tool, X0 + 50, Y0 + 50, Qt.RightButton)  # finish
    assert tool.picked == [] and units.featureCount() == 1
    feature = next(units.getFeatures())
    assert feature.geometry().area() == pytest.approx(20000.0)
    # statistics written with the unit (buildunits' fields, by the core function)
    assert feature["block_ids"] == '["JF001", "JF002"]' and feature["block_count"] == 2
    assert feature["area_m2"] == pytest.approx(20000.0)
    assert feature["parcel_count"] == 4 and feature["lowland_count"] == 2
    assert feature["lowland_area_m2"] == pytest.approx(8000.0)
    assert feature["lowland_share"] == pytest.approx(0.4)
    assert feature["lowland_industrial_m2"] == pytest.approx(5000.0)
    assert feature["lowland_village_m2"] == pytest.approx(3000.0)
    assert feature["gfa_existing"] == pytest.approx(19000.0)  # 3 000 + 9 000 + 7 000
    assert feature["scattered_count"] == 1
    assert units.undoStack().count() == 1  # fields and feature: one undo step
    units.undoStack().undo()
    assert units.featureCount() == 0 and "area_m2" not in units.fields().names()


def test_an_outline_without_a_whole_block_is_refused_naming_the_block(
    tool, canvas, units, qgis_iface
):
    # JF001's west 60 m: the east edge misses the block's by 40 m
    for x, y in [(X0, Y0), (X0 + 60, Y0), (X0 + 60, Y0 + 100), (X0, Y0 + 100)]:
        click(canvas, tool, x, y)
    assert tool.finish() is None  # no form opened: it would block here
    assert units.featureCount() == 0
    assert messages(qgis_iface, Qgis.Warning) == [
        "绘制再开发单元:单元没有完整包含任何街坊：街坊 JF001 只包含 60%，边界偏离 40 m。"
        "未添加；请沿街坊边界重新绘制。"
    ]


def test_a_redrawn_unit_gets_fresh_statistics_in_one_undo_step(tool, canvas, units, parcels):
    tool.set_layers(units, tool.blocks_layer)
    outline = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in BLOCKS["JF001"]]])
    fid = tool.add_unit(outline, {"unit_id": "DY01"})
    assert units.getFeature(fid)["area_m2"] == pytest.approx(10000.0)
    assert units.getFeature(fid)["gfa_existing"] == pytest.approx(12000.0)
    units.selectByIds([fid])
    both = [(X0, Y0), (X0 + 220, Y0), (X0 + 220, Y0 + 100), (X0, Y0 + 100)]
    assert tool.use_outline(QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in both]])) == fid
    feature = units.getFeature(fid)
    assert feature["area_m2"] == pytest.approx(20000.0) and feature["block_count"] == 2
    assert feature["lowland_area_m2"] == pytest.approx(8000.0)
    units.undoStack().undo()
    feature = units.getFeature(fid)
    assert feature["area_m2"] == pytest.approx(10000.0) and feature["block_count"] == 1


def test_a_partly_covered_block_is_named_but_the_unit_is_added(tool, canvas, units, qgis_iface):
    # JF001 whole and JF002's west 40 m (x 120…160 of 120…220): 40 %, 60 m short
    ring = [(X0 - 2, Y0 - 2), (X0 + 160, Y0 - 2), (X0 + 160, Y0 + 102), (X0 - 2, Y0 + 102)]
    outline = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]])
    answer_form()
    fid = tool.use_outline(outline)
    assert fid is not None
    assert units.getFeature(fid)["block_ids"] == '["JF001"]'
    assert units.getFeature(fid)["area_m2"] == pytest.approx(10000.0)  # JF001 only
    assert messages(qgis_iface, Qgis.Warning) == [
        "绘制再开发单元:部分覆盖的街坊不计入单元：街坊 JF002 只包含 40%，边界偏离 60 m"
    ]


def test_block_click_mode_edits_the_selected_unit_from_its_blocks(tool, canvas, units):
    outline = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in BLOCKS["JF001"]]])
    fid = tool.add_unit(outline, {"unit_id": "DY01", "phase": "near"})
    units.selectByIds([fid])
    tool.set_mode("blocks")
    assert tool.picked == ["JF001"]  # starts from the selected unit's whole blocks
    assert "近期" in tool.panel.metrics_text()  # its phase
    click(canvas, tool, X0 + 170, Y0 + 50)  # JF002 added
    assert tool.finish_blocks() == fid  # replaces the outline, no form
    feature = units.getFeature(fid)
    assert feature.geometry().area() == pytest.approx(20000.0)
    assert feature["block_ids"] == '["JF001", "JF002"]' and feature["unit_id"] == "DY01"
