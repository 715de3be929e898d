"""「安装依赖」: installs the plugin's Python packages into QGIS's own Python.

A thin dialog over ``dependency_install.py`` (which builds the pip commands): it runs
them one after the other with ``QProcess``, shows pip's log and a progress bar, and
asks for a restart of QGIS when done. Imports nothing that needs the missing packages
(the plugin's stub opens it).
"""

from __future__ import annotations

from qgis.PyQt import uic
from qgis.PyQt.QtCore import QProcess
from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from ..dependency_install import (
    PLUGIN_ROOT,
    default_wheel_folder,
    externally_managed,
    install_commands,
    pip_steps,
    qgis_python,
)
from ..i18n import tr

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "dependency_dialog.ui"))

#: Progress-bar steps given to each pip command (pip's log lines move it, see pip_steps).
STEPS_PER_COMMAND = 20


class DependencyDialog(_BASE, FORM_CLASS):
    """The 安装依赖 dialog: online (package index) or from a folder of wheels."""

    def __init__(self, problems: list[str], parent=None, python: str | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.python = python or qgis_python()
        self.commands: list[list[str]] = []
        self.process: QProcess | None = None
        self.succeeded = False
        self.setWindowTitle(tr("安装依赖"))
        self.problemsLabel.setText(
            tr("Lowland 需要的 Python 包缺少或版本不符：")
            + "\n"
            + "\n".join(problems)
            + "\n"
            + tr("将安装到 QGIS 的 Python 用户目录（无需管理员权限）：")
            + f" {self.python}"
        )
        self.indexRadio.setText(tr("从网络安装（Python 软件包索引）"))
        self.folderRadio.setText(tr("从离线安装包文件夹安装（bash scripts/run wheels 生成）"))
        self.folderEdit.setPlaceholderText(tr("装有 .whl 文件的文件夹"))
        self.folderEdit.setText(default_wheel_folder())
        if self.folderEdit.text():
            self.folderRadio.setChecked(True)
        self.browseButton.clicked.connect(self.choose_folder)
        self.install_button = QPushButton(tr("安装"))
        self.install_button.setObjectName("lowland_install")
        self.buttonBox.addButton(self.install_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.install_button.clicked.connect(self.start)
        self.buttonBox.rejected.connect(self.reject)
        self.indexRadio.toggled.connect(self.show_command)
        self.folderEdit.textChanged.connect(self.show_command)
        self.show_command()

    def wheel_folder(self) -> str | None:
        if not self.folderRadio.isChecked():
            return None
        return self.folderEdit.text().strip() or None

    def planned_commands(self) -> list[list[str]]:
        """The pip commands for the source chosen in the dialog."""
        return install_commands(
            self.python, self.wheel_folder(), user=True, break_system=externally_managed()
        )

    def show_command(self, *_args) -> None:
        self.commandLabel.setText(
            "\n".join(" ".join(command) for command in self.planned_commands())
        )

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("离线安装包文件夹"))
        if folder:
            self.folderEdit.setText(folder)
            self.folderRadio.setChecked(True)

    def start(self) -> None:
        """Run the pip commands one after the other."""
        if self.folderRadio.isChecked() and not self.wheel_folder():
            self.logEdit.appendPlainText(tr("请选择离线安装包文件夹。"))
            return
        self.commands = self.planned_commands()
        self.install_button.setEnabled(False)
        self.progressBar.setRange(0, STEPS_PER_COMMAND * len(self.commands))
        self.progressBar.setValue(0)
        self.run_next()

    def run_next(self) -> None:
        if not self.commands:
            self.finish(True)
            return
        done = self.progressBar.maximum() // STEPS_PER_COMMAND - len(self.commands)
        self.progressBar.setValue(done * STEPS_PER_COMMAND)
        command = self.commands.pop(0)
        self.logEdit.appendPlainText("$ " + " ".join(command))
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self.read_output)
        self.process.finished.connect(self.command_finished)
        self.process.start(command[0], command[1:])

    def read_output(self) -> None:
        if self.process is None:
            return
        text = bytes(self.process.readAllStandardOutput()).decode("utf-8", "replace")
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            return
        self.logEdit.appendPlainText("\n".join(lines))
        ceiling = (self.progressBar.value() // STEPS_PER_COMMAND + 1) * STEPS_PER_COMMAND - 1
        self.progressBar.setValue(min(ceiling, self.progressBar.value() + pip_steps(text)))

    def command_finished(self, code: int, status=None) -> None:
        self.read_output()
        if code != 0 or status == QProcess.ExitStatus.CrashExit:
            self.finish(False)
            return
        self.run_next()

    def finish(self, ok: bool) -> None:
        self.succeeded = ok
        self.install_button.setEnabled(True)
        if not ok:
            self.logEdit.appendPlainText(tr("安装失败：请查看上面的日志。"))
            return
        self.progressBar.setValue(self.progressBar.maximum())
        self.logEdit.appendPlainText(tr("安装完成。"))
        QMessageBox.information(
            self,
            tr("安装依赖"),
            tr("依赖包已安装。请重新启动 QGIS，Lowland 将在启动时启用。"),
        )
