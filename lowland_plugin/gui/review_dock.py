"""地块核查 review dock: walk through the parcels of an identification result, check each
against the map and the rules, and confirm, reject or override the computed verdict.

The dock is thin: what a decision writes comes from :func:`core.review.decide`, the
readable reasons from :func:`core.identify.review.reason_lines` (sentences of
:mod:`core.common.reason_text`), the log from
:func:`core.review.write_review_log`. Decisions go through the layer's edit buffer
(one edit command each), so QGIS undo/redo works and nothing is saved until the
user saves the layer.

Several reviewers may work on one table (PostGIS). A decision is written only on the
state the reviewer's list was loaded with: when someone else saved a decision on the
parcel meanwhile, it is refused and the list re-read; on saving, decisions on parcels
someone else saved first are dropped for theirs, with a message
(:class:`bridge.reviews.ReviewStore`, :func:`core.review.check_decision_unchanged`).

The parts: the list :mod:`.review_model` and its :mod:`.review_filters`, the detail panel
:mod:`.review_details`, the decision inputs :mod:`.review_decision`.
"""

from __future__ import annotations

from functools import partial

from qgis.core import (
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QItemSelectionModel, QSettings, QTimer
from qgis.PyQt.QtGui import QKeySequence

from ..bridge.inputs import cut_fields_of
from ..bridge.layers import python_value
from ..bridge.reviews import ReviewStore
from ..core.common.errors import LowlandInputError
from ..core.common.resources import PLUGIN_ROOT
from ..core.identify.review import (
    ReviewConflictError,
    commit_conflict_message,
    decide,
    missing_identification_fields,
)
from ..i18n import tr
from .common import DockShortcuts, zoom_to_feature
from .plan_inputs import layer_for_role
from .review_decision import DecisionPanel, action_label, action_tip
from .review_details import ParcelDetails
from .review_export import export_meeting_minutes, export_review_log
from .review_filters import ParcelFilterBar
from .review_model import (
    ParcelFilterProxy,
    ParcelTableModel,
    fit_parcel_columns,
    guess_buildings_layer,
    is_identification_layer,
    localised,
    setup_parcel_view,
    units_of_parcels,
)

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "review_dock.ui"))

