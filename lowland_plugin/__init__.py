"""Lowland plugin package: the core, the QGIS adapters, the GUI and the plugin class."""
