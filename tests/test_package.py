"""The plugin ZIP (``scripts/package.py``, ``bash scripts/run package``): what goes in,
what stays out, that a broken tree is refused, and that QGIS installed from the ZIP
alone (a fresh profile, no repository on any path) runs the whole chain."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer
from lowland_under_test.processing.provider import ALGORITHMS
from lowland_under_test.scripts import demo  # scripts/: a namespace package
from lowland_under_test.scripts import package as package_script

ROOT = Path(__file__).resolve().parents[1]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


MODELS = sorted((ROOT / "resources" / "models").glob("*.model3"))


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory) -> Path:
    path, count = package_script.build_package(tmp_path_factory.mktemp("package") / "lowland.zip")
    assert count > 100
    return path


def _members(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def test_the_zip_holds_the_plugin_under_one_folder(package_zip):
    names = _members(package_zip)
    assert all(name.startswith("lowland/") for name in names)
    inside = {name.removeprefix("lowland/") for name in names}
    for needed in (
        "__init__.py",
        "metadata.txt",
        "LICENSE",
        "requirements.txt",
        "requirements-qgis.txt",  # what 安装依赖 installs
        "requirements-qgis-nodeps.txt",
        "forms/dependency_dialog.ui",
        "lowland_plugin/plugin.py",
        "lowland_plugin/core/units/blocks.py",
        "processing/provider.py",
        "forms/review_dock.ui",
        "forms/plan_dock.ui",
        "forms/unit_form.ui",
        "i18n/lowland_en.qm",
        "i18n/lowland_zh_CN.qm",
        "resources/icons/lowland.svg",
        "resources/profiles/schema.json",
        "resources/profiles/default.json",
        "resources/codes/rules.csv",
        "resources/layouts/review_a3.qpt",
        "resources/templates/implementation_plan.docx",
        "resources/templates/implementation_plan.html.j2",
        "resources/sample/sample_district.gpkg",
        "docs/guide/README.md",
        "docs/guide/html/README.html",  # helpUrl and the docks' 帮助 open these
        "docs/guide/html/reference_zh.html",
        "docs/guide/html/index.html",
        "docs/screenshots/qgis_units_zh_CN.png",
    ):
        assert needed in inside, needed
    for model in MODELS:
        assert f"resources/models/{model.name}" in inside
    # every Python module of the plugin, and nothing of the development tree
    for package in ("lowland_plugin", "processing"):
        for module in (ROOT / package).rglob("*.py"):
            if "__pycache__" not in module.parts:
                assert module.relative_to(ROOT).as_posix() in inside, module
    left_out = ("tests/", "scripts/", "bench/", ".ci/", ".venv/", ".build/", "output/")
    assert not [n for n in inside if n.startswith(left_out)]
    assert not [n for n in inside if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in inside if n in ("Makefile", "pyproject.toml", ".gitignore")]


def test_the_same_tree_gives_the_same_bytes(package_zip, tmp_path):
    again, _ = package_script.build_package(tmp_path / "again.zip")
    assert again.read_bytes() == package_zip.read_bytes()
    assert not list(tmp_path.glob("*.part"))  # the staging file is gone


def test_metadata_and_contents_are_checked(tmp_path):
    (tmp_path / "lowland_plugin").mkdir()
    (tmp_path / "processing").mkdir()
    (tmp_path / "lowland_plugin" / "stray.py").write_text("", encoding="utf-8")
    (tmp_path / "metadata.txt").write_text(
        "[general]\nname=Lowland\nqgisMinimumVersion=3.22\ndescription=d\nabout=a\n"
        "version=0.1.0\nauthor=x\nrepository=https://example.org\nicon=icon.svg\n",
        encoding="utf-8",
    )
    problems = package_script.check_package(["metadata.txt", "i18n/lowland_fr.ts"], tmp_path)
    text = "\n".join(problems)
    assert "email is missing" in text  # required by the plugin repository
    assert "icon 'icon.svg'" in text  # not in the package
    assert "i18n/lowland_fr.qm is missing" in text
    assert "lowland_plugin/stray.py is not tracked" in text
    assert "i18n/lowland_fr.ts is tracked but missing" in text
    assert "license is missing" in text  # GPL-2.0-or-later, as QGIS
    assert "LICENSE is not a tracked file" in text
    assert len(problems) == 7


def test_the_zip_carries_the_gpl_and_metadata_names_it(package_zip):
    with zipfile.ZipFile(package_zip) as archive:
        licence = archive.read("lowland/LICENSE").decode("utf-8")
        metadata = archive.read("lowland/metadata.txt").decode("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2, June 1991" in licence
    assert "license=GPL-2.0-or-later" in metadata.splitlines()


def test_the_repository_passes_its_own_checks():
    files = package_script.package_files(package_script.tracked_files())
    assert package_script.check_package(files) == []


@pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="QGIS not installed")
def test_qgis_installed_from_the_zip_runs_the_whole_chain(package_zip, qgis_env, tmp_path):
    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(package_zip) as archive:
        archive.extractall(plugins)
    installed = plugins / "lowland"
    env = dict(qgis_env)
    env.update(HOME=str(tmp_path / "home"), QGIS_PLUGINPATH=str(plugins))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    (tmp_path / "home").mkdir()

    def qgis_process(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=timeout
        )

    enabled = qgis_process("plugins", "enable", "lowland")
    assert enabled.returncode == 0 or "already enabled" in enabled.stdout + enabled.stderr, (
        enabled.stderr
    )
    listed = qgis_process("list")
    assert listed.returncode == 0, listed.stderr[-2000:]
    for cls in ALGORITHMS:
        assert f"lowland:{cls().name()}" in listed.stdout, cls
    for model in MODELS:
        assert f"lowland:{model.stem}" in listed.stdout, model

    out = tmp_path / "out"
    out.mkdir()
    arguments = demo.chain_arguments(out, installed / "resources" / "sample")
    run = qgis_process("run", "lowland:fullchain", "--json", "--", *arguments)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads(run.stdout[run.stdout.index("{") :])["results"]
    # the plugin QGIS ran is the installed copy (Python compiled its modules there)
    assert (installed / "processing" / "__pycache__").is_dir()
    assert os.path.realpath(installed) != os.path.realpath(ROOT)
    parcels = read_ogr_layer(
        str(installed / "resources" / "sample" / "sample_district.gpkg"), "parcels"
    )
    identified = read_ogr_layer(results["identify:identified"])
    assert sorted(identified["parcel_id"]) == sorted(parcels["parcel_id"])
    units = sorted(read_ogr_layer(results["units:redevelopment_units"])["unit_id"])
    assert units
    for unit_id in units:
        for suffix in ("docx", "html", "pdf"):
            assert (out / "plans" / f"{unit_id}_实施方案.{suffix}").is_file(), (unit_id, suffix)


def test_plugins_xml_describes_the_zip_for_the_installer(package_zip):
    from lowland_under_test.scripts import plugin_repository

    meta = package_script.read_metadata()
    xml = plugin_repository.write_repository(
        package_zip, meta, "lowland", "2026-01-02T03:04:05+00:00", "http://gis.example/p/"
    )
    assert xml == package_zip.parent / "plugins.xml"
    from xml.etree import ElementTree

    node = ElementTree.parse(xml).getroot().find("pyqgis_plugin")
    assert node.get("name") == meta["name"] and node.get("version") == meta["version"]
    # the installer's key is file_name up to the first dot: it must be the folder name
    assert node.findtext("file_name") == f"lowland.{meta['version']}.zip"
    assert node.findtext("download_url") == f"http://gis.example/p/{package_zip.name}"
    assert node.findtext("qgis_minimum_version") == "3.22"
    for tag in ("about", "author_name", "homepage", "tracker", "repository", "tags"):
        assert node.findtext(tag), tag
    assert node.findtext("update_date") == "2026-01-02T03:04:05+00:00"
    default = plugin_repository.write_repository(package_zip, meta, "lowland", "d")
    url = ElementTree.parse(default).getroot().find("pyqgis_plugin").findtext("download_url")
    assert url == package_zip.resolve().as_uri()  # file:// next to plugins.xml


@pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="QGIS not installed")
def test_qgis_installs_from_the_repository_file_in_a_fresh_profile(package_zip, qgis_env, tmp_path):
    """plugins.xml added as a file:// plugin source; QGIS's own installer code
    (pyplugin_installer) fetches it, downloads and unzips the ZIP into a fresh profile;
    then QGIS loads the plugin from that profile and lists its algorithms."""
    from lowland_under_test.scripts import plugin_repository

    served = tmp_path / "served"
    served.mkdir()
    zip_path = served / package_zip.name
    zip_path.write_bytes(package_zip.read_bytes())
    xml = plugin_repository.write_repository(
        zip_path, package_script.read_metadata(), "lowland", "2026-01-02"
    )
    home = tmp_path / "home"
    home.mkdir()
    env = dict(qgis_env)
    env["HOME"] = str(home)
    # only the profile under $HOME: no plugin path, no pytest-qgis config folder
    for name in ("QGIS_PLUGINPATH", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(name, None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    installer = subprocess.run(
        [
            "/usr/bin/python3",
            str(ROOT / "tests" / "repository_install.py"),
            xml.as_uri(),
            "lowland",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert installer.returncode == 0, installer.stderr[-3000:]
    report = json.loads(installer.stdout.strip().splitlines()[-1])
    assert report["repository_error"] == "" and report["repository_state"] == 2  # loaded
    assert report["plugin"]["version_available"] == package_script.read_metadata()["version"]
    assert report["plugin"]["download_url_experimental"] == zip_path.resolve().as_uri()
    assert report["error"] == ""
    installed = Path(report["plugin_folder"]) / "lowland"
    assert installed == home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins/lowland"
    assert (installed / "metadata.txt").is_file() and (installed / "LICENSE").is_file()

    def qgis_process(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=600
        )

    enabled = qgis_process("plugins", "enable", "lowland")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listed = qgis_process("list")
    assert listed.returncode == 0, listed.stderr[-2000:]
    for cls in ALGORITHMS:
        assert f"lowland:{cls().name()}" in listed.stdout, cls
    assert (installed / "processing" / "__pycache__").is_dir()  # QGIS ran that copy
