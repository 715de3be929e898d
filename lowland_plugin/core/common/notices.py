"""Warnings that count things, mergeable over tiles (issue 20).

A run's warning is a text; one that counts features ("3 parcels overlap no 三调 patch:
…") is a :class:`Tally`: the same text (a ``str``), carrying what it counts — ``items``,
a mapping of each counted thing's key to its name in the text — and how the text is made
from the names. The tiles of a layer each see part of the things (and their halo parcels
too), so the tiled run merges its tiles' tallies (:func:`merge_warnings`): the items of
one kind united (a building or a pair of parcels seen by two tiles counted once), the
items about parcels kept only from the tile that owns the parcel
(:func:`owned_by_tile`), and the text made again from all the names — the untiled run's
text.

Keys sort in the order the untiled run lists the things: parcel or building positions or
index labels (input order), pairs of them, or ranks given by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

#: Parcels are counted by their row (a position in the run, an index label once merged).
PARCELS = "parcels"
#: Pairs of parcels (overlaps), keyed by the parcels' index labels: kept when the tile
#: owns either parcel.
PARCEL_PAIRS = "parcel_pairs"
#: Features of another layer or values (buildings, codes, profile values): united.
OTHER = "other"
#: A count given whole by each tile (e.g. buildings outside every parcel): summed, and
#: the warning dropped when the total is 0.
SUM = "sum"

Render = Callable[[list[str]], str]


class Tally(str):
    """A warning's text with what it counts: ``kind`` (one per message), ``scope`` (how
    tiles merge it), ``items`` (key → name, in key order) and ``render`` (names → text;
    a module-level function or a partial of one, so that it pickles to cluster workers)."""

    kind: str
    scope: str
    items: dict[Any, str]
    render: Render

    def __new__(
        cls, kind: str, render: Render, items: Mapping[Any, str], scope: str = OTHER
    ) -> Tally:
        ordered = dict(sorted(items.items(), key=lambda kv: kv[0]))
        text = super().__new__(cls, render(list(ordered.values())))
        text.kind, text.scope, text.items, text.render = kind, scope, ordered, render
        return text

    def __reduce__(self):
        return (Tally, (self.kind, self.render, self.items, self.scope))


def tally(
    kind: str, render: Render, keys: Iterable[Hashable], names: Iterable[str], scope: str = OTHER
) -> Tally:
    """A :class:`Tally` of the things ``keys`` named ``names``."""
    return Tally(kind, render, dict(zip(keys, names, strict=True)), scope)


def shown(names: Sequence[str], limit: int = 10, sep: str = ", ") -> str:
    """The first ``limit`` names and how many more: ``a, b … (+3)``."""
    more = f" … (+{len(names) - limit})" if len(names) > limit else ""
    return sep.join(names[:limit]) + more


def owned_by_tile(warnings: list[str], labels: Sequence[Any], own: int) -> list[str]:
    """A tile's warnings with the parcels' tallies kept to the tile's own parcels (rows
    below ``own``, then keyed by their index label in ``labels``, the tile's parcels'
    index, instead of their row; a pair when either parcel is the tile's)."""
    out: list[str] = []
    for w in warnings:
        if not isinstance(w, Tally) or w.scope not in (PARCELS, PARCEL_PAIRS):
            out.append(w)
            continue
        if w.scope == PARCELS:
            kept = {labels[k]: v for k, v in w.items.items() if k < own}
        else:
            mine = set(labels[:own])
            kept = {k: v for k, v in w.items.items() if k[0] in mine or k[1] in mine}
        if kept:
            out.append(Tally(w.kind, w.render, kept, w.scope))
    return out


def merge_warnings(parts: list[list[str]], sums: Mapping[str, int] | None = None) -> list[str]:
    """The warnings of a run's tiles as the untiled run gives them: each message once, a
    tally's items united over the tiles (``SUM`` tallies: the counts added, or given in
    ``sums`` by kind, and dropped when 0), in the order of the tiles' lists (each tile's
    order is the run's: a message comes after every message some tile shows before it)."""
    merged: dict[str, list[str]] = {}
    for part in parts:
        for w in part:
            merged.setdefault(_key(w), []).append(w)
    out = []
    for key in _ordered(parts):
        found = merged[key]
        first = found[0]
        if not isinstance(first, Tally):
            out.append(first)
            continue
        tallies = [t for t in found if isinstance(t, Tally)]
        if first.scope == SUM:
            given = sum(int(next(iter(t.items), 0)) for t in tallies)
            total = (sums or {}).get(first.kind, given)
            if total:
                out.append(Tally(first.kind, first.render, {total: str(total)}, SUM))
            continue
        items: dict[Any, str] = {}
        for t in tallies:
            items.update(t.items)
        out.append(Tally(first.kind, first.render, items, first.scope))
    return out


def _key(warning: str) -> str:
    return "\0" + warning.kind if isinstance(warning, Tally) else warning


def _ordered(parts: list[list[str]]) -> list[str]:
    """The messages of all parts in an order agreeing with each part's (a topological
    order of "comes before", ties in order of first appearance)."""
    first_seen: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    for part in parts:
        keys = list(dict.fromkeys(_key(w) for w in part))
        for i, k in enumerate(keys):
            first_seen.setdefault(k, len(first_seen))
            after.setdefault(k, set()).update(keys[:i])
    done: list[str] = []
    placed: set[str] = set()
    pending = sorted(first_seen, key=first_seen.__getitem__)
    while pending:
        ready = next((k for k in pending if after[k] <= placed), pending[0])
        done.append(ready)
        placed.add(ready)
        pending.remove(ready)
    return done
