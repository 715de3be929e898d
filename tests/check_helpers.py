"""Helpers shared by the check tests (test_checks_plan, test_checks_price,
test_checks_use): small memory layers and ``qgis_process`` runs; and the 实施方案 of the
sample chain for the print tests (test_plan_print, test_plan_docx). Imported from
``tests/`` (put on ``sys.path`` by ``conftest.py``)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # the /usr/bin/qgis_process wrapper fails on Debian


def memory_layer(geometry, fields, rows):
    """A memory layer (``geometry`` "Polygon", … or "None") in EPSG:4544 with ``fields``
    (a memory-provider URI part) and ``rows`` of (attributes, shapely geometry or None)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    uri = f"{geometry}?crs=EPSG:4544&{fields}" if geometry != "None" else f"None?{fields}"
    layer = QgsVectorLayer(uri, "m", "memory")
    assert layer.isValid()
    feats = []
    for attrs, geom in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        if geom is not None:
            f.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def qgis_run(env, alg, *params):
    """``qgis_process run alg --json -- params…``: its JSON result (asserts success)."""
    out = subprocess.run(
        [QGIS_PROCESS, "run", alg, "--json", "--", *params],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return json.loads(out.stdout[out.stdout.index("{") :])


SAMPLE_PROJECTS = Path(__file__).resolve().parents[1] / "resources/sample/sample_projects.gpkg"


def generate_sample_plans(chain: dict, folder: Path, formats: list[int], **extra) -> Path:
    """lowland:generateplan on the sample chain (conftest ``sample_units_chain``) with the
    sample projects, pieces and zones, in ``formats`` (0 DOCX, 1 HTML, 2 PDF); ``extra``
    parameters added."""
    import processing

    processing.run(
        "lowland:generateplan",
        {
            "UNITS": chain["units"],
            "PARCELS": chain["parcels"],
            "PROJECTS": f"{SAMPLE_PROJECTS}|layername=projects",
            "PIECES": f"{SAMPLE_PROJECTS}|layername=pieces",
            "ZONES": f"{SAMPLE_PROJECTS}|layername=zones",
            "LEGACY": chain["legacy"],
            "PROFILE": "yinchuan",
            "FORMATS": formats,
            "OUTPUT_FOLDER": str(folder),
            "DOCUMENTS": "TEMPORARY_OUTPUT",
            **extra,
        },
    )
    return folder
