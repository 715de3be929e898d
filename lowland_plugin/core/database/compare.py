"""年度更新对比: what changed between two versions of a polygon database (Y-2 年度更新机制, N-12).

Two versions of the 低效用地 database (or of two identification runs) go in; one
row per feature of either version comes out, saying whether it was added,
removed, reshaped, re-attributed, re-numbered or left unchanged.

Matching, in this order:

1. **by id** (``id_field``, default ``parcel_id``): a pandas join on the id as
   text (``" P1 "`` = ``"P1"``, ``7`` = ``7.0`` = ``"7"``; blank text counts as no id).
   An id match is trusted whatever the geometries: an id is the database's
   identity. Duplicate ids within one version are refused, naming them.
2. **by geometry**, for what is left on both sides (ids that appear in one
   version only, and features with no id): an old and a new feature are the
   same parcel when their overlap is at least ``match_overlap`` (default 0.9) of
   the area of *each*; one-to-one, the best mutual match first (largest
   overlap / larger area), so a parcel split in two halves (50 % each) is not
   force-matched: it is reported as removed plus two added.
   A geometric match whose ids differ is **renumbered** (a null id that got a
   value, or lost it, counts; two null ids do not).

Change kinds (``change``): ``added``, ``removed``, ``geometry_and_attributes_changed``,
``geometry_changed``, ``attributes_changed``, ``renumbered`` (matched by geometry
with a new id and nothing else changed), ``unchanged``. ``renumbered`` is also a
boolean column, so a renumbered *and* reshaped parcel is
``geometry_changed`` with ``renumbered = true``.

Geometry changed: the area of the symmetric difference of the two geometries
is above ``geometry_tolerance`` m² (default 0.01; at or under it: unchanged — this
absorbs reprojection noise and vertex-order or single/multi-part differences).
Pairs that are ``shapely.equals_exact`` are unchanged without any overlay.

Attributes changed: the fields compared are ``compare_fields`` if given (every one
must exist in both versions), else every field the two versions have in common
except the id field (its change is renumbering) and the volatile fields of
:data:`VOLATILE_FIELDS` (row numbers, geometry-derived areas, review time
stamps: they change without the parcel changing; name them explicitly to compare
them). Values are compared with type sense: nulls equal nulls (and nothing else);
numbers equal within 1e-9 relative (``85`` = ``85.0``); booleans equal 0/1;
dates as dates (``"2013-05-16"`` = ``date(2013, 5, 16)`` = midnight of that day);
a text equals a number only when it spells it (``"39"`` = ``39``, but ``"0601"`` ≠
``601``: a code that lost its leading zero has changed); other text exactly.

Output columns (besides the geometry: the new one, the old one for removed
features, and the attributes of that version — the new version's fields):
``change``, ``renumbered``, ``matched_by`` (``id`` | ``geometry`` | null),
``old_id``, ``new_id`` (the ids as text), ``area_old_m2``, ``area_new_m2``,
``area_change_m2`` (new − old; +new for added, −old for removed, so the column
sums to the net change), ``symdiff_area_m2`` (area of the symmetric difference,
matched pairs only), ``changed_fields`` (JSON list, in field order; null for
added/removed), ``changes`` (JSON object field → [old, new]; null for
added/removed). Rows come in the old version's order, added features last.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..common.errors import LowlandInputError
from ..common.frames import geodataframe
from ..common.overlay import overlap_areas
from ..common.parallel import chunked
from ..common.validation import require_valid_geometries
from ..common.values import plain

#: Fields never compared unless named in ``compare_fields`` (matched case-insensitively):
#: feature/row numbers that any rewrite renumbers, areas derived from the geometry (the
#: geometry comparison reports those), and review bookkeeping that changes on every save.
VOLATILE_FIELDS = frozenset(
    {
        "fid",
        "ogc_fid",
        "objectid",
        "shape_area",
        "shape_length",
        "shape_leng",
        "area_m2",
        "area_mu",
        "ellipsoid_area_m2",
        "reviewed_at",
        "verdict_changed",
    }
)

#: Change kinds, in the order the summary lists them.
CHANGE_KINDS = (
    "added",
    "removed",
    "geometry_and_attributes_changed",
    "geometry_changed",
    "attributes_changed",
    "renumbered",
    "unchanged",
)

#: Columns the comparison writes (carried attributes of the same name are dropped).
OUTPUT_FIELDS = (
    "change",
    "renumbered",
    "matched_by",
    "old_id",
    "new_id",
    "area_old_m2",
    "area_new_m2",
    "area_change_m2",
    "symdiff_area_m2",
    "changed_fields",
    "changes",
)

#: Relative tolerance of number comparisons.
FLOAT_RTOL = 1e-9

#: How many offending ids a message lists.
_MAX_IDS_IN_MESSAGE = 10

ProgressCallback = Callable[[float], None]


@dataclass
class Comparison:
    """One row per feature of either version, the summary by change kind, the fields
    compared and what the run noticed."""

    table: gpd.GeoDataFrame
    summary: pd.DataFrame
    fields: list[str]
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------- ids


def id_keys(values: pd.Series) -> np.ndarray:
    """The id of each row as text (the join key), None for a null or blank id.

    Integral numbers lose their ``.0`` (``7.0`` → ``"7"``); text is stripped.
    """
    s = pd.Series(values).reset_index(drop=True)
    if len(s) and pd.api.types.infer_dtype(s, skipna=True) == "string":
        text = s.str.strip()
        keys = text.where(text.notna() & (text != ""), None)
        return keys.to_numpy(dtype=object)
    return np.array([_id_text(v) for v in s], dtype=object)


def _id_text(value) -> str | None:
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def whitespace_id_warnings(
    raw: pd.Series, keys: np.ndarray, label: str, id_field: str
) -> list[str]:
    """One warning naming the ids written with leading or trailing white space (``'P0001 '``):
    they are matched as the id without it (``P0001``) and written so in the output."""
    padded = [
        (str(v), k)
        for v, k in zip(raw.tolist(), keys, strict=True)
        if isinstance(v, str) and k is not None and v != k
    ]
    if not padded:
        return []
    shown = ", ".join(f"{v!r}→{k}" for v, k in padded[:_MAX_IDS_IN_MESSAGE])
    more = f" … (+{len(padded) - _MAX_IDS_IN_MESSAGE})" if len(padded) > _MAX_IDS_IN_MESSAGE else ""
    return [
        f"{label}: {len(padded)} 个 {id_field} 前后有空白，仅空白不同的编号视为同一编号（输出中已去掉空白）："
        f"{shown}{more}。 / {len(padded)} values of {id_field} have leading or trailing white "
        f"space; ids that differ only by white space are the same id (written without it): "
        f"{shown}{more}."
    ]


def duplicate_ids(keys: np.ndarray) -> list[str]:
    """Ids (as text) that occur more than once, sorted; nulls are not duplicates."""
    s = pd.Series(keys, dtype=object).dropna()
    return sorted(set(s[s.duplicated()]))


def _refuse_duplicates(keys: np.ndarray, label: str, id_field: str) -> None:
    dup = duplicate_ids(keys)
    if dup:
        shown = ", ".join(dup[:_MAX_IDS_IN_MESSAGE])
        more = f" … (+{len(dup) - _MAX_IDS_IN_MESSAGE})" if len(dup) > _MAX_IDS_IN_MESSAGE else ""
        raise LowlandInputError(
            f"{label}: {id_field} 有 {len(dup)} 个编号重复：{shown}{more}。请先修正为唯一编号再对比。"
            f" / {len(dup)} duplicate values of {id_field}: {shown}{more}; make them unique "
            "before comparing."
        )


def match_by_id(old_keys: np.ndarray, new_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(old row, new row) of every id present in both versions, in old row order."""
    old = pd.DataFrame({"key": old_keys, "o": np.arange(len(old_keys))}).dropna(subset=["key"])
    new = pd.DataFrame({"key": new_keys, "n": np.arange(len(new_keys))}).dropna(subset=["key"])
    pairs = old.merge(new, on="key", how="inner", sort=False).sort_values("o")
    return pairs["o"].to_numpy(dtype="int64"), pairs["n"].to_numpy(dtype="int64")


