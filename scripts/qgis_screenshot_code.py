"""Run inside QGIS desktop by scripts/screenshot.py (``qgis --code``): not part of the plugin.

Any error is written to $LOWLAND_SHOT_OUT.err and QGIS quits (no dialog left open).
"""

import os
import traceback

from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget

OUT = os.environ["LOWLAND_SHOT_OUT"]


def result_name() -> str:
    """The identification result's layer name in the interface language (the plugin's
    translator is installed once the plugin has loaded)."""
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("Lowland", "低效用地认定结果")


def guarded(func):
    def run():
        try:
            func()
        except Exception:  # noqa: BLE001 (report and quit, whatever went wrong)
            with open(OUT + ".err", "w", encoding="utf-8") as fh:
                fh.write(traceback.format_exc())
            QApplication.instance().quit()

    return run


@guarded
def start():
    import qgis.utils
    from qgis.core import QgsProject, QgsVectorLayer

    iface = qgis.utils.iface
    if not qgis.utils.loadPlugin("lowland") or not qgis.utils.startPlugin("lowland"):
        raise RuntimeError("the lowland plugin did not load")
    sample = os.environ["LOWLAND_SAMPLE"]
    scene = os.environ.get("LOWLAND_SCENE", "menu")
    with_result = scene in ("identify", "review", "plan", "units", "scenarios")
    names = ("roads", "buildings") if with_result else ("roads", "parcels", "buildings")
    for name in names:
        layer = QgsVectorLayer(f"{sample}|layername={name}", name, "ogr")
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
    screen = QApplication.primaryScreen().geometry()
    iface.mainWindow().setGeometry(screen)
    if with_result:
        QTimer.singleShot(1000, identify)
    else:
        QTimer.singleShot(3000, open_menu)


@guarded
def identify():
    """Run lowland:identifyparcels on the sample and show the styled result + its table."""
    import qgis.utils

    import processing

    iface = qgis.utils.iface
    sample = os.environ["LOWLAND_SAMPLE"]
    out = os.environ["LOWLAND_SHOT_OUT"] + ".gpkg"
    processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample}|layername=parcels",
            "BUILDINGS": f"{sample}|layername=buildings",
            "LANDSURVEY": f"{sample}|layername=landsurvey",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": out,
        },
    )
    from qgis.core import QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(out, result_name(), "ogr")
    QgsProject.instance().addMapLayer(layer)
    buildings = QgsProject.instance().mapLayersByName("buildings")[0]
    buildings.setOpacity(0.35)
    root = QgsProject.instance().layerTreeRoot()
    node = root.findLayer(buildings.id())
    root.insertChildNode(0, node.clone())
    root.removeChildNode(node)
    iface.setActiveLayer(layer)
    iface.mapCanvas().setExtent(layer.extent())
    iface.mapCanvas().refresh()
    if os.environ.get("LOWLAND_TABLE"):
        table = iface.showAttributeTable(layer)
        table.resize(1100, 380)
        table.move(250, 380)
    if os.environ.get("LOWLAND_SCENE") == "review":
        QTimer.singleShot(500, review)
        return
    if os.environ.get("LOWLAND_SCENE") == "plan":
        QTimer.singleShot(500, plan)
        return
    if os.environ.get("LOWLAND_SCENE") == "units":
        QTimer.singleShot(500, units)
        return
    if os.environ.get("LOWLAND_SCENE") == "scenarios":
        QTimer.singleShot(500, scenarios)
        return
    QTimer.singleShot(4000, grab)


