"""The scenario store as QGIS layers, for the 方案比选 dock (issue 23 item 2): the
``scenarios`` table and the ``scenario_projects`` polygons of a GeoPackage beside the
units (``<units stem>_scenarios.gpkg``), their rows read into frames (the edit buffer
included, so an unsaved edit is evaluated), and rows added or removed through the
layers' edit buffers. The rows themselves come from :mod:`..core.scenarios.model`."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from ..bridge import scenario_store
from ..bridge.layers import attribute_value, source_file, source_to_gdf
from ..core.scenarios.model import SCENARIO_PROJECTS_LAYER, SCENARIOS_LAYER
from ..i18n import tr


def default_store_path(units_layer: QgsVectorLayer | None) -> Path | None:
    """``<units gpkg stem>_scenarios.gpkg`` beside the units' file (None: no file)."""
    path = source_file(units_layer) if units_layer is not None else None
    return None if path is None else Path(scenario_store.default_store_path(path))


def create_store(path: Path, projects: QgsVectorLayer) -> None:
    """An empty store at ``path`` with the fields of the plan's ``projects`` layer
    (:func:`~..bridge.scenario_store.create_store`)."""
    scenario_store.create_store(str(path), source_to_gdf(projects))


def load_store(path: Path) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """The two layers of the store at ``path`` (OSError when one is missing)."""
    layers = []
    for name, title in ((SCENARIOS_LAYER, tr("方案")), (SCENARIO_PROJECTS_LAYER, tr("方案项目"))):
        layer = QgsVectorLayer(f"{path}|layername={name}", f"{title}（{path.stem}）", "ogr")
        if not layer.isValid():
            raise OSError(f"{path} has no layer {name}")
        layers.append(layer)
    return layers[0], layers[1]


def layer_frame(layer: QgsVectorLayer) -> gpd.GeoDataFrame:
    """The layer's rows as they are now (unsaved edits included), indexed by fid."""
    return source_to_gdf(layer)


def table_frame(layer: QgsVectorLayer) -> pd.DataFrame:
    """The ``scenarios`` table as a plain frame (no geometry column)."""
    frame = layer_frame(layer)
    return pd.DataFrame(frame.drop(columns=frame.geometry.name, errors="ignore"))


def _feature(layer: QgsVectorLayer, record: dict, geometry=None) -> QgsFeature:
    feature = QgsFeature(layer.fields())
    for name, value in record.items():
        index = layer.fields().indexOf(str(name))
        if index >= 0 and layer.fields().at(index).name().lower() != "fid":
            feature.setAttribute(index, attribute_value(value))
    if geometry is not None:
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
    return feature


def add_rows(layer: QgsVectorLayer, frame: pd.DataFrame) -> None:
    """Add ``frame``'s rows (and geometries) to ``layer`` and save."""
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    features = []
    for _, row in frame.iterrows():
        record = {k: v for k, v in row.items() if k != geometry}
        features.append(_feature(layer, record, row[geometry] if geometry else None))
    _commit(layer, lambda: layer.addFeatures(features))


def delete_where(layer: QgsVectorLayer, field: str, value: str) -> None:
    """Delete the features whose ``field`` is ``value`` and save."""
    ids = [f.id() for f in layer.getFeatures() if str(f[field]) == value]
    _commit(layer, lambda: layer.deleteFeatures(ids))


def set_chosen(layer: QgsVectorLayer, unit_id: str, scenario_id: str) -> None:
    """Mark ``scenario_id`` chosen and the other scenarios of its unit not, and save."""
    index = layer.fields().indexOf("chosen")

    def change() -> bool:
        for feature in layer.getFeatures():
            if str(feature["unit_id"]) == unit_id:
                layer.changeAttributeValue(
                    feature.id(), index, feature["scenario_id"] == scenario_id
                )
        return True

    _commit(layer, change)


def _commit(layer: QgsVectorLayer, change) -> None:
    """Run ``change`` in the layer's edit buffer and save (pending edits of the layer
    are saved with it); OSError naming the layer when saving fails."""
    if not layer.isEditable():
        layer.startEditing()
    if change() is False or not layer.commitChanges(False):
        errors = "; ".join(layer.commitErrors())
        layer.rollBack(False)
        raise OSError(f"{layer.name()}: {errors}")


def commit_edits(layer: QgsVectorLayer) -> None:
    """Save the layer's edit buffer (it stays in edit mode)."""
    _commit(layer, lambda: True)


def stamp_changed(layer: QgsVectorLayer, scenario_ids: set[str], stamp: str) -> None:
    """Set ``changed`` of the scenarios ``scenario_ids`` to ``stamp`` and save."""
    index = layer.fields().indexOf("changed")

    def change() -> bool:
        for feature in layer.getFeatures():
            if str(feature["scenario_id"]) in scenario_ids:
                layer.changeAttributeValue(feature.id(), index, stamp)
        return True

    if scenario_ids:
        _commit(layer, change)
