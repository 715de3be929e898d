"""Fast columnar file I/O through the GDAL bindings QGIS already loads (``osgeo.ogr``).

Why this exists: reading 400k polygons through the QGIS provider takes about 5 s,
through ``Layer.GetArrowStreamAsNumPy`` about 0.35 s (DESIGN.md, "Environment
facts"). It is used for plain file layers (GeoPackage, shapefile) with no filter;
everything else goes through :mod:`lowland_plugin.bridge.layers`.

Never import fiona or pyogrio here: inside QGIS they would load a second GDAL.

Traps handled here:
- the ``ogr.DataSource`` must stay referenced while its layer is read, or QGIS
  segfaults (kept in a local for the whole read);
- strings arrive as UTF-8 ``bytes`` (decoded), nulls as masked entries (kept as
  ``None``/``NaN``/``pd.NA``, never filled).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import struct
from collections.abc import Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from osgeo import gdal, ogr, osr

from ..core.common.errors import LowlandInputError
from ..core.common.frames import geodataframe
from .gpkg_rtree import write_packed_rtree

ogr.UseExceptions()
osr.UseExceptions()

_MULTI_OF = {
    "Polygon": "MultiPolygon",
    "LineString": "MultiLineString",
    "Point": "MultiPoint",
}
_OGR_GEOM = {
    "Point": ogr.wkbPoint,
    "LineString": ogr.wkbLineString,
    "Polygon": ogr.wkbPolygon,
    "MultiPoint": ogr.wkbMultiPoint,
    "MultiLineString": ogr.wkbMultiLineString,
    "MultiPolygon": ogr.wkbMultiPolygon,
    "GeometryCollection": ogr.wkbGeometryCollection,
    "None": ogr.wkbNone,
}


def list_ogr_layers(path: str) -> list[str]:
    """Names of the layers in a vector file."""
    ds = ogr.Open(path)
    if ds is None:
        raise LowlandInputError(f"无法打开矢量文件 / cannot open vector file: {path}")
    return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]


def _column_from_masked(name: str, values: np.ndarray) -> pd.Series:
    """Turn one Arrow/NumPy column (maybe masked) into a pandas column with nulls kept."""
    mask = np.ma.getmaskarray(values) if np.ma.isMaskedArray(values) else None
    data = np.ma.getdata(values)
    if data.dtype.kind in "SO" and data.size and isinstance(_first_non_null(data, mask), bytes):
        # decode each distinct value once (codes, names and owners repeat a lot)
        codes, uniques = pd.factorize(data)
        decoded = np.array(
            [v.decode("utf-8") if isinstance(v, bytes) else v for v in uniques] + [None],
            dtype=object,
        )
        out = decoded[codes]  # code -1 (a missing value) picks the trailing None
        if mask is not None:
            out[mask] = None
        return pd.Series(out, name=name, dtype=object)
    if data.dtype.kind == "b":
        if mask is not None and mask.any():
            return pd.Series(pd.arrays.BooleanArray(data, mask), name=name)
        return pd.Series(data, name=name)
    if data.dtype.kind in "iu":
        if mask is not None and mask.any():
            return pd.Series(pd.arrays.IntegerArray(data.astype("int64"), mask), name=name)
        return pd.Series(data.astype("int64"), name=name)
    if data.dtype.kind == "f":
        data = data.astype("float64", copy=True)
        if mask is not None:
            data[mask] = np.nan
        return pd.Series(data, name=name)
    out = np.array(data, dtype=object)
    if mask is not None:
        out[mask] = None
    return pd.Series(out, name=name, dtype=object)


def _first_non_null(data: np.ndarray, mask: np.ndarray | None):
    for i, v in enumerate(data):
        if (mask is None or not mask[i]) and v is not None:
            return v
    return None


def _concat(parts: list) -> np.ndarray:
    if any(np.ma.isMaskedArray(p) for p in parts):
        return np.ma.concatenate(parts)
    return np.concatenate(parts)


def _read_booleans(ds, layer, names: list[str], bounds=None) -> dict[str, pd.Series]:
    """Boolean-subtype fields, indexed by fid.

    GDAL 3.6's ``GetArrowStreamAsNumPy`` decodes Arrow's bit-packed booleans
    wrongly (most values come back from the wrong bits), so booleans are read as
    integers: through SQL ``CAST`` on a GeoPackage (one columnar pass), feature
    by feature elsewhere. With ``bounds`` the GeoPackage pass reads only the R-tree's
    window (a superset of the spatial filter's features), not the whole layer."""
    fid_name = layer.GetFIDColumn()
    if ds.GetDriver().GetName() == "GPKG" and fid_name:
        # COALESCE: SQLite types a result column by its first row; -1 stands for NULL
        casts = ", ".join(f'COALESCE(CAST("{n}" AS INTEGER), -1) AS "{n}"' for n in names)
        sql = f'SELECT "{fid_name}" AS lowland_fid_, {casts} FROM "{layer.GetName()}"'
        sql += _rtree_window(ds, layer, fid_name, bounds)
        result = ds.ExecuteSQL(sql, dialect="SQLITE")
        try:
            chunks: dict[str, list] = {}
            for batch in result.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
                for key, arr in batch.items():
                    chunks.setdefault(key, []).append(arr)
        finally:
            ds.ReleaseResultSet(result)
        if not chunks:
            return {n: pd.Series([], dtype="boolean") for n in names}
        fids = np.ma.getdata(_concat(chunks["lowland_fid_"])).astype("int64")
        out = {}
        for n in names:
            arr = np.ma.getdata(_concat(chunks[n])).astype("int64")
            mask = arr == -1
            values = pd.arrays.BooleanArray((arr > 0) & ~mask, mask)
            out[n] = pd.Series(values, index=fids)
        return out
    layer.ResetReading()
    rows: dict[str, tuple[list[bool], list[bool]]] = {n: ([], []) for n in names}
    for feat in layer:
        for n in names:
            null = not feat.IsFieldSetAndNotNull(n)
            rows[n][0].append(False if null else bool(feat.GetFieldAsInteger(n)))
            rows[n][1].append(null)
    layer.ResetReading()
    fids = np.array([f.GetFID() for f in layer], dtype="int64")
    return {
        n: pd.Series(
            pd.arrays.BooleanArray(np.array(v, dtype=bool), np.array(m, dtype=bool)), index=fids
        )
        for n, (v, m) in rows.items()
    }


def _rtree_window(ds, layer, fid_name: str, bounds) -> str:
    """A ``WHERE`` clause keeping the features whose R-tree box meets ``bounds`` (minx,
    miny, maxx, maxy); "" without bounds or without a spatial index."""
    geom = layer.GetGeometryColumn()
    if bounds is None or not geom:
        return ""
    rtree = f"rtree_{layer.GetName()}_{geom}"
    found = ds.ExecuteSQL(f"SELECT name FROM sqlite_master WHERE name = '{rtree}'")
    has_rtree = found is not None and found.GetFeatureCount() > 0
    if found is not None:
        ds.ReleaseResultSet(found)
    if not has_rtree:
        return ""
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    return (
        f' WHERE "{fid_name}" IN (SELECT id FROM "{rtree}" WHERE maxx >= {xmin!r} '
        f"AND minx <= {xmax!r} AND maxy >= {ymin!r} AND miny <= {ymax!r})"
    )


def read_ogr_layer(
    path: str,
    layer_name: str | None = None,
    columns: list[str] | None = None,
    bounds: tuple[float, float, float, float] | None = None,
) -> gpd.GeoDataFrame:
    """Read a file layer into a GeoDataFrame indexed by feature id (``fid``).

    ``columns`` limits the attribute columns read (geometry is always read). A
    GeoPackage's FID column may be asked for as a column (QGIS shows it as a field).
    ``bounds`` (xmin, ymin, xmax, ymax): only the features whose bounding box meets it
    (the layer's spatial index; a tile of ``core.common.tiles``).
    """
    ds = ogr.Open(path)  # keep referenced until the read ends (segfault otherwise)
    if ds is None:
        raise LowlandInputError(f"无法打开矢量文件 / cannot open vector file: {path}")
    layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    if layer is None:
        raise LowlandInputError(
            f"文件中没有图层 {layer_name} / no layer {layer_name!r} in {path}; "
            f"layers: {list_ogr_layers(path)}"
        )
    defn = layer.GetLayerDefn()
    field_defns = {
        defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i) for i in range(defn.GetFieldCount())
    }
    fid_name = layer.GetFIDColumn()
    wanted = list(field_defns) if columns is None else list(columns)
    missing = [c for c in wanted if c not in field_defns and c != fid_name]
    if missing:
        raise LowlandInputError(
            f"图层 {layer.GetName()} 缺少字段 {missing} / layer {layer.GetName()} lacks {missing}"
        )
    booleans = [
        c for c in wanted if c in field_defns and field_defns[c].GetSubType() == ogr.OFSTBoolean
    ]
    layer.SetIgnoredFields([f for f in field_defns if f not in wanted or f in booleans])
    if bounds is not None:
        layer.SetSpatialFilterRect(*bounds)
    srs = layer.GetSpatialRef()
    crs = srs.ExportToWkt() if srs is not None else None

    chunks: dict[str, list] = {}
    stream = layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES", "INCLUDE_FID=YES"])
    for batch in stream:
        for key, arr in batch.items():
            chunks.setdefault(key, []).append(arr)
    del stream
    layer.SetIgnoredFields([])
    layer.SetSpatialFilter(None)
    fid_key = fid_name or next((k for k in chunks if k.lower() in ("fid", "ogc_fid")), "OGC_FID")
    geom_key = layer.GetGeometryColumn() or "wkb_geometry"
    fids = (
        np.ma.getdata(_concat(chunks[fid_key])).astype("int64")
        if chunks
        else np.array([], dtype="int64")
    )
    bool_columns = _read_booleans(ds, layer, booleans, bounds) if booleans else {}
    cols: dict[str, pd.Series] = {}
    for key in wanted:
        if key == fid_name:
            cols[key] = pd.Series(fids)
        elif key in bool_columns:
            cols[key] = bool_columns[key].reindex(fids).reset_index(drop=True)
        elif chunks:
            cols[key] = _column_from_masked(key, _concat(chunks[key]))
        else:
            cols[key] = pd.Series([], dtype=object)
    # a table without geometry column: every row's geometry is None
    wkb = _concat(chunks[geom_key]) if geom_key in chunks else np.full(len(fids), None, object)
    if np.ma.isMaskedArray(wkb):  # null geometries
        mask = np.ma.getmaskarray(wkb)
        wkb = np.ma.getdata(wkb).astype(object)
        wkb[mask] = None
    gdf = geodataframe(pd.DataFrame(cols), shapely.from_wkb(wkb), crs, pd.Index(fids, name="fid"))
    del layer, ds  # the dataset outlives every read from its layer
    return gdf


