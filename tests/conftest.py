"""Test set-up: load the repository root as a package under a neutral name.

The root is never put on ``sys.path`` (its ``processing/`` folder would shadow
QGIS's own ``processing`` package); it is imported as the package
``lowland_under_test``, which also proves the plugin works whatever its folder
is called. pytest runs with ``--import-mode=importlib``.
The scripts are imported the same way, as the namespace package
``lowland_under_test.scripts`` (``scripts/`` has no ``__init__.py``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "lowland_under_test"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
os.environ.setdefault("PROJ_LIB", "/usr/share/proj")

# `python -m pytest` puts the working directory on sys.path: take the root off again.
sys.path[:] = [p for p in sys.path if p not in ("", ".") and Path(p).resolve() != ROOT]
if "processing" in sys.modules and not hasattr(sys.modules["processing"], "run"):
    del sys.modules["processing"]

QGIS_PLUGINS = "/usr/share/qgis/python/plugins"
if os.path.isdir(QGIS_PLUGINS) and QGIS_PLUGINS not in sys.path:
    sys.path.append(QGIS_PLUGINS)
# the tests' helper modules (badinput.py, check_helpers.py) import by name
TESTS = str(Path(__file__).resolve().parent)
if TESTS not in sys.path:
    sys.path.append(TESTS)


def _load_root_package() -> None:
    if PACKAGE in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        PACKAGE, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)


_load_root_package()

# Property tests (tests/test_properties.py): the test command runs a fixed, derandomised
# set of examples so a CI run is reproducible; `LOWLAND_HYPOTHESIS_PROFILE=explore` draws
# new random examples (many more of them) to search for failures while developing.
try:
    from hypothesis import HealthCheck
    from hypothesis import settings as hypothesis_settings
except ImportError:  # pragma: no cover - hypothesis is in requirements.txt
    pass
else:
    _common = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow],
        "print_blob": True,
    }
    hypothesis_settings.register_profile(
        "ci", max_examples=50, derandomize=True, database=None, **_common
    )
    hypothesis_settings.register_profile("explore", max_examples=1000, **_common)
    hypothesis_settings.load_profile(os.environ.get("LOWLAND_HYPOTHESIS_PROFILE", "ci"))

SAMPLE_GPKG = ROOT / "resources" / "sample" / "sample_district.gpkg"


@pytest.fixture(scope="session")
def sample_gpkg() -> Path:
    """The bundled sample district."""
    assert SAMPLE_GPKG.is_file(), "run `make sample` to generate the sample district"
    return SAMPLE_GPKG


_PROVIDERS: list = []  # Python references keep registered providers alive


@pytest.fixture(scope="module")
def lowland_provider(qgis_app, qgis_processing):
    """The ``lowland`` provider registered in the test QGIS application (registered again
    when a plugin load/unload test has taken it out)."""
    from qgis.core import QgsApplication

    from lowland_under_test.processing.provider import LowlandProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("lowland")
    if provider is None:
        provider = LowlandProvider()
        assert registry.addProvider(provider)
        _PROVIDERS.append(provider)
    return provider


QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # the /usr/bin/qgis_process wrapper fails on Debian


@pytest.fixture(scope="session")
def qgis_env(tmp_path_factory):
    """Environment for ``qgis_process.bin`` subprocesses: a fresh profile (not the user's),
    the plugin linked as ``lowland`` and enabled, the venv's packages on PYTHONPATH."""
    import subprocess
    import sysconfig

    if not Path(QGIS_PROCESS).exists():
        pytest.skip("QGIS not installed")
    home = tmp_path_factory.mktemp("home")
    plugins = tmp_path_factory.mktemp("plugins")
    (plugins / "lowland").symlink_to(ROOT)
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        QGIS_PLUGINPATH=str(plugins),
        QT_QPA_PLATFORM="offscreen",
        PROJ_DATA="/usr/share/proj",
        PYTHONPATH=os.pathsep.join(
            [sysconfig.get_paths()["purelib"], env.get("PYTHONPATH", "")]
        ).strip(os.pathsep),
    )
    out = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "lowland"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0 or "already enabled" in out.stdout + out.stderr, out.stderr
    return env