#: QSettings key of the reviewer's name (remembered between sessions).
REVIEWER_KEY = "lowland/reviewer"
#: Styles of the message and error labels.
_ERROR_STYLE = "color: #b42318;"
_INFO_STYLE = "color: #444444;"


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
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(5000)
        self._message_timer.timeout.connect(lambda: self._show_message(""))

        self.model = ParcelTableModel(self)
        self.proxy = ParcelFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.details = ParcelDetails(self)
        self.filters = ParcelFilterBar(self, self.proxy)
        self.decisions = DecisionPanel(self)
        setup_parcel_view(self.parcelView, self.proxy)
        self.splitter.setStretchFactor(0, 1)  # the list grows as much as the details
        self.splitter.setStretchFactor(1, 1)

        for combo in (self.layerCombo, self.buildingsCombo):
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self.reviewerEdit.setText(QSettings().value(REVIEWER_KEY, "", type=str))

        self._setup_texts()
        self.filters.setup()
        self.decisions.setup()
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
        self.setWindowTitle(tr("地块核查"))
        self.layerLabel.setText(tr("结果图层"))
        self.layerCombo.setToolTip(tr("低效用地认定（lowland:identifyparcels）的结果图层"))
        self.buildingsLabel.setText(tr("建筑图层"))
        self.buildingsCombo.setToolTip(tr("可选：列出与所选宗地相交的建筑"))
        self.exportButton.setText(tr("导出会议纪要…"))
        self.exportButton.setToolTip(
            tr(
                "把已核查宗地导出为会议纪要（XLSX 或 CSV，含未保存的编辑）：面积、单元、"
                "认定结论与理由、核查决定、核查人、意见和时间"
            )
        )
        self.parcelView.setToolTip(
            tr("按住 Ctrl 或 Shift 可选择多宗地，一次作出同一决定（一步可撤销）")
        )

    def _setup_shortcuts(self) -> None:
        """Alt+Down/Up/C/R/O on the dock, winning over the menu bar's (:mod:`.common`)."""
        specs = [
            ("Alt+Down", self.next_parcel, self.nextButton, tr("下一宗（{0}）")),
            ("Alt+Up", self.previous_parcel, self.prevButton, tr("上一宗（{0}）")),
        ]
        for sequence, action in (("Alt+C", "confirm"), ("Alt+R", "reject"), ("Alt+O", "override")):
            slot = partial(self.apply_decision, action)
            specs.append((sequence, slot, self.decisions.buttons[action], action_tip(action)))
        keys = DockShortcuts(self)
        for sequence, slot, button, tip in specs:
            shortcut = keys.add(sequence, slot)
            button.setToolTip(
                tip.format(shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
            )
        keys.claim_keys()
        self.shortcuts = keys.shortcuts

    def _connect_widgets(self) -> None:
        self.layerCombo.layerChanged.connect(self.set_layer)
        self.buildingsCombo.layerChanged.connect(lambda _layer: self._refresh_details())
        self.filters.connect(self._filters_changed)
        self.parcelView.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.nextButton.clicked.connect(self.next_parcel)
        self.prevButton.clicked.connect(self.previous_parcel)
        self.decisions.connect(self.apply_decision)
        self.exportButton.clicked.connect(lambda: self.export_minutes())
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
        """Bind ``layer``; a layer that is no identification result is refused with a
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
        cut = cut_fields_of(layer, missing)
        if cut:
            self._show_message(
                tr(
                    "图层「{0}」是 Shapefile，字段名被截断为 10 个字符（{1}），"
                    "核查无法写回完整字段：请把认定结果保存为 GeoPackage 后再核查。"
                ).format(layer.name(), ", ".join(cut)),
                error=True,
            )
            return False
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
        self.model.unit_of = self._units_of(layer)
        self.model.set_layer(layer)
        self.reviews.bind(layer)
        fit_parcel_columns(self.parcelView)
        self._fill_unit_filter()
        if self.buildingsCombo.currentLayer() is None:
            self.buildingsCombo.setLayer(guess_buildings_layer())
        self._show_message("")
        self._set_bound(True)
        self._sync_from_layer_selection()
        self._refresh_progress()
        return True

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
            self.parcelView,
            self.detailWidget,
            self.decisionFrame,
            self.prevButton,
            self.nextButton,
            self.exportButton,
        ):
            widget.setEnabled(bound)
        self.filters.set_enabled(bound, bound and self._has_units())
        self._update_decision_buttons()

    def _has_units(self) -> bool:
        return self.layer is not None and self.model.has_units()

    @staticmethod
    def _units_of(layer: QgsVectorLayer) -> dict[int, str]:
        """Feature id → unit for a result without ``unit_id`` (identified before the
        units were drawn): the units layer of the project, by position."""
        if layer.fields().indexOf("unit_id") >= 0:
            return {}
        return units_of_parcels(layer, layer_for_role("UNITS"))

    def _fill_unit_filter(self) -> None:
        self.filters.fill_units(self.model.unit_ids() if self._has_units() else [])

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
        self.filters.apply()
        if self._current_fid is not None:
            row = self.proxy.row_of_fid(self._current_fid)
            if row is not None:
                self.parcelView.scrollTo(self.proxy.index(row, 0))
        self._refresh()

    def set_filters(self, **values) -> None:
        """Set filter widgets by value: ``verdict='lowland'``, ``status``, ``type``,
        ``unit``, ``changed_only``, ``text`` (what a user does in the dock)."""
        self.filters.set_values(**values)

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
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
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
        if self.iface is not None and self.layer is not None:
            zoom_to_feature(self.iface.mapCanvas(), self.layer, fid)

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
            self.decisions.show_inputs(feature)
        self._update_decision_buttons()

    # ------------------------------------------------------------------ decisions

    def _update_decision_buttons(self) -> None:
        self.decisions.set_enabled(self.layer is not None and self._current_fid is not None)

    def _remember_reviewer(self) -> None:
        name = self.decisions.reviewer()
        if name:
            QSettings().setValue(REVIEWER_KEY, name)

    def selected_fids(self) -> list[int]:
        """Feature ids of the selected rows, in list order."""
        rows = sorted({index.row() for index in self.parcelView.selectionModel().selectedRows()})
        return [self.proxy.fid_at(self.proxy.index(row, 0)) for row in rows]

    def select_fids(self, fids) -> None:
        """Select these parcels' rows (what Ctrl+click does), the first one current."""
        rows = sorted(r for r in (self.proxy.row_of_fid(f) for f in fids) if r is not None)
        if not rows:
            return
        self.select_row(rows[0], zoom=False)
        selection = self.parcelView.selectionModel()
        for row in rows[1:]:
            selection.select(
                self.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def apply_decision(self, action: str) -> bool:
        """Confirm / reject / override / reset the current parcel through the edit buffer,
        or every selected parcel when several are selected (:meth:`apply_batch`).

        What is written comes from :func:`core.review.decide`; its refusal is shown in
        the dock and nothing is written. One edit command per decision (undo/redo).
        """
        self._show_error("")
        if self.layer is None or self._current_fid is None:
            self._show_error(tr("请先在列表中选择一宗地。"))
            return False
        selected = self.selected_fids()
        if len(selected) > 1:
            return self.apply_batch(action, selected)
        fid = self._current_fid
        feature = self.layer.getFeature(fid)
        reviewer = self.decisions.reviewer()
        try:
            decision = decide(
                action,
                python_value(feature["verdict"]),
                python_value(feature["lowland_type"]),
                reviewer,
                self.decisions.note(),
                self.decisions.new_type(action),
            )
        except LowlandInputError as err:
            self._show_error(localised(err))
            return False
        self._remember_reviewer()
        parcel_id = python_value(feature["parcel_id"])
        try:
            self.reviews.check_unchanged(fid, parcel_id)
        except ReviewConflictError as err:
            self._reload()
            self._show_error(localised(err))
            return False
        old_row = self.proxy.row_of_fid(fid)
        description = tr("地块核查 {0}：{1}").format(parcel_id, action_label(action))
        problem = self.reviews.write(fid, decision.values, description)
        if problem:
            self._show_error(problem)
            return False
        if self.proxy.row_of_fid(fid) is None and old_row is not None and self.proxy.rowCount():
            # the decided parcel left the filtered list (e.g. 待核查): go on with the next
            self.select_row(min(old_row, self.proxy.rowCount() - 1))
        self._refresh(populate_inputs=True)
        return True

    def apply_batch(self, action: str, fids: list[int]) -> bool:
        """One decision for several parcels, written as ONE edit command (one undo
        restores them all). All or nothing: when the decision does not apply to some
        parcel (e.g. rejecting a parcel that is not low-efficiency) nothing is written
        and the refused parcels are named."""
        assert self.layer is not None
        decisions: dict[int, dict] = {}
        refused: dict[str, list[str]] = {}
        for fid in fids:
            feature = self.layer.getFeature(fid)
            parcel_id = str(python_value(feature["parcel_id"]))
            try:
                decision = decide(
                    action,
                    python_value(feature["verdict"]),
                    python_value(feature["lowland_type"]),
                    self.decisions.reviewer(),
                    self.decisions.note(),
                    self.decisions.new_type(action),
                )
                self.reviews.check_unchanged(fid, parcel_id)
            except ReviewConflictError as err:
                self._reload()
                self._show_error(localised(err))
                return False
            except LowlandInputError as err:
                refused.setdefault(localised(err), []).append(parcel_id)
                continue
            decisions[fid] = decision.values
        if refused:
            lines = [
                tr("{0}（{1} 宗：{2}）").format(why, len(ids), ", ".join(ids[:8]))
                + ("…" if len(ids) > 8 else "")
                for why, ids in refused.items()
            ]
            self._show_error(
                tr("批量决定未写入，{0} 宗不能作此决定：").format(sum(map(len, refused.values())))
                + "\n"
                + "\n".join(lines)
            )
            return False
        self._remember_reviewer()
        description = tr("地块核查 {0} 宗：{1}").format(len(decisions), action_label(action))
        problem = self.reviews.write_many(decisions, description)
        if problem:
            self._show_error(problem)
            return False
        self._show_message(
            tr("已对 {0} 宗地作出决定：{1}（一步可撤销）").format(
                len(decisions), action_label(action)
            ),
            timeout=True,
        )
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
        return export_review_log(self, path)

    def export_minutes(self, path: str | None = None) -> int | None:
        """Write the meeting minutes (会议纪要, :mod:`bridge.minutes`) of the decided
        parcels as XLSX or CSV (by the suffix); asks for the file when no path. Returns
        the number of rows (None when cancelled or failed)."""
        self._show_error("")
        if self.layer is None:
            self._show_error(tr("请先选择低效用地认定结果图层。"))
            return None
        return export_meeting_minutes(self, path)

    # ------------------------------------------------------------------ messages

    def _show_message(self, text: str, error: bool = False, timeout: bool = False) -> None:
        self.messageLabel.setText(text)
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.messageLabel.setVisible(bool(text))
        if timeout and text:
            # a timer owned by the dock: it dies with it (a bare singleShot could fire
            # on a deleted label)
            self._message_timer.start()
        else:
            self._message_timer.stop()  # a lasting message is not cleared by an old timer

    def _show_error(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.setStyleSheet(_ERROR_STYLE)
        self.errorLabel.setVisible(bool(text))

    def message_text(self) -> str:
        return self.messageLabel.text()

    def error_text(self) -> str:
        return self.errorLabel.text()
