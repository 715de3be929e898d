"""The 实施方案生成 dock: units listed from the layer, the choices passed to
lowland:generateplan, progress and cancel, preview and generate on the sample, and the
plugin's menu action / clean unload."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer

ROOT = Path(__file__).resolve().parents[1]
MODULE = "lowland_under_test.lowland_plugin.gui.plan_dock"
X0, Y0, X1, Y1 = 606400.0, 4261850.0, 608200.0, 4263385.0  # sample boundary extent
XM, YM = (X0 + X1) / 2, (Y0 + Y1) / 2
UNITS = (  # inserted out of order: the list sorts by unit_id
    ("DY02", "北部单元", "near", (X0, YM, X1, Y1)),
    ("DY01", "西南单元", "mid", (X0, Y0, XM, YM)),
    ("DY03", None, None, (XM, Y0, X1, YM)),
)


def make_units() -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:4544&field=unit_id:string&field=unit_name:string"
        "&field=phase:string&field=area_m2:double",
        "再开发单元",
        "memory",
    )
    features = []
    for unit_id, name, phase, rect in UNITS:
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry.fromRect(QgsRectangle(*rect))
        feature.setGeometry(geometry)
        feature.setAttributes([unit_id, name, phase, geometry.area()])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture
def units(qgis_new_project) -> QgsVectorLayer:
    layer = make_units()
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def dock(qgis_iface, units, lowland_provider):
    from lowland_under_test.lowland_plugin.gui.plan_dock import PlanDock

    widget = PlanDock(qgis_iface)
    assert widget.set_units_layer(units), widget.message_text()
    widget.show()
    yield widget
    widget.unload()
    widget.close()
    widget.deleteLater()
    QCoreApplication.processEvents()


class StubAlgorithm:
    """Stands in for lowland:generateplan where only its FORMATS definition matters."""

    def __init__(self, formats=None) -> None:
        self.formats = formats

    def parameterDefinition(self, name):  # noqa: N802 (QGIS API)
        return self.formats if name == "FORMATS" else None


def recording_run(calls: list):
    """Stands in for run_algorithm: records the parameters, writes nothing."""

    def fake_run(params, feedback):
        calls.append(dict(params))
        return {"OUTPUT_FOLDER": params["OUTPUT_FOLDER"]}

    return fake_run


def answering(questions: list, reply):
    """Stands in for QMessageBox.question: records (title, text), answers ``reply``."""

    def ask(parent, title, text, *args):
        questions.append((title, text))
        return reply

    return ask


def listed(dock) -> list[str]:
    return [dock.unitList.item(i).text() for i in range(dock.unitList.count())]


def test_dock_lists_the_units_sorted_all_checked(dock):
    assert dock.windowTitle() == "实施方案生成"
    assert listed(dock) == ["DY01  西南单元", "DY02  北部单元", "DY03"]
    assert dock.unit_ids() == ["DY01", "DY02", "DY03"]
    assert dock.checked_unit_ids() == ["DY01", "DY02", "DY03"]
    assert dock.unitListLabel.text() == "单元（3 个）"
    assert dock.current_unit_id() == "DY01"
    dock.selectNoneButton.click()
    assert dock.checked_unit_ids() == []
    assert not dock.generateButton.isEnabled()
    dock.unitList.item(2).setCheckState(Qt.Checked)
    dock.selectAllButton.click()
    assert dock.checked_unit_ids() == ["DY01", "DY02", "DY03"]
    assert dock.formats() == ["docx", "html"]  # PDF unchecked by default


def test_a_layer_without_unit_id_is_refused(dock, sample_gpkg):
    parcels = QgsVectorLayer(f"{sample_gpkg}|layername=parcels", "parcels", "ogr")
    QgsProject.instance().addMapLayer(parcels)
    assert not dock.set_units_layer(parcels)
    assert "「parcels」" in dock.message_text() and "unit_id" in dock.message_text()
    assert dock.unitList.count() == 0
    assert not dock.previewButton.isEnabled() and not dock.generateButton.isEnabled()


def test_project_layers_are_guessed(qgis_iface, units, sample_gpkg, lowland_provider):
    from lowland_under_test.lowland_plugin.gui.plan_dock import PlanDock

    projects = QgsVectorLayer(
        str(ROOT / "resources" / "sample" / "sample_projects.gpkg"), "projects", "ogr"
    )
    assert projects.isValid() and projects.fields().indexOf("project_id") >= 0
    QgsProject.instance().addMapLayer(projects)
    widget = PlanDock(qgis_iface)
    try:
        widget.bind_project_layers()
        assert widget.units_layer is units and widget.unitList.count() == 3
        assert widget.projectsCombo.currentLayer() is projects
        assert widget.parcelsCombo.currentLayer() is None  # no parcels layer with unit_id
    finally:
        widget.unload()
        widget.deleteLater()


def test_choices_become_the_algorithm_parameters(dock, units, tmp_path):
    module = sys.modules[MODULE]
    docx = tmp_path / "本局模板.docx"
    docx.write_bytes(b"PK")
    html = tmp_path / "本局模板.html"
    html.write_text("<html>{{ unit.unit_id }}</html>", encoding="utf-8")
    out = tmp_path / "方案"
    dock.unitList.item(1).setCheckState(Qt.Unchecked)  # DY02
    dock.pdfCheck.setChecked(True)
    dock.htmlCheck.setChecked(False)
    dock.docxTemplate.setFilePath(str(docx))
    dock.htmlTemplate.setFilePath(str(html))
    dock.profileCombo.setCurrentText("yinchuan")
    dock.outputFolder.setFilePath(str(out))
    calls, threads, states = [], [], []
    dock.progressBar.valueChanged.connect(
        lambda value: states.append(
            (value, dock.cancelButton.isEnabled(), dock.generateButton.isEnabled())
        )
    )

    def fake_run(params, feedback):
        # the algorithm runs in a task's thread, never on the GUI thread (issue 21)
        threads.append(threading.current_thread() is threading.main_thread())
        calls.append(dict(params))
        feedback.setProgress(50)
        for unit_id in params["UNIT_IDS"].split(","):
            (Path(params["OUTPUT_FOLDER"]) / f"{unit_id}.docx").write_bytes(b"PK")
        return {"OUTPUT_FOLDER": params["OUTPUT_FOLDER"]}

    enum = QgsProcessingParameterEnum("FORMATS", "", ["DOCX", "HTML", "PDF"], allowMultiple=True)
    asked = []  # no parcels, projects or legacy chosen: the dock asks first (issue 17)
    with (
        mock.patch.object(module, "run_algorithm", fake_run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm(enum)),
        mock.patch.object(dock, "confirm_missing", lambda parts: asked.append(parts) or True),
    ):
        dock._update_buttons()  # as when the provider registers (providerAdded)
        assert dock.generateButton.isEnabled()
        dock.generateButton.click()
    assert len(calls) == 1 and threads == [False]
    assert (50, True, False) in states  # progress shown while running; cancel enabled
    params = calls[0]
    assert params["UNITS"] is units
    assert params["UNIT_IDS"] == "DY01,DY03"
    assert params["FORMATS"] == [0, 2]  # enum indexes of DOCX and PDF
    assert params["TEMPLATE_DOCX"] == str(docx) and params["TEMPLATE_HTML"] == str(html)
    assert params["PROFILE"] == "yinchuan"
    assert params["OUTPUT_FOLDER"] == str(out)
    assert "PARCELS" not in params and "PROJECTS" not in params  # none chosen
    assert sorted(p.name for p in out.iterdir()) == ["DY01.docx", "DY03.docx"]
    assert [p.role for p in asked[0]] == ["PARCELS", "LEGACY", "PROJECTS"]
    assert dock.message_text().startswith(f"已为 2 个单元生成实施方案（不完整）：{out}\n缺少：")
    assert "二、低效用地清单" in dock.message_text()
    assert dock.progressBar.value() == 100 and not dock.cancelButton.isEnabled()
    assert dock.openFolderButton.isEnabled() and dock.last_folder == str(out)
    # an algorithm declaring FORMATS as a string gets "docx,pdf"
    with (
        mock.patch.object(module, "run_algorithm", fake_run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm(None)),
        mock.patch.object(dock, "confirm_missing", lambda parts: True),
    ):
        dock.generate()
    assert calls[1]["FORMATS"] == "docx,pdf"


def test_cancel_stops_the_run(dock, tmp_path):
    module = sys.modules[MODULE]
    dock.outputFolder.setFilePath(str(tmp_path))
    seen = []

    def fake_run(params, feedback):
        feedback.setProgress(10)
        deadline = time.monotonic() + 20
        while not feedback.isCanceled() and time.monotonic() < deadline:
            time.sleep(0.01)  # the GUI thread stays free: the user can click 取消
        seen.append(feedback.isCanceled())
        raise QgsProcessingException("已取消：输出不完整，未保留。")

    # the user clicks 取消 while the algorithm runs
    QTimer.singleShot(200, dock.cancelButton.click)
    with (
        mock.patch.object(module, "run_algorithm", fake_run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm()),
        mock.patch.object(dock, "confirm_missing", lambda parts: True),
    ):
        assert dock.generate() is None
    assert seen == [True]
    assert dock.message_text() == "已取消。"
    assert dock.generateButton.isEnabled() and not dock.cancelButton.isEnabled()


def test_bad_choices_are_explained(dock, tmp_path):
    module = sys.modules[MODULE]
    run = mock.Mock()
    with (
        mock.patch.object(module, "run_algorithm", run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm()),
    ):
        dock.outputFolder.setFilePath("")
        assert dock.generate() is None and dock.message_text() == "请选择输出文件夹。"
        dock.outputFolder.setFilePath(str(tmp_path))
        wrong = tmp_path / "模板.txt"
        wrong.write_text("x", encoding="utf-8")
        dock.docxTemplate.setFilePath(str(wrong))
        assert dock.generate() is None
        assert dock.message_text() == f"模板文件不存在或类型不对：{wrong}（需要 .docx）"
        dock.docxTemplate.setFilePath("")
        dock.docxCheck.setChecked(False)
        dock.htmlCheck.setChecked(False)
        assert dock.generate() is None
        assert dock.message_text() == "请至少选择一种格式（DOCX、HTML 或 PDF）。"
    run.assert_not_called()


def test_without_the_algorithm_the_buttons_say_why(dock, tmp_path):
    module = sys.modules[MODULE]
    dock.outputFolder.setFilePath(str(tmp_path))
    with mock.patch.object(module, "algorithm", lambda: None):
        dock._update_buttons()
        assert not dock.generateButton.isEnabled() and not dock.previewButton.isEnabled()
        assert "lowland:generateplan" in dock.generateButton.toolTip()


# ----------------------------------------------------------------------------- real runs

GENERATEPLAN_FILE = ROOT / "processing" / "generate_plan.py"
needs_generateplan = pytest.mark.skipif(
    not GENERATEPLAN_FILE.is_file(),
    reason="lowland:generateplan is not built yet (issue 9 item 3, in progress in parallel)",
)


@needs_generateplan
def test_preview_and_generate_with_the_real_algorithm(
    qgis_iface, qgis_new_project, sample_units_chain, tmp_path
):
    from lowland_under_test.lowland_plugin.gui.plan_dock import PlanDock

    assert QgsApplication.processingRegistry().algorithmById("lowland:generateplan"), (
        "processing/generate_plan.py exists but the provider does not register it"
    )
    project = QgsProject.instance()
    units = QgsVectorLayer(sample_units_chain["units"], "再开发单元", "ogr")
    parcels = QgsVectorLayer(sample_units_chain["parcels"], "宗地", "ogr")
    projects = QgsVectorLayer(
        str(ROOT / "resources" / "sample" / "sample_projects.gpkg"), "项目", "ogr"
    )
    project.addMapLayers([units, parcels, projects])
    dock = PlanDock(qgis_iface)
    try:
        dock.bind_project_layers()
        assert dock.units_layer is units and dock.unit_ids() == ["DY01", "DY02", "DY03", "DY04"]
        assert dock.parcelsCombo.currentLayer() is parcels
        assert dock.projectsCombo.currentLayer() is projects
        dock.select_unit("DY02")
        page = dock.preview()
        assert page is not None, dock.message_text()
        assert "DY02" in dock.previewBrowser.toPlainText()
        out = tmp_path / "out"
        dock.outputFolder.setFilePath(str(out))
        dock.set_checked(["DY01", "DY03"])
        dock.pdfCheck.setChecked(True)  # PDF and maps, too, are made in the task's thread
        with mock.patch.object(dock, "confirm_missing", lambda parts: True):  # no legacy
            results = dock.generate()
        assert results is not None, dock.message_text()
        names = sorted(p.name for p in out.rglob("*") if p.is_file())
        assert any("DY01" in n and n.endswith(".docx") for n in names), names
        assert any("DY03" in n and n.endswith(".pdf") for n in names), names
        assert "map_DY01.png" in names and "实施方案图集.pdf" in names, names
        if shutil.which("pdftotext"):  # fonts work off the GUI thread: the text reads back
            pdf = next(out.rglob("DY03*.pdf"))
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert "DY03" in text and "资金平衡" in text, text[:200]
        assert any("DY03" in n and n.endswith(".html") for n in names), names
        assert not any("DY02" in n or "DY04" in n for n in names), names
    finally:
        dock.unload()
        dock.deleteLater()


# ----------------------------------------------------------------------------- plugin


_KEEP: list = []


def test_plugin_action_shows_the_dock_and_unloads(
    tmp_path, qgis_iface, qgis_app, units, load_plugin_copy
):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("lowland")
    if existing is not None:
        registry.removeProvider(existing)
    module = load_plugin_copy(tmp_path, "lowland_plan_copy")
    try:
        with (
            mock.patch.object(qgis_iface, "addPluginToMenu") as add_menu,
            mock.patch.object(qgis_iface, "removePluginMenu") as remove_menu,
            mock.patch.object(qgis_iface, "addDockWidget") as add_dock,
            mock.patch.object(qgis_iface, "removeDockWidget") as remove_dock,
        ):
            plugin = module.classFactory(qgis_iface)
            plugin.initGui()
            actions = [a for a in plugin.actions if a.objectName() == "lowland_plan"]
            assert len(actions) == 1 and actions[0].text() == "实施方案生成"
            assert actions[0].isCheckable() and actions[0] in plugin.toolbar.actions()
            assert "实施方案生成" in [c.args[1].text() for c in add_menu.call_args_list]
            actions[0].setChecked(True)
            dock = plugin.plan_dock
            assert dock is not None and not dock.isHidden()
            assert add_dock.call_args.args[1] is dock
            assert dock.units_layer is units  # found in the project
            dock.close()
            assert not actions[0].isChecked()
            actions[0].setChecked(True)
            plugin.unload()
            remove_dock.assert_any_call(dock)
            assert plugin.plan_dock is None and plugin.actions == []
            assert remove_menu.call_count == add_menu.call_count
    finally:
        for name in [m for m in sys.modules if m.startswith("lowland_plan_copy")]:
            del sys.modules[name]
        if registry.providerById("lowland") is None and existing is not None:
            from lowland_under_test.processing.provider import LowlandProvider

            provider = LowlandProvider()
            registry.addProvider(provider)
            _KEEP.append(provider)  # the registry owns it; Python must not collect it


def test_atlas_layout_opens_in_the_project(dock, qgis_iface, units):
    """「图集布局」: the review atlas over the units joins the project's layouts (one page per
    unit, map following the project's layers) and opens in the layout designer."""
    from unittest import mock

    manager = QgsProject.instance().layoutManager()
    assert dock.layoutButton.isEnabled()
    with mock.patch.object(qgis_iface, "openLayoutDesigner") as designer:
        dock.layoutButton.click()
        dock.layoutButton.click()  # a second one gets its own name
    names = [layout.name() for layout in manager.printLayouts()]
    assert names == ["再开发单元评审图集", "再开发单元评审图集 2"]
    layout = manager.layoutByName("再开发单元评审图集")
    assert designer.call_args_list[0].args[0] is layout
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer() is units
    assert atlas.updateFeatures() == 3
    assert [atlas.nameForPage(i) for i in range(3)] == ["DY01", "DY02", "DY03"]
    assert "已加入布局「再开发单元评审图集 2」" in dock.message_text()