def _load_plugin_copy(tmp_path: Path, folder: str):
    """A copy of the plugin (without tests and build files) in ``tmp_path/folder``,
    imported under that folder's name, as an install from a ZIP would give."""
    import shutil

    target = tmp_path / folder
    shutil.copytree(
        ROOT,
        target,
        ignore=shutil.ignore_patterns(".venv", ".build", ".git", "output", "__pycache__", "tests"),
    )
    spec = importlib.util.spec_from_file_location(
        folder, target / "__init__.py", submodule_search_locations=[str(target)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[folder] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def load_plugin_copy():
    """``load_plugin_copy(tmp_path, folder)``: see :func:`_load_plugin_copy`."""
    return _load_plugin_copy


def _load_helper(name: str, filename: str):
    """A helper module of tests/ by path, registered under ``name``."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(filename))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# A throw-away PostgreSQL/PostGIS server for the session (started on first use).
postgis_server = _load_helper("lowland_postgis_server", "postgis_server.py").postgis_server


@pytest.fixture(scope="module")
def sample_units_chain(lowland_provider, sample_gpkg, tmp_path_factory) -> dict:
    """The sample district through identifyparcels → delineateblocks → buildunits (the four
    hand-drawn units of sample_units.gpkg) and legacyland; paths of the outputs:
    ``identified``, ``blocks``, ``units``, ``unit_blocks``, ``parcels`` (with unit_id),
    ``legacy``."""
    import processing

    folder = tmp_path_factory.mktemp("sample_units_chain")
    district = f"{sample_gpkg}|layername="
    identified = processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": district + "parcels",
            "BUILDINGS": district + "buildings",
            "LANDSURVEY": district + "landsurvey",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(folder / "identified.gpkg"),
        },
    )["OUTPUT"]
    blocks = processing.run(
        "lowland:delineateblocks",
        {
            "ROADS": district + "roads",
            "BOUNDARY": district + "boundary",
            "PARCELS": identified,
            "OUTPUT": str(folder / "blocks.gpkg"),
            "ROAD_RESERVE": "TEMPORARY_OUTPUT",
            "REMOVED": "TEMPORARY_OUTPUT",
            "PARCELS_OUTPUT": str(folder / "parcels_in_blocks.gpkg"),
        },
    )
    units = processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": blocks["OUTPUT"],
            "PARCELS": blocks["PARCELS_OUTPUT"],
            "PLAN": district + "plan",
            "MODE": 0,
            "UNITS": f"{sample_gpkg.parent / 'sample_units.gpkg'}|layername=units",
            "OUTPUT": str(folder / "units.gpkg"),
            "BLOCKS_OUTPUT": str(folder / "unit_blocks.gpkg"),
            "PARCELS_OUTPUT": str(folder / "unit_parcels.gpkg"),
            "CONFLICTS": "TEMPORARY_OUTPUT",
        },
    )
    legacy = processing.run(
        "lowland:legacyland",
        {
            "PARCELS": district + "parcels",
            "LANDSURVEY": district + "landsurvey",
            "OUTPUT": str(folder / "legacy.gpkg"),
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    return {
        "identified": identified,
        "blocks": blocks["OUTPUT"],
        "units": units["OUTPUT"],
        "unit_blocks": units["BLOCKS_OUTPUT"],
        "parcels": units["PARCELS_OUTPUT"],
        "legacy": legacy,
    }


# `bash scripts/run test-core` (LOWLAND_CORE_ONLY=1, -m core, pytest-qgis off): the pure-core
# tests must pass without QGIS; the run fails if anything they reach imported qgis, PyQt
# or osgeo (the core is plain Python, docs/dev/architecture.md).
_NOT_IN_CORE = ("qgis", "PyQt5", "osgeo")
#: Test modules that reach only the core (marked ``core`` at collection).
CORE_TEST_MODULES = frozenset(
    {
        "test_crs",
        "test_errors",
        "test_identify",
        "test_indicators",
        "test_industry",
        "test_input_checks",
        "test_layers",
        "test_mapping",
        "test_profiles",
        "test_properties",
        "test_provenance",
        "test_reasons",
        "test_review",
        "test_rule_fields",
        "test_unit_metrics",
    }
)


def pytest_ignore_collect(collection_path, config) -> bool | None:
    """In the pure-core run only the core test modules are imported at all (collecting
    the others would import QGIS before any test is deselected)."""
    if os.environ.get("LOWLAND_CORE_ONLY") != "1" or collection_path.suffix != ".py":
        return None
    name = collection_path.stem
    return name.startswith("test_") and name not in CORE_TEST_MODULES


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if item.path.stem in CORE_TEST_MODULES:
            item.add_marker(pytest.mark.core)


def pytest_sessionfinish(session, exitstatus) -> None:
    if os.environ.get("LOWLAND_CORE_ONLY") != "1":
        return
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(_NOT_IN_CORE))
    if loaded:
        session.exitstatus = 1
        sys.stderr.write(
            f"\nthe pure-core tests imported {', '.join(loaded)}: a core module (or a test "
            "marked core) depends on QGIS\n"
        )
