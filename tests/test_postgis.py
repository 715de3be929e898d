"""The algorithms on a real PostgreSQL/PostGIS database (the session's throw-away server).

The sample district is loaded into PostGIS; ``lowland:identifyparcels`` reads its
layers through QGIS's ``postgres`` provider and writes its result as a new PostGIS
table (a ``postgres://…`` destination); the verdicts must be those of the same run on
the GeoPackage. ``lowland:exportdatabase`` exports that PostGIS result. Two review
docks on the same table play two reviewers: decisions on different parcels both
commit; a decision on a parcel another reviewer changed since it was loaded is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsVectorLayer

REFERENCE_DATE = "2025-06-30"
SAMPLE_LAYERS = ("parcels", "buildings", "landsurvey", "plan")


def load_into_postgis(server, sample: Path, layers=SAMPLE_LAYERS) -> None:
    """Copy GeoPackage layers into ``public`` (geometry ``geom``, key ``fid``) with OGR."""
    for name in layers:
        options = gdal.VectorTranslateOptions(
            layers=[name],
            layerName=name,
            accessMode="overwrite",
            layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST"],
        )
        result = gdal.VectorTranslate(server.ogr(), str(sample), options=options)
        assert result is not None, f"ogr could not load {name} into PostGIS"
        result = None  # closes the connection


def pg_layer(server, table: str, name: str | None = None) -> QgsVectorLayer:
    layer = QgsVectorLayer(server.table_uri(table, key="fid"), name or table, "postgres")
    assert layer.isValid(), f"cannot open PostGIS table {table}"
    return layer


def identify(sources: dict[str, object], output: str) -> dict:
    import processing

    params = {
        "PARCELS": sources["parcels"],
        "BUILDINGS": sources["buildings"],
        "LANDSURVEY": sources["landsurvey"],
        "PLAN": sources["plan"],
        "REFERENCE_DATE": REFERENCE_DATE,
        "OUTPUT": output,
    }
    return processing.run("lowland:identifyparcels", params)


def verdicts(layer: QgsVectorLayer) -> dict[str, tuple]:
    return {
        f["parcel_id"]: (f["verdict"], f["lowland_type"] or None, f["review_status"])
        for f in layer.getFeatures()
    }


@pytest.fixture(scope="module")
def district(postgis_server, sample_gpkg):
    """The sample district in PostGIS."""
    load_into_postgis(postgis_server, sample_gpkg)
    return postgis_server


@pytest.fixture(scope="module")
def gpkg_result(tmp_path_factory, lowland_provider, sample_gpkg) -> QgsVectorLayer:
    out = tmp_path_factory.mktemp("pg") / "identified.gpkg"
    sources = {name: f"{sample_gpkg}|layername={name}" for name in SAMPLE_LAYERS}
    identify(sources, str(out))
    layer = QgsVectorLayer(str(out), "gpkg", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture(scope="module")
def pg_result(district, lowland_provider) -> str:
    """identifyparcels from the PostGIS layers into the new PostGIS table ``identified``."""
    sources = {name: pg_layer(district, name) for name in SAMPLE_LAYERS}
    sources["parcels"] = "postgres://" + district.table_uri("parcels", key="fid")  # as typed
    identify(sources, "postgres://" + district.table_uri("identified"))
    return "identified"


def test_server_has_the_sample(district):
    assert district.psql("SELECT count(*) FROM parcels") == "437"
    assert district.psql("SELECT Find_SRID('public', 'parcels', 'geom')") == "4544"
    assert district.startup_seconds < 60


def test_identify_reads_and_writes_postgis(district, pg_result, gpkg_result):
    table = pg_result
    assert district.psql(f"SELECT count(*) FROM {table}") == "437"
    assert district.psql(f"SELECT Find_SRID('public', '{table}', 'geom')") == "4544"
    layer = pg_layer(district, table)
    assert layer.featureCount() == 437
    got, want = verdicts(layer), verdicts(gpkg_result)
    assert got == want


def test_postgis_result_opens_with_aliases_and_value_maps(district, pg_result):
    """The aliases and value maps are stored as the table's default style (layer_styles)."""
    layer = pg_layer(district, pg_result)
    fields = layer.fields()
    assert fields.field("verdict").alias() == "认定结论"
    assert fields.field("area_mu").alias() == "面积(亩)"
    setup = layer.editorWidgetSetup(fields.indexOf("verdict"))
    assert setup.type() == "ValueMap"
    assert district.psql("SELECT count(*) FROM layer_styles WHERE f_table_name = 'identified'") == (
        "1"
    )


