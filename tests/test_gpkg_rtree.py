"""The packed R-tree of a written GeoPackage layer (issue 20, ``bridge.gpkg_rtree``): the
same index entries as SQLite's one-by-one inserts, a tree ``rtreecheck`` accepts, and the
same features found by any window."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from lowland_under_test.lowland_plugin.bridge.gpkg_rtree import (
    float32_down,
    float32_up,
    write_packed_rtree,
)


def test_rounding_is_outwards_like_sqlite():
    # 0.1 is no float32: the nearest float32 0.100000001490116… is above 0.1, so the
    # minimum goes one step down and the maximum keeps it; 0.5 is exact both ways
    values = np.array([0.1, -0.1, 0.5, 4250118.2])
    down, up = float32_down(values), float32_up(values)
    assert (down.astype(float) <= values).all() and (up.astype(float) >= values).all()
    assert float(up[0]) == pytest.approx(0.10000000149011612, rel=0, abs=1e-17)
    assert float(down[0]) < 0.1 < float(up[0])
    assert float(down[2]) == float(up[2]) == 0.5
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    con.executemany(
        "INSERT INTO r VALUES (?, ?, ?, ?, ?)", [(i + 2, v, v, v, v) for i, v in enumerate(values)]
    )
    rows = con.execute("SELECT minx, maxx FROM r ORDER BY id").fetchall()
    assert rows == [(float(d), float(u)) for d, u in zip(down, up, strict=True)]


@pytest.mark.parametrize("n", [1, 51, 52, 2601, 2602, 20000])
def test_packed_tree_equals_inserted_tree(n):
    """1, one full node, one more (two levels), 51² and one more (three levels)."""
    rng = np.random.default_rng(n)
    x, y = rng.uniform(-1e5, 1e5, n), rng.uniform(4.2e6, 4.3e6, n)
    bounds = np.column_stack([x, y, x + rng.uniform(0, 80, n), y + rng.uniform(0, 80, n)])
    fids = np.arange(1, n + 1)
    con = sqlite3.connect(":memory:")
    for name in ("one_by_one", "packed"):
        con.execute(f"CREATE VIRTUAL TABLE {name} USING rtree(id, minx, maxx, miny, maxy)")
    rows = zip(fids.tolist(), *(bounds[:, k].tolist() for k in (0, 2, 1, 3)), strict=True)
    con.executemany("INSERT INTO one_by_one VALUES (?, ?, ?, ?, ?)", rows)
    write_packed_rtree(con, "packed", fids, bounds)
    assert con.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
    entries = "SELECT id, minx, maxx, miny, maxy FROM {} ORDER BY id"
    assert (
        con.execute(entries.format("packed")).fetchall()
        == con.execute(entries.format("one_by_one")).fetchall()
    )
    window = "SELECT id FROM {} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?"
    for _ in range(30):
        qx, qy, size = rng.uniform(-1e5, 1e5), rng.uniform(4.2e6, 4.3e6), rng.uniform(10, 3e4)
        args = (qx, qx + size, qy, qy + size)
        found = sorted(con.execute(window.format("packed"), args).fetchall())
        assert found == sorted(con.execute(window.format("one_by_one"), args).fetchall())
    # the tree stays a working R-tree: an insert and a delete afterwards
    con.execute("INSERT INTO packed VALUES (?, 0, 1, 0, 1)", (n + 1,))
    con.execute("DELETE FROM packed WHERE id = 1")
    assert con.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM packed").fetchone() == (n,)


def test_a_packed_tree_then_appended_tiles_find_every_feature(tmp_path):
    """A tiled run writes its first tile with the packed tree and appends the others
    (one R-tree insert per row): the tree stays valid, ids continue, and an OGR window
    finds exactly the features whose boxes meet it."""
    import geopandas as gpd
    from osgeo import ogr
    from shapely.geometry import box

    from lowland_under_test.lowland_plugin.bridge.ogr_io import write_ogr_layer

    rng = np.random.default_rng(7)
    xy = rng.uniform(0, 1000, size=(300, 2))
    frames = [
        gpd.GeoDataFrame(
            {"k": np.arange(i, i + 100)},
            geometry=[box(x, y, x + 5, y + 5) for x, y in xy[i : i + 100]],
            crs="EPSG:4547",
        )
        for i in (0, 100, 200)
    ]
    path = str(tmp_path / "tiles.gpkg")
    write_ogr_layer(frames[0], path, "out")
    for frame in frames[1:]:
        write_ogr_layer(frame, path, "out", append=True)
    con = sqlite3.connect(path)
    assert con.execute("SELECT rtreecheck('rtree_out_geom')").fetchone() == ("ok",)
    assert con.execute("SELECT COUNT(*) FROM rtree_out_geom").fetchone() == (300,)
    # fid i + 1 is row i of the three tiles in order
    assert con.execute("SELECT MIN(fid), MAX(fid), COUNT(*) FROM out").fetchone() == (1, 300, 300)
    assert con.execute("SELECT k FROM out WHERE fid = 201").fetchone() == (200,)
    con.close()
    ds = ogr.Open(path)
    layer = ds.GetLayer("out")
    assert layer.GetFeatureCount() == 300
    for x0, y0 in [(0, 0), (250, 400), (700, 100)]:
        layer.SetSpatialFilterRect(x0, y0, x0 + 200, y0 + 200)
        found = sorted(f.GetField("k") for f in layer)
        want = sorted(
            int(k) for k, (x, y) in enumerate(xy)
            if x <= x0 + 200 and x + 5 >= x0 and y <= y0 + 200 and y + 5 >= y0
        )  # fmt: skip
        assert found == want and want


def test_a_bounded_read_reads_its_booleans_through_the_r_tree(tmp_path, monkeypatch):
    """A tile's read (``bounds``) gets the same boolean values as the whole-layer read
    for its features, and the boolean pass reads only the R-tree's window (the SQL
    carries the window), not the whole layer."""
    import geopandas as gpd
    from shapely.geometry import box

    from lowland_under_test.lowland_plugin.bridge import ogr_io

    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 1000, size=(400, 2))
    flags = pd.array([None if i % 7 == 0 else bool(i % 3) for i in range(400)], dtype="boolean")
    frame = gpd.GeoDataFrame(
        {"k": np.arange(400), "illegal": flags},
        geometry=[box(x, y, x + 5, y + 5) for x, y in xy],
        crs="EPSG:4547",
    )
    path = str(tmp_path / "b.gpkg")
    ogr_io.write_ogr_layer(frame, path, "buildings")
    whole = ogr_io.read_ogr_layer(path, "buildings")
    seen: list[str] = []
    original = ogr_io._rtree_window
    monkeypatch.setattr(ogr_io, "_rtree_window", lambda *a: seen.append(original(*a)) or seen[-1])
    part = ogr_io.read_ogr_layer(path, "buildings", bounds=(100.0, 200.0, 400.0, 600.0))
    assert 0 < len(part) < len(whole)
    assert "rtree_buildings_geom" in seen[-1] and "maxx >= 100.0" in seen[-1]
    want = whole.loc[part.index, "illegal"]
    assert part["illegal"].isna().tolist() == want.isna().tolist()
    assert part["illegal"].fillna(False).tolist() == want.fillna(False).tolist()
    assert part["k"].tolist() == whole.loc[part.index, "k"].tolist()
