"""The parts of the plugin and what each may import (docs/dev/architecture.md), read from
the source with ``ast`` — no module is imported, so a violation is found even in code no
other test reaches.

- ``lowland_plugin/core/``: pure Python; no qgis, PyQt or osgeo, and nothing of bridge/,
  gui/ or processing/ (the Processing algorithms, the docks and the documents all stand
  on the same core functions).
- ``lowland_plugin/bridge/``: the QGIS/GDAL adapters; may use core/, never gui/ or
  processing/.
- ``lowland_plugin/gui/``: docks and map tools; may use core/ and bridge/, never
  processing/ (it runs algorithms through the Processing registry by id).
- ``processing/``: the algorithms; may use core/ and bridge/, never gui/.
- No module imports a private (``_name``) from another module.
- No module outside tests and generated data is over 700 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "lowland_plugin"

#: What each part may not import: root-relative module prefixes and third-party roots.
#: The cluster command's libraries: never inside QGIS (issue 20 item 4).
CLUSTER = ("dask", "distributed", "dask_geopandas", "lowland_plugin.cli")
FORBIDDEN = {
    "lowland_plugin/core": (
        "qgis",
        "PyQt5",
        "osgeo",
        "lowland_plugin.bridge",
        "lowland_plugin.gui",
        "lowland_plugin.plugin",
        "processing",
        *CLUSTER,
    ),
    "lowland_plugin/bridge": (
        "lowland_plugin.gui",
        "lowland_plugin.plugin",
        "processing",
        *CLUSTER,
    ),
    "lowland_plugin/gui": ("processing", *CLUSTER),
    "processing": ("lowland_plugin.gui", "lowland_plugin.plugin", *CLUSTER),
    # the command line runs outside QGIS: the core and GDAL, never qgis or the GUI
    "lowland_plugin/cli": (
        "qgis",
        "PyQt5",
        "lowland_plugin.gui",
        "lowland_plugin.plugin",
        "processing",
    ),
}

#: Root folders of our own modules (reached by relative imports only).
OURS = ("lowland_plugin", "processing")

MAX_LINES = 700
#: Folders whose Python is checked for size and private imports (tests and generated
#: data excluded).
CODE_FOLDERS = ("lowland_plugin", "processing", "scripts", "bench")


def python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    """Root-relative dotted module name (``lowland_plugin.core.common.values``)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str, list[str], bool]]:
    """(line, module, imported names, relative) of every import in ``path``; relative
    imports are resolved against the file's package to a root-relative module. Inside the
    plugin only relative imports reach its own modules (DESIGN.md), so an absolute
    ``processing`` is QGIS's own package, not ours."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name, [], False) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.append((node.lineno, module, [a.name for a in node.names], bool(node.level)))
    return out


def _starts(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer_violations(part: str) -> list[str]:
    found = []
    for path in python_files(ROOT / part):
        for line, module, names, relative in imports(path):
            targets = [module] + [f"{module}.{n}" for n in names]
            for prefix in FORBIDDEN[part]:
                ours = prefix.split(".")[0] in OURS
                if ours == relative and any(_starts(t, prefix) for t in targets):
                    found.append(f"{path.relative_to(ROOT)}:{line} imports {module} ({prefix})")
                    break
    return found


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_each_part_imports_only_what_it_may(part):
    assert layer_violations(part) == []


def private_imports(paths: list[Path]) -> list[str]:
    """``from .x import _name`` where ``x`` is another module of ours."""
    found = []
    for path in paths:
        own = module_name(path)
        for line, module, names, relative in imports(path):
            ours = relative and module.split(".")[0] in OURS
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if ours and private and module != own:
                found.append(f"{path.relative_to(ROOT)}:{line} from {module} import {private}")
    return found


def test_no_module_imports_another_modules_private_names():
    paths = [p for folder in ("lowland_plugin", "processing") for p in python_files(ROOT / folder)]
    assert private_imports(paths) == []


def test_no_module_over_700_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for folder in CODE_FOLDERS
        for p in python_files(ROOT / folder)
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_checker_sees_a_violation(tmp_path):
    """The checks above can fail: a core module importing qgis and a gui module importing
    processing are both reported, and so is a private import."""
    fake = tmp_path / "lowland_plugin"
    (fake / "core").mkdir(parents=True)
    (fake / "gui").mkdir()
    (fake / "core" / "bad.py").write_text("from qgis.core import QgsVectorLayer\n")
    (fake / "gui" / "bad.py").write_text("from ...processing.base import FIELD_MAP\n")
    (fake / "gui" / "worse.py").write_text("from ..core.bad import _hidden\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert layer_violations("lowland_plugin/core") == [
            "lowland_plugin/core/bad.py:1 imports qgis.core (qgis)"
        ]
        assert layer_violations("lowland_plugin/gui") == [
            "lowland_plugin/gui/bad.py:1 imports processing.base (processing)"
        ]
        assert private_imports(python_files(fake / "gui")) == [
            "lowland_plugin/gui/worse.py:1 from lowland_plugin.core.bad import ['_hidden']"
        ]
    finally:
        ROOT = saved


def test_architecture_doc_is_up_to_date():
    """docs/dev/architecture.md's module and clause tables match the code."""
    from lowland_under_test.scripts import make_architecture as arch

    current = arch.DOC.read_text(encoding="utf-8")
    assert arch.render(current) == current, "run python scripts/make_architecture.py"
