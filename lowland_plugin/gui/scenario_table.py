"""The comparison of the 方案比选 dock (issue 23 item 4): a table with a row per
indicator (label, unit) and a column per scenario, the best value of each row bold,
marked ★ and shaded, an unknown value 「未知」 (never 0); the failed checks of each
scenario with their clause; the charts; and the exports (XLSX of the table, PNG of the
charts). The numbers are formatted as in the 实施方案 (:func:`value_text`)."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPixmap
from qgis.PyQt.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

from ..bridge.scenario_xlsx import write_comparison_xlsx
from ..core.documents.scenarios import BEST_MARK, CHECK_NAMES, value_text
from ..core.scenarios.charts import chart_images
from ..core.scenarios.comparison import Comparison, scenario_label
from ..i18n import tr

#: Shade of the best cell (as in the document).
BEST_COLOUR = "#e2efda"
#: Column of the indicator label and of its unit, then the scenarios.
FIXED_COLUMNS = 2
#: The charts in the dock: drawn at 100 dpi (a point of text is a point on screen), two
#: columns when each is at least 360 px wide, at least 200 px high (else the tab scrolls),
#: at most 0.62 × their width, 8 px apart.
SCREEN_DPI = 100
MIN_CHART_WIDTH = 360
MIN_CHART_HEIGHT = 200
CHART_ASPECT = 0.62
CHART_SPACING = 8


def fill_table(table: QTableWidget, c: Comparison, english: bool = False) -> None:
    """Show ``c`` in ``table``: indicator rows, a column per scenario, best marked."""
    ids = c.scenario_ids()
    table.clear()
    table.setRowCount(len(c.rows))
    table.setColumnCount(FIXED_COLUMNS + len(ids))
    titles = [tr("指标"), tr("单位"), *(scenario_label(s) for s in c.scenarios)]
    table.setHorizontalHeaderLabels(titles)
    bold = QFont()
    bold.setBold(True)
    for r, row in enumerate(c.rows):
        label = QTableWidgetItem(row.label_en if english else row.label_zh)
        if row.clause:
            label.setToolTip(tr("依据：{0}").format(row.clause))
        table.setItem(r, 0, label)
        table.setItem(r, 1, QTableWidgetItem(row.unit or "—"))
        for k, sid in enumerate(ids):
            value = row.values.get(sid)
            text = value_text(value) if value is not None else tr("未知")
            item = QTableWidgetItem(text)
            item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            item.setData(Qt.ItemDataRole.UserRole, value)
            if sid in row.best:
                item.setText(f"{text} {BEST_MARK}")
                item.setFont(bold)
                item.setBackground(QBrush(QColor(BEST_COLOUR)))
                item.setToolTip(tr("该项指标的最优值"))
            table.setItem(r, FIXED_COLUMNS + k, item)
    table.resizeColumnsToContents()
    table.resizeRowsToContents()  # compact rows: the whole table in view


def cell_value(table: QTableWidget, c: Comparison, key: str, scenario_id: str):
    """The value shown in ``table`` for indicator ``key`` of ``scenario_id`` (None:
    未知)."""
    row = [r.key for r in c.rows].index(key)
    column = FIXED_COLUMNS + c.scenario_ids().index(scenario_id)
    return table.item(row, column).data(Qt.ItemDataRole.UserRole)


def failures_html(c: Comparison, english: bool = False) -> str:
    """The failed checks of each scenario, named with their clause (HTML)."""
    parts = []
    for scenario in c.scenarios:
        sid = str(scenario["scenario_id"])
        failed = c.failures.get(sid, ())
        title = _escape(scenario_label(scenario))
        if not failed:
            parts.append(f"<p><b>{title}</b>：{tr('各项核查均通过')}</p>")
            continue
        items = "".join(
            f"<li>{_escape(f.check if english else CHECK_NAMES.get(f.check, f.check))}（{f.clause}"
            f"{'，' + _escape(f.project_id) if f.project_id else ''}）："
            f"{_escape(f.text_en if english else f.text_zh)}</li>"
            for f in failed
        )
        parts.append(
            f"<p><b>{title}</b>：{tr('未通过 {0} 项').format(len(failed))}</p><ul>{items}</ul>"
        )
    return "".join(parts)


def _escape(text: str | None) -> str:
    from html import escape

    return escape(text or "")


def chart_grid(width: int, height: int) -> tuple[int, tuple[int, int]]:
    """How the charts tab of ``width``×``height`` pixels holds the three charts: the
    number of columns (two when each is at least :data:`MIN_CHART_WIDTH` wide) and the
    pixel size of a chart — the columns' width, and the height that shows every row at
    once, kept between :data:`MIN_CHART_HEIGHT` (then the tab scrolls) and
    :data:`CHART_ASPECT` × the width."""
    columns = 2 if width >= 2 * MIN_CHART_WIDTH + CHART_SPACING else 1
    rows = -(-3 // columns)  # ceil(3 / columns)
    w = max((width - (columns - 1) * CHART_SPACING) // columns, MIN_CHART_WIDTH // 2)
    h = min((height - (rows - 1) * CHART_SPACING) // rows, int(w * CHART_ASPECT))
    return columns, (w, max(h, MIN_CHART_HEIGHT))


def show_charts(
    labels: dict[str, QLabel], layout, c: Comparison, english: bool, width: int, height: int
) -> dict[str, bytes]:
    """Draw the charts into ``labels`` (by chart key) in ``layout`` (a grid), sized for a
    tab of ``width``×``height`` pixels (:func:`chart_grid`, drawn at 100 dpi: the text
    at its point size on screen); returns the PNG bytes."""
    columns, (w, h) = chart_grid(width, height)
    for i, label in enumerate(labels.values()):
        layout.addWidget(label, i // columns, i % columns)
    images = chart_images(c, "en" if english else "zh", (w / SCREEN_DPI, h / SCREEN_DPI),
                          SCREEN_DPI)  # fmt: skip
    fit_charts(labels, images, w)
    return images


def fit_charts(labels: dict[str, QLabel], images: dict[str, bytes], width: int) -> None:
    """Show ``images`` in ``labels`` scaled to ``width`` pixels (after the tab was
    resized; drawn again at the new size when next evaluated)."""
    for key, label in labels.items():
        if key not in images:
            continue
        pixmap = QPixmap()
        pixmap.loadFromData(images[key], "PNG")
        if pixmap.width() != width:
            pixmap = pixmap.scaledToWidth(
                max(width, 120), Qt.TransformationMode.SmoothTransformation
            )
        label.setPixmap(pixmap)


def export_xlsx(c: Comparison, path: str | Path, english: bool = False) -> str:
    """The comparison table and the failed checks as XLSX
    (:func:`~..bridge.scenario_xlsx.write_comparison_xlsx`: numbers stay numbers, an
    unknown value is an empty cell, never 0)."""
    return write_comparison_xlsx([c], path, "en" if english else "zh")


def export_pngs(images: dict[str, bytes], folder: str | Path, prefix: str) -> list[Path]:
    """The chart PNGs into ``folder`` as ``<prefix>_<key>.png``."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for key, data in images.items():
        path = target / f"{prefix}_{key}.png"
        path.write_bytes(data)
        paths.append(path)
    return paths


def fit_height(widget, limit: int) -> None:
    """Size a text browser to its text, or a list to its rows, up to ``limit`` pixels
    (what is left goes to the comparison table)."""
    frame = 2 * widget.frameWidth() + 4
    if hasattr(widget, "document"):
        document = widget.document()
        document.setTextWidth(widget.viewport().width())
        needed = int(document.size().height()) + frame
    else:
        rows = max(widget.count(), 1)
        needed = rows * max(widget.sizeHintForRow(0), widget.fontMetrics().height()) + frame
    widget.setMaximumHeight(min(needed, limit))
