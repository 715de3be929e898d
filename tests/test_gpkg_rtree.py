"""The packed R-tree of a written GeoPackage layer (issue 20, ``bridge.gpkg_rtree``): the
same index entries as SQLite's one-by-one inserts, a tree ``rtreecheck`` accepts, and the
same features found by any window."""

from __future__ import annotations

import sqlite3

import numpy as np
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
