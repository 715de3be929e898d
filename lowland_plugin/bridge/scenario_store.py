"""The scenario store (方案, issue 23 item 2): a GeoPackage beside the units
(``<units stem>_scenarios.gpkg``) with the two layers of
:mod:`lowland_plugin.core.scenarios.model` — ``scenarios`` (a table) and
``scenario_projects`` (MultiPolygon, the projects' fields + ``scenario_id``, ``phase``).

A new store is written under a temporary name and moved into place when complete
(:mod:`.staging`). Adding, copying, deleting and choosing a scenario change rows in place
through OGR (one feature at a time: a unit has few projects), so a store open as layers
in QGIS stays valid; the dock edits ``scenario_projects`` through the layer's edit
buffer and calls :func:`touch_scenario` after an edit. Every function takes the store's
path; reading returns pandas frames in the core's terms."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from osgeo import ogr

from ..core.common.errors import LowlandInputError
from ..core.common.values import is_known, texts
from ..core.scenarios import model
from .ogr_io import read_ogr_layer, write_ogr_layer
from .staging import forget_partial, remove_files, stage_file, swap_file_into_place

ogr.UseExceptions()

#: The ``scenarios`` table of an empty store (column types as written).
_SCENARIO_DTYPES = {f: object for f in model.SCENARIO_FIELDS} | {"chosen": bool}


def default_store_path(units_path: str | os.PathLike) -> str:
    """The store beside a units GeoPackage: ``<units stem>_scenarios.gpkg``."""
    path = Path(str(units_path).split("|")[0])
    return str(path.with_name(f"{path.stem}_scenarios.gpkg"))


def create_store(path: str, template: gpd.GeoDataFrame) -> str:
    """Create an empty scenario store at ``path`` (refused when it exists): the
    ``scenarios`` table and the ``scenario_projects`` layer with every field of
    ``template`` (the projects layer: its first row gives the field types — an empty
    one makes untyped fields text —, no row is kept), ``scenario_id`` and
    ``phase``, in ``template``'s CRS. Returns ``path``."""
    if os.path.exists(path):
        raise LowlandInputError(f"方案库已存在：{path} / the scenario store exists: {path}")
    partial = stage_file(path)
    try:
        schema = template.iloc[:1].copy()  # a row gives the fields their types
        for name in model.PROJECT_EXTRA_FIELDS:
            if name not in schema.columns:
                schema[name] = pd.Series([None] * len(schema), index=schema.index, dtype=object)
        if schema.empty:  # the rows written are removed below
            schema = _placeholder_row(schema)
        write_ogr_layer(schema.reset_index(drop=True), partial, model.SCENARIO_PROJECTS_LAYER,
                        overwrite_file=True, geometry_type="MultiPolygon")  # fmt: skip
        _delete_where(partial, model.SCENARIO_PROJECTS_LAYER, None)
        table = pd.DataFrame({f: pd.Series([], dtype=t) for f, t in _SCENARIO_DTYPES.items()})
        empty = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries([], crs=template.crs))
        write_ogr_layer(empty, partial, model.SCENARIOS_LAYER, geometry_type="None")
        swap_file_into_place(partial, path, False)
    finally:
        remove_files(partial)
        forget_partial(partial)
    return path


