#!/usr/bin/env python3
"""Synthetic urban district in 银川市金凤区 (Yinchuan) for Lowland: the bundled sample and
benchmark districts.

``generate_district()`` returns six GeoDataFrames in EPSG:4544 (CGCS2000 / 3-degree
Gauss-Kruger CM 105E; *not* 4543 = CM 102E) with canonical English field names:
``boundary``, ``roads``, ``parcels`` (宗地), ``buildings``, ``landsurvey`` (三调图斑) and
``plan`` (控规地块). Everything is a pure function of the seed, names included.

- ``n_parcels=None``: the sample district, about 2.7 km² in an urban-fringe 片区 with a
  hand-designed mix of edge cases; ``district/sample.py``'s docstring holds the table of
  the case parcels, which ``check_sample_cases()`` asserts line by line.
- ``n_parcels=N``: a benchmark district of exactly N parcels on a larger grid, same
  schema, about 3 buildings per parcel, about 80 % of buildings wholly inside one
  parcel and about 20 % straddling two neighbouring parcels. Vectorised (shapely 2
  array functions); 100k parcels / ~300k buildings in a few seconds
  (``district/benchmark.py``).

This file is the entry point: the command line, ``generate_district()`` and the names
the tests and the benchmarks use (``check_district``, ``check_sample_cases``,
``write_district``, ``main``…). The code is in the package ``district/`` next to it
(see its ``__init__.py``), whose modules import one another relatively. This file is
imported three ways and finds the package accordingly (``_district_package()``):

- as ``lowland_under_test.scripts.generate_district`` (tests, ``scripts/`` being a
  namespace package): ``__package__`` is set and the package is its sibling
  ``lowland_under_test.scripts.district``;
- run as a script (``scripts/run sample``) or loaded from its file path with
  ``importlib.util.spec_from_file_location`` (``bench/common.py``): no parent package,
  so ``district/__init__.py`` is loaded from its file path as the top-level package
  ``lowland_district`` (once per process; nothing is added to ``sys.path``).

Run: ``python scripts/generate_district.py`` (sample → resources/sample/sample_district.gpkg),
``python scripts/generate_district.py --parcels 100000 --out /tmp/district_100k.gpkg``;
``--check`` also validates the result (and the case table for the sample).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import geopandas as gpd

HERE = Path(__file__).resolve().parent
#: the package's name when this file has no parent package (script, file-path import)
TOP_LEVEL_NAME = "lowland_district"


def _district_package() -> ModuleType:
    """The package ``district/`` next to this file, imported as described above."""
    if __package__:
        return importlib.import_module(f"{__package__}.district")
    if TOP_LEVEL_NAME not in sys.modules:
        folder = HERE / "district"
        spec = importlib.util.spec_from_file_location(
            TOP_LEVEL_NAME, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        package = importlib.util.module_from_spec(spec)
        sys.modules[TOP_LEVEL_NAME] = package
        try:
            spec.loader.exec_module(package)
        except BaseException:
            del sys.modules[TOP_LEVEL_NAME]
            raise
    return sys.modules[TOP_LEVEL_NAME]


_district = _district_package()
CRS = _district.CRS
DEFAULT_OUT = _district.DEFAULT_OUT
DEFAULT_SEED = _district.DEFAULT_SEED
FIELDS = _district.FIELDS
LAYERS = _district.LAYERS
SAMPLE_CASES = _district.SAMPLE_CASES
SAMPLE_HOME_RANGES = _district.SAMPLE_HOME_RANGES
check_district = _district.check_district
check_sample_cases = _district.check_sample_cases
ellipsoidal_area = _district.ellipsoidal_area
write_district = _district.write_district


def generate_district(
    n_parcels: int | None = None, seed: int = DEFAULT_SEED
) -> dict[str, gpd.GeoDataFrame]:
    """The synthetic district as layer name -> GeoDataFrame (EPSG:4544).

    ``n_parcels=None`` -> the bundled sample district (about 2.7 km², 437 parcels, the
    hand-designed mix and edge cases of ``district/sample.py``); an int -> a benchmark
    district of exactly that many parcels (same schema, ~3 buildings per parcel,
    ~80 % of buildings wholly inside one parcel, ~20 % straddling two parcels).
    """
    if n_parcels is None:
        return _district.generate_sample(seed)
    return _district.generate_benchmark(int(n_parcels), seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the Lowland synthetic district.")
    parser.add_argument(
        "--parcels", type=int, default=None, help="benchmark size (default: sample)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=None, help=f"GeoPackage (default {DEFAULT_OUT})")
    parser.add_argument("--check", action="store_true", help="validate the generated layers")
    args = parser.parse_args(argv)
    out = Path(args.out) if args.out else DEFAULT_OUT
    t0 = time.perf_counter()
    layers = generate_district(args.parcels, args.seed)
    t1 = time.perf_counter()
    counts = ", ".join(f"{k} {len(v)}" for k, v in layers.items())
    print(f"generated in {t1 - t0:.2f} s: {counts}")
    if args.check:
        stats = check_district(layers)
        if args.parcels is None:
            check_sample_cases(layers)
        print("checks passed: " + ", ".join(f"{k} {v:.3g}" for k, v in stats.items()))
    write_district(layers, out)
    print(f"written {out} in {time.perf_counter() - t1:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
