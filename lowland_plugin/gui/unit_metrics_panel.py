"""单元实时统计: the panel of the 绘制再开发单元 tool that shows, while an outline changes,
what it takes (core/units/live_metrics.py): area (公顷/亩), whole and partly taken
街坊, parcels, 低效 area and share by type, GFA, ≤5 亩 scattered candidates and the
phase; with the two modes of the tool (draw the outline / click blocks).

:class:`LiveDistrict` reads the blocks and parcels layers once into a
:class:`~..core.units.live_metrics.PreparedDistrict` (again only when a layer's data
changes), so that each mouse move costs one tree query and a few intersections.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QWidget

from ..bridge.layers import field_names, is_polygon_layer, source_to_gdf
from ..core.common.fields import value_label
from ..core.common.resources import PLUGIN_ROOT
from ..core.units.live_metrics import PreparedDistrict, UnitMetrics, prepare_district
from ..core.units.redevelopment import DEFAULT_SNAP_TOLERANCE
from ..core.units.statistics import TYPE_FIELDS
from ..i18n import language, tr

FORM_CLASS, _BASE = uic.loadUiType(str(PLUGIN_ROOT / "forms" / "unit_metrics.ui"))

#: Parcel fields the metrics read (an identification result, reviewed or not).
PARCEL_FIELDS = (
    "parcel_id",
    "block_id",
    "verdict",
    "lowland_type",
    "final_verdict",
    "final_type",
    "area_m2",
    "candidate_area_m2",
    "gfa",
)


def find_parcels_layer(project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The parcels the metrics count: a polygon layer with ``parcel_id`` and ``verdict``
    (an identification result), the reviewed one (``final_verdict``) preferred."""
    project = project or QgsProject.instance()
    layers = [
        lyr
        for lyr in project.mapLayers().values()
        if is_polygon_layer(lyr) and {"parcel_id", "verdict"} <= field_names(lyr)
    ]
    reviewed = [lyr for lyr in layers if "final_verdict" in field_names(lyr)]
    return (reviewed or layers or [None])[0]


def transformed(
    geometry: QgsGeometry,
    source: QgsCoordinateReferenceSystem,
    target: QgsCoordinateReferenceSystem,
) -> QgsGeometry:
    """A copy of ``geometry`` from ``source`` to ``target`` (unchanged when either is
    invalid or they are the same)."""
    out = QgsGeometry(geometry)
    if source.isValid() and target.isValid() and source != target:
        out.transform(QgsCoordinateTransform(source, target, QgsProject.instance()))
    return out


class LiveDistrict:
    """The prepared blocks and parcels of the tool, rebuilt when their data change."""

    def __init__(self, tolerance: float = DEFAULT_SNAP_TOLERANCE) -> None:
        self.tolerance = tolerance
        self.blocks_layer: QgsVectorLayer | None = None
        self.parcels_layer: QgsVectorLayer | None = None
        self._prepared: PreparedDistrict | None = None

    def set_layers(
        self, blocks_layer: QgsVectorLayer | None, parcels_layer: QgsVectorLayer | None
    ) -> None:
        for layer in (self.blocks_layer, self.parcels_layer):
            if layer is not None:
                try:
                    layer.dataChanged.disconnect(self.invalidate)
                except (TypeError, RuntimeError):
                    pass
        self.blocks_layer, self.parcels_layer = blocks_layer, parcels_layer
        for layer in (blocks_layer, parcels_layer):
            if layer is not None:
                layer.dataChanged.connect(self.invalidate)
        self.invalidate()

    def invalidate(self, *_args) -> None:
        self._prepared = None

    def to_blocks_crs(
        self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem
    ) -> QgsGeometry:
        """``geometry`` (in ``crs``) in the blocks layer's CRS (a copy)."""
        target = self.blocks_layer.crs() if self.blocks_layer is not None else crs
        return transformed(geometry, crs, target)

    def prepare_soon(self) -> None:
        """Read and prepare the layers once control returns to the event loop (on
        activating the tool, so that the first mouse move does not wait for it)."""
        QTimer.singleShot(0, self._prepare_quietly)

    def _prepare_quietly(self) -> None:
        try:
            self.prepared()
        except RuntimeError:  # a layer deleted meanwhile: prepared again when needed
            self.invalidate()

    def prepared(self) -> PreparedDistrict | None:
        """The prepared district (None without a blocks layer)."""
        if self.blocks_layer is None:
            return None
        if self._prepared is None:
            blocks = source_to_gdf(self.blocks_layer, ["block_id"])
            parcels = (
                source_to_gdf(self.parcels_layer, PARCEL_FIELDS, self.blocks_layer.crs())
                if self.parcels_layer is not None
                else None
            )
            self._prepared = prepare_district(blocks, parcels, self.tolerance)
        return self._prepared


# ----------------------------------------------------------------------------- texts


def _number(value: float | int | None, digits: int = 2) -> str:
    """A figure with thousands separators; 「未知」 for None (unknown is never 0)."""
    if value is None:
        return tr("未知")
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def _percent(value: float | None) -> str:
    return tr("未知") if value is None else f"{value:.1%}"


def miss_text(metrics: UnitMetrics) -> str:
    """The closest partly taken block in words, '' when there is none:
    「街坊 B012 只包含 62%，边界偏离 18 m」."""
    miss = metrics.closest_miss()
    if miss is None:
        return ""
    return tr("街坊 {id} 只包含 {share}，边界偏离 {d} m").format(
        id=miss.block_id, share=f"{miss.share:.0%}", d=f"{miss.deviation_m:.0f}"
    )


