"""Page images of one unit's 实施方案 PDF for the guide (docs/screenshots/plan_DY01_*.png):
cover, 单元概况, 低效用地认定 (the list), 资金平衡 and 附图, found by their headings; and,
from DY02's PDF beside it (the demo gives DY02 the sample scenario store), the page of
十、方案比选's comparison table at print resolution (plan_scenarios_page.png).

    bash scripts/run demo          # writes output/demo/plans/DY01_实施方案.pdf
    .venv/bin/python scripts/make_plan_screenshots.py output/demo/plans/DY01_实施方案.pdf
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
#: Resolution of the page images (A4 → 661 × 935 px).
DPI = 80
#: Image name → the heading its page starts or holds (None: the first page).
PAGES = {
    "plan_DY01_cover.png": None,
    "plan_DY01_overview.png": "一、单元概况",
    "plan_DY01_lowland_list.png": "三、低效用地认定",
    "plan_DY01_funding.png": "八、资金平衡",
    "plan_DY01_figures.png": "附图",
}
#: The 方案比选 page of DY02's PDF (image name → heading), and its resolution.
SCENARIO_PAGES = {"plan_scenarios_page.png": "（一）方案指标对比"}
SCENARIO_DPI = 150


def page_texts(pdf: Path) -> list[list[str]]:
    """The text lines of each page, without spaces (poppler spaces CJK text freely)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [["".join(line.split()) for line in page.splitlines()] for page in text.split("\f")]


def page_of(pages: list[list[str]], heading: str | None) -> int:
    """1-based page of ``heading`` after the table of contents (目 录)."""
    if heading is None:
        return 1
    contents = next((i for i, p in enumerate(pages) if "目录" in p), -1)
    wanted = "".join(heading.split())
    for index, lines in enumerate(pages):
        if index > contents and wanted in lines:
            return index + 1
    raise SystemExit(f"no page with the heading {heading}")


def write_pages(pdf: Path, wanted: dict[str, str | None], dpi: int) -> None:
    """Each page of ``pdf`` holding a heading of ``wanted`` as its PNG in docs/screenshots."""
    pages = page_texts(pdf)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, heading in wanted.items():
            number = page_of(pages, heading)
            stem = Path(tmp) / Path(name).stem
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(dpi), "-f", str(number), "-l", str(number),
                 "-singlefile", str(pdf), str(stem)],
                check=True,
            )  # fmt: skip
            shutil.move(f"{stem}.png", OUT / name)
            print(f"{OUT / name} ← page {number}")


def main(argv: list[str]) -> int:
    pdf = Path(argv[0]) if argv else ROOT / "output" / "demo" / "plans" / "DY01_实施方案.pdf"
    write_pages(pdf, PAGES, DPI)
    scenarios = pdf.with_name("DY02_实施方案.pdf")
    if scenarios.is_file():
        write_pages(scenarios, SCENARIO_PAGES, SCENARIO_DPI)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
