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
(:func:`core.review.check_decision_unchanged`).
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path

import pandas as pd
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QVariant,
)
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QKeySequence
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QShortcut,
    QTableWidgetItem,
    QWidget,
)

from ..core.common.codes import LOWLAND_TYPES, sandiao_table
from ..core.common.errors import LowlandInputError
from ..core.common.fields import field_aliases, field_units, value_label
from ..core.common.resources import PLUGIN_ROOT
from ..core.identify.review import (
    DECISION_FIELDS,
    LOG_COLUMNS,
    REVIEW_FIELDS,
    STATUSES,
    ReviewConflictError,
    check_decision_unchanged,
    commit_conflict_message,
    decide,
    missing_identification_fields,
    reason_lines,
    write_review_log,
)
from ..i18n import language, tr

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "review_dock.ui"))

#: QSettings key of the reviewer's name (remembered between sessions).
REVIEWER_KEY = "lowland/reviewer"
#: In a PostgreSQL transaction (project transaction mode), how long a decision waits for a
#: parcel another reviewer holds in an unsaved transaction before it gives up (instead of
#: QGIS freezing until they save).
LOCK_TIMEOUT_MS = 3000
#: Computed verdicts, in the order the filter offers them.
VERDICTS = ("lowland", "not_lowland", "excluded")
#: Fields the list keeps in memory (those the layer has): enough to show, sort and filter.
LIST_FIELDS = (
    "parcel_id",
    "owner",
    "verdict",
    "lowland_type",
    "current_type",
    "review_status",
    "final_verdict",
    "final_type",
    "verdict_changed",
    "reviewed_verdict",
    "area_mu",
    "unit_id",
)
#: Indicators shown in the detail panel (those the layer has), in order.
INDICATOR_FIELDS = (
    "area_m2",
    "area_mu",
    "gfa",
    "far",
    "building_density",
    "building_count",
    "danger_cd_share",
    "oldest_year",
    "newest_year",
    "gfa_unknown_count",
    "tax_per_mu",
    "industry_code",
    "years_operating",
    "current_dlbm",
    "land_category",
    "current_type",
    "plan_code",
    "criteria_met",
)
#: Key attributes of a building (those the buildings layer has).
BUILDING_FIELDS = ("building_id", "floors", "gfa", "year_built", "danger_grade")
#: Fields whose values are calendar years: no unit, no thousands separator.
_YEAR_FIELDS = {"oldest_year", "newest_year", "year_built"}
#: Decimals shown for measured values (as the outputs round them).
_DECIMALS = {
    "area_m2": 2,
    "ellipsoid_area_m2": 2,
    "gfa": 2,
    "area_mu": 4,
    "far": 4,
    "building_density": 4,
    "danger_cd_share": 4,
}
#: Coded fields shown by their label.
_CODED_FIELDS = {"current_type", "land_category", "danger_grade", "lowland_type", "verdict"}

_STATUS_COLOURS = {
    "pending": "#6b6b6b",
    "confirmed": "#1a7f37",
    "rejected": "#b42318",
    "overridden": "#1f5fbf",
}
_CHANGED_BACKGROUND = QColor(255, 236, 179)
_MET_FOREGROUND = QColor(155, 28, 28)
_MET_BACKGROUND = QColor(253, 236, 234)
_HEADER_BACKGROUND = QColor(236, 236, 236)
_ERROR_STYLE = "color: #b42318;"
_INFO_STYLE = "color: #444444;"


# ----------------------------------------------------------------------------- helpers