def refusal_text(metrics: UnitMetrics) -> str:
    """Why an outline that takes no whole block cannot be a unit ('' when it takes one)."""
    if metrics.whole_blocks:
        return ""
    miss = miss_text(metrics)
    if miss:
        return tr("单元没有完整包含任何街坊：{miss}。未添加；请沿街坊边界重新绘制。").format(
            miss=miss
        )
    return tr("单元范围没有覆盖任何街坊，未添加。")


def phase_text(phase: str | None) -> str:
    if not phase:
        return tr("未定（保存时在属性表单中选择）")
    return value_label("phase", phase, language())


def metrics_rows(metrics: UnitMetrics, phase: str | None) -> list[tuple[str, str]]:
    """(label, value) rows of the panel."""
    rows = [
        (tr("单元面积"), tr("{ha} 公顷（{mu} 亩）").format(
            ha=_number(metrics.area_ha, 2), mu=_number(metrics.area_mu, 2))),
        (tr("完整街坊"), tr("{n} 个：{ids}").format(
            n=len(metrics.whole_blocks), ids=tr("、").join(metrics.whole_blocks) or "—")),
    ]  # fmt: skip
    partly = [
        tr("{id}（{share}，偏离 {d} m）").format(
            id=p.block_id, share=f"{p.share:.0%}", d=f"{p.deviation_m:.0f}"
        )
        for p in metrics.partial_blocks
    ]
    rows.append((tr("部分覆盖街坊（不计入）"), tr("、").join(partly) or "—"))
    rows.append((tr("宗地"), tr("{n} 宗").format(n=_number(metrics.parcel_count))))
    rows.append(
        (
            tr("低效用地"),
            tr("{n} 宗，{area} m²，占 {share}").format(
                n=_number(metrics.lowland_count),
                area=_number(metrics.lowland_area_m2),
                share=_percent(metrics.lowland_share),
            ),
        )
    )
    shares = metrics.type_shares()
    for name in TYPE_FIELDS:
        if name in shares:
            rows.append(
                (
                    "　" + value_label("lowland_type", name, language()),
                    tr("{area} m²（{share}）").format(
                        area=_number(metrics.lowland_by_type[name]), share=_percent(shares[name])
                    ),
                )
            )
    rows.append((tr("现状建筑面积"), f"{_number(metrics.gfa_existing)} m²"))
    rows.append(
        (
            tr("零星用地候选（≤5 亩）"),
            tr("{n} 宗，{area} m²").format(
                n=_number(metrics.scattered_count), area=_number(metrics.scattered_area_m2)
            ),
        )
    )
    rows.append((tr("实施时序"), phase_text(phase)))
    return rows


# ----------------------------------------------------------------------------- panel


class UnitMetricsPanel(QDockWidget):
    """单元实时统计 dock: the mode of the tool and the live figures of the outline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LowlandUnitMetrics")
        self.setWindowTitle(tr("单元实时统计"))
        self.body = QWidget(self)
        self.ui = FORM_CLASS()
        self.ui.setupUi(self.body)
        self.setWidget(self.body)
        self.ui.drawRadio.setText(tr("绘制边界"))
        self.ui.blocksRadio.setText(tr("点选街坊"))
        self.ui.drawRadio.setToolTip(tr("左键添加拐点，右键或回车完成"))
        self.ui.blocksRadio.setToolTip(
            tr("单击街坊加入或移出单元（单元范围 = 所选街坊的合并），右键或回车完成")
        )
        self.ui.messageLabel.setStyleSheet("color: #b42318;")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.clear()

    def mode(self) -> str:
        return "blocks" if self.ui.blocksRadio.isChecked() else "draw"

    def set_source(self, blocks: QgsVectorLayer | None, parcels: QgsVectorLayer | None) -> None:
        text = tr("街坊：{blocks}；宗地：{parcels}").format(
            blocks=blocks.name() if blocks is not None else tr("无（不能统计）"),
            parcels=parcels.name() if parcels is not None else tr("无（宗地数字未知）"),
        )
        self.ui.sourceLabel.setText(text)

    def clear(self) -> None:
        self.ui.metricsLabel.setText(tr("开始绘制或点选街坊后，这里显示单元的实时统计。"))
        self.ui.messageLabel.setText("")

    def show_metrics(self, metrics: UnitMetrics, phase: str | None = None) -> None:
        cells = "".join(
            f"<tr><td style='padding-right:8px'>{label}</td><td>{value}</td></tr>"
            for label, value in metrics_rows(metrics, phase)
        )
        self.ui.metricsLabel.setText(f"<table>{cells}</table>")
        miss = miss_text(metrics)
        if not metrics.whole_blocks:
            text = tr("尚未完整包含任何街坊：{miss}").format(miss=miss) if miss else ""
            self.ui.messageLabel.setText(text or tr("尚未完整包含任何街坊"))
        elif miss:
            self.ui.messageLabel.setText(tr("部分覆盖的街坊不计入单元：{miss}").format(miss=miss))
        else:
            self.ui.messageLabel.setText("")

    def metrics_text(self) -> str:
        """The panel's figures as plain text (tests, screenshots)."""
        return self.ui.metricsLabel.text() + "\n" + self.ui.messageLabel.text()