def _ogr_field_type(series: pd.Series) -> tuple[int, int]:
    """(OGR field type, subtype) for a pandas column."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return ogr.OFTInteger, ogr.OFSTBoolean
    if pd.api.types.is_integer_dtype(dtype):
        return ogr.OFTInteger64, ogr.OFSTNone
    if pd.api.types.is_float_dtype(dtype):
        return ogr.OFTReal, ogr.OFSTNone
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return ogr.OFTDateTime, ogr.OFSTNone
    sample = next((v for v in series if v is not None and v is not pd.NA and v == v), None)
    if isinstance(sample, (bool, np.bool_)):
        return ogr.OFTInteger, ogr.OFSTBoolean
    if isinstance(sample, dt.datetime):
        return ogr.OFTDateTime, ogr.OFSTNone
    if isinstance(sample, dt.date):
        return ogr.OFTDate, ogr.OFSTNone
    return ogr.OFTString, ogr.OFSTNone


_TYPE_NAMES = {
    0: "Point",
    1: "LineString",
    2: "LineString",
    3: "Polygon",
    4: "MultiPoint",
    5: "MultiLineString",
    6: "MultiPolygon",
    7: "GeometryCollection",
}
_MAKE_MULTI = {
    "MultiPolygon": shapely.multipolygons,
    "MultiLineString": shapely.multilinestrings,
    "MultiPoint": shapely.multipoints,
}


def _layer_geometry_type(geoms: np.ndarray) -> tuple[int, np.ndarray]:
    """Common OGR geometry type; single parts are promoted to multi when both occur."""
    type_ids = shapely.get_type_id(geoms)
    names = {_TYPE_NAMES[t] for t in np.unique(type_ids[type_ids >= 0])}
    if not names:
        return ogr.wkbUnknown, geoms
    if len(names) == 1:
        return _OGR_GEOM[names.pop()], geoms
    singles = names & set(_MULTI_OF)
    if len(singles) == 1 and names - singles == {_MULTI_OF[next(iter(singles))]}:
        multi = _MULTI_OF[singles.pop()]
        out = geoms.copy()
        idx = np.flatnonzero(np.isin(type_ids, [0, 1, 2, 3]))
        out[idx] = _MAKE_MULTI[multi](geoms[idx].reshape(-1, 1))
        return _OGR_GEOM[multi], out
    return ogr.wkbUnknown, geoms


def _sql_values(series: pd.Series, ftype: int, sub: int) -> list:
    """A column as Python values for SQLite (NULL → None, bool → 0/1, dates → ISO text)."""
    plain = series.dtype in (np.dtype("float64"), np.dtype("int64"))
    if plain and sub != ogr.OFSTBoolean and ftype in (ogr.OFTReal, ogr.OFTInteger64):
        # numpy columns in one pass (no Python call per value); NaN → NULL
        array = series.to_numpy()
        cast = array.astype("float64" if ftype == ogr.OFTReal else "int64").astype(object)
        if array.dtype.kind == "f":
            cast[np.isnan(array)] = None
        return cast.tolist()
    values = series.astype(object).where(series.notna(), None).tolist()
    if sub == ogr.OFSTBoolean:
        return [None if v is None else int(bool(v)) for v in values]
    if ftype == ogr.OFTInteger64:
        return [None if v is None else int(v) for v in values]
    if ftype == ogr.OFTReal:
        return [None if v is None else float(v) for v in values]
    if ftype == ogr.OFTDate:
        return [None if v is None else v.isoformat()[:10] for v in values]
    if ftype == ogr.OFTDateTime:
        return [
            None if v is None else pd.Timestamp(v).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            for v in values
        ]
    return [None if v is None else str(v) for v in values]


def gpkg_geometry_blobs(geoms: np.ndarray, srs_id: int) -> list:
    """GeoPackage geometry blobs (header with XY envelope + ISO WKB); None for null geometry."""
    wkbs = shapely.to_wkb(geoms, flavor="iso")
    bounds = shapely.bounds(geoms)
    empty = shapely.is_empty(geoms)
    srs = struct.pack("<i", srs_id)
    with_envelope = b"GP\x00\x03" + srs  # version 0, little endian, envelope [minx maxx miny maxy]
    no_envelope = b"GP\x00\x11" + srs  # little endian, empty geometry, no envelope
    out: list = []
    for wkb, (minx, miny, maxx, maxy), is_empty in zip(wkbs, bounds, empty, strict=True):
        if wkb is None:
            out.append(None)
        elif is_empty:
            out.append(no_envelope + wkb)
        else:
            out.append(with_envelope + struct.pack("<4d", minx, maxx, miny, maxy) + wkb)
    return out


def ogr_srs(crs) -> osr.SpatialReference | None:
    """The OGR spatial reference of a pyproj CRS (by EPSG code where it has one)."""
    if crs is None:
        return None
    srs = osr.SpatialReference()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    epsg = crs.to_epsg()
    if epsg:
        srs.ImportFromEPSG(epsg)
    else:
        srs.ImportFromWkt(crs.to_wkt())
    return srs


#: SQLite page size of the GeoPackages made here: rows of the identification result
#: (~2 KB, most of it reasons JSON) fill 4 KB pages badly; 16 KB pages make the bulk
#: insert ~25 % cheaper (0.3 s of CPU at 100k parcels) and the file smaller.
PAGE_SIZE = 16384


def _new_gpkg(drv, path: str):
    """A new GeoPackage with :data:`PAGE_SIZE` pages (set for this thread only: the
    page size of a database is fixed when its first table is made)."""
    gdal.SetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", f"page_size={PAGE_SIZE}")
    try:
        return drv.CreateDataSource(path)
    finally:
        gdal.SetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", None)


def write_ogr_layer(
    gdf: gpd.GeoDataFrame,
    path: str,
    layer_name: str,
    aliases: Mapping[str, str] | None = None,
    overwrite_file: bool = False,
    geometry_type: str | None = None,
    append: bool = False,
) -> None:
    """Write a GeoDataFrame as one layer of a GeoPackage (created if absent).

    ``append``: add the rows to the layer written before (a tile of a tiled run; same
    columns), feature ids continuing.

    ``geometry_type`` (e.g. ``"MultiPolygon"``) fixes the layer's type, needed for an
    empty template layer; otherwise it follows the geometries (none → a table).

    Field types follow the pandas dtypes (nullable ints/booleans keep nulls, dates
    stay dates); the feature ids are 1..n in row order. ``aliases`` (field →
    alias) are stored as the layer's default QGIS style so QGIS shows them.

    OGR creates the table, its metadata, R-tree and triggers; the rows go in with
    SQLite ``executemany`` (100k features in about a second, ~20x faster than a
    feature loop through OGR or a QGIS sink) and the R-tree is bulk loaded
    (``gpkg_rtree``: packed in one pass, ~5x faster than inserting each entry).
    """
    if overwrite_file and os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GPKG")
    ds = ogr.Open(path, update=1) if os.path.exists(path) else _new_gpkg(drv, path)
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    if append and ds.GetLayerByName(layer_name) is not None:
        defn = ds.GetLayerByName(layer_name).GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        ds = None
        _, geoms = _layer_geometry_type(geoms)
        kinds = [_ogr_field_type(gdf[col]) for col in columns]
        _insert_rows(path, layer_name, names, columns, kinds, gdf, geoms)
        return
    if ds.GetLayerByName(layer_name) is not None:
        ds.DeleteLayer(layer_name)
    srs = ogr_srs(gdf.crs)
    gtype, geoms = _layer_geometry_type(geoms)
    if geometry_type is not None:
        gtype = _OGR_GEOM[geometry_type]
    elif len(geoms) and shapely.is_missing(geoms).all():
        gtype = ogr.wkbNone  # an attribute table (no geometry column at all)
    layer = ds.CreateLayer(
        layer_name,
        None if gtype == ogr.wkbNone else srs,
        gtype,
        options=["GEOMETRY_NAME=geom", "FID=fid"],
    )
    kinds = []
    for col in columns:
        ftype, sub = _ogr_field_type(gdf[col])
        fdefn = ogr.FieldDefn(str(col), ftype)
        fdefn.SetSubType(sub)
        layer.CreateField(fdefn)
        kinds.append((ftype, sub))
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    del layer
    ds = None  # close: OGR has made the table, its spatial index and triggers
    _insert_rows(path, layer_name, names, columns, kinds, gdf, geoms)
    if aliases:
        ds = ogr.Open(path, update=1)
        _store_alias_style(ds, layer_name, {c: aliases[c] for c in columns if c in aliases})
        ds = None


def _insert_rows(path: str, table: str, names, columns, kinds, gdf, geoms) -> None:
    """One bulk load into the GeoPackage table: the rollback journal in memory and no
    fsyncs (an interrupted write is discarded anyway: Processing outputs go to a
    temporary file first)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = MEMORY")
    con.execute("PRAGMA synchronous = OFF")
    try:
        with con:
            _bulk_insert(con, table, names, columns, kinds, gdf, geoms)
    finally:
        con.close()


