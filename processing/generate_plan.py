"""``lowland:generateplan`` 生成实施方案 — thin wrapper: the context comes from
:func:`lowland_plugin.core.documents.plan.build_unit_context`, the documents from
:mod:`lowland_plugin.core.documents.render` (sandboxed Jinja2), the PDF from the HTML
through Qt (QTextDocument → QPdfWriter, A4), the unit maps and the atlas from
:mod:`lowland_plugin.bridge.layouts` when it is there.

Everything of a run is written into a hidden staging folder inside ``OUTPUT_FOLDER``
and moved into place only when every unit is done: a cancelled or failed run leaves
no file (and no earlier document replaced).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProviderRegistry,
)

from ..lowland_plugin.bridge.feedback import ScaledFeedback
from ..lowland_plugin.bridge.inputs import file_layer, review_fields_of
from ..lowland_plugin.bridge.ogr_io import list_ogr_layers, read_ogr_layer
from ..lowland_plugin.bridge.outputs import cancelled_error
from ..lowland_plugin.bridge.pdf import html_to_pdf
from ..lowland_plugin.bridge.plan_files import (
    MAPS_FOLDER,
    atlas_file,
    document_file,
    existing_files,
    file_parts,
    refuse_overwrite,
)
from ..lowland_plugin.bridge.scenario_store import read_store
from ..lowland_plugin.core.common.errors import LowlandInputError, LowlandInternalError
from ..lowland_plugin.core.common.mapping import template_frame
from ..lowland_plugin.core.common.validation import require_numbers, require_unique_ids
from ..lowland_plugin.core.common.values import texts
from ..lowland_plugin.core.documents.funding import funding_rates
from ..lowland_plugin.core.documents.plan import (
    NO_MAP_TEXT,
    build_unit_context,
    unit_compensation_basis,
)
from ..lowland_plugin.core.documents.projects import project_checks
from ..lowland_plugin.core.documents.render import (
    DEFAULT_DOCX,
    DEFAULT_HTML,
    check_docx_template,
    default_file_mode,
    load_html_template,
    render_docx,
    render_html,
    write_atomic,
)
from ..lowland_plugin.core.documents.scenarios import chosen_scenario
from ..lowland_plugin.core.scenarios.charts import write_charts
from ..lowland_plugin.core.scenarios.evaluate import evaluate_scenarios
from ..lowland_plugin.core.scenarios.model import projects_of
from ..lowland_plugin.core.units.assignment import require_known_phases
from ..lowland_plugin.core.units.provenance import (
    outline_messages,
    review_messages,
    units_record,
)
from ..lowland_plugin.core.units.redevelopment import UNIT_FIELDS
from .base import LowlandAlgorithm

#: Errors that say what went wrong: reported as they are, even when the run was cancelled.
REPORTED = (QgsProcessingException, LowlandInputError, LowlandInternalError)

FORMAT_CODES = ("docx", "html", "pdf")
#: The numeric fields of a lowland:buildunits units layer (text there is refused).
UNIT_NUMBERS = tuple(
    f
    for f in UNIT_FIELDS
    if f not in ("unit_id", "unit_name", "phase", "notes", "source", "block_ids", "facilities")
)


class GeneratePlanAlgorithm(LowlandAlgorithm):
    """实施方案 DOCX/HTML/PDF per unit, with unit maps and the review atlas."""

    CREATES_OUTPUT_FOLDERS = True  # missing folders of the outputs are created

    UNITS = "UNITS"
    PARCELS = "PARCELS"
    PROJECTS = "PROJECTS"
    PIECES = "PIECES"
    ZONES = "ZONES"
    LEGACY = "LEGACY"
    SCENARIOS = "SCENARIOS"
    CONTROLS = "CONTROLS"
    UNIT_IDS = "UNIT_IDS"
    TEMPLATE_DOCX = "TEMPLATE_DOCX"
    TEMPLATE_HTML = "TEMPLATE_HTML"
    PROFILE = "PROFILE"
    COMPILER = "COMPILER"
    FORMATS = "FORMATS"
    MAPS = "MAPS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OVERWRITE = "OVERWRITE"
    DOCUMENTS = "DOCUMENTS"

    def name(self) -> str:
        return "generateplan"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("生成实施方案")

    def group(self) -> str:
        return self.tr("单元与街坊")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "units"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>为每个再开发单元生成实施方案（银川实施意见（三），自然资发〔2023〕171号 第1、3、5项）："
            "DOCX、HTML 和 PDF，写入输出文件夹（文件名如 DY01_实施方案.docx）。</p>"
            "<ul><li>内容：单元概况（面积、时序、街坊、低效用地分类型面积）；低效用地清单及认定理由；"
            "历史遗留用地处置方式（Y-9）；项目容积率核定（Y-4）、混合用地用途比例（Y-10）、零星用地（Y-7）、"
            "补缴地价与缴款计划（Y-14、Y-15）——数值由与各核算算法相同的函数计算；资金平衡：支出（征收补偿、拆除、"
            "基础设施、公共服务设施）与收入（补缴地价、转移建筑面积），收支差额及近期/中期/远期分期表；"
            "公共服务设施配置；所依据的政策条款；单元图。</li>"
            "<li>资金平衡单价取自规则档案的 funding 部分；内置档案中为示例值，须由城市按本地标准设定。</li>"
            "<li>项目按其 unit_id 归入单元，无 unit_id 时归入重叠面积最大的单元。零星用地与功能分区图层未指定时，"
            "从项目图层所在 GeoPackage 的 pieces、zones 图层读取。</li>"
            "<li>模板为 Jinja2（沙箱运行、HTML 自动转义、未定义变量报错；每份文档渲染限时 60 秒、"
            "输出不超过 2000 万字符，只能引用模板所在文件夹中的文件）；模板有错时给出文件、行号和错误，"
            "不写出任何文件。取消或出错时本次运行的文件全部不保留。</li>"
            "<li>给出方案库（方案比选面板或 lowland:evaluatescenarios 所用的 GeoPackage）时，文档增加"
            "「十、方案比选」一章：各方案指标对比表（最优值标 ★）、未通过的核查及条款、比选图表，"
            "并写明按选定方案编制；数值与方案比选面板相同。单元有选定方案时，规划方案、资金平衡等各章按选定方案的"
            "项目核算（不再按项目图层）。给出控规图层时，比选表的开发容量、容量使用率与容量余量按其测算"
            "（与 lowland:capacityenvelope 相同），否则为未知。</li>"
            "<li>单元图与审查图集（A3）由打印模板导出；无法导出时文档中注明“图件待生成”。</li>"
            "<li>文件名取自单元编号：两个单元编号得到同一文件名时拒绝运行；过长的编号截短并加哈希后缀。"
            "输出文件夹中已有同名文件时，除非勾选“覆盖已有文件”，否则拒绝运行、不写任何文件。</li></ul>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("再开发单元（单元划定结果）"), polygon
            )
        )
        for key, label in (
            (self.PARCELS, self.tr("宗地（含单元编号的认定结果）")),
            (self.PROJECTS, self.tr("项目图层")),
            (self.PIECES, self.tr("零星用地地块图层")),
            (self.ZONES, self.tr("功能分区图层")),
            (self.LEGACY, self.tr("历史遗留用地认定结果")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(key, label, polygon, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterFile(
                self.SCENARIOS,
                self.tr("方案库（方案比选 GeoPackage，可选：文档增加方案比选一章）"),
                extension="gpkg",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CONTROLS,
                self.tr("控规图层（可选：方案比选一章的开发容量）"),
                polygon,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.UNIT_IDS, self.tr("单元编号（逗号分隔，留空为全部）"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE_DOCX,
                self.tr("DOCX 模板（留空用内置模板）"),
                extension="docx",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE_HTML,
                self.tr("HTML 模板（留空用内置模板）"),
                fileFilter=self.tr("HTML 模板 (*.html *.htm *.j2)"),
                optional=True,
            )
        )
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterString(
                self.COMPILER, self.tr("编制单位（印在封面，留空为待填写）"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FORMATS,
                self.tr("输出格式"),
                options=["DOCX", "HTML", "PDF"],
                allowMultiple=True,
                defaultValue=[0, 1, 2],
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.MAPS, self.tr("导出单元图与审查图集"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("输出文件夹"))
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OVERWRITE, self.tr("覆盖已有文件"), defaultValue=False, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.DOCUMENTS,
                self.tr("生成的文件清单"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )

    # ------------------------------------------------------------------ inputs

    def _formats(self, parameters, context) -> list[str]:
        value = parameters.get(self.FORMATS)
        if isinstance(value, str) and value.strip() and not value.replace(",", "").isdigit():
            codes = [v.strip().lower() for v in value.split(",") if v.strip()]
            bad = [c for c in codes if c not in FORMAT_CODES]
            if bad:
                raise QgsProcessingException(
                    self.tr("输出格式 {0} 无效，可用 docx、html、pdf。").format(bad)
                    + f" / unknown formats {bad}; use docx, html, pdf."
                )
        else:
            codes = [
                FORMAT_CODES[i] for i in self.parameterAsEnums(parameters, self.FORMATS, context)
            ]
        codes = [c for c in FORMAT_CODES if c in codes]
        if not codes:
            raise QgsProcessingException(
                self.tr("请至少选择一种输出格式（DOCX、HTML 或 PDF）。")
                + " / choose at least one format (DOCX, HTML or PDF)."
            )
        return codes

    def _selected_units(self, units, parameters, context):
        text = self.parameterAsString(parameters, self.UNIT_IDS, context) or ""
        wanted = [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]
        ids = [str(u) for u in units["unit_id"]]
        if not wanted:
            return units
        unknown = [w for w in wanted if w not in ids]
        if unknown:
            raise QgsProcessingException(
                self.tr("单元 {0} 不在单元图层中；现有单元：{1}").format(unknown, sorted(ids))
                + f" / units {unknown} are not in the units layer; it has {sorted(ids)}"
            )
        return units[units["unit_id"].astype(str).isin(wanted)]

    def _sibling_layer(self, parameters, context, name: str, crs):
        """Layer ``name`` of the GeoPackage that holds the projects layer (the project
        template keeps projects, pieces and zones together), or None."""
        layer = self.parameterAsVectorLayer(parameters, self.PROJECTS, context)
        if layer is None:
            return None
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path", "")
        if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
            return None
        from osgeo import ogr

        ds = ogr.Open(path)
        has = ds is not None and ds.GetLayerByName(name) is not None
        del ds
        if not has:
            return None
        gdf = read_ogr_layer(path, name)
        if gdf.crs is not None and crs is not None and gdf.crs != crs:
            gdf = gdf.to_crs(crs)
        self._feedback.pushInfo(
            self.tr("从项目图层所在 GeoPackage 读取 {0} 图层：{1}").format(name, path)
            + f" / read layer {name} of the projects GeoPackage"
        )
        return gdf.reset_index(drop=True)

    # ------------------------------------------------------------------ run

    def compute(self, parameters, context, feedback) -> dict:
        self._feedback = feedback
        units_all = self.read_layer(parameters, self.UNITS, context, feedback)
        self.require_projected(units_all, self.tr("再开发单元"))
        if "unit_id" not in units_all.columns:
            raise QgsProcessingException(
                self.tr("单元图层缺少 unit_id 字段（请使用“再开发单元划定与统计”的结果）。")
                + " / the units layer has no unit_id field (use the lowland:buildunits output)."
            )
        label = self.tr("再开发单元")  # ids, phases and figures as buildunits writes them
        require_unique_ids(units_all, "unit_id", label)
        require_known_phases(units_all, label)
        for name in UNIT_NUMBERS:
            require_numbers(units_all, name, label, "unit_id")
        units = self._selected_units(units_all, parameters, context)
        formats = self._formats(parameters, context)
        profile = self.read_profile(parameters, context, self.PROFILE)
        funding_rates(profile)

        docx_path = self.parameterAsFile(parameters, self.TEMPLATE_DOCX, context) or str(
            DEFAULT_DOCX
        )
        html_path = self.parameterAsFile(parameters, self.TEMPLATE_HTML, context) or str(
            DEFAULT_HTML
        )
        html_template = None
        if "html" in formats or "pdf" in formats:
            html_template = load_html_template(html_path)
        if "docx" in formats:
            check_docx_template(docx_path)

        read = {}
        for key in (self.PARCELS, self.PROJECTS, self.PIECES, self.ZONES, self.LEGACY,
                    self.CONTROLS):  # fmt: skip
            read[key] = self.read_layer(parameters, key, context, feedback, crs_of=self.UNITS)
        self._check_up_to_date(parameters, context, feedback, units_all, read[self.PARCELS])
        projects = read[self.PROJECTS]
        pieces, zones = read[self.PIECES], read[self.ZONES]
        if projects is not None:
            if pieces is None:
                pieces = self._sibling_layer(parameters, context, "pieces", units_all.crs)
            if zones is None:
                zones = self._sibling_layer(parameters, context, "zones", units_all.crs)
        checks = None
        if projects is not None and len(projects):
            projects = template_frame(
                projects, "projects", None, ("project_id",), self.tr("项目图层")
            )
            checks = project_checks(
                projects, units_all, pieces, zones, self.tr("项目图层"), profile
            )
            for line in checks.warnings:
                feedback.pushWarning(line)
        scenarios = self._scenario_store(parameters, context, pieces, zones, read[self.CONTROLS])
        self.check_canceled(feedback)

        out_dir = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        self._check_file_names(parameters, context, units, formats, out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".lowland-plan-", dir=out_dir))
        written: list[tuple[str | None, str, Path]] = []  # (unit_id, kind, staged path)
        try:
            maps, atlas = self._maps(parameters, context, feedback, units, formats, staging)
            written += [(u, "map_png", Path(p)) for u, p in maps.items()]
            if atlas:
                written.append((None, "atlas_pdf", Path(atlas)))
            compiler = self.parameterAsString(parameters, self.COMPILER, context).strip()
            self._documents(
                units, units_all, read, checks, profile, formats, html_template, docx_path,
                maps, atlas, staging, written, feedback, compiler or None, scenarios,
            )  # fmt: skip
            self.check_canceled(feedback)
            final = self._move_into_place(staging, out_dir, written)
        except BaseException as err:
            shutil.rmtree(staging, ignore_errors=True)
            if feedback.isCanceled() and not isinstance(err, REPORTED):
                raise cancelled_error() from err
            raise
        shutil.rmtree(staging, ignore_errors=True)

        table = pd.DataFrame(
            {
                "unit_id": [u for u, _, _ in final],
                "format": [k for _, k, _ in final],
                "path": [str(p) for _, _, p in final],
            }
        )
        results = {self.OUTPUT_FOLDER: str(out_dir)}
        if parameters.get(self.DOCUMENTS) not in (None, ""):
            results[self.DOCUMENTS] = self.write_table(
                parameters, self.DOCUMENTS, context, table, feedback
            )
        docs = [p for _, k, p in final if k in FORMAT_CODES]
        feedback.pushInfo(
            self.tr("已为 {0} 个单元生成 {1} 个文件：{2}").format(len(units), len(docs), out_dir)
            + f" / {len(docs)} documents for {len(units)} units in {out_dir}"
        )
        feedback.setProgress(100)
        return results

    def _check_up_to_date(self, parameters, context, feedback, units_all, parcels):
        """Refuse units never counted, redrawn after the count, or counted before the
        review of the parcels (core.units.provenance), naming the layers; warn when
        the units do not record what they were counted from."""
        units_layer = self.parameterAsVectorLayer(parameters, self.UNITS, context)
        units_label = units_layer.name() if units_layer is not None else self.tr("再开发单元")
        # every unit: a redrawn or new unit changes which unit a parcel belongs to
        refusals = outline_messages(units_all, units_label)
        if parcels is not None:
            parcels_layer = self.parameterAsVectorLayer(parameters, self.PARCELS, context)
            record = units_record(units_all)
            source_now, source_label = None, None
            if record is not None and record.parcels_source and parcels_layer is not None:
                if file_layer(record.parcels_source) != file_layer(parcels_layer.source()):
                    source_now = review_fields_of(record.parcels_source)
                    source_label = record.parcels_source
            found, warnings = review_messages(
                record,
                units_label,
                parcels,
                parcels_layer.name() if parcels_layer is not None else self.PARCELS,
                source_now,
                source_label,
            )
            refusals += found
            for line in warnings:
                feedback.pushWarning(line)
        if refusals:
            raise QgsProcessingException("\n".join(refusals))

    def _check_file_names(self, parameters, context, units, formats, out_dir: Path) -> None:
        """Before anything is written: two units with one file name are refused (naming
        both ids), and so are existing files unless OVERWRITE is chosen."""
        ids = [str(u) for u in units["unit_id"]]
        file_parts(ids)
        maps = self.parameterAsBoolean(parameters, self.MAPS, context)
        existing = existing_files(out_dir, ids, formats, maps)
        if existing and not self.parameterAsBoolean(parameters, self.OVERWRITE, context):
            refuse_overwrite(existing)
        for path in existing:
            self._feedback.pushInfo(
                self.tr("将覆盖已有文件：{0}").format(path) + f" / replacing {path}"
            )

    def _maps(self, parameters, context, feedback, units, formats, staging: Path):
        """Unit map PNGs (and the atlas PDF when PDF is asked for) through
        lowland_plugin.bridge.layouts, if that module is there; ({}, None) otherwise."""
        if not self.parameterAsBoolean(parameters, self.MAPS, context):
            return {}, None
        try:
            from ..lowland_plugin.bridge import layouts as export
        except ImportError as err:
            feedback.pushWarning(
                self.tr("无法导出单元图（{0}），文档中注明“{1}”。").format(err, NO_MAP_TEXT)
                + f" / no unit maps ({err})"
            )
            return {}, None
        units_layer = self.parameterAsVectorLayer(parameters, self.UNITS, context)
        parcels_layer = self.parameterAsVectorLayer(parameters, self.PARCELS, context)
        layers = [parcels_layer] if parcels_layer is not None else []
        ids = [str(u) for u in units["unit_id"]]
        span = 30 if "pdf" in formats else 40
        try:
            maps = export.export_unit_maps(
                units_layer, layers, staging / MAPS_FOLDER, ScaledFeedback(feedback, 0, span),
                unit_ids=ids, template=export.PAGE_TEMPLATE,
            )  # fmt: skip
            atlas = None
            if "pdf" in formats:
                atlas = export.export_atlas_pdf(
                    units_layer, layers, staging / atlas_file(),
                    ScaledFeedback(feedback, span, 10), unit_ids=ids,
                )  # fmt: skip
        except QgsProcessingException as err:
            if feedback.isCanceled():
                raise
            feedback.pushWarning(
                self.tr("单元图导出失败（{0}），文档中注明“{1}”。").format(err, NO_MAP_TEXT)
                + f" / unit maps could not be exported: {err}"
            )
            return {}, None
        return maps, atlas

    def _documents(
        self, units, units_all, read, checks, profile, formats, html_template, docx_path,
        maps, atlas, staging, written, feedback, compiler=None, scenarios=None,
    ) -> None:  # fmt: skip
        """One 实施方案 per unit of ``units``; parcels belong to units by the one
        membership rule over all units of the layer (``units_all``, Y-3)."""
        start = 40.0
        total = max(len(units), 1)
        for n, (_, unit) in enumerate(units.iterrows()):
            self.check_canceled(feedback)
            unit_id = str(unit["unit_id"])
            basis = None if scenarios is None else unit_compensation_basis(
                unit, read[self.PARCELS], units_all, read[self.LEGACY])[:2]  # fmt: skip
            comparison, charts = self._scenario_comparison(
                scenarios, unit, profile, staging, written, basis
            )
            unit_checks = self._chosen_checks(scenarios, comparison, units_all, profile)
            context_ = build_unit_context(
                unit,
                read[self.PARCELS],
                None,
                read[self.LEGACY],
                profile,
                checks=unit_checks or checks,
                map_path=maps.get(unit_id),
                atlas_path=atlas,
                base_dir=staging,
                units=units_all,
                compiler=compiler,
                comparison=comparison,
                scenario_charts=charts,
                scenario_store=scenarios is not None,
            )
            if n == 0:
                for line in context_["warnings"]:
                    if checks is None or line not in checks.warnings:
                        feedback.pushWarning(line)
            html = None
            if html_template is not None:
                html = render_html(html_template, context_, feedback.isCanceled)
            if "docx" in formats:
                data = render_docx(docx_path, context_, maps.get(unit_id), feedback.isCanceled)
                path = staging / document_file(unit_id, "docx")
                write_atomic(path, data)
                written.append((unit_id, "docx", path))
            if "html" in formats:
                path = staging / document_file(unit_id, "html")
                write_atomic(path, html)
                written.append((unit_id, "html", path))
            if "pdf" in formats:
                path = staging / document_file(unit_id, "pdf")
                html_to_pdf(html, path, staging, context_["document"]["title"])
                if not path.is_file() or path.stat().st_size == 0:
                    raise QgsProcessingException(
                        self.tr("单元 {0} 的 PDF 写入失败：{1}").format(unit_id, path)
                        + f" / could not write the PDF of unit {unit_id}"
                    )
                written.append((unit_id, "pdf", path))
            feedback.pushInfo(self.tr("单元 {0} 的实施方案已生成。").format(unit_id))
            feedback.setProgress(start + (100 - start) * (n + 1) / total)

    def _scenario_store(self, parameters, context, pieces, zones, controls) -> dict | None:
        """The scenario store of SCENARIOS (its two tables, with the pieces and zones
        its projects are checked against and the 控规 rows of CONTROLS their capacity
        is computed on), or None."""
        path = self.parameterAsFile(parameters, self.SCENARIOS, context)
        if not path:
            return None
        table, projects = read_store(path)
        self._feedback.pushInfo(
            self.tr("方案库：{0}（{1} 个方案）").format(path, len(table))
            + f" / scenario store {path}"
        )
        own = {name: read_ogr_layer(path, f"scenario_{name}") for name in ("pieces", "zones")
               if f"scenario_{name}" in list_ogr_layers(path)}  # fmt: skip
        # the store's own pieces/zones (by scenario_id, as evaluatescenarios is given them
        # and the dock reads them) before the plan's
        return {"table": table, "projects": projects, "pieces": own.get("pieces", pieces),
                "zones": own.get("zones", zones), "controls": controls}  # fmt: skip

    def _scenario_comparison(self, scenarios, unit, profile, staging: Path, written, basis):
        """The unit's scenarios evaluated (:func:`evaluate_scenarios`, the numbers of
        the dock and of lowland:evaluatescenarios) and their charts written beside the
        unit maps; (None, None) without a store or without scenarios of the unit.
        ``basis``: the compensation floor area and label of 八、资金平衡, so the two
        chapters' funding agree."""
        unit_id = str(unit["unit_id"])
        if scenarios is None or unit_id not in texts(scenarios["table"], "unit_id"):
            return None, None
        comparison = evaluate_scenarios(
            scenarios["table"], scenarios["projects"], profile, unit_id=unit_id,
            pieces=scenarios["pieces"], zones=scenarios["zones"], unit=unit.to_dict(),
            compensation=basis, capacity=scenarios["controls"],
        )  # fmt: skip
        prefix = f"scenarios_{file_parts([unit_id])[unit_id]}_"
        paths = write_charts(comparison, staging / MAPS_FOLDER, prefix)
        written += [(unit_id, "chart_png", p) for p in paths.values()]
        return comparison, {k: str(p) for k, p in paths.items()}

    def _chosen_checks(self, scenarios, comparison, units_all, profile):
        """The project checks of the unit's chosen scenario (the plan the document then
        describes in every chapter), or None when no scenario of the unit is chosen."""
        chosen = None if comparison is None else chosen_scenario(comparison)
        if chosen is None:
            return None
        sid = str(chosen["scenario_id"])
        label = self.tr("方案 {0} 的项目").format(sid)
        projects = template_frame(projects_of(scenarios["projects"], sid), "projects", None,
                                  ("project_id",), label)  # fmt: skip
        self._feedback.pushInfo(
            self.tr("单元 {0} 的实施方案按选定方案 {1} 编制。").format(comparison.unit_id, sid)
            + f" / the plan of unit {comparison.unit_id} describes its chosen scenario {sid}"
        )
        ids = set(texts(projects, "project_id"))
        pieces, zones = (
            self._rows_of(layer, ids, sid) for layer in (scenarios["pieces"], scenarios["zones"])
        )  # the pieces and zones of the scenario's projects
        return project_checks(projects, units_all, pieces, zones, label, profile)

    @staticmethod
    def _rows_of(layer, project_ids: set, scenario_id: str):
        """The rows of ``layer`` (pieces, zones) of the projects ``project_ids``; of the
        scenario ``scenario_id`` when the layer is the store's (with ``scenario_id``)."""
        if layer is None:
            return None
        keep = [t in project_ids for t in texts(layer, "project_id")]
        if "scenario_id" in layer.columns:
            keep = [k and s == scenario_id for k, s in zip(keep, texts(layer, "scenario_id"),
                                                           strict=True)]  # fmt: skip
        return layer[keep]

    @staticmethod
    def _move_into_place(staging: Path, out_dir: Path, written) -> list[tuple]:
        """Move the staged files to the output folder (same file system: os.replace)."""
        final = []
        for unit_id, kind, path in written:
            target = out_dir / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(path, default_file_mode())  # temporary files are private (0600)
            os.replace(path, target)
            final.append((unit_id, kind, target))
        return final
