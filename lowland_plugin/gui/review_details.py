"""The detail panel of the 地块核查 review dock: header, reasons (认定理由), indicators,
the buildings on the parcel and its 三调 classes, for one parcel of the list."""

from __future__ import annotations

import html
import json

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import QListWidgetItem, QTableWidgetItem

from ..bridge.layers import python_value, shapely_geometry
from ..core.common.errors import LowlandInputError
from ..core.common.fields import value_label
from ..core.identify.indicators import footprint_overlaps, is_dangerous_grade
from ..core.identify.review import reason_lines
from ..i18n import language, tr
from .review_model import (
    STATUS_COLOURS,
    display_value,
    field_label,
    localised,
    survey_class_name,
    verdict_key_text,
    verdict_text,
)

#: Indicators shown in the detail panel (those the layer has), in order: the core's
#: (core.identify.indicators.INDICATOR_FIELDS) and the identification's own measures.
SHOWN_INDICATORS = (
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
_MET_FOREGROUND = QColor(155, 28, 28)
_MET_BACKGROUND = QColor(253, 236, 234)
_HEADER_BACKGROUND = QColor(236, 236, 236)


class ParcelDetails:
    """The detail widgets of the dock's form (``detailHeader``, ``detailTabs``,
    ``reasonList``, ``indicatorTable``, ``buildingTable``, ``surveyTable``) showing one
    parcel; buildings come from the layer chosen in ``buildingsCombo``."""

    def __init__(self, form) -> None:
        self.header = form.detailHeader
        self.tabs = form.detailTabs
        self.reasonList = form.reasonList
        self.indicatorTable = form.indicatorTable
        self.buildingTable = form.buildingTable
        self.surveyTable = form.surveyTable
        self.buildingsCombo = form.buildingsCombo

    def setup(self) -> None:
        """Tab titles and table headers, through tr()."""
        self.tabs.setTabText(0, tr("认定理由"))
        self.tabs.setTabText(1, tr("指标"))
        self.tabs.setTabText(2, tr("建筑"))
        self.tabs.setTabText(3, tr("三调地类"))
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

    def clear(self, has_layer: bool) -> None:
        self.header.setText(tr("在列表中选择一宗地，或在地图上选择宗地。") if has_layer else "")
        self.reasonList.clear()
        self.indicatorTable.setRowCount(0)
        self.buildingTable.setRowCount(0)
        self.surveyTable.setRowCount(0)
        self.tabs.setTabText(2, tr("建筑"))

    def show(self, feature, crs: QgsCoordinateReferenceSystem) -> None:
        """Show ``feature`` (a parcel of a layer in ``crs``)."""
        self._show_header(feature)
        self._show_reasons(feature)
        self._show_indicators(feature)
        self._show_buildings(feature, crs)
        self._show_survey(feature)

    @staticmethod
    def _value(feature, name):
        return python_value(feature[name]) if feature.fields().indexOf(name) >= 0 else None

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
        colour = STATUS_COLOURS.get(status, "#000000")
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
        self.header.setText("<br>".join(lines))

    def _show_reasons(self, feature) -> None:
        self.reasonList.clear()
        try:
            lines = reason_lines(self._value(feature, "reasons"), language())
        except LowlandInputError as err:
            self.reasonList.addItem(localised(err))
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
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setData(Qt.ItemDataRole.UserRole, "heading")
                self.reasonList.addItem(heading)
            item = QListWidgetItem(("● " if met else "○ ") + line)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.ItemDataRole.UserRole, "met" if met else "not_met")
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
        names = [n for n in SHOWN_INDICATORS if feature.fields().indexOf(n) >= 0]
        self.indicatorTable.setRowCount(len(names))
        for row, name in enumerate(names):
            label = QTableWidgetItem(field_label(name))
            label.setToolTip(name)
            value = QTableWidgetItem(display_value(name, feature[name]))
            value.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            self.indicatorTable.setItem(row, 0, label)
            self.indicatorTable.setItem(row, 1, value)
        self.indicatorTable.resizeColumnToContents(0)

    def buildings_of(self, feature, crs: QgsCoordinateReferenceSystem) -> list:
        """Features of the chosen buildings layer on the parcel: those whose footprint
        overlaps it with positive area, as the indicators count them
        (:func:`core.identify.indicators.footprint_overlaps`)."""
        buildings = self.buildingsCombo.currentLayer()
        if not isinstance(buildings, QgsVectorLayer) or not feature.hasGeometry():
            return []
        geometry = QgsGeometry(feature.geometry())
        if buildings.crs() != crs:
            transform = QgsCoordinateTransform(crs, buildings.crs(), QgsProject.instance())
            try:
                geometry.transform(transform)
            except QgsCsException:
                return []
        request = QgsFeatureRequest().setFilterRect(geometry.boundingBox())
        near = [b for b in buildings.getFeatures(request) if b.hasGeometry()]
        if not near:
            return []
        parcel = np.array([shapely_geometry(geometry)], dtype=object)
        footprints = np.array([shapely_geometry(b.geometry()) for b in near], dtype=object)
        try:
            _parcels, on_parcel, _areas = footprint_overlaps(parcel, footprints)
        except shapely.errors.GEOSException:  # a broken outline: no buildings shown
            return []
        return [near[i] for i in sorted(on_parcel)]

    def _show_buildings(self, feature, crs: QgsCoordinateReferenceSystem) -> None:
        table = self.buildingTable
        buildings_layer = self.buildingsCombo.currentLayer()
        table.clearSpans()
        if not isinstance(buildings_layer, QgsVectorLayer):
            table.setColumnCount(1)
            table.setHorizontalHeaderLabels([tr("建筑")])
            table.setRowCount(1)
            table.setItem(0, 0, QTableWidgetItem(tr("请在上方选择建筑图层。")))
            self.tabs.setTabText(2, tr("建筑"))
            return
        names = [n for n in BUILDING_FIELDS if buildings_layer.fields().indexOf(n) >= 0]
        found = self.buildings_of(feature, crs)
        if "building_id" in names:
            found.sort(key=lambda f: str(python_value(f["building_id"])))
        table.setColumnCount(len(names))
        table.setHorizontalHeaderLabels([field_label(n) for n in names])
        table.setRowCount(len(found))
        for row, building in enumerate(found):
            for column, name in enumerate(names):
                item = QTableWidgetItem(display_value(name, building[name]))
                if name != "building_id":
                    item.setTextAlignment(
                        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    )
                if name == "danger_grade" and is_dangerous_grade(python_value(building[name])):
                    item.setForeground(QBrush(_MET_FOREGROUND))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        self.tabs.setTabText(2, tr("建筑（{0}）").format(len(found)))

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
            value.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            table.setItem(row, 2, value)
        table.resizeColumnsToContents()
        if not items:
            table.setRowCount(1)
            table.setItem(0, 0, QTableWidgetItem(tr("无三调数据（认定时未给出三调图层）")))
            table.setSpan(0, 0, 1, 3)
        else:
            table.clearSpans()
