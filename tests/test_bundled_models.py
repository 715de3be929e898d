"""The bundled Processing models (``resources/models``): in step with the algorithms,
exposed by the provider, translated, and runnable on the sample district."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
)

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "resources" / "models"


def _builder():
    from lowland_under_test.scripts import make_models  # scripts/: a namespace package

    return make_models


def _wiring(model: QgsProcessingModelAlgorithm) -> dict:
    """child id → (algorithm id, {parameter: source descriptions}, model outputs)."""
    out = {}
    for child_id, child in model.childAlgorithms().items():
        sources = {
            key: sorted(
                f"{s.source()}|{s.parameterName()}|{s.outputChildId()}|{s.outputName()}|"
                f"{s.staticValue()}"
                for s in values
            )
            for key, values in child.parameterSources().items()
        }
        out[child_id] = (child.algorithmId(), sources, sorted(child.modelOutputs()))
    return out


def _present(spec) -> bool:
    registry = QgsApplication.processingRegistry()
    return all(registry.algorithmById(c.alg_id) is not None for c in spec.children)


def test_every_model_file_matches_its_builder(lowland_provider):
    """A model file that is stale (algorithm parameters changed since it was built) fails
    here: rebuild with `bash scripts/run models`."""
    from lowland_under_test.processing.models import model_labels, model_texts

    builder = _builder()
    built = [spec for spec in builder.SPECS if _present(spec)]
    assert [s.stem for s in built][:1], "no model can be built"
    for spec in built:
        path = MODELS / f"{spec.stem}.model3"
        assert path.is_file(), f"{path.name} missing: run `bash scripts/run models`"
        stored = QgsProcessingModelAlgorithm()
        assert stored.fromFile(str(path))
        fresh = builder.build(spec, model_texts(), model_labels())
        assert _wiring(stored) == _wiring(fresh), spec.stem
        assert sorted(p.name() for p in stored.parameterDefinitions()) == sorted(
            p.name() for p in fresh.parameterDefinitions()
        )


def test_provider_exposes_the_models_with_stable_ids(lowland_provider):
    ids = {alg.id() for alg in lowland_provider.algorithms()}
    for path in MODELS.glob("*.model3"):
        assert f"lowland:{path.stem}" in ids
    model = QgsApplication.processingRegistry().algorithmById("lowland:identifyexport")
    assert model.displayName() == "认定与上图入库"
    assert model.group() == "流程模型"
    assert "自然资发〔2023〕171号" in model.shortHelpString()
    assert model.parameterDefinition("parcels").description() == "宗地图层"
    # a fresh instance (what the toolbox and qgis_process run) keeps the id and name
    instance = model.create()
    assert instance.id() == "lowland:identifyexport"
    assert instance.displayName() == "认定与上图入库"
    assert instance.parameterDefinition("export:database").description() == "上图入库数据库"


def test_model_labels_are_translated(lowland_provider):
    from qgis.PyQt.QtCore import QCoreApplication

    from lowland_under_test.lowland_plugin.plugin import load_translator
    from lowland_under_test.processing.models import LowlandModel

    translator = load_translator("en_US")
    try:
        model = LowlandModel(MODELS / "identifyexport.model3")
        assert model.displayName() == "Identification and database export"
        assert model.parameterDefinition("parcels").description() == "Parcels"
        assert model.group() == "Models"
        assert model.parameterDefinition("export:database").description() == (
            "Database for submission"
        )
    finally:
        QCoreApplication.removeTranslator(translator)


def test_identifyexport_model_runs_on_the_sample(lowland_provider, sample_gpkg, tmp_path):
    model = QgsApplication.processingRegistry().algorithmById("lowland:identifyexport").create()
    s = str(sample_gpkg)
    params = {
        "parcels": f"{s}|layername=parcels",
        "buildings": f"{s}|layername=buildings",
        "landsurvey": f"{s}|layername=landsurvey",
        "plan": f"{s}|layername=plan",
        "profile": "default",
        "reference_date": "2025-06-30",
        "admin_code": "640106",
        "identify:identified": str(tmp_path / "identified.gpkg"),
        "legacy:legacy": str(tmp_path / "legacy.gpkg"),
        "export:database": str(tmp_path / "database.gpkg"),
        "export:qc_errors": str(tmp_path / "errors.gpkg"),
        "export:qc_report": str(tmp_path / "qc.html"),
    }
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    results, ok = model.run(params, context, feedback)
    assert ok, feedback.textLog()

    def count(path: Path, where: str = "1") -> int:
        with sqlite3.connect(path) as con:
            (table,) = con.execute(
                "select table_name from gpkg_contents where data_type='features'"
            ).fetchone()
            return con.execute(f'select count(*) from "{table}" where {where}').fetchone()[0]

    assert count(tmp_path / "identified.gpkg") == 437  # every sample parcel
    assert count(tmp_path / "legacy.gpkg") == 437
    lowland = count(tmp_path / "identified.gpkg", "verdict = 'lowland'")
    assert lowland > 0
    # the database holds the low-efficiency parcels only (ONLY_LOWLAND default)
    assert count(tmp_path / "database.gpkg") == lowland
    assert (tmp_path / "qc.html").read_text(encoding="utf-8").count("质检") > 0


@pytest.mark.parametrize("stem", sorted(p.stem for p in MODELS.glob("*.model3")))
def test_model_files_load_in_the_model_designer_format(stem):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODELS / f"{stem}.model3"))
    ok, errors = model.validate()
    assert ok, errors
