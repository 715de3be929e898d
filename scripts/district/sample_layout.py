"""Sample district layout: the road grid, the blocks, the strips and cells of every
block (``_sample_block_specs()``), the 控规 per block, and the parcel geometries in id
order; ``SAMPLE_CASES`` maps each case of the table in ``sample.py`` to its parcel id."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, box

# Road grid (x of N-S centre lines, y of E-W centre lines); widths are even so that
# half widths, block edges and the rectangular parcels are whole metres.
_SLANT_Y0, _SLANT_X0, _SLANT_SLOPE = 4262590.0, 606340.0, 0.015625  # 兴源路: +30 m over 1920 m
_CANAL = [
    (608200, 4263240),
    (607900, 4263300),
    (607400, 4263365),
    (606900, 4263385),
    (606400, 4263330),
]
_X_LINES = (606400.0, 606770.0, 607128.0, 607520.0, 607880.0, 608200.0)

#: (name, grade, width attribute (None = null), width used for the geometry, coordinates)
_SAMPLE_ROADS = [
    ("长城西路", "arterial", 50.0, 50, [(606340, 4261850), (608260, 4261850)]),
    ("丰庆路", "secondary", 24.0, 24, [(606340, 4262230), (608260, 4262230)]),
    ("兴源路", "branch", 16.0, 16, [(606340, 4262590), (608260, 4262620)]),
    ("凤翔路", "secondary", None, 30, [(606340, 4262980), (608260, 4262980)]),
    ("阅海大街", "arterial", 50.0, 50, [(606400, 4261790), (606400, 4263360)]),
    ("良田北街", "branch", 16.0, 16, [(606770, 4261850), (606770, 4263395)]),
    ("正源北街", "secondary", 30.0, 30, [(607128, 4261790), (607128, 4263400)]),
    ("福安街", "branch", None, 16, [(607520, 4261850), (607520, 4262980)]),
    ("康平街", "branch", 18.0, 18, [(607880, 4261850), (607880, 4263325)]),
    ("宁安大街", "arterial", 60.0, 60, [(608200, 4261790), (608200, 4263290)]),
    ("创业巷", "branch", 12.0, 12, [(606950, 4262230), (606950, 4262470)]),
]


def _slant_y(x: float) -> float:
    return _SLANT_Y0 + (x - _SLANT_X0) * _SLANT_SLOPE


def _home_strips(
    n_double: int,
    lots: int,
    specials: dict[tuple[int, int], str] | None = None,
    leading_lane: bool = False,
    trailing_lane: bool = False,
) -> list:
    """Strips of homestead lots: double rows 18 m deep separated by 6 m village lanes."""
    specials = specials or {}
    strips: list = [(6, "lane")] if leading_lane else []
    for d in range(n_double):
        for half in range(2):
            row = 2 * d + half
            strips.append((18, [(1.0, specials.get((row, k), "home")) for k in range(lots)]))
        if d < n_double - 1 or trailing_lane:
            strips.append((6, "lane"))
    return strips


def _sample_block_specs() -> dict[tuple[int, int], list]:
    """Block (row from the south, column from the west) -> strips from south to north.

    A strip is (height, cells) and a cell (width, role); an int size is metres, a float
    a weight sharing what is left (jittered by the seed). Role None = gap (a road);
    cells "lane" = a village lane. Roles in capitals are the documented cases.
    """
    return {
        (0, 0): [
            (0.5, [(1.0, "IND_EFFICIENT"), (0.9, "ind"), (1.1, "ind")]),
            (0.5, [(1.0, "IND_STRADDLE_A"), (1.0, "IND_STRADDLE_B"), (0.8, "ind")]),
        ],
        (0, 1): [
            (
                160,
                [
                    (67, "IND_TAX30_A"),
                    (67, "IND_TAX_AT_40PCT"),
                    (67, "IND_TAX30_B"),
                    (67, "IND_TAX30_C"),
                    (67, "IND_TAX30_D"),
                ],
            ),
            (
                1.0,
                [
                    (110, "IND_MULTIPOLYGON"),
                    (30, "ind_small"),
                    (100, "IND_MULTIPOLYGON"),
                    (1.0, "ind"),
                ],
            ),
        ],
        (0, 2): [
            (0.55, [(1.2, "LOG_OLD"), (0.8, "LOG_DANGER_EXACT_50"), (1.0, "LOG_MODERN")]),
            (0.45, [(1.0, "log"), (1.0, "log"), (0.7, "ind")]),
        ],
        (0, 3): [
            (
                170,
                [
                    (120, "IND_FAR_EXACT_1"),
                    (0.9, "IND_YOUNG_EXEMPT"),
                    (1.1, "IND_ABOVE_SCALE_LOW_FAR"),
                ],
            ),
            (
                1.0,
                [(1.1, "IND_CLEAR_LOWLAND"), (0.9, "IND_STOPPED"), (1.0, "IND_FAR_BETWEEN_MINIMA")],
            ),
        ],
        (0, 4): [
            (0.55, [(1.0, "FAC_SCHOOL")]),
            (0.45, [(1.2, "FAC_HOSPITAL"), (0.8, "FAC_WATERWORKS")]),
        ],
        (1, 0): [
            (110, [(1.0, "IND_DANGER"), (1.0, "IND_TAX_BELOW_40PCT"), (1.0, "IND_DISPUTED")]),
            (120, [(90, "IND_L_SHAPE"), (1.0, "IND_HOLE"), (1.0, "ind")]),
            (
                1.0,
                [(150, "IND_L_SHAPE"), (1.0, "LEGACY_PRE2010_REGULAR"), (1.0, "LEGACY_POST2010")],
            ),
        ],
        (1, 1): [  # the dead-end lane 创业巷 runs between x 606944 and 606956 up to y 4262470
            (
                114,
                [
                    (80, "ind_workshop"),
                    (86, "LEGACY_NO_DATE"),
                    (12, None),
                    (80, "LEGACY_2009_12_31"),
                    (1.0, "LEGACY_2010_01_01"),
                ],
            ),
            (
                114,
                [
                    (90, "LEGACY_ERDIAO_NOT_CONSTRUCTION"),
                    (76, "LEGACY_NOT_PLAN_CONFORMING"),
                    (12, None),
                    (1.0, "LEGACY_ERDIAO_UNKNOWN"),
                    (1.0, "ind_workshop"),
                ],
            ),
            (1.0, [(1.0, "IND_NO_BUILDINGS"), (1.2, "ind"), (0.9, "ind")]),
        ],
        (1, 2): [
            (0.5, [(1.0, "COM_OLD_LOW_FAR"), (1.0, "com"), (0.8, "com")]),
            (0.5, [(1.2, "COM_STALLED"), (1.0, "com")]),
        ],
        (1, 3): [
            (0.5, [(1.0, "RES_OLD_LOW_FAR"), (1.0, "RES_BUILT_2000_LOW_FAR")]),
            (0.5, [(1.0, "RES_OLD_DANGER"), (1.0, "res_old")]),
        ],
        (1, 4): [
            (0.6, [(1.0, "RES_NEW")]),
            (0.4, [(1.3, "res_new"), (0.7, "fac_kindergarten")]),
        ],
        (2, 0): [(1.0, [(1.0, "col_ind"), (0.8, "village_shop"), (1.0, "COLLECTIVE_INDUSTRIAL")])]
        + _home_strips(
            7,
            17,
            specials={
                (0, 15): "HOME_STRADDLE_1W",
                (0, 16): "HOME_STRADDLE_1E",
                (4, 1): "VILLAGE_DISPUTED",
                (6, 2): "VILLAGE_HOME_LEGACY",
                (9, 7): "HOME_STRADDLE_2W",
                (9, 8): "HOME_STRADDLE_2E",
            },
            leading_lane=True,
        ),
        (2, 1): [(80, [(1.0, "VILLAGE_COMMITTEE"), (1.2, "col_ind"), (1.0, "village_shop")])]
        + _home_strips(2, 17, leading_lane=True, trailing_lane=True)
        + [(1.0, [(1.0, "res_resettlement")])],
        (2, 2): [
            (0.5, [(1.0, "FAC_OLD_OFFICE"), (1.0, "fac_office")]),
            (0.5, [(1.0, "park")]),
        ],
        (2, 3): [
            (0.5, [(1.0, "res_old"), (1.0, "com")]),
            (0.5, [(1.0, "res_new"), (0.7, "com"), (0.8, "res_old")]),
        ],
        (2, 4): [
            (0.5, [(1.0, "UNSUPPLIED_VACANT"), (1.0, "IDLE_UNBUILT")]),
            (0.5, [(1.0, "IDLE_PARTLY_BUILT"), (1.0, "UNSUPPLIED_FARMED")]),
        ],
        (3, 0): _home_strips(1, 17, trailing_lane=True)
        + [(1.0, [(1.0, "agri_0102"), (1.0, "agri_0102"), (1.0, "AGRI_DRYLAND")])],
        (3, 1): [
            (0.5, [(1.0, "AGRI_ORCHARD"), (0.8, "LEGACY_ON_FARMLAND"), (1.0, "agri_0103")]),
            (0.5, [(1.0, "agri_0102"), (1.0, "agri_1202")]),
        ],
        (3, 2): [
            (0.55, [(1.0, "ind_new"), (1.0, "ind_new"), (1.2, "ind_new"), (1.0, "ind_new")]),
            (0.45, [(1.0, "UNSUPPLIED_NEW_INDUSTRIAL"), (1.0, "ind_new"), (1.0, "agri_0102")]),
        ],
        (3, 4): [(1.0, [(1.0, "agri_0201"), (1.0, "agri_0102")])],
    }


#: 控规 per block: one code = the whole block, two = south / north halves. Blocks (3,1)
#: and (3,4) lie outside the plan.
_SAMPLE_PLAN = {
    (0, 0): ["100101"],
    (0, 1): ["100101"],
    (0, 2): ["110101"],
    (0, 3): ["100101", "0901"],
    (0, 4): ["0804", "0806"],
    (1, 0): ["0701", "0901"],
    (1, 1): ["100101", "0701"],
    (1, 2): ["0901"],
    (1, 3): ["0701"],
    (1, 4): ["0701"],
    (2, 0): ["0901", "0701"],
    (2, 1): ["0703", "0701"],
    (2, 2): ["0801", "1401"],
    (2, 3): ["0701", "0901"],
    (2, 4): ["0901", "0701"],
    (3, 0): ["0703"],
    (3, 2): ["100101", "100101"],
}

_MERGE_ROLES = {"IND_L_SHAPE", "IND_MULTIPOLYGON"}
_HOME_ROLES = {
    "home",
    "VILLAGE_DISPUTED",
    "VILLAGE_HOME_LEGACY",
    "HOME_STRADDLE_1W",
    "HOME_STRADDLE_1E",
    "HOME_STRADDLE_2W",
    "HOME_STRADDLE_2E",
}
#: parcels split into two 三调 patches: role -> (second class, which half is second)
_SURVEY_SPLITS = {"COM_OLD_LOW_FAR": "0701", "LEGACY_POST2010": "0102", "IND_L_SHAPE": "0508"}
_STRADDLE_PAIRS = [
    ("IND_STRADDLE_A", "IND_STRADDLE_B"),
    ("HOME_STRADDLE_1W", "HOME_STRADDLE_1E"),
    ("HOME_STRADDLE_2W", "HOME_STRADDLE_2E"),
]

#: The case table of ``sample.py``'s docstring: case -> parcel ids (checked on every run).
SAMPLE_CASES: dict[str, tuple[str, ...]] = {
    "IND_EFFICIENT": ("P0001",),
    "IND_STRADDLE_A": ("P0004",),
    "IND_STRADDLE_B": ("P0005",),
    "IND_TAX30_A": ("P0007",),
    "IND_TAX_AT_40PCT": ("P0008",),
    "IND_TAX30_B": ("P0009",),
    "IND_TAX30_C": ("P0010",),
    "IND_TAX30_D": ("P0011",),
    "IND_MULTIPOLYGON": ("P0012",),
    "LOG_OLD": ("P0015",),
    "LOG_DANGER_EXACT_50": ("P0016",),
    "LOG_MODERN": ("P0017",),
    "IND_FAR_EXACT_1": ("P0021",),
    "IND_YOUNG_EXEMPT": ("P0022",),
    "IND_ABOVE_SCALE_LOW_FAR": ("P0023",),
    "IND_CLEAR_LOWLAND": ("P0024",),
    "IND_STOPPED": ("P0025",),
    "IND_FAR_BETWEEN_MINIMA": ("P0026",),
    "FAC_SCHOOL": ("P0027",),
    "FAC_HOSPITAL": ("P0028",),
    "FAC_WATERWORKS": ("P0029",),
    "IND_DANGER": ("P0030",),
    "IND_TAX_BELOW_40PCT": ("P0031",),
    "IND_DISPUTED": ("P0032",),
    "IND_L_SHAPE": ("P0033",),
    "IND_HOLE": ("P0034",),
    "FAC_SUBSTATION": ("P0035",),
    "LEGACY_PRE2010_REGULAR": ("P0037",),
    "LEGACY_POST2010": ("P0038",),
    "LEGACY_NO_DATE": ("P0040",),
    "LEGACY_2009_12_31": ("P0041",),
    "LEGACY_2010_01_01": ("P0042",),
    "LEGACY_ERDIAO_NOT_CONSTRUCTION": ("P0043",),
    "LEGACY_NOT_PLAN_CONFORMING": ("P0044",),
    "LEGACY_ERDIAO_UNKNOWN": ("P0045",),
    "IND_NO_BUILDINGS": ("P0047",),
    "COM_OLD_LOW_FAR": ("P0050",),
    "COM_STALLED": ("P0053",),
    "RES_OLD_LOW_FAR": ("P0055",),
    "RES_BUILT_2000_LOW_FAR": ("P0056",),
    "RES_OLD_DANGER": ("P0057",),
    "RES_NEW": ("P0059",),
    "COLLECTIVE_INDUSTRIAL": ("P0064",),
    "HOME_STRADDLE_1W": ("P0080",),
    "HOME_STRADDLE_1E": ("P0081",),
    "VILLAGE_DISPUTED": ("P0134",),
    "VILLAGE_HOME_LEGACY": ("P0169",),
    "HOME_STRADDLE_2W": ("P0225",),
    "HOME_STRADDLE_2E": ("P0226",),
    "VILLAGE_COMMITTEE": ("P0303",),
    "FAC_OLD_OFFICE": ("P0375",),
    "UNSUPPLIED_VACANT": ("P0383",),
    "IDLE_UNBUILT": ("P0384",),
    "IDLE_PARTLY_BUILT": ("P0385",),
    "UNSUPPLIED_FARMED": ("P0386",),
    "AGRI_DRYLAND": ("P0423",),
    "AGRI_ORCHARD": ("P0424",),
    "LEGACY_ON_FARMLAND": ("P0425",),
    "UNSUPPLIED_NEW_INDUSTRIAL": ("P0433",),
}
#: homestead id ranges (first, last), both blocks
SAMPLE_HOME_RANGES = (("P0065", "P0302"), ("P0306", "P0373"), ("P0387", "P0420"))


def _resolve(specs: list, total: float, rng: np.random.Generator) -> list[tuple[float, float]]:
    """(start, end) offsets of consecutive sizes along ``total``; ints are metres, floats
    weights of the rest (jittered ±12 %), interior cuts on whole metres."""
    fixed = sum(s for s in specs if isinstance(s, int))
    weights = [s * rng.uniform(0.88, 1.12) if isinstance(s, float) else 0.0 for s in specs]
    rest = total - fixed
    wsum = sum(weights)
    if wsum == 0 and abs(rest) > 1e-6:
        raise ValueError(f"fixed sizes {fixed} do not fill {total}")
    if rest < 0:
        raise ValueError(f"fixed sizes {fixed} exceed {total}")
    out, pos = [], 0.0
    for i, (s, w) in enumerate(zip(specs, weights, strict=True)):
        size = float(s) if isinstance(s, int) else rest * w / wsum
        end = total if i == len(specs) - 1 else float(round(pos + size))
        out.append((pos, end))
        pos = end
    return out


def _sample_roads_and_blocks():
    boundary = Polygon([(606400, 4261850), (608200, 4261850), *_CANAL])
    lines = [LineString(c) for *_, c in _SAMPLE_ROADS]
    corridors = [
        ln.buffer(w / 2, cap_style="flat", join_style="mitre")
        for ln, (_, _, _, w, _) in zip(lines, _SAMPLE_ROADS, strict=True)
    ]
    rest = boundary.difference(shapely.union_all(corridors))
    blocks: dict[tuple[int, int], Polygon] = {}
    for part in getattr(rest, "geoms", [rest]):
        if part.area < 1000:
            continue
        c = part.centroid
        col = int(np.searchsorted(_X_LINES, c.x)) - 1
        row = sum(c.y > y for y in (4261850, 4262230, _slant_y(c.x), 4262980)) - 1
        blocks[(row, col)] = part
    return boundary, lines, corridors, blocks


def _layout_block(poly: Polygon, strips: list, rng: np.random.Generator):
    """Cells (role, geometry, bounds) and lanes of one block."""
    minx, miny, maxx, maxy = poly.bounds
    cells, lanes = [], []
    heights = _resolve([h for h, _ in strips], maxy - miny, rng)
    for (_, spec), (h0, h1) in zip(strips, heights, strict=True):
        y0, y1 = miny + h0, miny + h1
        if isinstance(spec, str):
            lanes.append(box(minx, y0, maxx, y1).intersection(poly))
            continue
        widths = _resolve([w for w, _ in spec], maxx - minx, rng)
        for (_, role), (w0, w1) in zip(spec, widths, strict=True):
            if role is None:
                continue
            b = (minx + w0, y0, minx + w1, y1)
            geom = box(*b).intersection(poly)
            if geom.area > 1.0:
                cells.append((role, geom, b))
    return cells, lanes


def _sample_parcel_geometries(blocks, rng):
    """Parcels in id order: dicts with role, geometry, bounds, block."""
    specs = _sample_block_specs()
    parcels: list[dict] = []
    by_role: dict[str, dict] = {}
    lanes: dict[tuple[int, int], list] = {}
    for key in sorted(specs):
        cells, block_lanes = _layout_block(blocks[key], specs[key], rng)
        lanes[key] = block_lanes
        for role, geom, bounds in cells:
            if role in _MERGE_ROLES and role in by_role:
                p = by_role[role]
                p["geometry"] = p["geometry"].union(geom)
                p["parts"].append(bounds)
                continue
            p = {"role": role, "geometry": geom, "bounds": bounds, "parts": [bounds], "block": key}
            parcels.append(p)
            by_role.setdefault(role, p)
            if role == "IND_HOLE":
                x0, y0, x1, y1 = bounds
                w, h = x1 - x0, y1 - y0
                inner = box(
                    round(x0 + 0.55 * w),
                    round(y0 + 0.35 * h),
                    round(x0 + 0.8 * w),
                    round(y0 + 0.65 * h),
                )
                p["geometry"] = geom.difference(inner)
                sub = {
                    "role": "FAC_SUBSTATION",
                    "geometry": inner,
                    "bounds": inner.bounds,
                    "parts": [inner.bounds],
                    "block": key,
                }
                parcels.append(sub)
                by_role["FAC_SUBSTATION"] = sub
    width = max(4, len(str(len(parcels))))
    for i, p in enumerate(parcels, 1):
        p["parcel_id"] = f"P{i:0{width}d}"
    return parcels, lanes
