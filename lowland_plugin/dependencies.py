"""The Python packages Lowland needs inside QGIS, checked before anything imports them.

A planner's QGIS may lack geopandas or carry Debian's shapely 1.8: then the plugin
loads as a stub that says what to install, and offers 「安装依赖」
(``dependency_install.py``), instead of failing with a traceback.
No QGIS imports here; versions are compared with ``packaging.specifiers`` (PEP 440),
from ``packaging`` or, when QGIS's Python lacks it, the copy pip vendors.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from typing import Any

#: package → (lowest version, first version not accepted); see requirements.txt.
#: shapely 2.1+ bundles a newer GEOS than QGIS loads and crashes QGIS.
REQUIREMENTS: dict[str, tuple[str, str | None]] = {
    "shapely": ("2.0", "2.1"),
    "geopandas": ("0.14", "1.0"),
    "pandas": ("1.5", None),
    "numpy": ("1.23", None),
    "pyproj": ("3.4", None),
    "jsonschema": ("4.0", None),
    "jinja2": ("3.0", None),
}
INSTALL_HINT = (
    'python -m pip install "shapely>=2.0,<2.1" && '
    'python -m pip install --no-deps "geopandas>=0.14,<1.0"'
)


def _packaging() -> tuple[Any, Any]:
    """(SpecifierSet, Version) from ``packaging``, else from pip's vendored copy."""
    try:
        from packaging.specifiers import SpecifierSet
        from packaging.version import Version
    except ImportError:  # QGIS's Python without packaging: pip always carries it
        from pip._vendor.packaging.specifiers import SpecifierSet  # type: ignore[no-redef]
        from pip._vendor.packaging.version import Version  # type: ignore[no-redef]
    return SpecifierSet, Version


def accepted_versions(lowest: str, below: str | None) -> str:
    """The PEP 440 specifier of a requirement, e.g. ``>=2.0,<2.1``."""
    return f">={lowest}" + (f",<{below}" if below else "")


def version_accepted(found: str, lowest: str, below: str | None) -> bool:
    """Whether the installed version ``found`` lies in [lowest, below) (PEP 440 order:
    2.0.7 < 2.1.0rc1 < 2.1; an unparsable version is refused)."""
    specifier_set, version = _packaging()
    try:
        parsed = version(found)
    except ValueError:
        return False
    return specifier_set(accepted_versions(lowest, below)).contains(parsed, prereleases=True)


def missing_requirements() -> list[str]:
    """One line per package that is missing or outside its accepted versions."""
    try:
        _packaging()
    except ImportError:  # neither packaging nor pip: versions cannot be compared
        return ["packaging: 未安装 / not installed (≥ 21)"]
    problems = []
    for package, (lowest, below) in REQUIREMENTS.items():
        if importlib.util.find_spec(package) is None:
            problems.append(f"{package}: 未安装 / not installed (≥ {lowest})")
            continue
        try:
            found = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue  # importable but without metadata (e.g. a source tree): trust it
        if not version_accepted(found, lowest, below):
            wanted = f"≥ {lowest}" + (f", < {below}" if below else "")
            problems.append(f"{package} {found}: 需要 / needs {wanted}")
    return problems
