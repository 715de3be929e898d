"""Styles, field aliases and value maps on QGIS layers (outputs, drawn units, documents).

A loaded output gets the bundled style of its algorithm (``resources/styles``) and the
Chinese/English aliases and value maps of ``resources/codes``; GeoPackage and PostGIS
outputs keep them as their default style, so they come back whenever opened.
"""

from __future__ import annotations

from collections.abc import Mapping

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..core.common.fields import value_maps
from ..core.common.resources import resource_path
from ..i18n import language

#: Prefix of a Processing destination that is a PostGIS table.
POSTGRES = "postgres://"


class AliasPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Sets Chinese/English field aliases and the bundled style on a loaded output layer."""

    #: Keep instances alive until QGIS has called them (QGIS holds no Python reference).
    _alive: list[AliasPostProcessor] = []

    def __init__(self, aliases: Mapping[str, str], style: str | None = None) -> None:
        super().__init__()
        self.aliases = dict(aliases)
        self.style = style
        AliasPostProcessor._alive.append(self)

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        if isinstance(layer, QgsVectorLayer):
            apply_style_and_aliases(layer, self.aliases, self.style)


def apply_style_and_aliases(
    layer: QgsVectorLayer, aliases: Mapping[str, str], style: str | None = None
) -> None:
    """Load ``resources/styles/<style>_<zh|en>.qml`` (or ``<style>.qml``: the renderer)
    and set the field aliases and value maps (``resources/codes``) on ``layer``."""
    if style:
        qml = resource_path("styles", f"{style}_{language()}.qml")
        if not qml.is_file():
            qml = resource_path("styles", f"{style}.qml")
        if qml.is_file():
            layer.loadNamedStyle(str(qml))
    fields = layer.fields()
    for name, alias in aliases.items():
        idx = fields.indexOf(name)
        if idx >= 0:
            layer.setFieldAlias(idx, alias)
    for name, pairs in value_maps(fields.names(), language()).items():
        setup = QgsEditorWidgetSetup(
            "ValueMap", {"map": [{label: value} for value, label in pairs]}
        )
        layer.setEditorWidgetSetup(fields.indexOf(name), setup)


def persist_style(dest_id: str, aliases: Mapping[str, str], style: str | None) -> None:
    """Store aliases (and style) as the default style of a GeoPackage or PostGIS
    output, so they come back whenever it is opened, also after ``qgis_process``."""
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False  # else it resets the field setup loaded below
    if dest_id.startswith(POSTGRES):  # the database's layer_styles table
        layer = QgsVectorLayer(dest_id[len(POSTGRES) :], "output", "postgres", options)
    else:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", dest_id)
        if not parts.get("path", "").lower().endswith(".gpkg"):
            return
        layer = QgsVectorLayer(dest_id, "output", "ogr", options)
    if not layer.isValid():
        return
    apply_style_and_aliases(layer, aliases, style)
    layer.saveStyleToDatabase(layer.name(), "Lowland", True, "")
    del layer