@guarded
def review():
    """The 地块核查 dock on the result: lowland parcels listed, a few already decided,
    P0024 selected (zoomed on the map) with its reasons."""
    import qgis.utils
    from qgis.PyQt.QtCore import Qt

    iface = qgis.utils.iface
    plugin = qgis.utils.plugins["lowland"]
    plugin.review_action.setChecked(True)
    dock = plugin.review_dock
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:  # the layers panel gets the whole left side
        browser.hide()
    iface.mainWindow().resizeDocks([dock], [600], Qt.Horizontal)
    chinese = os.environ.get("LANG", "").startswith("zh")
    dock.reviewerEdit.setText("张工" if chinese else "Zhang")
    dock.set_filters(verdict="lowland")
    for row in (1, 2, 4):
        dock.select_row(row)
        dock.apply_decision("confirm")
    dock.select_row(3)
    dock.noteEdit.setText(
        "厂房已出租，现场核实为仓储" if chinese else "Leased out: a warehouse now"
    )
    dock.overrideTypeCombo.setCurrentIndex(dock.overrideTypeCombo.findData("industrial"))
    dock.apply_decision("override")
    dock.noteEdit.clear()
    if os.environ.get("LOWLAND_BATCH"):
        review_batch(dock, chinese)
        return
    dock.select_parcel("P0024")
    dock.splitter.setSizes([200, 330])
    dock.parcelView.scrollTo(dock.parcelView.currentIndex(), dock.parcelView.PositionAtBottom)
    QTimer.singleShot(4000, grab)


def review_batch(dock, chinese: bool) -> None:
    """Six pending low-efficiency parcels selected (Ctrl+click) and confirmed in one
    decision with a note: one edit command, the message says it undoes in one step."""
    dock.set_filters(verdict="lowland", status="pending")
    fids = dock.visible_fids()[:6]
    dock.set_filters(status="")
    dock.select_fids(fids)
    dock.noteEdit.setText("核查会集体认定：厂房闲置" if chinese else "Meeting: vacant factories")
    dock.apply_decision("confirm")
    dock.select_fids(fids)
    dock.splitter.setSizes([260, 240])
    QTimer.singleShot(4000, grab)


def sample_chain(sample: str, work: str) -> tuple[str, str]:
    """lowland:delineateblocks and lowland:buildunits (the four hand-drawn sample units)
    on the identification result: the units with their statistics and the parcels with
    unit_id, written in ``work``; their paths."""
    import processing

    folder = os.path.dirname(sample)
    blocks = processing.run("lowland:delineateblocks", {
        "ROADS": f"{sample}|layername=roads", "BOUNDARY": f"{sample}|layername=boundary",
        "PARCELS": os.environ["LOWLAND_SHOT_OUT"] + ".gpkg",
        "OUTPUT": os.path.join(work, "blocks.gpkg"), "ROAD_RESERVE": "TEMPORARY_OUTPUT",
        "REMOVED": "TEMPORARY_OUTPUT", "PARCELS_OUTPUT": os.path.join(work, "in_blocks.gpkg"),
    })  # fmt: skip
    processing.run("lowland:buildunits", {
        "BLOCKS": blocks["OUTPUT"], "PARCELS": blocks["PARCELS_OUTPUT"],
        "PLAN": f"{sample}|layername=plan", "MODE": 0,
        "UNITS": f"{folder}/sample_units.gpkg|layername=units",
        "OUTPUT": os.path.join(work, "units.gpkg"),
        "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT", "PARCELS_OUTPUT": os.path.join(work, "parcels.gpkg"),
        "CONFLICTS": "TEMPORARY_OUTPUT",
    })  # fmt: skip
    return os.path.join(work, "units.gpkg"), os.path.join(work, "parcels.gpkg")


