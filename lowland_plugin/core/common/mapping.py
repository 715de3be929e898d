"""Field mapping: recognise the field names and coded values users really have.

``resources/codes/field_candidates.csv`` lists, per layer, each canonical field
with the names found in practice (三调 ``DLBM``, Chinese ``地类编码``, …). An
explicit mapping (``canonical=actual``) always wins. Coded values are normalised
too: ``是/否``, ``Y/N``, ``1/0`` → booleans; ``出让/划拨/集体`` → ``granted`` /
``allocated`` / ``collective``; ``已供/批而未供`` → ``supplied`` / ``approved_unsupplied``.

The project template (``resources/codes/project_fields.csv``: the layers of the
redevelopment checks, each field with its type and Chinese alias) is mapped the same
way by :func:`template_frame`; :func:`unused_map_entries` finds the entries of a field
map that no layer used, for either kind of layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd

from .errors import LowlandInputError
from .resources import rows_by_layer
from .values import plain

_TRUE = {"1", "true", "t", "yes", "y", "是", "有", "√"}
_FALSE = {"0", "false", "f", "no", "n", "否", "无", "×"}
_TENURE = {
    "granted": "granted",
    "出让": "granted",
    "国有出让": "granted",
    "allocated": "allocated",
    "划拨": "allocated",
    "国有划拨": "allocated",
    "collective": "collective",
    "集体": "collective",
    "集体土地": "collective",
    "集体所有": "collective",
}
_SUPPLY = {
    "supplied": "supplied",
    "已供": "supplied",
    "已供应": "supplied",
    "approved_unsupplied": "approved_unsupplied",
    "批而未供": "approved_unsupplied",
    "已批未供": "approved_unsupplied",
}


def _candidates() -> dict[str, list[dict[str, str]]]:
    return rows_by_layer("field_candidates.csv")


def parse_field_map(text: str | None) -> dict[str, str]:
    """``"dlbm=DLBM; parcel_id=宗地代码"`` → ``{"dlbm": "DLBM", "parcel_id": "宗地代码"}``."""
    out: dict[str, str] = {}
    for part in (text or "").replace("；", ";").replace("，", ";").replace(",", ";").split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            raise LowlandInputError(
                f"字段映射 {part.strip()!r} 应写成 标准字段=实际字段 / field mapping {part.strip()!r} "
                "must read canonical=actual, e.g. dlbm=DLBM"
            )
        canonical, actual = (s.strip() for s in part.split("=", 1))
        out[canonical] = actual
    return out


def known_fields() -> dict[str, set[str]]:
    """layer → its canonical fields."""
    return {layer: {r["field"] for r in rows} for layer, rows in _candidates().items()}


def explicit_for(layer: str, explicit: Mapping[str, str] | None) -> dict[str, str]:
    """The entries of a field map that concern ``layer``: ``layer.field=…`` entries for it
    and unprefixed ``field=…`` entries naming one of its canonical fields."""
    known = known_fields().get(layer, set())
    out: dict[str, str] = {}
    for key, actual in (explicit or {}).items():
        prefix, name = _split_key(key)
        if prefix and prefix != layer:
            continue
        if name in known:
            out[name] = actual
    return out


def _split_key(key: str) -> tuple[str, str]:
    """A field-map key ``field`` or ``layer.field`` as (layer or "", field)."""
    prefix, _, name = key.rpartition(".")
    return prefix, name


def unknown_map_keys(
    explicit: Mapping[str, str], layers: Iterable[str], known: Mapping[str, set[str]]
) -> list[str]:
    """Field-map keys naming no field of their layer (``layer.field``) or of any of
    ``layers`` (``field``); ``known``: layer → its canonical fields."""
    layers = list(layers)
    bad = []
    for key in explicit:
        prefix, name = _split_key(key)
        scope = [prefix] if prefix else layers
        if not any(name in known.get(layer, set()) for layer in scope):
            bad.append(key)
    return bad


def unused_map_entries(
    explicit: Mapping[str, str], mappings: Mapping[str, Mapping[str, str]]
) -> list[str]:
    """Field-map entries (``key=actual``) that no layer used, in map order: ``mappings``
    is layer → canonical → actual column, as the readers of the layers found them."""
    out = []
    for key, actual in explicit.items():
        prefix, name = _split_key(key)
        used = any(
            mapping.get(name, "").lower() == actual.lower()
            for layer, mapping in mappings.items()
            if prefix in ("", layer)
        )
        if not used:
            out.append(f"{key}={actual}")
    return out


def require_map_entries_used(
    explicit: Mapping[str, str], mappings: Mapping[str, Mapping[str, str]]
) -> None:
    """Refuse field-map entries that no layer used (a typo, never ignored silently):
    ``mappings`` is layer → canonical → actual column, as the layers were read."""
    unused = unused_map_entries(explicit, mappings)
    if unused:
        raise LowlandInputError(
            f"字段映射 {unused} 所指的字段在各输入图层中都不存在。 / field map entries "
            f"{unused} name fields that no input layer has."
        )


def check_field_map(explicit: Mapping[str, str], layers: Iterable[str]) -> None:
    """Refuse field-map keys that name no canonical field of the given layers."""
    known = known_fields()
    layers = list(layers)
    bad = unknown_map_keys(explicit, layers, known)
    if bad:
        allowed = sorted({f for layer in layers for f in known.get(layer, set())})
        raise LowlandInputError(
            f"字段映射中的标准字段 {bad} 不存在；可用：{allowed}（可加图层前缀，如 parcels.dlbm）。 / "
            f"field map names unknown canonical fields {bad}; allowed: {allowed} (optionally "
            "prefixed by the layer, e.g. parcels.dlbm)."
        )


def resolve_fields(
    columns: Iterable[str],
    layer: str,
    explicit: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    label: str | None = None,
    strict: bool = True,
) -> dict[str, str]:
    """canonical → actual column for every canonical field of ``layer`` that is found.

    Order: the explicit map (actual names matched case-insensitively; with
    ``strict=False`` an unprefixed entry whose field this layer lacks is skipped, so
    one map can serve several layers), then the exact canonical name, then the
    candidate names case-insensitively. Raises :class:`LowlandInputError` listing the
    missing required fields, the candidate names looked for and the layer's fields.
    """
    columns = [c for c in columns if c != "geometry"]
    lower: dict[str, str] = {}
    for c in columns:
        lower.setdefault(c.lower(), c)
    rows = _candidates().get(layer, [])
    known = {r["field"] for r in rows}
    found: dict[str, str] = {}
    for canonical, actual in explicit_for(layer, explicit).items():
        match = actual if actual in columns else lower.get(actual.lower())
        if match is None:
            if not strict and f"{layer}.{canonical}" not in (explicit or {}):
                continue
            raise LowlandInputError(
                f"{label or layer}: 映射 {canonical}={actual} 中的字段 {actual} 不存在；现有字段 {columns} / "
                f"mapped field {actual!r} is not in the layer; it has {columns}"
            )
        found[canonical] = match
    for row in rows:
        canonical = row["field"]
        if canonical in found:
            continue
        if canonical in columns:
            found[canonical] = canonical
            continue
        for name in [canonical, *row["candidates"].split("|")]:
            if name.lower() in lower:
                found[canonical] = lower[name.lower()]
                break
    missing = [f for f in required if f not in found]
    if missing:
        hints = "; ".join(
            f"{f}: {[f, *next(r['candidates'].split('|') for r in rows if r['field'] == f)]}"
            for f in missing
            if f in known
        )
        raise LowlandInputError(
            f"{label or layer}: 缺少必需字段 {missing}。已查找的候选名：{hints}。现有字段：{columns}。"
            f"可用字段映射参数指定，如 {missing[0]}=实际字段名。 / missing required fields {missing}; "
            f"looked for {hints}; the layer has {columns}. Map them explicitly, e.g. "
            f"{missing[0]}=YOUR_FIELD."
        )
    return found


def _to_bool(value) -> bool | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer, float, np.floating)):
        return bool(value)
    text = str(value).strip().lower()
    if not text:  # a blank cell is unknown, as in every other field type
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)


def _to_date(value) -> dt.date | None:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if len(text) == 8 and text.isdigit():  # 20091231
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    for sep in ("年", "月", "/", "."):
        text = text.replace(sep, "-")
    text = text.replace("日", "").split("T")[0].split(" ")[0]
    year, month, day = (int(p) for p in text.split("-"))  # 2009-1-5, 2009/01/05, 2009年1月5日
    if year < 1000:
        raise ValueError(value)
    return dt.date(year, month, day)


def _normalise_column(
    series: pd.Series, kind: str, field: str, label: str, non_negative: bool = False
) -> pd.Series:
    """Values of one mapped column in canonical form; bad values are named, not guessed.
    Numbers must be finite (``inf``, ``nan`` text refused); ``non_negative``: and ≥ 0."""
    if kind in ("string", "code"):  # stripped text, blank → None; once per distinct value
        codes, uniques = pd.factorize(series.astype(object).to_numpy())
        text = [str(v).strip() or None for v in uniques]
        return pd.Series(np.array([*text, None], dtype=object)[codes], index=series.index)
    if kind in ("float", "int"):
        out = pd.to_numeric(series, errors="coerce")
        bad = (out.isna() & series.notna()).to_numpy()
        if bad.any():  # blank text is a null, anything else unreadable is reported
            bad[bad] = series[bad].astype(str).str.strip().ne("").to_numpy()
        if kind == "int":
            bad = bad | (out.notna() & (out % 1 != 0)).to_numpy()
        bad = bad | (out.notna() & ~np.isfinite(out.astype("float64"))).to_numpy()
        if non_negative:
            bad = bad | (out.notna() & (out < 0)).to_numpy()
        floor = "，不小于 0" if non_negative else ""
        floor_en = ", ≥ 0" if non_negative else ""
        _raise_bad(
            series,
            bad,
            field,
            label,
            f"整数（有限{floor}） / a whole number (finite{floor_en})"
            if kind == "int"
            else f"数值（有限{floor}） / a number (finite{floor_en})",
        )
        return out.astype("Int64") if kind == "int" else out.astype("float64")
    if kind == "bool" and pd.api.types.is_bool_dtype(series.dtype):
        return series.astype("boolean")
    convert = {
        "bool": _to_bool,
        "date": _to_date,
        "tenure": lambda v: _lookup(v, _TENURE),
        "supply": lambda v: _lookup(v, _SUPPLY),
    }[kind]
    codes, uniques = pd.factorize(series.astype(object).to_numpy())  # once per distinct value
    converted, bad_unique = [], []
    for v in uniques:
        try:
            converted.append(convert(v))
            bad_unique.append(False)
        except (ValueError, TypeError):
            converted.append(None)
            bad_unique.append(True)
    table = np.array([*converted, None], dtype=object)  # code -1 (null) → None
    bad = np.array([*bad_unique, False])[codes]
    allowed = {
        "bool": "是/否、true/false、1/0",
        "date": "YYYY-MM-DD（或 2009/1/5、20091231、2009年1月5日）",
        "tenure": sorted(set(_TENURE)),
        "supply": sorted(set(_SUPPLY)),
    }[kind]
    _raise_bad(series, bad, field, label, str(allowed))
    values = table[codes]
    if kind == "bool":
        return pd.Series(pd.array(values.tolist(), dtype="boolean"), index=series.index)
    return pd.Series(values, index=series.index, dtype=object)


def _lookup(value, table: Mapping[str, str]) -> str | None:
    key = str(value).strip()
    if not key:
        return None
    if key in table:
        return table[key]
    if key.lower() in table:
        return table[key.lower()]
    raise ValueError(value)


def _raise_bad(series: pd.Series, bad, field: str, label: str, allowed: str) -> None:
    bad = np.asarray(bad, dtype=bool)
    if bad.any():
        examples = sorted({str(v) for v in series[bad].tolist()})[:5]
        raise LowlandInputError(
            f"{label}: 字段 {field} 有 {int(bad.sum())} 个无法识别的值 {examples}；允许：{allowed}。 / "
            f"field {field} has {int(bad.sum())} values that cannot be read {examples}; allowed: {allowed}."
        )


def canonical_frame(
    gdf: gpd.GeoDataFrame,
    layer: str,
    explicit: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    label: str | None = None,
    strict: bool = True,
) -> tuple[gpd.GeoDataFrame, dict[str, str]]:
    """A copy of ``gdf`` with the canonical fields of ``layer`` under canonical names and
    normalised values (other columns kept as they are), plus the mapping used."""
    mapping = resolve_fields(gdf.columns, layer, explicit, required, label, strict)
    kinds = {r["field"]: r["type"] for r in _candidates()[layer]}
    out = gdf.copy()
    for canonical, actual in mapping.items():
        # every number of field_candidates.csv is a measure (tax, GFA, floors, years, area,
        # FAR): a negative one is refused, not computed with (issue 21 item 13)
        values = _normalise_column(gdf[actual], kinds[canonical], actual, label or layer, True)
        if actual != canonical and canonical in out.columns:
            out = out.drop(columns=canonical)
        out[canonical] = values.to_numpy() if not hasattr(values, "array") else values.array
    return out, mapping


# ------------------------------------------------------------------ project template

#: Template field type → the normalisation of :func:`_normalise_column`.
_TEMPLATE_KINDS = {
    "string": "string",
    "json": "string",
    "real": "float",
    "bool": "bool",
    "date": "date",
}


def _template() -> dict[str, list[dict[str, str]]]:
    return rows_by_layer("project_fields.csv")


def template_fields(layer: str) -> dict[str, str]:
    """Canonical field → type (string, real, bool, date, json) of a template layer."""
    return {r["field"]: r["type"] for r in _template().get(layer, [])}


def check_template_field_map(explicit: Mapping[str, str], layers: Iterable[str]) -> None:
    """Refuse field-map keys (``field`` or ``layer.field``) naming no field of ``layers``."""
    layers = list(layers)
    known = {layer: set(template_fields(layer)) for layer in {*layers, *_template()}}
    bad = unknown_map_keys(explicit, layers, known)
    if bad:
        allowed = sorted({f for layer in layers for f in template_fields(layer)})
        raise LowlandInputError(
            f"字段映射中的标准字段 {bad} 不在项目模板中；可用：{allowed}（可加图层前缀，如 "
            f"pieces.project_id）。 / field map names fields {bad} that the project template "
            f"does not have; allowed: {allowed} (optionally prefixed, e.g. pieces.project_id)."
        )


def _template_mapping(
    columns: list[str], layer: str, explicit: Mapping[str, str] | None, label: str
) -> dict[str, str]:
    """canonical → actual column for every template field of ``layer`` that is found (in
    template order): the explicit map (a ``layer.field`` entry naming a missing column is
    an error, a ``field`` entry falls through), the canonical name, the Chinese alias;
    all case-insensitively."""
    lower = {c.lower(): c for c in reversed(columns)}
    fields = template_fields(layer)
    mine = {}
    for key, actual in (explicit or {}).items():
        prefix, name = _split_key(key)
        if prefix in ("", layer) and name in fields:
            mine[name] = (actual, bool(prefix))
    found: dict[str, str] = {}
    for row in _template().get(layer, []):
        name = row["field"]
        if name in mine:
            actual, prefixed = mine[name]
            match = actual if actual in columns else lower.get(actual.lower())
            if match is not None:
                found[name] = match
                continue
            if prefixed:
                raise LowlandInputError(
                    f"{label}: 映射 {name}={actual} 中的字段 {actual} 不存在；现有字段 {columns} / "
                    f"mapped field {actual!r} is not in the layer; it has {columns}"
                )
        for candidate in (name, row["alias_zh"]):
            if candidate and candidate.lower() in lower:
                found[name] = lower[candidate.lower()]
                break
    return found


def template_frame(
    gdf: gpd.GeoDataFrame,
    layer: str,
    explicit: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    label: str | None = None,
) -> gpd.GeoDataFrame:
    """A copy of ``gdf`` with the template fields of ``layer`` under canonical names and
    normalised values (reals as floats, flags as nullable booleans, dates as dates, JSON
    and codes as stripped text); other columns are kept.

    A field is found by the explicit map (``field=actual`` or ``layer.field=actual``),
    its canonical name, or its Chinese alias (``项目编号``), case-insensitively. The
    mapping used (canonical → actual) is kept in ``attrs["template_mapping"]`` for
    :func:`unused_map_entries`.
    """
    label = label or layer
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    found = _template_mapping(columns, layer, explicit, label)
    missing = [f for f in required if f not in found]
    if missing:
        raise LowlandInputError(
            f"{label}: 缺少必需字段 {missing}（项目模板 resources/codes/project_fields.csv）；"
            f"现有字段：{columns}。可用字段映射指定，如 {missing[0]}=实际字段名。 / missing "
            f"required fields {missing} of the project template; the layer has {columns}. "
            f"Map them explicitly, e.g. {missing[0]}=YOUR_FIELD."
        )
    fields = template_fields(layer)
    out = gdf.copy()
    for name, actual in found.items():
        kind = _TEMPLATE_KINDS[fields[name]]
        values = gdf[actual]
        if kind == "date":
            values = values.map(plain)
        values = _normalise_column(values, kind, actual, label)
        if actual != name and name in out.columns:
            out = out.drop(columns=name)
        out[name] = values.array
    out.attrs["template_mapping"] = dict(found)  # canonical → actual, to spot unused map entries
    return out
