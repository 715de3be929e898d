"""Charts of a unit's scenarios (方案比选, issue 23 item 4): floor area by planned use
(grouped bars), the funding balance (income, cost, balance per scenario) and the 低效
area resolved by phase (stacked bars), as PNG bytes — for the dock, the PNG export and
the 实施方案 chapter.

The data is :attr:`.comparison.Comparison.series` (computed by :mod:`.evaluate`); no
number is computed here. matplotlib is imported inside the functions (the Agg canvas,
no pyplot: no GUI backend, safe off the GUI thread), so the plugin loads without it.
Chinese labels need a CJK font: :func:`cjk_font` finds an installed one (Noto Sans CJK
SC, WenQuanYi Zen Hei, …) through ``matplotlib.font_manager``; without one the charts
are refused rather than drawn with boxes for the characters.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from ..common.codes import landuse_table
from ..common.errors import LowlandInputError
from .comparison import Comparison, scenario_label

#: CJK fonts tried in order (family names as matplotlib's font manager knows them).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK JP",  # the Noto CJK collection as matplotlib names it (all of CJK)
    "Noto Serif CJK SC",
    "Noto Serif CJK JP",
    "Source Han Sans SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)
#: Chart key → title (the keys of :func:`chart_images` and of the exported file names).
CHART_TITLES = {
    "gfa_by_use": "各方案规划建筑面积（按用途）",
    "funding": "各方案资金平衡",
    "resolved_by_phase": "各方案分期处置低效用地面积",
}
#: Size of a chart (inches) and its resolution: 160 mm wide in the DOCX.
FIGURE_SIZE = (7.0, 3.6)
DPI = 150
#: Colours of the funding bars and of the series (bars of scenarios, stacked phases).
FUNDING_COLOURS = {"income": "#2f7d32", "cost": "#b42318", "balance": "#1f5fa8"}
FUNDING_LABELS = {"income": "收入", "cost": "支出", "balance": "收支差额"}
#: The English of every text of the charts (``lang="en"``: the dock in an English QGIS).
ENGLISH = {
    "各方案规划建筑面积（按用途）": "Proposed floor area by use",
    "各方案资金平衡": "Funding balance",
    "各方案分期处置低效用地面积": "Land redeveloped by phase",
    "收入": "income", "支出": "cost", "收支差额": "balance",
    "建筑面积（m²）": "floor area (m²)", "金额（万元）": "amount (10 000 yuan)",
    "低效用地面积（m²）": "land (m²)", "无数据": "no data", "（未知）": " (unknown)",
    "未填写用途": "no use", "规划用途": "planned use", "方案": "scenario",
}  # fmt: skip


def text(zh: str, lang: str = "zh") -> str:
    """A chart text in ``lang`` (Chinese source, :data:`ENGLISH`)."""
    return ENGLISH.get(zh, zh) if lang == "en" else zh


PALETTE = ("#1f5fa8", "#e07b00", "#2f7d32", "#8e44ad", "#b42318", "#5d6d7e", "#c9a227")
#: Phase order of the stacked bars (others after these, by name).
PHASE_ORDER = ("近期", "一期", "中期", "二期", "远期", "三期")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed CJK font matplotlib can use, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def require_cjk_font() -> str:
    """:func:`cjk_font`, refused (bilingual) when there is none."""
    font = cjk_font()
    if font is None:
        raise LowlandInputError(
            "没有可用的中文字体，无法绘制方案比选图表：请安装 Noto Sans CJK SC 或文泉驿正黑。 / "
            "no CJK font is installed for the scenario charts: install Noto Sans CJK SC or "
            "WenQuanYi Zen Hei."
        )
    return font


def use_label(code: str, lang: str = "zh") -> str:
    """「商业用地（0901）」: the 用地用海 name of a planned-use code, else the code (in
    English the code alone: the classification has Chinese names only)."""
    if not code:
        return text("未填写用途", lang)
    name = landuse_table()["name"].to_dict().get(code) if lang == "zh" else None
    return f"{name}（{code}）" if name else code


def _figure(title: str, size: tuple[float, float] = FIGURE_SIZE, dpi: int = DPI):
    """A new Agg figure of ``size`` inches at ``dpi`` with one axes, CJK font set,
    titled."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = require_cjk_font()
    figure = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    axes.set_title(title, fontfamily=font, fontsize=11, pad=22)  # room for the legend
    return figure, axes, font


def _legend(axes) -> None:
    """The legend in one row between the title and the plot: never over a bar."""
    handles, _labels = axes.get_legend_handles_labels()
    axes.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False,
                ncol=max(len(handles), 1), borderaxespad=0.2, handlelength=1.2,
                columnspacing=1.0)  # fmt: skip


def _png(figure, axes, font: str) -> bytes:
    """The figure as PNG bytes, every text in the CJK font."""
    for label in [*axes.get_xticklabels(), *axes.get_yticklabels()]:
        label.set_fontfamily(font)
    legend = axes.get_legend()
    if legend is not None:
        for text in legend.get_texts():
            text.set_fontfamily(font)
    axes.yaxis.label.set_fontfamily(font)
    axes.xaxis.label.set_fontfamily(font)
    from matplotlib.ticker import FuncFormatter

    # thousands separated, as the document prints numbers (105,712 not 1.06e5)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    import matplotlib

    buffer = io.BytesIO()
    # an ASCII hyphen for negative numbers: not every CJK font has U+2212 (−)
    with matplotlib.rc_context({"axes.unicode_minus": False}):
        figure.tight_layout()
        figure.savefig(buffer, format="png", dpi=figure.dpi)
    return buffer.getvalue()


def _titles(c: Comparison) -> list[str]:
    return [scenario_label(s) for s in c.scenarios]