# -------------------------------------------------------------------- geometry


def match_by_overlap(
    old_geoms: np.ndarray, new_geoms: np.ndarray, min_share: float
) -> tuple[np.ndarray, np.ndarray]:
    """One-to-one (old, new) pairs whose overlap is ≥ ``min_share`` of both areas.

    Candidates are taken best first (overlap / the larger of the two areas, which
    is the smaller of the two shares), skipping any whose old or new feature is
    already taken: each pair is the best mutual match of what remains.
    """
    empty = np.array([], dtype="int64")
    if len(old_geoms) == 0 or len(new_geoms) == 0:
        return empty, empty
    o_idx, n_idx, overlap = overlap_areas(np.array(old_geoms), np.array(new_geoms))
    area_old = shapely.area(old_geoms)[o_idx]
    area_new = shapely.area(new_geoms)[n_idx]
    tol = 1 - FLOAT_RTOL  # a share equal to the threshold passes despite float noise
    ok = (overlap >= min_share * area_old * tol) & (overlap >= min_share * area_new * tol)
    o_idx, n_idx = o_idx[ok], n_idx[ok]
    score = overlap[ok] / np.maximum(area_old[ok], area_new[ok])
    order = np.lexsort((n_idx, o_idx, -score))  # best first; ties in row order
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for o, n in zip(o_idx[order].tolist(), n_idx[order].tolist(), strict=True):
        if o not in taken_old and n not in taken_new:
            taken_old.add(o)
            taken_new.add(n)
            pairs.append((o, n))
    pairs.sort()
    if not pairs:
        return empty, empty
    arr = np.array(pairs, dtype="int64")
    return arr[:, 0], arr[:, 1]


