"""``lowland:exportdatabase`` 上图入库成果导出与质检 — thin wrapper around
:func:`lowland_plugin.core.database.standardize` and :func:`lowland_plugin.core.database.qc.run_qc`.

The database is written even when QC fails (with the failed report beside it), except
a Shapefile whose values would not fit its DBF widths or encoding: that one is not
written at all rather than truncated. Nothing is silently fixed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..lowland_plugin.bridge import field_types
from ..lowland_plugin.bridge import layers as qgis_bridge
from ..lowland_plugin.bridge.ogr_io import write_ogr_layer, write_shapefile
from ..lowland_plugin.bridge.outputs import cancelled_error, remove_dataset
from ..lowland_plugin.bridge.overlap import destination_dataset, refuse_output_on_input
from ..lowland_plugin.bridge.staging import (
    forget_partial,
    register_partial,
    remove_stale_partials,
)
from ..lowland_plugin.bridge.styles import AliasPostProcessor, persist_style
from ..lowland_plugin.core.common.fields import field_aliases
from ..lowland_plugin.core.common.mapping import canonical_frame
from ..lowland_plugin.core.common.validation import require_valid_geometries
from ..lowland_plugin.core.database.qc import ERROR_COLUMNS, run_qc
from ..lowland_plugin.core.database.qc_report import ReportInfo, render_html
from ..lowland_plugin.core.database.standard import (
    check_admin_code,
    load_standard,
    require_input_fields,
    standardize,
)
from ..lowland_plugin.i18n import language
from .base import LowlandAlgorithm

#: Layer name of the database inside a GeoPackage (低效用地图斑).
LAYER_NAME = "DXYDTB"
FORMATS = ("GeoPackage", "ESRI Shapefile")
EXTENSIONS = (".gpkg", ".shp")
ENCODINGS = ("UTF-8", "GBK")
#: Files of one shapefile.
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
SHAPEFILE_STALE = (".qix", ".sbn", ".sbx", ".qpj", ".qmd")


class ExportDatabaseAlgorithm(LowlandAlgorithm):
    """Standard-field 低效用地 database + QC error layer + HTML report."""

    CREATES_OUTPUT_FOLDERS = True  # missing folders of the outputs are created

    PARCELS = "PARCELS"
    LANDSURVEY = "LANDSURVEY"
    LEGACY = "LEGACY"
    ADMIN_CODE = "ADMIN_CODE"
    ONLY_LOWLAND = "ONLY_LOWLAND"
    FORMAT = "FORMAT"
    ENCODING = "ENCODING"
    SLIVER_AREA = "SLIVER_AREA"
    AREA_TOLERANCE = "AREA_TOLERANCE"
    STANDARD = "STANDARD"
    EXPORT_DATE = "EXPORT_DATE"
    FAIL_ON_ERRORS = "FAIL_ON_ERRORS"
    OUTPUT = "OUTPUT"
    ERRORS = "ERRORS"
    REPORT = "REPORT"
    QC_PASSED = "QC_PASSED"
    ERROR_COUNT = "ERROR_COUNT"
    WARNING_COUNT = "WARNING_COUNT"

    def name(self) -> str:
        return "exportdatabase"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("上图入库成果导出与质检")

    def group(self) -> str:
        return self.tr("上图入库")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "database"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr(
            "<p>把低效用地认定成果按字段标准导出为上图入库数据库，并作质检"
            "（银川实施意见（二）Y-2、自然资发〔2023〕171号 第12项 N-12：以三调及最新变更调查为底图，"
            "低效用地上图入库、年度更新）。</p>"
            "<p>导出：最终结论（核查后结论，未核查取计算结论）为低效用地的宗地；取消“仅导出低效用地”则导出全部宗地，"
            "以 SFDX 是/否区分。字段标准为资源文件 resources/standards/lowland_db_v1.csv（拼音缩写字段名 TBBH、XZQDM、ZDDM、"
            "SFDX、DXLX、XZDL、XZYT、GHYT、PZYT、CYLX、RJL、JZMD、DJRKSJ、MJ、MJM、TQMJ、HCZT、RDYJ、RKSJ 等，带中文别名）。"
            "Y-2 要求的使用状况 SYZK（闲置/停产/空置/在用，由是否闲置、是否正常生产经营与宗地内建筑判断，未知为空）、"
            "改造开发潜力 KFQL = max(规划容积率 GHRJL − 容积率, 0) × 面积（规划容积率未知时为空，不记为 0）、"
            "历史遗留用地类别 LSYLLB 与面积（可选输入 LEGACY：lowland:legacyland 的输出，按宗地编号匹配；未给出时为空）。"
            "图斑编号 TBBH = 6 位行政区代码 + 6 位顺序号（按宗地编号排序）；面积 MJ 保留 2 位小数(平方米)、MJM 保留 4 位小数(亩)，"
            "四舍五入。格式为 GeoPackage 或 Shapefile（.cpg 写明 UTF-8 或 GBK，字段名不超过 10 个字符）。</p>"
            "<p>质检（只报告，不修改）：必填字段、值域（代码须在代码表中）、字段长度与字符编码、编号重复、图斑编号格式、"
            "几何无效/自相交、多部件（警告）、碎片图斑、图斑重叠、非建设用地、与三调的一致性（现状地类、面积差在容差内；"
            "含三调非建设用地为警告）、面积不自洽、使用状况与建筑不一致、改造开发潜力不自洽、历史遗留用地面积不自洽。输出质检错误图层（含几何）与 HTML 质检报告；有错误即不通过"
            "（QC_PASSED = false），可选择不通过时使算法失败。字段值超出 Shapefile 字段宽度或编码时不写出 Shapefile，"
            "绝不截断。</p>"
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PARCELS, self.tr("低效用地认定成果（lowland:identifyparcels 输出）"), polygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDSURVEY, self.tr("三调图斑图层（一致性检查）"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LEGACY,
                self.tr("历史遗留用地认定结果（lowland:legacyland 输出，按宗地编号匹配）"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ADMIN_CODE,
                self.tr("行政区代码（6 位；留空则取输入的 admin_code 字段）"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ONLY_LOWLAND, self.tr("仅导出低效用地"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FORMAT, self.tr("输出格式"), options=list(FORMATS), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ENCODING,
                self.tr("Shapefile 字符编码"),
                options=list(ENCODINGS),
                defaultValue=0,
            )
        )
        sliver = QgsProcessingParameterNumber(
            self.SLIVER_AREA,
            self.tr("碎片图斑面积阈值（平方米）"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=1.0,
            minValue=0.0,
        )
        self.addParameter(sliver)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.AREA_TOLERANCE,
                self.tr("与三调面积差容差（相对值，0.001 = 0.1%）"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.001,
                minValue=0.0,
                maxValue=0.5,
            )
        )
        advanced = [
            QgsProcessingParameterString(
                self.STANDARD,
                self.tr("字段标准（内置 lowland_db_v1，或 CSV 文件路径）"),
                defaultValue="lowland_db_v1",
            ),
            QgsProcessingParameterDateTime(
                self.EXPORT_DATE,
                self.tr("入库时间（默认今天）"),
                type=QgsProcessingParameterDateTime.Type.Date,
                optional=True,
            ),
            QgsProcessingParameterBoolean(
                self.FAIL_ON_ERRORS, self.tr("质检不通过时算法失败"), defaultValue=False
            ),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                self.tr("上图入库数据库"),
                self.tr("GeoPackage (*.gpkg);;ESRI Shapefile (*.shp)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ERRORS, self.tr("质检错误图层"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT, self.tr("质检报告（HTML）"), self.tr("HTML (*.html)")
            )
        )
        self.addOutput(QgsProcessingOutputBoolean(self.QC_PASSED, self.tr("质检通过")))
        self.addOutput(QgsProcessingOutputNumber(self.ERROR_COUNT, self.tr("错误数")))
        self.addOutput(QgsProcessingOutputNumber(self.WARNING_COUNT, self.tr("警告数")))

    # ------------------------------------------------------------------ run

    def compute(self, parameters, context, feedback) -> dict:
        standard = load_standard(self.parameterAsString(parameters, self.STANDARD, context))
        fmt = self.parameterAsEnum(parameters, self.FORMAT, context)
        shapefile = fmt == 1
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        qc_encoding = encoding if shapefile else "UTF-8"
        admin_code = (self.parameterAsString(parameters, self.ADMIN_CODE, context) or "").strip()
        if admin_code:
            admin_code = check_admin_code(admin_code)
        only_lowland = self.parameterAsBool(parameters, self.ONLY_LOWLAND, context)
        sliver = self.parameterAsDouble(parameters, self.SLIVER_AREA, context)
        tolerance = self.parameterAsDouble(parameters, self.AREA_TOLERANCE, context)
        when = self.parameterAsDateTime(parameters, self.EXPORT_DATE, context)
        export_date = when.date().toPyDate() if when.isValid() else dt.date.today()
        output = self._output_path(parameters, context, EXTENSIONS[fmt])
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        self._refuse_overwriting_inputs(
            parameters, context, {self.OUTPUT: output, self.REPORT: report_path}
        )

        # null, empty and invalid geometries are QC errors (invalid_geometry), not a refusal
        parcels = self.read_layer(parameters, self.PARCELS, context, feedback, check_geometry=False)
        crs = self.input_crs(self.PARCELS)
        self.require_projected(parcels, self.tr("低效用地认定成果"))
        require_input_fields(parcels, standard, self.tr("低效用地认定成果"))
        feedback.setProgress(5)
        survey = self.read_layer(
            parameters, self.LANDSURVEY, context, feedback, crs_of=self.PARCELS
        )
        if survey is not None:
            survey, _ = canonical_frame(
                survey,
                "landsurvey",
                None,
                ("dlbm",),
                self.tr("国土变更调查图斑图层（最新年度，三调口径）"),
                False,
            )
            require_valid_geometries(
                survey, self.tr("国土变更调查图斑图层（最新年度，三调口径）"), "tbbh"
            )
        else:
            feedback.pushWarning(
                self.tr("未提供三调图层：与三调一致性的规则未检查（报告中注明）。")
            )
        self.check_canceled(feedback)
        feedback.setProgress(10)

        legacy = self.read_layer(parameters, self.LEGACY, context, feedback, check_geometry=False)
        db = standardize(parcels, standard, admin_code, only_lowland, export_date, legacy)
        unmatched = db.attrs.get("legacy_unmatched")
        if legacy is None:
            feedback.pushWarning(
                self.tr("未提供历史遗留用地认定结果（LEGACY）：历史遗留用地类别与面积为空。")
            )
        elif unmatched:
            feedback.pushWarning(
                self.tr(
                    "{0} 条记录的宗地编号不在历史遗留用地认定结果中：其历史遗留用地类别与面积为空。"
                ).format(unmatched)
            )
        feedback.pushInfo(
            self.tr("导出 {0} 条记录（输入 {1} 宗），字段标准 {2}。").format(
                len(db), len(parcels), standard.label
            )
        )
        if not len(db):
            feedback.pushWarning(self.tr("没有最终结论为低效用地的宗地：数据库为空。"))
        feedback.setProgress(15)
        result = run_qc(
            db,
            standard,
            survey,
            sliver,
            tolerance,
            qc_encoding,
            progress=lambda p: feedback.setProgress(15 + 0.55 * p),
        )
        self.check_canceled(feedback)
        self._log_summary(result, feedback)

        written, note = None, ""
        blocking = result.errors["rule"].isin(["field_width", "encoding"])
        if shapefile and blocking.any():
            note = self.tr(
                "有 {0} 个值超出 Shapefile 字段宽度或无法以 {1} 编码，未写出 Shapefile（不截断）；"
                "请修正后重新导出，或导出为 GeoPackage。"
            ).format(int(blocking.sum()), encoding)
            feedback.reportError(note, False)
        else:
            existed = os.path.exists(output)
            written = self._write_database(db, output, standard, shapefile, encoding, feedback)
            feedback.pushInfo(self.tr("数据库已写出：{0}").format(written))
        feedback.setProgress(90)
        if feedback.isCanceled():  # cancelled after the database was moved into place
            if written is not None and not existed:
                remove_dataset(written)
            raise cancelled_error()

        errors_id = self._write_errors(parameters, context, result.errors, crs)
        info = ReportInfo(
            input_layer=self._layer_name(parameters, self.PARCELS, context) or self.PARCELS,
            landsurvey_layer=self._layer_name(parameters, self.LANDSURVEY, context),
            output=written,
            output_format=FORMATS[fmt],
            encoding=qc_encoding,
            only_lowland=only_lowland,
            admin_code=admin_code or None,
            sliver_area=sliver,
            area_tolerance=tolerance,
            layer_name=None if shapefile else LAYER_NAME,
            output_note=note,
        )
        _write_text(report_path, render_html(result, info, db, standard))
        feedback.setProgress(100)

        if result.passed:
            feedback.pushInfo(self.tr("质检通过（警告 {0} 处）。").format(result.warning_count))
        else:
            feedback.reportError(
                self.tr("质检不通过：错误 {0} 处，警告 {1} 处，详见质检报告与错误图层。").format(
                    result.error_count, result.warning_count
                ),
                False,
            )
            if self.parameterAsBool(parameters, self.FAIL_ON_ERRORS, context):
                raise QgsProcessingException(
                    self.tr("质检不通过：错误 {0} 处（报告：{1}）。").format(
                        result.error_count, report_path
                    )
                )
        results = {
            self.ERRORS: errors_id,
            self.REPORT: report_path,
            self.QC_PASSED: bool(result.passed),
            self.ERROR_COUNT: result.error_count,
            self.WARNING_COUNT: result.warning_count,
        }
        if written:
            results[self.OUTPUT] = written
        return results

    # ------------------------------------------------------------------ helpers

    def _output_path(self, parameters, context, extension: str) -> str:
        """The database path with the extension of the chosen format (a ``.gpkg`` or
        ``.shp`` of the other format is replaced, anything else gets it appended)."""
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(self.tr("请指定上图入库数据库的输出文件。"))
        base, ext = os.path.splitext(path)
        if ext.lower() == extension:
            return path
        return (base if ext.lower() in EXTENSIONS else path) + extension

    def _refuse_overwriting_inputs(self, parameters, context, paths: dict) -> None:
        """The shared check (bridge/overlap.py) on the paths as written: the database
        with its format's extension and the report."""
        outputs = [
            (self._input_label(name), dataset)
            for name, path in paths.items()
            if (dataset := destination_dataset(path)) is not None
        ]
        refuse_output_on_input(self._input_datasets(parameters, context), outputs)

    def _layer_name(self, parameters, name: str, context) -> str | None:
        """How the user named an input: the path/URI typed, else the layer's name and source."""
        value = parameters.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return f"{layer.name()} ({layer.source()})" if layer is not None else str(value)

    def _write_database(self, db, output, standard, shapefile, encoding, feedback) -> str:
        """Write to a temporary name beside the target; move into place when complete."""
        folder = os.path.dirname(os.path.abspath(output))
        os.makedirs(folder, exist_ok=True)
        stem = Path(output).stem
        remove_stale_partials(folder)  # left by a killed earlier run
        partial = os.path.join(folder, f"{stem}.partial-{os.getpid()}")
        register_partial(partial, lambda: self._remove_partial(partial))  # SIGTERM, exit
        try:
            if shapefile:
                fields = [(f.name, f.type, f.width, f.precision) for f in standard.fields]
                write_shapefile(db, partial + ".shp", fields, encoding)
                if feedback.isCanceled():
                    raise cancelled_error()
                base = os.path.splitext(output)[0]
                for ext in SHAPEFILE_PARTS + SHAPEFILE_STALE:
                    if os.path.exists(base + ext):
                        os.remove(base + ext)
                for ext in SHAPEFILE_PARTS:
                    if os.path.exists(partial + ext):
                        os.replace(partial + ext, base + ext)
            else:
                write_ogr_layer(
                    db,
                    partial + ".gpkg",
                    LAYER_NAME,
                    aliases=standard.aliases(language()),
                    overwrite_file=True,
                )
                if feedback.isCanceled():
                    raise cancelled_error()
                os.replace(partial + ".gpkg", output)
        finally:
            self._remove_partial(partial)
            forget_partial(partial)
        return output

    @staticmethod
    def _remove_partial(partial: str) -> None:
        for ext in (*SHAPEFILE_PARTS, ".gpkg"):
            if os.path.exists(partial + ext):
                os.remove(partial + ext)

    def _write_errors(self, parameters, context, errors, crs) -> str:
        """The QC error layer: fixed fields and MultiPolygon type, also when empty."""
        aliases = field_aliases(ERROR_COLUMNS, language())
        fields = QgsFields()
        for name in ERROR_COLUMNS:
            qfield = QgsField(name, field_types.INT if name == "row_number" else field_types.STRING)
            if name in aliases:
                qfield.setAlias(aliases[name])
            fields.append(qfield)
        sink, dest_id = self.parameterAsSink(
            parameters, self.ERRORS, context, fields, QgsWkbTypes.Type.MultiPolygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.ERRORS))
        if len(errors):
            qgis_bridge.write_gdf_to_sink(errors, sink, fields)
        sink.flushBuffer()
        del sink
        persist_style(dest_id, aliases, None)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(
                AliasPostProcessor(aliases)
            )
        return dest_id

    def _log_summary(self, result, feedback) -> None:
        feedback.pushInfo(self.tr("质检结果（规则、数量、结论）："))
        labels = {
            "pass": self.tr("通过"),
            "fail": self.tr("不通过"),
            "warning": self.tr("警告"),
            "not_run": self.tr("未检查"),
        }
        for row in result.summary.itertuples(index=False):
            count = row.count if row.checked else "—"
            feedback.pushInfo(
                f"  {row.rule:<26} {row.name_zh:<12} {count!s:>6}  {labels[row.status]}"
            )


def _write_text(path: str, text: str) -> None:
    """Write a text file through a temporary name beside it."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    partial = f"{path}.partial-{os.getpid()}"
    try:
        with open(partial, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
