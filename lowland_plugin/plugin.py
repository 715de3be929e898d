"""Plugin object: menu, toolbar, docks, Processing provider and translator."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..processing.provider import LowlandProvider
from .core.common.resources import PLUGIN_ROOT, resource_path
from .help import attach_help, guide_page, open_guide
from .i18n import tr, user_locale
from .settings import remember_plan_choices

#: Processing algorithms offered in the menu and toolbar, in order.
MENU_ALGORITHMS = (
    "lowland:parcelindicators",
    "lowland:identifyparcels",
    "lowland:legacyland",
    "lowland:exportdatabase",
    "lowland:compareversions",
    "lowland:progressstats",
    "lowland:delineateblocks",
    "lowland:buildunits",
    "lowland:refreshunits",
    "lowland:farcheck",
    "lowland:capacityenvelope",
    "lowland:statusquocheck",
    "lowland:scatteredland",
    "lowland:mixeduse",
    "lowland:usechange",
    "lowland:buildingconversion",
    "lowland:landprice",
    "lowland:evaluatescenarios",
    "lowland:generateplan",
)
#: Of those, the ones also on the toolbar (the daily work; the rest is in the menu).
TOOLBAR_ALGORITHMS = ("lowland:parcelindicators", "lowland:identifyparcels")


def guide_path():
    """The user guide rendered to HTML (Chinese, with the English algorithm reference
    beside it; scripts/guide_html.py renders docs/guide/*.md)."""
    return guide_page("README.html")


def load_translator(locale: str) -> QTranslator | None:
    """Install the translator for ``locale`` (e.g. 'en_US' → i18n/lowland_en.qm); None if absent."""
    candidates = [locale, locale.split("_")[0]]
    for name in candidates:
        qm = PLUGIN_ROOT / "i18n" / f"lowland_{name}.qm"
        if qm.is_file():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


class LowlandPlugin:
    """The QGIS plugin: registers provider ``lowland`` and the 「低效用地再开发」 menu/toolbar."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: LowlandProvider | None = None
        self.translator = load_translator(user_locale())
        self.actions: list[QAction] = []
        self.menu_title = tr("低效用地再开发")
        self.toolbar = None
        self.review_action: QAction | None = None
        self.review_dock = None
        self.guide_action: QAction | None = None
        self.plan_action: QAction | None = None
        self.plan_dock = None
        self.scenario_action: QAction | None = None
        self.scenario_dock = None
        self.unit_action: QAction | None = None
        self.unit_tool = None

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        """Register the provider (called by QGIS also when no GUI exists, e.g. qgis_process)."""
        if self.provider is None:
            self.provider = LowlandProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(self.menu_title)
        self.toolbar.setObjectName("LowlandToolbar")
        registry = QgsApplication.processingRegistry()
        for alg_id in MENU_ALGORITHMS:
            alg = registry.algorithmById(alg_id)
            if alg is None:
                continue
            action = QAction(alg.icon(), alg.displayName(), self.iface.mainWindow())
            action.setObjectName(alg_id.replace(":", "_"))
            action.triggered.connect(lambda _=False, a=alg_id: self.open_algorithm(a))
            self.iface.addPluginToMenu(self.menu_title, action)
            if alg_id in TOOLBAR_ALGORITHMS:
                self.toolbar.addAction(action)
            self.actions.append(action)
        review = QAction(
            QIcon(str(resource_path("icons", "review.svg"))),
            tr("地块核查"),
            self.iface.mainWindow(),
        )
        review.setObjectName("lowland_review")
        review.setCheckable(True)
        review.setToolTip(tr("地块核查：逐宗核查认定结果，确认、否定或改判"))
        review.toggled.connect(self.show_review_dock)
        self.iface.addPluginToMenu(self.menu_title, review)
        self.toolbar.addAction(review)
        self.actions.append(review)
        self.review_action = review
        unit = QAction(
            QIcon(str(resource_path("icons", "unit.svg"))),
            tr("绘制再开发单元"),
            self.iface.mainWindow(),
        )
        unit.setObjectName("lowland_draw_unit")
        unit.setCheckable(True)
        unit.setToolTip(tr("绘制再开发单元：在地图上绘制或重绘单元范围，吸附到街坊边线"))
        unit.triggered.connect(self.toggle_unit_tool)
        self.iface.addPluginToMenu(self.menu_title, unit)
        self.toolbar.addAction(unit)
        self.actions.append(unit)
        self.unit_action = unit
        plan = QAction(
            QIcon(str(resource_path("icons", "plan.svg"))),
            tr("实施方案生成"),
            self.iface.mainWindow(),
        )
        plan.setObjectName("lowland_plan")
        plan.setCheckable(True)
        plan.setToolTip(tr("实施方案生成：按单元生成实施方案（DOCX/HTML/PDF），可预览"))
        plan.toggled.connect(self.show_plan_dock)
        self.iface.addPluginToMenu(self.menu_title, plan)
        self.toolbar.addAction(plan)
        self.actions.append(plan)
        self.plan_action = plan
        scenarios = QAction(
            QIcon(str(resource_path("icons", "scenarios.svg"))),
            tr("方案比选"),
            self.iface.mainWindow(),
        )
        scenarios.setObjectName("lowland_scenarios")
        scenarios.setCheckable(True)
        scenarios.setToolTip(tr("方案比选：编辑单元的比选方案，按政策逐项核算并并列比较"))
        scenarios.toggled.connect(self.show_scenario_dock)
        self.iface.addPluginToMenu(self.menu_title, scenarios)
        self.toolbar.addAction(scenarios)
        self.actions.append(scenarios)
        self.scenario_action = scenarios
        about = QAction(
            QIcon(str(resource_path("icons", "lowland.svg"))),
            tr("关于 Lowland"),
            self.iface.mainWindow(),
        )
        about.setObjectName("lowland_about")
        about.triggered.connect(self.show_about)
        guide = QAction(
            QgsApplication.getThemeIcon("/mActionHelpContents.svg"),
            tr("使用手册"),
            self.iface.mainWindow(),
        )
        guide.setObjectName("lowland_guide")
        guide.setToolTip(
            tr("打开 Lowland 使用手册（安装、示例演练、算法与参数、字段标准、规则配置）")
        )
        guide.triggered.connect(self.show_guide)
        self.iface.addPluginToMenu(self.menu_title, guide)
        self.iface.pluginHelpMenu().addAction(guide)  # QGIS 帮助 → 插件
        self.guide_action = guide
        self.iface.addPluginToMenu(self.menu_title, about)
        self.actions += [guide, about]

    def open_algorithm(self, alg_id: str) -> None:
        """Open an algorithm's dialog (the standard Processing dialog)."""
        from processing import execAlgorithmDialog  # QGIS's processing package

        execAlgorithmDialog(alg_id, {})

    def show_review_dock(self, show: bool = True) -> None:
        """Show (creating it on first use) or hide the 地块核查 dock."""
        if show and self.review_dock is None:
            from .gui.review_dock import ReviewDock

            self.review_dock = ReviewDock(self.iface, self.iface.mainWindow())
            attach_help(self.review_dock, "review")
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
            self.review_dock.closedStateChanged.connect(self._review_dock_closed)
        if self.review_dock is None:
            return
        if show:
            self.review_dock.bind_active_layer()
            self.review_dock.setUserVisible(True)
        else:
            self.review_dock.close()

    def _review_dock_closed(self, closed: bool) -> None:
        if self.review_action is not None:
            self.review_action.setChecked(not closed)

    def toggle_unit_tool(self, checked: bool = True) -> None:
        """Make the 绘制再开发单元 map tool current (asking for a units layer when the
        project has none), or leave it."""
        from .gui.unit_form import choose_units_layer, find_blocks_layer
        from .gui.unit_tool import UnitMapTool

        canvas = self.iface.mapCanvas()
        if not checked:
            if self.unit_tool is not None and canvas.mapTool() is self.unit_tool:
                canvas.unsetMapTool(self.unit_tool)
            return
        units = choose_units_layer(self.iface)
        if units is None:
            self.unit_action.setChecked(False)
            return
        if self.unit_tool is None:
            self.unit_tool = UnitMapTool(self.iface)
            self.unit_tool.setAction(self.unit_action)
        self.unit_tool.set_layers(units, find_blocks_layer())
        canvas.setMapTool(self.unit_tool)

    def show_plan_dock(self, show: bool = True) -> None:
        """Show (creating it on first use) or hide the 实施方案生成 dock."""
        if show and self.plan_dock is None:
            from .gui.plan_dock import PlanDock

            self.plan_dock = PlanDock(self.iface, self.iface.mainWindow())
            attach_help(self.plan_dock, "plan")
            remember_plan_choices(self.plan_dock)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.plan_dock)
            self.plan_dock.closedStateChanged.connect(self._plan_dock_closed)
        if self.plan_dock is None:
            return
        if show:
            self.plan_dock.bind_project_layers()
            self.plan_dock.setUserVisible(True)
        else:
            self.plan_dock.close()

    def _plan_dock_closed(self, closed: bool) -> None:
        if self.plan_action is not None:
            self.plan_action.setChecked(not closed)

    def show_scenario_dock(self, show: bool = True) -> None:
        """Show (creating it on first use) or hide the 方案比选 dock."""
        if show and self.scenario_dock is None:
            from .gui.scenario_dock import ScenarioDock

            self.scenario_dock = ScenarioDock(self.iface, self.iface.mainWindow())
            attach_help(self.scenario_dock, "scenarios")
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.scenario_dock)
            self.scenario_dock.closedStateChanged.connect(self._scenario_dock_closed)
        if self.scenario_dock is None:
            return
        if show:
            self.scenario_dock.setUserVisible(True)
        else:
            self.scenario_dock.close()

    def _scenario_dock_closed(self, closed: bool) -> None:
        if self.scenario_action is not None:
            self.scenario_action.setChecked(not closed)

    def show_guide(self) -> None:
        """Open the user guide (docs/guide/html/README.html) in the system's browser."""
        open_guide("README.html")

    def show_about(self) -> None:
        from qgis.PyQt.QtWidgets import QMessageBox

        QMessageBox.about(
            self.iface.mainWindow(),
            tr("关于 Lowland"),
            tr(
                "低效用地再开发 Lowland：依据自然资发〔2023〕171号与银川市实施意见，"
                "认定低效用地、划定再开发单元、核算政策指标并生成实施方案。"
            ),
        )

    def unload(self) -> None:
        if self.guide_action is not None:
            self.iface.pluginHelpMenu().removeAction(self.guide_action)
            self.guide_action = None
        if self.review_dock is not None:
            self.review_dock.closedStateChanged.disconnect(self._review_dock_closed)
            self.review_dock.unload()
            self.iface.removeDockWidget(self.review_dock)
            self.review_dock.deleteLater()
            self.review_dock = None
        self.review_action = None
        if self.plan_dock is not None:
            self.plan_dock.closedStateChanged.disconnect(self._plan_dock_closed)
            self.plan_dock.unload()
            self.iface.removeDockWidget(self.plan_dock)
            self.plan_dock.deleteLater()
            self.plan_dock = None
        self.plan_action = None
        if self.scenario_dock is not None:
            self.scenario_dock.closedStateChanged.disconnect(self._scenario_dock_closed)
            self.scenario_dock.unload()
            self.iface.removeDockWidget(self.scenario_dock)
            self.scenario_dock.deleteLater()
            self.scenario_dock = None
        self.scenario_action = None
        if self.unit_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.unit_tool:
                canvas.unsetMapTool(self.unit_tool)  # deactivate: the user's snapping back
            self.unit_tool.remove_panel()  # the 单元实时统计 dock
            self.unit_tool.deleteLater()
            self.unit_tool = None
        self.unit_action = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_title, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
