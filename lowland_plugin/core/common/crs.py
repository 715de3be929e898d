"""Coordinate reference system checks: areas must be measured in a projected CRS in metres,
metres that are ground metres (not Web Mercator's), and the coordinates must lie where
the declared CRS is used (issue 21 item 11)."""

from __future__ import annotations

import math

from pyproj import CRS, Proj, Transformer

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
    if crs is None or str(crs) == "" or is_undefined(CRS.from_user_input(crs)):
        raise LowlandInputError(
            f"{layer_label}: 图层没有坐标参照系（未定义，例如丢失了 .prj）。请在图层属性中指定坐标"
            f"实际所在的坐标系（设置坐标系，不是重投影），如 CGCS2000 3度带 EPSG:4544。"
            f" / layer has no CRS (undefined, e.g. a lost .prj); assign the CRS its coordinates "
            f"are in (Set CRS, not reproject), e.g. CGCS2000 3-degree Gauss-Kruger EPSG:4544."
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


#: Largest accepted relative area error of a projected CRS at the data (Gauss-Kruger 3°
#: zones stay below 0.1 %; Web Mercator at 银川 is 63 %).
MAX_AREA_ERROR = 0.01
#: Tolerance, in degrees, around a CRS's area of use (its edge as published, ≈ 5 km).
AREA_OF_USE_TOLERANCE_DEG = 0.05


def is_undefined(crs: CRS) -> bool:
    """True for the placeholders GDAL writes for a layer without a CRS (GeoPackage
    "Undefined geographic SRS" / "Undefined Cartesian SRS", an engineering CRS)."""
    return "undefined" in crs.name.lower() or crs.type_name.startswith("Engineering")


def centre_lon_lat(crs: CRS, bounds) -> tuple[float, float]:
    """Longitude and latitude (degrees, of the CRS's own datum) of the centre of
    ``bounds`` (minx, miny, maxx, maxy) in ``crs``; inf where the inverse projection fails."""
    x, y = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    if crs.is_geographic:
        return float(x), float(y)
    to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    lon, lat = to_geo.transform(x, y, errcheck=False)
    return float(lon), float(lat)


def area_scale(crs: CRS, lon: float, lat: float) -> float:
    """The areal scale factor of projected ``crs`` at (lon, lat): a map area is the ground
    area times this (Web Mercator: 1/cos²(lat), ≈ 1.63 at 银川 38.5°N)."""
    return float(Proj(crs).get_factors(lon, lat, errcheck=False).areal_scale)


def _extent_text(bounds) -> str:
    return ", ".join(f"{v:.0f}" if abs(v) >= 1000 else f"{v:.4g}" for v in bounds)


def require_within_area_of_use(crs, bounds, layer_label: str) -> None:
    """Refuse a layer whose extent's centre lies outside the area of use of its declared
    ``crs`` (a lost .prj replaced by a guess, coordinates of another Gauss-Kruger zone,
    zone-prefixed eastings in a CRS without the prefix), naming the CRS and the extent."""
    if crs is None or str(crs) == "" or len(bounds) != 4 or not all(map(math.isfinite, bounds)):
        return
    crs = CRS.from_user_input(crs)
    if is_undefined(crs):
        return
    use = crs.area_of_use
    epsg = crs.to_epsg()
    if use is None and epsg is not None:  # WKT1 (GDAL) carries no area of use; EPSG does
        use = CRS.from_epsg(epsg).area_of_use
    if use is None:
        return
    lon, lat = centre_lon_lat(crs, bounds)
    tol = AREA_OF_USE_TOLERANCE_DEG
    inside = (
        math.isfinite(lon)
        and math.isfinite(lat)
        and use.west - tol <= lon <= use.east + tol
        and use.south - tol <= lat <= use.north + tol
    )
    if inside:
        return
    where = f"{lon:.2f}°E, {lat:.2f}°N" if math.isfinite(lon) and math.isfinite(lat) else "—"
    name = f"EPSG:{epsg}" if epsg else crs.name
    extent = _extent_text(bounds)
    raise LowlandInputError(
        f"{layer_label}: 坐标范围（{extent}）不在所声明坐标系 {name}（{crs.name}）的适用范围"
        f"（{use.name}）内（中心换算为 {where}）。可能是丢失了 .prj 后指定错了坐标系、坐标属于另一个高斯-克吕格投影带，"
        f"或东坐标带有带号前缀。请在图层属性中指定数据实际的坐标系（不是重投影）。"
        f" / the extent ({extent}) lies outside the area of use of the declared CRS {name} "
        f"({use.name}; centre at {where}): a lost .prj replaced by a wrong CRS, coordinates of "
        "another Gauss-Kruger zone, or zone-prefixed eastings. Assign the CRS the coordinates "
        "really are in (Set CRS, not reproject)."
    )


def require_ground_metres(crs, bounds, layer_label: str) -> None:
    """Refuse a projected CRS whose metres are not ground metres where the data lies (Web
    Mercator EPSG:3857 …): areas would be off by more than :data:`MAX_AREA_ERROR`, the
    message gives the factor at the data's latitude and the CGCS2000 zone to use."""
    if crs is None or str(crs) == "" or len(bounds) != 4 or not all(map(math.isfinite, bounds)):
        return
    crs = CRS.from_user_input(crs)
    if not crs.is_projected or is_undefined(crs):
        return
    lon, lat = centre_lon_lat(crs, bounds)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return
    factor = area_scale(crs, lon, lat)
    if not math.isfinite(factor) or abs(factor - 1) <= MAX_AREA_ERROR:
        return
    epsg = cgcs2000_gk3_epsg(lon)
    target = f"EPSG:{epsg}" if epsg else "EPSG:4534–4554"
    epsg_self = crs.to_epsg()
    name = f"EPSG:{epsg_self}（{crs.name}）" if epsg_self else crs.name
    raise LowlandInputError(
        f"{layer_label}: 坐标系 {name} 的米不是地面米：在数据所在纬度 {lat:.1f}°N 面积被放大约 "
        f"×{factor:.2f}（宗地面积、容积率、亩均税收都会错）。请重投影到 {target}（CGCS2000 3度带）。"
        f" / the metres of CRS {name} are not ground metres: at the data's latitude "
        f"{lat:.1f}°N areas come out ×{factor:.2f} too large. Reproject to {target}."
    )
