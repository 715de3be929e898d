"""The pip commands of 「安装依赖」: the pinned packages into QGIS's own Python.

Pure functions (no QGIS, no Qt): the dialog (``gui/dependency_dialog.py``) runs the
commands with ``QProcess``; tests run them with ``subprocess``. Two commands, because
geopandas goes in with ``--no-deps`` (``requirements-qgis-nodeps.txt``). Packages go
to the user site (``--user``): no administrator rights, nothing of QGIS overwritten.
Offline, a folder of wheels (``bash scripts/run wheels``) replaces the package index
(``--no-index --find-links DIR``).
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

PLUGIN_ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = "requirements-qgis.txt"
REQUIREMENTS_NODEPS = "requirements-qgis-nodeps.txt"


def python_candidates(executable: str, exec_prefix: str, windows: bool) -> list[PurePath]:
    """Where QGIS's Python interpreter may be, best first.

    Inside QGIS ``sys.executable`` is often QGIS itself (``qgis-bin.exe``,
    ``qgis-ltr-bin.exe`` on Windows; ``/usr/bin/qgis`` on some Linux builds): then the
    interpreter is ``python.exe`` in ``sys.exec_prefix`` (OSGeo4W: ``apps\\Python312``)
    or ``python3``/``python`` next to QGIS's executable."""
    path = PureWindowsPath if windows else PurePosixPath
    exe = path(executable)
    if exe.name.lower().startswith("python"):
        return [exe]
    names = ("python.exe", "python3.exe") if windows else ("python3", "python")
    prefix = path(exec_prefix)
    folders = [prefix, prefix / "bin", exe.parent] if not windows else [prefix, exe.parent]
    return [folder / name for folder in folders for name in names]


def qgis_python() -> str:
    """The Python interpreter of the running QGIS (see :func:`python_candidates`)."""
    windows = sys.platform.startswith("win")
    for candidate in python_candidates(sys.executable, sys.exec_prefix, windows):
        if Path(candidate).is_file():
            return str(candidate)
    return sys.executable


def externally_managed() -> bool:
    """Whether the interpreter is marked ``EXTERNALLY-MANAGED`` (PEP 668, Debian's
    python3): pip then needs ``--break-system-packages`` even for ``--user``."""
    return (Path(sysconfig.get_paths()["stdlib"]) / "EXTERNALLY-MANAGED").is_file()


def install_commands(
    python: str,
    wheel_dir: str | None = None,
    user: bool = True,
    break_system: bool = False,
    root: Path = PLUGIN_ROOT,
) -> list[list[str]]:
    """The pip command lines that install the plugin's packages, in order."""
    common = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
    if user:
        common.append("--user")
    if break_system:
        common.append("--break-system-packages")
    if wheel_dir:
        common += ["--no-index", "--find-links", str(wheel_dir)]
    return [
        [*common, "-r", str(root / REQUIREMENTS)],
        [*common, "--no-deps", "-r", str(root / REQUIREMENTS_NODEPS)],
    ]


#: Lines of pip's output that mark one step of an install (the progress bar moves).
PIP_STEP_PREFIXES = (
    "Collecting",
    "Processing",
    "Looking in links",
    "Requirement already satisfied",
    "Installing collected packages",
    "Successfully installed",
)


def pip_steps(output: str) -> int:
    """How many progress steps pip's ``output`` (a chunk of its log) reports."""
    return sum(1 for line in output.splitlines() if line.strip().startswith(PIP_STEP_PREFIXES))


def default_wheel_folder(root: Path = PLUGIN_ROOT) -> str:
    """A wheel folder copied next to the plugin (``<plugin>/wheels``), else empty."""
    folder = root / "wheels"
    return str(folder) if folder.is_dir() else ""
