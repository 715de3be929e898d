"""The parcel list of the 地块核查 review dock: the table model, its filters, the
display helpers that show a value as a planner reads it, and the layer helpers that
recognise an identification result and a buildings layer."""

from __future__ import annotations

import math

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..bridge.layers import python_value
from ..core.common.codes import sandiao_table
from ..core.common.errors import LowlandInputError
from ..core.common.fields import field_aliases, field_units, value_label
from ..core.identify.review import missing_identification_fields
from ..i18n import language, tr

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
#: Rows the parcel list shows at least (the details pane gets the rest of the dock).
LIST_ROWS = 6
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

#: Colour of each review status (list and detail header).
STATUS_COLOURS = {
    "pending": "#6b6b6b",
    "confirmed": "#1a7f37",
    "rejected": "#b42318",
    "overridden": "#1f5fbf",
}
_CHANGED_BACKGROUND = QColor(255, 236, 179)


# ----------------------------------------------------------------------------- helpers


def localised(message: str | LowlandInputError) -> str:
    """A core error (or a bilingual "中文 / English" message) in the interface language:
    the error's own zh/en texts (core/common/errors.py), split there in one place."""
    error = message if isinstance(message, LowlandInputError) else LowlandInputError(message)
    return error.in_language(language())


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


def field_label(field: str) -> str:
    """Alias of ``field`` in the interface language (the field name when it has none)."""
    return field_aliases([field], language()).get(field, field)


