"""``lowland:legacyland`` 历史遗留用地认定 — thin wrapper around
:func:`lowland_plugin.core.identify.legacy.classify_legacy_land`."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.core.common.mapping import canonical_frame, check_field_map, parse_field_map
from ..lowland_plugin.core.common.notices import owned_by_tile
from ..lowland_plugin.core.common.requirements import check_rule_fields
from ..lowland_plugin.core.common.tiles import tile_count, tile_inputs
from ..lowland_plugin.core.common.validation import require_unique_ids
from ..lowland_plugin.core.identify.legacy import AREA_FIELDS, CUTOFF, summarize_legacy
from ..lowland_plugin.core.identify.legacy_run import legacy_land
from ..lowland_plugin.core.identify.rule_fields import LEGACY_FIELDS
from ..lowland_plugin.core.identify.tiled import merged_warnings
from .base import LowlandAlgorithm, field_map_parameter, tile_size
from .identify_parcels import canonical_reader


class LegacyLandAlgorithm(LowlandAlgorithm):
    """Classify unapproved construction land: 常态化管理 / 征收报批 / 待认定."""

    PARCELS = "PARCELS"
    LANDSURVEY = "LANDSURVEY"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "legacyland"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("历史遗留用地认定")

    def group(self) -> str:
        return self.tr("上图入库")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "database"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>对无合法用地手续的建设用地认定历史遗留用地类别（银川实施意见（九），自然资发〔2023〕171号 第14项）：</p>"
            "<ul><li>截止日期（规则档案 legacy_cutoff，默认 {0:%Y}年{0.month}月{0.day}日）及以前占用、二调和三调均为建设用地、且符合国土空间规划 → 常态化管理（regular）；</li>"
            "<li>截止日期以后占用（默认 {1:%Y}年{1.month}月{1.day}日及以后） → 按占用当年土地变更调查的实际地类办理征收报批（expropriation），"
            "该地类取字段 occupied_dlbm，缺失时逐宗报告；二调标准时点（2009年12月31日）以后占用却标为二调建设用地的，仍按征收报批认定，并在 legacy_failed 中写明前后矛盾、请核实；</li>"
            "<li>其他情形 → 待认定（undecided），legacy_failed 写明未满足或缺失的条件。</li></ul>"
            "<p>给出三调图层时按图斑分块认定：宗地中三调建设用地部分与非建设用地部分分别判断，"
            "各类面积写入 regular_m2、expropriation_m2、undecided_m2（无图斑覆盖部分计入待认定），"
            "三调各类面积写入 construction_m2、agricultural_m2、unused_m2、unsurveyed_m2；legacy_class 取面积最大的类别"
            "（相等时取更审慎者：待认定、征收报批）。整宗无三调图斑覆盖的宗地取自身 dlbm（与低效用地认定一致）。</p>"
            "<p>所需字段：lawful_approval、occupied_date、erdiao_construction、plan_conforming；无三调图层时三调状态取宗地的 "
            "land_category / dlbm。缺失的日期或标志逐宗报告，不作推测。"
            "有合法手续的宗地不在范围内（legacy_class 为空），但仍写入输出。</p>"
        ).format(CUTOFF, CUTOFF + dt.timedelta(days=1))

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PARCELS, self.tr("宗地图层"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDSURVEY,
                self.tr("国土变更调查图斑图层（最新年度，三调口径）"),
                polygon,
                optional=True,
            )
        )
        self.addParameter(field_map_parameter())
        self.add_profile_parameter("PROFILE", optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("历史遗留用地认定结果"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                self.tr("历史遗留用地汇总表"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        explicit = parse_field_map(self.parameterAsString(parameters, self.FIELD_MAP, context))
        check_field_map(explicit, ("parcels", "landsurvey"))
        parcels = self.read_layer(parameters, self.PARCELS, context, None)
        crs = self.input_crs(self.PARCELS)
        self.require_projected(parcels, self.tr("宗地图层"))
        parcels, _ = canonical_frame(
            parcels,
            "parcels",
            explicit,
            ("parcel_id",),
            self.tr("宗地图层"),
            False,
        )
        require_unique_ids(parcels, "parcel_id", self.tr("宗地图层"))
        surveyed = parameters.get(self.LANDSURVEY) not in (None, "")
        given = ["LANDSURVEY"] if surveyed or "land_category" in parcels.columns else []
        for warning in check_rule_fields(
            parcels.columns, LEGACY_FIELDS, self.tr("宗地图层") + " PARCELS", given
        ):
            feedback.pushWarning(warning)
        feedback.setProgress(20)
        self.check_canceled(feedback)
        profile = self.read_profile(parameters, context)
        if len(parcels) > tile_size():
            return self._compute_tiled(
                parameters, context, feedback, (parcels, crs, profile), explicit
            )
        survey = self.read_layer(parameters, self.LANDSURVEY, context, None, crs_of=self.PARCELS)
        if survey is not None:
            survey, _ = canonical_frame(
                survey, "landsurvey", explicit, ("dlbm",), self.LANDSURVEY, False
            )
        feedback.setProgress(50)
        self.check_canceled(feedback)
        run = legacy_land(parcels, survey, profile)
        for warning in run.warnings:
            feedback.pushWarning(warning)
        out = run.table
        table = out
        missing = table["legacy_failed"].notna() & table["legacy_class"].notna()
        if missing.any():
            feedback.pushWarning(
                self.tr("{0} 宗需补充资料或不满足条件，见 legacy_failed 字段。").format(
                    int(missing.sum())
                )
            )
        summary = summarize_legacy(table, shapely.area(np.asarray(out.geometry.values)))
        for row in summary.itertuples(index=False):
            feedback.pushInfo(
                f"  {row.legacy_class:<16} {row.parcel_count:>6} {row.area_mu:>10.2f}"
            )
        self.check_accounted(parcels, out, "parcel_id", self.displayName())
        dest = self.write_output(parameters, self.OUTPUT, context, feedback, out, crs)
        results = {self.OUTPUT: dest}
        if parameters.get(self.SUMMARY) not in (None, ""):
            results[self.SUMMARY] = self.write_table(parameters, self.SUMMARY, context, summary)
        return results

    def _compute_tiled(self, parameters, context, feedback, run, explicit) -> dict:
        """Bounded memory (issue 20 item 2): the parcels in spatial tiles, each with the
        三调 patches touching it read from the layer's spatial index, written as it
        comes; the same rows as the untiled run (each parcel is judged on its own)."""
        parcels, crs, profile = run
        size = tile_size()
        count = tile_count(len(parcels), size)
        feedback.pushInfo(
            self.tr("宗地 {0} 宗，按空间分块处理（每块 {1} 宗，共 {2} 块）。").format(
                len(parcels), size, count
            )
        )
        read = self.layer_reader(parameters, self.LANDSURVEY, context, None, crs_of=self.PARCELS)
        xmin, ymin = parcels.total_bounds[:2]
        probe = (xmin, ymin, xmin + 1e-3, ymin + 1e-3)
        read, _ = canonical_reader(read, "landsurvey", explicit, self.LANDSURVEY, probe)
        kept: list[pd.DataFrame] = []
        warnings: list[list[str]] = []

        def frames():
            for done, item in enumerate(tile_inputs(parcels, {"landsurvey": read}, size)):
                self.check_canceled(feedback)
                result = legacy_land(item.parcels, item.layers.get("landsurvey"), profile)
                out = result.table.iloc[: len(item.tile.own)]
                self.check_accounted(
                    parcels.iloc[item.tile.own], out, "parcel_id", self.displayName()
                )
                columns = ["legacy_class", "legacy_failed", *AREA_FIELDS]
                kept.append(
                    out[[c for c in columns if c in out.columns]].assign(
                        area_m2=shapely.area(np.asarray(out.geometry.values))
                    )
                )
                own = len(item.tile.own)
                warnings.append(owned_by_tile(result.warnings, item.parcels.index, own))
                feedback.setProgress(20 + 75 * (done + 1) / count)
                yield out

        dest = self.write_tiles(parameters, self.OUTPUT, context, feedback, frames(), crs)
        for warning in merged_warnings(warnings):
            feedback.pushWarning(warning)
        table = pd.concat(kept)
        missing = table["legacy_failed"].notna() & table["legacy_class"].notna()
        if missing.any():
            feedback.pushWarning(
                self.tr("{0} 宗需补充资料或不满足条件，见 legacy_failed 字段。").format(
                    int(missing.sum())
                )
            )
        summary = summarize_legacy(table, table["area_m2"].to_numpy())
        for row in summary.itertuples(index=False):
            feedback.pushInfo(
                f"  {row.legacy_class:<16} {row.parcel_count:>6} {row.area_mu:>10.2f}"
            )
        results = {self.OUTPUT: dest}
        if parameters.get(self.SUMMARY) not in (None, ""):
            results[self.SUMMARY] = self.write_table(parameters, self.SUMMARY, context, summary)
        return results
