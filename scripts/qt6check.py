"""QGIS 3.40 LTR / QGIS 4 (Qt 6) readiness of the plugin's Python (``bash scripts/run qt6check``).

Parses every module of the plugin (``__init__.py``, ``lowland_plugin/``, ``processing/``)
and reports what would break under PyQt6 or is deprecated since 3.22:

* a Qt or PyQt import that does not go through ``qgis.PyQt`` (``PyQt5``, ``PyQt6``);
* ``exec_()`` (PyQt6 has only ``exec()``, which PyQt5 ≥ 5.15 / QGIS 3.22 has too);
* an unscoped enum of a Qt or QGIS class (``Qt.AlignLeft``) whose scoped form
  (``Qt.AlignmentFlag.AlignLeft``) exists in the QGIS 3.22 API this runs against:
  the enum of each ``Class.Member`` is resolved by importing the class (QGIS's Python),
  so only names the installed 3.22 sip really has are ever suggested.

``--fix`` rewrites those enums to the scoped form and ``exec_(`` to ``exec(`` in the
files given. ``--pyqt6 PYTHON`` checks that every scoped Qt name the code uses exists in
the PyQt6 of the interpreter ``PYTHON`` (a side venv: ``bash scripts/run qt6check``
makes ``/tmp/qt6venv`` with PyQt6; never inside QGIS).

Run with QGIS's Python: ``python3 scripts/qt6check.py [--fix] [--pyqt6 PY] [paths]``.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("__init__.py", "lowland_plugin", "processing")

#: Enum classes kept unscoped or left as they are on purpose: class → why (docs/dev/qt6.md).
KEPT = {
    "QVariant": (
        "QgsField(name, type) takes QVariant.Type up to QGIS 3.36 (QMetaType.Type from 3.38);"
        " QGIS 3.22 has no QMetaType overload, so the field types stay QVariant.Type"
    ),
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    end_col: int
    kind: str  # "import", "exec_", "enum"
    text: str
    replacement: str = ""

    def __str__(self) -> str:
        hint = f" → {self.replacement}" if self.replacement else ""
        return f"{self.path}:{self.line}:{self.col + 1}: {self.kind}: {self.text}{hint}"


def plugin_modules(root: Path = ROOT) -> list[Path]:
    """Every Python module shipped in the plugin."""
    out: list[Path] = []
    for item in SOURCES:
        path = root / item
        out += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [p for p in out if "__pycache__" not in p.parts]


def qt_imports(tree: ast.AST) -> dict[str, str]:
    """Names imported from QGIS's modules (``qgis.PyQt.QtCore``, ``qgis.core``…) → module."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis."):
            for alias in node.names:
                names[alias.asname or alias.name] = node.module or ""
    return names


def forbidden_imports(tree: ast.AST, path: str) -> list[Finding]:
    """Imports of PyQt5/PyQt6 (or sip) not through ``qgis.PyQt``."""
    found = []
    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules = [node.module or ""]
        for module in modules:
            if module.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                found.append(
                    Finding(path, node.lineno, node.col_offset, node.col_offset, "import", module)
                )
    return found


def exec_calls(tree: ast.AST, path: str) -> list[Finding]:
    """``x.exec_(...)`` calls (PyQt6 has only ``exec``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            end = node.end_col_offset or node.col_offset
            found.append(
                Finding(
                    path, node.end_lineno or node.lineno, end - 5, end, "exec_", "exec_", "exec"
                )
            )
    return found


def enum_of(module: str, cls: str, member: str) -> str | None:
    """The enum type name of ``cls.member`` when it is an unscoped member of an enum
    whose scoped form ``cls.<Enum>.member`` exists in this QGIS; else None."""
    try:
        owner = getattr(importlib.import_module(module), cls)
        value = getattr(owner, member)
    except (ImportError, AttributeError):
        return None
    if isinstance(value, type) or callable(value):
        return None
    enum_name = type(value).__name__
    scoped_owner = getattr(owner, enum_name, None)
    if scoped_owner is None or scoped_owner is owner:
        return None
    return enum_name if getattr(scoped_owner, member, None) == value else None


def enum_findings(tree: ast.AST, path: str) -> list[Finding]:
    """Unscoped ``Class.Member`` enums of QGIS/Qt classes that have a scoped form."""
    imported = qt_imports(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        cls = node.value.id
        if cls not in imported or cls in KEPT or not node.attr[:1].isupper():
            continue
        enum = enum_of(imported[cls], cls, node.attr)
        if enum is None:
            continue
        found.append(
            Finding(
                path,
                node.lineno,
                node.col_offset,
                node.end_col_offset or node.col_offset,
                "enum",
                f"{cls}.{node.attr}",
                f"{cls}.{enum}.{node.attr}",
            )
        )
    return found


def scoped_qt_names(tree: ast.AST) -> set[tuple[str, str]]:
    """``(module, "Class.Enum.Member")`` of every three-part name on a Qt class."""
    imported = qt_imports(tree)
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and isinstance(node.value.value, ast.Name)
        ):
            cls = node.value.value.id
            module = imported.get(cls, "")
            if module.startswith("qgis.PyQt.") and cls not in KEPT:
                names.add(
                    (module.removeprefix("qgis.PyQt."), f"{cls}.{node.value.attr}.{node.attr}")
                )
    return names


def check_file(path: Path, root: Path = ROOT) -> list[Finding]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return forbidden_imports(tree, rel) + exec_calls(tree, rel) + enum_findings(tree, rel)


def fix_file(path: Path, findings: list[Finding]) -> int:
    """Apply the replacements of ``findings`` (enums, exec_) to ``path``; how many."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    fixable = [f for f in findings if f.replacement]
    for f in sorted(fixable, key=lambda f: (f.line, f.col), reverse=True):
        text = lines[f.line - 1]
        # ast offsets count UTF-8 bytes
        raw = text.encode("utf-8")
        raw = raw[: f.col] + f.replacement.encode("utf-8") + raw[f.end_col :]
        lines[f.line - 1] = raw.decode("utf-8")
    path.write_text("".join(lines), encoding="utf-8")
    return len(fixable)


PYQT6_PROBE = """
import importlib, json, sys
missing = []
for module, name in json.load(sys.stdin):
    obj = importlib.import_module("PyQt6." + module)
    for part in name.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            missing.append(module + ":" + name)
            break
print(json.dumps(missing))
"""


def missing_in_pyqt6(names: set[tuple[str, str]], python: str) -> list[str]:
    """The scoped Qt names that PyQt6 (in ``python``) does not have."""
    out = subprocess.run(
        [python, "-c", PYQT6_PROBE],
        input=json.dumps(sorted(names)),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--fix", action="store_true")
    parser.add_argument("--pyqt6", help="a Python with PyQt6 installed (a side venv)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or plugin_modules()
    files = [f for p in paths for f in (sorted(p.rglob("*.py")) if p.is_dir() else [p])]
    problems: list[Finding] = []
    names: set[tuple[str, str]] = set()
    for path in files:
        findings = check_file(path)
        if args.fix and findings:
            fix_file(path, findings)
            findings = check_file(path)
        problems += findings
        names |= scoped_qt_names(ast.parse(path.read_text(encoding="utf-8")))
    for finding in problems:
        print(finding)
    missing = missing_in_pyqt6(names, args.pyqt6) if args.pyqt6 else []
    for name in missing:
        print(f"not in PyQt6: {name}")
    print(f"{len(files)} modules, {len(problems)} findings, {len(names)} scoped Qt names")
    return 1 if problems or missing else 0


if __name__ == "__main__":
    sys.exit(main())
