"""``lowland:legacyland`` 历史遗留用地认定 — being written in this session (skeleton registered so the
provider lists it; processAlgorithm refuses to run until the core is in place)."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from .base import LowlandAlgorithm


class LegacyLandAlgorithm(LowlandAlgorithm):
    def name(self) -> str:
        return "legacyland"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("历史遗留用地认定")

    def group(self) -> str:
        return self.tr("上图入库")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "database"

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        pass

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        raise QgsProcessingException("not implemented yet")
