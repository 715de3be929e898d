"""方案比选 dock (issue 23 items 2 and 4): the scenarios of a unit kept in a GeoPackage
beside the units, edited on the map and compared under the policy.

- The store (``<units stem>_scenarios.gpkg``: ``scenarios`` table and
  ``scenario_projects`` polygons, :mod:`.scenario_layers`) is opened, or created from
  the fields of the plan's projects layer.
- 新建 makes a scenario of the current unit from the plan (the unit's projects,
  :func:`~..core.scenarios.model.scenario_from_projects`); 复制 copies the current one
  (:func:`~..core.scenarios.model.copy_scenario`); 删除 asks first; 设为选定方案 marks
  the scenario the 实施方案 describes (one per unit).
- Editing: the map shows the current scenario's parcels (a rule-based renderer, so the
  select tools pick only them); each 设置 button changes the selected parcels — mode
  (收储 / 原权利人改造 / 保留), planned use, FAR (gfa = FAR × parcel area) or GFA,
  handover by category, phase — as one edit command of the layer's edit buffer (one
  undo step). 保存 writes the buffer.
- After each edit, undo or redo (the layer's attribute, geometry and feature signals,
  the undo stack's ``indexChanged``) the scenarios whose parcels changed are evaluated
  again on the edit buffer's state, the others taken from a cache
  (:func:`~..core.scenarios.evaluate.evaluate_scenarios` with ``only=``/``cache=``,
  :mod:`.scenario_inputs`; the cache is cleared when the profile, the unit, a layer or
  the store changes), and the table refreshed (:mod:`.scenario_table`); the charts are
  drawn when their tab is shown.
- The optional 控规 layer (``controlsCombo``) gives the capacity rows (the capacity
  envelope); the optional 低效地块 layer the funding's compensation basis.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

from qgis.core import (
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog, QListWidgetItem, QMessageBox

from ..bridge.layers import source_to_gdf
from ..core.common.errors import LowlandInputError, split_bilingual
from ..core.common.profiles import load_profile
from ..core.common.resources import PLUGIN_ROOT, resource_path
from ..core.documents.projects import assign_projects
from ..core.scenarios.charts import chart_images
from ..core.scenarios.comparison import Comparison
from ..core.scenarios.evaluate import evaluate_scenarios
from ..core.scenarios.model import copy_scenario, is_chosen, iso_time, scenario_from_projects
from ..i18n import language, tr
from . import scenario_layers as store
from .scenario_inputs import EvaluationInputs
from .scenario_table import (
    chart_grid,
    export_pngs,
    export_xlsx,
    failures_html,
    fill_table,
    fit_charts,
    fit_height,
    show_charts,
)

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "scenario_dock.ui"))

#: Mode combo: (label, ``redevelopment_mode`` code the checks read).
MODES = (("收储", "acquisition"), ("原权利人改造", "owner"), ("保留", "retain"))
#: Handover categories offered (keys of ``handover_by_category``).
HANDOVER_CATEGORIES = (("教育", "education"), ("社区服务", "community"), ("公园绿地", "park"),
                       ("交通", "traffic"), ("其他公益", "public"))  # fmt: skip
PHASES = ("近期", "中期", "远期")
_ERROR_STYLE = "color: #b42318;"
_INFO_STYLE = "color: #444444;"


def scaled_uses(text, gfa: float) -> str | None:
    """``gfa_by_use`` (JSON {use: m²}) scaled to the total ``gfa``, the shares kept;
    None when it holds no floor area to scale (then it is left as it is)."""
    try:
        uses = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None
    if not isinstance(uses, dict) or not uses:
        return None
    try:
        total = sum(float(v) for v in uses.values())
    except (TypeError, ValueError):
        return None
    if total <= 0:
        return None
    return json.dumps({k: round(float(v) * gfa / total, 1) for k, v in uses.items()})


class ScenarioDock(QgsDockWidget, FORM_CLASS):
    """方案比选: scenarios of a unit, edited on the map, compared side by side."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("LowlandScenarioDock")
        self.iface = iface
        self.store_path: Path | None = None
        self.scenarios_layer: QgsVectorLayer | None = None
        self.projects_layer: QgsVectorLayer | None = None
        self.comparison: Comparison | None = None
        self.images: dict[str, bytes] = {}
        self.evaluations = 0
        self._charts_stale = True
        self.inputs = EvaluationInputs(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.evaluate)

        self.unitsCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.projectsCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.parcelsCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.controlsCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        for combo in (self.unitsCombo, self.projectsCombo, self.parcelsCombo, self.controlsCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self.storeFile.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.storeFile.setFilter(tr("GeoPackage (*.gpkg)"))
        for path in sorted(resource_path("profiles").glob("*.json")):
            if path.stem != "schema":
                self.profileCombo.addItem(path.stem)
        self.profileCombo.setCurrentText("default")
        for label, code in MODES:
            self.modeCombo.addItem(tr(label), code)
        for label, code in HANDOVER_CATEGORIES:
            self.handoverCombo.addItem(tr(label), code)
        self.phaseCombo.addItems([tr(p) for p in PHASES])
        self.chart_labels = {
            "gfa_by_use": self.gfaChart,
            "funding": self.fundingChart,
            "resolved_by_phase": self.phaseChart,
        }
        for label in self.chart_labels.values():
            label.setText("")
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.comparisonTable.verticalHeader().setVisible(False)
        self.comparisonTable.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 4)
        self._setup_texts()
        self._connect_widgets()
        self.editGroup.collapsedStateChanged.connect(lambda _c: self._fit_splitter())
        self._update_buttons()

    def _fit_splitter(self) -> None:
        """The list and the edit group take what they need, the comparison the rest."""
        top = self.topWidget.sizeHint().height()
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([top, max(total - top, 0)])

    # ------------------------------------------------------------------ set-up

    def _setup_texts(self) -> None:
        self.setWindowTitle(tr("方案比选"))
        self.unitsLabel.setText(tr("单元图层"))
        self.projectsLabel.setText(tr("项目图层"))
        self.projectsCombo.setToolTip(tr("现行方案的项目图层：新建方案从其中本单元的项目复制"))
        self.storeLabel.setText(tr("方案库"))
        self.storeFile.setToolTip(
            tr("方案库 GeoPackage（默认在单元图层旁：<单元>_scenarios.gpkg）")
        )
        self.unitLabel.setText(tr("单元"))
        self.profileLabel.setText(tr("规则配置"))
        self.parcelsLabel.setText(tr("低效地块"))
        self.parcelsCombo.setToolTip(
            tr(
                "已复核的低效地块图层（可选）：资金平衡的补偿与拆除按本单元低效地块的现状建筑面积计，"
                "与实施方案第八章一致；不选则按单元现状总建筑面积估算"
            )
        )
        self.controlsLabel.setText(tr("控规图层"))
        self.controlsCombo.setToolTip(
            tr(
                "控规图层（可选，面图层，含容积率、限高等控制指标）：比选表的开发容量、容量使用率"
                "与容量余量按其测算；不选则为未知"
            )
        )
        self.openButton.setText(tr("打开方案库"))
        self.openButton.setToolTip(tr("打开方案库；文件不存在时按项目图层的字段新建"))
        self.newButton.setText(tr("新建"))
        self.newButton.setToolTip(tr("由现行方案（本单元的项目）新建方案"))
        self.copyButton.setText(tr("复制"))
        self.deleteButton.setText(tr("删除"))
        self.chooseButton.setText(tr("设为选定方案"))
        self.chooseButton.setToolTip(tr("实施方案按选定方案编制（每个单元一个）"))
        self.editGroup.setTitle(tr("编辑所选地块（每次设置为一步，可撤销）"))
        self.modeLabel.setText(tr("再开发方式"))
        self.useLabel.setText(tr("规划用途"))
        self.useEdit.setPlaceholderText(tr("用地用海代码，如 0901"))
        self.farLabel.setText(tr("容积率"))
        self.gfaLabel.setText(tr("建筑面积（m²）"))
        self.handoverLabel.setText(tr("移交用地（m²）"))
        self.phaseLabel.setText(tr("分期"))
        for button in (self.modeButton, self.useButton, self.farButton, self.gfaButton,
                       self.handoverButton, self.phaseButton):  # fmt: skip
            button.setText(tr("设置"))
        self.undoButton.setText(tr("撤销"))
        self.redoButton.setText(tr("重做"))
        self.saveButton.setText(tr("保存"))
        self.saveButton.setToolTip(tr("把编辑写入方案库"))
        self.tabs.setTabText(0, tr("比选表"))
        self.tabs.setTabText(1, tr("图表"))
        self.xlsxButton.setText(tr("导出 XLSX"))
        self.pngButton.setText(tr("导出图表 PNG"))
        self.selectionLabel.setText("")

    def _connect_widgets(self) -> None:
        self.unitsCombo.layerChanged.connect(self.set_units_layer)
        for combo in (self.parcelsCombo, self.controlsCombo, self.projectsCombo):
            combo.layerChanged.connect(self._inputs_changed)
        self.unitCombo.currentIndexChanged.connect(lambda _i: self._unit_changed())
        self.profileCombo.currentIndexChanged.connect(self._inputs_changed)
        self.scenarioList.currentItemChanged.connect(lambda *_: self._current_changed())
        self.openButton.clicked.connect(lambda: self.open_store())
        self.newButton.clicked.connect(lambda: self.new_scenario())
        self.copyButton.clicked.connect(lambda: self.copy_current())
        self.deleteButton.clicked.connect(lambda: self.delete_current())
        self.chooseButton.clicked.connect(lambda: self.choose_current())
        self.modeButton.clicked.connect(lambda: self.set_mode(self.modeCombo.currentData()))
        self.useButton.clicked.connect(lambda: self.set_use(self.useEdit.text()))
        self.farButton.clicked.connect(lambda: self.set_far(self.farSpin.value()))
        self.gfaButton.clicked.connect(lambda: self.set_gfa(self.gfaSpin.value()))
        self.handoverButton.clicked.connect(
            lambda: self.set_handover(self.handoverCombo.currentData(), self.handoverSpin.value())
        )
        self.phaseButton.clicked.connect(lambda: self.set_phase(self.phaseCombo.currentText()))
        self.undoButton.clicked.connect(lambda: self.undo())
        self.redoButton.clicked.connect(lambda: self.redo())
        self.saveButton.clicked.connect(lambda: self.save())
        self.xlsxButton.clicked.connect(lambda: self.export_xlsx())
        self.pngButton.clicked.connect(lambda: self.export_pngs())
        self.tabs.currentChanged.connect(lambda _i: self._draw_charts_if_shown())

    def _update_buttons(self) -> None:
        opened = self.projects_layer is not None
        current = self.current_scenario() is not None
        self.newButton.setEnabled(opened and self.projectsCombo.currentLayer() is not None)
        for button in (self.copyButton, self.deleteButton, self.chooseButton):
            button.setEnabled(opened and current)
        self.editGroup.setEnabled(opened and current)
        self.xlsxButton.setEnabled(self.comparison is not None)
        self.pngButton.setEnabled(self.comparison is not None)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.messageLabel.setText(text)

    # ------------------------------------------------------------------ units and store

    def _inputs_changed(self, *_args) -> None:
        """A layer or the profile changed: every scenario is evaluated again."""
        self.inputs.clear()
        self.schedule_evaluation()

    def _unit_changed(self) -> None:
        self.inputs.clear()
        self.refresh_list()

    def set_units_layer(self, layer: QgsVectorLayer | None) -> None:
        """Fill the unit choice from ``layer``'s ``unit_id`` and propose the store path."""
        if self.unitsCombo.currentLayer() is not layer:
            self.unitsCombo.setLayer(layer)
        self.inputs.clear()
        self.unitCombo.blockSignals(True)
        self.unitCombo.clear()
        if layer is not None and layer.fields().indexOf("unit_id") >= 0:
            ids = sorted({str(f["unit_id"]) for f in layer.getFeatures() if f["unit_id"]})
            self.unitCombo.addItems(ids)
        self.unitCombo.blockSignals(False)
        path = store.default_store_path(layer)
        if path is not None and not self.storeFile.filePath():
            self.storeFile.setFilePath(str(path))
        self.refresh_list()

    def current_unit(self) -> str | None:
        return self.unitCombo.currentText() or None

    def open_store(self, path: str | Path | None = None) -> bool:
        """Open the store at ``path`` (default: the file widget's), creating it from the
        projects layer's fields when the file does not exist."""
        target = Path(path or self.storeFile.filePath() or "")
        if not str(target) or target.suffix.lower() != ".gpkg":
            self._show_message(tr("请选择方案库文件（.gpkg）。"), error=True)
            return False
        self.storeFile.setFilePath(str(target))
        try:
            if not target.exists():
                plan = self.projectsCombo.currentLayer()
                if plan is None:
                    self._show_message(tr("方案库不存在；请先选择项目图层以新建方案库。"), True)
                    return False
                store.create_store(target, plan)
            scenarios, projects = store.load_store(target)
        except (OSError, LowlandInputError) as err:
            self._show_message(tr("无法打开方案库：{0}").format(split_bilingual(str(err))[0]), True)
            return False
        self._close_store()
        self.store_path, self.scenarios_layer, self.projects_layer = target, scenarios, projects
        QgsProject.instance().addMapLayers([scenarios, projects])
        projects.startEditing()
        self.inputs.clear()
        self.inputs.edits.watch(projects, self.schedule_evaluation)
        projects.selectionChanged.connect(lambda *_: self._selection_changed())
        self.refresh_list()
        self._show_message(tr("已打开方案库：{0}").format(target))
        return True

    def _close_store(self) -> None:
        old = [lyr for lyr in (self.scenarios_layer, self.projects_layer) if lyr is not None]
        self.scenarios_layer = self.projects_layer = None
        for layer in old:
            if layer.isEditable():
                layer.rollBack()
            if QgsProject.instance().mapLayer(layer.id()) is not None:
                QgsProject.instance().removeMapLayer(layer.id())

    def unload(self) -> None:
        self._timer.stop()
        self._close_store()

    # ------------------------------------------------------------------ scenarios

    def scenario_rows(self) -> list[dict]:
        """The ``scenarios`` rows of the current unit, in store order."""
        if self.scenarios_layer is None or self.current_unit() is None:
            return []
        table = store.table_frame(self.scenarios_layer)
        mine = table[table["unit_id"].astype(str) == self.current_unit()]
        return mine.to_dict("records")

    def refresh_list(self, select: str | None = None) -> None:
        """List the current unit's scenarios (选定 marked) and evaluate them."""
        keep = select or self.current_scenario()
        self.scenarioList.blockSignals(True)
        self.scenarioList.clear()
        for row in self.scenario_rows():
            sid = str(row["scenario_id"])
            text = f"{row.get('name') or sid}（{sid}）"
            if is_chosen(row.get("chosen")):
                text += "　" + tr("★ 选定方案")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.scenarioList.addItem(item)
            if sid == keep:
                self.scenarioList.setCurrentItem(item)
        if self.scenarioList.currentItem() is None and self.scenarioList.count():
            self.scenarioList.setCurrentRow(0)
        self.scenarioList.blockSignals(False)
        fit_height(self.scenarioList, 80)
        self._current_changed()
        self.schedule_evaluation()

    def current_scenario(self) -> str | None:
        item = self.scenarioList.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _current_changed(self) -> None:
        self._show_scenario_on_map(self.current_scenario())
        self._selection_changed()
        self._update_buttons()

    def _show_scenario_on_map(self, scenario_id: str | None) -> None:
        """Draw (and so let the select tools pick) only the scenario's parcels."""
        layer = self.projects_layer
        if layer is None:
            return
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        root = QgsRuleBasedRenderer.Rule(None)
        value = (scenario_id or "").replace("'", "''")
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"scenario_id\" = '{value}'"))
        layer.setRenderer(QgsRuleBasedRenderer(root))
        layer.removeSelection()
        layer.triggerRepaint()

    def _ask_name(self, title: str, default: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, tr("方案名称"), text=default)
        return name.strip() or default if ok else None

    def _author(self) -> str | None:
        try:
            return getpass.getuser()
        except (KeyError, OSError):  # no user name on this system
            return None

    def _store_ids(self) -> list[str]:
        assert self.scenarios_layer is not None
        return [str(f["scenario_id"]) for f in self.scenarios_layer.getFeatures()]

    def new_scenario(self, name: str | None = None) -> str | None:
        """A scenario of the current unit from the plan's projects layer (its id)."""
        plan = self.projectsCombo.currentLayer()
        unit = self.current_unit()
        if self.scenarios_layer is None or plan is None or unit is None:
            return None
        name = name or self._ask_name(tr("新建方案"), tr("现行方案"))
        if name is None:
            return None
        projects = source_to_gdf(plan)
        units_layer = self.unitsCombo.currentLayer()
        if units_layer is not None:
            unit_of = assign_projects(source_to_gdf(units_layer), projects)
            projects = projects[unit_of.reindex(projects.index).astype(object) == unit]
        try:
            if projects.empty:
                raise LowlandInputError(
                    f"单元 {unit} 没有项目 / unit {unit} has no projects in the projects layer"
                )
            row, rows = scenario_from_projects(projects, unit, name, self._author(),
                                               dt.datetime.now(), taken=self._store_ids())  # fmt: skip
            return self._add_scenario(row, rows)
        except (LowlandInputError, OSError) as err:
            self._show_message(split_bilingual(str(err))[0], error=True)
            return None

    def copy_current(self, name: str | None = None) -> str | None:
        """A copy of the current scenario (saved edits and the edit buffer's state)."""
        source = self.current_scenario()
        if source is None or self.scenarios_layer is None or self.projects_layer is None:
            return None
        name = name or self._ask_name(tr("复制方案"), tr("{0} 副本").format(source))
        if name is None:
            return None
        try:
            row, rows = copy_scenario(
                store.table_frame(self.scenarios_layer), store.layer_frame(self.projects_layer),
                source, name, self._author(), dt.datetime.now(),
            )  # fmt: skip
            return self._add_scenario(row, rows)
        except (LowlandInputError, OSError) as err:
            self._show_message(split_bilingual(str(err))[0], error=True)
            return None

    def _add_scenario(self, row: dict, rows) -> str:
        import pandas as pd

        assert self.scenarios_layer is not None and self.projects_layer is not None
        store.add_rows(self.projects_layer, rows)
        store.add_rows(self.scenarios_layer, pd.DataFrame([row]))
        sid = str(row["scenario_id"])
        self.refresh_list(select=sid)
        self._show_message(tr("已建立方案 {0}（{1} 个项目）。").format(sid, len(rows)))
        return sid

    def delete_current(self, confirm: bool = True) -> bool:
        """Delete the current scenario and its projects (after a question)."""
        sid = self.current_scenario()
        if sid is None or self.scenarios_layer is None or self.projects_layer is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self, tr("删除方案"), tr("删除方案 {0} 及其全部地块？此操作不能撤销。").format(sid)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        store.delete_where(self.projects_layer, "scenario_id", sid)
        store.delete_where(self.scenarios_layer, "scenario_id", sid)
        self.refresh_list()
        self._show_message(tr("已删除方案 {0}。").format(sid))
        return True

    def choose_current(self) -> None:
        """Mark the current scenario as 选定方案 of its unit."""
        sid, unit = self.current_scenario(), self.current_unit()
        if sid is None or unit is None or self.scenarios_layer is None:
            return
        store.set_chosen(self.scenarios_layer, unit, sid)
        self.refresh_list(select=sid)
        self._show_message(tr("方案 {0} 已设为选定方案，实施方案按其编制。").format(sid))

    # ------------------------------------------------------------------ editing

    def selected_ids(self) -> list[int]:
        """The selected features of the current scenario."""
        layer, sid = self.projects_layer, self.current_scenario()
        if layer is None or sid is None:
            return []
        return [f.id() for f in layer.selectedFeatures() if str(f["scenario_id"]) == sid]

    def _selection_changed(self) -> None:
        self.selectionLabel.setText(tr("已选地块：{0}").format(len(self.selected_ids())))

    def _edit(self, title: str, values_of) -> bool:
        """One edit command over the selected parcels: ``values_of(feature)`` gives
        {field: value}; every change in one undo step."""
        layer = self.projects_layer
        ids = self.selected_ids()
        if layer is None or not ids:
            self._show_message(tr("请先在地图上选择本方案的地块。"), error=True)
            return False
        if not layer.isEditable():
            layer.startEditing()
        layer.beginEditCommand(title)
        for feature in layer.getFeatures(ids):
            for name, value in values_of(feature).items():
                index = layer.fields().indexOf(name)
                if index < 0:
                    layer.destroyEditCommand()
                    self._show_message(tr("方案图层没有字段 {0}。").format(name), error=True)
                    return False
                layer.changeAttributeValue(feature.id(), index, value)
        layer.endEditCommand()
        self._show_message(tr("{0}：{1} 个地块。").format(title, len(ids)))
        return True

    def set_mode(self, code: str) -> bool:
        """再开发方式 of the selected parcels (acquisition / owner / retain)."""
        return self._edit(tr("设置再开发方式"), lambda f: {"redevelopment_mode": code})

    def set_use(self, code: str) -> bool:
        """规划用途 (用地用海 code) of the selected parcels."""
        code = code.strip()
        if not code:
            return False
        fields = [n for n in ("new_use_code", "use_code") if self._has_field(n)]

        def values(feature) -> dict:
            out: dict = dict.fromkeys(fields, code)
            gfa = feature["gfa_proposed"] if self._has_field("gfa_proposed") else None
            if self._has_field("gfa_by_use") and isinstance(gfa, (int, float)):
                out["gfa_by_use"] = json.dumps({code: float(gfa)})  # all of it in the new use
            return out

        return self._edit(tr("设置规划用途"), values)

    def set_far(self, far: float) -> bool:
        """容积率: the proposed floor area = FAR × the parcel's area (``gfa_by_use``
        scaled with it)."""
        return self._edit(
            tr("设置容积率"), lambda f: self._gfa_values(f, round(far * f.geometry().area(), 1))
        )

    def set_gfa(self, gfa: float) -> bool:
        """规划建筑面积 (m²) of each selected parcel (``gfa_by_use`` scaled with it)."""
        return self._edit(tr("设置建筑面积"), lambda f: self._gfa_values(f, float(gfa)))

    def _gfa_values(self, feature, gfa: float) -> dict:
        values: dict = {"gfa_proposed": gfa}
        if self._has_field("gfa_by_use"):
            scaled = scaled_uses(feature["gfa_by_use"], gfa)
            if scaled is not None:
                values["gfa_by_use"] = scaled
        return values

    def set_handover(self, category: str, area: float) -> bool:
        """移交用地 of ``category`` (m²) in ``handover_by_category``."""

        def values(feature) -> dict:
            try:
                current = json.loads(feature["handover_by_category"] or "{}")
            except (TypeError, ValueError):
                current = {}
            current = current if isinstance(current, dict) else {}
            current[category] = float(area)
            return {"handover_by_category": json.dumps(current, ensure_ascii=False)}

        return self._edit(tr("设置移交用地"), values)

    def set_phase(self, phase: str) -> bool:
        """分期 of the selected parcels."""
        return self._edit(tr("设置分期"), lambda f: {"phase": phase.strip() or None})

    def _has_field(self, name: str) -> bool:
        return self.projects_layer is not None and self.projects_layer.fields().indexOf(name) >= 0

    def undo(self) -> None:
        if self.projects_layer is not None:
            self.projects_layer.undoStack().undo()

    def redo(self) -> None:
        if self.projects_layer is not None:
            self.projects_layer.undoStack().redo()

    def save(self) -> bool:
        """Write the edit buffer to the store and stamp the edited scenarios' ``changed``."""
        layer, table = self.projects_layer, self.scenarios_layer
        if layer is None or table is None:
            return False
        edited = {str(layer.getFeature(fid)["scenario_id"])
                  for fid in layer.editBuffer().changedAttributeValues()}  # fmt: skip
        try:
            store.commit_edits(layer)
            store.stamp_changed(table, edited, iso_time(dt.datetime.now()))
        except OSError as err:
            self._show_message(tr("保存失败：{0}").format(err), error=True)
            return False
        self._show_message(tr("已保存。"))
        return True

    # ------------------------------------------------------------------ evaluation

    def schedule_evaluation(self, *_args) -> None:
        """Evaluate once the current edit is done (several changes of one command, one
        evaluation)."""
        self._timer.start()

    def evaluate(self) -> Comparison | None:
        """Evaluate the current unit's scenarios on the edit buffer's state and show it."""
        self._timer.stop()
        unit = self.current_unit()
        if self.projects_layer is None or self.scenarios_layer is None or unit is None:
            return None
        if not self.scenario_rows():
            self.comparison = None
            self.comparisonTable.clear()
            self.failuresText.clear()
            self._update_buttons()
            return None
        inputs, only = self.inputs, self.inputs.only()
        try:
            self.comparison = evaluate_scenarios(
                store.table_frame(self.scenarios_layer),
                store.layer_frame(self.projects_layer),
                load_profile(self.profileCombo.currentText() or "default"),
                unit_id=unit, pieces=inputs.sibling("pieces"), zones=inputs.sibling("zones"),
                capacity=inputs.controls(), unit=inputs.unit_row(),
                compensation=inputs.compensation(), only=only, cache=inputs.cache,
            )  # fmt: skip
        except LowlandInputError as err:
            inputs.clear()  # evaluate them all once the input is fixed
            self._show_message(split_bilingual(str(err))[0], error=True)
            return None
        self.evaluations += 1
        english = language() == "en"
        fill_table(self.comparisonTable, self.comparison, english)
        self.failuresText.setHtml(failures_html(self.comparison, english))
        fit_height(self.failuresText, 240)
        self._charts_stale = True
        self._draw_charts_if_shown()
        self._update_buttons()
        return self.comparison

    def _draw_charts_if_shown(self) -> None:
        if self.comparison is not None and self._charts_stale and self.tabs.currentIndex() == 1:
            self.draw_charts()

    def draw_charts(self) -> dict[str, bytes]:
        """Draw the charts of the current comparison into the chart tab."""
        if self.comparison is None:
            return {}
        try:
            self.images = show_charts(self.chart_labels, self.chartsLayout, self.comparison,
                                      language() == "en", *self._chart_area())  # fmt: skip
        except LowlandInputError as err:
            self._show_message(split_bilingual(str(err))[0], error=True)
            return {}
        self._charts_stale = False
        return self.images

    def _chart_area(self) -> tuple[int, int]:
        """The room for the charts: the charts tab's, less its margins and a scroll bar."""
        margins, viewport = self.chartsLayout.contentsMargins(), self.chartsScroll.viewport()
        bar = self.chartsScroll.verticalScrollBar().sizeHint().width()
        return (viewport.width() - margins.left() - margins.right() - bar,
                viewport.height() - margins.top() - margins.bottom())  # fmt: skip

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """The charts follow the dock's width (scaled again, not drawn again)."""
        super().resizeEvent(event)
        fit_height(self.failuresText, 240)
        if self.images and not self._charts_stale:
            fit_charts(self.chart_labels, self.images, chart_grid(*self._chart_area())[1][0])

    # ------------------------------------------------------------------ export

    def export_xlsx(self, path: str | None = None) -> str | None:
        """The comparison table as XLSX (asks for the file when ``path`` is None)."""
        if self.comparison is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("导出比选表"), f"{self.comparison.unit_id}_方案比选.xlsx",
                tr("Excel 工作簿 (*.xlsx)"),
            )  # fmt: skip
            if not path:
                return None
        export_xlsx(self.comparison, path, language() == "en")
        self._show_message(tr("已导出：{0}").format(path))
        return path

    def export_pngs(self, folder: str | None = None) -> list[Path]:
        """The charts as PNG files in ``folder`` (asks for it when None)."""
        if self.comparison is None:
            return []
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("导出图表到文件夹"))
            if not folder:
                return []
        images = chart_images(self.comparison, "en" if language() == "en" else "zh")
        paths = export_pngs(images, folder, f"{self.comparison.unit_id}_方案比选")
        self._show_message(tr("已导出 {0} 张图表到 {1}").format(len(paths), folder))
        return paths
