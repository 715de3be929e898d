"""地块核查 review dock: walk through the parcels of an identification result, check each
against the map and the rules, and confirm, reject or override the computed verdict.

The dock is thin: what a decision writes comes from :func:`core.review.decide`, the
readable reasons from :func:`core.review.reason_lines`, the log from
:func:`core.review.write_review_log`. Decisions go through the layer's edit buffer
(one edit command each), so QGIS undo/redo works and nothing is saved until the
user saves the layer.

Several reviewers may work on one table (PostGIS). A decision is written only on the
state the reviewer's list was loaded with: when someone else saved a decision on the
parcel meanwhile, it is refused and the list re-read; on saving, decisions on parcels
someone else saved first are dropped for theirs, with a message
(:class:`bridge.reviews.ReviewStore`, :func:`core.review.check_decision_unchanged`).

The list is :mod:`.review_model`, the detail panel :mod:`.review_details`.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView

from ..bridge.layers import python_value
from ..bridge.reviews import ReviewStore, review_frame
from ..core.common.codes import LOWLAND_TYPES
from ..core.common.errors import LowlandInputError
from ..core.common.fields import value_label
from ..core.common.resources import PLUGIN_ROOT
from ..core.identify.review import (
    STATUSES,
    ReviewConflictError,
    commit_conflict_message,
    decide,
    missing_identification_fields,
    write_review_log,
)
from ..i18n import language, tr
from .review_details import ParcelDetails
from .review_model import (
    VERDICTS,
    ParcelFilterProxy,
    ParcelTableModel,
    guess_buildings_layer,
    is_identification_layer,
    localised,
)
from .shortcuts import DockShortcuts

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "review_dock.ui"))

#: QSettings key of the reviewer's name (remembered between sessions).
REVIEWER_KEY = "lowland/reviewer"
#: Styles of the message and error labels.
_ERROR_STYLE = "color: #b42318;"
_INFO_STYLE = "color: #444444;"


def _file_of(layer: QgsVectorLayer) -> Path | None:
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    return Path(path) if path else None


# ----------------------------------------------------------------------------- the dock


class ReviewDock(QgsDockWidget, FORM_CLASS):
    """地块核查: list, details and decisions for one identification result layer."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("LowlandReviewDock")
        self.iface = iface
        self.layer: QgsVectorLayer | None = None
        self._connections: list = []
        self._current_fid: int | None = None
        self._syncing = False
        self._refresh_scheduled = False
        self._zoom_next = True
        self._inputs_stale = False
        self.reviewed_count = 0
        self.reviews = ReviewStore()  # several reviewers on one table (PostGIS)
        self.shown_count = 0

        self.model = ParcelTableModel(self)
        self.proxy = ParcelFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.details = ParcelDetails(self)
        self.parcelView.setModel(self.proxy)
        self.parcelView.setSortingEnabled(True)
        self.parcelView.sortByColumn(ParcelTableModel.COLUMNS.index("parcel_id"), Qt.AscendingOrder)
        self.parcelView.verticalHeader().setVisible(False)
        self.parcelView.verticalHeader().setDefaultSectionSize(
            self.parcelView.fontMetrics().height() + 6
        )
        self.parcelView.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        header = self.parcelView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self.layerCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.layerCombo.setAllowEmptyLayer(True)
        self.layerCombo.setLayer(None)
        self.buildingsCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.buildingsCombo.setAllowEmptyLayer(True)
        self.buildingsCombo.setLayer(None)
        self.reviewerEdit.setText(QSettings().value(REVIEWER_KEY, "", type=str))

        self._setup_texts()
        self.details.setup()
        self._setup_shortcuts()
        self._connect_widgets()
        self._show_message("")
        self._show_error("")
        self._set_bound(False)
        QgsProject.instance().layersAdded.connect(self._layers_added)

    # ------------------------------------------------------------------ set-up

    def _setup_texts(self) -> None:
        """Every visible text, through tr() (the .ui texts are placeholders)."""
        lang = language()
        self.setWindowTitle(tr("地块核查"))
        self.layerLabel.setText(tr("结果图层"))
        self.layerCombo.setToolTip(tr("低效用地认定（lowland:identifyparcels）的结果图层"))
        self.buildingsLabel.setText(tr("建筑图层"))
        self.buildingsCombo.setToolTip(tr("可选：列出与所选宗地相交的建筑"))
        self.typeFilter.clear()
        self.typeFilter.addItem(tr("全部类型"), None)
        for value in LOWLAND_TYPES:
            self.typeFilter.addItem(value_label("current_type", value, lang), value)
        self.typeFilter.setToolTip(tr("按现状用途类型或低效类型筛选"))
        self.verdictFilter.clear()
        self.verdictFilter.addItem(tr("全部结论"), None)
        for value in VERDICTS:
            self.verdictFilter.addItem(value_label("verdict", value, lang), value)
        self.verdictFilter.setToolTip(tr("按计算的认定结论筛选"))
        self.statusFilter.clear()
        self.statusFilter.addItem(tr("全部状态"), None)
        for value in STATUSES:
            self.statusFilter.addItem(value_label("review_status", value, lang), value)
        self.statusFilter.setToolTip(tr("按核查状态筛选"))
        self.unitFilter.clear()
        self.unitFilter.addItem(tr("全部单元"), None)
        self.searchEdit.setPlaceholderText(tr("搜索宗地编号或权利人"))
        self.changedOnlyCheck.setText(tr("仅显示结论已变化"))
        self.changedOnlyCheck.setToolTip(
            tr("只列出重新认定后计算结论与核查时不同的宗地（⚠），其核查决定需要复核")
        )
        self.reviewerLabel.setText(tr("核查人"))
        self.reviewerEdit.setPlaceholderText(tr("姓名（会被记住）"))
        self.overrideTypeLabel.setText(tr("为"))
        self.overrideTypeCombo.clear()
        self.overrideTypeCombo.addItem(tr("（选择低效类型）"), None)
        for value in LOWLAND_TYPES:
            self.overrideTypeCombo.addItem(value_label("lowland_type", value, lang), value)
        self.overrideTypeCombo.setToolTip(tr("改判时宗地认定为此类型的低效用地"))
        self.noteLabel.setText(tr("核查意见"))
        self.noteEdit.setPlaceholderText(tr("否定、改判时必填"))
        self.confirmButton.setText(tr("确认"))
        self.rejectButton.setText(tr("否定"))
        self.overrideButton.setText(tr("改判"))
        self.resetButton.setText(tr("重置"))
        self.resetButton.setToolTip(tr("撤销该宗地的核查决定，恢复为待核查"))
        self.exportButton.setText(tr("导出核查记录…"))
        self.exportButton.setToolTip(
            tr("把已核查宗地的决定导出为 CSV（含未保存的编辑），供会议纪要使用")
        )

    def _setup_shortcuts(self) -> None:
        """Alt+Down/Up/C/R/O on the dock, winning over the menu bar's (:mod:`.shortcuts`)."""
        specs = (
            ("Alt+Down", self.next_parcel, self.nextButton, tr("下一宗（{0}）")),
            ("Alt+Up", self.previous_parcel, self.prevButton, tr("上一宗（{0}）")),
            (
                "Alt+C",
                lambda: self.apply_decision("confirm"),
                self.confirmButton,
                tr("确认计算的认定结论（{0}）"),
            ),
            (
                "Alt+R",
                lambda: self.apply_decision("reject"),
                self.rejectButton,
                tr("否定低效用地认定，改为非低效用地；须填写核查意见（{0}）"),
            ),
            (
                "Alt+O",
                lambda: self.apply_decision("override"),
                self.overrideButton,
                tr("改判为所选类型的低效用地；须填写核查意见（{0}）"),
            ),
        )
        keys = DockShortcuts(self)
        for sequence, slot, button, tip in specs:
            shortcut = keys.add(sequence, slot)
            button.setToolTip(tip.format(shortcut.key().toString(QKeySequence.NativeText)))
        keys.claim_keys()
        self.shortcuts = keys.shortcuts

    def _connect_widgets(self) -> None:
        self.layerCombo.layerChanged.connect(self._layer_chosen)
        self.buildingsCombo.layerChanged.connect(lambda _layer: self._refresh_details())
        self.typeFilter.currentIndexChanged.connect(self._filters_changed)
        self.verdictFilter.currentIndexChanged.connect(self._filters_changed)
        self.statusFilter.currentIndexChanged.connect(self._filters_changed)
        self.unitFilter.currentIndexChanged.connect(self._filters_changed)
        self.changedOnlyCheck.toggled.connect(self._filters_changed)
        self.searchEdit.textChanged.connect(self._filters_changed)
        self.parcelView.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.nextButton.clicked.connect(self.next_parcel)
        self.prevButton.clicked.connect(self.previous_parcel)
        self.confirmButton.clicked.connect(lambda: self.apply_decision("confirm"))
        self.rejectButton.clicked.connect(lambda: self.apply_decision("reject"))
        self.overrideButton.clicked.connect(lambda: self.apply_decision("override"))
        self.resetButton.clicked.connect(lambda: self.apply_decision("reset"))
        self.exportButton.clicked.connect(lambda: self.export_log())
        self.reviewerEdit.editingFinished.connect(self._remember_reviewer)
        self.proxy.rowsInserted.connect(self._schedule_refresh)
        self.proxy.rowsRemoved.connect(self._schedule_refresh)
        self.proxy.modelReset.connect(self._schedule_refresh)

    # ------------------------------------------------------------------ binding

    def bind_active_layer(self) -> bool:
        """Bind the active layer if it is an identification result, else the first such
        layer of the project (when none is bound yet)."""
        active = self.iface.activeLayer() if self.iface is not None else None
        if is_identification_layer(active):
            return self.set_layer(active)
        if self.layer is not None:
            return True
        for layer in QgsProject.instance().mapLayers().values():
            if is_identification_layer(layer):
                return self.set_layer(layer)
        self.set_layer(None)
        return False

    def set_layer(self, layer) -> bool:
        """Bind ``layer``; an layer that is no identification result is refused with a
        message naming the missing fields. Returns whether the layer is bound."""
        self._unbind()
        self.layerCombo.blockSignals(True)
        self.layerCombo.setLayer(layer)
        self.layerCombo.blockSignals(False)
        if layer is None:
            self._show_message(
                tr("请选择低效用地认定（lowland:identifyparcels）的结果图层。"), error=False
            )
            return False
        if not isinstance(layer, QgsVectorLayer):
            self._show_message(tr("图层「{0}」不是矢量图层。").format(layer.name()), error=True)
            return False
        missing = missing_identification_fields(layer.fields().names())
        if missing:
            self._show_message(
                tr(
                    "图层「{0}」不是低效用地认定结果，缺少字段：{1}。"
                    "请选择 lowland:identifyparcels 的输出图层。"
                ).format(layer.name(), ", ".join(missing)),
                error=True,
            )
            return False
        self.layer = layer
        self._bind_signals(layer)
        self.model.set_layer(layer)
        self.reviews.bind(layer)
        self._fit_columns()
        self._fill_unit_filter()
        if self.buildingsCombo.currentLayer() is None:
            self.buildingsCombo.setLayer(guess_buildings_layer())
        self._show_message("")
        self._set_bound(True)
        self._sync_from_layer_selection()
        self._refresh_progress()
        return True

    def _fit_columns(self) -> None:
        view = self.parcelView
        view.resizeColumnsToContents()
        marker = ParcelTableModel.COLUMNS.index("verdict_changed")
        view.setColumnWidth(marker, view.fontMetrics().horizontalAdvance("⚠") + 16)
        for column in range(1, self.model.columnCount() - 1):
            view.setColumnWidth(column, min(view.columnWidth(column), 160))

    def _bind_signals(self, layer: QgsVectorLayer) -> None:
        pairs = [
            (layer.selectionChanged, self._layer_selection_changed),
            (layer.attributeValueChanged, self._attribute_changed),
            (layer.featureAdded, self._schedule_reload),
            (layer.featuresDeleted, self._schedule_reload),
            (layer.beforeCommitChanges, self._before_commit),
            (layer.afterRollBack, self._saved_or_discarded),
            (layer.afterCommitChanges, self._saved_or_discarded),
            (layer.dataSourceChanged, self._reload),
            (layer.willBeDeleted, self._layer_deleted),
            (layer.undoStack().indexChanged, self._undo_index_changed),
        ]
        for signal, slot in pairs:
            signal.connect(slot)
        self._connections = pairs

    def _unbind(self) -> None:
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connections = []
        self.layer = None
        self._current_fid = None
        self.model.set_layer(None)
        self.reviews.bind(None)
        self._fill_unit_filter()
        self._set_bound(False)
        self._clear_details()

    def unload(self) -> None:
        """Disconnect from layers and the project (the plugin calls this before deleting)."""
        self._unbind()
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except (TypeError, RuntimeError):
            pass

    def _layer_chosen(self, layer) -> None:
        self.set_layer(layer)

    def _layer_deleted(self) -> None:
        self.set_layer(None)

    def _layers_added(self, layers) -> None:
        if self.layer is None:
            for layer in layers:
                if is_identification_layer(layer):
                    self.set_layer(layer)
                    break
        if self.buildingsCombo.currentLayer() is None:
            self.buildingsCombo.setLayer(guess_buildings_layer())

    def _set_bound(self, bound: bool) -> None:
        for widget in (
            self.typeFilter,
            self.verdictFilter,
            self.statusFilter,
            self.searchEdit,
            self.changedOnlyCheck,
            self.parcelView,
            self.detailWidget,
            self.decisionFrame,
            self.prevButton,
            self.nextButton,
            self.exportButton,
        ):
            widget.setEnabled(bound)
        has_unit = bound and self.layer is not None and self.layer.fields().indexOf("unit_id") >= 0
        self.unitFilter.setEnabled(has_unit)
        self.unitFilter.setToolTip(
            tr("按再开发单元（unit_id）筛选")
            if has_unit
            else tr("图层没有 unit_id 字段（再开发单元），不能按单元筛选")
        )
        self._update_decision_buttons()

    def _fill_unit_filter(self) -> None:
        self.unitFilter.blockSignals(True)
        self.unitFilter.clear()
        self.unitFilter.addItem(tr("全部单元"), None)
        if self.layer is not None and self.layer.fields().indexOf("unit_id") >= 0:
            for unit in self.model.unit_ids():
                self.unitFilter.addItem(unit, unit)
        self.unitFilter.blockSignals(False)
        self.proxy.set_filter(unit_value=None)

    # ------------------------------------------------------------------ layer signals

    def _attribute_changed(self, fid, index, value) -> None:
        if self.layer is None:
            return
        name = (
            self.layer.fields().at(index).name() if 0 <= index < self.layer.fields().count() else ""
        )
        self.model.update_value(fid, name, value)
        if fid == self._current_fid and name in ("review_note", "review_type"):
            self._inputs_stale = True
        self._schedule_refresh()

    def _undo_index_changed(self, _index) -> None:
        self._refresh()

    def _schedule_refresh(self, *_args) -> None:
        if not self._refresh_scheduled:
            self._refresh_scheduled = True
            QTimer.singleShot(0, self._refresh)

    def _schedule_reload(self, *_args) -> None:
        QTimer.singleShot(0, self._reload)

    def _saved_or_discarded(self, *_args) -> None:
        """After a commit or rollback: no unsaved decisions of this reviewer are left."""
        self.reviews.forget_own()
        self._reload()

    def _reload(self, *_args) -> None:
        if self.layer is None:
            return
        fid = self._current_fid
        self.model.reload()
        self.reviews.reload()
        self._fill_unit_filter()
        if fid is not None:
            self.select_fid(fid, zoom=False)
        self._refresh()

    def _refresh(self, populate_inputs: bool = False) -> None:
        """Counter and details after a change (decision, undo/redo, edits elsewhere)."""
        self._refresh_scheduled = False
        self._refresh_progress()
        if self._current_fid is not None and self.proxy.row_of_fid(self._current_fid) is None:
            self._current_fid = None
            self._clear_details()
        self._refresh_details(populate_inputs or self._inputs_stale)

    def _refresh_progress(self) -> None:
        total = self.proxy.rowCount()
        done = self.proxy.reviewed_count()
        self.progressLabel.setText(tr("已核查 {0} / {1}").format(done, total))
        self.progressLabel.setToolTip(tr("列表中当前显示的宗地里已作出核查决定的数量"))
        self.reviewed_count, self.shown_count = done, total

    # ------------------------------------------------------------------ filters

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_filter(
            type_value=self.typeFilter.currentData(),
            verdict_value=self.verdictFilter.currentData(),
            status_value=self.statusFilter.currentData(),
            unit_value=self.unitFilter.currentData() if self.unitFilter.isEnabled() else None,
            changed_only=self.changedOnlyCheck.isChecked(),
            text=self.searchEdit.text().strip().lower(),
        )
        if self._current_fid is not None:
            row = self.proxy.row_of_fid(self._current_fid)
            if row is not None:
                self.parcelView.scrollTo(self.proxy.index(row, 0))
        self._refresh()

    def set_filters(self, **values) -> None:
        """Set filter widgets by value: ``verdict='lowland'``, ``status``, ``type``,
        ``unit``, ``changed_only``, ``text`` (what a user does in the dock)."""
        combos = {
            "verdict": self.verdictFilter,
            "status": self.statusFilter,
            "type": self.typeFilter,
            "unit": self.unitFilter,
        }
        for key, value in values.items():
            if key in combos:
                combo = combos[key]
                combo.setCurrentIndex(max(combo.findData(value), 0))
            elif key == "changed_only":
                self.changedOnlyCheck.setChecked(bool(value))
            elif key == "text":
                self.searchEdit.setText(value or "")
            else:
                raise KeyError(key)

    # ------------------------------------------------------------------ selection

    def current_fid(self) -> int | None:
        return self._current_fid

    def visible_fids(self) -> list[int]:
        """Feature ids of the rows shown, in their order."""
        return self.proxy.shown_fids()

    def select_row(self, row: int, zoom: bool = True) -> None:
        """Make ``row`` (of the shown rows) current: selects and zooms to its parcel."""
        if not 0 <= row < self.proxy.rowCount():
            return
        index = self.proxy.index(row, ParcelTableModel.COLUMNS.index("parcel_id"))
        self._zoom_next = zoom
        self.parcelView.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )
        self.parcelView.scrollTo(index)
        self._zoom_next = True

    def select_fid(self, fid: int, zoom: bool = True) -> bool:
        row = self.proxy.row_of_fid(fid)
        if row is None:
            return False
        self.select_row(row, zoom)
        return True

    def select_parcel(self, parcel_id: str, zoom: bool = True) -> bool:
        """Select the parcel with this ``parcel_id`` if it is shown."""
        fid = self.model.fid_of_parcel(parcel_id)
        return fid is not None and self.select_fid(fid, zoom)

    def next_parcel(self) -> None:
        self._step(1)

    def previous_parcel(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        count = self.proxy.rowCount()
        if not count:
            return
        row = self.proxy.row_of_fid(self._current_fid) if self._current_fid is not None else None
        if row is None:
            row = 0 if delta > 0 else count - 1
        else:
            row = min(max(row + delta, 0), count - 1)
        self.select_row(row)

    def _current_row_changed(self, current, _previous) -> None:
        if not current.isValid() or self.layer is None:
            return
        fid = self.proxy.fid_at(current)
        changed = fid != self._current_fid
        self._current_fid = fid
        if not self._syncing:
            self._syncing = True
            try:
                self.layer.selectByIds([fid])
            finally:
                self._syncing = False
            if getattr(self, "_zoom_next", True):
                self._zoom_to(fid)
        if changed:
            self._show_error("")
        self._refresh_details(populate_inputs=changed)

    def _layer_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        self._sync_from_layer_selection()

    def _sync_from_layer_selection(self) -> None:
        """Selecting on the map selects the row (the first selected parcel shown)."""
        if self.layer is None:
            return
        selected = self.layer.selectedFeatureIds()
        if not selected or self._current_fid in selected:
            return
        rows = [r for r in (self.proxy.row_of_fid(fid) for fid in selected) if r is not None]
        self._syncing = True
        try:
            if rows:
                self.select_row(min(rows), zoom=False)
                self._show_message("")
            else:
                self._show_message(
                    tr("地图上所选的宗地不在当前筛选结果中。"), error=False, timeout=True
                )
        finally:
            self._syncing = False

    def _zoom_to(self, fid: int) -> None:
        if self.iface is None or self.layer is None:
            return
        feature = self.layer.getFeature(fid)
        if not feature.hasGeometry():
            return
        canvas = self.iface.mapCanvas()
        rect = feature.geometry().boundingBox()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != self.layer.crs():
            transform = QgsCoordinateTransform(self.layer.crs(), destination, QgsProject.instance())
            try:
                rect = transform.transformBoundingBox(rect)
            except QgsCsException:
                return
        size = max(rect.width(), rect.height(), 50.0)
        rect.grow(size * 1.2)  # the neighbours too: a parcel is judged in its setting
        canvas.setExtent(rect)
        canvas.refresh()
        canvas.flashFeatureIds(self.layer, [fid])

    # ------------------------------------------------------------------ details

    def _clear_details(self) -> None:
        self.details.clear(has_layer=self.layer is not None)
        self._update_decision_buttons()

    def _refresh_details(self, populate_inputs: bool = False) -> None:
        if self.layer is None or self._current_fid is None:
            self._clear_details()
            return
        feature = self.layer.getFeature(self._current_fid)
        if not feature.isValid():
            self._clear_details()
            return
        self.details.show(feature, self.layer.crs())
        if populate_inputs:
            self._inputs_stale = False
            self.noteEdit.setText(python_value(feature["review_note"]) or "")
            review_type = python_value(feature["review_type"])
            self.overrideTypeCombo.setCurrentIndex(
                max(self.overrideTypeCombo.findData(review_type), 0)
            )
        self._update_decision_buttons()

    # ------------------------------------------------------------------ decisions

    def _update_decision_buttons(self) -> None:
        has_row = self.layer is not None and self._current_fid is not None
        for button in (self.confirmButton, self.rejectButton, self.overrideButton):
            button.setEnabled(has_row)
        self.resetButton.setEnabled(has_row)

    def _remember_reviewer(self) -> None:
        name = self.reviewerEdit.text().strip()
        if name:
            QSettings().setValue(REVIEWER_KEY, name)

    def apply_decision(self, action: str) -> bool:
        """Confirm / reject / override / reset the current parcel through the edit buffer.

        What is written comes from :func:`core.review.decide`; its refusal is shown in
        the dock and nothing is written. One edit command per decision (undo/redo).
        """
        self._show_error("")
        if self.layer is None or self._current_fid is None:
            self._show_error(tr("请先在列表中选择一宗地。"))
            return False
        fid = self._current_fid
        feature = self.layer.getFeature(fid)
        reviewer = self.reviewerEdit.text().strip()
        new_type = self.overrideTypeCombo.currentData() if action == "override" else None
        try:
            decision = decide(
                action,
                python_value(feature["verdict"]),
                python_value(feature["lowland_type"]),
                reviewer,
                self.noteEdit.text(),
                new_type,
            )
        except LowlandInputError as err:
            self._show_error(localised(str(err)))
            return False
        if reviewer:
            QSettings().setValue(REVIEWER_KEY, reviewer)
        parcel_id = python_value(feature["parcel_id"])
        try:
            self.reviews.check_unchanged(fid, parcel_id)
        except ReviewConflictError as err:
            self._reload()
            self._show_error(localised(str(err)))
            return False
        labels = {
            "confirm": tr("确认"),
            "reject": tr("否定"),
            "override": tr("改判"),
            "reset": tr("重置"),
        }
        old_row = self.proxy.row_of_fid(fid)
        description = tr("地块核查 {0}：{1}").format(parcel_id, labels[action])
        problem = self.reviews.write(fid, decision.values, description)
        if problem:
            self._show_error(problem)
            return False
        if self.proxy.row_of_fid(fid) is None and old_row is not None and self.proxy.rowCount():
            # the decided parcel left the filtered list (e.g. 待核查): go on with the next
            self.select_row(min(old_row, self.proxy.rowCount() - 1))
        self._refresh(populate_inputs=True)
        return True

    def _before_commit(self, *_args) -> None:
        """On save: decisions on parcels someone else decided and saved meanwhile are
        dropped for theirs (:meth:`ReviewStore.drop_conflicts`), and the reviewer is told
        which."""
        dropped = self.reviews.drop_conflicts()
        if dropped:
            self._show_error(localised(commit_conflict_message(dropped)))

    # ------------------------------------------------------------------ export

    def export_log(self, path: str | None = None) -> int | None:
        """Write the review log (decided parcels) as CSV; asks for the file when no path.
        Returns the number of rows written (None when cancelled or failed)."""
        self._show_error("")
        if self.layer is None:
            self._show_error(tr("请先选择低效用地认定结果图层。"))
            return None
        if path is None:
            source = _file_of(self.layer)
            folder = source.parent if source is not None else Path.home()
            default = folder / (tr("地块核查记录") + ".csv")
            path, _filter = QFileDialog.getSaveFileName(
                self, tr("导出核查记录"), str(default), tr("CSV 文件 (*.csv)")
            )
            if not path:
                return None
            if not path.lower().endswith(".csv"):
                path += ".csv"
        try:
            count = write_review_log(review_frame(self.layer), path, language())
        except OSError as err:
            self._show_error(tr("无法写入 {0}：{1}").format(path, err))
            return None
        if self.iface is not None:
            self.iface.messageBar().pushMessage(
                tr("地块核查"),
                tr("已导出 {0} 条核查记录：{1}").format(count, path),
                level=Qgis.Success,
                duration=8,
            )
        return count

    # ------------------------------------------------------------------ messages

    def _show_message(self, text: str, error: bool = False, timeout: bool = False) -> None:
        self.messageLabel.setText(text)
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.messageLabel.setVisible(bool(text))
        if timeout and text:
            QTimer.singleShot(
                5000, lambda: self.messageLabel.text() == text and self._show_message("")
            )

    def _show_error(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.setStyleSheet(_ERROR_STYLE)
        self.errorLabel.setVisible(bool(text))

    def message_text(self) -> str:
        return self.messageLabel.text()

    def error_text(self) -> str:
        return self.errorLabel.text()