def display_value(field: str, value) -> str:
    """A value as a planner reads it: coded values by label, numbers with their unit."""
    value = python_value(value)
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
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layer: QgsVectorLayer | None = None
        self.fids: list[int] = []
        self.records: list[dict] = []
        self.row_of: dict[int, int] = {}
        #: feature id → unit id, for a layer without ``unit_id`` (units in the project)
        self.unit_of: dict[int, str] = {}

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
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            request.setSubsetOfAttributes(names, fields)
            for feature in self.layer.getFeatures(request):
                self.row_of[feature.id()] = len(self.fids)
                self.fids.append(feature.id())
                record = {n: python_value(feature[n]) for n in names}
                if "unit_id" not in names and self.unit_of:
                    record["unit_id"] = self.unit_of.get(feature.id())
                self.records.append(record)
        self.endResetModel()

    def update_value(self, fid: int, name: str, value) -> None:
        row = self.row_of.get(fid)
        if row is None or name not in LIST_FIELDS:
            return
        self.records[row][name] = python_value(value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def status(self, row: int) -> str:
        return self.records[row].get("review_status") or "pending"

    def fid_of_parcel(self, parcel_id: str) -> int | None:
        """Feature id of the parcel with this ``parcel_id`` (None when not listed)."""
        for row, record in enumerate(self.records):
            if record.get("parcel_id") == parcel_id:
                return self.fids[row]
        return None

    def has_units(self) -> bool:
        """Whether any listed parcel belongs to a unit (field or units layer)."""
        return any(r.get("unit_id") is not None for r in self.records)

    def unit_ids(self) -> list[str]:
        """The distinct ``unit_id`` values of the list, sorted (as text)."""
        return sorted({str(r["unit_id"]) for r in self.records if r.get("unit_id") is not None})

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.fids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt API)
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        name = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "verdict_changed":
                return "⚠"
            return field_label(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "verdict_changed":
                return tr("⚠：重新认定后结论与核查时不同，请复核")
            return field_label(name)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self.records[index.row()]
        name = self.COLUMNS[index.column()]
        value = record.get(name)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, name)
        if role == self.SORT_ROLE:
            if name == "area_mu":
                return float(value) if value is not None else -math.inf
            if name == "verdict_changed":
                return 1 if value else 0
            return self._text(record, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "verdict_changed" and value:
                return tr("重新认定后结论已变化：核查时为「{0}」，现为「{1}」。").format(
                    verdict_key_text(record.get("reviewed_verdict")),
                    verdict_text(record.get("verdict"), record.get("lowland_type")),
                )
            text = self._text(record, name)
            return text or None
        if role == Qt.ItemDataRole.BackgroundRole and record.get("verdict_changed"):
            return QBrush(_CHANGED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and name == "review_status":
            return QBrush(QColor(STATUS_COLOURS.get(value or "pending", "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and name == "verdict_changed":
            return QBrush(QColor("#b45309"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if name == "area_mu":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if name == "verdict_changed":
                return int(Qt.AlignmentFlag.AlignCenter)
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
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_filter(self, **values) -> None:
        for key, value in values.items():
            setattr(self, key, value)
        self.invalidateFilter()

    def fid_at(self, index: QModelIndex) -> int:
        """Feature id of the parcel shown at ``index``."""
        return self.sourceModel().fids[self.mapToSource(index).row()]

    def row_of_fid(self, fid: int) -> int | None:
        """Row of the parcel ``fid`` among the shown rows (None when filtered out)."""
        model = self.sourceModel()
        source = model.row_of.get(fid)
        if source is None:
            return None
        index = self.mapFromSource(model.index(source, 0))
        return index.row() if index.isValid() else None

    def shown_fids(self) -> list[int]:
        """Feature ids of the rows shown, in their order."""
        return [self.fid_at(self.index(r, 0)) for r in range(self.rowCount())]

    def reviewed_count(self) -> int:
        """Shown parcels with a review decision that still holds: a decision on a computed
        verdict that changed since (``verdict_changed``) counts again once re-decided."""
        model = self.sourceModel()
        rows = (self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount()))
        return sum(
            model.status(r) != "pending" and not model.records[r].get("verdict_changed")
            for r in rows
        )

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


def setup_parcel_view(view: QTableView, proxy: ParcelFilterProxy) -> None:
    """The list view: sorted by parcel id, compact rows, columns the user can resize."""
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(ParcelTableModel.COLUMNS.index("parcel_id"), Qt.SortOrder.AscendingOrder)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    # a meeting reads a screenful of parcels: at least LIST_ROWS rows before the details
    rows = LIST_ROWS * view.verticalHeader().defaultSectionSize()
    scrollbar = view.horizontalScrollBar().sizeHint().height()
    view.setMinimumHeight(rows + header.sizeHint().height() + scrollbar + 2 * view.frameWidth())


def fit_parcel_columns(view: QTableView) -> None:
    """Columns as wide as their contents (at most 160 px; the ⚠ marker narrow)."""
    view.resizeColumnsToContents()
    marker = ParcelTableModel.COLUMNS.index("verdict_changed")
    view.setColumnWidth(marker, view.fontMetrics().horizontalAdvance("⚠") + 16)
    for column in range(1, view.model().columnCount() - 1):
        view.setColumnWidth(column, min(view.columnWidth(column), 160))


# ----------------------------------------------------------------------------- layers


def is_identification_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and not missing_identification_fields(
        layer.fields().names()
    )


def units_of_parcels(layer: QgsVectorLayer, units: QgsVectorLayer | None) -> dict[int, str]:
    """Feature id → ``unit_id`` of the unit containing the parcel's point on surface (for
    an identification result made before the units: it has no ``unit_id`` field)."""
    if units is None or layer is None:
        return {}
    transform = QgsCoordinateTransform(units.crs(), layer.crs(), QgsProject.instance())
    shapes = []
    for unit in units.getFeatures():
        geometry = QgsGeometry(unit.geometry())
        if geometry.isEmpty() or unit["unit_id"] in (None, ""):
            continue
        if transform.isValid() and units.crs() != layer.crs():
            geometry.transform(transform)
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()  # many parcels against few units
        shapes.append((str(unit["unit_id"]), geometry.boundingBox(), engine))
    found: dict[int, str] = {}
    request = QgsFeatureRequest().setNoAttributes()
    for parcel in layer.getFeatures(request):
        point = parcel.geometry().pointOnSurface()
        xy = point.asPoint()
        for unit_id, box, engine in shapes:
            if box.contains(xy) and engine.contains(point.constGet()):
                found[parcel.id()] = unit_id
                break
    return found


def guess_buildings_layer() -> QgsVectorLayer | None:
    """A polygon layer of the project that looks like buildings (danger_grade, or floors
    and year_built) and is no identification result."""
    for layer in QgsProject.instance().mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or is_identification_layer(layer):
            continue
        if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
            continue
        names = set(layer.fields().names())
        if "danger_grade" in names or {"floors", "year_built"} <= names:
            return layer
    return None
