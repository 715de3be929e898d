"""``lowland:identifyparcels`` 低效用地认定 — thin wrapper around
:func:`lowland_plugin.core.identify.identification.identify_parcels`."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..lowland_plugin.bridge.feedback import ScaledFeedback
from ..lowland_plugin.core.common.mapping import (
    canonical_frame,
    check_field_map,
    parse_field_map,
    require_map_entries_used,
)
from ..lowland_plugin.core.common.profiles import Profile, load_profile
from ..lowland_plugin.core.common.tiles import tile_count
from ..lowland_plugin.core.common.validation import require_unique_ids
from ..lowland_plugin.core.identify.identification import identify_parcels, summarize
from ..lowland_plugin.core.identify.outcome import RULE_LOCALS
from ..lowland_plugin.core.identify.review import REVIEW_FIELDS, carry_over
from ..lowland_plugin.core.identify.tiled import (
    buildings_outside,
    identify_tiles,
    layer_size,
    merged_warnings,
    output_frame,
    summary_rows,
)
from .base import LowlandAlgorithm, field_map_parameter, tile_size

#: Buildings fields the identification uses (canonical names).
_BUILDING_FIELDS = ("building_id", "gfa", "floors", "year_built", "danger_grade")


class IdentifyParcelsAlgorithm(LowlandAlgorithm):
    """Indicators + type + verdict + reasons for every parcel."""

    PARCELS = "PARCELS"
    BUILDINGS = "BUILDINGS"
    LANDSURVEY = "LANDSURVEY"
    PLAN = "PLAN"
    PROFILE = "PROFILE"
    REFERENCE_DATE = "REFERENCE_DATE"
    PREVIOUS = "PREVIOUS"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "identifyparcels"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("低效用地认定")

    def group(self) -> str:
        return self.tr("低效用地认定")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "identification"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        profile = load_profile("default")
        stalled = profile.rules["stalled_development"].params
        return self.tr(
            "<p>逐宗地认定是否为低效用地，给出类型与全部理由（银川实施意见（一）、自然资发〔2023〕171号 第12、13项）。</p>"
            "<p>1. 现状地类：给出三调图层时取面积占比最大的三调地类（各地类占比写入 survey_shares），否则取宗地 dlbm；"
            "按地类代码表判断三大类与低效类型（工业(物流仓储)、村庄、商住、设施、其他）。</p>"
            "<p>2. 排除：非建设用地、批而未供、闲置土地、权属争议、权利人不明（owner 为空；无 owner 字段时未检验并提示） → 不纳入（Y-1、N-13 权属清晰、主体明确）；约定开工日（无则合同签订日）满 {0} 周年"
            "且容积率仍低于 {1} → 疑似闲置土地（《闲置土地处置办法》第二条），排除待核查（suspected_idle）。</p>"
            "<p>3. 认定标准（规则档案）：容积率低于行业/类型下限、建筑系数不足（建筑系数 =（建筑物占地 + 构筑物占地 structure_area_m2 + 堆场 yard_area_m2）/ 用地面积，后两项空则不计）、亩均税收低于绝对值或同行业平均的比例"
            "（档案参考值优先，否则按输入图层计算）、危房占比（口径与等级见档案）、老旧低容积率住宅、停产、"
            "现状用途与控规不符（需控规图层）、城中村（需三调图层）。未提供建筑图层时容积率等为空，"
            "依赖建筑的条件不检验（理由注明），并警告一次。</p>"
            "<p>4. 豁免：规上企业、投产不满规定年限、战略性新兴产业，只豁免档案 exempts 所列条件"
            "（默认为利用粗放的效率条件；建筑危旧、用途不合理不豁免）。</p>"
            "<p>每条理由（reasons）注明条款、数值来源（source）、实测值、阈值与是否满足；"
            "使用待定或本地取值的数值时运行警告一次并逐项列出。默认档案各规则的条款与数值来源：</p>"
            "{2}"
            "<p>规则档案：内置 default、yinchuan，或自定义 JSON 文件路径。字段映射：如 dlbm=DLBM; parcel_id=宗地代码。</p>"
        ).format(stalled["years"], stalled["max_far"], rule_sources_html(profile))

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.PARCELS, self.tr("宗地图层"), polygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, self.tr("建筑图层"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDSURVEY,
                self.tr("国土变更调查图斑图层（最新年度，三调口径）"),
                polygon,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PLAN, self.tr("控规地块图层"), polygon, optional=True
            )
        )
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(field_map_parameter())
        self.addParameter(
            QgsProcessingParameterDateTime(
                self.REFERENCE_DATE,
                self.tr("认定基准日（默认今天）"),
                type=QgsProcessingParameterDateTime.Type.Date,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PREVIOUS,
                self.tr("上次认定结果（保留核查决定）"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("低效用地认定结果"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                self.tr("认定汇总表"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
            )
        )

    def compute(self, parameters, context, feedback) -> dict:
        profile = self.read_profile(parameters, context, self.PROFILE)
        feedback.pushInfo(self.tr("规则档案：{0}（{1}）").format(profile.label, profile.name))
        explicit = parse_field_map(self.parameterAsString(parameters, self.FIELD_MAP, context))
        check_field_map(explicit, ("parcels", "buildings", "landsurvey", "plan"))
        when = self.parameterAsDateTime(parameters, self.REFERENCE_DATE, context)
        reference = when.date().toPyDate() if when.isValid() else dt.date.today()

        parcels = self.read_layer(parameters, self.PARCELS, context, None)
        crs = self.input_crs(self.PARCELS)
        self.require_projected(parcels, self.tr("宗地图层"))
        parcels, mapping = canonical_frame(
            parcels,
            "parcels",
            explicit,
            ("parcel_id",),
            self.tr("宗地图层"),
            False,
        )
        mappings = {"parcels": mapping}
        require_unique_ids(parcels, "parcel_id", self.tr("宗地图层"))
        feedback.setProgress(5)
        size = tile_size()
        if len(parcels) > size and parameters.get(self.PREVIOUS) in (None, ""):
            return self._compute_tiled(
                parameters, context, feedback, (parcels, crs, profile, reference), explicit, size
            )
        layers = {}
        for key, kind in (
            (self.BUILDINGS, "buildings"),
            (self.LANDSURVEY, "landsurvey"),
            (self.PLAN, "plan"),
        ):
            self.check_canceled(feedback)
            gdf = self.read_layer(parameters, key, context, None, crs_of=self.PARCELS)
            if gdf is not None:
                required = {"landsurvey": ("dlbm",), "plan": ("plan_code",)}.get(kind, ())
                gdf, mapping = canonical_frame(gdf, kind, explicit, required, key, False)
                mappings[kind] = mapping
                if kind == "buildings":
                    gdf = gdf[[c for c in _BUILDING_FIELDS if c in gdf.columns] + ["geometry"]]
            layers[kind] = gdf
        require_map_entries_used(explicit, mappings)
        feedback.setProgress(15)
        self.check_canceled(feedback)

        result = identify_parcels(
            parcels,
            profile,
            buildings=layers["buildings"],
            landsurvey=layers["landsurvey"],
            plan=layers["plan"],
            reference_date=reference,
            progress=lambda p: feedback.setProgress(15 + 0.55 * p),
        )
        for warning in result.warnings:
            feedback.pushWarning(warning)
        previous = self.read_layer(
            parameters,
            self.PREVIOUS,
            context,
            None,
            fields=("parcel_id", *REVIEW_FIELDS),
            restore_cut=True,  # a shapefile keeps review_sta, reviewed_v…
        )
        if previous is not None:
            review, counts = carry_over(
                result.table.assign(parcel_id=parcels["parcel_id"].to_numpy()), previous
            )
            for name in review.columns:
                result.table[name] = review[name].to_numpy()
            self._report_carry_over(counts, feedback)
        self.check_canceled(feedback)
        out = output_frame(parcels, result.table)
        self._log_summary(result.summary, feedback)
        self.check_accounted(parcels, out, "parcel_id", self.displayName())
        dest = self.write_output(
            parameters,
            self.OUTPUT,
            context,
            ScaledFeedback(feedback, 70, 25),
            out,
            crs,
            style="identifyparcels",
        )
        results = {self.OUTPUT: dest}
        if parameters.get(self.SUMMARY) not in (None, ""):
            results[self.SUMMARY] = self.write_table(
                parameters, self.SUMMARY, context, result.summary
            )
        feedback.setProgress(100)
        return results

    def _compute_tiled(self, parameters, context, feedback, run, explicit, size) -> dict:
        """Bounded memory (issue 20 item 2): the parcels in spatial tiles of ``size``
        (``core.common.tiles``); each tile reads the features touching its parcels from
        the layers' spatial index and is written to the output before the next one.
        Same rows as the untiled run; progress and cancel per tile."""
        parcels, crs, profile, reference = run
        feedback.pushInfo(
            self.tr("宗地 {0} 宗，按空间分块处理（每块 {1} 宗，共 {2} 块）。").format(
                len(parcels), size, tile_count(len(parcels), size)
            )
        )
        readers, mappings = {}, {"parcels": {}}
        xmin, ymin = parcels.total_bounds[:2]
        probe = (xmin, ymin, xmin + 1e-3, ymin + 1e-3)  # a corner: the fields, few features
        for key, kind in (
            (self.BUILDINGS, "buildings"),
            (self.LANDSURVEY, "landsurvey"),
            (self.PLAN, "plan"),
        ):
            read = self.layer_reader(parameters, key, context, None, crs_of=self.PARCELS)
            readers[kind], mappings[kind] = canonical_reader(read, kind, explicit, key, probe)
        require_map_entries_used(explicit, {k: v for k, v in mappings.items() if v is not None})
        summaries: list[pd.DataFrame] = []
        warnings: list[list[str]] = []
        touched: list = []

        def frames():
            for part in identify_tiles(
                parcels,
                profile,
                readers,
                size,
                reference,
                progress=lambda p: feedback.setProgress(5 + 0.9 * p),
                cancelled=feedback.isCanceled,
            ):
                own = parcels.loc[part.table.index]
                out = output_frame(own, part.table)
                self.check_accounted(own, out, "parcel_id", self.displayName())
                summaries.append(summary_rows(part.table))
                warnings.append(part.warnings)
                touched.append(part.touched)
                yield out

        dest = self.write_tiles(
            parameters, self.OUTPUT, context, feedback, frames(), crs, "identifyparcels"
        )
        summary = summarize(pd.concat(summaries))
        outside = buildings_outside(layer_size(readers["buildings"]), touched)
        for warning in merged_warnings(warnings, outside):
            feedback.pushWarning(warning)
        self._log_summary(summary, feedback)
        results = {self.OUTPUT: dest}
        if parameters.get(self.SUMMARY) not in (None, ""):
            results[self.SUMMARY] = self.write_table(parameters, self.SUMMARY, context, summary)
        feedback.setProgress(100)
        return results

    def _report_carry_over(self, counts: dict, feedback) -> None:
        """The re-run report: decisions kept, flagged and new parcels counted; every
        decision that could not be carried over (its parcel is gone) named."""
        feedback.pushInfo(
            self.tr(
                "保留上次核查决定 {kept} 宗，其中认定结论已变化 {changed} 宗；新宗地 {new} 宗；"
                "上次有决定但本次不存在的宗地 {dropped} 宗。"
            ).format(**counts)
        )
        if counts["changed_ids"]:
            feedback.pushWarning(
                self.tr("认定结论已变化、须重新核查的宗地：{0}").format(
                    "、".join(counts["changed_ids"])
                )
            )
        if counts["dropped_ids"]:
            feedback.pushWarning(
                self.tr("以下宗地本次不存在，其核查决定未能保留：{0}").format(
                    "、".join(counts["dropped_ids"])
                )
            )

    def _log_summary(self, summary: pd.DataFrame, feedback) -> None:
        feedback.pushInfo(self.tr("认定汇总（宗数，亩，公顷）："))
        for row in summary.itertuples(index=False):
            feedback.pushInfo(
                f"  {row.verdict:<12} {row.current_type:<24} {row.parcel_count:>7} "
                f"{row.area_mu:>12.2f} {row.area_ha:>10.2f}"
            )


def canonical_reader(read, kind: str, explicit: dict, label: str, probe: tuple):
    """(reader giving canonical field names, the field mapping) for a layer read tile by
    tile; (None, None) when the layer is not given. The mapping is checked once on the
    read of the small rectangle ``probe`` (the fields)."""
    if read is None:
        return None, None
    required = {"landsurvey": ("dlbm",), "plan": ("plan_code",)}.get(kind, ())
    _, mapping = canonical_frame(read(probe), kind, explicit, required, label, False)

    def canonical(bounds):
        gdf, _ = canonical_frame(read(bounds), kind, explicit, required, label, False)
        if kind == "buildings":
            gdf = gdf[[c for c in _BUILDING_FIELDS if c in gdf.columns] + ["geometry"]]
        return gdf

    canonical.count = layer_size(read)  # type: ignore[attr-defined]
    return canonical, mapping


def rule_sources_html(profile: Profile) -> str:
    """One line per rule and exemption of ``profile``: id, clause and the citation of its
    numbers (label and, unless adopted, its state) — the help lists what each rule rests on."""
    lines = []
    for rule in (*profile.rules.values(), *profile.exemptions.values()):
        used = [profile.source(k) for k in rule.sources.values()]
        used += [
            profile.local[n].source for n in RULE_LOCALS.get(rule.id, ()) if n in profile.local
        ]
        cites = dict.fromkeys(src.citation() for src in used)
        states = {src.state for src in used}
        text = "；".join(cites) or "无数值 / no number"
        if cites and states == {"adopted"}:
            text += "（已采用 / adopted）"
        lines.append(f"<li>{rule.id}（{rule.clause}）：{text}</li>")
    return "<ul>" + "".join(lines) + "</ul>"
