"""Snapping for the unit map tool: on the blocks and units layers only."""

from __future__ import annotations

from collections.abc import Iterable

from qgis.core import QgsProject, QgsSnappingConfig, QgsVectorLayer


def tool_snapping_config(
    base: QgsSnappingConfig, tolerance: float, units, snap_to: Iterable[object]
) -> QgsSnappingConfig:
    """``base`` (the user's configuration) with per-layer snapping on the ``snap_to``
    layers (corners and edges, at ``tolerance`` in ``units``) and off for every other
    layer of the project."""
    project = QgsProject.instance()
    config = QgsSnappingConfig(base)
    config.setEnabled(True)
    config.setMode(QgsSnappingConfig.SnappingMode.AdvancedConfiguration)
    config.setScaleDependencyMode(QgsSnappingConfig.ScaleDependencyMode.Disabled)
    config.setIntersectionSnapping(False)
    off = QgsSnappingConfig.IndividualLayerSettings(
        False, QgsSnappingConfig.SnappingTypes.VertexFlag, tolerance, units
    )
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer):
            config.setIndividualLayerSettings(layer, off)
    on = QgsSnappingConfig.IndividualLayerSettings(
        True,
        QgsSnappingConfig.SnappingTypes(
            QgsSnappingConfig.SnappingTypes.VertexFlag | QgsSnappingConfig.SnappingTypes.SegmentFlag
        ),
        tolerance,
        units,
    )
    for layer in snap_to:
        if isinstance(layer, QgsVectorLayer):
            config.setIndividualLayerSettings(layer, on)
    return config
