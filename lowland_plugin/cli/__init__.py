"""Command line for a province (issue 20 item 4): the identification, legacy land and
indicators of the core on a Dask cluster, outside QGIS.

``python -m lowland_plugin.cli identify|legacy|indicators …`` reads GeoParquet, GeoPackage or
PostGIS, cuts the parcels into spatial tiles (``core.common.tiles``, the same tiles and
halo as inside QGIS), runs the same core functions tile by tile on a Dask cluster (a
``LocalCluster`` by default, ``--scheduler tcp://host:port`` for a real one) and writes
GeoParquet (through dask-geopandas) or PostGIS. Nothing here is imported by the plugin:
dask never enters QGIS (tests/test_layers.py and tests/test_cli.py check it).
"""
