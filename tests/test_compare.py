"""年度更新对比 (``lowland:compareversions``): the core on small hand-made versions, and the
algorithm on a hand-edited copy of the sample district."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely import affinity

from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError
from lowland_under_test.lowland_plugin.core.database.compare import (
    CHANGE_KINDS,
    compare_versions,
    equal_values,
    id_keys,
    values_equal,
)

CRS = "EPSG:4544"
X0, Y0 = 607_000.0, 4_262_000.0


def box(i: int, size: float = 100.0, dx: float = 0.0) -> shapely.Polygon:
    x = X0 + i * 200 + dx
    return shapely.box(x, Y0, x + size, Y0 + size)


def version(rows: list[dict]) -> gpd.GeoDataFrame:
    """A version from rows of attributes with a ``geometry`` key."""
    geoms = [r["geometry"] for r in rows]
    attrs = pd.DataFrame([{k: v for k, v in r.items() if k != "geometry"} for r in rows])
    return gpd.GeoDataFrame(attrs, geometry=geoms, crs=CRS)


def by_new(result) -> dict:
    t = result.table
    return {
        (row.old_id, row.new_id): row for row in t.drop(columns="geometry").itertuples(index=False)
    }


def counts(result) -> dict[str, int]:
    s = result.summary.set_index("change")["parcel_count"]
    return {k: int(v) for k, v in s.items() if v and k != "total"}


# ----------------------------------------------------------------- each kind


def test_each_change_kind_with_ids():
    old = version(
        [
            {"parcel_id": "A", "owner": "甲", "tax_per_mu": 10.0, "geometry": box(0)},
            {"parcel_id": "B", "owner": "乙", "tax_per_mu": 20.0, "geometry": box(1)},
            {"parcel_id": "C", "owner": "丙", "tax_per_mu": 30.0, "geometry": box(2)},
            {"parcel_id": "D", "owner": "丁", "tax_per_mu": 40.0, "geometry": box(3)},
            {"parcel_id": "E", "owner": "戊", "tax_per_mu": 50.0, "geometry": box(4)},
        ]
    )
    new = version(
        [
            {"parcel_id": "A", "owner": "甲", "tax_per_mu": 10.0, "geometry": box(0)},
            {"parcel_id": "B", "owner": "乙", "tax_per_mu": 20.0, "geometry": box(1, 90)},
            {"parcel_id": "C", "owner": "丙2", "tax_per_mu": 31.5, "geometry": box(2)},
            {"parcel_id": "D", "owner": "丁2", "tax_per_mu": 40.0, "geometry": box(3, 80)},
            {"parcel_id": "F", "owner": "己", "tax_per_mu": 60.0, "geometry": box(9, 50)},
        ]
    )
    result = compare_versions(old, new)
    rows = by_new(result)
    assert rows[("A", "A")].change == "unchanged"
    b = rows[("B", "B")]
    assert b.change == "geometry_changed"
    assert b.area_old_m2 == 10_000 and b.area_new_m2 == 8_100 and b.area_change_m2 == -1_900
    assert b.symdiff_area_m2 == pytest.approx(1_900)
    assert json.loads(b.changed_fields) == []
    c = rows[("C", "C")]
    assert c.change == "attributes_changed" and c.area_change_m2 == 0
    assert json.loads(c.changed_fields) == ["owner", "tax_per_mu"]
    assert json.loads(c.changes) == {"owner": ["丙", "丙2"], "tax_per_mu": [30.0, 31.5]}
    d = rows[("D", "D")]
    assert d.change == "geometry_and_attributes_changed"
    assert json.loads(d.changes) == {"owner": ["丁", "丁2"]}
    e = rows[("E", None)]
    assert e.change == "removed" and e.area_change_m2 == -10_000 and np.isnan(e.area_new_m2)
    assert e.changed_fields is None and e.owner == "戊"  # the old attributes, old geometry
    f = rows[(None, "F")]
    assert f.change == "added" and f.area_change_m2 == 2_500 and f.owner == "己"
    assert not any(r.renumbered for r in rows.values())
    # geometry: new one, old one for the removed parcel; rows in old order, added last
    t = result.table
    assert list(t["old_id"].fillna("-")) == ["A", "B", "C", "D", "E", "-"]
    assert t.geometry.iloc[1].equals(box(1, 90)) and t.geometry.iloc[4].equals(box(4))
    assert counts(result) == {
        "added": 1,
        "removed": 1,
        "geometry_and_attributes_changed": 1,
        "geometry_changed": 1,
        "attributes_changed": 1,
        "unchanged": 1,
    }
    total = result.summary.set_index("change").loc["total"]
    assert total.parcel_count == 6
    assert (
        total.area_old_m2 == 50_000 and total.area_new_m2 == 10_000 + 8_100 + 10_000 + 6_400 + 2_500
    )
    assert total.area_change_m2 == pytest.approx(total.area_new_m2 - total.area_old_m2)
    assert list(result.summary["change"]) == [*CHANGE_KINDS, "total"]


def test_float_noise_is_no_change_but_a_real_difference_is():
    old = version(
        [
            {"parcel_id": "A", "tax_per_mu": 0.1 + 0.2, "geometry": box(0)},
            {"parcel_id": "B", "tax_per_mu": 85.0, "geometry": box(1)},
            {"parcel_id": "C", "tax_per_mu": 1e6, "geometry": box(2)},
        ]
    )
    new = version(
        [
            {"parcel_id": "A", "tax_per_mu": 0.3, "geometry": box(0)},
            {"parcel_id": "B", "tax_per_mu": 85.0 * (1 + 1e-12), "geometry": box(1)},
            {"parcel_id": "C", "tax_per_mu": 1e6 + 0.01, "geometry": box(2)},
        ]
    )
    rows = by_new(compare_versions(old, new))
    assert rows[("A", "A")].change == "unchanged"
    assert rows[("B", "B")].change == "unchanged"
    assert rows[("C", "C")].change == "attributes_changed"  # 1e-8 relative: a real change


def test_nulls_equal_nulls_and_nothing_else():
    old = version(
        [
            {"parcel_id": "A", "owner": None, "tax_per_mu": np.nan, "geometry": box(0)},
            {"parcel_id": "B", "owner": None, "tax_per_mu": 5.0, "geometry": box(1)},
            {"parcel_id": "C", "owner": "丙", "tax_per_mu": np.nan, "geometry": box(2)},
        ]
    )
    new = version(
        [
            {"parcel_id": "A", "owner": None, "tax_per_mu": np.nan, "geometry": box(0)},
            {"parcel_id": "B", "owner": "乙", "tax_per_mu": np.nan, "geometry": box(1)},
            {"parcel_id": "C", "owner": "", "tax_per_mu": 0.0, "geometry": box(2)},
        ]
    )
    rows = by_new(compare_versions(old, new))
    assert rows[("A", "A")].change == "unchanged"
    assert json.loads(rows[("B", "B")].changes) == {
        "owner": [None, "乙"],
        "tax_per_mu": [5.0, None],
    }
    # an empty text is a value, not a null; 0 is not null either
    assert json.loads(rows[("C", "C")].changes) == {"owner": ["丙", ""], "tax_per_mu": [None, 0.0]}


def test_values_are_compared_with_type_sense():
    assert values_equal("2013-05-16", dt.date(2013, 5, 16))
    assert values_equal(dt.datetime(2013, 5, 16), dt.date(2013, 5, 16))
    assert values_equal(pd.Timestamp("2013-05-16"), "2013-05-16")
    assert not values_equal("2013-05-17", dt.date(2013, 5, 16))
    assert not values_equal("not a date", dt.date(2013, 5, 16))
    assert values_equal(85, 85.0) and values_equal(np.int64(3), 3.0)
    assert values_equal("39", 39) and values_equal(" 1.5 ", 1.5)
    assert not values_equal("0601", 601)  # a code that lost its leading zero changed
    assert values_equal(True, 1) and values_equal(np.bool_(False), 0) and not values_equal(True, 2)
    assert values_equal(None, np.nan) and values_equal(pd.NA, None) and not values_equal(None, 0)
    assert not values_equal("a", "a ")
    # the vectorised path agrees with the scalar rule
    old = pd.Series(["2013-05-16", "x", None, 3, "0601"], dtype=object)
    new = pd.Series([dt.date(2013, 5, 16), "x", None, "3", 601], dtype=object)
    assert list(equal_values(old, new)) == [True, True, True, True, False]
    ints = pd.Series([1, 2, None], dtype="Int64")
    floats = pd.Series([1.0, 2.0000001, np.nan])
    assert list(equal_values(ints, floats)) == [True, False, True]


def test_dates_in_one_version_as_text_in_the_other():
    old = version([{"parcel_id": "A", "contract_date": "2013-05-16", "geometry": box(0)}])
    new = version([{"parcel_id": "A", "contract_date": dt.date(2013, 5, 16), "geometry": box(0)}])
    assert compare_versions(old, new).table["change"].tolist() == ["unchanged"]
    new.loc[0, "contract_date"] = dt.date(2014, 1, 2)
    changes = json.loads(compare_versions(old, new).table["changes"][0])
    assert changes == {"contract_date": ["2013-05-16", "2014-01-02"]}
    # a removed parcel carries its old value: text there, dates here → one text field
    old = pd.concat(
        [old, version([{"parcel_id": "B", "contract_date": "2001-02-03", "geometry": box(1)}])]
    )
    table = compare_versions(old, new).table
    assert table["change"].tolist() == ["attributes_changed", "removed"]
    assert table["contract_date"].tolist() == ["2014-01-02", "2001-02-03"]


def test_ids_match_as_text():
    assert list(id_keys(pd.Series([7, None]))) == ["7", None]
    assert list(id_keys(pd.Series([7.0, np.nan]))) == ["7", None]
    assert list(id_keys(pd.Series([" P1 ", "", None]))) == ["P1", None, None]
    old = version([{"parcel_id": 7, "geometry": box(0)}])
    new = version([{"parcel_id": " 7", "geometry": box(0)}])
    table = compare_versions(old, new).table
    assert table["matched_by"].tolist() == ["id"] and table["change"].tolist() == ["unchanged"]


def test_ids_differing_only_by_white_space_are_named():
    # issue 21 item 14: "P1 " in the new version is P1 of the old one, said so in a warning
    old = version(
        [{"parcel_id": "P1", "geometry": box(0)}, {"parcel_id": "P2", "geometry": box(1)}]
    )
    new = version(
        [{"parcel_id": "P1 ", "geometry": box(0)}, {"parcel_id": "P2", "geometry": box(1)}]
    )
    result = compare_versions(old, new)
    assert result.table["new_id"].tolist() == ["P1", "P2"]
    assert result.table["change"].tolist() == ["unchanged", "unchanged"]
    named = [w for w in result.warnings if "空白" in w]
    assert len(named) == 1 and "'P1 '→P1" in named[0] and "P2" not in named[0]


# ---------------------------------------------------------------- bad input


def test_duplicate_ids_are_refused_naming_them():
    old = version(
        [
            {"parcel_id": "A", "geometry": box(0)},
            {"parcel_id": "B", "geometry": box(1)},
            {"parcel_id": "B", "geometry": box(2)},
        ]
    )
    new = version([{"parcel_id": "A", "geometry": box(0)}])
    with pytest.raises(LowlandInputError, match=r"old version.*B") as err:
        compare_versions(old, new)
    assert "A" not in str(err.value).split(":", 1)[1].split("/")[0]
    with pytest.raises(LowlandInputError, match=r"new version.*A"):
        compare_versions(new.iloc[:1], pd.concat([new, new]))
    # nulls are not duplicates: they fall back to the geometry
    nulls = version(
        [{"parcel_id": None, "geometry": box(0)}, {"parcel_id": None, "geometry": box(1)}]
    )
    assert compare_versions(nulls, nulls).table["change"].tolist() == ["unchanged"] * 2


def test_bad_parameters_and_missing_fields_are_refused():
    v = version([{"parcel_id": "A", "owner": "甲", "geometry": box(0)}])
    with pytest.raises(LowlandInputError, match="overlap share"):
        compare_versions(v, v, match_overlap=0)
    with pytest.raises(LowlandInputError, match="tolerance"):
        compare_versions(v, v, geometry_tolerance=-1)
    with pytest.raises(LowlandInputError, match="zdbh"):
        compare_versions(v, v, id_field="zdbh")
    with pytest.raises(LowlandInputError, match="tax_per_mu"):
        compare_versions(v, v, compare_fields=["owner", "tax_per_mu"])
    with pytest.raises(LowlandInputError, match="CRS"):
        compare_versions(v, v.to_crs("EPSG:4545"))
    broken = version(
        [{"parcel_id": "Z9", "geometry": shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])}]
    )
    with pytest.raises(LowlandInputError, match="Z9"):
        compare_versions(v, broken)


# ----------------------------------------------------- the geometric fallback


def test_renumbered_parcel_is_matched_by_geometry():
    old = version(
        [
            {"parcel_id": "A", "owner": "甲", "geometry": box(0)},
            {"parcel_id": "B", "owner": "乙", "geometry": box(1)},
            {"parcel_id": "C", "owner": "丙", "geometry": box(2)},
        ]
    )
    cut = shapely.difference(box(2), shapely.box(X0 + 400, Y0, X0 + 405, Y0 + 100))  # 5 % cut off
    new = version(
        [
            {"parcel_id": "A", "owner": "甲", "geometry": box(0)},
            {"parcel_id": "B-1", "owner": "乙", "geometry": box(1)},
            {"parcel_id": "C-1", "owner": "丙", "geometry": cut},
        ]
    )
    result = compare_versions(old, new)
    rows = by_new(result)
    b = rows[("B", "B-1")]
    assert (b.change, b.renumbered, b.matched_by) == ("renumbered", True, "geometry")
    c = rows[("C", "C-1")]
    assert (c.change, c.renumbered) == ("geometry_changed", True)
    assert c.area_change_m2 == pytest.approx(-500)
    summary = result.summary.set_index("change")
    assert summary.loc["renumbered", "parcel_count"] == 1
    assert summary.loc["geometry_changed", "renumbered_count"] == 1
    assert summary.loc["total", "renumbered_count"] == 2
    # the share is a parameter: 0.96 is more than the cut parcel keeps
    rows = by_new(compare_versions(old, new, match_overlap=0.96))
    assert rows[("C", None)].change == "removed" and rows[(None, "C-1")].change == "added"


def test_null_ids_fall_back_to_geometry():
    old = version(
        [
            {"parcel_id": None, "owner": "甲", "geometry": box(0)},
            {"parcel_id": None, "owner": "乙", "geometry": box(1)},
        ]
    )
    new = version(
        [
            {"parcel_id": "P2", "owner": "乙", "geometry": box(1)},
            {"parcel_id": None, "owner": "甲改", "geometry": box(0)},
        ]
    )
    rows = by_new(compare_versions(old, new))
    assert rows[(None, None)].change == "attributes_changed"
    assert not rows[(None, None)].renumbered  # no id before, none now
    assert (rows[(None, "P2")].change, rows[(None, "P2")].renumbered) == ("renumbered", True)


def test_a_split_parcel_is_not_force_matched():
    whole = box(0)
    left = shapely.box(X0, Y0, X0 + 50, Y0 + 100)
    right = shapely.box(X0 + 50, Y0, X0 + 100, Y0 + 100)
    old = version([{"parcel_id": "A", "geometry": whole}])
    new = version([{"parcel_id": "A1", "geometry": left}, {"parcel_id": "A2", "geometry": right}])
    result = compare_versions(old, new)
    assert counts(result) == {"removed": 1, "added": 2}
    assert result.summary.set_index("change").loc["total", "area_change_m2"] == pytest.approx(0)
    # one half keeps the id: reshaped by id, the other half is new
    new = version([{"parcel_id": "A", "geometry": left}, {"parcel_id": "A2", "geometry": right}])
    rows = by_new(compare_versions(old, new))
    assert rows[("A", "A")].change == "geometry_changed"
    assert rows[("A", "A")].area_change_m2 == pytest.approx(-5_000)
    assert rows[(None, "A2")].change == "added"


def test_geometric_matching_is_one_to_one_best_first():
    # two old features both cover 95 %+ of one new feature: the better one gets it
    old = version(
        [
            {"parcel_id": "X", "geometry": box(0, dx=4)},
            {"parcel_id": "Y", "geometry": box(0)},
        ]
    )
    new = version([{"parcel_id": "Z", "geometry": box(0)}])
    rows = by_new(compare_versions(old, new))
    assert rows[("Y", "Z")].change == "renumbered"
    assert rows[("X", None)].change == "removed"


def test_geometry_tolerance_absorbs_noise_and_vertex_order():
    ring = [(X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 100), (X0, Y0 + 100)]
    rotated = shapely.Polygon(ring[2:] + ring[:2])  # same polygon, other start vertex
    nudged = affinity.translate(box(1), 1e-5, 0)  # symmetric difference 0.002 m²
    multi = shapely.MultiPolygon([box(2)])
    old = version(
        [
            {"parcel_id": "A", "geometry": shapely.Polygon(ring)},
            {"parcel_id": "B", "geometry": box(1)},
            {"parcel_id": "C", "geometry": box(2)},
        ]
    )
    new = version(
        [
            {"parcel_id": "A", "geometry": rotated},
            {"parcel_id": "B", "geometry": nudged},
            {"parcel_id": "C", "geometry": multi},
        ]
    )
    assert compare_versions(old, new).table["change"].tolist() == ["unchanged"] * 3
    strict = compare_versions(old, new, geometry_tolerance=0.001).table
    assert strict["change"].tolist() == ["unchanged", "geometry_changed", "unchanged"]


# --------------------------------------------------------------------- fields


def test_volatile_fields_are_not_compared_unless_named():
    old = version(
        [{"parcel_id": "A", "fid": 1, "area_m2": 10_000.0, "owner": "甲", "geometry": box(0)}]
    )
    new = version(
        [{"parcel_id": "A", "fid": 9, "area_m2": 10_000.5, "owner": "甲", "geometry": box(0)}]
    )
    result = compare_versions(old, new)
    assert result.fields == ["owner"] and result.table["change"].tolist() == ["unchanged"]
    assert "fid" not in result.table.columns  # row numbers are not carried either
    named = compare_versions(old, new, compare_fields=["area_m2"])
    assert named.fields == ["area_m2"]
    assert json.loads(named.table["changes"][0]) == {"area_m2": [10_000.0, 10_000.5]}


def test_fields_in_one_version_only_are_reported_not_compared():
    old = version([{"parcel_id": "A", "owner": "甲", "note": "x", "geometry": box(0)}])
    new = version([{"parcel_id": "A", "owner": "甲", "verdict": "lowland", "geometry": box(0)}])
    result = compare_versions(old, new)
    assert result.fields == ["owner"]
    assert result.table["change"].tolist() == ["unchanged"]
    assert "note" in result.warnings[0] and "verdict" in result.warnings[0]
    assert result.table["verdict"].tolist() == ["lowland"]  # the new version's attributes


def test_empty_versions():
    v = version([{"parcel_id": "A", "geometry": box(0)}])
    empty = v.iloc[:0]
    assert compare_versions(empty, v).table["change"].tolist() == ["added"]
    assert compare_versions(v, empty).table["change"].tolist() == ["removed"]


# ---------------------------------------------------------- the sample, edited

REMOVED, RESHAPED, REATTRIBUTED, RENUMBERED, NOISE = "P0005", "P0010", "P0020", "P0030", "P0040"
ADDED = "P9001"


@pytest.fixture(scope="module")
def sample_parcels(sample_gpkg) -> gpd.GeoDataFrame:
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    return read_ogr_layer(str(sample_gpkg), "parcels")


@pytest.fixture
def edited_sample(sample_parcels, tmp_path) -> tuple[str, dict]:
    """A hand-edited copy of the sample's parcels: one added, one removed, one reshaped,
    one re-attributed, one renumbered; one float written with noise; rows shuffled."""
    from lowland_under_test.lowland_plugin.bridge.ogr_io import write_ogr_layer

    new = sample_parcels.copy().reset_index(drop=True)
    ids = new["parcel_id"]
    areas = dict(zip(ids, new.geometry.area, strict=True))
    new = new[ids != REMOVED].reset_index(drop=True)
    i = new.index[new["parcel_id"] == RESHAPED][0]
    new.loc[i, "geometry"] = affinity.scale(new.geometry[i], 0.9, 0.9, origin="centroid")
    i = new.index[new["parcel_id"] == REATTRIBUTED][0]
    old_owner, old_tax = new.loc[i, "owner"], new.loc[i, "tax_per_mu"]
    new.loc[i, "owner"] = "宁夏新权利人有限公司"
    new.loc[i, "tax_per_mu"] = old_tax + 12.5
    new.loc[new["parcel_id"] == RENUMBERED, "parcel_id"] = "P0030-2025"
    i = new.index[new["parcel_id"] == NOISE][0]
    new.loc[i, "tax_per_mu"] = new.loc[i, "tax_per_mu"] * (1 + 1e-12)
    minx, miny, maxx, _ = sample_parcels.total_bounds
    added = new.iloc[[0]].copy()
    added["parcel_id"] = ADDED
    added["owner"] = "新增宗地权利人"
    added["geometry"] = [shapely.box(maxx + 100, miny, maxx + 150, miny + 40)]  # 2000 m²
    new = pd.concat([new, added], ignore_index=True)
    new = new.sample(frac=1.0, random_state=7).reset_index(drop=True)  # other fids, order
    new = gpd.GeoDataFrame(new, geometry="geometry", crs=sample_parcels.crs)
    path = str(tmp_path / "parcels_2025.gpkg")
    write_ogr_layer(new, path, "parcels", overwrite_file=True)
    facts = {
        "removed_area": areas[REMOVED],
        "reshaped_area": areas[RESHAPED],
        "old_owner": old_owner,
        "old_tax": old_tax,
        "old_total": sum(areas.values()),
    }
    return path, facts


def test_compare_versions_on_the_edited_sample(
    lowland_provider, sample_gpkg, sample_parcels, edited_sample, tmp_path
):
    from qgis.core import QgsVectorLayer

    import processing
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    new_path, facts = edited_sample
    out_path = str(tmp_path / "compare.gpkg")
    result = processing.run(
        "lowland:compareversions",
        {
            "OLD": f"{sample_gpkg}|layername=parcels",
            "NEW": f"{new_path}|layername=parcels",
            "OUTPUT": out_path,
            "SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    out = read_ogr_layer(out_path, "compare")
    assert len(out) == len(sample_parcels) + 1
    changed = out[out["change"] != "unchanged"]
    got = {(r.change, r.old_id, r.new_id) for r in changed.itertuples()}
    assert got == {
        ("added", None, ADDED),
        ("removed", REMOVED, None),
        ("geometry_changed", RESHAPED, RESHAPED),
        ("attributes_changed", REATTRIBUTED, REATTRIBUTED),
        ("renumbered", RENUMBERED, "P0030-2025"),
    }
    unchanged = out[out["change"] == "unchanged"]
    assert len(unchanged) == len(sample_parcels) - 4
    assert (unchanged["old_id"] == unchanged["new_id"]).all()
    assert (unchanged["matched_by"] == "id").all() and not unchanged["renumbered"].any()
    assert (unchanged["area_change_m2"] == 0).all()  # rounded to 0.01 on output

    rows = {r.change: r for r in changed.itertuples()}
    assert rows["removed"].area_change_m2 == pytest.approx(-facts["removed_area"], abs=0.01)
    reshaped = rows["geometry_changed"]
    assert reshaped.area_change_m2 == pytest.approx(-0.19 * facts["reshaped_area"], abs=0.01)
    assert reshaped.area_new_m2 == pytest.approx(0.81 * facts["reshaped_area"], abs=0.01)
    assert json.loads(reshaped.changed_fields) == []
    attrs = rows["attributes_changed"]
    assert json.loads(attrs.changed_fields) == ["owner", "tax_per_mu"]
    assert json.loads(attrs.changes) == {
        "owner": [facts["old_owner"], "宁夏新权利人有限公司"],
        "tax_per_mu": [facts["old_tax"], facts["old_tax"] + 12.5],
    }
    assert attrs.owner == "宁夏新权利人有限公司"  # the new version's attributes are carried
    renumbered = rows["renumbered"]
    assert renumbered.renumbered and renumbered.matched_by == "geometry"
    assert renumbered.parcel_id == "P0030-2025"
    assert rows["added"].area_change_m2 == pytest.approx(2_000)
    assert rows["added"].owner == "新增宗地权利人"

    summary = {f["change"]: f for f in result["SUMMARY"].getFeatures()}
    expected = {
        "added": 1,
        "removed": 1,
        "geometry_and_attributes_changed": 0,
        "geometry_changed": 1,
        "attributes_changed": 1,
        "renumbered": 1,
        "unchanged": len(sample_parcels) - 4,
        "total": len(sample_parcels) + 1,
    }
    assert {k: f["parcel_count"] for k, f in summary.items()} == expected
    net = 2_000 - facts["removed_area"] - 0.19 * facts["reshaped_area"]
    assert summary["total"]["area_change_m2"] == pytest.approx(net, abs=0.02)
    assert summary["total"]["area_old_m2"] == pytest.approx(facts["old_total"], abs=0.01)
    assert summary["renumbered"]["renumbered_count"] == 1
    assert summary["unchanged"]["area_change_m2"] == pytest.approx(0, abs=0.01)

    # the output opens in QGIS with Chinese aliases and the change value map
    layer = QgsVectorLayer(out_path, "compare", "ogr")
    assert layer.isValid()
    assert layer.fields().field("change").alias() in ("变化类型", "Change")
    # ... and its style: one legend entry per kind of change (resources/styles)
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "change"
    labels = {c.value(): c.label() for c in renderer.categories()}
    assert labels["added"] in ("新增", "Added") and labels["removed"] in ("删除", "Removed")
    assert {f["change"] for f in layer.getFeatures()} <= set(labels)


def test_new_version_in_another_crs_is_reprojected(lowland_provider, sample_gpkg, tmp_path):
    import processing
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer, write_ogr_layer

    parcels = read_ogr_layer(str(sample_gpkg), "parcels").iloc[:40]
    path = str(tmp_path / "utm.gpkg")
    write_ogr_layer(parcels.to_crs("EPSG:32648"), path, "parcels", overwrite_file=True)
    old_path = str(tmp_path / "old.gpkg")
    write_ogr_layer(parcels, old_path, "parcels", overwrite_file=True)
    result = processing.run(
        "lowland:compareversions",
        {"OLD": old_path, "NEW": path, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    changes = [f["change"] for f in result["OUTPUT"].getFeatures()]
    assert changes == ["unchanged"] * 40
    assert result["OUTPUT"].crs().authid() == "EPSG:4544"


def test_processing_refuses_duplicates_and_geographic_crs(lowland_provider, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    import processing

    def memory(crs: str, rows: list[tuple[str, str]]) -> QgsVectorLayer:
        lyr = QgsVectorLayer(f"Polygon?crs={crs}&field=parcel_id:string", "v", "memory")
        feats = []
        for pid, wkt in rows:
            f = QgsFeature(lyr.fields())
            f.setAttributes([pid])
            f.setGeometry(QgsGeometry.fromWkt(wkt))
            feats.append(f)
        lyr.dataProvider().addFeatures(feats)
        return lyr

    wkt = box(0).wkt
    good = memory(CRS, [("A", wkt)])
    dup = memory(CRS, [("A", wkt), ("Q7", box(1).wkt), ("Q7", box(2).wkt)])
    with pytest.raises(QgsProcessingException, match="Q7"):
        processing.run(
            "lowland:compareversions", {"OLD": good, "NEW": dup, "OUTPUT": "TEMPORARY_OUTPUT"}
        )
    geographic = memory("EPSG:4490", [("A", "POLYGON((106 38,106.001 38,106.001 38.001,106 38))")])
    with pytest.raises(QgsProcessingException, match="EPSG:4544"):
        processing.run(
            "lowland:compareversions",
            {"OLD": geographic, "NEW": good, "OUTPUT": "TEMPORARY_OUTPUT"},
        )
    # chosen fields only, from the parameter
    result = processing.run(
        "lowland:compareversions",
        {"OLD": good, "NEW": good, "COMPARE_FIELDS": ["parcel_id"], "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert [f["change"] for f in result["OUTPUT"].getFeatures()] == ["unchanged"]