class _CancelledFeedback:
    """A run the user has cancelled (checked while the output is written)."""

    def setProgress(self, value: float) -> None:  # noqa: N802 (QGIS API)
        pass

    def isCanceled(self) -> bool:  # noqa: N802 (QGIS API)
        return True


def test_a_cancelled_run_leaves_no_partial_table(district, pg_result, lowland_provider):
    """Cancelled while writing: the new PostGIS table is dropped again (an existing
    table given as the destination is not)."""
    import geopandas as gpd
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException
    from shapely.geometry import box

    alg = QgsApplication.processingRegistry().createAlgorithmById("lowland:identifyparcels")
    gdf = gpd.GeoDataFrame({"parcel_id": ["A", "B"]}, geometry=[box(0, 0, 1, 1)] * 2, crs=4544)
    crs = pg_layer(district, pg_result).crs()
    destination = "postgres://" + district.table_uri("cancelled")
    with pytest.raises(QgsProcessingException, match="已取消"):
        alg.write_output(
            {"OUTPUT": destination},
            "OUTPUT",
            QgsProcessingContext(),
            _CancelledFeedback(),
            gdf,
            crs,
        )
    exists = "SELECT count(*) FROM pg_tables WHERE tablename = 'cancelled'"
    assert district.psql(exists) == "0"

    # the same call, not cancelled, leaves the table: the check above can fail
    class _Running(_CancelledFeedback):
        def isCanceled(self) -> bool:  # noqa: N802 (QGIS API)
            return False

    alg.write_output(
        {"OUTPUT": destination}, "OUTPUT", QgsProcessingContext(), _Running(), gdf, crs
    )
    assert district.psql(exists) == "1"
    assert district.psql("SELECT string_agg(parcel_id, ',' ORDER BY parcel_id) FROM cancelled") == (
        "A,B"
    )


def export(parcels, survey, output: Path, errors: str = "TEMPORARY_OUTPUT") -> dict:
    import processing

    return processing.run(
        "lowland:exportdatabase",
        {
            "PARCELS": parcels,
            "LANDSURVEY": survey,
            "ADMIN_CODE": "640106",
            "EXPORT_DATE": REFERENCE_DATE,
            "OUTPUT": str(output),
            "ERRORS": errors,
            "REPORT": str(output.with_suffix(".html")),
        },
    )


def test_export_database_from_postgis(district, pg_result, gpkg_result, sample_gpkg, tmp_path):
    """The PostGIS result exports the same database (and QC) as the GeoPackage result;
    the QC error layer goes into PostGIS too."""
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    from_pg = export(
        pg_layer(district, pg_result),
        pg_layer(district, "landsurvey"),
        tmp_path / "pg" / "db.gpkg",
        errors="postgres://" + district.table_uri("qc_errors"),
    )
    from_gpkg = export(
        gpkg_result.source(), f"{sample_gpkg}|layername=landsurvey", tmp_path / "gpkg" / "db.gpkg"
    )
    # the sample passes with one warning (P0038 lies 49.8 % on 三调 0102, test_export.py)
    assert (from_pg["QC_PASSED"], from_pg["ERROR_COUNT"], from_pg["WARNING_COUNT"]) == (
        True,
        0,
        1,
    )
    assert (from_gpkg["QC_PASSED"], from_gpkg["ERROR_COUNT"], from_gpkg["WARNING_COUNT"]) == (
        True,
        0,
        1,
    )
    pg_db = read_ogr_layer(from_pg["OUTPUT"]).drop(columns="geometry")
    gpkg_db = read_ogr_layer(from_gpkg["OUTPUT"]).drop(columns="geometry")
    lowland = sum(1 for v, _t, _s in verdicts(gpkg_result).values() if v == "lowland")
    assert len(pg_db) == lowland > 0
    key = ["ZDDM", "TBBH", "MJ", "MJM", "QLR", "DXLX", "XZDL"]
    pd_sorted = [db[key].sort_values("ZDDM").reset_index(drop=True) for db in (pg_db, gpkg_db)]
    assert pd_sorted[0].equals(pd_sorted[1])
    assert district.psql("SELECT string_agg(parcel_id || ':' || severity, ',') FROM qc_errors") == (
        "P0038:warning"
    )


