"""Writing into PostGIS again (issue 21 items 4–6), on the session's throw-away server:
a re-run into an existing table never hangs on a style dialog and replaces the table
and its style; a cancelled re-run leaves the earlier table; two writers to one new
table never add up their rows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "lowland_rerun_outputs", Path(__file__).with_name("test_rerun_outputs.py")
)
_rerun = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_rerun)
indicators_cli = _rerun.indicators_cli


def test_rerun_into_an_existing_postgis_table_does_not_hang(postgis_server, qgis_env, sample_gpkg):
    """Twice into the table ``ind_cli``: the second run used to wait for ever on the
    "style already exists" dialog; now the table holds the 437 parcels once, with one
    stored default style."""
    output = "postgres://" + postgis_server.table_uri("ind_cli")
    for run in (1, 2):
        out = indicators_cli(qgis_env, sample_gpkg, output)  # TimeoutExpired = the hang
        assert out.returncode == 0, f"run {run}: " + out.stdout[-2000:] + out.stderr[-2000:]
    assert postgis_server.psql("SELECT count(*) FROM ind_cli") == "437"
    styles = postgis_server.psql(
        "SELECT string_agg(stylename || ':' || useasdefault, ',') FROM layer_styles "
        "WHERE f_table_name = 'ind_cli'"
    )
    assert styles == "output:true"
