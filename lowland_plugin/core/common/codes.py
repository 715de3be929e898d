"""Land-classification code tables: 三调 classes, 用地用海分类 (2023), crosswalk, 城镇村属性码.

The tables live in ``resources/codes/`` (sources and verification status in its
README.md); this module reads them once (``functools.cache``, an unbounded
``lru_cache``) and looks codes up. Pure Python + pandas, no QGIS.

Lookup rule for 三调 land-class codes (``DLBM``), used by :func:`land_category`,
:func:`lowland_type_of`, :func:`to_landuse_2023` and :func:`unknown_codes`:

1. normalise the code (:func:`normalize_dlbm`);
2. take the exact code if the table has it, else its first 4 characters (an
   unlisted suffix such as ``0601X`` falls back to ``0601``), else its first 2
   characters (``0599`` falls back to ``05``);
3. nothing found: the code is unknown (``None``; listed by :func:`unknown_codes`).

The first hit decides: a code found with an empty value (e.g. the mixed first-level
class ``10`` has no single 三大类 category) gives ``None`` without trying shorter
prefixes.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Iterable
from functools import cache

import numpy as np
import pandas as pd

from .resources import resource_path
from .values import is_known

#: 三大类 values of :func:`land_category`.
CATEGORIES = ("construction", "agricultural", "unused")
#: 低效用地 types of :func:`lowland_type_of` (DESIGN.md, ``lowland_type``).
LOWLAND_TYPES = ("industrial", "village", "commercial_residential", "facility", "other")
#: Tables :func:`unknown_codes` can check against.
CODE_TABLES = ("sandiao", "landuse_2023", "czcsxm")

_NUMERIC = re.compile(r"^\d+(?:\.0*)?$")


# --------------------------------------------------------------------------- tables


def _read(name: str) -> pd.DataFrame:
    """Read one CSV of ``resources/codes`` with every column as text, blanks as None."""
    frame = pd.read_csv(
        resource_path("codes", name), dtype=str, keep_default_na=False, encoding="utf-8"
    )
    frame = frame.apply(lambda col: col.str.strip())
    return frame.where(frame != "", None)


@cache
def _sandiao() -> pd.DataFrame:
    frame = _read("sandiao_classes.csv")
    frame["level"] = frame["level"].astype(int)
    return frame.set_index("code", verify_integrity=True)


@cache
def _landuse() -> pd.DataFrame:
    frame = _read("landuse_2023.csv")
    frame["level"] = frame["level"].astype(int)
    return frame.set_index("code", verify_integrity=True)


@cache
def _crosswalk() -> pd.DataFrame:
    frame = _read("crosswalk_sandiao_to_2023.csv")
    flags = frame["ambiguous"].str.lower()
    if not flags.isin(["true", "false"]).all():
        raise ValueError("crosswalk_sandiao_to_2023.csv: `ambiguous` must be true or false")
    frame["ambiguous"] = flags == "true"
    return frame.set_index("sandiao_code", verify_integrity=True)


@cache
def _czcsxm() -> pd.DataFrame:
    return _read("czcsxm.csv").set_index("code", verify_integrity=True)


def sandiao_table() -> pd.DataFrame:
    """三调 land classes (``resources/codes/sandiao_classes.csv``), indexed by ``code``.

    Columns: ``name``, ``level`` (int), ``parent``, ``category`` (三大类:
    construction / agricultural / unused / None), ``lowland_type``, ``source``, ``note``.
    A copy: changing it does not change later look-ups.
    """
    return _sandiao().copy()


def landuse_table() -> pd.DataFrame:
    """用地用海分类 (2023) levels 1-3 (``landuse_2023.csv``), indexed by ``code``.

    Columns: ``name``, ``level`` (int), ``parent``, ``source``, ``note``. A copy.
    """
    return _landuse().copy()


def crosswalk_table() -> pd.DataFrame:
    """三调 code -> 2023 code (``crosswalk_sandiao_to_2023.csv``), indexed by ``sandiao_code``.

    Columns: ``landuse_code`` (None where the candidates share no parent),
    ``ambiguous`` (bool: several 2023 classes are possible, listed in ``note``), ``note``.
    A copy.
    """
    return _crosswalk().copy()


def czcsxm_table() -> pd.DataFrame:
    """城镇村属性码 CZCSXM (``czcsxm.csv``), indexed by ``code``. Columns ``name``, ``note``,
    ``source``. A copy."""
    return _czcsxm().copy()


# --------------------------------------------------------------------------- normalising


def _digits(value: object) -> str | None:
    """The integer digits of a numeric value or numeric text (``601.0`` -> ``"601"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return str(int(number)) if number.is_integer() and number >= 0 else None
    return None


def _clean(value: object) -> tuple[str | None, bool]:
    """``(text, numeric)``: stripped upper-case text (None when empty) and whether the
    value was a number, or text holding only digits with an optional ``.0``."""
    if not is_known(value):
        return None, False
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    digits = _digits(value)
    if digits is not None:
        return digits, True
    text = str(value).strip().upper()
    if not text:
        return None, False
    if _NUMERIC.match(text):
        return text.split(".")[0], True
    return text, False


def normalize_dlbm(code: object) -> str | None:
    """Normalise a 三调 land-class code (DLBM) as users' data holds it.

    Strips whitespace and upper-cases letters (``" 05h1 "`` -> ``"05H1"``). Numbers,
    and text of digits with an optional ``.0``, lost their leading zero in a
    spreadsheet: a 3-digit one is zero-padded to 4 (``601``, ``601.0``, ``"601.0"`` ->
    ``"0601"``), a 1-digit one to 2 (``9`` -> ``"09"``). None, NaN and blank text give
    None. Anything else is returned stripped and upper-cased, valid or not.
    """
    text, numeric = _clean(code)
    if text is None:
        return None
    if numeric and len(text) in (1, 3):
        text = text.zfill(len(text) + 1)
    return text


def normalize_landuse_code(code: object) -> str | None:
    """Normalise a 用地用海分类 (2023) code: like :func:`normalize_dlbm`, but a number
    of odd length gets one leading zero (``701`` -> ``"0701"``, ``70101`` -> ``"070101"``),
    since every 2023 code has 2, 4 or 6 digits."""
    text, numeric = _clean(code)
    if text is None:
        return None
    if numeric and len(text) % 2:
        text = "0" + text
    return text


def normalize_czcsxm(code: object) -> str | None:
    """Normalise a 城镇村属性码: stripped, upper-cased (``"201a"`` -> ``"201A"``;
    ``201.0`` -> ``"201"``); None for missing values. No zero-padding."""
    text, _numeric = _clean(code)
    return text


# --------------------------------------------------------------------------- look-ups


def _as_series(codes: pd.Series | Iterable[object]) -> pd.Series:
    if isinstance(codes, pd.Series):
        return codes
    if isinstance(codes, str | bytes):
        raise TypeError("pass a list or Series of codes, not a single string")
    return pd.Series(list(codes), dtype=object)


def _resolve(code: str | None, keys: frozenset[str] | set[str]) -> str | None:
    """The table key a normalised 三调 code resolves to (exact, first 4, first 2)."""
    if code is None:
        return None
    for candidate in (code, code[:4], code[:2]):
        if len(candidate) >= 2 and candidate in keys:
            return candidate
    return None


def _map_unique(codes: pd.Series | Iterable[object], func: Callable[[object], object]) -> pd.Series:
    """Apply ``func`` once per distinct value (fast on 400k parcels with few codes)."""
    series = _as_series(codes)
    values = series.astype(object).where(series.notna(), None)
    positions, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [func(value) for value in uniques] + [func(None)]
    out = pd.Series(mapped, dtype=object).take(positions).to_numpy()
    return pd.Series(out, index=series.index, dtype=object, name=series.name)


@cache
def _sandiao_lookup(column: str) -> dict[str, str | None]:
    return _sandiao()[column].to_dict()


def _sandiao_value(column: str) -> Callable[[object], str | None]:
    table = _sandiao_lookup(column)
    keys = frozenset(table)

    def value(raw: object) -> str | None:
        key = _resolve(normalize_dlbm(raw), keys)
        return None if key is None else table[key]

    return value


def land_category(codes: pd.Series | Iterable[object]) -> pd.Series:
    """三大类 of 三调 codes: ``"construction"``, ``"agricultural"``, ``"unused"`` or None.

    Vectorised (one look-up per distinct code), same index as ``codes`` when it is a
    Series. None for missing or unknown codes and for mixed first-level classes (``00``,
    ``04``, ``10``, ``11``, ``12``). Look-up rule: module docstring.
    """
    return _map_unique(codes, _sandiao_value("category"))


def lowland_type_of(codes: pd.Series | Iterable[object]) -> pd.Series:
    """低效用地 type a parcel of this current use would be: ``"industrial"``,
    ``"village"``, ``"commercial_residential"``, ``"facility"``, ``"other"`` or None
    (non-construction, mixed or unknown codes). Same look-up rule as :func:`land_category`."""
    return _map_unique(codes, _sandiao_value("lowland_type"))


def to_landuse_2023(codes: pd.Series | Iterable[object]) -> pd.DataFrame:
    """用地用海分类 (2023) code for 三调 codes, by the shipped crosswalk.

    Returns a frame on the index of ``codes`` with ``landuse_code`` (str or None: None
    for unknown codes and for ambiguous rows whose candidates share no parent) and
    ``ambiguous`` (nullable boolean: True where several 2023 classes are possible and
    the code is their common parent; NA for unknown codes). Never a guess.
    """
    crosswalk = _crosswalk()
    targets = crosswalk["landuse_code"].to_dict()
    flags = crosswalk["ambiguous"].to_dict()
    keys = frozenset(targets)

    def key_of(raw: object) -> str | None:
        return _resolve(normalize_dlbm(raw), keys)

    resolved = _map_unique(codes, key_of)
    landuse = resolved.map(lambda key: None if key is None else targets[key]).astype(object)
    ambiguous = resolved.map(lambda key: pd.NA if key is None else flags[key])
    return pd.DataFrame(
        {
            "landuse_code": landuse.where(landuse.notna(), None),
            "ambiguous": ambiguous.astype("boolean"),
        },
        index=resolved.index,
    )


def landuse_level1(code: object) -> str | None:
    """Level-1 class of a 用地用海分类 (2023) code (``"100101"`` -> ``"10"``), or None when
    the code is missing, unknown to the 2023 table, or its first two digits are no class."""
    text = normalize_landuse_code(code)
    if text is None or text not in _landuse().index:
        return None
    level1 = text[:2]
    return level1 if level1 in _landuse().index else None


def unknown_codes(codes: pd.Series | Iterable[object], table: str = "sandiao") -> list[str]:
    """Distinct codes (normalised, sorted) that no look-up rule finds, for QC messages.

    ``table``: ``"sandiao"`` (三调 DLBM, with the prefix fall-back of the module
    docstring), ``"landuse_2023"`` (用地用海分类 codes, exact) or ``"czcsxm"`` (exact).
    Missing values are not codes and are never reported.
    """
    if table == "sandiao":
        keys = frozenset(_sandiao().index)
        normalise: Callable[[object], str | None] = normalize_dlbm

        def found(code: str) -> bool:
            return _resolve(code, keys) is not None

    elif table in ("landuse_2023", "czcsxm"):
        keys = frozenset((_landuse() if table == "landuse_2023" else _czcsxm()).index)
        normalise = normalize_landuse_code if table == "landuse_2023" else normalize_czcsxm

        def found(code: str) -> bool:
            return code in keys

    else:
        raise ValueError(f"table must be one of {CODE_TABLES}, not {table!r}")
    series = _as_series(codes)
    distinct = {normalise(value) for value in pd.unique(series.astype(object))}
    return sorted(code for code in distinct if code is not None and not found(code))


def unknown_code_mask(codes: pd.Series | Iterable[object], table: str = "sandiao") -> np.ndarray:
    """True where a code is given but no look-up rule of ``table`` finds it (row mask of
    :func:`unknown_codes`, to name the features in messages)."""
    series = _as_series(codes).astype(object)
    unknown = set(unknown_codes(series, table))
    if not unknown:
        return np.zeros(len(series), dtype=bool)
    normalise = {
        "sandiao": normalize_dlbm,
        "landuse_2023": normalize_landuse_code,
        "czcsxm": normalize_czcsxm,
    }[table]
    return series.map(lambda v: normalise(v) in unknown).to_numpy(dtype=bool)


def unknown_code_listing(
    ids: Iterable[object], codes: pd.Series | Iterable[object], table: str = "sandiao"
) -> tuple[int, str]:
    """How many features have a code not in ``table`` and ``id=code`` for the first ten
    (``(0, "")`` when every code is known), for warnings that name them."""
    series = _as_series(codes).astype(object)
    mask = unknown_code_mask(series, table)
    pairs = [
        f"{i}={c}"
        for i, c in zip(pd.Series(list(ids), dtype=object)[mask], series[mask], strict=True)
    ]
    shown = ", ".join(pairs[:10]) + (f" … (+{len(pairs) - 10})" if len(pairs) > 10 else "")
    return len(pairs), shown
