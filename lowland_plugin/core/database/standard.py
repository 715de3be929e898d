"""上图入库 (Y-2, N-12): the 低效用地 database in a documented field standard.

The field standard is a resource file, ``resources/standards/<id>.csv`` (format and
meaning in ``resources/standards/README.md``), never code: one row per output field
with its pinyin-abbreviation name (≤ 10 characters, DBF-safe), aliases, type, width,
precision, whether it is required, its value domain, where its value comes from (an
identification field, or a ``computed:`` rule of this module) and its rounding.

:func:`standardize` turns an identification output (``lowland:identifyparcels``,
possibly reviewed) into the standard's table. Nothing is fixed or guessed here:
values are copied (typed and rounded as the standard says); whether they are
valid is the business of :mod:`.qc`.

Pure Python + pandas/shapely, no QGIS.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from ..common.errors import LowlandInputError
from ..common.frames import geodataframe
from ..common.reason_text import reason_items, reasons_paragraph
from ..common.resources import resource_path
from ..common.values import as_text, is_known
from ..identify.review import final_type, final_verdict
from .status import legacy_values, redevelopment_potential, use_state

#: The bundled standard.
DEFAULT_STANDARD = "lowland_db_v1"
#: Columns of a standard file, in order.
STANDARD_COLUMNS = (
    "name",
    "alias_zh",
    "alias_en",
    "type",
    "width",
    "precision",
    "required",
    "domain",
    "source",
    "rounding",
    "description",
)
FIELD_TYPES = ("string", "int", "real", "date")
DOMAIN_KINDS = ("codes", "enum", "regex", "range")
CODE_DOMAINS = ("sandiao", "landuse_2023", "czcsxm")
#: ``computed:`` rules :func:`standardize` knows.
COMPUTED = (
    "tbbh",
    "admin_code",
    "sfdx",
    "dxlx",
    "area_mu",
    "rdyj",
    "profile",
    "export_date",
    "use_state",
    "potential",
    "legacy_class",
    "legacy_area",
    "legacy_regular",
    "legacy_expropriation",
    "legacy_undecided",
)
#: Identification fields the computed rules read (besides those named in ``source``).
COMPUTED_INPUTS = {
    "tbbh": ("parcel_id",),
    "sfdx": ("verdict",),
    "dxlx": ("verdict", "lowland_type"),
    "area_mu": ("area_m2",),
    "rdyj": ("verdict", "reasons", "review_status"),
    "profile": ("profile_id", "profile_version"),
    "use_state": ("idle", "operating", "building_count", "far"),
    "potential": ("far_max", "far", "area_m2"),
    **{
        f"legacy_{k}": ("parcel_id", "area_m2")
        for k in ("class", "area", "regular", "expropriation", "undecided")
    },
}
#: Identification fields that may be absent (older outputs, before review existed):
#: treated as all null; the fall-backs of :func:`final_verdict` apply.
OPTIONAL_INPUTS = (
    "final_verdict",
    "final_type",
    "review_note",
    # 使用状况 and 改造开发潜力 (Y-2): unknown where the parcels did not carry them
    "idle",
    "operating",
    "building_count",
    "far_max",
)

#: 1 亩 = 10000/15 m².
M2_PER_MU = 10000.0 / 15.0
#: Digits of the sequence part of 图斑编号 (TBBH = 6-digit admin code + this many digits).
SEQUENCE_DIGITS = 6
#: Fields the QC rules rely on (a derived standard must keep them).
KEY_FIELDS = ("TBBH", "XZQDM", "ZDDM", "SFDX", "XZDL", "MJ", "MJM", "TQMJ")

_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,9}$")
_ADMIN = re.compile(r"^\d{6}$")
_TRUE = "true"


@dataclass(frozen=True)
class FieldSpec:
    """One field of the standard (one row of the CSV)."""

    name: str
    alias_zh: str
    alias_en: str
    type: str
    width: int
    precision: int
    required: str  # "true", "false" or "if:FIELD=value"
    domain: str  # "" or "codes:…", "enum:a|b", "regex:…", "range:min..max"
    source: str  # an identification field or "computed:<rule>"
    rounding: str  # "" or "half_up"
    description: str

    @property
    def computed(self) -> str | None:
        """The computed rule name, or None for a copied field."""
        return self.source.split(":", 1)[1] if self.source.startswith("computed:") else None

    @property
    def domain_kind(self) -> str | None:
        return self.domain.split(":", 1)[0] if self.domain else None

    @property
    def domain_value(self) -> str:
        return self.domain.split(":", 1)[1] if self.domain else ""

    @property
    def enum_values(self) -> tuple[str, ...]:
        return tuple(self.domain_value.split("|")) if self.domain_kind == "enum" else ()

    @property
    def range_bounds(self) -> tuple[float, float]:
        low, _, high = self.domain_value.partition("..")
        return (float(low) if low else -np.inf, float(high) if high else np.inf)

    def required_mask(self, frame: pd.DataFrame) -> np.ndarray:
        """Rows where this field must be filled."""
        if self.required == _TRUE:
            return np.ones(len(frame), dtype=bool)
        if self.required.startswith("if:"):
            other, _, value = self.required[3:].partition("=")
            return (frame[other].astype(object) == value).to_numpy(dtype=bool)
        return np.zeros(len(frame), dtype=bool)

    def alias(self, language: str = "zh") -> str:
        return self.alias_en if language.startswith("en") else self.alias_zh


@dataclass(frozen=True)
class Standard:
    """A field standard: id (file stem), version and fields in output order."""

    id: str
    version: str
    path: str
    fields: tuple[FieldSpec, ...]

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def aliases(self, language: str = "zh") -> dict[str, str]:
        return {f.name: f.alias(language) for f in self.fields}

    def input_fields(self) -> list[str]:
        """Identification fields this standard reads (copied or used by computed rules)."""
        out: list[str] = []
        for spec in self.fields:
            wanted = COMPUTED_INPUTS.get(spec.computed, ()) if spec.computed else (spec.source,)
            out += [f for f in wanted if f not in out]
        return out

    @property
    def label(self) -> str:
        return f"{self.id} (v{self.version})"


def _problem(path, row: int, column: str, value, allowed: str) -> LowlandInputError:
    return LowlandInputError(
        f"字段标准 {path} 第 {row} 行 {column} = {value!r} 无效，应为 {allowed}。"
        f" / field standard {path}, row {row}: {column} = {value!r} is invalid; allowed: {allowed}."
    )


def _check_domain(path, row: int, domain: str, ftype: str) -> None:
    if not domain:
        return
    kind, _, value = domain.partition(":")
    if kind not in DOMAIN_KINDS or not value:
        raise _problem(path, row, "domain", domain, f"empty or one of {DOMAIN_KINDS} + ':…'")
    if kind == "codes" and value not in CODE_DOMAINS:
        raise _problem(path, row, "domain", domain, f"codes:{{{'|'.join(CODE_DOMAINS)}}}")
    if kind == "regex":
        try:
            re.compile(value)
        except re.error as err:
            raise _problem(
                path, row, "domain", domain, f"a valid regular expression ({err})"
            ) from err
    if kind == "range":
        low, sep, high = value.partition("..")
        try:
            [float(v) for v in (low, high) if v]
        except ValueError:
            sep = ""
        if not sep or ftype not in ("int", "real"):
            raise _problem(path, row, "domain", domain, "range:min..max on an int or real field")


@cache
def _load(path: str) -> Standard:
    source = Path(path)
    with source.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != STANDARD_COLUMNS:
            raise LowlandInputError(
                f"字段标准 {path} 的表头应为 {','.join(STANDARD_COLUMNS)}。"
                f" / field standard {path}: the header must be {','.join(STANDARD_COLUMNS)}; "
                f"found {reader.fieldnames}."
            )
        rows = list(reader)
    fields: list[FieldSpec] = []
    for number, row in enumerate(rows, start=2):
        row = {k: (v or "").strip() for k, v in row.items()}
        name = row["name"]
        if not _NAME.match(name):
            raise _problem(
                path, number, "name", name, "A–Z, 0–9 or _, starting with a letter, ≤ 10"
            )
        if name in {f.name for f in fields}:
            raise _problem(path, number, "name", name, "a name not used by another row")
        if row["type"] not in FIELD_TYPES:
            raise _problem(path, number, "type", row["type"], "|".join(FIELD_TYPES))
        try:
            width = int(row["width"])
            precision = int(row["precision"] or 0)
        except ValueError:
            raise _problem(path, number, "width/precision", row["width"], "integers") from None
        limit = 254 if row["type"] == "string" else 20
        if not 1 <= width <= limit or not 0 <= precision < max(width - 1, 1):
            raise _problem(path, number, "width", width, f"1..{limit}, precision < width - 1")
        required = row["required"].lower() if not row["required"].startswith("if:") else ""
        if row["required"].startswith("if:"):
            other, eq, _ = row["required"][3:].partition("=")
            if not eq or other not in {f.name for f in fields}:
                raise _problem(
                    path, number, "required", row["required"], "if:<an earlier field>=<value>"
                )
            required = row["required"]
        elif required not in ("true", "false"):
            raise _problem(path, number, "required", row["required"], "true|false|if:FIELD=value")
        _check_domain(path, number, row["domain"], row["type"])
        src = row["source"]
        if not src or (src.startswith("computed:") and src[9:] not in COMPUTED):
            raise _problem(
                path, number, "source", src, f"an identification field or computed:{COMPUTED}"
            )
        if row["rounding"] not in ("", "half_up") or (row["rounding"] and row["type"] != "real"):
            raise _problem(path, number, "rounding", row["rounding"], "empty or half_up (real)")
        fields.append(
            FieldSpec(
                name=name,
                alias_zh=row["alias_zh"],
                alias_en=row["alias_en"] or row["alias_zh"],
                type=row["type"],
                width=width,
                precision=precision,
                required=required,
                domain=row["domain"],
                source=src,
                rounding=row["rounding"],
                description=row["description"],
            )
        )
    missing = [k for k in KEY_FIELDS if k not in {f.name for f in fields}]
    if missing:
        raise LowlandInputError(
            f"字段标准 {path} 缺少质检所依赖的字段 {missing}。"
            f" / field standard {path} lacks the fields QC relies on: {missing}."
        )
    match = re.search(r"_v(\d+(?:\.\d+)*)$", source.stem)
    return Standard(source.stem, match.group(1) if match else "1", str(source), tuple(fields))


def load_standard(standard: str | None = None) -> Standard:
    """A bundled standard by id (``lowland_db_v1``) or a CSV file by path. The version is
    the number after ``_v`` in the file name (``1`` when there is none)."""
    standard = (standard or DEFAULT_STANDARD).strip()
    path = Path(standard)
    if path.suffix.lower() != ".csv":
        path = resource_path("standards", f"{standard}.csv")
    if not path.is_file():
        bundled = sorted(p.stem for p in resource_path("standards").glob("*.csv"))
        raise LowlandInputError(
            f"找不到字段标准 {standard}；内置：{bundled}，或给出 CSV 文件路径。"
            f" / no field standard {standard!r}; bundled: {bundled}, or give a CSV path."
        )
    return _load(str(path.resolve()))


# --------------------------------------------------------------------------- values


def round_half_up(values, decimals: int) -> np.ndarray:
    """Round to ``decimals`` half away from zero (四舍五入) on the shortest decimal text of
    each value (``2.675`` → ``2.68``, where binary floating point gives 2.67). NaN stays."""
    series = pd.Series(np.asarray(values, dtype="float64"))
    quantum = Decimal(1).scaleb(-decimals)

    def one(value: float) -> float:
        if not np.isfinite(value):
            return value
        try:
            return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))
        except InvalidOperation:  # beyond Decimal's default precision
            return float(np.round(value, decimals))

    uniques = series.dropna().unique()
    table = {v: one(v) for v in uniques}
    return series.map(lambda v: table.get(v, v)).to_numpy(dtype="float64")


def _no_value(series: pd.Series) -> np.ndarray:
    """Where a column holds no value: unknown or blank text (``values.as_text`` is None)."""
    return np.array([as_text(v) is None for v in series.astype(object)], dtype=bool)


def _grounds(reasons: object, lowland: bool, status: object, width: int = 254) -> str:
    """认定依据: what decided one parcel's verdict in words (the sentences of
    :func:`core.common.reason_text.reasons_paragraph`, brief: the met criteria of a
    low-efficiency parcel, else the met exclusions or exemptions), at most ``width``
    UTF-8 bytes (at least the field's width in GBK)."""
    try:
        items = reason_items(reasons) if isinstance(reasons, str) else []
    except ValueError:
        items = []

    def met(kind: str, head: str = "") -> str:
        room = width - len(head.encode("utf-8"))
        text = reasons_paragraph(items, kinds=(kind,), met_only=True, brief=True, max_bytes=room)
        return head + text if text else ""

    if lowland:
        if status == "overridden":
            return (
                met("criterion", "核查改判为低效用地(见核查意见)；")
                or "核查改判为低效用地(见核查意见)"
            )
        return met("criterion") or "认定理由缺失"
    if status == "rejected":
        return "核查否定(见核查意见)"
    return met("exclusion", "不纳入：") or met("exemption", "豁免：") or "未满足认定标准"


def _string_values(series: pd.Series) -> np.ndarray:
    """Values as the text a string field stores: bytes decoded, integral floats without
    ``.0``, datetimes as ISO text, nulls as None. Not ``values.as_text``: text is kept
    as given (not stripped) and numbers and datetimes take the field's spelling."""

    def one(v):
        if not is_known(v):
            return None
        if isinstance(v, bytes):
            return v.decode("utf-8", errors="replace")
        if isinstance(v, float | np.floating) and float(v).is_integer():
            return str(int(v))
        if isinstance(v, dt.datetime | pd.Timestamp):
            return v.isoformat()
        return str(v)

    return np.array([one(v) for v in series.astype(object)], dtype=object)


def _typed(spec: FieldSpec, series: pd.Series) -> pd.Series:
    """A copied column in the field's type; refuses values that are not of that type."""
    if spec.type == "string":
        return pd.Series(_string_values(series), dtype=object)
    if spec.type == "date":
        values = series.astype(object)

        def as_date(v):
            if not is_known(v):
                return None
            if isinstance(v, dt.datetime | pd.Timestamp):
                return v.date()
            if isinstance(v, dt.date):
                return v
            return dt.date.fromisoformat(str(v)[:10])

        try:
            return pd.Series([as_date(v) for v in values], dtype=object)
        except ValueError as err:
            raise LowlandInputError(
                f"字段 {spec.source} 含非日期值，无法写入 {spec.name}：{err}。"
                f" / {spec.source} holds values that are no dates ({spec.name}): {err}."
            ) from err
    numbers = pd.to_numeric(series.astype(object).where(series.notna(), None), errors="coerce")
    bad = numbers.isna().to_numpy() & ~_no_value(series)
    if bad.any():
        shown = sorted({str(v) for v in series[bad]})[:10]
        raise LowlandInputError(
            f"字段 {spec.source} 含非数值 {shown}，无法写入数值字段 {spec.name}。"
            f" / {spec.source} holds non-numeric values {shown} for the numeric field {spec.name}."
        )
    if spec.type == "int":
        return pd.Series(pd.array(numbers.round().to_numpy(), dtype="Int64"))
    values = numbers.to_numpy(dtype="float64")
    if spec.rounding == "half_up":
        values = round_half_up(values, spec.precision)
    return pd.Series(values, dtype="float64")


def missing_input_fields(columns, standard: Standard) -> list[str]:
    """Identification fields the standard needs and ``columns`` lacks."""
    present = set(columns)
    return [f for f in standard.input_fields() if f not in present and f not in OPTIONAL_INPUTS]


def require_input_fields(frame: pd.DataFrame, standard: Standard, label: str) -> None:
    missing = missing_input_fields(frame.columns, standard)
    if missing:
        geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
        present = [c for c in frame.columns if c != geometry]
        raise LowlandInputError(
            f"{label}: 不是完整的低效用地认定成果（lowland:identifyparcels 的输出），缺少字段 "
            f"{missing}；现有字段 {present}。 / {label} is not a complete identification output "
            f"(lowland:identifyparcels): missing {missing}; the layer has {present}."
        )


def check_admin_code(code: object) -> str:
    text = "" if code is None else str(code).strip()
    if not _ADMIN.match(text):
        raise LowlandInputError(
            f"行政区代码 {code!r} 无效，应为 6 位数字（如 640106）。"
            f" / admin code {code!r} is invalid: 6 digits expected (e.g. 640106)."
        )
    return text


def _admin_codes(frame: pd.DataFrame, admin_code: str | None) -> np.ndarray:
    if admin_code:
        return np.full(len(frame), check_admin_code(admin_code), dtype=object)
    if "admin_code" not in frame.columns:
        raise LowlandInputError(
            "请给出行政区代码（6 位，如 640106）：输入图层没有 admin_code 字段。"
            " / Give the admin code (6 digits, e.g. 640106): the input has no admin_code field."
        )
    codes = _string_values(frame["admin_code"])
    bad = sorted({str(c) for c in codes if c is None or not _ADMIN.match(c)})
    if bad:
        raise LowlandInputError(
            f"admin_code 字段含无效的行政区代码 {bad[:10]}（应为 6 位数字）；或直接给出行政区代码参数。"
            f" / the admin_code field holds invalid codes {bad[:10]} (6 digits expected); "
            "or give the admin code parameter."
        )
    return codes


def patch_numbers(parcel_ids, admin_codes) -> np.ndarray:
    """图斑编号 TBBH = admin code + a 6-digit sequence, per admin code, in the order of
    ``parcel_id`` (text order; rows without an id last; ties keep their input order)."""
    ids = pd.Series(_string_values(pd.Series(parcel_ids, dtype=object)), dtype=object)
    admin = pd.Series(np.asarray(admin_codes, dtype=object))
    order = pd.DataFrame(
        {"admin": admin, "missing": ids.isna(), "id": ids.fillna(""), "pos": np.arange(len(ids))}
    ).sort_values(["admin", "missing", "id", "pos"], kind="mergesort")
    sequence = order.groupby("admin", sort=False).cumcount().to_numpy() + 1
    if len(sequence) and sequence.max() >= 10**SEQUENCE_DIGITS:
        raise LowlandInputError(
            f"一个行政区内超过 {10**SEQUENCE_DIGITS - 1} 个图斑，图斑编号位数不足。"
            f" / more than {10**SEQUENCE_DIGITS - 1} records in one admin division."
        )
    out = np.empty(len(ids), dtype=object)
    out[order["pos"].to_numpy()] = [
        f"{a}{s:0{SEQUENCE_DIGITS}d}" for a, s in zip(order["admin"], sequence, strict=True)
    ]
    return out


def standardize(
    parcels: gpd.GeoDataFrame,
    standard: Standard,
    admin_code: str | None = None,
    only_lowland: bool = True,
    export_date: dt.date | None = None,
    legacy: pd.DataFrame | None = None,
) -> gpd.GeoDataFrame:
    """The database table: one row per exported parcel, the standard's fields in order,
    sorted by 图斑编号, geometry as in the input (never repaired).

    Exported: parcels whose final verdict (``final_verdict``, else ``verdict``) is
    ``lowland``; all parcels when ``only_lowland`` is False (SFDX 是/否).
    ``legacy``: a ``lowland:legacyland`` output, matched by ``parcel_id`` (历史遗留用地
    fields; null without it). 使用状况 and 改造开发潜力: :mod:`.status`.
    """
    require_input_fields(parcels, standard, "PARCELS")
    frame = parcels.reset_index(drop=True)
    verdict = final_verdict(frame)
    lowland = verdict == "lowland"
    admin = _admin_codes(frame, admin_code)
    keep = lowland if only_lowland else np.ones(len(frame), dtype=bool)
    frame, lowland, admin, verdict = (
        frame[keep].reset_index(drop=True),
        lowland[keep],
        admin[keep],
        verdict[keep],
    )
    geoms = np.asarray(frame.geometry.values, dtype=object)
    export_date = export_date or dt.date.today()
    kind = final_type(frame)

    def column(name: str) -> pd.Series:
        if name in frame.columns:
            return frame[name]
        return pd.Series([None] * len(frame), dtype=object)

    status = column("review_status").astype(object).to_numpy()
    grounds_width = next((f.width for f in standard.fields if f.computed == "rdyj"), 254)
    computed: dict[str, object] = {
        "tbbh": patch_numbers(column("parcel_id"), admin),
        "admin_code": admin,
        "sfdx": np.where(lowland, "是", "否").astype(object),
        "dxlx": np.where(lowland, kind, np.array(None, dtype=object)).astype(object),
        "rdyj": np.array(
            [
                _grounds(r, bool(lw), s, grounds_width)
                for r, lw, s in zip(column("reasons").astype(object), lowland, status, strict=True)
            ],
            dtype=object,
        ),
        "export_date": np.full(len(frame), export_date, dtype=object),
    }
    pid, pver = _string_values(column("profile_id")), _string_values(column("profile_version"))
    computed["profile"] = np.array(
        [None if i is None else f"{i} {v}" if v else i for i, v in zip(pid, pver, strict=True)],
        dtype=object,
    )
    area = pd.to_numeric(column("area_m2"), errors="coerce").to_numpy(dtype="float64")
    computed["area_mu"] = area / M2_PER_MU
    computed["use_state"] = use_state(frame)
    far = pd.to_numeric(column("far"), errors="coerce").to_numpy(dtype="float64")
    far_max = pd.to_numeric(column("far_max"), errors="coerce").to_numpy(dtype="float64")
    computed["potential"] = redevelopment_potential(far_max, far, area)
    old, unmatched = legacy_values(column("parcel_id"), area, legacy)
    computed["legacy_class"] = old["legacy_class"].to_numpy(dtype=object)
    computed["legacy_area"] = old["legacy_area_m2"].to_numpy(dtype="float64")
    for part in ("regular", "expropriation", "undecided"):
        computed[f"legacy_{part}"] = old[f"{part}_m2"].to_numpy(dtype="float64")

    out = pd.DataFrame(index=range(len(frame)))
    for spec in standard.fields:
        if spec.computed:
            values = pd.Series(computed[spec.computed])
            if spec.type == "real":
                values = pd.Series(values.to_numpy(dtype="float64"))
            out[spec.name] = (
                _typed(spec, values).to_numpy()
                if spec.type != "int"
                else _typed(spec, values).array
            )
        else:
            typed = _typed(spec, column(spec.source))
            out[spec.name] = typed.array if spec.type == "int" else typed.to_numpy()
    result = geodataframe(out, geoms, parcels.crs)
    order = np.argsort(result["TBBH"].astype(str).to_numpy(), kind="stable")
    result = result.iloc[order].reset_index(drop=True)
    result.attrs["legacy_unmatched"] = unmatched if legacy is not None else None
    return result
