"""Processing models shipped in ``resources/models/*.model3``, exposed by the provider.

Each ``.model3`` file becomes the algorithm ``lowland:<file stem>`` in the
toolbox's 「流程模型」 group, runnable from the toolbox, the model designer (open
it with 「编辑模型」 / the .model3 file) and ``qgis_process``. The files are built by
``scripts/make_models.py``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingModelAlgorithm

from ..lowland_plugin.core.common.resources import resource_path
from ..lowland_plugin.i18n import tr


class LowlandModel(QgsProcessingModelAlgorithm):
    """A bundled model with a stable id (its file stem) and a translated name."""

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self._path = Path(path)
        if not self.fromFile(str(self._path)):
            raise ValueError(f"cannot read the model {self._path}")
        self._title = super().displayName()
        self._help = self.helpContent().get("ALG_DESC", "")
        self._translate_labels()

    def _translate_labels(self) -> None:
        """Inputs' and outputs' labels in the interface language (the file holds Chinese)."""
        for child_id in self.childAlgorithms():
            child = self.childAlgorithm(child_id)
            outputs = child.modelOutputs()
            for output in outputs.values():
                output.setDescription(tr(output.description()))
            child.setModelOutputs(outputs)
            self.setChildAlgorithm(child)
        self.updateDestinationParameters()
        for definition in self.parameterDefinitions():
            if not definition.isDestination():
                definition.setDescription(tr(definition.description()))

    def createInstance(self):  # noqa: N802 (QGIS API)
        return LowlandModel(self._path)

    def name(self) -> str:
        return self._path.stem

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return model_texts().get(self.name(), (self._title, ""))[0]

    def group(self) -> str:
        return tr("流程模型")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "models"

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return model_texts().get(self.name(), ("", self._help))[1]


def bundled_models() -> list[LowlandModel]:
    """One algorithm per ``resources/models/*.model3``, in file-name order."""
    return [LowlandModel(path) for path in sorted(resource_path("models").glob("*.model3"))]


def model_texts() -> dict[str, tuple[str, str]]:
    """Translated (name, description) of each bundled model, by file stem; the .model3
    files hold the Chinese source texts (scripts/make_models.py writes them from here)."""
    return {
        "fullchain": (
            tr("全流程：调查数据 → 实施方案"),
            tr(
                "从宗地、建筑、三调、控规、道路和再开发项目数据出发，依次运行地块指标计算、低效用地认定、"
                "历史遗留用地认定、街坊划分、再开发单元划定与统计、进展统计、容积率/零星用地/混合用地/"
                "补缴地价/用途转变路径核算、上图入库成果导出与质检，并为每个单元生成实施方案"
                "（自然资发〔2023〕171号；银川实施意见（三）等）。按现状条件核定和存量建筑功能转换"
                "需要各自的申报表，请在有申报时单独运行。"
            ),
        ),
        "identifyexport": (
            tr("认定与上图入库"),
            tr(
                "低效用地认定、历史遗留用地认定和上图入库成果导出与质检"
                "（自然资发〔2023〕171号 第二、三项）。"
            ),
        ),
        "blocksunits": (
            tr("街坊与单元"),
            tr(
                "低效用地认定后，按道路红线划分街坊，并划定再开发单元、统计单元指标（银川实施意见（三））。"
            ),
        ),
    }


def model_labels() -> dict[str, str]:
    """Translated labels of the models' inputs and outputs, by name."""
    return {
        "parcels": tr("宗地图层"),
        "buildings": tr("建筑图层"),
        "landsurvey": tr("国土变更调查图斑图层（最新年度，三调口径）"),
        "plan": tr("控规地块图层"),
        "profile": tr("规则配置（default / yinchuan / JSON 文件路径）"),
        "reference_date": tr("认定基准日"),
        "previous": tr("上次认定结果（可选，保留其核查决定）"),
        "admin_code": tr("行政区划代码（6 位）"),
        "roads": tr("道路中心线图层"),
        "boundary": tr("研究范围图层"),
        "units": tr("手绘单元图层（可选）"),
        "unit_mode": tr("单元划定方式"),
        "projects": tr("再开发项目图层"),
        "pieces": tr("零星用地图层"),
        "zones": tr("混合用地分区图层"),
        "scenarios": tr("方案库（可选：实施方案增加方案比选一章）"),
        "plans": tr("实施方案输出文件夹"),
        "documents": tr("实施方案文件清单"),
        "indicators": tr("地块指标"),
        "identified": tr("低效用地认定结果"),
        "legacy": tr("历史遗留用地认定结果"),
        "database": tr("上图入库数据库"),
        "qc_errors": tr("质检问题图层"),
        "qc_report": tr("质检报告"),
        "blocks": tr("街坊"),
        "parcels_in_blocks": tr("宗地（含所属街坊）"),
        "redevelopment_units": tr("再开发单元"),
        "parcels_in_units": tr("宗地（含所属单元）"),
        "far": tr("容积率核定结果"),
        "scattered": tr("零星用地核查结果"),
        "mixeduse": tr("混合用地核算结果"),
        "landprice": tr("补缴地价与缴款计划"),
        "usechange": tr("用途转变路径结果"),
        "progress": tr("进展统计表"),
    }
