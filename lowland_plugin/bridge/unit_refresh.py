"""Unit statistics written back into the units layer the planner works on (issue 17).

``lowland:refreshunits`` writes a new layer; a dock's 「更新单元统计」 button wants the
layer on the canvas updated instead, undoably: :func:`apply_unit_statistics` takes the
recounted units (the refreshunits/buildunits ``OUTPUT`` read as a GeoDataFrame) and
writes their statistics, provenance and outlines (the union of their blocks) into the
features of ``layer`` with the same ``unit_id``, as one edit command of its edit buffer.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import shapely
from qgis.core import NULL, QgsField, QgsGeometry, QgsVectorLayer

from ..core.common.values import as_text
from ..core.units.provenance import PROVENANCE_FIELDS
from .layers import attribute_value, gdf_fields

#: Fields the planner sets on a unit: never overwritten by a recount.
PLANNER_FIELDS = ("unit_id", "unit_name", "phase", "notes")


def apply_unit_statistics(
    layer: QgsVectorLayer,
    units: gpd.GeoDataFrame,
    keep: Iterable[str] = PLANNER_FIELDS,
    command: str = "刷新单元统计",
) -> tuple[int, list[str]]:
    """Write the recounted ``units`` into ``layer`` by ``unit_id`` (one undoable edit
    command; the layer is left in editing mode, unsaved). Missing fields are added. A
    unit of ``layer`` that the recount did not output (it covers no whole block) gets
    its statistics and provenance cleared — generateplan then refuses it rather than
    printing old figures. Returns (units updated, unit ids cleared)."""
    keep = set(keep)
    columns = [c for c in units.columns if c != units.geometry.name and c not in keep]
    by_id = {as_text(u): i for i, u in enumerate(units["unit_id"])}
    if not layer.isEditable():
        layer.startEditing()
    layer.beginEditCommand(command)
    try:
        have = set(layer.fields().names())
        for qfield in gdf_fields(units[columns]):
            if qfield.name() not in have:
                layer.addAttribute(QgsField(qfield))
        fields = layer.fields()
        index = {name: fields.indexOf(name) for name in columns}
        clear = [fields.indexOf(n) for n in (*columns, *PROVENANCE_FIELDS) if n in index]
        updated, cleared = 0, []
        for feature in layer.getFeatures():
            unit_id = as_text(feature["unit_id"])
            row = by_id.get(unit_id)
            if row is None:
                layer.changeAttributeValues(feature.id(), {i: NULL for i in set(clear)})
                cleared.append(str(unit_id))
                continue
            values = {index[c]: attribute_value(units[c].iloc[row]) for c in columns}
            layer.changeAttributeValues(feature.id(), values)
            geometry = QgsGeometry()
            geometry.fromWkb(shapely.to_wkb(units.geometry.iloc[row]))  # exact coordinates
            layer.changeGeometry(feature.id(), geometry)
            updated += 1
    except BaseException:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()
    return updated, sorted(cleared)
