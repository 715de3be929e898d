"""Install a plugin the way QGIS's plugin manager does, from a repository URL, headless.

Run with QGIS's Python (``/usr/bin/python3``) and ``HOME`` pointing at a fresh folder
(so the profile is fresh): ``python3 repository_install.py <plugins.xml URL> <plugin key>``.
It adds the URL as a plugin source in the profile's settings (what 插件 → 管理并安装插件 →
设置 → 添加插件源 stores), fetches it with ``pyplugin_installer``'s own ``Repositories``
(the same ``QgsNetworkAccessManager`` request and XML reader as the dialog), then
downloads and unzips the plugin with the installer's own ``QgsPluginInstallerInstallingDialog``
(never shown). Prints one JSON line: the plugin as the installer read it, the profile's
plugin folder, and the installer's error (empty when it installed).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

REPOSITORY = "Lowland 内部插件源"


def wait(app: QgsApplication, done, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def main(url: str, key: str) -> int:
    # the profile folder QGIS desktop uses under $HOME (qgis_process reads the same one)
    profile = Path.home() / ".local/share/QGIS/QGIS3/profiles/default"
    app = QgsApplication([], True, str(profile))  # the installer's dialog is a QWidget
    app.initQgis()
    settings = QgsSettings()
    settings.setValue(f"app/plugin_repositories/{REPOSITORY}/url", url)
    settings.setValue(f"app/plugin_repositories/{REPOSITORY}/enabled", True)
    # Lowland is experimental=True: 设置 → 显示实验性插件 (the guide says to tick it)
    settings.setValue("app/plugin_installer/allowExperimental", True)
    sys.path.insert(0, "/usr/share/qgis/python")
    import qgis.utils

    # what QGIS's Python start-up (QgsPythonUtilsImpl::initPython) sets in the desktop
    qgis.utils.home_plugin_path = QgsApplication.qgisSettingsDirPath() + "python/plugins"
    qgis.utils.plugin_paths[:] = [qgis.utils.home_plugin_path]
    from pyplugin_installer.installer_data import plugins, repositories
    from pyplugin_installer.qgsplugininstallerinstallingdialog import (
        QgsPluginInstallerInstallingDialog,
    )

    repositories.load()
    repositories.requestFetching(REPOSITORY)
    wait(app, lambda: not repositories.fetchingInProgress())
    state = repositories.all()[REPOSITORY]
    plugins.getAllInstalled()
    plugins.rebuild()
    plugin = plugins.all().get(key)
    report = {
        "repository_state": state["state"],
        "repository_error": state["error"],
        "plugin": {k: v for k, v in (plugin or {}).items() if isinstance(v, (str, bool))},
        "plugin_folder": qgis.utils.home_plugin_path,
        "error": "not in the repository" if plugin is None else "",
    }
    if plugin is not None:
        stable = bool(plugin["download_url_stable"])
        dialog = QgsPluginInstallerInstallingDialog(None, plugin, stable=stable)
        wait(app, lambda: not dialog.buttonBox.isEnabled())  # requestFinished ran
        report["error"] = dialog.result()
    print(json.dumps(report, ensure_ascii=False))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