def outlined(layer, colour: str, width: str) -> None:
    """``layer`` drawn as outlines only."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": colour, "outline_width": width})))  # fmt: skip


@guarded
def plan():
    """The 实施方案生成 dock on the sample chain's units (with their statistics, as
    lowland:buildunits counts them) over the result, at the screen's 1366×768: DY01 and
    DY02 checked, DY02 previewed, the chain's parcels, the sample projects, pieces and
    zones and the 控规 layer chosen (the dock's inputs scroll, its buttons stay in view)."""
    import shutil

    import qgis.utils
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    iface = qgis.utils.iface
    chinese = os.environ.get("LANG", "").startswith("zh")
    sample = os.environ["LOWLAND_SAMPLE"]
    work = os.environ["LOWLAND_WORK"]
    units_path, parcels_path = sample_chain(sample, work)
    shutil.copy(os.path.join(os.path.dirname(sample), "sample_projects.gpkg"), work)
    projects_path = os.path.join(work, "sample_projects.gpkg")
    units = QgsVectorLayer(units_path, "再开发单元" if chinese else "Redevelopment units", "ogr")
    parcels = QgsVectorLayer(parcels_path,
                             "低效地块（单元）" if chinese else "Parcels (units)", "ogr")  # fmt: skip
    names = (("projects", "项目", "Projects"), ("pieces", "零星用地", "Scattered pieces"),
             ("zones", "功能分区", "Zones"))  # fmt: skip
    projects, pieces, zones = (
        QgsVectorLayer(f"{projects_path}|layername={n}", zh if chinese else en, "ogr")
        for n, zh, en in names
    )
    controls = QgsVectorLayer(f"{sample}|layername=plan",
                              "控规" if chinese else "Regulatory plan", "ogr")  # fmt: skip
    outlined(units, "#d00000", "0.8")
    outlined(projects, "#1f4e9a", "0.5")
    for layer in (parcels, pieces, zones, controls):
        layer.setOpacity(0.0)  # chosen in the dock, not drawn over the result
    QgsProject.instance().addMapLayers([controls, parcels, zones, pieces, units, projects])
    plugin = qgis.utils.plugins["lowland"]
    plugin.plan_action.setChecked(True)
    dock = plugin.plan_dock
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()
    iface.mainWindow().resizeDocks([dock], [520], Qt.Horizontal)
    dock.set_units_layer(units)
    for combo, layer in ((dock.parcelsCombo, parcels), (dock.projectsCombo, projects),
                         (dock.piecesCombo, pieces), (dock.zonesCombo, zones),
                         (dock.controlsCombo, controls)):  # fmt: skip
        combo.setLayer(layer)
    dock.set_checked(["DY01", "DY02"])
    dock.select_unit("DY02")
    dock.pdfCheck.setChecked(True)
    dock.outputFolder.setFilePath(
        "/home/planner/实施方案/2025" if chinese else "/home/planner/plans/2025"
    )
    iface.mapCanvas().setExtent(units.extent())
    iface.mapCanvas().refresh()
    if plugin.plan_dock.previewButton.isEnabled():
        dock.preview()
        QTimer.singleShot(1500, guarded(lambda: scroll_to_heading(dock.previewBrowser, "一、")))
    QTimer.singleShot(4000, grab)


def scroll_to_heading(browser, start: str) -> None:
    """Scroll ``browser`` to its first heading starting with ``start`` (past the cover
    and the contents)."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.text().startswith(start):
            top = document.documentLayout().blockBoundingRect(block).top()
            browser.verticalScrollBar().setValue(int(top))
            return
        block = block.next()
    raise RuntimeError(f"no heading {start}… in the preview")


@guarded
def units():
    """Blocks and units over the identification result: lowland:delineateblocks on the
    sample roads and boundary, lowland:buildunits on the four hand-drawn sample units,
    and the 绘制再开发单元 tool drawing a fifth unit snapped to block corners."""
    import qgis.utils
    from qgis.core import QgsProject, QgsVectorLayer

    import processing

    iface = qgis.utils.iface
    project = QgsProject.instance()
    chinese = os.environ.get("LANG", "").startswith("zh")
    sample = os.environ["LOWLAND_SAMPLE"]
    sample_units = os.path.join(os.path.dirname(sample), "sample_units.gpkg")
    work = os.environ["LOWLAND_WORK"]
    identified = os.environ["LOWLAND_SHOT_OUT"] + ".gpkg"
    blocks_out = os.path.join(work, "blocks.gpkg")
    units_out = os.path.join(work, "units.gpkg")
    processing.run(
        "lowland:delineateblocks",
        {
            "ROADS": f"{sample}|layername=roads",
            "BOUNDARY": f"{sample}|layername=boundary",
            "OUTPUT": blocks_out,
        },
    )
    processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": blocks_out,
            "PARCELS": identified,
            "PLAN": f"{sample}|layername=plan",
            "MODE": 0,
            "UNITS": f"{sample_units}|layername=units",
            "OUTPUT": units_out,
        },
    )
    for layer in project.mapLayersByName("buildings") + project.mapLayersByName("roads"):
        project.removeMapLayer(layer.id())
    result = project.mapLayersByName(result_name())[0]
    result.setOpacity(0.55)
    blocks = QgsVectorLayer(blocks_out, "街坊" if chinese else "Blocks", "ogr")
    if blocks.labeling() is not None:  # the blocks style labels block_id: below units
        block_labels = blocks.labeling().clone()
        settings = block_labels.settings()
        settings.priority = 0
        block_labels.setSettings(settings)
        blocks.setLabeling(block_labels)
    units_layer = QgsVectorLayer(
        units_out, "再开发单元" if chinese else "Redevelopment units", "ogr"
    )
    labeling = units_layer.labeling().clone() if units_layer.labeling() else None
    if labeling is not None:  # the style labels unit_id; the scene adds the name
        settings = labeling.settings()
        settings.isExpression = True
        settings.fieldName = '"unit_id" || char(10) || "unit_name"'
        settings.priority = 10
        settings.displayAll = True
        labeling.setSettings(settings)
        units_layer.setLabeling(labeling)
    project.addMapLayer(blocks)
    project.addMapLayer(units_layer)
    canvas = iface.mapCanvas()
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:  # the layers panel gets the whole left side
        browser.hide()
    canvas.setExtent(blocks.extent().buffered(150))  # room for the tool's message bar
    canvas.refresh()
    iface.setActiveLayer(units_layer)
    plugin = qgis.utils.plugins["lowland"]
    plugin.unit_action.trigger()  # the units layer is active: no question asked
    QTimer.singleShot(1500, guarded(lambda: draw_unit(plugin.unit_tool, blocks, units_layer)))


def draw_unit(tool, blocks, units_layer):
    """Mouse clicks a few metres off three corners of two neighbouring blocks outside every
    unit (each snapped onto the block corner), the cursor near the fourth."""
    import qgis.utils
    from qgis.core import QgsGeometry, QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    canvas = tool.canvas()
    drawn = [f.geometry() for f in units_layer.getFeatures()]
    free = sorted(
        (
            f
            for f in blocks.getFeatures()
            if not any(g.intersects(f.geometry().pointOnSurface()) for g in drawn)
        ),
        key=lambda f: f["block_id"],
    )
    pair = next(
        (
            (a, b)
            for a, b in zip(free, free[1:], strict=False)
            if a.geometry().distance(b.geometry()) < 60.0
            and abs(a.geometry().centroid().asPoint().y() - b.geometry().centroid().asPoint().y())
            < 30.0
        ),
        (free or list(blocks.getFeatures()))[:1] * 2,
    )
    box = QgsGeometry.unaryUnion([pair[0].geometry(), pair[1].geometry()]).boundingBox()
    corners = [
        QgsPointXY(box.xMinimum(), box.yMaximum()),
        QgsPointXY(box.xMaximum(), box.yMaximum()),
        QgsPointXY(box.xMaximum(), box.yMinimum()),
        QgsPointXY(box.xMinimum(), box.yMinimum()),
    ]

    def event(kind, point, button=Qt.NoButton):
        pixel = canvas.getCoordinateTransform().transform(point.x() + 4.0, point.y() - 3.0)
        position = QPoint(round(pixel.x()), round(pixel.y()))
        return QgsMapMouseEvent(canvas, kind, position, button, button)

    qgis.utils.iface.layerTreeView().expandAllNodes()  # the units' phase legend
    if os.environ.get("LOWLAND_PICK_BLOCKS"):  # 点选街坊: click inside each of the two blocks
        tool.set_mode("blocks")
        for feature in pair:
            inside = feature.geometry().pointOnSurface().asPoint()
            tool.canvasReleaseEvent(event(QEvent.MouseButtonRelease, inside, Qt.LeftButton))
        QTimer.singleShot(3000, grab)
        return
    for corner in corners[:3]:
        tool.canvasReleaseEvent(event(QEvent.MouseButtonRelease, corner, Qt.LeftButton))
    tool.canvasMoveEvent(event(QEvent.MouseMove, corners[3]))
    QTimer.singleShot(3000, grab)


@guarded
def open_menu():
    import qgis.utils

    iface = qgis.utils.iface
    plugin = qgis.utils.plugins["lowland"]
    iface.mapCanvas().zoomToFullExtent()
    plugin_menu = iface.pluginMenu()
    bar = iface.mainWindow().menuBar()
    for action in bar.actions():
        if action.menu() is plugin_menu:
            plugin_menu.popup(bar.mapToGlobal(bar.actionGeometry(action).bottomLeft()))
    QApplication.processEvents()
    for action in plugin_menu.actions():
        if action.menu() is not None and action.text() == plugin.menu_title:
            plugin_menu.setActiveAction(action)
            geom = plugin_menu.actionGeometry(action)
            action.menu().popup(plugin_menu.mapToGlobal(QPoint(geom.right(), geom.top())))
    QTimer.singleShot(2000, grab)


@guarded
def scenarios():
    """The 方案比选 dock on unit DY02 of the sample, in a 1600×1200 window: the sample
    chain (delineateblocks and buildunits on the identification result: units with their
    statistics, parcels with unit_id), the sample store (resources/sample/
    sample_scenarios.gpkg copied beside the units: 方案A passes, 方案B fails Y-4 and Y-7),
    the 控规 layer and the parcels chosen; the comparison table and the failed checks, or
    the charts (``LOWLAND_CHARTS``)."""
    import shutil

    import qgis.utils
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    iface = qgis.utils.iface
    chinese = os.environ.get("LANG", "").startswith("zh")
    sample = os.environ["LOWLAND_SAMPLE"]
    folder = os.path.dirname(sample)
    work = os.environ["LOWLAND_WORK"]
    units_path, parcels_path = sample_chain(sample, work)
    shutil.copy(os.path.join(folder, "sample_projects.gpkg"), work)
    shutil.copy(
        os.path.join(folder, "sample_scenarios.gpkg"), os.path.join(work, "units_scenarios.gpkg")
    )  # the store beside the units
    units = QgsVectorLayer(units_path, "再开发单元" if chinese else "Units", "ogr")
    parcels = QgsVectorLayer(parcels_path,
                             "低效地块（单元）" if chinese else "Parcels (units)", "ogr")  # fmt: skip
    projects = QgsVectorLayer(f"{work}/sample_projects.gpkg|layername=projects",
                              "项目" if chinese else "Projects", "ogr")  # fmt: skip
    controls = QgsVectorLayer(f"{sample}|layername=plan",
                              "控规" if chinese else "Regulatory plan", "ogr")  # fmt: skip
    for layer, colour, width in ((units, "#d00000", "0.8"), (projects, "#1f4e9a", "0.5"),
                                 (controls, "#7a7a7a", "0.3")):  # fmt: skip
        outlined(layer, colour, width)
    parcels.setOpacity(0.0)  # chosen in the dock, not drawn over the result
    QgsProject.instance().addMapLayers([controls, parcels, units, projects])
    plugin = qgis.utils.plugins["lowland"]
    plugin.scenario_action.setChecked(True)
    dock = plugin.scenario_dock
    browser = iface.mainWindow().findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.hide()
    iface.mainWindow().resizeDocks([dock], [820], Qt.Horizontal)
    dock.projectsCombo.setLayer(projects)
    dock.set_units_layer(units)
    dock.parcelsCombo.setLayer(parcels)
    dock.controlsCombo.setLayer(controls)
    dock.open_store()
    dock.unitCombo.setCurrentText("DY02")
    for row in range(dock.scenarioList.count()):
        if dock.scenarioList.item(row).data(Qt.ItemDataRole.UserRole) == "DY02-B":
            dock.scenarioList.setCurrentRow(row)
    dock.evaluate()
    dock.editGroup.setCollapsed(True)  # the table gets the room
    if os.environ.get("LOWLAND_CHARTS"):
        dock.tabs.setCurrentIndex(1)
    unit = next(f for f in units.getFeatures() if f["unit_id"] == "DY02")
    iface.mapCanvas().setExtent(unit.geometry().boundingBox().buffered(60))
    iface.mapCanvas().refresh()
    QTimer.singleShot(1500, guarded(dock.evaluate))  # laid out at its size by then
    QTimer.singleShot(4000, grab)


def grab():
    QApplication.primaryScreen().grabWindow(0).save(OUT)
    QTimer.singleShot(200, QApplication.instance().quit)


QTimer.singleShot(2000, start)