def _placeholder_row(schema: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row of nulls (a square geometry) so an empty template still writes."""
    row = {c: [None] for c in schema.columns if c != schema.geometry.name}
    geom = shapely.MultiPolygon([shapely.box(0, 0, 1, 1)])
    out = gpd.GeoDataFrame(pd.DataFrame(row), geometry=[geom], crs=schema.crs)
    return out.astype({c: schema[c].dtype for c in row})


def read_scenarios(path: str) -> pd.DataFrame:
    """The ``scenarios`` table (columns :data:`model.SCENARIO_FIELDS`, ``chosen`` bool)."""
    frame = pd.DataFrame(read_ogr_layer(path, model.SCENARIOS_LAYER)).reset_index(drop=True)
    frame = frame.drop(columns=[c for c in ("geometry",) if c in frame.columns])
    frame["chosen"] = [model.is_chosen(v) for v in frame.get("chosen", [])]
    return frame[[*model.SCENARIO_FIELDS, *[c for c in frame if c not in model.SCENARIO_FIELDS]]]


def read_scenario_projects(path: str, scenario_id: str | None = None) -> gpd.GeoDataFrame:
    """The ``scenario_projects`` layer (of one scenario when ``scenario_id`` is given)."""
    frame = read_ogr_layer(path, model.SCENARIO_PROJECTS_LAYER).reset_index(drop=True)
    return frame if scenario_id is None else model.projects_of(frame, scenario_id)


def read_store(path: str) -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
    """Both layers of a store: (``scenarios``, ``scenario_projects``)."""
    return read_scenarios(path), read_scenario_projects(path)


def add_scenario(
    path: str,
    projects: gpd.GeoDataFrame,
    unit_id: str,
    name: str,
    author: str | None = None,
    now: dt.datetime | None = None,
    *,
    scenario_id: str | None = None,
    notes: str | None = None,
) -> str:
    """Add a scenario of ``unit_id`` made from ``projects`` (the unit's projects, e.g. the
    current plan; reprojected to the store's CRS): the next free id ``<unit>-A``, ``-B``…
    unless ``scenario_id`` is given. Returns the new id."""
    now = now or dt.datetime.now()
    taken = [t for t in texts(read_scenarios(path), "scenario_id") if t]
    row, rows = model.scenario_from_projects(projects, unit_id, name, author, now,
                                             scenario_id=scenario_id, taken=taken, notes=notes)  # fmt: skip
    _append(path, row, rows)
    return row["scenario_id"]


def copy_scenario(
    path: str,
    source_id: str,
    name: str,
    author: str | None = None,
    now: dt.datetime | None = None,
    *,
    scenario_id: str | None = None,
    notes: str | None = None,
) -> str:
    """Copy scenario ``source_id`` (its projects under a new id of the same unit, created
    and changed ``now``, not chosen; ``notes`` or else the source's). Returns the new
    id."""
    now = now or dt.datetime.now()
    scenarios, projects = read_store(path)
    row, rows = model.copy_scenario(scenarios, projects, source_id, name, author, now,
                                    scenario_id=scenario_id, notes=notes)  # fmt: skip
    _append(path, row, rows)
    return row["scenario_id"]


def delete_scenario(path: str, scenario_id: str) -> None:
    """Delete a scenario and its projects (refused when it does not exist)."""
    model.scenario_record(read_scenarios(path), scenario_id)
    _delete_where(path, model.SCENARIO_PROJECTS_LAYER, scenario_id)
    _delete_where(path, model.SCENARIOS_LAYER, scenario_id)


def mark_chosen(path: str, scenario_id: str) -> None:
    """Make ``scenario_id`` the chosen plan of its unit (the one the 实施方案 describes);
    the unit's other scenarios are no longer chosen."""
    unit_id = str(model.scenario_record(read_scenarios(path), scenario_id)["unit_id"])
    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName(model.SCENARIOS_LAYER)
    for feature in list(layer):
        if feature.GetField("unit_id") == unit_id:
            feature.SetField("chosen", int(feature.GetField("scenario_id") == scenario_id))
            layer.SetFeature(feature)
    del layer, ds


def touch_scenario(path: str, scenario_id: str, now: dt.datetime | None = None) -> None:
    """Set a scenario's ``changed`` time (after an edit of its projects)."""
    stamp = model.iso_time(now or dt.datetime.now())
    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName(model.SCENARIOS_LAYER)
    found = False
    for feature in list(layer):
        if feature.GetField("scenario_id") == scenario_id:
            feature.SetField("changed", stamp)
            layer.SetFeature(feature)
            found = True
    del layer, ds
    if not found:
        raise LowlandInputError(f"没有方案 {scenario_id} / no scenario {scenario_id!r}")


# ------------------------------------------------------------------ OGR rows


def _append(path: str, row: dict, rows: gpd.GeoDataFrame) -> None:
    """Append a ``scenarios`` row and its projects; the ids are checked first."""
    scenarios = pd.DataFrame([*read_scenarios(path).to_dict("records"), row])
    model.check_chosen(scenarios)
    model.check_modes(rows)
    ds = ogr.Open(path, update=1)
    if ds is None:
        raise LowlandInputError(f"无法打开方案库 / cannot open the scenario store: {path}")
    projects_layer = ds.GetLayerByName(model.SCENARIO_PROJECTS_LAYER)
    srs = projects_layer.GetSpatialRef()
    if srs is not None and rows.crs is not None:
        rows = rows.to_crs(srs.ExportToWkt())
    _write_features(projects_layer, rows)
    table = gpd.GeoDataFrame(pd.DataFrame([row]), geometry=[None])
    _write_features(ds.GetLayerByName(model.SCENARIOS_LAYER), table)
    del projects_layer, ds


def _write_features(layer, frame: gpd.GeoDataFrame) -> None:
    """Append the rows of ``frame`` to ``layer`` (fields it lacks are added, as text or
    real numbers), in one transaction."""
    defn = layer.GetLayerDefn()
    have = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
    geometry = frame.geometry.name
    columns = [c for c in frame.columns if c != geometry]
    for column in columns:
        if column not in have:
            numeric = pd.api.types.is_numeric_dtype(frame[column].dtype)
            layer.CreateField(ogr.FieldDefn(str(column), ogr.OFTReal if numeric else ogr.OFTString))
    defn = layer.GetLayerDefn()
    kinds = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i).GetType()
             for i in range(defn.GetFieldCount())}  # fmt: skip
    layer.StartTransaction()
    for record, geom in zip(frame[columns].to_dict("records"), frame.geometry.values, strict=True):
        feature = ogr.Feature(defn)
        for column, value in record.items():
            _set_field(feature, str(column), kinds[str(column)], value)
        if geom is not None and not shapely.is_empty(geom):
            multi = shapely.MultiPolygon([geom]) if geom.geom_type == "Polygon" else geom
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(multi)))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def _set_field(feature, name: str, kind: int, value: Any) -> None:
    """One field of an OGR feature from a pandas value (unknown → NULL)."""
    if isinstance(value, (list, dict, np.ndarray)) or not is_known(value):
        feature.SetFieldNull(name)
    elif kind in (ogr.OFTInteger, ogr.OFTInteger64):
        feature.SetField(name, int(value))
    elif kind == ogr.OFTReal:
        feature.SetField(name, float(value))
    elif kind in (ogr.OFTDate, ogr.OFTDateTime):
        pattern = "%Y-%m-%d %H:%M:%S" if kind == ogr.OFTDateTime else "%Y-%m-%d"
        feature.SetField(name, pd.Timestamp(value).strftime(pattern))
    else:
        feature.SetField(name, str(value))


def _delete_where(path: str, layer_name: str, scenario_id: str | None) -> None:
    """Delete the features of ``scenario_id`` (every feature when None) of a layer."""
    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName(layer_name)
    fids = [f.GetFID() for f in layer if scenario_id is None
            or f.GetField("scenario_id") == scenario_id]  # fmt: skip
    layer.StartTransaction()
    for fid in fids:
        layer.DeleteFeature(fid)
    layer.CommitTransaction()
    del layer, ds


def scenario_ids(path: str, unit_id: str | None = None) -> list[str]:
    """The scenario ids of the store (of ``unit_id`` when given), in stored order."""
    frame = read_scenarios(path)
    pairs: Iterable = zip(texts(frame, "scenario_id"), texts(frame, "unit_id"), strict=True)
    return [str(s) for s, u in pairs if unit_id is None or u == unit_id]
