"""GBK text read with the wrong code page (issue 11): recognised and refused with the fix."""

from __future__ import annotations

import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.common.text_encoding import (
    garbled_text,
    is_mojibake,
    require_decoded_text,
)

OWNER = "银川市兴庆区测试单位"
AS_UTF8 = OWNER.encode("gbk").decode("utf-8", errors="replace")  # QGIS default: U+FFFD
AS_LATIN1 = OWNER.encode("gbk").decode("latin-1")  # a Latin-1 system encoding


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        (AS_LATIN1, True),
        ("支路".encode("gbk").decode("latin-1"), True),
        (OWNER, False),
        ("Müller", False),  # one accented letter: not two GBK bytes
        ("Café", False),
        ("R001", False),
    ],
)
def test_mojibake(text, garbled):
    assert is_mojibake(text) is garbled


def test_garbled_columns_and_rows():
    frame = pd.DataFrame(
        {
            "parcel_id": ["P1", "P2", "P3"],
            "owner": [OWNER, AS_UTF8, None],
            "name": ["ok", "ok", AS_LATIN1],
            "area": [1.0, 2.0, 3.0],
        }
    )
    found = garbled_text(frame)
    assert list(found) == ["owner", "name"]
    assert list(found["owner"].index) == [1] and list(found["name"].index) == [2]


def test_refusal_names_fields_feature_and_fix():
    frame = pd.DataFrame({"parcel_id": ["P1", "P2"], "owner": [OWNER, AS_UTF8]})
    require_decoded_text(frame.iloc[:1], "宗地图层", "parcel_id")  # intact text passes
    with pytest.raises(LowlandInputError) as err:
        require_decoded_text(frame, "宗地图层", "parcel_id")
    message = str(err.value)
    for needle in ("宗地图层", "owner", "P2", "1 个要素", "GBK", "数据源编码", ".cpg", " / "):
        assert needle in message, needle


def test_gbk_shapefile_without_cpg_is_refused_until_its_encoding_is_set(lowland_provider, tmp_path):
    """A GBK shapefile with no .cpg and no code page byte: refused with the fix; once the
    layer's data source encoding is set to GBK (as in 图层属性 → 源) it runs and the
    Chinese text arrives intact."""
    import sys
    from pathlib import Path

    from qgis.core import QgsProcessingException, QgsVectorLayer

    import processing

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from badinput import SPECS, Rows, _chinese, _finish, sample_layer

    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    rows = Rows.of(sample_layer("district:parcels"), 5)
    _chinese(SPECS["legacyland"], rows)
    path = _finish(SPECS["legacyland"], "PARCELS", rows, tmp_path, "shp-gbk-nocpg", None).params[
        "PARCELS"
    ]
    assert not Path(path).with_suffix(".cpg").exists()
    layer = QgsVectorLayer(path, "parcels", "ogr")
    out = str(tmp_path / "legacy.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("lowland:legacyland", {"PARCELS": layer, "OUTPUT": out})
    assert "数据源编码" in str(err.value) and "GBK" in str(err.value)
    assert not Path(out).exists()
    layer.setProviderEncoding("GBK")
    # the shapefile cut lawful_approval to lawful_app: mapped back (legacyland needs it)
    fields = "lawful_approval=lawful_app"
    processing.run("lowland:legacyland", {"PARCELS": layer, "OUTPUT": out, "FIELD_MAP": fields})
    assert set(read_ogr_layer(out)["owner"]) == {OWNER}
