"""Conservation checks run by the algorithms before they write (issue 11): nothing lost.

Every input feature appears in the output (or in an error output with its reason),
with its id; where an output carries the input geometry, the areas add up. A
violation is a defect of the plugin, not of the user's data: it raises
:class:`LowlandInternalError`, whose message says so, instead of writing an output
that silently lacks features.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import shapely

from .errors import LowlandInternalError

#: Absolute tolerance of an area identity, m² (outputs are rounded to 0.01 m²).
AREA_TOLERANCE_M2 = 0.01
#: Relative tolerance of an area identity (floating-point overlay noise).
AREA_TOLERANCE_REL = 1e-9

_SHOWN = 10


def _key(value) -> str:
    """Ids compared as text; every null (None, NaN, pandas NA) is one key."""
    if value is None or value != value or str(value) == "<NA>":
        return "<null>"
    return str(value)


def _same_texts(first: list, second: list) -> bool:
    """Both lists hold the same texts in the same order (equal texts are equal keys)."""
    return first == second and all(type(v) is str for v in first)


def _show(keys: Iterable[str]) -> str:
    keys = list(keys)
    more = len(keys) - _SHOWN
    return ", ".join(keys[:_SHOWN]) + (f" … (+{more})" if more > 0 else "")


def _internal(label: str, zh: str, en: str) -> LowlandInternalError:
    return LowlandInternalError(
        f"内部错误（守恒检查，{label}）：{zh}。结果未写出；这是插件的缺陷，请连同输入数据报告。"
        f" / internal error (conservation check, {label}): {en}. Nothing was written; "
        "this is a defect of the plugin, please report it with the input data."
    )


def check_ids_accounted(
    input_ids: Iterable,
    output_ids: Iterable,
    label: str,
    error_ids: Iterable = (),
) -> None:
    """Every input id occurs in the output (plus the error output) exactly as often as in
    the input, and the outputs hold no id the input lacks."""
    input_ids, output_ids, error_ids = list(input_ids), list(output_ids), list(error_ids)
    if not error_ids and _same_texts(input_ids, output_ids):
        return  # the very same text ids in the same order: nothing lost, nothing added
    expected = Counter(_key(v) for v in input_ids)
    got = Counter(_key(v) for v in output_ids) + Counter(_key(v) for v in error_ids)
    missing = expected - got
    extra = got - expected
    if missing:
        raise _internal(
            label,
            f"{sum(missing.values())} 个输入要素不在输出中：{_show(missing)}",
            f"{sum(missing.values())} input features are missing from the output: {_show(missing)}",
        )
    if extra:
        raise _internal(
            label,
            f"输出中有 {sum(extra.values())} 个输入中没有的要素：{_show(extra)}",
            f"the output has {sum(extra.values())} features the input lacks: {_show(extra)}",
        )


def check_area_identity(parts: float, whole: float, label: str, what: str = "") -> None:
    """``parts`` (m²) equals ``whole`` within :data:`AREA_TOLERANCE_M2` or the relative
    tolerance, whichever is larger."""
    tolerance = max(AREA_TOLERANCE_M2, AREA_TOLERANCE_REL * abs(whole))
    if not abs(parts - whole) <= tolerance:
        raise _internal(
            label,
            f"面积不守恒{what}：各部分之和 {parts:.2f} 平方米，应为 {whole:.2f} 平方米",
            f"areas do not add up{what}: parts {parts:.2f} m², expected {whole:.2f} m²",
        )


def check_geometry_kept(input_geoms, output_geoms, label: str) -> None:
    """An output that carries its input's geometry row by row: same count, same total area,
    and every row's area unchanged (within tolerance)."""
    a = np.asarray(input_geoms, dtype=object)
    b = np.asarray(output_geoms, dtype=object)
    if len(a) != len(b):
        raise _internal(
            label,
            f"输入 {len(a)} 个要素，输出 {len(b)} 个",
            f"{len(a)} input features, {len(b)} output rows",
        )
    area_a = np.nan_to_num(shapely.area(a))
    area_b = np.nan_to_num(shapely.area(b))
    tolerance = np.maximum(AREA_TOLERANCE_M2, AREA_TOLERANCE_REL * np.abs(area_a))
    changed = np.flatnonzero(np.abs(area_a - area_b) > tolerance)
    if len(changed):
        raise _internal(
            label,
            f"{len(changed)} 个要素的面积在输出中改变（行 {_show(map(str, changed))}）",
            f"{len(changed)} features changed area in the output (rows {_show(map(str, changed))})",
        )
    check_area_identity(float(area_b.sum()), float(area_a.sum()), label)