def symmetric_difference_areas(old_geoms: np.ndarray, new_geoms: np.ndarray) -> np.ndarray:
    """Area of the symmetric difference of each pair; 0 without any overlay where the
    two are ``equals_exact`` (most pairs of an annual update)."""
    out = np.zeros(len(old_geoms))
    if len(old_geoms) == 0:
        return out
    same = shapely.equals_exact(old_geoms, new_geoms, tolerance=0.0)
    rest = np.flatnonzero(~same)
    if rest.size:
        out[rest] = chunked(_symdiff_area, old_geoms[rest], new_geoms[rest])
    return out


def _symdiff_area(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return shapely.area(shapely.symmetric_difference(a, b))


# ------------------------------------------------------------------ attributes


def fields_to_compare(
    old_columns: Iterable[str],
    new_columns: Iterable[str],
    id_field: str,
    requested: Sequence[str] | None = None,
) -> list[str]:
    """The attribute fields compared: ``requested`` (each must be in both versions) or every
    common field except the id and :data:`VOLATILE_FIELDS`; in the old version's order."""
    old_columns, new_columns = list(old_columns), list(new_columns)
    if requested:
        missing = [
            f"{f} ({'/'.join(v for v, cols in (('旧版本 old', old_columns), ('新版本 new', new_columns)) if f not in cols)})"
            for f in requested
            if f not in old_columns or f not in new_columns
        ]
        if missing:
            common = [c for c in old_columns if c in new_columns]
            raise LowlandInputError(
                f"对比字段不在两个版本中：{missing}；两个版本共有的字段：{common}。"
                f" / compare fields missing from a version: {missing}; fields in both: {common}."
            )
        return [f for f in dict.fromkeys(requested) if f != id_field]
    return [
        c
        for c in old_columns
        if c in new_columns and c != id_field and c.lower() not in VOLATILE_FIELDS
    ]


def _floats_equal(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= FLOAT_RTOL * max(abs(a), abs(b))


def _as_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    return None


def _as_datetime(value) -> dt.datetime | None:
    """A date, datetime, Timestamp or ISO text as a naive datetime (None if it is none)."""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


_LEADING_ZERO = re.compile(r"[+-]?0\d")


def _text_number(text: str) -> float | None:
    """The number a text spells (``"39"``, ``" 1.5 "``), None for codes like ``"0601"``."""
    text = text.strip()
    if _LEADING_ZERO.match(text):
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def values_equal(a, b) -> bool:
    """Whether two cell values are the same value, with type sense (see the module doc)."""
    a, b = plain(a), plain(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        x, y = _as_bool(a), _as_bool(b)
        return x is not None and x == y
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers):
        return _floats_equal(float(a), float(b))
    if isinstance(a, (dt.date, pd.Timestamp)) or isinstance(b, (dt.date, pd.Timestamp)):
        when_a, when_b = _as_datetime(a), _as_datetime(b)
        if when_a is None or when_b is None:
            return False
        if (when_a.tzinfo is None) != (when_b.tzinfo is None):
            when_a, when_b = when_a.replace(tzinfo=None), when_b.replace(tzinfo=None)
        return when_a == when_b
    if isinstance(a, str) and isinstance(b, numbers):
        a, b = b, a
    if isinstance(a, numbers) and isinstance(b, str):
        number = _text_number(b)
        return number is not None and _floats_equal(float(a), number)
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _is_number_column(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)


def equal_values(old: pd.Series, new: pd.Series) -> np.ndarray:
    """Row-wise :func:`values_equal` of two aligned columns, vectorised: number columns
    in numpy; other columns by one elementwise ``==``, with the per-value rules only
    for the (few) rows that differ."""
    old, new = old.reset_index(drop=True), new.reset_index(drop=True)
    old_null, new_null = old.isna().to_numpy(), new.isna().to_numpy()
    both = ~old_null & ~new_null
    equal = old_null & new_null
    if _is_number_column(old) and _is_number_column(new):
        x = old.to_numpy(dtype="float64", na_value=np.nan)
        y = new.to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            close = (x == y) | (np.abs(x - y) <= FLOAT_RTOL * np.maximum(np.abs(x), np.abs(y)))
        return equal | (both & close)
    x = old.astype(object).to_numpy()
    y = new.astype(object).to_numpy()
    quick = np.zeros(len(x), dtype=bool)
    idx = np.flatnonzero(both)
    if idx.size:
        try:
            same = np.asarray(x[idx] == y[idx], dtype=bool)
        except (TypeError, ValueError):
            same = np.zeros(idx.size, dtype=bool)  # decided value by value below
        quick[idx] = same if same.shape == idx.shape else False
    slow = np.flatnonzero(both & ~quick)
    for i in slow:
        quick[i] = values_equal(x[i], y[i])
    return equal | (both & quick)


def json_value(value):
    """A cell as a JSON-ready value (dates as ISO text, nulls as None)."""
    value = plain(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def attribute_changes(
    old: pd.DataFrame, new: pd.DataFrame, fields: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For aligned rows of two versions: (any field changed, ``changed_fields`` JSON,
    ``changes`` JSON) per row."""
    n = len(old)
    differs = np.zeros((n, len(fields)), dtype=bool)
    for j, name in enumerate(fields):
        differs[:, j] = ~equal_values(old[name], new[name])
    changed = differs.any(axis=1)
    changed_fields = np.full(n, "[]", dtype=object)
    changes = np.full(n, "{}", dtype=object)
    old_rows, new_rows = old.reset_index(drop=True), new.reset_index(drop=True)
    for i in np.flatnonzero(changed):
        names = [fields[j] for j in np.flatnonzero(differs[i])]
        changed_fields[i] = json.dumps(names, ensure_ascii=False)
        changes[i] = json.dumps(
            {f: [json_value(old_rows.at[i, f]), json_value(new_rows.at[i, f])] for f in names},
            ensure_ascii=False,
        )
    return changed, changed_fields, changes


def change_kinds(
    geometry_changed: np.ndarray, attributes_changed: np.ndarray, renumbered: np.ndarray
) -> np.ndarray:
    """The change kind of matched pairs (``renumbered`` only when nothing else changed)."""
    return np.select(
        [
            geometry_changed & attributes_changed,
            geometry_changed,
            attributes_changed,
            renumbered,
        ],
        [
            "geometry_and_attributes_changed",
            "geometry_changed",
            "attributes_changed",
            "renumbered",
        ],
        default="unchanged",
    ).astype(object)


# --------------------------------------------------------------------- output


#: Inferred kinds (pandas ``infer_dtype``) that one typed field holds together.
_NUMBER_KINDS = frozenset({"integer", "floating", "mixed-integer-float", "decimal"})


def _as_text(values: pd.Series) -> pd.Series:
    return values.astype(object).map(lambda v: None if plain(v) is None else str(json_value(v)))


def carried_attributes(
    old: pd.DataFrame,
    new: pd.DataFrame,
    old_rows: np.ndarray,
    new_rows: np.ndarray,
    from_new: np.ndarray,
) -> pd.DataFrame:
    """The new version's attribute columns for every output row: values of the new row,
    or of the old row where the feature was removed (where the old version has the field).

    A field whose values are of another kind in the old version (text there, dates or
    numbers here) is written as text, so it fits one typed field."""
    skip = {"fid", "ogc_fid", *OUTPUT_FIELDS}
    columns = [c for c in new.columns if c.lower() not in skip]
    n = len(from_new)
    pos_new, pos_old = np.flatnonzero(from_new), np.flatnonzero(~from_new)
    out = {}
    for name in columns:
        new_part = new[name].iloc[new_rows[pos_new]].set_axis(pos_new)
        if name not in old.columns or pos_old.size == 0:
            out[name] = new_part.reindex(range(n))
            continue
        old_part = old[name].iloc[old_rows[pos_old]].set_axis(pos_old)
        kinds = {pd.api.types.infer_dtype(part, skipna=True) for part in (new_part, old_part)} - {
            "empty"
        }
        if len(kinds) > 1 and not kinds <= _NUMBER_KINDS:
            new_part, old_part = _as_text(new_part), _as_text(old_part)
        parts = [p for p in (new_part, old_part) if len(p)]
        out[name] = pd.concat(parts).sort_index() if len(parts) > 1 else parts[0]
    return pd.DataFrame(out, index=range(n))


def summarize_changes(table: pd.DataFrame) -> pd.DataFrame:
    """Count, renumbered count and areas (old, new, net change) by change kind, every kind
    listed (0 where none), and a ``total`` row."""
    rows = []
    for kind in (*CHANGE_KINDS, "total"):
        part = table if kind == "total" else table[table["change"] == kind]
        rows.append(
            {
                "change": kind,
                "parcel_count": int(len(part)),
                "renumbered_count": int(part["renumbered"].astype(bool).sum()),
                "area_old_m2": float(part["area_old_m2"].sum(skipna=True)),
                "area_new_m2": float(part["area_new_m2"].sum(skipna=True)),
                "area_change_m2": float(part["area_change_m2"].sum(skipna=True)),
            }
        )
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------ run


def compare_versions(
    old: gpd.GeoDataFrame,
    new: gpd.GeoDataFrame,
    id_field: str = "parcel_id",
    compare_fields: Sequence[str] | None = None,
    match_overlap: float = 0.9,
    geometry_tolerance: float = 0.01,
    progress: ProgressCallback | None = None,
) -> Comparison:
    """Compare two versions of a polygon layer (same projected CRS); see the module doc."""
    report = progress or (lambda _p: None)
    old_label, new_label = "旧版本 / old version", "新版本 / new version"
    if not 0 < match_overlap <= 1:
        raise LowlandInputError(
            f"图形匹配的最小重叠比例须在 (0, 1] 之内，现为 {match_overlap}。"
            f" / the minimum overlap share must be in (0, 1]; got {match_overlap}."
        )
    if geometry_tolerance < 0:
        raise LowlandInputError(
            f"图形容差不能为负，现为 {geometry_tolerance}。"
            f" / the geometry tolerance cannot be negative; got {geometry_tolerance}."
        )
    if old.crs is not None and new.crs is not None and not old.crs.equals(new.crs):
        raise LowlandInputError(
            f"两个版本的坐标系不同（{old.crs.name} / {new.crs.name}），请先重投影到同一坐标系。"
            " / the two versions have different CRS; reproject them to one first."
        )
    for frame, label in ((old, old_label), (new, new_label)):
        if id_field not in frame.columns:
            present = [c for c in frame.columns if c != frame.geometry.name]
            raise LowlandInputError(
                f"{label}: 没有编号字段 {id_field}；现有字段 {present}。"
                f" / has no id field {id_field}; fields: {present}."
            )
        require_valid_geometries(frame, label, id_field)
    old_attrs = old.drop(columns=[old.geometry.name]).reset_index(drop=True)
    new_attrs = new.drop(columns=[new.geometry.name]).reset_index(drop=True)
    fields = fields_to_compare(old_attrs.columns, new_attrs.columns, id_field, compare_fields)
    warnings = []
    if not compare_fields:
        only_old = [c for c in old_attrs.columns if c not in new_attrs.columns]
        only_new = [c for c in new_attrs.columns if c not in old_attrs.columns]
        if only_old or only_new:
            warnings.append(
                f"只在一个版本中的字段不参与对比：旧版本 {only_old}，新版本 {only_new}。"
                f" / fields in one version only are not compared: old {only_old}, new {only_new}."
            )

    old_keys, new_keys = id_keys(old_attrs[id_field]), id_keys(new_attrs[id_field])
    _refuse_duplicates(old_keys, old_label, id_field)
    _refuse_duplicates(new_keys, new_label, id_field)
    for raw, keys, label in (
        (old_attrs[id_field], old_keys, old_label),
        (new_attrs[id_field], new_keys, new_label),
    ):
        warnings += whitespace_id_warnings(raw, keys, label, id_field)
    old_geoms = np.asarray(old.geometry.values, dtype=object)
    new_geoms = np.asarray(new.geometry.values, dtype=object)
    report(10)

    id_old, id_new = match_by_id(old_keys, new_keys)
    rest_old = np.setdiff1d(np.arange(len(old)), id_old)
    rest_new = np.setdiff1d(np.arange(len(new)), id_new)
    g_old, g_new = match_by_overlap(old_geoms[rest_old], new_geoms[rest_new], match_overlap)
    g_old, g_new = rest_old[g_old], rest_new[g_new]
    report(40)

    pair_old = np.concatenate([id_old, g_old])
    pair_new = np.concatenate([id_new, g_new])
    by_geometry = np.r_[np.zeros(len(id_old), bool), np.ones(len(g_old), bool)]
    order = np.argsort(pair_old, kind="stable")
    pair_old, pair_new, by_geometry = pair_old[order], pair_new[order], by_geometry[order]
    symdiff = symmetric_difference_areas(old_geoms[pair_old], new_geoms[pair_new])
    report(60)
    attr_changed, changed_fields, changes = attribute_changes(
        old_attrs.iloc[pair_old], new_attrs.iloc[pair_new], fields
    )
    report(80)
    renumbered = by_geometry & (
        pd.Series(old_keys[pair_old]).fillna("\0").to_numpy()
        != pd.Series(new_keys[pair_new]).fillna("\0").to_numpy()
    )
    kinds = change_kinds(symdiff > geometry_tolerance, attr_changed, renumbered)

    removed = np.setdiff1d(np.arange(len(old)), pair_old)
    added = np.setdiff1d(np.arange(len(new)), pair_new)
    # rows: matched pairs and removed features in the old order, then added ones
    old_rows = np.concatenate([pair_old, removed])
    new_rows = np.concatenate([pair_new, np.full(len(removed), -1)])
    row_order = np.argsort(old_rows, kind="stable")
    old_rows = np.concatenate([old_rows[row_order], np.full(len(added), -1)])
    new_rows = np.concatenate([new_rows[row_order], added])
    n_removed, n_added = len(removed), len(added)

    def per_row(matched: np.ndarray, on_removed, on_added) -> np.ndarray:
        values = np.concatenate(
            [
                np.asarray(matched, dtype=object),
                np.full(n_removed, on_removed, dtype=object),
            ]
        )[row_order]
        return np.concatenate([values, np.full(n_added, on_added, dtype=object)])

    has_old, has_new = old_rows >= 0, new_rows >= 0
    area_old = np.full(len(old_rows), np.nan)
    area_new = np.full(len(old_rows), np.nan)
    area_old[has_old] = shapely.area(old_geoms[old_rows[has_old]])
    area_new[has_new] = shapely.area(new_geoms[new_rows[has_new]])
    area_change = np.where(has_old & has_new, area_new - area_old, 0.0)
    area_change[~has_old] = area_new[~has_old]
    area_change[~has_new] = -area_old[~has_new]
    old_text = np.full(len(old_rows), None, dtype=object)
    new_text = np.full(len(old_rows), None, dtype=object)
    old_text[has_old] = old_keys[old_rows[has_old]]
    new_text[has_new] = new_keys[new_rows[has_new]]

    table = pd.DataFrame(
        {
            "change": per_row(kinds, "removed", "added"),
            "renumbered": per_row(renumbered, False, False).astype(bool),
            "matched_by": per_row(np.where(by_geometry, "geometry", "id"), None, None),
            "old_id": old_text,
            "new_id": new_text,
            "area_old_m2": area_old,
            "area_new_m2": area_new,
            "area_change_m2": area_change,
            "symdiff_area_m2": per_row(symdiff, np.nan, np.nan).astype("float64"),
            "changed_fields": per_row(changed_fields, None, None),
        }
    )
    attributes = carried_attributes(old_attrs, new_attrs, old_rows, new_rows, has_new)
    table = pd.concat([table, attributes], axis=1)
    table["changes"] = per_row(changes, None, None)
    geoms = np.empty(len(old_rows), dtype=object)
    geoms[has_new] = new_geoms[new_rows[has_new]]
    geoms[~has_new] = old_geoms[old_rows[~has_new]]
    result = geodataframe(table, geoms, old.crs if old.crs is not None else new.crs)
    report(100)
    return Comparison(result, summarize_changes(table), fields, warnings)