def test_existing_documents_are_replaced_only_when_the_user_says_so(dock, tmp_path):
    """Issue 21 item 9: the dock asks before files of the same name are overwritten."""
    from qgis.PyQt.QtWidgets import QMessageBox

    module = sys.modules[MODULE]
    dock.outputFolder.setFilePath(str(tmp_path))
    dock.set_checked(["DY01"])
    dock.docxCheck.setChecked(True)
    dock.htmlCheck.setChecked(False)
    dock.pdfCheck.setChecked(False)
    (tmp_path / "DY01_实施方案.docx").write_bytes(b"earlier")
    dock.confirm_missing = lambda parts: True  # the missing-chapter question: its own test
    calls, questions = [], []
    fake_run = recording_run(calls)

    def answer(reply):
        return answering(questions, reply)

    with (
        mock.patch.object(module, "run_algorithm", fake_run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm()),
        mock.patch.object(module.QMessageBox, "question", answer(QMessageBox.No)),
    ):
        assert dock.generate() is None
    assert calls == [] and "DY01_实施方案.docx" in questions[0][1]
    assert dock.message_text() == "未生成：输出文件夹中已有 1 个同名文件，未覆盖。"
    with (
        mock.patch.object(module, "run_algorithm", fake_run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm()),
        mock.patch.object(module.QMessageBox, "question", answer(QMessageBox.Yes)),
    ):
        assert dock.generate() is not None
    assert len(calls) == 1 and calls[0]["OVERWRITE"] is True
    (tmp_path / "DY01_实施方案.docx").unlink()
    with (
        mock.patch.object(module, "run_algorithm", fake_run),
        mock.patch.object(module, "algorithm", lambda: StubAlgorithm()),
        mock.patch.object(module.QMessageBox, "question", answer(QMessageBox.No)),
    ):
        assert dock.generate() is not None  # nothing to replace: no question
    assert len(questions) == 2 and "OVERWRITE" not in calls[1]