# ------------------------------------------------------------------ two reviewers

_TABLES = iter(range(1, 1000))


@pytest.fixture
def review_table(district, pg_result) -> str:
    """A fresh copy of the PostGIS identification result for one test."""
    table = f"review_{next(_TABLES)}"
    district.psql(
        f"CREATE TABLE {table} AS SELECT * FROM {pg_result}; ALTER TABLE {table} ADD PRIMARY KEY (id)"
    )
    return table


@pytest.fixture
def reviewers(qgis_iface, qgis_new_project):
    """Two docks, as two reviewers' QGIS would have them (restores the remembered name)."""
    from qgis.PyQt.QtCore import QCoreApplication, QSettings

    from lowland_under_test.lowland_plugin.gui.review_dock import REVIEWER_KEY, ReviewDock

    old = QSettings().value(REVIEWER_KEY, None)
    docks: list = []

    def open_dock(layer: QgsVectorLayer, reviewer: str):
        dock = ReviewDock(qgis_iface)
        assert dock.set_layer(layer), dock.message_text()
        dock.reviewerEdit.setText(reviewer)
        docks.append((dock, layer))
        return dock

    yield open_dock
    for dock, layer in docks:
        if layer.isEditable():
            layer.rollBack()
        dock.unload()
        dock.deleteLater()
    QCoreApplication.processEvents()
    QgsProject.instance().setAutoTransaction(False)
    if old is None:
        QSettings().remove(REVIEWER_KEY)
    else:
        QSettings().setValue(REVIEWER_KEY, old)


def stored(server, table: str, parcel_id: str) -> str:
    """``status|reviewer|note`` of a parcel as the database holds it (committed)."""
    return server.psql(
        f"SELECT concat_ws('|', review_status, reviewer, review_note) FROM {table} "
        f"WHERE parcel_id = '{parcel_id}'"
    )


def decide(dock, parcel_id: str, action: str, note: str = "") -> bool:
    dock.set_filters(text=parcel_id)
    assert dock.select_parcel(parcel_id)
    dock.noteEdit.setText(note)
    return dock.apply_decision(action)


def shown_status(dock, parcel_id: str) -> str:
    row = next(r for r in dock.model.records if r["parcel_id"] == parcel_id)
    return row["review_status"]


# two low-efficiency parcels of the sample (test_identify_sample.py)
X, Y = "P0015", "P0024"


def test_the_two_parcels_are_low_efficiency(gpkg_result):
    got = verdicts(gpkg_result)
    assert got[X][0] == got[Y][0] == "lowland"


def test_decisions_on_different_parcels_are_both_saved(district, review_table, reviewers):
    """A confirms X and saves while B has an unsaved decision on Y: B saves too, without
    touching X; B's list is re-read on saving and shows A's decision."""
    layer_a = pg_layer(district, review_table, "A")
    layer_b = pg_layer(district, review_table, "B")
    dock_a, dock_b = reviewers(layer_a, "张工"), reviewers(layer_b, "李工")
    assert decide(dock_b, Y, "reject", "已整改") and layer_b.isEditable()
    assert decide(dock_a, X, "confirm")
    assert stored(district, review_table, X) == "pending"  # buffered until saved
    assert layer_a.commitChanges(), layer_a.commitErrors()
    assert stored(district, review_table, X) == "confirmed|张工"
    assert shown_status(dock_b, X) == "pending"  # B has not re-read yet
    assert layer_b.commitChanges(), layer_b.commitErrors()
    assert stored(district, review_table, Y) == "rejected|李工|已整改"
    assert stored(district, review_table, X) == "confirmed|张工"  # B's save kept A's
    assert shown_status(dock_b, X) == "confirmed" and dock_b.error_text() == ""


