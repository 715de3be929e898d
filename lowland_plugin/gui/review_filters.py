"""The filter bar of the 地块核查 review dock: type, verdict, review status, unit,
changed only and a search text, driving the list's :class:`ParcelFilterProxy`."""

from __future__ import annotations

from collections.abc import Callable

from ..core.common.codes import LOWLAND_TYPES
from ..core.common.fields import value_label
from ..core.identify.review import STATUSES
from ..i18n import language, tr
from .review_model import VERDICTS, ParcelFilterProxy


class ParcelFilterBar:
    """The filter widgets of the dock's form (``typeFilter``, ``verdictFilter``,
    ``statusFilter``, ``unitFilter``, ``changedOnlyCheck``, ``searchEdit``)."""

    def __init__(self, form, proxy: ParcelFilterProxy) -> None:
        self.typeFilter = form.typeFilter
        self.verdictFilter = form.verdictFilter
        self.statusFilter = form.statusFilter
        self.unitFilter = form.unitFilter
        self.changedOnlyCheck = form.changedOnlyCheck
        self.searchEdit = form.searchEdit
        self.proxy = proxy

    def setup(self) -> None:
        """Choices and texts, through tr()."""
        lang = language()
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

    def connect(self, slot: Callable) -> None:
        """Call ``slot`` whenever a filter changes."""
        for combo in (self.typeFilter, self.verdictFilter, self.statusFilter, self.unitFilter):
            combo.currentIndexChanged.connect(slot)
        self.changedOnlyCheck.toggled.connect(slot)
        self.searchEdit.textChanged.connect(slot)

    def apply(self) -> None:
        """Filter the list by the widgets' values."""
        self.proxy.set_filter(
            type_value=self.typeFilter.currentData(),
            verdict_value=self.verdictFilter.currentData(),
            status_value=self.statusFilter.currentData(),
            unit_value=self.unitFilter.currentData() if self.unitFilter.isEnabled() else None,
            changed_only=self.changedOnlyCheck.isChecked(),
            text=self.searchEdit.text().strip().lower(),
        )

    def set_values(self, **values) -> None:
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

    def set_enabled(self, bound: bool, has_unit: bool) -> None:
        """Usable with a layer bound; the unit filter only when the layer has units."""
        for widget in (
            self.typeFilter,
            self.verdictFilter,
            self.statusFilter,
            self.searchEdit,
            self.changedOnlyCheck,
        ):
            widget.setEnabled(bound)
        self.unitFilter.setEnabled(has_unit)
        self.unitFilter.setToolTip(
            tr("按再开发单元（unit_id）筛选")
            if has_unit
            else tr("图层没有 unit_id 字段（再开发单元），不能按单元筛选")
        )

    def fill_units(self, unit_ids: list[str]) -> None:
        """Offer these units (and 全部单元); the unit filter is reset."""
        self.unitFilter.blockSignals(True)
        self.unitFilter.clear()
        self.unitFilter.addItem(tr("全部单元"), None)
        for unit in unit_ids:
            self.unitFilter.addItem(unit, unit)
        self.unitFilter.blockSignals(False)
        self.proxy.set_filter(unit_value=None)
