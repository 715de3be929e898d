"""The algorithms work as children of a Processing model (what the model designer builds)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "sample_projects.gpkg"
CHECKS = {
    "lowland:farcheck": "far_pass",
    "lowland:landprice": "price_due",
    "lowland:usechange": "usechange_pathway",
    "lowland:mixeduse": "main_use",
}


def build_model() -> QgsProcessingModelAlgorithm:
    model = QgsProcessingModelAlgorithm("项目核算", "lowland")
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("projects", "项目图层"),
        QgsProcessingModelParameter("projects"),
    )
    for alg_id in CHECKS:
        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(alg_id.split(":")[1])
        child.addParameterSources(
            "PROJECTS", [QgsProcessingModelChildParameterSource.fromModelParameter("projects")]
        )
        output = QgsProcessingModelOutput(alg_id.split(":")[1])
        output.setChildOutputName("OUTPUT")
        output.setChildId(child.childId())
        child.setModelOutputs({output.name(): output})
        model.addChildAlgorithm(child)
    return model


def test_checks_chain_in_a_model(lowland_provider, tmp_path):
    model = build_model()
    ok, errors = model.validate()
    assert ok, errors
    # the model survives a save/load round trip, as the model designer does it
    path = str(tmp_path / "checks.model3")
    assert model.toFile(path)
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(path)
    params = {"projects": f"{SAMPLE}|layername=projects"}
    for alg_id in CHECKS:
        name = alg_id.split(":")[1]
        params[f"{name}:{name}"] = "TEMPORARY_OUTPUT"
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    results, ok = loaded.run(params, context, feedback)
    assert ok, feedback.textLog()
    for alg_id, field in CHECKS.items():
        name = alg_id.split(":")[1]
        layer = context.getMapLayer(results[f"{name}:{name}"])
        values = {f["project_id"]: f[field] for f in layer.getFeatures()}
        assert sorted(values) == ["PRJ01", "PRJ02", "PRJ03"], alg_id
    usechange = context.getMapLayer(results["usechange:usechange"])
    assert {f["project_id"]: f["usechange_pathway"] for f in usechange.getFeatures()}[
        "PRJ01"
    ] == "dynamic_maintenance"
