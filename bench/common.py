"""Shared pieces of the benchmarks: QGIS start-up, timing with peak memory, districts."""

from __future__ import annotations

import importlib.util
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "lowland_bench"
CACHE = Path(os.environ.get("LOWLAND_BENCH_CACHE", Path(tempfile.gettempdir()) / "lowland-bench"))


def start_qgis(gui: bool = False):
    """A headless QGIS with Processing and the lowland provider (``gui``: a widget
    application, for docks); returns (app, provider, ``processing``)."""
    spec = importlib.util.spec_from_file_location(
        "qgis_standalone", ROOT / "scripts" / "qgis_standalone.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.start_qgis(PACKAGE, gui=gui)


def timed_qgis_process(alg: str, args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB, of all children so far) and stdout of one
    ``qgis_process run`` of ``alg`` with the plugin linked as ``lowland`` and enabled."""
    import resource
    import subprocess
    import sysconfig

    qgis_process = "/usr/bin/qgis_process.bin"  # /usr/bin/qgis_process fails on Debian
    plugins = Path(tempfile.mkdtemp()) / "plugins"
    plugins.mkdir()
    (plugins / "lowland").symlink_to(ROOT)
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=str(plugins),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=sysconfig.get_paths()["purelib"],
        PROJ_DATA="/usr/share/proj",
    )
    subprocess.run(
        [qgis_process, "plugins", "enable", "lowland"], env=env, capture_output=True, check=False
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [qgis_process, "run", alg, "--", *args], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-3000:] + proc.stderr[-3000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, proc.stdout


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_district", ROOT / "scripts" / "generate_district.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reset_peak() -> None:
    """Reset the process's peak resident set (VmHWM)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


#: CPU seconds (all threads of this process) of the last :func:`measure` call: on a
#: shared machine wall time grows with the load, CPU time much less.
LAST_CPU = [0.0]


def measure(label: str, func):
    """Run ``func`` once; print (wall, CPU, peak) and return (wall seconds, result)."""
    reset_peak()
    start, cpu = time.perf_counter(), time.process_time()
    out = func()
    seconds = time.perf_counter() - start
    LAST_CPU[0] = time.process_time() - cpu
    print(
        f"  {label:<48} {seconds:8.2f} s   CPU {LAST_CPU[0]:7.2f} s   peak RSS {peak_mb():8.0f} MB",
        flush=True,
    )
    return seconds, out


def district(n: int) -> Path:
    """The cached generated district of about ``n`` parcels."""
    path = CACHE / f"district_{n}.gpkg"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        _generator().main(["--parcels", str(n), "--out", str(path)])
        print(f"  generated {path} in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def calc(processing, layer, name: str, formula: str):
    """native:fieldcalculator adding a double field; returns the memory layer."""
    return processing.run(
        "native:fieldcalculator",
        {
            "INPUT": layer,
            "FIELD_NAME": name,
            "FIELD_TYPE": 0,
            "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6,
            "FORMULA": formula,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]


def sum_by(processing, layer, value: str, categories: list[str]):
    """qgis:statisticsbycategories (sum and the other statistics) of ``value``."""
    return processing.run(
        "qgis:statisticsbycategories",
        {
            "INPUT": layer,
            "VALUES_FIELD_NAME": value,
            "CATEGORIES_FIELD_NAME": categories,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]


def join(processing, layer, table, prefix: str):
    """native:joinattributestable by parcel_id, copying the sum."""
    return processing.run(
        "native:joinattributestable",
        {
            "INPUT": layer,
            "FIELD": "parcel_id",
            "INPUT_2": table,
            "FIELD_2": "parcel_id",
            "FIELDS_TO_COPY": ["sum"],
            "METHOD": 1,
            "PREFIX": prefix,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]


def native_indicator_chain(processing, gpkg: Path):
    """GFA, FAR and density per parcel with QGIS native algorithms only: field calculator
    → native:intersection → field calculator ×2 → statistics by categories ×2 → join ×2
    → field calculator."""
    parcels = f"{gpkg}|layername=parcels"
    b = calc(processing, f"{gpkg}|layername=buildings", "b_area", "$area")
    b = calc(processing, b, "b_gfa", 'coalesce("gfa", "b_area" * "floors")')
    pieces = processing.run(
        "native:intersection",
        {
            "INPUT": b,
            "OVERLAY": parcels,
            "INPUT_FIELDS": ["b_area", "b_gfa", "danger_grade"],
            "OVERLAY_FIELDS": ["parcel_id"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    pieces = calc(processing, pieces, "part_area", "$area")
    pieces = calc(processing, pieces, "part_gfa", '"b_gfa" * "part_area" / "b_area"')
    out = parcels
    for value, prefix in (("part_gfa", "gfa_"), ("part_area", "fp_")):
        out = join(processing, out, sum_by(processing, pieces, value, ["parcel_id"]), prefix)
    return pieces, calc(processing, out, "far", 'coalesce("gfa_sum", 0) / $area')
