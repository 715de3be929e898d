"""A GeoPackage layer's R-tree spatial index, bulk loaded.

SQLite's R*-tree module inserts one entry at a time (choose a leaf, split, reinsert):
~1 s of CPU for 100k features, the largest single cost of writing the identification
result. Here the tree is packed in one pass instead (sort-tile-recursive: the boxes
sorted by x into vertical slices, each slice by y, 51 entries a node) and its three
shadow tables (``_node``, ``_parent``, ``_rowid``) are written directly, in the on-disk
format of SQLite's rtree module (rtree.c): a node is a blob of 4 + 24·51 bytes holding
a 2-byte depth (root only) and a 2-byte cell count, then per cell a big-endian 64-bit
id and the box as big-endian 32-bit floats (min x, max x, min y, max y), each rounded
outwards exactly as the module rounds them. Queries find the same features as with the
one-by-one inserts; ``rtreecheck`` accepts the tree (tests/test_gpkg_rtree.py).
"""

from __future__ import annotations

import math
import sqlite3

import numpy as np

#: Cells per node: rtree.c's RTREE_MAXCELLS (a node of a 4096-byte page holds at most 51).
MAX_CELLS = 51
_CELL = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
_DOWN, _AWAY = 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0  # rtree.c RNDTOWARDS, RNDAWAY


def float32_down(values: np.ndarray) -> np.ndarray:
    """rtree.c ``rtreeValueDown``: the float32 not above each value."""
    f = values.astype(np.float32)
    over = f.astype(np.float64) > values
    v = values[over]
    f[over] = (v * np.where(v < 0, _AWAY, _DOWN)).astype(np.float32)
    return f


def float32_up(values: np.ndarray) -> np.ndarray:
    """rtree.c ``rtreeValueUp``: the float32 not below each value."""
    f = values.astype(np.float32)
    under = f.astype(np.float64) < values
    v = values[under]
    f[under] = (v * np.where(v < 0, _DOWN, _AWAY)).astype(np.float32)
    return f


def _tiles(boxes: np.ndarray, cells: int) -> list[np.ndarray]:
    """Sort-tile-recursive grouping of boxes (minx, maxx, miny, maxy) into nodes of at
    most ``cells``: indices per node."""
    n = len(boxes)
    slices = math.ceil(math.sqrt(math.ceil(n / cells)))
    cx = boxes[:, 0].astype(np.float64) + boxes[:, 1]
    cy = boxes[:, 2].astype(np.float64) + boxes[:, 3]
    by_x = np.argsort(cx, kind="stable")
    per_slice = slices * cells
    groups = []
    for start in range(0, n, per_slice):
        part = by_x[start : start + per_slice]
        part = part[np.argsort(cy[part], kind="stable")]
        groups += [part[i : i + cells] for i in range(0, len(part), cells)]
    return groups


def _node_blob(depth: int, ids: np.ndarray, boxes: np.ndarray, size: int) -> bytes:
    cells = np.zeros(len(ids), dtype=_CELL)
    cells["id"] = ids
    cells["box"] = boxes
    head = depth.to_bytes(2, "big") + len(ids).to_bytes(2, "big")
    body = cells.tobytes()
    return head + body + bytes(size - 4 - len(body))


def _levels(boxes: np.ndarray, cells: int) -> list[tuple[list[np.ndarray], np.ndarray]]:
    """From the leaves up to the root: per level, its nodes (indices into the level's
    boxes) and the boxes (a level's boxes are the nodes of the level below)."""
    levels = []
    while True:
        groups = _tiles(boxes, cells) if len(boxes) > cells else [np.arange(len(boxes))]
        levels.append((groups, boxes))
        if len(groups) == 1:
            return levels
        boxes = np.array(
            [
                [b[:, 0].min(), b[:, 1].max(), b[:, 2].min(), b[:, 3].max()]
                for b in (boxes[g] for g in groups)
            ],
            dtype=np.float32,
        )


def _node_numbers(levels: list) -> list[np.ndarray]:
    """The nodes' numbers per level: the root is 1, the levels below follow it."""
    numbers = [np.array([1])]
    next_no = 2
    for groups, _ in reversed(levels[:-1]):
        numbers.insert(0, np.arange(next_no, next_no + len(groups)))
        next_no += len(groups)
    return numbers


def packed_rtree_rows(
    fids: np.ndarray, bounds: np.ndarray, node_size: int = 4 + 24 * MAX_CELLS
) -> tuple[list[tuple[int, bytes]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Rows of the shadow tables (_node, _parent, _rowid) of the packed tree of features
    ``fids`` with ``bounds`` (shapely order: minx, miny, maxx, maxy), in nodes of
    ``node_size`` bytes (the length of the empty tree's root). Node 1 is the root."""
    cells = min(MAX_CELLS, (node_size - 4) // _CELL.itemsize)
    boxes = np.column_stack(
        [
            float32_down(bounds[:, 0]),
            float32_up(bounds[:, 2]),
            float32_down(bounds[:, 1]),
            float32_up(bounds[:, 3]),
        ]
    )
    levels = _levels(boxes, cells)
    numbers = _node_numbers(levels)
    depth = len(levels) - 1
    nodes, parents, rowids = [], [], []
    for level, (groups, level_boxes) in enumerate(levels):
        # a leaf's cells hold features, a parent's cells the nodes of the level below
        ids = np.asarray(fids, dtype=np.int64) if level == 0 else numbers[level - 1]
        for node_no, group in zip(numbers[level].tolist(), groups, strict=True):
            blob = _node_blob(
                depth if node_no == 1 else 0, ids[group], level_boxes[group], node_size
            )
            nodes.append((node_no, blob))
            rows = [(int(i), node_no) for i in ids[group]]
            if level == 0:
                rowids += rows
            else:
                parents += rows
    return nodes, parents, rowids


def write_packed_rtree(
    con: sqlite3.Connection, rtree: str, fids: np.ndarray, bounds: np.ndarray
) -> None:
    """Fill the empty R-tree table ``rtree`` (as OGR creates it) with the packed tree."""
    if len(fids) == 0:
        return
    (size,) = con.execute(f'SELECT length(data) FROM "{rtree}_node" WHERE nodeno = 1').fetchone()
    nodes, parents, rowids = packed_rtree_rows(fids, bounds, size)
    con.execute(f'DELETE FROM "{rtree}_node"')
    con.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)', nodes)
    con.executemany(f'INSERT INTO "{rtree}_parent" (nodeno, parentnode) VALUES (?, ?)', parents)
    con.executemany(f'INSERT INTO "{rtree}_rowid" (rowid, nodeno) VALUES (?, ?)', rowids)
