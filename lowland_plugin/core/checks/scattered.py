"""零星用地核查 (Y-7, N-4) per project and the swap balance per ``swap_group`` (N-10), on
the project template (``projects`` and ``pieces`` layers in canonical fields).

Y-7: each scattered piece "原则上单宗面积不超过5亩" and the scattered pieces together
"累计不超过再开发项目总用地面积的10%" (both inclusive, compared exactly up to a
relative 1e-9); the numbers are the profile's ``scattered_piece_max_mu`` and
``scattered_share_max``, cited in the reasons. A 宗 is what lies together: scattered
pieces of one project that touch or overlap are one 宗 for the piece limit (two touching
4-亩 rows are an 8-亩 宗, audit E-SC K2), unless both carry a 宗地代码 ``parcel_code`` and
the codes differ (two lawful 宗 side by side).

N-4: 零星地块 are supplied "整体供应给相邻产业项目…（商品住宅除外）": every scattered
piece must lie within the profile's ``scattered_adjacent_max_m`` of its project's land
(inside or touching it: distance 0), and a project whose ``use_code`` (else
``new_use_code``) is 0701 城镇住宅 (商品住宅) is not eligible. Both enter
``scattered_pass``; a project with no use code is not tested for the exclusion (reason
met null, warned), its verdict then rests on the other conditions.

N-10 asks swapped land to be "面积相近或价值相当" without a number: the swap table
reports the numbers and judges nothing. Every verdict carries ``reasons``; a run using a
pending or local-choice value warns once, naming it.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.measures import M2_PER_MU
from ..common.profiles import Profile, load_profile
from ..common.reasons import Reason, reason, reasons_json
from ..common.values import flags, is_known, numbers, rounded, texts
from .common import (
    CheckResult,
    planimetric_areas,
    project_ids,
    raise_problems,
    within,
    zero_area_problems,
)

#: Y-7 in the default profile: each scattered piece "原则上单宗面积不超过5亩" (for help
#: texts and unit statistics; the check reads the run's profile).
SCATTERED_PIECE_MAX_MU = float(load_profile("default").value("scattered_piece_max_mu"))
SCATTERED_PIECE_MAX_M2 = SCATTERED_PIECE_MAX_MU * M2_PER_MU
#: Y-7 in the default profile: scattered pieces "累计不超过再开发项目总用地面积的10%".
SCATTERED_SHARE_MAX = float(load_profile("default").value("scattered_share_max"))
#: N-4: 商品住宅除外 — 2023 code prefix of 城镇住宅用地.
HOUSING_CODE = "0701"
_LIMITS = ("scattered_piece_max_mu", "scattered_share_max", "scattered_adjacent_max_m")

_SWAP_SIDE = {"out": "out", "调出": "out", "in": "in", "调入": "in"}

#: (project_id, piece_id) of a piece as read: either may be empty.
RawPieceKey = tuple[str | None, str | None]
#: (project_id, piece_id) of a piece once checked: both present.
PieceKey = tuple[str, str]


def _piece_problems(
    ids: list[str], keys: list[RawPieceKey], fids: list[str], pieces_label: str
) -> list[str]:
    """Pieces without ids, of no project, or repeated within their project."""
    problems = []
    for i, (proj, pc) in enumerate(keys):
        if proj is None or pc is None:
            problems.append(
                f"{pieces_label} 要素 fid {fids[i]}：project_id 或 piece_id 为空 / feature fid "
                f"{fids[i]}: project_id or piece_id is empty"
            )
    known = set(ids)
    orphans = sorted(
        {
            f"{pc}（project_id={proj}）"
            for proj, pc in keys
            if proj is not None and proj not in known
        }
    )
    if orphans:
        problems.append(
            f"{pieces_label}: 以下地块的 project_id 在项目图层中不存在 {orphans} / pieces whose "
            f"project_id matches no project: {orphans}"
        )
    dup = sorted({f"{p}/{c}" for p, c in keys if c is not None and keys.count((p, c)) > 1})
    if dup:
        problems.append(
            f"{pieces_label}: 同一项目内 piece_id 重复 {dup} / piece_id repeated within a project"
        )
    return problems


def scattered_check(
    projects: gpd.GeoDataFrame,
    pieces: gpd.GeoDataFrame,
    label: str = "projects",
    pieces_label: str = "pieces",
    profile: Profile | None = None,
) -> CheckResult:
    """零星用地核查 per project (Y-7, N-4) and the swap balance per ``swap_group`` (N-10).

    ``total_area_m2`` = the project polygon's area; ``scattered_area_m2`` = the sum of its
    pieces flagged ``scattered``; ``scattered_pass`` = every scattered piece within the
    piece limit, the share within the share limit (both inclusive), every piece adjacent
    and the project not 商品住宅 (N-4). Pieces not flagged scattered count in nothing
    (listed in ``info``). ``extra`` is the swap table. ``profile``: the limits (default
    profile when None).
    """
    profile = profile or load_profile("default")
    ids = project_ids(projects, label)
    total = planimetric_areas(projects, label, "project_id")
    raw_keys = list(zip(texts(pieces, "project_id"), texts(pieces, "piece_id"), strict=True))
    problems = zero_area_problems(ids, total)
    problems += _piece_problems(ids, raw_keys, [str(f) for f in pieces.index], pieces_label)
    raise_problems(problems, f"{label}: 零星用地核查输入有误 / scattered land check input errors")
    # all of them: pieces without project_id or piece_id were refused above
    keys: list[PieceKey] = [(p, c) for p, c in raw_keys if p is not None and c is not None]

    piece_area = planimetric_areas(pieces, pieces_label, "piece_id")
    scattered = [bool(v) for v in flags(pieces, "scattered")]
    info, warnings = [], []
    not_flagged = [f"{p}/{c}" for (p, c), s in zip(keys, scattered, strict=True) if not s]
    if not_flagged:
        info.append(
            f"未标记为零星用地的地块（不计入任何指标）：{', '.join(not_flagged)} / pieces not "
            f"flagged scattered (counted in nothing): {', '.join(not_flagged)}"
        )
    warnings += _pieces_outside(projects, ids, pieces, keys, piece_area)
    gap = _piece_gaps(projects, ids, pieces, keys)
    zong = contiguous_zong(pieces, keys, scattered)
    uses = _project_uses(projects)

    rows = []
    for i, (pid, area) in enumerate(zip(ids, total, strict=True)):
        js = [j for j in range(len(keys)) if keys[j][0] == pid and scattered[j]]
        mine = [(keys[j][1], piece_area[j], gap[j]) for j in js]
        parcels = zong_areas(
            [keys[j][1] for j in js], [piece_area[j] for j in js], [zong[j] for j in js]
        )
        rows.append(_scattered_row(pid, area, mine, uses[i], profile, parcels))
        if mine and uses[i] is None:
            warnings.append(
                f"项目 {pid}：未填写 use_code，未核查“商品住宅除外”（N-4）/ project {pid}: no "
                "use_code, the 商品住宅 exclusion is not tested"
            )
    pending = profile.pending(_LIMITS)
    if pending:
        warnings.insert(0, "零星用地使用未经采用的取值 / values not adopted: " + "；".join(pending))
    columns = [
        "project_id",
        "total_area_m2",
        "scattered_count",
        "scattered_area_m2",
        "scattered_share",
        "scattered_max_piece_m2",
        "scattered_adjacent",
        "scattered_use_eligible",
        "scattered_pass",
        "reasons",
    ]
    table = pd.DataFrame(rows, columns=columns)
    for name in ("scattered_adjacent", "scattered_use_eligible", "scattered_pass"):
        table[name] = pd.array(table[name].tolist(), dtype="boolean")
    return CheckResult(table, swap_balance(pieces, keys, piece_area), info, warnings)


def _piece_reason(pc: str, a: float, met: bool, limit_mu: float, source: str, **extra) -> Reason:
    """Y-7: one scattered piece against the piece limit (亩)."""
    return reason(
        "scattered_piece_max_5_mu",
        "Y-7",
        rounded(a),
        rounded(limit_mu * M2_PER_MU),
        met,
        source=source,
        piece_id=pc,
        value_mu=rounded(a / M2_PER_MU, 4),
        threshold_mu=limit_mu,
        **extra,
    )


def adjacency_reason(mine: list[tuple[str, float, float]], max_gap: float, source: str):
    """N-4 与相邻产业地块一并供应: every piece within ``max_gap`` m of the project's land
    (0 = inside or touching). Returns (met, reason); met None without pieces."""
    far = [(pc, g) for pc, _, g in mine if not g <= max_gap]
    met = None if not mine else not far
    return met, reason(
        "scattered_adjacent_to_project",
        "N-4",
        {pc: rounded(g, 2) for pc, g in far} or rounded(max((g for *_, g in mine), default=0.0), 2),
        max_gap,
        met,
        source=source,
        note="零星地块与相邻产业地块一并供应：地块须位于项目用地内或与其相接（间距不超过阈值，米）/ "
        "pieces must lie within or touch the project's land (gap ≤ threshold, m)",
    )


def use_reason(use: str | None) -> tuple[bool | None, Reason]:
    """N-4 商品住宅除外: a project of 0701 城镇住宅 is not eligible; unknown → not tested."""
    met = None if use is None else not use.startswith(HOUSING_CODE)
    return met, reason(
        "scattered_not_commercial_housing",
        "N-4",
        use,
        f"not {HOUSING_CODE}*",
        met,
        note=(
            "未填写项目用途 use_code，未核查 / no use_code: not tested"
            if use is None
            else "零星地块整体供应给相邻产业项目，商品住宅除外 / supplied with the adjacent "
            "industrial project, commercial housing excluded"
        ),
    )


def _scattered_row(
    pid: str,
    area: float,
    mine: list[tuple[str, float, float]],
    use: str | None,
    profile: Profile,
    parcels: list[tuple[str, float]],
) -> dict:
    """One project's scattered area, share, verdict and reasons (Y-7: every 宗 within the
    piece limit, the share within the share limit; N-4: adjacent, not 商品住宅).
    ``parcels``: the 宗 as (name, area) (:func:`zong_areas`)."""
    limit_mu = float(profile.value("scattered_piece_max_mu"))
    share_max = float(profile.value("scattered_share_max"))
    piece_src, share_src = (
        profile.cite("scattered_piece_max_mu"),
        profile.cite("scattered_share_max"),
    )
    s_area = float(sum(a for _, a, _ in mine))
    share = s_area / area
    over = [(pc, a) for pc, a in parcels if not within(a, limit_mu * M2_PER_MU)]
    items = [_piece_reason(pc, a, False, limit_mu, piece_src) for pc, a in over]
    if parcels and not over:
        pc, a = max(parcels, key=lambda t: t[1])
        items.append(
            _piece_reason(pc, a, True, limit_mu, piece_src, note="最大的一宗 / the largest piece")
        )
    share_met = within(share, share_max)
    items.append(
        reason(
            "scattered_share_max_10_percent",
            "Y-7",
            rounded(share, 6),
            share_max,
            share_met,
            source=share_src,
            scattered_area_m2=rounded(s_area),
            total_area_m2=rounded(area),
            pieces=len(mine),
        )
    )
    adjacent, use_ok = None, None
    if mine:
        max_gap = float(profile.value("scattered_adjacent_max_m"))
        adjacent, adj_item = adjacency_reason(
            mine, max_gap, profile.cite("scattered_adjacent_max_m")
        )
        use_ok, use_item = use_reason(use)
        items += [adj_item, use_item]
    return {
        "project_id": pid,
        "total_area_m2": area,
        "scattered_count": len(mine),
        "scattered_area_m2": s_area,
        "scattered_share": share,
        "scattered_max_piece_m2": max((a for _, a in parcels), default=0.0),
        "scattered_adjacent": adjacent,
        "scattered_use_eligible": use_ok,
        "scattered_pass": bool(share_met and not over and adjacent is not False)
        and use_ok is not False,
        "reasons": reasons_json(items),
    }


def contiguous_zong(pieces, keys: Sequence[PieceKey], scattered: list[bool]) -> list[int]:
    """Y-7 单宗: the 宗 of every piece (a label): scattered pieces of one project that touch
    or overlap along a line or more (not at a corner) form one 宗 (transitively), unless both have a ``parcel_code`` and the codes
    differ. A piece not flagged scattered is a 宗 of its own."""
    geoms = np.asarray(pieces.geometry.values, dtype=object)
    code = texts(pieces, "parcel_code")  # all None without the field
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        same_project = keys[a][0] == keys[b][0]
        distinct = code[a] is not None and code[b] is not None and code[a] != code[b]
        if a < b and scattered[a] and scattered[b] and same_project and not distinct:
            if shapely.length(shapely.intersection(geoms[a], geoms[b])) > 0:  # not a corner
                parent[root(b)] = root(a)
    return [root(i) for i in range(len(keys))]


def zong_areas(names: list[str], areas: list[float], zong: list[int]) -> list[tuple[str, float]]:
    """The 宗 of one project's scattered pieces as (name, area): the member pieces' ids
    joined by "+" (in input order) and their summed area."""
    members: dict[int, list[int]] = {}
    for k, z in enumerate(zong):
        members.setdefault(z, []).append(k)
    return [
        ("+".join(names[k] for k in ks), float(sum(areas[k] for k in ks)))
        for ks in members.values()
    ]


def _piece_gaps(projects, ids, pieces, keys) -> list[float]:
    """N-4: each piece's distance (m) to its project's land (0 inside or touching)."""
    geoms = dict(zip(ids, np.asarray(projects.geometry.values, dtype=object), strict=True))
    piece_geoms = np.asarray(pieces.geometry.values, dtype=object)
    return [float(shapely.distance(piece_geoms[j], geoms[pid])) for j, (pid, _) in enumerate(keys)]


def _project_uses(projects) -> list[str | None]:
    """N-4: each project's use code (``use_code``, else ``new_use_code``), None unknown."""
    own, new = texts(projects, "use_code"), texts(projects, "new_use_code")
    return [a if a is not None else b for a, b in zip(own, new, strict=True)]


