"""The benchmark district (``generate_district(N)``): exactly N parcels on a larger
grid, same schema as the sample, about 3 buildings per parcel, about 80 % of buildings
wholly inside one parcel and about 20 % straddling two neighbouring parcels; a few
L-shaped parcels (with the corner parcel cut from them), parcels with a hole (and the
parcel inside it) and MultiPolygons cut by a ditch. Vectorised (shapely 2 array
functions); 100k parcels / ~300k buildings in a few seconds.

``generate_benchmark()`` lays out the road grid, the blocks, the parcels and the
buildings' rectangles and builds the roads, 三调 and 控规 layers; the attributes are
drawn in ``benchmark_attributes.py``."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, box

from .benchmark_attributes import (
    Z_AGR,
    Z_COM,
    Z_FAC,
    Z_IND,
    Z_LOG,
    Z_RES,
    Z_VIL,
    _bench_buildings,
    _bench_parcel_attributes,
    _choice,
)
from .common import (
    ADMIN_CODE,
    CENTRE,
    FIELDS,
    GRADE_WIDTHS,
    PLAN_DEFAULTS,
    PLAN_NAMES,
    STATE_QSDW,
    _cn_number,
    _frame,
    _landsurvey_frame,
    _spawn,
)


def _splits(lo: np.ndarray, hi: np.ndarray, weights: np.ndarray, sizes: np.ndarray):
    """Cut each group's interval [lo, hi] into ``sizes`` pieces in proportion to
    ``weights`` (flat, grouped): (start, end) per piece; neighbours share one float."""
    g = np.repeat(np.arange(sizes.size), sizes)
    cs = np.cumsum(weights)
    first = np.cumsum(sizes) - sizes
    last = first + sizes - 1
    base = (cs[first] - weights[first])[g]
    total = cs[last][g] - base
    end = np.round(lo[g] + (cs - base) / total * (hi - lo)[g], 1)
    end[last] = hi
    start = np.empty_like(end)
    start[1:] = end[:-1]
    start[first] = lo
    return start, end


def generate_benchmark(n: int, seed: int) -> dict[str, gpd.GeoDataFrame]:
    if n < 1:
        raise ValueError("n_parcels must be >= 1")
    r_lay, r_att, r_bld, r_ls = _spawn(seed, 4)
    n_notch = n // 150 if n >= 150 else 0  # L-shaped parcel + the corner parcel cut from it
    n_hole = n // 300 if n >= 300 else 0  # parcel with a hole + the parcel inside it
    n_ditch = n // 200 if n >= 200 else 0  # MultiPolygon: a parcel cut by a ditch (沟渠)
    n_cells = n - n_notch - n_hole

    # ---- road grid and blocks (row-major from the south-west)
    nb_target = max(1, round(n_cells / 10.5))
    nx = max(1, math.ceil(math.sqrt(nb_target)))
    ny = max(1, math.ceil(nb_target / nx))
    nb = nx * ny
    k = r_lay.integers(6, 16, nb).astype(float)
    k = np.maximum(1, np.floor(k * n_cells / k.sum())).astype(np.int64)
    while (diff := n_cells - int(k.sum())) != 0:
        if diff > 0:
            k[r_lay.choice(nb, size=min(diff, nb), replace=False)] += 1
        else:
            cand = np.flatnonzero(k > 1)
            k[r_lay.choice(cand, size=min(-diff, cand.size), replace=False)] -= 1
    col_w = np.round(r_lay.uniform(240, 380, nx))
    row_h = np.round(r_lay.uniform(200, 320, ny))
    xs = np.round(CENTRE[0] - col_w.sum() / 2) + np.concatenate([[0.0], np.cumsum(col_w)])
    ys = np.round(CENTRE[1] - row_h.sum() / 2) + np.concatenate([[0.0], np.cumsum(row_h)])

    def grades_of(count):
        i = np.arange(count)
        return np.where(
            (i % 4 == 0) | (i == count - 1), "arterial", np.where(i % 2 == 0, "secondary", "branch")
        )

    gx, gy = grades_of(nx + 1), grades_of(ny + 1)
    wx = np.array([GRADE_WIDTHS[g][int(r_lay.integers(3))] for g in gx], dtype=float)
    wy = np.array([GRADE_WIDTHS[g][int(r_lay.integers(3))] for g in gy], dtype=float)
    hx, hy = wx / 2, wy / 2
    bi, bj = np.arange(nb) % nx, np.arange(nb) // nx
    bx0, bx1 = xs[bi] + hx[bi], xs[bi + 1] - hx[bi + 1]
    by0, by1 = ys[bj] + hy[bj], ys[bj + 1] - hy[bj + 1]
    block_zone = r_lay.choice(7, size=nb, p=[0.42, 0.1, 0.1, 0.16, 0.1, 0.07, 0.05])

    # ---- strips (rows of parcels) and cells
    n_str = np.select([k <= 3, k <= 8, k <= 15], [1, 2, 3], 4)
    s_block = np.repeat(np.arange(nb), n_str)
    s_local = np.arange(s_block.size) - np.repeat(np.cumsum(n_str) - n_str, n_str)
    sy0, sy1 = _splits(by0, by1, r_lay.uniform(0.75, 1.25, s_block.size), n_str)
    cells_per = k[s_block] // n_str[s_block] + (s_local < k[s_block] % n_str[s_block])
    c_strip = np.repeat(np.arange(s_block.size), cells_per)
    cx0, cx1 = _splits(bx0[s_block], bx1[s_block], r_lay.uniform(0.6, 1.4, c_strip.size), cells_per)
    cy0, cy1 = sy0[c_strip], sy1[c_strip]
    c_block = s_block[c_strip]
    cw, ch = cx1 - cx0, cy1 - cy0
    zone = block_zone[c_block].copy()
    mixable = ~np.isin(zone, [Z_VIL, Z_AGR]) & (r_lay.random(n_cells) < 0.12)
    zone[mixable] = r_lay.choice([Z_IND, Z_LOG, Z_COM, Z_RES, Z_FAC], size=mixable.sum())

    # ---- modified cells: L-shape (+ corner parcel), hole (+ inner parcel), ditch
    eligible = np.flatnonzero((cw >= 45) & (ch >= 45) & (zone != Z_AGR))
    n_mod = n_notch + n_hole + n_ditch
    if eligible.size < n_mod:
        raise RuntimeError("district too small for its modified parcels")
    mods = r_lay.choice(eligible, size=n_mod, replace=False)
    notch_c, hole_c, ditch_c = (
        mods[:n_notch],
        mods[n_notch : n_notch + n_hole],
        mods[n_mod - n_ditch :],
    )
    modified = np.zeros(n_cells, bool)
    modified[mods] = True

    cell_geom = shapely.box(cx0, cy0, cx1, cy1)
    # buildable rectangle of every parcel (cells first, extra parcels appended later)
    sl = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * cw)
    sr = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * cw)
    sb = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * ch)
    st = np.maximum(2.0, r_bld.uniform(0.04, 0.09, n_cells) * ch)

    # L-shapes: a top corner (east or west) becomes its own small parcel
    nw = np.round(r_lay.uniform(0.3, 0.45, n_notch) * cw[notch_c], 1)
    nh = np.round(r_lay.uniform(0.3, 0.45, n_notch) * ch[notch_c], 1)
    east = r_lay.random(n_notch) < 0.5
    nx0 = np.where(east, cx1[notch_c] - nw, cx0[notch_c])
    nx1 = np.where(east, cx1[notch_c], cx0[notch_c] + nw)
    notch_geom = shapely.box(nx0, cy1[notch_c] - nh, nx1, cy1[notch_c])
    cell_geom[notch_c] = shapely.difference(cell_geom[notch_c], notch_geom)
    # holes: an inner parcel (e.g. a substation) strictly inside
    hx0 = np.round(cx0[hole_c] + 0.62 * cw[hole_c], 1)
    hx1 = np.round(cx0[hole_c] + 0.82 * cw[hole_c], 1)
    hy0 = np.round(cy0[hole_c] + 0.4 * ch[hole_c], 1)
    hy1 = np.round(cy0[hole_c] + 0.65 * ch[hole_c], 1)
    inner_geom = shapely.box(hx0, hy0, hx1, hy1)
    cell_geom[hole_c] = shapely.difference(cell_geom[hole_c], inner_geom)
    # ditches: a 3 m 沟渠 crosses the parcel, which becomes a MultiPolygon
    ym = np.round(cy0[ditch_c] + r_lay.uniform(0.55, 0.65, n_ditch) * ch[ditch_c], 1)
    ditch_geom = shapely.box(cx0[ditch_c], ym - 1.5, cx1[ditch_c], ym + 1.5)
    cell_geom[ditch_c] = shapely.difference(
        cell_geom[ditch_c], shapely.box(cx0[ditch_c] - 1, ym - 1.5, cx1[ditch_c] + 1, ym + 1.5)
    )

    # ---- straddling pairs: east-west neighbours in one strip, both plain and built
    left = np.flatnonzero(c_strip[:-1] == c_strip[1:])
    right = left + 1
    builtzone = ~np.isin(zone, [Z_AGR])
    ok = ~modified[left] & ~modified[right] & builtzone[left] & builtzone[right]
    ok &= (cw[left] >= 40) & (cw[right] >= 40)
    left, right = left[ok], right[ok]
    sr[left] = np.maximum(6.0, r_bld.uniform(0.13, 0.18, left.size) * cw[left])
    sl[right] = np.maximum(6.0, r_bld.uniform(0.13, 0.18, right.size) * cw[right])

    bx_lo, bx_hi = cx0 + sl, cx1 - sr
    by_lo, by_hi = cy0 + sb, cy1 - st
    by_hi[notch_c] = cy1[notch_c] - nh - st[notch_c]
    bx_hi[hole_c] = cx0[hole_c] + 0.55 * cw[hole_c]
    by_hi[ditch_c] = ym - 1.5 - st[ditch_c]

    # extra parcels: notch corners and hole interiors, each right after its cell
    extra_geom = np.concatenate([notch_geom, inner_geom])
    extra_of = np.concatenate([notch_c, hole_c])
    eb = shapely.bounds(extra_geom) if extra_geom.size else np.zeros((0, 4))
    geom_all = np.concatenate([cell_geom, extra_geom])
    zone_all = np.concatenate(
        [zone, np.where(np.arange(extra_of.size) < n_notch, zone[extra_of], Z_FAC)]
    )
    block_all = np.concatenate([c_block, c_block[extra_of]])
    bxl = np.concatenate([bx_lo, eb[:, 0] + 3])
    bxh = np.concatenate([bx_hi, eb[:, 2] - 3])
    byl = np.concatenate([by_lo, eb[:, 1] + 3])
    byh = np.concatenate([by_hi, eb[:, 3] - 3])
    order = np.argsort(np.concatenate([np.arange(n_cells), extra_of + 0.5]), kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)  # position (parcel row) of each cell / extra
    assert order.size == n

    # ---- parcel attributes (in cell/extra numbering, reordered at the end)
    att = _bench_parcel_attributes(r_att, zone_all, block_all, n_cells, n_notch)
    no_build = att.pop("_no_buildings")

    # ---- inside buildings: m per parcel in slots along the buildable rectangle's long side
    lam = np.array([1.7, 1.3, 1.3, 2.6, 1.4, 1.4, 0.0])[zone_all]
    m = 1 + r_bld.poisson(lam)
    m[(zone_all == Z_AGR) & (att["dlbm"] != "1202")] = 0
    m[no_build] = 0
    bw, bh = bxh - bxl, byh - byl
    horiz = bw >= bh
    long_side, short_side = np.where(horiz, bw, bh), np.where(horiz, bh, bw)
    m = np.minimum(m, np.floor(long_side / 8).astype(np.int64))
    m[(bw < 5) | (bh < 5)] = 0
    m = np.maximum(m, 0)
    pid = np.repeat(np.arange(m.size), m)
    kk = np.arange(pid.size) - np.repeat(np.cumsum(m) - m, m)
    slot = long_side[pid] / m[pid]
    along = slot * r_bld.uniform(0.55, 0.9, pid.size)
    across = short_side[pid] * r_bld.uniform(0.5, 0.95, pid.size)
    a0 = kk * slot + r_bld.random(pid.size) * (slot - along)
    c0 = r_bld.random(pid.size) * (short_side[pid] - across)
    hz = horiz[pid]
    ix0 = np.where(hz, bxl[pid] + a0, bxl[pid] + c0)
    iy0 = np.where(hz, byl[pid] + c0, byl[pid] + a0)
    ix1 = ix0 + np.where(hz, along, across)
    iy1 = iy0 + np.where(hz, across, along)

    # ---- straddlers: ~20 % of all buildings, across the common line of a pair
    has = (m[left] > 0) & (m[right] > 0)
    left, right = left[has], right[has]
    target = 0.25 * pid.size
    mean = target / max(1, left.size)
    ms = np.floor(mean).astype(int) + (r_bld.random(left.size) < mean - np.floor(mean))
    ms = np.minimum(ms, 3)
    sp = np.repeat(np.arange(left.size), ms)
    sk = np.arange(sp.size) - np.repeat(np.cumsum(ms) - ms, ms)
    lo_y = np.maximum(byl[left], byl[right])[sp]
    hi_y = np.minimum(byh[left], byh[right])[sp]
    sslot = (hi_y - lo_y) / ms[sp]
    slen = sslot * r_bld.uniform(0.5, 0.85, sp.size)
    sy_0 = lo_y + sk * sslot + r_bld.random(sp.size) * (sslot - slen)
    edge = cx1[left][sp]
    sx_0 = edge - r_bld.uniform(0.5, 0.85, sp.size) * sr[left][sp]
    sx_1 = edge + r_bld.uniform(0.5, 0.85, sp.size) * sl[right][sp]
    good = slen >= 5
    sp, sy_0, sx_0, sx_1, slen = sp[good], sy_0[good], sx_0[good], sx_1[good], slen[good]
    s_pid = left[sp]

    bx_0 = np.concatenate([ix0, sx_0])
    by_0 = np.concatenate([iy0, sy_0])
    bx_1 = np.concatenate([ix1, sx_1])
    by_1 = np.concatenate([iy1, sy_0 + slen])
    b_parcel = np.concatenate([pid, s_pid])
    b_order = np.argsort(np.concatenate([rank[pid], rank[s_pid] + 0.5]), kind="stable")
    bx_0, by_0 = np.ceil(bx_0[b_order] * 10) / 10, np.ceil(by_0[b_order] * 10) / 10
    bx_1, by_1 = np.floor(bx_1[b_order] * 10) / 10, np.floor(by_1[b_order] * 10) / 10
    b_parcel = b_parcel[b_order]
    b_geom = shapely.box(bx_0, by_0, bx_1, by_1)
    buildings = _bench_buildings(r_bld, b_geom, zone_all[b_parcel], att, b_parcel)

    # ---- parcels frame in id order
    width = max(4, len(str(n)))
    p_cols = {"parcel_id": np.array([f"P{i:0{width}d}" for i in range(1, n + 1)], dtype=object)}
    for f in FIELDS["parcels"][1:]:
        col = att[f]
        p_cols[f] = col[order] if isinstance(col, np.ndarray) else col.take(order)
    parcels = _frame(p_cols, geom_all[order])

    # ---- 三调: one patch per parcel, ~3 % split in two classes, ditches, roads
    ls = _bench_landsurvey(
        r_ls, geom_all[order], att["dlbm"][order], att["tenure"][order], att["_village"][order]
    )
    d_geoms = ditch_geom
    road_geoms = _bench_road_patches(xs, ys, hx, hy)
    geoms = np.concatenate([ls["geometry"], d_geoms, road_geoms])
    dl = np.concatenate(
        [
            ls["dlbm"],
            np.full(d_geoms.size, "1107", object),
            np.full(road_geoms.size, "1004", object),
        ]
    )
    cz = np.concatenate(
        [
            ls["czcsxm"],
            np.full(d_geoms.size, "201", object),
            np.full(road_geoms.size, "201", object),
        ]
    )
    qs = np.concatenate([ls["qsdwmc"], np.full(d_geoms.size + road_geoms.size, STATE_QSDW, object)])
    landsurvey = _landsurvey_frame(geoms, dl, cz, qs, exact=False)

    # ---- roads, plan, boundary
    roads = _bench_roads(xs, ys, gx, gy, wx, wy, r_lay)
    plan = _bench_plan(r_ls, bx0, by0, bx1, by1, block_zone)
    boundary = _frame(
        {
            "name": [f"银川市金凤区低效用地基准片区(合成,{n}宗)"],
            "admin_code": [ADMIN_CODE],
        },
        np.array([box(xs[0], ys[0], xs[-1], ys[-1])], dtype=object),
    )
    return {
        "boundary": boundary,
        "roads": roads,
        "parcels": parcels,
        "buildings": buildings,
        "landsurvey": landsurvey,
        "plan": plan,
    }


_SECOND_CLASS = {"0601": "0508", "0508": "0601", "05H1": "0701", "0701": "05H1", "0702": "0102"}


def _bench_landsurvey(rng, geoms, dlbm, tenure, village) -> dict:
    n = geoms.size
    b = shapely.bounds(geoms)
    w = b[:, 2] - b[:, 0]
    split = (rng.random(n) < 0.03) & (w >= 30) & np.isin(dlbm, list(_SECOND_CLASS))
    split &= shapely.get_type_id(geoms) == 3  # plain polygons
    split &= shapely.get_num_interior_rings(geoms) == 0
    idx = np.flatnonzero(split)
    xm = np.round(b[idx, 0] + rng.uniform(0.35, 0.65, idx.size) * w[idx], 1)
    west = shapely.intersection(
        geoms[idx], shapely.box(b[idx, 0] - 1, b[idx, 1] - 1, xm, b[idx, 3] + 1)
    )
    east = shapely.intersection(
        geoms[idx], shapely.box(xm, b[idx, 1] - 1, b[idx, 2] + 1, b[idx, 3] + 1)
    )
    west_main = shapely.area(west) >= shapely.area(east)
    second = np.array([_SECOND_CLASS[c] for c in dlbm[idx]], dtype=object)
    out_geoms = geoms.copy()
    out_geoms[idx] = np.where(west_main, west, east)
    extra = np.where(west_main, east, west)
    all_geoms = np.concatenate([out_geoms, extra])
    all_dlbm = np.concatenate([dlbm, second])
    all_tenure = np.concatenate([tenure, tenure[idx]])
    all_village = np.concatenate([village, village[idx]])
    order = np.argsort(np.concatenate([np.arange(n), idx + 0.5]), kind="stable")
    all_geoms, all_dlbm, all_tenure = all_geoms[order], all_dlbm[order], all_tenure[order]
    all_village = all_village[order]
    cz = np.where(
        np.isin(all_dlbm, ["0102", "0103", "0201", "1202"]),
        None,
        np.where(all_tenure == "collective", "203", np.where(all_dlbm == "0601", "201A", "201")),
    ).astype(object)
    qs = np.where(all_tenure == "collective", all_village + "村民委员会", STATE_QSDW).astype(object)
    return {"geometry": all_geoms, "dlbm": all_dlbm, "czcsxm": cz, "qsdwmc": qs}


def _bench_road_patches(xs, ys, hx, hy) -> np.ndarray:
    x_lo, x_hi, y_lo, y_hi = xs[0], xs[-1], ys[0], ys[-1]
    horiz = shapely.box(x_lo, np.maximum(ys - hy, y_lo), x_hi, np.minimum(ys + hy, y_hi))
    ii, jj = np.meshgrid(np.arange(xs.size), np.arange(ys.size - 1), indexing="xy")
    ii, jj = ii.ravel(), jj.ravel()
    vert = shapely.box(
        np.maximum(xs[ii] - hx[ii], x_lo),
        ys[jj] + hy[jj],
        np.minimum(xs[ii] + hx[ii], x_hi),
        ys[jj + 1] - hy[jj + 1],
    )
    return np.concatenate([horiz, vert])


def _bench_roads(xs, ys, gx, gy, wx, wy, rng) -> gpd.GeoDataFrame:
    ext = 40.0
    ew = shapely.linestrings(
        np.stack(
            [np.full(ys.size, xs[0] - ext), ys, np.full(ys.size, xs[-1] + ext), ys], axis=1
        ).reshape(-1, 2, 2)
    )
    ns = shapely.linestrings(
        np.stack(
            [xs, np.full(xs.size, ys[0] - ext), xs, np.full(xs.size, ys[-1] + ext)], axis=1
        ).reshape(-1, 2, 2)
    )
    mid = xs[xs.size // 2]
    stub = LineString([(mid + 0.0, ys[0]), (mid, ys[0] - 150.0)])  # dead-end branch (dangle)
    geoms = np.concatenate([ew, ns, np.array([stub], dtype=object)])
    names = [f"纬{_cn_number(i + 1)}路" for i in range(ys.size)]
    names += [f"经{_cn_number(i + 1)}街" for i in range(xs.size)] + ["南环支巷"]
    grades = np.concatenate([gy, gx, ["branch"]]).astype(object)
    width = np.concatenate([wy, wx, [12.0]])
    branch = np.flatnonzero(grades == "branch")
    if branch.size > 2:
        width[rng.choice(branch[:-1], size=2, replace=False)] = np.nan  # two without a width
    digits = max(3, len(str(geoms.size)))
    return _frame(
        {
            "road_id": [f"R{i:0{digits}d}" for i in range(1, geoms.size + 1)],
            "name": names,
            "grade": grades,
            "width": width,
        },
        geoms,
    )


_ZONE_PLAN = {
    Z_IND: (["100101", "100102", "0701", "0901"], [0.55, 0.15, 0.2, 0.1]),
    Z_LOG: (["110101", "100101", "0901"], [0.6, 0.2, 0.2]),
    Z_COM: (["0901", "0701"], [0.7, 0.3]),
    Z_RES: (["0701", "0901"], [0.85, 0.15]),
    Z_VIL: (["0701", "0703"], [0.6, 0.4]),
    Z_FAC: (["0801", "0804", "0806", "1301", "1401"], [0.25, 0.3, 0.2, 0.1, 0.15]),
    Z_AGR: (["0701", "100101", "1401"], [0.4, 0.4, 0.2]),
}


def _bench_plan(rng, bx0, by0, bx1, by1, block_zone) -> gpd.GeoDataFrame:
    nb = bx0.size
    code = np.empty(nb, dtype=object)
    for z, (codes, p) in _ZONE_PLAN.items():
        m = block_zone == z
        code[m] = _choice(rng, codes, p, m.sum())
    params = np.array([PLAN_DEFAULTS[c] for c in code])
    jitter = rng.choice([0.8, 0.9, 1.0, 1.0, 1.1, 1.2], nb)
    digits = max(4, len(str(nb)))
    return _frame(
        {
            "plan_id": [f"KG{i:0{digits}d}" for i in range(1, nb + 1)],
            "plan_code": code,
            "plan_name": np.array([PLAN_NAMES[c] for c in code], dtype=object),
            "far_max": np.round(params[:, 0] * jitter, 1),
            "density_max": params[:, 1],
            "green_min": params[:, 2],
            "height_max": params[:, 3],
        },
        shapely.box(bx0, by0, bx1, by1),
    )
