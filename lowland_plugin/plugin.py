"""Plugin object: menu, toolbar, Processing provider and translator."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..processing.provider import LowlandProvider
from .core.resources import PLUGIN_ROOT, resource_path
from .i18n import tr, user_locale

#: Processing algorithms offered in the menu and toolbar, in order.
MENU_ALGORITHMS = ("lowland:parcelindicators", "lowland:identifyparcels")


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
            self.toolbar.addAction(action)
            self.actions.append(action)
        about = QAction(
            QIcon(str(resource_path("icons", "lowland.svg"))),
            tr("关于 Lowland"),
            self.iface.mainWindow(),
        )
        about.setObjectName("lowland_about")
        about.triggered.connect(self.show_about)
        self.iface.addPluginToMenu(self.menu_title, about)
        self.actions.append(about)

    def open_algorithm(self, alg_id: str) -> None:
        """Open an algorithm's dialog (the standard Processing dialog)."""
        from processing import execAlgorithmDialog  # QGIS's processing package

        execAlgorithmDialog(alg_id, {})

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
