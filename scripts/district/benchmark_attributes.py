"""Benchmark district attributes, vectorised: the land-use zones, the parcel
attributes (tenure, supply, uses, industry, tax, legacy-land fields, owners) and the
buildings' attributes, drawn per zone."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .common import (
    _AGRI_APPROVED,
    BENCH_INDUSTRY_CODES,
    BRANDS,
    GIVEN_NAMES,
    INDUSTRY_WORDS,
    KIND_WORDS,
    PREFIXES,
    REFERENCE_YEAR,
    RESERVE_OWNER,
    SUFFIXES,
    SURNAMES,
    _frame,
)

Z_IND, Z_LOG, Z_COM, Z_RES, Z_VIL, Z_FAC, Z_AGR = range(7)


def _choice(rng, values, p, size) -> np.ndarray:
    return np.asarray(values, dtype=object)[rng.choice(len(values), size=size, p=p)]


def _dates(rng, years: np.ndarray) -> np.ndarray:
    """ISO date strings, a random day of each given year (NaN/≤0 -> None)."""
    out = np.full(years.shape, None, dtype=object)
    ok = years > 0
    days = (years[ok] - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    days = days + rng.integers(0, 365, ok.sum()).astype("timedelta64[D]")
    out[ok] = np.datetime_as_string(days, unit="D").astype(object)
    return out


def _pick_str(rng, pool, size) -> np.ndarray:
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), size)]


def _bench_owners(rng, zone, dlbm, industry, tenure, village_of) -> np.ndarray:
    n = zone.size
    pre = _pick_str(rng, PREFIXES, n)
    brand = _pick_str(rng, BRANDS, n)
    suf = _pick_str(rng, SUFFIXES, n)
    word = np.full(n, "实业", dtype=object)
    for code, words in INDUSTRY_WORDS.items():
        m = industry == code
        word[m] = _pick_str(rng, words, m.sum())
    for z, kind in ((Z_LOG, "logistics"), (Z_COM, "commercial"), (Z_RES, "developer")):
        m = zone == z
        word[m] = _pick_str(rng, KIND_WORDS[kind], m.sum())
    owner = pre + brand + word + suf
    person = _pick_str(rng, SURNAMES, n) + _pick_str(rng, GIVEN_NAMES, n)
    m = zone == Z_VIL
    owner[m] = person[m]
    m = zone == Z_AGR
    owner[m] = village_of[m] + "村民小组"
    m = zone == Z_FAC
    owner[m] = np.where(
        dlbm[m] == "0809",
        "银川市城市供水有限公司",
        np.where(dlbm[m] == "08H1", "银川市金凤区人民政府", "银川市金凤区教育局"),
    )
    return owner


def _bench_parcel_attributes(rng, zone, block, n_cells, n_notch) -> dict:
    n = zone.size
    is_inner = np.zeros(n, bool)
    is_inner[n_cells + n_notch :] = True  # parcels inside holes: substations / pump houses
    dlbm = np.empty(n, dtype=object)
    use = np.empty(n, dtype=object)
    m = zone == Z_IND
    dlbm[m] = "0601"
    use[m] = _choice(rng, ["100101", "100102", "100103"], [0.6, 0.35, 0.05], m.sum())
    m = zone == Z_LOG
    dlbm[m], use[m] = "0508", _choice(rng, ["110101", "110102"], [0.8, 0.2], m.sum())
    m = zone == Z_COM
    dlbm[m], use[m] = "05H1", "0901"
    m = zone == Z_RES
    dlbm[m], use[m] = "0701", "0701"
    m = zone == Z_VIL
    dlbm[m], use[m] = "0702", "0703"
    m = zone == Z_FAC
    dlbm[m] = _choice(rng, ["08H1", "08H2", "0809"], [0.3, 0.5, 0.2], m.sum())
    dlbm[is_inner] = "0809"
    fac_use = {"08H1": "0801", "0809": "1301"}
    use[m] = [fac_use.get(c) or ("0804" if rng.random() < 0.6 else "0806") for c in dlbm[m]]
    m = zone == Z_AGR
    dlbm[m] = _choice(rng, ["0102", "0103", "0201", "1202"], [0.55, 0.2, 0.15, 0.1], m.sum())
    use[m] = [_AGRI_APPROVED[c] for c in dlbm[m]]

    enterprise = np.isin(zone, [Z_IND, Z_LOG, Z_COM]) & ~is_inner
    tenure = np.full(n, "granted", dtype=object)
    tenure[np.isin(zone, [Z_FAC])] = "allocated"
    tenure[np.isin(zone, [Z_VIL, Z_AGR])] = "collective"
    r = rng.random(n)
    tenure[(zone == Z_IND) & (r < 0.1)] = "collective"
    tenure[(zone == Z_RES) & (r < 0.2)] = "allocated"

    year = rng.integers(1992, 2022, n)
    year[zone == Z_RES] = rng.integers(1985, 2020, (zone == Z_RES).sum())
    contract_year = np.where(np.isin(tenure, ["granted", "allocated"]), year, 0)
    supply = np.full(n, "supplied", dtype=object)
    supply[zone == Z_AGR] = None
    lawful = ~((rng.random(n) < 0.07) & np.isin(zone, [Z_IND, Z_LOG, Z_VIL]) & ~is_inner)
    flags = rng.random((3, n))
    unsupplied = (flags[0] < 0.02) & (zone != Z_AGR) & ~is_inner & lawful
    idle = (flags[1] < 0.015) & ~unsupplied & lawful & np.isin(zone, [Z_IND, Z_COM])
    disputed = (flags[2] < 0.01) & (zone != Z_AGR)

    industry = np.full(n, None, dtype=object)
    m = zone == Z_IND
    industry[m] = BENCH_INDUSTRY_CODES[rng.integers(0, BENCH_INDUSTRY_CODES.size, m.sum())]
    tax = np.full(n, np.nan)
    med = {Z_IND: 18.0, Z_LOG: 9.0, Z_COM: 30.0}
    for z, md in med.items():
        mm = (zone == z) & ~is_inner
        tax[mm] = np.round(rng.lognormal(math.log(md), 0.8, mm.sum()), 1)
    above = enterprise & (rng.random(n) < np.where(zone == Z_IND, 0.15, 0.08))
    operating = ~(enterprise & (rng.random(n) < 0.08))

    occ_kind = rng.random(n)
    occ_year = np.where(
        occ_kind < 0.45,
        rng.integers(1990, 2010, n),
        np.where(occ_kind < 0.9, rng.integers(2010, 2023, n), 0),
    )
    occ_year[lawful] = 0
    occupied = _dates(rng, occ_year)
    first_year = np.where(lawful, contract_year, occ_year)
    erdiao = pd.array(
        (first_year > 0) & (first_year <= 2009) | (rng.random(n) < 0.3), dtype="boolean"
    )
    erdiao[zone == Z_VIL] = True
    erdiao[zone == Z_AGR] = False
    erdiao[~lawful & (rng.random(n) < 0.05)] = pd.NA
    conforming = pd.array(rng.random(n) < np.where(lawful, 0.97, 0.85), dtype="boolean")
    conforming[zone == Z_AGR] = pd.NA

    # reserve land (批而未供): no user, no right, nothing built
    dlbm[unsupplied] = np.where(rng.random(unsupplied.sum()) < 0.5, "1201", "0102")
    supply[unsupplied] = "approved_unsupplied"
    tenure[unsupplied] = None
    contract_year[unsupplied] = 0
    industry[unsupplied] = None
    tax[unsupplied] = np.nan
    tax[idle] = 0.0
    above[unsupplied] = False
    operating[unsupplied | idle] = False
    erdiao[unsupplied] = False
    # unapproved land: no right, no supply, no contract
    supply[~lawful] = None
    m = ~lawful & (zone != Z_VIL)
    tenure[m] = np.where(rng.random(m.sum()) < 0.6, "collective", None)
    contract_year[~lawful] = 0
    start = np.where(contract_year > 0, contract_year, occ_year)
    years_op = pd.array(REFERENCE_YEAR - start, dtype="Int64")
    years_op[~enterprise | unsupplied | (start == 0)] = pd.NA
    village_of = np.array([f"{BRANDS[b % len(BRANDS)]}村" for b in block], dtype=object)
    owner = _bench_owners(rng, zone, dlbm, industry, tenure, village_of)
    owner[unsupplied] = RESERVE_OWNER
    no_buildings = unsupplied | (idle & (rng.random(n) < 0.7))
    return {
        "owner": owner,
        "tenure": tenure,
        "contract_date": _dates(rng, contract_year),
        "supply_status": supply,
        "idle": idle,
        "disputed": disputed,
        "approved_use": use,
        "dlbm": dlbm,
        "industry_code": industry,
        "tax_per_mu": tax,
        "years_operating": years_op,
        "above_scale": above,
        "operating": operating,
        "lawful_approval": lawful,
        "occupied_date": occupied,
        "erdiao_construction": erdiao,
        "plan_conforming": conforming,
        "_no_buildings": no_buildings,
        "_village": village_of,
        "_first_year": np.where(first_year > 0, first_year, rng.integers(1980, 2018, n)),
    }


def _bench_buildings(rng, geoms, zone, att, parcel) -> gpd.GeoDataFrame:
    nbld = geoms.size
    base = att["_first_year"][parcel]
    year = np.minimum(REFERENCE_YEAR, base + rng.integers(0, 5, nbld))
    year = np.clip(year, 1975, REFERENCE_YEAR)
    floors = np.select(
        [zone == Z_IND, zone == Z_LOG, zone == Z_COM, zone == Z_RES, zone == Z_VIL, zone == Z_FAC],
        [
            rng.choice([1, 1, 1, 2, 2, 3, 4], nbld),
            rng.choice([1, 1, 1, 2], nbld),
            rng.integers(2, 11, nbld),
            np.where(year < 2000, rng.integers(4, 7, nbld), rng.integers(6, 27, nbld)),
            rng.choice([1, 1, 2, 2, 3], nbld),
            rng.integers(2, 7, nbld),
        ],
        1,
    )
    footprint = shapely.area(geoms)
    gfa = footprint * floors
    structure = np.where(
        floors >= 7,
        "frame",
        np.where(
            np.isin(zone, [Z_IND, Z_LOG]) & (floors <= 2) & (year >= 2000),
            np.where(rng.random(nbld) < 0.7, "steel", "frame"),
            np.where(year < 2000, "brick_concrete", "frame"),
        ),
    ).astype(object)
    structure[(zone == Z_AGR) | (rng.random(nbld) < 0.04)] = "simple"
    age = REFERENCE_YEAR - year
    p_cd = np.select([age > 40, age > 30, age > 20], [0.5, 0.3, 0.1], 0.02)
    r = rng.random(nbld)
    grade = np.where(
        r < p_cd,
        np.where(rng.random(nbld) < 0.7, "C", "D"),
        np.where(rng.random(nbld) < np.where(age < 10, 0.85, 0.45), "A", "B"),
    ).astype(object)
    unlawful = ~att["lawful_approval"][parcel]
    illegal = (rng.random(nbld) < 0.02) | (unlawful & (rng.random(nbld) < 0.5))
    floors_col = pd.array(floors, dtype="Int64")
    floors_col[rng.random(nbld) < 0.005] = pd.NA
    gfa[rng.random(nbld) < 0.005] = np.nan
    width = max(5, len(str(nbld)))
    return _frame(
        {
            "building_id": np.array([f"B{i:0{width}d}" for i in range(1, nbld + 1)], dtype=object),
            "floors": floors_col,
            "gfa": gfa,
            "year_built": year.astype(np.int64),
            "structure": structure,
            "danger_grade": grade,
            "illegal": illegal,
        },
        geoms,
    )
