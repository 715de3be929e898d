"""Build the Processing models in ``resources/models/`` (``bash scripts/run models``).

The models are written by code so that they stay in step with the algorithms'
parameter keys: a child's parameter that does not exist makes the build fail here
instead of in a planner's model designer. Each model is validated, saved as
``.model3`` (the model designer's format) and loaded back.

Models (the provider exposes them in the toolbox as ``lowland:<file stem>``):

- ``fullchain`` 全流程：调查数据 → 实施方案 — indicators → identification → legacy
  land → blocks → units → progress table → project checks (FAR, scattered land,
  mixed use, land price, use change) → database export → 实施方案. The status-quo and
  building-conversion checks take application tables of their own (one row per
  indicator or per building/floor) and are run on their own when there are
  applications;
- ``identifyexport`` 认定与上图入库 — identification, legacy land, database export;
- ``blocksunits`` 街坊与单元 — blocks from roads, units and their statistics.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "resources" / "models"


@dataclass
class Input:
    """A model input: ``kind`` is the QgsProcessingParameter class name suffix."""

    name: str
    kind: str  # FeatureSource | File | String | DateTime | Enum | Number | Boolean
    optional: bool = False
    default: object = None
    options: tuple[str, ...] = ()
    geometry: str = ""  # polygon | line | any


@dataclass
class Child:
    child_id: str
    alg_id: str
    label: str
    #: parameter key → "@input" (model input), "child_id.OUTPUT" (another child's output)
    #: or a static value
    params: dict[str, object] = field(default_factory=dict)
    #: child output key → model output name
    outputs: dict[str, str] = field(default_factory=dict)


SURVEY_INPUTS = [
    Input("parcels", "FeatureSource", geometry="polygon"),
    Input("buildings", "FeatureSource", geometry="polygon"),
    Input("landsurvey", "FeatureSource", True, geometry="polygon"),
    Input("plan", "FeatureSource", True, geometry="polygon"),
    Input("profile", "String", default="default"),
    Input("reference_date", "DateTime"),
    Input("previous", "FeatureSource", True, geometry="polygon"),
]
EXPORT_INPUTS = [Input("admin_code", "String", default="640106")]
BLOCK_INPUTS = [
    Input("roads", "FeatureSource", geometry="line"),
    Input("boundary", "FeatureSource", geometry="polygon"),
    Input("units", "FeatureSource", True, geometry="polygon"),
    Input(
        "unit_mode",
        "Enum",
        default=2,
        options=("手绘单元", "控规单元", "自动组合街坊"),
    ),
]
PROJECT_INPUTS = [
    Input("projects", "FeatureSource", geometry="polygon"),
    Input("pieces", "FeatureSource", True, geometry="polygon"),
    Input("zones", "FeatureSource", True, geometry="polygon"),
    Input("scenarios", "File", True),  # 方案库 GeoPackage: 十、方案比选 of the 实施方案
]

IDENTIFY = Child(
    "identify",
    "lowland:identifyparcels",
    "低效用地认定",
    {
        "PARCELS": "@parcels",
        "BUILDINGS": "@buildings",
        "LANDSURVEY": "@landsurvey",
        "PLAN": "@plan",
        "PROFILE": "@profile",
        "REFERENCE_DATE": "@reference_date",
        "PREVIOUS": "@previous",  # re-running keeps the review decisions
    },
    {"OUTPUT": "identified"},
)
INDICATORS = Child(
    "indicators",
    "lowland:parcelindicators",
    "地块指标计算",
    {"PARCELS": "@parcels", "BUILDINGS": "@buildings"},
    {"OUTPUT": "indicators"},
)
LEGACY = Child(
    "legacy",
    "lowland:legacyland",
    "历史遗留用地认定",
    {"PARCELS": "@parcels", "LANDSURVEY": "@landsurvey", "PROFILE": "@profile"},
    {"OUTPUT": "legacy"},
)
EXPORT = Child(
    "export",
    "lowland:exportdatabase",
    "上图入库成果导出与质检",
    {
        "PARCELS": "identify.OUTPUT",
        "LANDSURVEY": "@landsurvey",
        "LEGACY": "legacy.OUTPUT",  # 历史遗留用地 class and areas (Y-2)
        "ADMIN_CODE": "@admin_code",
    },
    {"OUTPUT": "database", "ERRORS": "qc_errors", "REPORT": "qc_report"},
)
BLOCKS = Child(
    "blocks",
    "lowland:delineateblocks",
    "街坊划分",
    {"ROADS": "@roads", "BOUNDARY": "@boundary", "PARCELS": "identify.OUTPUT"},
    {"OUTPUT": "blocks", "PARCELS_OUTPUT": "parcels_in_blocks"},
)
UNITS = Child(
    "units",
    "lowland:buildunits",
    "再开发单元划定与统计",
    {
        "BLOCKS": "blocks.OUTPUT",
        # the identification output itself: the layer the 核查会 reviews, which the units
        # record as counted from (lowland:refreshunits recounts it after the review)
        "PARCELS": "identify.OUTPUT",
        "PLAN": "@plan",
        "MODE": "@unit_mode",
        "UNITS": "@units",
    },
    {"OUTPUT": "redevelopment_units", "PARCELS_OUTPUT": "parcels_in_units"},
)
CHECKS = [
    Child(
        "far",
        "lowland:farcheck",
        "容积率核定",
        {"PROJECTS": "@projects", "PROFILE": "@profile"},
        {"OUTPUT": "far"},
    ),
    Child(
        "scattered",
        "lowland:scatteredland",
        "零星用地核查",
        {"PROJECTS": "@projects", "PIECES": "@pieces", "PROFILE": "@profile"},
        {"OUTPUT": "scattered"},
    ),
    Child(
        "mixeduse",
        "lowland:mixeduse",
        "混合用地核算",
        {"PROJECTS": "@projects", "ZONES": "@zones", "PROFILE": "@profile"},
        {"OUTPUT": "mixeduse"},
    ),
    Child(
        "landprice",
        "lowland:landprice",
        "补缴地价与缴款计划",
        {"PROJECTS": "@projects", "PROFILE": "@profile"},
        {"OUTPUT": "landprice"},
    ),
    Child(
        "usechange",
        "lowland:usechange",
        "用途转变路径",
        {"PROJECTS": "@projects", "PROFILE": "@profile"},
        {"OUTPUT": "usechange"},
    ),
]
PROGRESS = Child(
    "progress",
    "lowland:progressstats",
    "低效用地再开发进展统计",
    {"PARCELS": "units.PARCELS_OUTPUT"},
    {"OUTPUT": "progress"},
)
PLAN_DOCS = Child(
    "plan",
    "lowland:generateplan",
    "生成实施方案",
    {
        "UNITS": "units.OUTPUT",
        "PARCELS": "units.PARCELS_OUTPUT",
        "PROJECTS": "@projects",
        "PIECES": "@pieces",
        "ZONES": "@zones",
        "LEGACY": "legacy.OUTPUT",
        "PROFILE": "@profile",
        "SCENARIOS": "@scenarios",
        "CONTROLS": "@plan",  # the 控规 gives the scenarios' capacity
    },
    {"OUTPUT_FOLDER": "plans", "DOCUMENTS": "documents"},
)


@dataclass
class ModelSpec:
    """A model; its name and description come from ``processing/models.py`` (translated)."""

    stem: str
    inputs: list[Input]
    children: list[Child]


SPECS = [
    ModelSpec(
        "fullchain",
        SURVEY_INPUTS + EXPORT_INPUTS + BLOCK_INPUTS + PROJECT_INPUTS,
        [INDICATORS, IDENTIFY, LEGACY, BLOCKS, UNITS, PROGRESS, *CHECKS, EXPORT, PLAN_DOCS],
    ),
    ModelSpec(
        "identifyexport",
        SURVEY_INPUTS + EXPORT_INPUTS,
        [IDENTIFY, LEGACY, EXPORT],
    ),
    ModelSpec(
        "blocksunits",
        SURVEY_INPUTS + BLOCK_INPUTS,
        [IDENTIFY, BLOCKS, UNITS],
    ),
]


def _parameter(spec: Input, label: str):
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterBoolean,
        QgsProcessingParameterDateTime,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )

    types = {
        "polygon": [QgsProcessing.TypeVectorPolygon],
        "line": [QgsProcessing.TypeVectorLine],
        "table": [QgsProcessing.TypeVector],
    }.get(spec.geometry, [QgsProcessing.TypeVectorAnyGeometry])
    if spec.kind == "FeatureSource":
        return QgsProcessingParameterFeatureSource(spec.name, label, types, optional=spec.optional)
    if spec.kind == "File":
        return QgsProcessingParameterFile(
            spec.name, label, extension="gpkg", optional=spec.optional
        )
    if spec.kind == "String":
        return QgsProcessingParameterString(
            spec.name, label, defaultValue=spec.default, optional=spec.optional
        )
    if spec.kind == "DateTime":
        return QgsProcessingParameterDateTime(
            spec.name,
            label,
            type=QgsProcessingParameterDateTime.Date,
            optional=spec.optional,
        )
    if spec.kind == "Enum":
        return QgsProcessingParameterEnum(
            spec.name, label, list(spec.options), defaultValue=spec.default
        )
    if spec.kind == "Number":
        return QgsProcessingParameterNumber(spec.name, label, defaultValue=spec.default)
    if spec.kind == "Boolean":
        return QgsProcessingParameterBoolean(spec.name, label, defaultValue=spec.default)
    raise ValueError(spec.kind)


def build(spec: ModelSpec, texts: dict[str, tuple[str, str]], labels: dict[str, str]):
    """The QgsProcessingModelAlgorithm of ``spec`` (the algorithms must be registered)."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
    )
    from qgis.PyQt.QtCore import QPointF

    registry = QgsApplication.processingRegistry()
    name, description = texts[spec.stem]
    model = QgsProcessingModelAlgorithm(name, "流程模型")
    model.setHelpContent({"ALG_DESC": description, "ALG_CREATOR": "Lowland"})
    for row, item in enumerate(spec.inputs):
        component = QgsProcessingModelParameter(item.name)
        component.setPosition(QPointF(120, 60 + 60 * row))
        model.addModelParameter(_parameter(item, labels[item.name]), component)
    for col, child_spec in enumerate(spec.children):
        alg = registry.algorithmById(child_spec.alg_id)
        if alg is None:
            raise RuntimeError(f"algorithm {child_spec.alg_id} is not registered")
        child = QgsProcessingModelChildAlgorithm(child_spec.alg_id)
        child.setChildId(child_spec.child_id)
        child.setDescription(child_spec.label)
        child.setPosition(QPointF(480 + 260 * (col % 4), 80 + 140 * (col // 4)))
        for key, value in child_spec.params.items():
            if alg.parameterDefinition(key) is None:
                raise RuntimeError(f"{child_spec.alg_id} has no parameter {key}")
            if isinstance(value, str) and value.startswith("@"):
                source = QgsProcessingModelChildParameterSource.fromModelParameter(value[1:])
            elif (
                isinstance(value, str)
                and "." in value
                and value.split(".")[0] in {c.child_id for c in spec.children}
            ):
                other, output = value.split(".", 1)
                source = QgsProcessingModelChildParameterSource.fromChildOutput(other, output)
            else:
                source = QgsProcessingModelChildParameterSource.fromStaticValue(value)
            child.addParameterSources(key, [source])
        for definition in alg.parameterDefinitions():  # as the model designer does: defaults
            key = definition.name()
            if key in child_spec.params or definition.isDestination():
                continue
            if definition.defaultValue() is not None:
                static = QgsProcessingModelChildParameterSource.fromStaticValue(
                    definition.defaultValue()
                )
                child.addParameterSources(key, [static])
        outputs = {}
        for key, name in child_spec.outputs.items():
            if alg.outputDefinition(key) is None and alg.parameterDefinition(key) is None:
                raise RuntimeError(f"{child_spec.alg_id} has no output {key}")
            output = QgsProcessingModelOutput(name)
            output.setChildId(child_spec.child_id)
            output.setChildOutputName(key)
            output.setDescription(labels[name])
            outputs[name] = output
        child.setModelOutputs(outputs)
        model.addChildAlgorithm(child)
    ok, errors = model.validate()
    if not ok:
        raise RuntimeError(f"model {spec.stem} is not valid: {errors}")
    return model


def write_all(texts, labels, out_dir: Path = MODELS, specs=SPECS) -> list[Path]:
    """Build, save and reload every model; returns the written paths."""
    from qgis.core import QgsProcessingModelAlgorithm

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in specs:
        model = build(spec, texts, labels)
        path = out_dir / f"{spec.stem}.model3"
        if not model.toFile(str(path)):
            raise RuntimeError(f"cannot write {path}")
        check = QgsProcessingModelAlgorithm()
        if not check.fromFile(str(path)):
            raise RuntimeError(f"cannot read back {path}")
        written.append(path)
    return written


def main(argv=None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from qgis_standalone import start_qgis

    app, provider, _ = start_qgis("lowland_models_build", load_models=False)
    from lowland_models_build.processing.models import model_labels, model_texts

    names = set(argv or [])
    for path in write_all(
        model_texts(), model_labels(), specs=[s for s in SPECS if not names or s.stem in names]
    ):
        print(f"[models] {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
