"""方案比选 charts (issue 23 item 4): PNG bytes of each chart, drawn with an installed
CJK font (Chinese labels, not boxes)."""

from __future__ import annotations

import io

import pytest

from lowland_under_test.lowland_plugin.core.scenarios import charts
from lowland_under_test.tests.scenario_helpers import two_scenarios

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_a_cjk_font_is_found_and_it_has_the_chinese_glyphs():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = charts.cjk_font()
    assert family is not None
    path = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    font = FT2Font(path)
    # every character of a chart title has a glyph (index 0 = .notdef, the box)
    for char in "".join(charts.CHART_TITLES.values()) + "收入支出未知":
        assert font.get_char_index(ord(char)) != 0, char


@pytest.mark.parametrize("key", sorted(charts.CHARTS))
def test_each_chart_is_a_png_of_the_figure_size(key):
    from matplotlib.image import imread

    data = charts.CHARTS[key](two_scenarios())
    assert data.startswith(PNG_MAGIC)
    image = imread(io.BytesIO(data))
    # 7.0 × 3.6 inches at 150 dpi = 1050 × 540 pixels
    assert image.shape[:2] == (540, 1050)
    assert image[..., :3].std() > 0.05  # bars and text drawn, not a blank canvas


def test_write_charts_writes_one_file_per_chart(tmp_path):
    paths = charts.write_charts(two_scenarios(), tmp_path, prefix="U01_")
    assert sorted(p.name for p in paths.values()) == [
        "U01_funding.png",
        "U01_gfa_by_use.png",
        "U01_resolved_by_phase.png",
    ]
    assert all(p.read_bytes().startswith(PNG_MAGIC) for p in paths.values())


def test_phases_are_stacked_in_time_order_others_after():
    assert charts.phase_order({"远期", "其他", "近期", "中期"}) == ["近期", "中期", "远期", "其他"]


def test_use_label_names_the_code():
    assert charts.use_label("0901") == "商业用地（0901）"
    assert charts.use_label("") == "未填写用途"
    assert charts.use_label("0901", "en") == "0901"


def test_english_texts_for_every_chinese_text_of_the_charts():
    chinese = [*charts.CHART_TITLES.values(), *charts.FUNDING_LABELS.values()]
    for zh in chinese:
        assert charts.text(zh, "en") != zh, zh
    assert charts.text("各方案资金平衡", "zh") == "各方案资金平衡"
    assert charts.chart_images(two_scenarios(), "en")["funding"].startswith(PNG_MAGIC)


def test_without_a_cjk_font_the_charts_are_refused(monkeypatch):
    from lowland_under_test.lowland_plugin.core.common.errors import LowlandInputError

    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    with pytest.raises(LowlandInputError, match="中文字体"):
        charts.funding_chart(two_scenarios())


def test_no_glyph_is_missing_when_drawing(recwarn):
    charts.chart_images(two_scenarios())  # a negative balance: the minus sign too
    missing = [str(w.message) for w in recwarn if "missing from" in str(w.message)]
    assert missing == []