def test_generateplan_may_run_off_the_gui_thread(lowland_provider):
    """Issue 21 item 2: templates are never rendered on the GUI thread: the Processing
    toolbox, too, runs generateplan as a background task (the dock's own task makes maps,
    PDF and documents in a thread: test_preview_and_generate_with_the_real_algorithm)."""
    from qgis.core import QgsProcessingAlgorithm

    alg = QgsApplication.processingRegistry().algorithmById("lowland:generateplan")
    assert not alg.flags() & QgsProcessingAlgorithm.FlagNoThreading


# ----------------------------------------------------------------------------- issue 17 item 3


def _demo_project_layers(chain: dict, sample_gpkg, folder: Path) -> dict:
    """The layers of the shipped demo project (scripts/make_demo_project.py), added in
    its order: the check outputs (a FAR check carries project_id and the template's
    fields) come first in the layer list, as in lowland_demo.qgz."""
    import processing

    projects_gpkg = ROOT / "resources" / "sample" / "sample_projects.gpkg"
    far = processing.run(
        "lowland:farcheck",
        {"PROJECTS": f"{projects_gpkg}|layername=projects", "OUTPUT": str(folder / "far.gpkg")},
    )["OUTPUT"]
    sources = {
        "far": (far, "容积率核定"),
        "identified": (chain["identified"], "低效用地认定结果"),
        "blocks": (chain["blocks"], "街坊"),
        "roads": (f"{sample_gpkg}|layername=roads", "道路"),
        "units": (chain["units"], "再开发单元"),
        "parcels_in_units": (chain["parcels"], "单元内宗地"),
        "legacy": (chain["legacy"], "历史遗留用地认定"),
        "projects": (f"{projects_gpkg}|layername=projects", "再开发项目"),
        "pieces": (f"{projects_gpkg}|layername=pieces", "零星用地地块"),
        "zones": (f"{projects_gpkg}|layername=zones", "功能分区"),
        "controls": (f"{sample_gpkg}|layername=plan", "控规"),
    }
    layers = {}
    for key, (source, name) in sources.items():
        layer = QgsVectorLayer(str(source), name, "ogr")
        assert layer.isValid(), source
        layers[key] = layer
    QgsProject.instance().addMapLayers(list(layers.values()))
    return layers