#: Rows converted and inserted together by :func:`_bulk_insert`.
_INSERT_ROWS = 20_000


def _bulk_insert(con, table, names, columns, kinds, gdf, geoms) -> None:
    """Insert all rows with ``executemany``. The table's triggers (R-tree upkeep and
    feature count, which call GeoPackage SQL functions plain SQLite lacks) are
    dropped meanwhile; their work is done in bulk here and they are restored."""
    n = len(gdf)
    row = con.execute(
        "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
    ).fetchone()
    has_geometry = row is not None
    srs_id = row[0] if has_geometry else 0
    triggers = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall()
    for name, _sql in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    first = con.execute(f'SELECT COALESCE(MAX(fid), 0) FROM "{table}"').fetchone()[0]
    targets = ["fid", *names] + (["geom"] if has_geometry else [])
    quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in targets)
    marks = ", ".join("?" for _ in targets)
    # the Python values of _INSERT_ROWS rows at a time, not of the whole table (~59
    # columns × 100k objects for the identification result)
    for start in range(0, n, _INSERT_ROWS):
        rows = slice(start, min(start + _INSERT_ROWS, n))
        part = gdf.iloc[rows]
        data = [list(range(first + rows.start + 1, first + rows.stop + 1))]
        data += [_sql_values(part[c], f, s) for c, (f, s) in zip(columns, kinds, strict=True)]
        if has_geometry:
            data.append(gpkg_geometry_blobs(geoms[rows], srs_id))
        con.executemany(
            f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', zip(*data, strict=True)
        )
    present = (
        ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        if n and has_geometry
        else np.zeros(n, dtype=bool)
    )
    rtree = f"rtree_{table}_geom"
    has_rtree = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (rtree,)
    ).fetchone()
    if present.any():
        bounds = shapely.bounds(geoms[present])
        fids = np.flatnonzero(present) + first + 1
        if has_rtree and not first:  # packed in one pass, not inserted one by one (gpkg_rtree)
            write_packed_rtree(con, rtree, fids, bounds)
        elif has_rtree:  # appended to a tree that holds rows already
            con.executemany(
                f'INSERT INTO "{rtree}" VALUES (?, ?, ?, ?, ?)',
                zip(fids.tolist(), *(bounds[:, k].tolist() for k in (0, 2, 1, 3)), strict=True),
            )
        minx, miny = bounds[:, 0].min(), bounds[:, 1].min()
        maxx, maxy = bounds[:, 2].max(), bounds[:, 3].max()
        if first:  # appended: the extent of the rows before too
            old = con.execute(
                "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?",
                (table,),
            ).fetchone()
            if old is not None and None not in old:
                minx, miny = min(minx, old[0]), min(miny, old[1])
                maxx, maxy = max(maxx, old[2]), max(maxy, old[3])
        con.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
            "WHERE table_name = ?",
            (float(minx), float(miny), float(maxx), float(maxy), table),
        )
    con.execute(
        "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (first + n, table)
    )
    for _name, sql in triggers:
        con.execute(sql)


