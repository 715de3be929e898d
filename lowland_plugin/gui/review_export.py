"""The review dock's exports: the review log (CSV) and the meeting minutes (会议纪要,
XLSX or CSV, :mod:`bridge.minutes`). Each asks for the file when no path is given and
tells the user what was written in the message bar."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsVectorLayer
from qgis.PyQt.QtWidgets import QFileDialog

from ..bridge.layers import source_file
from ..bridge.minutes import write_minutes
from ..bridge.reviews import review_frame
from ..core.identify.review import write_review_log
from ..i18n import language, tr


def ask_path(parent, layer: QgsVectorLayer, title: str, stem: str, filters: list[str]) -> str:
    """The file chosen in a save dialog (beside the layer's file), with a suffix of
    ``filters`` (e.g. ``[".xlsx", ".csv"]``); '' when cancelled."""
    source = source_file(layer)
    folder = source.parent if source is not None else Path.home()
    names = {".xlsx": tr("Excel 工作簿 (*.xlsx)"), ".csv": tr("CSV 文件 (*.csv)")}
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, str(folder / (stem + filters[0])), ";;".join(names[f] for f in filters)
    )
    if path and Path(path).suffix.lower() not in filters:
        path += next((f for f in filters if f[1:] in chosen.lower()), filters[0])
    return path


def export_review_log(dock, path: str | None) -> int | None:
    """The review log of ``dock.layer`` as CSV (rows written; None when cancelled/failed)."""
    path = path or ask_path(dock, dock.layer, tr("导出核查记录"), tr("地块核查记录"), [".csv"])
    if not path:
        return None
    try:
        count = write_review_log(review_frame(dock.layer), path, language())
    except OSError as err:
        dock._show_error(tr("无法写入 {0}：{1}").format(path, err))
        return None
    _tell(dock, tr("已导出 {0} 条核查记录：{1}").format(count, path))
    return count


def export_meeting_minutes(dock, path: str | None) -> int | None:
    """The minutes of ``dock.layer``'s decided parcels, units from the dock's list."""
    path = path or ask_path(
        dock, dock.layer, tr("导出会议纪要"), tr("核查会议纪要"), [".xlsx", ".csv"]
    )
    if not path:
        return None
    try:
        count = write_minutes(dock.layer, path, language(), dock.model.unit_of or None)
    except OSError as err:
        dock._show_error(tr("无法写入 {0}：{1}").format(path, err))
        return None
    _tell(dock, tr("已导出 {0} 宗地的会议纪要：{1}").format(count, path))
    return count


def _tell(dock, text: str) -> None:
    if dock.iface is not None:
        dock.iface.messageBar().pushMessage(
            tr("地块核查"), text, level=Qgis.MessageLevel.Success, duration=8
        )
