"""The Python packages Lowland needs inside QGIS, checked before anything imports them.

A planner's QGIS may lack geopandas or carry Debian's shapely 1.8: then the plugin
loads as a stub that says what to install instead of failing with a traceback.
No QGIS and no third-party imports here.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re

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


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def missing_requirements() -> list[str]:
    """One line per package that is missing or outside its accepted versions."""
    problems = []
    for package, (lowest, below) in REQUIREMENTS.items():
        if importlib.util.find_spec(package) is None:
            problems.append(f"{package}: 未安装 / not installed (≥ {lowest})")
            continue
        try:
            found = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue  # importable but without metadata (e.g. a source tree): trust it
        version = _version_tuple(found)
        if version < _version_tuple(lowest) or (below and version >= _version_tuple(below)):
            wanted = f"≥ {lowest}" + (f", < {below}" if below else "")
            problems.append(f"{package} {found}: 需要 / needs {wanted}")
    return problems
