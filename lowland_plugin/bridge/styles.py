"""Styles, field aliases and value maps on QGIS layers (outputs, drawn units, documents).

A loaded output gets the bundled style of its algorithm (``resources/styles``) and the
Chinese/English aliases and value maps of ``resources/codes``; GeoPackage and PostGIS
outputs keep them as their default style, so they come back whenever opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from osgeo import ogr
from qgis.core import (
    QgsDataSourceUri,
    QgsEditorWidgetSetup,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderConnectionException,
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
    save_default_style(layer, layer.name())
    del layer


#: The description of the styles Lowland stores in a layer_styles table.
STYLE_DESCRIPTION = "Lowland"


def save_default_style(layer: QgsVectorLayer, style_name: str) -> None:
    """Store the layer's style as its default style in its GeoPackage or PostGIS
    ``layer_styles`` table, replacing a style of that name, without ever asking.

    QGIS 3.22's providers ask "a style named … already exists, overwrite?" in a modal
    message box when the row exists (``QgsOgrProviderMetadata::saveStyle``,
    ``QgsPostgresProviderMetadata::saveStyle``): unanswerable in ``qgis_process`` or a
    background task, so a re-run would hang for ever. The earlier row is deleted first,
    so QGIS only ever inserts (and creates the table with its own schema when absent).
    """
    delete_stored_style(layer, style_name)
    layer.saveStyleToDatabase(style_name, STYLE_DESCRIPTION, True, "")


def delete_stored_style(layer: QgsVectorLayer, style_name: str) -> int:
    """Delete the rows of ``layer``'s stored style ``style_name`` from its layer_styles
    table (GeoPackage or PostGIS); returns how many rows were deleted."""
    provider = layer.providerType()
    if provider == "postgres":
        return _delete_postgres_style(layer.source(), style_name)
    if provider == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path", "")
        if path.lower().endswith(".gpkg"):
            table = parts.get("layerName") or _first_layer_name(path)
            return _delete_gpkg_style(path, table, style_name)
    return 0


def _first_layer_name(path: str) -> str:
    """The name of a GeoPackage's first layer (what QGIS opens without a layer name)."""
    dataset = ogr.Open(path)
    return dataset.GetLayer(0).GetName() if dataset is not None else ""


def _delete_gpkg_style(path: str, table: str, style_name: str) -> int:
    con = sqlite3.connect(path, timeout=30)
    try:
        exists = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'"
        ).fetchone()
        if not exists:
            return 0
        with con:
            cursor = con.execute(
                "DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?",
                (table, style_name),
            )
        return cursor.rowcount
    finally:
        con.close()


def _sql_text(value: str) -> str:
    """A PostgreSQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _delete_postgres_style(uri: str, style_name: str) -> int:
    parsed = QgsDataSourceUri(uri)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.createConnection(uri, {})
        if (
            connection.executeSql("SELECT to_regclass('layer_styles') IS NOT NULL")[0][0]
            is not True
        ):
            return 0
        rows = connection.executeSql(
            "DELETE FROM layer_styles WHERE f_table_schema = "
            + _sql_text(parsed.schema() or "public")
            + " AND f_table_name = "
            + _sql_text(parsed.table())
            + " AND stylename = "
            + _sql_text(style_name)
            + " RETURNING id"
        )
    except QgsProviderConnectionException:
        return 0
    return len(rows)
