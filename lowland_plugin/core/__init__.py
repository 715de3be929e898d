"""Lowland domain core: pure Python on GeoDataFrames, no QGIS imports."""
