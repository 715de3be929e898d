"""「安装依赖」: the pip commands (lowland_plugin/dependency_install.py), the dialog that
runs them, and an offline install from a wheel folder into a Python that lacks the
packages, after which QGIS loads the plugin from that Python's user site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from lowland_under_test.lowland_plugin import dependencies, dependency_install
from lowland_under_test.scripts import demo

ROOT = Path(__file__).resolve().parents[1]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"
SYSTEM_PYTHON = "/usr/bin/python3"  # QGIS's Python on Debian, without shapely/geopandas


def test_install_commands_online_and_offline():
    online = dependency_install.install_commands("/q/python", root=Path("/p"))
    base = ["/q/python", "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
    assert online == [
        [*base, "--user", "-r", "/p/requirements-qgis.txt"],
        [*base, "--user", "--no-deps", "-r", "/p/requirements-qgis-nodeps.txt"],
    ]
    offline = dependency_install.install_commands(
        "/q/python", "/w", break_system=True, root=Path("/p")
    )
    offline_base = [*base, "--user", "--break-system-packages", "--no-index", "--find-links", "/w"]
    assert offline[0] == [*offline_base, "-r", "/p/requirements-qgis.txt"]
    assert offline[1] == [*offline_base, "--no-deps", "-r", "/p/requirements-qgis-nodeps.txt"]


def test_qgis_executable_is_replaced_by_the_python_next_to_it():
    osgeo = dependency_install.python_candidates(
        r"C:\OSGeo4W\bin\qgis-ltr-bin.exe", r"C:\OSGeo4W\apps\Python312", windows=True
    )
    assert str(osgeo[0]) == r"C:\OSGeo4W\apps\Python312\python.exe"
    assert r"C:\OSGeo4W\bin\python3.exe" in [str(p) for p in osgeo]
    assert all(p.name.startswith("python") for p in osgeo)
    linux = dependency_install.python_candidates("/usr/bin/qgis", "/usr", windows=False)
    assert "/usr/bin/python3" in [str(p) for p in linux]
    same = dependency_install.python_candidates("/usr/bin/python3", "/usr", False)
    assert [str(p) for p in same] == ["/usr/bin/python3"]


def test_pip_steps_count_the_lines_that_move_the_bar():
    log = (
        "Looking in links: /w\nCollecting shapely==2.0.7\n  Using cached x.whl\n"
        "Requirement already satisfied: numpy>=1.14 in /usr/lib\n"
        "Installing collected packages: shapely\nSuccessfully installed shapely-2.0.7\n"
    )
    assert dependency_install.pip_steps(log) == 5  # every line but "Using cached"


def test_versions_are_compared_as_pep_440():
    assert dependencies.version_accepted("2.0.7", "2.0", "2.1")
    assert not dependencies.version_accepted("2.1.0rc1", "2.0", "2.1")  # a 2.1 pre-release
    assert not dependencies.version_accepted("2.1", "2.0", "2.1")
    assert not dependencies.version_accepted("1.8.5", "2.0", "2.1")
    assert dependencies.version_accepted("2.0.0.post1", "2.0", "2.1")
    assert dependencies.version_accepted("3.0", "1.5", None)
    assert not dependencies.version_accepted("not a version", "1.5", None)


def test_without_packaging_or_pip_the_stub_names_packaging(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_packaging(name, *args, **kwargs):
        if name.startswith(("packaging", "pip._vendor")):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_packaging)
    assert dependencies.missing_requirements() == ["packaging: 未安装 / not installed (≥ 21)"]


def _pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, flags=re.MULTILINE))


def test_the_pins_installed_in_qgis_are_the_ones_the_stub_accepts():
    pins = _pins("requirements-qgis.txt") | _pins("requirements-qgis-nodeps.txt")
    assert pins == {
        "shapely": "2.0.7",
        "geopandas": "0.14.4",
        "docxtpl": "0.20.2",
        "python-docx": "1.2.0",
    }
    # the same pins as the development venv
    assert pins == {
        k: v
        for k, v in (_pins("requirements.txt") | _pins("requirements-nodeps.txt")).items()
        if k in pins
    }
    for package in ("shapely", "geopandas"):
        version = pins[package]
        lowest, below = dependencies.REQUIREMENTS[package]
        assert dependencies.version_accepted(version, lowest, below), package


def test_the_dialog_runs_the_commands_and_asks_for_a_restart(qgis_iface):
    from lowland_under_test.lowland_plugin.gui import dependency_dialog

    script = "print('Collecting a'); print('Successfully installed a-1')"
    commands = [[sys.executable, "-c", script], [sys.executable, "-c", script]]
    dialog = dependency_dialog.DependencyDialog(["geopandas: 未安装"], python=sys.executable)
    assert dialog.indexRadio.isChecked() and "--user" in dialog.commandLabel.text()
    dialog.folderRadio.setChecked(True)
    dialog.folderEdit.setText("/wheels")
    assert "--no-index --find-links /wheels" in dialog.commandLabel.text()
    with (
        mock.patch.object(dialog, "planned_commands", return_value=commands),
        mock.patch.object(dependency_dialog.QMessageBox, "information") as asked,
    ):
        dialog.start()
        assert dialog.progressBar.maximum() == 2 * dependency_dialog.STEPS_PER_COMMAND
        for _ in range(200):
            if asked.called:
                break
            dialog.process.waitForFinished(100)
            from qgis.PyQt.QtCore import QCoreApplication

            QCoreApplication.processEvents()
    assert dialog.succeeded
    assert "重新启动 QGIS" in asked.call_args.args[2]
    assert dialog.progressBar.value() == dialog.progressBar.maximum()
    lines = dialog.logEdit.toPlainText().splitlines()
    assert lines.count("Successfully installed a-1") == 2  # pip's output, once per command
    assert "" not in lines


def test_a_failing_pip_leaves_the_log_and_no_restart(qgis_iface):
    from lowland_under_test.lowland_plugin.gui import dependency_dialog

    commands = [[sys.executable, "-c", "import sys; print('ERROR: No matching'); sys.exit(1)"]]
    dialog = dependency_dialog.DependencyDialog([], python=sys.executable)
    with (
        mock.patch.object(dialog, "planned_commands", return_value=commands),
        mock.patch.object(dependency_dialog.QMessageBox, "information") as asked,
    ):
        dialog.start()
        dialog.process.waitForFinished(10000)
        from qgis.PyQt.QtCore import QCoreApplication

        QCoreApplication.processEvents()
    assert not dialog.succeeded and not asked.called
    assert "ERROR: No matching" in dialog.logEdit.toPlainText()
    assert "安装失败" in dialog.logEdit.toPlainText()
    assert dialog.install_button.isEnabled()  # try again, e.g. with another folder


@pytest.fixture(scope="module")
def wheel_folder(tmp_path_factory) -> Path:
    """Wheels for this machine's Python of the pinned packages: output/wheels/<this
    platform> when `bash scripts/run wheels` made it, else downloaded here."""
    tag = f"linux_x86_64-py{sys.version_info.major}{sys.version_info.minor}"
    made = ROOT / "output" / "wheels" / tag
    if list(made.glob("shapely-*.whl")) and list(made.glob("geopandas-*.whl")):
        return made
    folder = tmp_path_factory.mktemp("wheels")
    download = subprocess.run(
        [
            SYSTEM_PYTHON,
            "-m",
            "pip",
            "download",
            "--only-binary=:all:",
            "--no-deps",
            "shapely==2.0.7",
            "geopandas==0.14.4",
            "docxtpl==0.20.2",
            "python-docx==1.2.0",
            "typing_extensions>=4.9",  # python-docx's; Debian has 4.4
            "-d",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if download.returncode != 0:
        pytest.skip("no wheel folder and no package index: " + download.stderr[-300:])
    return folder


@pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="QGIS not installed")
def test_offline_install_into_qgis_python_then_the_plugin_loads(wheel_folder, tmp_path, qgis_env):
    """Debian's python3 is QGIS's Python and has no shapely and no geopandas: the stub
    would load. 安装依赖's commands, offline from the wheel folder, into a fresh user
    site; then the stub's check passes in that Python and QGIS loads the plugin."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_FIND_LINKS")}
    env.update(PYTHONUSERBASE=str(tmp_path / "userbase"), HOME=str(tmp_path), PIP_NO_INDEX="1")
    check = (
        "import importlib.util, sys; sys.path.insert(0, sys.argv[1]); "
        "spec = importlib.util.spec_from_file_location('deps', sys.argv[1] + '/dependencies.py'); "
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); "
        "import json; print(json.dumps(m.missing_requirements()))"
    )
    plugin_dir = str(ROOT / "lowland_plugin")

    def missing() -> list[str]:
        out = subprocess.run(
            [SYSTEM_PYTHON, "-c", check, plugin_dir],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(out.stdout)

    before = missing()
    assert [p.split(":")[0] for p in before] == ["shapely", "geopandas"]
    commands = dependency_install.install_commands(
        SYSTEM_PYTHON, str(wheel_folder), user=True, break_system=True
    )
    for command in commands:
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert missing() == []
    site = subprocess.run(
        [
            SYSTEM_PYTHON,
            "-c",
            "import shapely, geopandas; print(shapely.__file__, geopandas.__version__)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert site.startswith(str(tmp_path / "userbase")) and site.split()[1] == "0.14.4"

    qenv = dict(qgis_env)
    qenv.pop("PYTHONPATH", None)  # no venv: only Debian's Python and the new user site
    qenv.update(PYTHONUSERBASE=env["PYTHONUSERBASE"])
    listed = subprocess.run(
        [QGIS_PROCESS, "list"], env=qenv, capture_output=True, text=True, timeout=600
    )
    assert "lowland:identifyparcels" in listed.stdout, listed.stdout[-2000:] + listed.stderr[-2000:]
    out = tmp_path / "out"
    out.mkdir()
    arguments = demo.chain_arguments(out, ROOT / "resources" / "sample")
    run = subprocess.run(
        [QGIS_PROCESS, "run", "lowland:fullchain", "--json", "--", *arguments],
        env=qenv,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{") :])["results"]
    assert Path(results["identify:identified"].split("|")[0]).is_file()
