"""零星用地核查 (Y-7, N-4) per project and the swap balance per ``swap_group`` (N-10), on
the project template (``projects`` and ``pieces`` layers in canonical fields).

Y-7: each scattered piece "原则上单宗面积不超过5亩" and the scattered pieces together
"累计不超过再开发项目总用地面积的10%" (both inclusive, compared exactly up to a
relative 1e-9). N-10 asks swapped land to be "面积相近或价值相当" without a number: the
swap table reports the numbers and judges nothing. Every verdict carries ``reasons``.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.measures import M2_PER_MU
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

#: Y-7: each scattered piece "原则上单宗面积不超过5亩".
SCATTERED_PIECE_MAX_MU = 5.0
SCATTERED_PIECE_MAX_M2 = SCATTERED_PIECE_MAX_MU * M2_PER_MU
#: Y-7: scattered pieces "累计不超过再开发项目总用地面积的10%".
SCATTERED_SHARE_MAX = 0.10

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
) -> CheckResult:
    """零星用地核查 per project (Y-7, N-4) and the swap balance per ``swap_group`` (N-10).

    ``total_area_m2`` = the project polygon's area; ``scattered_area_m2`` = the sum of its
    pieces flagged ``scattered``; ``scattered_pass`` = every scattered piece ≤ 5 亩 and the
    share ≤ 10 % (both inclusive). Pieces not flagged scattered count in nothing (listed
    in ``info``). ``extra`` is the swap table.
    """
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

    rows = []
    for pid, area in zip(ids, total, strict=True):
        mine = [
            (keys[j][1], piece_area[j])
            for j in range(len(keys))
            if keys[j][0] == pid and scattered[j]
        ]
        rows.append(_scattered_row(pid, area, mine))
    columns = [
        "project_id",
        "total_area_m2",
        "scattered_count",
        "scattered_area_m2",
        "scattered_share",
        "scattered_max_piece_m2",
        "scattered_pass",
        "reasons",
    ]
    table = pd.DataFrame(rows, columns=columns)
    table["scattered_pass"] = table["scattered_pass"].astype("boolean")
    return CheckResult(table, swap_balance(pieces, keys, piece_area), info, warnings)


def _piece_reason(pc: str, a: float, met: bool, **extra) -> Reason:
    """Y-7: one scattered piece against the 5 亩 limit."""
    return reason(
        "scattered_piece_max_5_mu",
        "Y-7",
        rounded(a),
        rounded(SCATTERED_PIECE_MAX_M2),
        met,
        piece_id=pc,
        value_mu=rounded(a / M2_PER_MU, 4),
        threshold_mu=SCATTERED_PIECE_MAX_MU,
        **extra,
    )


def _scattered_row(pid: str, area: float, mine: list[tuple[str, float]]) -> dict:
    """One project's scattered area, share, verdict and reasons (Y-7: every piece ≤ 5 亩,
    the share ≤ 10 %)."""
    s_area = float(sum(a for _, a in mine))
    share = s_area / area
    over = [(pc, a) for pc, a in mine if not within(a, SCATTERED_PIECE_MAX_M2)]
    items = [_piece_reason(pc, a, False) for pc, a in over]
    if mine and not over:
        pc, a = max(mine, key=lambda t: t[1])
        items.append(_piece_reason(pc, a, True, note="最大的一宗 / the largest piece"))
    share_met = within(share, SCATTERED_SHARE_MAX)
    items.append(
        reason(
            "scattered_share_max_10_percent",
            "Y-7",
            rounded(share, 6),
            SCATTERED_SHARE_MAX,
            share_met,
            scattered_area_m2=rounded(s_area),
            total_area_m2=rounded(area),
            pieces=len(mine),
        )
    )
    return {
        "project_id": pid,
        "total_area_m2": area,
        "scattered_count": len(mine),
        "scattered_area_m2": s_area,
        "scattered_share": share,
        "scattered_max_piece_m2": max((a for _, a in mine), default=0.0),
        "scattered_pass": share_met and not over,
        "reasons": reasons_json(items),
    }


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
