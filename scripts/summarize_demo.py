"""Print a short summary of the demo's parcel indicators (run by `scripts/run demo`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(path: str) -> int:
    sys.path.append(str(ROOT))  # appended, never first: ROOT/processing must not shadow QGIS's
    from lowland_plugin.ogr_io import read_ogr_layer

    gdf = read_ogr_layer(path)
    area_ha = gdf["area_m2"].sum() / 10000
    print(f"[demo] wrote {path}")
    print(
        f"[demo] parcels: {len(gdf)}, total area {area_ha:.2f} ha ({gdf['area_mu'].sum():.1f} 亩)"
    )
    print(
        f"[demo] floor area: {gdf['gfa'].sum() / 10000:.2f} 万m², buildings counted: "
        f"{int(gdf['building_count'].sum())}"
    )
    far = gdf["far"]
    print(
        f"[demo] FAR: median {far.median():.2f}; parcels with FAR < 1.0: {int((far < 1.0).sum())}; "
        f"without buildings: {int((gdf['building_count'] == 0).sum())}"
    )
    danger = gdf["danger_cd_share"]
    print(
        f"[demo] parcels with >= 50 % floor area in C/D-grade buildings: {int((danger >= 0.5).sum())}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
