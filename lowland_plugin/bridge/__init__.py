"""The QGIS/GDAL adapters: layers and feature sources ↔ GeoDataFrames, the OGR fast path,
outputs, styles, print layouts, PDF and stored reviews. Used by ``processing/`` and
``gui/``; imports neither (docs/dev/architecture.md)."""
