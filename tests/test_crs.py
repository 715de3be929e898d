"""CRS checks: geographic CRS refused with the right CGCS2000 zone named."""

from __future__ import annotations

import pytest

from lowland_under_test.lowland_plugin.core.common.crs import (
    cgcs2000_gk3_epsg,
    require_projected_metres,
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