def test_a_stale_decision_is_refused_and_the_list_refreshed(district, review_table, reviewers):
    """B decides X after A saved a decision on X that B has not seen: nothing is written,
    B is told who decided what and sees it; deciding again (now knowingly) is written."""
    layer_a = pg_layer(district, review_table, "A")
    layer_b = pg_layer(district, review_table, "B")
    dock_a, dock_b = reviewers(layer_a, "张工"), reviewers(layer_b, "李工")
    assert decide(dock_b, Y, "confirm")
    assert decide(dock_a, X, "confirm") and layer_a.commitChanges()
    assert not decide(dock_b, X, "reject", "仍在生产")
    message = dock_b.error_text()
    assert f"宗地 {X}" in message and "张工" in message and "已确认" in message
    assert "未写入" in message
    changed = layer_b.editBuffer().changedAttributeValues()
    assert layer_b.getFeature(dock_b.current_fid()).id() not in changed  # nothing buffered on X
    assert len(changed) == 1  # only the decision on Y
    assert shown_status(dock_b, X) == "confirmed"  # the refreshed list shows A's decision
    assert shown_status(dock_b, Y) == "confirmed"  # B's unsaved decision is still there
    assert decide(dock_b, X, "reject", "仍在生产")  # B has seen it: a deliberate change
    assert layer_b.commitChanges(), layer_b.commitErrors()
    assert stored(district, review_table, X) == "rejected|李工|仍在生产"
    assert stored(district, review_table, Y) == "confirmed|李工"


def test_saving_drops_a_decision_someone_else_saved_first(district, review_table, reviewers):
    """B decides X (nobody had) and Y; A decides X and saves first; B's save keeps A's
    decision on X, saves Y and says which decision was not saved."""
    layer_a = pg_layer(district, review_table, "A")
    layer_b = pg_layer(district, review_table, "B")
    dock_a, dock_b = reviewers(layer_a, "张工"), reviewers(layer_b, "李工")
    assert decide(dock_b, X, "reject", "仍在生产")
    assert decide(dock_b, Y, "confirm")
    assert decide(dock_a, X, "confirm") and layer_a.commitChanges()
    assert layer_b.commitChanges(), layer_b.commitErrors()
    assert stored(district, review_table, X) == "confirmed|张工"
    assert stored(district, review_table, Y) == "confirmed|李工"
    message = dock_b.error_text()
    assert X in message and Y not in message and "未保存" in message
    assert shown_status(dock_b, X) == "confirmed"


def test_transaction_mode_writes_into_each_reviewers_transaction(district, review_table, reviewers):
    """Project transaction mode: each decision is an UPDATE in the reviewer's open
    transaction (invisible to others until saved); a stale decision is refused; deciding
    a parcel twice in one's own transaction is no conflict."""
    QgsProject.instance().setAutoTransaction(True)
    layer_a = pg_layer(district, review_table, "A")
    # another connection string (TCP instead of the socket): its own transaction group
    uri_b = (
        pg_layer(district, review_table).source().replace(f"host={district.host}", "host=127.0.0.1")
    )
    layer_b = QgsVectorLayer(uri_b, "B", "postgres")
    assert layer_b.isValid()
    QgsProject.instance().addMapLayers([layer_a, layer_b])
    dock_a, dock_b = reviewers(layer_a, "张工"), reviewers(layer_b, "李工")
    assert decide(dock_a, X, "confirm")
    assert layer_a.dataProvider().transaction() is not None
    assert layer_b.dataProvider().transaction() is not layer_a.dataProvider().transaction()
    assert stored(district, review_table, X) == "pending"  # in A's open transaction
    assert layer_a.commitChanges(), layer_a.commitErrors()
    assert stored(district, review_table, X) == "confirmed|张工"
    assert not decide(dock_b, X, "reject", "仍在生产")
    assert "张工" in dock_b.error_text()
    assert decide(dock_b, Y, "confirm")
    assert decide(dock_b, Y, "reject", "已整改")  # its own uncommitted decision: no conflict
    assert stored(district, review_table, Y) == "pending"
    assert layer_b.commitChanges(), layer_b.commitErrors()
    assert stored(district, review_table, Y) == "rejected|李工|已整改"
    assert stored(district, review_table, X) == "confirmed|张工"


