"""Coordinate reference system checks: areas must be measured in a projected CRS in metres."""

from __future__ import annotations

from pyproj import CRS

from .errors import LowlandInputError

#: EPSG code of "CGCS2000 / 3-degree Gauss-Kruger CM 75E"; the series runs in
#: 3-degree steps up to CM 135E (EPSG:4554). 银川 (≈106.2°E) is CM 105E = EPSG:4544.
_CGCS2000_GK3_FIRST_EPSG = 4534
_CGCS2000_GK3_FIRST_CM = 75
_CGCS2000_GK3_LAST_CM = 135


def cgcs2000_gk3_epsg(longitude: float) -> int | None:
    """EPSG code of the CGCS2000 3-degree Gauss-Kruger CRS (CM variant, no zone prefix)
    whose central meridian is nearest to ``longitude``; None outside China's range."""
    cm = 3 * round(longitude / 3)
    if not _CGCS2000_GK3_FIRST_CM <= cm <= _CGCS2000_GK3_LAST_CM:
        return None
    return _CGCS2000_GK3_FIRST_EPSG + (cm - _CGCS2000_GK3_FIRST_CM) // 3


def require_projected_metres(crs, layer_label: str, longitude: float | None = None) -> None:
    """Raise :class:`LowlandInputError` unless ``crs`` is projected with metre units.

    ``longitude`` (e.g. of the layer's centre) lets the message name the CGCS2000
    3-degree Gauss-Kruger CRS to reproject to.
    """
    if crs is None or str(crs) == "":
        raise LowlandInputError(
            f"{layer_label}: 图层没有坐标参照系，请先指定投影坐标系（如 CGCS2000 3度带）。"
            f" / layer has no CRS; assign a projected CRS (e.g. CGCS2000 3-degree Gauss-Kruger)."
        )
    crs = CRS.from_user_input(crs)
    if crs.is_geographic or not crs.is_projected:
        hint = ""
        epsg = cgcs2000_gk3_epsg(longitude) if longitude is not None else None
        if epsg:
            name = CRS.from_epsg(epsg).name
            hint = f"建议重投影到 EPSG:{epsg}（{name}）。 / Reproject to EPSG:{epsg} ({name})."
        else:
            hint = "请重投影到 CGCS2000 3度带高斯-克吕格投影（EPSG:4534–4554）。 / Reproject to a CGCS2000 3-degree Gauss-Kruger CRS (EPSG:4534–4554)."
        raise LowlandInputError(
            f"{layer_label}: 坐标系 {crs.name} 是地理坐标系（经纬度），无法按平方米计算面积。{hint}"
            f" / CRS {crs.name} is geographic (degrees); areas need a projected CRS in metres."
        )
    units = {(ax.unit_name or "").lower() for ax in crs.axis_info}
    if not units <= {"metre", "meter", "metres", "meters"}:
        raise LowlandInputError(
            f"{layer_label}: 坐标系 {crs.name} 的单位不是米（{sorted(units)}）。"
            f" / CRS {crs.name} is not in metres ({sorted(units)}); reproject to a metric CRS."
        )
