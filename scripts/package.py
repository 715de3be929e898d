"""Build the plugin ZIP a planner installs in QGIS (「插件 → 管理和安装插件 → 从 ZIP 安装」).

The archive holds one folder, ``lowland/``, with the tracked files (``git ls-files``)
that the plugin needs at run time: the Python packages, forms, compiled translations,
resources (code tables, profiles, styles, layouts, models, templates, the sample
district), the user guide with its screenshots, the README, the LICENSE (GPL-2.0-or-later)
and requirements.txt.
Tests, scripts, benchmarks and CI files stay out. Before writing, the metadata and the
contents are checked (the fields the QGIS plugin repository requires, the icon, one
``.qm`` per ``.ts``, every Python module of the plugin); the ZIP is written to a
temporary file and moved into place, with fixed timestamps so that the same commit
gives the same bytes.

Next to the ZIP it writes ``plugins.xml``, the file of an internal plugin repository
(``scripts/plugin_repository.py``): a bureau serves both from a web or file server and
adds the XML's address in QGIS (插件 → 管理并安装插件 → 设置 → 添加插件源).

    python scripts/package.py [--out output/lowland-<version>.zip] [--base-url URL]
"""

from __future__ import annotations

import argparse
import configparser
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

if __package__:  # imported (tests: lowland_under_test.scripts.package)
    from .plugin_repository import write_repository
else:  # run as ``python scripts/package.py``
    from plugin_repository import write_repository

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "lowland"  # the plugin's folder name in the profile's python/plugins/

#: Tracked paths that go into the package: files, or folders ending in "/".
INCLUDE = (
    "__init__.py",
    "metadata.txt",
    "README.md",
    "LICENSE",
    "requirements.txt",
    "requirements-qgis.txt",
    "requirements-qgis-nodeps.txt",
    "lowland_plugin/",
    "processing/",
    "forms/",
    "i18n/",
    "resources/",
    "docs/guide/",
    "docs/screenshots/",
    "docs/bad_input.md",
)

#: metadata.txt keys the QGIS plugin repository requires.
REQUIRED_METADATA = (
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "repository",
    "license",
)
#: The licence the plugin is published under (metadata.txt ``license``, LICENSE file).
LICENSE_ID = "GPL-2.0-or-later"

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class PackageError(RuntimeError):
    """The tree cannot be packaged as it is (the message says what to fix)."""


def tracked_files(root: Path = ROOT) -> list[str]:
    """Paths tracked by git under ``root`` (the package never takes untracked files)."""
    # safe.directory: a checkout owned by another user (a CI clone, a shared folder) is
    # read all the same; only the file list is asked for
    command = ["git", "-c", f"safe.directory={root}", "-C", str(root), "ls-files", "-z"]
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as err:
        raise PackageError("git is not installed: the package lists the files git tracks") from err
    if out.returncode != 0:
        raise PackageError(f"git ls-files failed: {out.stderr.strip()}")
    return sorted(p for p in out.stdout.split("\0") if p)


def package_files(tracked: list[str]) -> list[str]:
    """The tracked files that belong in the plugin package."""
    picked = []
    for path in tracked:
        if "__pycache__" in path or path.endswith((".pyc", ".pyo")):
            continue
        if any(path == item or (item.endswith("/") and path.startswith(item)) for item in INCLUDE):
            picked.append(path)
    return picked


def read_metadata(root: Path = ROOT) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep qgisMinimumVersion's case
    parser.read(root / "metadata.txt", encoding="utf-8")
    if not parser.has_section("general"):
        raise PackageError("metadata.txt has no [general] section")
    return parser["general"]


def check_package(files: list[str], root: Path = ROOT) -> list[str]:
    """What is wrong with the package contents (empty when it can be built)."""
    problems = []
    meta = read_metadata(root)
    for key in REQUIRED_METADATA:
        if not meta.get(key, "").strip():
            problems.append(f"metadata.txt: {key} is missing or empty")
    if meta.get("license", "").strip() not in ("", LICENSE_ID):
        problems.append(f"metadata.txt: license should be {LICENSE_ID}")
    if "LICENSE" not in files:
        problems.append("LICENSE is not a tracked file of the package (the repository needs it)")
    icon = meta.get("icon", "").strip()
    if not icon or icon not in files:
        problems.append(f"metadata.txt: icon {icon!r} is not a tracked file of the package")
    present = set(files)
    for ts in (f for f in files if f.startswith("i18n/") and f.endswith(".ts")):
        qm = ts[:-3] + ".qm"
        if qm not in present:
            problems.append(f"{qm} is missing: run `python scripts/i18n.py compile`")
    for package in ("lowland_plugin", "processing"):
        on_disk = {
            p.relative_to(root).as_posix()
            for p in (root / package).rglob("*.py")
            if "__pycache__" not in p.parts
        }
        for path in sorted(on_disk - present):
            problems.append(f"{path} is not tracked by git: `git add` it or delete it")
    for path in files:
        if not (root / path).is_file():
            problems.append(f"{path} is tracked but missing from the working tree")
    return problems


def build_package(out: Path, root: Path = ROOT) -> tuple[Path, int]:
    """Write the ZIP to ``out``; (path, number of files). Raises PackageError."""
    files = package_files(tracked_files(root))
    problems = check_package(files, root)
    if problems:
        raise PackageError("cannot package the plugin:\n  " + "\n  ".join(problems))
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, suffix=".zip.part", delete=False) as tmp:
        staging = Path(tmp.name)
    try:
        with zipfile.ZipFile(staging, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                info = zipfile.ZipInfo(f"{FOLDER}/{path}", date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, (root / path).read_bytes())
        staging.replace(out)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return out, len(files)


def commit_date(root: Path = ROOT) -> str:
    """ISO date of the last commit (plugins.xml's dates: the same commit, the same file)."""
    command = ["git", "-c", f"safe.directory={root}", "-C", str(root), "log", "-1", "--format=%cI"]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    return out.stdout.strip() or "1980-01-01T00:00:00+00:00"


def main(argv: list[str] | None = None) -> int:
    version = read_metadata().get("version", "0")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "output" / f"lowland-{version}.zip")
    parser.add_argument(
        "--base-url",
        help="where the bureau serves the ZIP (plugins.xml's download_url); "
        "default: the file:// URL of the output folder",
    )
    args = parser.parse_args(argv)
    try:
        path, count = build_package(args.out.resolve())
    except PackageError as err:
        print(err, file=sys.stderr)
        return 1
    size = path.stat().st_size / 1e6
    print(f"{path}  ({count} files, {size:.1f} MB)")
    xml = write_repository(path, read_metadata(), FOLDER, commit_date(), args.base_url)
    print(f"{xml}  (插件源 / plugin repository: 插件 → 管理并安装插件 → 设置 → 添加插件源)")
    print(
        "QGIS: 插件 → 管理和安装插件 → 从 ZIP 安装 / Plugins → Manage and Install → Install from ZIP"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