def test_roles_are_recognised_by_fields_on_the_demo_layers(
    qgis_iface, qgis_new_project, sample_units_chain, sample_gpkg, tmp_path
):
    from lowland_under_test.lowland_plugin.gui.plan_dock import PlanDock
    from lowland_under_test.lowland_plugin.gui.plan_inputs import role_problem

    layers = _demo_project_layers(sample_units_chain, sample_gpkg, tmp_path)
    dock = PlanDock(qgis_iface)
    try:
        dock.bind_project_layers()
        chosen = dock.chosen_layers()
        assert chosen["UNITS"] is layers["units"]
        # the identification result the review decides on, not the pre-review copy
        assert chosen["PARCELS"] is layers["identified"]
        assert chosen["PROJECTS"] is layers["projects"]  # not the FAR check output
        assert chosen["PIECES"] is layers["pieces"]
        assert chosen["ZONES"] is layers["zones"]
        assert chosen["LEGACY"] is layers["legacy"]
        # the 控规 (far_max, plan_id): not the blocks, units or the FAR check before it;
        # passed to generateplan as CONTROLS (the capacity of 十、方案比选)
        assert chosen["CONTROLS"] is layers["controls"]
        assert role_problem("CONTROLS", layers["units"]) is not None
        params = dock.parameters(["DY01"], ["html"], str(tmp_path))
        assert params["CONTROLS"] is layers["controls"]
        # a check output chosen by hand as the projects layer is refused, with its name
        problem = role_problem("PROJECTS", layers["far"])
        assert problem is not None and "「容积率核定」" in problem
        dock.projectsCombo.setLayer(layers["far"])
        with pytest.raises(ValueError, match="容积率核定"):
            dock.parameters(["DY01"], ["html"], str(tmp_path))
    finally:
        dock.unload()
        dock.deleteLater()