def alias_style_qml(aliases: Mapping[str, str]) -> str:
    """A minimal QGIS style document that only sets field aliases."""
    from xml.sax.saxutils import quoteattr

    rows = "\n".join(
        f'    <alias field={quoteattr(f)} index="{i}" name={quoteattr(a)}/>'
        for i, (f, a) in enumerate(aliases.items())
    )
    return (
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        '<qgis version="3.22" styleCategories="Fields">\n'
        f"  <aliases>\n{rows}\n  </aliases>\n</qgis>\n"
    )


def _store_alias_style(ds, layer_name: str, aliases: Mapping[str, str]) -> None:
    """Store aliases as the default style in the GeoPackage ``layer_styles`` table,
    the table QGIS reads a GeoPackage layer's default style from."""
    if ds.GetLayerByName("layer_styles") is None:
        styles = ds.CreateLayer("layer_styles", None, ogr.wkbNone, options=["FID=id"])
        for name in (
            "f_table_catalog",
            "f_table_schema",
            "f_table_name",
            "f_geometry_column",
            "styleName",
            "styleQML",
            "styleSLD",
        ):
            styles.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        flag = ogr.FieldDefn("useAsDefault", ogr.OFTInteger)
        flag.SetSubType(ogr.OFSTBoolean)
        styles.CreateField(flag)
        for name in ("description", "owner", "ui"):
            styles.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        styles.CreateField(ogr.FieldDefn("update_time", ogr.OFTDateTime))
    styles = ds.GetLayerByName("layer_styles")
    styles.SetAttributeFilter(f"f_table_name = '{layer_name}'")
    for feat in list(styles):
        styles.DeleteFeature(feat.GetFID())
    styles.SetAttributeFilter(None)
    feat = ogr.Feature(styles.GetLayerDefn())
    feat.SetField("f_table_catalog", "")
    feat.SetField("f_table_schema", "")
    feat.SetField("f_table_name", layer_name)
    feat.SetField("f_geometry_column", "geom")
    feat.SetField("styleName", layer_name)
    feat.SetField("styleQML", alias_style_qml(aliases))
    feat.SetField("styleSLD", "")
    feat.SetField("useAsDefault", 1)
    feat.SetField("description", "Lowland field aliases")
    feat.SetField("owner", "")
    feat.SetField("ui", "")
    styles.CreateFeature(feat)


