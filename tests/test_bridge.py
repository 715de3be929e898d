"""Round trips through the QGIS bridge and the OGR fast path: nothing lost."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from lowland_under_test.lowland_plugin.bridge import layers as qgis_bridge
from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer, write_ogr_layer

HOLE = "POLYGON((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40))"
MULTI = "MULTIPOLYGON(((200 0,210 0,210 10,200 10,200 0)),((300 0,310 0,310 10,300 10,300 0)))"
FIELDS = (
    "name:string&field=count:integer&field=big:long&field=ratio:double"
    "&field=flag:boolean&field=day:date"
)


@pytest.fixture
def memory_source(qgis_app):
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4544&field={FIELDS}", "src", "memory")
    rows = [
        (["中文宗地·甲", 1, 12_345_678_901, 0.5, True, QDate(2009, 12, 31)], HOLE),
        ([NULL, NULL, NULL, NULL, NULL, NULL], MULTI),
        (["银川市金凤区", -3, 0, 1e-9, False, QDate(2010, 1, 1)], MULTI),
    ]
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


def test_source_to_gdf_types_nulls_and_geometry(memory_source):
    gdf = qgis_bridge.source_to_gdf(memory_source)
    assert len(gdf) == 3
    assert gdf.crs.to_epsg() == 4544
    assert gdf["name"].tolist() == ["中文宗地·甲", None, "银川市金凤区"]
    assert str(gdf["count"].dtype) == "Int64" and gdf["count"].isna().tolist() == [
        False,
        True,
        False,
    ]
    assert gdf["big"].iloc[0] == 12_345_678_901
    assert np.isnan(gdf["ratio"].iloc[1]) and gdf["ratio"].iloc[2] == 1e-9
    assert str(gdf["flag"].dtype) == "boolean" and gdf["flag"].isna().iloc[1]
    assert gdf["day"].iloc[0] == dt.date(2009, 12, 31) and gdf["day"].iloc[1] is None
    parts = shapely.get_parts(gdf.geometry.iloc[0])
    assert shapely.get_num_interior_rings(parts[0]) == 1  # the hole survived
    assert shapely.get_num_geometries(gdf.geometry.iloc[1]) == 2  # both parts survived
    assert gdf.geometry.iloc[0].area == pytest.approx(10000 - 400)


def _sink_roundtrip(gdf, tmp_path, driver):
    aliases = {"name": "名称"}
    fields = qgis_bridge.gdf_fields(gdf, aliases)
    assert fields.field("name").alias() == "名称"
    path = str(tmp_path / ("out.gpkg" if driver == "GPKG" else "out.shp"))
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = "UTF-8"
    writer = QgsVectorFileWriter.create(
        path,
        fields,
        qgis_bridge.gdf_wkb_type(gdf),
        QgsCoordinateReferenceSystem("EPSG:4544"),
        QgsCoordinateTransformContext(),
        options,
    )
    assert qgis_bridge.write_gdf_to_sink(gdf, writer, fields) == len(gdf)
    del writer
    return QgsVectorLayer(path, "back", "ogr")


def test_gdf_to_gpkg_sink_and_back(memory_source, tmp_path):
    gdf = qgis_bridge.source_to_gdf(memory_source)
    back_layer = _sink_roundtrip(gdf, tmp_path, "GPKG")
    assert back_layer.isValid()
    back = qgis_bridge.source_to_gdf(back_layer)
    fast = read_ogr_layer(back_layer.source().split("|")[0])
    for frame in (back, fast):
        assert frame["name"].tolist() == gdf["name"].tolist()
        assert frame["count"].tolist() == gdf["count"].tolist()
        assert frame["big"].tolist() == gdf["big"].tolist()
        assert frame["flag"].tolist() == gdf["flag"].tolist()
        assert frame["day"].tolist() == gdf["day"].tolist()
        np.testing.assert_array_equal(frame["ratio"].to_numpy(), gdf["ratio"].to_numpy())
        assert shapely.equals(
            np.asarray(frame.geometry.values), np.asarray(gdf.geometry.values)
        ).all()


def test_gbk_free_shapefile_roundtrip_keeps_chinese(memory_source, tmp_path):
    gdf = qgis_bridge.source_to_gdf(memory_source)
    back = qgis_bridge.source_to_gdf(_sink_roundtrip(gdf, tmp_path, "ESRI Shapefile"))
    assert back["name"].tolist() == gdf["name"].tolist()


def test_ogr_writer_and_fast_reader_roundtrip(tmp_path):
    gdf = gpd.GeoDataFrame(
        {
            "parcel_id": ["宗地1", None],
            "n": pd.array([7, None], dtype="Int64"),
            "flag": pd.array([None, True], dtype="boolean"),
            "day": [None, dt.date(2024, 2, 29)],
        },
        geometry=[shapely.from_wkt(HOLE), shapely.from_wkt(MULTI)],
        crs="EPSG:4544",
    )
    path = str(tmp_path / "x.gpkg")
    write_ogr_layer(gdf, path, "x", aliases={"parcel_id": "宗地编号"}, overwrite_file=True)
    back = read_ogr_layer(path, "x")
    assert back["parcel_id"].tolist() == ["宗地1", None]
    assert back["n"].isna().tolist() == [False, True]
    assert back["flag"].isna().tolist() == [True, False]
    assert back["day"].tolist() == [None, dt.date(2024, 2, 29)]
    assert back.geometry.iloc[0].geoms[0].interiors  # promoted to multi, hole kept
    layer = QgsVectorLayer(f"{path}|layername=x", "x", "ogr")
    assert (
        layer.attributeAlias(layer.fields().indexOf("parcel_id")) == "宗地编号"
    )  # alias stored as the default style


def test_fast_path_equals_provider_path(sample_gpkg, qgis_app):
    layer = QgsVectorLayer(f"{sample_gpkg}|layername=parcels", "p", "ogr")
    assert qgis_bridge._fast_path_file(layer) is not None
    fast = qgis_bridge.source_to_gdf(layer)
    slow = qgis_bridge.source_to_gdf(layer.dataProvider())  # provider: no fast path
    assert fast.index.tolist() == slow.index.tolist()
    assert list(fast.columns) == list(slow.columns)
    for col in fast.columns:
        if col == fast.geometry.name:
            assert shapely.equals(
                np.asarray(fast.geometry.values), np.asarray(slow.geometry.values)
            ).all()
        else:
            assert fast[col].astype(object).where(fast[col].notna(), None).tolist() == (
                slow[col].astype(object).where(slow[col].notna(), None).tolist()
            ), col


def test_bulk_gpkg_writer_keeps_index_count_and_triggers(tmp_path, qgis_app):
    from osgeo import ogr

    boxes = [shapely.box(i * 10, 0, i * 10 + 5, 5) for i in range(50)]
    gdf = gpd.GeoDataFrame({"k": list(range(50))}, geometry=boxes, crs="EPSG:4544")
    path = str(tmp_path / "bulk.gpkg")
    write_ogr_layer(gdf, path, "bulk", overwrite_file=True)
    ds = ogr.Open(path, update=1)
    layer = ds.GetLayerByName("bulk")
    assert layer.GetFeatureCount() == 50
    assert layer.GetExtent() == (0.0, 495.0, 0.0, 5.0)
    result = ds.ExecuteSQL("SELECT HasSpatialIndex('bulk', 'geom')")
    assert result.GetNextFeature().GetField(0) == 1
    ds.ReleaseResultSet(result)
    layer.SetSpatialFilterRect(98, 1, 122, 2)  # boxes 10, 11 and 12 (100-105, 110-115, 120-125)
    assert sorted(f.GetField("k") for f in layer) == [10, 11, 12]
    layer.SetSpatialFilter(None)
    # the restored triggers keep the R-tree and the count right for later edits
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetField("k", 99)
    feat.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON((1000 0,1001 0,1001 1,1000 0))"))
    layer.CreateFeature(feat)
    layer.SetSpatialFilterRect(999, 0, 1002, 1)
    assert [f.GetField("k") for f in layer] == [99]
    ds = None
    qlayer = QgsVectorLayer(f"{path}|layername=bulk", "bulk", "ogr")
    assert qlayer.featureCount() == 51


def test_bulk_writer_in_row_blocks_writes_the_same_rows(tmp_path, qgis_app, monkeypatch):
    """Issue 20: rows go in blocks of _INSERT_ROWS; 130 rows in blocks of 7 give the file
    of one block: same fids, values, nulls and geometries; the spatial index (130 > 51
    entries: two levels) finds boxes 10–12 as before."""
    from lowland_under_test.lowland_plugin.bridge import ogr_io

    boxes = [shapely.box(i * 10, 0, i * 10 + 5, 5) for i in range(130)]
    gdf = gpd.GeoDataFrame(
        {"k": list(range(130)), "t": [None if i % 3 else f"第{i}" for i in range(130)]},
        geometry=boxes,
        crs="EPSG:4544",
    )
    whole, blocks = str(tmp_path / "whole.gpkg"), str(tmp_path / "blocks.gpkg")
    write_ogr_layer(gdf, whole, "b", overwrite_file=True)
    monkeypatch.setattr(ogr_io, "_INSERT_ROWS", 7)
    write_ogr_layer(gdf, blocks, "b", overwrite_file=True)
    one, other = read_ogr_layer(whole, "b"), read_ogr_layer(blocks, "b")
    assert list(other.index) == list(range(1, 131))
    pd.testing.assert_frame_equal(one.drop(columns="geometry"), other.drop(columns="geometry"))
    assert shapely.equals_exact(one.geometry.values, other.geometry.values, 0).all()
    from osgeo import ogr

    ds = ogr.Open(blocks)
    layer = ds.GetLayerByName("b")
    layer.SetSpatialFilterRect(98, 1, 122, 2)
    assert sorted(f.GetField("k") for f in layer) == [10, 11, 12]
    ds = None


def test_new_geopackage_has_16k_pages_and_stays_a_geopackage(tmp_path, qgis_app):
    """Issue 20: a GeoPackage made by write_ogr_layer has 16 KB pages (set for the
    creating thread only); it is a sound GeoPackage, and a second layer goes into it."""
    import sqlite3

    from osgeo import gdal, ogr

    from lowland_under_test.lowland_plugin.bridge import ogr_io

    gdf = gpd.GeoDataFrame(
        {"k": [1, 2]}, geometry=[shapely.box(0, 0, 1, 1), shapely.box(2, 0, 3, 1)], crs="EPSG:4544"
    )
    path = str(tmp_path / "paged.gpkg")
    write_ogr_layer(gdf, path, "a", overwrite_file=True)
    write_ogr_layer(gdf, path, "b")
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA page_size").fetchone() == (ogr_io.PAGE_SIZE,) == (16384,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert gdal.GetConfigOption("OGR_SQLITE_PRAGMA") is None  # nothing left set
    ds = ogr.Open(path)
    assert ds.GetDriver().GetName() == "GPKG"
    assert [ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())] == [2, 2]
    ds = None