def test_missing_chapters_are_listed_and_asked_before_generating(dock, tmp_path):
    """Issue 17 item 3: no parcels / projects / legacy → the question names the empty
    chapters; No generates nothing; Yes generates and the result names them."""
    from qgis.PyQt.QtWidgets import QMessageBox

    module = sys.modules[MODULE]
    dock.outputFolder.setFilePath(str(tmp_path))
    dock.set_checked(["DY01"])
    calls, questions = [], []
    fake_run = recording_run(calls)

    def answer(reply):
        return answering(questions, reply)

    for reply in (QMessageBox.No, QMessageBox.Yes):
        with (
            mock.patch.object(module, "run_algorithm", fake_run),
            mock.patch.object(module, "algorithm", lambda: StubAlgorithm()),
            mock.patch.object(module.QMessageBox, "question", answer(reply)),
        ):
            result = dock.generate()
        if reply == QMessageBox.No:
            assert result is None and calls == []
            assert dock.message_text() == "未生成：请先补充缺少的图层。"
    title, text = questions[0]
    assert title == "实施方案不完整"
    assert "二、低效用地清单：无宗地图层，清单为空" in text
    assert "三、历史遗留用地：无历史遗留用地认定结果" in text
    assert "四、再开发项目规划指标；五、补缴地价与缴款计划" in text
    assert len(calls) == 1 and len(questions) == 2
    message = dock.message_text()
    assert message.startswith("已为 1 个单元生成实施方案（不完整）")
    assert "二、低效用地清单" in message and "三、历史遗留用地" in message


