"""Sample district buildings: the building plan per role (``_BLD``), their placement
inside the parcels, structure and danger grade, the hand-drawn special cases, the
straddling buildings and the documented null ``floors`` / ``gfa``."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import box

from .common import REFERENCE_YEAR
from .sample_attributes import _kind
from .sample_layout import _STRADDLE_PAIRS

#: building plans: n, far, cover, years, grades, setback, floors (None = from far/cover)
_BLD = {
    "ind": dict(n=(2, 4), far=(0.6, 1.6), cover=(0.35, 0.55), setback=8),
    "ind_small": dict(n=(1, 2), far=(0.5, 1.1), cover=(0.3, 0.5), setback=4),
    "ind_workshop": dict(n=(2, 3), far=(0.4, 0.9), cover=(0.35, 0.55), setback=5),
    "ind_new": dict(n=(2, 4), far=(1.1, 2.0), cover=(0.4, 0.55), setback=8),
    "col_ind": dict(n=(2, 4), far=(0.3, 0.7), cover=(0.3, 0.5), setback=6),
    "log": dict(n=(2, 4), far=(0.5, 0.9), cover=(0.45, 0.6), floors=(1, 2), setback=8),
    "com": dict(n=(1, 3), far=(1.2, 3.2), cover=(0.3, 0.45), setback=8),
    "village_shop": dict(n=(2, 4), far=(0.6, 1.0), cover=(0.35, 0.5), floors=(1, 2), setback=3),
    "res_old": dict(n=(4, 8), far=(1.0, 1.6), cover=(0.25, 0.35), setback=8),
    "res_new": dict(n=(6, 10), far=(1.8, 2.8), cover=(0.18, 0.25), setback=10),
    "res_resettlement": dict(n=(6, 10), far=(1.6, 2.2), cover=(0.2, 0.28), setback=10),
    "fac_office": dict(n=(1, 3), far=(0.8, 1.5), cover=(0.25, 0.35), setback=10),
    "fac_kindergarten": dict(n=(1, 2), far=(0.5, 0.8), cover=(0.25, 0.3), setback=8),
    "park": dict(n=(1, 1), far=(0.01, 0.01), cover=(0.01, 0.01), floors=(1, 1), setback=20),
    "agri_1202": dict(n=(3, 4), far=(0.3, 0.35), cover=(0.3, 0.35), floors=(1, 1), setback=6),
    # cases
    "IND_EFFICIENT": dict(n=3, far=1.9, cover=0.48, years=(2014, 2018), grades="A"),
    "IND_STRADDLE_A": dict(n=2, far=1.1, cover=0.4, grades="AB", setback=14),
    "IND_STRADDLE_B": dict(n=2, far=1.1, cover=0.4, grades="AB", setback=14),
    "IND_TAX30_A": dict(n=2, far=1.3, cover=0.45, grades="AB"),
    "IND_TAX_AT_40PCT": dict(n=2, far=1.3, cover=0.45, grades="AB"),
    "IND_TAX30_B": dict(n=2, far=1.4, cover=0.47, grades="AB"),
    "IND_TAX30_C": dict(n=2, far=1.5, cover=0.5, grades="AB"),
    "IND_TAX30_D": dict(n=2, far=1.2, cover=0.4, grades="AB"),
    "IND_MULTIPOLYGON": dict(n=4, far=0.9, cover=0.45, grades="AB"),
    "LOG_OLD": dict(n=4, far=0.5, cover=0.5, floors=1, years=(1984, 1995), grades=("cd", 3)),
    "LOG_MODERN": dict(n=2, far=0.7, cover=0.45, floors=1, years=(2016, 2018), grades="A"),
    "IND_YOUNG_EXEMPT": dict(n=2, far=0.4, cover=0.4, years=(2021, 2021), grades="A"),
    "IND_ABOVE_SCALE_LOW_FAR": dict(n=3, far=0.5, cover=0.5, years=(2005, 2010), grades="AB"),
    "IND_CLEAR_LOWLAND": dict(n=3, far=0.35, cover=0.35, years=(1986, 1994), grades="CD"),
    "IND_STOPPED": dict(n=3, far=0.5, cover=0.5, years=(1999, 2003), grades="AB"),
    "IND_FAR_BETWEEN_MINIMA": dict(n=3, far=0.75, cover=0.375, years=(2006, 2010), grades="AB"),
    "FAC_SCHOOL": dict(n=4, far=0.7, cover=0.233, years=(2005, 2010), grades="AB", setback=12),
    "FAC_HOSPITAL": dict(n=3, far=1.4, cover=0.35, years=(2008, 2012), grades="AB"),
    "FAC_WATERWORKS": dict(n=4, far=0.25, cover=0.25, floors=1, years=(1998, 2005), grades="AB"),
    "FAC_SUBSTATION": dict(n=1, far=0.3, cover=0.3, floors=1, years=(2003, 2003), setback=4),
    "IND_DANGER": dict(n=3, far=1.2, cover=0.4, years=(1978, 1990), grades=("cd", 2)),
    "IND_TAX_BELOW_40PCT": dict(n=3, far=1.2, cover=0.4, years=(2005, 2010), grades="AB"),
    "IND_DISPUTED": dict(n=3, far=0.4, cover=0.4, years=(1990, 1998)),
    "IND_L_SHAPE": dict(n=4, far=0.9, cover=0.45, years=(1998, 2008), grades="AB"),
    "IND_HOLE": dict(n=3, far=0.9, cover=0.45, years=(2002, 2008), grades="AB"),
    "COLLECTIVE_INDUSTRIAL": dict(n=3, far=0.5, cover=0.5, years=(1998, 2001)),
    "COM_OLD_LOW_FAR": dict(n=3, far=0.6, cover=0.3, years=(1990, 1994), grades="B"),
    "RES_OLD_LOW_FAR": dict(n=6, far=0.8, cover=0.267, floors=3, years=(1988, 1993), grades="B"),
    "RES_BUILT_2000_LOW_FAR": dict(
        n=5, far=0.9, cover=0.3, floors=3, years=(2000, 2000), grades="A"
    ),
    "RES_OLD_DANGER": dict(
        n=6, far=1.4, cover=0.28, floors=5, years=(1994, 1998), grades=("cd", 4)
    ),
    "RES_NEW": dict(
        n=8, far=2.5, cover=0.147, floors=17, years=(2013, 2016), grades="A", setback=12
    ),
    "FAC_OLD_OFFICE": dict(n=2, far=0.5, cover=0.25, floors=2, years=(1984, 1987), grades="B"),
    "VILLAGE_COMMITTEE": dict(n=2, far=0.5, cover=0.25, floors=2, years=(2006, 2006), grades="A"),
}
_LEGACY_BLD = dict(n=(2, 3), far=(0.3, 0.6), cover=(0.3, 0.45), setback=5)
_NO_BUILDINGS = {
    "IND_NO_BUILDINGS",
    "UNSUPPLIED_VACANT",
    "UNSUPPLIED_FARMED",
    "UNSUPPLIED_NEW_INDUSTRIAL",
    "IDLE_UNBUILT",
    "AGRI_DRYLAND",
    "AGRI_ORCHARD",
    "agri_0102",
    "agri_0103",
    "agri_0201",
}


def _pick_range(v, rng, integer=False):
    if isinstance(v, tuple):
        lo, hi = v
        return int(rng.integers(lo, hi + 1)) if integer else float(rng.uniform(lo, hi))
    return v


def _place(geom, n: int, cover: float, rng: np.random.Generator, setback: float) -> list:
    """Up to ``n`` non-overlapping rectangles (0.5 m grid) inside ``geom`` inset by
    ``setback``, sized for a total footprint of about ``cover`` × area (a few slot
    grids are tried; the one closest to that footprint wins)."""
    inner = geom.buffer(-setback, join_style="mitre")
    if inner.is_empty or inner.area < 0.15 * geom.area:
        inner = geom.buffer(-setback / 3, join_style="mitre")
    shapely.prepare(inner)
    minx, miny, maxx, maxy = inner.bounds
    width, height = maxx - minx, maxy - miny
    slots = max(n, math.ceil(n / max(inner.area / (width * height), 0.3)))
    target = cover * geom.area
    nr0 = max(1, round(math.sqrt(slots * height / width)))
    best, best_key = [], None
    for nr in sorted({max(1, nr0 - 1), nr0, nr0 + 1}):
        nc = max(1, math.ceil(slots / nr))
        sw, sh = width / nc, height / nr
        f = math.sqrt(target / n / (sw * sh))
        found = []
        for r in range(nr):
            for c in range(nc):
                for shrink in (1.0, 0.8, 0.6):
                    fx = min(0.95, f * shrink * rng.uniform(0.95, 1.05))
                    fy = min(0.95, f * shrink * rng.uniform(0.95, 1.05))
                    bw, bh = sw * fx, sh * fy
                    x0 = minx + c * sw + rng.uniform(0, sw - bw)
                    y0 = miny + r * sh + rng.uniform(0, sh - bh)
                    b = box(
                        math.ceil(x0 * 2) / 2,
                        math.ceil(y0 * 2) / 2,
                        math.floor((x0 + bw) * 2) / 2,
                        math.floor((y0 + bh) * 2) / 2,
                    )
                    if b.area > 0 and inner.contains(b):
                        found.append(b)
                        break
        if len(found) > n:  # keep the n largest-fitting subset in reading order
            keep = np.sort(rng.choice(len(found), n, replace=False))
            found = [found[i] for i in keep]
        key = (len(found) != n, abs(sum(b.area for b in found) - target))
        if best_key is None or key < best_key:
            best, best_key = found, key
    return best


def _structure(kind: str, floors: int, year: int, rng: np.random.Generator) -> str:
    if floors >= 7:
        return "frame"
    if kind in ("industrial", "logistics") and floors <= 2 and year >= 2000:
        return "steel" if rng.random() < 0.7 else "frame"
    if year < 2000 and floors <= 6:
        return "brick_concrete" if rng.random() < 0.85 else "simple"
    return "frame"


def _age_grade(year: int, rng: np.random.Generator) -> str:
    age = REFERENCE_YEAR - year
    p_cd = 0.5 if age > 40 else 0.3 if age > 30 else 0.1 if age > 20 else 0.02
    if rng.random() < p_cd:
        return "C" if rng.random() < 0.7 else "D"
    return "A" if rng.random() < (0.85 if age < 10 else 0.45) else "B"


def _grades(mode, gfa: list[float], years: list[int], rng) -> list[str]:
    n = len(gfa)
    if mode is None:
        return [_age_grade(y, rng) for y in years]
    if isinstance(mode, tuple):  # ("cd", k): the k largest are C/D, the rest B
        order = np.argsort(-np.asarray(gfa), kind="stable")
        out = ["B"] * n
        for rank, i in enumerate(order[: mode[1]]):
            out[i] = "CD"[rank % 2]
        return out
    return [mode[int(rng.integers(len(mode)))] for _ in range(n)]


def _building(geom, floors, year, kind, rng, grade=None, illegal=False, structure=None):
    return dict(
        geometry=geom,
        floors=floors,
        gfa=geom.area * floors,
        year_built=year,
        structure=structure or _structure(kind, floors, year, rng),
        danger_grade=grade,
        illegal=illegal,
    )


def _home_buildings(p: dict, rng, drop_shed: bool) -> list[dict]:
    x0, y0, x1, y1 = p["bounds"]
    year = int(rng.integers(1978, 2013))
    if p["role"] == "VILLAGE_HOME_LEGACY":
        year = 2011
    depth = math.floor(rng.uniform(8.0, 10.0) * 2) / 2
    main = box(math.ceil(x0 * 2) / 2 + 1, y1 - 1 - depth, math.floor(x1 * 2) / 2 - 1, y1 - 1)
    floors = int(rng.choice([1, 2, 3], p=[0.6, 0.35, 0.05]))
    out = [_building(main, floors, year, "home", rng, grade=_age_grade(year, rng))]
    out[0]["structure"] = "brick_concrete" if year >= 1990 or rng.random() < 0.7 else "simple"
    if not drop_shed:
        sx = math.ceil(x0 * 2) / 2 + 1
        shed = box(sx, y0 + 1, sx + rng.integers(8, 13) / 2, y0 + 1 + rng.integers(8, 11) / 2)
        sy = int(rng.integers(year, 2021))
        out.append(_building(shed, 1, sy, "home", rng, _age_grade(sy, rng), structure="simple"))
    return out


def _special_buildings(p: dict, rng) -> list[dict] | None:
    role = p["role"]
    x0, y0, x1, y1 = p["bounds"]
    if role == "IND_FAR_EXACT_1":  # 120 x 170 parcel, 100 x 102 x 2 floors = 20400 m²
        g = box(x0 + 10, y0 + 20, x0 + 110, y0 + 122)
        return [_building(g, 2, 2012, "industrial", rng, grade="A", structure="steel")]
    if role == "LOG_DANGER_EXACT_50":  # two identical warehouses, one C, one B
        w = math.floor((x1 - x0 - 30) / 2)
        d = math.floor((y1 - y0) * 0.5)
        by = math.floor(y0 + (y1 - y0 - d) / 2)
        g1 = box(x0 + 10, by, x0 + 10 + w, by + d)
        g2 = box(x1 - 10 - w, by, x1 - 10, by + d)
        return [
            _building(g1, 1, 1992, "logistics", rng, grade="C", structure="brick_concrete"),
            _building(g2, 1, 1997, "logistics", rng, grade="B", structure="brick_concrete"),
        ]
    if role == "COM_STALLED":  # only a site office since 2021
        g = box(round(x0) + 6, round(y0) + 6, round(x0) + 18, round(y0) + 12)
        return [_building(g, 1, 2021, "commercial", rng, grade="A", structure="simple")]
    if role == "IDLE_PARTLY_BUILT":
        g = box(round(x0) + 10, round(y0) + 10, round(x0) + 40, round(y0) + 28)
        return [_building(g, 1, 2015, "industrial", rng, grade="B", structure="simple")]
    return None


def _sample_buildings(parcels: list[dict], attrs: list[dict], rng) -> list[dict]:
    """Buildings in parcel order, each dict with ``parcel_index`` (first parcel)."""
    straddle_east = {east for _, east in _STRADDLE_PAIRS}
    by_role = {p["role"]: i for i, p in enumerate(parcels)}
    out: list[dict] = []
    for i, (p, a) in enumerate(zip(parcels, attrs, strict=True)):
        role, kind = p["role"], _kind(p["role"])
        if role in _NO_BUILDINGS:
            continue
        if kind == "home":
            blds = _home_buildings(p, rng, drop_shed=role in straddle_east)
        else:
            blds = _special_buildings(p, rng)
        if blds is None:
            plan = _BLD.get(role) or (_LEGACY_BLD if not a["lawful_approval"] else _BLD["ind"])
            n = _pick_range(plan["n"], rng, integer=True)
            far = _pick_range(plan["far"], rng)
            cover = _pick_range(plan["cover"], rng)
            floors = plan.get("floors")
            floors = (
                _pick_range(floors, rng, integer=True) if floors else max(1, round(far / cover))
            )
            cover = far / floors
            boxes = _place(p["geometry"], n, cover, rng, plan.get("setback", 8))
            base = int(a["contract_date"][:4]) if a.get("contract_date") else None
            if a.get("occupied_date"):
                base = int(a["occupied_date"][:4])
            years_rng = plan.get("years") or (
                (base, min(base + 3, REFERENCE_YEAR)) if base else (1990, 2015)
            )
            years = [int(rng.integers(years_rng[0], years_rng[1] + 1)) for _ in boxes]
            fixed_floors = plan.get("floors") is not None or role[0].isupper()
            fl = [
                floors if fixed_floors else max(1, floors + int(rng.integers(-1, 2))) for _ in boxes
            ]
            gfa = [b.area * f for b, f in zip(boxes, fl, strict=True)]
            grades = _grades(plan.get("grades"), gfa, years, rng)
            blds = [
                _building(b, f, y, kind, rng, grade=g)
                for b, f, y, g in zip(boxes, fl, years, grades, strict=True)
            ]
            if role == "park":
                blds[0]["structure"] = "simple"
        if not a["lawful_approval"]:
            for b in blds:
                b["illegal"] = True
        for b in blds:
            b["parcel_index"] = i
        out.extend(blds)
        west = [w for w, e in _STRADDLE_PAIRS if e == role]
        if west:  # the straddling building of the pair (west, this)
            out.append(_straddler(parcels[by_role[west[0]]], p, i, rng))
    # documented null cases
    first = {}
    for b in out:
        first.setdefault(parcels[b["parcel_index"]]["role"], []).append(b)
    lshape = first["IND_L_SHAPE"]
    lshape[0]["floors"] = None
    lshape[1]["gfa"] = None
    first["LEGACY_NO_DATE"][0].update(floors=None, gfa=None)
    return out


def _straddler(west: dict, east: dict, east_index: int, rng) -> dict:
    edge = west["bounds"][2]
    y0, y1 = east["bounds"][1], east["bounds"][3]
    if west["role"].startswith("HOME"):  # a shed built over the neighbour's line
        g = box(edge - 4, y0 + 1, edge + 5, y0 + 6.5)
        year = int(rng.integers(2005, 2020))
        b = _building(g, 1, year, "home", rng, grade="B", illegal=True, structure="simple")
    else:  # a warehouse across the common line of two industrial parcels
        h = y1 - y0
        by = math.floor(y0 + 0.35 * h)
        g = box(edge - 10, by, edge + 10, by + 40)
        b = _building(g, 1, 2004, "industrial", rng, grade="B", structure="steel")
    b["parcel_index"] = east_index
    return b