#: OGR field types of the ``type`` names used by field standards.
_SHAPEFILE_TYPES = {
    "string": ogr.OFTString,
    "int": ogr.OFTInteger64,
    "real": ogr.OFTReal,
    "date": ogr.OFTDate,
}


def write_shapefile(
    gdf: gpd.GeoDataFrame,
    path: str,
    fields: list[tuple[str, str, int, int]],
    encoding: str = "UTF-8",
) -> None:
    """Write ``gdf`` as an ESRI Shapefile at ``path`` (replaced if it exists).

    ``fields``: the DBF fields in order, ``(name, type, width, precision)`` with type
    ``string``/``int``/``real``/``date`` and ASCII names of at most 10 characters (the
    DBF limit; other names are refused, never shortened). ``encoding`` (``UTF-8``,
    ``GBK``…) is GDAL's layer creation option ``ENCODING``: text is written in it
    and GDAL writes it to the ``.cpg`` file. Values are written as given: check
    widths and encodability first (GDAL would otherwise truncate or replace).
    Polygons are stored as multipolygons (one shapefile type); null geometry stays null.

    Trap: QGIS sets GDAL's global ``SHAPE_ENCODING`` to ``""`` (no recoding), with which
    GDAL writes the UTF-8 text unchanged under a ``GBK`` ``.cpg``; the option is set
    to ``encoding`` for this thread while writing.
    """
    bad = [name for name, *_ in fields if not name.isascii() or not 0 < len(name) <= 10]
    if bad:
        raise LowlandInputError(
            f"DBF 字段名须为不超过 10 个字符的 ASCII：{bad} / DBF field names must be ASCII, "
            f"at most 10 characters: {bad}"
        )
    previous = gdal.GetThreadLocalConfigOption("SHAPE_ENCODING", None)
    gdal.SetThreadLocalConfigOption("SHAPE_ENCODING", encoding)
    try:
        _write_shapefile(gdf, path, fields, encoding)
    finally:
        gdal.SetThreadLocalConfigOption("SHAPE_ENCODING", previous)


