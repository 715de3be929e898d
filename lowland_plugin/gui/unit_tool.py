"""绘制再开发单元: a map tool to draw a redevelopment unit (Y-3 「单元+街坊」) on the
canvas, snapping to the 街坊 (blocks) edges and corners, or to redraw / re-attribute a
selected unit.

- Left click adds a corner (snapped to the blocks layer, and to the other units, within
  the tolerance); right click or Enter finishes; Backspace takes the last corner back;
  Esc cancels the outline (or, with none, clears the selection).
- A finished outline with fewer than 3 corners or an invalid ring is refused with a
  message (:func:`core.unit_drawing.outline_problem`).
- With no unit selected, the outline becomes a new unit after the attribute form
  (:class:`.unit_form.UnitForm`: unit id with the next ``DY…`` suggested, name, phase,
  notes); with one unit selected it replaces that unit's outline, keeping its attributes.
- Ctrl+click selects the unit under the cursor; Shift+click opens its attribute form.
- 点选街坊 mode: a click on a block adds it or takes it out; the outline is their union.
- The 单元实时统计 panel (:mod:`.unit_metrics_panel`) shows what the outline takes as it
  changes; one taking no whole block is refused naming the block missed (「街坊 JF003 只
  包含 93%，边界偏离 15 m」). A unit added or redrawn gets the buildunits statistics
  (core statistics function) in the same edit command.

Every change is one edit command in the layer's edit buffer (editing is started when
needed), so Ctrl+Z undoes it; nothing is saved until the user saves the layer. While
the tool is active the project's snapping is set to the blocks (and units) layer; the
user's own snapping configuration comes back when the tool is deactivated.
"""

from __future__ import annotations

import shapely
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointLocator,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSnappingConfig,
    QgsTolerance,
    QgsVectorLayer,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)
from qgis.gui import QgsMapTool, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt.QtCore import QSettings, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDialog

from ..bridge.layers import shapely_geometry
from ..core.units.drawing import outline_problem, suggest_unit_id, unit_id_problem
from ..core.units.live_metrics import UnitMetrics, saved_unit_statistics, unit_metrics
from ..i18n import tr
from .unit_form import (
    UNIT_FIELDS,
    UnitForm,
    add_statistics_fields,
    attribute_text,
    choose_units_layer,
    create_units_layer,
    find_blocks_layer,
    find_units_layer,
    is_units_layer,
)
from .unit_metrics_panel import (
    LiveDistrict,
    UnitMetricsPanel,
    find_parcels_layer,
    miss_text,
    refusal_text,
    transformed,
)
from .unit_snapping import tool_snapping_config

# re-exported: the tests reach the layer helpers and the form through this module
__all__ = [
    "UnitForm",
    "UnitMapTool",
    "choose_units_layer",
    "create_units_layer",
    "find_blocks_layer",
    "find_units_layer",
    "is_units_layer",
]

#: QSettings keys of the snapping tolerance (a user preference, not policy).
TOLERANCE_KEY = "lowland/unit_tool/tolerance"
TOLERANCE_UNITS_KEY = "lowland/unit_tool/tolerance_units"
#: QGIS's own default snapping tolerance: 12 screen pixels.
DEFAULT_TOLERANCE = 12.0
DEFAULT_TOLERANCE_UNITS = QgsTolerance.UnitType.Pixels
#: Overlaps smaller than this (m² in a metre CRS) are drawing noise, not a conflict.
OVERLAP_NOISE = 0.01


# ----------------------------------------------------------------------------- map tool


