"""The review print layout (resources/layouts/review_a3.qpt) and its exports: one PDF page
per unit sorted by unit_id, one PNG per unit, Chinese text in the PDF, cancel leaves no
file, the inputs untouched.

Units: three hand-made rectangles over the sample district (inserted out of order), with
the fields of lowland:buildunits the key table reads; parcels: the sample district's
identification result.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

X0, Y0, X1, Y1 = 606400.0, 4261850.0, 608200.0, 4263385.0  # sample boundary extent
XM, YM = (X0 + X1) / 2, (Y0 + Y1) / 2
#: unit_id, unit_name, phase, rectangle — DY02 first: the atlas must sort by unit_id.
UNITS = (
    ("DY02", "北部单元", "near", (X0, YM, X1, Y1)),
    ("DY01", "西南单元", "mid", (X0, Y0, XM, YM)),
    ("DY03", "东南单元", None, (XM, Y0, X1, YM)),
)
UNIT_FIELDS = (
    "field=unit_id:string&field=unit_name:string&field=phase:string&field=area_m2:double"
    "&field=area_mu:double&field=lowland_area_m2:double&field=lowland_share:double"
    "&field=lowland_count:integer"
)


def units_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4544&{UNIT_FIELDS}", "units", "memory")
    features = []
    for unit_id, name, phase, (x0, y0, x1, y1) in UNITS:
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1))
        area = geometry.area()
        feature.setGeometry(geometry)
        feature.setAttributes([unit_id, name, phase, area, area / 10000 * 15, area / 4, 0.25, 7])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


@pytest.fixture(scope="module")
def identified(tmp_path_factory, lowland_provider, sample_gpkg) -> str:
    import processing

    out = tmp_path_factory.mktemp("layouts") / "identified.gpkg"
    params = {
        "PARCELS": f"{sample_gpkg}|layername=parcels",
        "BUILDINGS": f"{sample_gpkg}|layername=buildings",
        "LANDSURVEY": f"{sample_gpkg}|layername=landsurvey",
        "REFERENCE_DATE": "2025-06-30",
        "OUTPUT": str(out),
    }
    return processing.run("lowland:identifyparcels", params)["OUTPUT"]


@pytest.fixture
def layers(identified, sample_gpkg):
    parcels = QgsVectorLayer(identified, "认定结果", "ogr")
    roads = QgsVectorLayer(f"{sample_gpkg}|layername=roads", "roads", "ogr")
    assert parcels.isValid() and roads.isValid()
    return [parcels, roads]


def norm(text: str) -> str:
    """The page text as a search finds it, with full-width ：（ folded to :( (NFKC); CJK
    radicals (Noto Sans CJK made Qt's PDF writer map 用 to ⽤ U+2F64) must not occur."""
    assert not any("\u2e80" <= ch <= "\u2fdf" for ch in text), "radicals in the PDF text"
    return unicodedata.normalize("NFKC", text)


def page_texts(pdf: Path) -> list[str]:
    """Text of each page, normalised by :func:`norm`."""
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    texts = []
    for page in range(1, pages + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        texts.append(norm(out))
    return texts


def test_template_has_the_review_items(qgis_app):
    from lowland_under_test.lowland_plugin.bridge.layouts import TEMPLATE, load_review_layout

    project = QgsProject()
    layout = load_review_layout(project, TEMPLATE)
    page = layout.pageCollection().page(0)
    size = page.pageSize()
    assert layout.pageCollection().pageCount() == 1
    assert (round(size.width()), round(size.height())) == (420, 297)  # A3 landscape
    assert size.units() == QgsUnitTypes.LayoutMillimeters
    title = layout.itemById("title")
    assert isinstance(title, QgsLayoutItemLabel)
    assert title.text() == '低效用地再开发单元 [% "unit_id" %] 实施方案图'
    assert title.font().family() == "WenQuanYi Zen Hei"
    main = layout.itemById("main_map")
    assert isinstance(main, QgsLayoutItemMap) and main.atlasDriven()
    assert main.atlasScalingMode() == QgsLayoutItemMap.Auto and main.atlasMargin() == 0.10
    scalebar = layout.itemById("scalebar")
    assert isinstance(scalebar, QgsLayoutItemScaleBar)
    assert scalebar.units() == QgsUnitTypes.DistanceMeters and scalebar.unitLabel() == "米"
    north = layout.itemById("north_arrow")
    assert isinstance(north, QgsLayoutItemPicture)
    assert north.picturePath().endswith("arrows/NorthArrow_02.svg")
    assert Path(north.picturePath()).is_file()  # resolved to QGIS's bundled SVG
    source = layout.itemById("source").text()
    assert (
        "数据来源：" in source and "制图日期：[% format_date(now(),'yyyy年MM月dd日') %]" in source
    )
    for item_id in ("subtitle", "legend", "locator_map", "key_table", "scale_text"):
        assert layout.itemById(item_id) is not None, item_id


def test_atlas_pdf_has_a_page_per_unit_sorted_with_chinese_text(tmp_path, layers):
    from lowland_under_test.lowland_plugin.bridge.layouts import export_atlas_pdf

    units = units_layer()
    blocks = QgsVectorLayer(
        "Polygon?crs=EPSG:4544&field=block_id:string&field=unit_id:string", "b", "memory"
    )
    block = QgsFeature(blocks.fields())
    block.setGeometry(QgsGeometry.fromRect(QgsRectangle(X0 + 100, Y0 + 100, XM - 100, YM - 500)))
    block.setAttributes(["JF001", "DY01"])
    assert blocks.dataProvider().addFeatures([block])
    layers = [*layers, blocks]
    feedback = QgsProcessingFeedback()
    progress: list[float] = []
    feedback.progressChanged.connect(progress.append)
    pdf = tmp_path / "atlas" / "评审图集.pdf"
    assert export_atlas_pdf(units, layers, pdf, feedback) == str(pdf)
    texts = page_texts(pdf)
    assert len(texts) == 3
    names = ("西南单元", "北部单元", "东南单元")  # DY01, DY02, DY03
    for number, (text, name) in enumerate(zip(texts, names, strict=True), start=1):
        # unit ids are searchable (fonts unshaped: with shaping "DY01" reads "DY")
        assert f"低效用地再开发单元 DY0{number} 实施方案图" in text
        assert "EPSG:4544" in text
        assert name in text and all(other not in text for other in names if other != name)
        assert "图例" in text and "再开发单元" in text and "道路" in text
        assert "低效用地认定" in text and "非低效用地" in text  # parcels legend (zh style)
        assert ("街坊" in text) == (number == 1)  # the block shows on the DY01 map only
        assert "单元面积" in text and "实施时序" in text
        assert norm("数据来源：") in text and norm("制图日期：") in text
        assert f"第{number}/3页" in text.replace(" ", "")
        assert " 米" in text  # scale bar unit
    # key table on hand-checked numbers: DY01 is 900 m x 767.5 m = 690 750 m² = 69.08 ha,
    # 1 036.13 亩; 低效 a quarter: 17.27 ha, 25.0 %
    assert norm("69.08 公顷（1,036.13 亩）") in texts[0]
    assert "17.27 公顷" in texts[0] and "25.0 %" in texts[0] and "中期" in texts[0]
    assert "138.15 公顷" in texts[1] and "近期" in texts[1]
    assert "未定" in texts[2]  # phase NULL
    assert progress and progress[-1] == 100.0
    assert [p.name for p in pdf.parent.iterdir()] == [pdf.name]  # no temporary file left


def test_unit_maps_one_png_per_unit(tmp_path, layers):
    from lowland_under_test.lowland_plugin.bridge.layouts import PNG_DPI, export_unit_maps

    units = units_layer()
    renderer = units.renderer().dump()
    maps = export_unit_maps(units, layers, tmp_path / "maps")
    assert list(maps) == ["DY01", "DY02", "DY03"]
    for unit_id, path in maps.items():
        assert Path(path).name == f"map_{unit_id}.png"
        image = QImage(path)
        # A3 landscape at 150 dpi: 420 mm / 25.4 * 150 = 2480 px, 297 mm → 1753 px
        assert PNG_DPI == 150 and (image.width(), image.height()) == (2480, 1753)
        # the current unit's outline (#d00000) is drawn
        reds = sum(
            1
            for x in range(0, image.width(), 4)
            for y in range(0, image.height(), 4)
            if QColor(image.pixel(x, y)).name() == "#d00000"
        )
        assert reds > 100, unit_id
    assert sorted(p.name for p in (tmp_path / "maps").iterdir()) == [
        "map_DY01.png",
        "map_DY02.png",
        "map_DY03.png",
    ]
    # the inputs are not changed (the export styles clones)
    assert units.renderer().dump() == renderer and not units.labelsEnabled()
    assert all(layer.isValid() and layer.renderer() is not None for layer in layers)

    only = export_unit_maps(units, layers, tmp_path / "one", unit_ids=["DY03"])
    assert list(only) == ["DY03"]


def test_units_without_unit_id_are_refused(tmp_path, layers):
    from lowland_under_test.lowland_plugin.bridge.layouts import export_atlas_pdf

    bare = QgsVectorLayer("Polygon?crs=EPSG:4544&field=name:string", "单元草图", "memory")
    with pytest.raises(QgsProcessingException, match="unit_id"):
        export_atlas_pdf(bare, layers, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_no_matching_unit_is_an_error(tmp_path, layers):
    from lowland_under_test.lowland_plugin.bridge.layouts import export_atlas_pdf, export_unit_maps

    with pytest.raises(QgsProcessingException, match="没有可出图的再开发单元"):
        export_atlas_pdf(units_layer(), layers, tmp_path / "x.pdf", unit_ids=["DY99"])
    with pytest.raises(QgsProcessingException, match="没有可出图的再开发单元"):
        export_unit_maps(units_layer(), layers, tmp_path / "maps", unit_ids=[])
    assert not (tmp_path / "x.pdf").exists()
    assert not list((tmp_path / "maps").iterdir())


class CancelAfter:
    """Duck-typed feedback (as processing/base.py's ScaledFeedback) cancelling after n
    progress reports."""

    def __init__(self, n: int) -> None:
        self.n, self.reports = n, []

    def setProgress(self, value: float) -> None:  # noqa: N802 (QGIS API)
        self.reports.append(value)

    def isCanceled(self) -> bool:  # noqa: N802 (QGIS API)
        return len(self.reports) >= self.n


def test_cancel_leaves_no_file(tmp_path, layers):
    from lowland_under_test.lowland_plugin.bridge.layouts import export_atlas_pdf, export_unit_maps

    pdf = tmp_path / "atlas.pdf"
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="已取消"):
        export_atlas_pdf(units_layer(), layers, pdf, feedback)
    assert not list(tmp_path.iterdir())
    with pytest.raises(QgsProcessingException, match="已取消"):
        export_atlas_pdf(units_layer(), layers, pdf, CancelAfter(1))
    assert not list(tmp_path.iterdir())
    with pytest.raises(QgsProcessingException, match="已取消"):
        export_unit_maps(units_layer(), layers, tmp_path / "maps", CancelAfter(2))
    assert not list((tmp_path / "maps").iterdir())  # the two maps written are removed


# ----------------------------------------------------------------------------- buildunits


def test_atlas_of_the_sample_units_from_buildunits(sample_units_chain, sample_gpkg, tmp_path):
    from lowland_under_test.lowland_plugin.bridge.layouts import export_atlas_pdf

    units = QgsVectorLayer(sample_units_chain["units"], "units", "ogr")
    parcels = QgsVectorLayer(sample_units_chain["parcels"], "parcels", "ogr")
    blocks = QgsVectorLayer(sample_units_chain["unit_blocks"], "blocks", "ogr")
    roads = QgsVectorLayer(f"{sample_gpkg}|layername=roads", "roads", "ogr")
    assert all(layer.isValid() for layer in (units, parcels, blocks, roads))
    pdf = tmp_path / "sample_atlas.pdf"
    export_atlas_pdf(units, [parcels, blocks, roads], pdf)
    texts = page_texts(pdf)
    assert len(texts) == units.featureCount() == 4
    names = (
        "西南工业片区改造单元",
        "东南物流与设施更新单元",
        "中部商住更新单元",
        "西北老旧住区更新单元",
    )
    phases = ("近期", "中期", "未定", "远期")
    for number, (text, name, phase) in enumerate(zip(texts, names, phases, strict=True), 1):
        assert f"低效用地再开发单元 DY0{number} 实施方案图" in text and name in text
        assert f"实施时序\n\n{phase}" in text
        assert "街坊" in text and "低效用地认定" in text
        # the bundled 低效 style, not the style buildunits stored in its GeoPackage
        assert "非低效用地" in text
    # DY01 = LT01 + LT02, 230 496 m² (tests/test_build_units_processing.py):
    # 23.05 公顷, 230 496 × 15 / 10 000 = 345.744 亩
    assert norm("23.05 公顷（345.74 亩）") in texts[0]
    dy01 = next(units.getFeatures("\"unit_id\" = 'DY01'"))
    share = f"{dy01['lowland_share'] * 100:.1f} %"
    assert f"低效用地占比\n\n{share}" in texts[0]
    # (pdftotext may drop the space before 宗)
    assert re.search(rf"低效用地宗数\s+{dy01['lowland_count']}\s*宗", texts[0])
    assert dy01["lowland_count"] > 0 and dy01["lowland_share"] > 0