def _write_shapefile(gdf, path, fields, encoding) -> None:
    drv = ogr.GetDriverByName("ESRI Shapefile")
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    srs = ogr_srs(gdf.crs)
    ds = drv.CreateDataSource(path)
    layer = ds.CreateLayer(
        os.path.splitext(os.path.basename(path))[0],
        srs,
        ogr.wkbMultiPolygon,
        options=[f"ENCODING={encoding}"],
    )
    for name, kind, width, precision in fields:
        fdefn = ogr.FieldDefn(name, _SHAPEFILE_TYPES[kind])
        fdefn.SetWidth(int(width))
        if kind == "real":
            fdefn.SetPrecision(int(precision))
        layer.CreateField(fdefn)
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    polygons = shapely.get_type_id(geoms) == 3
    geoms = geoms.copy()
    if polygons.any():
        geoms[polygons] = shapely.multipolygons(geoms[polygons].reshape(-1, 1))
    wkbs = shapely.to_wkb(geoms, flavor="iso") if len(geoms) else []
    columns = [gdf[name].astype(object).tolist() for name, *_ in fields]
    defn = layer.GetLayerDefn()
    for row, wkb in enumerate(wkbs):
        feat = ogr.Feature(defn)
        for i, ((_name, kind, _w, _p), column) in enumerate(zip(fields, columns, strict=True)):
            value = column[row]
            if value is None or value is pd.NA or value is pd.NaT or value != value:
                feat.SetFieldNull(i)
            elif kind == "date":
                feat.SetField(i, value.year, value.month, value.day, 0, 0, 0, 0)
            elif kind == "int":
                feat.SetField(i, int(value))
            elif kind == "real":
                feat.SetField(i, float(value))
            else:
                feat.SetField(i, str(value))
        if wkb is not None:
            feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feat)
    layer.SyncToDisk()
    del layer
    ds = None
