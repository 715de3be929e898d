"""The demo (`bash scripts/run demo`): the whole chain on the sample district through
``qgis_process``, then a short summary.

1. ``lowland:fullchain`` (the bundled model: indicators → identification → legacy land
   → blocks → units → progress → project checks → database export → 实施方案);
2. ``lowland:statusquocheck`` and ``lowland:buildingconversion`` on the sample
   projects' application tables (they are not part of the chain: see the model's help),
   and ``lowland:evaluatescenarios`` on the sample scenario store (two plans of unit
   DY02, ``sample_scenarios.gpkg``; the unit statistics and parcels of the chain's units);
3. a summary: parcels, low-efficiency area by type, blocks, units, checks, QC and the
   documents written, the comparison of the two scenarios with their failed checks, then the rule profile used and every value of it that is pending
   or a local choice, with its source (no pending value is shown without saying so);
4. ``lowland_demo.qgz``: a QGIS project over the outputs with the review atlas in its
   layouts (scripts/make_demo_project.py).

Run by scripts/run with QGIS_PLUGINPATH/PYTHONPATH set and the plugin enabled.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"
QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")

#: model output → file name in the output folder
LAYER_OUTPUTS = {
    "indicators:indicators": "parcel_indicators.gpkg",
    "identify:identified": "identified_parcels.gpkg",
    "legacy:legacy": "legacy_land.gpkg",
    "blocks:blocks": "blocks.gpkg",
    "blocks:parcels_in_blocks": "parcels_in_blocks.gpkg",
    "units:redevelopment_units": "units.gpkg",
    "units:parcels_in_units": "parcels_in_units.gpkg",
    "progress:progress": "progress.gpkg",
    "far:far": "check_far.gpkg",
    "scattered:scattered": "check_scattered.gpkg",
    "mixeduse:mixeduse": "check_mixeduse.gpkg",
    "landprice:landprice": "check_landprice.gpkg",
    "usechange:usechange": "check_usechange.gpkg",
    "export:database": "database.gpkg",
    "export:qc_errors": "qc_errors.gpkg",
    "plan:documents": "documents.gpkg",
}


def chain_arguments(out: Path, sample: Path = SAMPLE) -> list[str]:
    """``qgis_process run lowland:fullchain`` arguments on the sample (the folder
    ``sample``, by default the repository's), outputs in ``out``."""
    district = sample / "sample_district.gpkg"
    units = sample / "sample_units.gpkg"
    projects = sample / "sample_projects.gpkg"
    args = [
        f"parcels={district}|layername=parcels",
        f"buildings={district}|layername=buildings",
        f"landsurvey={district}|layername=landsurvey",
        f"plan={district}|layername=plan",
        f"roads={district}|layername=roads",
        f"boundary={district}|layername=boundary",
        f"units={units}|layername=units",
        "unit_mode=0",  # the four hand-drawn sample units
        f"projects={projects}|layername=projects",
        f"pieces={projects}|layername=pieces",
        f"zones={projects}|layername=zones",
        f"scenarios={sample / 'sample_scenarios.gpkg'}",  # DY02's 方案比选 chapter
        "profile=default",
        "reference_date=2025-06-30",
        "admin_code=640106",
        f"plan:plans={out / 'plans'}",
        f"export:qc_report={out / 'qc_report.html'}",
    ]
    return args + [f"{key}={out / name}" for key, name in LAYER_OUTPUTS.items()]


def run(alg: str, args: list[str], log: Path) -> dict:
    """Run one algorithm or model in qgis_process; its results (JSON); exit on failure."""
    proc = subprocess.run(
        [QGIS_PROCESS, "run", alg, "--json", "--", *args],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"[demo] {alg} failed (exit {proc.returncode}); log: {log}")
    return json.loads(proc.stdout[proc.stdout.index("{") :])


def fresh(out: Path) -> None:
    """Remove the outputs of an earlier demo run (qgis_process does not overwrite a folder)."""
    for name in [*LAYER_OUTPUTS.values(), "qc_report.html", "check_statusquo.gpkg"]:
        (out / name).unlink(missing_ok=True)
    (out / "check_conversion.gpkg").unlink(missing_ok=True)
    for name in ("scenario_comparison.gpkg", "scenario_failures.gpkg", "scenario_comparison.xlsx"):
        (out / name).unlink(missing_ok=True)
    shutil.rmtree(out / "plans", ignore_errors=True)
    (out / "lowland_demo.qgz").unlink(missing_ok=True)


def profile_notes(profile) -> list[str]:
    """The summary's last lines: the rule profile used and each value of it whose source
    is not adopted (``pending`` / ``local_choice``: enabled criteria and exemptions,
    conversion, funding, then the ``local`` values), each with its source."""
    rules = [r for r in [*profile.rules.values(), *profile.exemptions.values()] if r.enabled]
    rules += [r for r in (profile.conversion, profile.funding) if r is not None]
    notes = [item for rule in rules for item in profile.pending_params(rule)]
    notes += profile.pending()
    if not notes:
        return [
            f"[demo] 规则档案 {profile.label}：所有取值均已采用（来源见 docs/guide/rules_zh.md）。"
        ]
    return [
        f"[demo] 规则档案 {profile.label}：以下 {len(notes)} 项取值待定或为本地取值，"
        "使用前须由城市确认（全部取值与来源见 docs/guide/rules_zh.md）：",
        *(f"[demo]   {n}" for n in notes),
    ]


def summary(out: Path) -> None:
    sys.path.append(str(ROOT))  # appended, never first: ROOT/processing must not shadow QGIS's
    from lowland_plugin.bridge.ogr_io import read_ogr_layer
    from lowland_plugin.core.common.fields import value_label

    ident = read_ogr_layer(str(out / "identified_parcels.gpkg"))
    print(
        f"[demo] parcels: {len(ident)}, {ident['area_m2'].sum() / 10000:.2f} ha "
        f"({ident['area_mu'].sum():.1f} 亩); profile {ident['profile_id'].iloc[0]}@"
        f"{ident['profile_version'].iloc[0]}"
    )
    print(f"[demo]   {'认定结论 / 低效类型':<28}{'宗数':>6}{'面积(亩)':>12}{'面积(公顷)':>12}")
    ident["group"] = ident["verdict"].where(ident["verdict"] != "lowland", ident["lowland_type"])
    for key, part in ident.groupby("group", sort=False):
        field = "lowland_type" if key in set(ident["lowland_type"].dropna()) else "verdict"
        print(
            f"[demo]   {value_label(field, key):<28}{len(part):>6}"
            f"{part['area_mu'].sum():>12.1f}{part['area_m2'].sum() / 10000:>12.2f}"
        )
    legacy = read_ogr_layer(str(out / "legacy_land.gpkg"))
    counts = legacy["legacy_class"].dropna().map(lambda v: value_label("legacy_class", v))
    print(
        "[demo] 历史遗留用地: "
        + ", ".join(f"{k} {v}" for k, v in counts.value_counts().sort_index().items())
    )
    blocks = read_ogr_layer(str(out / "blocks.gpkg"))
    print(
        f"[demo] 街坊: {len(blocks)} ({blocks['block_id'].iloc[0]}…{blocks['block_id'].iloc[-1]})"
    )
    units = read_ogr_layer(str(out / "units.gpkg")).sort_values("unit_id")
    print(f"[demo] 再开发单元: {len(units)}")
    for unit in units.itertuples():
        phase = value_label("phase", unit.phase) if isinstance(unit.phase, str) else "—"
        print(
            f"[demo]   {unit.unit_id} {unit.unit_name}: {unit.area_m2 / 10000:.2f} ha, "
            f"{unit.block_count} 街坊, 低效 {unit.lowland_area_m2 / 10000:.2f} ha "
            f"({unit.lowland_share:.1%}), 实施时序 {phase}"
        )
    checks = (
        ("check_far", "project_id", "far_pass", "容积率核定 far_pass"),
        ("check_scattered", "project_id", "scattered_pass", "零星用地 scattered_pass"),
        ("check_landprice", "project_id", "price_due", "补缴地价 price_due (元)"),
        ("check_mixeduse", "project_id", "main_use", "混合用地主用途 main_use"),
        ("check_usechange", "project_id", "usechange_pathway", "用途转变路径"),
        ("check_statusquo", "item", "sq_status", "按现状核定 sq_status (PRJ02)"),
        ("check_conversion", "unit_ref", "conversion_status", "功能转换"),
    )
    for name, key, value, label in checks:
        table = read_ogr_layer(str(out / f"{name}.gpkg"))
        pairs = ", ".join(f"{k}={v}" for k, v in zip(table[key], table[value], strict=True))
        print(f"[demo] {label}: {pairs}")
    database = read_ogr_layer(str(out / "database.gpkg"))
    errors = read_ogr_layer(str(out / "qc_errors.gpkg"))
    print(
        f"[demo] 上图入库: {len(database)} 图斑 in database.gpkg; QC issues {len(errors)} "
        f"(report qc_report.html)"
    )
    documents = read_ogr_layer(str(out / "documents.gpkg"))
    kinds = documents["format"].value_counts().sort_index()
    print(
        f"[demo] 实施方案: {len(documents)} files in {out / 'plans'} ("
        + ", ".join(f"{k} {v}" for k, v in kinds.items())
        + ")"
    )
    for path in sorted(documents["path"]):
        print(f"[demo]   {Path(path).relative_to(out)}")
    from lowland_plugin.core.common.profiles import load_profile

    for line in profile_notes(load_profile(str(ident["profile_id"].iloc[0]))):
        print(line)


def scenario_arguments(out: Path, sample: Path = SAMPLE) -> list[str]:
    """``lowland:evaluatescenarios`` arguments on the sample scenario store (unit DY02),
    with the unit statistics of the chain's units; outputs in ``out``."""
    store = sample / "sample_scenarios.gpkg"
    return [
        f"SCENARIOS={store}|layername=scenarios",
        f"SCENARIO_PROJECTS={store}|layername=scenario_projects",
        f"PIECES={store}|layername=scenario_pieces",
        f"ZONES={sample / 'sample_projects.gpkg'}|layername=zones",
        f"CONTROLS={sample / 'sample_district.gpkg'}|layername=plan",
        f"UNITS={out / 'units.gpkg'}",
        f"PARCELS={out / 'parcels_in_units.gpkg'}",  # compensation as in 八、资金平衡
        "UNIT=DY02",
        f"OUTPUT={out / 'scenario_comparison.gpkg'}",
        f"FAILURES={out / 'scenario_failures.gpkg'}",
        f"XLSX={out / 'scenario_comparison.xlsx'}",
    ]


def scenario_summary(out: Path) -> list[str]:
    """The summary lines of the scenario comparison: one line per indicator (values per
    scenario, unknown as 未知, the best marked), then every failed check with its clause."""
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # appended, never first (as in summary)
    from lowland_plugin.bridge.ogr_io import read_ogr_layer

    table = read_ogr_layer(str(out / "scenario_comparison.gpkg"))
    ids = [c for c in table.columns if c not in SCENARIO_FIXED and c != "geometry"]
    lines = [f"[demo] 方案比选 (unit DY02): {', '.join(ids)}; scenario_comparison.xlsx"]
    for values in table.drop(columns="geometry", errors="ignore").to_dict("records"):
        shown = [
            "未知" if values[i] != values[i] else f"{values[i]:,.2f}".rstrip("0").rstrip(".")
            for i in ids
        ]
        best = f"  最优 {values['best']}" if values["best"] else ""
        unit = f" ({values['measure_unit']})" if values["measure_unit"] else ""
        lines.append(f"[demo]   {values['indicator']}{unit}: " + " | ".join(shown) + best)
    failed = read_ogr_layer(str(out / "scenario_failures.gpkg"))
    for sid in ids:
        mine = failed[failed["scenario_id"] == sid]
        if mine.empty:
            lines.append(f"[demo]   {sid}: 各项核查均通过")
        for f in mine.itertuples(index=False):
            lines.append(f"[demo]   {sid} 未通过 [{f.clause}] {f.project_id or '—'}: {f.reason}")
    return lines


#: The fixed columns of the comparison table (the others are scenario ids).
SCENARIO_FIXED = ("unit_id", "indicator_key", "indicator", "measure_unit", "clause", "best")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "output" / "demo"
    out.mkdir(parents=True, exist_ok=True)
    fresh(out)
    projects = SAMPLE / "sample_projects.gpkg"
    print("[demo] lowland:fullchain (全流程：调查数据 → 实施方案) on the sample district")
    result = run("lowland:fullchain", chain_arguments(out), out / "fullchain.log")
    print(f"[demo]   {len(result['results'])} outputs; log {out / 'fullchain.log'}")
    print("[demo] lowland:statusquocheck and lowland:buildingconversion (application tables)")
    run(
        "lowland:statusquocheck",
        [
            f"STATUSQUO={projects}|layername=statusquo",
            f"PROJECTS={projects}|layername=projects",
            "SUMMARY=TEMPORARY_OUTPUT",
            f"OUTPUT={out / 'check_statusquo.gpkg'}",
        ],
        out / "statusquocheck.log",
    )
    run(
        "lowland:buildingconversion",
        [f"CONVERSION={projects}|layername=conversion", f"OUTPUT={out / 'check_conversion.gpkg'}"],
        out / "buildingconversion.log",
    )
    print("[demo] lowland:evaluatescenarios (方案评估比选: sample_scenarios.gpkg, unit DY02)")
    run("lowland:evaluatescenarios", scenario_arguments(out), out / "evaluatescenarios.log")
    summary(out)
    for line in scenario_summary(out):
        print(line)
    project = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_demo_project.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if project.returncode != 0:
        sys.stderr.write(project.stdout[-3000:] + project.stderr[-3000:])
        raise SystemExit("[demo] the QGIS project could not be written")
    print(project.stdout.strip())
    print("[demo] open the GeoPackages in QGIS: styles, Chinese aliases and value maps load")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
