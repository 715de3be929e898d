"""CRS checks: geographic CRS refused with the right CGCS2000 zone named."""

from __future__ import annotations

import math

import pytest
from pyproj import CRS, Transformer

from lowland_under_test.lowland_plugin.core.common.crs import (
    area_scale,
    cgcs2000_gk3_epsg,
    is_undefined,
    require_ground_metres,
    require_projected_metres,
    require_within_area_of_use,
)
from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError


@pytest.mark.parametrize(
    ("lon", "epsg"), [(75.0, 4534), (106.23, 4544), (104.6, 4544), (103.4, 4543), (135, 4554)]
)
def test_gk3_zone_by_longitude(lon, epsg):
    assert cgcs2000_gk3_epsg(lon) == epsg


def test_outside_china_has_no_zone():
    assert cgcs2000_gk3_epsg(10.0) is None


def test_geographic_crs_refused_naming_the_zone():
    with pytest.raises(LowlandInputError, match="EPSG:4544"):
        require_projected_metres("EPSG:4490", "宗地", longitude=106.2)


def test_missing_crs_refused():
    with pytest.raises(LowlandInputError, match="CRS"):
        require_projected_metres(None, "宗地")


def test_projected_metres_accepted():
    require_projected_metres("EPSG:4544", "宗地")


# ------------------------------------------------- issue 21 item 11: ground metres, zones

YINCHUAN = (106.2264, 38.4891)  # the sample district's centre (lon, lat)
#: The sample's extent in EPSG:4544 (CM 105E), and the same ground in EPSG:4545 (CM 108E).
EXTENT_4544 = (606425.0, 4261875.0, 608170.0, 4263385.0)
EXTENT_4545 = (344660.0, 4262615.0, 346415.0, 4263380.0)


def test_web_mercator_area_factor_is_one_over_cos_squared():
    lon, lat = YINCHUAN
    # 1 / cos²(38.4891°) = 1 / 0.78303² … = 1.6322 (Mercator stretches x and y by 1/cos)
    expected = 1 / math.cos(math.radians(lat)) ** 2
    assert area_scale(CRS.from_epsg(3857), lon, lat) == pytest.approx(expected, rel=1e-6)
    assert expected == pytest.approx(1.6322, abs=1e-4)
    # Gauss-Kruger CM 105E, 1.23° off the meridian: 1 + (Δλ·cos φ)² ≈ 1 + 0.0168² = 1.00028
    assert area_scale(CRS.from_epsg(4544), lon, lat) == pytest.approx(1.00028, abs=2e-5)


def test_web_mercator_refused_with_the_factor_and_the_zone():
    x, y = Transformer.from_crs(4544, 3857, always_xy=True).transform(607297.5, 4262630.0)
    bounds = (x - 900, y - 800, x + 900, y + 800)
    with pytest.raises(LowlandInputError, match=r"×1\.63") as err:
        require_ground_metres("EPSG:3857", bounds, "宗地")
    assert "EPSG:3857" in str(err.value) and "EPSG:4544" in str(err.value)


def test_gauss_kruger_is_ground_metres():
    require_ground_metres("EPSG:4544", EXTENT_4544, "宗地")


def test_coordinates_of_another_zone_refused_naming_crs_and_extent():
    with pytest.raises(LowlandInputError, match="EPSG:4544") as err:
        require_within_area_of_use("EPSG:4544", EXTENT_4545, "宗地")
    assert "344660, 4262615, 346415, 4263380" in str(err.value)
    require_within_area_of_use("EPSG:4544", EXTENT_4544, "宗地")


def test_zone_prefix_in_a_crs_without_it_refused():
    prefixed = (35606425.0, 4261875.0, 35608170.0, 4263385.0)
    with pytest.raises(LowlandInputError, match="EPSG:4544"):
        require_within_area_of_use("EPSG:4544", prefixed, "宗地")
    require_within_area_of_use("EPSG:4523", prefixed, "宗地")  # zone 35 with its prefix


def test_metres_declared_as_degrees_refused():
    with pytest.raises(LowlandInputError, match="EPSG:4490"):
        require_within_area_of_use("EPSG:4490", EXTENT_4544, "宗地")


def test_undefined_crs_is_called_no_crs_not_geographic():
    undefined = CRS.from_wkt(
        'ENGCRS["Undefined Cartesian SRS",EDATUM["Unknown engineering datum"],'
        'CS[Cartesian,2],AXIS["(E)",east,LENGTHUNIT["metre",1]],'
        'AXIS["(N)",north,LENGTHUNIT["metre",1]]]'
    )
    assert is_undefined(undefined)
    with pytest.raises(LowlandInputError, match="没有坐标参照系") as err:
        require_projected_metres(undefined, "宗地")
    assert "地理坐标系" not in str(err.value)
