"""The plan dock's 「更新单元统计」 (issue 17): recount the units on the canvas from the
current reviewed parcels with ``lowland:refreshunits`` and write the figures back into
the units layer as one undoable edit (:func:`~..bridge.unit_refresh.apply_unit_statistics`)."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

from ..bridge.layers import source_to_gdf
from ..bridge.unit_refresh import apply_unit_statistics
from ..i18n import tr


def refresh_units_layer(
    units: QgsVectorLayer, parcels: QgsVectorLayer | None = None
) -> tuple[int, list[str]]:
    """Recount ``units`` (with ``parcels``, else the reviewed layer each unit recorded)
    and write the statistics into ``units`` (left in editing mode, one undo step);
    returns (units updated, unit ids cleared). Refusals of refreshunits are raised as
    its QgsProcessingException."""
    import processing  # QGIS's processing plugin: loaded with the desktop

    params: dict = {"UNITS": units, "OUTPUT": "TEMPORARY_OUTPUT"}
    if parcels is not None:
        params["PARCELS"] = parcels
    context = QgsProcessingContext()
    result = processing.run(
        "lowland:refreshunits", params, context=context, feedback=QgsProcessingFeedback()
    )
    output = result["OUTPUT"]
    layer = output if isinstance(output, QgsVectorLayer) else context.getMapLayer(output)
    recount = source_to_gdf(layer)
    return apply_unit_statistics(units, recount)


def refresh_message(updated: int, cleared: list[str]) -> str:
    """What the dock says after a recount."""
    text = tr("已按核查后的认定结果更新 {0} 个单元的统计（可撤销，保存单元图层后生效）。").format(
        updated
    )
    if cleared:
        text += tr("以下单元未完整包含任何街坊，统计已清空：{0}").format("、".join(cleared))
    return text
