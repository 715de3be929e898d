"""Writing into PostGIS again (issue 21 items 4–6), on the session's throw-away server:
a re-run into an existing table never hangs on a style dialog and replaces the table
and its style; a cancelled re-run leaves the earlier table; two writers to one new
table never add up their rows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

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


Feedback = _rerun.Feedback
write = _rerun.write


def partial_tables(server) -> str:
    return server.psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%partial%'")


def parcel_ids(server, table: str) -> str:
    return server.psql(f"SELECT string_agg(parcel_id, ',' ORDER BY parcel_id) FROM {table}")


def test_a_cancelled_rerun_keeps_the_earlier_table(postgis_server, lowland_provider):
    """The table holds A, B; a re-run (C, D, E) cancelled while writing used to leave it
    overwritten; now the earlier rows stay and no partial table is left."""
    from qgis.core import QgsProcessingException

    destination = "postgres://" + postgis_server.table_uri("kept")
    write(destination, ["A", "B"])
    with pytest.raises(QgsProcessingException, match="已取消"):
        write(destination, ["C", "D", "E"], Feedback(cancel=True))
    assert parcel_ids(postgis_server, "kept") == "A,B"
    assert partial_tables(postgis_server) == "0"
    write(destination, ["C", "D", "E"])  # not cancelled: replaced, not appended
    assert parcel_ids(postgis_server, "kept") == "C,D,E"
    assert partial_tables(postgis_server) == "0"
    assert postgis_server.psql("SELECT count(*) FROM layer_styles WHERE f_table_name = 'kept'") == (
        "1"
    )


def test_two_writers_to_one_new_table_one_wins(postgis_server, lowland_provider):
    """Run 2 finishes the new table while run 1 is still writing (both started when it did
    not exist): run 1 is refused with a message; the table holds run 2's rows once."""
    from qgis.core import QgsProcessingException

    destination = "postgres://" + postgis_server.table_uri("contested")

    def other_run_finishes() -> None:
        write(destination, ["X", "Y"])

    with pytest.raises(QgsProcessingException, match="另一个运行已先写出.*contested"):
        write(destination, ["A", "B", "C"], Feedback(on_write=other_run_finishes))
    assert parcel_ids(postgis_server, "contested") == "X,Y"
    assert partial_tables(postgis_server) == "0"


@pytest.mark.slow
def test_two_concurrent_qgis_process_runs_never_duplicate_rows(
    postgis_server, qgis_env, sample_gpkg
):
    """Two ``qgis_process`` runs into the same new table at once: 437 rows (never 874);
    a run that lost is refused with the message."""
    import subprocess

    output = "postgres://" + postgis_server.table_uri("raced")
    args = _rerun.cli_args("parcelindicators", sample_gpkg, output)
    runs = [
        subprocess.Popen(
            args, env=qgis_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    outcomes = [(run.wait(timeout=300), run.stdout.read()) for run in runs]
    assert any(code == 0 for code, _ in outcomes)
    for code, log in outcomes:
        assert code == 0 or "another run wrote" in log, log[-2000:]
    assert postgis_server.psql("SELECT count(*) FROM raced") == "437"
    assert partial_tables(postgis_server) == "0"


def test_output_on_its_input_table_is_refused(postgis_server, lowland_provider, sample_gpkg):
    """The same PostGIS table as input and output (over a socket and over TCP: one
    server) is refused naming both; the table is unchanged."""
    from qgis.core import QgsProcessingException

    import processing

    write("postgres://" + postgis_server.table_uri("own_input"), ["A", "B"])
    source = "postgres://" + postgis_server.table_uri("own_input", key="fid")
    same = source.replace(f"host={postgis_server.host}", "host=127.0.0.1")
    with pytest.raises(QgsProcessingException, match="OUTPUT.*会覆盖输入.*PARCELS.*own_input"):
        processing.run("lowland:parcelindicators", {"PARCELS": source, "OUTPUT": same})
    assert parcel_ids(postgis_server, "own_input") == "A,B"