def _pieces_outside(projects, ids, pieces, keys, piece_area) -> list[str]:
    """Warnings for pieces lying more than 1 % (and 1 m²) outside their project's land:
    the share is taken of the project polygon, so its land should contain the pieces."""
    geoms = dict(zip(ids, np.asarray(projects.geometry.values, dtype=object), strict=True))
    piece_geoms = np.asarray(pieces.geometry.values, dtype=object)
    out = []
    for j, (pid, pc) in enumerate(keys):
        inside = shapely.area(shapely.intersection(piece_geoms[j], geoms[pid]))
        outside = piece_area[j] - inside
        if outside > max(1.0, 0.01 * piece_area[j]):
            out.append(
                f"地块 {pid}/{pc} 有 {outside:.2f} m² 位于项目用地之外（占比按项目用地面积计算）/ "
                f"piece {pid}/{pc}: {outside:.2f} m² lies outside its project's land"
            )
    return out


# ------------------------------------------------------------------ swap (N-10)

_SWAP_COLUMNS = [
    "swap_group",
    "project_id",
    "pieces_out",
    "pieces_in",
    "area_out_m2",
    "area_in_m2",
    "area_diff_m2",
    "area_ratio",
    "value_out",
    "value_in",
    "value_diff",
    "value_ratio",
    "reasons",
]


