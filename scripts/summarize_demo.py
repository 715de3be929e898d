"""Print a short summary of the demo's outputs (run by `scripts/run demo`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(out_dir: str) -> int:
    out = Path(out_dir)
    indicators = str(out / "parcel_indicators.gpkg")
    identified = str(out / "identified_parcels.gpkg")
    sys.path.append(str(ROOT))  # appended, never first: ROOT/processing must not shadow QGIS's
    from lowland_plugin.core.fields import value_label
    from lowland_plugin.ogr_io import read_ogr_layer

    gdf = read_ogr_layer(indicators)
    print(f"[demo] wrote {indicators}")
    print(
        f"[demo]   {len(gdf)} parcels, {gdf['area_m2'].sum() / 10000:.2f} ha "
        f"({gdf['area_mu'].sum():.1f} 亩); floor area {gdf['gfa'].sum() / 10000:.2f} 万m²; "
        f"median FAR {gdf['far'].median():.2f}"
    )
    ident = read_ogr_layer(identified)
    print(
        f"[demo] wrote {identified} (profile {ident['profile_id'].iloc[0]}@"
        f"{ident['profile_version'].iloc[0]})"
    )
    print(f"[demo]   {'认定结论 / 低效类型':<28}{'宗数':>6}{'面积(亩)':>12}{'面积(公顷)':>12}")
    ident["group"] = ident["verdict"].where(ident["verdict"] != "lowland", ident["lowland_type"])
    for key, part in ident.groupby("group", sort=False):
        field = "lowland_type" if key in set(ident["lowland_type"].dropna()) else "verdict"
        label = value_label(field, key)
        print(
            f"[demo]   {label:<28}{len(part):>6}{part['area_mu'].sum():>12.1f}"
            f"{part['area_m2'].sum() / 10000:>12.2f}"
        )
    legacy = read_ogr_layer(str(out / "legacy_land.gpkg"))
    counts = legacy["legacy_class"].dropna().map(lambda v: value_label("legacy_class", v))
    summary = ", ".join(f"{k} {v}" for k, v in counts.value_counts().sort_index().items())
    print(f"[demo] wrote {out / 'legacy_land.gpkg'}: {summary}")
    print(f"[demo] wrote {out / 'database.gpkg'} (上图入库 database) and {out / 'qc_report.html'}")
    print(f"[demo] wrote {out / 'progress.gpkg'} (progress table for the half-yearly report)")
    checks = (
        ("check_far", "project_id", "far_pass", "容积率核定 far_pass"),
        ("check_scattered", "project_id", "scattered_pass", "零星用地 scattered_pass"),
        ("check_landprice", "project_id", "price_due", "补缴地价 price_due (元)"),
        ("check_mixeduse", "project_id", "main_use", "混合用地主用途 main_use"),
        ("check_statusquo", "item", "sq_status", "按现状核定 sq_status (PRJ02)"),
        ("check_usechange", "project_id", "usechange_pathway", "用途转变路径"),
        ("check_conversion", "unit_ref", "conversion_status", "功能转换"),
    )
    for name, key, value, label in checks:
        table = read_ogr_layer(str(out / f"{name}.gpkg"))
        pairs = ", ".join(f"{k}={v}" for k, v in zip(table[key], table[value], strict=True))
        print(f"[demo] {label}: {pairs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
