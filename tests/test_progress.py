"""Progress statistics for the half-yearly report (N 三(二)): hand-counted."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.database.progress import (
    checked_areas,
    progress_statistics,
)


def table():
    return pd.DataFrame(
        {
            "parcel_id": ["A", "B", "C", "D", "E"],
            "verdict": ["lowland", "lowland", "lowland", "not_lowland", "not_lowland"],
            "lowland_type": ["industrial", "industrial", "village", None, None],
            # B rejected in review, E overridden to village
            "final_verdict": ["lowland", "not_lowland", "lowland", None, "lowland"],
            "final_type": ["industrial", None, "village", None, "village"],
            "admin_code": ["640106", "640106", "640104", "640106", "640104"],
            "redevelopment_status": ["completed", None, None, None, "under_way"],
            "area_m2": [6666.67, 1000.0, 3333.33, 500.0, 10000.0],
        }
    )


def row(out, dimension, key, status):
    hit = out[(out.dimension == dimension) & (out.key == key) & (out.status == status)]
    assert len(hit) == 1, (dimension, key, status)
    return hit.iloc[0]


def test_counts_and_areas_by_type_district_and_status():
    out = progress_statistics(table())
    # lowland after review: A (industrial, completed), C (village, identified), E (village, under way)
    total = row(out, "total", "all", "all")
    assert total.parcel_count == 3
    assert total.area_mu == pytest.approx((6666.67 + 3333.33 + 10000.0) * 15 / 10000)
    assert total.area_ha == pytest.approx(2.0)
    assert row(out, "type", "industrial", "completed").parcel_count == 1
    assert row(out, "type", "village", "identified").area_mu == pytest.approx(3333.33 * 15 / 10000)
    assert row(out, "district", "640104", "under_way").area_ha == pytest.approx(1.0)
    assert row(out, "total", "all", "identified").parcel_count == 1
    assert "unit" not in set(out.dimension)  # no unit_id field: no unit rows


def test_unknown_status_is_refused():
    bad = table()
    bad.loc[0, "redevelopment_status"] = "half-done"
    with pytest.raises(LowlandInputError, match="half-done"):
        progress_statistics(bad)


# ------------------------------------------------ issue 21 item 13: areas, verdict codes


@pytest.mark.parametrize("column", ["verdict", "final_verdict"])
def test_unknown_verdict_codes_are_refused_naming_the_parcel(column):
    bad = table()
    bad.loc[2, column] = "9999"
    with pytest.raises(LowlandInputError, match="C=9999"):
        progress_statistics(bad)


def test_an_empty_computed_verdict_is_refused():
    bad = table()
    bad.loc[3, "verdict"] = None
    with pytest.raises(LowlandInputError, match="D=None"):
        progress_statistics(bad)


@pytest.mark.parametrize("value", [-500.0, float("inf")])
def test_negative_or_infinite_area_is_refused(value):
    bad = table()
    bad.loc[0, "area_m2"] = value
    with pytest.raises(LowlandInputError, match="A="):
        progress_statistics(bad)


def test_empty_area_is_recomputed_from_the_geometry_and_named():
    t = table()
    t.loc[[0, 2], "area_m2"] = None
    geometry_area = np.array([7000.0, 1000.0, 3000.0, 500.0, 10000.0])
    area, warnings = checked_areas(t, geometry_area)
    assert area.tolist() == [7000.0, 1000.0, 3000.0, 500.0, 10000.0]
    assert len(warnings) == 1 and "A, C" in warnings[0]
    out = progress_statistics(t.assign(area_m2=area.to_numpy()))
    # lowland: A 7000 + C 3000 + E 10000 = 20000 m² = 2 ha
    assert row(out, "total", "all", "all").area_ha == pytest.approx(2.0)


def test_empty_area_without_geometry_is_refused():
    t = table()
    t.loc[1, "area_m2"] = None
    with pytest.raises(LowlandInputError, match="B"):
        checked_areas(t, np.array([1.0, np.nan, 1.0, 1.0, 1.0]))


def test_progress_statistics_on_the_identified_sample(lowland_provider, sample_gpkg):
    import processing

    identified = processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{sample_gpkg}|layername=parcels",
            "BUILDINGS": f"{sample_gpkg}|layername=buildings",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    lowland = [f for f in identified.getFeatures() if f["verdict"] == "lowland"]
    stats = processing.run(
        "lowland:progressstats",
        {"PARCELS": identified, "PERIOD": "2025年上半年", "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    rows = list(stats.getFeatures())
    total = [r for r in rows if r["dimension"] == "total" and r["status"] == "all"][0]
    assert total["parcel_count"] == len(lowland)
    assert total["area_mu"] == pytest.approx(sum(f["area_mu"] for f in lowland), abs=1e-3)
    by_type = [r for r in rows if r["dimension"] == "type"]
    assert sum(r["parcel_count"] for r in by_type) == len(lowland)
    assert {r["period"] for r in rows} == {"2025年上半年"}