def _swap_sides(keys: Sequence[RawPieceKey], group: list, side_raw: list) -> list[str | None]:
    """``swap_side`` of every piece as out/in; refuses unknown sides and a group without
    a side (or a side without a group)."""
    problems, side = [], []
    for (pid, pc), g, s in zip(keys, group, side_raw, strict=True):
        norm = None if s is None else _SWAP_SIDE.get(s.lower(), _SWAP_SIDE.get(s))
        if s is not None and norm is None:
            problems.append(
                f"地块 {pid}/{pc}：swap_side {s!r} 应为 out/调出 或 in/调入 / piece {pid}/{pc}: "
                f"swap_side must be out or in"
            )
        elif (g is None) != (s is None):
            problems.append(
                f"地块 {pid}/{pc}：swap_group 与 swap_side 须同时填写 / piece {pid}/{pc}: give both "
                "swap_group and swap_side, or neither"
            )
        side.append(norm)
    raise_problems(problems, "pieces: 置换字段有误 / swap fields")
    return side


def swap_balance(
    pieces: gpd.GeoDataFrame,
    keys: Sequence[RawPieceKey] | None = None,
    piece_area: np.ndarray | None = None,
) -> pd.DataFrame:
    """N-10 置换 per ``swap_group``: area and value out vs in, their differences (in − out)
    and ratios (in / out). N-10 asks for "面积相近或价值相当" without a number: the table
    reports the numbers and judges nothing (``met`` null)."""
    if keys is None:
        keys = list(zip(texts(pieces, "project_id"), texts(pieces, "piece_id"), strict=True))
    if piece_area is None:
        piece_area = planimetric_areas(pieces, "pieces", "piece_id")
    group = texts(pieces, "swap_group")
    side = _swap_sides(keys, group, texts(pieces, "swap_side"))
    value = numbers(pieces, "value")
    rows = []
    for g in sorted({g for g in group if g is not None}):
        members = [j for j in range(len(keys)) if group[j] == g]
        sides = {s: [j for j in members if side[j] == s] for s in ("out", "in")}
        rows.append(_swap_row(g, members, sides, keys, piece_area, value))
    return pd.DataFrame(rows, columns=_SWAP_COLUMNS)


