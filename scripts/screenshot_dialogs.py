"""Screenshots of the two installation dialogs for the guide (docs/guide/install_zh.md):
QGIS's own 插件源 dialog (pyplugin_installer's repository dialog, filled in with the
bureau's plugins.xml) and Lowland's 「安装依赖」 dialog after an offline install.

    xvfb-run -a python3 scripts/screenshot_dialogs.py   (QGIS's Python; Chinese UI)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QLocale, QTranslator

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"


def load_plugin_package(name: str = "lowland_shot"):
    """The repository root as a package (never on sys.path: processing/ would shadow QGIS's)."""
    spec = importlib.util.spec_from_file_location(
        name, ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return name


def chinese(app: QgsApplication) -> list[QTranslator]:
    translators = []
    for path in ("/usr/share/qgis/i18n/qgis_zh-Hans.qm", str(ROOT / "i18n" / "lowland_zh_CN.qm")):
        translator = QTranslator()
        if translator.load(path):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale("zh_CN"))
    return translators


def plugin_source(out: Path) -> None:
    sys.path.insert(0, "/usr/share/qgis/python")
    from pyplugin_installer.qgsplugininstallerrepositorydialog import (
        QgsPluginInstallerRepositoryDialog,
    )

    dialog = QgsPluginInstallerRepositoryDialog()
    dialog.setWindowTitle(QgsApplication.translate("QgsPluginInstaller", "Repository Details"))
    dialog.editName.setText("Lowland 内部插件源")
    dialog.editURL.setText("http://gis.bureau.local/plugins/plugins.xml")
    dialog.checkBoxEnabled.setChecked(True)
    dialog.resize(560, dialog.sizeHint().height())
    dialog.show()
    QgsApplication.processEvents()
    dialog.grab().save(str(out))


def install_dialog(package: str, out: Path) -> None:
    import importlib
    from functools import partial
    from pathlib import PureWindowsPath

    module = importlib.import_module(f"{package}.lowland_plugin.gui.dependency_dialog")
    # the picture shows a Windows workstation (QGIS 3.40, OSGeo4W): its plugin folder,
    # and no PEP 668 marker there (Debian's python3 has one)
    windows_plugin = PureWindowsPath(
        r"C:\Users\planner\AppData\Roaming\QGIS\QGIS3\profiles\default\python\plugins\lowland"
    )
    module.install_commands = partial(module.install_commands, root=windows_plugin)
    module.externally_managed = lambda: False
    dialog = module.DependencyDialog(
        ["shapely 1.8.5: 需要 / needs ≥ 2.0, < 2.1", "geopandas: 未安装 / not installed (≥ 0.14)"],
        python=r"C:\OSGeo4W\apps\Python312\python.exe",
    )
    dialog.folderRadio.setChecked(True)
    dialog.folderEdit.setText(r"D:\Lowland\wheels\win_amd64-py312")
    dialog.progressBar.setRange(0, 40)
    dialog.progressBar.setValue(40)
    dialog.logEdit.setPlainText(
        "$ " + " ".join(dialog.planned_commands()[0]) + "\n"
        "Looking in links: D:\\Lowland\\wheels\\win_amd64-py312\n"
        "Processing d:\\lowland\\wheels\\win_amd64-py312\\shapely-2.0.7-cp312-cp312-win_amd64.whl\n"
        "Requirement already satisfied: pandas>=1.5 in c:\\osgeo4w\\apps\\python312\\lib\\site-packages\n"
        "Installing collected packages: shapely\nSuccessfully installed shapely-2.0.7\n"
        "$ " + " ".join(dialog.planned_commands()[1]) + "\n"
        "Processing d:\\lowland\\wheels\\win_amd64-py312\\geopandas-0.14.4-py3-none-any.whl\n"
        "Installing collected packages: geopandas\nSuccessfully installed geopandas-0.14.4\n"
        + module.tr("安装完成。")
    )
    dialog.resize(720, 560)
    dialog.show()
    QgsApplication.processEvents()
    dialog.grab().save(str(out))


def main() -> int:
    app = QgsApplication([], True)
    app.initQgis()
    keep = chinese(app)  # noqa: F841 (the translators must outlive the dialogs)
    package = load_plugin_package()
    plugin_source(SHOTS / "plugin_source_zh_CN.png")
    install_dialog(package, SHOTS / "install_dependencies_zh_CN.png")
    print(SHOTS / "plugin_source_zh_CN.png", SHOTS / "install_dependencies_zh_CN.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