def test_a_parcel_held_in_another_open_transaction_does_not_freeze_qgis(
    district, review_table, reviewers
):
    """Transaction mode: A decided X and has not saved (X locked in A's transaction). B's
    decision on X gives up after the lock timeout with a message instead of freezing QGIS
    until A saves; B's transaction stays usable; once A saved, B is told who decided."""
    import time

    from lowland_under_test.lowland_plugin.bridge.reviews import LOCK_TIMEOUT_MS

    QgsProject.instance().setAutoTransaction(True)
    layer_a = pg_layer(district, review_table, "A")
    uri_b = (
        pg_layer(district, review_table).source().replace(f"host={district.host}", "host=127.0.0.1")
    )
    layer_b = QgsVectorLayer(uri_b, "B", "postgres")
    QgsProject.instance().addMapLayers([layer_a, layer_b])
    dock_a, dock_b = reviewers(layer_a, "张工"), reviewers(layer_b, "李工")
    assert decide(dock_a, X, "confirm")  # X locked in A's open transaction
    start = time.monotonic()
    assert not decide(dock_b, X, "reject", "仍在生产")
    waited = time.monotonic() - start
    assert LOCK_TIMEOUT_MS / 1000 - 0.5 <= waited < LOCK_TIMEOUT_MS / 1000 + 5
    assert "正被其他核查人员编辑" in dock_b.error_text()
    assert decide(dock_b, Y, "confirm")  # B's transaction is still usable
    assert layer_a.commitChanges(), layer_a.commitErrors()
    assert not decide(dock_b, X, "reject", "仍在生产")
    assert "张工" in dock_b.error_text()
    assert layer_b.commitChanges(), layer_b.commitErrors()
    assert stored(district, review_table, X) == "confirmed|张工"
    assert stored(district, review_table, Y) == "confirmed|李工"


def test_rerun_keeps_the_decisions_saved_in_postgis(district, review_table, reviewers):
    """Identification run again with the reviewed PostGIS table as PREVIOUS, into a new
    PostGIS table: the saved decision is carried over by parcel_id."""
    layer = pg_layer(district, review_table, "A")
    dock = reviewers(layer, "张工")
    assert decide(dock, Y, "reject", "已整改") and layer.commitChanges()
    sources = {name: pg_layer(district, name) for name in SAMPLE_LAYERS}
    sources["PREVIOUS"] = layer
    import processing

    processing.run(
        "lowland:identifyparcels",
        {
            **{key.upper(): value for key, value in sources.items()},
            "REFERENCE_DATE": REFERENCE_DATE,
            "OUTPUT": "postgres://" + district.table_uri(f"{review_table}_rerun"),
        },
    )
    assert stored(district, f"{review_table}_rerun", Y) == "rejected|张工|已整改"
    assert stored(district, f"{review_table}_rerun", X) == "pending"
    assert district.psql(f"SELECT count(*) FROM {review_table}_rerun") == "437"


@pytest.mark.slow
def test_qgis_process_reads_and_writes_postgis(district, pg_result, qgis_env):
    """The README's command: ``qgis_process`` with PostGIS sources and destination."""
    import subprocess

    def uri(table: str, key: str | None = "fid") -> str:
        return "postgres://" + district.table_uri(table, key=key)

    out = subprocess.run(
        [
            "/usr/bin/qgis_process.bin",
            "run",
            "lowland:identifyparcels",
            "--",
            f"PARCELS={uri('parcels')}",
            f"BUILDINGS={uri('buildings')}",
            f"LANDSURVEY={uri('landsurvey')}",
            f"PLAN={uri('plan')}",
            f"REFERENCE_DATE={REFERENCE_DATE}",
            f"OUTPUT={uri('identified_cli', key=None)}",
        ],
        env=qgis_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    same = district.psql(
        f"SELECT count(*) FROM identified_cli c JOIN {pg_result} p USING (parcel_id) "
        "WHERE c.verdict = p.verdict AND c.lowland_type IS NOT DISTINCT FROM p.lowland_type"
    )
    assert same == "437"
