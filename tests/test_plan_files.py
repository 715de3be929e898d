"""generateplan's file names (issue 21 item 9): two unit ids with one file name are
refused before anything is written, naming both; over-long ids get a stable hash
suffix; existing files are replaced only with OVERWRITE."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from lowland_under_test.lowland_plugin.bridge.plan_files import (
    MAX_PART_BYTES,
    document_file,
    file_parts,
    planned_files,
    safe_file_part,
)
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = ROOT / "resources" / "sample" / "sample_projects.gpkg"


def units_with_ids(chain, folder: Path, ids: dict[str, str]) -> str:
    """A copy of the buildunits output with unit ids renamed (old → new)."""
    source = Path(chain["units"].split("|")[0])
    copy = folder / "units_renamed.gpkg"
    shutil.copy(source, copy)
    ds = ogr.Open(str(copy), 1)
    layer = ds.GetLayerByName("units") or ds.GetLayer(0)
    for feature in layer:
        new = ids.get(feature.GetField("unit_id"))
        if new is not None:
            feature.SetField("unit_id", new)
            layer.SetFeature(feature)
    name = layer.GetName()
    ds = None
    return f"{copy}|layername={name}"


def run(chain, out: Path, **extra):
    import processing

    params = {
        "UNITS": chain["units"],
        "PROFILE": "yinchuan",
        "FORMATS": [1],
        "MAPS": False,
        "OUTPUT_FOLDER": str(out),
        "DOCUMENTS": None,
    }
    params.update(extra)
    return processing.run("lowland:generateplan", params)


def files_in(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("first", "second"),
    [("DY/01", "DY:01"), ("DY 02", "DY_02"), ("dy05", "DY05"), ("..", "__")],
)
def test_two_ids_with_one_file_name_are_refused_naming_both(
    sample_units_chain, tmp_path, first, second
):
    units = units_with_ids(sample_units_chain, tmp_path, {"DY01": first, "DY02": second})
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException) as info:
        run(sample_units_chain, out, UNITS=units)
    message = str(info.value)
    assert repr(first) in message and repr(second) in message, message
    assert files_in(out) == []  # nothing written (no folder, no staging)


def test_over_long_ids_are_shortened_with_a_stable_hash(sample_units_chain, tmp_path):
    long_a = "银川市兴庆区" * 20 + "A"  # 121 characters, 361 bytes in UTF-8
    long_b = "银川市兴庆区" * 20 + "B"  # same first 360 bytes: only the hash tells them apart
    units = units_with_ids(sample_units_chain, tmp_path, {"DY01": long_a, "DY02": long_b})
    out = tmp_path / "out"
    run(sample_units_chain, out, UNITS=units, UNIT_IDS=f"{long_a},{long_b}")
    names = files_in(out)
    suffix_a = hashlib.sha1(long_a.encode()).hexdigest()[:10]
    suffix_b = hashlib.sha1(long_b.encode()).hexdigest()[:10]
    assert names == sorted([f"{safe_file_part(long_a)}_实施方案.html",
                            f"{safe_file_part(long_b)}_实施方案.html"])  # fmt: skip
    assert safe_file_part(long_a).endswith("~" + suffix_a)
    assert safe_file_part(long_b).endswith("~" + suffix_b)
    # 120 bytes: 109 bytes of the id cut at a character (36 × 3 bytes), "~" and 10 digits
    assert len(safe_file_part(long_a).encode()) == 36 * 3 + 1 + 10 <= MAX_PART_BYTES
    assert all(len(n.encode()) < 255 for n in names)


def test_existing_files_are_kept_unless_overwrite_is_chosen(sample_units_chain, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "DY03_实施方案.html"
    earlier.write_text("earlier plan", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as info:
        run(sample_units_chain, out, UNIT_IDS="DY02,DY03")
    message = str(info.value)
    assert str(earlier) in message and "OVERWRITE" in message, message
    assert files_in(out) == ["DY03_实施方案.html"]  # DY02 not written either
    assert earlier.read_text(encoding="utf-8") == "earlier plan"
    run(sample_units_chain, out, UNIT_IDS="DY02,DY03", OVERWRITE=True)
    assert files_in(out) == ["DY02_实施方案.html", "DY03_实施方案.html"]
    assert "earlier plan" not in earlier.read_text(encoding="utf-8")


def test_the_unit_maps_count_as_existing_files(tmp_path):
    planned = planned_files(tmp_path, ["DY01"], ["docx", "pdf"], maps=True)
    assert [str(p.relative_to(tmp_path)) for p in planned] == [
        "DY01_实施方案.docx", "DY01_实施方案.pdf", "maps/map_DY01.png", "实施方案图集.pdf",
    ]  # fmt: skip


def test_file_parts_rules():
    assert file_parts(["DY01", "DY02"]) == {"DY01": "DY01", "DY02": "DY02"}
    with pytest.raises(LowlandInputError, match="'a/b'.*'a_b'"):
        file_parts(["a/b", "a_b"])
    assert safe_file_part("CON") == "_CON" and document_file("nul", "pdf") == "_nul_实施方案.pdf"
    assert safe_file_part("x" * 300) == safe_file_part("x" * 300)  # stable
    assert safe_file_part("x" * 300) != safe_file_part("x" * 301)


# ------------------------------------------------------------------ templates through the algorithm

LOOP = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


def test_an_endless_template_is_stopped_with_file_and_line(sample_units_chain, tmp_path):
    from lowland_under_test.lowland_plugin.core.documents import sandbox

    template = tmp_path / "本局模板.html"
    template.write_text("<p>{{ unit.unit_id }}</p>\n" + LOOP, encoding="utf-8")
    out = tmp_path / "out"
    saved = sandbox.MAX_RENDER_SECONDS
    sandbox.MAX_RENDER_SECONDS = 1.0
    try:
        with pytest.raises(QgsProcessingException) as info:
            run(sample_units_chain, out, TEMPLATE_HTML=str(template))
    finally:
        sandbox.MAX_RENDER_SECONDS = saved
    message = str(info.value)
    assert str(template) in message and "第 2 行" in message and "1 秒" in message, message
    assert files_in(out) == []


def test_cancel_while_a_template_renders(sample_units_chain, tmp_path):
    import threading

    from qgis.core import QgsProcessingFeedback

    import processing

    template = tmp_path / "本局模板.html"
    template.write_text(LOOP, encoding="utf-8")
    out = tmp_path / "out"
    feedback = QgsProcessingFeedback()
    timer = threading.Timer(1.0, feedback.cancel)  # the user clicks 取消 a second in
    timer.start()
    params = {
        "UNITS": sample_units_chain["units"], "PROFILE": "yinchuan", "FORMATS": [1],
        "MAPS": False, "OUTPUT_FOLDER": str(out), "DOCUMENTS": None,
        "TEMPLATE_HTML": str(template),
    }  # fmt: skip
    with pytest.raises(QgsProcessingException, match="取消"):
        processing.run("lowland:generateplan", params, feedback=feedback)
    timer.cancel()
    assert files_in(out) == []


def test_the_docx_write_escape_writes_nothing(sample_units_chain, tmp_path):
    import docx

    target = tmp_path / "pwned.docx"
    document = docx.Document()
    document.add_paragraph("{{ unit.unit_id }}")
    document.add_paragraph("{{ unit_map_image.tpl.save('" + str(target) + "') }}")
    template = tmp_path / "本局.docx"
    document.save(template)
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException) as info:
        run(sample_units_chain, out, TEMPLATE_DOCX=str(template), FORMATS=[0], MAPS=True,
            PARCELS=sample_units_chain["parcels"], UNIT_IDS="DY01")  # fmt: skip
    assert str(template) in str(info.value)
    assert not target.exists() and files_in(out) == []
