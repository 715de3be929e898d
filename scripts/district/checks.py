"""Checks of generated districts: ``check_district()`` (structure, any district) and
``check_sample_cases()`` (every line of the case table in ``sample.py``)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Polygon

from .common import FIELDS, LAYERS, _lowland
from .sample_layout import (
    _SAMPLE_PLAN,
    _STRADDLE_PAIRS,
    _SURVEY_SPLITS,
    SAMPLE_CASES,
    SAMPLE_HOME_RANGES,
    _sample_roads_and_blocks,
)


def check_district(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, float]:
    """Structural checks (raise AssertionError): CRS, validity, no parcel overlaps,
    buildings inside / straddling parcels. Returns a few statistics."""
    for name in LAYERS:
        gdf = layers[name]
        assert gdf.crs is not None and gdf.crs.to_epsg() == 4544, name
        assert list(gdf.columns[:-1]) == FIELDS[name], (name, list(gdf.columns))
        assert shapely.is_valid(np.asarray(gdf.geometry.values)).all(), f"invalid {name}"
        assert not gdf.geometry.is_empty.any(), f"empty geometry in {name}"
    parcels = np.asarray(layers["parcels"].geometry.values)
    tree = shapely.STRtree(parcels)
    a, b = tree.query(parcels, predicate="overlaps")
    assert a.size == 0, f"{a.size // 2} overlapping parcel pairs"
    a, b = tree.query(parcels, predicate="intersects")
    pairs = a < b
    if pairs.any():
        inter = shapely.area(shapely.intersection(parcels[a[pairs]], parcels[b[pairs]]))
        assert inter.max() < 1e-6, f"parcel overlap area {inter.max()}"
    blds = np.asarray(layers["buildings"].geometry.values)
    bt = shapely.STRtree(blds)
    x, y = bt.query(blds, predicate="overlaps")
    assert x.size == 0, "overlapping buildings"
    bi, pi = tree.query(blds, predicate="intersects")
    shapely.prepare(parcels)
    inside = shapely.contains_properly(parcels[pi], blds[bi])
    n_inside = np.unique(bi[inside]).size
    touched = np.bincount(bi, minlength=blds.size)
    ov = shapely.area(shapely.intersection(parcels[pi[~inside]], blds[bi[~inside]])) > 1e-6
    n_parts = np.bincount(bi[~inside][ov], minlength=blds.size)
    straddling = int((n_parts >= 2).sum())
    outside = int(
        ((touched == 0) | ((n_parts == 0) & ~np.isin(np.arange(blds.size), bi[inside]))).sum()
    )
    assert outside == 0, f"{outside} buildings outside every parcel"
    assert int((n_parts > 2).sum()) == 0, "a building on more than two parcels"
    assert n_inside + straddling == blds.size
    ls = np.asarray(layers["landsurvey"].geometry.values)
    lt = shapely.STRtree(ls)
    a, b = lt.query(ls, predicate="overlaps")
    assert a.size == 0, "overlapping 三调 patches"
    boundary = layers["boundary"].geometry.iloc[0]
    covered = shapely.area(ls).sum()
    assert abs(covered - boundary.area) < 1e-6 * boundary.area + 1.0, (covered, boundary.area)
    return {
        "parcels": float(parcels.size),
        "buildings": float(blds.size),
        "buildings_per_parcel": blds.size / parcels.size,
        "inside_share": n_inside / blds.size,
        "straddling_share": straddling / blds.size,
        "multipolygons": float((shapely.get_type_id(parcels) == 6).sum()),
        "with_holes": float((shapely.get_num_interior_rings(parcels) > 0).sum()),
        "area_km2": boundary.area / 1e6,
    }


def _indicators(parcels: gpd.GeoDataFrame, buildings: gpd.GeoDataFrame) -> pd.DataFrame:
    """FAR, C/D share, building count (lowland_plugin.core.identify.indicators) and the build years."""
    core = _lowland().core.identify.indicators
    parcels = parcels.reset_index(drop=True)
    buildings = buildings.reset_index(drop=True)
    table = core.compute_parcel_indicators(parcels, buildings).table
    p, b, _ = core.footprint_overlaps(
        np.asarray(parcels.geometry.values), np.asarray(buildings.geometry.values)
    )
    years = buildings["year_built"].to_numpy()
    out = pd.DataFrame(
        {
            "far": table["far"].to_numpy(),
            "cd_share": table["danger_cd_share"].to_numpy(),
            "count": table["building_count"].to_numpy(),
        },
        index=parcels["parcel_id"],
    )
    out["years"] = [sorted(set(years[b[p == i]].tolist())) for i in range(len(parcels))]
    return out


def check_sample_cases(layers: dict[str, gpd.GeoDataFrame]) -> None:
    """Assert the case table of ``sample.py``'s docstring against generated sample data."""
    pq = layers["parcels"].set_index("parcel_id", drop=False)
    ind = _indicators(layers["parcels"], layers["buildings"])

    def one(case):
        (pid,) = SAMPLE_CASES[case]
        return pq.loc[pid], ind.loc[pid]

    def far_near(case, target, tol=0.15):
        _, i = one(case)
        assert abs(i["far"] - target) <= tol * target + 0.02, (case, i["far"], target)

    code30 = pq[pq["industry_code"] == "30"]
    assert sorted(code30["parcel_id"]) == sorted(
        SAMPLE_CASES[c][0]
        for c in ("IND_TAX30_A", "IND_TAX_AT_40PCT", "IND_TAX30_B", "IND_TAX30_C", "IND_TAX30_D")
    )
    areas = code30.geometry.area.to_numpy()
    assert np.all(areas == areas[0]) and areas[0] == 67 * 160
    mean = code30["tax_per_mu"].mean()
    assert mean == 20.0 and one("IND_TAX_AT_40PCT")[0]["tax_per_mu"] == 0.4 * mean
    code33 = pq[pq["industry_code"] == "33"]
    w = code33.geometry.area.to_numpy()
    for m in (code33["tax_per_mu"].mean(), np.average(code33["tax_per_mu"], weights=w)):
        assert one("IND_TAX_BELOW_40PCT")[0]["tax_per_mu"] < 0.4 * m
    p, i = one("IND_FAR_EXACT_1")
    assert p.geometry.area == 20400.0 and i["far"] == 1.0 and i["count"] == 1
    for case, target in (
        ("IND_EFFICIENT", 1.9),
        ("IND_TAX_AT_40PCT", 1.3),
        ("IND_YOUNG_EXEMPT", 0.4),
        ("IND_ABOVE_SCALE_LOW_FAR", 0.5),
        ("IND_CLEAR_LOWLAND", 0.35),
        ("IND_STOPPED", 0.5),
        ("IND_FAR_BETWEEN_MINIMA", 0.75),
        ("IND_DANGER", 1.2),
        ("IND_TAX_BELOW_40PCT", 1.2),
        ("IND_DISPUTED", 0.4),
        ("COM_OLD_LOW_FAR", 0.6),
        ("RES_OLD_LOW_FAR", 0.8),
        ("RES_BUILT_2000_LOW_FAR", 0.9),
        ("RES_OLD_DANGER", 1.4),
        ("RES_NEW", 2.5),
        ("FAC_OLD_OFFICE", 0.5),
    ):
        far_near(case, target)
    assert one("IND_FAR_BETWEEN_MINIMA")[1]["far"] < 1.0
    assert 0.6 < one("IND_FAR_BETWEEN_MINIMA")[1]["far"]
    assert one("IND_CLEAR_LOWLAND")[1]["cd_share"] == 1.0
    assert one("IND_DANGER")[1]["cd_share"] >= 0.6
    assert one("RES_OLD_DANGER")[1]["cd_share"] >= 0.6
    assert one("LOG_DANGER_EXACT_50")[1]["cd_share"] == 0.5
    assert one("LOG_OLD")[1]["cd_share"] >= 0.5 and one("LOG_OLD")[1]["count"] == 4
    assert one("LOG_MODERN")[1]["cd_share"] == 0.0
    assert one("RES_OLD_LOW_FAR")[1]["cd_share"] == 0.0
    assert one("COM_OLD_LOW_FAR")[1]["cd_share"] == 0.0
    assert one("RES_BUILT_2000_LOW_FAR")[1]["years"] == [2000]
    assert max(one("RES_OLD_LOW_FAR")[1]["years"]) < 2000
    assert one("IND_NO_BUILDINGS")[1]["count"] == 0
    assert one("COM_STALLED")[1]["far"] < 0.02
    assert one("IND_YOUNG_EXEMPT")[0]["years_operating"] == 2
    # (a GeoPackage layer stores every parcel as MultiPolygon: count parts, not types)
    assert shapely.get_num_geometries(one("IND_MULTIPOLYGON")[0].geometry) == 2
    (with_hole,) = shapely.get_parts(one("IND_HOLE")[0].geometry)
    assert len(with_hole.interiors) == 1
    hole = Polygon(with_hole.interiors[0])
    assert abs(hole.symmetric_difference(one("FAC_SUBSTATION")[0].geometry).area) < 1e-6

    # flags only where documented
    def ids(mask):
        return set(pq.loc[mask, "parcel_id"])

    def cases(*names):
        return {SAMPLE_CASES[c][0] for c in names}

    legacy = {c for c in SAMPLE_CASES if c.startswith("LEGACY_")}
    assert ids(~pq["lawful_approval"]) == cases(
        *legacy, "COLLECTIVE_INDUSTRIAL", "VILLAGE_HOME_LEGACY"
    )
    assert ids(pq["idle"]) == cases("IDLE_UNBUILT", "IDLE_PARTLY_BUILT")
    assert ids(pq["disputed"]) == cases("IND_DISPUTED", "VILLAGE_DISPUTED")
    unsupplied = [c for c in SAMPLE_CASES if c.startswith("UNSUPPLIED")]
    assert ids(pq["supply_status"] == "approved_unsupplied") == cases(*unsupplied)
    assert pq.loc[list(cases("LEGACY_NO_DATE")), "occupied_date"].isna().all()
    for lo, hi in SAMPLE_HOME_RANGES:
        homes = pq.loc[lo:hi]
        assert (homes["dlbm"] == "0702").all() and (homes["tenure"] == "collective").all()
    assert int((pq["dlbm"] == "0702").sum()) == 238 + 68 + 34 + 1  # + the committee
    # legacy land as tabled: (occupied_date, erdiao_construction, plan_conforming)
    legacy_table = {
        "LEGACY_PRE2010_REGULAR": ("2006-05-20", True, True),
        "LEGACY_POST2010": ("2014-08-01", False, True),
        "LEGACY_NO_DATE": (None, True, True),
        "LEGACY_2009_12_31": ("2009-12-31", True, True),
        "LEGACY_2010_01_01": ("2010-01-01", True, True),
        "LEGACY_ERDIAO_NOT_CONSTRUCTION": ("2007-03-01", False, True),
        "LEGACY_NOT_PLAN_CONFORMING": ("2008-09-10", True, False),
        "LEGACY_ERDIAO_UNKNOWN": ("2005-11-11", None, True),
        "LEGACY_ON_FARMLAND": ("2016-05-10", False, False),
        "COLLECTIVE_INDUSTRIAL": ("1998-04-01", True, True),
        "VILLAGE_HOME_LEGACY": ("2011-07-01", False, True),
    }
    for case, (date, erdiao, conforming) in legacy_table.items():
        p = one(case)[0]
        assert p["occupied_date"] == date and p["supply_status"] is None, case
        assert (None if pd.isna(p["erdiao_construction"]) else p["erdiao_construction"]) == erdiao
        assert bool(p["plan_conforming"]) == conforming, case
    assert pq["occupied_date"].notna().sum() == len(legacy_table) - 1
    assert one("IND_STOPPED")[0]["operating"] == False  # noqa: E712 (numpy bool)
    for case in ("IND_EFFICIENT", "IND_ABOVE_SCALE_LOW_FAR"):
        assert one(case)[0]["above_scale"]
    agri = pq["dlbm"].isin(["0102", "0103", "0201", "1202"]) & pq["tenure"].eq("collective")
    assert pq.loc[agri, "supply_status"].isna().all()
    assert pq.loc[~agri & pq["lawful_approval"], "supply_status"].notna().all()
    # roads: null widths, the dead-end lane
    roads = layers["roads"].set_index("road_id")
    assert set(roads.index[roads["width"].isna()]) == {"R004", "R008"}
    lane = roads.loc["R011"].geometry
    others = shapely.union_all([g for r, g in roads.geometry.items() if r != "R011"])
    assert lane.boundary.geoms[0].intersects(others) and not lane.boundary.geoms[1].intersects(
        others.buffer(1.0)
    )
    # buildings: null cases, illegal flags, straddlers
    bq = layers["buildings"]
    assert int(bq["floors"].isna().sum()) == 2 and int(bq["gfa"].isna().sum()) == 2
    pg = np.asarray(pq.geometry.values)
    bg = np.asarray(bq.geometry.values)
    bi, pi = shapely.STRtree(pg).query(bg, predicate="intersects")
    area = shapely.area(shapely.intersection(pg[pi], bg[bi]))
    bi, pi = bi[area > 1e-6], pi[area > 1e-6]
    pid = pq["parcel_id"].to_numpy()
    parcels_of = pd.Series(pid[pi]).groupby(bi).agg(lambda x: tuple(sorted(x)))
    straddlers = parcels_of[parcels_of.map(len) == 2]
    pairs = {tuple(sorted((SAMPLE_CASES[w][0], SAMPLE_CASES[e][0]))) for w, e in _STRADDLE_PAIRS}
    assert set(straddlers) == pairs and len(straddlers) == 3
    unlawful = set(pq.loc[~pq["lawful_approval"], "parcel_id"])
    on_unlawful = parcels_of.map(lambda t: t[0] in unlawful)
    sheds = set(
        straddlers.index[
            straddlers.map(lambda t: t[0] in cases("HOME_STRADDLE_1W", "HOME_STRADDLE_2W"))
        ]
    )
    expected = set(on_unlawful.index[on_unlawful]) | sheds
    assert set(np.flatnonzero(bq["illegal"].to_numpy())) == expected
    assert len(sheds) == 2
    # 三调: split parcels, village patches, plan coverage
    ls = layers["landsurvey"]
    for case, second in _SURVEY_SPLITS.items():
        g = one(case)[0].geometry
        hit = ls[ls.geometry.intersection(g).area > 1.0]
        assert sorted(hit["dlbm"]) == sorted([one(case)[0]["dlbm"], second]), case
    assert int((ls["dlbm"] == "0702").sum()) == 3 + 1  # three village blocks + the committee
    plan = shapely.union_all(np.asarray(layers["plan"].geometry.values))
    _, _, blocks = _sample_roads_and_blocks()[1:]
    for key, blk in blocks.items():
        covered = blk.intersection(plan).area / blk.area
        assert (covered > 0.999) if key in _SAMPLE_PLAN else (covered < 1e-9), key
    stats = check_district(layers)
    assert round(stats["straddling_share"] * stats["buildings"]) == 3
