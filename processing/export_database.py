"""``lowland:exportdatabase`` 上图入库成果导出与质检 — being written in this session (skeleton registered so the
provider lists it; processAlgorithm refuses to run until the core is in place)."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from .base import LowlandAlgorithm


class ExportDatabaseAlgorithm(LowlandAlgorithm):
    def name(self) -> str:
        return "exportdatabase"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("上图入库成果导出与质检")

    def group(self) -> str:
        return self.tr("上图入库")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "database"

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        pass

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        raise QgsProcessingException("not implemented yet")
