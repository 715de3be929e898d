"""An output on top of an input is refused naming both, by every algorithm (issue 21
item 7): the same GeoPackage layer, the whole GeoPackage file an input layer is in, the
same shapefile; another layer of the same GeoPackage is fine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)


def lowland_algorithms() -> list[str]:
    """The ids of the provider's algorithms (collected before the provider is loaded)."""
    from lowland_under_test.processing.provider import ALGORITHMS

    return sorted(f"lowland:{cls().name()}" for cls in ALGORITHMS)


def with_source_and_sink(alg_id: str) -> tuple[object, list[str], str] | None:
    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    sources = [
        d.name()
        for d in alg.parameterDefinitions()
        if isinstance(d, QgsProcessingParameterFeatureSource)
    ]
    sinks = [
        d.name()
        for d in alg.destinationParameterDefinitions()
        if isinstance(d, QgsProcessingParameterFeatureSink)
    ]
    if not sources or not sinks:
        return None
    return alg, sources, sinks[0]


def prepare(alg, parameters: dict) -> bool:
    """What every run does first (processAlgorithm, before compute reads anything)."""
    alg.refuse_outputs_on_inputs(parameters, QgsProcessingContext())
    return True


def run(alg, parameters: dict) -> None:
    """The algorithm's own processAlgorithm (the refusal comes before its inputs are read)."""
    alg.processAlgorithm(parameters, QgsProcessingContext(), QgsProcessingFeedback())


@pytest.fixture
def project_copy(sample_gpkg, tmp_path) -> Path:
    target = tmp_path / "district.gpkg"
    shutil.copy(sample_gpkg, target)
    return target


def test_every_algorithm_with_a_source_and_a_sink_is_checked(lowland_provider):
    checked = [a for a in lowland_algorithms() if with_source_and_sink(a) is not None]
    assert checked == lowland_algorithms()  # all 16 read a layer and write one


@pytest.mark.parametrize("alg_id", lowland_algorithms())
def test_output_on_the_same_geopackage_layer_is_refused(lowland_provider, project_copy, alg_id):
    found = with_source_and_sink(alg_id)
    if found is None:
        pytest.skip(f"{alg_id} has no feature source and sink")
    alg, sources, sink = found
    layer = f"{project_copy}|layername=parcels"
    parameters = {name: layer for name in sources}
    before = project_copy.read_bytes()
    parameters[sink] = f"ogr:dbname='{project_copy}' table=\"parcels\" (geom)"
    with pytest.raises(QgsProcessingException) as refused:
        run(alg, parameters)
    message = str(refused.value)
    assert sink in message and sources[0] in message and "parcels" in message
    assert "会覆盖输入" in message and "would overwrite input" in message
    # the whole file as the output (a plain .gpkg path replaces the file)
    parameters[sink] = str(project_copy)
    with pytest.raises(QgsProcessingException, match="会覆盖输入"):
        prepare(alg, parameters)
    # another layer of the same file is not an input: allowed
    parameters[sink] = f"ogr:dbname='{project_copy}' table=\"result\" (geom)"
    assert prepare(alg, parameters)
    assert project_copy.read_bytes() == before


@pytest.mark.parametrize("alg_id", lowland_algorithms())
def test_output_on_the_same_shapefile_is_refused(lowland_provider, sample_gpkg, tmp_path, alg_id):
    found = with_source_and_sink(alg_id)
    if found is None:
        pytest.skip(f"{alg_id} has no feature source and sink")
    alg, sources, sink = found
    from osgeo import gdal

    shp = tmp_path / "parcels.shp"
    gdal.VectorTranslate(str(shp), str(sample_gpkg), layers=["parcels"])
    parameters = {name: str(shp) for name in sources}
    for output in (str(shp), str(tmp_path / "parcels.dbf")):
        parameters[sink] = output
        with pytest.raises(QgsProcessingException, match="会覆盖输入.*parcels.shp"):
            run(alg, parameters)
    parameters[sink] = str(tmp_path / "other.shp")
    assert prepare(alg, parameters)


def test_a_full_run_is_refused_before_writing(lowland_provider, project_copy):
    """processing.run end to end: refused, and the input layer is unchanged."""
    import processing

    before = project_copy.read_bytes()
    with pytest.raises(QgsProcessingException, match="OUTPUT.*会覆盖输入.*PARCELS"):
        processing.run(
            "lowland:parcelindicators",
            {
                "PARCELS": f"{project_copy}|layername=parcels",
                "BUILDINGS": f"{project_copy}|layername=buildings",
                "OUTPUT": f"ogr:dbname='{project_copy}' table=\"parcels\" (geom)",
            },
        )
    assert project_copy.read_bytes() == before