def _series(c: Comparison, key: str) -> dict[str, Mapping[str, float]]:
    """Scenario id → its values of the series ``key`` (empty mapping when absent)."""
    data = c.series.get(key, {})
    return {sid: data.get(sid, {}) for sid in c.scenario_ids()}


def _no_data(axes, font: str, lang: str) -> None:
    axes.text(0.5, 0.5, text("无数据", lang), ha="center", va="center", fontfamily=font,
              transform=axes.transAxes)  # fmt: skip
    axes.set_xticks([])
    axes.set_yticks([])


def gfa_by_use_chart(
    c: Comparison, lang: str = "zh", size: tuple[float, float] = FIGURE_SIZE, dpi: int = DPI
) -> bytes:
    """Grouped bars: per planned use, one bar per scenario (m²)."""
    figure, axes, font = _figure(text(CHART_TITLES["gfa_by_use"], lang), size, dpi)
    data = _series(c, "gfa_by_use")
    uses = sorted({u for values in data.values() for u in values})
    if not uses:
        _no_data(axes, font, lang)
        return _png(figure, axes, font)
    width = 0.8 / max(len(data), 1)
    for i, (sid, title) in enumerate(zip(data, _titles(c), strict=True)):
        xs = [u + (i - (len(data) - 1) / 2) * width for u in range(len(uses))]
        ys = [float(data[sid].get(use, 0.0)) for use in uses]  # no floor area of this use
        axes.bar(xs, ys, width, label=title, color=PALETTE[i % len(PALETTE)])
    axes.set_xticks(range(len(uses)))
    # the code on a second line: neighbouring labels never run into each other
    axes.set_xticklabels([use_label(u, lang).replace("（", "\n（", 1) for u in uses], fontsize=9)
    axes.set_xlabel(text("规划用途", lang))
    axes.set_ylabel(text("建筑面积（m²）", lang))
    _legend(axes)
    return _png(figure, axes, font)


def funding_chart(
    c: Comparison, lang: str = "zh", size: tuple[float, float] = FIGURE_SIZE, dpi: int = DPI
) -> bytes:
    """Per scenario three bars: income, cost and balance (万元); a scenario whose
    funding is unknown has no bar (its label says 未知)."""
    figure, axes, font = _figure(text(CHART_TITLES["funding"], lang), size, dpi)
    data = _series(c, "funding")
    titles = _titles(c)
    width = 0.26
    for k, key in enumerate(FUNDING_LABELS):
        xs, ys = [], []
        for i, sid in enumerate(data):
            if key in data[sid]:
                xs.append(i + (k - 1) * width)
                ys.append(float(data[sid][key]))
        axes.bar(xs, ys, width, label=text(FUNDING_LABELS[key], lang), color=FUNDING_COLOURS[key])
    axes.axhline(0, color="#444444", linewidth=0.8)
    axes.set_xlim(-0.6, len(titles) - 0.4)
    axes.set_xticks(range(len(titles)))
    axes.set_xticklabels(
        [
            t if data[sid] else t + text("（未知）", lang)
            for t, sid in zip(titles, data, strict=True)
        ],
        fontsize=9,
    )
    axes.set_xlabel(text("方案", lang))
    axes.set_ylabel(text("金额（万元）", lang))
    _legend(axes)
    return _png(figure, axes, font)


def phase_order(phases: set[str]) -> list[str]:
    """The phases in :data:`PHASE_ORDER`, the others after them by name."""
    known = [p for p in PHASE_ORDER if p in phases]
    return known + sorted(phases - set(known))


def resolved_by_phase_chart(
    c: Comparison, lang: str = "zh", size: tuple[float, float] = FIGURE_SIZE, dpi: int = DPI
) -> bytes:
    """Stacked bars: per scenario the 低效 area resolved (m²), one segment per phase."""
    figure, axes, font = _figure(text(CHART_TITLES["resolved_by_phase"], lang), size, dpi)
    data = _series(c, "resolved_by_phase")
    phases = phase_order({p for values in data.values() for p in values})
    titles = _titles(c)
    if not phases:
        _no_data(axes, font, lang)
        return _png(figure, axes, font)
    bottom = [0.0] * len(data)
    for k, phase in enumerate(phases):
        ys = [float(values.get(phase, 0.0)) for values in data.values()]  # none in this phase
        axes.bar(range(len(ys)), ys, 0.5, bottom=bottom, label=phase,
                 color=PALETTE[k % len(PALETTE)])  # fmt: skip
        bottom = [b + y for b, y in zip(bottom, ys, strict=True)]
    axes.set_xticks(range(len(titles)))
    axes.set_xticklabels(titles, fontsize=9)
    axes.set_xlabel(text("方案", lang))
    axes.set_ylabel(text("低效用地面积（m²）", lang))
    _legend(axes)
    return _png(figure, axes, font)


#: Chart key → the function drawing it.
CHARTS = {
    "gfa_by_use": gfa_by_use_chart,
    "funding": funding_chart,
    "resolved_by_phase": resolved_by_phase_chart,
}


def chart_images(
    c: Comparison, lang: str = "zh", size: tuple[float, float] = FIGURE_SIZE, dpi: int = DPI
) -> dict[str, bytes]:
    """Every chart of :data:`CHARTS` as PNG bytes, by key (texts in ``lang``), each
    ``size`` inches at ``dpi`` (the document's by default; the dock asks for its own
    width)."""
    return {key: draw(c, lang, size, dpi) for key, draw in CHARTS.items()}


def write_charts(c: Comparison, folder: str | Path, prefix: str = "") -> dict[str, Path]:
    """The charts as PNG files ``<prefix><key>.png`` in ``folder`` (created); by key."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, data in chart_images(c).items():
        path = target / f"{prefix}{key}.png"
        path.write_bytes(data)
        paths[key] = path
    return paths
