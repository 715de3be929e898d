"""Lowland — 低效用地再开发 QGIS plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API)
    """Entry point QGIS calls to create the plugin."""
    from .lowland_plugin.plugin import LowlandPlugin

    return LowlandPlugin(iface)
