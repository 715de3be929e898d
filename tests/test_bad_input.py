"""The bad-input matrix (issue 11): every case of ``tests/badinput.py`` against every
algorithm, each checked against the outcome documented in ``docs/bad_input.md``.

Every run: the changed input is unchanged afterwards (file hash or memory-layer
snapshot); a refusal is a ``QgsProcessingException`` whose message names what to fix
and carries no Python traceback, with no output file left; a success accounts for
every input feature (one output row per input row, ids kept) and reports any repair.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from badinput import (
    CASE_IDS,
    CASES,
    DOC,
    SPECS,
    TRACEBACK_WORDS,
    Rows,
    file_hashes,
    layer_snapshot,
    sample_layer,
)
from qgis.core import NULL, QgsProcessingException, QgsProcessingFeedback

OUTCOMES = ("refused", "repaired", "warned", "accepted", "n/a")


class Feedback(QgsProcessingFeedback):
    """Records what the user sees in the log; cancels when progress reaches ``cancel_at``."""

    def __init__(self, cancel_at: float | None = None) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.cancel_at = cancel_at
        if cancel_at is not None:
            self.progressChanged.connect(self._maybe_cancel)

    def _maybe_cancel(self, value: float) -> None:
        if value >= self.cancel_at and not self.isCanceled():
            self.cancel()

    def pushInfo(self, info: str) -> None:  # noqa: N802 (QGIS API)
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802 (QGIS API)
        self.lines.append(warning)
        super().pushWarning(warning)

    def reportError(self, error: str, fatal: bool = False) -> None:  # noqa: N802 (QGIS API)
        self.lines.append(error)
        super().reportError(error, fatal)


# ----------------------------------------------------------- the documented table


def documented() -> dict[tuple[str, str], tuple[str, str]]:
    """(case, algorithm) → (outcome, what the user sees) from docs/bad_input.md.

    A row's algorithm column is ``*`` (every algorithm not named in a more specific
    row of the same case) or a comma-separated list of algorithm names."""
    table: dict[tuple[str, str], tuple[str, str]] = {}
    generic: dict[str, tuple[str, str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not re.fullmatch(r"`[a-z0-9_]+`", cells[0]):
            continue
        case, algs, outcome, sees = cells[0].strip("`"), cells[1], cells[2], cells[3]
        assert outcome in OUTCOMES, line
        if algs == "*":
            generic[case] = (outcome, sees)
        else:
            for alg in (a.strip().strip("`") for a in algs.split(",")):
                assert alg in SPECS, f"{alg} in {line}"
                table[(case, alg)] = (outcome, sees)
    for case, value in generic.items():
        for alg in SPECS:
            table.setdefault((case, alg), value)
    return table


DOCUMENTED = documented() if DOC.is_file() else {}


def test_the_table_covers_every_case_and_algorithm():
    assert DOC.is_file()
    missing = [(c, a) for c in CASE_IDS for a in SPECS if (c, a) not in DOCUMENTED]
    assert not missing
    unknown = {c for c, _ in DOCUMENTED} - set(CASE_IDS)
    assert not unknown, f"docs/bad_input.md names cases that are not tested: {unknown}"


# ------------------------------------------------------------------------ running


@pytest.fixture(scope="module")
def identified(lowland_provider, tmp_path_factory) -> Path:
    """identifyparcels on the whole sample district: the input of exportdatabase and
    progressstats."""
    from badinput import DISTRICT

    import processing

    out = tmp_path_factory.mktemp("identified") / "identified.gpkg"
    processing.run(
        "lowland:identifyparcels",
        {
            "PARCELS": f"{DISTRICT}|layername=parcels",
            "BUILDINGS": f"{DISTRICT}|layername=buildings",
            "LANDSURVEY": f"{DISTRICT}|layername=landsurvey",
            "PLAN": f"{DISTRICT}|layername=plan",
            "REFERENCE_DATE": "2025-06-30",
            "OUTPUT": str(out),
        },
    )
    return out


@pytest.fixture(scope="module")
def generated(lowland_provider, identified, tmp_path_factory) -> dict[str, Path]:
    """Layers made by the algorithms from the sample: identified parcels (input of
    exportdatabase, progressstats, buildunits), blocks (input of buildunits), units and
    parcels with unit_id (inputs of generateplan)."""
    from badinput import DISTRICT, UNITS

    import processing

    blocks = tmp_path_factory.mktemp("blocks") / "blocks.gpkg"
    processing.run(
        "lowland:delineateblocks",
        {
            "ROADS": f"{DISTRICT}|layername=roads",
            "BOUNDARY": f"{DISTRICT}|layername=boundary",
            "OUTPUT": str(blocks),
            "ROAD_RESERVE": "TEMPORARY_OUTPUT",
            "REMOVED": "TEMPORARY_OUTPUT",
        },
    )
    folder = blocks.parent
    units = processing.run(
        "lowland:buildunits",
        {
            "BLOCKS": str(blocks),
            "PARCELS": str(identified),
            "MODE": 0,
            "UNITS": f"{UNITS}|layername=units",
            "OUTPUT": str(folder / "units.gpkg"),
            "PARCELS_OUTPUT": str(folder / "unit_parcels.gpkg"),
            "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT",
            "CONFLICTS": "TEMPORARY_OUTPUT",
        },
    )
    return {
        "identified": identified,
        "blocks": blocks,
        "units": Path(units["OUTPUT"]),
        "unit_parcels": Path(units["PARCELS_OUTPUT"]),
    }


def output_params(spec, tmp: Path) -> dict:
    out = {}
    for name in spec.outputs:
        if name == "REPORT":
            out[name] = str(tmp / "out_report.html")
        elif name == "OUTPUT_FOLDER":
            out[name] = str(tmp / "out_folder")
        else:
            out[name] = str(tmp / f"out_{name}.gpkg")
    return out


def leftovers(tmp: Path) -> list[str]:
    """Output files left in ``tmp`` (an output folder left empty holds none)."""
    found = []
    for p in tmp.iterdir():
        if p.name.startswith("out_"):
            found += [str(q.relative_to(tmp)) for q in p.rglob("*")] if p.is_dir() else [p.name]
    return sorted(found)


def run_case(spec, case, tmp: Path, generated: dict[str, Path]):
    """Build the case, run the algorithm. Returns (built, base rows, outcome, detail)."""
    import processing

    base = {i.param: Rows.of(sample_layer(i.layer, generated), i.limit) for i in spec.inputs}
    built = case.build(spec, base, tmp)
    if built is None:
        return None, base, "n/a", None
    params = dict(spec.extra)
    hashes: dict[str, dict] = {}
    snapshots: dict[int, list] = {}
    for i in spec.inputs:
        if i.param not in built.params:
            lyr = base[i.param].memory(i.param.lower())
            params[i.param] = lyr
            snapshots[id(lyr)] = layer_snapshot(lyr)
            built.memory.append(lyr)
    params.update(built.params)
    for path in built.files:
        hashes[path] = file_hashes(path)
    for lyr in built.memory:
        snapshots.setdefault(id(lyr), layer_snapshot(lyr))
    params.update(output_params(spec, tmp))
    params.update(built.outputs)
    feedback = Feedback(built.cancel_at)
    try:
        result = processing.run(f"lowland:{spec.alg}", params, feedback=feedback)
        outcome, detail = "ran", (result, feedback.lines)
    except QgsProcessingException as err:
        outcome, detail = "refused", (str(err), feedback.lines)
    # never a modified input
    for path, before in hashes.items():
        assert file_hashes(path) == before, f"input {path} was modified"
    for lyr in built.memory:
        assert layer_snapshot(lyr) == snapshots[id(lyr)], "memory input was modified"
    return built, base, outcome, detail


def _output_rows(path: str):
    from lowland_under_test.lowland_plugin.bridge.ogr_io import read_ogr_layer

    return read_ogr_layer(path)


#: For each algorithm: (output, input, id field) where every input row is one output row
#: (the first is the one whose text attributes are followed in the file cases).
PER_FEATURE: dict[str, tuple[str, str, str]] = {
    "parcelindicators": ("OUTPUT", "PARCELS", "parcel_id"),
    "identifyparcels": ("OUTPUT", "PARCELS", "parcel_id"),
    "legacyland": ("OUTPUT", "PARCELS", "parcel_id"),
    "farcheck": ("OUTPUT", "PROJECTS", "project_id"),
    "scatteredland": ("OUTPUT", "PROJECTS", "project_id"),
    "mixeduse": ("OUTPUT", "PROJECTS", "project_id"),
    "usechange": ("OUTPUT", "PROJECTS", "project_id"),
    "landprice": ("OUTPUT", "PROJECTS", "project_id"),
    "statusquocheck": ("OUTPUT", "STATUSQUO", "item"),
    "buildingconversion": ("OUTPUT", "CONVERSION", "unit_ref"),
    "delineateblocks": ("PARCELS_OUTPUT", "PARCELS", "parcel_id"),
    "buildunits": ("BLOCKS_OUTPUT", "BLOCKS", "block_id"),
}
#: Further per-feature outputs checked the same way.
ALSO_PER_FEATURE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "buildunits": (("PARCELS_OUTPUT", "PARCELS", "parcel_id"),),
}


def _text(value) -> str:
    return "None" if value is None or value == NULL else str(value)


def accounted(spec, built, base, result) -> None:
    """Every input feature of the per-feature input is one output row, ids kept."""
    if spec.alg in PER_FEATURE:
        for out_name, param, id_field in (
            PER_FEATURE[spec.alg],
            *ALSO_PER_FEATURE.get(spec.alg, ()),
        ):
            rows = built.rows if built is not None and built.target == param else base[param]
            out = _output_rows(result[out_name])
            expected = sorted(_text(a.get(id_field)) for a, _ in rows.rows)
            got = sorted(str(v) if v is not None and v == v else "None" for v in out[id_field])
            assert got == expected, out_name
    elif spec.alg == "compareversions":
        out = _output_rows(result["OUTPUT"])
        for param, column in (("OLD", "old_id"), ("NEW", "new_id")):
            rows = built.rows if built is not None and built.target == param else base[param]
            # ids are matched and written without leading/trailing white space (issue 21)
            ids = {_text(a.get("parcel_id")).strip() for a, _ in rows.rows} - {"None"}
            assert ids <= set(out[column].dropna().astype(str)), param
    elif spec.alg == "progressstats":
        out = _output_rows(result["OUTPUT"])
        assert len(out) > 0
    elif spec.alg == "exportdatabase":
        assert Path(result["REPORT"]).is_file()
    elif spec.alg == "evaluatescenarios":  # one column per scenario of the unit, every row
        rows = (
            built.rows if built is not None and built.target == "SCENARIOS" else base["SCENARIOS"]
        )
        wanted = sorted(_text(a["scenario_id"]) for a, _ in rows.rows if a["unit_id"] == "DY02")
        out = _output_rows(result["OUTPUT"])
        assert sorted(c for c in out.columns if c.startswith("DY02-")) == wanted
        assert "failed_checks" in set(out["indicator_key"])
    elif spec.alg == "generateplan":  # one HTML document per input unit
        rows = built.rows if built is not None and built.target == "UNITS" else base["UNITS"]
        docs = _output_rows(result["DOCUMENTS"])
        html = docs[docs["format"] == "html"]
        assert sorted(html["unit_id"].astype(str)) == sorted(
            _text(a["unit_id"]) for a, _ in rows.rows
        )
        assert all(Path(p).is_file() for p in html["path"])


MATRIX = [(c, a) for c in CASE_IDS for a in SPECS]


@pytest.mark.parametrize(("case_id", "alg"), MATRIX, ids=[f"{c}-{a}" for c, a in MATRIX])
def test_bad_input(case_id, alg, lowland_provider, generated, tmp_path):
    spec = SPECS[alg]
    case = next(c for c in CASES if c.id == case_id)
    expected, sees = DOCUMENTED.get((case_id, alg), ("?", ""))
    built, base, outcome, detail = run_case(spec, case, tmp_path, generated)
    if outcome == "n/a":
        assert expected == "n/a"
        return
    if outcome == "refused":
        message, _ = detail
        assert expected == "refused", f"refused: {message}"
        for word in TRACEBACK_WORDS:
            assert word not in message, message
        assert " / " in message or "/" in message  # bilingual
        if built.needle and case.kind in ("geometry", "crs", "field"):
            assert built.needle in message, message
        for needle in re.findall(r"`([^`]+)`", sees):
            assert needle in message, (needle, message)
        assert leftovers(tmp_path) == [], "a refused run left output behind"
        return
    result, lines = detail
    assert expected in ("repaired", "warned", "accepted"), f"ran; log: {lines[-5:]}"
    accounted(spec, built, base, result)
    log = "\n".join(lines)
    if expected in ("repaired", "warned"):
        for needle in re.findall(r"`([^`]+)`", sees):
            assert needle in log, (needle, log[-2000:])
    if case.kind == "file" and spec.alg in PER_FEATURE and PER_FEATURE[spec.alg][1] == built.target:
        # Chinese attributes arrive intact in the per-feature output
        out = _output_rows(result[PER_FEATURE[spec.alg][0]])
        texts = {str(v) for c in out.columns if out[c].dtype == object for v in out[c]}
        assert built.needle in texts, sorted(texts)[:20]