def test_complete_inputs_generate_without_a_question(dock, units, tmp_path, sample_gpkg):
    from lowland_under_test.lowland_plugin.gui.plan_inputs import missing_parts

    projects_gpkg = ROOT / "resources" / "sample" / "sample_projects.gpkg"
    projects = QgsVectorLayer(f"{projects_gpkg}|layername=projects", "项目", "ogr")
    # pieces and zones not chosen: generateplan reads them beside the projects layer
    parts = missing_parts({"PARCELS": units, "LEGACY": units, "PROJECTS": projects})
    assert parts == []
    parcels = QgsVectorLayer(f"{sample_gpkg}|layername=parcels", "parcels", "ogr")
    parts = missing_parts({"PARCELS": units, "LEGACY": units, "PROJECTS": parcels})
    assert [p.role for p in parts] == ["PIECES", "ZONES"]  # no siblings in the district


#: Height (px) the dock's contents get on a 1366×768 screen: QGIS's menu bar and three
#: toolbar rows end at y ≈ 145 (docs/screenshots/qgis_plan_zh_CN.png), the status bar
#: takes ≈ 30 px and the dock's title ≈ 20 px: 768 − 145 − 30 − 20 ≈ 570.
LAPTOP_DOCK_HEIGHT = 570


def test_the_dock_fits_a_laptop_screen_with_its_buttons_in_view(dock):
    """The inputs (seven layer rows since 控规图层, the units, templates, formats, folder)
    scroll; the buttons, progress and message stay below them. Without the scroll area the
    contents needed 700 px (with the 「怎么用」 line)."""
    from lowland_under_test.lowland_plugin.help import attach_help

    attach_help(dock, "plan")
    assert dock.widget().minimumSizeHint().height() <= LAPTOP_DOCK_HEIGHT
    inputs = dock.inputScroll.widget()
    for widget in (dock.unitsCombo, dock.controlsCombo, dock.unitList, dock.outputFolder):
        assert inputs.isAncestorOf(widget)
    for widget in (dock.generateButton, dock.previewButton, dock.refreshButton, dock.messageLabel):
        assert not dock.inputScroll.isAncestorOf(widget)