def _ratio(a: float, b: float) -> float:
    """``a / b``, NaN when either is unknown or ``b`` is not positive."""
    return a / b if is_known(a) and is_known(b) and b > 0 else float("nan")


def _sum_of(js: list[int], values) -> float:
    return float(sum(values[j] for j in js)) if js else 0.0


def _swap_row(g, members, sides, keys, piece_area, value) -> dict:
    """N-10: one swap group's area and value out vs in, reported, not judged."""
    area_out, area_in = _sum_of(sides["out"], piece_area), _sum_of(sides["in"], piece_area)
    no_value = [f"{keys[j][0]}/{keys[j][1]}" for j in members if not is_known(value[j])]
    value_out = _sum_of(sides["out"], value) if not no_value else float("nan")
    value_in = _sum_of(sides["in"], value) if not no_value else float("nan")
    both = bool(sides["out"]) and bool(sides["in"])
    items = [
        reason(
            "swap_has_both_sides",
            "N-10",
            {"out": len(sides["out"]), "in": len(sides["in"])},
            {"out": ">=1", "in": ">=1"},
            both,
        ),
        reason(
            "swap_area_similar",
            "N-10",
            {"area_out_m2": rounded(area_out), "area_in_m2": rounded(area_in)},
            None,
            None,
            difference_m2=rounded(area_in - area_out),
            ratio=rounded(_ratio(area_in, area_out), 4),
            note="“面积相近或价值相当”文件未给出数值标准，由审批判断 / N-10 gives no number "
            "for 'similar area or equal value': the approval decides",
        ),
        reason(
            "swap_value_equal",
            "N-10",
            {"value_out": rounded(value_out), "value_in": rounded(value_in)},
            None,
            None,
            difference=rounded(value_in - value_out),
            ratio=rounded(_ratio(value_in, value_out), 4),
            note=(f"缺少评估价值 / no appraised value: {no_value}" if no_value else None),
        ),
    ]
    return {
        "swap_group": g,
        "project_id": ",".join(sorted({keys[j][0] for j in members})),
        "pieces_out": ",".join(keys[j][1] for j in sides["out"]),
        "pieces_in": ",".join(keys[j][1] for j in sides["in"]),
        "area_out_m2": area_out,
        "area_in_m2": area_in,
        "area_diff_m2": area_in - area_out,
        "area_ratio": _ratio(area_in, area_out),
        "value_out": value_out,
        "value_in": value_in,
        "value_diff": value_in - value_out,
        "value_ratio": _ratio(value_in, value_out),
        "reasons": reasons_json(items),
    }
