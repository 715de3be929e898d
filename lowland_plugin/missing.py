"""The plugin object used when required Python packages are missing: it registers
nothing and tells the planner what to install (lowland_plugin/dependencies.py)."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

from .dependencies import INSTALL_HINT


class MissingRequirementsPlugin:
    def __init__(self, iface, problems: list[str]) -> None:
        self.iface = iface
        self.problems = list(problems)
        self.message = (
            "低效用地再开发 Lowland 未启用：QGIS 的 Python 缺少或版本不符的包："
            + "；".join(self.problems)
            + f"。安装方法见使用手册第 1 节（{INSTALL_HINT}）。"
            " / Lowland is not active: packages missing or of the wrong version in QGIS's "
            f"Python: {'; '.join(self.problems)}. See the user guide, section 1 ({INSTALL_HINT})."
        )

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        QgsMessageLog.logMessage(self.message, "Lowland", Qgis.Critical)

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        self.initProcessing()
        self.iface.messageBar().pushMessage("Lowland", self.message, Qgis.Critical, 0)

    def unload(self) -> None:
        pass