def py_value(value):
    """A Python value for a QGIS attribute: None for NULL / invalid QVariant."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def localised(message: str) -> str:
    """The part of a bilingual core message ("中文 / English") in the interface language."""
    if " / " not in message:
        return message
    zh, en = message.split(" / ", 1)
    return en if language() == "en" else zh


def _number(value, decimals: int | None = None) -> str:
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return "—"
        if decimals is not None:
            return f"{value:,.{decimals}f}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def _unit(field: str) -> str:
    """The unit of ``field`` in the interface language ('' for years and unit-less values)."""
    if field in _YEAR_FIELDS:
        return ""
    unit = field_units([field]).get(field, "")
    names = {
        "亩": tr("亩"),
        "万元/亩": tr("万元/亩"),
        "年": tr("年"),
        "栋": tr("栋"),
        "层": tr("层"),
    }
    return names.get(unit, unit)


def _field_label(field: str) -> str:
    """Alias of ``field`` in the interface language (the field name when it has none)."""
    return field_aliases([field], language()).get(field, field)


def display_value(field: str, value) -> str:
    """A value as a planner reads it: coded values by label, numbers with their unit."""
    value = py_value(value)
    if value is None or value == "":
        return "—"
    if field in _CODED_FIELDS and isinstance(value, str):
        return value_label(field, value, language())
    if field in _YEAR_FIELDS:
        return str(int(value)) if isinstance(value, float) else str(value)
    text = _number(value, _DECIMALS.get(field))
    unit = _unit(field)
    return f"{text} {unit}" if unit else text


def verdict_text(verdict, lowland_type) -> str:
    """低效用地 · 低效工业(物流仓储), 非低效用地 …"""
    lang = language()
    if verdict is None:
        return "—"
    text = value_label("verdict", verdict, lang)
    if verdict == "lowland" and lowland_type:
        text += " · " + value_label("lowland_type", lowland_type, lang)
    return text


def verdict_key_text(key) -> str:
    """A ``reviewed_verdict`` key (``lowland:industrial``) as readable text."""
    if not key:
        return "—"
    verdict, _, lowland_type = str(key).partition(":")
    return verdict_text(verdict, lowland_type or None)


def _survey_names() -> dict[str, str]:
    if not hasattr(_survey_names, "cache"):
        _survey_names.cache = sandiao_table()["name"].to_dict()
    return _survey_names.cache


def survey_class_name(code: str) -> str:
    names = _survey_names()
    for key in (code, code[:4], code[:2]):
        if key in names:
            return names[key]
    return "—"


def _file_of(layer: QgsVectorLayer) -> Path | None:
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    return Path(path) if path else None


# ----------------------------------------------------------------------------- list model


class ParcelTableModel(QAbstractTableModel):
    """The parcels of one identification layer: a snapshot of :data:`LIST_FIELDS`,
    kept current from the layer's attributeValueChanged signal (so edits, undo and redo
    show at once without re-reading the layer)."""

    COLUMNS = (
        "verdict_changed",
        "parcel_id",
        "verdict",
        "lowland_type",
        "review_status",
        "final_verdict",
        "area_mu",
        "owner",
    )
    SORT_ROLE = Qt.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layer: QgsVectorLayer | None = None
        self.fids: list[int] = []
        self.records: list[dict] = []
        self.row_of: dict[int, int] = {}

    # -- data
    def set_layer(self, layer: QgsVectorLayer | None) -> None:
        self.layer = layer
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.fids, self.records, self.row_of = [], [], {}
        if self.layer is not None:
            fields = self.layer.fields()
            names = [n for n in LIST_FIELDS if fields.indexOf(n) >= 0]
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            request.setSubsetOfAttributes(names, fields)
            for feature in self.layer.getFeatures(request):
                self.row_of[feature.id()] = len(self.fids)
                self.fids.append(feature.id())
                self.records.append({n: py_value(feature[n]) for n in names})
        self.endResetModel()

    def update_value(self, fid: int, name: str, value) -> None:
        row = self.row_of.get(fid)
        if row is None or name not in LIST_FIELDS:
            return
        self.records[row][name] = py_value(value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def status(self, row: int) -> str:
        return self.records[row].get("review_status") or "pending"

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.fids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt API)
        if orientation != Qt.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        name = self.COLUMNS[section]
        if role == Qt.DisplayRole:
            if name == "verdict_changed":
                return "⚠"
            return _field_label(name)
        if role == Qt.ToolTipRole:
            if name == "verdict_changed":
                return tr("⚠：重新认定后结论与核查时不同，请复核")
            return _field_label(name)
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        record = self.records[index.row()]
        name = self.COLUMNS[index.column()]
        value = record.get(name)
        if role == Qt.DisplayRole:
            return self._text(record, name)
        if role == self.SORT_ROLE:
            if name == "area_mu":
                return float(value) if value is not None else -math.inf
            if name == "verdict_changed":
                return 1 if value else 0
            return self._text(record, name)
        if role == Qt.ToolTipRole:
            if name == "verdict_changed" and value:
                return tr("重新认定后结论已变化：核查时为「{0}」，现为「{1}」。").format(
                    verdict_key_text(record.get("reviewed_verdict")),
                    verdict_text(record.get("verdict"), record.get("lowland_type")),
                )
            text = self._text(record, name)
            return text or None
        if role == Qt.BackgroundRole and record.get("verdict_changed"):
            return QBrush(_CHANGED_BACKGROUND)
        if role == Qt.ForegroundRole and name == "review_status":
            return QBrush(QColor(_STATUS_COLOURS.get(value or "pending", "#000000")))
        if role == Qt.ForegroundRole and name == "verdict_changed":
            return QBrush(QColor("#b45309"))
        if role == Qt.TextAlignmentRole:
            if name == "area_mu":
                return int(Qt.AlignRight | Qt.AlignVCenter)
            if name == "verdict_changed":
                return int(Qt.AlignCenter)
        return None

    @staticmethod
    def _text(record: dict, name: str) -> str:
        value = record.get(name)
        lang = language()
        if name == "verdict_changed":
            return "⚠" if value else ""
        if name == "area_mu":
            return "" if value is None else f"{float(value):,.2f}"
        if name == "final_verdict":  # a low-efficiency type says 低效… by itself
            final_type = record.get("final_type")
            if value == "lowland" and final_type:
                return value_label("lowland_type", final_type, lang)
            return value_label("verdict", value, lang) if value else ""
        if name in ("verdict", "lowland_type", "review_status"):
            if name == "review_status":
                value = value or "pending"
            return value_label(name, value, lang) if value else ""
        return "" if value is None else str(value)


class ParcelFilterProxy(QSortFilterProxyModel):
    """Filters of the list: type, verdict, review status, unit, changed only, text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.type_value: str | None = None
        self.verdict_value: str | None = None
        self.status_value: str | None = None
        self.unit_value: str | None = None
        self.changed_only = False
        self.text = ""
        self.setSortRole(ParcelTableModel.SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_filter(self, **values) -> None:
        for key, value in values.items():
            setattr(self, key, value)
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802 (Qt API)
        record = self.sourceModel().records[source_row]
        if self.verdict_value and record.get("verdict") != self.verdict_value:
            return False
        if self.status_value and (record.get("review_status") or "pending") != self.status_value:
            return False
        if self.type_value and self.type_value not in (
            record.get("lowland_type"),
            record.get("current_type"),
            record.get("final_type"),
        ):
            return False
        if self.unit_value is not None and str(record.get("unit_id")) != self.unit_value:
            return False
        if self.changed_only and not record.get("verdict_changed"):
            return False
        if self.text:
            haystack = f"{record.get('parcel_id') or ''}\n{record.get('owner') or ''}".lower()
            if self.text not in haystack:
                return False
        return True


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
        self._swallow_key: int | None = None
        self._zoom_next = True
        self._inputs_stale = False
        self.reviewed_count = 0
        # Several reviewers on one table (PostGIS): the review fields as the data source
        # held them when the list was loaded, and this reviewer's unsaved decisions.
        self._loaded: dict[int, dict] = {}
        self._own: dict[int, dict] = {}
        self._lock_limited = None  # the transaction whose lock_timeout is set
        self.shown_count = 0

        self.model = ParcelTableModel(self)
        self.proxy = ParcelFilterProxy(self)
        self.proxy.setSourceModel(self.model)
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
        self._setup_tables()
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
        self.detailTabs.setTabText(0, tr("认定理由"))
        self.detailTabs.setTabText(1, tr("指标"))
        self.detailTabs.setTabText(2, tr("建筑"))
        self.detailTabs.setTabText(3, tr("三调地类"))
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

    def _setup_tables(self) -> None:
        for table in (self.indicatorTable, self.buildingTable, self.surveyTable):
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setHighlightSections(False)
            table.setAlternatingRowColors(True)
        self.indicatorTable.setColumnCount(2)
        self.indicatorTable.setHorizontalHeaderLabels([tr("指标"), tr("数值")])
        self.surveyTable.setColumnCount(3)
        self.surveyTable.setHorizontalHeaderLabels([tr("地类编码"), tr("地类名称"), tr("占比")])

    def _setup_shortcuts(self) -> None:
        """Alt+Down/Up/C/R/O on the dock (context: the dock and its children).

        QGIS's menu bar also owns Alt+C (Pro&cessing), Alt+R (&Raster) and Alt+O
        (Vect&or): two active shortcuts make Qt alternate between them. While the focus
        is in the dock, the event filter claims the key first (ShortcutOverride) and
        fires the dock's shortcut, so the menu does not open instead.
        """
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
        self.shortcuts: dict[str, QShortcut] = {}
        self._shortcut_keys: dict[int, QShortcut] = {}
        for sequence, slot, button, tip in specs:
            keys = QKeySequence(sequence)
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[sequence] = shortcut
            self._shortcut_keys[keys[0]] = shortcut
            button.setToolTip(tip.format(keys.toString(QKeySequence.NativeText)))
        for widget in [self, *self.findChildren(QWidget)]:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.ShortcutOverride, QEvent.KeyPress, QEvent.KeyRelease):
            modifiers = int(event.modifiers()) & ~int(Qt.KeypadModifier)
            combined = int(event.key()) | modifiers
            shortcut = self._shortcut_keys.get(combined)
            if shortcut is not None and shortcut.isEnabled():
                if kind == QEvent.ShortcutOverride:
                    event.accept()
                    self._swallow_key = combined
                    shortcut.activated.emit()
                    return True
                if self._swallow_key == combined:
                    if kind == QEvent.KeyRelease:
                        self._swallow_key = None
                    return True
        return super().eventFilter(watched, event)

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
        self._own = {}
        self._loaded = self._stored_reviews()
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
        self._loaded, self._own = {}, {}
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
            units = {str(r["unit_id"]) for r in self.model.records if r.get("unit_id") is not None}
            for unit in sorted(units):
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
        self._own = {}
        self._reload()

    def _reload(self, *_args) -> None:
        if self.layer is None:
            return
        fid = self._current_fid
        self.model.reload()
        stored = self._stored_reviews()
        # parcels with an unsaved decision keep the state it was made on (checked on save)
        self._loaded = {
            f: self._loaded.get(f, v) if f in self._own else v for f, v in stored.items()
        }
        self._fill_unit_filter()
        if fid is not None:
            self.select_fid(fid, zoom=False)
        self._refresh()

    def _refresh(self, populate_inputs: bool = False) -> None:
        """Counter and details after a change (decision, undo/redo, edits elsewhere)."""
        self._refresh_scheduled = False
        self._refresh_progress()
        if self._current_fid is not None and self._proxy_row(self._current_fid) is None:
            self._current_fid = None
            self._clear_details()
        self._refresh_details(populate_inputs or self._inputs_stale)

    def _refresh_progress(self) -> None:
        total = self.proxy.rowCount()
        done = 0
        for row in range(total):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.status(source) != "pending":
                done += 1
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
            row = self._proxy_row(self._current_fid)
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

    def _proxy_row(self, fid: int) -> int | None:
        source = self.model.row_of.get(fid)
        if source is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        return index.row() if index.isValid() else None

    def visible_fids(self) -> list[int]:
        """Feature ids of the rows shown, in their order."""
        return [
            self.model.fids[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
            for r in range(self.proxy.rowCount())
        ]

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
        row = self._proxy_row(fid)
        if row is None:
            return False
        self.select_row(row, zoom)
        return True

    def select_parcel(self, parcel_id: str, zoom: bool = True) -> bool:
        """Select the parcel with this ``parcel_id`` if it is shown."""
        for row, record in enumerate(self.model.records):
            if record.get("parcel_id") == parcel_id:
                return self.select_fid(self.model.fids[row], zoom)
        return False

    def next_parcel(self) -> None:
        self._step(1)

    def previous_parcel(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        count = self.proxy.rowCount()
        if not count:
            return
        row = self._proxy_row(self._current_fid) if self._current_fid is not None else None
        if row is None:
            row = 0 if delta > 0 else count - 1
        else:
            row = min(max(row + delta, 0), count - 1)
        self.select_row(row)

    def _current_row_changed(self, current, _previous) -> None:
        if not current.isValid() or self.layer is None:
            return
        fid = self.model.fids[self.proxy.mapToSource(current).row()]
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
        rows = [r for r in (self._proxy_row(fid) for fid in selected) if r is not None]
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
        self.detailHeader.setText(
            tr("在列表中选择一宗地，或在地图上选择宗地。") if self.layer is not None else ""
        )
        self.reasonList.clear()
        self.indicatorTable.setRowCount(0)
        self.buildingTable.setRowCount(0)
        self.surveyTable.setRowCount(0)
        self.detailTabs.setTabText(2, tr("建筑"))
        self._update_decision_buttons()

    def _refresh_details(self, populate_inputs: bool = False) -> None:
        if self.layer is None or self._current_fid is None:
            self._clear_details()
            return
        feature = self.layer.getFeature(self._current_fid)
        if not feature.isValid():
            self._clear_details()
            return
        self._show_header(feature)
        self._show_reasons(feature)
        self._show_indicators(feature)
        self._show_buildings(feature)
        self._show_survey(feature)
        if populate_inputs:
            self._inputs_stale = False
            self.noteEdit.setText(py_value(feature["review_note"]) or "")
            review_type = py_value(feature["review_type"])
            self.overrideTypeCombo.setCurrentIndex(
                max(self.overrideTypeCombo.findData(review_type), 0)
            )
        self._update_decision_buttons()

    def _value(self, feature, name):
        return py_value(feature[name]) if feature.fields().indexOf(name) >= 0 else None

    def _show_header(self, feature) -> None:
        esc = html.escape
        parcel = esc(str(self._value(feature, "parcel_id") or "—"))
        owner = self._value(feature, "owner")
        verdict = self._value(feature, "verdict")
        lowland_type = self._value(feature, "lowland_type")
        status = self._value(feature, "review_status") or "pending"
        lines = [
            f"<span style='font-size:large'><b>{parcel}</b></span>"
            + (f"&nbsp;&nbsp;{esc(str(owner))}" if owner else "")
        ]
        criteria = self._value(feature, "criteria_met")
        verdict_line = tr("认定结论：{0}").format(
            f"<b>{esc(verdict_text(verdict, lowland_type))}</b>"
        )
        if criteria is not None:
            verdict_line += esc(tr("（满足认定标准 {0} 条）").format(criteria))
        colour = _STATUS_COLOURS.get(status, "#000000")
        status_text = esc(value_label("review_status", status, language()))
        verdict_line += "&nbsp;&nbsp;&nbsp;" + tr("核查状态：{0}").format(
            f"<b style='color:{colour}'>{status_text}</b>"
        )
        lines.append(verdict_line)
        if status != "pending":
            final = verdict_text(
                self._value(feature, "final_verdict"), self._value(feature, "final_type")
            )
            details = [tr("最终：{0}").format(final)]
            for name in ("reviewer", "reviewed_at"):
                value = self._value(feature, name)
                if value:
                    details.append(str(value).replace("T", " "))
            note = self._value(feature, "review_note")
            if note:
                details.append(tr("核查意见：{0}").format(note))
            lines.append(esc(" · ".join(details)))
        if self._value(feature, "verdict_changed"):
            lines.append(
                "<span style='color:#b45309'><b>⚠ "
                + esc(
                    tr("重新认定后结论已变化：核查时为「{0}」，现为「{1}」，请复核。").format(
                        verdict_key_text(self._value(feature, "reviewed_verdict")),
                        verdict_text(verdict, lowland_type),
                    )
                )
                + "</b></span>"
            )
        self.detailHeader.setText("<br>".join(lines))

    def _show_reasons(self, feature) -> None:
        self.reasonList.clear()
        try:
            lines = reason_lines(self._value(feature, "reasons"), language())
        except LowlandInputError as err:
            self.reasonList.addItem(localised(str(err)))
            return
        headings = {
            "exclusion": tr("排除情形"),
            "criterion": tr("认定标准"),
            "exemption": tr("豁免情形"),
        }
        bold = QFont(self.reasonList.font())
        bold.setBold(True)
        # what decided the verdict first: kinds with a met reason before the others
        kinds = list(dict.fromkeys(kind for kind, _met, _line in lines))
        decisive = {kind for kind, met, _line in lines if met}
        order = {kind: (kind not in decisive, i) for i, kind in enumerate(kinds)}
        lines = sorted(lines, key=lambda item: order[item[0]])
        kind_seen = None
        for kind, met, line in lines:
            if kind != kind_seen:
                kind_seen = kind
                heading = QListWidgetItem(headings.get(kind, kind or "—"))
                heading.setFont(bold)
                heading.setBackground(QBrush(_HEADER_BACKGROUND))
                heading.setFlags(Qt.ItemIsEnabled)
                heading.setData(Qt.UserRole, "heading")
                self.reasonList.addItem(heading)
            item = QListWidgetItem(("● " if met else "○ ") + line)
            item.setFlags(Qt.ItemIsEnabled)
            item.setData(Qt.UserRole, "met" if met else "not_met")
            item.setToolTip(line)
            if met:
                item.setFont(bold)
                item.setForeground(QBrush(_MET_FOREGROUND))
                item.setBackground(QBrush(_MET_BACKGROUND))
            else:
                item.setForeground(QBrush(QColor("#555555")))
            self.reasonList.addItem(item)
        if not lines:
            self.reasonList.addItem(tr("没有认定理由。"))

    def _show_indicators(self, feature) -> None:
        names = [n for n in INDICATOR_FIELDS if feature.fields().indexOf(n) >= 0]
        self.indicatorTable.setRowCount(len(names))
        for row, name in enumerate(names):
            label = QTableWidgetItem(_field_label(name))
            label.setToolTip(name)
            value = QTableWidgetItem(display_value(name, feature[name]))
            value.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
            self.indicatorTable.setItem(row, 0, label)
            self.indicatorTable.setItem(row, 1, value)
        self.indicatorTable.resizeColumnToContents(0)

    def buildings_of(self, feature) -> list:
        """Features of the chosen buildings layer whose interior meets the parcel's."""
        buildings = self.buildingsCombo.currentLayer()
        if not isinstance(buildings, QgsVectorLayer) or not feature.hasGeometry():
            return []
        geometry = QgsGeometry(feature.geometry())
        if buildings.crs() != self.layer.crs():
            transform = QgsCoordinateTransform(
                self.layer.crs(), buildings.crs(), QgsProject.instance()
            )
            try:
                geometry.transform(transform)
            except QgsCsException:
                return []
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        request = QgsFeatureRequest().setFilterRect(geometry.boundingBox())
        found = []
        for building in buildings.getFeatures(request):
            if not building.hasGeometry():
                continue
            shape = building.geometry().constGet()
            if engine.intersects(shape) and not engine.touches(shape):
                found.append(building)
        return found

    def _show_buildings(self, feature) -> None:
        table = self.buildingTable
        buildings_layer = self.buildingsCombo.currentLayer()
        table.clearSpans()
        if not isinstance(buildings_layer, QgsVectorLayer):
            table.setColumnCount(1)
            table.setHorizontalHeaderLabels([tr("建筑")])
            table.setRowCount(1)
            table.setItem(0, 0, QTableWidgetItem(tr("请在上方选择建筑图层。")))
            self.detailTabs.setTabText(2, tr("建筑"))
            return
        names = [n for n in BUILDING_FIELDS if buildings_layer.fields().indexOf(n) >= 0]
        found = self.buildings_of(feature)
        if "building_id" in names:
            found.sort(key=lambda f: str(py_value(f["building_id"])))
        table.setColumnCount(len(names))
        table.setHorizontalHeaderLabels([_field_label(n) for n in names])
        table.setRowCount(len(found))
        for row, building in enumerate(found):
            for column, name in enumerate(names):
                item = QTableWidgetItem(display_value(name, building[name]))
                if name != "building_id":
                    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                grade = py_value(building[name]) if name == "danger_grade" else None
                if grade in ("C", "D"):
                    item.setForeground(QBrush(_MET_FOREGROUND))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        self.detailTabs.setTabText(2, tr("建筑（{0}）").format(len(found)))

    def _show_survey(self, feature) -> None:
        table = self.surveyTable
        raw = self._value(feature, "survey_shares")
        try:
            shares = json.loads(raw) if raw else {}
        except (TypeError, json.JSONDecodeError):
            shares = {}
        items = sorted(shares.items(), key=lambda kv: -(kv[1] or 0))
        table.setRowCount(len(items))
        for row, (code, share) in enumerate(items):
            table.setItem(row, 0, QTableWidgetItem(str(code)))
            table.setItem(row, 1, QTableWidgetItem(survey_class_name(str(code))))
            value = QTableWidgetItem("—" if share is None else f"{float(share) * 100:.1f} %")
            value.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
            table.setItem(row, 2, value)
        table.resizeColumnsToContents()
        if not items:
            table.setRowCount(1)
            table.setItem(0, 0, QTableWidgetItem(tr("无三调数据（认定时未给出三调图层）")))
            table.setSpan(0, 0, 1, 3)
        else:
            table.clearSpans()

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
                py_value(feature["verdict"]),
                py_value(feature["lowland_type"]),
                reviewer,
                self.noteEdit.text(),
                new_type,
            )
        except LowlandInputError as err:
            self._show_error(localised(str(err)))
            return False
        if reviewer:
            QSettings().setValue(REVIEWER_KEY, reviewer)
        try:
            self._check_unchanged(fid, py_value(feature["parcel_id"]))
        except ReviewConflictError as err:
            self._reload()
            self._show_error(localised(str(err)))
            return False
        if not self.layer.isEditable() and not self.layer.startEditing():
            self._show_error(
                tr("图层「{0}」不能编辑（只读或数据源不支持编辑），核查决定未写入。").format(
                    self.layer.name()
                )
            )
            return False
        self._limit_lock_wait()
        labels = {
            "confirm": tr("确认"),
            "reject": tr("否定"),
            "override": tr("改判"),
            "reset": tr("重置"),
        }
        old_row = self._proxy_row(fid)
        fields = self.layer.fields()
        self.layer.beginEditCommand(
            tr("地块核查 {0}：{1}").format(py_value(feature["parcel_id"]), labels[action])
        )
        ok = True
        for name, value in decision.values.items():
            if not self.layer.changeAttributeValue(fid, fields.indexOf(name), value):
                ok = False
                break  # a locked row would make every further field wait again
        if not ok:
            self.layer.destroyEditCommand()
            if self.layer.dataProvider().transaction() is not None:
                self._show_error(
                    tr(
                        "写入数据库失败，核查决定未写入：该宗地可能正被其他核查人员编辑（尚未保存），"
                        "请稍后再试。"
                    )
                )
            else:
                self._show_error(tr("写入图层失败，核查决定未写入。"))
            return False
        self.layer.endEditCommand()
        self._own[fid] = dict(decision.values)
        if self._proxy_row(fid) is None and old_row is not None and self.proxy.rowCount():
            # the decided parcel left the filtered list (e.g. 待核查): go on with the next
            self.select_row(min(old_row, self.proxy.rowCount() - 1))
        self._refresh(populate_inputs=True)
        return True

    # ------------------------------------------------------------------ several reviewers

    def _stored_reviews(self, fids=None) -> dict[int, dict]:
        """Review fields as the data source holds them now (not the edit buffer): what
        another reviewer saved shows here, on a database also after the list was loaded."""
        if self.layer is None or self.layer.dataProvider() is None:
            return {}
        provider = self.layer.dataProvider()
        fields = provider.fields()
        names = [n for n in REVIEW_FIELDS if fields.indexOf(n) >= 0]
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(names, fields)
        if fids is not None:
            request.setFilterFids([f for f in fids if f >= 0])
        return {f.id(): {n: py_value(f[n]) for n in names} for f in provider.getFeatures(request)}

    def _limit_lock_wait(self) -> None:
        """In a PostgreSQL transaction, a decision on a parcel that another reviewer holds
        in an unsaved transaction fails after :data:`LOCK_TIMEOUT_MS` instead of waiting
        (QGIS would freeze until they save). Set once per transaction."""
        provider = self.layer.dataProvider() if self.layer is not None else None
        transaction = provider.transaction() if provider is not None else None
        if transaction is None or provider.name() != "postgres":
            return
        if self._lock_limited is transaction:
            return
        ok, _error = transaction.executeSql(f"SET lock_timeout = {int(LOCK_TIMEOUT_MS)}")
        if ok:
            self._lock_limited = transaction

    def _check_unchanged(self, fid: int, parcel_id) -> None:
        """Raise :class:`ReviewConflictError` when someone else saved a decision on this
        parcel since the list was loaded (:func:`core.review.check_decision_unchanged`)."""
        if fid < 0 or fid not in self._loaded:
            return  # a feature added in this session: nobody else can have decided it
        stored = self._stored_reviews([fid]).get(fid)
        if stored is not None:
            check_decision_unchanged(parcel_id, self._loaded[fid], stored, self._own.get(fid))

    def _before_commit(self, *_args) -> None:
        """On save (edit buffer): decisions on parcels that someone else decided and saved
        meanwhile are dropped for theirs, and the reviewer is told which. In a database
        transaction (project transaction mode) each decision went to the database at
        once, checked when made."""
        layer = self.layer
        if layer is None or layer.dataProvider().transaction() is not None:
            return
        buffer = layer.editBuffer()
        if buffer is None:
            return
        fields = layer.fields()
        decision_indexes = {fields.indexOf(n) for n in DECISION_FIELDS} - {-1}
        changed = buffer.changedAttributeValues()
        fids = [f for f, values in changed.items() if f >= 0 and decision_indexes & set(values)]
        stored = self._stored_reviews(fids)
        dropped = []
        for fid in fids:
            if fid not in stored or fid not in self._loaded:
                continue
            parcel_id = py_value(layer.getFeature(fid)["parcel_id"])
            try:
                check_decision_unchanged(parcel_id, self._loaded[fid], stored[fid])
            except ReviewConflictError:
                for name, value in stored[fid].items():
                    layer.changeAttributeValue(fid, fields.indexOf(name), value)
                dropped.append(parcel_id)
        if dropped:
            self._show_error(localised(commit_conflict_message(dropped)))

    # ------------------------------------------------------------------ export

    def review_frame(self) -> pd.DataFrame:
        """The layer's current attributes (edit buffer included) for the review log."""
        if self.layer is None:
            return pd.DataFrame(columns=list(LOG_COLUMNS))
        fields = self.layer.fields()
        names = [n for n in LOG_COLUMNS if fields.indexOf(n) >= 0]
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(names, fields)
        rows = [{n: py_value(f[n]) for n in names} for f in self.layer.getFeatures(request)]
        return pd.DataFrame(rows, columns=names)

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
            count = write_review_log(self.review_frame(), path, language())
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


# ----------------------------------------------------------------------------- layers


def is_identification_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and not missing_identification_fields(
        layer.fields().names()
    )


def guess_buildings_layer() -> QgsVectorLayer | None:
    """A polygon layer of the project that looks like buildings (danger_grade, or floors
    and year_built) and is no identification result."""
    for layer in QgsProject.instance().mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or is_identification_layer(layer):
            continue
        if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
            continue
        names = set(layer.fields().names())
        if "danger_grade" in names or {"floors", "year_built"} <= names:
            return layer
    return None
