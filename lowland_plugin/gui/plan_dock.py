"""实施方案生成 dock: pick the units and their inputs, a template and formats, preview the
HTML of one unit, generate the documents of the checked units, open the result.

The dock is thin: documents (and their maps) come from the Processing algorithm
``lowland:generateplan`` (Y-3, N-3), run in a background task (:class:`PlanTask`:
templates are never rendered on the GUI thread, issue 21) with a feedback bridged to the
progress bar; the dock waits in an event loop, so it stays responsive and cancel asks
the algorithm to stop (it leaves no partial file). Files of the same name in the output
folder are replaced only when the user says so (a question, then ``OVERWRITE``). The
preview runs the same algorithm with ``FORMATS=html`` for the current unit into a
temporary folder and shows the file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QEventLoop, QSettings, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QListWidgetItem, QMessageBox, QPushButton

from ..bridge.layers import is_units_layer
from ..bridge.plan_files import existing_files
from ..core.common.resources import PLUGIN_ROOT, resource_path
from ..i18n import tr
from .plan_inputs import (
    input_texts,
    layer_for_role,
    missing_parts,
    missing_summary,
    role_problem,
)
from .plan_refresh import refresh_message, refresh_units_layer
from .scenario_layers import default_store_path

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "plan_dock.ui"))

#: The algorithm the dock runs (parameters: docs/dev/contracts.md).
ALGORITHM_ID = "lowland:generateplan"
#: Document formats offered, in the order of the check boxes.
FORMATS = ("docx", "html", "pdf")
#: QSettings key of the last output folder.
FOLDER_KEY = "lowland/plan_output_folder"
#: Heights (px) the splitter starts from, shared out in proportion: inputs, preview.
SPLIT = (330, 220)
_ERROR_STYLE = "color: #b42318;"
_INFO_STYLE = "color: #444444;"


def run_algorithm(parameters: dict, feedback: QgsProcessingFeedback) -> dict:
    """Run ``lowland:generateplan`` (one place, so tests can stand in for it)."""
    import processing  # QGIS's processing package

    return processing.run(ALGORITHM_ID, parameters, feedback=feedback)


class PlanTask(QgsTask):
    """``run_algorithm`` in a background thread (the task manager's); ``results`` or
    ``error`` tell how it ended. Cancelling the task cancels the feedback."""

    def __init__(self, description: str, params: dict, feedback: QgsProcessingFeedback):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.params = params
        self.feedback = feedback
        self.results: dict | None = None
        self.error: Exception | None = None

    def run(self) -> bool:
        try:
            self.results = run_algorithm(self.params, self.feedback)
        except Exception as error:  # noqa: BLE001 (reported by the dock, on the GUI thread)
            self.error = error
            return False
        return True

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()


def algorithm():
    """The generateplan algorithm, or None while it is not registered."""
    return QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)


class PlanDock(QgsDockWidget, FORM_CLASS):
    """实施方案生成: units → documents through lowland:generateplan."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("LowlandPlanDock")
        self.iface = iface
        self.units_layer: QgsVectorLayer | None = None
        self.feedback: QgsProcessingFeedback | None = None
        self.task: PlanTask | None = None
        self.last_folder: str | None = None
        self.last_results: dict | None = None
        self._preview_dir: str | None = None

        self.unitsCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.unitsCombo.setAllowEmptyLayer(True)
        self.unitsCombo.setLayer(None)
        for combo in self.input_combos().values():
            combo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        for widget in (self.docxTemplate, self.htmlTemplate):
            widget.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.outputFolder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.outputFolder.setFilePath(QSettings().value(FOLDER_KEY, "", type=str))
        self.profileCombo.clear()
        for path in sorted(resource_path("profiles").glob("*.json")):
            if path.stem != "schema":
                self.profileCombo.addItem(path.stem)
        self.profileCombo.setCurrentText("default")
        self.splitter.setSizes(list(SPLIT))  # the inputs scroll: the preview keeps room
        self.progressBar.setRange(0, 100)
        self.progressBar.setValue(0)

        self._setup_texts()
        self._connect_widgets()
        self._set_running(False)
        self._show_message("")
        QgsProject.instance().layersAdded.connect(self._layers_added)
        registry = QgsApplication.processingRegistry()
        registry.providerAdded.connect(self._providers_changed)
        registry.providerRemoved.connect(self._providers_changed)

    # ------------------------------------------------------------------ set-up

    def _setup_texts(self) -> None:
        """Every visible text, through tr() (the .ui texts are placeholders)."""
        self.setWindowTitle(tr("实施方案生成"))
        self.unitsLabel.setText(tr("单元图层"))
        self.unitsCombo.setToolTip(tr("再开发单元（lowland:buildunits 的输出，需有 unit_id）"))
        for role, (label, tip) in input_texts().items():
            getattr(self, f"{role.lower()}Label").setText(label)
            self.input_combos()[role].setToolTip(tip)
        self.unitListLabel.setText(tr("单元"))
        self.unitList.setToolTip(tr("勾选要生成实施方案的单元；预览显示当前选中的单元"))
        self.selectAllButton.setText(tr("全选"))
        self.selectNoneButton.setText(tr("全不选"))
        self.templateGroup.setTitle(tr("模板"))
        self.docxTemplateLabel.setText(tr("DOCX 模板"))
        self.htmlTemplateLabel.setText(tr("HTML 模板"))
        for widget, kind in ((self.docxTemplate, "DOCX"), (self.htmlTemplate, "HTML")):
            widget.lineEdit().setPlaceholderText(tr("默认（内置模板）"))
            widget.setToolTip(tr("留空使用内置的{0}模板；或选择本局修改过的模板文件").format(kind))
        self.docxTemplate.setFilter(tr("Word 文档 (*.docx)"))
        self.htmlTemplate.setFilter(tr("HTML 文件 (*.html *.htm)"))
        self.profileLabel.setText(tr("规则配置"))
        self.profileCombo.setToolTip(tr("规则配置：default、yinchuan 或配置文件的路径"))
        self.formatsLabel.setText(tr("格式"))
        self.folderLabel.setText(tr("输出文件夹"))
        self.outputFolder.setDialogTitle(tr("选择输出文件夹"))
        self.previewButton.setText(tr("预览"))
        self.previewButton.setToolTip(tr("在下方预览当前单元的实施方案（HTML）"))
        self.generateButton.setText(tr("生成"))
        self.generateButton.setToolTip(tr("为勾选的单元生成实施方案，写入输出文件夹"))
        self.cancelButton.setText(tr("取消"))
        self.layoutButton.setText(tr("图集布局"))
        self.layoutButton.setToolTip(
            tr("把 A3 评审会图集布局（按单元分页）加入工程并在布局设计器中打开，可修改后打印或导出")
        )
        self.openFolderButton.setText(tr("打开文件夹"))
        self.openFolderButton.setToolTip(tr("打开最近一次生成的输出文件夹"))

    def _connect_widgets(self) -> None:
        self.unitsCombo.layerChanged.connect(self.set_units_layer)
        self.selectAllButton.clicked.connect(lambda: self.set_all_checked(True))
        self.selectNoneButton.clicked.connect(lambda: self.set_all_checked(False))
        self.unitList.itemChanged.connect(lambda _item: self._update_buttons())
        self.unitList.currentItemChanged.connect(lambda *_: self._update_buttons())
        for check in (self.docxCheck, self.htmlCheck, self.pdfCheck):
            check.toggled.connect(lambda _on: self._update_buttons())
        self.outputFolder.fileChanged.connect(lambda _path: self._update_buttons())
        self.previewButton.clicked.connect(lambda: self.preview())
        self.generateButton.clicked.connect(lambda: self.generate())
        self.cancelButton.clicked.connect(self.cancel)
        self.openFolderButton.clicked.connect(lambda: self.open_folder())
        self.layoutButton.clicked.connect(lambda: self.open_layout())
        self.refreshButton = QPushButton(tr("更新单元统计"), self)
        self.refreshButton.setToolTip(
            tr("核查会后或修改单元边界后，按核查后的认定结果重新统计所选单元图层（可撤销）")
        )
        self.buttonRow.insertWidget(0, self.refreshButton)
        self.refreshButton.clicked.connect(lambda: self.refresh_units())

    # ------------------------------------------------------------------ layers

    def input_combos(self) -> dict:
        """generateplan parameter → the combo choosing its layer (besides UNITS)."""
        return {
            "PARCELS": self.parcelsCombo,
            "PROJECTS": self.projectsCombo,
            "PIECES": self.piecesCombo,
            "ZONES": self.zonesCombo,
            "LEGACY": self.legacyCombo,
            "CONTROLS": self.controlsCombo,  # the 控规 of 十、方案比选 (with a store)
        }

    def bind_project_layers(self) -> None:
        """Fill empty choices from the project, each layer recognised by its fields
        (:mod:`.plan_inputs`, not by the order of the layers): units, parcels (the
        identification result), projects, pieces, zones, legacy-land result."""
        if self.units_layer is None:
            layer = self.unitsCombo.currentLayer()
            self.set_units_layer(layer if is_units_layer(layer) else layer_for_role("UNITS"))
        for role, combo in self.input_combos().items():
            if combo.currentLayer() is None:
                combo.setLayer(layer_for_role(role))

    def chosen_layers(self) -> dict:
        """Role → chosen layer (None when empty), UNITS included."""
        chosen = {role: combo.currentLayer() for role, combo in self.input_combos().items()}
        chosen["UNITS"] = self.units_layer
        return chosen

    def _providers_changed(self, _provider_id: str) -> None:
        self._update_buttons()

    def _layers_added(self, _layers) -> None:
        if not self._running():
            self.bind_project_layers()

    def set_units_layer(self, layer) -> bool:
        """List the units of ``layer`` (sorted by unit_id, all checked); a layer without
        unit_id is refused with a message."""
        self.units_layer = None
        self.unitsCombo.blockSignals(True)
        self.unitsCombo.setLayer(layer)
        self.unitsCombo.blockSignals(False)
        self.unitList.clear()
        ok = True
        if layer is None:
            self._show_message(tr("请选择再开发单元图层（lowland:buildunits 的输出）。"))
            ok = False
        elif not is_units_layer(layer):
            self._show_message(
                tr("图层「{0}」不是再开发单元图层：需要面图层且有 unit_id 字段。").format(
                    layer.name()
                ),
                error=True,
            )
            ok = False
        else:
            self.units_layer = layer
            self._fill_units(layer)
            self._show_message("")
        self._update_buttons()
        return ok

    def _fill_units(self, layer: QgsVectorLayer) -> None:
        fields = layer.fields()
        names = ["unit_id"] + (["unit_name"] if fields.indexOf("unit_name") >= 0 else [])
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes(names, fields)
        units: dict[str, str] = {}
        for feature in layer.getFeatures(request):
            unit_id = feature["unit_id"]
            if unit_id is None or str(unit_id) in ("", "NULL"):
                continue
            name = feature["unit_name"] if "unit_name" in names else None
            units[str(unit_id)] = "" if name is None or str(name) == "NULL" else str(name)
        self.unitList.blockSignals(True)
        for unit_id in sorted(units):
            text = f"{unit_id}  {units[unit_id]}".strip()
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.unitList.addItem(item)
        self.unitList.blockSignals(False)
        if self.unitList.count():
            self.unitList.setCurrentRow(0)
        self.unitListLabel.setText(tr("单元（{0} 个）").format(self.unitList.count()))

    # ------------------------------------------------------------------ choices

    def unit_ids(self) -> list[str]:
        """Every listed unit id, in list order."""
        return [
            self.unitList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.unitList.count())
        ]

    def checked_unit_ids(self) -> list[str]:
        return [
            self.unitList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.unitList.count())
            if self.unitList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, unit_ids) -> None:
        wanted = {str(u) for u in unit_ids}
        for i in range(self.unitList.count()):
            item = self.unitList.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )

    def set_all_checked(self, checked: bool) -> None:
        self.set_checked(self.unit_ids() if checked else [])

    def current_unit_id(self) -> str | None:
        """The highlighted unit (the one the preview shows), else the first checked one."""
        item = self.unitList.currentItem()
        if item is not None:
            return item.data(Qt.ItemDataRole.UserRole)
        checked = self.checked_unit_ids()
        return checked[0] if checked else None

    def select_unit(self, unit_id: str) -> bool:
        for i in range(self.unitList.count()):
            if self.unitList.item(i).data(Qt.ItemDataRole.UserRole) == unit_id:
                self.unitList.setCurrentRow(i)
                return True
        return False

    def formats(self) -> list[str]:
        checks = (self.docxCheck, self.htmlCheck, self.pdfCheck)
        return [fmt for fmt, check in zip(FORMATS, checks, strict=True) if check.isChecked()]

    def output_folder(self) -> str:
        return self.outputFolder.filePath().strip()

    # ------------------------------------------------------------------ parameters

    def parameters(self, unit_ids: list[str], formats: list[str], folder: str) -> dict:
        """The parameters of lowland:generateplan for the dock's choices (contract in
        docs/dev/contracts.md). Raises ValueError with a message for the user."""
        if self.units_layer is None:
            raise ValueError(tr("请选择再开发单元图层（lowland:buildunits 的输出）。"))
        if not unit_ids:
            raise ValueError(tr("请至少勾选一个单元。"))
        if not formats:
            raise ValueError(tr("请至少选择一种格式（DOCX、HTML 或 PDF）。"))
        if not folder:
            raise ValueError(tr("请选择输出文件夹。"))
        params: dict = {
            "UNITS": self.units_layer,
            "UNIT_IDS": ",".join(unit_ids),
            "FORMATS": self._formats_value(formats),
            "OUTPUT_FOLDER": folder,
        }
        for key, combo in self.input_combos().items():
            layer = combo.currentLayer()
            problem = role_problem(key, layer)
            if problem:
                raise ValueError(problem)
            if layer is not None:
                params[key] = layer
        store = default_store_path(self.units_layer)  # 方案比选: the store beside the units
        if store is not None and store.is_file():
            params["SCENARIOS"] = str(store)
        profile = self.profileCombo.currentText().strip()
        if profile:
            params["PROFILE"] = profile
        for key, widget, suffixes in (
            ("TEMPLATE_DOCX", self.docxTemplate, (".docx",)),
            ("TEMPLATE_HTML", self.htmlTemplate, (".html", ".htm")),
        ):
            path = widget.filePath().strip()
            if not path:
                continue  # the algorithm's default: the bundled template
            if not Path(path).is_file() or Path(path).suffix.lower() not in suffixes:
                raise ValueError(
                    tr("模板文件不存在或类型不对：{0}（需要 {1}）").format(
                        path, " / ".join(suffixes)
                    )
                )
            params[key] = path
        return params

    @staticmethod
    def _formats_value(formats: list[str]):
        """FORMATS as the algorithm declares it: enum indexes, or a comma-separated string."""
        alg = algorithm()
        definition = alg.parameterDefinition("FORMATS") if alg is not None else None
        if isinstance(definition, QgsProcessingParameterEnum):
            options = [o.lower() for o in definition.options()]
            indexes = []
            for fmt in formats:
                match = [i for i, option in enumerate(options) if fmt in option]
                if match:
                    indexes.append(match[0])
            if definition.allowMultiple():
                return indexes
            return indexes[0] if indexes else None
        return ",".join(formats)

    # ------------------------------------------------------------------ running

    def _running(self) -> bool:
        return self.feedback is not None

    def _run(self, params: dict) -> dict | None:
        """Run the algorithm with progress and cancel; None (with a message) on failure."""
        if algorithm() is None:
            self._show_message(self._missing_algorithm_text(), error=True)
            return None
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self._progress)
        self.progressBar.setValue(0)
        self._set_running(True)
        task = PlanTask(tr("实施方案生成"), params, self.feedback)
        self.task = task
        try:
            self._wait_for(task)
            if task.error is None and task.results is not None:
                return task.results
            cancelled = self.feedback.isCanceled()
            error = task.error or QgsProcessingException(tr("任务被终止。"))
            text = tr("已取消。") if cancelled else tr("生成失败：{0}").format(str(error))
            self._show_message(text, error=not cancelled)
            self._push(text, Qgis.MessageLevel.Info if cancelled else Qgis.MessageLevel.Critical)
            return None
        finally:
            self.feedback = None
            self.task = None
            self._set_running(False)

    @staticmethod
    def _wait_for(task: PlanTask) -> None:
        """Run ``task`` in the task manager and wait in an event loop (the GUI keeps
        painting and the cancel button keeps working) until it has finished."""
        loop = QEventLoop()
        task.taskCompleted.connect(loop.quit)
        task.taskTerminated.connect(loop.quit)
        QgsApplication.taskManager().addTask(task)
        if task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
            loop.exec()

    def _progress(self, value: float) -> None:
        self.progressBar.setValue(int(round(value)))

    def cancel(self) -> None:
        if self.feedback is not None:
            self.feedback.cancel()
            self._show_message(tr("正在取消…"))

    def generate(self) -> dict | None:
        """Documents of the checked units into the output folder; the algorithm's results."""
        try:
            params = self.parameters(self.checked_unit_ids(), self.formats(), self.output_folder())
        except ValueError as error:
            self._show_message(str(error), error=True)
            return None
        folder = params["OUTPUT_FOLDER"]
        existing = existing_files(folder, self.checked_unit_ids(), self.formats(), maps=True)
        if existing:
            if not self.confirm_overwrite(existing):
                self._show_message(
                    tr("未生成：输出文件夹中已有 {0} 个同名文件，未覆盖。").format(len(existing))
                )
                return None
            params["OVERWRITE"] = True
        missing = missing_parts(self.chosen_layers())
        if missing and not self.confirm_missing(missing):
            self._show_message(tr("未生成：请先补充缺少的图层。"))
            return None
        Path(folder).mkdir(parents=True, exist_ok=True)
        QSettings().setValue(FOLDER_KEY, folder)
        self._show_message(tr("正在生成…"))
        results = self._run(params)
        if results is None:
            return None
        self.last_results = results
        self.last_folder = str(results.get("OUTPUT_FOLDER") or folder)
        count = len(self.checked_unit_ids())
        text = tr("已为 {0} 个单元生成实施方案：{1}").format(count, self.last_folder)
        if missing:
            text = tr("已为 {0} 个单元生成实施方案（不完整）：{1}\n缺少：\n{2}").format(
                count, self.last_folder, missing_summary(missing)
            )
        self._show_message(text, error=bool(missing))
        self.progressBar.setValue(100)
        self._push(
            text,
            Qgis.MessageLevel.Warning if missing else Qgis.MessageLevel.Success,
            with_open_button=True,
        )
        self._update_buttons()
        return results

    def confirm_missing(self, missing) -> bool:
        """Ask whether to generate documents with the chapters ``missing`` left empty."""
        answer = QMessageBox.question(
            self,
            tr("实施方案不完整"),
            tr("所选图层不足，实施方案将缺少以下内容：\n{0}\n\n仍然生成吗？").format(
                missing_summary(missing)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_overwrite(self, existing: list[Path]) -> bool:
        """Ask whether the files already in the output folder may be replaced."""
        shown = "\n".join(str(p) for p in existing[:8]) + ("\n…" if len(existing) > 8 else "")
        answer = QMessageBox.question(
            self,
            tr("覆盖已有文件？"),
            tr("输出文件夹中已有 {0} 个同名文件：\n{1}\n\n覆盖这些文件吗？").format(
                len(existing), shown
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def preview(self) -> str | None:
        """Render the current unit as HTML into a temporary folder and show it; the
        HTML file's path."""
        unit_id = self.current_unit_id()
        if unit_id is None:
            self._show_message(tr("请先选择要预览的单元。"), error=True)
            return None
        self._clear_preview_dir()
        self._preview_dir = tempfile.mkdtemp(prefix="lowland_preview_")
        try:
            params = self.parameters([unit_id], ["html"], self._preview_dir)
        except ValueError as error:
            self._show_message(str(error), error=True)
            return None
        self._show_message(tr("正在生成预览：{0}…").format(unit_id))
        results = self._run(params)
        if results is None:
            return None
        page = _html_of(Path(self._preview_dir), unit_id)
        if page is None:
            self._show_message(tr("预览失败：算法没有写出 HTML 文件。"), error=True)
            return None
        self.previewBrowser.clear()
        self.previewBrowser.setSearchPaths([str(page.parent)])
        self.previewBrowser.setSource(QUrl.fromLocalFile(str(page)))
        self._show_message(tr("预览：单元 {0}").format(unit_id))
        return str(page)

    def open_layout(self):
        """Add the review atlas over the chosen units layer to the project and open it in
        the layout designer; returns the layout (None when it could not be made)."""
        from ..bridge.layouts import add_review_layout

        try:
            layout = add_review_layout(QgsProject.instance(), self.units_layer)
        except QgsProcessingException as err:
            self._show_message(str(err), error=True)
            return None
        self.iface.openLayoutDesigner(layout)
        self._show_message(
            tr("已加入布局「{0}」：每个单元一页，地图显示工程中可见的图层。").format(layout.name())
        )
        return layout

    def open_folder(self, folder: str | None = None) -> bool:
        target = folder or self.last_folder or self.output_folder()
        if not target or not Path(target).is_dir():
            self._show_message(tr("输出文件夹不存在：{0}").format(target or "—"), error=True)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    # ------------------------------------------------------------------ state

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.unitsCombo,
            *self.input_combos().values(),
            self.unitList,
            self.selectAllButton,
            self.selectNoneButton,
            self.templateGroup,
            self.docxCheck,
            self.htmlCheck,
            self.pdfCheck,
            self.outputFolder,
        ):
            widget.setEnabled(not running)
        self.cancelButton.setEnabled(running)
        self.progressBar.setVisible(True)
        self._update_buttons()

    def refresh_units(self) -> tuple[int, list[str]] | None:
        """「更新单元统计」: recount the units layer from the chosen parcels layer."""
        if self.units_layer is None:
            self._show_message(tr("请先选择再开发单元图层。"), error=True)
            return None
        try:
            done = refresh_units_layer(self.units_layer, self.parcelsCombo.currentLayer())
        except QgsProcessingException as err:
            self._show_message(str(err), error=True)
            return None
        self._fill_units(self.units_layer)
        self._show_message(refresh_message(*done))
        return done

    def _update_buttons(self) -> None:
        running = self._running()
        available = algorithm() is not None
        bound = self.units_layer is not None and self.unitList.count() > 0
        self.previewButton.setEnabled(available and bound and not running)
        self.generateButton.setEnabled(
            available
            and bound
            and not running
            and bool(self.checked_unit_ids())
            and bool(self.formats())
            and bool(self.output_folder())
        )
        tip = "" if available else self._missing_algorithm_text()
        for button in (self.previewButton, self.generateButton):
            button.setStatusTip(tip)
        if not available:
            self.generateButton.setToolTip(tip)
            self.previewButton.setToolTip(tip)
        folder = self.last_folder or self.output_folder()
        self.openFolderButton.setEnabled(bool(folder) and Path(folder).is_dir() and not running)
        self.layoutButton.setEnabled(bound and not running)

    @staticmethod
    def _missing_algorithm_text() -> str:
        return tr("实施方案生成算法（{0}）未注册：请更新插件。").format(ALGORITHM_ID)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.messageLabel.setText(text)
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error else _INFO_STYLE)
        self.messageLabel.setVisible(bool(text))

    def message_text(self) -> str:
        return self.messageLabel.text()

    def _push(self, text: str, level, with_open_button: bool = False) -> None:
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        if with_open_button and self.last_folder:
            item = bar.createMessage(tr("实施方案生成"), text)
            button = QPushButton(tr("打开文件夹"), item)
            folder = self.last_folder
            button.clicked.connect(lambda: self.open_folder(folder))
            item.layout().addWidget(button)
            bar.pushWidget(item, level, 10)
        else:
            bar.pushMessage(tr("实施方案生成"), text, level=level, duration=8)

    def _clear_preview_dir(self) -> None:
        if self._preview_dir:
            shutil.rmtree(self._preview_dir, ignore_errors=True)
            self._preview_dir = None

    def unload(self) -> None:
        """Disconnect from the project and remove the preview files (called by the plugin)."""
        if self.feedback is not None:
            self.feedback.cancel()
        registry = QgsApplication.processingRegistry()
        for signal, slot in (
            (QgsProject.instance().layersAdded, self._layers_added),
            (registry.providerAdded, self._providers_changed),
            (registry.providerRemoved, self._providers_changed),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._clear_preview_dir()


def _html_of(folder: Path, unit_id: str) -> Path | None:
    """The HTML document the algorithm wrote for ``unit_id`` in ``folder``."""
    pages = sorted(folder.rglob("*.html")) + sorted(folder.rglob("*.htm"))
    for page in pages:
        if unit_id in page.name:
            return page
    return pages[0] if pages else None
