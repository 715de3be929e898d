"""Screenshots of QGIS desktop with Lowland loaded, under Xvfb (`bash scripts/run screenshot`).

Starts QGIS (fresh profile) on a virtual 1366x768 screen, loads the sample district,
opens the 「低效用地再开发」 menu and saves docs/screenshots/qgis_menu_<lang>.png.
Other scenes (``--scene``): ``identify`` (the styled identification result),
``identify-table`` (with its attribute table), ``review`` (the 地块核查 dock on the
result, a low-efficiency parcel selected with its reasons), ``review-batch`` (six
parcels selected in the list and confirmed in one decision, one undo step), ``plan`` (the 实施方案生成
dock on the sample chain's four units, with their statistics, over the result; its inputs
scroll at 1366x768), ``units`` (lowland:delineateblocks and
lowland:buildunits on the sample: blocks and units over the result, the 绘制再开发单元
tool drawing a new unit, its 单元实时统计 panel following the outline), ``units-blocks``
(the same, in the tool's 点选街坊 mode: two blocks clicked, the live figures of their union),
``scenarios`` (the 方案比选 dock on a 1600x1200 screen: the sample store's two scenarios
of DY02 with the 控规 layer and the chain's parcels, the comparison table and failed
checks) and ``scenarios-charts`` (the same, its charts tab).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locale", default="zh_CN")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument(
        "--scene",
        choices=(
            "menu",
            "identify",
            "identify-table",
            "review",
            "review-batch",
            "plan",
            "units",
            "units-blocks",
            "scenarios",
            "scenarios-charts",
        ),
        default="menu",
    )
    args = parser.parse_args(argv)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        plugins = Path(tmp) / "plugins"
        plugins.mkdir()
        (plugins / "lowland").symlink_to(ROOT)
        env = dict(os.environ)
        env.pop("QT_QPA_PLATFORM", None)
        env.update(
            QGIS_PLUGINPATH=str(plugins),
            LOWLAND_SHOT_OUT=str(out_dir / f"qgis_{args.scene}_{args.locale}.png"),
            LOWLAND_SCENE=args.scene.split("-")[0],
            LOWLAND_TABLE="1" if args.scene.endswith("table") else "",
            LOWLAND_BATCH="1" if args.scene.endswith("batch") else "",
            LOWLAND_PICK_BLOCKS="1" if args.scene == "units-blocks" else "",
            LOWLAND_CHARTS="1" if args.scene == "scenarios-charts" else "",
            LOWLAND_SAMPLE=str(ROOT / "resources" / "sample" / "sample_district.gpkg"),
            LOWLAND_WORK=str(tmp),  # intermediate outputs of a scene (units: blocks, units)
            LANG=f"{args.locale}.UTF-8",
        )
        cmd = [
            "xvfb-run",
            "-a",
            "-s",
            f"-screen 0 {'1600x1200' if args.scene.startswith('scenarios') else '1366x768'}x24",
            "/usr/bin/qgis",
            "--noversioncheck",
            "--nologo",
            "--profiles-path",
            str(Path(tmp) / "profiles"),
            "--lang",
            args.locale,
            "--code",
            str(ROOT / "scripts" / "qgis_screenshot_code.py"),
        ]
        target = Path(env["LOWLAND_SHOT_OUT"])
        target.unlink(missing_ok=True)  # a scene that fails leaves no stale picture behind
        proc = subprocess.run(cmd, env=env, timeout=180, capture_output=True, text=True)
        error = Path(str(target) + ".err")
        if error.exists():
            sys.stderr.write(error.read_text(encoding="utf-8"))
            error.unlink()
            return 1
        if not target.exists():
            sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
            return 1
        for suffix in (".gpkg", ".gpkg-shm", ".gpkg-wal"):  # the scenes' identification output
            Path(str(target) + suffix).unlink(missing_ok=True)
        print(f"[screenshot] {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
