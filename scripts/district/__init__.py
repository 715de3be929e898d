"""The code of ``scripts/generate_district.py`` (the entry point: command line and
``generate_district()``), split by generator:

- ``common.py``: constants, canonical fields, code tables, name pools and naming
  helpers, seeded generators, ``_frame()``, the 三调 layer builder, ``_lowland()``,
  ``write_district()``;
- ``sample.py`` (its docstring holds the case table), ``sample_layout.py``,
  ``sample_attributes.py``, ``sample_buildings.py``: the bundled sample district;
- ``benchmark.py``, ``benchmark_attributes.py``: the vectorised N-parcel districts;
- ``checks.py``: ``check_district()`` and ``check_sample_cases()``.

The modules import one another relatively only, so the package works under whatever
name it is loaded: ``lowland_under_test.scripts.district`` when the tests import
``lowland_under_test.scripts.generate_district``, or ``lowland_district`` when
``generate_district.py`` is run as a script or loaded from its file path (see there).
"""

from __future__ import annotations

from .benchmark import generate_benchmark
from .checks import check_district, check_sample_cases
from .common import (
    CRS,
    DEFAULT_OUT,
    DEFAULT_SEED,
    FIELDS,
    LAYERS,
    ellipsoidal_area,
    write_district,
)
from .sample import generate_sample
from .sample_layout import SAMPLE_CASES, SAMPLE_HOME_RANGES

__all__ = [
    "CRS",
    "DEFAULT_OUT",
    "DEFAULT_SEED",
    "FIELDS",
    "LAYERS",
    "SAMPLE_CASES",
    "SAMPLE_HOME_RANGES",
    "check_district",
    "check_sample_cases",
    "ellipsoidal_area",
    "generate_benchmark",
    "generate_sample",
    "write_district",
]
