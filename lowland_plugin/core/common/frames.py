"""Build GeoDataFrames from shapely arrays without geopandas' per-element type checks
(0.18 s per 300k geometries in geopandas 0.14, nothing with a GeometryArray)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from geopandas.array import GeometryArray


def geodataframe(
    attributes: pd.DataFrame, geoms: np.ndarray, crs=None, index: pd.Index | None = None
) -> gpd.GeoDataFrame:
    """A GeoDataFrame of ``attributes`` plus the shapely array ``geoms`` (column ``geometry``)."""
    attributes = attributes.reset_index(drop=True)
    geometry = gpd.GeoSeries(GeometryArray(np.asarray(geoms, dtype=object)), crs=crs)
    gdf = gpd.GeoDataFrame(attributes, geometry=geometry, crs=crs)
    if index is not None:
        gdf.index = index
    return gdf
