"""A headless QGIS with Processing and the lowland provider, for scripts and benchmarks.

The repository root is loaded as a package under a neutral name (never put on
``sys.path``: its ``processing/`` folder would shadow QGIS's own package).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_qgis(package: str, load_models: bool = True, gui: bool = False):
    """Start QGIS (offscreen; with ``gui`` a widget application, for docks), initialise
    Processing, load the plugin as ``package`` and register its provider; returns (app,
    provider, QGIS's ``processing`` module)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_HASH_SEED", "0")  # files written by Qt (.model3) reproducible
    sys.path[:] = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], gui)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    spec = importlib.util.spec_from_file_location(
        package, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    spec.loader.exec_module(module)
    provider_module = importlib.import_module(f"{package}.processing.provider")
    provider = provider_module.LowlandProvider(load_models=load_models)
    # the registry holds only the C++ side: the caller keeps a reference to the provider
    if not QgsApplication.processingRegistry().addProvider(provider):
        raise SystemExit("could not register the lowland provider")
    import processing

    return app, provider, processing
