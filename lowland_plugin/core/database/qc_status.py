"""质检 rules on the 使用状况, 改造开发潜力 and 历史遗留用地 fields (Y-2, N-12; values
from :mod:`.status`). A standard without these fields skips the rule (nothing to check).
Each is one vectorised function of a :class:`QcContext` returning its error rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .qc_context import QcContext, concat_errors, error_rows, fmt

#: Legacy area fields (per class) and their sum.
LEGACY_PARTS = ("CTGLMJ", "ZSBPMJ", "DRDMJ")


def _numbers(ctx: QcContext, name: str) -> np.ndarray:
    return pd.to_numeric(ctx.column(name), errors="coerce").to_numpy(dtype="float64")


def _has(ctx: QcContext, *names: str) -> bool:
    return all(n in ctx.standard.names for n in names)


def check_potential(ctx: QcContext) -> pd.DataFrame:
    """改造开发潜力不自洽 (Y-2): KFQL must be max(GHRJL − RJL, 0) × MJ within the stated
    rounding, and empty exactly where GHRJL or RJL is empty (unknown is not 0)."""
    if not _has(ctx, "KFQL", "GHRJL", "RJL", "MJ"):
        return error_rows([], [])
    kfql, ghrjl = _numbers(ctx, "KFQL"), _numbers(ctx, "GHRJL")
    rjl, mj = _numbers(ctx, "RJL"), _numbers(ctx, "MJ")
    known = ~np.isnan(ghrjl) & ~np.isnan(rjl) & ~np.isnan(mj)
    expected = np.maximum(ghrjl - rjl, 0.0) * mj
    p_far = ctx.standard.field("RJL").precision
    p_plan = ctx.standard.field("GHRJL").precision
    p_mj = ctx.standard.field("MJ").precision
    p_out = ctx.standard.field("KFQL").precision
    # each stored input may be off by half its last decimal
    slack = (
        (0.5 * 10.0**-p_far + 0.5 * 10.0**-p_plan) * np.abs(mj)
        + np.abs(ghrjl - rjl) * 0.5 * 10.0**-p_mj
        + 0.5 * 10.0**-p_out
        + 1e-9
    )
    geoms = ctx.geoms
    parts = []
    bad = known & ~np.isnan(kfql) & (np.abs(kfql - expected) > slack)
    rows = np.flatnonzero(bad)
    messages = [
        f"KFQL = {fmt(kfql[r], p_out)} m² 与 (GHRJL {fmt(ghrjl[r], p_plan)} − RJL "
        f"{fmt(rjl[r], p_far)}) × MJ {fmt(mj[r], p_mj)} = {fmt(expected[r], p_out)} m² 不符"
        for r in rows
    ]
    parts.append(error_rows(rows, messages, "KFQL", geoms[rows]))
    rows = np.flatnonzero(known & np.isnan(kfql))
    parts.append(
        error_rows(
            rows, ["KFQL 为空，但规划容积率与现状容积率均已知"] * len(rows), "KFQL", geoms[rows]
        )
    )
    rows = np.flatnonzero(~known & ~np.isnan(kfql))
    parts.append(
        error_rows(
            rows,
            ["KFQL 有值，但规划容积率(GHRJL)或现状容积率(RJL)为空：未知不得计为潜力"] * len(rows),
            "KFQL",
            geoms[rows],
        )
    )
    return concat_errors(parts)


def check_legacy_area(ctx: QcContext) -> pd.DataFrame:
    """历史遗留用地面积不自洽 (Y-2, Y-9): LSYLMJ and its parts are filled exactly where
    LSYLLB is; LSYLMJ = CTGLMJ + ZSBPMJ + DRDMJ and ≤ MJ, within the stated rounding."""
    if not _has(ctx, "LSYLLB", "LSYLMJ", "MJ", *LEGACY_PARTS):
        return error_rows([], [])
    geoms = ctx.geoms
    has_class = ctx.present("LSYLLB")
    total, mj = _numbers(ctx, "LSYLMJ"), _numbers(ctx, "MJ")
    parts_ = np.column_stack([_numbers(ctx, n) for n in LEGACY_PARTS])
    p = ctx.standard.field("LSYLMJ").precision
    out = []
    for name, values in [("LSYLMJ", total)] + [
        (n, parts_[:, i]) for i, n in enumerate(LEGACY_PARTS)
    ]:
        rows = np.flatnonzero(has_class & np.isnan(values))
        out.append(
            error_rows(rows, [f"{name} 为空，但 LSYLLB 有值"] * len(rows), name, geoms[rows])
        )
        rows = np.flatnonzero(~has_class & ~np.isnan(values))
        out.append(
            error_rows(rows, [f"{name} 有值，但 LSYLLB 为空"] * len(rows), name, geoms[rows])
        )
    slack = 0.5 * 10.0**-p * (len(LEGACY_PARTS) + 1) + 1e-9
    summed = parts_.sum(axis=1)
    rows = np.flatnonzero(~np.isnan(total) & ~np.isnan(summed) & (np.abs(total - summed) > slack))
    out.append(
        error_rows(
            rows,
            [
                f"LSYLMJ = {fmt(total[r], p)} m² ≠ CTGLMJ + ZSBPMJ + DRDMJ = {fmt(summed[r], p)} m²"
                for r in rows
            ],
            "LSYLMJ",
            geoms[rows],
        )
    )
    p_mj = ctx.standard.field("MJ").precision
    limit = mj + 0.5 * 10.0**-p + 0.5 * 10.0**-p_mj + 1e-9
    rows = np.flatnonzero(~np.isnan(total) & ~np.isnan(mj) & (total > limit))
    out.append(
        error_rows(
            rows,
            [f"LSYLMJ = {fmt(total[r], p)} m² 大于图斑面积 MJ {fmt(mj[r], p_mj)} m²" for r in rows],
            "LSYLMJ",
            geoms[rows],
        )
    )
    return concat_errors(out)


def check_use_state(ctx: QcContext) -> pd.DataFrame:
    """使用状况与建筑不一致 (Y-2): SYZK = 空置 (no building) with a current FAR above 0."""
    if not _has(ctx, "SYZK", "RJL"):
        return error_rows([], [])
    state = ctx.column("SYZK").astype(object).to_numpy()
    rjl = _numbers(ctx, "RJL")
    rows = np.flatnonzero((state == "空置") & ~np.isnan(rjl) & (rjl > 0))
    geoms = ctx.geoms
    messages = [f"SYZK = 空置（无建筑），但容积率 RJL = {fmt(rjl[r], 4)} > 0" for r in rows]
    return error_rows(rows, messages, "SYZK", geoms[rows])
