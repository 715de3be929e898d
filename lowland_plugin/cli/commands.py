"""``python -m lowland_plugin.cli identify|legacy|indicators``: the arguments (those of
the Processing algorithms identifyparcels, legacyland and parcelindicators) and the run.

Example (a local cluster of 2 workers)::

    python -m lowland_plugin.cli identify --parcels district.gpkg:parcels \\
        --buildings district.gpkg:buildings --landsurvey district.gpkg:landsurvey \\
        --plan district.gpkg:plan --profile yinchuan --reference-date 2025-06-30 \\
        --out identified.parquet --workers 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

import geopandas as gpd

from ..core.common.crs import require_projected_metres
from ..core.common.errors import LowlandInputError
from ..core.common.mapping import canonical_frame, check_field_map, parse_field_map
from ..core.common.profiles import load_profile
from ..core.common.tiles import parcel_tiles
from ..core.common.validation import require_unique_ids
from ..core.identify.tiled import buildings_outside, layer_industry_totals, merged_warnings
from .cluster import (
    Layer,
    connect,
    open_layer,
    tile_tasks,
    write_parquet,
    write_postgis,
)
from .sources import parse_source

#: Parcels per tile (a task): about the tile of the Processing algorithms, smaller so that
#: a province spreads over many workers.
DEFAULT_TILE = 50_000
#: How far beyond a tile's parcels the halo parcels are looked for in GeoParquet parts (m):
#: longer than any building or 三调 patch that straddles parcels.
DEFAULT_MARGIN = 1_000.0


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lowland_plugin.cli", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("identify", "低效用地认定 identifyparcels"),
        ("legacy", "历史遗留用地认定 legacyland"),
        ("indicators", "地块指标 parcelindicators"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--parcels", required=True, help="宗地 PARCELS")
        if name != "legacy":
            cmd.add_argument("--buildings", help="建筑 BUILDINGS")
        if name != "indicators":
            cmd.add_argument("--landsurvey", help="三调图斑 LANDSURVEY")
        if name == "identify":
            cmd.add_argument("--plan", help="控规地块 PLAN")
            cmd.add_argument("--reference-date", help="认定基准日 YYYY-MM-DD (default today)")
        cmd.add_argument("--profile", default="default", help="规则档案 PROFILE (id or JSON)")
        cmd.add_argument("--field-map", default="", help="字段映射 FIELD_MAP: dlbm=DLBM; …")
        cmd.add_argument("--out", required=True, help="*.parquet (folder of parts) or PostGIS")
        cmd.add_argument("--workers", type=int, default=2, help="local cluster's workers")
        cmd.add_argument("--threads", type=int, default=1, help="threads per local worker")
        cmd.add_argument("--scheduler", help="tcp://host:port of a running Dask scheduler")
        cmd.add_argument(
            "--no-processes", action="store_true", help="local workers as threads (tests)"
        )
        cmd.add_argument("--tile", type=int, default=DEFAULT_TILE, help="parcels per task")
        cmd.add_argument("--halo-margin", type=float, default=DEFAULT_MARGIN)
    return parser


def run(args: argparse.Namespace) -> dict:
    """The command; returns what it did (rows, tiles, seconds, warnings)."""
    start = time.perf_counter()
    explicit = parse_field_map(args.field_map)
    kinds = ("parcels", "buildings", "landsurvey", "plan")
    check_field_map(explicit, kinds)
    profile = load_profile(args.profile)
    parcel_source = parse_source(args.parcels)
    parcels = parcel_source.read()
    require_projected_metres(parcels.crs, "宗地图层 PARCELS")
    parcels, _ = canonical_frame(parcels, "parcels", explicit, ("parcel_id",), "PARCELS", False)
    require_unique_ids(parcels, "parcel_id", "宗地图层 PARCELS")
    client = connect(args.workers, args.scheduler, args.threads, not args.no_processes)
    try:
        layers: dict[str, Layer] = {}
        for kind in kinds[1:]:
            text = getattr(args, kind, None)
            if text:
                layers[kind] = open_layer(parse_source(text), kind, explicit)
        parcel_layer = open_layer(parcel_source, "parcels", explicit)
        positions = parcel_tiles(parcels.geometry.values, args.tile)
        tiles = [parcels.iloc[own] for own in positions]
        rows = len(parcels)
        if args.command == "identify":
            day = args.reference_date
            options = {
                "profile": profile,
                "reference_date": dt.date.fromisoformat(day) if day else dt.date.today(),
                "totals": layer_industry_totals(parcels),
            }
        elif args.command == "legacy":
            options = {"profile": profile}
        else:
            options = {
                "indicators": {
                    "danger_basis": profile.value("danger_basis"),
                    "dangerous_grades": profile.value("dangerous_grades"),
                }
            }
        del parcels  # the tiles hold the rows now (memory of the client)
        tasks = tile_tasks(args.command, tiles, parcel_layer, layers, options, args.halo_margin)
        del tiles
        target = parse_source(args.out) if not args.out.endswith(".parquet") else None
        if target is not None and target.kind == "postgis":
            parts, touched = write_postgis(tasks, target)
        elif args.out.endswith(".parquet"):
            parts, touched = write_parquet(tasks, args.out)
        else:
            raise LowlandInputError(
                f"输出须为 .parquet 或 PostGIS：{args.out} / --out must be *.parquet or PostGIS"
            )
        outside = None
        if "buildings" in layers:
            outside = buildings_outside(layers["buildings"].spec.source.count(), touched)
        warnings = merged_warnings(parts, outside)
        peaks = worker_peaks(client)
    finally:
        client.close()
    return {
        "rows": rows,
        "tiles": len(tasks),
        "seconds": time.perf_counter() - start,
        "warnings": warnings,
        "worker_peak_mb": peaks,
        "client_peak_mb": peak_rss_mb(),
    }


def peak_rss_mb() -> float:
    """This process's peak resident set (MB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peaks(client) -> dict[str, float]:
    """Each worker's peak resident set (MB; the process's, so threads of one local
    process report the same figure)."""
    return {str(k): float(v) for k, v in client.run(peak_rss_mb).items()}


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    try:
        done = run(args)
    except LowlandInputError as err:
        print(str(err), file=sys.stderr)
        return 2
    for warning in done["warnings"]:
        print("warning:", warning, file=sys.stderr)
    print(
        f"{args.command}: {done['rows']} parcels in {done['tiles']} tiles, "
        f"{done['seconds']:.1f} s → {args.out}"
    )
    peaks = ", ".join(f"{w} {mb:.0f} MB" for w, mb in done["worker_peak_mb"].items())
    print(f"peak RSS: client {done['client_peak_mb']:.0f} MB; workers {peaks}")
    return 0


def read_output(path: str) -> gpd.GeoDataFrame:
    """A GeoParquet output back (tests, checks)."""
    return gpd.read_parquet(path)
