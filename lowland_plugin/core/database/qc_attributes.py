"""质检 rules on a record's attributes (:mod:`.qc`): mandatory fields, value domains,
field widths and encoding, ids, and whether a low-efficiency record is construction land.
Each is one vectorised function of a :class:`QcContext` returning its error rows."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..common import codes
from .qc_context import QcContext, concat_errors, error_rows


def check_required(ctx: QcContext) -> pd.DataFrame:
    """必填字段: a required field (or one required under a condition) is null or blank."""
    parts = []
    for spec in ctx.standard.fields:
        if spec.required == "false":
            continue
        if spec.required.startswith("if:"):
            other, _, value = spec.required[3:].partition("=")
            needed = (ctx.column(other).astype(object) == value).to_numpy(dtype=bool)
            when = f"（{other}={value} 时必填）"
        else:
            needed, when = np.ones(ctx.n, dtype=bool), ""
        rows = np.flatnonzero(needed & ~ctx.present(spec.name))
        message = f"必填字段 {spec.name}（{spec.alias_zh}）为空{when}"
        parts.append(error_rows(rows, [message] * len(rows), spec.name, ctx.geoms[rows]))
    return concat_errors(parts)


_NORMALISE = {
    "sandiao": codes.normalize_dlbm,
    "landuse_2023": codes.normalize_landuse_code,
    "czcsxm": codes.normalize_czcsxm,
}


def domain_failures(ctx: QcContext, spec) -> tuple[np.ndarray, list[str]]:
    """Rows (with a value) whose value is outside the field's domain, and the messages."""
    kind, value = spec.domain_kind, spec.domain_value
    if kind is None:
        return np.array([], dtype="int64"), []
    _codes, distinct = ctx.distinct(spec.name)

    def why_all() -> list[str | None]:
        if kind == "codes":
            unknown = set(codes.unknown_codes(pd.Series(distinct, dtype=object), value))
            normalise = _NORMALISE[value]
            out: list[str | None] = []
            for v in distinct:
                norm = normalise(v)
                if norm in unknown:
                    out.append(f"代码 '{v}' 不在代码表 {value} 中")
                elif not isinstance(v, str) or norm != v:
                    out.append(f"代码 '{v}' 写法不规范（应为 '{norm}'）")
                else:
                    out.append(None)
            return out
        if kind == "enum":
            allowed = spec.enum_values
            text = f"不在允许值 {'|'.join(allowed)} 中"
            return [None if v in allowed else f"值 '{v}' {text}" for v in distinct]
        if kind == "regex":
            pattern = re.compile(value)
            return [
                None if pattern.fullmatch(str(v)) else f"值 '{v}' 不符合格式 {value}"
                for v in distinct
            ]
        low, high = spec.range_bounds
        numbers = pd.to_numeric(pd.Series(distinct, dtype=object), errors="coerce")
        return [
            None
            if pd.notna(x) and low <= float(x) <= high
            else f"值 {v} 不在范围 [{low:g}, {high:g}] 内"
            for v, x in zip(distinct, numbers, strict=True)
        ]

    prefix = f"{spec.name}（{spec.alias_zh}）"
    messages = [None if r is None else prefix + r for r in why_all()]
    return _per_value(ctx, spec.name, messages.__getitem__, by_position=True)


def domain_ok(ctx: QcContext, name: str) -> np.ndarray:
    """Rows where the field has a value that passes its domain."""

    def compute() -> np.ndarray:
        bad = np.zeros(ctx.n, dtype=bool)
        rows, _ = domain_failures(ctx, ctx.standard.field(name))
        bad[rows] = True
        return ctx.present(name) & ~bad

    return ctx.cached(("domain_ok", name), compute)


def check_domain(ctx: QcContext) -> pd.DataFrame:
    """值域: codes unknown to the code tables (or not in their canonical form, e.g. ``601``
    for ``0601``), values outside an enumeration, a format or a numeric range."""
    parts = []
    for spec in ctx.standard.fields:
        rows, messages = domain_failures(ctx, spec)
        parts.append(error_rows(rows, messages, spec.name, ctx.geoms[rows]))
    return concat_errors(parts)


def _encodable(value: str, encoding: str) -> bool:
    try:
        value.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _per_value(
    ctx: QcContext, name: str, func, by_position: bool = False
) -> tuple[np.ndarray, list[str]]:
    """Rows (with a value) where ``func(value)`` (``func(i)`` of the i-th distinct value
    with ``by_position``) returns a message, evaluated once per distinct value."""
    codes_, uniques = ctx.distinct(name)
    keys = range(len(uniques)) if by_position else uniques
    outcome = np.array([func(k) for k in keys] + [None], dtype=object)
    per_row = outcome[codes_]  # code -1 picks the trailing None
    rows = np.flatnonzero(pd.notna(per_row))
    return rows, list(per_row[rows])