class UnitMapTool(QgsMapTool):
    """Draw a new redevelopment unit, or redraw the selected one, snapping to blocks."""

    def __init__(
        self,
        iface,
        units_layer: QgsVectorLayer | None = None,
        blocks_layer: QgsVectorLayer | None = None,
    ) -> None:
        super().__init__(iface.mapCanvas())
        self.iface = iface
        self.units_layer = units_layer
        self.blocks_layer = blocks_layer
        settings = QSettings()
        self.tolerance = float(settings.value(TOLERANCE_KEY, DEFAULT_TOLERANCE))
        self.tolerance_units = QgsTolerance.UnitType(
            int(settings.value(TOLERANCE_UNITS_KEY, int(DEFAULT_TOLERANCE_UNITS)))
        )
        self.points: list[QgsPointXY] = []
        #: 点选街坊 mode: the chosen blocks (block_id, in click order)
        self.picked: list[str] = []
        self.live = LiveDistrict()
        self.live.set_layers(blocks_layer, find_parcels_layer() if blocks_layer else None)
        self.panel: UnitMetricsPanel | None = None
        self.metrics: UnitMetrics | None = None
        self.saved_snapping: QgsSnappingConfig | None = None
        self.rubber_band: QgsRubberBand | None = None
        self.snap_indicator = QgsSnapIndicator(self.canvas())
        self.setCursor(Qt.CursorShape.CrossCursor)
        QgsProject.instance().layersWillBeRemoved.connect(self._layers_removed)

    def _layers_removed(self, layer_ids) -> None:
        """Forget a units or blocks layer taken out of the project (and its snapping)."""
        for name in ("units_layer", "blocks_layer"):
            layer = getattr(self, name)
            if layer is not None and layer.id() in layer_ids:
                setattr(self, name, None)
                if name == "units_layer":
                    self.reset()
                else:
                    self.live.set_layers(None, None)
        parcels = self.live.parcels_layer
        if parcels is not None and parcels.id() in layer_ids:
            self.live.set_layers(self.blocks_layer, None)

    def _current_layer_changed(self, layer) -> None:
        """Follow the active layer when the user makes another units layer active."""
        if is_units_layer(layer) and layer is not self.units_layer:
            self.reset()
            self.set_layers(layer, self.blocks_layer)

    # -- set-up -------------------------------------------------------------------

    def set_layers(
        self, units_layer: QgsVectorLayer | None, blocks_layer: QgsVectorLayer | None
    ) -> None:
        """Draw into ``units_layer`` snapping to ``blocks_layer`` (reapplied when active)."""
        self.units_layer = units_layer
        self.blocks_layer = blocks_layer
        self.live.set_layers(blocks_layer, find_parcels_layer() if blocks_layer else None)
        if self.panel is not None:
            self.panel.set_source(self.live.blocks_layer, self.live.parcels_layer)
        if self.isActive():
            self._apply_snapping()

    def snapping_config(self) -> QgsSnappingConfig:
        """The user's configuration with snapping on the blocks and units layers only."""
        return tool_snapping_config(
            self.saved_snapping or QgsProject.instance().snappingConfig(),
            self.tolerance,
            self.tolerance_units,
            (self.blocks_layer, self.units_layer),
        )

    def _set_snapping(self, config: QgsSnappingConfig) -> None:
        QgsProject.instance().setSnappingConfig(config)
        utils = self.canvas().snappingUtils()
        if utils is not None:  # QGIS desktop syncs it from the project; a bare canvas not
            utils.setConfig(config)
            # Locators are cached by layer address: a blocks layer removed and made
            # again (delineateblocks re-run) can reuse the address and inherit an
            # empty index, and nothing would snap. Cheap to rebuild for blocks.
            utils.clearAllLocators()

    def _apply_snapping(self) -> None:
        self._set_snapping(self.snapping_config())

    def activate(self) -> None:
        super().activate()
        self.iface.currentLayerChanged.connect(self._current_layer_changed)
        if self.saved_snapping is None:
            self.saved_snapping = QgsSnappingConfig(QgsProject.instance().snappingConfig())
        self._apply_snapping()
        self._show_panel()
        self.live.prepare_soon()
        if self.blocks_layer is None:
            self._message(
                tr("没有街坊图层（含 block_id 的面图层），单元边界不会吸附到街坊。"),
                Qgis.MessageLevel.Warning,
            )
        self._message(
            tr(
                "左键添加拐点（吸附到街坊边线和拐点），右键或回车完成，退格撤回拐点，Esc 取消；"
                "选中一个单元时重新绘制其范围；Ctrl+单击选择单元，Shift+单击编辑其属性。"
            ),
            Qgis.MessageLevel.Info,
        )

    def _show_panel(self) -> None:
        if self.panel is None:
            self.panel = UnitMetricsPanel(self.iface.mainWindow())
            self.panel.ui.blocksRadio.toggled.connect(self._mode_changed)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.set_source(self.live.blocks_layer, self.live.parcels_layer)
        self.panel.clear()
        self.panel.show()

    def _mode_changed(self, blocks: bool) -> None:
        """A new outline; 点选街坊 with one unit selected starts from its whole blocks."""
        self.reset()
        layer, fid = self.units_layer, self._selected_fid()
        if blocks and layer is not None and fid is not None:
            outline = transformed(layer.getFeature(fid).geometry(), layer.crs(), self._crs())
            metrics = self.measure(outline)
            self.picked = list(metrics.whole_blocks) if metrics is not None else []
            self._redraw()

    def mode(self) -> str:
        """'draw' (corners) or 'blocks' (点选街坊), as chosen in the panel."""
        return self.panel.mode() if self.panel is not None else "draw"

    def set_mode(self, mode: str) -> None:
        if self.panel is None:
            self._show_panel()
        radio = self.panel.ui.blocksRadio if mode == "blocks" else self.panel.ui.drawRadio
        radio.setChecked(True)

    def remove_panel(self) -> None:
        if self.panel is not None:
            self.iface.removeDockWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None

    def deactivate(self) -> None:
        self.reset()
        if self.panel is not None:
            self.panel.hide()
        if self.rubber_band is not None:  # off the canvas (also when the plugin unloads)
            self.canvas().scene().removeItem(self.rubber_band)
            self.rubber_band = None
        self.snap_indicator.setMatch(QgsPointLocator.Match())
        try:
            self.iface.currentLayerChanged.disconnect(self._current_layer_changed)
        except (TypeError, RuntimeError):  # not connected
            pass
        if self.saved_snapping is not None:
            self._set_snapping(self.saved_snapping)
            self.saved_snapping = None
        super().deactivate()

    # -- drawing ------------------------------------------------------------------

    def snap(self, point: QgsPointXY) -> QgsPointXY:
        """``point`` (map coordinates) moved onto the nearest block/unit corner or edge
        within the tolerance; unchanged when there is none."""
        utils = self.canvas().snappingUtils()
        if utils is None:
            return QgsPointXY(point)
        match = utils.snapToMap(QgsPointXY(point))
        self.snap_indicator.setMatch(match)
        return QgsPointXY(match.point()) if match.isValid() else QgsPointXY(point)

    def _band(self) -> QgsRubberBand:
        if self.rubber_band is None:
            band = QgsRubberBand(self.canvas(), QgsWkbTypes.GeometryType.PolygonGeometry)
            band.setStrokeColor(QColor(214, 39, 40))
            band.setFillColor(QColor(214, 39, 40, 50))
            band.setWidth(2)
            self.rubber_band = band
        return self.rubber_band

    def _redraw(self, hover: QgsPointXY | None = None) -> None:
        band = self._band()
        if self.mode() == "blocks":
            geometry = self.picked_outline()
        else:
            points = self.points + ([hover] if hover is not None else [])
            geometry = QgsGeometry.fromPolygonXY([points]) if points else QgsGeometry()
        band.setToGeometry(geometry)
        self.update_metrics(geometry)

    # -- live metrics and 点选街坊 ---------------------------------------------------

    def _crs(self):
        return self.canvas().mapSettings().destinationCrs()

    def _to_blocks_crs(self, geometry: QgsGeometry) -> QgsGeometry:
        """``geometry`` (map CRS) in the blocks layer's CRS."""
        return self.live.to_blocks_crs(geometry, self._crs())

    def measure(self, geometry: QgsGeometry) -> UnitMetrics | None:
        """What the outline ``geometry`` (map CRS) takes; None without a blocks layer."""
        district = self.live.prepared()
        if district is None:
            return None
        return unit_metrics(district, self._outline_shape(geometry))

    def _outline_shape(self, geometry: QgsGeometry):
        """The outline (map CRS) as a shapely polygon in the blocks CRS; None while it
        has fewer than 3 corners."""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None
        if geometry.constGet().nCoordinates() < 4:  # a ring closes on its first corner
            return None
        shape = shapely_geometry(self._to_blocks_crs(geometry))
        return shape if shape.geom_type in ("Polygon", "MultiPolygon") else None

    def update_metrics(self, geometry: QgsGeometry) -> None:
        """Show the figures of the outline ``geometry`` (map CRS) in the panel."""
        if self.panel is None:
            return
        metrics = self.measure(geometry)
        self.metrics = metrics
        if metrics is None or (geometry.isNull() and not self.picked):
            self.panel.clear()
            return
        self.panel.show_metrics(metrics, self.selected_phase())

    def _selected_fid(self) -> int | None:
        layer = self.units_layer
        selected = layer.selectedFeatureIds() if layer is not None else []
        return selected[0] if len(selected) == 1 else None

    def selected_phase(self) -> str | None:
        """The phase of the one selected unit (the unit being redrawn), else None."""
        fid = self._selected_fid()
        if fid is None or self.units_layer.fields().indexOf("phase") < 0:
            return None
        return attribute_text(self.units_layer.getFeature(fid).attribute("phase")) or None

    def block_at(self, map_point: QgsPointXY) -> str | None:
        """block_id of the block under ``map_point`` (None: none)."""
        district = self.live.prepared()
        if district is None:
            return None
        point = self._to_blocks_crs(QgsGeometry.fromPointXY(map_point))
        hits = district.block_tree.query(shapely_geometry(point), predicate="intersects")
        return district.block_ids[int(min(hits))] if len(hits) else None

    def toggle_block(self, block_id: str) -> None:
        """Add ``block_id`` to the chosen blocks, or take it out when chosen."""
        if block_id in self.picked:
            self.picked.remove(block_id)
        else:
            self.picked.append(block_id)
        self._redraw()

    def picked_outline(self) -> QgsGeometry:
        """The union of the chosen blocks, in map CRS (empty when none)."""
        district = self.live.prepared()
        if district is None or not self.picked:
            return QgsGeometry()
        position = {b: i for i, b in enumerate(district.block_ids)}
        union = shapely.union_all(district.block_geoms[[position[b] for b in self.picked]])
        out = QgsGeometry()
        out.fromWkb(shapely.to_wkb(union))
        return transformed(out, self.blocks_layer.crs(), self._crs())

    def finish_blocks(self) -> int | None:
        """Use the union of the chosen blocks as the outline (see :meth:`use_outline`)."""
        outline = self.picked_outline()
        self.picked = []
        self._redraw()
        if outline.isEmpty():
            return None
        return self.use_outline(outline)

    def add_vertex(self, map_point: QgsPointXY) -> QgsPointXY:
        """Add a corner at ``map_point`` after snapping; returns the corner used."""
        point = self.snap(map_point)
        self.points.append(point)
        self._redraw()
        return point

    def undo_vertex(self) -> None:
        if self.points:
            self.points.pop()
            self._redraw()

    def reset(self) -> None:
        """Forget the outline being drawn (and the chosen blocks)."""
        self.points = []
        self.picked = []
        if self.panel is not None:
            self.panel.clear()
        if self.rubber_band is not None:
            self.rubber_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def finish(self) -> int | None:
        """Close the outline drawn so far and use it (see :meth:`use_outline`)."""
        points, self.points = list(self.points), []
        self._redraw()
        if self.rubber_band is not None:
            self.rubber_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        if not points:
            return None
        return self.use_outline(QgsGeometry.fromPolygonXY([points]))

    def canvasMoveEvent(self, event) -> None:  # noqa: N802 (QGIS API)
        point = self.snap(event.mapPoint())
        if self.points:
            self._redraw(point)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802 (QGIS API)
        if event.button() == Qt.MouseButton.RightButton:
            self.finish_blocks() if self.mode() == "blocks" else self.finish()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        modifiers = event.modifiers()
        plain = not modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if self.mode() == "blocks" and plain:
            block_id = self.block_at(event.mapPoint())
            if block_id is not None:
                self.toggle_block(block_id)
        elif not self.points and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.select_unit_at(event.mapPoint())
        elif not self.points and modifiers & Qt.KeyboardModifier.ShiftModifier:
            fid = self.unit_at(event.mapPoint())
            if fid is not None:
                self.edit_attributes(fid)
        else:
            self.add_vertex(event.mapPoint())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (QGIS API)
        key = event.key()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.undo_vertex()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.picked:
            self.finish_blocks()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            self.finish()
        elif key == Qt.Key.Key_Escape:
            if self.points or self.picked:
                self.reset()
            elif self.units_layer is not None:
                self.units_layer.removeSelection()
        else:
            event.ignore()
            return
        event.accept()

    # -- units --------------------------------------------------------------------

    def _message(self, text: str, level=Qgis.MessageLevel.Info) -> None:
        self.iface.messageBar().pushMessage(tr("绘制再开发单元"), text, level=level, duration=8)

    def _to_layer(self, geometry: QgsGeometry, layer: QgsVectorLayer) -> QgsGeometry:
        """``geometry`` (map CRS) in ``layer``'s CRS and geometry type."""
        out = transformed(geometry, self._crs(), layer.crs())
        if QgsWkbTypes.isMultiType(layer.wkbType()):
            out.convertToMultiType()
        return out

    def refusal(self, geometry: QgsGeometry) -> str:
        """Why a drawn outline cannot be a unit ('' when it can)."""
        shape = shapely_geometry(geometry)
        problem = outline_problem(shape)
        if problem is None:
            return ""
        code, detail = problem
        if code == "too_few_vertices":
            return tr("单元边界至少需要 3 个不同的拐点（当前 {n} 个），未添加。").format(n=detail)
        if code == "self_intersection":
            return tr("单元边界自相交（{detail}），未添加；请重新绘制。").format(detail=detail)
        if code == "zero_area":
            return tr("单元边界面积为零，未添加。")
        return tr("单元边界无效（{detail}），未添加；请重新绘制。").format(detail=detail)

    def existing_ids(self, layer: QgsVectorLayer | None = None) -> list:
        layer = layer or self.units_layer
        index = layer.fields().indexOf("unit_id")
        if index < 0:
            return []
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([index])
        return [f.attribute(index) for f in layer.getFeatures(request)]

    def _ready_layer(self) -> QgsVectorLayer | None:
        layer = self.units_layer
        if layer is None or not layer.isValid():
            self._message(tr("没有可绘制的再开发单元图层。"), Qgis.MessageLevel.Warning)
            return None
        if not layer.isEditable() and not layer.startEditing():
            self._message(
                tr("图层「{name}」不能编辑。").format(name=layer.name()), Qgis.MessageLevel.Critical
            )
            return None
        return layer

    def use_outline(self, geometry: QgsGeometry) -> int | None:
        """A finished outline (map CRS): refused with a message when unusable; else it
        replaces the outline of the one selected unit, or becomes a new unit after the
        attribute form. Returns the feature id changed or added, None when nothing was."""
        layer = self.units_layer
        if layer is None:
            self._message(tr("没有可绘制的再开发单元图层。"), Qgis.MessageLevel.Warning)
            return None
        metrics = self.measure(geometry)
        geometry = self._to_layer(geometry, layer)
        message = self.refusal(geometry) or (refusal_text(metrics) if metrics else "")
        if message:
            self._message(message, Qgis.MessageLevel.Warning)
            return None
        if metrics is not None and metrics.partial_blocks:  # kept, but not counted
            warning = tr("部分覆盖的街坊不计入单元：{miss}").format(miss=miss_text(metrics))
            self._message(warning, Qgis.MessageLevel.Warning)
        selected = layer.selectedFeatureIds()
        if len(selected) == 1:
            return self.replace_geometry(selected[0], geometry)
        if len(selected) > 1:
            self._message(
                tr("选中了 {n} 个单元；重新绘制范围时只能选中一个。").format(n=len(selected)),
                Qgis.MessageLevel.Warning,
            )
            return None
        existing = self.existing_ids(layer)
        values = self.ask_attributes(existing, {"unit_id": suggest_unit_id(existing)})
        if values is None:
            return None
        return self.add_unit(geometry, values)

    def ask_attributes(self, existing_ids, values: dict, own_id=None) -> dict | None:
        """The attribute form (modal); the entered values, or None when cancelled."""
        form = UnitForm(existing_ids, values, own_id, self.iface.mainWindow())
        try:
            accepted = form.exec() == QDialog.DialogCode.Accepted
            return form.values() if accepted else None
        finally:
            form.deleteLater()

    def add_unit(self, geometry: QgsGeometry, values: dict) -> int | None:
        """Add a unit (geometry in the layer's CRS) as one edit command; None when the
        unit id is empty or taken (message) or the layer refuses the feature."""
        layer = self._ready_layer()
        if layer is None:
            return None
        code = unit_id_problem(values.get("unit_id"), self.existing_ids(layer))
        if code is not None:
            text = (
                tr("请填写单元编号。")
                if code == "empty"
                else tr("单元编号 {id} 已被图层中另一个单元使用。").format(id=values["unit_id"])
            )
            self._message(text + tr("未添加。"), Qgis.MessageLevel.Warning)
            return None
        stats = self.statistics(geometry)
        layer.beginEditCommand(tr("添加再开发单元 {id}").format(id=values["unit_id"]))
        if stats:
            add_statistics_fields(layer)
        fields = layer.fields()
        attributes = {
            fields.indexOf(name): value
            for name, value in {**stats, **values}.items()
            if fields.indexOf(name) >= 0
        }
        feature = QgsVectorLayerUtils.createFeature(layer, geometry, attributes)
        if not layer.addFeature(feature):
            layer.destroyEditCommand()
            self._message(tr("图层拒绝了新单元。"), Qgis.MessageLevel.Critical)
            return None
        layer.endEditCommand()
        fid = feature.id()
        self._message(
            tr("已添加再开发单元 {id}；保存图层后写入文件，Ctrl+Z 撤销。").format(
                id=values["unit_id"]
            ),
            Qgis.MessageLevel.Success,
        )
        self.warn_overlaps(fid, geometry)
        return fid

    def replace_geometry(self, fid: int, geometry: QgsGeometry) -> int | None:
        """Give unit ``fid`` the outline ``geometry`` (layer CRS), attributes kept, as one
        edit command."""
        layer = self._ready_layer()
        if layer is None:
            return None
        unit_id = attribute_text(layer.getFeature(fid).attribute("unit_id")) or str(fid)
        stats = self.statistics(geometry)
        layer.beginEditCommand(tr("重新绘制再开发单元 {id}").format(id=unit_id))
        if stats:
            add_statistics_fields(layer)
        if not layer.changeGeometry(fid, geometry):
            layer.destroyEditCommand()
            self._message(tr("图层拒绝了新的单元范围。"), Qgis.MessageLevel.Critical)
            return None
        fields = layer.fields()
        layer.changeAttributeValues(fid, {fields.indexOf(k): v for k, v in stats.items()})
        layer.endEditCommand()
        self._message(
            tr("已重新绘制再开发单元 {id} 的范围；Ctrl+Z 撤销。").format(id=unit_id),
            Qgis.MessageLevel.Success,
        )
        self.warn_overlaps(fid, geometry)
        return fid

    def statistics(self, geometry: QgsGeometry) -> dict:
        """The buildunits statistics of a unit with outline ``geometry`` (units layer
        CRS) by the core statistics function ({} without a blocks layer)."""
        district = self.live.prepared()
        if district is None or self.units_layer is None:
            return {}
        out = self.live.to_blocks_crs(geometry, self.units_layer.crs())
        return saved_unit_statistics(district, shapely_geometry(out))

    def edit_attributes(self, fid: int) -> bool:
        """Open the form on unit ``fid`` and write the changes as one edit command."""
        layer = self.units_layer
        if layer is None:
            return False
        feature = layer.getFeature(fid)
        if not feature.isValid():
            return False
        names = layer.fields().names()
        current = {name: feature.attribute(name) for name in UNIT_FIELDS if name in names}
        own = attribute_text(current.get("unit_id")) or None
        values = self.ask_attributes(self.existing_ids(layer), current, own)
        if values is None or self._ready_layer() is None:
            return False
        changes = {
            layer.fields().indexOf(name): value
            for name, value in values.items()
            if name in names and (attribute_text(current.get(name)) or None) != value
        }
        if not changes:
            return False
        label = values.get("unit_id") or own or str(fid)
        layer.beginEditCommand(tr("修改再开发单元 {id} 的属性").format(id=label))
        layer.changeAttributeValues(fid, changes)
        layer.endEditCommand()
        return True

    def unit_at(self, map_point: QgsPointXY) -> int | None:
        """Id of the unit under ``map_point`` (the smallest, when units overlap)."""
        layer = self.units_layer
        if layer is None:
            return None
        point = QgsGeometry.fromPointXY(self.toLayerCoordinates(layer, map_point))
        radius = self.searchRadiusMU(self.canvas()) if self.canvas() else 0.0
        box = QgsRectangle(point.asPoint(), point.asPoint())
        box.grow(radius)
        hits = [
            f
            for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(box))
            if f.geometry().intersects(point)
        ]
        if not hits:
            return None
        return min(hits, key=lambda f: f.geometry().area()).id()

    def select_unit_at(self, map_point: QgsPointXY) -> int | None:
        """Select only the unit under ``map_point`` (clear the selection when none)."""
        fid = self.unit_at(map_point)
        if self.units_layer is not None:
            self.units_layer.selectByIds([fid] if fid is not None else [])
        return fid

    def warn_overlaps(self, fid: int, geometry: QgsGeometry) -> list[str]:
        """Warn (not refuse: lowland:buildunits reports the conflicts) when the unit
        overlaps other units; returns their ids."""
        layer = self.units_layer
        request = QgsFeatureRequest().setFilterRect(geometry.boundingBox())
        others = []
        for other in layer.getFeatures(request):
            if other.id() == fid or not other.hasGeometry():
                continue
            overlap = other.geometry().intersection(geometry)
            if not overlap.isNull() and overlap.area() > OVERLAP_NOISE:
                others.append(attribute_text(other.attribute("unit_id")) or str(other.id()))
        if others:
            self._message(
                tr("该单元与单元 {ids} 重叠；一个街坊只能属于一个单元。").format(
                    ids="、".join(sorted(others))
                ),
                Qgis.MessageLevel.Warning,
            )
        return others
