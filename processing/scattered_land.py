"""``lowland:scatteredland`` 零星用地核查 — being written in this session (skeleton registered so the
provider lists it; processAlgorithm refuses to run until the core is in place)."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from .base import LowlandAlgorithm


class ScatteredLandAlgorithm(LowlandAlgorithm):
    def name(self) -> str:
        return "scatteredland"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("零星用地核查")

    def group(self) -> str:
        return self.tr("再开发政策核算")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "checks"

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        pass

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        raise QgsProcessingException("not implemented yet")
