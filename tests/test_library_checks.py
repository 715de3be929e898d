"""Where a library does it better, it checks ours: the calendar helpers against
dateutil.relativedelta over every day of 2000–2040, and the GeoPackage bulk writer's
output against GDAL's own GeoPackage validator (validate_gpkg.py from GDAL's Python
samples, installed with python3-gdal as osgeo_utils.samples.validate_gpkg)."""

from __future__ import annotations

import datetime as dt
import importlib.util

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from dateutil.relativedelta import relativedelta

from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer, write_ogr_layer
from lowland_under_test.lowland_plugin.core.common import calendar

#: Month and year steps a policy uses (instalments, 2/3/5-year deadlines) and a few more,
#: backwards too.
MONTHS = (1, 2, 3, 6, 11, 12, 13, 18, 24, 25, 36, 60, 120, -1, -12, -13)
YEARS = (1, 2, 3, 4, 5, 10, -1, -4)


def test_calendar_helpers_agree_with_relativedelta_on_every_day_2000_2040():
    day = dt.date(2000, 1, 1)
    checked = 0
    while day <= dt.date(2040, 12, 31):
        for months in MONTHS:
            assert calendar.add_months(day, months) == day + relativedelta(months=months), (
                day,
                months,
            )
        for years in YEARS:
            assert calendar.add_years(day, years) == day + relativedelta(years=years), (day, years)
        checked += 1
        day += dt.timedelta(days=1)
    # 41 years, 11 of them leap years (2000, 2004, …, 2040): 41 * 365 + 11 = 14976 days
    assert checked == 14976


VALIDATOR = importlib.util.find_spec("osgeo_utils.samples.validate_gpkg")


@pytest.mark.skipif(VALIDATOR is None, reason="GDAL's validate_gpkg.py is not installed")
def test_bulk_written_geopackage_passes_gdals_validator(tmp_path):
    from osgeo_utils.samples import validate_gpkg

    path = str(tmp_path / "out.gpkg")
    polygons = gpd.GeoDataFrame(
        {
            "parcel_id": ["P1", "P2", None],
            "area": [1200.5, np.nan, 30.25],
            "floors": pd.array([3, None, 12], dtype="Int64"),
            "idle": pd.array([True, None, False], dtype="boolean"),
            "approved": [dt.date(2020, 1, 31), None, dt.date(2024, 2, 29)],
        },
        geometry=[
            shapely.box(0, 0, 10, 10),
            shapely.MultiPolygon([shapely.box(20, 0, 30, 10), shapely.box(40, 0, 50, 10)]),
            None,
        ],
        crs="EPSG:4544",
    )
    write_ogr_layer(polygons, path, "parcels", aliases={"parcel_id": "宗地编号"})
    table = pd.DataFrame({"unit_id": ["U1", "U2"], "total": [1.5, 2.5]})
    write_ogr_layer(
        gpd.GeoDataFrame(table, geometry=[None, None], crs="EPSG:4544"), path, "summary"
    )
    write_ogr_layer(polygons.iloc[:0], path, "template", geometry_type="MultiPolygon")
    assert read_ogr_layer(path, "parcels")["parcel_id"].tolist()[:2] == ["P1", "P2"]
    errors = validate_gpkg.check(
        path,
        abort_at_first_error=False,
        extra_checks=True,
        warning_as_error=True,
        log_msg=False,
        warning_msg=False,
    )
    assert errors == []
    # the validator is live: a broken header (a geometry column whose SRS is not
    # declared in gpkg_spatial_ref_sys) is reported
    import sqlite3

    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = 99999 WHERE table_name = 'parcels'")
    broken = validate_gpkg.check(path, abort_at_first_error=False, log_msg=False, warning_msg=False)
    assert broken
