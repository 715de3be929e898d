"""The plugin object used when required Python packages are missing: it registers
nothing, says what is missing (lowland_plugin/dependencies.py) and offers
「安装依赖」 (gui/dependency_dialog.py), which installs them into QGIS's Python."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtWidgets import QAction, QPushButton

from .dependencies import INSTALL_HINT
from .i18n import tr


class MissingRequirementsPlugin:
    def __init__(self, iface, problems: list[str]) -> None:
        self.iface = iface
        self.problems = list(problems)
        self.action: QAction | None = None
        self.dialog = None
        self.message = (
            "低效用地再开发 Lowland 未启用：QGIS 的 Python 缺少或版本不符的包："
            + "；".join(self.problems)
            + f"。点「安装依赖」一键安装，或见使用手册第 1 节（{INSTALL_HINT}）。"
            " / Lowland is not active: packages missing or of the wrong version in QGIS's "
            f"Python: {'; '.join(self.problems)}. Click 「安装依赖」 (Install dependencies), "
            f"or see the user guide, section 1 ({INSTALL_HINT})."
        )

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        QgsMessageLog.logMessage(self.message, "Lowland", Qgis.MessageLevel.Critical)

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.initProcessing()
        bar = self.iface.messageBar()
        item = bar.createMessage("Lowland", self.message)
        button = QPushButton(tr("安装依赖"))
        button.setObjectName("lowland_install_dependencies")
        button.clicked.connect(self.show_install_dialog)
        item.layout().addWidget(button)
        bar.pushWidget(item, Qgis.MessageLevel.Critical, 0)
        self.action = QAction(tr("安装依赖"), self.iface.mainWindow())
        self.action.setObjectName("lowland_install_dependencies")
        self.action.triggered.connect(self.show_install_dialog)
        self.iface.addPluginToMenu(tr("低效用地再开发"), self.action)

    def show_install_dialog(self) -> None:
        """Open 「安装依赖」 (created on first use)."""
        from .gui.dependency_dialog import DependencyDialog

        if self.dialog is None:
            self.dialog = DependencyDialog(self.problems, self.iface.mainWindow())
        self.dialog.show()
        self.dialog.raise_()

    def unload(self) -> None:
        if self.action is not None:
            self.iface.removePluginMenu(tr("低效用地再开发"), self.action)
            self.action.deleteLater()
            self.action = None
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
