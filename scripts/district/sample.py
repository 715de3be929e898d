"""The bundled sample district (``generate_district(None)``): about 2.7 km² around
(607300, 4262600): an urban-fringe 片区 on a road grid (arterial / secondary / branch,
one slanted road, one dead-end lane), bounded in the north by an irrigation canal;
industrial and logistics blocks, a village (城中村) of ~300 homesteads, old and new
housing, commerce, public facilities, reserve land and fringe farmland. The parcel ids
of the cases below do not depend on the seed: the block layout is fixed, the seed only
varies sizes, names and the non-special values.

``generate_sample()`` assembles the six layers and builds the 三调 patches and the 控规
parcels; the layout is in ``sample_layout.py``, the parcel attributes in
``sample_attributes.py``, the buildings in ``sample_buildings.py``, the checks of the
table below in ``checks.py``.

Sample district: what each case is (the generator's intent; ``check_sample_cases()``
asserts every line of this table against the generated data)
=====================================================================================

Same-industry tax means: the five parcels with ``industry_code`` "30" have the same
area (67 m × 160 m) and taxes 12, 8, 25, 30, 25 → simple and area-weighted mean 20.0
万元/亩; P0008 pays 8.0 = exactly 40 % of it. No other parcel has code "30".
FAR below = GFA / planimetric area, GFA = ``gfa`` else footprint × ``floors``,
straddling buildings counted by footprint share (as ``lowland_plugin.core.identify.indicators``).

===========================================  ==============  =====================================
case                                         parcel_id       what it is
===========================================  ==============  =====================================
IND_EFFICIENT                                P0001           0601, FAR ≈ 1.9, tax 85, above_scale, built 2014-18, grade A
IND_STRADDLE_A / IND_STRADDLE_B              P0004 / P0005   industrial neighbours; one warehouse straddles their common line
IND_TAX30_A/B/C/D                            P0007 P0009-11  code "30" peers of the 40 % case (taxes 12, 25, 30, 25)
IND_TAX_AT_40PCT                             P0008           tax 8.0 = exactly 40 % of the code-30 mean 20.0; FAR ≈ 1.3, A/B, not exempt
IND_MULTIPOLYGON                             P0012           MultiPolygon (two parts, P0013 lies between them), code "33", tax 16
LOG_OLD                                      P0015           0508, four warehouses 1984-95, three of four C/D (≥ 50 %)
LOG_DANGER_EXACT_50                          P0016           0508, two identical warehouses, one C one B: C/D share exactly 0.5
LOG_MODERN                                   P0017           0508, built 2016-18, grade A, no danger
IND_FAR_EXACT_1                              P0021           120 m × 170 m, one building 100 m × 102 m × 2 floors: FAR exactly 1.0, tax 32
IND_YOUNG_EXEMPT                             P0022           FAR ≈ 0.4, tax 2.0, years_operating 2 (< 3: exempt)
IND_ABOVE_SCALE_LOW_FAR                      P0023           above_scale, FAR ≈ 0.5, tax 45
IND_CLEAR_LOWLAND                            P0024           FAR ≈ 0.35, tax 1.8, built 1986-94, all buildings C/D
IND_STOPPED                                  P0025           operating false (停产), FAR ≈ 0.5, tax 0.0
IND_FAR_BETWEEN_MINIMA                       P0026           code "26" (2008 minimum 0.6), FAR ≈ 0.75 (< 1.0), tax 40, A/B
FAC_SCHOOL / FAC_HOSPITAL / FAC_WATERWORKS   P0027-P0029     08H2 / 08H2 / 0809, allocated
IND_DANGER                                   P0030           FAR ≈ 1.2, tax 30, built 1978-90, C/D share of GFA ≥ 0.6
IND_TAX_BELOW_40PCT                          P0031           code "33", tax 1.0 (far below 40 % of the code-33 mean), FAR ≈ 1.2, A/B
IND_DISPUTED                                 P0032           disputed (权属争议) → excluded, otherwise low FAR ≈ 0.4
IND_L_SHAPE                                  P0033           L-shaped; two 三调 patches (0601 + 0508); its buildings hold the null cases below
IND_HOLE / FAC_SUBSTATION                    P0034 / P0035   parcel with an interior ring; the ring is filled by the 0809 substation parcel
LEGACY_PRE2010_REGULAR                       P0037           unapproved, occupied 2006-05-20, 二调 construction, plan-conforming → regular
LEGACY_POST2010                              P0038           unapproved, occupied 2014-08-01 → expropriation; two 三调 patches (0601 + 0102)
LEGACY_NO_DATE                               P0040           unapproved, occupied_date null → undecided; has the building with floors and gfa null
LEGACY_2009_12_31                            P0041           unapproved, occupied exactly 2009-12-31, both conditions true → regular
LEGACY_2010_01_01                            P0042           unapproved, occupied exactly 2010-01-01 → expropriation
LEGACY_ERDIAO_NOT_CONSTRUCTION               P0043           unapproved, occupied 2007-03-01, 二调 not construction → undecided
LEGACY_NOT_PLAN_CONFORMING                   P0044           unapproved, occupied 2008-09-10, not plan-conforming → undecided
LEGACY_ERDIAO_UNKNOWN                        P0045           unapproved, occupied 2005-11-11, erdiao_construction null → undecided
IND_NO_BUILDINGS                             P0047           supplied industrial storage yard with no building (FAR 0)
COM_OLD_LOW_FAR                              P0050           05H1 market built 1990-94, FAR ≈ 0.6, grade B; two 三调 patches (05H1 + 0701)
COM_STALLED                                  P0053           05H1 granted 2020-06-18, only a site office (FAR < 0.02), not idle
RES_OLD_LOW_FAR                              P0055           0701 built 1988-93, FAR ≈ 0.8, grade B
RES_BUILT_2000_LOW_FAR                       P0056           0701 all built in 2000 (not "before 2000"), FAR ≈ 0.9, grade A
RES_OLD_DANGER                               P0057           0701 built 1994-98, FAR ≈ 1.4, C/D share of GFA ≥ 0.6
RES_NEW                                      P0059           0701 built 2013-16, FAR ≈ 2.5, grade A
COLLECTIVE_INDUSTRIAL                        P0064           collective 村办企业, unapproved, occupied 1998-04-01, both conditions → regular
VILLAGE_HOMES                                P0065-P0302     0702 农村宅基地, collective (238 homesteads, incl. the six below)
VILLAGE_DISPUTED                             P0134           homestead with disputed = true
VILLAGE_HOME_LEGACY                          P0169           homestead, unapproved, occupied 2011-07-01 → expropriation
HOME_STRADDLE_1W/1E, HOME_STRADDLE_2W/2E     P0080/81, P0225/26  a shed (illegal) straddles each pair's common line
VILLAGE_COMMITTEE                            P0303           collective village committee (0702 / approved 0704)
VILLAGE_HOMES (second block)                 P0306-P0373     68 more homesteads
FAC_OLD_OFFICE                               P0375           08H1 government compound built 1984-87, FAR ≈ 0.5, allocated
UNSUPPLIED_VACANT                            P0383           approved_unsupplied (批而未供), 1201 空闲地, no building
IDLE_UNBUILT                                 P0384           idle (闲置), granted 2016-09-12, 1201, no building
IDLE_PARTLY_BUILT                            P0385           idle, granted 2014-04-25, 0601, one simple shed
UNSUPPLIED_FARMED                            P0386           approved_unsupplied, still farmed (0102), no building
VILLAGE_HOMES (fringe block)                 P0387-P0420     34 more homesteads
AGRI_DRYLAND                                 P0423           0103 旱地 at the fringe (non-construction land → excluded)
AGRI_ORCHARD                                 P0424           0201 果园 at the fringe
LEGACY_ON_FARMLAND                           P0425           unapproved sheds on collective farmland, occupied 2016-05-10 → expropriation
UNSUPPLIED_NEW_INDUSTRIAL                    P0433           approved_unsupplied, 0103, no building
===========================================  ==============  =====================================

Other facts the tests may rely on (sample, any seed):
- ``lawful_approval`` is false only on the LEGACY_* cases, COLLECTIVE_INDUSTRIAL and
  VILLAGE_HOME_LEGACY; ``idle`` only on IDLE_*; ``disputed`` only on IND_DISPUTED and
  VILLAGE_DISPUTED; ``approved_unsupplied`` only on UNSUPPLIED_*. ``supply_status`` is
  null where neither value applies: unapproved land and farmland.
- Buildings on IND_L_SHAPE: its first building has ``floors`` null (``gfa`` given), its
  second has ``gfa`` null (``floors`` given). LEGACY_NO_DATE's first building has both
  null. No other building has a null ``floors`` or ``gfa``.
- Straddling buildings: exactly three (IND_STRADDLE pair, two HOME_STRADDLE pairs).
  ``illegal`` is true on the buildings of unapproved parcels and on the two straddling
  sheds only.
- Roads: R004 凤翔路 (secondary) and R008 福安街 (branch) have ``width`` null; their
  geometry used 30 and 16 m. R011 创业巷 (branch, 12 m) is the dead-end lane (dangle).
  R003 兴源路 is slightly slanted. Road centre lines extend past the boundary.
- 三调 patches tile every block; the village homesteads of a block form one 0702
  patch together with their lanes; roads are 1004 patches. ``tbmj`` is the CGCS2000
  ellipsoidal area (pyproj Geod, GRS80) of the patch transformed to EPSG:4490.
- The plan (控规) does not cover blocks (3,1) and (3,4) (farmland outside the plan).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box

from .common import (
    ADMIN_CODE,
    FIELDS,
    PLAN_DEFAULTS,
    PLAN_NAMES,
    STATE_QSDW,
    TOWN,
    VILLAGE,
    _cn_number,
    _frame,
    _landsurvey_frame,
    _Names,
    _spawn,
)
from .sample_attributes import _sample_attributes
from .sample_buildings import _sample_buildings
from .sample_layout import (
    _HOME_ROLES,
    _SAMPLE_PLAN,
    _SAMPLE_ROADS,
    _SURVEY_SPLITS,
    SAMPLE_CASES,
    _sample_parcel_geometries,
    _sample_roads_and_blocks,
)


def _qsdwmc(tenure: str | None, block: tuple[int, int]) -> str:
    if tenure == "collective":
        return f"{VILLAGE}第{_cn_number(block[0] * 5 + block[1] + 1)}村民小组"
    return STATE_QSDW


def _czcsxm(dlbm: str, tenure: str | None) -> str | None:
    if dlbm[:2] in ("01", "02", "03", "04") or dlbm == "1202":
        return None
    if tenure == "collective":
        return "203"
    return "201A" if dlbm == "0601" else "201"


def _sample_landsurvey(parcels, attrs, lanes, blocks, boundary, corridors):
    rows: list[dict] = []
    village: dict[tuple[int, int], list] = {}
    for p, a in zip(parcels, attrs, strict=True):
        if p["role"] in _HOME_ROLES:
            village.setdefault(p["block"], []).append(p["geometry"])
            continue
        if p["role"] in _SURVEY_SPLITS:
            if p["role"] == "IND_L_SHAPE":  # the two cells of the L
                halves = [box(*b).intersection(p["geometry"]) for b in p["parts"]]
            else:  # west / east halves
                x0, y0, x1, y1 = p["geometry"].bounds
                xm = round((x0 + x1) / 2)
                halves = [
                    p["geometry"].intersection(box(x0 - 1, y0 - 1, xm, y1 + 1)),
                    p["geometry"].intersection(box(xm, y0 - 1, x1 + 1, y1 + 1)),
                ]
            halves.sort(key=lambda g: -g.area)
            second = _SURVEY_SPLITS[p["role"]]
            for g, cls in zip(halves, (a["dlbm"], second), strict=True):
                tenure = "collective" if cls == "0102" else a["tenure"]
                rows.append(dict(geometry=g, dlbm=cls, tenure=tenure, block=p["block"]))
            continue
        rows.append(
            dict(geometry=p["geometry"], dlbm=a["dlbm"], tenure=a["tenure"], block=p["block"])
        )
    for key, geoms in village.items():
        g = shapely.union_all(geoms + lanes.get(key, []))
        rows.append(dict(geometry=g, dlbm="0702", tenure="collective", block=key))
    # whatever of a block no patch covers yet (none expected) becomes 空闲地
    covered = shapely.union_all([r["geometry"] for r in rows])
    for key, blk in blocks.items():
        left = blk.difference(covered)
        for g in getattr(left, "geoms", [left]):
            if g.area > 1.0 and g.geom_type == "Polygon":
                rows.append(dict(geometry=g, dlbm="1201", tenure=None, block=key))
    # roads: arterials first, each patch = its corridor inside the boundary not yet taken
    road_area = boundary.difference(shapely.union_all(list(blocks.values())))
    order = sorted(
        range(len(_SAMPLE_ROADS)),
        key=lambda i: (("arterial", "secondary", "branch").index(_SAMPLE_ROADS[i][1]), i),
    )
    taken = None
    for i in order:
        piece = corridors[i].intersection(road_area)
        if taken is not None:
            piece = piece.difference(taken)
        taken = piece if taken is None else taken.union(piece)
        for g in getattr(piece, "geoms", [piece]):
            if g.geom_type == "Polygon" and g.area > 1.0:
                rows.append(dict(geometry=g, dlbm="1004", tenure=None, block=None))
    geoms = np.array([r["geometry"] for r in rows], dtype=object)
    return _landsurvey_frame(
        geoms,
        [r["dlbm"] for r in rows],
        [_czcsxm(r["dlbm"], r["tenure"]) for r in rows],
        [_qsdwmc(r["tenure"], r["block"]) if r["block"] else STATE_QSDW for r in rows],
        exact=True,
    )


def _plan_row(code: str) -> dict:
    far, density, green, height = PLAN_DEFAULTS[code]
    return dict(
        plan_code=code,
        plan_name=PLAN_NAMES[code],
        far_max=far,
        density_max=density,
        green_min=green,
        height_max=height,
    )


def _sample_plan(blocks) -> gpd.GeoDataFrame:
    rows, geoms = [], []
    for n_block, key in enumerate(sorted(_SAMPLE_PLAN), 1):
        codes, blk = _SAMPLE_PLAN[key], blocks[key]
        x0, y0, x1, y1 = blk.bounds
        if len(codes) == 1:
            parts = [blk]
        else:
            ym = round((y0 + y1) / 2)
            parts = [
                blk.intersection(box(x0 - 1, y0 - 1, x1 + 1, ym)),
                blk.intersection(box(x0 - 1, ym, x1 + 1, y1 + 1)),
            ]
        pieces = [
            (code, g)
            for code, part in zip(codes, parts, strict=True)
            for g in shapely.get_parts(part)
        ]
        for k, (code, g) in enumerate(pieces, 1):  # the dead-end lane splits one half in two
            rows.append(dict(plan_id=f"LT{n_block:02d}-{k:02d}", **_plan_row(code)))
            geoms.append(g)
    df = pd.DataFrame(rows)
    return _frame({c: df[c].to_numpy() for c in FIELDS["plan"]}, np.array(geoms, dtype=object))


def generate_sample(seed: int) -> dict[str, gpd.GeoDataFrame]:
    r_layout, r_attr, r_bld, r_names = _spawn(seed, 4)
    boundary, lines, corridors, blocks = _sample_roads_and_blocks()
    parcels, lanes = _sample_parcel_geometries(blocks, r_layout)
    for case, ids in SAMPLE_CASES.items():  # the docstring table must stay true
        got = [p["parcel_id"] for p in parcels if p["role"] == case]
        if tuple(got) != ids:
            raise AssertionError(f"sample layout changed: {case} is {got}, table says {ids}")
    names = _Names(r_names)
    attrs = [_sample_attributes(p, r_attr, names) for p in parcels]
    blds = _sample_buildings(parcels, attrs, r_bld)

    parcel_cols = {"parcel_id": [p["parcel_id"] for p in parcels]}
    for f in FIELDS["parcels"][1:]:
        parcel_cols[f] = [a[f] for a in attrs]
    parcels_gdf = _frame(parcel_cols, np.array([p["geometry"] for p in parcels], dtype=object))

    width = max(5, len(str(len(blds))))
    bld_cols = {"building_id": [f"B{i:0{width}d}" for i in range(1, len(blds) + 1)]}
    for f in FIELDS["buildings"][1:]:
        bld_cols[f] = [b[f] for b in blds]
    buildings_gdf = _frame(bld_cols, np.array([b["geometry"] for b in blds], dtype=object))

    roads_gdf = _frame(
        {
            "road_id": [f"R{i:03d}" for i in range(1, len(lines) + 1)],
            "name": [r[0] for r in _SAMPLE_ROADS],
            "grade": [r[1] for r in _SAMPLE_ROADS],
            "width": [np.nan if r[2] is None else r[2] for r in _SAMPLE_ROADS],
        },
        np.array(lines, dtype=object),
    )
    boundary_gdf = _frame(
        {"name": [f"银川市金凤区低效用地试点片区(样例,{TOWN})"], "admin_code": [ADMIN_CODE]},
        np.array([boundary], dtype=object),
    )
    return {
        "boundary": boundary_gdf,
        "roads": roads_gdf,
        "parcels": parcels_gdf,
        "buildings": buildings_gdf,
        "landsurvey": _sample_landsurvey(parcels, attrs, lanes, blocks, boundary, corridors),
        "plan": _sample_plan(blocks),
    }