def check_field_width(ctx: QcContext) -> pd.DataFrame:
    """字段长度: text longer than the field width in bytes of the output encoding (as a
    DBF counts it; GBK: 2 bytes per Chinese character, UTF-8: 3), numbers with more
    characters than the width (sign, digits, point and the stated decimals). Text that
    cannot be encoded at all is left to ``encoding``."""
    parts = []
    for spec in ctx.standard.fields:
        if spec.type == "date":
            continue

        def too_long(value, spec=spec):
            if spec.type == "string":
                text = str(value)
                if not _encodable(text, ctx.encoding):
                    return None
                size, unit = len(text.encode(ctx.encoding)), f"字节（{ctx.encoding}）"
            else:
                number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
                if pd.isna(number):
                    return None
                text = f"{number:.{spec.precision}f}" if spec.type == "real" else str(int(number))
                size, unit = len(text), "位"
            if size <= spec.width:
                return None
            return f"{spec.name}（{spec.alias_zh}）长 {size} {unit}，超过字段宽度 {spec.width}"

        rows, messages = _per_value(ctx, spec.name, too_long)
        parts.append(error_rows(rows, messages, spec.name, ctx.geoms[rows]))
    return concat_errors(parts)


def check_encoding(ctx: QcContext) -> pd.DataFrame:
    """字符编码: text with characters the output encoding (GBK for a GBK shapefile) lacks."""
    parts = []
    for spec in ctx.standard.fields:
        if spec.type != "string":
            continue

        def unencodable(value, spec=spec):
            text = str(value)
            if _encodable(text, ctx.encoding):
                return None
            bad = "".join(sorted({c for c in text if not _encodable(c, ctx.encoding)}))
            return f"{spec.name}（{spec.alias_zh}）含 {ctx.encoding} 无法表示的字符 '{bad}'"

        rows, messages = _per_value(ctx, spec.name, unencodable)
        parts.append(error_rows(rows, messages, spec.name, ctx.geoms[rows]))
    return concat_errors(parts)


def check_duplicate_id(ctx: QcContext) -> pd.DataFrame:
    """编号重复: every repeat of a 图斑编号 or 宗地编号 (one row per extra occurrence,
    ``related`` = its first occurrence)."""
    parts = []
    for name in ("TBBH", "ZDDM"):
        values = ctx.column(name).astype(object)
        present = ctx.present(name)
        keyed = pd.Series(values.where(present, None).map(str).to_numpy())
        keyed[~present] = None
        dup = keyed.duplicated(keep="first").to_numpy() & present
        rows = np.flatnonzero(dup)
        if not rows.size:
            continue
        first = keyed[present].drop_duplicates(keep="first")
        first_row = pd.Series(first.index, index=first.to_numpy())
        related = first_row.loc[keyed.iloc[rows].to_numpy()].to_numpy()
        alias = ctx.standard.field(name).alias_zh
        messages = [
            f"{name}（{alias}）'{keyed.iloc[r]}' 重复：第 {f + 1} 条与第 {r + 1} 条"
            for r, f in zip(rows, related, strict=True)
        ]
        parts.append(error_rows(rows, messages, name, ctx.geoms[rows], related))
    return concat_errors(parts)


def check_id_format(ctx: QcContext) -> pd.DataFrame:
    """图斑编号格式: TBBH must be its XZQDM followed by a 6-digit sequence number."""
    admin = ctx.column("XZQDM").astype(object).where(ctx.present("XZQDM"), None)
    tbbh = ctx.column("TBBH").astype(object)
    pairs = pd.Series(list(zip(tbbh, admin, strict=True)), dtype=object)
    has = ctx.present("TBBH")
    outcome = {}
    for value, code in pd.unique(pairs[has]):
        prefix = re.escape(str(code)) if code is not None else r"\d{6}"
        ok = re.fullmatch(prefix + r"\d{6}", str(value)) is not None
        outcome[(value, code)] = ok
    rows = np.flatnonzero(has & ~pairs.map(lambda p: outcome.get(p, True)).to_numpy(bool))
    messages = [
        f"图斑编号 '{tbbh.iloc[r]}' 不是 行政区代码({admin.iloc[r]}) + 6 位顺序号" for r in rows
    ]
    return error_rows(rows, messages, "TBBH", ctx.geoms[rows])


def check_construction_land(ctx: QcContext) -> pd.DataFrame:
    """非建设用地: a low-efficiency record (SFDX 是) whose 现状地类 is not construction land
    by the 三调 code table (N-12, Y-1: 低效用地 is stock construction land)."""
    ok = domain_ok(ctx, "XZDL") & (ctx.column("SFDX").astype(object) == "是").to_numpy()
    category = codes.land_category(ctx.column("XZDL")).to_numpy(dtype=object)
    rows = np.flatnonzero(ok & (category != "construction"))
    names = {"agricultural": "农用地", "unused": "未利用地", None: "未定"}
    xzdl = ctx.column("XZDL").astype(object).to_numpy()
    messages = [
        f"现状地类 {xzdl[r]} 不是建设用地（三大类：{names.get(category[r], category[r])}）"
        for r in rows
    ]
    return error_rows(rows, messages, "XZDL", ctx.geoms[rows])
