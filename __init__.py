"""Lowland — 低效用地再开发 QGIS plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API)
    """Entry point QGIS calls to create the plugin (a stub saying what to install when a
    required Python package is missing or of a version that does not work in QGIS)."""
    from .lowland_plugin.dependencies import missing_requirements

    problems = missing_requirements()
    if problems:
        from .lowland_plugin.missing import MissingRequirementsPlugin

        return MissingRequirementsPlugin(iface, problems)
    from .lowland_plugin.plugin import LowlandPlugin

    return LowlandPlugin(iface)
