"""Text read with the wrong code page (issue 11).

Old systems write shapefiles in GBK without a ``.cpg`` file and without the code page
byte (language driver id) in the ``.dbf``. QGIS then decodes the bytes as UTF-8 (every
Chinese character becomes U+FFFD, the replacement character) or, with a Latin-1
system encoding, as Latin-1 (mojibake such as ``Òø´¨ÊÐ`` for 银川市). Either way the
text is lost: owners, names and coded values in Chinese no longer match anything, and
an output written from it corrupts the database. Such input is refused, naming the
fields and a feature, with the fix (set the layer's data source encoding to GBK, or add
a ``.cpg`` file containing ``GBK``).
"""

from __future__ import annotations

import pandas as pd

from .errors import LowlandInputError

#: What a decoder puts where bytes are not valid in its encoding.
REPLACEMENT_CHARACTER = "\ufffd"
#: Characters of the Latin-1 upper half: GBK lead and trail bytes read as Latin-1.
_LATIN1_HIGH = r"[\x80-\xff]"


def is_mojibake(text: str) -> bool:
    """True for GBK text read as Latin-1: its Latin-1 bytes decode as GBK into Chinese
    (at least one character, i.e. two bytes; a lone accented letter is not enough)."""
    if sum("\x80" <= ch <= "\xff" for ch in text) < 2:
        return False
    try:
        decoded = text.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in decoded)


def garbled_text(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Per text column, the values (index kept) that were decoded with the wrong code
    page: they contain U+FFFD or are GBK read as Latin-1."""
    out: dict[str, pd.Series] = {}
    geometry = getattr(frame, "_geometry_column_name", None)
    for name in frame.columns:
        if name == geometry or frame[name].dtype != object:
            continue
        values = frame[name][frame[name].map(lambda v: isinstance(v, str))]
        if values.empty:
            continue
        bad = values.str.contains(REPLACEMENT_CHARACTER, regex=False)
        high = ~bad & values.str.contains(_LATIN1_HIGH, regex=True)
        if high.any():
            bad |= high & values.map(is_mojibake)
        if bad.any():
            out[name] = values[bad]
    return out


def require_decoded_text(frame: pd.DataFrame, label: str, id_field: str | None) -> None:
    """Refuse text decoded with the wrong code page (see the module doc), naming the
    fields, the first feature and what to set."""
    garbled = garbled_text(frame)
    if not garbled:
        return
    fields = ", ".join(garbled)
    first_field, values = next(iter(garbled.items()))
    where = values.index[0]
    feature = (
        str(frame.loc[where, id_field])
        if id_field and id_field in frame.columns and pd.notna(frame.loc[where, id_field])
        else f"#{frame.index.get_loc(where) + 1}"
    )
    count = len(set().union(*(set(v.index) for v in garbled.values())))
    raise LowlandInputError(
        f"{label}：{count} 个要素的文字无法正确解码（字段 {fields}，如 {feature} 的 {first_field}"
        f" = {values.iloc[0]!r}）：这通常是没有 .cpg 文件的 GBK 编码 Shapefile。请在图层属性 → 源 → "
        "数据源编码中选择 GBK，或在 .shp 旁放一个内容为 GBK 的同名 .cpg 文件，然后重新运行。"
        f" / {label}: the text of {count} features cannot be decoded (fields {fields}, e.g. "
        f"{first_field} of {feature} = {values.iloc[0]!r}): usually a GBK shapefile without a "
        ".cpg file. Set the layer's data source encoding to GBK (Layer Properties → Source → "
        "Data source encoding) or put a .cpg file containing GBK beside the .shp, then run again."
    )
